/*
 * check_selector.c - label selectors, the -l syntax and node selectors.
 *
 * The -l rows were checked against kubectl v1.32: every error text is what
 * `kubectl apply --dry-run=client -l SEL` prints after "the provided
 * selector ... is not valid: ", and every match row is which of four pods
 * kubectl kept when filtering the same objects with the same selector.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/selector.h"
#include "runner.h"
#include "util/err.h"
#include "util/strbuf.h"

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- helpers ---- */

static char *
format_sel(const struct label_selector *s)
{
	struct strbuf sb;

	sb_init(&sb);
	sel_format(s, &sb);
	return sb_take(&sb);
}

/* "k=v,k2=v2" into a label map; "" is the empty map. */
static void
labels_from(struct labels *l, const char *text)
{
	char *copy = strdup(text), *save = NULL, *tok;

	labels_init(l);
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');

		*eq = '\0';
		labels_set(l, tok, eq + 1);
	}
	free(copy);
}

/* ---- -l parsing ---- */

static const struct {
	const char *in;
	const char *formatted; /* sel_format of the result */
} parse_ok[] = {
	{"", "<none>"},
	{"   ", "<none>"},
	{"app=web", "app=web"},
	/* "==" is Equals too; kubesim keeps no separate DoubleEquals. */
	{"app==web", "app=web"},
	{"app!=web", "app!=web"},
	{"app", "app"},
	{"!app", "!app"},
	{"app in (web)", "app in (web)"},
	{"app notin (web)", "app notin (web)"},
	/* Values are a set: sorted, duplicates dropped. */
	{"app in (web,db,web)", "app in (db,web)"},
	{"a in (b),c notin (d,e)", "a in (b),c notin (d,e)"},
	/* Requirements come out sorted by key. */
	{"z=1,a=2,m", "a=2,m,z=1"},
	{"  a  =  b  ,  c  ", "a=b,c"},
	{"a=b\t,\tc", "a=b,c"},
	/* Empty values: "()", "(,)", ",,", trailing and leading commas, "a=". */
	{"a in ()", "a in ()"},
	{"a in (,)", "a in ()"},
	{"a in (x,,y)", "a in (,x,y)"},
	{"a in (b,)", "a in (,b)"},
	{"a in (,b)", "a in (,b)"},
	{"a=", "a="},
	{"a==", "a="},
	{"a!=", "a!="},
	{"a in (b),c=", "a in (b),c="},
	/* "in" and "notin" are plain words where a key or value is expected. */
	{"in in (in)", "in in (in)"},
	{"x in (in,notin)", "x in (in,notin)"},
	{"notin", "notin"},
	{"in", "in"},
	{"a=in", "a=in"},
	{"a>1", "a>1"},
	{"a>1,a<5", "a>1,a<5"},
	{"a.b/c", "a.b/c"},
	{"kubernetes.io/hostname=node-1", "kubernetes.io/hostname=node-1"},
	{"A", "A"},
};

START_TEST(test_parse_accepts_what_kubectl_accepts)
{
	struct ks_err err = {{0}};
	struct label_selector s;
	char *f;

	ck_assert_msg(sel_parse(parse_ok[_i].in, &s, &err) == 0, "\"%s\": %s", parse_ok[_i].in,
	    err.msg);
	ck_assert(s.present);
	ck_assert_uint_eq(s.match_labels.n, 0);
	f = format_sel(&s);
	ck_assert_msg(strcmp(f, parse_ok[_i].formatted) == 0,
	    "\"%s\" formatted as \"%s\", want \"%s\"", parse_ok[_i].in, f,
	    parse_ok[_i].formatted);
	free(f);
	sel_free(&s);
}
END_TEST

#define QNAME_MSG                                                                                  \
	"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "   \
	"an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "  \
	"validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
#define VALUE_MSG                                                                                  \
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "   \
	"or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "      \
	"'my_value',  or '12345', regex used for validation is "                                   \
	"'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
