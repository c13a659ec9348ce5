The built-in kubectl's client side, compared byte for byte with the real
kubectl v1.32 (issue 11, items 6, 13, 15 and 16): global flags before the
verb, pflag's errors as kubectl frames them, taint and label changes that
contradict themselves, get's printers, rollout history, and kubectl events.

  $ kubesim cluster create --nodes 2 --clock manual --bare
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl apply -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubesim cluster advance 1m
  Advanced the clock by 1m0s; the cluster has run for 1m0s

Global flags go before the verb as well as after it (cobra's persistent
flags); those that name a server or a credential mean nothing to kubesim
and are accepted, as are the context, cluster and user of kubesim's
kubeconfig, all named "kubesim" (args.t has the errors for other names).

  $ kubectl -n kube-system get ds
  2> No resources found in kube-system namespace.

  $ kubectl --namespace=default --context=kubesim -s https://x:6443 -v 4 --request-timeout=5s --insecure-skip-tls-verify get ds -o name
  daemonset.apps/fluentd-es-demo

  $ kubectl get ds --cluster kubesim --user kubesim --token t --cache-dir /tmp --match-server-version -o name
  daemonset.apps/fluentd-es-demo

  $ kubectl -n default
  kubectl controls the Kubernetes cluster manager.
  
   Find more information at: https://kubernetes.io/docs/reference/kubectl/
  
  Basic Commands (Beginner):
    create          Create a resource from a file or from stdin
    set             Set specific features on objects
  
  Basic Commands (Intermediate):
    explain         Get documentation for a resource
    get             Display one or many resources
    delete          Delete resources by file names, stdin, resources and names, or by resources and label selector
  
  Deploy Commands:
    rollout         Manage the rollout of a resource
  
  Cluster Management Commands:
    cluster-info    Display cluster information
    cordon          Mark node as unschedulable
    uncordon        Mark node as schedulable
    drain           Drain node in preparation for maintenance
    taint           Update the taints on one or more nodes
  
  Troubleshooting and Debugging Commands:
    describe        Show details of a specific resource or group of resources
    events          List events
  
  Advanced Commands:
    apply           Apply a configuration to a resource by file name or stdin
    replace         Replace a resource by file name or stdin
  
  Settings Commands:
    label           Update the labels on a resource
    annotate        Update the annotations on a resource
  
  Other Commands:
    api-resources   Print the supported API resources on the server
    version         Print the client and server version information
  
  Usage:
    kubectl [flags] [options]
  
  Use "kubectl <command> --help" for more information about a given command.

Shorthand booleans group as pflag groups them.

  $ kubectl get ds -Ao name
  daemonset.apps/fluentd-es-demo

  $ kubectl get ds -Ax
  2> error: unknown shorthand flag: 'x' in -x
  2> See 'kubectl get --help' for usage.
  [1]

Errors before the verb are the root command's, or the plugin handler's
when a flag comes before a word kubectl has no command for.

  $ kubectl --bogus
  2> error: unknown flag: --bogus
  2> See 'kubectl --help' for usage.
  [1]

  $ kubectl -n
  2> error: flag needs an argument: 'n' in -n
  2> See 'kubectl --help' for usage.
  [1]

  $ kubectl --context
  2> error: flag needs an argument: --context
  2> See 'kubectl --help' for usage.
  [1]

  $ kubectl --bogus get pods
  2> Error: flags cannot be placed before plugin name: --bogus
  [1]

  $ kubectl -x get pods
  2> Error: flags cannot be placed before plugin name: -x
  [1]

  $ kubectl --namespace=kube-system bogus
  2> Error: flags cannot be placed before plugin name: --namespace=kube-system
  [1]

  $ kubectl -v=abc get pods
  2> error: invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl get --help' for usage.
  [1]

  $ kubectl --match-server-version=foo get pods
  2> error: invalid argument "foo" for "--match-server-version" flag: strconv.ParseBool: parsing "foo": invalid syntax
  2> See 'kubectl get --help' for usage.
  [1]

  $ kubectl --request-timeout=abc get pods
  2> error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)
  [1]

An unknown command gets cobra's suggestions, over kubectl's commands in
the order kubectl adds them, and no usage line.

  $ kubectl gte pods
  2> error: unknown command "gte" for "kubectl"
  2> 
  2> Did you mean this?
  2> 	get
  [1]

  $ kubectl app -f x.yaml
  2> error: unknown command "app" for "kubectl"
  2> 
  2> Did you mean this?
  2> 	top
  2> 	cp
  2> 	apply
  [1]

  $ kubectl xyzzy
  2> error: unknown command "xyzzy" for "kubectl"
  [1]

