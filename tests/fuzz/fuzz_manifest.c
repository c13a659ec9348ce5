/*
 * fuzz_manifest - a manifest file through the decoder, as `kubectl
 * create|apply|replace -f FILE` reads it: YAML (ydoc_parse, with aliases
 * and several documents), kind: List, every field of the kinds kubesim
 * models, unknown-field warnings, and (for apply) each object's document
 * as JSON, which is what last-applied-configuration holds.
 * Input: the file's bytes (at most FILE_MAX_MANIFEST, the product's limit;
 * a scenario's `kubectl: create -f FILE` reads it with any bytes in it).
 */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "codec/decode.h"
#include "codec/jsontext.h"
#include "fuzz.h"
#include "util/err.h"
#include "util/file.h"
#include "util/strbuf.h"
#include "util/vec.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vec objs = VEC_INIT, docs = VEC_INIT, obj_warnings = VEC_INIT;
	struct strbuf warnings = STRBUF_INIT, json = STRBUF_INIT;
	struct ks_err err;
	char *text;

	if (size > FILE_MAX_MANIFEST)
		return -1;
	text = fuzz_text(data, size);
	if (decode_manifests_each("fuzz.yaml", text, size, &objs, &docs, &warnings, &obj_warnings,
		&err) == 0) {
		if (docs.n != objs.n || obj_warnings.n != objs.n)
			fuzz_fail("%zu objects but %zu documents and %zu warnings", objs.n, docs.n,
			    obj_warnings.n);
		for (size_t i = 0; i < docs.n; i++) {
			sb_reset(&json);
			encode_json_compact(docs.v[i], &json);
		}
	} else if (objs.n != 0 || docs.n != 0 || obj_warnings.n != 0) {
		fuzz_fail("a failed decode left %zu objects, %zu documents", objs.n, docs.n);
	}
	for (size_t i = 0; i < objs.n; i++)
		object_free(objs.v[i]);
	for (size_t i = 0; i < docs.n; i++)
		cJSON_Delete(docs.v[i]);
	for (size_t i = 0; i < obj_warnings.n; i++)
		free(obj_warnings.v[i]);
	vec_free(&objs);
	vec_free(&docs);
	vec_free(&obj_warnings);
	sb_free(&warnings);
	sb_free(&json);
	free(text);
	return 0;
}
