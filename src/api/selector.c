/*
 * selector.c - label selectors, the kubectl -l syntax and node selectors.
 *
 * The -l parser is a transcription of apimachinery pkg/labels/selector.go:
 * the same lexer (which splits on the same special symbols), the same
 * recursive descent and the same error texts, so "kubesim get -l" fails
 * where and how kubectl does. Requirement validation (NewRequirement) is
 * shared by the parser, the printer (which prints "<error>" for a selector
 * Kubernetes could not convert) and node selector terms (which never match
 * when Kubernetes could not parse them).
 */
#include "api/selector.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* ---- validation (k8s.io/apimachinery/pkg/util/validation) ---- */

#define QNAME_MAX 63
#define LABEL_VALUE_MAX 63
#define DNS1123_SUBDOMAIN_MAX 253

#define QNAME_REGEX_MSG                                                                            \
	"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "   \
	"an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "  \
	"validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
#define LABEL_VALUE_REGEX_MSG                                                                      \
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "   \
	"or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "      \
	"'my_value',  or '12345', regex used for validation is "                                   \
	"'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
#define DNS1123_SUBDOMAIN_REGEX_MSG                                                                \
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "  \
	"or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "     \
	"regex used for validation is "                                                            \
	"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

static bool
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool
is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$ over s[0..n). */
static bool
match_qname(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !is_alnum(s[0]) || !is_alnum(s[n - 1]))
		return false;
	for (i = 1; i + 1 < n; i++) {
		if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
			return false;
	}
	return true;
}

/* ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ */
static bool
match_dns1123_subdomain(const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '.') {
			if (!is_lower_alnum(s[i]) && s[i] != '-')
				return false;
			continue;
		}
		/* A dot-separated label: non-empty, alphanumeric at both ends. */
		if (i == start || !is_lower_alnum(s[start]) || !is_lower_alnum(s[i - 1]))
			return false;
		start = i + 1;
	}
	return true;
}

/* Append "; "-joined problems to msg (when not NULL); return how many. */
static int
add_problem(struct strbuf *msg, int count, const char *prefix, const char *text)
{
	if (msg != NULL) {
		if (count > 0)
			sb_add(msg, "; ");
		sb_add(msg, prefix);
		sb_add(msg, text);
	}
	return count + 1;
}

/* validation.IsQualifiedName; returns the number of problems. */
static int
check_qualified_name(const char *k, struct strbuf *msg)
{
	const char *slash = strchr(k, '/');
	const char *name = k;
	int count = 0;
	size_t plen, nlen;

	if (slash != NULL) {
		if (strchr(slash + 1, '/') != NULL) {
			return add_problem(msg, count, "a qualified name ",
			    QNAME_REGEX_MSG " with an optional DNS subdomain prefix and '/' "
					    "(e.g. 'example.com/MyName')");
		}
		plen = (size_t)(slash - k);
		name = slash + 1;
		if (plen == 0)
			count = add_problem(msg, count, "prefix part ", "must be non-empty");
		else {
			if (plen > DNS1123_SUBDOMAIN_MAX)
				count = add_problem(msg, count, "prefix part ",
				    "must be no more than 253 characters");
			if (!match_dns1123_subdomain(k, plen))
				count = add_problem(msg, count, "prefix part ",
				    DNS1123_SUBDOMAIN_REGEX_MSG);
		}
	}
	nlen = strlen(name);
	if (nlen == 0)
		count = add_problem(msg, count, "name part ", "must be non-empty");
	else if (nlen > QNAME_MAX)
		count = add_problem(msg, count, "name part ", "must be no more than 63 characters");
	if (!match_qname(name, nlen))
		count = add_problem(msg, count, "name part ", QNAME_REGEX_MSG);
	return count;
}

/* validation.IsValidLabelValue; returns the number of problems. */
static int
check_label_value(const char *v, struct strbuf *msg)
{
	size_t n = strlen(v);
	int count = 0;

	if (n > LABEL_VALUE_MAX)
		count = add_problem(msg, count, "", "must be no more than 63 characters");
	if (n != 0 && !match_qname(v, n))
		count = add_problem(msg, count, "", LABEL_VALUE_REGEX_MSG);
	return count;
}