#define SUBDOMAIN_MSG                                                                              \
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "  \
	"or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "     \
	"regex used for validation is "                                                            \
	"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
#define REQ "unable to parse requirement: "
#define KEY "unable to parse requirement: <nil>: Invalid value: "
#define NOT_INT ": for 'Gt', 'Lt' operators, the value must be an integer"
#define OPS "in, notin, =, ==, !=, gt, lt"

#define A64 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define A254 A64 A64 A64 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static const struct {
	const char *in;
	const char *msg;
} parse_bad[] = {
	/* Kubernetes' own typo: no comma before "expected" here. */
	{"a in x", REQ "found 'x' expected: '('"},
	{"a notin", REQ "found '' expected: '('"},
	{"a in )", REQ "found ')' expected: '('"},
	{"a b", REQ "found 'b', expected: " OPS},
	{"x,y z", REQ "found 'z', expected: " OPS},
	{"a!b", REQ "found '!', expected: " OPS},
	{"a in (x y)", REQ "found 'y', expected: ',' or ')'"},
	{"a in (b c)", REQ "found 'c', expected: ',' or ')'"},
	{"a in (x", REQ "found '', expected: ',' or ')'"},
	{"a notin (b,c", REQ "found '', expected: ',' or ')'"},
	{"a in ((", REQ "found '(', expected: ',', ')' or identifier"},
	{"!", REQ "found '', expected: identifier"},
	{"a=b,!", REQ "found '', expected: identifier"},
	{"!!a", REQ "found '!', expected: identifier"},
	{"a=(b)", REQ "found '(', expected: identifier"},
	{"a=>", REQ "found '>', expected: identifier"},
	/* The lexer takes the longest symbol run that is a token: "!=" then "=". */
	{"a!==b", REQ "found '=', expected: identifier"},
	{"a===b", REQ "found '=', expected: identifier"},
	{"a=!b", REQ "found '!', expected: identifier"},
	{"a<>b", REQ "found '>', expected: identifier"},
	{",", "found ',', expected: !, identifier, or 'end of string'"},
	{"=a", "found '=', expected: !, identifier, or 'end of string'"},
	{")", "found ')', expected: !, identifier, or 'end of string'"},
	{"(", "found '(', expected: !, identifier, or 'end of string'"},
	{"a,", "found '', expected: identifier after ','"},
	{"!a,", "found '', expected: identifier after ','"},
	{"a,b,", "found '', expected: identifier after ','"},
	{"a,,b", "found ',', expected: identifier after ','"},
	{"a notin (b),,", "found ',', expected: identifier after ','"},
	{"a=b=c", "found '=', expected: ',' or 'end of string'"},
	{"a=b c", "found 'c', expected: ',' or 'end of string'"},
	/* "!a" is complete on its own, so the "=" is left over. */
	{"!a=b", "found '=', expected: ',' or 'end of string'"},
	{"a in (b)x", "found 'x', expected: ',' or 'end of string'"},
	{"a in (b)),", "found ')', expected: ',' or 'end of string'"},
	{"a in (b)(", "found '(', expected: ',' or 'end of string'"},
	/* Keys: validation.IsQualifiedName, reported against a nil path. */
	{"-a", KEY "\"-a\": name part " QNAME_MSG},
	{"-a in (b)", KEY "\"-a\": name part " QNAME_MSG},
	{"_a", KEY "\"_a\": name part " QNAME_MSG},
	{"a_", KEY "\"a_\": name part " QNAME_MSG},
	{"a\"b", KEY "\"a\\\"b\": name part " QNAME_MSG},
	{"\xc3\xa9", KEY "\"\xc3\xa9\": name part " QNAME_MSG},
	{"a/-b", KEY "\"a/-b\": name part " QNAME_MSG},
	{"a/", KEY "\"a/\": name part must be non-empty; name part " QNAME_MSG},
	{"/a", KEY "\"/a\": prefix part must be non-empty"},
	{"A.B/c", KEY "\"A.B/c\": prefix part " SUBDOMAIN_MSG},
	{"a..b/c", KEY "\"a..b/c\": prefix part " SUBDOMAIN_MSG},
	{"a/b/c", KEY "\"a/b/c\": a qualified name " QNAME_MSG
		      " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"},
	{A64, KEY "\"" A64 "\": name part must be no more than 63 characters"},
	{A254 "/b", KEY "\"" A254
			"/b\": prefix part must be no more than 253 characters"},
	/* Values: validation.IsValidLabelValue, at values[i][key]. */
	{"a=-b", REQ "values[0][a]: Invalid value: \"-b\": " VALUE_MSG},
	{"a!=-b", REQ "values[0][a]: Invalid value: \"-b\": " VALUE_MSG},
	{"a in (-b)", REQ "values[0][a]: Invalid value: \"-b\": " VALUE_MSG},
	{"a=" A64, REQ "values[0][a]: Invalid value: \"" A64
		       "\": must be no more than 63 characters"},
	/* Several errors print as an aggregate: bracketed, comma-joined. */
	{"a in (-x,-y)", REQ "[values[0][a]: Invalid value: \"-x\": " VALUE_MSG
			     ", values[1][a]: Invalid value: \"-y\": " VALUE_MSG "]"},
	/* Gt/Lt want an int64 that is also a valid label value, so not "-1". */
	{"a<x", REQ "values[0]: Invalid value: \"x\"" NOT_INT},
	{"a>", REQ "values[0]: Invalid value: \"\"" NOT_INT},
	{"a>1x", REQ "values[0]: Invalid value: \"1x\"" NOT_INT},
	{"a>99999999999999999999",
	    REQ "values[0]: Invalid value: \"99999999999999999999\"" NOT_INT},
	{"a>-1", REQ "values[0][a]: Invalid value: \"-1\": " VALUE_MSG},
	{"a>-x", REQ "[values[0]: Invalid value: \"-x\"" NOT_INT
		     ", values[0][a]: Invalid value: \"-x\": " VALUE_MSG "]"},
};

