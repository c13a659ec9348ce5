/*
 * check_quantity.c - resource.Quantity parsing and canonical printing.
 *
 * Every canonical string below is what kubectl v1.32 prints for the same
 * input (checked with `kubectl set resources --local -o jsonpath`). Rows
 * where Kubernetes keeps the input verbatim ("+1", "1.500", "1E3": its
 * String() returns the parsed text when it looks canonical) or keeps
 * precision below a milli-unit are left out: kubesim stores milli-units
 * and prints from them, as quantity.h says.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/quantity.h"
#include "runner.h"
#include "util/err.h"
#include "util/strbuf.h"

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define DSI QTY_DECIMAL_SI
#define BSI QTY_BINARY_SI
#define DEX QTY_DECIMAL_EXPONENT

static const struct {
	const char *in;
	int64_t milli;
	enum qty_format format;
	const char *canonical;
} parse_ok[] = {
	{"0", 0, DSI, "0"},
	{"100m", 100, DSI, "100m"},
	{"250m", 250, DSI, "250m"},
	{"1500m", 1500, DSI, "1500m"},
	{"1000m", 1000, DSI, "1"},
	{"3000m", 3000, DSI, "3"},
	{"100000m", 100000, DSI, "100"},
	{"0.5", 500, DSI, "500m"},
	{".5", 500, DSI, "500m"},
	{"0.25", 250, DSI, "250m"},
	{"0.001", 1, DSI, "1m"},
	{"0.010", 10, DSI, "10m"},
	{"1.0", 1000, DSI, "1"},
	{"1.000", 1000, DSI, "1"},
	{"10.0", 10000, DSI, "10"},
	{"3.5", 3500, DSI, "3500m"},
	{"-1.5", -1500, DSI, "-1500m"},
	{"-.5", -500, DSI, "-500m"},
	{"-1", -1000, DSI, "-1"},
	{"1", 1000, DSI, "1"},
	{"2", 2000, DSI, "2"},
	{"110", 110000, DSI, "110"},
	{"1023", 1023000, DSI, "1023"},
	{"1100", 1100000, DSI, "1100"},
	{"1500", 1500000, DSI, "1500"},
	/* DecimalSI moves whole thousands into the suffix. */
	{"1000", 1000000, DSI, "1k"},
	{"1000000", 1000000000, DSI, "1M"},
	{"1.5k", 1500000, DSI, "1500"},
	{"500k", 500000000, DSI, "500k"},
	{"1.5M", 1500000000, DSI, "1500k"},
	{"0.5M", 500000000, DSI, "500k"},
	{"129e6", 129000000000, DEX, "129e6"},
	{"129M", 129000000000, DSI, "129M"},
	{"128974848", 128974848000, DSI, "128974848"},
	{"123456789", 123456789000, DSI, "123456789"},
	{"1M", 1000000000, DSI, "1M"},
	{"1G", INT64_C(1000000000000), DSI, "1G"},
	{"1.5G", INT64_C(1500000000000), DSI, "1500M"},
	{"1T", INT64_C(1000000000000000), DSI, "1T"},
	{"1.5T", INT64_C(1500000000000000), DSI, "1500G"},
	{"1P", INT64_C(1000000000000000000), DSI, "1P"},
	{"17179869184", INT64_C(17179869184000), DSI, "17179869184"},
	/* Binary: whole powers of 1024 keep a suffix, anything else falls back. */
	{"1Ki", 1024000, BSI, "1Ki"},
	{"7Ki", 7168000, BSI, "7Ki"},
	{"100Ki", 102400000, BSI, "100Ki"},
	{"1000Ki", 1024000000, BSI, "1000Ki"},
	{"1024Ki", 1048576000, BSI, "1Mi"},
	{"1025Ki", 1049600000, BSI, "1025Ki"},
	{"1536Ki", 1572864000, BSI, "1536Ki"},
	{"1000000Ki", INT64_C(1024000000000), BSI, "1000000Ki"},
	{"1048576Ki", INT64_C(1073741824000), BSI, "1Gi"},
	{"1Mi", 1048576000, BSI, "1Mi"},
	{"64Mi", INT64_C(67108864000), BSI, "64Mi"},
	{"123Mi", INT64_C(128974848000), BSI, "123Mi"},
	{"200Mi", INT64_C(209715200000), BSI, "200Mi"},
	{"1000Mi", INT64_C(1048576000000), BSI, "1000Mi"},
	{"1024Mi", INT64_C(1073741824000), BSI, "1Gi"},
	{"1536Mi", INT64_C(1610612736000), BSI, "1536Mi"},
	{"-1024Mi", -INT64_C(1073741824000), BSI, "-1Gi"},
	{"2.5Mi", INT64_C(2621440000), BSI, "2560Ki"},
	{"1.5Gi", INT64_C(1610612736000), BSI, "1536Mi"},
	{"-1.5Gi", -INT64_C(1610612736000), BSI, "-1536Mi"},
	{"1.2Gi", INT64_C(1288490188800), BSI, "1288490188800m"},
	{"2Gi", INT64_C(2147483648000), BSI, "2Gi"},
	{"12Gi", INT64_C(12884901888000), BSI, "12Gi"},
	{"1Ti", INT64_C(1099511627776000), BSI, "1Ti"},
	{"1024Ti", INT64_C(1125899906842624000), BSI, "1Pi"},
	{"1Pi", INT64_C(1125899906842624000), BSI, "1Pi"},
	{"8Pi", INT64_C(9007199254740992000), BSI, "8Pi"},
	/* Under 1024, or not whole, a binary quantity prints as DecimalSI. */
	{"1.5Ki", 1536000, BSI, "1536"},
	{"1.25Ki", 1280000, BSI, "1280"},
	{"0.5Ki", 512000, BSI, "512"},
	{"-0.5Ki", -512000, BSI, "-512"},
	{"0.1Ki", 102400, BSI, "102400m"},
	{"1024.5Ki", 1049088000, BSI, "1049088"},
	/* Exponents: the mantissa grows until the exponent is a multiple of 3. */
	{"1e3", 1000000, DEX, "1e3"},
	{"1e1", 10000, DEX, "10"},
	{"1e4", 10000000, DEX, "10e3"},
	{"3e2", 300000, DEX, "300"},
	{"12e6", 12000000000, DEX, "12e6"},
	{"1.1e5", 110000000, DEX, "110e3"},
	{"1.5e3", 1500000, DEX, "1500"},
	{"1.5E3", 1500000, DEX, "1500"},
	{"2e3", 2000000, DEX, "2e3"},
	{"1e12", INT64_C(1000000000000000), DEX, "1e12"},
	{"9.2e15", INT64_C(9200000000000000000), DEX, "9200e12"},
	{"1e-3", 1, DEX, "1e-3"},
	{"1e-2", 10, DEX, "10e-3"},
	{"10e-2", 100, DEX, "100e-3"},
	{"100e-3", 100, DEX, "100e-3"},
	{"5e-1", 500, DEX, "500e-3"},
	{"-5e-1", -500, DEX, "-500e-3"},
	{"-2e3", -2000000, DEX, "-2e3"},
	{"5e-3", 5, DEX, "5e-3"},
	/* Zero in every spelling, including ones with no digits at all. */
	{"00", 0, DSI, "0"},
	{"0.0", 0, DSI, "0"},
	{"0m", 0, DSI, "0"},
	{"0Ki", 0, BSI, "0"},
	{"+0", 0, DSI, "0"},
	{"-0", 0, DSI, "0"},
	{".", 0, DSI, "0"},
	{"+", 0, DSI, "0"},
	{"-", 0, DSI, "0"},
	{"+.", 0, DSI, "0"},
	{"k", 0, DSI, "0"},
	{"m", 0, DSI, "0"},
	{"Ki", 0, BSI, "0"},
	{".Ki", 0, BSI, "0"},
	{"e3", 0, DEX, "0"},
	/* The largest milli count there is. */
	{"9223372036854775807m", INT64_MAX, DSI, "9223372036854775807m"},
	{"9223372036854775.807", INT64_MAX, DSI, "9223372036854775807m"},
	{"-9223372036854775.807", -INT64_MAX, DSI, "-9223372036854775807m"},
};

