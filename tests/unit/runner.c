#include "runner.h"

#include <stdio.h>
#include <stdlib.h>

int
ks_check_run(Suite *(*make)(void))
{
	SRunner *sr = srunner_create(make());
	int failed;

	/* Unbuffered, or a crash in a forked test can reorder the TAP lines. */
	setvbuf(stdout, NULL, _IONBF, 0);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
