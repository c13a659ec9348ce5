/*
 * jsonpath.h - kubectl's -o jsonpath templates over a JSON document.
 *
 * The dialect is client-go's util/jsonpath, not RFC 9535: literal text
 * around {actions}, range/end blocks, filters compared with Go's template
 * rules, several results joined by one space, and (as kubectl get sets
 * AllowMissingKeys) a missing key printing nothing rather than failing.
 */
#ifndef KS_KUBECTL_JSONPATH_H
#define KS_KUBECTL_JSONPATH_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

struct ks_err;
struct strbuf;

/*
 * What one evaluation may cost. Some templates multiply work however they
 * are run - indexes like [*,*,*,*] repeated, ranges nested over {..}, a
 * range over @ doubling the output at each level - so past these limits
 * kubesim stops with an execution error instead of running for minutes or
 * filling memory. A step is one template node evaluated, or one value it
 * took in, gave out or visited ({..} visits each node below it once). A
 * range over 130,000 pods printing five fields of each takes 11 million
 * steps (a third of a second) and prints 6 MB; 100 million steps take one
 * to four seconds. The output cap is the state file's limit, and that file
 * holds every object as -o json prints it, so {.items} of everything a
 * practice cluster can hold still prints.
 */
#define JSONPATH_MAX_STEPS 100000000ULL
#define JSONPATH_MAX_OUTPUT ((size_t)256 << 20)

struct jsonpath_limits {
	unsigned long long max_steps;
	size_t max_output; /* bytes the template may print */
};

/* The work one evaluation did, for tests and benchmarks. */
struct jsonpath_stats {
	unsigned long long steps;  /* walks + values: what max_steps bounds */
	unsigned long long walks;  /* template nodes evaluated, range bodies run */
	unsigned long long values; /* values taken in, given out or visited */
	size_t output;             /* bytes printed */
};

/*
 * Append the template's output for doc to out, with no trailing newline,
 * and return 0. On a parse or execution error nothing is appended and -1
 * is returned with kubectl's message in err, less its final newline, so
 * that printing "error: %s\n" matches kubectl's stderr: either
 *   error parsing jsonpath {.a, unclosed action
 * or
 *   error executing jsonpath "{.a[1]}": Error executing template: ...
 * followed by kubectl's debugging lines and a Go dump of doc; when that
 * dump cannot fit in a ks_err it is cut short and ends in "...".
 */
int jsonpath_eval(const char *tmpl, const cJSON *doc, struct strbuf *out, struct ks_err *err);

/*
 * jsonpath_eval under lim (NULL: the JSONPATH_MAX_* defaults), reporting
 * its work in stats when that is not NULL (on success and on error). Past
 * a limit it fails like any execution error, with one of
 *   ...Error executing template: evaluation stopped after N steps (kubesim's limit). ...
 *   ...Error executing template: the output passed N bytes (kubesim's limit). ...
 *   ...Error executing template: ranges nested more than 1000 deep (kubesim's limit). ...
 * in kubectl's framing; a template too long for that framing to leave room
 * for the reason is shown cut, ending in "...". Output is written straight
 * into out and taken back on an error: it is not streamed to the caller,
 * because kubectl prints nothing when a template fails part way.
 */
int jsonpath_eval_limited(const char *tmpl, const cJSON *doc, const struct jsonpath_limits *lim,
    struct strbuf *out, struct jsonpath_stats *stats, struct ks_err *err);

/*
 * The -o jsonpath printer: as_json for jsonpath-as-json, and allow_missing
 * false (--allow-missing-template-keys=false) making a field no value has
 * an execution error ("x is not found") as in client-go's evalField.
 */
int jsonpath_eval_printer(const char *tmpl, const cJSON *doc, bool as_json, bool allow_missing,
    struct strbuf *out, struct ks_err *err);

/*
 * One custom-columns cell (or one --sort-by key): the results of the
 * template's first expression, each as Go's %v prints it, joined by ",".
 * *count is how many there were (0: kubectl prints "<none>"). Runs under
 * the default limits, failing as jsonpath_eval does past them.
 */
int jsonpath_column(const char *tmpl, const cJSON *doc, struct strbuf *out, size_t *count,
    struct ks_err *err);

/*
 * The first result of the template's first expression, as --sort-by reads
 * it (sorter.go: values[0][0]): *first is that node of doc, or NULL when the
 * expression found nothing. -1 with err on a parse or execution error.
 */
int jsonpath_first(const char *tmpl, const cJSON *doc, const cJSON **first, struct ks_err *err);

/* RelaxedJSONPathExpression: ".a.b", "a.b" and "{.a.b}" all become "{.a.b}" (caller frees). */
char *jsonpath_relaxed(const char *field, struct ks_err *err);

#endif
