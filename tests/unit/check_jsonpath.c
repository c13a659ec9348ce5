/*
 * check_jsonpath.c - kubectl's -o jsonpath, output and errors byte for byte.
 *
 * The expected strings come from the real kubectl v1.32 run on the same
 * documents (kubectl patch --local -f doc.json -p '{}' --type merge
 * -o jsonpath=...), stdout for the results and stderr less "error: " and the
 * final newline for the errors. That includes the quirks scripts rely on:
 * a missing key prints nothing, {.} prints nothing, an unterminated range
 * runs its body once more over the whole object, .* over a string yields
 * its bytes.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "kubectl/jsonpath.h"
#include "runner.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

struct jp_case {
	const char *tmpl;
	const char *want; /* output, or the error message */
};

/*
 * A list of three pods, shaped like kubectl get's List. kubectl patch
 * --local unwraps anything with an "items" key, so kubectl ran on this same
 * document with "items" renamed to "list" (and .list in each template); the
 * engine treats both keys alike.
 */
static const char items_doc[] =
	    "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Foo\",\"metadata\":{\"name\":\"l\"},"
	    "\"items\":[{\"metadata\":{\"name\":\"web-1\",\"labels\":{\"app\":\"web\","
	    "\"tier\":\"fe\"}},\"spec\":{\"nodeName\":\"n1\",\"containers\":[{\"name\":\"a\","
	    "\"image\":\"nginx\",\"ports\":[{\"containerPort\":80}]},{\"name\":\"b\","
	    "\"image\":\"redis\"}]},\"status\":{\"phase\":\"Running\",\"restarts\":3,"
	    "\"ready\":true,\"cpu\":0.5}},{\"metadata\":{\"name\":\"web-2\","
	    "\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
	    "\"image\":\"busybox\"}]},\"status\":{\"phase\":\"Pending\",\"restarts\":0,"
	    "\"ready\":false,\"cpu\":1.5}},{\"metadata\":{\"name\":\"db-1\","
	    "\"labels\":{\"app\":\"db\"}},\"spec\":{\"nodeName\":\"n2\",\"containers\":[]},"
	    "\"status\":{\"phase\":\"Running\",\"restarts\":10,\"ready\":true,\"cpu\":2.5}}]}";