START_TEST(test_parse_rejects_with_kubectls_message)
{
	struct ks_err err = {{0}};
	struct label_selector s;

	ck_assert_msg(sel_parse(parse_bad[_i].in, &s, &err) == -1, "\"%s\" was accepted",
	    parse_bad[_i].in);
	ck_assert_str_eq(err.msg, parse_bad[_i].msg);
	/* A failed parse leaves a nil selector that is safe to free. */
	ck_assert(!s.present);
	sel_free(&s);
}
END_TEST

START_TEST(test_parse_sorts_requirements_by_key_and_values_as_a_set)
{
	struct ks_err err = {{0}};
	struct label_selector s;

	ck_assert_int_eq(sel_parse("zone notin (b,a,b),app=web,!gpu", &s, &err), 0);
	ck_assert_uint_eq(s.n_exprs, 3);
	ck_assert_str_eq(s.exprs[0].key, "app");
	ck_assert_int_eq(s.exprs[0].op, SEL_EQUALS);
	ck_assert_uint_eq(s.exprs[0].n_values, 1);
	ck_assert_str_eq(s.exprs[0].values[0], "web");
	ck_assert_str_eq(s.exprs[1].key, "gpu");
	ck_assert_int_eq(s.exprs[1].op, SEL_DOES_NOT_EXIST);
	ck_assert_uint_eq(s.exprs[1].n_values, 0);
	ck_assert_str_eq(s.exprs[2].key, "zone");
	ck_assert_int_eq(s.exprs[2].op, SEL_NOT_IN);
	ck_assert_uint_eq(s.exprs[2].n_values, 2);
	ck_assert_str_eq(s.exprs[2].values[0], "a");
	ck_assert_str_eq(s.exprs[2].values[1], "b");
	sel_free(&s);
}
END_TEST

