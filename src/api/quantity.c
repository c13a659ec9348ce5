/*
 * quantity.c - resource.Quantity parsing and canonical printing.
 *
 * The parser follows apimachinery's parseQuantityString character for
 * character, so what Kubernetes accepts (including oddities such as "+",
 * ".", "k" and "Ki" all meaning zero) and the error it gives are the same.
 * The value is then worked out exactly in decimal digits and only at the end
 * rounded, away from zero, to whole milli-units: that is what Kubernetes'
 * own round-to-nano followed by MilliValue gives.
 */
#include "api/quantity.h"

#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

#define QTY_ERR_FORMAT                                                                             \
	"quantities must match the regular expression "                                            \
	"'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
#define QTY_ERR_SUFFIX "unable to parse quantity's suffix"
#define QTY_ERR_TOO_LARGE "quantity too large"

struct qty_parts {
	bool positive;
	const char *num; /* leading zeros stripped; "0" when no digits */
	size_t num_len;
	const char *denom; /* digits after '.', possibly empty */
	size_t denom_len;
	const char *suffix;
};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * apimachinery's parseQuantityString. Returns false for ErrFormatWrong. The
 * early returns mirror Go's: a string that ends inside the number has an
 * empty suffix.
 */
static bool
qty_split(const char *s, struct qty_parts *p)
{
	size_t pos = 0, end = strlen(s), i, start;

	p->positive = true;
	p->num = "0";
	p->num_len = 1;
	p->denom = "";
	p->denom_len = 0;
	p->suffix = "";

	if (pos < end) {
		if (s[0] == '-') {
			p->positive = false;
			pos++;
		} else if (s[0] == '+')
			pos++;
	}
	while (pos < end && s[pos] == '0')
		pos++;
	if (pos >= end)
		return true;

	for (i = pos; i < end && is_digit(s[i]); i++)
		;
	if (i > pos) {
		p->num = s + pos;
		p->num_len = i - pos;
	}
	pos = i;
	if (pos >= end)
		return true;

	if (s[pos] == '.') {
		pos++;
		for (i = pos; i < end && is_digit(s[i]); i++)
			;
		p->denom = s + pos;
		p->denom_len = i - pos;
		pos = i;
		if (pos >= end)
			return true;
	}

	start = pos;
	while (pos < end && strchr("eEinumkKMGTP", s[pos]) != NULL)
		pos++;
	if (pos < end && (s[pos] == '-' || s[pos] == '+'))
		pos++;
	while (pos < end && is_digit(s[pos]))
		pos++;
	if (pos < end)
		return false;
	p->suffix = s + start;
	return true;
}

