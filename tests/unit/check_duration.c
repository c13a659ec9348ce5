/*
 * check_duration.c - Go duration parsing and the two Kubernetes printers.
 *
 * Table-driven: each row is one loop iteration, so a failure names the row.
 * Expected strings come from Go's time package and apimachinery's
 * HumanDuration, including every boundary where the format changes.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "runner.h"
#include "util/duration.h"
#include "util/err.h"

#define S 1000LL
#define M (60 * S)
#define H (60 * M)
#define D (24 * H)
#define Y (365 * D)

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct {
	const char *in;
	int64_t ms;
} parse_ok[] = {
	{"0", 0},
	{"+0", 0},
	{"-0", 0},
	{"0s", 0},
	{"-0s", 0},
	{"250ms", 250},
	{"2s", 2 * S},
	{"+2s", 2 * S},
	{"1m30s", M + 30 * S},
	{"1h", H},
	{"1.5s", 1500},
	{"1.s", S},
	{".5s", 500},
	{"1.0001s", S},
	{"0.5m", 30 * S},
	{"1.25h", H + 15 * M},
	{"2h45m", 2 * H + 45 * M},
	{"1h1h", 2 * H},
	{"1m0.5s", M + 500},
	{"300us", 0},
	{"1500us", 1},
	{"1999\xc2\xb5s", 1},
	{"2000\xce\xbcs", 2},
	{"999999ns", 0},
	{"1000000ns", 1},
	{"100.00000000000000000000000000000000001ms", 100},
	{"0.3333333333333333333h", 20 * M},
	{"9223372036854775807ns", INT64_C(9223372036854)},
	{"2562047h", 2562047 * H},
};

START_TEST(test_dur_parse_accepts_what_go_accepts)
{
	struct ks_err err = {{0}};
	int64_t ms = -1;

	ck_assert_msg(dur_parse(parse_ok[_i].in, &ms, &err) == 0, "\"%s\": %s", parse_ok[_i].in,
	    err.msg);
	ck_assert_msg(ms == parse_ok[_i].ms, "\"%s\" parsed as %lld, want %lld", parse_ok[_i].in,
	    (long long)ms, (long long)parse_ok[_i].ms);
}
END_TEST

static const char *const parse_bad[] = {
	"",
	"+",
	"-",
	"1",
	"10",
	"s",
	".s",
	"-.s",
	".",
	"1x",
	"1sm",
	"1 s",
	" 1s",
	"1s ",
	"1S",
	"1d",
	"-1s",
	"-1ns",
	"-1h30m",
	"1.5",
	"3..5s",
	"9223372036854775808ns",
	"2562048h",
	"9223372036854775807ns1ns",
	"99999999999999999999s",
};

START_TEST(test_dur_parse_rejects_with_the_input_quoted)
{
	struct ks_err err = {{0}};
	char want[256];
	int64_t ms = 12345;

	snprintf(want, sizeof want, "invalid duration \"%s\"", parse_bad[_i]);
	ck_assert_msg(dur_parse(parse_bad[_i], &ms, &err) == -1, "\"%s\" was accepted as %lld",
	    parse_bad[_i], (long long)ms);
	ck_assert_str_eq(err.msg, want);
	ck_assert_int_eq(ms, 12345);
}
END_TEST

static const struct {
	int64_t ms;
	const char *out;
} human[] = {
	{-10 * S, "<invalid>"},
	{-2 * S, "<invalid>"},
	{-1999, "0s"},
	{-1 * S, "0s"},
	{-1, "0s"},
	{0, "0s"},
	{999, "0s"},
	{1 * S, "1s"},
	{59 * S, "59s"},
	{119 * S + 999, "119s"},
	{120 * S, "2m"},
	{121 * S, "2m1s"},
	{9 * M + 59 * S, "9m59s"},
	{10 * M, "10m"},
	{10 * M + 59 * S, "10m"},
	{179 * M + 59 * S, "179m"},
	{3 * H, "3h"},
	{3 * H + 5 * M, "3h5m"},
	{3 * H + 5 * M + 59 * S, "3h5m"},
	{7 * H + 59 * M, "7h59m"},
	{8 * H, "8h"},
	{8 * H + 30 * M, "8h"},
	{47 * H + 59 * M, "47h"},
	{2 * D, "2d"},
	{2 * D + 5 * H, "2d5h"},
	{7 * D + 23 * H, "7d23h"},
	{8 * D, "8d"},
	{8 * D + 5 * H, "8d"},
	{92 * D, "92d"},
	{729 * D + 23 * H, "729d"},
	{2 * Y, "2y"},
	{2 * Y + 1 * D, "2y1d"},
	{3 * Y + 45 * D, "3y45d"},
	{7 * Y + 364 * D, "7y364d"},
	{8 * Y, "8y"},
	{8 * Y + 100 * D, "8y"},
	{100 * Y + 200 * D, "100y"},
};

START_TEST(test_dur_human_matches_kubectl_age)
{
	char buf[DUR_BUF_MAX];

	dur_human(human[_i].ms, buf, sizeof buf);
	ck_assert_msg(strcmp(buf, human[_i].out) == 0, "%lld ms printed as \"%s\", want \"%s\"",
	    (long long)human[_i].ms, buf, human[_i].out);
}
END_TEST

static const struct {
	int64_t ms;
	const char *out;
} go[] = {
	{0, "0s"},
	{1, "1ms"},
	{250, "250ms"},
	{999, "999ms"},
	{1 * S, "1s"},
	{1500, "1.5s"},
	{1250, "1.25s"},
	{1001, "1.001s"},
	{1010, "1.01s"},
	{59 * S + 999, "59.999s"},
	{M, "1m0s"},
	{M + 30 * S, "1m30s"},
	{59 * M + 59 * S, "59m59s"},
	{H, "1h0m0s"},
	{2 * H + 3 * M + 4 * S + 5, "2h3m4.005s"},
	{25 * H, "25h0m0s"},
	{-1500, "-1.5s"},
	{-250, "-250ms"},
	{-H, "-1h0m0s"},
	{INT64_MAX, "2562047788015h12m55.807s"},
	{INT64_MIN, "-2562047788015h12m55.808s"},
};

START_TEST(test_dur_go_matches_go_duration_string)
{
	char buf[DUR_BUF_MAX];

	dur_go(go[_i].ms, buf, sizeof buf);
	ck_assert_msg(strcmp(buf, go[_i].out) == 0, "%lld ms printed as \"%s\", want \"%s\"",
	    (long long)go[_i].ms, buf, go[_i].out);
}
END_TEST

START_TEST(test_dur_go_output_parses_back_to_the_same_value)
{
	char buf[DUR_BUF_MAX];
	struct ks_err err;
	int64_t ms = -1;

	/* Go durations are int64 nanoseconds: past ~292 years there is no string to parse. */
	if (go[_i].ms < 0 || go[_i].ms > INT64_MAX / 1000000)
		return;
	dur_go(go[_i].ms, buf, sizeof buf);
	ck_assert_msg(dur_parse(buf, &ms, &err) == 0, "\"%s\": %s", buf, err.msg);
	ck_assert_int_eq(ms, go[_i].ms);
}
END_TEST

