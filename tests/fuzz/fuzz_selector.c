/*
 * fuzz_selector - label selectors in kubectl's -l syntax (sel_parse), as
 * `kubectl get|delete|describe|label -l` and `drain --pod-selector` take
 * them, matched against a node's labels and printed back (sel_format, as
 * describe shows a DaemonSet's selector).
 * Properties: a parsed selector prints as text that parses to the same
 * selector.
 * Input: the selector's text (a NUL ends it, as in a C string).
 */
#include <stdlib.h>
#include <string.h>

#include "api/labels.h"
#include "api/selector.h"
#include "fuzz.h"
#include "util/err.h"
#include "util/strbuf.h"

static struct labels node_labels;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	labels_init(&node_labels);
	labels_set(&node_labels, "kubernetes.io/hostname", "node1");
	labels_set(&node_labels, "kubernetes.io/os", "linux");
	labels_set(&node_labels, "disktype", "ssd");
	labels_set(&node_labels, "gpu", "");
	labels_set(&node_labels, "tier", "2");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct label_selector sel, back;
	struct strbuf once = STRBUF_INIT, twice = STRBUF_INIT;
	struct ks_err err;

	sel_init(&sel);
	sel_init(&back);
	if (sel_parse(text, &sel, &err) == 0) {
		(void)sel_matches(&sel, &node_labels);
		sel_format(&sel, &once);
		/* An empty selector prints as "<none>", which is not -l syntax. */
		if (!sel_is_empty(&sel)) {
			if (sel_parse(sb_str(&once), &back, &err) < 0)
				fuzz_fail("\"%s\" prints as \"%s\", which does not parse: %s", text,
				    sb_str(&once), err.msg);
			sel_format(&back, &twice);
			if (strcmp(sb_str(&once), sb_str(&twice)) != 0)
				fuzz_fail("\"%s\" prints as \"%s\", which prints as \"%s\"", text,
				    sb_str(&once), sb_str(&twice));
			if (sel_matches(&sel, &node_labels) != sel_matches(&back, &node_labels))
				fuzz_fail("\"%s\" and its printed form \"%s\" match differently", text,
				    sb_str(&once));
		}
	}
	sel_free(&sel);
	sel_free(&back);
	sb_free(&once);
	sb_free(&twice);
	free(text);
	return 0;
}
