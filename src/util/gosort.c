/*
 * gosort.c - Go's sort.Sort (pdqsort), after Go 1.23 src/sort/sort.go and
 * src/sort/zsortinterface.go, the Go that builds kubectl v1.32. Same
 * comparisons, same swaps, in the same order: see gosort.h for why.
 */
#include <stdint.h>

#include "util/gosort.h"

#define LESS(i, j) (d->less(d->ctx, (i), (j)))
#define SWAP(i, j) (d->swap(d->ctx, (i), (j)))

enum sorted_hint { UNKNOWN_HINT, INCREASING_HINT, DECREASING_HINT };

/* bits.Len(uint(x)) */
static int
bits_len(unsigned long x)
{
	int n = 0;

	while (x != 0) {
		n++;
		x >>= 1;
	}
	return n;
}

static void
insertion_sort(const struct gosort_iface *d, long a, long b)
{
	for (long i = a + 1; i < b; i++)
		for (long j = i; j > a && LESS(j, j - 1); j--)
			SWAP(j, j - 1);
}

static void
sift_down(const struct gosort_iface *d, long lo, long hi, long first)
{
	long root = lo;

	for (;;) {
		long child = 2 * root + 1;

		if (child >= hi)
			break;
		if (child + 1 < hi && LESS(first + child, first + child + 1))
			child++;
		if (!LESS(first + root, first + child))
			return;
		SWAP(first + root, first + child);
		root = child;
	}
}

static void
heap_sort(const struct gosort_iface *d, long a, long b)
{
	long first = a, lo = 0, hi = b - a;

	for (long i = (hi - 1) / 2; i >= 0; i--)
		sift_down(d, i, hi, first);
	for (long i = hi - 1; i >= 0; i--) {
		SWAP(first, first + i);
		sift_down(d, lo, i, first);
	}
}

static long
partition(const struct gosort_iface *d, long a, long b, long pivot, bool *already)
{
	long i, j;

	SWAP(a, pivot);
	i = a + 1;
	j = b - 1;
	while (i <= j && LESS(i, a))
		i++;
	while (i <= j && !LESS(j, a))
		j--;
	if (i > j) {
		SWAP(j, a);
		*already = true;
		return j;
	}
	SWAP(i, j);
	i++;
	j--;
	for (;;) {
		while (i <= j && LESS(i, a))
			i++;
		while (i <= j && !LESS(j, a))
			j--;
		if (i > j)
			break;
		SWAP(i, j);
		i++;
		j--;
	}
	SWAP(j, a);
	*already = false;
	return j;
}

static long
partition_equal(const struct gosort_iface *d, long a, long b, long pivot)
{
	long i, j;

	SWAP(a, pivot);
	i = a + 1;
	j = b - 1;
	for (;;) {
		while (i <= j && !LESS(a, i))
			i++;
		while (i <= j && LESS(a, j))
			j--;
		if (i > j)
			break;
		SWAP(i, j);
		i++;
		j--;
	}
	return i;
}

static bool
partial_insertion_sort(const struct gosort_iface *d, long a, long b)
{
	const int max_steps = 5;
	const long shortest_shifting = 50;
	long i = a + 1;

	for (int step = 0; step < max_steps; step++) {
		while (i < b && !LESS(i, i - 1))
			i++;
		if (i == b)
			return true;
		if (b - a < shortest_shifting)
			return false;
		SWAP(i, i - 1);
		if (i - a >= 2) {
			for (long j = i - 1; j >= 1; j--) {
				if (!LESS(j, j - 1))
					break;
				SWAP(j, j - 1);
			}
		}
		if (b - i >= 2) {
			for (long j = i + 1; j < b; j++) {
				if (!LESS(j, j - 1))
					break;
				SWAP(j, j - 1);
			}
		}
	}
	return false;
}

static void
break_patterns(const struct gosort_iface *d, long a, long b)
{
	long length = b - a;

	if (length >= 8) {
		uint64_t random = (uint64_t)length;
		unsigned long modulus = 1UL << bits_len((unsigned long)length);

		for (long idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
			long other;

			/* xorshift.Next */
			random ^= random << 13;
			random ^= random >> 7;
			random ^= random << 17;
			other = (long)((unsigned long)random & (modulus - 1));
			if (other >= length)
				other -= length;
			SWAP(idx, a + other);
		}
	}
}

static void
order2(const struct gosort_iface *d, long *a, long *b, int *swaps)
{
	if (LESS(*b, *a)) {
		long t = *a;

		(*swaps)++;
		*a = *b;
		*b = t;
	}
}

static long
median(const struct gosort_iface *d, long a, long b, long c, int *swaps)
{
	order2(d, &a, &b, swaps);
	order2(d, &b, &c, swaps);
	order2(d, &a, &b, swaps);
	return b;
}

static long
choose_pivot(const struct gosort_iface *d, long a, long b, enum sorted_hint *hint)
{
	const long shortest_ninther = 50;
	const int max_swaps = 4 * 3;
	long l = b - a;
	int swaps = 0;
	long i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;

	if (l >= 8) {
		if (l >= shortest_ninther) {
			i = median(d, i - 1, i, i + 1, &swaps);
			j = median(d, j - 1, j, j + 1, &swaps);
			k = median(d, k - 1, k, k + 1, &swaps);
		}
		j = median(d, i, j, k, &swaps);
	}
	if (swaps == 0)
		*hint = INCREASING_HINT;
	else if (swaps == max_swaps)
		*hint = DECREASING_HINT;
	else
		*hint = UNKNOWN_HINT;
	return j;
}

static void
reverse_range(const struct gosort_iface *d, long a, long b)
{
	for (long i = a, j = b - 1; i < j; i++, j--)
		SWAP(i, j);
}

static void
pdqsort(const struct gosort_iface *d, long a, long b, int limit)
{
	const long max_insertion = 12;
	bool was_balanced = true, was_partitioned = true;

	for (;;) {
		long length = b - a, pivot, mid, left, right, threshold;
		enum sorted_hint hint;
		bool already;

		if (length <= max_insertion) {
			insertion_sort(d, a, b);
			return;
		}
		if (limit == 0) {
			heap_sort(d, a, b);
			return;
		}
		if (!was_balanced) {
			break_patterns(d, a, b);
			limit--;
		}
		pivot = choose_pivot(d, a, b, &hint);
		if (hint == DECREASING_HINT) {
			reverse_range(d, a, b);
			pivot = (b - 1) - (pivot - a);
			hint = INCREASING_HINT;
		}
		if (was_balanced && was_partitioned && hint == INCREASING_HINT &&
		    partial_insertion_sort(d, a, b))
			return;
		if (a > 0 && !LESS(a - 1, pivot)) {
			a = partition_equal(d, a, b, pivot);
			continue;
		}
		mid = partition(d, a, b, pivot, &already);
		was_partitioned = already;
		left = mid - a;
		right = b - mid;
		threshold = length / 8;
		if (left < right) {
			was_balanced = left >= threshold;
			pdqsort(d, a, mid, limit);
			a = mid + 1;
		} else {
			was_balanced = right >= threshold;
			pdqsort(d, mid + 1, b, limit);
			b = mid;
		}
	}
}

void
gosort_sort(const struct gosort_iface *data, long n)
{
	if (n <= 1)
		return;
	pdqsort(data, 0, n, bits_len((unsigned long)n));
}
