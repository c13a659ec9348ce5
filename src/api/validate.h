/*
 * validate.h - the API server's validation, with its messages.
 *
 * Each function appends field errors, worded as
 * k8s.io/apimachinery/pkg/util/validation/field renders them
 * ("spec.selector: Required value"), to a list; valid_format then wraps them
 * as kubectl prints an Invalid status error:
 *   The DaemonSet "x" is invalid: spec.selector: ...
 */
#ifndef KS_API_VALIDATE_H
#define KS_API_VALIDATE_H

#include <stddef.h>

struct daemonset;
struct namespace;
struct pod;
struct node;
struct strbuf;

struct field_errors {
	char **v;
	size_t n;
};

void field_errors_free(struct field_errors *fe);
void field_errors_add(struct field_errors *fe, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ValidateDaemonSet (create); old != NULL adds ValidateDaemonSetUpdate. */
void valid_daemonset(const struct daemonset *ds, const struct daemonset *old,
    struct field_errors *fe);
void valid_pod(const struct pod *p, struct field_errors *fe);
/* apimachinery's detail text for a bad label key or value, NULL when valid. */
const char *valid_label_key_error(const char *key);
const char *valid_label_value_error(const char *value);
void valid_node(const struct node *n, struct field_errors *fe);
void valid_namespace(const struct namespace *ns, struct field_errors *fe);

/*
 * kubectl's rendering: one error on one line; several as a list, the
 * first line ending in ": " (helpers.go MultilineError).
 */
void valid_format(const char *kind, const char *name, const struct field_errors *fe,
    struct strbuf *out);

#endif
