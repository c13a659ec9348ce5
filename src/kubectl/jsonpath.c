/*
 * jsonpath.c - client-go's JSONPath templates, as kubectl get runs them.
 *
 * A port of k8s.io/client-go/util/jsonpath (parser.go, jsonpath.go) and the
 * comparison helpers it borrows from text/template. The parser and the
 * evaluator follow the Go code step for step rather than a cleaner design
 * because scripts depend on its quirks: {.} prints nothing, an unterminated
 * {range} runs its body once more over the enclosing object, a missing key
 * prints nothing, ['a.b'] means .a.b, .* over a string yields its bytes as
 * numbers, and an error anywhere discards all output. Go walks maps in a
 * random order; here .*, .. and the debugging dump use sorted keys.
 *
 * One departure in cost, not in output: Go re-runs the rest of the
 * template for every range value, for every empty range (to find its
 * {end}) and after every range left open, so nested ranges multiply its
 * work level by level. Here each distinct run is remembered (jp_find) and
 * a repeat copies the output it printed. What is left is bounded by the
 * limits in jsonpath.h, counted as the evaluation goes.
 */
#include "kubectl/jsonpath.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec/jsontext.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define JP_EOF (-1L)
#define JP_NONE SIZE_MAX

enum jp_type {
	JP_LIST,
	JP_TEXT,
	JP_FIELD,
	JP_ARRAY,
	JP_FILTER,
	JP_INT,
	JP_FLOAT,
	JP_BOOL,
	JP_WILDCARD,
	JP_RECURSIVE,
	JP_UNION,
	JP_IDENT,
};

struct jp_param {
	bool known;
	long long value;
	bool derived;
};

struct jp_node {
	enum jp_type type;
	struct jp_node **kids; /* LIST, UNION (a union's kids are lists) */
	size_t n;
	size_t cap;
	char *text; /* TEXT, FIELD, IDENT; TEXT may hold NULs */
	size_t len;
	struct jp_param params[3];
	struct jp_node *left; /* FILTER */
	struct jp_node *right;
	char *op;
	long long i;
	double f;
	bool b;
};

struct jp_parser {
	const char *in;
	size_t len;
	size_t pos;
	size_t start;
	size_t width;
	struct jp_node *root;
	char *err;
};

/* Values: a document node, or one of the things Go's reflect.Value holds. */
enum jv_kind {
	JV_NODE,
	JV_INVALID, /* reflect.ValueOf(nil): a range over a null element */
	JV_STR,
	JV_INT,
	JV_FLOAT,
	JV_BOOL,
	JV_UINT8, /* a byte of a string, from .* or [*] */
};

/* 24 bytes: result lists hold one per value, {..} one per document node. */
struct jv {
	enum jv_kind kind;
	union {
		const cJSON *node; /* NODE */
		struct {
			const char *s; /* STR: the template's text */
			size_t slen;
		};
		long long i; /* INT, UINT8 */
		double f;    /* FLOAT */
		bool b;      /* BOOL */
	};
};

struct jvec {
	struct jv *v;
	size_t n;
	size_t cap;
};

struct jp_ctx {
	struct jp_node *root;
	int begin_range;
	int in_range;
	int end_range;
	size_t last_end;
	struct strbuf msg;
	/* What the evaluation may cost and has cost; over: a limit was hit. */
	struct jsonpath_limits lim;
	struct jsonpath_stats st;
	bool over;
	int depth; /* jp_find calls in progress: ranges open, one in another */
	/* Where the results are printed, and its length before the first. */
	struct strbuf *out;
	size_t out_base;
	/* Runs already done (jp_find): an open-addressing table. */
	struct jp_memo *memo;
	size_t memo_cap; /* a power of two, or 0 */
	size_t memo_len;
	unsigned memo_gen; /* slots of another generation are empty */
	/* From root's node i on (root->n + 1 of them): no {end}; some {range}. */
	bool *no_end;
	bool *range_ahead;
	/* -o jsonpath-as-json: each node's results printed as one JSON array. */
	bool as_json;
	/* --allow-missing-template-keys=false: a missing field is an error. */
	bool strict;
};

/* The range bookkeeping that a run over the template's nodes changes. */
struct jp_state {
	int begin_range;
	int in_range;
	int end_range;
	size_t last_end;
};

/*
 * Each range runs its body one C call deeper; Go's stacks grow, ours do
 * not, so a template with thousands of ranges one inside another (a
 * scenario file can hold one) stops here rather than overflowing.
 */
#define JP_MAX_DEPTH 1000

/*
 * Runs remembered at once, at most; when full, the table starts afresh.
 * Repeats come close together (a range's body over one subtree), so a
 * table that stays in cache (1.7 MB) serves as well as a bigger one, and
 * costs less to the runs that never repeat: at 32768 a range over 130,000
 * pods took a third longer.
 */
#define JP_MEMO_MAX 8192

/* Nodes. */

static struct jp_node *
jp_new(enum jp_type type)
{
	struct jp_node *n = xcalloc(1, sizeof *n);

	n->type = type;
	return n;
}

static void
jp_append(struct jp_node *list, struct jp_node *n)
{
	xgrow(&list->kids, &list->cap, list->n + 1, sizeof *list->kids);
	list->kids[list->n++] = n;
}

static void
jp_free(struct jp_node *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->n; i++)
		jp_free(n->kids[i]);
	free(n->kids);
	free(n->text);
	jp_free(n->left);
	jp_free(n->right);
	free(n->op);
	free(n);
}

static struct jp_node *
jp_new_text(enum jp_type type, const char *s, size_t len)
{
	struct jp_node *n = jp_new(type);

	n->text = xmalloc(len + 1);
	memcpy(n->text, s, len);
	n->text[len] = '\0';
	n->len = len;
	return n;
}

/* Runes, as Go's utf8.DecodeRuneInString sees them. */

/* Invalid bytes read as U+FFFD, as Go's utf8.DecodeRuneInString has it. */
static long
rune_decode(const unsigned char *s, size_t n, size_t *size)
{
	long r = utf8_decode(s, n, size);

	return r < 0 ? 0xFFFD : r;
}


/* A coarse unicode.IsLetter beyond ASCII; templates are nearly all ASCII. */
static bool
rune_is_letter(long r)
{
	if (r < 0x80)
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
	if (r < 0xC0)
		return r == 0xAA || r == 0xB5 || r == 0xBA;
	if (r < 0x2000)
		return r != 0xD7 && r != 0xF7;
	if (r < 0x2C00 || (r >= 0x2E00 && r < 0x3040) || (r >= 0xD800 && r < 0xF900))
		return false;
	if (r == 0xFFFD || (r >= 0xFE00 && r < 0xFE70) || (r >= 0xFF00 && r < 0xFF21))
		return false;
	return !(r >= 0x1F000 && r < 0x1FB00);
}

/* A coarse strconv.IsPrint: what Go shows as itself in %q and %#U. */
static bool
rune_is_print(long r)
{
	if (r < 0x20 || (r >= 0x7F && r <= 0xA0) || r == 0xAD)
		return false;
	if (r < 0x7F)
		return true;
	if ((r >= 0x2000 && r <= 0x200F) || (r >= 0x2028 && r <= 0x202E) || (r >= 0x205F && r <= 0x206F))
		return false;
	if (r == 0x1680 || r == 0x180E || r == 0x061C || r == 0x3000 || r == 0xFEFF)
		return false;
	if ((r >= 0xD800 && r <= 0xF8FF) || (r >= 0xFFF9 && r <= 0xFFFB) || r == 0xFFFE || r == 0xFFFF)
		return false;
	if (r >= 0xE0000)
		return false;
	return r <= 0x10FFFF;
}

/* strconv.Quote: Go's %q, and %#v of a string. */
static void
go_quote(const char *s, size_t n, struct strbuf *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, size;

	sb_addc(out, '"');
	while (i < n) {
		long r = rune_decode((const unsigned char *)s + i, n - i, &size);

		if (r == 0xFFFD && size == 1 && (unsigned char)s[i] >= 0x80) {
			sb_add(out, "\\x");
			sb_addc(out, hex[(unsigned char)s[i] >> 4]);
			sb_addc(out, hex[(unsigned char)s[i] & 0xF]);
			i++;
			continue;
		}
		i += size;
		if (r == '"' || r == '\\') {
			sb_addc(out, '\\');
			sb_addc(out, (char)r);
		} else if (rune_is_print(r))
			sb_addn(out, s + i - size, size);
		else if (r == '\a')
			sb_add(out, "\\a");
		else if (r == '\b')
			sb_add(out, "\\b");
		else if (r == '\f')
			sb_add(out, "\\f");
		else if (r == '\n')
			sb_add(out, "\\n");
		else if (r == '\r')
			sb_add(out, "\\r");
		else if (r == '\t')
			sb_add(out, "\\t");
		else if (r == '\v')
			sb_add(out, "\\v");
		else if (r < ' ' || r == 0x7F) {
			sb_add(out, "\\x");
			sb_addc(out, hex[r >> 4]);
			sb_addc(out, hex[r & 0xF]);
		} else if (r < 0x10000)
			sb_addf(out, "\\u%04lx", r);
		else
			sb_addf(out, "\\U%08lx", r);
	}
	sb_addc(out, '"');
}

