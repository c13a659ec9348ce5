/*
 * check_printers.c - `kubectl get` tables for DaemonSets, Pods, Nodes and
 * Events, rendered end to end.
 *
 * Each expected string is what kubectl v1.32 prints for the same objects:
 * the cells of printers.go (printDaemonSet, printPod, printNode, printEvent)
 * after cli-runtime's decorateTable and printTable, through the tabwriter.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/event.h"
#include "api/labels.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/selector.h"
#include "kubectl/printers.h"
#include "kubectl/table.h"
#include "runner.h"
#include "util/atom.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

#define S 1000LL
#define M (60 * S)

static const struct print_opts plain;

static void
check_table(enum kind k, struct object *const *objs, size_t n, const struct print_opts *o,
    int64_t now_ms, const char *want)
{
	struct table *t = table_new();
	struct strbuf out = STRBUF_INIT;

	printers_table(k, objs, n, o, now_ms, t);
	table_render(t, false, &out);
	ck_assert_str_eq(sb_str(&out), want);
	sb_free(&out);
	table_free(t);
}

static void
free_all(struct object **objs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		object_free(objs[i]);
}

/* DaemonSets */

static struct daemonset *
mk_ds(const char *name, int64_t created, int32_t desired, int32_t current, int32_t ready,
    int32_t updated, int32_t available)
{
	struct daemonset *ds = ds_new();

	meta_set_ns(&ds->obj.meta, "default");
	ds->obj.meta.name = xstrdup(name);
	ds->obj.meta.creation_ms = created;
	ds->status.desired = desired;
	ds->status.current = current;
	ds->status.ready = ready;
	ds->status.updated = updated;
	ds->status.available = available;
	ds->selector.present = true;
	return ds;
}

static void
ds_add_container(struct daemonset *ds, const char *name, const char *image)
{
	struct pod_spec *s = &ds->tmpl.spec;

	s->containers = xreallocarray(s->containers, s->n_containers + 1, sizeof *s->containers);
	memset(&s->containers[s->n_containers], 0, sizeof *s->containers);
	s->containers[s->n_containers].name = atom_get(name);
	s->containers[s->n_containers].image = atom_get(image);
	s->n_containers++;
}

static struct daemonset *
fluentd(void)
{
	struct daemonset *ds = mk_ds("fluentd-es-demo", 0, 3, 3, 3, 3, 3);

	labels_set(&ds->selector.match_labels, "name", "fluentd-es");
	labels_set(&ds->tmpl.labels, "name", "fluentd-es");
	ds_add_container(ds, "fluentd-es", "quay.io/fluentd_elasticsearch/fluentd:v2.5.2");
	return ds;
}

START_TEST(test_ds_row)
{
	struct object *objs[] = {&fluentd()->obj};

	check_table(KIND_DAEMONSET, objs, 1, &plain, 60 * S,
	    "NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n"
	    "fluentd-es-demo   3         3         3       3            3           <none>          60s\n");
	free_all(objs, 1);
}
END_TEST

START_TEST(test_ds_wide)
{
	struct daemonset *agent = mk_ds("node-agent", -1, 2, 1, 0, 1, 0);
	struct object *objs[] = {&fluentd()->obj, &agent->obj};
	struct print_opts o = {.wide = true};

	labels_set(&agent->tmpl.spec.node_selector, "disktype", "ssd");
	labels_set(&agent->selector.match_labels, "tier", "node");
	labels_set(&agent->selector.match_labels, "app", "ds2");
	ds_add_container(agent, "agent", "busybox:1.36");
	ds_add_container(agent, "sidecar", "nginx:1.27");
	check_table(KIND_DAEMONSET, objs, 2, &o, 60 * S,
	    "NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE         CONTAINERS      IMAGES                                         SELECTOR\n"
	    "fluentd-es-demo   3         3         3       3            3           <none>          60s         fluentd-es      quay.io/fluentd_elasticsearch/fluentd:v2.5.2   name=fluentd-es\n"
	    "node-agent        2         1         0       1            0           disktype=ssd    <unknown>   agent,sidecar   busybox:1.36,nginx:1.27                        app=ds2,tier=node\n");
	free_all(objs, 2);
}
END_TEST

