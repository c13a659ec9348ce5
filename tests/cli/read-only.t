A practice cluster in a directory the user may not write in (a shared
cluster, a read-only mount): reads work and print their output; the one
thing lost is the real clock's advance, said in one line, and the next
command catches up. Changes are refused and the file is left as it is.
As root, whom permissions do not stop, the commands run in a user
namespace ($RO), where root's rights do not reach.

  $ mkdir "$SCRATCH/ro"; KUBESIM_STATE="$SCRATCH/ro/cluster.json" kubesim cluster create --nodes 2 --bare; cp "$SCRATCH/ro/cluster.json" "$SCRATCH/before.json"
  Created a 2-node practice cluster (scheduler mode, real clock) in $SCRATCH/ro/cluster.json
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ RO=; [ "$(id -u)" != 0 ] || RO="unshare -U"; chmod 555 "$SCRATCH/ro"; KUBESIM_STATE="$SCRATCH/ro/cluster.json" $RO "$KUBESIM" kubectl get nodes -o name; s=$?; chmod 755 "$SCRATCH/ro"; exit $s
  node/node1
  node/node2
  2> kubesim: the clock's advance could not be saved (cannot write $SCRATCH/ro/cluster.json.tmp: Permission denied)

A read that fails keeps its own exit status.

  $ RO=; [ "$(id -u)" != 0 ] || RO="unshare -U"; chmod 555 "$SCRATCH/ro"; KUBESIM_STATE="$SCRATCH/ro/cluster.json" $RO "$KUBESIM" kubectl get node node9; s=$?; chmod 755 "$SCRATCH/ro"; exit $s
  2> Error from server (NotFound): nodes "node9" not found
  2> kubesim: the clock's advance could not be saved (cannot write $SCRATCH/ro/cluster.json.tmp: Permission denied)
  [1]

  $ RO=; [ "$(id -u)" != 0 ] || RO="unshare -U"; chmod 555 "$SCRATCH/ro"; KUBESIM_STATE="$SCRATCH/ro/cluster.json" $RO "$KUBESIM" cluster status | grep Nodes; chmod 755 "$SCRATCH/ro"
  Nodes:       2 (2 Ready)
  2> kubesim: the clock's advance could not be saved (cannot write $SCRATCH/ro/cluster.json.tmp: Permission denied)

  $ RO=; [ "$(id -u)" != 0 ] || RO="unshare -U"; chmod 555 "$SCRATCH/ro"; KUBESIM_STATE="$SCRATCH/ro/cluster.json" $RO "$KUBESIM" cluster fail-node node9; s=$?; chmod 755 "$SCRATCH/ro"; exit $s
  2> error: node "node9" not found
  2> kubesim: the clock's advance could not be saved (cannot write $SCRATCH/ro/cluster.json.tmp: Permission denied)
  [1]

A change is refused, with no success line.

  $ RO=; [ "$(id -u)" != 0 ] || RO="unshare -U"; chmod 555 "$SCRATCH/ro"; KUBESIM_STATE="$SCRATCH/ro/cluster.json" $RO "$KUBESIM" kubectl label node node1 disktype=ssd; s=$?; chmod 755 "$SCRATCH/ro"; exit $s
  2> kubesim: cannot write $SCRATCH/ro/cluster.json.tmp: Permission denied (the change was not saved)
  [2]

Without its lock file, which cannot be created there, a read goes on
unlocked: the file is only ever replaced whole, so it reads a whole one.

  $ rm "$SCRATCH/ro/cluster.json.lock"; RO=; [ "$(id -u)" != 0 ] || RO="unshare -U"; chmod 555 "$SCRATCH/ro"; KUBESIM_STATE="$SCRATCH/ro/cluster.json" $RO "$KUBESIM" kubectl get nodes -o name; s=$?; chmod 755 "$SCRATCH/ro"; exit $s
  node/node1
  node/node2
  2> kubesim: the clock's advance could not be saved (cannot create the lock file $SCRATCH/ro/cluster.json.lock: Permission denied)

  $ RO=; [ "$(id -u)" != 0 ] || RO="unshare -U"; chmod 555 "$SCRATCH/ro"; KUBESIM_STATE="$SCRATCH/ro/cluster.json" $RO "$KUBESIM" cluster add-node node3; s=$?; chmod 755 "$SCRATCH/ro"; exit $s
  2> kubesim: cannot create the lock file $SCRATCH/ro/cluster.json.lock: Permission denied (the change was not saved)
  [2]

  $ cmp "$SCRATCH/ro/cluster.json" "$SCRATCH/before.json" && ls "$SCRATCH/ro"
  cluster.json

On a manual clock nothing moves by itself, so a read has nothing to save
and says nothing more.

  $ mkdir "$SCRATCH/ro2"; KUBESIM_STATE="$SCRATCH/ro2/cluster.json" kubesim cluster create --nodes 1 --bare --clock manual >/dev/null; RO=; [ "$(id -u)" != 0 ] || RO="unshare -U"; chmod 555 "$SCRATCH/ro2"; KUBESIM_STATE="$SCRATCH/ro2/cluster.json" $RO "$KUBESIM" kubectl get nodes -o name; s=$?; chmod 755 "$SCRATCH/ro2"; exit $s
  node/node1

