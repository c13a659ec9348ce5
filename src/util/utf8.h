/*
 * utf8.h - UTF-8 as Go's unicode/utf8 reads it, for printers that must
 * escape and quote exactly as kubectl does.
 */
#ifndef KS_UTIL_UTF8_H
#define KS_UTIL_UTF8_H

#include <stddef.h>

struct strbuf;

/*
 * The rune at s (n > 0 bytes), its length in *size. Anything malformed
 * (overlong, surrogate, past U+10FFFF, truncated) is -1 with size 1, as Go
 * reads one byte of RuneError.
 */
long utf8_decode(const unsigned char *s, size_t n, size_t *size);
void utf8_encode(long r, struct strbuf *out);
/* The 1-based line and column (in characters, as libyaml counts them) of byte offset in text. */
void utf8_position(const char *text, size_t offset, size_t *line, size_t *col);

#endif