START_TEST(test_ds_with_kind)
{
	struct object *objs[] = {&fluentd()->obj};
	struct print_opts o = {.with_kind = true};

	check_table(KIND_DAEMONSET, objs, 1, &o, 60 * S,
	    "NAME                             DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n"
	    "daemonset.apps/fluentd-es-demo   3         3         3       3            3           <none>          60s\n");
	free_all(objs, 1);
}
END_TEST

START_TEST(test_empty_list_renders_nothing)
{
	check_table(KIND_DAEMONSET, NULL, 0, &plain, 0, "");
	check_table(KIND_POD, NULL, 0, &plain, 0, "");
}
END_TEST

/* Pods */

static struct pod *
mk_pod(const char *ns, const char *name, int64_t created, enum pod_phase phase, size_t ncontainers)
{
	struct pod *p = pod_new();
	size_t i;

	meta_set_ns(&p->obj.meta, ns);
	p->obj.meta.name = xstrdup(name);
	p->obj.meta.creation_ms = created;
	p->status.phase = phase;
	p->spec.containers = xcalloc(ncontainers, sizeof *p->spec.containers);
	p->spec.n_containers = ncontainers;
	for (i = 0; i < ncontainers; i++) {
		char cname[32];

		snprintf(cname, sizeof cname, "c%zu", i);
		p->spec.containers[i].name = atom_get(cname);
		p->spec.containers[i].image = atom_get("nginx:1.27");
	}
	return p;
}

static void
add_cs(struct pod *p, enum cstate state, const char *reason, bool ready, int32_t restarts)
{
	struct pod_status *st = &p->status;
	struct container_status *cs;
	char name[32];

	st->cs = xreallocarray(st->cs, st->n_cs + 1, sizeof *st->cs);
	cs = &st->cs[st->n_cs++];
	memset(cs, 0, sizeof *cs);
	snprintf(name, sizeof name, "c%zu", st->n_cs - 1);
	/* The kubelet's strings are atoms, and pod_free puts them. */
	cs->name = atom_get(name);
	cs->state = state;
	cs->reason = atom_get(reason);
	cs->ready = ready;
	cs->restarts = restarts;
	cs->started_ms = -1;
}

/* A bound pod with every container running and ready, Ready=True. */
static struct pod *
running_pod(const char *ns, const char *name, int64_t created)
{
	struct pod *p = mk_pod(ns, name, created, PHASE_RUNNING, 1);

	p->spec.node_name = atom_get("node1");
	p->status.pod_ip = xstrdup("10.244.1.5");
	add_cs(p, CSTATE_RUNNING, NULL, true, 0);
	pod_cond_set(&p->status.ready, "True", NULL, NULL, created);
	return p;
}

static struct pod *
web0(void)
{
	struct pod *p = running_pod("default", "web-0", 0);

	labels_set(&p->obj.meta.labels, "app", "web");
	labels_set(&p->obj.meta.labels, "kubernetes.io/arch", "amd64");
	return p;
}

static struct pod *
web1_pending(void)
{
	return mk_pod("default", "web-1", 115 * S, PHASE_PENDING, 1);
}

START_TEST(test_pods)
{
	struct pod *creating = mk_pod("default", "web-2", 110 * S, PHASE_PENDING, 1);
	struct pod *terminating = running_pod("default", "web-3", 60 * S);
	struct pod *pulling = mk_pod("default", "web-4", 1 * S, PHASE_PENDING, 2);
	struct object *objs[] = {&web0()->obj, &web1_pending()->obj, &creating->obj,
	    &terminating->obj, &pulling->obj};

	creating->spec.node_name = atom_get("node1");
	add_cs(creating, CSTATE_WAITING, "ContainerCreating", false, 0);
	terminating->obj.meta.deletion_ms = 115 * S;
	terminating->status.cs[0].restarts = 2;
	add_cs(pulling, CSTATE_WAITING, "ImagePullBackOff", false, 0);
	add_cs(pulling, CSTATE_RUNNING, NULL, true, 3);

	check_table(KIND_POD, objs, 5, &plain, 120 * S,
	    "NAME    READY   STATUS              RESTARTS   AGE\n"
	    "web-0   1/1     Running             0          2m\n"
	    "web-1   0/1     Pending             0          5s\n"
	    "web-2   0/1     ContainerCreating   0          10s\n"
	    "web-3   1/1     Terminating         2          60s\n"
	    "web-4   1/2     ImagePullBackOff    3          119s\n");
	free_all(objs, 5);
}
END_TEST

