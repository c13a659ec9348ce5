/*
 * encode.h - API objects to JSON documents (cJSON), as the API server
 * serialises them: omitempty fields left out, defaults the server would
 * have filled in present, times in RFC 3339. kubectl's -o json, -o yaml and
 * -o jsonpath all read these documents; the state file will too.
 */
#ifndef KS_CODEC_ENCODE_H
#define KS_CODEC_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "api/meta.h"

cJSON *encode_object(const struct object *obj, int64_t now_ms);
/* The object's metadata alone, as encode_object puts it (a PartialObjectMetadata's). */
cJSON *encode_meta(const struct object *obj);
/* The same as encode_json_compact prints it, written without building the document. */
struct strbuf;
void encode_meta_json(const struct object *obj, struct strbuf *out);
/* kubectl's List wrapper: {"apiVersion":"v1","items":[...],"kind":"List","metadata":{"resourceVersion":""}}. */
cJSON *encode_list(struct object *const *objs, size_t n, int64_t now_ms);
void encode_free(cJSON *doc);

/* One --trace line: {"t":ms,"op":"ADDED","kind":...,"namespace":...,"name":...,"resourceVersion":N}\n */
void encode_trace_line(int64_t t_ms, const char *op, const struct object *obj, struct strbuf *out);

#endif
