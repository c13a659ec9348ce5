kubectl describe for a DaemonSet, its pods and a node, in kubectl's layout
(describe.go: one tabwriter, label columns aligned per block; events as a
table of their own).

  $ kubesim cluster create --nodes 2 --clock manual
  Created a 2-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl create -f ../../scenarios/cka/demo.yaml
  daemonset.apps/fluentd-es-demo created

  $ kubesim cluster advance 5m
  Advanced the clock by 5m0s; the cluster has run for 7m0s

  $ kubectl describe ds fluentd-es-demo
  Name:           fluentd-es-demo
  Selector:       name=fluentd-es
  Node-Selector:  <none>
  Labels:         k8s-app=fluentd-logging
  Annotations:    deprecated.daemonset.template.generation: 1
  Desired Number of Nodes Scheduled: 2
  Current Number of Nodes Scheduled: 2
  Number of Nodes Scheduled with Up-to-date Pods: 2
  Number of Nodes Scheduled with Available Pods: 2
  Number of Nodes Misscheduled: 0
  Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed
  Pod Template:
    Labels:  name=fluentd-es
    Containers:
     fluentd-es-example:
      Image:      k8s.gcr.io/fluentd-elasticsearch:1.20
      Port:       <none>
      Host Port:  <none>
      Limits:
        memory:  200Mi
      Requests:
        cpu:        100m
        memory:     200Mi
      Environment:  <none>
      Mounts:
        /var/lib/docker/containers from varlibdockercontainers (ro)
        /var/log from varlog (rw)
    Volumes:
     varlog:
      Type:          HostPath (bare host directory volume)
      Path:          /var/log
      HostPathType:  
     varlibdockercontainers:
      Type:          HostPath (bare host directory volume)
      Path:          /var/lib/docker/containers
      HostPathType:  
    Node-Selectors:  <none>
    Tolerations:     node-role.kubernetes.io/master:NoSchedule
  Events:
    Type    Reason            Age   From                  Message
    ----    ------            ----  ----                  -------
    Normal  SuccessfulCreate  5m    daemonset-controller  Created pod: fluentd-es-demo-9hgbz
    Normal  SuccessfulCreate  5m    daemonset-controller  Created pod: fluentd-es-demo-ltxml

  $ kubectl describe pods fluentd
  Name:             fluentd-es-demo-9hgbz
  Namespace:        default
  Priority:         0
  Service Account:  default
  Node:             node1/172.18.0.2
  Start Time:       Wed, 01 Jan 2025 00:02:00 +0000
  Labels:           controller-revision-hash=59589dcbd
                    name=fluentd-es
                    pod-template-generation=1
  Annotations:      <none>
  Status:           Running
  IP:               10.244.0.2
  IPs:
    IP:           10.244.0.2
  Controlled By:  DaemonSet/fluentd-es-demo
  Containers:
    fluentd-es-example:
      Container ID:   containerd://3286947ee0fb3a99fb40ac05a028da306452ebb420e1f5ce573d5e7627a5ffcf
      Image:          k8s.gcr.io/fluentd-elasticsearch:1.20
      Image ID:       k8s.gcr.io/fluentd-elasticsearch@sha256:7f46e0a50ae45ae8861fbb36760bb75241639173bca62761fdc80c2576f612f7
      Port:           <none>
      Host Port:      <none>
      State:          Running
        Started:      Wed, 01 Jan 2025 00:02:02 +0000
      Ready:          True
      Restart Count:  0
      Limits:
        memory:  200Mi
      Requests:
        cpu:        100m
        memory:     200Mi
      Environment:  <none>
      Mounts:
        /var/lib/docker/containers from varlibdockercontainers (ro)
        /var/log from varlog (rw)
  Conditions:
    Type                        Status
    PodReadyToStartContainers   True 
    Initialized                 True 
    Ready                       True 
    ContainersReady             True 
    PodScheduled                True 
  Volumes:
    varlog:
      Type:          HostPath (bare host directory volume)
      Path:          /var/log
      HostPathType:  
    varlibdockercontainers:
      Type:          HostPath (bare host directory volume)
      Path:          /var/lib/docker/containers
      HostPathType:  
  QoS Class:         Burstable
  Node-Selectors:    <none>
  Tolerations:       node-role.kubernetes.io/master:NoSchedule
                     node.kubernetes.io/disk-pressure:NoSchedule op=Exists
                     node.kubernetes.io/memory-pressure:NoSchedule op=Exists
                     node.kubernetes.io/not-ready:NoExecute op=Exists
                     node.kubernetes.io/pid-pressure:NoSchedule op=Exists
                     node.kubernetes.io/unreachable:NoExecute op=Exists
                     node.kubernetes.io/unschedulable:NoSchedule op=Exists
  Events:
    Type    Reason     Age    From               Message
    ----    ------     ----   ----               -------
    Normal  Scheduled  5m     default-scheduler  Successfully assigned default/fluentd-es-demo-9hgbz to node1
    Normal  Pulled     4m58s  kubelet            Container image "k8s.gcr.io/fluentd-elasticsearch:1.20" already present on machine
    Normal  Created    4m58s  kubelet            Created container: fluentd-es-example
    Normal  Started    4m58s  kubelet            Started container fluentd-es-example
  
  Name:             fluentd-es-demo-ltxml
  Namespace:        default
  Priority:         0
  Service Account:  default
  Node:             node2/172.18.0.3
  Start Time:       Wed, 01 Jan 2025 00:02:00 +0000
  Labels:           controller-revision-hash=59589dcbd
                    name=fluentd-es
                    pod-template-generation=1
  Annotations:      <none>
  Status:           Running
  IP:               10.244.1.2
  IPs:
    IP:           10.244.1.2
  Controlled By:  DaemonSet/fluentd-es-demo
  Containers:
    fluentd-es-example:
      Container ID:   containerd://832c7983f6fa468d7a74e873fc03aae4000b02a64119d2d6b9ee0fd5f06ed2bf
      Image:          k8s.gcr.io/fluentd-elasticsearch:1.20
      Image ID:       k8s.gcr.io/fluentd-elasticsearch@sha256:7f46e0a50ae45ae8861fbb36760bb75241639173bca62761fdc80c2576f612f7
      Port:           <none>
      Host Port:      <none>
      State:          Running
        Started:      Wed, 01 Jan 2025 00:02:02 +0000
      Ready:          True
      Restart Count:  0
      Limits:
        memory:  200Mi
      Requests:
        cpu:        100m
        memory:     200Mi
      Environment:  <none>
      Mounts:
        /var/lib/docker/containers from varlibdockercontainers (ro)
        /var/log from varlog (rw)
  Conditions:
    Type                        Status
    PodReadyToStartContainers   True 
    Initialized                 True 
    Ready                       True 
    ContainersReady             True 
    PodScheduled                True 
  Volumes:
    varlog:
      Type:          HostPath (bare host directory volume)
      Path:          /var/log
      HostPathType:  
    varlibdockercontainers:
      Type:          HostPath (bare host directory volume)
      Path:          /var/lib/docker/containers
      HostPathType:  
  QoS Class:         Burstable
  Node-Selectors:    <none>
  Tolerations:       node-role.kubernetes.io/master:NoSchedule
                     node.kubernetes.io/disk-pressure:NoSchedule op=Exists
                     node.kubernetes.io/memory-pressure:NoSchedule op=Exists
                     node.kubernetes.io/not-ready:NoExecute op=Exists
                     node.kubernetes.io/pid-pressure:NoSchedule op=Exists
                     node.kubernetes.io/unreachable:NoExecute op=Exists
                     node.kubernetes.io/unschedulable:NoSchedule op=Exists
  Events:
    Type    Reason     Age    From               Message
    ----    ------     ----   ----               -------
    Normal  Scheduled  5m     default-scheduler  Successfully assigned default/fluentd-es-demo-ltxml to node2
    Normal  Pulled     4m58s  kubelet            Container image "k8s.gcr.io/fluentd-elasticsearch:1.20" already present on machine
    Normal  Created    4m58s  kubelet            Created container: fluentd-es-example
    Normal  Started    4m58s  kubelet            Started container fluentd-es-example
  

  $ kubectl describe node node1
  Name:               node1
  Roles:              <none>
  Labels:             beta.kubernetes.io/arch=amd64
                      beta.kubernetes.io/os=linux
                      kubernetes.io/arch=amd64
                      kubernetes.io/hostname=node1
                      kubernetes.io/os=linux
  Annotations:        <none>
  CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000
  Taints:             <none>
  Unschedulable:      false
  Lease:
    HolderIdentity:  node1
    AcquireTime:     <unset>
    RenewTime:       Wed, 01 Jan 2025 00:07:00 +0000
  Conditions:
    Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
    ----             ------  -----------------                 ------------------                ------                       -------
    MemoryPressure   False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
    DiskPressure     False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
    PIDPressure      False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
    Ready            True    Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletReady                 kubelet is posting ready status
  Addresses:
    InternalIP:  172.18.0.2
    Hostname:    node1
  Capacity:
    cpu:     4
    memory:  16Gi
    pods:    110
  Allocatable:
    cpu:     4
    memory:  16Gi
    pods:    110
  System Info:
    Machine ID:                 a874ee62af28fb2e106d37f5c18f60ac
    System UUID:                b3f2af6d-0fc7-40c5-853b-559647364cea
    Boot ID:                    469ff471-bdbb-146b-509c-e507f607fbd0
    Kernel Version:             6.1.0-27-amd64
    OS Image:                   Debian GNU/Linux 12 (bookworm)
    Operating System:           linux
    Architecture:               amd64
    Container Runtime Version:  containerd://1.7.24
    Kubelet Version:            v1.32.0
    Kube-Proxy Version:         v1.32.0
  PodCIDR:                      10.244.0.0/24
  PodCIDRs:                     10.244.0.0/24
  Non-terminated Pods:          (2 in total)
    Namespace                   Name                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
    ---------                   ----                     ------------  ----------  ---------------  -------------  ---
    default                     fluentd-es-demo-9hgbz    100m (2%)     0 (0%)      200Mi (1%)       200Mi (1%)     5m
    kube-system                 kube-proxy-zgcv4         0 (0%)        0 (0%)      0 (0%)           0 (0%)         7m
  Allocated resources:
    (Total limits may be over 100 percent, i.e., overcommitted.)
    Resource           Requests    Limits
    --------           --------    ------
    cpu                100m (2%)   0 (0%)
    memory             200Mi (1%)  200Mi (1%)
    ephemeral-storage  0 (0%)      0 (0%)
  Events:              <none>

  $ kubesim cluster fail-node node2
  node/node2 failed (its kubelet stops posting status)

  $ kubesim cluster advance 2m
  Advanced the clock by 2m0s; the cluster has run for 9m0s

  $ kubectl describe no node2 --show-events=false
  Name:               node2
  Roles:              <none>
  Labels:             beta.kubernetes.io/arch=amd64
                      beta.kubernetes.io/os=linux
                      kubernetes.io/arch=amd64
                      kubernetes.io/hostname=node2
                      kubernetes.io/os=linux
  Annotations:        <none>
  CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000
  Taints:             node.kubernetes.io/unreachable:NoExecute
                      node.kubernetes.io/unreachable:NoSchedule
  Unschedulable:      false
  Lease:
    HolderIdentity:  node2
    AcquireTime:     <unset>
    RenewTime:       Wed, 01 Jan 2025 00:07:00 +0000
  Conditions:
    Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
    ----             ------    -----------------                 ------------------                ------              -------
    MemoryPressure   Unknown   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:07:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
    DiskPressure     Unknown   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:07:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
    PIDPressure      Unknown   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:07:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
    Ready            Unknown   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:07:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  Addresses:
    InternalIP:  172.18.0.3
    Hostname:    node2
  Capacity:
    cpu:     4
    memory:  16Gi
    pods:    110
  Allocatable:
    cpu:     4
    memory:  16Gi
    pods:    110
  System Info:
    Machine ID:                 2bf3ef15f4fc57eb6befe91b3e1941a0
    System UUID:                92f89756-082a-4514-a42e-1c7bc266a3a7
    Boot ID:                    081927f5-21b8-846c-48c6-050fe2125166
    Kernel Version:             6.1.0-27-amd64
    OS Image:                   Debian GNU/Linux 12 (bookworm)
    Operating System:           linux
    Architecture:               amd64
    Container Runtime Version:  containerd://1.7.24
    Kubelet Version:            v1.32.0
    Kube-Proxy Version:         v1.32.0
  PodCIDR:                      10.244.1.0/24
  PodCIDRs:                     10.244.1.0/24
  Non-terminated Pods:          (2 in total)
    Namespace                   Name                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
    ---------                   ----                     ------------  ----------  ---------------  -------------  ---
    default                     fluentd-es-demo-ltxml    100m (2%)     0 (0%)      200Mi (1%)       200Mi (1%)     7m
    kube-system                 kube-proxy-h5vxk         0 (0%)        0 (0%)      0 (0%)           0 (0%)         9m
  Allocated resources:
    (Total limits may be over 100 percent, i.e., overcommitted.)
    Resource           Requests    Limits
    --------           --------    ------
    cpu                100m (2%)   0 (0%)
    memory             200Mi (1%)  200Mi (1%)
    ephemeral-storage  0 (0%)      0 (0%)

  $ kubectl describe ds/nope
  2> Error from server (NotFound): daemonsets.apps "nope" not found
  [1]

  $ kubectl describe pods -n kube-system -l k8s-app=nothing
  2> No resources found in kube-system namespace.

  $ kubectl describe
  2> error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.
  [1]


