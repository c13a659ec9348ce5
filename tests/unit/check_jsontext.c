/*
 * check_jsontext.c - kubectl's -o json and -o yaml text, byte for byte.
 *
 * Every expected string below was produced by the real kubectl v1.32 from
 * the same document (kubectl patch --local ... -o json|yaml prints a local
 * object unchanged), so a diff here is a diff a user would see. The cases
 * aim at the rules that are easy to get almost right: Go's escaping and
 * float forms, go-yaml v2's quoting, block scalars, 80-column folding and
 * its natural key order.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "codec/jsontext.h"
#include "runner.h"
#include "util/strbuf.h"

struct fixture {
	const char *name;
	const char *doc;
	const char *json; /* NULL when not checked */
	const char *yaml;
};

/*
 * A small Pod: sorted keys, 4-space JSON indent, inline {} and [], sequences
 * at their key's indentation in YAML.
 * Checked against kubectl v1.32: kubectl patch --local -f pod.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char pod_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\","
	    "\"namespace\":\"default\",\"labels\":{\"app\":\"web\"},\"annotations\":{}},"
	    "\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\","
	    "\"args\":[],\"ports\":[{\"containerPort\":80}]}]},\"status\":{}}";

static const char pod_json[] =
	    "{\n"
	    "    \"apiVersion\": \"v1\",\n"
	    "    \"kind\": \"Pod\",\n"
	    "    \"metadata\": {\n"
	    "        \"annotations\": {},\n"
	    "        \"labels\": {\n"
	    "            \"app\": \"web\"\n"
	    "        },\n"
	    "        \"name\": \"web\",\n"
	    "        \"namespace\": \"default\"\n"
	    "    },\n"
	    "    \"spec\": {\n"
	    "        \"containers\": [\n"
	    "            {\n"
	    "                \"args\": [],\n"
	    "                \"image\": \"nginx\",\n"
	    "                \"name\": \"web\",\n"
	    "                \"ports\": [\n"
	    "                    {\n"
	    "                        \"containerPort\": 80\n"
	    "                    }\n"
	    "                ]\n"
	    "            }\n"
	    "        ]\n"
	    "    },\n"
	    "    \"status\": {}\n"
	    "}\n";

static const char pod_yaml[] =
	    "apiVersion: v1\n"
	    "kind: Pod\n"
	    "metadata:\n"
	    "  annotations: {}\n"
	    "  labels:\n"
	    "    app: web\n"
	    "  name: web\n"
	    "  namespace: default\n"
	    "spec:\n"
	    "  containers:\n"
	    "  - args: []\n"
	    "    image: nginx\n"
	    "    name: web\n"
	    "    ports:\n"
	    "    - containerPort: 80\n"
	    "status: {}\n";

/*
 * Go's JSON escaping: <, > and & as \u003c..., \b and \f short forms, other
 * controls as \u00XX, U+2028/9 escaped, DEL and other UTF-8 raw. (kubectl's own
 * -o yaml refuses this document: go-yaml rejects the raw DEL.)
 * Checked against kubectl v1.32: kubectl patch --local -f esc.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char esc_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"esc\"},"
	    "\"data\":{\"html\":\"<a href=\\\"x\\\">&amp;</a>\",\"ctl\":\"tab\\there\\nnew\\bbs\\fff\\u0001one\\u007fdel\","
	    "\"uni\":\"\\u00e9 \\ud83d\\ude00 \\u2028 \\u2029\",\"back\":\"C:\\\\dir\"}}";

static const char esc_json[] =
	    "{\n"
	    "    \"apiVersion\": \"v1\",\n"
	    "    \"data\": {\n"
	    "        \"back\": \"C:\\\\dir\",\n"
	    "        \"ctl\": \"tab\\there\\nnew\\bbs\\fff\\u0001one\177del\",\n"
	    "        \"html\": \"\\u003ca href=\\\"x\\\"\\u003e\\u0026amp;\\u003c/a\\u003e\",\n"
	    "        \"uni\": \"\xc3\xa9"" \xf0\x9f\x98\x80"" \\u2028 \\u2029\"\n"
	    "    },\n"
	    "    \"kind\": \"ConfigMap\",\n"
	    "    \"metadata\": {\n"
	    "        \"name\": \"esc\"\n"
	    "    }\n"
	    "}\n";

/*
 * Numbers: int64 when integral, else float64 - JSON in 'f' form inside
 * [1e-6, 1e21), YAML in Go's shortest 'g' form.
 * Checked against kubectl v1.32: kubectl patch --local -f num.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char num_doc[] =
	    "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Foo\",\"metadata\":{\"name\":\"num\"},"
	    "\"spec\":{\"int\":12,\"neg\":-7,\"half\":0.5,\"big\":1234567.5,"
	    "\"small\":1e-05,\"tiny\":1e-07,\"huge\":1e+21,\"e20\":100000000000000000000,"
	    "\"zero\":0,\"negf\":-0.25,\"t\":true,\"f\":false,\"nil\":null}}";

static const char num_json[] =
	    "{\n"
	    "    \"apiVersion\": \"example.com/v1\",\n"
	    "    \"kind\": \"Foo\",\n"
	    "    \"metadata\": {\n"
	    "        \"name\": \"num\"\n"
	    "    },\n"
	    "    \"spec\": {\n"
	    "        \"big\": 1234567.5,\n"
	    "        \"e20\": 100000000000000000000,\n"
	    "        \"f\": false,\n"
	    "        \"half\": 0.5,\n"
	    "        \"huge\": 1e+21,\n"
	    "        \"int\": 12,\n"
	    "        \"neg\": -7,\n"
	    "        \"negf\": -0.25,\n"
	    "        \"nil\": null,\n"
	    "        \"small\": 0.00001,\n"
	    "        \"t\": true,\n"
	    "        \"tiny\": 1e-7,\n"
	    "        \"zero\": 0\n"
	    "    }\n"
	    "}\n";

static const char num_yaml[] =
	    "apiVersion: example.com/v1\n"
	    "kind: Foo\n"
	    "metadata:\n"
	    "  name: num\n"
	    "spec:\n"
	    "  big: 1.2345675e+06\n"
	    "  e20: 1e+20\n"
	    "  f: false\n"
	    "  half: 0.5\n"
	    "  huge: 1e+21\n"
	    "  int: 12\n"
	    "  neg: -7\n"
	    "  negf: -0.25\n"
	    "  nil: null\n"
	    "  small: 1e-05\n"
	    "  t: true\n"
	    "  tiny: 1e-07\n"
	    "  zero: 0\n";

/*
 * Which YAML strings go-yaml quotes, and with which quote: double when the
 * plain text would read back as another type (numbers, YAML 1.1 bools, null,
 * timestamps, base-60), single when it starts with an indicator or holds
 * ": " or " #".
 * Checked against kubectl v1.32: kubectl patch --local -f quote.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char quote_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"q\"},"
	    "\"data\":{\"a\":\"1\",\"b\":\"true\",\"c\":\"\",\"d\":\"x: y\",\"e\":\"yes\","
	    "\"f\":\"<a&b>\",\"g\":\"on\",\"h\":\"null\",\"i\":\"~\",\"j\":\"1.5\",\"k\":\"1e3\","
	    "\"l\":\"0x1F\",\"m\":\"- x\",\"n2\":\" lead\",\"o\":\"trail \",\"p\":\"#c\","
	    "\"q\":\"a #b\",\"t\":\"it's\",\"u\":\"\\\"dq\\\"\",\"v\":\"@at\",\"w\":\"`bt\","
	    "\"x\":\"y\",\"y2\":\"N\",\"z\":\"0o17\",\"ts\":\"2024-01-01T00:00:00Z\","
	    "\"ts2\":\"2001-12-14T21:59:43\",\"base60\":\"12:30\",\"dash\":\"-\","
	    "\"dots\":\"...\",\"url\":\"http://x\",\"colon\":\"x:\",\"q2\":\"? x\","
	    "\"pct\":\"50%\",\"qm\":\"?q\",\"ver\":\"1.2.3\",\"ip\":\"10.0.0.1\","
	    "\"neg\":\"-1\",\"plus\":\"+1\",\"dot\":\".\",\"nan\":\"NaN\",\"inf\":\".inf\","
	    "\"tilde\":\"~x\",\"merge\":\"<<\",\"eq\":\"=\",\"ampm\":\"a&b\",\"star\":\"*x\","
	    "\"bang\":\"!x\",\"pipe\":\"|x\",\"gt\":\">x\",\"sq\":\"'x\",\"pct2\":\"%x\","
	    "\"brk\":\"[x]\",\"brc\":\"{x}\",\"cma\":\",x\",\"hash2\":\"a#b\",\"under\":\"1_000\","
	    "\"exp\":\"6.8523015e+5\",\"bin\":\"0b101\",\"oct\":\"0777\",\"sp\":\"   \",\"Off\":\"Off\"}}";

static const char quote_yaml[] =
	    "apiVersion: v1\n"
	    "data:\n"
	    "  \"Off\": \"Off\"\n"
	    "  a: \"1\"\n"
	    "  ampm: a&b\n"
	    "  b: \"true\"\n"
	    "  bang: '!x'\n"
	    "  base60: \"12:30\"\n"
	    "  bin: \"0b101\"\n"
	    "  brc: '{x}'\n"
	    "  brk: '[x]'\n"
	    "  c: \"\"\n"
	    "  cma: ',x'\n"
	    "  colon: 'x:'\n"
	    "  d: 'x: y'\n"
	    "  dash: '-'\n"
	    "  dot: .\n"
	    "  dots: '...'\n"
	    "  e: \"yes\"\n"
	    "  eq: =\n"
	    "  exp: \"6.8523015e+5\"\n"
	    "  f: <a&b>\n"
	    "  g: \"on\"\n"
	    "  gt: '>x'\n"
	    "  h: \"null\"\n"
	    "  hash2: a#b\n"
	    "  i: \"~\"\n"
	    "  inf: \".inf\"\n"
	    "  ip: 10.0.0.1\n"
	    "  j: \"1.5\"\n"
	    "  k: \"1e3\"\n"
	    "  l: \"0x1F\"\n"
	    "  m: '- x'\n"
	    "  merge: <<\n"
	    "  n2: ' lead'\n"
	    "  nan: NaN\n"
	    "  neg: \"-1\"\n"
	    "  o: 'trail '\n"
	    "  oct: \"0777\"\n"
	    "  p: '#c'\n"
	    "  pct: 50%\n"
	    "  pct2: '%x'\n"
	    "  pipe: '|x'\n"
	    "  plus: \"+1\"\n"
	    "  q: 'a #b'\n"
	    "  q2: '? x'\n"
	    "  qm: ?q\n"
	    "  sp: '   '\n"
	    "  sq: '''x'\n"
	    "  star: '*x'\n"
	    "  t: it's\n"
	    "  tilde: ~x\n"
	    "  ts: \"2024-01-01T00:00:00Z\"\n"
	    "  ts2: 2001-12-14T21:59:43\n"
	    "  u: '\"dq\"'\n"
	    "  under: \"1_000\"\n"
	    "  url: http://x\n"
	    "  v: '@at'\n"
	    "  ver: 1.2.3\n"
	    "  w: '`bt'\n"
	    "  x: \"y\"\n"
	    "  y2: \"N\"\n"
	    "  z: \"0o17\"\n"
	    "kind: ConfigMap\n"
	    "metadata:\n"
	    "  name: q\n";

/*
 * Strings with newlines: literal blocks with -, + or no chomping, an
 * indentation hint before a leading space or break, and double quotes when
 * a space ends a line or a tab follows a break.
 * Checked against kubectl v1.32: kubectl patch --local -f multi.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char multi_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"m\"},"
	    "\"data\":{\"a\":\"multi\\nline\",\"b\":\"multi\\nline\\n\",\"c\":\"  indented\\nline2\","
	    "\"d\":\"\\nfirst empty\",\"e\":\"a\\nb\\n\\n\",\"f\":\"\\n\",\"g\":\"a \\nb\","
	    "\"h\":\"a\\n b\",\"i\":\"a\\n\\tb\",\"j\":\"a\\r\\nb\",\"k\":\"script:\\n  - run\\n  - test\\n\"}}";

static const char multi_yaml[] =
	    "apiVersion: v1\n"
	    "data:\n"
	    "  a: |-\n"
	    "    multi\n"
	    "    line\n"
	    "  b: |\n"
	    "    multi\n"
	    "    line\n"
	    "  c: |2-\n"
	    "      indented\n"
	    "    line2\n"
	    "  d: |2-\n"
	    "\n"
	    "    first empty\n"
	    "  e: |+\n"
	    "    a\n"
	    "    b\n"
	    "\n"
	    "  f: |2+\n"
	    "\n"
	    "  g: \"a \\nb\"\n"
	    "  h: |-\n"
	    "    a\n"
	    "     b\n"
	    "  i: \"a\\n\\tb\"\n"
	    "  j: \"a\\r\\nb\"\n"
	    "  k: |\n"
	    "    script:\n"
	    "      - run\n"
	    "      - test\n"
	    "kind: ConfigMap\n"
	    "metadata:\n"
	    "  name: m\n";

/*
 * Long strings fold at a space past column 80 (go-yaml v2's best_width),
 * double-quoted ones with a \ before a continuation that starts with a space;
 * a string without spaces never folds.
 * Checked against kubectl v1.32: kubectl patch --local -f wrap.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char wrap_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"w\"},"
	    "\"data\":{\"plain\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word end\","
	    "\"nospace\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\","
	    "\"dq\":\"\\tab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  \","
	    "\"sq\":\"'ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \","
	    "\"dbl\":\"aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb z\","
	    "\"url\":\"https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b\"},"
	    "\"list\":[\"The quick brown fox jumps over the lazy dog and keeps running far away until the end\"]}";

static const char wrap_yaml[] =
	    "apiVersion: v1\n"
	    "data:\n"
	    "  dbl: aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb aa  bb\n"
	    "    aa  bb aa  bb aa  bb aa  bb z\n"
	    "  dq: \"\\tab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab\n"
	    "    \\ ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  ab  \"\n"
	    "  nospace: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
	    "  plain: word word word word word word word word word word word word word word word\n"
	    "    word word word word word word word word word word word word word word word end\n"
	    "  sq: '''ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\n"
	    "    ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab '\n"
	    "  url: https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
	    "    b\n"
	    "kind: ConfigMap\n"
	    "list:\n"
	    "- The quick brown fox jumps over the lazy dog and keeps running far away until the\n"
	    "  end\n"
	    "metadata:\n"
	    "  name: w\n";

/*
 * go-yaml v2's key order: letters after everything else, digit runs compared
 * by value (a9 < a09 < a10), upper case before lower.
 * Checked against kubectl v1.32: kubectl patch --local -f keys.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char keys_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"k\"},"
	    "\"data\":{\"a10\":\"1\",\"a9\":\"2\",\"a09\":\"3\",\"b\":\"4\",\"B\":\"5\","
	    "\"\":\"6\",\"_u\":\"7\",\"1a\":\"8\",\"10\":\"9\",\"Z1\":\"10\",\"key with space\":\"11\","
	    "\" sp\":\"12\",\"app.kubernetes.io/name\":\"13\",\"app\":\"14\","
	    "\"-x\":\"15\",\"\\u043a\\u043b\\u044e\\u0447\":\"16\"}}";

static const char keys_yaml[] =
	    "apiVersion: v1\n"
	    "data:\n"
	    "  \"\": \"6\"\n"
	    "  ' sp': \"12\"\n"
	    "  -x: \"15\"\n"
	    "  _u: \"7\"\n"
	    "  \"10\": \"9\"\n"
	    "  1a: \"8\"\n"
	    "  B: \"5\"\n"
	    "  Z1: \"10\"\n"
	    "  a9: \"2\"\n"
	    "  a09: \"3\"\n"
	    "  a10: \"1\"\n"
	    "  app: \"14\"\n"
	    "  app.kubernetes.io/name: \"13\"\n"
	    "  b: \"4\"\n"
	    "  key with space: \"11\"\n"
	    "  \xd0\xba""\xd0\xbb""\xd1\x8e""\xd1\x87"": \"16\"\n"
	    "kind: ConfigMap\n"
	    "metadata:\n"
	    "  name: k\n";

/*
 * Nesting: a sequence inside a sequence opens on the same line ("- - 1"),
 * empty collections are written in flow style.
 * Checked against kubectl v1.32: kubectl patch --local -f nest.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char nest_doc[] =
	    "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Foo\",\"metadata\":{\"name\":\"nest\"},"
	    "\"spec\":{\"nested\":[[1,[2,3]],[],[{}],{\"a\":[{\"b\":[]}]}],"
	    "\"seq\":[\"x\",{\"k\":\"v\",\"k2\":[\"y\"]}],\"empty\":{},\"el\":[],\"seqmap\":[{\"a\":{\"b\":\"c\"}}]}}";

static const char nest_json[] =
	    "{\n"
	    "    \"apiVersion\": \"example.com/v1\",\n"
	    "    \"kind\": \"Foo\",\n"
	    "    \"metadata\": {\n"
	    "        \"name\": \"nest\"\n"
	    "    },\n"
	    "    \"spec\": {\n"
	    "        \"el\": [],\n"
	    "        \"empty\": {},\n"
	    "        \"nested\": [\n"
	    "            [\n"
	    "                1,\n"
	    "                [\n"
	    "                    2,\n"
	    "                    3\n"
	    "                ]\n"
	    "            ],\n"
	    "            [],\n"
	    "            [\n"
	    "                {}\n"
	    "            ],\n"
	    "            {\n"
	    "                \"a\": [\n"
	    "                    {\n"
	    "                        \"b\": []\n"
	    "                    }\n"
	    "                ]\n"
	    "            }\n"
	    "        ],\n"
	    "        \"seq\": [\n"
	    "            \"x\",\n"
	    "            {\n"
	    "                \"k\": \"v\",\n"
	    "                \"k2\": [\n"
	    "                    \"y\"\n"
	    "                ]\n"
	    "            }\n"
	    "        ],\n"
	    "        \"seqmap\": [\n"
	    "            {\n"
	    "                \"a\": {\n"
	    "                    \"b\": \"c\"\n"
	    "                }\n"
	    "            }\n"
	    "        ]\n"
	    "    }\n"
	    "}\n";

static const char nest_yaml[] =
	    "apiVersion: example.com/v1\n"
	    "kind: Foo\n"
	    "metadata:\n"
	    "  name: nest\n"
	    "spec:\n"
	    "  el: []\n"
	    "  empty: {}\n"
	    "  nested:\n"
	    "  - - 1\n"
	    "    - - 2\n"
	    "      - 3\n"
	    "  - []\n"
	    "  - - {}\n"
	    "  - a:\n"
	    "    - b: []\n"
	    "  seq:\n"
	    "  - x\n"
	    "  - k: v\n"
	    "    k2:\n"
	    "    - \"y\"\n"
	    "  seqmap:\n"
	    "  - a:\n"
	    "      b: c\n";

/*
 * Characters go-yaml cannot print plainly: non-BMP and control characters
 * force double quotes with \U, \x and \e escapes; a leading BOM makes every
 * character an escape (is_bom looks at the start of the value, not at i).
 * Checked against kubectl v1.32: kubectl patch --local -f special.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char special_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"s\"},"
	    "\"data\":{\"bom\":\"\\ufeffx\",\"emoji\":\"\\ud83d\\ude00 smile\","
	    "\"ctl\":\"a\\u0001b\",\"nbsp\":\"a\\u00a0b\",\"ls\":\"\\u00e9\\u2028\","
	    "\"esc\":\"\\u001b[0m\",\"tab\":\"a\\tb\",\"cr\":\"a\\rb\",\"uni\":\"na\\u00efve caf\\u00e9\"}}";

static const char special_json[] =
	    "{\n"
	    "    \"apiVersion\": \"v1\",\n"
	    "    \"data\": {\n"
	    "        \"bom\": \"\xef\xbb\xbf""x\",\n"
	    "        \"cr\": \"a\\rb\",\n"
	    "        \"ctl\": \"a\\u0001b\",\n"
	    "        \"emoji\": \"\xf0\x9f\x98\x80"" smile\",\n"
	    "        \"esc\": \"\\u001b[0m\",\n"
	    "        \"ls\": \"\xc3\xa9""\\u2028\",\n"
	    "        \"nbsp\": \"a\xc2\xa0""b\",\n"
	    "        \"tab\": \"a\\tb\",\n"
	    "        \"uni\": \"na\xc3\xaf""ve caf\xc3\xa9""\"\n"
	    "    },\n"
	    "    \"kind\": \"ConfigMap\",\n"
	    "    \"metadata\": {\n"
	    "        \"name\": \"s\"\n"
	    "    }\n"
	    "}\n";

static const char special_yaml[] =
	    "apiVersion: v1\n"
	    "data:\n"
	    "  bom: \"\\uFEFF\\x78\"\n"
	    "  cr: \"a\\rb\"\n"
	    "  ctl: \"a\\x01b\"\n"
	    "  emoji: \"\\U0001F600 smile\"\n"
	    "  esc: \"\\e[0m\"\n"
	    "  ls: '\xc3\xa9""\xe2\x80\xa8""'\n"
	    "  nbsp: a\xc2\xa0""b\n"
	    "  tab: \"a\\tb\"\n"
	    "  uni: na\xc3\xaf""ve caf\xc3\xa9""\n"
	    "kind: ConfigMap\n"
	    "metadata:\n"
	    "  name: s\n";

/*
 * Keys longer than 128 bytes or spanning lines are written "? key" / ": value".
 * Checked against kubectl v1.32: kubectl patch --local -f longkey.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char longkey_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"lk\"},"
	    "\"data\":{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\":\"v\","
	    "\"multi\\nkey\":\"v\",\"x\":\"y\"}}";

static const char longkey_yaml[] =
	    "apiVersion: v1\n"
	    "data:\n"
	    "  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n"
	    "  : v\n"
	    "  ? |-\n"
	    "    multi\n"
	    "    key\n"
	    "  : v\n"
	    "  x: \"y\"\n"
	    "kind: ConfigMap\n"
	    "metadata:\n"
	    "  name: lk\n";

/*
 * A Pod as the API server returns it, status and all.
 * Checked against kubectl v1.32: kubectl patch --local -f rpod.json -p '{}'
 * --type merge -o json / -o yaml.
 */