START_TEST(test_parse_and_print_match_kubernetes)
{
	struct ks_err err = {{0}};
	struct quantity q;
	struct strbuf sb;

	ck_assert_msg(qty_parse(parse_ok[_i].in, &q, &err) == 0, "\"%s\": %s", parse_ok[_i].in,
	    err.msg);
	ck_assert_msg(q.milli == parse_ok[_i].milli, "\"%s\" parsed as %lldm, want %lldm",
	    parse_ok[_i].in, (long long)q.milli, (long long)parse_ok[_i].milli);
	ck_assert_msg(q.format == parse_ok[_i].format, "\"%s\" has format %d, want %d",
	    parse_ok[_i].in, q.format, parse_ok[_i].format);
	sb_init(&sb);
	qty_format(&q, &sb);
	ck_assert_msg(strcmp(sb.s, parse_ok[_i].canonical) == 0,
	    "\"%s\" printed \"%s\", want \"%s\"", parse_ok[_i].in, sb.s, parse_ok[_i].canonical);
	sb_free(&sb);
}
END_TEST

#define ERR_FORMAT                                                                                 \
	"quantities must match the regular expression "                                            \
	"'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
#define ERR_SUFFIX "unable to parse quantity's suffix"
#define ERR_LARGE "quantity too large"

