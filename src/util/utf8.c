/*
 * utf8.c - runes in and out of UTF-8, as Go's unicode/utf8 reads them
 * (the strictest decoding: no overlongs, no surrogates).
 */
#include "util/utf8.h"

#include "util/strbuf.h"

long
utf8_decode(const unsigned char *s, size_t n, size_t *size)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t need;
	long r;

	*size = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		r = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		r = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		r = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return -1;
	if (n < need + 1 || s[1] < lo || s[1] > hi)
		return -1;
	for (size_t i = 1; i <= need; i++) {
		if (i > 1 && (s[i] < 0x80 || s[i] > 0xBF))
			return -1;
		r = (r << 6) | (s[i] & 0x3F);
	}
	*size = need + 1;
	return r;
}

void
utf8_encode(long r, struct strbuf *out)
{
	char b[4];

	if (r < 0x80)
		sb_addc(out, (char)r);
	else if (r < 0x800) {
		b[0] = (char)(0xC0 | (r >> 6));
		b[1] = (char)(0x80 | (r & 0x3F));
		sb_addn(out, b, 2);
	} else if (r < 0x10000) {
		b[0] = (char)(0xE0 | (r >> 12));
		b[1] = (char)(0x80 | ((r >> 6) & 0x3F));
		b[2] = (char)(0x80 | (r & 0x3F));
		sb_addn(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (r >> 18));
		b[1] = (char)(0x80 | ((r >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((r >> 6) & 0x3F));
		b[3] = (char)(0x80 | (r & 0x3F));
		sb_addn(out, b, 4);
	}
}

void
utf8_position(const char *text, size_t offset, size_t *line, size_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < offset; i++) {
		unsigned char ch = (unsigned char)text[i];

		if (ch == '\n') {
			(*line)++;
			*col = 1;
		} else if ((ch & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}
