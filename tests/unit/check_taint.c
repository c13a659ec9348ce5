/*
 * check_taint.c - taints, tolerations and the untolerated-taint search.
 *
 * The rules are core/v1 Toleration.ToleratesTaint as of v1.32: effect empty
 * or equal, key empty or equal, then Exists or an equal value. Note that the
 * key test is skipped for an empty key whatever the operator; only API
 * validation stops key "" with Equal.
 */
#include <check.h>
#include <stdlib.h>

#include "api/taint.h"
#include "runner.h"
#include "util/strbuf.h"

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define ALL EFFECT_ALL
#define NS EFFECT_NO_SCHEDULE
#define PNS EFFECT_PREFER_NO_SCHEDULE
#define NE EFFECT_NO_EXECUTE
#define EQ TOL_EQUAL
#define EX TOL_EXISTS

static const struct {
	const char *tkey, *tval;
	enum tol_op op;
	enum taint_effect teff;
	const char *key, *val;
	enum taint_effect eff;
	bool want;
} tolerates[] = {
	/* toleration (key, op, value, effect) vs taint (key, value, effect) */
	{"dedicated", "gpu", EQ, NS, "dedicated", "gpu", NS, true},
	{"dedicated", "cpu", EQ, NS, "dedicated", "gpu", NS, false},
	{"dedicated", "", EX, NS, "dedicated", "gpu", NS, true},
	{"dedicated", "", EX, NE, "dedicated", "gpu", NS, false},
	{"dedicated", "", EX, ALL, "dedicated", "gpu", NE, true},
	{"dedicated", "gpu", EQ, ALL, "dedicated", "gpu", PNS, true},
	{"other", "", EX, ALL, "dedicated", "gpu", NS, false},
	/* Empty key with Exists: the "tolerate everything" toleration. */
	{"", "", EX, ALL, "node.kubernetes.io/not-ready", "", NE, true},
	{"", "", EX, NS, "a", "b", NE, false},
	/* Empty key with Equal skips the key test and compares values. */
	{"", "", EQ, ALL, "node-role.kubernetes.io/master", "", NS, true},
	{"", "", EQ, ALL, "dedicated", "gpu", NS, false},
	/* Equal with an empty value only matches a taint with no value. */
	{"k", "", EQ, NS, "k", "", NS, true},
	{"k", "", EQ, NS, "k", "v", NS, false},
	/* Keys and values are case-sensitive. */
	{"Dedicated", "gpu", EQ, ALL, "dedicated", "gpu", NS, false},
	{"dedicated", "GPU", EQ, ALL, "dedicated", "gpu", NS, false},
};

START_TEST(test_toleration_matches_per_tolerates_taint)
{
	struct toleration tol;
	struct taint t;

	toleration_init(&tol, tolerates[_i].tkey, tolerates[_i].op, tolerates[_i].tval,
	    tolerates[_i].teff);
	taint_init(&t, tolerates[_i].key, tolerates[_i].val, tolerates[_i].eff);
	ck_assert_msg(toleration_tolerates(&tol, &t) == tolerates[_i].want,
	    "row %d: toleration %s/%d/%s/%d vs taint %s=%s:%d should be %s", _i, tolerates[_i].tkey,
	    tolerates[_i].op, tolerates[_i].tval, tolerates[_i].teff, tolerates[_i].key,
	    tolerates[_i].val, tolerates[_i].eff, tolerates[_i].want ? "tolerated" : "untolerated");
	toleration_free(&tol);
	taint_free(&t);
}
END_TEST

START_TEST(test_any_one_toleration_is_enough)
{
	struct toleration tols[2];
	struct taint t;

	toleration_init(&tols[0], "a", TOL_EXISTS, "", EFFECT_ALL);
	toleration_init(&tols[1], "b", TOL_EQUAL, "x", EFFECT_ALL);
	taint_init(&t, "b", "x", EFFECT_NO_SCHEDULE);
	ck_assert(tolerations_tolerate(tols, 2, &t));
	ck_assert(!tolerations_tolerate(tols, 1, &t));
	ck_assert(!tolerations_tolerate(NULL, 0, &t));
	toleration_free(&tols[0]);
	toleration_free(&tols[1]);
	taint_free(&t);
}
END_TEST

