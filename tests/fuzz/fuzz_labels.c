/*
 * fuzz_labels - labels and annotations as users type them: the API
 * server's key and value checks (valid_label_key_error,
 * valid_label_value_error), `kubectl label|annotate nodes node1 K=V K-...`
 * (label.go's parseLabels, then the update), the TUI's and the journal's
 * `addNode NAME --label K=V` (tcmd_parse, tcmd_run), and `kubectl get
 * nodes -L K1,K2 --show-labels`, on a fresh two-node cluster.
 * Input: the words after the command (split like a shell; a line that
 * does not split is one word). It cannot hold a NUL: it is argv.
 */
#include <stdlib.h>
#include <string.h>

#include "api/validate.h"
#include "cluster.h"
#include "fuzz.h"
#include "kubectl/kctl.h"
#include "tui/command.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* kubectl VERB TYPE NAME words... */
static void
kubectl_with(struct cluster *c, const char *verb, int argc, char **words)
{
	char **argv = xcalloc((size_t)argc + 4, sizeof *argv);

	argv[0] = (char *)verb;
	argv[1] = "nodes";
	argv[2] = "node1";
	memcpy(argv + 3, words, (size_t)argc * sizeof *argv);
	fuzz_kubectl(c, argc + 3, argv, "");
	free(argv);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *line, *one[1];
	struct cluster *c;
	struct tcmd cmd;
	struct strbuf out = STRBUF_INIT;
	struct ks_err err;
	char **words;
	int n;

	if (strlen(text) != size || size > 4096) {
		free(text);
		return -1;
	}
	(void)valid_label_key_error(text);
	(void)valid_label_value_error(text);

	c = fuzz_cluster(2, false);
	line = xasprintf("addNode node9 --label %s", text);
	if (tcmd_parse(line, &cmd, &err) == 0) {
		(void)tcmd_run(&cmd, c, &out);
		tcmd_free(&cmd);
	}
	free(line);

	if (kctl_split(text, &n, &words, &err) == 0) {
		kubectl_with(c, "label", n, words);
		kubectl_with(c, "annotate", n, words);
		kctl_argv_free(n, words);
	} else {
		one[0] = text;
		kubectl_with(c, "label", 1, one);
	}
	{
		char *argv[] = {"get", "nodes", "-L", text, "--show-labels", NULL};

		fuzz_kubectl(c, 5, argv, "");
	}
	cluster_free(c);
	sb_free(&out);
	free(text);
	return 0;
}