START_TEST(test_pods_wide)
{
	struct object *objs[] = {&web0()->obj, &web1_pending()->obj};
	struct print_opts o = {.wide = true};

	check_table(KIND_POD, objs, 2, &o, 120 * S,
	    "NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n"
	    "web-0   1/1     Running   0          2m    10.244.1.5   node1    <none>           <none>\n"
	    "web-1   0/1     Pending   0          5s    <none>       <none>   <none>           <none>\n");
	free_all(objs, 2);
}
END_TEST

START_TEST(test_pods_all_namespaces)
{
	struct object *objs[] = {&web0()->obj,
	    &running_pod("kube-system", "kube-proxy-abcde", 0)->obj};
	struct print_opts o = {.all_namespaces = true};

	check_table(KIND_POD, objs, 2, &o, 120 * S,
	    "NAMESPACE     NAME               READY   STATUS    RESTARTS   AGE\n"
	    "default       web-0              1/1     Running   0          2m\n"
	    "kube-system   kube-proxy-abcde   1/1     Running   0          2m\n");
	o.with_kind = true;
	check_table(KIND_POD, objs, 1, &o, 120 * S,
	    "NAMESPACE   NAME        READY   STATUS    RESTARTS   AGE\n"
	    "default     pod/web-0   1/1     Running   0          2m\n");
	free_all(objs, 2);
}
END_TEST

START_TEST(test_pods_label_columns)
{
	static const char *const keys[] = {"app", "kubernetes.io/arch"};
	struct object *objs[] = {&web0()->obj, &web1_pending()->obj};
	struct print_opts o = {.show_labels = true, .label_columns = keys, .n_label_columns = 2};

	/* -L columns, then LABELS; a missing label is an empty cell. */
	check_table(KIND_POD, objs, 2, &o, 120 * S,
	    "NAME    READY   STATUS    RESTARTS   AGE   APP   ARCH    LABELS\n"
	    "web-0   1/1     Running   0          2m    web   amd64   app=web,kubernetes.io/arch=amd64\n"
	    "web-1   0/1     Pending   0          5s                  <none>\n");
	free_all(objs, 2);
}
END_TEST

START_TEST(test_pods_wide_show_labels)
{
	struct object *objs[] = {&web0()->obj};
	struct print_opts o = {.wide = true, .show_labels = true};

	/* LABELS comes after the wide columns. */
	check_table(KIND_POD, objs, 1, &o, 120 * S,
	    "NAME    READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES   LABELS\n"
	    "web-0   1/1     Running   0          2m    10.244.1.5   node1   <none>           <none>            app=web,kubernetes.io/arch=amd64\n");
	free_all(objs, 1);
}
END_TEST

static void
check_status(const struct pod *p, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	printers_pod_status(p, &sb);
	ck_assert_str_eq(sb_str(&sb), want);
	sb_free(&sb);
}