/* strconv.ParseInt(s, 10, 64). */
static bool
parse_int64(const char *s, int64_t *out)
{
	bool neg = false;
	uint64_t v = 0, limit;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s == '\0')
		return false;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return false;
		if (v > (limit - (uint64_t)(*s - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (neg)
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	else
		*out = (int64_t)v;
	return true;
}

/* Go's %q, near enough: label keys and values are ASCII when valid. */
static void
add_go_quoted(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"':
			sb_add(sb, "\\\"");
			break;
		case '\\':
			sb_add(sb, "\\\\");
			break;
		case '\a':
			sb_add(sb, "\\a");
			break;
		case '\b':
			sb_add(sb, "\\b");
			break;
		case '\f':
			sb_add(sb, "\\f");
			break;
		case '\n':
			sb_add(sb, "\\n");
			break;
		case '\r':
			sb_add(sb, "\\r");
			break;
		case '\t':
			sb_add(sb, "\\t");
			break;
		case '\v':
			sb_add(sb, "\\v");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				sb_addf(sb, "\\x%02x", c);
			else
				sb_addc(sb, (char)c);
		}
	}
	sb_addc(sb, '"');
}

/* An error list, printed as utilerrors.NewAggregate does. */
struct errlist {
	char **v;
	size_t n;
	size_t cap;
};

static void
errlist_add(struct errlist *el, char *msg)
{
	size_t i;

	/* The aggregate prints each distinct message once. */
	for (i = 0; i < el->n; i++) {
		if (strcmp(el->v[i], msg) == 0) {
			free(msg);
			return;
		}
	}
	xgrow(&el->v, &el->cap, el->n + 1, sizeof *el->v);
	el->v[el->n++] = msg;
}

static void
errlist_format(const struct errlist *el, struct strbuf *sb)
{
	size_t i;

	if (el->n == 1) {
		sb_add(sb, el->v[0]);
		return;
	}
	sb_addc(sb, '[');
	for (i = 0; i < el->n; i++) {
		if (i != 0)
			sb_add(sb, ", ");
		sb_add(sb, el->v[i]);
	}
	sb_addc(sb, ']');
}

static void
errlist_free(struct errlist *el)
{
	size_t i;

	for (i = 0; i < el->n; i++)
		free(el->v[i]);
	free(el->v);
}

/*
 * labels.NewRequirement's checks after the key: value counts per operator,
 * integers for Gt/Lt, then every value as a label value. With el NULL only
 * the verdict is wanted. The counting errors never fire for parsed -l text,
 * so their messages are not reproduced.
 */
static bool
check_requirement_values(const char *key, enum sel_op op, char *const *values, size_t n,
    struct errlist *el)
{
	bool ok = true;
	size_t i;
	int64_t dummy;

	switch (op) {
	case SEL_IN:
	case SEL_NOT_IN:
		if (n == 0)
			return false;
		break;
	case SEL_EQUALS:
	case SEL_NOT_EQUALS:
		if (n != 1)
			return false;
		break;
	case SEL_EXISTS:
	case SEL_DOES_NOT_EXIST:
		if (n != 0)
			return false;
		break;
	case SEL_GT:
	case SEL_LT:
		if (n != 1)
			return false;
		for (i = 0; i < n; i++) {
			if (parse_int64(values[i], &dummy))
				continue;
			ok = false;
			if (el != NULL) {
				struct strbuf sb = STRBUF_INIT;

				sb_addf(&sb, "values[%zu]: Invalid value: ", i);
				add_go_quoted(&sb, values[i]);
				sb_add(&sb, ": for 'Gt', 'Lt' operators, "
					    "the value must be an integer");
				errlist_add(el, sb_take(&sb));
			}
		}
		break;
	default:
		return false;
	}
	for (i = 0; i < n; i++) {
		struct strbuf problems = STRBUF_INIT;

		if (check_label_value(values[i], el != NULL ? &problems : NULL) != 0) {
			ok = false;
			if (el != NULL) {
				struct strbuf sb = STRBUF_INIT;

				sb_addf(&sb, "values[%zu][%s]: Invalid value: ", i, key);
				add_go_quoted(&sb, values[i]);
				sb_add(&sb, ": ");
				sb_add(&sb, sb_str(&problems));
				errlist_add(el, sb_take(&sb));
			}
		}
		sb_free(&problems);
	}
	return ok;
}

/* Would labels.NewRequirement accept this? */
static bool
requirement_valid(const struct sel_req *r)
{
	if (r->key == NULL || check_qualified_name(r->key, NULL) != 0)
		return false;
	return check_requirement_values(r->key, r->op, r->values, r->n_values, NULL);
}

/* ---- requirements ---- */

void
sel_req_free(struct sel_req *r)
{
	size_t i;

	free(r->key);
	for (i = 0; i < r->n_values; i++)
		free(r->values[i]);
	free(r->values);
	r->key = NULL;
	r->values = NULL;
	r->n_values = 0;
}

