/*
 * vec.h - a growable array of pointers.
 */
#ifndef KS_UTIL_VEC_H
#define KS_UTIL_VEC_H

#include <stddef.h>

struct vec {
	void **v;
	size_t n;
	size_t cap;
};

#define VEC_INIT {NULL, 0, 0}

void vec_init(struct vec *v);
void vec_free(struct vec *v); /* frees the array, not the items */
void vec_push(struct vec *v, void *item);
void vec_clear(struct vec *v);
/* O(1) removal that moves the last item into slot i. */
void *vec_swap_remove(struct vec *v, size_t i);
/* O(n) removal that keeps the order. */
void *vec_remove(struct vec *v, size_t i);
void vec_sort(struct vec *v, int (*cmp)(const void *a, const void *b));

#endif