A TYPE/NAME argument names one object: no prefix matching (that is only
for `describe TYPE NAME`).

  $ kubectl describe pod/fluentd
  2> Error from server (NotFound): pods "fluentd" not found
  [1]

Kinds describe.go has no describer for get the generic one: every field
of the object, labelled by smartLabelFor.

  $ kubectl describe controllerrevisions
  Name:         fluentd-es-demo-59589dcbd
  Namespace:    default
  Labels:       controller-revision-hash=59589dcbd
                name=fluentd-es
  Annotations:  deprecated.daemonset.template.generation: 1
  API Version:  apps/v1
  Data:
    Spec:
      Template:
        $patch:  replace
        Metadata:
          Creation Timestamp:  <nil>
          Labels:
            Name:  fluentd-es
        Spec:
          Containers:
            Image:              k8s.gcr.io/fluentd-elasticsearch:1.20
            Image Pull Policy:  IfNotPresent
            Name:               fluentd-es-example
            Resources:
              Limits:
                Memory:  200Mi
              Requests:
                Cpu:                     100m
                Memory:                  200Mi
            Termination Message Path:    /dev/termination-log
            Termination Message Policy:  File
            Volume Mounts:
              Mount Path:  /var/log
              Name:        varlog
              Mount Path:  /var/lib/docker/containers
              Name:        varlibdockercontainers
              Read Only:   true
          Dns Policy:      ClusterFirst
          Restart Policy:  Always
          Scheduler Name:  default-scheduler
          Security Context:
          Termination Grace Period Seconds:  30
          Tolerations:
            Effect:  NoSchedule
            Key:     node-role.kubernetes.io/master
          Volumes:
            Host Path:
              Path:  /var/log
              Type:  
            Name:    varlog
            Host Path:
              Path:  /var/lib/docker/containers
              Type:  
            Name:    varlibdockercontainers
  Kind:              ControllerRevision
  Metadata:
    Creation Timestamp:  2025-01-01T00:02:00Z
    Owner References:
      API Version:           apps/v1
      Block Owner Deletion:  true
      Controller:            true
      Kind:                  DaemonSet
      Name:                  fluentd-es-demo
      UID:                   4f193c25-cbe4-4175-b029-3b386c76ec73
    Resource Version:        32
    UID:                     814d4a1d-3a99-48bc-8330-2fd883e4773b
  Revision:                  1
  Events:                    <none>

  $ kubectl describe events fluentd-es-demo.
  Name:             fluentd-es-demo.1816689ab3e0a08a
  Namespace:        default
  Labels:           <none>
  Annotations:      <none>
  API Version:      v1
  Count:            1
  Event Time:       <nil>
  First Timestamp:  2025-01-01T00:02:00Z
  Involved Object:
    API Version:   apps/v1
    Kind:          DaemonSet
    Name:          fluentd-es-demo
    Namespace:     default
    UID:           4f193c25-cbe4-4175-b029-3b386c76ec73
  Kind:            Event
  Last Timestamp:  2025-01-01T00:02:00Z
  Message:         Created pod: fluentd-es-demo-9hgbz
  Metadata:
    Creation Timestamp:  2025-01-01T00:02:00Z
    Resource Version:    34
    UID:                 3e8c86c9-36a8-4a72-af76-76ab5db43e0b
  Reason:                SuccessfulCreate
  Reporting Component:   daemonset-controller
  Reporting Instance:    
  Source:
    Component:  daemonset-controller
  Type:         Normal
  Events:       <none>
  
  Name:             fluentd-es-demo.1816689ab3e0a08b
  Namespace:        default
  Labels:           <none>
  Annotations:      <none>
  API Version:      v1
  Count:            1
  Event Time:       <nil>
  First Timestamp:  2025-01-01T00:02:00Z
  Involved Object:
    API Version:   apps/v1
    Kind:          DaemonSet
    Name:          fluentd-es-demo
    Namespace:     default
    UID:           4f193c25-cbe4-4175-b029-3b386c76ec73
  Kind:            Event
  Last Timestamp:  2025-01-01T00:02:00Z
  Message:         Created pod: fluentd-es-demo-ltxml
  Metadata:
    Creation Timestamp:  2025-01-01T00:02:00Z
    Resource Version:    36
    UID:                 9436a47f-a3eb-424b-a9c9-b34bb1ae2a6a
  Reason:                SuccessfulCreate
  Reporting Component:   daemonset-controller
  Reporting Instance:    
  Source:
    Component:  daemonset-controller
  Type:         Normal
  Events:       <none>
  

A pod placed by its own spec.nodeName never meets the scheduler; the kubelet
reports PodScheduled for it, and describe shows its conditions.

  $ kubectl create -f manifests/pinned-pod.yaml
  pod/pinned created

  $ kubesim cluster advance 5s > /dev/null; kubectl get pod pinned -o jsonpath='{range .status.conditions[*]}{.type}={.status} {end}{"\n"}'
  PodReadyToStartContainers=True Initialized=True Ready=True ContainersReady=True PodScheduled=True 

  $ kubectl describe pod pinned | sed -n '/^Conditions:/,/^Volumes:/p'
  Conditions:
    Type                        Status
    PodReadyToStartContainers   True 
    Initialized                 True 
    Ready                       True 
    ContainersReady             True 
    PodScheduled                True 
  Volumes:                      <none>

  $ kubectl delete pod pinned --now
  pod "pinned" deleted