static void
req_init(struct sel_req *r, const char *key, enum sel_op op, const char *const *values,
    size_t n_values)
{
	size_t i;

	r->key = xstrdup_or_null(key);
	r->op = op;
	r->n_values = n_values;
	r->values = NULL;
	if (n_values != 0) {
		r->values = xreallocarray(NULL, n_values, sizeof *r->values);
		for (i = 0; i < n_values; i++)
			r->values[i] = xstrdup(values[i]);
	}
}

void
sel_req_copy(struct sel_req *dst, const struct sel_req *src)
{
	req_init(dst, src->key, src->op, (const char *const *)src->values, src->n_values);
}

static bool
req_equal(const struct sel_req *a, const struct sel_req *b)
{
	size_t i;

	if (a->op != b->op || a->n_values != b->n_values)
		return false;
	if ((a->key == NULL) != (b->key == NULL) ||
	    (a->key != NULL && strcmp(a->key, b->key) != 0))
		return false;
	for (i = 0; i < a->n_values; i++) {
		if (strcmp(a->values[i], b->values[i]) != 0)
			return false;
	}
	return true;
}

static bool
req_has_value(const struct sel_req *r, const char *v)
{
	size_t i;

	for (i = 0; i < r->n_values; i++) {
		if (strcmp(r->values[i], v) == 0)
			return true;
	}
	return false;
}

/* labels.Requirement.Matches. */
static bool
req_matches(const struct sel_req *r, const struct labels *l)
{
	const char *v = r->key != NULL ? labels_get(l, r->key) : NULL;
	int64_t have, want;

	switch (r->op) {
	case SEL_IN:
	case SEL_EQUALS:
		return v != NULL && req_has_value(r, v);
	case SEL_NOT_IN:
	case SEL_NOT_EQUALS:
		/* An absent key is "not equal" to anything. */
		return v == NULL || !req_has_value(r, v);
	case SEL_EXISTS:
		return v != NULL;
	case SEL_DOES_NOT_EXIST:
		return v == NULL;
	case SEL_GT:
	case SEL_LT:
		if (v == NULL || !parse_int64(v, &have))
			return false;
		if (r->n_values != 1 || !parse_int64(r->values[0], &want))
			return false;
		return r->op == SEL_GT ? have > want : have < want;
	}
	return false;
}

static bool
reqs_match(const struct sel_req *reqs, size_t n, const struct labels *l)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!req_matches(&reqs[i], l))
			return false;
	}
	return true;
}

static void
reqs_copy(struct sel_req **dst, size_t *ndst, const struct sel_req *src, size_t n)
{
	size_t i;

	*dst = NULL;
	*ndst = n;
	if (n == 0)
		return;
	*dst = xreallocarray(NULL, n, sizeof **dst);
	for (i = 0; i < n; i++)
		sel_req_copy(&(*dst)[i], &src[i]);
}

static void
reqs_free(struct sel_req *reqs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sel_req_free(&reqs[i]);
	free(reqs);
}

static const char *const op_names[] = {
	[SEL_IN] = "In",
	[SEL_NOT_IN] = "NotIn",
	[SEL_EXISTS] = "Exists",
	[SEL_DOES_NOT_EXIST] = "DoesNotExist",
	[SEL_EQUALS] = "=",
	[SEL_NOT_EQUALS] = "!=",
	[SEL_GT] = "Gt",
	[SEL_LT] = "Lt",
};

const char *
sel_op_name(enum sel_op op)
{
	if ((size_t)op >= sizeof op_names / sizeof op_names[0])
		return "";
	return op_names[op];
}

int
sel_op_parse(const char *name, enum sel_op *op)
{
	/* Only what a manifest may say; "=" and "!=" exist only in -l text. */
	static const enum sel_op manifest_ops[] = {
		SEL_IN, SEL_NOT_IN, SEL_EXISTS, SEL_DOES_NOT_EXIST, SEL_GT, SEL_LT,
	};
	size_t i;

	for (i = 0; i < sizeof manifest_ops / sizeof manifest_ops[0]; i++) {
		if (strcmp(name, op_names[manifest_ops[i]]) == 0) {
			*op = manifest_ops[i];
			return 0;
		}
	}
	return -1;
}

/* ---- label selectors ---- */

void
sel_init(struct label_selector *s)
{
	s->present = false;
	labels_init(&s->match_labels);
	s->exprs = NULL;
	s->n_exprs = 0;
}