/* The parser: parser.go, with its tail calls turned into a loop. */

static int
jp_fail(struct jp_parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
jp_fail(struct jp_parser *p, const char *fmt, ...)
{
	va_list ap;

	free(p->err);
	va_start(ap, fmt);
	p->err = xvasprintf(fmt, ap);
	va_end(ap);
	return -1;
}

static long
jp_next(struct jp_parser *p)
{
	long r;

	if (p->pos >= p->len) {
		p->width = 0;
		return JP_EOF;
	}
	r = rune_decode((const unsigned char *)p->in + p->pos, p->len - p->pos, &p->width);
	p->pos += p->width;
	return r;
}

static void
jp_backup(struct jp_parser *p)
{
	p->pos -= p->width;
}

static long
jp_peek(struct jp_parser *p)
{
	long r = jp_next(p);

	jp_backup(p);
	return r;
}

static bool
jp_at(const struct jp_parser *p, const char *prefix)
{
	size_t n = strlen(prefix);

	return p->len - p->pos >= n && memcmp(p->in + p->pos, prefix, n) == 0;
}

static void
jp_consume(struct jp_parser *p, const char **s, size_t *n)
{
	*s = p->in + p->start;
	*n = p->pos - p->start;
	p->start = p->pos;
}

static bool
is_terminator(long r)
{
	return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == JP_EOF || r == '.' || r == ',' ||
	    r == '[' || r == ']' || r == '$' || r == '@' || r == '{' || r == '}';
}

static bool
is_alnum(long r)
{
	return r == '_' || rune_is_letter(r) || (r >= '0' && r <= '9');
}

static int jp_parse_string(const char *in, size_t len, struct jp_node **root, char **err);

/* parseAction: parse "{text}" and keep the action's list. */
static int
jp_parse_action(struct jp_parser *p, const char *text, size_t len, struct jp_node **list)
{
	struct jp_node *root;
	char *wrapped = xmalloc(len + 3), *err = NULL;
	int rc;

	wrapped[0] = '{';
	memcpy(wrapped + 1, text, len);
	wrapped[len + 1] = '}';
	wrapped[len + 2] = '\0';
	rc = jp_parse_string(wrapped, len + 2, &root, &err);
	free(wrapped);
	if (rc < 0) {
		free(p->err);
		p->err = err;
		return -1;
	}
	*list = root->kids[0];
	root->kids[0] = jp_new(JP_LIST);
	jp_free(root);
	return 0;
}

static bool
go_atoi(const char *s, size_t n, long long *v)
{
	char buf[32], *end;

	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	for (size_t i = (buf[0] == '+' || buf[0] == '-') ? 1 : 0; i < n; i++)
		if (buf[i] < '0' || buf[i] > '9')
			return false;
	if (n == 1 && (buf[0] == '+' || buf[0] == '-'))
		return false;
	errno = 0;
	*v = strtoll(buf, &end, 10);
	return errno == 0 && *end == '\0';
}

static int
jp_parse_field(struct jp_parser *p, struct jp_node *cur)
{
	const char *s;
	size_t n;
	struct jp_node *f;

	jp_consume(p, &s, &n);
	for (;;) {
		long r = jp_next(p);

		if (r == '\\')
			jp_next(p);
		else if (is_terminator(r)) {
			jp_backup(p);
			break;
		}
	}
	jp_consume(p, &s, &n);
	if (n == 1 && s[0] == '*') {
		jp_append(cur, jp_new(JP_WILDCARD));
		return 0;
	}
	/* Backslashes escape terminators: app\.kubernetes\.io/name. */
	f = jp_new_text(JP_FIELD, s, n);
	f->len = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\\')
			f->text[f->len++] = s[i];
	f->text[f->len] = '\0';
	jp_append(cur, f);
	return 0;
}

static int
jp_parse_identifier(struct jp_parser *p, struct jp_node *cur)
{
	const char *s;
	size_t n;

	while (!is_terminator(jp_next(p)))
		;
	jp_backup(p);
	jp_consume(p, &s, &n);
	if ((n == 4 && memcmp(s, "true", 4) == 0) || (n == 5 && memcmp(s, "false", 5) == 0)) {
		struct jp_node *b = jp_new(JP_BOOL);

		b->b = n == 4;
		jp_append(cur, b);
	} else
		jp_append(cur, jp_new_text(JP_IDENT, s, n));
	return 0;
}

static int
jp_parse_number(struct jp_parser *p, struct jp_node *cur)
{
	const char *s;
	size_t n, dots = 0, digits = 0;
	long r = jp_peek(p);
	struct jp_node *num;
	long long v;

	if (r == '+' || r == '-')
		jp_next(p);
	for (;;) {
		r = jp_next(p);
		if (r != '.' && !(r >= '0' && r <= '9')) {
			jp_backup(p);
			break;
		}
	}
	jp_consume(p, &s, &n);
	if (go_atoi(s, n, &v)) {
		num = jp_new(JP_INT);
		num->i = v;
		jp_append(cur, num);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		dots += s[i] == '.';
		digits += s[i] >= '0' && s[i] <= '9';
	}
	if (digits > 0 && dots <= 1) {
		char *buf = xstrndup(s, n);
		double d = strtod(buf, NULL);

		free(buf);
		if (isfinite(d)) {
			num = jp_new(JP_FLOAT);
			num->f = d;
			jp_append(cur, num);
			return 0;
		}
	}
	return jp_fail(p, "cannot parse number %.*s", (int)n, s);
}

/* The slice regexp ^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$, split into groups. */
static bool
slice_groups(const char *s, size_t n, const char *g[3], size_t gl[3])
{
	size_t i = 0;

	for (int k = 0; k < 3; k++) {
		g[k] = s + i;
		gl[k] = 0;
		if (k > 0) {
			if (i >= n || s[i] != ':')
				continue;
			i++;
		}
		if (i < n && s[i] == '-')
			i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		gl[k] = (size_t)(s + i - g[k]);
	}
	return i == n;
}

static int
jp_parse_array(struct jp_parser *p, struct jp_node *cur)
{
	const char *s, *g[3];
	size_t n, gl[3];
	struct jp_node *arr;

	for (;;) {
		long r = jp_next(p);

		if (r == JP_EOF || r == '\n')
			return jp_fail(p, "unterminated array");
		if (r == ']')
			break;
	}
	jp_consume(p, &s, &n);
	s++;
	n -= 2;
	if (n == 1 && s[0] == '*')
		s = ":";

	/* union operator */
	if (memchr(s, ',', n) != NULL) {
		struct jp_node *u = jp_new(JP_UNION);
		const char *part = s, *end = s + n;

		for (;;) {
			const char *comma = memchr(part, ',', (size_t)(end - part));
			const char *pe = comma ? comma : end;
			struct jp_node *list;
			struct strbuf sb;
			int rc;

			while (part < pe && *part == ' ')
				part++;
			while (pe > part && pe[-1] == ' ')
				pe--;
			sb_init(&sb);
			sb_addf(&sb, "[%.*s]", (int)(pe - part), part);
			rc = jp_parse_action(p, sb.s, sb.len, &list);
			sb_free(&sb);
			if (rc < 0) {
				jp_free(u);
				return -1;
			}
			jp_append(u, list);
			if (comma == NULL)
				break;
			part = comma + 1;
		}
		jp_append(cur, u);
		return 0;
	}

	/* dict key: ['a.b'] is re-read as .a.b */
	if (n >= 2 && s[0] == '\'' && s[n - 1] == '\'' && memchr(s + 1, '\'', n - 2) == NULL) {
		struct jp_node *list;
		struct strbuf sb;
		int rc;

		sb_init(&sb);
		sb_addf(&sb, ".%.*s", (int)(n - 2), s + 1);
		rc = jp_parse_action(p, sb.s, sb.len, &list);
		sb_free(&sb);
		if (rc < 0)
			return -1;
		for (size_t i = 0; i < list->n; i++)
			jp_append(cur, list->kids[i]);
		list->n = 0;
		jp_free(list);
		return 0;
	}

	if (!slice_groups(s, n, g, gl))
		return jp_fail(p, "invalid array index %.*s", (int)n, s);
	arr = jp_new(JP_ARRAY);
	for (int i = 0; i < 3; i++) {
		const char *v = g[i];
		size_t vl = gl[i];

		if (vl != 0) {
			if (i > 0)
				v++, vl--;
			if (i > 0 && vl == 0)
				arr->params[i].known = false;
			else {
				arr->params[i].known = true;
				if (!go_atoi(v, vl, &arr->params[i].value)) {
					jp_free(arr);
					return jp_fail(p, "array index %.*s is not a number", (int)vl, v);
				}
			}
		} else if (i == 1) {
			arr->params[i].known = true;
			arr->params[i].value = arr->params[0].value + 1;
			arr->params[i].derived = true;
		}
	}
	jp_append(cur, arr);
	return 0;
}

static bool
is_op_char(char c)
{
	return c == '!' || c == '<' || c == '>' || c == '=';
}

static int
jp_parse_filter(struct jp_parser *p, struct jp_node *cur)
{
	const char *s;
	size_t n, g1, g2;
	bool begin = false, end = false;
	long pair = 0;
	struct jp_node *f, *left, *right;

	p->pos += 3;
	jp_consume(p, &s, &n);
	for (;;) {
		long r = jp_next(p);

		if (r == JP_EOF || r == '\n')
			return jp_fail(p, "unterminated filter");
		if (r == '"' || r == '\'') {
			if (!begin) {
				begin = true;
				pair = r;
				continue;
			}
			if (p->in[p->pos - 2] != '\\' && r == pair)
				end = true;
		} else if (r == ')' && begin == end)
			break;
	}
	if (jp_next(p) != ']')
		return jp_fail(p, "unclosed array expect ]");
	jp_consume(p, &s, &n);
	n -= 2;

	/* ^([^!<>=]+)([!<>=]+)(.+?)$ */
	for (g1 = 0; g1 < n && !is_op_char(s[g1]); g1++)
		;
	for (g2 = g1; g2 < n && is_op_char(s[g2]); g2++)
		;
	if (g2 == n && g2 > g1 + 1)
		g2--;
	if (g1 == 0 || g1 == n || g2 == n) {
		if (jp_parse_action(p, s, n, &left) < 0)
			return -1;
		f = jp_new(JP_FILTER);
		f->left = left;
		f->right = jp_new(JP_LIST);
		f->op = xstrdup("exists");
		jp_append(cur, f);
		return 0;
	}
	if (jp_parse_action(p, s, g1, &left) < 0)
		return -1;
	if (jp_parse_action(p, s + g2, n - g2, &right) < 0) {
		jp_free(left);
		return -1;
	}
	f = jp_new(JP_FILTER);
	f->left = left;
	f->right = right;
	f->op = xstrndup(s + g1, g2 - g1);
	jp_append(cur, f);
	return 0;
}

static int
unhex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* UnquoteExtend: strconv.Unquote that also takes single quotes. */
static bool
unquote_extend(const char *s, size_t n, struct strbuf *out)
{
	char quote;

	if (n < 2 || s[0] != s[n - 1] || (s[0] != '"' && s[0] != '\''))
		return false;
	quote = s[0];
	s++;
	n -= 2;
	while (n > 0) {
		unsigned char c = (unsigned char)s[0];
		size_t size, k;
		long v = 0;

		if (c == (unsigned char)quote)
			return false;
		if (c >= 0x80) {
			utf8_encode(rune_decode((const unsigned char *)s, n, &size), out);
			s += size, n -= size;
			continue;
		}
		if (c != '\\') {
			sb_addc(out, (char)c);
			s++, n--;
			continue;
		}
		if (n <= 1)
			return false;
		c = (unsigned char)s[1];
		s += 2, n -= 2;
		switch (c) {
		case 'a': sb_addc(out, '\a'); break;
		case 'b': sb_addc(out, '\b'); break;
		case 'f': sb_addc(out, '\f'); break;
		case 'n': sb_addc(out, '\n'); break;
		case 'r': sb_addc(out, '\r'); break;
		case 't': sb_addc(out, '\t'); break;
		case 'v': sb_addc(out, '\v'); break;
		case '\\': sb_addc(out, '\\'); break;
		case '\'':
		case '"':
			if (c != (unsigned char)quote)
				return false;
			sb_addc(out, (char)c);
			break;
		case 'x':
		case 'u':
		case 'U':
			k = c == 'x' ? 2 : c == 'u' ? 4 : 8;
			if (n < k)
				return false;
			for (size_t j = 0; j < k; j++) {
				int x = unhex(s[j]);

				if (x < 0)
					return false;
				v = (v << 4) | x;
			}
			s += k, n -= k;
			if (c == 'x') {
				/* A raw byte, which need not be UTF-8. */
				sb_addc(out, (char)v);
				break;
			}
			if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
				return false;
			utf8_encode(v, out);
			break;
		case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
			v = c - '0';
			if (n < 2)
				return false;
			for (size_t j = 0; j < 2; j++) {
				if (s[j] < '0' || s[j] > '7')
					return false;
				v = (v << 3) | (s[j] - '0');
			}
			s += 2, n -= 2;
			if (v > 255)
				return false;
			sb_addc(out, (char)v);
			break;
		default:
			return false;
		}
	}
	return true;
}

static int
jp_parse_quote(struct jp_parser *p, struct jp_node *cur, long end)
{
	const char *s;
	size_t n;
	struct strbuf sb;

	for (;;) {
		long r = jp_next(p);

		if (r == JP_EOF || r == '\n')
			return jp_fail(p, "unterminated quoted string");
		if (r == end && p->in[p->pos - 2] != '\\')
			break;
	}
	jp_consume(p, &s, &n);
	sb_init(&sb);
	if (!unquote_extend(s, n, &sb)) {
		sb_free(&sb);
		return jp_fail(p, "unquote string %.*s error invalid syntax", (int)n, s);
	}
	jp_append(cur, jp_new_text(JP_TEXT, sb.s, sb.len));
	sb_free(&sb);
	return 0;
}

static int
jp_parse_recursive(struct jp_parser *p, struct jp_node *cur)
{
	const char *s;
	size_t n;

	if (cur->n > 0 && cur->kids[cur->n - 1]->type == JP_RECURSIVE)
		return jp_fail(p, "invalid multiple recursive descent");
	p->pos += 2;
	jp_consume(p, &s, &n);
	jp_append(cur, jp_new(JP_RECURSIVE));
	if (is_alnum(jp_peek(p)))
		return jp_parse_field(p, cur);
	return 0;
}

/* Parse.parseText and parseInsideAction, alternating. */
static int
jp_parse(struct jp_parser *p)
{
	struct jp_node *cur = NULL;
	const char *s;
	size_t n;

	for (;;) {
		long r;

		if (cur == NULL) {
			if (jp_at(p, "{")) {
				if (p->pos > p->start) {
					jp_consume(p, &s, &n);
					jp_append(p->root, jp_new_text(JP_TEXT, s, n));
				}
				p->pos++;
				jp_consume(p, &s, &n);
				cur = jp_new(JP_LIST);
				jp_append(p->root, cur);
				continue;
			}
			if (jp_next(p) == JP_EOF)
				break;
			continue;
		}
		if (jp_at(p, "}")) {
			p->pos++;
			jp_consume(p, &s, &n);
			cur = NULL;
			continue;
		}
		if (jp_at(p, "[?(")) {
			if (jp_parse_filter(p, cur) < 0)
				return -1;
			continue;
		}
		if (jp_at(p, "..")) {
			if (jp_parse_recursive(p, cur) < 0)
				return -1;
			continue;
		}
		r = jp_next(p);
		if (r == JP_EOF || r == '\r' || r == '\n')
			return jp_fail(p, "unclosed action");
		if (r == ' ' || r == '@' || r == '$') {
			jp_consume(p, &s, &n);
			continue;
		}
		if (r == '[') {
			if (jp_parse_array(p, cur) < 0)
				return -1;
		} else if (r == '"' || r == '\'') {
			if (jp_parse_quote(p, cur, r) < 0)
				return -1;
		} else if (r == '.') {
			if (jp_parse_field(p, cur) < 0)
				return -1;
		} else if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
			jp_backup(p);
			if (jp_parse_number(p, cur) < 0)
				return -1;
		} else if (is_alnum(r)) {
			jp_backup(p);
			if (jp_parse_identifier(p, cur) < 0)
				return -1;
		} else if (rune_is_print(r)) {
			struct strbuf sb;

			sb_init(&sb);
			utf8_encode(r, &sb);
			jp_fail(p, "unrecognized character in action: U+%04lX '%s'", r, sb.s);
			sb_free(&sb);
			return -1;
		} else
			return jp_fail(p, "unrecognized character in action: U+%04lX", r);
	}
	if (p->pos > p->start) {
		jp_consume(p, &s, &n);
		jp_append(p->root, jp_new_text(JP_TEXT, s, n));
	}
	return 0;
}