START_TEST(test_find_untolerated_returns_the_first_in_node_order)
{
	struct taint taints[3];
	struct toleration tol;
	unsigned hard = EFFECT_BIT(EFFECT_NO_SCHEDULE) | EFFECT_BIT(EFFECT_NO_EXECUTE);

	taint_init(&taints[0], "ok", "", EFFECT_NO_SCHEDULE);
	taint_init(&taints[1], "first", "", EFFECT_NO_EXECUTE);
	taint_init(&taints[2], "second", "", EFFECT_NO_SCHEDULE);
	toleration_init(&tol, "ok", TOL_EXISTS, "", EFFECT_ALL);
	ck_assert_ptr_eq(taint_find_untolerated(taints, 3, &tol, 1, hard), &taints[1]);
	/* Outside the mask a taint is not looked at (the scheduler's filter). */
	ck_assert_ptr_eq(taint_find_untolerated(taints, 3, &tol, 1, EFFECT_BIT(NS)), &taints[2]);
	ck_assert_ptr_null(taint_find_untolerated(taints, 3, &tol, 1,
	    EFFECT_BIT(EFFECT_PREFER_NO_SCHEDULE)));
	taint_free(&taints[0]);
	taint_free(&taints[1]);
	taint_free(&taints[2]);
	toleration_free(&tol);
}
END_TEST

START_TEST(test_find_untolerated_is_null_when_everything_is_tolerated)
{
	struct taint t;
	struct toleration all;

	taint_init(&t, "node.kubernetes.io/unschedulable", "", EFFECT_NO_SCHEDULE);
	toleration_init(&all, "", TOL_EXISTS, "", EFFECT_ALL);
	ck_assert_ptr_null(taint_find_untolerated(&t, 1, &all, 1, ~0u));
	ck_assert_ptr_eq(taint_find_untolerated(&t, 1, NULL, 0, ~0u), &t);
	ck_assert_ptr_null(taint_find_untolerated(NULL, 0, NULL, 0, ~0u));
	taint_free(&t);
	toleration_free(&all);
}
END_TEST

static const struct {
	const char *key, *value;
	enum taint_effect effect;
	const char *want;
} formats[] = {
	{"dedicated", "gpu", EFFECT_NO_SCHEDULE, "dedicated=gpu:NoSchedule"},
	{"node.kubernetes.io/unreachable", "", NE, "node.kubernetes.io/unreachable:NoExecute"},
	{"k", "v", EFFECT_PREFER_NO_SCHEDULE, "k=v:PreferNoSchedule"},
	/* Taint.ToString's two shapes for an effect-less taint. */
	{"k", "v", EFFECT_ALL, "k=v:"},
	{"k", "", EFFECT_ALL, "k"},
};

START_TEST(test_format_matches_taint_to_string)
{
	struct taint t;
	struct strbuf sb;

	taint_init(&t, formats[_i].key, formats[_i].value, formats[_i].effect);
	sb_init(&sb);
	taint_format(&t, &sb);
	ck_assert_str_eq(sb.s, formats[_i].want);
	sb_free(&sb);
	taint_free(&t);
}
END_TEST

START_TEST(test_effect_names_round_trip)
{
	enum taint_effect e, got;

	for (e = EFFECT_NO_SCHEDULE; e <= EFFECT_NO_EXECUTE; e++) {
		ck_assert_int_eq(taint_effect_parse(taint_effect_name(e), false, &got), 0);
		ck_assert_int_eq(got, e);
	}
	ck_assert_str_eq(taint_effect_name(EFFECT_ALL), "");
	ck_assert_str_eq(taint_effect_name(EFFECT_PREFER_NO_SCHEDULE), "PreferNoSchedule");
}
END_TEST