void
sel_free(struct label_selector *s)
{
	labels_free(&s->match_labels);
	reqs_free(s->exprs, s->n_exprs);
	sel_init(s);
}

void
sel_copy(struct label_selector *dst, const struct label_selector *src)
{
	sel_init(dst);
	dst->present = src->present;
	labels_copy(&dst->match_labels, &src->match_labels);
	reqs_copy(&dst->exprs, &dst->n_exprs, src->exprs, src->n_exprs);
}

bool
sel_equal(const struct label_selector *a, const struct label_selector *b)
{
	size_t i;

	if (a->present != b->present || a->n_exprs != b->n_exprs ||
	    !labels_equal(&a->match_labels, &b->match_labels))
		return false;
	for (i = 0; i < a->n_exprs; i++) {
		if (!req_equal(&a->exprs[i], &b->exprs[i]))
			return false;
	}
	return true;
}

bool
sel_is_empty(const struct label_selector *s)
{
	return s->present && s->match_labels.n == 0 && s->n_exprs == 0;
}

void
sel_add_expr(struct label_selector *s, const char *key, enum sel_op op,
    const char *const *values, size_t n_values)
{
	/* Exact size: selectors are built once and rarely hold more than a few. */
	s->exprs = xreallocarray(s->exprs, s->n_exprs + 1, sizeof *s->exprs);
	req_init(&s->exprs[s->n_exprs++], key, op, values, n_values);
}

bool
sel_matches(const struct label_selector *s, const struct labels *labels)
{
	/* LabelSelectorAsSelector: nil is labels.Nothing(). */
	if (!s->present)
		return false;
	if (!labels_subset(&s->match_labels, labels))
		return false;
	return reqs_match(s->exprs, s->n_exprs, labels);
}

/* ---- the -l lexer (selector.go Lexer) ---- */

enum tok {
	TOK_ERROR,
	TOK_END,
	TOK_CLOSE_PAR,
	TOK_COMMA,
	TOK_NOT,
	TOK_DOUBLE_EQUALS,
	TOK_EQUALS,
	TOK_GT,
	TOK_IDENT,
	TOK_IN,
	TOK_LT,
	TOK_NOT_EQUALS,
	TOK_NOT_IN,
	TOK_OPEN_PAR,
};

struct token {
	enum tok tok;
	char *lit;
};

static const struct {
	const char *s;
	enum tok tok;
} string2token[] = {
	{")", TOK_CLOSE_PAR},
	{",", TOK_COMMA},
	{"!", TOK_NOT},
	{"==", TOK_DOUBLE_EQUALS},
	{"=", TOK_EQUALS},
	{">", TOK_GT},
	{"in", TOK_IN},
	{"<", TOK_LT},
	{"!=", TOK_NOT_EQUALS},
	{"notin", TOK_NOT_IN},
	{"(", TOK_OPEN_PAR},
};

static bool
lookup_token(const char *s, size_t n, enum tok *tok)
{
	size_t i;

	for (i = 0; i < sizeof string2token / sizeof string2token[0]; i++) {
		if (strlen(string2token[i].s) == n && memcmp(string2token[i].s, s, n) == 0) {
			*tok = string2token[i].tok;
			return true;
		}
	}
	return false;
}

