/*
 * gosort.h - Go's sort.Sort, step for step, over an array of pointers.
 *
 * kubectl sorts some lists with sort.Sort (pattern-defeating quicksort),
 * which is not stable: past 12 items, equal items come out in an order
 * only this exact algorithm reproduces. Where kubesim prints what such a
 * sort printed, it sorts the same input the same way.
 */
#ifndef KS_UTIL_GOSORT_H
#define KS_UTIL_GOSORT_H

#include <stdbool.h>
#include <stddef.h>

/* less(a, b, ctx): whether a sorts before b (sort.Interface's Less). */
typedef bool (*go_less_fn)(const void *a, const void *b, void *ctx);

/* sort.Sort(data) over v[0..n). */
void go_sort(void **v, size_t n, go_less_fn less, void *ctx);

#endif
