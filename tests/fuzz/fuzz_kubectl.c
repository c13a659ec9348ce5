/*
 * fuzz_kubectl - kubectl command lines run on a small cluster, as a
 * scenario's `kubectl:` steps, the TUI's prompt and `kubesim kubectl` run
 * them: word splitting (kctl_split), the flag parser, every verb and its
 * printers, and the API-server paths they reach, with simulated time
 * passing as it does for delete, drain and rollout status.
 *
 * Input: up to MAX_COMMANDS lines, one command each (a leading "kubectl"
 * is dropped, as the TUI does), then an empty line and the text that
 * `-f -` and every file named by -f read (the workshop manifest when
 * there is none). Each input gets a fresh cluster: three Ready nodes with
 * the workshop DaemonSet running; ten simulated seconds pass after each
 * command so the controllers act on it.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "fuzz.h"
#include "kubectl/kctl.h"
#include "util/err.h"
#include "util/file.h"

#define MAX_COMMANDS 8

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cluster *c;
	char *text, *line, *in, *blank;
	int n = 0;

	if (size > FILE_MAX_MANIFEST)
		return -1;
	text = fuzz_text(data, size);
	/* kubesim kubectl refuses a NUL in standard input, and argv cannot hold one. */
	if (strlen(text) != size) {
		free(text);
		return -1;
	}
	blank = strstr(text, "\n\n");
	if (blank != NULL) {
		*blank = '\0';
		in = blank + 2;
	} else {
		in = (char *)fuzz_demo_manifest();
	}
	c = fuzz_cluster(3, true);
	for (line = text; line != NULL && n < MAX_COMMANDS; n++) {
		char *eol = strchr(line, '\n'), **argv;
		int argc;
		struct ks_err err;

		if (eol != NULL)
			*eol = '\0';
		if (kctl_split(line, &argc, &argv, &err) == 0) {
			int skip = argc > 0 && strcmp(argv[0], "kubectl") == 0;

			if (argc > skip)
				fuzz_kubectl(c, argc - skip, argv + skip, in);
			kctl_argv_free(argc, argv);
		}
		cluster_advance_to(c, cluster_now(c) + 10000);
		line = eol != NULL ? eol + 1 : NULL;
	}
	cluster_free(c);
	free(text);
	return 0;
}