static const char rpod_doc[] =
	    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-05-01T10:00:00Z\","
	    "\"labels\":{\"app\":\"web\",\"pod-template-hash\":\"5d8f7b9c4\"},"
	    "\"annotations\":{\"kubernetes.io/psp\":\"eks.privileged\","
	    "\"note\":\"a <b> & c\"},\"name\":\"web-5d8f7b9c4-x2x7q\",\"namespace\":\"default\","
	    "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"blockOwnerDeletion\":true,"
	    "\"controller\":true,\"kind\":\"ReplicaSet\",\"name\":\"web-5d8f7b9c4\","
	    "\"uid\":\"3f0b6c52-1c1e-4a4b-9d2e-8a8f5b2c7d10\"}],\"resourceVersion\":\"1234\","
	    "\"uid\":\"8d6c1e8a-2b7f-4e55-b1c0-4e2f0d9a6b31\"},\"spec\":{\"containers\":[{\"args\":[\"--port=8080\","
	    "\"--verbose\"],\"command\":[\"/bin/sh\",\"-c\",\"echo hello; sleep 3600\"],"
	    "\"env\":[{\"name\":\"MODE\",\"value\":\"production\"},{\"name\":\"DEBUG\","
	    "\"value\":\"false\"},{\"name\":\"EMPTY\",\"value\":\"\"}],\"image\":\"nginx:1.25\","
	    "\"imagePullPolicy\":\"IfNotPresent\",\"name\":\"web\",\"ports\":[{\"containerPort\":8080,"
	    "\"name\":\"http\",\"protocol\":\"TCP\"}],\"resources\":{\"limits\":{\"cpu\":\"500m\","
	    "\"memory\":\"128Mi\"},\"requests\":{\"cpu\":\"250m\",\"memory\":\"64Mi\"}},"
	    "\"terminationMessagePath\":\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\"}],"
	    "\"dnsPolicy\":\"ClusterFirst\",\"enableServiceLinks\":true,"
	    "\"nodeName\":\"node-1\",\"preemptionPolicy\":\"PreemptLowerPriority\","
	    "\"priority\":0,\"restartPolicy\":\"Always\",\"schedulerName\":\"default-scheduler\","
	    "\"securityContext\":{},\"serviceAccount\":\"default\",\"serviceAccountName\":\"default\","
	    "\"terminationGracePeriodSeconds\":30,\"tolerations\":[{\"effect\":\"NoExecute\","
	    "\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\","
	    "\"tolerationSeconds\":300},{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/unreachable\","
	    "\"operator\":\"Exists\",\"tolerationSeconds\":300}]},\"status\":{\"conditions\":[{\"lastProbeTime\":null,"
	    "\"lastTransitionTime\":\"2024-05-01T10:00:00Z\",\"status\":\"True\","
	    "\"type\":\"Initialized\"},{\"lastProbeTime\":null,\"lastTransitionTime\":\"2024-05-01T10:00:05Z\","
	    "\"status\":\"True\",\"type\":\"Ready\"}],\"containerStatuses\":[{\"containerID\":\"containerd://abc123\","
	    "\"image\":\"docker.io/library/nginx:1.25\",\"imageID\":\"docker.io/library/nginx@sha256:0123\","
	    "\"lastState\":{},\"name\":\"web\",\"ready\":true,\"restartCount\":0,"
	    "\"started\":true,\"state\":{\"running\":{\"startedAt\":\"2024-05-01T10:00:04Z\"}}}],"
	    "\"hostIP\":\"10.0.0.11\",\"phase\":\"Running\",\"podIP\":\"10.244.1.7\","
	    "\"podIPs\":[{\"ip\":\"10.244.1.7\"}],\"qosClass\":\"Burstable\","
	    "\"startTime\":\"2024-05-01T10:00:00Z\"}}";

