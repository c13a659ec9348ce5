"""Another real client against `kubesim serve`: the Kubernetes Python client.

Lists the nodes, creates a DaemonSet, and watches its pods until one runs on
every node, printing what it saw; exits 1 when something is not as a
cluster would answer. Usage: serve-client.py KUBECONFIG
"""
import sys

from kubernetes import client, config, watch


def main():
    config.load_kube_config(config_file=sys.argv[1])
    core = client.CoreV1Api()
    apps = client.AppsV1Api()
    nodes = sorted(n.metadata.name for n in core.list_node().items)
    print("nodes:", " ".join(nodes))
    labels = {"app": "smoke"}
    ds = client.V1DaemonSet(
        metadata=client.V1ObjectMeta(name="smoke"),
        spec=client.V1DaemonSetSpec(
            selector=client.V1LabelSelector(match_labels=labels),
            template=client.V1PodTemplateSpec(
                metadata=client.V1ObjectMeta(labels=labels),
                spec=client.V1PodSpec(containers=[client.V1Container(name="c", image="nginx:1.27")]),
            ),
        ),
    )
    made = apps.create_namespaced_daemon_set("default", ds)
    print("created:", made.metadata.name, "generation", made.metadata.generation)
    try:
        apps.create_namespaced_daemon_set("default", ds)
        print("a second create succeeded")
        return 1
    except client.ApiException as e:
        print("second create:", e.status, e.reason)
    running = set()
    w = watch.Watch()
    for event in w.stream(core.list_namespaced_pod, "default", label_selector="app=smoke", timeout_seconds=20):
        pod = event["object"]
        if pod.status.phase == "Running" and pod.spec.node_name:
            running.add(pod.spec.node_name)
        if running == set(nodes):
            w.stop()
    print("running on:", " ".join(sorted(running)))
    return 0 if running == set(nodes) else 1


sys.exit(main())
