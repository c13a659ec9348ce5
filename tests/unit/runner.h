/*
 * runner.h - the one main() every Check program shares.
 *
 * Each tests/unit/check_<module>.c defines `Suite *<module>_suite(void)` and
 * ends with KS_CHECK_MAIN(<module>_suite). Results go out as TAP on stdout so
 * automake's tap-driver counts every case, not one result per program.
 */
#ifndef KS_TESTS_RUNNER_H
#define KS_TESTS_RUNNER_H

#include <check.h>

int ks_check_run(Suite *(*make)(void));

#define KS_CHECK_MAIN(make)                                                                        \
	int main(void)                                                                             \
	{                                                                                          \
		return ks_check_run(make);                                                         \
	}

#endif
