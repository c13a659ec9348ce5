/*
 * fuzz_duration - Go durations (dur_parse), as scenarios' `wait:`,
 * `timeout:` and `timing:`, `kubectl drain --timeout` and `kubesim cluster
 * advance` take them, and the two ways they print (dur_go, dur_human).
 * Properties: Go's Duration.String form parses back to the same value.
 * Both printers are documented for every int64, so they also get the
 * input's first eight bytes as a raw value.
 * Input: the duration's text (a NUL ends it, as in a C string).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util/duration.h"
#include "util/err.h"

static void
print_both(int64_t ms)
{
	char buf[DUR_BUF_MAX];

	dur_go(ms, buf, sizeof buf);
	if (strlen(buf) + 1 >= sizeof buf)
		fuzz_fail("dur_go(%lld) filled its buffer: \"%s\"", (long long)ms, buf);
	dur_human(ms, buf, sizeof buf);
	if (strlen(buf) + 1 >= sizeof buf)
		fuzz_fail("dur_human(%lld) filled its buffer: \"%s\"", (long long)ms, buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	char go[DUR_BUF_MAX];
	struct ks_err err;
	int64_t ms, back;

	if (dur_parse(text, &ms, &err) == 0) {
		if (ms < 0)
			fuzz_fail("\"%s\" parses as %lld ms, a negative duration", text, (long long)ms);
		print_both(ms);
		dur_go(ms, go, sizeof go);
		if (dur_parse(go, &back, &err) < 0)
			fuzz_fail("\"%s\" prints as \"%s\", which does not parse: %s", text, go, err.msg);
		if (back != ms)
			fuzz_fail("\"%s\" is %lld ms, its Go form \"%s\" %lld ms", text, (long long)ms, go,
			    (long long)back);
	}
	if (size >= sizeof ms) {
		memcpy(&ms, data, sizeof ms);
		print_both(ms);
	}
	free(text);
	return 0;
}