Global flags' values are checked as kubectl checks them (klog's -v is a
32-bit level, --profile names a profile).

  $ kubectl -v 99999999999 get pods
  2> error: invalid argument "99999999999" for "-v, --v" flag: strconv.ParseInt: parsing "99999999999": value out of range
  2> See 'kubectl get --help' for usage.
  [1]

  $ kubectl --profile=bogus version --client
  2> error: unknown profile 'bogus'
  [1]

  $ kubectl --log-flush-frequency=abc get pods
  2> error: invalid argument "abc" for "--log-flush-frequency" flag: parse error
  2> See 'kubectl get --help' for usage.
  [1]

Flag errors after the verb: pflag's words, the hint naming the command.

  $ kubectl get pods --context
  2> error: flag needs an argument: --context
  2> See 'kubectl get --help' for usage.
  [1]

  $ kubectl get pods -l
  2> error: flag needs an argument: 'l' in -l
  2> See 'kubectl get --help' for usage.
  [1]

  $ kubectl delete pod x --now=abc
  2> error: invalid argument "abc" for "--now" flag: strconv.ParseBool: parsing "abc": invalid syntax
  2> See 'kubectl delete --help' for usage.
  [1]

  $ kubectl rollout status ds/nothere --timeout=abc
  2> error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"
  2> See 'kubectl rollout status --help' for usage.
  [1]

  $ kubectl drain node1 --timeout=5
  2> error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"
  2> See 'kubectl drain --help' for usage.
  [1]

  $ kubectl drain node1 --timeout=5x
  2> error: invalid argument "5x" for "--timeout" flag: time: unknown unit "x" in duration "5x"
  2> See 'kubectl drain --help' for usage.
  [1]

  $ kubectl rollout history ds/x --revision=abc
  2> error: invalid argument "abc" for "--revision" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl rollout history --help' for usage.
  [1]

Each rollout subcommand has only its own flags.

  $ kubectl rollout status ds/x -o yaml
  2> error: unknown shorthand flag: 'o' in -o
  2> See 'kubectl rollout status --help' for usage.
  [1]

  $ kubectl rollout history ds/x --watch=false
  2> error: unknown flag: --watch
  2> See 'kubectl rollout history --help' for usage.
  [1]

The form the Kubernetes docs teach removes a taint by key and effect,
whatever its value (parseTaints keeps only those two).

  $ kubectl taint nodes node1 key=value:NoSchedule
  node/node1 tainted

  $ kubectl taint nodes node1 key=value:NoSchedule-
  node/node1 untainted

  $ kubectl taint nodes node1 key=other:NoSchedule-
  2> error: taint "key:NoSchedule" not found
  [1]

  $ kubectl taint nodes node1 key=value:NoSchedule key-
  2> error: can not both modify and remove the following taint(s) in the same command: key=
  [1]

  $ kubectl taint nodes node1 key=value:NoSchedule key:NoSchedule- other:NoExecute-
  2> error: can not both modify and remove the following taint(s) in the same command: key=NoSchedule
  [1]

  $ kubectl taint nodes node1 key:-
  2> error: invalid taint effect: , unsupported taint effect
  2> See 'kubectl taint -h' for help and examples
  [1]

  $ kubectl taint nodes node1 a=b
  2> error: invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
  2> See 'kubectl taint -h' for help and examples
  [1]

  $ kubectl taint nodes node1 a=b:NoSchedule foo
  2> error: all resources must be specified before taint changes: foo
  [1]

  $ kubectl get node node1 -o jsonpath='{.spec.taints}'

Labels and annotations set and removed in one command are refused before
anything is read, as are malformed changes.

  $ kubectl label node node1 a=b a-
  2> error: can not both modify and remove a label in the same command
  [1]

  $ kubectl label node nothere a=b a-
  2> error: can not both modify and remove a label in the same command
  [1]

  $ kubectl annotate node node1 a=b a- c=d c-
  2> error: can not both modify and remove the following annotation(s) in the same command: a, c
  [1]

  $ kubectl label node node1 a=b=c
  2> error: invalid label spec: a=b=c
  [1]

  $ kubectl label node node1 a=b foo
  2> error: all resources must be specified before label changes: foo
  [1]

  $ kubectl label node --all -l a=b x=y
  2> error: cannot set --all and --selector at the same time
  [1]

  $ kubectl label node node1 -l a=b x=y
  2> error: name cannot be provided when a selector is specified
  [1]

  $ kubectl annotate node node1 --all x=y
  node/node1 annotated

  $ kubectl get node node1 --show-labels --no-headers -o custom-columns=L:.metadata.labels.a
  2> error: --show-labels option cannot be used with custom-columns=L:.metadata.labels.a printer
  [1]

