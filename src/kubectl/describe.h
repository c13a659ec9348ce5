/*
 * describe.h - the text kubectl's describers print, for the verbs that show
 * parts of it (rollout history --revision prints DescribePodTemplate).
 */
#ifndef KS_KUBECTL_DESCRIBE_H
#define KS_KUBECTL_DESCRIBE_H

struct pod_template;
struct strbuf;

/*
 * DescribePodTemplate as PrefixWriter lines: cells separated by tabs, not
 * yet aligned (describe runs them through its tabwriter; rollout history
 * prints them as they are, as kubectl does).
 */
void describe_pod_template(const struct pod_template *t, struct strbuf *out);

#endif
