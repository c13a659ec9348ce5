/*
 * report.c - results of finished runs as a summary line, TAP or JUnit.
 */
#include <string.h>

#include "scenario/run.h"
#include "util/duration.h"
#include "util/strbuf.h"

void
report_result_line(const char *file, const struct run_result *r, size_t n_expect,
    struct strbuf *out)
{
	(void)n_expect;
	if (r->failed == 0)
		sb_addf(out, "PASS %s (%zu step%s, %zu expectation%s)\n", file, r->steps,
		    r->steps == 1 ? "" : "s", r->results.n, r->results.n == 1 ? "" : "s");
	else
		sb_addf(out, "FAIL %s: %zu of %zu expectation%s failed\n", file, r->failed,
		    r->results.n, r->results.n == 1 ? "" : "s");
}

/* TAP 13: one test point per expectation, YAML-ish diagnostics for failures. */
void
report_tap(const char *const *files, const struct run_result *const *results,
    const char *const *errors, size_t n, struct strbuf *out)
{
	size_t total = 0, point = 0;

	for (size_t i = 0; i < n; i++)
		total += errors[i] ? 1 : results[i]->results.n;
	sb_addf(out, "TAP version 13\n1..%zu\n", total);
	for (size_t i = 0; i < n; i++) {
		if (errors[i] != NULL) {
			sb_addf(out, "not ok %zu - %s\n", ++point, files[i]);
			sb_addf(out, "  # %s\n", errors[i]);
			continue;
		}
		for (size_t j = 0; j < results[i]->results.n; j++) {
			const struct exp_result *er = results[i]->results.v[j];

			sb_addf(out, "%s %zu - %s\n", er->ok ? "ok" : "not ok", ++point, er->name);
			if (!er->ok) {
				const char *p = er->message;

				while (*p != '\0') {
					const char *nl = strchr(p, '\n');
					size_t len = nl ? (size_t)(nl - p) : strlen(p);

					sb_add(out, "  # ");
					sb_addn(out, p, len);
					sb_addc(out, '\n');
					p += len + (nl ? 1 : 0);
				}
			}
		}
	}
}

static void
xml_escape(struct strbuf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '<':
			sb_add(out, "&lt;");
			break;
		case '>':
			sb_add(out, "&gt;");
			break;
		case '&':
			sb_add(out, "&amp;");
			break;
		case '"':
			sb_add(out, "&quot;");
			break;
		default:
			sb_addc(out, *s);
		}
	}
}

void
report_junit(const char *const *files, const struct run_result *const *results,
    const char *const *errors, size_t n, struct strbuf *out)
{
	size_t tests = 0, failures = 0, errs = 0;

	for (size_t i = 0; i < n; i++) {
		if (errors[i] != NULL) {
			errs++;
			tests++;
		} else {
			tests += results[i]->results.n;
			failures += results[i]->failed;
		}
	}
	sb_add(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	sb_addf(out, "<testsuites name=\"kubesim\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
	    tests, failures, errs);
	for (size_t i = 0; i < n; i++) {
		sb_add(out, "  <testsuite name=\"");
		xml_escape(out, files[i]);
		if (errors[i] != NULL) {
			sb_add(out, "\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase name=\"load\" classname=\"");
			xml_escape(out, files[i]);
			sb_add(out, "\">\n      <error message=\"");
			xml_escape(out, errors[i]);
			sb_add(out, "\"/>\n    </testcase>\n  </testsuite>\n");
			continue;
		}
		sb_addf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
		    results[i]->results.n, results[i]->failed);
		for (size_t j = 0; j < results[i]->results.n; j++) {
			const struct exp_result *er = results[i]->results.v[j];
			char at[DUR_BUF_MAX];

			dur_go(er->at_ms, at, sizeof at);
			sb_add(out, "    <testcase name=\"");
			xml_escape(out, er->name);
			sb_add(out, "\" classname=\"");
			xml_escape(out, files[i]);
			if (er->ok) {
				sb_add(out, "\"/>\n");
				continue;
			}
			sb_add(out, "\">\n      <failure message=\"");
			xml_escape(out, er->message);
			sb_add(out, "\">");
			xml_escape(out, er->message);
			sb_addf(out, "</failure>\n    </testcase>\n");
		}
		sb_add(out, "  </testsuite>\n");
	}
	sb_add(out, "</testsuites>\n");
}
