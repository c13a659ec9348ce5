/*
 * selector.h - label selectors and node selectors.
 *
 * Three related things from Kubernetes live here:
 *  - metav1.LabelSelector (matchLabels + matchExpressions), as a DaemonSet's
 *    spec.selector; a nil selector matches nothing, an empty one everything
 *    (metav1.LabelSelectorAsSelector);
 *  - the kubectl `-l` string syntax (k8s.io/apimachinery/pkg/labels Parse),
 *    parsed into the same struct so one matcher serves both;
 *  - core/v1 NodeSelector (required node affinity): terms ORed, each term's
 *    matchExpressions (on labels) and matchFields (on metadata.name) ANDed,
 *    as component-helpers/scheduling/corev1/nodeaffinity does.
 */
#ifndef KS_API_SELECTOR_H
#define KS_API_SELECTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "api/labels.h"

struct strbuf;
struct ks_err;

enum sel_op {
	SEL_IN,
	SEL_NOT_IN,
	SEL_EXISTS,
	SEL_DOES_NOT_EXIST,
	SEL_EQUALS,     /* -l k=v, k==v; and matchLabels entries */
	SEL_NOT_EQUALS, /* -l k!=v */
	SEL_GT,         /* node selector only */
	SEL_LT,         /* node selector only */
};

struct sel_req {
	char *key;
	enum sel_op op;
	char **values;
	size_t n_values;
};

/* metav1.LabelSelector. present=false is a nil selector (matches nothing). */
struct label_selector {
	bool present;
	struct labels match_labels;
	struct sel_req *exprs;
	size_t n_exprs;
};

void sel_init(struct label_selector *s);
void sel_free(struct label_selector *s);
void sel_copy(struct label_selector *dst, const struct label_selector *src);
bool sel_equal(const struct label_selector *a, const struct label_selector *b);
/* Present and with neither matchLabels nor matchExpressions. */
bool sel_is_empty(const struct label_selector *s);
void sel_add_expr(struct label_selector *s, const char *key, enum sel_op op,
    const char *const *values, size_t n_values);
bool sel_matches(const struct label_selector *s, const struct labels *labels);

/*
 * Parse kubectl's -l syntax: "a=b,c!=d,e in (x,y),f notin (z),g,!h,k==v".
 * On success fills *out (present, requirements in exprs; matchLabels unused)
 * and returns 0; on error returns -1 with a message like kubectl's.
 * An empty string is the empty selector (matches everything).
 */
int sel_parse(const char *text, struct label_selector *out, struct ks_err *err);

/*
 * metav1.FormatLabelSelector: requirements sorted by key, matchLabels as
 * "k=v", "k in (a,b)", "k notin (a)", "k", "!k"; "<none>" for an empty or
 * nil selector.
 */
void sel_format(const struct label_selector *s, struct strbuf *out);

/* Name of an operator as written in manifests ("In", "NotIn", ...). */
const char *sel_op_name(enum sel_op op);
/* Parse a manifest operator name; -1 when unknown. */
int sel_op_parse(const char *name, enum sel_op *op);

void sel_req_free(struct sel_req *r);
void sel_req_copy(struct sel_req *dst, const struct sel_req *src);

/* core/v1 NodeSelectorTerm. */
struct node_term {
	struct sel_req *exprs; /* on node labels */
	size_t n_exprs;
	struct sel_req *fields; /* on node fields; only metadata.name exists */
	size_t n_fields;
};

/* core/v1 NodeSelector: requiredDuringSchedulingIgnoredDuringExecution. */
struct node_selector {
	struct node_term *terms;
	size_t n_terms;
};

void node_selector_init(struct node_selector *ns);
void node_selector_free(struct node_selector *ns);
void node_selector_copy(struct node_selector *dst, const struct node_selector *src);
/*
 * Terms ORed; within a term every requirement ANDed; a term with no
 * requirements matches nothing; a selector with no terms matches nothing
 * (nodeaffinity.NewNodeSelector / Match). Gt/Lt compare integer values.
 */
bool node_selector_matches(const struct node_selector *ns, const struct labels *node_labels,
    const char *node_name);
bool node_term_matches(const struct node_term *t, const struct labels *node_labels,
    const char *node_name);

#endif