START_TEST(test_effect_parse_rejects_unknown_and_wrong_case)
{
	enum taint_effect got = EFFECT_NO_EXECUTE;

	ck_assert_int_eq(taint_effect_parse("noschedule", true, &got), -1);
	ck_assert_int_eq(taint_effect_parse("NoScheduleX", true, &got), -1);
	ck_assert_int_eq(taint_effect_parse("", false, &got), -1);
	ck_assert_int_eq(taint_effect_parse("", true, &got), 0);
	ck_assert_int_eq(got, EFFECT_ALL);
}
END_TEST

START_TEST(test_toleration_equality_ignores_seconds_only)
{
	struct toleration a, b;

	toleration_init(&a, "k", TOL_EQUAL, "v", EFFECT_NO_EXECUTE);
	toleration_init(&b, "k", TOL_EQUAL, "v", EFFECT_NO_EXECUTE);
	a.has_seconds = true;
	a.seconds = 300;
	ck_assert(toleration_equal_ignoring_seconds(&a, &b));
	b.effect = EFFECT_NO_SCHEDULE;
	ck_assert(!toleration_equal_ignoring_seconds(&a, &b));
	b.effect = EFFECT_NO_EXECUTE;
	b.op = TOL_EXISTS;
	ck_assert(!toleration_equal_ignoring_seconds(&a, &b));
	toleration_free(&a);
	toleration_free(&b);
}
END_TEST

START_TEST(test_copies_are_deep_and_keep_every_field)
{
	struct taint t, tc;
	struct toleration tol, tolc;

	taint_init(&t, "k", "v", EFFECT_NO_EXECUTE);
	ck_assert_int_eq(t.time_added_ms, -1);
	t.time_added_ms = 1234;
	taint_copy(&tc, &t);
	taint_free(&t);
	ck_assert_str_eq(tc.key, "k");
	ck_assert_str_eq(tc.value, "v");
	ck_assert_int_eq(tc.effect, EFFECT_NO_EXECUTE);
	ck_assert_int_eq(tc.time_added_ms, 1234);
	taint_free(&tc);

	toleration_init(&tol, "k", TOL_EXISTS, "", EFFECT_NO_EXECUTE);
	ck_assert(!tol.has_seconds);
	tol.has_seconds = true;
	tol.seconds = 60;
	toleration_copy(&tolc, &tol);
	toleration_free(&tol);
	ck_assert_str_eq(tolc.key, "k");
	ck_assert_str_eq(tolc.value, "");
	ck_assert(tolc.has_seconds);
	ck_assert_int_eq(tolc.seconds, 60);
	toleration_free(&tolc);
}
END_TEST

static Suite *
taint_suite(void)
{
	Suite *s = suite_create("taint");
	TCase *tm = tcase_create("match");
	TCase *tf = tcase_create("format");
	TCase *to = tcase_create("objects");

	tcase_add_loop_test(tm, test_toleration_matches_per_tolerates_taint, 0, NELEM(tolerates));
	tcase_add_test(tm, test_any_one_toleration_is_enough);
	tcase_add_test(tm, test_find_untolerated_returns_the_first_in_node_order);
	tcase_add_test(tm, test_find_untolerated_is_null_when_everything_is_tolerated);
	tcase_add_loop_test(tf, test_format_matches_taint_to_string, 0, NELEM(formats));
	tcase_add_test(tf, test_effect_names_round_trip);
	tcase_add_test(tf, test_effect_parse_rejects_unknown_and_wrong_case);
	tcase_add_test(to, test_toleration_equality_ignores_seconds_only);
	tcase_add_test(to, test_copies_are_deep_and_keep_every_field);
	suite_add_tcase(s, tm);
	suite_add_tcase(s, tf);
	suite_add_tcase(s, to);
	return s;
}

KS_CHECK_MAIN(taint_suite)
