/*
 * proto.h - the few protobuf request bodies kubectl sends, read as JSON.
 *
 * kubectl's typed clients (drain's deletions and evictions, `create
 * namespace`) send bodies as application/vnd.kubernetes.protobuf, and
 * client-go never falls back to JSON. The REST layer and the journal read
 * JSON, so the front end translates these bodies: the runtime.Unknown
 * envelope ("k8s\0", then typeMeta and raw; apimachinery/pkg/runtime/
 * serializer/protobuf), and inside it DeleteOptions, policy/v1 Eviction and
 * Namespace, after their generated.proto field numbers. Any other kind is
 * refused with a message saying so.
 */
#ifndef KS_SERVE_PROTO_H
#define KS_SERVE_PROTO_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct ks_err;

/* The body as a JSON document (caller frees), or NULL with err. */
cJSON *proto_to_json(const unsigned char *body, size_t len, struct ks_err *err);

#endif
