kubectl explain: the API reference's field docs for DaemonSets, pods and
nodes, in the v1.32 plaintext layout.

  $ kubesim cluster create --nodes 1 --bare --clock manual
  Created a 1-node practice cluster (scheduler mode, manual clock) in $KUBESIM_STATE
  Try: kubesim kubectl get nodes   (or: alias kubectl='kubesim kubectl')

  $ kubectl explain ds
  GROUP:      apps
  KIND:       DaemonSet
  VERSION:    v1
  
  DESCRIPTION:
      DaemonSet represents the configuration of a daemon set.
      
  FIELDS:
    apiVersion	<string>
      APIVersion defines the versioned schema of this representation of an object.
      Servers should convert recognized schemas to the latest internal value, and
      may reject unrecognized values. More info:
      https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources
  
    kind	<string>
      Kind is a string value representing the REST resource this object
      represents. Servers may infer this from the endpoint the client submits
      requests to. Cannot be updated. In CamelCase. More info:
      https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds
  
    metadata	<ObjectMeta>
      Standard object's metadata. More info:
      https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata
  
    spec	<DaemonSetSpec>
      The desired behavior of this daemon set. More info:
      https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status
  
    status	<DaemonSetStatus>
      The current status of this daemon set. This data may be out of date by some
      window of time. Populated by the system. Read-only. More info:
      https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status
  
  

  $ kubectl explain daemonset.spec.updateStrategy
  GROUP:      apps
  KIND:       DaemonSet
  VERSION:    v1
  
  FIELD: updateStrategy <DaemonSetUpdateStrategy>
  
  
  DESCRIPTION:
      An update strategy to replace existing DaemonSet pods with new pods.
      DaemonSetUpdateStrategy is a struct used to control the update strategy for
      a DaemonSet.
      
  FIELDS:
    rollingUpdate	<RollingUpdateDaemonSet>
      Rolling update config params. Present only if type = "RollingUpdate".
  
    type	<string>
      Type of daemon set update. Can be "RollingUpdate" or "OnDelete". Default is
      RollingUpdate.
  
  

  $ kubectl explain pods.spec.containers.image
  KIND:       Pod
  VERSION:    v1
  
  FIELD: image <string>
  
  
  DESCRIPTION:
      Container image name. More info:
      https://kubernetes.io/docs/concepts/containers/images This field is optional
      to allow higher level config management to default or override container
      images in workload controllers like Deployments and StatefulSets.
      
  

  $ kubectl explain ds.spec.template.spec.tolerations.tolerationSeconds
  GROUP:      apps
  KIND:       DaemonSet
  VERSION:    v1
  
  FIELD: tolerationSeconds <integer>
  
  
  DESCRIPTION:
      TolerationSeconds represents the period of time the toleration (which must
      be of effect NoExecute, otherwise this field is ignored) tolerates the
      taint. By default, it is not set, which means tolerate the taint forever (do
      not evict). Zero and negative values will be treated as 0 (evict
      immediately) by the system.
      
  

  $ kubectl explain nodes.spec --recursive
  KIND:       Node
  VERSION:    v1
  
  FIELD: spec <NodeSpec>
  
  
  DESCRIPTION:
      Spec defines the behavior of a node.
      https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status
      NodeSpec describes the attributes that a node is created with.
      
  FIELDS:
    configSource	<NodeConfigSource>
      configMap	<ConfigMapNodeConfigSource>
        kubeletConfigKey	<string> -required-
        name	<string> -required-
        namespace	<string> -required-
        resourceVersion	<string>
        uid	<string>
    externalID	<string>
    podCIDR	<string>
    podCIDRs	<[]string>
    providerID	<string>
    taints	<[]Taint>
      effect	<string> -required-
      key	<string> -required-
      timeAdded	<string>
      value	<string>
    unschedulable	<boolean>
  

  $ kubectl explain ds.spec.foo.bar
  GROUP:      apps
  KIND:       DaemonSet
  VERSION:    v1
  
  2> error: field "bar" does not exist
  [1]

  $ kubectl explain ds.spec.updateStrategy -o plaintext-openapiv2
  KIND:     DaemonSet
  VERSION:  apps/v1
  
  RESOURCE: updateStrategy <Object>
  
  DESCRIPTION:
       An update strategy to replace existing DaemonSet pods with new pods.
  
       DaemonSetUpdateStrategy is a struct used to control the update strategy for
       a DaemonSet.
  
  FIELDS:
     rollingUpdate	<Object>
       Rolling update config params. Present only if type = "RollingUpdate".
  
     type	<string>
       Type of daemon set update. Can be "RollingUpdate" or "OnDelete". Default is
       RollingUpdate.
  

  $ kubectl explain pod.metadata.managedFields.fieldsV1 --output plaintext-openapiv2
  KIND:     Pod
  VERSION:  v1
  
  DESCRIPTION:
       FieldsV1 holds the first JSON version format as described in the "FieldsV1"
       type.
  
       FieldsV1 stores a set of fields in a data structure like a Trie, in JSON
       format.
  
       Each key is either a '.' representing the field itself, and will always map
       to an empty set, or a string representing a sub-field or item. The string
       will follow one of these four formats: 'f:<name>', where <name> is the name
       of a field in a struct, or key in a map 'v:<value>', where <value> is the
       exact json formatted value of a list item 'i:<index>', where <index> is
       position of a item in a list 'k:<keys>', where <keys> is a map of a list
       item's key fields to their unique values If a key maps to an empty Fields
       value, the field that key represents is part of the set.
  
       The exact format is defined in sigs.k8s.io/structured-merge-diff
  
       FieldsV1 stores a set of fields in a data structure like a Trie, in JSON
       format.
  
       Each key is either a '.' representing the field itself, and will always map
       to an empty set, or a string representing a sub-field or item. The string
       will follow one of these four formats: 'f:<name>', where <name> is the name
       of a field in a struct, or key in a map 'v:<value>', where <value> is the
       exact json formatted value of a list item 'i:<index>', where <index> is
       position of a item in a list 'k:<keys>', where <keys> is a map of a list
       item's key fields to their unique values If a key maps to an empty Fields
       value, the field that key represents is part of the set.
  
       The exact format is defined in sigs.k8s.io/structured-merge-diff

  $ kubectl explain nodes.spec --recursive -o plaintext-openapiv2
  KIND:     Node
  VERSION:  v1
  
  RESOURCE: spec <Object>
  
  DESCRIPTION:
       Spec defines the behavior of a node.
       https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status
  
       NodeSpec describes the attributes that a node is created with.
  
  FIELDS:
     configSource	<Object>
        configMap	<Object>
           kubeletConfigKey	<string>
           name	<string>
           namespace	<string>
           resourceVersion	<string>
           uid	<string>
     externalID	<string>
     podCIDR	<string>
     podCIDRs	<[]string>
     providerID	<string>
     taints	<[]Object>
        effect	<string>
        key	<string>
        timeAdded	<string>
        value	<string>
     unschedulable	<boolean>

  $ kubectl explain pods.spec.containers.image.foo -o plaintext-openapiv2
  KIND:     Pod
  VERSION:  v1
  
  FIELD:    foo <string>
  
  DESCRIPTION:
       Container image name. More info:
       https://kubernetes.io/docs/concepts/containers/images This field is
       optional to allow higher level config management to default or override
       container images in workload controllers like Deployments and StatefulSets.

  $ kubectl explain ds.spec.foo.bar -o plaintext-openapiv2
  2> error: field "foo" does not exist
  [1]

  $ kubectl explain deployments
  2> the server doesn't have a resource type "deployments"
  [1]

  $ kubectl explain
  2> error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.
  [1]