static const char rpod_json[] =
	    "{\n"
	    "    \"apiVersion\": \"v1\",\n"
	    "    \"kind\": \"Pod\",\n"
	    "    \"metadata\": {\n"
	    "        \"annotations\": {\n"
	    "            \"kubernetes.io/psp\": \"eks.privileged\",\n"
	    "            \"note\": \"a \\u003cb\\u003e \\u0026 c\"\n"
	    "        },\n"
	    "        \"creationTimestamp\": \"2024-05-01T10:00:00Z\",\n"
	    "        \"labels\": {\n"
	    "            \"app\": \"web\",\n"
	    "            \"pod-template-hash\": \"5d8f7b9c4\"\n"
	    "        },\n"
	    "        \"name\": \"web-5d8f7b9c4-x2x7q\",\n"
	    "        \"namespace\": \"default\",\n"
	    "        \"ownerReferences\": [\n"
	    "            {\n"
	    "                \"apiVersion\": \"apps/v1\",\n"
	    "                \"blockOwnerDeletion\": true,\n"
	    "                \"controller\": true,\n"
	    "                \"kind\": \"ReplicaSet\",\n"
	    "                \"name\": \"web-5d8f7b9c4\",\n"
	    "                \"uid\": \"3f0b6c52-1c1e-4a4b-9d2e-8a8f5b2c7d10\"\n"
	    "            }\n"
	    "        ],\n"
	    "        \"resourceVersion\": \"1234\",\n"
	    "        \"uid\": \"8d6c1e8a-2b7f-4e55-b1c0-4e2f0d9a6b31\"\n"
	    "    },\n"
	    "    \"spec\": {\n"
	    "        \"containers\": [\n"
	    "            {\n"
	    "                \"args\": [\n"
	    "                    \"--port=8080\",\n"
	    "                    \"--verbose\"\n"
	    "                ],\n"
	    "                \"command\": [\n"
	    "                    \"/bin/sh\",\n"
	    "                    \"-c\",\n"
	    "                    \"echo hello; sleep 3600\"\n"
	    "                ],\n"
	    "                \"env\": [\n"
	    "                    {\n"
	    "                        \"name\": \"MODE\",\n"
	    "                        \"value\": \"production\"\n"
	    "                    },\n"
	    "                    {\n"
	    "                        \"name\": \"DEBUG\",\n"
	    "                        \"value\": \"false\"\n"
	    "                    },\n"
	    "                    {\n"
	    "                        \"name\": \"EMPTY\",\n"
	    "                        \"value\": \"\"\n"
	    "                    }\n"
	    "                ],\n"
	    "                \"image\": \"nginx:1.25\",\n"
	    "                \"imagePullPolicy\": \"IfNotPresent\",\n"
	    "                \"name\": \"web\",\n"
	    "                \"ports\": [\n"
	    "                    {\n"
	    "                        \"containerPort\": 8080,\n"
	    "                        \"name\": \"http\",\n"
	    "                        \"protocol\": \"TCP\"\n"
	    "                    }\n"
	    "                ],\n"
	    "                \"resources\": {\n"
	    "                    \"limits\": {\n"
	    "                        \"cpu\": \"500m\",\n"
	    "                        \"memory\": \"128Mi\"\n"
	    "                    },\n"
	    "                    \"requests\": {\n"
	    "                        \"cpu\": \"250m\",\n"
	    "                        \"memory\": \"64Mi\"\n"
	    "                    }\n"
	    "                },\n"
	    "                \"terminationMessagePath\": \"/dev/termination-log\",\n"
	    "                \"terminationMessagePolicy\": \"File\"\n"
	    "            }\n"
	    "        ],\n"
	    "        \"dnsPolicy\": \"ClusterFirst\",\n"
	    "        \"enableServiceLinks\": true,\n"
	    "        \"nodeName\": \"node-1\",\n"
	    "        \"preemptionPolicy\": \"PreemptLowerPriority\",\n"
	    "        \"priority\": 0,\n"
	    "        \"restartPolicy\": \"Always\",\n"
	    "        \"schedulerName\": \"default-scheduler\",\n"
	    "        \"securityContext\": {},\n"
	    "        \"serviceAccount\": \"default\",\n"
	    "        \"serviceAccountName\": \"default\",\n"
	    "        \"terminationGracePeriodSeconds\": 30,\n"
	    "        \"tolerations\": [\n"
	    "            {\n"
	    "                \"effect\": \"NoExecute\",\n"
	    "                \"key\": \"node.kubernetes.io/not-ready\",\n"
	    "                \"operator\": \"Exists\",\n"
	    "                \"tolerationSeconds\": 300\n"
	    "            },\n"
	    "            {\n"
	    "                \"effect\": \"NoExecute\",\n"
	    "                \"key\": \"node.kubernetes.io/unreachable\",\n"
	    "                \"operator\": \"Exists\",\n"
	    "                \"tolerationSeconds\": 300\n"
	    "            }\n"
	    "        ]\n"
	    "    },\n"
	    "    \"status\": {\n"
	    "        \"conditions\": [\n"
	    "            {\n"
	    "                \"lastProbeTime\": null,\n"
	    "                \"lastTransitionTime\": \"2024-05-01T10:00:00Z\",\n"
	    "                \"status\": \"True\",\n"
	    "                \"type\": \"Initialized\"\n"
	    "            },\n"
	    "            {\n"
	    "                \"lastProbeTime\": null,\n"
	    "                \"lastTransitionTime\": \"2024-05-01T10:00:05Z\",\n"
	    "                \"status\": \"True\",\n"
	    "                \"type\": \"Ready\"\n"
	    "            }\n"
	    "        ],\n"
	    "        \"containerStatuses\": [\n"
	    "            {\n"
	    "                \"containerID\": \"containerd://abc123\",\n"
	    "                \"image\": \"docker.io/library/nginx:1.25\",\n"
	    "                \"imageID\": \"docker.io/library/nginx@sha256:0123\",\n"
	    "                \"lastState\": {},\n"
	    "                \"name\": \"web\",\n"
	    "                \"ready\": true,\n"
	    "                \"restartCount\": 0,\n"
	    "                \"started\": true,\n"
	    "                \"state\": {\n"
	    "                    \"running\": {\n"
	    "                        \"startedAt\": \"2024-05-01T10:00:04Z\"\n"
	    "                    }\n"
	    "                }\n"
	    "            }\n"
	    "        ],\n"
	    "        \"hostIP\": \"10.0.0.11\",\n"
	    "        \"phase\": \"Running\",\n"
	    "        \"podIP\": \"10.244.1.7\",\n"
	    "        \"podIPs\": [\n"
	    "            {\n"
	    "                \"ip\": \"10.244.1.7\"\n"
	    "            }\n"
	    "        ],\n"
	    "        \"qosClass\": \"Burstable\",\n"
	    "        \"startTime\": \"2024-05-01T10:00:00Z\"\n"
	    "    }\n"
	    "}\n";