START_TEST(test_a_short_buffer_truncates_and_stays_terminated)
{
	char buf[4];

	dur_go(2 * H + 3 * M + 4 * S + 5, buf, sizeof buf);
	ck_assert_str_eq(buf, "2h3");
	dur_human(3 * H + 5 * M, buf, sizeof buf);
	ck_assert_str_eq(buf, "3h5");
}
END_TEST

static Suite *
duration_suite(void)
{
	Suite *s = suite_create("duration");
	TCase *tp = tcase_create("parse");
	TCase *th = tcase_create("human");
	TCase *tg = tcase_create("go");

	tcase_add_loop_test(tp, test_dur_parse_accepts_what_go_accepts, 0, NELEM(parse_ok));
	tcase_add_loop_test(tp, test_dur_parse_rejects_with_the_input_quoted, 0, NELEM(parse_bad));
	suite_add_tcase(s, tp);

	tcase_add_loop_test(th, test_dur_human_matches_kubectl_age, 0, NELEM(human));
	suite_add_tcase(s, th);

	tcase_add_loop_test(tg, test_dur_go_matches_go_duration_string, 0, NELEM(go));
	tcase_add_loop_test(tg, test_dur_go_output_parses_back_to_the_same_value, 0, NELEM(go));
	tcase_add_test(tg, test_a_short_buffer_truncates_and_stays_terminated);
	suite_add_tcase(s, tg);
	return s;
}

KS_CHECK_MAIN(duration_suite)