static const struct {
	const char *in;
	const char *msg;
} parse_bad[] = {
	{"", ERR_FORMAT},
	{" 1", ERR_FORMAT},
	{"1 ", ERR_FORMAT},
	{"abc", ERR_FORMAT},
	{"-x", ERR_FORMAT},
	{"1..5", ERR_FORMAT},
	{"1.5.5", ERR_FORMAT},
	{"1e3x", ERR_FORMAT},
	{"1Gi ", ERR_FORMAT},
	{"1e", ERR_SUFFIX},
	{"1K", ERR_SUFFIX},
	{"1ki", ERR_SUFFIX},
	{"1mi", ERR_SUFFIX},
	{"1-", ERR_SUFFIX},
	{"1Ki5", ERR_SUFFIX},
	{"1k3", ERR_SUFFIX},
	{"1P5", ERR_SUFFIX},
	{"1ei", ERR_SUFFIX},
	{"1e+", ERR_SUFFIX},
	{"1e-", ERR_SUFFIX},
	{"1e99999999999999999999", ERR_SUFFIX},
	/* Past what milli-units in an int64 can hold (Kubernetes would keep them). */
	{"9223372036854775808m", ERR_LARGE},
	{"-9223372036854775808m", ERR_LARGE},
	{"9223372036854775.8075", ERR_LARGE},
	{"9Pi", ERR_LARGE},
	{"1Ei", ERR_LARGE},
	{"1E", ERR_LARGE},
	{"1e16", ERR_LARGE},
	{"99999999999999999999", ERR_LARGE},
};

START_TEST(test_parse_rejects_with_the_kubernetes_message)
{
	struct ks_err err = {{0}};
	struct quantity q;

	ck_assert_msg(qty_parse(parse_bad[_i].in, &q, &err) == -1, "\"%s\" was accepted",
	    parse_bad[_i].in);
	ck_assert_str_eq(err.msg, parse_bad[_i].msg);
}
END_TEST

static const struct {
	const char *in;
	int64_t milli;
} rounding[] = {
	/* MilliValue rounds what is below a milli-unit away from zero. */
	{"0.1m", 1},
	{"0.0001", 1},
	{"1n", 1},
	{"1e-9", 1},
	{"1.5n", 1},
	{"-0.1m", -1},
	{"1.2345", 1235},
	{"-1.2345", -1235},
	{"1.0001Ki", 1024103},
	{"0.0001Ki", 103},
	{"0.000000000000000000000000000001", 1},
	{"1000u", 1},
	{"1001u", 2},
	{"999999n", 1},
	{"1000001n", 2},
	/* Exponent digits beyond int32 wrap, as Kubernetes' int32(parsed). */
	{"1e4294967296", 1000},
	{"1e4294967299", 1000000},
};

START_TEST(test_sub_milli_precision_rounds_away_from_zero)
{
	struct ks_err err = {{0}};
	struct quantity q;

	ck_assert_msg(qty_parse(rounding[_i].in, &q, &err) == 0, "\"%s\": %s", rounding[_i].in,
	    err.msg);
	ck_assert_msg(q.milli == rounding[_i].milli, "\"%s\" parsed as %lldm, want %lldm",
	    rounding[_i].in, (long long)q.milli, (long long)rounding[_i].milli);
}
END_TEST

