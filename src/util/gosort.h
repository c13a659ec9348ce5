/*
 * gosort.h - Go's sort.Sort, step for step.
 *
 * kubectl sorts with sort.Sort (--sort-by's RuntimeSort and TableSorter,
 * `kubectl events`' SortableEvents), which is pattern-defeating quicksort
 * and not stable: which of two equal elements comes first depends on the
 * exact sequence of comparisons and swaps, and --sort-by's Less is not even
 * a strict order (an object without the field is "less" than anything,
 * another such object included). Printing the same order as kubectl takes
 * the same algorithm, so this is a port of Go 1.23's src/sort/zsortinterface.go
 * (pdqsort, insertionSort, heapSort, breakPatterns with its xorshift) that
 * calls back for Less and Swap exactly where Go does.
 */
#ifndef KS_UTIL_GOSORT_H
#define KS_UTIL_GOSORT_H

#include <stdbool.h>
#include <stddef.h>

struct gosort_iface {
	void *ctx;
	bool (*less)(void *ctx, long i, long j);
	void (*swap)(void *ctx, long i, long j);
};

/* sort.Sort(data) for data.Len() == n. */
void gosort_sort(const struct gosort_iface *data, long n);

#endif