static const char rpod_yaml[] =
	    "apiVersion: v1\n"
	    "kind: Pod\n"
	    "metadata:\n"
	    "  annotations:\n"
	    "    kubernetes.io/psp: eks.privileged\n"
	    "    note: a <b> & c\n"
	    "  creationTimestamp: \"2024-05-01T10:00:00Z\"\n"
	    "  labels:\n"
	    "    app: web\n"
	    "    pod-template-hash: 5d8f7b9c4\n"
	    "  name: web-5d8f7b9c4-x2x7q\n"
	    "  namespace: default\n"
	    "  ownerReferences:\n"
	    "  - apiVersion: apps/v1\n"
	    "    blockOwnerDeletion: true\n"
	    "    controller: true\n"
	    "    kind: ReplicaSet\n"
	    "    name: web-5d8f7b9c4\n"
	    "    uid: 3f0b6c52-1c1e-4a4b-9d2e-8a8f5b2c7d10\n"
	    "  resourceVersion: \"1234\"\n"
	    "  uid: 8d6c1e8a-2b7f-4e55-b1c0-4e2f0d9a6b31\n"
	    "spec:\n"
	    "  containers:\n"
	    "  - args:\n"
	    "    - --port=8080\n"
	    "    - --verbose\n"
	    "    command:\n"
	    "    - /bin/sh\n"
	    "    - -c\n"
	    "    - echo hello; sleep 3600\n"
	    "    env:\n"
	    "    - name: MODE\n"
	    "      value: production\n"
	    "    - name: DEBUG\n"
	    "      value: \"false\"\n"
	    "    - name: EMPTY\n"
	    "      value: \"\"\n"
	    "    image: nginx:1.25\n"
	    "    imagePullPolicy: IfNotPresent\n"
	    "    name: web\n"
	    "    ports:\n"
	    "    - containerPort: 8080\n"
	    "      name: http\n"
	    "      protocol: TCP\n"
	    "    resources:\n"
	    "      limits:\n"
	    "        cpu: 500m\n"
	    "        memory: 128Mi\n"
	    "      requests:\n"
	    "        cpu: 250m\n"
	    "        memory: 64Mi\n"
	    "    terminationMessagePath: /dev/termination-log\n"
	    "    terminationMessagePolicy: File\n"
	    "  dnsPolicy: ClusterFirst\n"
	    "  enableServiceLinks: true\n"
	    "  nodeName: node-1\n"
	    "  preemptionPolicy: PreemptLowerPriority\n"
	    "  priority: 0\n"
	    "  restartPolicy: Always\n"
	    "  schedulerName: default-scheduler\n"
	    "  securityContext: {}\n"
	    "  serviceAccount: default\n"
	    "  serviceAccountName: default\n"
	    "  terminationGracePeriodSeconds: 30\n"
	    "  tolerations:\n"
	    "  - effect: NoExecute\n"
	    "    key: node.kubernetes.io/not-ready\n"
	    "    operator: Exists\n"
	    "    tolerationSeconds: 300\n"
	    "  - effect: NoExecute\n"
	    "    key: node.kubernetes.io/unreachable\n"
	    "    operator: Exists\n"
	    "    tolerationSeconds: 300\n"
	    "status:\n"
	    "  conditions:\n"
	    "  - lastProbeTime: null\n"
	    "    lastTransitionTime: \"2024-05-01T10:00:00Z\"\n"
	    "    status: \"True\"\n"
	    "    type: Initialized\n"
	    "  - lastProbeTime: null\n"
	    "    lastTransitionTime: \"2024-05-01T10:00:05Z\"\n"
	    "    status: \"True\"\n"
	    "    type: Ready\n"
	    "  containerStatuses:\n"
	    "  - containerID: containerd://abc123\n"
	    "    image: docker.io/library/nginx:1.25\n"
	    "    imageID: docker.io/library/nginx@sha256:0123\n"
	    "    lastState: {}\n"
	    "    name: web\n"
	    "    ready: true\n"
	    "    restartCount: 0\n"
	    "    started: true\n"
	    "    state:\n"
	    "      running:\n"
	    "        startedAt: \"2024-05-01T10:00:04Z\"\n"
	    "  hostIP: 10.0.0.11\n"
	    "  phase: Running\n"
	    "  podIP: 10.244.1.7\n"
	    "  podIPs:\n"
	    "  - ip: 10.244.1.7\n"
	    "  qosClass: Burstable\n"
	    "  startTime: \"2024-05-01T10:00:00Z\"\n";