START_TEST(test_a_tiny_binary_fraction_becomes_decimal)
{
	struct ks_err err = {{0}};
	struct quantity q;

	/* ParseQuantity demotes 0 < |x| < 1 from BinarySI to DecimalSI. */
	ck_assert_int_eq(qty_parse("0.0001Ki", &q, &err), 0);
	ck_assert_int_eq(q.format, QTY_DECIMAL_SI);
	ck_assert_int_eq(qty_parse("0.5Ki", &q, &err), 0);
	ck_assert_int_eq(q.format, QTY_BINARY_SI);
}
END_TEST

static const struct {
	const char *in;
	int64_t value;
} values[] = {
	/* Quantity.Value: whole units, rounded away from zero. */
	{"100m", 1},
	{"1000m", 1},
	{"1001m", 2},
	{"1500m", 2},
	{"0.5", 1},
	{"-1.5", -2},
	{"-100m", -1},
	{"0", 0},
	{"1Ki", 1024},
	{"1.5Ki", 1536},
	{"2Gi", INT64_C(2147483648)},
	{"1e3", 1000},
};

START_TEST(test_value_rounds_up_to_whole_units)
{
	struct ks_err err = {{0}};
	struct quantity q;

	ck_assert_msg(qty_parse(values[_i].in, &q, &err) == 0, "\"%s\": %s", values[_i].in,
	    err.msg);
	ck_assert_msg(qty_value(&q) == values[_i].value, "Value(\"%s\") = %lld, want %lld",
	    values[_i].in, (long long)qty_value(&q), (long long)values[_i].value);
}
END_TEST

static const struct {
	int64_t milli;
	enum qty_format format;
	const char *want;
} from_milli[] = {
	{0, BSI, "0"},
	{1, DSI, "1m"},
	{1500, DSI, "1500m"},
	{2000, DSI, "2"},
	{4000000, DSI, "4k"},
	{1024000, BSI, "1Ki"},
	{1023000, BSI, "1023"},
	{-1024000, BSI, "-1Ki"},
	/* Just inside -1024 is still "between -1024 and 1024". */
	{-1023999, BSI, "-1023999m"},
	{1024500, BSI, "1024500m"},
	{INT64_C(3221225472000), BSI, "3Gi"},
	{10000000, DEX, "10e3"},
	{1000, DEX, "1"},
	{INT64_MIN, DSI, "-9223372036854775808m"},
};

START_TEST(test_format_from_milli_is_canonical)
{
	struct quantity q = qty_from_milli(from_milli[_i].milli, from_milli[_i].format);
	struct strbuf sb;

	sb_init(&sb);
	qty_format(&q, &sb);
	ck_assert_str_eq(sb.s, from_milli[_i].want);
	sb_free(&sb);
}
END_TEST

START_TEST(test_format_appends_to_the_buffer)
{
	struct quantity q = qty_from_milli(500, QTY_DECIMAL_SI);
	struct strbuf sb;

	sb_init(&sb);
	sb_add(&sb, "cpu: ");
	qty_format(&q, &sb);
	ck_assert_str_eq(sb.s, "cpu: 500m");
	sb_free(&sb);
}
END_TEST

static Suite *
quantity_suite(void)
{
	Suite *s = suite_create("quantity");
	TCase *tp = tcase_create("parse");
	TCase *tf = tcase_create("format");

	tcase_add_loop_test(tp, test_parse_and_print_match_kubernetes, 0, NELEM(parse_ok));
	tcase_add_loop_test(tp, test_parse_rejects_with_the_kubernetes_message, 0,
	    NELEM(parse_bad));
	tcase_add_loop_test(tp, test_sub_milli_precision_rounds_away_from_zero, 0, NELEM(rounding));
	tcase_add_test(tp, test_a_tiny_binary_fraction_becomes_decimal);
	tcase_add_loop_test(tp, test_value_rounds_up_to_whole_units, 0, NELEM(values));
	tcase_add_loop_test(tf, test_format_from_milli_is_canonical, 0, NELEM(from_milli));
	tcase_add_test(tf, test_format_appends_to_the_buffer);
	suite_add_tcase(s, tp);
	suite_add_tcase(s, tf);
	return s;
}

KS_CHECK_MAIN(quantity_suite)