START_TEST(test_pod_status_rules)
{
	struct pod *p;

	/* NodeLost with a deletion timestamp: Unknown, whatever the phase. */
	p = running_pod("default", "lost", 0);
	p->status.reason = xstrdup("NodeLost");
	check_status(p, "NodeLost");
	p->obj.meta.deletion_ms = 10 * S;
	check_status(p, "Unknown");
	pod_free(p);

	/* A terminal pod being deleted keeps its own status. */
	p = mk_pod("default", "done", 0, PHASE_SUCCEEDED, 1);
	add_cs(p, CSTATE_TERMINATED, "Completed", false, 0);
	p->obj.meta.deletion_ms = 10 * S;
	check_status(p, "Completed");
	pod_free(p);

	/* Pod-level reason when no container says otherwise. */
	p = mk_pod("default", "evicted", 0, PHASE_FAILED, 1);
	p->status.reason = xstrdup("Evicted");
	check_status(p, "Evicted");
	pod_free(p);

	/* A terminated container without a reason. */
	p = mk_pod("default", "killed", 0, PHASE_RUNNING, 1);
	add_cs(p, CSTATE_TERMINATED, NULL, false, 0);
	p->status.cs[0].exit_code = 137;
	check_status(p, "ExitCode:137");
	pod_free(p);

	/* The first container's state wins: containers are read last to first. */
	p = mk_pod("default", "two", 0, PHASE_PENDING, 2);
	add_cs(p, CSTATE_WAITING, "ErrImagePull", false, 0);
	add_cs(p, CSTATE_WAITING, "ContainerCreating", false, 0);
	check_status(p, "ErrImagePull");
	pod_free(p);

	/* Completed next to a running container: Running if Ready, else NotReady. */
	p = mk_pod("default", "mixed", 0, PHASE_RUNNING, 2);
	add_cs(p, CSTATE_TERMINATED, "Completed", false, 0);
	add_cs(p, CSTATE_RUNNING, NULL, true, 0);
	pod_cond_set(&p->status.ready, "False", "ContainersNotReady", NULL, 0);
	check_status(p, "NotReady");
	pod_cond_set(&p->status.ready, "True", NULL, NULL, 0);
	check_status(p, "Running");
	pod_free(p);

	/* A waiting container without a reason leaves the phase. */
	p = mk_pod("default", "quiet", 0, PHASE_PENDING, 1);
	add_cs(p, CSTATE_WAITING, NULL, false, 0);
	check_status(p, "Pending");
	p->obj.meta.deletion_ms = 0;
	check_status(p, "Terminating");
	pod_free(p);

	p = mk_pod("default", "gated", 0, PHASE_PENDING, 1);
	pod_cond_set(&p->status.scheduled, "False", "SchedulingGated", NULL, 0);
	check_status(p, "SchedulingGated");
	pod_free(p);
}
END_TEST

/* Nodes */

static struct node *
mk_node(const char *name, int64_t created, const char *ready, const char *version)
{
	struct node *n = node_new(name);

	n->obj.meta.creation_ms = created;
	if (ready != NULL)
		node_set_cond(n, "Ready", ready, "KubeletReady", NULL, created);
	n->kubelet_version = xstrdup_or_null(version);
	return n;
}

static struct node *
control_plane(void)
{
	struct node *n = mk_node("control-plane", 0, "True", "v1.32.0");

	labels_set(&n->obj.meta.labels, "kubernetes.io/hostname", "control-plane");
	labels_set(&n->obj.meta.labels, "node-role.kubernetes.io/control-plane", "");
	n->internal_ip = xstrdup("172.18.0.2");
	n->os_image = xstrdup("Debian GNU/Linux 12 (bookworm)");
	n->kernel_version = xstrdup("6.8.0-1017-azure");
	n->container_runtime = xstrdup("containerd://1.7.18");
	return n;
}

START_TEST(test_nodes)
{
	struct node *cordoned = mk_node("node1", 60 * S, "True", "v1.32.0");
	struct object *objs[] = {&control_plane()->obj, &cordoned->obj,
	    &mk_node("node2", 599 * S, "Unknown", "v1.32.0")->obj,
	    &mk_node("node3", -1, NULL, NULL)->obj};

	cordoned->unschedulable = true;
	/* An empty last cell leaves the AGE padding in place, as kubectl does. */
	check_table(KIND_NODE, objs, 4, &plain, 10 * M,
	    "NAME            STATUS                     ROLES           AGE         VERSION\n"
	    "control-plane   Ready                      control-plane   10m         v1.32.0\n"
	    "node1           Ready,SchedulingDisabled   <none>          9m          v1.32.0\n"
	    "node2           NotReady                   <none>          1s          v1.32.0\n"
	    "node3           Unknown                    <none>          <unknown>   \n");
	free_all(objs, 4);
}
END_TEST

START_TEST(test_nodes_wide)
{
	struct object *objs[] = {&control_plane()->obj, &mk_node("node3", -1, NULL, NULL)->obj};
	struct print_opts o = {.wide = true};

	check_table(KIND_NODE, objs, 2, &o, 10 * M,
	    "NAME            STATUS    ROLES           AGE         VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME\n"
	    "control-plane   Ready     control-plane   10m         v1.32.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1017-azure   containerd://1.7.18\n"
	    "node3           Unknown   <none>          <unknown>             <none>        <none>        <unknown>                        <unknown>          <unknown>\n");
	free_all(objs, 2);
}
END_TEST