get: names and selectors do not mix; -o name, json and yaml are sorted
too; a single missing name is only its error; printer errors are not
followed by "No resources found" (printGeneric never says it).

  $ kubectl get pods web -l app=web
  2> error: name cannot be provided when a selector is specified
  [1]

  $ kubectl get pods/web --field-selector spec.nodeName=node1
  2> error: selectors and the all flag cannot be used when passing resource/name arguments
  [1]

  $ kubectl get pods --sort-by=.spec.nodeName -o name
  pod/fluentd-es-demo-zgcv4
  pod/fluentd-es-demo-h5vxk

  $ kubectl get pods --sort-by='{.spec.nodeName}' -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}'
  node1
  node2

  $ kubectl get pods,ds --sort-by=.metadata.name -o name
  daemonset.apps/fluentd-es-demo
  pod/fluentd-es-demo-h5vxk
  pod/fluentd-es-demo-zgcv4

Tables of several types: the server sends one Table per type, and
kubectl's sorter gets them as unstructured objects, so it sorts the Tables
themselves by the field of their own JSON, which has no .metadata.name
(sorter.go; the real kubectl v1.32 against kubesim serve says the same).

  $ kubectl get pods,ds --sort-by=.metadata.name
  2> error: couldn't find any field with path "{.metadata.name}" in the list of objects
  [1]

  $ kubectl get pods,ds --sort-by=.metadata.name --no-headers
  2> error: couldn't find any field with path "{.metadata.name}" in the list of objects
  [1]

A field the Tables have sorts them (all "Table": stays in order); the
rows keep the server's order.

  $ kubectl get ds,pods --sort-by=.kind
  NAME                             DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
  daemonset.apps/fluentd-es-demo   2         2         2       2            2           <none>          60s
  
  NAME                        READY   STATUS    RESTARTS   AGE
  pod/fluentd-es-demo-h5vxk   1/1     Running   0          60s
  pod/fluentd-es-demo-zgcv4   1/1     Running   0          60s

With --server-print=false kubectl asks for the objects themselves and prints
what it knows of any object, NAME and AGE; its sorter then has the objects
and sorts them all together, a new table wherever the type changes.

  $ kubectl get pods,ds --sort-by=.metadata.name --server-print=false
  NAME                             AGE
  daemonset.apps/fluentd-es-demo   60s
  
  NAME                        AGE
  pod/fluentd-es-demo-h5vxk   60s
  pod/fluentd-es-demo-zgcv4   60s
  $ kubectl get pods -A -o wide --server-print=false
  NAMESPACE   NAME                    AGE
  default     fluentd-es-demo-h5vxk   60s
  default     fluentd-es-demo-zgcv4   60s

Objects named as TYPE/NAME come in the order of the arguments, a new table
whenever the type changes.

  $ kubectl get pod/fluentd-es-demo-zgcv4 ds/fluentd-es-demo pod/fluentd-es-demo-h5vxk
  NAME                        READY   STATUS    RESTARTS   AGE
  pod/fluentd-es-demo-zgcv4   1/1     Running   0          60s
  
  NAME                             DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
  daemonset.apps/fluentd-es-demo   2         2         2       2            2           <none>          60s
  
  NAME                        READY   STATUS    RESTARTS   AGE
  pod/fluentd-es-demo-h5vxk   1/1     Running   0          60s
  $ kubectl get pod/fluentd-es-demo-zgcv4 ds/fluentd-es-demo pod/fluentd-es-demo-h5vxk -o name
  pod/fluentd-es-demo-zgcv4
  daemonset.apps/fluentd-es-demo
  pod/fluentd-es-demo-h5vxk

  $ kubectl get pod nosuchpod -o yaml
  2> Error from server (NotFound): pods "nosuchpod" not found
  [1]

  $ kubectl get pod nosuchpod other -o yaml
  apiVersion: v1
  items: []
  kind: List
  metadata:
    resourceVersion: ""
  2> Error from server (NotFound): pods "nosuchpod" not found
  2> Error from server (NotFound): pods "other" not found
  [1]

  $ kubectl get pods -n kube-system -o name

  $ kubectl get pods -n kube-system -o custom-columns=NAME:.metadata.name
  NAME

  $ kubectl get pods -n kube-system -o jsonpath=
  2> error: template format specified but no template given
  [1]

  $ kubectl get pods -n kube-system -o custom-columns=NAME
  2> error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>
  [1]

  $ kubectl get pod nosuchpod -o bogus
  2> Error from server (NotFound): pods "nosuchpod" not found
  [1]

  $ kubectl get pods -o go-template='{{.items}}'
  2> error: kubesim's built-in kubectl does not run Go templates (-o go-template); use the real kubectl against `kubesim serve`
  [1]

