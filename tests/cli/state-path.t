Where the state file lives: $KUBESIM_STATE, else ~/.kubesim/cluster.json.

The default directory is created on first use, for the user alone.

  $ mkdir "$SCRATCH/home"; (unset KUBESIM_STATE; HOME="$SCRATCH/home" kubesim cluster create --nodes 1 --clock manual --bare); stat -c %a "$SCRATCH/home/.kubesim"
  Created a 1-node practice cluster (scheduler mode, manual clock) in $SCRATCH/home/.kubesim/cluster.json
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')
  700

  $ (unset KUBESIM_STATE; HOME="$SCRATCH/home" kubectl get nodes -o name)
  node/node1

KUBESIM_STATE set but empty is a mistake, not a request for the default.

  $ KUBESIM_STATE= kubectl get nodes
  2> kubesim: KUBESIM_STATE is set but empty; set it to a file, or unset it to use ~/.kubesim/cluster.json
  [2]

  $ KUBESIM_STATE= HOME="$SCRATCH/home" kubesim cluster status
  2> kubesim: KUBESIM_STATE is set but empty; set it to a file, or unset it to use ~/.kubesim/cluster.json
  [2]

A state file that is a symbolic link stays one: the file it points to is
replaced (its temporary file beside it, so the rename never crosses
directories), and the lock is taken beside it, one lock for every name.

  $ mkdir "$SCRATCH/real" "$SCRATCH/links"; ln -s ../real/cluster.json "$SCRATCH/links/cluster.json"; KUBESIM_STATE="$SCRATCH/links/cluster.json" kubesim cluster create --nodes 1 --clock manual --bare
  Created a 1-node practice cluster (scheduler mode, manual clock) in $SCRATCH/links/cluster.json
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ KUBESIM_STATE="$SCRATCH/links/cluster.json" kubectl label node node1 disktype=ssd
  node/node1 labeled

  $ test -L "$SCRATCH/links/cluster.json" && echo still a link; ls "$SCRATCH/links" "$SCRATCH/real"
  still a link
  $SCRATCH/links:
  cluster.json
  
  $SCRATCH/real:
  cluster.json
  cluster.json.lock

  $ KUBESIM_STATE="$SCRATCH/real/cluster.json" kubectl get nodes -L disktype --no-headers -o custom-columns=NAME:.metadata.name,DISK:.metadata.labels.disktype
  node1   ssd

A link to a link, and a directory of links nobody may write in (as root,
the command runs in a user namespace, where root's rights do not reach).

  $ ln -s links/cluster.json "$SCRATCH/again.json"; chmod 555 "$SCRATCH/links"; R=; [ "$(id -u)" != 0 ] || R="unshare -U"; KUBESIM_STATE="$SCRATCH/again.json" $R "$KUBESIM" kubectl label node node1 tier=gold; chmod 755 "$SCRATCH/links"; test -L "$SCRATCH/again.json" && echo still a link
  node/node1 labeled
  still a link

  $ KUBESIM_STATE="$SCRATCH/real/cluster.json" kubectl get nodes --no-headers -o custom-columns=NAME:.metadata.name,TIER:.metadata.labels.tier
  node1   gold

Deleting the cluster through a link removes the file it points to; the link
stays, for the next cluster.

  $ KUBESIM_STATE="$SCRATCH/links/cluster.json" kubesim cluster delete; test -L "$SCRATCH/links/cluster.json" && echo link kept; ls "$SCRATCH/real"
  Deleted the practice cluster ($SCRATCH/links/cluster.json)
  link kept
  cluster.json.lock

A command kept waiting for the lock more than a second says so, once, and
goes on waiting. Here another process holds the lock of the link's target
until the message appears (5 s at most): the link's name takes the same
lock.

  $ KUBESIM_STATE="$SCRATCH/real/cluster.json" kubesim cluster create --nodes 1 --clock manual --bare >/dev/null; flock "$SCRATCH/real/cluster.json.lock" sh -c 'touch "$1"; i=0; until [ -s "$2" ] || [ $i = 250 ]; do sleep 0.02; i=$((i + 1)); done' sh "$SCRATCH/held" "$SCRATCH/err" & while [ ! -e "$SCRATCH/held" ]; do sleep 0.01; done; KUBESIM_STATE="$SCRATCH/links/cluster.json" kubectl get nodes -o name 2>"$SCRATCH/err"; cat "$SCRATCH/err" >&2; wait
  node/node1
  2> kubesim: waiting for the lock on $SCRATCH/links/cluster.json (another kubesim command holds it)

  $ ln -s loop "$SCRATCH/loop"; KUBESIM_STATE="$SCRATCH/loop" kubectl get nodes
  2> kubesim: $SCRATCH/loop: Too many levels of symbolic links
  [2]


A command that reads a slow standard input reads all of it before it takes
the lock, so other commands go on meanwhile without waiting.

  $ printf 'apiVersion: v1\nkind: Pod\nmetadata: {name: slow}\nspec: {containers: [{name: c, image: nginx}]}\n' > "$SCRATCH/slow.yaml"; (sleep 1.5; cat "$SCRATCH/slow.yaml") | KUBESIM_STATE="$SCRATCH/real/cluster.json" kubectl apply -f - > "$SCRATCH/applied" & sleep 0.2; KUBESIM_STATE="$SCRATCH/real/cluster.json" kubectl get nodes -o name; wait; cat "$SCRATCH/applied"
  node/node1
  pod/slow created