static int
jp_parse_string(const char *in, size_t len, struct jp_node **root, char **err)
{
	struct jp_parser p;

	memset(&p, 0, sizeof p);
	p.in = in;
	p.len = len;
	p.root = jp_new(JP_LIST);
	if (jp_parse(&p) < 0) {
		jp_free(p.root);
		*err = p.err;
		*root = NULL;
		return -1;
	}
	*root = p.root;
	return 0;
}

/* Values. */

static void
jv_push(struct jvec *v, struct jv x)
{
	xgrow(&v->v, &v->cap, v->n + 1, sizeof *v->v);
	v->v[v->n++] = x;
}

static void
jv_append(struct jvec *v, const struct jvec *w)
{
	for (size_t i = 0; i < w->n; i++)
		jv_push(v, w->v[i]);
}

static void
jv_clear(struct jvec *v)
{
	free(v->v);
	memset(v, 0, sizeof *v);
}

static void
jv_set(struct jvec *dst, const struct jvec *src)
{
	jv_clear(dst);
	jv_append(dst, src);
}

static struct jv
jv_node(const cJSON *node)
{
	struct jv v;

	memset(&v, 0, sizeof v);
	v.kind = JV_NODE;
	v.node = node;
	return v;
}

static struct jv
jv_kind(enum jv_kind kind)
{
	struct jv v;

	memset(&v, 0, sizeof v);
	v.kind = kind;
	return v;
}