static const struct fixture fixtures[] = {
	{"pod", pod_doc, pod_json, pod_yaml},
	{"esc", esc_doc, esc_json, NULL},
	{"num", num_doc, num_json, num_yaml},
	{"quote", quote_doc, NULL, quote_yaml},
	{"multi", multi_doc, NULL, multi_yaml},
	{"wrap", wrap_doc, NULL, wrap_yaml},
	{"keys", keys_doc, NULL, keys_yaml},
	{"nest", nest_doc, nest_json, nest_yaml},
	{"special", special_doc, special_json, special_yaml},
	{"longkey", longkey_doc, NULL, longkey_yaml},
	{"rpod", rpod_doc, rpod_json, rpod_yaml},
};

#define N_FIXTURES (sizeof fixtures / sizeof fixtures[0])

static cJSON *
parse(const char *text)
{
	cJSON *doc = cJSON_Parse(text);

	ck_assert_msg(doc != NULL, "fixture does not parse: %.40s", text);
	return doc;
}

START_TEST(test_json_text_matches_kubectl)
{
	const struct fixture *f = &fixtures[_i];
	struct strbuf sb;
	cJSON *doc;

	if (f->json == NULL)
		return;
	doc = parse(f->doc);
	sb_init(&sb);
	encode_json_text(doc, &sb);
	ck_assert_msg(strcmp(sb.s, f->json) == 0, "%s: got\n%s\nwant\n%s", f->name, sb.s, f->json);
	sb_free(&sb);
	cJSON_Delete(doc);
}
END_TEST