START_TEST(test_nodes_all_namespaces_has_no_namespace_column)
{
	struct object *objs[] = {&control_plane()->obj};
	struct print_opts o = {.all_namespaces = true};

	check_table(KIND_NODE, objs, 1, &o, 10 * M,
	    "NAME            STATUS   ROLES           AGE   VERSION\n"
	    "control-plane   Ready    control-plane   10m   v1.32.0\n");
	free_all(objs, 1);
}
END_TEST

static void
check_roles(const struct node *n, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	printers_node_roles(n, &sb);
	ck_assert_str_eq(sb_str(&sb), want);
	sb_free(&sb);
}

START_TEST(test_node_roles)
{
	struct node *n = node_new("n");

	check_roles(n, "<none>");
	labels_set(&n->obj.meta.labels, "kubernetes.io/role", "");
	labels_set(&n->obj.meta.labels, "node-role.kubernetes.io/", "");
	check_roles(n, "<none>");
	labels_set(&n->obj.meta.labels, "kubernetes.io/role", "worker");
	check_roles(n, "worker");
	/* Both spellings of one role count once; the result is sorted. */
	labels_set(&n->obj.meta.labels, "node-role.kubernetes.io/worker", "");
	labels_set(&n->obj.meta.labels, "node-role.kubernetes.io/infra", "true");
	labels_set(&n->obj.meta.labels, "node-role.kubernetes.io/Zeta", "");
	check_roles(n, "Zeta,infra,worker");
	node_free(n);
}
END_TEST

START_TEST(test_node_status_not_ready_cordoned)
{
	struct node *n = mk_node("n", 0, "False", "v1.32.0");
	struct strbuf sb = STRBUF_INIT;

	n->unschedulable = true;
	printers_node_status(n, &sb);
	ck_assert_str_eq(sb_str(&sb), "NotReady,SchedulingDisabled");
	sb_free(&sb);
	node_free(n);
}
END_TEST

/* Events */

static struct event *
mk_event(const char *name, const char *type, const char *reason, const char *kind,
    const char *obj, const char *message, int64_t first, int64_t last, int32_t count)
{
	struct event *e = event_new();

	meta_set_ns(&e->obj.meta, "default");
	e->obj.meta.name = xstrdup(name);
	e->obj.meta.creation_ms = first;
	/* The recorder's words, never the event's: here the callers' literals. */
	e->type = type;
	e->reason = reason;
	e->involved_kind = kind;
	e->involved_ns = atom_get("default");
	e->involved_name = atom_get(obj);
	e->message = atom_get(message);
	e->first_ms = first;
	e->last_ms = last;
	e->count = count;
	return e;
}

static struct event *
ev_create(void)
{
	struct event *e = mk_event("fluentd-es-demo.17f8a3c2b1d4e5f6", "Normal", "SuccessfulCreate",
	    "DaemonSet", "fluentd-es-demo", "Created pod: fluentd-es-demo-x7k2p", 70 * S, 70 * S, 1);

	e->source = "daemonset-controller";
	return e;
}

static struct event *
ev_not_ready(void)
{
	/* No lastTimestamp: LAST SEEN falls back to firstTimestamp. */
	struct event *e = mk_event("node1.17f8a3c2b1d4e5f7", "Warning", "NodeNotReady", "Node",
	    "node1", "  Node node1 status is now: NodeNotReady\n", 40 * S, -1, 3);

	e->source = "kubelet";
	e->host = xstrdup("node1");
	return e;
}

START_TEST(test_events)
{
	struct object *objs[] = {&ev_create()->obj,
	    &mk_event("fluentd-es-demo-x7k2p.17f8a3c2b1d4e5f8", "Normal", "Scheduled", "Pod",
		"fluentd-es-demo-x7k2p",
		"Successfully assigned default/fluentd-es-demo-x7k2p to node1", 95 * S, 95 * S, 1)
		 ->obj,
	    &ev_not_ready()->obj};

	check_table(KIND_EVENT, objs, 3, &plain, 100 * S,
	    "LAST SEEN   TYPE      REASON             OBJECT                      MESSAGE\n"
	    "30s         Normal    SuccessfulCreate   daemonset/fluentd-es-demo   Created pod: fluentd-es-demo-x7k2p\n"
	    "5s          Normal    Scheduled          pod/fluentd-es-demo-x7k2p   Successfully assigned default/fluentd-es-demo-x7k2p to node1\n"
	    "60s         Warning   NodeNotReady       node/node1                  Node node1 status is now: NodeNotReady\n");
	free_all(objs, 3);
}
END_TEST

