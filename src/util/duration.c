/*
 * duration.c - Go and apimachinery duration syntax over int64 milliseconds.
 *
 * dur_parse follows Go's time.ParseDuration step for step, in nanoseconds and
 * unsigned 64-bit arithmetic with the same overflow checks, and only divides
 * down to milliseconds at the end; so it accepts exactly the strings Go
 * accepts ("1.h", ".5s", "1h1h", "1.0000000000000000000001s") and rounds the
 * way Go does. The fraction is applied in double precision just as Go does
 * it, which keeps results identical to Go's for long fractions of hours;
 * IEEE doubles make that exact on every platform we target.
 *
 * The formatters are integer-only and write with snprintf, so a short buffer
 * truncates (always terminated) rather than overflowing.
 */
#include "util/duration.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/err.h"

#define NS_PER_MS INT64_C(1000000)

/* Go's 1<<63: the magnitude limit before the final sign check. */
#define U63 (UINT64_C(1) << 63)

struct dur_unit {
	const char *name;
	uint64_t ns;
};

static const struct dur_unit dur_units[] = {
	{"ns", 1},
	{"us", 1000},
	{"\xc2\xb5s", 1000}, /* U+00B5 micro sign */
	{"\xce\xbcs", 1000}, /* U+03BC Greek small letter mu */
	{"ms", 1000000},
	{"s", UINT64_C(1000000000)},
	{"m", UINT64_C(60000000000)},
	{"h", UINT64_C(3600000000000)},
};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static uint64_t
unit_ns(const char *u, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof dur_units / sizeof dur_units[0]; i++) {
		if (strlen(dur_units[i].name) == len && memcmp(dur_units[i].name, u, len) == 0)
			return dur_units[i].ns;
	}
	return 0;
}

/* Go's leadingInt: false on overflow past 2^63. */
static bool
leading_int(const char **pp, uint64_t *out)
{
	const char *p = *pp;
	uint64_t x = 0;

	for (; is_digit(*p); p++) {
		if (x > U63 / 10)
			return false;
		x = x * 10 + (uint64_t)(*p - '0');
		if (x > U63)
			return false;
	}
	*pp = p;
	*out = x;
	return true;
}

/* Go's leadingFraction: digits past what fits are consumed and ignored. */
static void
leading_fraction(const char **pp, uint64_t *out, double *scale)
{
	const char *p = *pp;
	uint64_t x = 0, y;
	bool overflow = false;

	*scale = 1;
	for (; is_digit(*p); p++) {
		if (overflow)
			continue;
		if (x > (U63 - 1) / 10) {
			overflow = true;
			continue;
		}
		y = x * 10 + (uint64_t)(*p - '0');
		if (y > U63) {
			overflow = true;
			continue;
		}
		x = y;
		*scale *= 10;
	}
	*pp = p;
	*out = x;
}

int
dur_parse(const char *s, int64_t *ms, struct ks_err *err)
{
	const char *p = s;
	uint64_t d = 0;
	bool neg = false;

	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		p++;
	}
	if (strcmp(p, "0") == 0) {
		*ms = 0;
		return 0;
	}
	if (*p == '\0')
		goto invalid;
	while (*p != '\0') {
		const char *start = p, *u;
		uint64_t v, f = 0, unit;
		double scale = 1;
		bool pre, post = false;

		if (*p != '.' && !is_digit(*p))
			goto invalid;
		if (!leading_int(&p, &v))
			goto invalid;
		pre = p != start;
		if (*p == '.') {
			start = ++p;
			leading_fraction(&p, &f, &scale);
			post = p != start;
		}
		if (!pre && !post)
			goto invalid; /* ".s" */

		for (u = p; *p != '\0' && *p != '.' && !is_digit(*p); p++)
			;
		if (p == u || (unit = unit_ns(u, (size_t)(p - u))) == 0)
			goto invalid;
		if (v > U63 / unit)
			goto invalid;
		v *= unit;
		if (f > 0) {
			v += (uint64_t)((double)f * ((double)unit / scale));
			if (v > U63)
				goto invalid;
		}
		d += v;
		if (d > U63)
			goto invalid;
	}
	/* Go allows -2^63 ns, but a negative duration is an error here. */
	if (d > U63 - 1 || (neg && d != 0))
		goto invalid;
	*ms = (int64_t)(d / (uint64_t)NS_PER_MS);
	return 0;