START_TEST(test_yaml_text_matches_kubectl)
{
	const struct fixture *f = &fixtures[_i];
	struct strbuf sb;
	cJSON *doc;

	if (f->yaml == NULL)
		return;
	doc = parse(f->doc);
	sb_init(&sb);
	encode_yaml_text(doc, &sb);
	ck_assert_msg(strcmp(sb.s, f->yaml) == 0, "%s: got\n%s\nwant\n%s", f->name, sb.s, f->yaml);
	sb_free(&sb);
	cJSON_Delete(doc);
}
END_TEST

/* The buffer contract rather than a kubectl fixture: text is appended. */
START_TEST(test_output_is_appended_to_the_buffer)
{
	struct strbuf sb;
	cJSON *doc = parse("{\"b\":1,\"a\":[]}");

	sb_init(&sb);
	sb_add(&sb, "before\n");
	encode_json_text(doc, &sb);
	encode_yaml_text(doc, &sb);
	ck_assert_str_eq(sb.s, "before\n{\n    \"a\": [],\n    \"b\": 1\n}\na: []\nb: 1\n");
	sb_free(&sb);
	cJSON_Delete(doc);
}
END_TEST

/*
 * json.Marshal's compact form, as kubectl -o jsonpath='{.spec}' prints a map.
 * Checked against kubectl v1.32.
 */
