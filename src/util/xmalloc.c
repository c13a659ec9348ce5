#include "util/xmalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
xmalloc_fail(size_t size)
{
	fprintf(stderr, "kubesim: out of memory allocating %zu bytes\n", size);
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		xmalloc_fail(size);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		xmalloc_fail(nmemb * size);
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		xmalloc_fail(size);
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		xmalloc_fail(SIZE_MAX);
	return xrealloc(ptr, nmemb * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	char probe[128];
	int n;
	char *p;

	/* Never true; it spares gcc -fsanitize a bogus null-format warning. */
	if (fmt == NULL)
		return xstrdup("");
	/* Most results are short (table cells): formatted once, into probe. */
	va_copy(ap2, ap);
	n = vsnprintf(probe, sizeof probe, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		xmalloc_fail(0);
	p = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof probe)
		memcpy(p, probe, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
xgrow(void *ptrp, size_t *cap, size_t need, size_t elem)
{
	void **pp = ptrp;
	size_t ncap;

	if (need <= *cap)
		return;
	ncap = *cap ? *cap : 8;
	while (ncap < need)
		ncap *= 2;
	*pp = xreallocarray(*pp, ncap, elem);
	*cap = ncap;
}