START_TEST(test_an_empty_string_parses_to_a_selector_that_matches_everything)
{
	struct ks_err err = {{0}};
	struct label_selector s;
	struct labels l;

	ck_assert_int_eq(sel_parse("", &s, &err), 0);
	ck_assert(sel_is_empty(&s));
	labels_init(&l);
	ck_assert(sel_matches(&s, &l));
	labels_free(&l);
	sel_free(&s);
}
END_TEST

/* ---- -l matching: four pods, as kubectl filtered them ---- */

#define P_WEB 1   /* app=web,tier=fe,num=5 */
#define P_DB 2    /* app=db,num=12 */
#define P_NONE 4  /* no labels */
#define P_EMPTY 8 /* app=,num=x */

static const char *const pods[] = {"app=web,tier=fe,num=5", "app=db,num=12", "", "app=,num=x"};

static const struct {
	const char *sel;
	unsigned want;
} matches[] = {
	{"", P_WEB | P_DB | P_NONE | P_EMPTY},
	{"app", P_WEB | P_DB | P_EMPTY},
	{"!app", P_NONE},
	{"app=web", P_WEB},
	{"app==web", P_WEB},
	{"app!=web", P_DB | P_NONE | P_EMPTY},
	{"app in (web,db)", P_WEB | P_DB},
	{"app notin (web)", P_DB | P_NONE | P_EMPTY},
	{"app notin (web,db)", P_NONE | P_EMPTY},
	{"app in ()", P_EMPTY},
	{"app notin ()", P_WEB | P_DB | P_NONE},
	{"app=", P_EMPTY},
	{"app!=", P_WEB | P_DB | P_NONE},
	{"app in (,web)", P_WEB | P_EMPTY},
	{"tier", P_WEB},
	{"!tier", P_DB | P_NONE | P_EMPTY},
	{"tier!=fe", P_DB | P_NONE | P_EMPTY},
	{"tier notin (fe)", P_DB | P_NONE | P_EMPTY},
	{"num>4", P_WEB | P_DB},
	{"num>5", P_DB},
	{"num<12", P_WEB},
	/* "x" is no integer, so Gt and Lt both leave that pod out. */
	{"num<100", P_WEB | P_DB},
	{"app,tier", P_WEB},
	{"app,!tier", P_DB | P_EMPTY},
	{"app=web,tier=fe", P_WEB},
	{"app in (web),num>1", P_WEB},
	{"app in (db,web),app notin (db)", P_WEB},
	{"nonexistent!=x", P_WEB | P_DB | P_NONE | P_EMPTY},
	{"nonexistent notin (x)", P_WEB | P_DB | P_NONE | P_EMPTY},
	{"nonexistent in (x)", 0},
	{"nonexistent=", 0},
};

START_TEST(test_parsed_selectors_match_the_pods_kubectl_keeps)
{
	struct ks_err err = {{0}};
	struct label_selector s;
	unsigned got = 0;
	int i;

	ck_assert_msg(sel_parse(matches[_i].sel, &s, &err) == 0, "\"%s\": %s", matches[_i].sel,
	    err.msg);
	for (i = 0; i < NELEM(pods); i++) {
		struct labels l;

		labels_from(&l, pods[i]);
		if (sel_matches(&s, &l))
			got |= 1u << i;
		labels_free(&l);
	}
	ck_assert_msg(got == matches[_i].want, "\"%s\" kept pods %#x, want %#x", matches[_i].sel,
	    got, matches[_i].want);
	sel_free(&s);
}
END_TEST

/* ---- metav1.LabelSelector ---- */

START_TEST(test_a_nil_selector_matches_nothing)
{
	struct label_selector s;
	struct labels l;

	sel_init(&s);
	labels_init(&l);
	ck_assert(!sel_matches(&s, &l));
	labels_set(&l, "app", "web");
	ck_assert(!sel_matches(&s, &l));
	ck_assert(!sel_is_empty(&s));
	labels_free(&l);
	sel_free(&s);
}
END_TEST