rollout and set without a subcommand print their help (rollout on stdout,
set on stderr) and exit 1.

  $ kubectl rollout
  Manage the rollout of one or many resources.
          
   Valid resource types include:
  
    *  deployments
    *  daemonsets
    *  statefulsets
  
  Examples:
    # Rollback to the previous deployment
    kubectl rollout undo deployment/abc
    
    # Check the rollout status of a daemonset
    kubectl rollout status daemonset/foo
    
    # Restart a deployment
    kubectl rollout restart deployment/abc
    
    # Restart deployments with the 'app=nginx' label
    kubectl rollout restart deployment --selector=app=nginx
  
  Available Commands:
    history       View rollout history
    pause         Mark the provided resource as paused
    restart       Restart a resource
    resume        Resume a paused resource
    status        Show the status of the rollout
    undo          Undo a previous rollout
  
  Usage:
    kubectl rollout SUBCOMMAND [options]
  
  Use "kubectl rollout <command> --help" for more information about a given command.
  Use "kubectl options" for a list of global command-line options (applies to all commands).
  [1]

  $ kubectl set
  2> Configure application resources.
  2> 
  2>  These commands help you make changes to existing application resources.
  2> 
  2> Available Commands:
  2>   env              Update environment variables on a pod template
  2>   image            Update the image of a pod template
  2>   resources        Update resource requests/limits on objects with pod templates
  2>   selector         Set the selector on a resource
  2>   serviceaccount   Update the service account of a resource
  2>   subject          Update the user, group, or service account in a role binding or cluster role binding
  2> 
  2> Usage:
  2>   kubectl set SUBCOMMAND [options]
  2> 
  2> Use "kubectl set <command> --help" for more information about a given command.
  2> Use "kubectl options" for a list of global command-line options (applies to all commands).
  [1]

  $ kubectl rollout bogus
  2> error: unknown command "bogus"
  2> See 'kubectl rollout -h' for help and examples
  [1]

  $ kubectl set bogus
  2> error: unknown command "bogus"
  2> See 'kubectl set -h' for help and examples
  [1]

set image refuses a TYPE/NAME mixed with a bare word before it reads anything.

  $ kubectl set image ds/nothere nginx
  2> error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'
  [1]

  $ kubectl set image ds/nothere a=b foo
  2> error: all resources must be specified before image changes: foo
  [1]

  $ kubectl set image ds fluentd-es-demo
  2> error: at least one image update is required
  [1]

rollout history: every DaemonSet of the type, and -o's printers over the
DaemonSet as each revision makes it (DaemonSetHistoryViewer.GetHistory
applies each ControllerRevision to the DaemonSet).

  $ kubectl set image ds/fluentd-es-demo fluentd-es-example=k8s.gcr.io/fluentd-elasticsearch:1.22
  daemonset.apps/fluentd-es-demo image updated

  $ kubesim cluster advance 5m
  Advanced the clock by 5m0s; the cluster has run for 6m0s

  $ kubectl rollout history ds
  daemonset.apps/fluentd-es-demo 
  REVISION  CHANGE-CAUSE
  1         <none>
  2         <none>
  

  $ kubectl rollout history ds -n kube-system

  $ kubectl rollout history ds/fluentd-es-demo -o name
  daemonset.apps/fluentd-es-demo
  daemonset.apps/fluentd-es-demo

  $ kubectl rollout history ds fluentd-es-demo --revision=2 -o jsonpath='{.kind}{" "}{.spec.template.spec.containers[0].image}'
  DaemonSet k8s.gcr.io/fluentd-elasticsearch:1.22 (no-eol)

  $ kubectl rollout history ds fluentd-es-demo -o yaml | grep -E '^(---|revision|kind)'
  kind: DaemonSet
  ---
  kind: DaemonSet

  $ kubectl rollout history ds fluentd-es-demo --revision=3 -o yaml
  2> error: unable to find the specified revision
  [1]

  $ kubectl rollout history ds/fluentd-es-demo --revision=-1
  2> error: revision must be a positive integer: -1
  [1]

  $ kubectl rollout history ds/fluentd-es-demo -o bogus
  2> error: unable to match a printer suitable for the output format "bogus", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
  [1]

  $ kubectl rollout history ds nothere fluentd-es-demo -o name
  daemonset.apps/fluentd-es-demo
  daemonset.apps/fluentd-es-demo
  2> Error from server (NotFound): daemonsets.apps "nothere" not found
  [1]

