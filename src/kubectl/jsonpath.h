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

#include <cjson/cJSON.h>

struct ks_err;
struct strbuf;

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
 * One custom-columns cell (or one --sort-by key): the results of the
 * template's first expression, each as Go's %v prints it, joined by ",".
 * *count is how many there were (0: kubectl prints "<none>").
 */
int jsonpath_column(const char *tmpl, const cJSON *doc, struct strbuf *out, size_t *count,
    struct ks_err *err);

/* RelaxedJSONPathExpression: ".a.b", "a.b" and "{.a.b}" all become "{.a.b}" (caller frees). */
char *jsonpath_relaxed(const char *field, struct ks_err *err);

#endif
