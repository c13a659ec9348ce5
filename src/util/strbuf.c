#include "util/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

void
sb_init(struct strbuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->s = xmalloc(sb->cap);
	sb->s[0] = '\0';
}

void
sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

void
sb_reset(struct strbuf *sb)
{
	if (sb->s == NULL)
		sb_init(sb);
	sb->len = 0;
	sb->s[0] = '\0';
}

void
sb_reserve(struct strbuf *sb, size_t extra)
{
	if (sb->s == NULL)
		sb_init(sb);
	if (sb->len + extra + 1 > sb->cap) {
		size_t ncap = sb->cap * 2;

		while (ncap < sb->len + extra + 1)
			ncap *= 2;
		sb->s = xrealloc(sb->s, ncap);
		sb->cap = ncap;
	}
}

void
sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	sb_reserve(sb, n);
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void
sb_add(struct strbuf *sb, const char *s)
{
	sb_addn(sb, s, strlen(s));
}

void
sb_addc(struct strbuf *sb, char c)
{
	/* The common case, room already there, without sb_addn's memcpy. */
	if (sb->s != NULL && sb->len + 2 <= sb->cap) {
		sb->s[sb->len++] = c;
		sb->s[sb->len] = '\0';
		return;
	}
	sb_addn(sb, &c, 1);
}

void
sb_pad(struct strbuf *sb, char c, size_t n)
{
	sb_reserve(sb, n);
	memset(sb->s + sb->len, c, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void
sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	char probe[1];
	int n;

	/* Never true; it spares gcc -fsanitize a bogus null-format warning. */
	if (fmt == NULL)
		return;
	va_copy(ap2, ap);
	n = vsnprintf(probe, sizeof probe, fmt, ap2);
	va_end(ap2);
	if (n <= 0)
		return;
	sb_reserve(sb, (size_t)n);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

char *
sb_take(struct strbuf *sb)
{
	char *s;

	if (sb->s == NULL)
		sb_init(sb);
	s = sb->s;
	sb->s = NULL;
	sb->len = sb->cap = 0;
	return s;
}

const char *
sb_str(const struct strbuf *sb)
{
	return sb->s ? sb->s : "";
}