static bool
is_whitespace(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool
is_special(char c)
{
	return c != '\0' && strchr("=!(),><", c) != NULL;
}

/* Lexer.Lex: one token from *pos on. */
static struct token
lex(const char *s, size_t *pos)
{
	struct token t;
	size_t start, len;

	while (is_whitespace(s[*pos]))
		(*pos)++;
	start = *pos;
	if (s[start] == '\0') {
		t.tok = TOK_END;
		t.lit = xstrdup("");
		return t;
	}
	if (is_special(s[start])) {
		/*
		 * scanSpecialSymbol: grow while the symbols read so far still
		 * spell a token; "!==" is "!=" then "=".
		 */
		bool have = false;
		size_t best = 0;
		enum tok tok, best_tok = TOK_ERROR;

		for (len = 1; is_special(s[start + len - 1]); len++) {
			if (lookup_token(s + start, len, &tok)) {
				have = true;
				best = len;
				best_tok = tok;
			} else if (have)
				break;
		}
		if (!have) {
			/* Unreachable with today's table: every symbol is a token. */
			t.tok = TOK_ERROR;
			t.lit = xasprintf("error expected: keyword found '%.*s'", (int)(len - 1),
			    s + start);
			*pos = start + len - 1;
			return t;
		}
		*pos = start + best;
		t.tok = best_tok;
		t.lit = xstrndup(s + start, best);
		return t;
	}
	/* scanIDOrKeyword */
	for (len = 0; s[start + len] != '\0' && !is_special(s[start + len]) &&
	    !is_whitespace(s[start + len]);
	    len++)
		;
	*pos = start + len;
	if (!lookup_token(s + start, len, &t.tok))
		t.tok = TOK_IDENT;
	t.lit = xstrndup(s + start, len);
	return t;
}

/* ---- the -l parser (selector.go Parser) ---- */

struct parser {
	struct token *items;
	size_t n;
	size_t pos;
	struct ks_err *err;
};

enum parse_ctx {
	CTX_KEY_AND_OPERATOR,
	CTX_VALUES,
};

/* In the values context "in" and "notin" are plain identifiers. */
static enum tok
ctx_tok(enum tok tok, enum parse_ctx ctx)
{
	if (ctx == CTX_VALUES && (tok == TOK_IN || tok == TOK_NOT_IN))
		return TOK_IDENT;
	return tok;
}

static enum tok
lookahead(struct parser *p, enum parse_ctx ctx, const char **lit)
{
	if (lit != NULL)
		*lit = p->items[p->pos].lit;
	return ctx_tok(p->items[p->pos].tok, ctx);
}

static enum tok
consume(struct parser *p, enum parse_ctx ctx, const char **lit)
{
	/* The last item is always TOK_END; Go would panic past it, we stay. */
	size_t at = p->pos < p->n - 1 ? p->pos++ : p->pos;

	if (lit != NULL)
		*lit = p->items[at].lit;
	return ctx_tok(p->items[at].tok, ctx);
}

/* A sorted set of strings, as sets.String.List() returns them. */
struct strset {
	char **v;
	size_t n;
	size_t cap;
};

static void
strset_insert(struct strset *ss, const char *s)
{
	size_t i;

	for (i = 0; i < ss->n; i++) {
		int c = strcmp(ss->v[i], s);

		if (c == 0)
			return;
		if (c > 0)
			break;
	}
	xgrow(&ss->v, &ss->cap, ss->n + 1, sizeof *ss->v);
	memmove(&ss->v[i + 1], &ss->v[i], (ss->n - i) * sizeof *ss->v);
	ss->v[i] = xstrdup(s);
	ss->n++;
}

static void
strset_free(struct strset *ss)
{
	size_t i;

	for (i = 0; i < ss->n; i++)
		free(ss->v[i]);
	free(ss->v);
	ss->v = NULL;
	ss->n = ss->cap = 0;
}

/* parseIdentifiersList: what follows "(" once it is not ")". */
static int
parse_identifiers_list(struct parser *p, struct strset *ss)
{
	const char *lit, *lit2;
	enum tok tok, tok2;

	for (;;) {
		tok = consume(p, CTX_VALUES, &lit);
		switch (tok) {
		case TOK_IDENT:
			strset_insert(ss, lit);
			tok2 = lookahead(p, CTX_VALUES, &lit2);
			if (tok2 == TOK_COMMA)
				continue;
			if (tok2 == TOK_CLOSE_PAR)
				return 0;
			return err_set(p->err, "found '%s', expected: ',' or ')'", lit2);
		case TOK_COMMA:
			/* "(,", ",)" and ",," each stand for an empty value. */
			if (ss->n == 0)
				strset_insert(ss, "");
			tok2 = lookahead(p, CTX_VALUES, NULL);
			if (tok2 == TOK_CLOSE_PAR) {
				strset_insert(ss, "");
				return 0;
			}
			if (tok2 == TOK_COMMA) {
				consume(p, CTX_VALUES, NULL);
				strset_insert(ss, "");
			}
			break;
		default:
			return err_set(p->err, "found '%s', expected: ',', or identifier", lit);
		}
	}
}

/* parseValues: "(" values ")". */
static int
parse_values(struct parser *p, struct strset *ss)
{
	const char *lit;
	enum tok tok;

	tok = consume(p, CTX_VALUES, &lit);
	if (tok != TOK_OPEN_PAR)
		/* Sic: no comma after the literal in Kubernetes' message. */
		return err_set(p->err, "found '%s' expected: '('", lit);
	tok = lookahead(p, CTX_VALUES, &lit);
	switch (tok) {
	case TOK_IDENT:
	case TOK_COMMA:
		if (parse_identifiers_list(p, ss) < 0)
			return -1;
		tok = consume(p, CTX_VALUES, NULL);
		if (tok != TOK_CLOSE_PAR)
			return err_set(p->err, "found '%s', expected: ')'", lit);
		return 0;
	case TOK_CLOSE_PAR:
		/* "()" is the one value "". */
		consume(p, CTX_VALUES, NULL);
		strset_insert(ss, "");
		return 0;
	default:
		return err_set(p->err, "found '%s', expected: ',', ')' or identifier", lit);
	}
}

/* parseExactValue: the value after =, ==, !=, > or <; may be empty. */
static int
parse_exact_value(struct parser *p, struct strset *ss)
{
	const char *lit;
	enum tok tok;

	tok = lookahead(p, CTX_VALUES, NULL);
	if (tok == TOK_END || tok == TOK_COMMA) {
		strset_insert(ss, "");
		return 0;
	}
	tok = consume(p, CTX_VALUES, &lit);
	if (tok == TOK_IDENT) {
		strset_insert(ss, lit);
		return 0;
	}
	return err_set(p->err, "found '%s', expected: identifier", lit);
}

/* parseRequirement, with NewRequirement's checks; fills *r on success. */
static int
parse_requirement(struct parser *p, struct sel_req *r)
{
	const char *lit, *key;
	enum tok tok;
	enum sel_op op;
	bool not = false, unary = false;
	struct strset ss = {NULL, 0, 0};
	struct errlist el = {NULL, 0, 0};

	/* parseKeyAndInferOperator */
	tok = consume(p, CTX_VALUES, &lit);
	if (tok == TOK_NOT) {
		not = true;
		tok = consume(p, CTX_VALUES, &lit);
	}
	if (tok != TOK_IDENT)
		return err_set(p->err, "found '%s', expected: identifier", lit);
	key = lit;
	{
		struct strbuf problems = STRBUF_INIT;

		if (check_qualified_name(key, &problems) != 0) {
			struct strbuf sb = STRBUF_INIT;

			/* A nil field.Path prints as "<nil>". */
			sb_add(&sb, "<nil>: Invalid value: ");
			add_go_quoted(&sb, key);
			sb_add(&sb, ": ");
			sb_add(&sb, sb_str(&problems));
			err_set(p->err, "%s", sb_str(&sb));
			sb_free(&sb);
			sb_free(&problems);
			return -1;
		}
		sb_free(&problems);
	}
	tok = lookahead(p, CTX_VALUES, NULL);
	if (not) {
		/* "!a" is unary whatever follows; a stray "=" fails later. */
		op = SEL_DOES_NOT_EXIST;
		unary = true;
	} else if (tok == TOK_END || tok == TOK_COMMA) {
		op = SEL_EXISTS;
		unary = true;
	}

	if (!unary) {
		/* parseOperator */
		tok = consume(p, CTX_KEY_AND_OPERATOR, &lit);
		switch (tok) {
		case TOK_IN:
			op = SEL_IN;
			break;
		case TOK_EQUALS:
		case TOK_DOUBLE_EQUALS:
			op = SEL_EQUALS;
			break;
		case TOK_GT:
			op = SEL_GT;
			break;
		case TOK_LT:
			op = SEL_LT;
			break;
		case TOK_NOT_IN:
			op = SEL_NOT_IN;
			break;
		case TOK_NOT_EQUALS:
			op = SEL_NOT_EQUALS;
			break;
		default:
			return err_set(p->err, "found '%s', expected: in, notin, =, ==, !=, gt, lt",
			    lit);
		}
		if (op == SEL_IN || op == SEL_NOT_IN) {
			if (parse_values(p, &ss) < 0)
				goto fail;
		} else if (parse_exact_value(p, &ss) < 0)
			goto fail;
	}

	if (!check_requirement_values(key, op, ss.v, ss.n, &el)) {
		struct strbuf sb = STRBUF_INIT;

		errlist_format(&el, &sb);
		err_set(p->err, "%s", sb_str(&sb));
		sb_free(&sb);
		goto fail;
	}
	req_init(r, key, op, (const char *const *)ss.v, ss.n);
	strset_free(&ss);
	errlist_free(&el);
	return 0;

fail:
	strset_free(&ss);
	errlist_free(&el);
	return -1;
}

/* Stable insertion sort by key: what sort.Sort(ByKey) does for short lists. */
static void
sort_reqs_by_key(struct sel_req *reqs, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct sel_req tmp = reqs[i];

		for (j = i; j > 0 && strcmp(reqs[j - 1].key, tmp.key) > 0; j--)
			reqs[j] = reqs[j - 1];
		reqs[j] = tmp;
	}
}

