/*
 * gosort.c - Go 1.23's sort.Sort (src/sort/sort.go, zsortinterface.go):
 * pdqsort with insertion sort up to 12 items, heapsort after too many bad
 * pivots, and breakPatterns' xorshift seeded with the length, so that the
 * order of equal items is Go's. Kept as Go writes it (indices, Less, Swap).
 */
#include "util/gosort.h"

#include <stdint.h>

struct data {
	void **v;
	go_less_fn less;
	void *ctx;
};

enum hint { UNKNOWN_HINT, INCREASING_HINT, DECREASING_HINT };

static bool
less(const struct data *d, long i, long j)
{
	return d->less(d->v[i], d->v[j], d->ctx);
}

static void
swap(const struct data *d, long i, long j)
{
	void *t = d->v[i];

	d->v[i] = d->v[j];
	d->v[j] = t;
}

/* bits.Len: the number of bits needed to represent x. */
static int
bits_len(uint64_t x)
{
	int n = 0;

	for (; x != 0; x >>= 1)
		n++;
	return n;
}

static void
insertion_sort(const struct data *d, long a, long b)
{
	for (long i = a + 1; i < b; i++)
		for (long j = i; j > a && less(d, j, j - 1); j--)
			swap(d, j, j - 1);
}

static void
sift_down(const struct data *d, long lo, long hi, long first)
{
	long root = lo;

	for (;;) {
		long child = 2 * root + 1;

		if (child >= hi)
			break;
		if (child + 1 < hi && less(d, first + child, first + child + 1))
			child++;
		if (!less(d, first + root, first + child))
			return;
		swap(d, first + root, first + child);
		root = child;
	}
}

static void
heap_sort(const struct data *d, long a, long b)
{
	long first = a, lo = 0, hi = b - a;

	for (long i = (hi - 1) / 2; i >= 0; i--)
		sift_down(d, i, hi, first);
	for (long i = hi - 1; i >= 0; i--) {
		swap(d, first, first + i);
		sift_down(d, lo, i, first);
	}
}

static long
partition(const struct data *d, long a, long b, long pivot, bool *already)
{
	long i = a + 1, j = b - 1;

	swap(d, a, pivot);
	while (i <= j && less(d, i, a))
		i++;
	while (i <= j && !less(d, j, a))
		j--;
	if (i > j) {
		swap(d, j, a);
		*already = true;
		return j;
	}
	swap(d, i, j);
	i++;
	j--;
	for (;;) {
		while (i <= j && less(d, i, a))
			i++;
		while (i <= j && !less(d, j, a))
			j--;
		if (i > j)
			break;
		swap(d, i, j);
		i++;
		j--;
	}
	swap(d, j, a);
	*already = false;
	return j;
}

static long
partition_equal(const struct data *d, long a, long b, long pivot)
{
	long i = a + 1, j = b - 1;

	swap(d, a, pivot);
	for (;;) {
		while (i <= j && !less(d, a, i))
			i++;
		while (i <= j && less(d, a, j))
			j--;
		if (i > j)
			break;
		swap(d, i, j);
		i++;
		j--;
	}
	return i;
}

static bool
partial_insertion_sort(const struct data *d, long a, long b)
{
	enum { MAX_STEPS = 5, SHORTEST_SHIFTING = 50 };
	long i = a + 1;

	for (int step = 0; step < MAX_STEPS; step++) {
		while (i < b && !less(d, i, i - 1))
			i++;
		if (i == b)
			return true;
		if (b - a < SHORTEST_SHIFTING)
			return false;
		swap(d, i, i - 1);
		if (i - a >= 2)
			for (long j = i - 1; j >= 1; j--) {
				if (!less(d, j, j - 1))
					break;
				swap(d, j, j - 1);
			}
		if (b - i >= 2)
			for (long j = i + 1; j < b; j++) {
				if (!less(d, j, j - 1))
					break;
				swap(d, j, j - 1);
			}
	}
	return false;
}

static void
break_patterns(const struct data *d, long a, long b)
{
	long length = b - a;

	if (length >= 8) {
		uint64_t random = (uint64_t)length;
		uint64_t modulus = (uint64_t)1 << bits_len((uint64_t)length);

		for (long idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
			long other;

			random ^= random << 13;
			random ^= random >> 7;
			random ^= random << 17;
			other = (long)(random & (modulus - 1));
			if (other >= length)
				other -= length;
			swap(d, idx, a + other);
		}
	}
}

static void
order2(const struct data *d, long *a, long *b, int *swaps)
{
	if (less(d, *b, *a)) {
		long t = *a;

		(*swaps)++;
		*a = *b;
		*b = t;
	}
}

static long
median(const struct data *d, long a, long b, long c, int *swaps)
{
	order2(d, &a, &b, swaps);
	order2(d, &b, &c, swaps);
	order2(d, &a, &b, swaps);
	return b;
}

static long
choose_pivot(const struct data *d, long a, long b, enum hint *hint)
{
	enum { SHORTEST_NINTHER = 50, MAX_SWAPS = 4 * 3 };
	long l = b - a, i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
	int swaps = 0;

	if (l >= 8) {
		if (l >= SHORTEST_NINTHER) {
			i = median(d, i - 1, i, i + 1, &swaps);
			j = median(d, j - 1, j, j + 1, &swaps);
			k = median(d, k - 1, k, k + 1, &swaps);
		}
		j = median(d, i, j, k, &swaps);
	}
	*hint = swaps == 0 ? INCREASING_HINT : swaps == MAX_SWAPS ? DECREASING_HINT : UNKNOWN_HINT;
	return j;
}

static void
reverse_range(const struct data *d, long a, long b)
{
	for (long i = a, j = b - 1; i < j; i++, j--)
		swap(d, i, j);
}

static void
pdqsort(const struct data *d, long a, long b, int limit)
{
	enum { MAX_INSERTION = 12 };
	bool was_balanced = true, was_partitioned = true;

	for (;;) {
		long length = b - a, pivot, mid;
		enum hint hint;
		bool already;

		if (length <= MAX_INSERTION) {
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
		if (a > 0 && !less(d, a - 1, pivot)) {
			a = partition_equal(d, a, b, pivot);
			continue;
		}
		mid = partition(d, a, b, pivot, &already);
		was_partitioned = already;
		if (mid - a < b - mid) {
			was_balanced = mid - a >= length / 8;
			pdqsort(d, a, mid, limit);
			a = mid + 1;
		} else {
			was_balanced = b - mid >= length / 8;
			pdqsort(d, mid + 1, b, limit);
			b = mid;
		}
	}
}

void
go_sort(void **v, size_t n, go_less_fn less_fn, void *ctx)
{
	struct data d = {v, less_fn, ctx};

	if (n <= 1)
		return;
	pdqsort(&d, 0, (long)n, bits_len(n));
}