/* strconv.ParseInt(s, 10, 64): optional sign, then one or more digits. */
static bool
go_parse_int64(const char *s, int64_t *out)
{
	bool neg = false;
	uint64_t v = 0, limit;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s == '\0')
		return false;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; *s != '\0'; s++) {
		if (!is_digit(*s))
			return false;
		if (v > (limit - (uint64_t)(*s - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (neg)
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	else
		*out = (int64_t)v;
	return true;
}

/* quantitySuffixer.interpret. */
static bool
qty_interpret(const char *suffix, int *base, int32_t *exponent, enum qty_format *format)
{
	static const struct {
		const char *s;
		int base;
		int32_t exp;
		enum qty_format format;
	} table[] = {
		{"n", 10, -9, QTY_DECIMAL_SI},
		{"u", 10, -6, QTY_DECIMAL_SI},
		{"m", 10, -3, QTY_DECIMAL_SI},
		{"", 10, 0, QTY_DECIMAL_SI},
		{"k", 10, 3, QTY_DECIMAL_SI},
		{"M", 10, 6, QTY_DECIMAL_SI},
		{"G", 10, 9, QTY_DECIMAL_SI},
		{"T", 10, 12, QTY_DECIMAL_SI},
		{"P", 10, 15, QTY_DECIMAL_SI},
		{"E", 10, 18, QTY_DECIMAL_SI},
		{"Ki", 2, 10, QTY_BINARY_SI},
		{"Mi", 2, 20, QTY_BINARY_SI},
		{"Gi", 2, 30, QTY_BINARY_SI},
		{"Ti", 2, 40, QTY_BINARY_SI},
		{"Pi", 2, 50, QTY_BINARY_SI},
		{"Ei", 2, 60, QTY_BINARY_SI},
	};
	size_t i;
	int64_t e;

	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (strcmp(suffix, table[i].s) == 0) {
			*base = table[i].base;
			*exponent = table[i].exp;
			*format = table[i].format;
			return true;
		}
	}
	if ((suffix[0] == 'e' || suffix[0] == 'E') && suffix[1] != '\0') {
		if (!go_parse_int64(suffix + 1, &e))
			return false;
		*base = 10;
		/* Kubernetes keeps int32(parsed): "1e4294967299" is 1e3. */
		*exponent = (int32_t)(uint32_t)(uint64_t)e;
		*format = QTY_DECIMAL_EXPONENT;
		return true;
	}
	return false;
}

/* digits (most significant first, len n) *= 2, growing by one digit at most. */
static void
digits_double(char **d, size_t *n)
{
	size_t i;
	int carry = 0;

	for (i = *n; i-- > 0;) {
		int v = ((*d)[i] - '0') * 2 + carry;

		(*d)[i] = (char)('0' + v % 10);
		carry = v / 10;
	}
	if (carry) {
		*d = xrealloc(*d, *n + 2);
		memmove(*d + 1, *d, *n + 1);
		(*d)[0] = (char)('0' + carry);
		(*n)++;
	}
}

/*
 * |digits| * 10^e10, rounded away from zero to an integer; false when that
 * does not fit in int64. digits has no leading zeros and is not empty.
 */
static bool
digits_to_milli(const char *d, size_t n, int64_t e10, uint64_t *out)
{
	uint64_t v = 0;
	size_t int_len, i;
	bool frac = false;

	if (e10 >= 0) {
		/* INT64_MAX has 19 digits; cheap early out before the loop. */
		if (e10 > 19 || n + (size_t)e10 > 19)
			return false;
		int_len = n;
	} else if ((uint64_t)-e10 >= n) {
		/* Nothing left of the point, and what is right of it is non-zero. */
		*out = 1;
		return true;
	} else {
		int_len = n - (size_t)-e10;
		for (i = int_len; i < n; i++) {
			if (d[i] != '0')
				frac = true;
		}
	}
	if (int_len > 19)
		return false;
	for (i = 0; i < int_len; i++) {
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, (uint64_t)(d[i] - '0'), &v))
			return false;
	}
	for (i = 0; e10 > 0 && i < (size_t)e10; i++) {
		if (__builtin_mul_overflow(v, 10, &v))
			return false;
	}
	if (frac)
		v++;
	if (v > INT64_MAX)
		return false;
	*out = v;
	return true;
}

int
qty_parse(const char *s, struct quantity *out, struct ks_err *err)
{
	struct qty_parts p;
	int base;
	int32_t exponent;
	enum qty_format format;
	char *d;
	const char *lead;
	size_t n, i;
	int64_t e10;
	uint64_t mag;
	bool nonzero;

	if (s[0] == '\0')
		return err_set(err, QTY_ERR_FORMAT);
	if (strcmp(s, "0") == 0) {
		*out = qty_from_milli(0, QTY_DECIMAL_SI);
		return 0;
	}
	if (!qty_split(s, &p))
		return err_set(err, QTY_ERR_FORMAT);
	if (!qty_interpret(p.suffix, &base, &exponent, &format))
		return err_set(err, QTY_ERR_SUFFIX);

	/* value = num.denom * base^exponent; count milli-units: shift by 3. */
	nonzero = false;
	for (i = 0; i < p.num_len; i++)
		nonzero |= p.num[i] != '0';
	for (i = 0; i < p.denom_len; i++)
		nonzero |= p.denom[i] != '0';
	if (!nonzero) {
		*out = qty_from_milli(0, format);
		return 0;
	}

	d = xmalloc(p.num_len + p.denom_len + 1);
	memcpy(d, p.num, p.num_len);
	memcpy(d + p.num_len, p.denom, p.denom_len);
	n = p.num_len + p.denom_len;
	d[n] = '\0';
	e10 = 3 - (int64_t)p.denom_len;
	if (base == 10)
		e10 += exponent;
	else {
		for (i = 0; i < (size_t)exponent; i++)
			digits_double(&d, &n);
	}
	for (lead = d; *lead == '0'; lead++)
		;
	if (!digits_to_milli(lead, n - (size_t)(lead - d), e10, &mag)) {
		free(d);
		return err_set(err, QTY_ERR_TOO_LARGE);
	}
	free(d);

	/*
	 * ParseQuantity demotes a binary quantity strictly between -1 and 1;
	 * only a fraction can get there, since "0Ki" is zero and stays binary.
	 */
	if (format == QTY_BINARY_SI && mag < 1000)
		format = QTY_DECIMAL_SI;
	out->milli = p.positive ? (int64_t)mag : -(int64_t)mag;
	out->format = format;
	return 0;
}