START_TEST(test_an_empty_selector_matches_everything)
{
	struct label_selector s;
	struct labels l;

	sel_init(&s);
	s.present = true;
	ck_assert(sel_is_empty(&s));
	labels_init(&l);
	ck_assert(sel_matches(&s, &l));
	labels_set(&l, "app", "web");
	ck_assert(sel_matches(&s, &l));
	labels_free(&l);
	sel_free(&s);
}
END_TEST

START_TEST(test_match_labels_and_expressions_are_anded)
{
	static const char *const web_db[] = {"web", "db"};
	struct label_selector s;
	struct labels l;

	sel_init(&s);
	s.present = true;
	labels_set(&s.match_labels, "tier", "fe");
	sel_add_expr(&s, "app", SEL_IN, web_db, 2);
	sel_add_expr(&s, "canary", SEL_DOES_NOT_EXIST, NULL, 0);
	ck_assert(!sel_is_empty(&s));

	labels_from(&l, "tier=fe,app=db");
	ck_assert(sel_matches(&s, &l));
	labels_free(&l);
	labels_from(&l, "tier=be,app=db");
	ck_assert(!sel_matches(&s, &l));
	labels_free(&l);
	labels_from(&l, "tier=fe,app=api");
	ck_assert(!sel_matches(&s, &l));
	labels_free(&l);
	labels_from(&l, "tier=fe,app=web,canary=");
	ck_assert(!sel_matches(&s, &l));
	labels_free(&l);
	sel_free(&s);
}
END_TEST

START_TEST(test_notin_matches_when_key_is_absent)
{
	static const char *const a[] = {"a"};
	struct label_selector s;
	struct labels l;

	sel_init(&s);
	s.present = true;
	sel_add_expr(&s, "k", SEL_NOT_IN, a, 1);
	labels_init(&l);
	ck_assert(sel_matches(&s, &l));
	labels_set(&l, "k", "b");
	ck_assert(sel_matches(&s, &l));
	labels_set(&l, "k", "a");
	ck_assert(!sel_matches(&s, &l));
	labels_free(&l);
	sel_free(&s);
}
END_TEST

START_TEST(test_in_never_matches_an_absent_key_even_with_an_empty_value)
{
	static const char *const empty[] = {""};
	struct label_selector s;
	struct labels l;

	sel_init(&s);
	s.present = true;
	sel_add_expr(&s, "k", SEL_IN, empty, 1);
	labels_init(&l);
	ck_assert(!sel_matches(&s, &l));
	labels_set(&l, "k", "");
	ck_assert(sel_matches(&s, &l));
	labels_free(&l);
	sel_free(&s);
}
END_TEST

START_TEST(test_copy_is_deep_and_equal)
{
	static const char *const vals[] = {"x", "y"};
	struct label_selector a, b;

	sel_init(&a);
	a.present = true;
	labels_set(&a.match_labels, "app", "web");
	sel_add_expr(&a, "zone", SEL_IN, vals, 2);
	sel_copy(&b, &a);
	ck_assert(sel_equal(&a, &b));
	ck_assert_ptr_ne(a.exprs[0].values[0], b.exprs[0].values[0]);
	labels_set(&b.match_labels, "app", "db");
	ck_assert(!sel_equal(&a, &b));
	sel_free(&b);

	sel_copy(&b, &a);
	b.present = false;
	ck_assert(!sel_equal(&a, &b));
	sel_free(&b);
	sel_free(&a);
}
END_TEST

