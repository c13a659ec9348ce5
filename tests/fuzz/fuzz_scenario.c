/*
 * fuzz_scenario - a scenario file through the loader (scn_load), as
 * `kubesim run FILE` reads it: YAML, the settings, the cluster's nodes, the
 * steps with their inline manifests and expectations. The scenario is
 * loaded as if compiled in, so paths inside it never reach the disk.
 * Input: the file's bytes (at most FILE_MAX_SCENARIO, the product's limit).
 */
#include <stdlib.h>

#include "fuzz.h"
#include "scenario/scenario.h"
#include "util/err.h"
#include "util/file.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scenario s;
	struct ks_err err;
	char *text;

	if (size > FILE_MAX_SCENARIO)
		return -1;
	text = fuzz_text(data, size);
	/* As cmd_run.c does: the scenario is freed whether it loaded or not. */
	(void)scn_load("scenarios/fuzz.yaml", text, size, true, &s, &err);
	scn_free(&s);
	free(text);
	return 0;
}