START_TEST(test_events_wide)
{
	struct object *objs[] = {&ev_create()->obj, &ev_not_ready()->obj};
	struct print_opts o = {.wide = true};

	check_table(KIND_EVENT, objs, 2, &o, 100 * S,
	    "LAST SEEN   TYPE      REASON             OBJECT                      SUBOBJECT   SOURCE                 MESSAGE                                  FIRST SEEN   COUNT   NAME\n"
	    "30s         Normal    SuccessfulCreate   daemonset/fluentd-es-demo               daemonset-controller   Created pod: fluentd-es-demo-x7k2p       30s          1       fluentd-es-demo.17f8a3c2b1d4e5f6\n"
	    "60s         Warning   NodeNotReady       node/node1                              kubelet, node1         Node node1 status is now: NodeNotReady   60s          3       node1.17f8a3c2b1d4e5f7\n");
	free_all(objs, 2);
}
END_TEST

START_TEST(test_event_without_times_or_name)
{
	struct event *e = mk_event("x.1", "Normal", "Starting", "Node", "", "", -1, -1, 0);
	struct object *objs[] = {&e->obj};
	struct print_opts o = {.wide = true};

	/* No name: OBJECT is just the kind; COUNT 0 shows as 1. */
	check_table(KIND_EVENT, objs, 1, &o, 100 * S,
	    "LAST SEEN   TYPE     REASON     OBJECT   SUBOBJECT   SOURCE   MESSAGE   FIRST SEEN   COUNT   NAME\n"
	    "<unknown>   Normal   Starting   node                                    <unknown>    1       x.1\n");
	free_all(objs, 1);
}
END_TEST

START_TEST(test_age)
{
	char buf[32];

	ck_assert_str_eq(printers_age(-1, 5 * S, buf, sizeof buf), "<unknown>");
	ck_assert_str_eq(printers_age(0, 0, buf, sizeof buf), "0s");
	ck_assert_str_eq(printers_age(0, 3 * 3600 * S + 5 * M, buf, sizeof buf), "3h5m");
	/* A clock behind the object is "0s" within a second, "<invalid>" beyond. */
	ck_assert_str_eq(printers_age(10 * S, 9500, buf, sizeof buf), "0s");
	ck_assert_str_eq(printers_age(10 * S, 5 * S, buf, sizeof buf), "<invalid>");
	/*
	 * The timestamp reaches kubectl in whole seconds, now does not:
	 * created at 2.7 s, at 92.3 s kubectl says 90s (not 89s), and at
	 * 2.9 s the pod is 0s old.
	 */
	ck_assert_str_eq(printers_age(2700, 92300, buf, sizeof buf), "90s");
	ck_assert_str_eq(printers_age(2700, 2900, buf, sizeof buf), "0s");
	ck_assert_str_eq(printers_age(2 * M + 700, 7 * M, buf, sizeof buf), "5m");
}
END_TEST

static Suite *
printers_suite(void)
{
	Suite *s = suite_create("printers");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_ds_row);
	tcase_add_test(tc, test_ds_wide);
	tcase_add_test(tc, test_ds_with_kind);
	tcase_add_test(tc, test_empty_list_renders_nothing);
	tcase_add_test(tc, test_pods);
	tcase_add_test(tc, test_pods_wide);
	tcase_add_test(tc, test_pods_all_namespaces);
	tcase_add_test(tc, test_pods_label_columns);
	tcase_add_test(tc, test_pods_wide_show_labels);
	tcase_add_test(tc, test_pod_status_rules);
	tcase_add_test(tc, test_nodes);
	tcase_add_test(tc, test_nodes_wide);
	tcase_add_test(tc, test_nodes_all_namespaces_has_no_namespace_column);
	tcase_add_test(tc, test_node_roles);
	tcase_add_test(tc, test_node_status_not_ready_cordoned);
	tcase_add_test(tc, test_events);
	tcase_add_test(tc, test_events_wide);
	tcase_add_test(tc, test_event_without_times_or_name);
	tcase_add_test(tc, test_age);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(printers_suite)