invalid:
	return err_set(err, "invalid duration \"%s\"", s);
}

void
dur_human(int64_t ms, char *buf, size_t len)
{
	/* C division truncates toward zero, as Go's int(d.Seconds()) does. */
	int64_t s = ms / 1000;
	int64_t m, h, d;

	if (s < -1) {
		snprintf(buf, len, "<invalid>");
		return;
	}
	if (s < 0) {
		snprintf(buf, len, "0s");
		return;
	}
	if (s < 60 * 2) {
		snprintf(buf, len, "%llds", (long long)s);
		return;
	}
	m = s / 60;
	if (m < 10) {
		if (s % 60 == 0)
			snprintf(buf, len, "%lldm", (long long)m);
		else
			snprintf(buf, len, "%lldm%llds", (long long)m, (long long)(s % 60));
		return;
	}
	if (m < 60 * 3) {
		snprintf(buf, len, "%lldm", (long long)m);
		return;
	}
	h = m / 60;
	if (h < 8) {
		if (m % 60 == 0)
			snprintf(buf, len, "%lldh", (long long)h);
		else
			snprintf(buf, len, "%lldh%lldm", (long long)h, (long long)(m % 60));
		return;
	}
	if (h < 48) {
		snprintf(buf, len, "%lldh", (long long)h);
		return;
	}
	d = h / 24;
	if (h < 24 * 8) {
		if (h % 24 == 0)
			snprintf(buf, len, "%lldd", (long long)d);
		else
			snprintf(buf, len, "%lldd%lldh", (long long)d, (long long)(h % 24));
		return;
	}
	if (h < 24 * 365 * 2) {
		snprintf(buf, len, "%lldd", (long long)d);
		return;
	}
	if (h < 24 * 365 * 8) {
		if (d % 365 == 0)
			snprintf(buf, len, "%lldy", (long long)(d / 365));
		else
			snprintf(buf, len, "%lldy%lldd", (long long)(d / 365), (long long)(d % 365));
		return;
	}
	snprintf(buf, len, "%lldy", (long long)(d / 365));
}

void
dur_go(int64_t ms, char *buf, size_t len)
{
	/* Unsigned magnitude, so INT64_MIN has one too. */
	uint64_t u = ms < 0 ? -(uint64_t)ms : (uint64_t)ms;
	const char *sign = ms < 0 ? "-" : "";
	uint64_t secs, frac;
	char fs[8] = "";

	if (u == 0) {
		snprintf(buf, len, "0s");
		return;
	}
	if (u < 1000) {
		snprintf(buf, len, "%s%llums", sign, (unsigned long long)u);
		return;
	}
	secs = u / 1000;
	frac = u % 1000;
	if (frac != 0) {
		/* Go prints the fraction without trailing zeros: 4.005, 1.5. */
		int n = snprintf(fs, sizeof fs, ".%03u", (unsigned)frac);

		while (fs[n - 1] == '0')
			fs[--n] = '\0';
	}
	if (secs >= 3600)
		snprintf(buf, len, "%s%lluh%llum%llu%ss", sign, (unsigned long long)(secs / 3600),
		    (unsigned long long)(secs / 60 % 60), (unsigned long long)(secs % 60), fs);
	else if (secs >= 60)
		snprintf(buf, len, "%s%llum%llu%ss", sign, (unsigned long long)(secs / 60),
		    (unsigned long long)(secs % 60), fs);
	else
		snprintf(buf, len, "%s%llu%ss", sign, (unsigned long long)secs, fs);
}

int64_t
dur_from_seconds(int64_t seconds)
{
	int64_t ms;

	if (__builtin_mul_overflow(seconds, 1000, &ms))
		return seconds < 0 ? INT64_MIN : INT64_MAX;
	return ms;
}

int64_t
dur_add(int64_t a, int64_t b)
{
	int64_t sum;

	if (__builtin_add_overflow(a, b, &sum))
		return b < 0 ? INT64_MIN : INT64_MAX;
	return sum;
}
