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

