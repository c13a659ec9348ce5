#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

void
vec_init(struct vec *v)
{
	v->v = NULL;
	v->n = v->cap = 0;
}

void
vec_free(struct vec *v)
{
	free(v->v);
	vec_init(v);
}

void
vec_push(struct vec *v, void *item)
{
	xgrow(&v->v, &v->cap, v->n + 1, sizeof *v->v);
	v->v[v->n++] = item;
}

void
vec_clear(struct vec *v)
{
	v->n = 0;
}

void *
vec_swap_remove(struct vec *v, size_t i)
{
	void *item = v->v[i];

	v->v[i] = v->v[--v->n];
	return item;
}

void *
vec_remove(struct vec *v, size_t i)
{
	void *item = v->v[i];

	memmove(&v->v[i], &v->v[i + 1], (v->n - i - 1) * sizeof *v->v);
	v->n--;
	return item;
}

void
vec_sort(struct vec *v, int (*cmp)(const void *a, const void *b))
{
	if (v->n > 1)
		qsort(v->v, v->n, sizeof *v->v, cmp);
}
