/*
 * duration.h - durations in the three spellings users meet in Kubernetes.
 *
 * Scenario files write Go duration strings ("1m30s"), kubectl prints ages in
 * apimachinery's HumanDuration form ("3h5m", "2d5h") and events, logs and
 * describe output use Go's Duration.String ("1m30s", "1.5s"). The simulator
 * counts whole milliseconds, so all three convert to and from int64 ms:
 * finer input is rounded down, and output never has sub-millisecond digits.
 * Each function reproduces its Go original's rules exactly rather than an
 * approximation, because users compare our output with real clusters.
 */
#ifndef KS_UTIL_DURATION_H
#define KS_UTIL_DURATION_H

#include <stddef.h>
#include <stdint.h>

struct ks_err;

/* Big enough for any output of dur_human or dur_go, terminator included. */
#define DUR_BUF_MAX 32

/*
 * Go time.ParseDuration for non-negative durations: "250ms", "2s", "1m30s",
 * "1h", "1.5s", "0", "+2s"; units ns us µs (or μ) ms s m h; sub-millisecond
 * parts round down ("300us" is 0). Returns 0, or -1 with err
 * "invalid duration \"<s>\"" for any syntax error, unknown or missing unit,
 * overflow past Go's 2^63-1 ns, or a negative value ("-0s" is zero, so fine).
 */
int dur_parse(const char *s, int64_t *ms, struct ks_err *err);

/*
 * kubectl's AGE column: apimachinery pkg/util/duration HumanDuration with
 * seconds truncated toward zero. "<invalid>" below -1s, "0s" for [-1s, 0),
 * then "119s", "2m", "9m59s", "10m", "179m", "3h", "3h5m", "8h", "47h",
 * "2d", "2d5h", "8d", "729d", "2y", "3y45d", "8y" (a year is 365 days).
 */
void dur_human(int64_t ms, char *buf, size_t len);

/*
 * Go time.Duration.String for whole milliseconds: "0s", "250ms", "1s",
 * "1.5s", "1m0s", "1m30s", "1h0m0s", "2h3m4.005s"; negative values get "-".
 */
void dur_go(int64_t ms, char *buf, size_t len);

/*
 * Seconds to milliseconds, and a sum of milliseconds, saturating at the
 * int64 range. API fields in seconds (tolerationSeconds,
 * terminationGracePeriodSeconds, a delete's grace period) may hold any
 * int64; the simulation treats a huge one as "for ever" and must never
 * wrap it into the past.
 */
int64_t dur_from_seconds(int64_t seconds);
int64_t dur_add(int64_t a, int64_t b);

#endif
