/*
 * bench.c - how fast kubesim simulates large clusters (issue 13).
 *
 * The matrix: N nodes x D DaemonSets, every DaemonSet created at once, run
 * until each has desired = current = ready = N; then churn: 10% of the
 * nodes leave and as many join at one instant, run until the DaemonSets are
 * whole again and the departed nodes' pods are gone. Each case runs in a
 * child process of its own, so its peak RSS is its own, and the child first
 * runs the shared per-pod floor (bench_base.c) on the same N x D: the
 * ratio to that floor is the figure to quote, steadier than seconds on a
 * shared machine. A case is skipped when the same mode and D at the
 * previous size took over a minute (it would take several).
 *
 * Then the TUI's redraw at 1,000 nodes and 10 DaemonSets.
 *
 * Usage: tools/bench [--nodes N,...] [--ds D,...] [--mode legacy|scheduler|both]
 *        [--big] [--no-tui]
 * --big adds the 130,000 x 10 scheduler case (1.3 M pods).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "api/daemonset.h"
#include "api/defaults.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "bench_base.h"
#include "cluster.h"
#include "sim/engine.h"
#include "tui/screen.h"
#include "tui/view.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/xmalloc.h"

/* A case's deadline on the simulated clock: far beyond any steady state. */
#define SETTLE_MS (60 * 60 * 1000)
/* A case slower than this is not followed by the next size. */
#define CAP_S 60.0

