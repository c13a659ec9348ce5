/*
 * jsontext.c - cJSON documents as kubectl's -o json and -o yaml text.
 *
 * -o json is encoding/json's MarshalIndent of the unstructured map: keys in
 * byte order, <, > and & escaped as \u003c..., U+2028/9 escaped, floats in
 * 'f' form between 1e-6 and 1e21. -o yaml is sigs.k8s.io/yaml: that JSON
 * re-read by go-yaml v2 and written by its libyaml-derived emitter. The
 * emitter's choices (which strings need quotes, single or double, when a
 * literal block is allowed, where a long line folds at column 80, the odd
 * "natural" key order that puts a9 before a10) come from a handful of
 * character-level rules, so the part of go-yaml v2's emitterc.go that a
 * JSON-shaped document can reach is ported here rule for rule rather than
 * approximated; the Go function each piece mirrors is named beside it.
 */
#include "codec/jsontext.h"

#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/*
 * Numbers. kubectl holds an integral JSON number as int64 and anything else
 * as float64; Go then prints floats from the shortest digit string that
 * reads back to the same double.
 */
struct godigits {
	char d[24];
	int nd;	 /* digits in d */
	int dp;	 /* decimal point position: value = 0.d * 10^dp */
	bool neg;
};

static void
shortest_digits(double v, struct godigits *g)
{
	char buf[40], *p, *e;
	int prec;

	g->neg = signbit(v) != 0;
	v = fabs(v);
	if (v == 0) {
		g->nd = 0;
		g->dp = 0;
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
	g->nd = 0;
	for (p = buf; *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			g->d[g->nd++] = *p;
	g->dp = (int)strtol(p + 1, &e, 10) + 1;
	while (g->nd > 1 && g->d[g->nd - 1] == '0')
		g->nd--;
}

/* strconv's %e body: d.ddde±XX, at least two exponent digits. */
static void
fmt_e(const struct godigits *g, struct strbuf *out)
{
	int exp = g->nd == 0 ? 0 : g->dp - 1;

	if (g->neg)
		sb_addc(out, '-');
	sb_addc(out, g->nd == 0 ? '0' : g->d[0]);
	if (g->nd > 1) {
		sb_addc(out, '.');
		sb_addn(out, g->d + 1, (size_t)g->nd - 1);
	}
	sb_addc(out, 'e');
	sb_addc(out, exp < 0 ? '-' : '+');
	if (exp < 0)
		exp = -exp;
	sb_addf(out, "%02d", exp);
}

/* strconv's %f with just enough decimals for the digits. */
static void
fmt_f(const struct godigits *g, struct strbuf *out)
{
	int prec = g->nd - g->dp > 0 ? g->nd - g->dp : 0;

	if (g->neg)
		sb_addc(out, '-');
	if (g->dp > 0) {
		for (int i = 0; i < g->dp; i++)
			sb_addc(out, i < g->nd ? g->d[i] : '0');
	} else
		sb_addc(out, '0');
	if (prec > 0) {
		sb_addc(out, '.');
		for (int i = 1; i <= prec; i++) {
			int j = g->dp + i - 1;

			sb_addc(out, j >= 0 && j < g->nd ? g->d[j] : '0');
		}
	}
}

/* strconv.FormatFloat(v, 'g', -1, 64): %e when exp < -4 or exp >= 6. */
static void
fmt_g(double v, struct strbuf *out)
{
	struct godigits g;
	int exp;

	if (isnan(v)) {
		sb_add(out, "NaN");
		return;
	}
	if (isinf(v)) {
		sb_add(out, v < 0 ? "-Inf" : "+Inf");
		return;
	}
	shortest_digits(v, &g);
	exp = g.nd == 0 ? 0 : g.dp - 1;
	if (exp < -4 || exp >= 6)
		fmt_e(&g, out);
	else
		fmt_f(&g, out);
}

static bool
as_int64(double v, long long *i)
{
	if (v != floor(v) || v < -9223372036854775808.0 || v >= 9223372036854775808.0)
		return false;
	*i = (long long)v;
	return true;
}

void
format_float_v(double v, struct strbuf *out)
{
	fmt_g(v, out);
}

void
format_number_v(double v, struct strbuf *out)
{
	long long i;

	if (as_int64(v, &i))
		sb_addf(out, "%lld", i);
	else
		fmt_g(v, out);
}

/* encoding/json floatEncoder: 'f', or 'e' outside [1e-6, 1e21). */
static void
json_number(double v, struct strbuf *out)
{
	struct godigits g;
	long long i;
	double a = fabs(v);
	size_t n;

	if (as_int64(v, &i)) {
		/* Integers are most numbers served: digits by hand, not through printf. */
		char buf[24], *e = buf + sizeof buf, *d = e;
		unsigned long long u = i < 0 ? 0ULL - (unsigned long long)i : (unsigned long long)i;

		do
			*--d = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		if (i < 0)
			*--d = '-';
		sb_addn(out, d, (size_t)(e - d));
		return;
	}
	if (!isfinite(v)) {
		/* json.Marshal refuses these; a document never holds them. */
		sb_add(out, "null");
		return;
	}
	shortest_digits(v, &g);
	if (a != 0 && (a < 1e-6 || a >= 1e21)) {
		fmt_e(&g, out);
		/* Go trims e-07 to e-7, but leaves e+21 alone. */
		n = out->len;
		if (n >= 4 && out->s[n - 4] == 'e' && out->s[n - 3] == '-' && out->s[n - 2] == '0') {
			out->s[n - 2] = out->s[n - 1];
			out->s[--out->len] = '\0';
		}
	} else
		fmt_f(&g, out);
}

/*
 * The bytes appendString copies as they are (encoding/json htmlSafeSet):
 * printable ASCII but for the quote, the backslash and <, >, &.
 */
static const bool json_plain_set[256] = {
	/* 0x20 to 0x7f but for '"' (0x22), '&' (0x26), '<' (0x3c), '>' (0x3e), '\\' (0x5c). */
	[0x20 ... 0x21] = true, [0x23 ... 0x25] = true, [0x27 ... 0x3b] = true, [0x3d] = true,
	[0x3f ... 0x5b] = true, [0x5d ... 0x7f] = true,
};

static bool
json_plain(unsigned char c)
{
	return json_plain_set[c];
}

/* encoding/json appendString with escapeHTML: what kubectl writes. */
static void
json_string(const char *s, struct strbuf *out)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t n, i = 0, size;

	/* Most strings served (names, labels, times) need no escape: one copy. */
	for (n = 0; json_plain(p[n]); n++)
		;
	if (p[n] == '\0') {
		sb_reserve(out, n + 2);
		out->s[out->len++] = '"';
		memcpy(out->s + out->len, s, n);
		out->len += n;
		out->s[out->len++] = '"';
		out->s[out->len] = '\0';
		return;
	}
	n += strlen(s + n);
	sb_addc(out, '"');
	while (i < n) {
		unsigned char c = p[i];
		long r;
		size_t run = i;

		/* A run of bytes that need no escaping goes out in one piece. */
		while (run < n && json_plain(p[run]))
			run++;
		if (run > i) {
			sb_addn(out, s + i, run - i);
			i = run;
			continue;
		}
		if (c < 0x80) {
			i++;
			switch (c) {
			case '"':
				sb_add(out, "\\\"");
				continue;
			case '\\':
				sb_add(out, "\\\\");
				continue;
			case '\b':
				sb_add(out, "\\b");
				continue;
			case '\f':
				sb_add(out, "\\f");
				continue;
			case '\n':
				sb_add(out, "\\n");
				continue;
			case '\r':
				sb_add(out, "\\r");
				continue;
			case '\t':
				sb_add(out, "\\t");
				continue;
			}
			if (c < 0x20 || c == '<' || c == '>' || c == '&') {
				sb_add(out, "\\u00");
				sb_addc(out, hex[c >> 4]);
				sb_addc(out, hex[c & 0xF]);
			} else
				sb_addc(out, (char)c);
			continue;
		}
		r = utf8_decode(p + i, n - i, &size);
		if (r < 0)
			sb_add(out, "\\ufffd");
		else if (r == 0x2028 || r == 0x2029)
			sb_addf(out, "\\u%04lx", r);
		else
			sb_addn(out, s + i, size);
		i += size;
	}
	sb_addc(out, '"');
}

/* Object members in Go's map order for JSON: bytewise by key. */
static int
cmp_key_bytes(const void *a, const void *b)
{
	const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;

	return strcmp(x->string ? x->string : "", y->string ? y->string : "");
}

/*
 * obj's members, sorted by cmp (NULL: as they are), in buf when they fit
 * in nbuf (the caller frees the result when it is not buf). Members
 * already in order, as most built documents have them, are not sorted.
 */
static const cJSON **
sorted_members(const cJSON *obj, size_t *np, int (*cmp)(const void *, const void *),
    const cJSON **buf, size_t nbuf)
{
	const cJSON **v;
	const cJSON *c;
	size_t n = 0;
	bool sorted = true;

	for (c = obj->child; c != NULL; c = c->next)
		n++;
	v = n <= nbuf ? buf : xcalloc(n, sizeof *v);
	n = 0;
	for (c = obj->child; c != NULL; c = c->next) {
		v[n] = c;
		if (n > 0 && cmp != NULL && sorted && cmp(&v[n - 1], &v[n]) > 0)
			sorted = false;
		n++;
	}
	if (cmp != NULL && !sorted)
		qsort(v, n, sizeof *v, cmp);
	*np = n;
	return v;
}

static void
json_newline(struct strbuf *out, int depth)
{
	sb_addc(out, '\n');
	sb_pad(out, ' ', (size_t)depth * 4);
}

/*
 * pretty: MarshalIndent(v, "", "    "); otherwise Marshal. typed: a Go
 * struct's fields, in doc's member order, rather than a map's sorted keys.
 */
static void
json_value(const cJSON *n, struct strbuf *out, bool pretty, bool typed, int depth)
{
	const cJSON **m;
	const cJSON *c;
	size_t nm;

	const cJSON *buf[16];
	int type = n != NULL ? n->type & 0xFF : cJSON_NULL;

	/* The type by value, as cJSON_Is* test it, without a call per test. */
	switch (type) {
	case cJSON_False:
		sb_add(out, "false");
		return;
	case cJSON_True:
		sb_add(out, "true");
		return;
	case cJSON_Number:
		json_number(n->valuedouble, out);
		return;
	case cJSON_String:
		json_string(n->valuestring ? n->valuestring : "", out);
		return;
	case cJSON_Raw:
		sb_add(out, n->valuestring ? n->valuestring : "null");
		return;
	case cJSON_Array:
	case cJSON_Object:
		break;
	default: /* cJSON_NULL, cJSON_Invalid */
		sb_add(out, "null");
		return;
	}
	if (type == cJSON_Array) {
		sb_addc(out, '[');
		for (c = n->child; c != NULL; c = c->next) {
			if (pretty)
				json_newline(out, depth + 1);
			json_value(c, out, pretty, typed, depth + 1);
			if (c->next != NULL)
				sb_addc(out, ',');
		}
		if (pretty && n->child != NULL)
			json_newline(out, depth);
		sb_addc(out, ']');
		return;
	}
	m = sorted_members(n, &nm, typed ? NULL : cmp_key_bytes, buf, sizeof buf / sizeof *buf);
	sb_addc(out, '{');
	for (size_t i = 0; i < nm; i++) {
		if (pretty)
			json_newline(out, depth + 1);
		json_string(m[i]->string ? m[i]->string : "", out);
		sb_add(out, pretty ? ": " : ":");
		json_value(m[i], out, pretty, typed, depth + 1);
		if (i + 1 < nm)
			sb_addc(out, ',');
	}
	if (pretty && nm > 0)
		json_newline(out, depth);
	sb_addc(out, '}');
	if (m != buf)
		free(m);
}

void
encode_json_text(const cJSON *doc, struct strbuf *out)
{
	json_value(doc, out, true, false, 0);
	sb_addc(out, '\n');
}

void
encode_json_text_typed(const cJSON *doc, struct strbuf *out)
{
	json_value(doc, out, true, true, 0);
	sb_addc(out, '\n');
}

void
encode_json_compact(const cJSON *doc, struct strbuf *out)
{
	json_value(doc, out, false, false, 0);
}

void
encode_json_string(const char *s, struct strbuf *out)
{
	json_string(s, out);
}

void
encode_json_number(double v, struct strbuf *out)
{
	json_number(v, out);
}

void
encode_json_compact_typed(const cJSON *doc, struct strbuf *out)
{
	json_value(doc, out, false, true, 0);
}

/*
 * YAML key order: go-yaml v2's keyList.Less (sorter.go). Letters sort after
 * everything else and runs of digits compare by value, so "a9" < "a10".
 */
static bool
rune_is_letter(long r)
{
	if (r < 0x80)
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
	/* A coarse unicode.IsLetter: keys are nearly always ASCII. */
	if (r < 0xC0)
		return r == 0xAA || r == 0xB5 || r == 0xBA;
	if (r < 0x2000)
		return r != 0xD7 && r != 0xF7;
	if (r < 0x2C00)
		return false;
	if (r < 0x2E00)
		return true;
	if (r < 0x3040)
		return false;
	if (r < 0xD800)
		return true;
	if (r < 0xF900)
		return false;
	if (r < 0xFE00)
		return true;
	if (r >= 0xFE70 && r < 0xFEFF)
		return true;
	if ((r >= 0xFF21 && r <= 0xFF3A) || (r >= 0xFF41 && r <= 0xFF5A) || (r >= 0xFF66 && r <= 0xFFDC))
		return true;
	if (r < 0x10000)
		return false;
	return !(r >= 0x1F000 && r < 0x1FB00);
}

static bool
rune_is_digit(long r)
{
	return r >= '0' && r <= '9';
}

static long *
to_runes(const char *s, size_t *np)
{
	size_t n = strlen(s), i = 0, k = 0, size;
	long *v = xcalloc(n + 1, sizeof *v);

	while (i < n) {
		long r = utf8_decode((const unsigned char *)s + i, n - i, &size);

		v[k++] = r < 0 ? 0xFFFD : r;
		i += size;
	}
	*np = k;
	return v;
}

struct ykey {
	const cJSON *item;
	long *r;
	size_t n;
};

static bool
ykey_less(const struct ykey *x, const struct ykey *y)
{
	const long *a = x->r, *b = y->r;
	size_t na = x->n, nb = y->n;

	for (size_t i = 0; i < na && i < nb; i++) {
		bool al, bl;
		long long an = 0, bn = 0;
		size_t ai, bi;

		if (a[i] == b[i])
			continue;
		al = rune_is_letter(a[i]);
		bl = rune_is_letter(b[i]);
		if (al && bl)
			return a[i] < b[i];
		if (al || bl)
			return bl;
		if (a[i] == '0' || b[i] == '0') {
			for (size_t j = i; j-- > 0 && rune_is_digit(a[j]);) {
				if (a[j] != '0') {
					an = 1;
					bn = 1;
					break;
				}
			}
		}
		for (ai = i; ai < na && rune_is_digit(a[ai]); ai++)
			an = an * 10 + (a[ai] - '0');
		for (bi = i; bi < nb && rune_is_digit(b[bi]); bi++)
			bn = bn * 10 + (b[bi] - '0');
		if (an != bn)
			return an < bn;
		if (ai != bi)
			return ai < bi;
		return a[i] < b[i];
	}
	return na < nb;
}

/*
 * A stable merge sort: keyList.Less is not a strict weak order ("9" < "10"
 * < "1a" < "9"), which qsort may not be handed safely. For such key sets
 * kubectl's own order is random (Go's map iteration feeds its sort), so any
 * deterministic order is as right as another; for every other key set all
 * correct sorts agree.
 */
static void
ykey_merge_sort(struct ykey *v, struct ykey *tmp, size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	ykey_merge_sort(v, tmp, h);
	ykey_merge_sort(v + h, tmp, n - h);
	while (i < h && j < n)
		tmp[k++] = ykey_less(&v[j], &v[i]) ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

/* An object's members in go-yaml's order. */
static const cJSON **
yaml_sorted_members(const cJSON *obj, size_t *np)
{
	struct ykey *v, *tmp;
	const cJSON **out;
	size_t n = 0;

	for (const cJSON *c = obj->child; c != NULL; c = c->next)
		n++;
	v = xcalloc(n ? n : 1, sizeof *v);
	tmp = xcalloc(n ? n : 1, sizeof *tmp);
	n = 0;
	for (const cJSON *c = obj->child; c != NULL; c = c->next) {
		v[n].item = c;
		v[n].r = to_runes(c->string ? c->string : "", &v[n].n);
		n++;
	}
	ykey_merge_sort(v, tmp, n);
	out = xcalloc(n ? n : 1, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		out[i] = v[i].item;
		free(v[i].r);
	}
	free(v);
	free(tmp);
	*np = n;
	return out;
}

/*
 * Would go-yaml v2 read s, unquoted, as something other than a string?
 * resolve() in resolve.go, plus encode.go's isBase60Float. A string that
 * would is written double-quoted.
 */
static const char *const yaml_resolve_words[] = {
	"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
	"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
	"", "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
	"+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
};

static char
yaml_hint(unsigned char c)
{
	if (c == '+' || c == '-')
		return 'S';
	if (c >= '0' && c <= '9')
		return 'D';
	if (strchr("yYnNtTfFoO~", c) != NULL && c != '\0')
		return 'M';
	if (c == '.')
		return '.';
	return 0;
}

/* strconv's underscoreOK: an underscore only between digits. */
static bool
go_underscore_ok(const char *s)
{
	char saw = '^';
	size_t i = 0;
	bool hex = false;

	if (*s == '+' || *s == '-')
		s++;
	if (s[0] == '0' && s[1] != '\0' && strchr("bBoOxX", s[1]) != NULL) {
		i = 2;
		saw = '0';
		hex = s[1] == 'x' || s[1] == 'X';
	}
	for (; s[i] != '\0'; i++) {
		char c = s[i];

		if ((c >= '0' && c <= '9') || (hex && strchr("abcdefABCDEF", c) != NULL)) {
			saw = '0';
			continue;
		}
		if (c == '_') {
			if (saw != '0')
				return false;
			saw = '_';
			continue;
		}
		if (saw == '_')
			return false;
		saw = '!';
	}
	return saw != '_';
}

static char *
strip_underscores(const char *s)
{
	char *p = xstrdup(s), *w = p;

	for (const char *r = s; *r != '\0'; r++)
		if (*r != '_')
			*w++ = *r;
	*w = '\0';
	return p;
}

/* strconv.ParseFloat(s, 64) succeeds, for s that starts with '.'. */
static bool
go_dot_float_ok(const char *s)
{
	size_t i = 1;
	int digits = 0;
	char *plain;
	double v;

	for (; s[i] != '\0' && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++)
		digits += s[i] != '_';
	if (digits == 0)
		return false;
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		if (s[i] == '+' || s[i] == '-')
			i++;
		digits = 0;
		for (; s[i] != '\0' && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++)
			digits += s[i] != '_';
		if (digits == 0)
			return false;
	}
	if (s[i] != '\0' || !go_underscore_ok(s))
		return false;
	plain = strip_underscores(s);
	v = strtod(plain, NULL);
	free(plain);
	return isfinite(v);
}

/* 0 ok, 1 syntax error, 2 out of range: strconv.ParseUint(s, base, 64). */
static int
go_parse_uint(const char *s, int base)
{
	unsigned long long n = 0;

	if (*s == '\0')
		return 1;
	if (base == 0) {
		base = 10;
		if (s[0] == '0') {
			size_t len = strlen(s);

			if (len >= 3 && (s[1] == 'b' || s[1] == 'B')) {
				base = 2;
				s += 2;
			} else if (len >= 3 && (s[1] == 'o' || s[1] == 'O')) {
				base = 8;
				s += 2;
			} else if (len >= 3 && (s[1] == 'x' || s[1] == 'X')) {
				base = 16;
				s += 2;
			} else {
				base = 8;
				s += 1;
			}
		}
	}
	for (; *s != '\0'; s++) {
		int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'z')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'Z')
			d = *s - 'A' + 10;
		else
			return 1;
		if (d >= base)
			return 1;
		if (n > (ULLONG_MAX - (unsigned)d) / (unsigned)base)
			return 2;
		n = n * (unsigned)base + (unsigned)d;
	}
	return 0;
}