/* Checked against kubectl v1.32 on items_doc (see above). */
static const struct jp_case items_cases[] = {
	{"{.items[*].metadata.name}",
	    "web-1 web-2 db-1"},
	{"{.items[0].metadata.name}",
	    "web-1"},
	{"{.items[-1].metadata.name}",
	    "db-1"},
	{"{.items[0:2].metadata.name}",
	    "web-1 web-2"},
	{"{.items[1:].metadata.name}",
	    "web-2 db-1"},
	{"{.items[::2].metadata.name}",
	    "web-1 db-1"},
	{"{.items[-1:].metadata.name}",
	    "db-1"},
	{"{.items[1:1].metadata.name}|",
	    "|"},
	{"{.items[0,2].metadata.name}",
	    "web-1 db-1"},
	{"{.items[0, 1].metadata.name}",
	    "web-1 web-2"},
	{"{.items[*]['metadata.name']}",
	    "web-1 web-2 db-1"},
	{"{.items[0]['metadata']['name']}",
	    "web-1"},
	{"{.items[?(@.status.phase==\"Running\")].metadata.name}",
	    "web-1 db-1"},
	{"{.items[?(@.status.phase!='Running')].metadata.name}",
	    "web-2"},
	{"{.items[?(@.status.phase == \"Running\")].metadata.name}",
	    "web-1 db-1"},
	{"{.items[?(@.status.restarts>2)].metadata.name}",
	    "web-1 db-1"},
	{"{.items[?(@.status.restarts<3)].metadata.name}",
	    "web-2"},
	{"{.items[?(@.status.restarts<=3)].metadata.name}",
	    "web-1 web-2"},
	{"{.items[?(@.status.restarts>=3)].metadata.name}",
	    "web-1 db-1"},
	{"{.items[?(@.status.cpu>1.0)].metadata.name}",
	    "web-2 db-1"},
	{"{.items[?(@.status.cpu==0.5)].metadata.name}",
	    "web-1"},
	{"{.items[?(@.status.ready==true)].metadata.name}",
	    "web-1 db-1"},
	{"{.items[?(@.spec.nodeName)].metadata.name}",
	    "web-1 db-1"},
	{"{.items[?(@.metadata.labels.tier)].metadata.name}",
	    "web-1"},
	{"{.items[*].spec.containers[?(@.image==\"redis\")].name}",
	    "b"},
	{"{.items[?(@.status.phase==\"Running\")].metadata.nope}|",
	    "|"},
	{"{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}",
	    "web-1\tRunning\n"
	    "web-2\tPending\n"
	    "db-1\tRunning\n"},
	{"{range .items[*]}[{.spec.containers[*].name}]{end}",
	    "[a b][c][]"},
	{"{range .items[*]}{range .spec.containers[*]}{.name}:{.image},{end};{end}",
	    "a:nginx,b:redis,;c:busybox,;;"},
	{"{range .items[*]}{.metadata.name}{range .spec.containers[*]}{.name}{end}|{end}|{.kind}",
	    "web-1ab|web-2c|db-1||Foo"},
	{"{range .items[0:0]}{.metadata.name}{end}X",
	    "X"},
	{"A{range .items[*]}B{.metadata.name}C",
	    "ABweb-1CBweb-2CBdb-1CBlC"},
	{"{range .items[*].spec.containers[*]}{.name}{\"\\n\"}{end}",
	    "a\n"
	    "b\n"
	    "c\n"},
	/* Ranges left open, and empty ones: their runs repeat, and are remembered. */
	{"{range .items[*]}{range .spec.containers[*]}{.name}",
	    "abc"},
	{"{range @}{range @}{range @}{.kind}",
	    "FooFooFooFooFooFooFooFoo"},
	{"{range .items[*]}{range .nope[*]}{range .nope[*]}{.metadata.name}",
	    "web-1web-2db-1l"},
	{"{range .items[*]}{range .nope[*]}{.x}{end}{.metadata.name};{end}",
	    "web-1;web-2;db-1;"},
	{"{range .items[*].spec.containers[*]}{range @}{range @}{.name}",
	    "aaaabbbbcccc"},
	{"{..image}",
	    "nginx redis busybox"},
	{"{..metadata.name}",
	    "l web-1 web-2 db-1"},
	{"{.items[*].spec.containers[*].ports[*].containerPort}",
	    "80"},
	{"{.items[0].metadata.labels}",
	    "{\"app\":\"web\",\"tier\":\"fe\"}"},
	{"{.items[0].spec.containers[0]}",
	    "{\"image\":\"nginx\",\"name\":\"a\",\"ports\":[{\"containerPort\":80}]}"},
	{"{.items[*].status}",
	    "{\"cpu\":0.5,\"phase\":\"Running\",\"ready\":true,\"restarts\":3} {\"cpu\":1.5,\"phase\":\"Pending\",\"ready\":false,\"restarts\":0} {\"cpu\":2.5,\"phase\":\"Running\",\"ready\":true,\"restarts\":10}"},
	{"{.items[0].status.ready} {.items[0].status.cpu} {.items[0].status.restarts}",
	    "true 0.5 3"},
	{"{.items[*].spec.nodeName}",
	    "n1 n2"},
	{"{.items[0].metadata.name.*}",
	    "119 101 98 45 49"},
	{"{.a.b}|",
	    "|"},
	{"{.}|",
	    "|"},
	{"{.items.x}|",
	    "|"},
	{"{.kind} {.items[0].status.restarts}",
	    "Foo 3"},
	{"plain text",
	    "plain text"},
	{"hello {.metadata.name} world",
	    "hello l world"},
	{"{$.metadata.name}{@.metadata.name}",
	    "ll"},
	{"{ .metadata.name }",
	    "l"},
	{"{.metadata.name} {true} {1} {-2} {1.5} {false} {007}",
	    "l true 1 -2 1.5 false 7"},
	{"{'single\\tq'}",
	    "single\tq"},
	{"{\"\\u00e9\\x41\\101\"}",
	    "\xc3\xa9""AA"},
	{"{.items[*].metadata.name}{\"|\"}{.items[*].status.phase}",
	    "web-1 web-2 db-1|Running Pending Running"},
};

/* Nulls, floats and HTML characters. Checked against kubectl v1.32. */
static const char null_doc[] =
	    "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Foo\",\"metadata\":{\"name\":\"n\"},"
	    "\"spec\":{\"a\":[null,1,\"x\",null],\"m\":{\"k\":null},\"e\":\"\","
	    "\"big\":1000000,\"f\":1234567.5,\"neg\":-0.25,\"tiny\":1.234e-05,"
	    "\"h\":\"<&>\",\"u\":\"\\u00e9\\u2028\"}}";

static const struct jp_case null_cases[] = {
	{"{.spec.a}",
	    "[null,1,\"x\",null]"},
	{"{.spec.a[*]}",
	    "null 1 x null"},
	{"{.spec.m.k}",
	    "null"},
	{"{.spec.m}",
	    "{\"k\":null}"},
	{"{.spec.e}|",
	    "|"},
	{"{.spec.f} {.spec.neg} {.spec.tiny}",
	    "1.2345675e+06 -0.25 1.234e-05"},
	{"{.spec.h} {.spec}",
	    "<&> {\"a\":[null,1,\"x\",null],\"big\":1000000,\"e\":\"\",\"f\":1234567.5,\"h\":\"\\u003c\\u0026\\u003e\",\"m\":{\"k\":null},\"neg\":-0.25,\"tiny\":0.00001234,\"u\":\"\xc3\xa9""\\u2028\"}"},
	{"{.spec.a[?(@)]}",
	    "null 1 x null"},
	{"{range .spec.a[*]}[{@}]{end}",
	    "[<no value>][1][x][<no value>]"},
	{"{range .spec.a[*]}[{.}]{end}",
	    "[][][][]"},
};