START_TEST(test_format_label_selector)
{
	static const char *const zy[] = {"z", "y"};
	static const char *const one[] = {"a"};
	struct label_selector s;
	char *f;

	/* nil and empty both print "<none>". */
	sel_init(&s);
	f = format_sel(&s);
	ck_assert_str_eq(f, "<none>");
	free(f);
	s.present = true;
	f = format_sel(&s);
	ck_assert_str_eq(f, "<none>");
	free(f);

	/*
	 * matchLabels then expressions, stable-sorted by key, values sorted:
	 * metav1.LabelSelectorAsSelector(...).String().
	 */
	labels_set(&s.match_labels, "b", "2");
	labels_set(&s.match_labels, "a", "1");
	sel_add_expr(&s, "c", SEL_IN, zy, 2);
	sel_add_expr(&s, "a", SEL_EXISTS, NULL, 0);
	sel_add_expr(&s, "d", SEL_NOT_IN, one, 1);
	sel_add_expr(&s, "0", SEL_DOES_NOT_EXIST, NULL, 0);
	f = format_sel(&s);
	ck_assert_str_eq(f, "!0,a=1,a,b=2,c in (y,z),d notin (a)");
	free(f);
	/* Printing sorts a copy: the selector keeps its own order. */
	ck_assert_str_eq(s.exprs[0].values[0], "z");
	sel_free(&s);
}
END_TEST

START_TEST(test_format_prints_error_for_a_selector_kubernetes_rejects)
{
	static const char *const v[] = {"v"};
	struct label_selector s;
	char *f;

	/* In with no values fails NewRequirement. */
	sel_init(&s);
	s.present = true;
	sel_add_expr(&s, "k", SEL_IN, NULL, 0);
	f = format_sel(&s);
	ck_assert_str_eq(f, "<error>");
	free(f);
	sel_free(&s);

	sel_init(&s);
	s.present = true;
	sel_add_expr(&s, "k", SEL_EXISTS, v, 1);
	f = format_sel(&s);
	ck_assert_str_eq(f, "<error>");
	free(f);
	sel_free(&s);

	sel_init(&s);
	s.present = true;
	labels_set(&s.match_labels, "k", "-x");
	f = format_sel(&s);
	ck_assert_str_eq(f, "<error>");
	free(f);
	sel_free(&s);

	sel_init(&s);
	s.present = true;
	sel_add_expr(&s, "bad key", SEL_EXISTS, NULL, 0);
	f = format_sel(&s);
	ck_assert_str_eq(f, "<error>");
	free(f);
	sel_free(&s);
}
END_TEST

START_TEST(test_operator_names_round_trip_for_manifest_operators)
{
	static const enum sel_op ops[] = {
		SEL_IN, SEL_NOT_IN, SEL_EXISTS, SEL_DOES_NOT_EXIST, SEL_GT, SEL_LT,
	};
	enum sel_op got;
	int i;

	for (i = 0; i < NELEM(ops); i++) {
		ck_assert_int_eq(sel_op_parse(sel_op_name(ops[i]), &got), 0);
		ck_assert_int_eq(got, ops[i]);
	}
	ck_assert_str_eq(sel_op_name(SEL_DOES_NOT_EXIST), "DoesNotExist");
	ck_assert_int_eq(sel_op_parse("in", &got), -1);
	ck_assert_int_eq(sel_op_parse("Equals", &got), -1);
	ck_assert_int_eq(sel_op_parse("=", &got), -1);
	ck_assert_int_eq(sel_op_parse("", &got), -1);
}
END_TEST

/* ---- node selectors ---- */

/* One requirement, parsed from "key op v1 v2 ..." with a manifest operator. */
static void
req_from(struct sel_req *r, const char *spec)
{
	char *copy = strdup(spec), *save = NULL, *tok;
	const char *vals[8];
	size_t n = 0;
	const char *key;
	enum sel_op op;

	key = strtok_r(copy, " ", &save);
	tok = strtok_r(NULL, " ", &save);
	if (sel_op_parse(tok, &op) < 0) {
		/* Test-only spellings for operators a manifest cannot name. */
		op = strcmp(tok, "=") == 0 ? SEL_EQUALS : SEL_NOT_EQUALS;
	}
	while ((tok = strtok_r(NULL, " ", &save)) != NULL)
		vals[n++] = strcmp(tok, "''") == 0 ? "" : tok;
	{
		struct sel_req tmp = {(char *)key, op, (char **)vals, n};

		sel_req_copy(r, &tmp);
	}
	free(copy);
}

/*
 * A term as "expr;expr|field;field": expressions on labels left of '|',
 * metadata fields right of it.
 */