int
sel_parse(const char *text, struct label_selector *out, struct ks_err *err)
{
	struct parser p = {NULL, 0, 0, err};
	size_t cap = 0, pos = 0, i;
	struct sel_req *reqs = NULL;
	size_t n_reqs = 0, reqs_cap = 0;
	const char *lit;
	enum tok tok;
	int rc = -1;

	sel_init(out);

	/* Parser.scan: the whole token list up front, ending with TOK_END. */
	do {
		xgrow(&p.items, &cap, p.n + 1, sizeof *p.items);
		p.items[p.n] = lex(text, &pos);
	} while (p.items[p.n++].tok != TOK_END);

	for (;;) {
		tok = lookahead(&p, CTX_VALUES, &lit);
		if (tok == TOK_END)
			break;
		if (tok != TOK_IDENT && tok != TOK_NOT) {
			err_set(err, "found '%s', expected: !, identifier, or "
				     "'end of string'", lit);
			goto out;
		}
		xgrow(&reqs, &reqs_cap, n_reqs + 1, sizeof *reqs);
		if (parse_requirement(&p, &reqs[n_reqs]) < 0) {
			err_prefix(err, "unable to parse requirement");
			goto out;
		}
		n_reqs++;
		tok = consume(&p, CTX_VALUES, &lit);
		if (tok == TOK_END)
			break;
		if (tok != TOK_COMMA) {
			err_set(err, "found '%s', expected: ',' or 'end of string'", lit);
			goto out;
		}
		tok = lookahead(&p, CTX_VALUES, &lit);
		if (tok != TOK_IDENT && tok != TOK_NOT) {
			err_set(err, "found '%s', expected: identifier after ','", lit);
			goto out;
		}
	}

	sort_reqs_by_key(reqs, n_reqs);
	out->present = true;
	out->exprs = reqs;
	out->n_exprs = n_reqs;
	reqs = NULL;
	n_reqs = 0;
	rc = 0;

out:
	reqs_free(reqs, n_reqs);
	for (i = 0; i < p.n; i++)
		free(p.items[i].lit);
	free(p.items);
	return rc;
}

