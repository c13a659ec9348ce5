/*
 * xmalloc.h - allocation that never returns NULL.
 *
 * A simulator that runs out of memory cannot do anything sensible with the
 * half-built object it was making, so these abort with a message instead of
 * threading ENOMEM through every caller (the tmux xmalloc.c idiom).
 */
#ifndef KS_UTIL_XMALLOC_H
#define KS_UTIL_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* NULL-tolerant strdup: xstrdup_or_null(NULL) == NULL. */
char *xstrdup_or_null(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grow *ptr (an array of elem-sized items with capacity *cap) to hold need. */
void xgrow(void *ptrp, size_t *cap, size_t need, size_t elem);

#endif