static void
term_from(struct node_term *t, const char *spec)
{
	char *copy = strdup(spec), *bar = strchr(copy, '|'), *save = NULL, *tok;

	memset(t, 0, sizeof *t);
	if (bar != NULL)
		*bar++ = '\0';
	for (tok = strtok_r(copy, ";", &save); tok != NULL; tok = strtok_r(NULL, ";", &save)) {
		t->exprs = realloc(t->exprs, (t->n_exprs + 1) * sizeof *t->exprs);
		req_from(&t->exprs[t->n_exprs++], tok);
	}
	save = NULL;
	for (tok = bar != NULL ? strtok_r(bar, ";", &save) : NULL; tok != NULL;
	    tok = strtok_r(NULL, ";", &save)) {
		t->fields = realloc(t->fields, (t->n_fields + 1) * sizeof *t->fields);
		req_from(&t->fields[t->n_fields++], tok);
	}
	free(copy);
}

static const struct {
	const char *term;
	const char *labels;
	const char *name;
	bool want;
} terms[] = {
	{"zone In a b", "zone=a", "n1", true},
	{"zone In a b", "zone=c", "n1", false},
	{"zone In a b", "", "n1", false},
	{"zone NotIn a", "", "n1", true},
	{"zone NotIn a", "zone=a", "n1", false},
	{"gpu Exists", "gpu=", "n1", true},
	{"gpu DoesNotExist", "gpu=", "n1", false},
	{"zone In a;gpu Exists", "zone=a", "n1", false},
	{"zone In a;gpu Exists", "zone=a,gpu=t4", "n1", true},
	/* Gt/Lt compare as int64; a label that is not a number never matches. */
	{"cores Gt 4", "cores=8", "n1", true},
	{"cores Gt 8", "cores=8", "n1", false},
	{"cores Lt 8", "cores=4", "n1", true},
	{"cores Lt 8", "cores=-4", "n1", true},
	{"cores Gt 4", "cores=eight", "n1", false},
	{"cores Gt 4", "", "n1", false},
	{"cores Lt 99", "cores=99999999999999999999", "n1", false},
	/* A term Kubernetes cannot parse matches nothing, whatever the node. */
	{"cores Gt four", "cores=8", "n1", false},
	{"cores Gt -1", "cores=8", "n1", false},
	{"cores Gt 1 2", "cores=8", "n1", false},
	{"zone In", "zone=a", "n1", false},
	{"zone NotIn", "", "n1", false},
	{"gpu Exists t4", "gpu=t4", "n1", false},
	{"-bad In a", "-bad=a", "n1", false},
	{"zone In -a", "zone=-a", "n1", false},
	{"zone = a", "zone=a", "n1", false},
	/* metadata.name fields, In and NotIn with exactly one value. */
	{"|metadata.name In n1", "", "n1", true},
	{"|metadata.name In n1", "", "n2", false},
	{"|metadata.name NotIn n1", "", "n2", true},
	{"|metadata.name NotIn n1", "", "n1", false},
	{"zone In a|metadata.name In n1", "zone=a", "n1", true},
	{"zone In a|metadata.name In n1", "zone=b", "n1", false},
	{"|metadata.name In n1 n2", "", "n1", false},
	{"|metadata.name Exists", "", "n1", false},
	{"|metadata.uid In n1", "", "n1", false},
	{"|metadata.uid NotIn n1", "", "n1", false},
	/* A node with no name has no fields, so field requirements are skipped. */
	{"|metadata.name In n1", "", "", true},
	/* A term with nothing in it selects nothing. */
	{"", "zone=a", "n1", false},
};

