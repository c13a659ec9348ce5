/*
 * strbuf.h - a growable, always NUL-terminated string.
 *
 * Printers and error builders append to one of these instead of juggling
 * snprintf offsets. sb.s is never NULL after sb_init.
 */
#ifndef KS_UTIL_STRBUF_H
#define KS_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT {NULL, 0, 0}

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addc(struct strbuf *sb, char c);
/* Room for extra more bytes and the NUL, for a writer that fills s itself. */
void sb_reserve(struct strbuf *sb, size_t extra);
void sb_pad(struct strbuf *sb, char c, size_t n);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hand the buffer to the caller (who frees it) and leave sb empty. */
char *sb_take(struct strbuf *sb);
/* The string, "" for a buffer never written. */
const char *sb_str(const struct strbuf *sb);

#endif