/* Keys with dots in them. Checked against kubectl v1.32. */
static const char cm_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\","
	    "\"annotations\":{\"k8s.io/name\":\"v\",\"a.b\":\"1\"},\"creationTimestamp\":null},"
	    "\"data\":{\"a.b\":\"1\",\"c\":\"2\"}}";

static const struct jp_case cm_cases[] = {
	{"{.metadata.annotations.k8s\\.io/name}",
	    "v"},
	{"{.data.a\\.b}",
	    "1"},
	{"{.data['a.b']}|",
	    "|"},
	{"{.metadata['name','namespace']}",
	    "x"},
	{"{.metadata.creationTimestamp}",
	    "null"},
	{"{..creationTimestamp}",
	    "null"},
	{"{.metadata.creationTimestamp[0]}|",
	    "|"},
};

/*
 * A document small enough for kubectl's whole debugging dump to fit in a
 * ks_err. Checked against kubectl v1.32 (stderr).
 */
static const char err_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"Foo\",\"metadata\":{\"name\":\"e\","
	    "\"labels\":{\"a\":\"b\"}},\"list\":[],\"arr\":[1,\"x\"],\"s\":\"x\\\"y\",\"n\":null,\"f\":0.5}";

static const struct jp_case exec_errors[] = {
	{"{.list[0].metadata.name}",
	    "error executing jsonpath \"{.list[0].metadata.name}\": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.list[0].metadata.name}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.kind[0]}",
	    "error executing jsonpath \"{.kind[0]}\": Error executing template: string is not array or slice. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.kind[0]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.metadata[?(@.x)]}",
	    "error executing jsonpath \"{.metadata[?(@.x)]}\": Error executing template: map[labels:map[a:b] name:e] is not array or slice and cannot be filtered. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.metadata[?(@.x)]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{end}",
	    "error executing jsonpath \"{end}\": Error executing template: not in range, nothing to end. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{end}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{foo}",
	    "error executing jsonpath \"{foo}\": Error executing template: unrecognized identifier foo. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{foo}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.arr[?(@==\"x\")]}",
	    "error executing jsonpath \"{.arr[?(@==\\\"x\\\")]}\": Error executing template: incompatible types for comparison. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.arr[?(@==\"x\")]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.arr[::0]}",
	    "error executing jsonpath \"{.arr[::0]}\": Error executing template: step must be > 0. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.arr[::0]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.arr[2:1]}",
	    "error executing jsonpath \"{.arr[2:1]}\": Error executing template: array index out of bounds: index 2, length 2. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.arr[2:1]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.arr[0:3]}",
	    "error executing jsonpath \"{.arr[0:3]}\": Error executing template: array index out of bounds: index 2, length 2. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.arr[0:3]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{\"q\\\"t\"}{.list[0]}",
	    "error executing jsonpath \"{\\\"q\\\\\\\"t\\\"}{.list[0]}\": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{\"q\\\"t\"}{.list[0]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.arr[?(@<true)]}",
	    "error executing jsonpath \"{.arr[?(@<true)]}\": Error executing template: incompatible types for comparison. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.arr[?(@<true)]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.kind}{.arr[5]}",
	    "error executing jsonpath \"{.kind}{.arr[5]}\": Error executing template: array index out of bounds: index 5, length 2. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.kind}{.arr[5]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
	{"{.n[?(@)]}",
	    "error executing jsonpath \"{.n[?(@)]}\": Error executing template: <nil> is not array or slice and cannot be filtered. Printing more information for debugging the template:\n"
	    "\ttemplate was:\n"
	    "\t\t{.n[?(@)]}\n"
	    "\tobject given to jsonpath engine was:\n"
	    "\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"arr\":[]interface {}{1, \"x\"}, \"f\":0.5, \"kind\":\"Foo\", \"list\":[]interface {}{}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"a\":\"b\"}, \"name\":\"e\"}, \"n\":interface {}(nil), \"s\":\"x\\\"y\"}\n"
	    "\n"},
};

/* Checked against kubectl v1.32 (stderr). */
static const struct jp_case parse_errors[] = {
	{"{.a",
	    "error parsing jsonpath {.a, unclosed action"},
	{"{.items[0",
	    "error parsing jsonpath {.items[0, unterminated array"},
	{"{.items[?(@.x]}",
	    "error parsing jsonpath {.items[?(@.x]}, unterminated filter"},
	{"{.items[?(@.x)}",
	    "error parsing jsonpath {.items[?(@.x)}, unclosed array expect ]"},
	{"{\"abc}",
	    "error parsing jsonpath {\"abc}, unterminated quoted string"},
	{"{\"\\q\"}",
	    "error parsing jsonpath {\"\\q\"}, unquote string \"\\q\" error invalid syntax"},
	{"{.items[x]}",
	    "error parsing jsonpath {.items[x]}, invalid array index x"},
	{"{.items[-]}",
	    "error parsing jsonpath {.items[-]}, array index - is not a number"},
	{"{#}",
	    "error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'"},
	{"{\t.a}",
	    "error parsing jsonpath {\t.a}, unrecognized character in action: U+0009"},
	{"{1.2.3}",
	    "error parsing jsonpath {1.2.3}, cannot parse number 1.2.3"},
	{"{....a}",
	    "error parsing jsonpath {....a}, invalid multiple recursive descent"},
	{"{.items[?(@.x=~\"a\")]}",
	    "error parsing jsonpath {.items[?(@.x=~\"a\")]}, unrecognized character in action: U+007E '~'"},
	{"{.metadata[\"name\"]}",
	    "error parsing jsonpath {.metadata[\"name\"]}, invalid array index \"name\""},
	{"{.a}{",
	    "error parsing jsonpath {.a}{, unclosed action"},
	{"{.a[1:b]}",
	    "error parsing jsonpath {.a[1:b]}, invalid array index 1:b"},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
check_output(const char *doc_text, const struct jp_case *c)
{
	cJSON *doc = cJSON_Parse(doc_text);
	struct strbuf sb;
	struct ks_err err;
	int rc;

	ck_assert_ptr_nonnull(doc);
	sb_init(&sb);
	err_clear(&err);
	rc = jsonpath_eval(c->tmpl, doc, &sb, &err);
	ck_assert_msg(rc == 0, "%s: unexpected error: %s", c->tmpl, err.msg);
	ck_assert_msg(strcmp(sb.s, c->want) == 0, "%s: got [%s] want [%s]", c->tmpl, sb.s, c->want);
	sb_free(&sb);
	cJSON_Delete(doc);
}

static void
check_error(const char *doc_text, const struct jp_case *c)
{
	cJSON *doc = cJSON_Parse(doc_text);
	struct strbuf sb;
	struct ks_err err;

	ck_assert_ptr_nonnull(doc);
	sb_init(&sb);
	err_clear(&err);
	ck_assert_int_eq(jsonpath_eval(c->tmpl, doc, &sb, &err), -1);
	/* kubectl prints nothing on stdout when the template fails. */
	ck_assert_str_eq(sb.s, "");
	ck_assert_msg(strcmp(err.msg, c->want) == 0, "%s: got\n%s\nwant\n%s", c->tmpl, err.msg, c->want);
	sb_free(&sb);
	cJSON_Delete(doc);
}

START_TEST(test_items_templates)
{
	check_output(items_doc, &items_cases[_i]);
}
END_TEST

START_TEST(test_null_and_number_templates)
{
	check_output(null_doc, &null_cases[_i]);
}
END_TEST

START_TEST(test_dotted_key_templates)
{
	check_output(cm_doc, &cm_cases[_i]);
}
END_TEST

START_TEST(test_execution_errors)
{
	check_error(err_doc, &exec_errors[_i]);
}
END_TEST

START_TEST(test_parse_errors)
{
	check_error(err_doc, &parse_errors[_i]);
}
END_TEST

/* kubectl get -o jsonpath= says this; checked against kubectl v1.32. */
START_TEST(test_an_empty_template_is_an_error)
{
	static const struct jp_case c = {"", "template format specified but no template given"};

	check_error(err_doc, &c);
}
END_TEST

START_TEST(test_output_is_appended_without_a_newline)
{
	cJSON *doc = cJSON_Parse(items_doc);
	struct strbuf sb;
	struct ks_err err;

	sb_init(&sb);
	sb_add(&sb, "> ");
	ck_assert_int_eq(jsonpath_eval("{.kind}", doc, &sb, &err), 0);
	ck_assert_int_eq(jsonpath_eval("{.items[9]}", doc, &sb, &err), -1);
	ck_assert_str_eq(sb.s, "> Foo");
	sb_free(&sb);
	cJSON_Delete(doc);
}
END_TEST

/*
 * kubectl's dump of a real object never fits a ks_err: the first line and
 * the template stay exact, the dump is cut and marked. (Not kubectl's text
 * past the cut, by construction.)
 */
START_TEST(test_a_large_dump_is_cut_to_fit)
{
	cJSON *doc = cJSON_Parse(items_doc);
	struct strbuf sb;
	struct ks_err err;
	const char *first = "error executing jsonpath \"{.items[7]}\": Error executing template: array index "
			    "out of bounds: index 7, length 3. Printing more information for debugging the "
			    "template:\n\ttemplate was:\n\t\t{.items[7]}\n\tobject given to jsonpath engine was:\n"
			    "\t\tmap[string]interface {}{\"apiVersion\":\"example.com/v1\", \"items\":[]interface {}{";
	size_t n;

	sb_init(&sb);
	ck_assert_int_eq(jsonpath_eval("{.items[7]}", doc, &sb, &err), -1);
	n = strlen(err.msg);
	ck_assert_uint_lt(n, KS_ERR_MAX);
	ck_assert_uint_gt(n, KS_ERR_MAX - 16);
	ck_assert_int_eq(strncmp(err.msg, first, strlen(first)), 0);
	ck_assert_str_eq(err.msg + n - 5, "...\n\n");
	sb_free(&sb);
	cJSON_Delete(doc);
}
END_TEST

/*
 * kubectl quotes the template twice before the object, so a long one
 * would push the reason out of a ks_err: it is shown cut instead.
 */
START_TEST(test_a_long_template_is_cut_to_show_the_reason)
{
	cJSON *doc = cJSON_Parse(items_doc);
	char tmpl[700], *want;
	struct strbuf sb;
	struct ks_err err;

	memset(tmpl, 'a', 600);
	strcpy(tmpl + 600, "{.items[7]}");
	want = xasprintf("error executing jsonpath \"%.200s...\": Error executing template: array index "
			 "out of bounds: index 7, length 3. Printing more information for debugging the "
			 "template:\n\ttemplate was:\n\t\t%.200s...\n\tobject given to jsonpath engine "
			 "was:\n\t\tmap[string]interface {}{\"apiVersion\":\"example.com/v1\", ",
	    tmpl, tmpl);
	sb_init(&sb);
	ck_assert_int_eq(jsonpath_eval(tmpl, doc, &sb, &err), -1);
	ck_assert_msg(strncmp(err.msg, want, strlen(want)) == 0, "got\n%s", err.msg);
	ck_assert_str_eq(err.msg + strlen(err.msg) - 5, "...\n\n");
	sb_free(&sb);
	cJSON_Delete(doc);
	free(want);
}
END_TEST

/*
 * Go walks a map in random order, so kubectl's .* over a map has no fixed
 * order; this engine uses key order, like the JSON it prints.
 */
START_TEST(test_map_wildcard_uses_key_order)
{
	static const struct jp_case c = {"{.items[0].metadata.labels.*}", "web fe"};
	static const struct jp_case d = {"{range .data.*}[{@}]{end}", "[1][2]"};

	check_output(items_doc, &c);
	check_output(cm_doc, &d);
}
END_TEST

/*
 * The limits. Hangs are asserted on the work done (jsonpath_stats), not on
 * the clock; the tcase timeout only guards against a hang.
 */

/* A pod of 53 nodes: kubectl v1.32 gave the outputs checked on it below. */
static const char pod_doc[] =
    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-1\",\"namespace\":\"default\","
    "\"labels\":{\"app\":\"web\",\"tier\":\"fe\"},\"ownerReferences\":[{\"apiVersion\":\"apps/v1\","
    "\"kind\":\"DaemonSet\",\"name\":\"web\",\"controller\":true}]},\"spec\":{\"nodeName\":\"node1\","
    "\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80,"
    "\"protocol\":\"TCP\"}],\"resources\":{\"requests\":{\"cpu\":\"100m\"}},\"volumeMounts\":[{"
    "\"name\":\"data\",\"mountPath\":\"/data\"}]}],\"tolerations\":[{\"operator\":\"Exists\"},{\"key\":"
    "\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"effect\":\"NoExecute\"}],\"volumes\":[{"
    "\"name\":\"data\",\"emptyDir\":{}}]},\"status\":{\"phase\":\"Running\",\"podIP\":\"10.244.1.5\","
    "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"},{\"type\":\"PodScheduled\","
    "\"status\":\"True\"}]}}";

/* s n times, then tail; the caller frees. */
static char *
repeat(const char *head, int n, const char *mid, const char *tail, int m)
{
	struct strbuf sb;

	sb_init(&sb);
	for (int i = 0; i < n; i++)
		sb_add(&sb, head);
	sb_add(&sb, mid);
	for (int i = 0; i < m; i++)
		sb_add(&sb, tail);
	return sb_take(&sb);
}

static size_t
count_nodes(const cJSON *n)
{
	size_t k = 1;

	for (const cJSON *c = n->child; c != NULL; c = c->next)
		k += count_nodes(c);
	return k;
}

/* A List of n copies of pod_doc, named pod-00000, pod-00001, ... */
static cJSON *
pod_list(int n)
{
	cJSON *pod = cJSON_Parse(pod_doc), *list = cJSON_CreateObject(), *items;
	char name[32];

	ck_assert_ptr_nonnull(pod);
	cJSON_AddStringToObject(list, "apiVersion", "v1");
	items = cJSON_AddArrayToObject(list, "items");
	for (int i = 0; i < n; i++) {
		cJSON *p = cJSON_Duplicate(pod, 1);

		snprintf(name, sizeof name, "pod-%05d", i);
		cJSON_ReplaceItemInObject(cJSON_GetObjectItem(p, "metadata"), "name",
		    cJSON_CreateString(name));
		cJSON_AddItemToArray(items, p);
	}
	cJSON_AddStringToObject(list, "kind", "List");
	cJSON_Delete(pod);
	return list;
}

/*
 * Twelve ranges, one inside another, over one pod. Each range that finds
 * nothing walked its body again to find its {end}, and each one left open
 * ran on over the value around it, so every level re-ran all the levels
 * below: the second template took 10^10 walks (six minutes) before runs
 * were remembered. Outputs from kubectl v1.32.
 */
struct nest_case {
	const char *head;
	const char *mid;
	const char *tail;
	size_t want_len;
	const char *want_prefix;
	unsigned long long max_steps; /* about twice what it takes */
};

static const struct nest_case nest_cases[] = {
	/* Every chain of 12 nodes, each under or at the one before: 90008 of them. */
	{"{range ..}", "x", "{end}", 90008, "xxxxxxxxxxxx", 200000},
	{"{range ..}{range .spec.initContainers[*]}", "", "", 0, "", 300000},
	{"{range .status.conditions[*]}{.type}", "", "", 1326,
	    "ReadyReadyReadyReadyReadyReadyReadyReadyReadyReadyReadyReadyPodScheduled", 10000},
};

START_TEST(test_nested_ranges_on_one_pod_stay_small)
{
	const struct nest_case *nc = &nest_cases[_i];
	char *tmpl = repeat(nc->head, 12, nc->mid, nc->tail, 12);
	cJSON *doc = cJSON_Parse(pod_doc);
	struct jsonpath_stats st;
	struct strbuf sb;
	struct ks_err err;

	sb_init(&sb);
	ck_assert_int_eq(jsonpath_eval_limited(tmpl, doc, NULL, &sb, &st, &err), 0);
	ck_assert_uint_eq(sb.len, nc->want_len);
	ck_assert_int_eq(strncmp(sb_str(&sb), nc->want_prefix, strlen(nc->want_prefix)), 0);
	ck_assert_msg(st.steps < nc->max_steps, "%s: %llu steps", tmpl, st.steps);
	ck_assert_uint_eq(st.output, sb.len);
	sb_free(&sb);
	cJSON_Delete(doc);
	free(tmpl);
}
END_TEST

/* The third case's output, whole: 78 of each condition type, in kubectl's order. */
START_TEST(test_open_ranges_run_on_as_kubectl_does)
{
	char *tmpl = repeat("{range .status.conditions[*]}{.type}", 12, "", "", 0);
	cJSON *doc = cJSON_Parse(pod_doc);
	struct strbuf sb;
	struct ks_err err;
	size_t ready = 0, sched = 0;

	sb_init(&sb);
	ck_assert_int_eq(jsonpath_eval(tmpl, doc, &sb, &err), 0);
	for (const char *p = sb.s; *p != '\0';) {
		if (strncmp(p, "Ready", 5) == 0)
			ready++, p += 5;
		else if (strncmp(p, "PodScheduled", 12) == 0)
			sched++, p += 12;
		else
			ck_abort_msg("unexpected output at %s", p);
	}
	ck_assert_uint_eq(ready, 78);
	ck_assert_uint_eq(sched, 78);
	sb_free(&sb);
	cJSON_Delete(doc);
	free(tmpl);
}
END_TEST

/*
 * {..} visits each node below it once: over 1,000 pods in a range the work
 * is a few steps a node, and twice the pods is twice the work.
 */
START_TEST(test_recursive_descent_is_linear)
{
	static const char *const tmpls[] = {"{range .items[*]}{..}{end}", "{..}", "{..name}"};
	cJSON *small = pod_list(1000), *big = pod_list(2000);
	size_t nodes = count_nodes(small);

	for (size_t t = 0; t < N(tmpls); t++) {
		struct jsonpath_stats s1, s2;
		struct strbuf a, b;
		struct ks_err err;

		sb_init(&a);
		sb_init(&b);
		ck_assert_int_eq(jsonpath_eval_limited(tmpls[t], small, NULL, &a, &s1, &err), 0);
		ck_assert_int_eq(jsonpath_eval_limited(tmpls[t], big, NULL, &b, &s2, &err), 0);
		ck_assert_msg(s1.values >= nodes - 10 && s1.values < 4 * nodes, "%s: %llu values, %zu nodes",
		    tmpls[t], s1.values, nodes);
		ck_assert_msg(s1.steps < 6 * nodes, "%s: %llu steps, %zu nodes", tmpls[t], s1.steps, nodes);
		/* Linear: a constant apart from twice the work for half the pods. */
		ck_assert_msg(s2.steps > 2 * s1.steps - 20 && s2.steps < 2 * s1.steps + 20,
		    "%s: %llu then %llu steps", tmpls[t], s1.steps, s2.steps);
		ck_assert_uint_gt(b.len, 2 * a.len - 100);
		ck_assert_uint_lt(b.len, 2 * a.len + 100);
		sb_free(&a);
		sb_free(&b);
	}
	cJSON_Delete(small);
	cJSON_Delete(big);
}
END_TEST

/* The message kubectl's framing gives a limit, with the dump of doc_text. */
static char *
limit_message(const char *tmpl, const char *what, const char *dump)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_addf(&sb,
	    "error executing jsonpath \"%s\": Error executing template: %s. Printing more information "
	    "for debugging the template:\n\ttemplate was:\n\t\t%s\n\tobject given to jsonpath engine "
	    "was:\n\t\t%s\n\n",
	    tmpl, what, tmpl, dump);
	return sb_take(&sb);
}

/*
 * A union that quadruples every value at each of twelve indexes into
 * arrays twelve deep: 4^12 values. Past the budget the evaluation stops at
 * once, with an execution error, and prints nothing.
 */
START_TEST(test_the_step_budget_stops_an_explosive_template)
{
	struct jsonpath_limits lim = {1000000, JSONPATH_MAX_OUTPUT};
	char *tmpl = repeat("", 0, "{.a", "[*,*,*,*]", 12), *full, *want, *dump;
	cJSON *doc = cJSON_CreateObject(), *a = cJSON_CreateNumber(1);
	struct jsonpath_stats st;
	struct strbuf sb;
	struct ks_err err;

	for (int i = 0; i < 12; i++) {
		cJSON *arr = cJSON_CreateArray();

		cJSON_AddItemToArray(arr, a);
		a = arr;
	}
	cJSON_AddItemToObject(doc, "a", a);
	full = xasprintf("%s}", tmpl);
	dump = repeat("map[string]interface {}{\"a\":", 1, "", "[]interface {}{", 12);
	sb_init(&sb);
	sb_add(&sb, dump);
	sb_add(&sb, "1}}}}}}}}}}}}}");
	free(dump);
	dump = sb_take(&sb);
	want = limit_message(full, "evaluation stopped after 1000000 steps (kubesim's limit)", dump);
	sb_init(&sb);
	sb_add(&sb, "kept");
	ck_assert_int_eq(jsonpath_eval_limited(full, doc, &lim, &sb, &st, &err), -1);
	ck_assert_msg(strcmp(err.msg, want) == 0, "got\n%s\nwant\n%s", err.msg, want);
	ck_assert_str_eq(sb.s, "kept");
	ck_assert_uint_gt(st.steps, lim.max_steps);
	ck_assert_uint_lt(st.steps, 3 * lim.max_steps);
	sb_free(&sb);
	cJSON_Delete(doc);
	free(tmpl);
	free(full);
	free(want);
	free(dump);
}
END_TEST

/*
 * The default budget, on work that is merely large: a field looked up
 * 1,300 times in each of 20,000 values is about 104 million steps. (The
 * field is missing, so the time goes to steps rather than printing.)
 */
START_TEST(test_the_default_budget)
{
	cJSON *doc = cJSON_CreateObject(), *items = cJSON_AddArrayToObject(doc, "items");
	char *tmpl = repeat("{range .items[*]}", 1, "", "{.y}", 1300);
	struct jsonpath_stats st;
	struct strbuf sb;
	struct ks_err err;
	const char *what = "Error executing template: evaluation stopped after 100000000 steps "
			   "(kubesim's limit). ";

	ck_assert_uint_eq(JSONPATH_MAX_STEPS, 100000000);
	for (int i = 0; i < 20000; i++) {
		cJSON *item = cJSON_CreateObject();

		cJSON_AddNumberToObject(item, "x", 1);
		cJSON_AddItemToArray(items, item);
	}
	sb_init(&sb);
	ck_assert_int_eq(jsonpath_eval_limited(tmpl, doc, NULL, &sb, &st, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, what));
	ck_assert_str_eq(sb_str(&sb), "");
	ck_assert_uint_lt(st.steps, JSONPATH_MAX_STEPS + 1000);
	sb_free(&sb);
	cJSON_Delete(doc);
	free(tmpl);
}
END_TEST

/* Output doubles with each {range @}: the cap stops it, and out is left as it was. */
START_TEST(test_the_output_cap)
{
	static const char small[] = "{\"a\":\"0123456789\"}";
	struct jsonpath_limits lim = {JSONPATH_MAX_STEPS, 1 << 20};
	struct jsonpath_limits exact = {JSONPATH_MAX_STEPS, 10};
	char *tmpl = repeat("{range @}", 24, "{.a}", "", 0);
	char *want = limit_message(tmpl, "the output passed 1048576 bytes (kubesim's limit)",
	    "map[string]interface {}{\"a\":\"0123456789\"}");
	cJSON *doc = cJSON_Parse(small);
	struct jsonpath_stats st;
	struct strbuf sb;
	struct ks_err err;

	sb_init(&sb);
	sb_add(&sb, "kept");
	ck_assert_int_eq(jsonpath_eval_limited(tmpl, doc, &lim, &sb, &st, &err), -1);
	ck_assert_msg(strcmp(err.msg, want) == 0, "got\n%s\nwant\n%s", err.msg, want);
	ck_assert_str_eq(sb.s, "kept");
	ck_assert_uint_gt(st.output, lim.max_output);
	ck_assert_uint_le(st.output, 2 * lim.max_output + 10);
	ck_assert_uint_lt(st.steps, 5000);
	/* Exactly the cap is allowed; a byte more is not. */
	ck_assert_int_eq(jsonpath_eval_limited("{.a}", doc, &exact, &sb, &st, &err), 0);
	ck_assert_str_eq(sb.s, "kept0123456789");
	exact.max_output = 9;
	ck_assert_int_eq(jsonpath_eval_limited("{.a}", doc, &exact, &sb, &st, &err), -1);
	ck_assert_str_eq(sb.s, "kept0123456789");
	sb_free(&sb);
	cJSON_Delete(doc);
	free(tmpl);
	free(want);
}
END_TEST

/*
 * A thousand ranges one inside another run; one more is refused rather
 * than risking the stack.
 */
START_TEST(test_deep_nesting_is_refused)
{
	char *ok = repeat("{range .nope[*]}", 1000, "x", "", 0);
	char *deep = repeat("{range .nope[*]}", 1001, "x", "", 0);
	cJSON *doc = cJSON_Parse(pod_doc);
	struct strbuf sb;
	struct ks_err err;
	char *shown = xasprintf("error executing jsonpath \"%.200s...\": Error executing template: "
				"ranges nested more than 1000 deep (kubesim's limit). Printing more "
				"information for debugging the template:\n\ttemplate was:\n\t\t%.200s...\n",
	    deep, deep);

	sb_init(&sb);
	ck_assert_int_eq(jsonpath_eval(ok, doc, &sb, &err), 0);
	ck_assert_str_eq(sb.s, "x");
	ck_assert_int_eq(jsonpath_eval(deep, doc, &sb, &err), -1);
	/* Quoted whole, the template would push the reason out of the message: it is cut. */
	ck_assert_msg(strncmp(err.msg, shown, strlen(shown)) == 0, "got\n%s", err.msg);
	ck_assert_str_eq(sb.s, "x");
	sb_free(&sb);
	cJSON_Delete(doc);
	free(ok);
	free(deep);
	free(shown);
}
END_TEST

static Suite *
jsonpath_suite(void)
{
	Suite *s = suite_create("jsonpath");
	TCase *to = tcase_create("output");
	TCase *te = tcase_create("errors");
	TCase *tl = tcase_create("limits");

	tcase_add_loop_test(to, test_items_templates, 0, N(items_cases));
	tcase_add_loop_test(to, test_null_and_number_templates, 0, N(null_cases));
	tcase_add_loop_test(to, test_dotted_key_templates, 0, N(cm_cases));
	tcase_add_test(to, test_output_is_appended_without_a_newline);
	tcase_add_test(to, test_map_wildcard_uses_key_order);
	tcase_add_loop_test(te, test_execution_errors, 0, N(exec_errors));
	tcase_add_loop_test(te, test_parse_errors, 0, N(parse_errors));
	tcase_add_test(te, test_an_empty_template_is_an_error);
	tcase_add_test(te, test_a_large_dump_is_cut_to_fit);
	tcase_add_test(te, test_a_long_template_is_cut_to_show_the_reason);
	tcase_add_loop_test(tl, test_nested_ranges_on_one_pod_stay_small, 0, N(nest_cases));
	tcase_add_test(tl, test_open_ranges_run_on_as_kubectl_does);
	tcase_add_test(tl, test_recursive_descent_is_linear);
	tcase_add_test(tl, test_the_step_budget_stops_an_explosive_template);
	tcase_add_test(tl, test_the_default_budget);
	tcase_add_test(tl, test_the_output_cap);
	tcase_add_test(tl, test_deep_nesting_is_refused);
	/* The work is asserted; this only keeps a hang from stalling make check. */
	tcase_set_timeout(tl, 300);
	suite_add_tcase(s, to);
	suite_add_tcase(s, te);
	suite_add_tcase(s, tl);
	return s;
}

KS_CHECK_MAIN(jsonpath_suite)