static void __attribute__((noreturn, format(printf, 1, 2)))
fail(const char *fmt, ...)
{
	va_list ap;

	fputs("bench: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

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

static struct daemonset *
make_ds(const char *name)
{
	struct daemonset *ds = ds_new();
	struct container *c;
	struct quantity q;
	struct ks_err err;

	ds->obj.meta.name = xstrdup(name);
	meta_set_ns(&ds->obj.meta, "default");
	ds->selector.present = true;
	labels_set(&ds->selector.match_labels, "app", name);
	labels_set(&ds->tmpl.labels, "app", name);
	ds->tmpl.spec.containers = xcalloc(1, sizeof *ds->tmpl.spec.containers);
	ds->tmpl.spec.n_containers = 1;
	c = &ds->tmpl.spec.containers[0];
	c->name = atom_get("agent");
	c->image = atom_get("registry.k8s.io/agent:1.0");
	qty_parse("10m", &q, &err);
	res_list_set(&c->requests, "cpu", q);
	qty_parse("16Mi", &q, &err);
	res_list_set(&c->requests, "memory", q);
	defaults_daemonset(ds);
	ds_prepare_for_create(ds);
	return ds;
}

static void
add_node(struct cluster *c, const char *prefix, long i, bool joining)
{
	char name[32];
	struct ks_err err;

	snprintf(name, sizeof name, "%s-%ld", prefix, i);
	if (cluster_add_node(c, node_new(name), joining, true, &err) < 0)
		fail("%s", err.msg);
}

struct steady {
	struct daemonset **ds;
	long n_ds;
	long nodes;
	const struct store *store;
	/* After churn: the nodes that left must have no pods, those that joined all theirs ready. */
	char **left, **joined;
	long n_churned;
};

static bool
node_pods_ready(const struct store *s, const char *node, long want)
{
	const struct vec *pods = store_pods_on_node(s, node);
	long ready = 0;

	for (size_t i = 0; pods && i < pods->n; i++)
		ready += pod_is_ready(pods->v[i]);
	return ready == want;
}

static bool
is_steady(const struct steady *st)
{
	for (long i = 0; i < st->n_ds; i++) {
		const struct ds_status *s = &st->ds[i]->status;

		if (s->desired != st->nodes || s->current != st->nodes || s->ready != st->nodes)
			return false;
	}
	for (long i = 0; i < st->n_churned; i++)
		if (store_pods_on_node(st->store, st->left[i]) &&
		    store_pods_on_node(st->store, st->left[i])->n > 0)
			return false;
	for (long i = 0; i < st->n_churned; i++)
		if (!node_pods_ready(st->store, st->joined[i], st->n_ds))
			return false;
	return true;
}

/*
 * Runs the cluster a simulated second at a time until steady: a check after
 * every event would cost more than the events at this size.
 */
static bool
run_to_steady(struct cluster *c, const struct steady *st)
{
	sim_ms deadline = cluster_now(c) + SETTLE_MS;

	cluster_settle(c);
	while (!is_steady(st)) {
		if (cluster_now(c) >= deadline)
			return false;
		cluster_advance_to(c, cluster_now(c) + 1000);
	}
	return true;
}

struct result {
	int ok;
	double base, rollout, churn;
	double events_per_pod;
	long peak_kib;
};

/* One case, in the child: the floor, the rollout, the churn. */
static struct result
run_case(enum placement_mode mode, long nodes, long n_ds)
{
	struct result r = {0};
	struct timing t;
	struct cluster *c;
	struct steady st;
	uint64_t check, e0;
	size_t pods = (size_t)nodes * (size_t)n_ds;
	double t0, b;

	r.base = bench_base_run(nodes, n_ds, &check);
	for (int i = 0; i < 2; i++)
		if ((b = bench_base_run(nodes, n_ds, &check)) < r.base)
			r.base = b;

	timing_defaults(&t);
	c = cluster_new(mode, &t, 1);
	for (long i = 0; i < nodes; i++)
		add_node(c, "worker", i + 1, false);
	st = (struct steady){.ds = xcalloc((size_t)n_ds, sizeof *st.ds), .n_ds = n_ds,
		.nodes = nodes, .store = c->store};

	t0 = now_s();
	e0 = sim_events_run(c->sim);
	for (long i = 0; i < n_ds; i++) {
		char name[32];
		struct ks_err err;

		snprintf(name, sizeof name, "agent-%ld", i + 1);
		st.ds[i] = make_ds(name);
		if (store_create(c->store, &st.ds[i]->obj, &err) != STORE_OK)
			fail("%s", err.msg);
	}
	if (!run_to_steady(c, &st))
		return r;
	r.rollout = now_s() - t0;
	r.events_per_pod = (double)(sim_events_run(c->sim) - e0) / (double)pods;

	st.n_churned = nodes / 10;
	st.left = xcalloc((size_t)st.n_churned, sizeof *st.left);
	st.joined = xcalloc((size_t)st.n_churned, sizeof *st.joined);
	for (long i = 0; i < st.n_churned; i++) {
		st.left[i] = xasprintf("worker-%ld", i * 10 + 1);
		st.joined[i] = xasprintf("joined-%ld", i + 1);
	}
	t0 = now_s();
	for (long i = 0; i < st.n_churned; i++) {
		struct ks_err err;

		if (cluster_remove_node(c, st.left[i], &err) < 0)
			fail("%s", err.msg);
		add_node(c, "joined", i + 1, true);
	}
	if (!run_to_steady(c, &st))
		return r;
	r.churn = now_s() - t0;
	r.peak_kib = peak_kib();
	r.ok = 1;
	/* Freeing the cluster is not part of any figure; the process ends here. */
	return r;
}

/* Runs the case in a child; false when it failed or did not reach steady state. */
static bool
fork_case(enum placement_mode mode, long nodes, long n_ds, struct result *r)
{
	int fd[2], status;
	pid_t pid;
	ssize_t got;

	if (pipe(fd) < 0)
		fail("pipe: %s", strerror(errno));
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		fail("fork: %s", strerror(errno));
	if (pid == 0) {
		struct result res = run_case(mode, nodes, n_ds);

		close(fd[0]);
		if (write(fd[1], &res, sizeof res) != (ssize_t)sizeof res)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	got = read(fd[0], r, sizeof *r);
	close(fd[0]);
	waitpid(pid, &status, 0);
	return got == (ssize_t)sizeof *r && WIFEXITED(status) && WEXITSTATUS(status) == 0 && r->ok;
}

static size_t
parse_list(const char *arg, long *out, size_t max)
{
	size_t n = 0;
	char *end;

	while (*arg && n < max) {
		long v = strtol(arg, &end, 10);

		if (end == arg || v <= 0 || (*end && *end != ','))
			fail("bad list '%s' (numbers separated by commas)", arg);
		out[n++] = v;
		arg = *end ? end + 1 : end;
	}
	return n;
}

static void
tui_redraw(void)
{
	static const int sizes[][2] = {{80, 24}, {200, 60}};
	struct timing t;
	struct cluster *c;
	struct view v;
	double t0;

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 1);
	for (long i = 0; i < 1000; i++)
		add_node(c, "worker", i + 1, false);
	for (int i = 0; i < 10; i++) {
		char name[32];
		struct ks_err err;

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
		printf("tui-redraw %dx%d (1000 nodes, %zu pods, 10 DaemonSets): %.2f ms per frame\n",
		    sizes[k][0], sizes[k][1], store_count(c->store, KIND_POD),
		    (now_s() - t0) * 1000 / frames);
		screen_free(&scr);
	}
	view_free(&v);
	cluster_free(c);
}

int
main(int argc, char **argv)
{
	long sizes[16] = {1000, 5000, 10000, 50000}, dss[16] = {1, 10, 20};
	size_t n_sizes = 4, n_dss = 3;
	enum placement_mode modes[2] = {MODE_LEGACY, MODE_SCHEDULER};
	size_t n_modes = 2;
	bool big = false, tui = true;
	double took_5k20[2] = {0, 0}, took_10k20[2] = {0, 0};

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--nodes") == 0 && i + 1 < argc)
			n_sizes = parse_list(argv[++i], sizes, 16);
		else if (strcmp(a, "--ds") == 0 && i + 1 < argc)
			n_dss = parse_list(argv[++i], dss, 16);
		else if (strcmp(a, "--mode") == 0 && i + 1 < argc) {
			a = argv[++i];
			if (strcmp(a, "both") == 0)
				n_modes = 2;
			else if (placement_mode_parse(a, &modes[0]) == 0)
				n_modes = 1;
			else
				fail("--mode: '%s' is not legacy, scheduler or both", a);
		} else if (strcmp(a, "--big") == 0)
			big = true;
		else if (strcmp(a, "--no-tui") == 0)
			tui = false;
		else
			fail("unknown argument '%s' (usage: tools/bench [--nodes N,...] [--ds D,...] "
			    "[--mode legacy|scheduler|both] [--big] [--no-tui])", a);
	}

	printf("| mode | N x D | pods | rollout | x base | events/pod | churn | x base | peak RSS | B/pod |\n");
	printf("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (size_t m = 0; m < n_modes; m++) {
		for (size_t d = 0; d < n_dss; d++) {
			double prev = 0;

			for (size_t s = 0; s < n_sizes; s++) {
				const char *mode = placement_mode_name(modes[m]);
				long pods = sizes[s] * dss[d];
				struct result r;

				if (prev > CAP_S) {
					printf("| %s | %ld x %ld | %ld | skipped: %ld x %ld took %.0f s |"
					    " | | | | | | |\n", mode, sizes[s], dss[d], pods, sizes[s - 1],
					    dss[d], prev);
					continue;
				}
				if (!fork_case(modes[m], sizes[s], dss[d], &r)) {
					printf("| %s | %ld x %ld | %ld | FAILED: no steady state | | | | | | |\n",
					    mode, sizes[s], dss[d], pods);
					prev = CAP_S + 1;
					continue;
				}
				prev = r.rollout + r.churn;
				if (sizes[s] == 5000 && dss[d] == 20)
					took_5k20[m] = r.rollout;
				if (sizes[s] == 10000 && dss[d] == 20)
					took_10k20[m] = r.rollout;
				printf("| %s | %ld x %ld | %ld | %.3f s | %.1f | %.1f | %.3f s | %.1f |"
				    " %.0f MiB | %.0f |\n", mode, sizes[s], dss[d], pods, r.rollout,
				    r.rollout / r.base, r.events_per_pod, r.churn, r.churn / r.base,
				    (double)r.peak_kib / 1024, (double)r.peak_kib * 1024 / (double)pods);
			}
		}
	}
	for (size_t m = 0; m < n_modes; m++)
		if (took_5k20[m] > 0 && took_10k20[m] > 0)
			printf("doubling (%s): 10000 x 20 took %.2fx 5000 x 20\n",
			    placement_mode_name(modes[m]), took_10k20[m] / took_5k20[m]);
	if (big) {
		struct result r;

		if (fork_case(MODE_SCHEDULER, 130000, 10, &r))
			printf("big (scheduler, 130000 x 10): rollout %.1f s (%.1fx base), churn %.1f s,"
			    " peak %.0f MiB\n", r.rollout, r.rollout / r.base, r.churn,
			    (double)r.peak_kib / 1024);
		else
			printf("big (scheduler, 130000 x 10): FAILED\n");
	}
	if (tui)
		tui_redraw();
	return 0;
}
