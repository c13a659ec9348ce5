/*
 * jsontext.h - JSON documents as the exact text kubectl prints.
 *
 * kubectl never echoes the server's bytes: it decodes into unstructured maps
 * (integral numbers become int64) and re-encodes, so -o json and -o yaml
 * have their own fixed shape - keys sorted, Go's escaping, go-yaml v2's
 * quoting and 80-column wrapping. These functions reproduce that text from a
 * cJSON tree so the simulator's output diffs clean against the real kubectl.
 */
#ifndef KS_CODEC_JSONTEXT_H
#define KS_CODEC_JSONTEXT_H

#include <cjson/cJSON.h>

struct strbuf;

/* kubectl -o json: json.MarshalIndent with 4 spaces, plus a newline. */
void encode_json_text(const cJSON *doc, struct strbuf *out);
/*
 * The same for an object kubectl holds as a Go struct (one its client
 * built, or decoded into a typed object): fields in doc's member order.
 */
void encode_json_text_typed(const cJSON *doc, struct strbuf *out);
/* kubectl -o yaml: sigs.k8s.io/yaml (go-yaml v2), ending in a newline. */
void encode_yaml_text(const cJSON *doc, struct strbuf *out);

/* Go's json.Marshal: compact, keys sorted, HTML-escaped; no newline. */
void encode_json_compact(const cJSON *doc, struct strbuf *out);
/* The same for a Go struct: fields in doc's member order. */
void encode_json_compact_typed(const cJSON *doc, struct strbuf *out);
/*
 * Its pieces, for writers that stream a document without building it
 * (apiserver/table.c): a string, quoted and escaped, and a number.
 */
void encode_json_string(const char *s, struct strbuf *out);
void encode_json_number(double v, struct strbuf *out);
/*
 * A JSON number as Go's fmt %v prints the value kubectl holds for it: an
 * int64 when integral and in range, otherwise a float64 in shortest 'g'
 * form ("0.5", "1.2345675e+06"). The JSONPath printer uses this.
 */
void format_number_v(double v, struct strbuf *out);
/* A float64 as Go's %v prints it: strconv.FormatFloat(v, 'g', -1, 64). */
void format_float_v(double v, struct strbuf *out);

#endif
