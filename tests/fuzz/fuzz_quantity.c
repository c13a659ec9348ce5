/*
 * fuzz_quantity - resource quantities (qty_parse), as manifests' requests
 * and limits, node capacities and `--cpu`/`--memory` give them, and their
 * canonical form (qty_format, as kubectl and describe print them).
 * Property: the canonical form parses back to the same amount. (Not to
 * the same form: as in Kubernetes, "62.5Ki" prints as "64000", which
 * parses as a decimal quantity and prints as "64k".)
 * Input: the quantity's text (a NUL ends it, as in a C string).
 */
#include <stdlib.h>

#include "api/quantity.h"
#include "fuzz.h"
#include "util/err.h"
#include "util/strbuf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct quantity q, back;
	struct strbuf printed = STRBUF_INIT;
	struct ks_err err;

	if (qty_parse(text, &q, &err) == 0) {
		(void)qty_value(&q);
		qty_format(&q, &printed);
		if (qty_parse(sb_str(&printed), &back, &err) < 0)
			fuzz_fail("\"%s\" prints as \"%s\", which does not parse: %s", text, sb_str(&printed),
			    err.msg);
		if (back.milli != q.milli)
			fuzz_fail("\"%s\" is %lld milli-units, its canonical form \"%s\" %lld", text,
			    (long long)q.milli, sb_str(&printed), (long long)back.milli);
	}
	sb_free(&printed);
	free(text);
	return 0;
}
