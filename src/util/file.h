/*
 * file.h - reading a whole input with a size limit.
 *
 * Every file kubesim reads (scenarios, manifests, stdin, the state file) is
 * read through here, so a hostile or mistaken input (/dev/zero, a 200 MB
 * file, a directory) is refused with a message instead of exhausting
 * memory. The limits are documented in docs/limits.md; they are far above
 * what any real input needs.
 */
#ifndef KS_UTIL_FILE_H
#define KS_UTIL_FILE_H

#include <stddef.h>
#include <stdio.h>

struct ks_err;

/* kube-apiserver's request body limit (MaxRequestBodyBytes): no real object is larger. */
#define FILE_MAX_MANIFEST ((size_t)3 << 20)
/* Room for explicitly listed nodes at the 130,000-node scale of the benchmark. */
#define FILE_MAX_SCENARIO ((size_t)64 << 20)
/* The practice cluster's journal, with the manifests it read. */
#define FILE_MAX_STATE ((size_t)256 << 20)

/*
 * Read all of path (at most max bytes; what is the kind of input, for the
 * message: "a manifest"). *text is NUL-terminated and *len its length.
 * Returns 0, or -1 with err "PATH: what is wrong" and errno set (ENOENT
 * when the file does not exist, so callers can word that case their own
 * way).
 */
int file_read(const char *path, size_t max, const char *what, char **text, size_t *len,
    struct ks_err *err);
/* The same for an open stream, named name in messages (e.g. "standard input"). */
int file_read_stream(FILE *f, const char *name, size_t max, const char *what, char **text,
    size_t *len, struct ks_err *err);
/*
 * Text that will travel as a C string (a journal entry, a command's stdin)
 * cannot hold a NUL byte: -1 with err placing the first one as the YAML
 * reader would ("NAME:LINE:COL: control characters are not allowed").
 */
int file_refuse_nul(const char *name, const char *text, size_t len, struct ks_err *err);
/* "3 MiB" for a limit in messages. */
const char *file_size_text(size_t bytes, char *buf, size_t len);

#endif
