/*
 * embedded.h - files compiled into the program by tools/embed.sh.
 */
#ifndef KS_UTIL_EMBEDDED_H
#define KS_UTIL_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *path; /* as given to embed.sh, relative to the source tree */
	const char *text; /* NUL-terminated */
	size_t len;
};

#endif