START_TEST(test_compact_json_is_json_marshal)
{
	struct strbuf sb;
	cJSON *doc = parse("{\"a\":[null,1,\"x\",null],\"m\":{\"k\":null},\"e\":\"\",\"big\":1000000,"
			   "\"f\":1234567.5,\"neg\":-0.25,\"tiny\":0.00001234,\"h\":\"<&>\","
			   "\"u\":\"\\u00e9\\u2028\"}");

	sb_init(&sb);
	encode_json_compact(doc, &sb);
	ck_assert_str_eq(sb.s, "{\"a\":[null,1,\"x\",null],\"big\":1000000,\"e\":\"\",\"f\":1234567.5,"
			       "\"h\":\"\\u003c\\u0026\\u003e\",\"m\":{\"k\":null},\"neg\":-0.25,"
			       "\"tiny\":0.00001234,\"u\":\"\xc3\xa9\\u2028\"}");
	sb_free(&sb);
	cJSON_Delete(doc);
}
END_TEST

/*
 * Go's %v of the number kubectl holds: what -o jsonpath prints for a number.
 * Checked against kubectl v1.32 ({.spec.x} on documents holding these; the
 * two format_float_v cases are float64s read from a file, which kubectl
 * prints as "1" and "1e+06").
 */
START_TEST(test_numbers_print_as_go_does)
{
	static const struct {
		double v;
		const char *want;
	} cases[] = {
		{3, "3"},
		{-7, "-7"},
		{0.5, "0.5"},
		{-0.25, "-0.25"},
		{1234567.5, "1.2345675e+06"},
		{0.00001, "1e-05"},
		{0.00001234, "1.234e-05"},
		{1e20, "1e+20"},
		{1e21, "1e+21"},
		{1e23, "1e+23"},
	};
	struct strbuf sb;

	sb_init(&sb);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sb_reset(&sb);
		format_number_v(cases[i].v, &sb);
		ck_assert_str_eq(sb.s, cases[i].want);
	}
	sb_reset(&sb);
	format_float_v(1.0, &sb);
	ck_assert_str_eq(sb.s, "1");
	sb_reset(&sb);
	format_float_v(1e6, &sb);
	ck_assert_str_eq(sb.s, "1e+06");
	sb_free(&sb);
}
END_TEST

static Suite *
jsontext_suite(void)
{
	Suite *s = suite_create("jsontext");
	TCase *tj = tcase_create("json");
	TCase *ty = tcase_create("yaml");
	TCase *tn = tcase_create("numbers");

	tcase_add_loop_test(tj, test_json_text_matches_kubectl, 0, N_FIXTURES);
	tcase_add_test(tj, test_output_is_appended_to_the_buffer);
	tcase_add_test(tj, test_compact_json_is_json_marshal);
	tcase_add_loop_test(ty, test_yaml_text_matches_kubectl, 0, N_FIXTURES);
	tcase_add_test(tn, test_numbers_print_as_go_does);
	suite_add_tcase(s, tj);
	suite_add_tcase(s, ty);
	suite_add_tcase(s, tn);
	return s;
}

KS_CHECK_MAIN(jsontext_suite)
