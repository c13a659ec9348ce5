#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int
err_set(struct ks_err *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_prefix(struct ks_err *err, const char *fmt, ...)
{
	char old[KS_ERR_MAX];
	char pre[KS_ERR_MAX];
	va_list ap;

	if (err == NULL)
		return -1;
	memcpy(old, err->msg, sizeof old);
	va_start(ap, fmt);
	vsnprintf(pre, sizeof pre, fmt, ap);
	va_end(ap);
	/* Truncation is acceptable here: the message is for a human. */
	{
		size_t n = strlen(pre), m = strlen(old);

		if (n > sizeof err->msg - 3)
			n = sizeof err->msg - 3;
		memcpy(err->msg, pre, n);
		memcpy(err->msg + n, ": ", 2);
		n += 2;
		if (m > sizeof err->msg - 1 - n)
			m = sizeof err->msg - 1 - n;
		memcpy(err->msg + n, old, m);
		err->msg[n + m] = '\0';
	}
	return -1;
}

void
err_clear(struct ks_err *err)
{
	if (err != NULL)
		err->msg[0] = '\0';
}
