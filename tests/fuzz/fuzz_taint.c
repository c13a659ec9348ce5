/*
 * fuzz_taint - taints as users type them: `kubectl taint nodes node1
 * K=V:EFFECT K:EFFECT K- ...` (taint.go's parseTaints, then the update and
 * what the taint manager and the DaemonSet controller do about it over
 * the next minutes), the TUI's and the journal's `addNode NAME --taint
 * K=V:EFFECT` (tcmd_parse, tcmd_run), the effect names
 * (taint_effect_parse), and `kubectl describe node` printing the result,
 * on a fresh cluster of two nodes running the workshop DaemonSet.
 * Input: the words after the command (split like a shell; a line that
 * does not split is one word). It cannot hold a NUL: it is argv.
 */
#include <stdlib.h>
#include <string.h>

#include "api/taint.h"
#include "cluster.h"
#include "fuzz.h"
#include "kubectl/kctl.h"
#include "tui/command.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *line, **words, **argv;
	enum taint_effect effect;
	struct cluster *c;
	struct tcmd cmd;
	struct strbuf out = STRBUF_INIT;
	struct ks_err err;
	int n;

	if (strlen(text) != size || size > 4096) {
		free(text);
		return -1;
	}
	(void)taint_effect_parse(text, true, &effect);

	c = fuzz_cluster(2, true);
	line = xasprintf("addNode node9 --taint %s", text);
	if (tcmd_parse(line, &cmd, &err) == 0) {
		(void)tcmd_run(&cmd, c, &out);
		tcmd_free(&cmd);
	}
	free(line);

	if (kctl_split(text, &n, &words, &err) < 0) {
		n = 1;
		words = xcalloc(2, sizeof *words);
		words[0] = xstrdup(text);
	}
	argv = xcalloc((size_t)n + 4, sizeof *argv);
	argv[0] = "taint";
	argv[1] = "nodes";
	argv[2] = "node1";
	memcpy(argv + 3, words, (size_t)n * sizeof *argv);
	fuzz_kubectl(c, n + 3, argv, "");
	free(argv);
	kctl_argv_free(n, words);
	/* NoExecute evicts, tolerationSeconds count down, the DaemonSet reacts. */
	cluster_advance_to(c, cluster_now(c) + 10 * 60 * 1000);
	{
		char *describe[] = {"describe", "nodes", NULL};
		char *get[] = {"get", "pods", "-o", "wide", NULL};

		fuzz_kubectl(c, 2, describe, "");
		fuzz_kubectl(c, 4, get, "");
	}
	cluster_free(c);
	sb_free(&out);
	free(text);
	return 0;
}