/* ---- printing ---- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* labels.Requirement.String. */
static void
req_format(const struct sel_req *r, struct strbuf *out)
{
	const char **sorted;
	size_t i;

	if (r->op == SEL_DOES_NOT_EXIST)
		sb_addc(out, '!');
	sb_add(out, r->key);
	switch (r->op) {
	case SEL_EXISTS:
	case SEL_DOES_NOT_EXIST:
		return;
	case SEL_EQUALS:
		sb_addc(out, '=');
		break;
	case SEL_NOT_EQUALS:
		sb_add(out, "!=");
		break;
	case SEL_IN:
		sb_add(out, " in (");
		break;
	case SEL_NOT_IN:
		sb_add(out, " notin (");
		break;
	case SEL_GT:
		sb_addc(out, '>');
		break;
	case SEL_LT:
		sb_addc(out, '<');
		break;
	}
	/* Values print sorted, without reordering the selector itself. */
	sorted = xreallocarray(NULL, r->n_values ? r->n_values : 1, sizeof *sorted);
	for (i = 0; i < r->n_values; i++)
		sorted[i] = r->values[i];
	qsort(sorted, r->n_values, sizeof *sorted, cmp_str);
	for (i = 0; i < r->n_values; i++) {
		if (i != 0)
			sb_addc(out, ',');
		sb_add(out, sorted[i]);
	}
	free(sorted);
	if (r->op == SEL_IN || r->op == SEL_NOT_IN)
		sb_addc(out, ')');
}

void
sel_format(const struct label_selector *s, struct strbuf *out)
{
	struct sel_req *all;
	size_t n, i;

	if (!s->present || sel_is_empty(s)) {
		sb_add(out, "<none>");
		return;
	}
	for (i = 0; i < s->n_exprs; i++) {
		if (!requirement_valid(&s->exprs[i])) {
			/* LabelSelectorAsSelector failed. */
			sb_add(out, "<error>");
			return;
		}
	}
	for (i = 0; i < s->match_labels.n; i++) {
		if (check_qualified_name(s->match_labels.v[i].key, NULL) != 0 ||
		    check_label_value(s->match_labels.v[i].value, NULL) != 0) {
			sb_add(out, "<error>");
			return;
		}
	}

	/*
	 * matchLabels first, then expressions, then a stable sort by key:
	 * the order selector.Add leaves them in. Shallow copies; nothing
	 * here is freed but the array.
	 */
	n = s->match_labels.n + s->n_exprs;
	all = xreallocarray(NULL, n, sizeof *all);
	for (i = 0; i < s->match_labels.n; i++) {
		/* Read only, as the rest of the array: the casts drop const, not ownership. */
		all[i].key = (char *)s->match_labels.v[i].key;
		all[i].op = SEL_EQUALS;
		all[i].values = (char **)&s->match_labels.v[i].value;
		all[i].n_values = 1;
	}
	if (s->n_exprs > 0)
		memcpy(all + s->match_labels.n, s->exprs, s->n_exprs * sizeof *all);
	sort_reqs_by_key(all, n);
	for (i = 0; i < n; i++) {
		if (i != 0)
			sb_addc(out, ',');
		req_format(&all[i], out);
	}
	free(all);
}