kubectl events: LAST SEEN TYPE REASON OBJECT MESSAGE, oldest first, with
--for, --types and -A.

  $ kubectl events --for ds/fluentd-es-demo
  LAST SEEN   TYPE     REASON             OBJECT                      MESSAGE
  6m          Normal   SuccessfulCreate   DaemonSet/fluentd-es-demo   Created pod: fluentd-es-demo-zgcv4
  6m          Normal   SuccessfulCreate   DaemonSet/fluentd-es-demo   Created pod: fluentd-es-demo-h5vxk
  5m          Normal   SuccessfulDelete   DaemonSet/fluentd-es-demo   Deleted pod: fluentd-es-demo-zgcv4
  4m58s       Normal   SuccessfulCreate   DaemonSet/fluentd-es-demo   Created pod: fluentd-es-demo-gbz62
  4m56s       Normal   SuccessfulDelete   DaemonSet/fluentd-es-demo   Deleted pod: fluentd-es-demo-h5vxk
  4m54s       Normal   SuccessfulCreate   DaemonSet/fluentd-es-demo   Created pod: fluentd-es-demo-87vfm

  $ kubectl events --for pod/nothere
  2> No events found in default namespace.

  $ kubectl events -A --types=Warning
  2> No events found.

  $ kubectl events --types=Bogus
  2> error: valid --types are Normal or Warning
  [1]

  $ kubectl events --for=foo
  2> error: --for must be in resource/name form
  [1]

  $ kubectl events --for=widgets/x
  2> the server doesn't have a resource type "widgets"
  [1]

  $ kubectl events -o bogus
  2> error: unable to match a printer suitable for the output format "bogus", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
  [1]

  $ kubectl events -w=xyz
  2> error: invalid argument "xyz" for "-w, --watch" flag: strconv.ParseBool: parsing "xyz": invalid syntax
  2> See 'kubectl events --help' for usage.
  [1]

  $ kubectl events -w
  2> error: kubesim's built-in kubectl does not watch (kubectl events -w); use the real kubectl against `kubesim serve`
  [1]

What only a real client does well is left to it, in one line.

  $ kubectl get pods -w
  2> error: kubesim's built-in kubectl does not watch (kubectl get -w); use the real kubectl against `kubesim serve`
  [1]

  $ kubectl get pods --chunk-size=abc
  2> error: invalid argument "abc" for "--chunk-size" flag: strconv.ParseInt: parsing "abc": invalid syntax
  2> See 'kubectl get --help' for usage.
  [1]

  $ kubectl completion
  2> error: Shell not specified.
  2> See 'kubectl completion -h' for help and examples
  [1]

  $ kubectl completion tcsh
  2> error: Unsupported shell type "tcsh".
  2> See 'kubectl completion -h' for help and examples
  [1]

  $ kubectl options --bogus
  2> error: unknown flag: --bogus
  2> Run 'kubectl options' without flags.
  [1]

  $ kubectl completion bash
  2> error: kubesim's built-in kubectl writes no shell completion; use the real kubectl (kubectl completion bash) against `kubesim serve`
  [1]

kubectl options prints the global flags as the real kubectl does; a
verb's help is kubesim's own, abridged, and says so in its last line.

  $ HOME=/home/learner kubectl options | sed -n '1,4p;/cache-dir/,/^$/p;/^    -v/,$p'
  The following options can be passed to any command:
  
      --as='':
  	Username to impersonate for the operation. User could be a regular user or a service account in a namespace.
      --cache-dir='/home/learner/.kube/cache':
  	Default cache directory
  
      -v, --v=0:
  	number for the log level verbosity
  
      --vmodule=:
  	comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)
  
      --warnings-as-errors=false:
  	Treat warnings received from the server as errors and exit with a non-zero exit code
  

  $ kubectl help cordon | tail -n 3
  
  Use "kubectl options" for a list of global command-line options (applies to all commands).
  (kubesim's built-in kubectl: an abridged help; the real kubectl's "kubectl cordon --help" has the full text)
