#!/bin/sh
# Builds the practice cluster that tools/kcompare compares kubectl on, in
# $KUBESIM_STATE with $KUBESIM (default ./kubesim): deterministic (manual
# clock, fixed seed), and rich enough for describe/get/rollout to have
# something to print: five nodes with labels and taints (one cordoned, one
# NotReady), the workshop DaemonSet, a DaemonSet rolled out twice (revision
# history), one whose last rollout fails on an image pull, bare pods,
# kube-proxy in kube-system, and the events all this left.
set -eu
: "${KUBESIM:=./kubesim}"
: "${KUBESIM_STATE:?KUBESIM_STATE must name the state file to write}"
export KUBESIM_STATE
m=$(cd "$(dirname "$0")" && pwd)/manifests
ks() { "$KUBESIM" "$@" >/dev/null; }
k() { "$KUBESIM" kubectl "$@" >/dev/null; }

rm -f "$KUBESIM_STATE"
ks cluster create --nodes 3 --clock manual --seed 7
ks cluster add-node node4 --label disktype=ssd --label gpu=true \
	--taint dedicated=gpu:NoSchedule --cpu 8 --memory 32Gi
ks cluster add-node cp1 --label node-role.kubernetes.io/control-plane= \
	--taint node-role.kubernetes.io/control-plane:NoSchedule
k label node node1 disktype=ssd zone=a
k label node node2 zone=b
k annotate node node1 team=platform
ks cluster advance 30s
k create -f "$m/fluentd-es-demo.yaml"
k create namespace shop || true
k create -f "$m/web.yaml"
k create -f "$m/agent.yaml"
k create -f "$m/pods.yaml"
ks cluster advance 2m
k set image ds/web -n shop nginx=nginx:1.26
ks cluster advance 2m
k set image ds/web -n shop nginx=nginx:1.27
ks cluster advance 2m
ks cluster image busybox:9.99 --fail
k set image ds/agent agent=busybox:9.99
ks cluster advance 1m
k cordon node3
k taint node node2 maintenance=soon:PreferNoSchedule
ks cluster fail-node node3
ks cluster advance 1m30s
