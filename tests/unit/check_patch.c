#include <check.h>
#include "runner.h"
#include "apiserver/patch.h"
START_TEST(t_dummy) { ck_assert_int_eq(patch_type_parse("json"), PATCH_JSON); }
END_TEST
static Suite *patch_suite(void) { Suite *s = suite_create("patch"); TCase *tc = tcase_create("x"); tcase_add_test(tc, t_dummy); suite_add_tcase(s, tc); return s; }
KS_CHECK_MAIN(patch_suite)