int64_t
qty_value(const struct quantity *q)
{
	int64_t v = q->milli / 1000;

	/* Quantity.Value rounds away from zero, as negativeScaleInt64 does. */
	if (q->milli % 1000 > 0)
		v++;
	else if (q->milli % 1000 < 0)
		v--;
	return v;
}

/* Suffix for a base-10 exponent that is a multiple of 3, or NULL. */
static const char *
decimal_si_suffix(int exp)
{
	static const char *const suffixes[] = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
	int i = exp / 3 + 3;

	if (exp % 3 != 0 || i < 0 || i >= (int)(sizeof suffixes / sizeof suffixes[0]))
		return NULL;
	return suffixes[i];
}

void
qty_format(const struct quantity *q, struct strbuf *out)
{
	static const char *const bin_suffixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
	bool neg = q->milli < 0;
	/* Magnitude as unsigned so INT64_MIN needs no special case. */
	uint64_t mag = neg ? -(uint64_t)q->milli : (uint64_t)q->milli;
	enum qty_format format = q->format;
	const char *suffix;
	int exp, times;

	if (mag == 0) {
		sb_add(out, "0");
		return;
	}
	if (format == QTY_BINARY_SI) {
		/*
		 * CanonicalizeBytes: below 1024 in magnitude, or not a whole
		 * number, a binary quantity prints as DecimalSI so nothing is
		 * rounded away ("1.5Ki" is "1536", "0.5Ki" is "512").
		 */
		if (mag < 1024 * 1000 || mag % 1000 != 0)
			format = QTY_DECIMAL_SI;
		else {
			mag /= 1000;
			for (times = 0; mag >= 1024 && mag % 1024 == 0; times++)
				mag /= 1024;
			sb_addf(out, "%s%" PRIu64 "%s", neg ? "-" : "", mag, bin_suffixes[times]);
			return;
		}
	}

	/*
	 * AsCanonicalBytes: move every factor of ten into the exponent, then
	 * pull back just enough to make it a multiple of three. Pulling back
	 * at most undoes what was moved, so it cannot overflow.
	 */
	exp = -3;
	while (mag >= 10 && mag % 10 == 0) {
		mag /= 10;
		exp++;
	}
	while (exp % 3 != 0) {
		mag *= 10;
		exp--;
	}
	if (format == QTY_DECIMAL_EXPONENT) {
		if (exp == 0)
			sb_addf(out, "%s%" PRIu64, neg ? "-" : "", mag);
		else
			sb_addf(out, "%s%" PRIu64 "e%d", neg ? "-" : "", mag, exp);
		return;
	}
	suffix = decimal_si_suffix(exp);
	sb_addf(out, "%s%" PRIu64 "%s", neg ? "-" : "", mag, suffix != NULL ? suffix : "");
}

struct quantity
qty_from_milli(int64_t milli, enum qty_format f)
{
	struct quantity q;

	q.milli = milli;
	q.format = f;
	return q;
}
