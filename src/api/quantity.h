/*
 * quantity.h - resource.Quantity as Kubernetes parses and prints it.
 *
 * Held as a count of milli-units, which is exact for every suffix Kubernetes
 * users write for cpu, memory and pods below about 9 PiB; smaller fractions
 * round up, as Quantity.MilliValue does. The suffix family is kept so a
 * quantity prints back in the form it was written (canonical, as
 * Quantity.String: "100m", "200Mi", "1k", "1e3").
 */
#ifndef KS_API_QUANTITY_H
#define KS_API_QUANTITY_H

#include <stdbool.h>
#include <stdint.h>

struct strbuf;
struct ks_err;

enum qty_format {
	QTY_DECIMAL_SI = 0, /* m, "", k, M, G, T, P, E */
	QTY_BINARY_SI,      /* Ki, Mi, Gi, Ti, Pi, Ei */
	QTY_DECIMAL_EXPONENT, /* e3, E6 */
};

struct quantity {
	int64_t milli;
	enum qty_format format;
};

/*
 * Parse as resource.ParseQuantity: optional sign, digits with an optional
 * fraction, then an optional suffix. Errors: "quantities must match the
 * regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" for
 * syntax, "quantity too large" past the milli range.
 */
int qty_parse(const char *s, struct quantity *out, struct ks_err *err);
/* Whole units, rounded up (Quantity.Value). */
int64_t qty_value(const struct quantity *q);
/* Canonical string (Quantity.String). */
void qty_format(const struct quantity *q, struct strbuf *out);
/* Helpers for the common cases. */
struct quantity qty_from_milli(int64_t milli, enum qty_format f);

#endif
