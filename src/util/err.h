/*
 * err.h - an error a user can act on.
 *
 * Functions below the front ends never print: they return -1 and fill a
 * caller-provided struct ks_err with one sentence (lowercase, no full stop,
 * the place first when there is one). Fixed-size, so the error path never
 * allocates.
 */
#ifndef KS_UTIL_ERR_H
#define KS_UTIL_ERR_H

#include <stddef.h>

#define KS_ERR_MAX 1024

struct ks_err {
	char msg[KS_ERR_MAX];
};

/* Set the message; always returns -1 so callers can `return err_set(...)`. */
int err_set(struct ks_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prefix an existing message: "<prefix>: <old message>". Returns -1. */
int err_prefix(struct ks_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void err_clear(struct ks_err *err);

#endif
