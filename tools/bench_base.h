/* bench_base.h - the shared per-pod floor (bench_base.c). */
#ifndef KS_BENCH_BASE_H
#define KS_BENCH_BASE_H

#include <stdint.h>

/* Seconds for N x D pods of minimal work; check receives a sum that keeps it from being optimised away. */
double bench_base_run(long n, long d, uint64_t *check);

#endif