START_TEST(test_node_term_matching_follows_nodeaffinity)
{
	struct node_term t;
	struct labels l;
	size_t i;

	term_from(&t, terms[_i].term);
	labels_from(&l, terms[_i].labels);
	ck_assert_msg(node_term_matches(&t, &l, terms[_i].name) == terms[_i].want,
	    "term \"%s\" on node %s {%s} should %s", terms[_i].term, terms[_i].name,
	    terms[_i].labels, terms[_i].want ? "match" : "not match");
	labels_free(&l);
	for (i = 0; i < t.n_exprs; i++)
		sel_req_free(&t.exprs[i]);
	for (i = 0; i < t.n_fields; i++)
		sel_req_free(&t.fields[i]);
	free(t.exprs);
	free(t.fields);
}
END_TEST

START_TEST(test_node_selector_terms_are_ored)
{
	struct node_selector ns, copy;
	struct labels l;

	node_selector_init(&ns);
	labels_from(&l, "zone=b");
	/* No terms at all: nothing matches. */
	ck_assert(!node_selector_matches(&ns, &l, "n1"));

	ns.terms = calloc(3, sizeof *ns.terms);
	ns.n_terms = 3;
	term_from(&ns.terms[0], "");
	term_from(&ns.terms[1], "zone In a");
	term_from(&ns.terms[2], "zone In b");
	ck_assert(node_selector_matches(&ns, &l, "n1"));
	labels_free(&l);
	labels_from(&l, "zone=c");
	ck_assert(!node_selector_matches(&ns, &l, "n1"));

	/* An unparsable term only removes itself; the others still count. */
	node_selector_copy(&copy, &ns);
	sel_req_free(&copy.terms[2].exprs[0]);
	req_from(&copy.terms[2].exprs[0], "zone In c");
	ck_assert(node_selector_matches(&copy, &l, "n1"));
	sel_req_free(&copy.terms[1].exprs[0]);
	req_from(&copy.terms[1].exprs[0], "zone In");
	ck_assert(node_selector_matches(&copy, &l, "n1"));
	/* The copy is deep: the original is untouched. */
	ck_assert(!node_selector_matches(&ns, &l, "n1"));
	node_selector_free(&copy);
	node_selector_free(&ns);
	ck_assert_uint_eq(ns.n_terms, 0);
	labels_free(&l);
}
END_TEST

static Suite *
selector_suite(void)
{
	Suite *s = suite_create("selector");
	TCase *tp = tcase_create("parse");
	TCase *tm = tcase_create("match");
	TCase *tl = tcase_create("label_selector");
	TCase *tn = tcase_create("node_selector");

	tcase_add_loop_test(tp, test_parse_accepts_what_kubectl_accepts, 0, NELEM(parse_ok));
	tcase_add_loop_test(tp, test_parse_rejects_with_kubectls_message, 0, NELEM(parse_bad));
	tcase_add_test(tp, test_parse_sorts_requirements_by_key_and_values_as_a_set);
	tcase_add_test(tp, test_an_empty_string_parses_to_a_selector_that_matches_everything);
	tcase_add_loop_test(tm, test_parsed_selectors_match_the_pods_kubectl_keeps, 0,
	    NELEM(matches));
	tcase_add_test(tl, test_a_nil_selector_matches_nothing);
	tcase_add_test(tl, test_an_empty_selector_matches_everything);
	tcase_add_test(tl, test_match_labels_and_expressions_are_anded);
	tcase_add_test(tl, test_notin_matches_when_key_is_absent);
	tcase_add_test(tl, test_in_never_matches_an_absent_key_even_with_an_empty_value);
	tcase_add_test(tl, test_copy_is_deep_and_equal);
	tcase_add_test(tl, test_format_label_selector);
	tcase_add_test(tl, test_format_prints_error_for_a_selector_kubernetes_rejects);
	tcase_add_test(tl, test_operator_names_round_trip_for_manifest_operators);
	tcase_add_loop_test(tn, test_node_term_matching_follows_nodeaffinity, 0, NELEM(terms));
	tcase_add_test(tn, test_node_selector_terms_are_ored);
	suite_add_tcase(s, tp);
	suite_add_tcase(s, tm);
	suite_add_tcase(s, tl);
	suite_add_tcase(s, tn);
	return s;
}

KS_CHECK_MAIN(selector_suite)