/* ---- node selectors ---- */

static void
node_term_copy(struct node_term *dst, const struct node_term *src)
{
	reqs_copy(&dst->exprs, &dst->n_exprs, src->exprs, src->n_exprs);
	reqs_copy(&dst->fields, &dst->n_fields, src->fields, src->n_fields);
}

static void
node_term_free(struct node_term *t)
{
	reqs_free(t->exprs, t->n_exprs);
	reqs_free(t->fields, t->n_fields);
	t->exprs = t->fields = NULL;
	t->n_exprs = t->n_fields = 0;
}

void
node_selector_init(struct node_selector *ns)
{
	ns->terms = NULL;
	ns->n_terms = 0;
}

void
node_selector_free(struct node_selector *ns)
{
	size_t i;

	for (i = 0; i < ns->n_terms; i++)
		node_term_free(&ns->terms[i]);
	free(ns->terms);
	node_selector_init(ns);
}

void
node_selector_copy(struct node_selector *dst, const struct node_selector *src)
{
	size_t i;

	node_selector_init(dst);
	if (src->n_terms == 0)
		return;
	dst->terms = xreallocarray(NULL, src->n_terms, sizeof *dst->terms);
	for (i = 0; i < src->n_terms; i++)
		node_term_copy(&dst->terms[i], &src->terms[i]);
	dst->n_terms = src->n_terms;
}

/*
 * nodeSelectorRequirementsAsFieldSelector: In or NotIn with exactly one
 * value. Kubernetes would look any other key up as "" in the node's fields,
 * but API validation admits only metadata.name, so a term naming another
 * field is treated as one that failed to parse.
 */
static bool
field_req_valid(const struct sel_req *r)
{
	if (r->op != SEL_IN && r->op != SEL_NOT_IN)
		return false;
	if (r->n_values != 1)
		return false;
	return r->key != NULL && strcmp(r->key, "metadata.name") == 0;
}

static bool
node_expr_valid(const struct sel_req *r)
{
	switch (r->op) {
	case SEL_IN:
	case SEL_NOT_IN:
	case SEL_EXISTS:
	case SEL_DOES_NOT_EXIST:
	case SEL_GT:
	case SEL_LT:
		return requirement_valid(r);
	default:
		/* Not a NodeSelectorOperator: field.NotSupported. */
		return false;
	}
}

bool
node_term_matches(const struct node_term *t, const struct labels *node_labels,
    const char *node_name)
{
	size_t i;

	/* isEmptyNodeSelectorTerm: such a term selects nothing. */
	if (t->n_exprs == 0 && t->n_fields == 0)
		return false;
	/* A term Kubernetes cannot parse never matches (LazyErrorNodeSelector). */
	for (i = 0; i < t->n_exprs; i++) {
		if (!node_expr_valid(&t->exprs[i]))
			return false;
	}
	for (i = 0; i < t->n_fields; i++) {
		if (!field_req_valid(&t->fields[i]))
			return false;
	}
	if (!reqs_match(t->exprs, t->n_exprs, node_labels))
		return false;
	/* extractNodeFields: a node without a name has no fields to test. */
	if (node_name == NULL || node_name[0] == '\0')
		return true;
	for (i = 0; i < t->n_fields; i++) {
		bool eq = strcmp(node_name, t->fields[i].values[0]) == 0;

		if (t->fields[i].op == SEL_IN ? !eq : eq)
			return false;
	}
	return true;
}

bool
node_selector_matches(const struct node_selector *ns, const struct labels *node_labels,
    const char *node_name)
{
	size_t i;

	for (i = 0; i < ns->n_terms; i++) {
		if (node_term_matches(&ns->terms[i], node_labels, node_name))
			return true;
	}
	return false;
}