/* strconv.ParseInt(s, base, 64), same result codes. */
static int
go_parse_int(const char *s, int base)
{
	bool neg = false;
	int rc;
	unsigned long long n = 0;
	const char *p;

	if (*s == '\0')
		return 1;
	if (*s == '+' || *s == '-') {
		neg = *s == '-';
		s++;
	}
	rc = go_parse_uint(s, base);
	if (rc != 0)
		return rc;
	/* Reparse for the magnitude; go_parse_uint already vetted the syntax. */
	p = s;
	if (base == 0) {
		base = 10;
		if (p[0] == '0') {
			size_t len = strlen(p);

			if (len >= 3 && strchr("bB", p[1]) != NULL)
				base = 2, p += 2;
			else if (len >= 3 && strchr("oO", p[1]) != NULL)
				base = 8, p += 2;
			else if (len >= 3 && strchr("xX", p[1]) != NULL)
				base = 16, p += 2;
			else
				base = 8, p += 1;
		}
	}
	n = strtoull(p, NULL, base);
	if (!neg && n > (unsigned long long)INT64_MAX)
		return 2;
	if (neg && n > (unsigned long long)INT64_MAX + 1)
		return 2;
	return 0;
}

/* encode.go's yamlStyleFloat regexp. */
static bool
yaml_style_float(const char *s)
{
	size_t i = 0, d = 0;

	if (s[i] == '+' || s[i] == '-')
		i++;
	if (s[i] == '.') {
		i++;
		for (; s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (d == 0)
			return false;
	} else {
		for (; s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (d == 0)
			return false;
		if (s[i] == '.')
			for (i++; s[i] >= '0' && s[i] <= '9'; i++)
				;
	}
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		if (s[i] == '+' || s[i] == '-')
			i++;
		d = 0;
		for (; s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (d == 0)
			return false;
	}
	return s[i] == '\0';
}

/* encode.go's base60float regexp: ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ */
static bool
yaml_base60_float(const char *s)
{
	size_t i = 0;
	int groups = 0;

	if (s[i] == '+' || s[i] == '-')
		i++;
	if (!(s[i] >= '0' && s[i] <= '9'))
		return false;
	for (i++; (s[i] >= '0' && s[i] <= '9') || s[i] == '_'; i++)
		;
	while (s[i] == ':') {
		i++;
		if (s[i] >= '0' && s[i] <= '5' && s[i + 1] >= '0' && s[i + 1] <= '9')
			i += 2;
		else if (s[i] >= '0' && s[i] <= '9')
			i++;
		else
			return false;
		groups++;
	}
	if (groups == 0)
		return false;
	if (s[i] == '.')
		for (i++; (s[i] >= '0' && s[i] <= '9') || s[i] == '_'; i++)
			;
	return s[i] == '\0';
}

/* getnum: one or two digits. */
static bool
ts_num(const char **p, int *v)
{
	const char *s = *p;

	if (!(s[0] >= '0' && s[0] <= '9'))
		return false;
	if (s[1] >= '0' && s[1] <= '9') {
		*v = (s[0] - '0') * 10 + (s[1] - '0');
		*p = s + 2;
	} else {
		*v = s[0] - '0';
		*p = s + 1;
	}
	return true;
}

static int
days_in(int month, int year)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
		return 29;
	return d[month - 1];
}

/*
 * resolve.go's parseTimestamp: time.Parse against "2006-1-2T15:4:5.999999999Z07:00"
 * (T or t), "2006-1-2 15:4:5.999999999" and "2006-1-2".
 */
static bool
yaml_timestamp(const char *s)
{
	const char *p = s + 5;
	int year, month, day, h, m, sec;

	for (int i = 0; i < 4; i++)
		if (!(s[i] >= '0' && s[i] <= '9'))
			return false;
	if (s[4] != '-')
		return false;
	year = atoi(s);
	if (!ts_num(&p, &month) || month < 1 || month > 12 || *p++ != '-' || !ts_num(&p, &day))
		return false;
	if (day < 1 || day > days_in(month, year))
		return false;
	if (*p == '\0')
		return true;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return false;
	{
		bool zone = *p != ' ';

		p++;
		if (!ts_num(&p, &h) || h > 23 || *p++ != ':' || !ts_num(&p, &m) || m > 59 ||
		    *p++ != ':' || !ts_num(&p, &sec) || sec > 59)
			return false;
		if ((*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
		if (!zone)
			return *p == '\0';
		if (*p == 'Z')
			return p[1] == '\0';
		if ((*p != '+' && *p != '-') || strlen(p) != 6 || p[3] != ':')
			return false;
		for (int i = 1; i < 6; i++)
			if (i != 3 && !(p[i] >= '0' && p[i] <= '9'))
				return false;
		return (p[1] - '0') * 10 + (p[2] - '0') <= 24 && (p[4] - '0') * 10 + (p[5] - '0') <= 60;
	}
}

static bool
yaml_resolves_to_str(const char *s)
{
	char hint = s[0] == '\0' ? 'N' : yaml_hint((unsigned char)s[0]);
	bool is_str = true, uint_range = false;
	char *plain;

	if (hint == 0)
		return true;
	for (size_t i = 0; i < sizeof yaml_resolve_words / sizeof yaml_resolve_words[0]; i++)
		if (strcmp(s, yaml_resolve_words[i]) == 0)
			return false;
	if (hint == '.')
		return !go_dot_float_ok(s);
	if (hint != 'D' && hint != 'S')
		return true;
	if (yaml_timestamp(s))
		return false;
	plain = strip_underscores(s);
	if (go_parse_int(plain, 0) == 0)
		is_str = false;
	else {
		int rc = go_parse_uint(plain, 0);

		if (rc == 0)
			is_str = false;
		uint_range = rc == 2;
	}
	if (is_str && yaml_style_float(plain) && isfinite(strtod(plain, NULL)))
		is_str = false;
	if (is_str && strncmp(plain, "0b", 2) == 0) {
		if (go_parse_int(plain + 2, 2) == 0 || go_parse_uint(plain + 2, 2) == 0)
			is_str = false;
	} else if (is_str && strncmp(plain, "-0b", 3) == 0) {
		char *neg = xasprintf("-%s", plain + 3);

		if (go_parse_int(neg, 2) == 0)
			is_str = false;
		free(neg);
	}
	/* Out of uint64 range: big.Int takes it, still an int. */
	if (is_str && uint_range)
		is_str = false;
	free(plain);
	return is_str;
}

/*
 * The emitter. Field names and helpers follow yaml_emitter_t and the
 * is_* macros of yamlprivateh.go; only what block/flow collections of
 * scalars need is here (no anchors, tags, documents or canonical mode).
 */
#define YAML_BEST_INDENT 2
#define YAML_BEST_WIDTH 80

enum ystyle {
	YS_PLAIN,
	YS_SINGLE,
	YS_DOUBLE,
	YS_LITERAL,
};

struct yemitter {
	struct strbuf *out;
	int column;
	bool whitespace;
	bool indention;
	int indent;
	int *indents;
	size_t n_indents;
	size_t cap_indents;
	int flow_level;
	bool mapping_context;
	bool simple_key_context;
};

struct yscalar {
	const unsigned char *v;
	size_t len;
	bool multiline;
	bool flow_plain_allowed;
	bool block_plain_allowed;
	bool single_quoted_allowed;
	bool block_allowed;
};

static size_t
y_width(unsigned char b)
{
	if ((b & 0x80) == 0x00)
		return 1;
	if ((b & 0xE0) == 0xC0)
		return 2;
	if ((b & 0xF0) == 0xE0)
		return 3;
	if ((b & 0xF8) == 0xF0)
		return 4;
	return 1;
}

/* b is NUL-terminated, so peeking one or two past a short tail is safe. */
static bool
y_is_printable(const unsigned char *b, size_t i)
{
	return b[i] == 0x0A || (b[i] >= 0x20 && b[i] <= 0x7E) || (b[i] == 0xC2 && b[i + 1] >= 0xA0) ||
	    (b[i] > 0xC2 && b[i] < 0xED) || (b[i] == 0xED && b[i + 1] < 0xA0) || b[i] == 0xEE ||
	    (b[i] == 0xEF && !(b[i + 1] == 0xBB && b[i + 2] == 0xBF) &&
		!(b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF)));
}

static bool
y_is_space(const unsigned char *b, size_t i)
{
	return b[i] == ' ';
}

static bool
y_is_blank(const unsigned char *b, size_t i)
{
	return b[i] == ' ' || b[i] == '\t';
}

static bool
y_is_break(const unsigned char *b, size_t i)
{
	return b[i] == '\r' || b[i] == '\n' || (b[i] == 0xC2 && b[i + 1] == 0x85) ||
	    (b[i] == 0xE2 && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9));
}

static bool
y_is_blankz(const unsigned char *b, size_t i)
{
	return y_is_blank(b, i) || y_is_break(b, i) || b[i] == '\0';
}

/* go-yaml's is_bom ignores i and tests the start of the value; kept. */
static bool
y_is_bom(const unsigned char *b)
{
	return b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
}

static void
y_put(struct yemitter *e, char c)
{
	sb_addc(e->out, c);
	e->column++;
}

static void
y_put_break(struct yemitter *e)
{
	sb_addc(e->out, '\n');
	e->column = 0;
}

static void
y_write(struct yemitter *e, const unsigned char *v, size_t *i)
{
	size_t w = y_width(v[*i]);

	sb_addn(e->out, (const char *)v + *i, w);
	e->column++;
	*i += w;
}

static void
y_write_break(struct yemitter *e, const unsigned char *v, size_t *i)
{
	if (v[*i] == '\n') {
		y_put_break(e);
		(*i)++;
	} else {
		y_write(e, v, i);
		e->column = 0;
	}
}

static void
y_write_indent(struct yemitter *e)
{
	int indent = e->indent < 0 ? 0 : e->indent;

	if (!e->indention || e->column > indent || (e->column == indent && !e->whitespace))
		y_put_break(e);
	while (e->column < indent)
		y_put(e, ' ');
	e->whitespace = true;
	e->indention = true;
}

static void
y_write_indicator(struct yemitter *e, const char *ind, bool need_ws, bool is_ws, bool is_indention)
{
	if (need_ws && !e->whitespace)
		y_put(e, ' ');
	for (size_t i = 0; ind[i] != '\0';)
		y_write(e, (const unsigned char *)ind, &i);
	e->whitespace = is_ws;
	e->indention = e->indention && is_indention;
}

static void
y_increase_indent(struct yemitter *e, bool flow, bool indentless)
{
	xgrow(&e->indents, &e->cap_indents, e->n_indents + 1, sizeof *e->indents);
	e->indents[e->n_indents++] = e->indent;
	if (e->indent < 0)
		e->indent = flow ? YAML_BEST_INDENT : 0;
	else if (!indentless)
		e->indent += YAML_BEST_INDENT;
}

static void
y_pop_indent(struct yemitter *e)
{
	e->indent = e->indents[--e->n_indents];
}

/* yaml_emitter_analyze_scalar. */
static void
y_analyze(struct yscalar *sc, const char *value)
{
	const unsigned char *v = (const unsigned char *)value;
	size_t len = strlen(value);
	bool block_ind = false, flow_ind = false, line_breaks = false, special = false;
	bool leading_space = false, leading_break = false, trailing_space = false, trailing_break = false;
	bool break_space = false, space_break = false;
	bool preceded_by_ws, followed_by_ws, prev_space = false, prev_break = false;

	sc->v = v;
	sc->len = len;
	if (len == 0) {
		sc->multiline = false;
		sc->flow_plain_allowed = false;
		sc->block_plain_allowed = true;
		sc->single_quoted_allowed = true;
		sc->block_allowed = false;
		return;
	}
	if (len >= 3 && ((v[0] == '-' && v[1] == '-' && v[2] == '-') || (v[0] == '.' && v[1] == '.' && v[2] == '.'))) {
		block_ind = true;
		flow_ind = true;
	}
	preceded_by_ws = true;
	for (size_t i = 0, w; i < len; i += w) {
		w = y_width(v[i]);
		followed_by_ws = i + w >= len || y_is_blank(v, i + w);
		if (i == 0) {
			switch (v[i]) {
			case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
			case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
				flow_ind = true;
				block_ind = true;
				break;
			case '?': case ':':
				flow_ind = true;
				if (followed_by_ws)
					block_ind = true;
				break;
			case '-':
				if (followed_by_ws) {
					flow_ind = true;
					block_ind = true;
				}
				break;
			}
		} else {
			switch (v[i]) {
			case ',': case '?': case '[': case ']': case '{': case '}':
				flow_ind = true;
				break;
			case ':':
				flow_ind = true;
				if (followed_by_ws)
					block_ind = true;
				break;
			case '#':
				if (preceded_by_ws) {
					flow_ind = true;
					block_ind = true;
				}
				break;
			}
		}
		/* The emitter is in unicode mode, so only !is_printable counts. */
		if (!y_is_printable(v, i))
			special = true;
		if (y_is_space(v, i)) {
			if (i == 0)
				leading_space = true;
			if (i + w == len)
				trailing_space = true;
			if (prev_break)
				break_space = true;
			prev_space = true;
			prev_break = false;
		} else if (y_is_break(v, i)) {
			line_breaks = true;
			if (i == 0)
				leading_break = true;
			if (i + w == len)
				trailing_break = true;
			if (prev_space)
				space_break = true;
			prev_space = false;
			prev_break = true;
		} else {
			prev_space = false;
			prev_break = false;
		}
		preceded_by_ws = y_is_blankz(v, i);
	}
	sc->multiline = line_breaks;
	sc->flow_plain_allowed = true;
	sc->block_plain_allowed = true;
	sc->single_quoted_allowed = true;
	sc->block_allowed = true;
	if (leading_space || leading_break || trailing_space || trailing_break) {
		sc->flow_plain_allowed = false;
		sc->block_plain_allowed = false;
	}
	if (trailing_space)
		sc->block_allowed = false;
	if (break_space) {
		sc->flow_plain_allowed = false;
		sc->block_plain_allowed = false;
		sc->single_quoted_allowed = false;
	}
	if (space_break || special) {
		sc->flow_plain_allowed = false;
		sc->block_plain_allowed = false;
		sc->single_quoted_allowed = false;
		sc->block_allowed = false;
	}
	if (line_breaks) {
		sc->flow_plain_allowed = false;
		sc->block_plain_allowed = false;
	}
	if (flow_ind)
		sc->flow_plain_allowed = false;
	if (block_ind)
		sc->block_plain_allowed = false;
}

/* yaml_emitter_select_scalar_style. */
static enum ystyle
y_select_style(struct yemitter *e, const struct yscalar *sc, enum ystyle style)
{
	if (e->simple_key_context && sc->multiline)
		style = YS_DOUBLE;
	if (style == YS_PLAIN) {
		if ((e->flow_level > 0 && !sc->flow_plain_allowed) ||
		    (e->flow_level == 0 && !sc->block_plain_allowed))
			style = YS_SINGLE;
		if (sc->len == 0 && (e->flow_level > 0 || e->simple_key_context))
			style = YS_SINGLE;
	}
	if (style == YS_SINGLE && !sc->single_quoted_allowed)
		style = YS_DOUBLE;
	if (style == YS_LITERAL && (!sc->block_allowed || e->flow_level > 0 || e->simple_key_context))
		style = YS_DOUBLE;
	return style;
}

/* yaml_emitter_write_plain_scalar. */
static void
y_write_plain(struct yemitter *e, const struct yscalar *sc, bool allow_breaks)
{
	const unsigned char *v = sc->v;
	bool spaces = false, breaks = false;

	if (!e->whitespace)
		y_put(e, ' ');
	for (size_t i = 0; i < sc->len;) {
		if (y_is_space(v, i)) {
			if (allow_breaks && !spaces && e->column > YAML_BEST_WIDTH && !y_is_space(v, i + 1)) {
				y_write_indent(e);
				i += y_width(v[i]);
			} else
				y_write(e, v, &i);
			spaces = true;
		} else if (y_is_break(v, i)) {
			if (!breaks && v[i] == '\n')
				y_put_break(e);
			y_write_break(e, v, &i);
			e->indention = true;
			breaks = true;
		} else {
			if (breaks)
				y_write_indent(e);
			y_write(e, v, &i);
			e->indention = false;
			spaces = false;
			breaks = false;
		}
	}
	e->whitespace = false;
	e->indention = false;
}

/* yaml_emitter_write_single_quoted_scalar. */
static void
y_write_single(struct yemitter *e, const struct yscalar *sc, bool allow_breaks)
{
	const unsigned char *v = sc->v;
	bool spaces = false, breaks = false;

	y_write_indicator(e, "'", true, false, false);
	for (size_t i = 0; i < sc->len;) {
		if (y_is_space(v, i)) {
			if (allow_breaks && !spaces && e->column > YAML_BEST_WIDTH && i > 0 && i < sc->len - 1 &&
			    !y_is_space(v, i + 1)) {
				y_write_indent(e);
				i += y_width(v[i]);
			} else
				y_write(e, v, &i);
			spaces = true;
		} else if (y_is_break(v, i)) {
			if (!breaks && v[i] == '\n')
				y_put_break(e);
			y_write_break(e, v, &i);
			e->indention = true;
			breaks = true;
		} else {
			if (breaks)
				y_write_indent(e);
			if (v[i] == '\'')
				y_put(e, '\'');
			y_write(e, v, &i);
			e->indention = false;
			spaces = false;
			breaks = false;
		}
	}
	y_write_indicator(e, "'", false, false, false);
	e->whitespace = false;
	e->indention = false;
}

/* yaml_emitter_write_double_quoted_scalar. */
static void
y_write_double(struct yemitter *e, const struct yscalar *sc, bool allow_breaks)
{
	static const char hexd[] = "0123456789ABCDEF";
	const unsigned char *v = sc->v;
	bool spaces = false;

	y_write_indicator(e, "\"", true, false, false);
	for (size_t i = 0; i < sc->len;) {
		if (!y_is_printable(v, i) || y_is_bom(v) || y_is_break(v, i) || v[i] == '"' || v[i] == '\\') {
			unsigned char oct = v[i];
			size_t w;
			unsigned long r;
			int digits;

			if ((oct & 0x80) == 0x00)
				w = 1, r = oct & 0x7F;
			else if ((oct & 0xE0) == 0xC0)
				w = 2, r = oct & 0x1F;
			else if ((oct & 0xF0) == 0xE0)
				w = 3, r = oct & 0x0F;
			else
				w = 4, r = oct & 0x07;
			for (size_t k = 1; k < w && i + k < sc->len; k++)
				r = (r << 6) + (v[i + k] & 0x3F);
			i += w;
			y_put(e, '\\');
			switch (r) {
			case 0x00: y_put(e, '0'); break;
			case 0x07: y_put(e, 'a'); break;
			case 0x08: y_put(e, 'b'); break;
			case 0x09: y_put(e, 't'); break;
			case 0x0A: y_put(e, 'n'); break;
			case 0x0B: y_put(e, 'v'); break;
			case 0x0C: y_put(e, 'f'); break;
			case 0x0D: y_put(e, 'r'); break;
			case 0x1B: y_put(e, 'e'); break;
			case 0x22: y_put(e, '"'); break;
			case 0x5C: y_put(e, '\\'); break;
			case 0x85: y_put(e, 'N'); break;
			case 0xA0: y_put(e, '_'); break;
			case 0x2028: y_put(e, 'L'); break;
			case 0x2029: y_put(e, 'P'); break;
			default:
				if (r <= 0xFF) {
					y_put(e, 'x');
					digits = 2;
				} else if (r <= 0xFFFF) {
					y_put(e, 'u');
					digits = 4;
				} else {
					y_put(e, 'U');
					digits = 8;
				}
				for (int k = (digits - 1) * 4; k >= 0; k -= 4)
					y_put(e, hexd[(r >> k) & 0x0F]);
			}
			spaces = false;
		} else if (y_is_space(v, i)) {
			if (allow_breaks && !spaces && e->column > YAML_BEST_WIDTH && i > 0 && i < sc->len - 1) {
				y_write_indent(e);
				if (y_is_space(v, i + 1))
					y_put(e, '\\');
				i += y_width(v[i]);
			} else
				y_write(e, v, &i);
			spaces = true;
		} else {
			y_write(e, v, &i);
			spaces = false;
		}
	}
	y_write_indicator(e, "\"", false, false, false);
	e->whitespace = false;
	e->indention = false;
}

/* yaml_emitter_write_literal_scalar with its block scalar hints. */
static void
y_write_literal(struct yemitter *e, const struct yscalar *sc)
{
	const unsigned char *v = sc->v;
	char chomp = 0;
	bool breaks = true;

	y_write_indicator(e, "|", true, false, false);
	if (y_is_space(v, 0) || y_is_break(v, 0)) {
		char hint[2] = {'0' + YAML_BEST_INDENT, '\0'};

		y_write_indicator(e, hint, false, false, false);
	}
	if (sc->len == 0)
		chomp = '-';
	else {
		size_t i = sc->len - 1;

		while ((v[i] & 0xC0) == 0x80)
			i--;
		if (!y_is_break(v, i))
			chomp = '-';
		else if (i == 0)
			chomp = '+';
		else {
			i--;
			while ((v[i] & 0xC0) == 0x80)
				i--;
			if (y_is_break(v, i))
				chomp = '+';
		}
	}
	if (chomp != 0) {
		char c[2] = {chomp, '\0'};

		y_write_indicator(e, c, false, false, false);
	}
	y_put_break(e);
	e->indention = true;
	e->whitespace = true;
	for (size_t i = 0; i < sc->len;) {
		if (y_is_break(v, i)) {
			y_write_break(e, v, &i);
			e->indention = true;
			breaks = true;
		} else {
			if (breaks)
				y_write_indent(e);
			y_write(e, v, &i);
			e->indention = false;
			breaks = false;
		}
	}
}

/*
 * Go strings are valid UTF-8 by the time go-yaml sees them (the JSON round
 * trip turned bad bytes into U+FFFD), so do the same here.
 */
static char *
utf8_sanitize(const char *s)
{
	struct strbuf sb;
	size_t n = strlen(s), i = 0, size;

	sb_init(&sb);
	while (i < n) {
		long r = utf8_decode((const unsigned char *)s + i, n - i, &size);

		if (r < 0)
			utf8_encode(0xFFFD, &sb);
		else
			sb_addn(&sb, s + i, size);
		i += size;
	}
	return sb_take(&sb);
}

/* yaml_emitter_emit_scalar for a scalar whose requested style is given. */
static void
y_emit_scalar(struct yemitter *e, const char *value, enum ystyle requested)
{
	struct yscalar sc;
	enum ystyle style;
	bool allow_breaks = !e->simple_key_context;

	y_analyze(&sc, value);
	style = y_select_style(e, &sc, requested);
	y_increase_indent(e, true, false);
	switch (style) {
	case YS_PLAIN:
		y_write_plain(e, &sc, allow_breaks);
		break;
	case YS_SINGLE:
		y_write_single(e, &sc, allow_breaks);
		break;
	case YS_DOUBLE:
		y_write_double(e, &sc, allow_breaks);
		break;
	case YS_LITERAL:
		y_write_literal(e, &sc);
		break;
	}
	y_pop_indent(e);
}

/* encode.go's stringv: which style go-yaml asks the emitter for. */
static void
y_emit_string(struct yemitter *e, const char *raw)
{
	char *s = utf8_sanitize(raw);
	enum ystyle style;

	if (strchr(s, '\n') != NULL)
		style = YS_LITERAL;
	else if (yaml_resolves_to_str(s) && !yaml_base60_float(s))
		style = YS_PLAIN;
	else
		style = YS_DOUBLE;
	y_emit_scalar(e, s, style);
	free(s);
}

/*
 * A JSON number after the sigs.k8s.io/yaml round trip: go-yaml reads the
 * JSON text back as int, uint or float64 and prints it with FormatInt,
 * FormatUint or FormatFloat(v, 'g', -1).
 */
static void
y_emit_number(struct yemitter *e, double v)
{
	struct strbuf sb;
	long long i;

	sb_init(&sb);
	if (as_int64(v, &i))
		sb_addf(&sb, "%lld", i);
	else if (v == floor(v) && v >= 0 && v < 18446744073709551616.0)
		sb_addf(&sb, "%llu", (unsigned long long)v);
	else if (isnan(v))
		sb_add(&sb, ".nan");
	else if (isinf(v))
		sb_add(&sb, v < 0 ? "-.inf" : ".inf");
	else
		fmt_g(v, &sb);
	y_emit_scalar(e, sb.s, YS_PLAIN);
	sb_free(&sb);
}

static void y_emit_node(struct yemitter *, const cJSON *, bool, bool);

/* yaml_emitter_emit_flow_{sequence,mapping}_item for an empty collection. */
static void
y_emit_empty(struct yemitter *e, const char *open, const char *close)
{
	y_write_indicator(e, open, true, true, false);
	y_increase_indent(e, true, false);
	e->flow_level++;
	e->flow_level--;
	y_pop_indent(e);
	y_write_indicator(e, close, false, false, false);
}

/* yaml_emitter_emit_block_sequence_item. */
static void
y_emit_block_sequence(struct yemitter *e, const cJSON *n)
{
	y_increase_indent(e, false, e->mapping_context && !e->indention);
	for (const cJSON *c = n->child; c != NULL; c = c->next) {
		y_write_indent(e);
		y_write_indicator(e, "-", true, false, true);
		y_emit_node(e, c, false, false);
	}
	y_pop_indent(e);
}

/* yaml_emitter_emit_block_mapping_key and _value. */
static void
y_emit_block_mapping(struct yemitter *e, const cJSON *n)
{
	const cJSON **m;
	size_t nm;

	m = yaml_sorted_members(n, &nm);
	y_increase_indent(e, false, false);
	for (size_t i = 0; i < nm; i++) {
		char *key = utf8_sanitize(m[i]->string ? m[i]->string : "");
		struct yscalar sc;

		y_write_indent(e);
		/* yaml_emitter_check_simple_key: one line, at most 128 bytes. */
		y_analyze(&sc, key);
		if (!sc.multiline && sc.len <= 128) {
			e->mapping_context = true;
			e->simple_key_context = true;
			y_emit_string(e, key);
			y_write_indicator(e, ":", false, false, false);
		} else {
			y_write_indicator(e, "?", true, false, true);
			e->mapping_context = true;
			e->simple_key_context = false;
			y_emit_string(e, key);
			y_write_indent(e);
			y_write_indicator(e, ":", true, false, true);
		}
		free(key);
		y_emit_node(e, m[i], true, false);
	}
	y_pop_indent(e);
	free(m);
}

/* yaml_emitter_emit_node: the context flags, then by type. */
static void
y_emit_node(struct yemitter *e, const cJSON *n, bool mapping, bool simple_key)
{
	e->mapping_context = mapping;
	e->simple_key_context = simple_key;
	if (n == NULL || cJSON_IsNull(n) || cJSON_IsInvalid(n))
		y_emit_scalar(e, "null", YS_PLAIN);
	else if (cJSON_IsTrue(n))
		y_emit_scalar(e, "true", YS_PLAIN);
	else if (cJSON_IsFalse(n))
		y_emit_scalar(e, "false", YS_PLAIN);
	else if (cJSON_IsNumber(n))
		y_emit_number(e, n->valuedouble);
	else if (cJSON_IsString(n))
		y_emit_string(e, n->valuestring ? n->valuestring : "");
	else if (cJSON_IsRaw(n))
		y_emit_scalar(e, n->valuestring ? n->valuestring : "null", YS_PLAIN);
	else if (cJSON_IsArray(n)) {
		if (e->flow_level > 0 || n->child == NULL)
			y_emit_empty(e, "[", "]");
		else
			y_emit_block_sequence(e, n);
	} else {
		if (e->flow_level > 0 || n->child == NULL)
			y_emit_empty(e, "{", "}");
		else
			y_emit_block_mapping(e, n);
	}
}

void
encode_yaml_text(const cJSON *doc, struct strbuf *out)
{
	struct yemitter e;

	memset(&e, 0, sizeof e);
	e.out = out;
	e.indent = -1;
	e.whitespace = true;
	e.indention = true;
	y_emit_node(&e, doc, false, false);
	/* yaml_emitter_emit_document_end: an implicit end is just a newline. */
	y_write_indent(&e);
	free(e.indents);
}
