/* What the fuzz harnesses share: input copies, a small cluster, kubectl without a disk. */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/node.h"
#include "cluster.h"
#include "kubectl/kctl.h"
#include "scenario/scenario.h"
#include "util/err.h"
#include "util/xmalloc.h"

char *
fuzz_text(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

const char *
fuzz_demo_manifest(void)
{
	for (size_t i = 0; i < scn_embedded_n; i++)
		if (strcmp(scn_embedded[i].path, "scenarios/cka/demo.yaml") == 0)
			return scn_embedded[i].text;
	fuzz_fail("scenarios/cka/demo.yaml is not compiled in");
}

/* kctl_io.read_file: every path reads as the input's stdin part; nothing touches the disk. */
static int
read_stdin_text(void *ctx, const char *path, char **text, size_t *len, struct ks_err *err)
{
	const char *in = ctx;

	(void)path;
	(void)err;
	*len = strlen(in);
	*text = xstrndup(in, *len);
	return 0;
}

int
fuzz_kubectl(struct cluster *c, int argc, char **argv, const char *stdin_text)
{
	struct kctl_io io = {stdin_text, read_stdin_text, NULL, (void *)stdin_text, NULL};
	struct kctl_result res;
	int rc;

	kctl_result_init(&res);
	rc = kctl_run(c, argc, argv, &io, &res);
	kctl_result_free(&res);
	return rc;
}

struct cluster *
fuzz_cluster(unsigned n_nodes, bool demo)
{
	struct timing t;
	struct cluster *c;
	struct ks_err err;

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 1);
	for (unsigned i = 1; i <= n_nodes; i++) {
		char name[32];

		snprintf(name, sizeof name, "node%u", i);
		if (cluster_add_node(c, node_new(name), false, true, &err) < 0)
			fuzz_fail("cannot add %s: %s", name, err.msg);
	}
	if (demo) {
		char *argv[] = {"apply", "-f", "-", NULL};

		if (fuzz_kubectl(c, 3, argv, fuzz_demo_manifest()) != 0)
			fuzz_fail("the workshop manifest does not apply");
		cluster_advance_to(c, cluster_now(c) + 30000);
	}
	return c;
}
