/*
 * bench.c - how fast kubesim simulates large clusters.
 *
 * Each workload builds a cluster of N nodes, drives it through the public
 * cluster API (the same calls scenarios make) and reports simulated engine
 * events, wall time, events per second, peak memory and bytes per pod. A
 * baseline loop (engine events with empty callbacks) runs in the same
 * process first; workloads are also reported as a multiple of it, which is
 * steadier than seconds on a shared machine.
 *
 * Usage: tools/bench [NODES]   (default 10000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "api/daemonset.h"
#include "api/defaults.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "cluster.h"
#include "sim/engine.h"
#include "tui/screen.h"
#include "tui/view.h"
#include "util/err.h"
#include "util/xmalloc.h"

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
peak_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void
noop(struct sim *sim, void *arg)
{
	(void)sim;
	(void)arg;
}

/* 1M empty events scheduled at spread times, then dispatched. */
static double
baseline(void)
{
	struct sim *s = sim_new();
	double t0 = now_s();

	for (int i = 0; i < 1000000; i++)
		sim_at(s, (sim_ms)(((int64_t)i * 7919) % 100000), noop, NULL);
	sim_run_until(s, 100000);
	sim_free(s);
	return now_s() - t0;
}

static struct daemonset *
make_ds(const char *name)
{
	struct daemonset *ds = ds_new();
	struct container *c;
	struct quantity q;
	struct ks_err err;

	ds->obj.meta.name = xstrdup(name);
	ds->obj.meta.ns = xstrdup("default");
	ds->selector.present = true;
	labels_set(&ds->selector.match_labels, "app", name);
	labels_set(&ds->tmpl.labels, "app", name);
	ds->tmpl.spec.containers = xcalloc(1, sizeof *ds->tmpl.spec.containers);
	ds->tmpl.spec.n_containers = 1;
	c = &ds->tmpl.spec.containers[0];
	c->name = xstrdup("agent");
	c->image = xstrdup("busybox:1.36");
	qty_parse("100m", &q, &err);
	res_list_set(&c->requests, "cpu", q);
	qty_parse("64Mi", &q, &err);
	res_list_set(&c->requests, "memory", q);
	defaults_daemonset(ds);
	ds_prepare_for_create(ds);
	return ds;
}

static struct cluster *
make_cluster(int nodes)
{
	struct timing t;
	struct cluster *c;
	struct ks_err err;

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 1);
	for (int i = 0; i < nodes; i++) {
		char name[32];

		snprintf(name, sizeof name, "worker-%d", i + 1);
		cluster_add_node(c, node_new(name), false, true, &err);
	}
	return c;
}

struct report {
	const char *name;
	uint64_t events;
	double wall;
	size_t pods;
};

static void
print_report(const struct report *r, double base)
{
	long kib = peak_kib();

	printf("%-28s %10llu events %8.3f s %12.0f ev/s %8ld KiB peak %8.0f B/pod %7.2fx baseline\n",
	    r->name, (unsigned long long)r->events, r->wall,
	    r->wall > 0 ? (double)r->events / r->wall : 0.0, kib,
	    r->pods ? (double)kib * 1024.0 / (double)r->pods : 0.0, r->wall / base);
}

int
main(int argc, char **argv)
{
	int nodes = argc > 1 ? atoi(argv[1]) : 10000;
	double base;
	struct cluster *c;
	struct report r;
	struct ks_err err;
	double t0;
	uint64_t e0;

	/* The baseline allocates little, so running it first leaves peak memory to the workloads. */
	base = baseline();
	printf("baseline: 1M empty engine events in %.3f s\n", base);
	printf("cluster: %d nodes\n", nodes);

	/* 1. Create a DaemonSet and run until every pod is ready. */
	t0 = now_s();
	c = make_cluster(nodes);
	e0 = sim_events_run(c->sim);
	{
		struct daemonset *ds = make_ds("agent");

		store_create(c->store, &ds->obj, &err);
		cluster_advance_to(c, 10 * 60 * 1000);
		if (ds->status.ready != nodes)
			fprintf(stderr, "bench: only %d of %d pods ready\n", ds->status.ready, nodes);
	}
	r = (struct report){"daemonset-rollout", sim_events_run(c->sim) - e0, now_s() - t0,
		store_count(c->store, KIND_POD)};
	print_report(&r, base);

	/* 2. Churn: 10% of the nodes leave, as many join. */
	t0 = now_s();
	e0 = sim_events_run(c->sim);
	for (int i = 0; i < nodes / 10; i++) {
		char name[32];

		snprintf(name, sizeof name, "worker-%d", i + 1);
		cluster_remove_node(c, name, &err);
		snprintf(name, sizeof name, "new-%d", i + 1);
		cluster_add_node(c, node_new(name), true, true, &err);
	}
	cluster_advance_to(c, 20 * 60 * 1000);
	r = (struct report){"node-churn-10pct", sim_events_run(c->sim) - e0, now_s() - t0,
		store_count(c->store, KIND_POD)};
	print_report(&r, base);

	/* 3. Delete the DaemonSet; the garbage collector removes every pod. */
	t0 = now_s();
	e0 = sim_events_run(c->sim);
	store_delete(c->store, store_get(c->store, KIND_DAEMONSET, "default", "agent"), -1);
	cluster_advance_to(c, 30 * 60 * 1000);
	r = (struct report){"daemonset-delete", sim_events_run(c->sim) - e0, now_s() - t0,
		(size_t)nodes};
	print_report(&r, base);
	if (store_count(c->store, KIND_POD) != 0)
		fprintf(stderr, "bench: %zu pods left after delete\n", store_count(c->store, KIND_POD));
	cluster_free(c);

	/* 4. The TUI's redraw of 1,000 nodes and 10 DaemonSets (issue 6 asks for under 50 ms). */
	{
		static const int sizes[][2] = {{80, 24}, {200, 60}};
		struct view v;

		c = make_cluster(1000);
		for (int i = 0; i < 10; i++) {
			char name[32];

			snprintf(name, sizeof name, "agent-%d", i);
			store_create(c->store, &make_ds(name)->obj, &err);
		}
		cluster_advance_to(c, 5 * 60 * 1000);
		view_init(&v);
		v.c = c;
		for (size_t k = 0; k < 2; k++) {
			struct screen scr;
			int frames = 20;

			screen_init(&scr, sizes[k][0], sizes[k][1]);
			t0 = now_s();
			for (int f = 0; f < frames; f++) {
				v.sel_node = f * 37 % 1000; /* moving the cursor scrolls the grid */
				view_render(&v, &scr);
			}
			printf("tui-redraw %dx%d (1000 nodes, %zu pods, 10 DaemonSets) %8.2f ms per frame\n",
			    sizes[k][0], sizes[k][1], store_count(c->store, KIND_POD),
			    (now_s() - t0) * 1000 / frames);
			screen_free(&scr);
		}
		view_free(&v);
		cluster_free(c);
	}
	return 0;
}
