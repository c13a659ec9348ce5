/*
 * bench_base.c - the floor `make bench` measures kubesim against.
 *
 * The run() of the team's shared baseline (bench/base.c), unchanged but for
 * its name: per (node, DaemonSet) allocate a 200-byte pod, name it, insert it
 * into an open-addressing hash map and push one heap event; then pop every
 * event in time order. It runs in the benchmark's own process, on the same
 * N x D as the case it is the baseline of, so the ratio cancels out the
 * machine and its load.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_base.h"

/* Names fit by construction (N, D < 10^9); the copy stays as the team wrote it. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

struct pod {                 /* 200 bytes, like a lean pod record */
	char name[48];
	char node[32];
	uint64_t uid;
	int64_t created, started;
	int32_t phase, ds;
	char pad[200 - 48 - 32 - 8 - 16 - 8];
};
_Static_assert(sizeof(struct pod) == 200, "pod size");

struct slot { uint64_t h; struct pod *p; };
struct ev { int64_t t; uint64_t seq; struct pod *p; };

static double now_s(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec + ts.tv_nsec / 1e9; }

static uint64_t fnv(const char *s) { uint64_t h = 1469598103934665603ULL; for (; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; } return h; }

static int ev_lt(const struct ev *a, const struct ev *b) { return a->t != b->t ? a->t < b->t : a->seq < b->seq; }

double bench_base_run(long n, long d, uint64_t *check)
{
	size_t total = (size_t)n * d, cap = 16, len = 0, hlen = 0;
	while (cap < total * 2) cap <<= 1;
	double t0 = now_s();
	struct slot *tab = calloc(cap, sizeof *tab);
	struct ev *heap = malloc(total * sizeof *heap);
	struct pod **all = malloc(total * sizeof *all);
	uint64_t seq = 0, sum = 0;
	for (long i = 0; i < d; i++) {
		for (long j = 0; j < n; j++) {
			struct pod *p = malloc(sizeof *p);
			memset(p, 0, sizeof *p);
			snprintf(p->node, sizeof p->node, "worker-%ld", j + 1);
			snprintf(p->name, sizeof p->name, "ds-%ld-%s", i + 1, p->node);
			p->ds = (int32_t)i; p->uid = seq; p->created = (int64_t)(seq % 250) * 50;
			all[len++] = p;
			/* hash insert */
			uint64_t h = fnv(p->name); size_t k = h & (cap - 1);
			while (tab[k].p && !(tab[k].h == h && strcmp(tab[k].p->name, p->name) == 0)) k = (k + 1) & (cap - 1);
			tab[k].h = h; tab[k].p = p;
			/* heap push: the pod's start event */
			struct ev e = {p->created + 2000, seq++, p};
			size_t c = hlen++;
			while (c > 0) { size_t par = (c - 1) / 2; if (!ev_lt(&e, &heap[par])) break; heap[c] = heap[par]; c = par; }
			heap[c] = e;
		}
	}
	/* pop every event in order and "run" it */
	while (hlen > 0) {
		struct ev top = heap[0], last = heap[--hlen];
		size_t i = 0, c;
		while ((c = 2 * i + 1) < hlen) {
			if (c + 1 < hlen && ev_lt(&heap[c + 1], &heap[c])) c++;
			if (!ev_lt(&heap[c], &last)) break;
			heap[i] = heap[c]; i = c;
		}
		if (hlen) heap[i] = last;
		top.p->phase = 2; top.p->started = top.t; sum += top.p->uid;
	}
	double t = now_s() - t0;
	*check = sum;
	for (size_t i = 0; i < len; i++) free(all[i]);
	free(all); free(heap); free(tab);
	return t;
}
