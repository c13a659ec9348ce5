/*
 * fuzz_state - the practice cluster's state file through state_load, as
 * every `kubesim kubectl` and `kubesim cluster` command reads it: the JSON,
 * the header's checks, then the journal replayed on a fresh cluster
 * (kubectl commands with their recorded files, nodes added, failed and
 * recovered, image rules) and the clock moved on.
 *
 * Input: the file's bytes. state_load reads a path, so the input is written
 * to a file in a private temporary directory (KUBESIM_STATE points there,
 * as in the golden tests). The wall clock is fixed in 2100, so a cluster
 * on the real clock resumes an hour later (the most a gap may add).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "state.h"
#include "util/err.h"
#include "util/file.h"
#include "util/xmalloc.h"

/* 2100-01-01T00:00:00Z. */
#define WALL_NOW_MS ((int64_t)4102444800000)

static char *dir, *path;

static void
cleanup(void)
{
	char *lock = xasprintf("%s.lock", path);

	unlink(path);
	unlink(lock);
	rmdir(dir);
	free(lock);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	dir = xasprintf("%s/kubesim-fuzz-state-XXXXXX", tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		fuzz_fail("cannot make a temporary directory %s", dir);
	path = xasprintf("%s/cluster.json", dir);
	setenv("KUBESIM_STATE", path, 1);
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state st;
	struct ks_err err;
	FILE *f;

	/* Far below FILE_MAX_STATE; -max_len keeps inputs much smaller still. */
	if (size > FILE_MAX_MANIFEST)
		return -1;
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		fuzz_fail("cannot write %s", path);
	if (state_lock(&st, path, &err) < 0)
		fuzz_fail("cannot lock %s: %s", path, err.msg);
	(void)state_load(&st, WALL_NOW_MS, &err);
	state_close(&st);
	return 0;
}
