#include "util/file.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "util/err.h"
#include "util/strbuf.h"
#include "util/utf8.h"

const char *
file_size_text(size_t bytes, char *buf, size_t len)
{
	if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
		snprintf(buf, len, "%zu MiB", bytes >> 20);
	else if (bytes >= 1024 && bytes % 1024 == 0)
		snprintf(buf, len, "%zu KiB", bytes >> 10);
	else
		snprintf(buf, len, "%zu bytes", bytes);
	return buf;
}

static int
too_large(const char *name, size_t max, const char *what, struct ks_err *err)
{
	char size[32];

	err_set(err, "%s: larger than %s, the limit for %s", name,
	    file_size_text(max, size, sizeof size), what);
	errno = EFBIG;
	return -1;
}

int
file_read_stream(FILE *f, const char *name, size_t max, const char *what, char **text,
    size_t *len, struct ks_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;

	sb_init(&sb);
	/* Never hold more than the limit: /dev/zero must not fill memory. */
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (n > max - sb.len) {
			sb_free(&sb);
			return too_large(name, max, what, err);
		}
		sb_addn(&sb, buf, n);
	}
	if (ferror(f)) {
		int saved = errno;

		sb_free(&sb);
		err_set(err, "%s: %s", name, strerror(saved));
		errno = saved;
		return -1;
	}
	*len = sb.len;
	*text = sb_take(&sb);
	return 0;
}

int
file_read(const char *path, size_t max, const char *what, char **text, size_t *len,
    struct ks_err *err)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	int rc, saved;

	if (f == NULL) {
		saved = errno;
		err_set(err, "%s: %s", path, strerror(saved));
		errno = saved;
		return -1;
	}
	if (fstat(fileno(f), &st) == 0) {
		/* fopen opens a directory on Linux; only the first read would fail. */
		if (S_ISDIR(st.st_mode)) {
			fclose(f);
			err_set(err, "%s: %s", path, strerror(EISDIR));
			errno = EISDIR;
			return -1;
		}
		/* A regular file's size is known: refuse it before reading any of it. */
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
			fclose(f);
			return too_large(path, max, what, err);
		}
	}
	rc = file_read_stream(f, path, max, what, text, len, err);
	saved = errno;
	fclose(f);
	errno = saved;
	return rc;
}

int
file_refuse_nul(const char *name, const char *text, size_t len, struct ks_err *err)
{
	const char *nul = memchr(text, '\0', len);
	size_t line, col;

	if (nul == NULL)
		return 0;
	utf8_position(text, (size_t)(nul - text), &line, &col);
	return err_set(err, "%s:%zu:%zu: control characters are not allowed (byte 0x00)", name, line,
	    col);
}
