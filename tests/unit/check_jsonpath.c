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

static Suite *
jsonpath_suite(void)
{
	Suite *s = suite_create("jsonpath");
	TCase *to = tcase_create("output");
	TCase *te = tcase_create("errors");

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
	suite_add_tcase(s, to);
	suite_add_tcase(s, te);
	return s;
}

KS_CHECK_MAIN(jsonpath_suite)