static bool
jv_is_nil(const struct jv *v)
{
	return v->kind == JV_NODE && (v->node == NULL || cJSON_IsNull(v->node));
}

static bool
jv_is_map(const struct jv *v)
{
	return v->kind == JV_NODE && cJSON_IsObject(v->node);
}

static bool
jv_is_array(const struct jv *v)
{
	return v->kind == JV_NODE && cJSON_IsArray(v->node);
}

static bool
jv_string(const struct jv *v, const char **s, size_t *n)
{
	if (v->kind == JV_STR) {
		*s = v->s;
		*n = v->slen;
		return true;
	}
	if (v->kind == JV_NODE && cJSON_IsString(v->node)) {
		*s = v->node->valuestring ? v->node->valuestring : "";
		*n = strlen(*s);
		return true;
	}
	return false;
}

static bool
num_is_int(double d, long long *i)
{
	if (d != floor(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
		return false;
	*i = (long long)d;
	return true;
}

/* reflect.Value.Type() of a value, for "... is not array or slice". */
static const char *
jv_type_name(const struct jv *v)
{
	long long i;

	switch (v->kind) {
	case JV_STR:
		return "string";
	case JV_INT:
		return "int";
	case JV_FLOAT:
		return "float64";
	case JV_BOOL:
		return "bool";
	case JV_UINT8:
		return "uint8";
	case JV_INVALID:
		return "<invalid reflect.Value>";
	case JV_NODE:
		break;
	}
	if (cJSON_IsObject(v->node))
		return "map[string]interface {}";
	if (cJSON_IsArray(v->node))
		return "[]interface {}";
	if (cJSON_IsString(v->node))
		return "string";
	if (cJSON_IsBool(v->node))
		return "bool";
	if (cJSON_IsNumber(v->node))
		return num_is_int(v->node->valuedouble, &i) ? "int64" : "float64";
	return "interface {}";
}

static int
cmp_member(const void *a, const void *b)
{
	const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;

	return strcmp(x->string ? x->string : "", y->string ? y->string : "");
}

/* Object members in key order: the stand-in for Go's random map order. */
static const cJSON **
sorted_members(const cJSON *obj, size_t *np)
{
	const cJSON **v;
	size_t n = 0;

	for (const cJSON *c = obj->child; c != NULL; c = c->next)
		n++;
	v = xcalloc(n ? n : 1, sizeof *v);
	n = 0;
	for (const cJSON *c = obj->child; c != NULL; c = c->next)
		v[n++] = c;
	qsort(v, n, sizeof *v, cmp_member);
	*np = n;
	return v;
}

/*
 * fmt's %v (sharp false) and %#v (sharp true) of a document node. Once out
 * holds more than limit bytes the rest is left out: an error message shows
 * only the start of a document, and need not format all of a large one.
 */
static void
go_fmt_node(const cJSON *n, bool sharp, struct strbuf *out, size_t limit)
{
	const cJSON **m;
	size_t nm;

	if (out->len > limit)
		return;
	if (n == NULL || cJSON_IsNull(n) || cJSON_IsInvalid(n))
		sb_add(out, sharp ? "interface {}(nil)" : "<nil>");
	else if (cJSON_IsTrue(n))
		sb_add(out, "true");
	else if (cJSON_IsFalse(n))
		sb_add(out, "false");
	else if (cJSON_IsNumber(n))
		format_number_v(n->valuedouble, out);
	else if (cJSON_IsString(n)) {
		const char *s = n->valuestring ? n->valuestring : "";

		if (sharp)
			go_quote(s, strlen(s), out);
		else
			sb_add(out, s);
	} else if (cJSON_IsArray(n)) {
		sb_add(out, sharp ? "[]interface {}{" : "[");
		for (const cJSON *c = n->child; c != NULL && out->len <= limit; c = c->next) {
			go_fmt_node(c, sharp, out, limit);
			if (c->next != NULL)
				sb_add(out, sharp ? ", " : " ");
		}
		sb_add(out, sharp ? "}" : "]");
	} else if (cJSON_IsObject(n)) {
		m = sorted_members(n, &nm);
		sb_add(out, sharp ? "map[string]interface {}{" : "map[");
		for (size_t i = 0; i < nm && out->len <= limit; i++) {
			const char *k = m[i]->string ? m[i]->string : "";

			if (sharp)
				go_quote(k, strlen(k), out);
			else
				sb_add(out, k);
			sb_addc(out, ':');
			go_fmt_node(m[i], sharp, out, limit);
			if (i + 1 < nm)
				sb_add(out, sharp ? ", " : " ");
		}
		sb_add(out, sharp ? "}" : "]");
		free(m);
	} else
		sb_add(out, "<nil>");
}

/* fmt.Fprint of a value: evalToText. */
static void
jv_fmt_v(const struct jv *v, struct strbuf *out)
{
	switch (v->kind) {
	case JV_NODE:
		go_fmt_node(v->node, false, out, SIZE_MAX);
		break;
	case JV_INVALID:
		sb_add(out, "<invalid reflect.Value>");
		break;
	case JV_STR:
		sb_addn(out, v->s, v->slen);
		break;
	case JV_INT:
		sb_addf(out, "%lld", v->i);
		break;
	case JV_FLOAT:
		format_float_v(v->f, out);
		break;
	case JV_BOOL:
		sb_add(out, v->b ? "true" : "false");
		break;
	case JV_UINT8:
		sb_addf(out, "%lld", v->i);
		break;
	}
}

/* PrintResults: maps and slices as compact JSON, the rest as %v. */
static void
jv_print(const struct jv *v, struct strbuf *out)
{
	if (v->kind == JV_INVALID)
		sb_add(out, "<no value>");
	else if (v->kind == JV_NODE && (jv_is_nil(v) || cJSON_IsObject(v->node) || cJSON_IsArray(v->node)))
		encode_json_compact(v->node, out);
	else
		jv_fmt_v(v, out);
}

/* Comparisons: text/template's eq, lt and friends (funcs.go). */

enum bkind {
	BK_INVALID,
	BK_BOOL,
	BK_INT,
	BK_FLOAT,
	BK_STRING,
	BK_UINT,
};

struct bval {
	enum bkind k;
	bool b;
	long long i;
	double f;
	const char *s;
	size_t n;
};

static struct bval
basic_kind(const struct jv *v)
{
	struct bval b;

	memset(&b, 0, sizeof b);
	switch (v->kind) {
	case JV_STR:
		b.k = BK_STRING;
		b.s = v->s;
		b.n = v->slen;
		break;
	case JV_INT:
		b.k = BK_INT;
		b.i = v->i;
		break;
	case JV_UINT8:
		b.k = BK_UINT;
		b.i = v->i;
		break;
	case JV_FLOAT:
		b.k = BK_FLOAT;
		b.f = v->f;
		break;
	case JV_BOOL:
		b.k = BK_BOOL;
		b.b = v->b;
		break;
	case JV_INVALID:
		break;
	case JV_NODE:
		if (cJSON_IsBool(v->node)) {
			b.k = BK_BOOL;
			b.b = cJSON_IsTrue(v->node);
		} else if (cJSON_IsNumber(v->node)) {
			if (num_is_int(v->node->valuedouble, &b.i))
				b.k = BK_INT;
			else {
				b.k = BK_FLOAT;
				b.f = v->node->valuedouble;
			}
		} else if (cJSON_IsString(v->node)) {
			b.k = BK_STRING;
			jv_string(v, &b.s, &b.n);
		}
		break;
	}
	return b;
}

static int
str_cmp(const struct bval *a, const struct bval *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	int c = memcmp(a->s, b->s, n);

	if (c != 0)
		return c;
	return a->n < b->n ? -1 : a->n > b->n ? 1 : 0;
}

static const char *const err_bad_type = "invalid type for comparison";
static const char *const err_bad_cmp = "incompatible types for comparison";

/* Returns NULL or the error text. */
static const char *
go_equal(const struct jv *x, const struct jv *y, bool *truth)
{
	struct bval a = basic_kind(x), b = basic_kind(y);

	*truth = false;
	if (a.k == BK_INVALID || b.k == BK_INVALID)
		return err_bad_type;
	if (a.k != b.k) {
		if (a.k == BK_INT && b.k == BK_UINT)
			*truth = a.i >= 0 && a.i == b.i;
		else if (a.k == BK_UINT && b.k == BK_INT)
			*truth = b.i >= 0 && a.i == b.i;
		else
			return err_bad_cmp;
		return NULL;
	}
	switch (a.k) {
	case BK_BOOL:
		*truth = a.b == b.b;
		break;
	case BK_FLOAT:
		*truth = a.f == b.f;
		break;
	case BK_INT:
	case BK_UINT:
		*truth = a.i == b.i;
		break;
	case BK_STRING:
		*truth = str_cmp(&a, &b) == 0;
		break;
	case BK_INVALID:
		break;
	}
	return NULL;
}

static const char *
go_less(const struct jv *x, const struct jv *y, bool *truth)
{
	struct bval a = basic_kind(x), b = basic_kind(y);

	*truth = false;
	if (a.k == BK_INVALID || b.k == BK_INVALID)
		return err_bad_type;
	if (a.k != b.k) {
		if (a.k == BK_INT && b.k == BK_UINT)
			*truth = a.i < 0 || a.i < b.i;
		else if (a.k == BK_UINT && b.k == BK_INT)
			*truth = b.i >= 0 && a.i < b.i;
		else
			return err_bad_cmp;
		return NULL;
	}
	switch (a.k) {
	case BK_BOOL:
	case BK_INVALID:
		return err_bad_type;
	case BK_FLOAT:
		*truth = a.f < b.f;
		break;
	case BK_INT:
	case BK_UINT:
		*truth = a.i < b.i;
		break;
	case BK_STRING:
		*truth = str_cmp(&a, &b) < 0;
		break;
	}
	return NULL;
}

static const char *
go_compare(const char *op, const struct jv *l, const struct jv *r, bool *pass, bool *known_op)
{
	const char *e;
	bool t;

	*known_op = true;
	if (strcmp(op, "<") == 0)
		return go_less(l, r, pass);
	if (strcmp(op, ">") == 0 || strcmp(op, "<=") == 0) {
		/* LessEqual is Less, then Equal; Greater is its negation. */
		if ((e = go_less(l, r, &t)) != NULL)
			return e;
		if (!t && (e = go_equal(l, r, &t)) != NULL)
			return e;
		*pass = op[0] == '>' ? !t : t;
		return NULL;
	}
	if (strcmp(op, "==") == 0)
		return go_equal(l, r, pass);
	if (strcmp(op, "!=") == 0) {
		e = go_equal(l, r, &t);
		*pass = !t;
		return e;
	}
	if (strcmp(op, ">=") == 0) {
		if ((e = go_less(l, r, &t)) != NULL)
			return e;
		*pass = !t;
		return NULL;
	}
	*known_op = false;
	return NULL;
}

/* The evaluator: jsonpath.go. Each step fills out as Go returns it, errors too. */

static int
jp_err(struct jp_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
jp_err(struct jp_ctx *c, const char *fmt, ...)
{
	va_list ap;

	/* Past a limit every walk fails; keep the limit's message. */
	if (c->over)
		return -1;
	sb_reset(&c->msg);
	va_start(ap, fmt);
	sb_vaddf(&c->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static int
jp_stop_steps(struct jp_ctx *c)
{
	if (c->over)
		return -1;
	jp_err(c, "evaluation stopped after %llu steps (kubesim's limit)", c->lim.max_steps);
	c->over = true;
	return -1;
}

/* Count work; past the step budget, stop the whole evaluation. */
static int
jp_count(struct jp_ctx *c, unsigned long long walks, unsigned long long values)
{
	c->st.walks += walks;
	c->st.values += values;
	c->st.steps += walks + values;
	if (c->over || c->st.steps > c->lim.max_steps)
		return jp_stop_steps(c);
	return 0;
}

/*
 * A walk is counted when it is done, so one that multiplies its input
 * (an index or wildcard over many values) checks as it goes, before the
 * values it is making take the evaluation far past its budget.
 */
static int
jp_check_growth(struct jp_ctx *c, const struct jvec *out)
{
	if (c->over || c->st.steps + out->n > c->lim.max_steps)
		return jp_stop_steps(c);
	return 0;
}

/* The output cap: checked after each list of results is printed. */
static int
jp_check_output(struct jp_ctx *c, size_t len)
{
	c->st.output = len - c->out_base;
	if (c->st.output <= c->lim.max_output || c->over)
		return c->over ? -1 : 0;
	jp_err(c, "the output passed %zu bytes (kubesim's limit)", c->lim.max_output);
	c->over = true;
	return -1;
}

static int jp_walk(struct jp_ctx *, const struct jvec *, struct jp_node *, struct jvec *);

static int
jp_eval_list(struct jp_ctx *c, const struct jvec *in, struct jp_node *list, struct jvec *out)
{
	struct jvec cur = {0}, next = {0};

	jv_set(&cur, in);
	for (size_t i = 0; i < list->n; i++) {
		int rc = jp_walk(c, &cur, list->kids[i], &next);

		jv_clear(&cur);
		cur = next;
		memset(&next, 0, sizeof next);
		if (rc < 0) {
			*out = cur;
			return -1;
		}
	}
	*out = cur;
	return 0;
}

static int
jp_eval_field(struct jp_ctx *c, const struct jvec *in, const struct jp_node *n, struct jvec *out)
{
	size_t before = out->n;

	for (size_t i = 0; i < in->n; i++) {
		const struct jv *v = &in->v[i];
		const cJSON *item;

		if (jv_is_nil(v) || !jv_is_map(v))
			continue;
		item = cJSON_GetObjectItemCaseSensitive(v->node, n->text);
		if (item != NULL)
			jv_push(out, jv_node(item));
	}
	/* evalField: no match is no output with AllowMissingKeys(true), else "x is not found". */
	if (c->strict && in->n > 0 && out->n == before)
		return jp_err(c, "%s is not found", n->text);
	return 0;
}

static int
jp_eval_array(struct jp_ctx *c, const struct jvec *in, const struct jp_node *n, struct jvec *out)
{
	for (size_t i = 0; i < in->n; i++) {
		const struct jv *v = &in->v[i];
		struct jp_param p[3];
		const cJSON **elems, *e;
		long long len = 0, step = 1;

		if (jp_check_growth(c, out) < 0)
			return -1;
		if (jv_is_nil(v))
			continue;
		if (!jv_is_array(v)) {
			jv_set(out, in);
			return jp_err(c, "%s is not array or slice", jv_type_name(v));
		}
		memcpy(p, n->params, sizeof p);
		for (e = v->node->child; e != NULL; e = e->next)
			len++;
		if (!p[0].known)
			p[0].value = 0;
		if (p[0].value < 0)
			p[0].value += len;
		if (!p[1].known)
			p[1].value = len;
		if (p[1].value < 0 || (p[1].value == 0 && p[1].derived))
			p[1].value += len;
		if (p[1].value == p[0].value)
			return 0; /* zero elements requested: Go returns at once */
		if (p[0].value >= len || p[0].value < 0) {
			jv_set(out, in);
			return jp_err(c, "array index out of bounds: index %lld, length %lld", p[0].value, len);
		}
		if (p[1].value > len || p[1].value < 0) {
			jv_set(out, in);
			return jp_err(c, "array index out of bounds: index %lld, length %lld", p[1].value - 1, len);
		}
		if (p[0].value > p[1].value) {
			jv_set(out, in);
			return jp_err(c, "starting index %lld is greater than ending index %lld", p[0].value,
			    p[1].value);
		}
		if (p[2].known) {
			if (p[2].value <= 0) {
				jv_set(out, in);
				return jp_err(c, "step must be > 0");
			}
			step = p[2].value;
		}
		elems = xcalloc((size_t)len, sizeof *elems);
		len = 0;
		for (e = v->node->child; e != NULL; e = e->next)
			elems[len++] = e;
		for (long long k = p[0].value; k < p[1].value; k += step)
			jv_push(out, jv_node(elems[k]));
		free(elems);
	}
	return 0;
}

/* The members of a map, elements of a slice or bytes of a string. */
static void
jv_children(const struct jv *v, struct jvec *out)
{
	const char *s;
	size_t n;

	if (jv_is_map(v)) {
		const cJSON **m = sorted_members(v->node, &n);

		for (size_t i = 0; i < n; i++)
			jv_push(out, jv_node(m[i]));
		free(m);
	} else if (jv_is_array(v)) {
		for (const cJSON *e = v->node->child; e != NULL; e = e->next)
			jv_push(out, jv_node(e));
	} else if (jv_string(v, &s, &n)) {
		for (size_t i = 0; i < n; i++) {
			struct jv b = jv_kind(JV_UINT8);

			b.i = (unsigned char)s[i];
			jv_push(out, b);
		}
	}
}

static int
jp_eval_wildcard(struct jp_ctx *c, const struct jvec *in, struct jvec *out)
{
	for (size_t i = 0; i < in->n; i++) {
		if (jp_check_growth(c, out) < 0)
			return -1;
		if (!jv_is_nil(&in->v[i]))
			jv_children(&in->v[i], out);
	}
	return 0;
}

/*
 * evalRecursive: each value, then everything below it, depth first. Every
 * node below is visited once per evaluation and counted as visited.
 */
static int
jp_eval_recursive(struct jp_ctx *c, const struct jvec *in, struct jvec *out)
{
	for (size_t i = 0; i < in->n; i++) {
		const struct jv *v = &in->v[i];
		struct jvec kids = {0};
		const char *s;
		size_t n;
		int rc = 0;

		if (jp_check_growth(c, out) < 0)
			return -1;
		if (jv_is_nil(v))
			continue;
		/* A string's bytes have no children, so skip making them. */
		if (jv_string(v, &s, &n)) {
			if (n > 0)
				jv_push(out, *v);
			continue;
		}
		jv_children(v, &kids);
		c->st.values += kids.n;
		c->st.steps += kids.n;
		if (kids.n > 0) {
			jv_push(out, *v);
			rc = jp_eval_recursive(c, &kids, out);
		}
		jv_clear(&kids);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
jp_eval_filter(struct jp_ctx *c, const struct jvec *in, const struct jp_node *n, struct jvec *out)
{
	bool exists = strcmp(n->op, "exists") == 0;

	for (size_t i = 0; i < in->n; i++) {
		const struct jv *v = &in->v[i];

		if (!jv_is_array(v)) {
			struct strbuf sb;

			sb_init(&sb);
			jv_fmt_v(v, &sb);
			jv_set(out, in);
			jp_err(c, "%s is not array or slice and cannot be filtered", sb.s);
			sb_free(&sb);
			return -1;
		}
		for (const cJSON *e = v->node->child; e != NULL; e = e->next) {
			struct jvec temp = {0}, lefts = {0}, rights = {0};
			const char *cerr;
			bool pass = false, known;
			int rc;

			jv_push(&temp, jv_node(e));
			rc = jp_eval_list(c, &temp, n->left, &lefts);
			if (exists) {
				if (c->over)
					goto fail_input;
				/* Go looks at the results even when the walk failed. */
				if (lefts.n > 0)
					jv_push(out, jv_node(e));
				goto next;
			}
			if (rc < 0)
				goto fail_input;
			if (lefts.n == 0)
				goto next;
			if (lefts.n > 1) {
				jp_err(c, "can only compare one element at a time");
				goto fail_input;
			}
			if (jp_eval_list(c, &temp, n->right, &rights) < 0)
				goto fail_input;
			if (rights.n == 0)
				goto next;
			if (rights.n > 1) {
				jp_err(c, "can only compare one element at a time");
				goto fail_input;
			}
			cerr = go_compare(n->op, &lefts.v[0], &rights.v[0], &pass, &known);
			if (!known || cerr != NULL) {
				/* These two return the results so far, not the input. */
				if (!known)
					jp_err(c, "unrecognized filter operator %s", n->op);
				else
					jp_err(c, "%s", cerr);
				jv_clear(&temp);
				jv_clear(&lefts);
				jv_clear(&rights);
				return -1;
			}
			if (pass)
				jv_push(out, jv_node(e));
		next:
			jv_clear(&temp);
			jv_clear(&lefts);
			jv_clear(&rights);
			continue;
		fail_input:
			jv_clear(&temp);
			jv_clear(&lefts);
			jv_clear(&rights);
			jv_set(out, in);
			return -1;
		}
	}
	return 0;
}

static int
jp_eval_union(struct jp_ctx *c, const struct jvec *in, const struct jp_node *n, struct jvec *out)
{
	for (size_t i = 0; i < n->n; i++) {
		struct jvec tmp = {0};

		if (jp_eval_list(c, in, n->kids[i], &tmp) < 0) {
			jv_clear(&tmp);
			jv_set(out, in);
			return -1;
		}
		jv_append(out, &tmp);
		jv_clear(&tmp);
	}
	return 0;
}

static int
jp_eval_identifier(struct jp_ctx *c, const struct jvec *in, const struct jp_node *n, struct jvec *out)
{
	if (strcmp(n->text, "range") == 0) {
		c->begin_range++;
		jv_set(out, in);
		return 0;
	}
	if (strcmp(n->text, "end") == 0) {
		if (c->in_range > 0) {
			c->end_range++;
			return 0;
		}
		return jp_err(c, "not in range, nothing to end");
	}
	jv_set(out, in);
	return jp_err(c, "unrecognized identifier %s", n->text);
}

static int
jp_walk_node(struct jp_ctx *c, const struct jvec *in, struct jp_node *n, struct jvec *out)
{
	struct jv lit;

	switch (n->type) {
	case JP_LIST:
		return jp_eval_list(c, in, n, out);
	case JP_TEXT:
		lit = jv_kind(JV_STR);
		lit.s = n->text;
		lit.slen = n->len;
		jv_push(out, lit);
		return 0;
	case JP_FIELD:
		return jp_eval_field(c, in, n, out);
	case JP_ARRAY:
		return jp_eval_array(c, in, n, out);
	case JP_FILTER:
		return jp_eval_filter(c, in, n, out);
	case JP_INT:
	case JP_FLOAT:
	case JP_BOOL:
		/* A literal yields one copy per input value. */
		lit = jv_kind(n->type == JP_INT ? JV_INT : n->type == JP_FLOAT ? JV_FLOAT : JV_BOOL);
		if (n->type == JP_INT)
			lit.i = n->i;
		else if (n->type == JP_FLOAT)
			lit.f = n->f;
		else
			lit.b = n->b;
		for (size_t i = 0; i < in->n; i++)
			jv_push(out, lit);
		return 0;
	case JP_WILDCARD:
		return jp_eval_wildcard(c, in, out);
	case JP_RECURSIVE:
		return jp_eval_recursive(c, in, out);
	case JP_UNION:
		return jp_eval_union(c, in, n, out);
	case JP_IDENT:
		return jp_eval_identifier(c, in, n, out);
	}
	return 0;
}

/* walk: out starts empty and is the caller's to free. */
static int
jp_walk(struct jp_ctx *c, const struct jvec *in, struct jp_node *n, struct jvec *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (c->over)
		return -1;
	rc = jp_walk_node(c, in, n, out);
	if (jp_count(c, 1, in->n + out->n) < 0)
		return -1;
	return rc;
}

static void
jp_print_results(const struct jvec *r, struct strbuf *out)
{
	for (size_t i = 0; i < r->n; i++) {
		jv_print(&r->v[i], out);
		if (i + 1 < r->n)
			sb_addc(out, ' ');
	}
}

/*
 * PrintResults with EnableJSONOutput (jsonpath-as-json): the results made
 * one []interface{} and printed by json.MarshalIndent with 4 spaces and a
 * newline, whatever their kinds.
 */
static void
jp_print_json(const struct jvec *r, struct strbuf *out)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < r->n; i++) {
		const struct jv *v = &r->v[i];
		cJSON *item;

		switch (v->kind) {
		case JV_NODE:
			item = cJSON_Duplicate(v->node, true);
			break;
		case JV_STR: {
			char *t = xstrndup(v->s, v->slen);

			item = cJSON_CreateString(t);
			free(t);
			break;
		}
		case JV_INT:
		case JV_UINT8:
			item = cJSON_CreateNumber((double)v->i);
			break;
		case JV_FLOAT:
			item = cJSON_CreateNumber(v->f);
			break;
		case JV_BOOL:
			item = cJSON_CreateBool(v->b);
			break;
		default:
			item = cJSON_CreateNull();
			break;
		}
		cJSON_AddItemToArray(arr, item);
	}
	encode_json_text(arr, out);
	cJSON_Delete(arr);
}

static int jp_find(struct jp_ctx *c, struct jv data, size_t start, bool print);

/*
 * FindResults over root's nodes from start, printing into c->out when
 * print is set. A range re-enters jp_find for each of its values with the
 * nodes after it; an {end} breaks out and records where it was, so the
 * caller can skip the body it has just run. A range with no values runs
 * its body once over nil without printing, only to find that {end}.
 */
static int
jp_run(struct jp_ctx *c, struct jv data, size_t start, bool print)
{
	struct jvec cur = {0};
	int rc = 0;

	jv_push(&cur, data);
	for (size_t i = start; i < c->root->n; i++) {
		struct jvec results;

		if (jp_walk(c, &cur, c->root->kids[i], &results) < 0) {
			jv_clear(&results);
			rc = -1;
			break;
		}
		if (c->end_range > 0 && c->end_range <= c->in_range) {
			c->end_range--;
			c->last_end = i;
			jv_clear(&results);
			break;
		}
		if (c->begin_range > 0) {
			c->begin_range--;
			c->in_range++;
			if (results.n > 0) {
				for (size_t k = 0; k < results.n && rc == 0; k++) {
					struct jv d = results.v[k];

					/* value.Interface() of a null is nil: an invalid Value. */
					if (jv_is_nil(&d))
						d = jv_kind(JV_INVALID);
					rc = jp_find(c, d, i + 1, print);
				}
			} else
				rc = jp_find(c, jv_kind(JV_INVALID), i + 1, false);
			jv_clear(&results);
			if (rc < 0)
				break;
			c->in_range--;
			for (size_t k = i + 1; k < c->root->n; k++) {
				if (k == c->last_end) {
					i = k;
					break;
				}
			}
			continue;
		}
		if (print && c->as_json)
			jp_print_json(&results, c->out);
		else if (print) {
			jp_print_results(&results, c->out);
			rc = jp_check_output(c, c->out->len);
		}
		jv_clear(&results);
		if (rc < 0)
			break;
	}
	jv_clear(&cur);
	return rc;
}

static void
jp_get_state(const struct jp_ctx *c, struct jp_state *st)
{
	st->begin_range = c->begin_range;
	st->in_range = c->in_range;
	st->end_range = c->end_range;
	st->last_end = c->last_end;
}

/*
 * FindResults from one node is a function of where it starts, the value
 * it starts on, whether it prints and the range counters: nothing else
 * is read, and an error ends the whole evaluation. So each such run is
 * done once and remembered - the counters it leaves and where its output
 * went - and a repeat copies that output instead of walking again.
 *
 * This is what keeps nested ranges from multiplying: a range with no
 * values walks its body over nil to find its {end}, and a range whose
 * {end} is out of reach runs on past its body over the enclosing value.
 * Each re-runs the rest of the template, and in the rest the next range
 * does the same, so twelve ranges meant 2^12 (and, over values that
 * recur, as with .. or @, n^12) passes; remembered, each distinct run is
 * walked once, and the cost follows the template's size, the values it
 * reaches and the output. Most runs never repeat (a range over a list
 * meets each item once), so a lookup must cost little: the key is a few
 * integers, the table holds its entries inline.
 */
struct jp_memo_key {
	size_t start;
	size_t last_end;
	uint64_t value; /* a node's or a string's address, or a number's bits */
	size_t slen;
	int begin_range;
	int in_range; /* -1: left out, as the run is end-free (jp_end_free) */
	int end_range;
	int kind;
	bool print;
};

struct jp_memo {
	unsigned gen; /* in use when it is the table's; 0 never is */
	struct jp_memo_key key;
	struct jp_state after;
	size_t out_off; /* what the run printed: c->out->s[out_off..+out_len] */
	size_t out_len;
};

static void
jp_memo_key_init(struct jp_memo_key *k, const struct jp_ctx *c, const struct jv *v, size_t start,
    bool print, bool free_of_end)
{
	memset(k, 0, sizeof *k);
	k->start = start;
	k->print = print;
	k->begin_range = c->begin_range;
	k->in_range = free_of_end ? -1 : c->in_range;
	k->end_range = free_of_end ? 0 : c->end_range;
	k->last_end = free_of_end ? 0 : c->last_end;
	k->kind = (int)v->kind;
	switch (v->kind) {
	case JV_NODE:
		k->value = (uint64_t)(uintptr_t)v->node;
		break;
	case JV_STR:
		k->value = (uint64_t)(uintptr_t)v->s;
		k->slen = v->slen;
		break;
	case JV_INT:
	case JV_UINT8:
		k->value = (uint64_t)v->i;
		break;
	case JV_FLOAT:
		memcpy(&k->value, &v->f, sizeof v->f);
		break;
	case JV_BOOL:
		k->value = v->b;
		break;
	case JV_INVALID:
		break;
	}
}

static bool
jp_memo_key_eq(const struct jp_memo_key *a, const struct jp_memo_key *b)
{
	return a->start == b->start && a->value == b->value && a->kind == b->kind &&
	    a->print == b->print && a->begin_range == b->begin_range && a->in_range == b->in_range &&
	    a->end_range == b->end_range && a->last_end == b->last_end && a->slen == b->slen;
}

/* splitmix64's finalizer */
static uint64_t
mix64(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

static size_t
jp_memo_hash(const struct jp_memo_key *k)
{
	uint64_t h = mix64(k->value ^ ((uint64_t)k->start << 20) ^ (uint64_t)k->slen);

	h = mix64(h ^ (uint64_t)k->last_end ^ ((uint64_t)(unsigned)k->in_range << 32));
	h = mix64(h ^ (uint64_t)(unsigned)k->begin_range ^ ((uint64_t)(unsigned)k->end_range << 32) ^
	    ((uint64_t)k->kind << 56) ^ ((uint64_t)k->print << 63));
	return (size_t)h;
}

/* The slot holding k, or the empty one where it would go. */
static struct jp_memo *
jp_memo_slot(struct jp_memo *tab, size_t cap, unsigned gen, const struct jp_memo_key *k)
{
	size_t i = jp_memo_hash(k) & (cap - 1);

	while (tab[i].gen == gen && !jp_memo_key_eq(&tab[i].key, k))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static const struct jp_memo *
jp_memo_get(const struct jp_ctx *c, const struct jp_memo_key *k)
{
	const struct jp_memo *m;

	if (c->memo_cap == 0)
		return NULL;
	m = jp_memo_slot(c->memo, c->memo_cap, c->memo_gen, k);
	return m->gen == c->memo_gen ? m : NULL;
}

static void
jp_memo_put(struct jp_ctx *c, const struct jp_memo_key *k, size_t out_off, size_t out_len)
{
	struct jp_memo *m;

	if (c->memo_len >= JP_MEMO_MAX) {
		/* Full: forget everything, by a new generation, rather than stop remembering. */
		c->memo_len = 0;
		if (++c->memo_gen == 0) {
			memset(c->memo, 0, c->memo_cap * sizeof *c->memo);
			c->memo_gen = 1;
		}
	}
	if (2 * (c->memo_len + 1) > c->memo_cap) {
		size_t cap = c->memo_cap ? 2 * c->memo_cap : 64;
		struct jp_memo *tab = xcalloc(cap, sizeof *tab);

		for (size_t i = 0; i < c->memo_cap; i++)
			if (c->memo[i].gen == c->memo_gen)
				*jp_memo_slot(tab, cap, c->memo_gen, &c->memo[i].key) = c->memo[i];
		free(c->memo);
		c->memo = tab;
		c->memo_cap = cap;
	}
	m = jp_memo_slot(c->memo, c->memo_cap, c->memo_gen, k);
	m->gen = c->memo_gen;
	m->key = *k;
	jp_get_state(c, &m->after);
	m->out_off = out_off;
	m->out_len = out_len;
	c->memo_len++;
}

/* Whether the identifier is anywhere in n (filters and unions too). */
static bool
jp_has_ident(const struct jp_node *n, const char *name)
{
	if (n == NULL)
		return false;
	if (n->type == JP_IDENT && strcmp(n->text, name) == 0)
		return true;
	for (size_t i = 0; i < n->n; i++)
		if (jp_has_ident(n->kids[i], name))
			return true;
	return jp_has_ident(n->left, name) || jp_has_ident(n->right, name);
}

/*
 * With no {end} pending and none ahead, in_range and last_end cannot
 * matter: only an end reads in_range, and last_end is only looked for
 * among the nodes ahead. The run then leaves them as it found them, so
 * its key leaves them out - otherwise n ranges with no {end} would be
 * remembered once per depth they are reached at, n^3/6 runs.
 */
static bool
jp_end_free(const struct jp_ctx *c, size_t start)
{
	return c->end_range == 0 && c->no_end[start];
}

/* jp_run, one C call deeper. */
static int
jp_run_counted(struct jp_ctx *c, struct jv data, size_t start, bool print)
{
	int rc;

	if (c->depth > JP_MAX_DEPTH) {
		jp_err(c, "ranges nested more than %d deep (kubesim's limit)", JP_MAX_DEPTH);
		c->over = true;
		return -1;
	}
	c->depth++;
	rc = jp_run(c, data, start, print);
	c->depth--;
	return rc;
}

static int
jp_find(struct jp_ctx *c, struct jv data, size_t start, bool print)
{
	const struct jp_memo *m;
	struct jp_memo_key key;
	struct jp_state in;
	size_t off;
	bool free_of_end;

	if (jp_count(c, 1, 1) < 0)
		return -1;
	/*
	 * A run with no {range} ahead (and none begun, as {range range @}
	 * leaves one) makes no runs of its own, so it cannot multiply
	 * anything; its repeats are as many as its callers', which are
	 * remembered. Leaving it out keeps the table to the runs that matter
	 * (most runs are a range's innermost body).
	 */
	if (!c->range_ahead[start] && c->begin_range == 0)
		return jp_run_counted(c, data, start, print);
	jp_get_state(c, &in);
	free_of_end = jp_end_free(c, start);
	jp_memo_key_init(&key, c, &data, start, print, free_of_end);
	m = jp_memo_get(c, &key);
	if (m != NULL) {
		c->begin_range = m->after.begin_range;
		if (!free_of_end) {
			c->in_range = m->after.in_range;
			c->end_range = m->after.end_range;
			c->last_end = m->after.last_end;
		}
		if (m->out_len == 0)
			return 0;
		/* Grow first: the copy comes from the same buffer. */
		off = c->out->len;
		sb_pad(c->out, '\0', m->out_len);
		memcpy(c->out->s + off, c->out->s + m->out_off, m->out_len);
		return jp_check_output(c, c->out->len);
	}
	off = print ? c->out->len : 0;
	if (jp_run_counted(c, data, start, print) < 0)
		return -1;
	/* An end-free run changes no more than begin_range; if it did, forget it. */
	if (free_of_end && (c->in_range != in.in_range || c->end_range != in.end_range ||
			       c->last_end != in.last_end))
		return 0;
	jp_memo_put(c, &key, off, print ? c->out->len - off : 0);
	return 0;
}

/* The message's head: kubectl's, with the template cut to len bytes plus "..." when cut. */
static void
exec_head(struct strbuf *head, const char *tmpl, size_t len, bool cut, const char *msg)
{
	struct strbuf t;

	sb_init(&t);
	sb_addn(&t, tmpl, len);
	if (cut)
		sb_add(&t, "...");
	sb_add(head, "error executing jsonpath ");
	go_quote(t.s, t.len, head);
	sb_addf(head, ": Error executing template: %s. Printing more information for debugging the template:\n", msg);
	sb_addf(head, "\ttemplate was:\n\t\t%s\n", t.s);
	sb_add(head, "\tobject given to jsonpath engine was:\n\t\t");
	sb_free(&t);
}

/* A template longer than this is shown cut when the whole would not fit. */
#define JP_ERR_TMPL_MAX 200

/*
 * cli-runtime's JSONPathPrinter message. The Go dump of the object rarely
 * fits a ks_err; when it does not, it is cut at a character boundary. A
 * long template (kubectl quotes it twice, before the reason) is cut too
 * when it would push the reason out.
 */
static void
exec_error(const char *tmpl, const cJSON *doc, const char *msg, struct ks_err *err)
{
	struct strbuf head, dump;
	const char *tail = "\n\n";
	size_t room = KS_ERR_MAX - 1, tlen = strlen(tmpl);

	sb_init(&head);
	exec_head(&head, tmpl, tlen, false, msg);
	if (head.len + strlen(tail) > room && tlen > JP_ERR_TMPL_MAX) {
		size_t keep = JP_ERR_TMPL_MAX;

		while (keep > 0 && ((unsigned char)tmpl[keep] & 0xC0) == 0x80)
			keep--;
		sb_reset(&head);
		exec_head(&head, tmpl, keep, true, msg);
	}
	sb_init(&dump);
	go_fmt_node(doc, true, &dump, room);
	if (head.len + dump.len + strlen(tail) > room) {
		size_t keep = room > head.len + 3 + strlen(tail) ? room - head.len - 3 - strlen(tail) : 0;

		while (keep > 0 && ((unsigned char)dump.s[keep] & 0xC0) == 0x80)
			keep--;
		dump.len = keep;
		dump.s[keep] = '\0';
		sb_add(&dump, "...");
	}
	err_set(err, "%s%s%s", head.s, dump.s, tail);
	sb_free(&head);
	sb_free(&dump);
}

static void
jp_ctx_init(struct jp_ctx *c, struct jp_node *root, const struct jsonpath_limits *lim)
{
	memset(c, 0, sizeof *c);
	c->root = root;
	c->last_end = JP_NONE;
	c->memo_gen = 1;
	c->lim.max_steps = lim ? lim->max_steps : JSONPATH_MAX_STEPS;
	c->lim.max_output = lim ? lim->max_output : JSONPATH_MAX_OUTPUT;
	sb_init(&c->msg);
	c->no_end = xcalloc(root->n + 1, sizeof *c->no_end);
	c->range_ahead = xcalloc(root->n + 1, sizeof *c->range_ahead);
	c->no_end[root->n] = true;
	for (size_t i = root->n; i-- > 0;) {
		c->no_end[i] = c->no_end[i + 1] && !jp_has_ident(root->kids[i], "end");
		c->range_ahead[i] = c->range_ahead[i + 1] || jp_has_ident(root->kids[i], "range");
	}
}

static void
jp_ctx_free(struct jp_ctx *c, struct jsonpath_stats *stats)
{
	if (stats != NULL)
		*stats = c->st;
	free(c->memo);
	free(c->no_end);
	free(c->range_ahead);
	sb_free(&c->msg);
}

/* mode: 1 jsonpath-as-json, 2 missing keys are errors. */
static int jsonpath_run(const char *tmpl, const cJSON *doc, const struct jsonpath_limits *lim,
    struct strbuf *out, struct jsonpath_stats *stats, int mode, struct ks_err *err);

int
jsonpath_eval_limited(const char *tmpl, const cJSON *doc, const struct jsonpath_limits *lim,
    struct strbuf *out, struct jsonpath_stats *stats, struct ks_err *err)
{
	return jsonpath_run(tmpl, doc, lim, out, stats, 0, err);
}

int
jsonpath_eval_printer(const char *tmpl, const cJSON *doc, bool as_json, bool allow_missing,
    struct strbuf *out, struct ks_err *err)
{
	return jsonpath_run(tmpl, doc, NULL, out, NULL, (as_json ? 1 : 0) | (allow_missing ? 0 : 2), err);
}

static int
jsonpath_run(const char *tmpl, const cJSON *doc, const struct jsonpath_limits *lim,
    struct strbuf *out, struct jsonpath_stats *stats, int mode, struct ks_err *err)
{
	struct jp_ctx c;
	struct jp_node *root;
	char *perr = NULL;
	int rc;

	if (stats != NULL)
		memset(stats, 0, sizeof *stats);
	if (tmpl == NULL || tmpl[0] == '\0')
		return err_set(err, "template format specified but no template given");
	if (jp_parse_string(tmpl, strlen(tmpl), &root, &perr) < 0) {
		err_set(err, "error parsing jsonpath %s, %s", tmpl, perr ? perr : "invalid syntax");
		free(perr);
		return -1;
	}
	jp_ctx_init(&c, root, lim);
	c.as_json = (mode & 1) != 0;
	c.strict = (mode & 2) != 0;
	/* Printed straight into out, and taken back out if the template fails. */
	c.out = out;
	c.out_base = out->len;
	rc = jp_find(&c, jv_node(doc), 0, true);
	if (rc < 0) {
		exec_error(tmpl, doc, sb_str(&c.msg), err);
		out->len = c.out_base;
		if (out->s != NULL)
			out->s[out->len] = '\0';
	}
	jp_ctx_free(&c, stats);
	jp_free(root);
	return rc;
}

int
jsonpath_eval(const char *tmpl, const cJSON *doc, struct strbuf *out, struct ks_err *err)
{
	return jsonpath_eval_limited(tmpl, doc, NULL, out, NULL, err);
}

/*
 * FindResults of the template's first expression over doc into results,
 * with c set up (out_base: where printing starts, for the output limit).
 * 0; -1 on an execution error (c->msg says why); -2 on a parse error
 * (err says why, and c and *root are not set up).
 */
static int
jp_first_results(const char *tmpl, const cJSON *doc, size_t out_base, struct jp_ctx *c,
    struct jp_node **root, struct jvec *results, struct ks_err *err)
{
	struct jvec cur = {0};
	char *perr = NULL;
	int rc = 0;

	if (jp_parse_string(tmpl, strlen(tmpl), root, &perr) < 0) {
		err_set(err, "error parsing jsonpath %s, %s", tmpl, perr ? perr : "invalid syntax");
		free(perr);
		return -2;
	}
	jp_ctx_init(c, *root, NULL);
	c->out_base = out_base;
	jv_push(&cur, jv_node(doc));
	if ((*root)->n > 0 && jp_walk(c, &cur, (*root)->kids[0], results) < 0)
		rc = -1;
	jv_clear(&cur);
	return rc;
}

int
jsonpath_column(const char *tmpl, const cJSON *doc, struct strbuf *out, size_t *count,
    struct ks_err *err)
{
	struct jp_ctx c;
	struct jp_node *root;
	struct jvec results = {0};
	size_t base = out->len;
	int rc;

	*count = 0;
	/* FindResults' first list is the column (custom_column.go reads values[0]). */
	rc = jp_first_results(tmpl, doc, base, &c, &root, &results, err);
	if (rc == -2)
		return -1;
	for (size_t i = 0; rc == 0 && i < results.n; i++) {
		if (i > 0)
			sb_addc(out, ',');
		jv_fmt_v(&results.v[i], out);
		rc = jp_check_output(&c, out->len);
	}
	if (rc == 0)
		*count = results.n;
	else {
		exec_error(tmpl, doc, sb_str(&c.msg), err);
		out->len = base;
		if (out->s != NULL)
			out->s[base] = '\0';
	}
	jv_clear(&results);
	jp_ctx_free(&c, NULL);
	jp_free(root);
	return rc;
}

int
jsonpath_first(const char *tmpl, const cJSON *doc, const cJSON **first, struct ks_err *err)
{
	struct jp_ctx c;
	struct jp_node *root;
	struct jvec results = {0};
	int rc;

	*first = NULL;
	/* sorter.go reads values[0][0]: the first expression's first result. */
	rc = jp_first_results(tmpl, doc, 0, &c, &root, &results, err);
	if (rc == -2)
		return -1;
	if (rc < 0)
		exec_error(tmpl, doc, sb_str(&c.msg), err);
	else if (results.n > 0 && results.v[0].kind == JV_NODE)
		*first = results.v[0].node;
	jv_clear(&results);
	jp_ctx_free(&c, NULL);
	jp_free(root);
	return rc;
}

char *
jsonpath_relaxed(const char *field, struct ks_err *err)
{
	size_t n = strlen(field);
	const char *body = field;
	size_t len = n;

	/* customcolumn.go jsonRegexp: ^\{\.?([^{}]+)\}$|^\.?([^{}]+)$ */
	if (n >= 2 && field[0] == '{' && field[n - 1] == '}') {
		body = field + 1;
		len = n - 2;
	}
	if (len > 0 && body[0] == '.') {
		body++;
		len--;
	}
	if (len == 0 || memchr(body, '{', len) != NULL || memchr(body, '}', len) != NULL) {
		err_set(err, "unexpected path string, expected a 'name1.name2' or '.name1.name2' or "
			     "'{name1.name2}' or '{.name1.name2}'");
		return NULL;
	}
	return xasprintf("{.%.*s}", (int)len, body);
}
