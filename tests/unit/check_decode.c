/* Manifests to objects: every field of the workshop manifest, and errors with positions. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/pod.h"
#include "codec/decode.h"
#include "codec/ydoc.h"
#include "runner.h"
#include "util/err.h"
#include "util/strbuf.h"

static const char workshop[] =
    "apiVersion: apps/v1\n"
    "kind: DaemonSet\n"
    "metadata:\n"
    "  name: fluentd-es-demo\n"
    "  labels:\n"
    "    k8s-app: fluentd-logging\n"
    "spec:\n"
    "  selector:\n"
    "    matchLabels:\n"
    "      name: fluentd-es\n"
    "  template:\n"
    "    metadata:\n"
    "      labels:\n"
    "        name: fluentd-es\n"
    "    spec:\n"
    "      tolerations:\n"
    "      - key: node-role.kubernetes.io/master\n"
    "        effect: NoSchedule\n"
    "      containers:\n"
    "      - name: fluentd-es-example\n"
    "        image: k8s.gcr.io/fluentd-elasticsearch:1.20\n"
    "        resources:\n"
    "          limits:\n"
    "            memory: 200Mi\n"
    "          requests:\n"
    "            cpu: 100m\n"
    "            memory: 200Mi\n"
    "        volumeMounts:\n"
    "        - name: varlog\n"
    "          mountPath: /var/log\n"
    "        - name: varlibdockercontainers\n"
    "          mountPath: /var/lib/docker/containers\n"
    "          readOnly: true\n"
    "      terminationGracePeriodSeconds: 30\n"
    "      volumes:\n"
    "      - name: varlog\n"
    "        hostPath:\n"
    "          path: /var/log\n"
    "      - name: varlibdockercontainers\n"
    "        hostPath:\n"
    "          path: /var/lib/docker/containers\n";

static int
decode(const char *text, struct vec *objs, struct strbuf *warnings, struct ks_err *err)
{
	return decode_manifests("demo.yaml", text, strlen(text), objs, NULL, warnings, err);
}

static void
free_objs(struct vec *objs)
{
	for (size_t i = 0; i < objs->n; i++)
		object_free(objs->v[i]);
	vec_free(objs);
}

/* resourceVersion: null is unset (fuzz_patch: kubectl apply -f crashed on it). */
START_TEST(test_null_resource_version_is_unset)
{
	struct vec objs = VEC_INIT;
	struct strbuf w = STRBUF_INIT;
	struct ks_err err;
	struct object *o;

	ck_assert_int_eq(decode("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  resourceVersion:\n",
			     &objs, &w, &err), 0);
	ck_assert_uint_eq(objs.n, 1);
	o = objs.v[0];
	ck_assert_str_eq(o->meta.name, "x");
	ck_assert_uint_eq(o->meta.resource_version, 0);
	free_objs(&objs);
	sb_free(&w);
}
END_TEST

START_TEST(test_workshop_manifest_decodes_every_field)
{
	struct vec objs = VEC_INIT;
	struct strbuf w = STRBUF_INIT;
	struct ks_err err;
	struct daemonset *ds;
	const struct container *c;

	sb_init(&w);
	ck_assert_int_eq(decode(workshop, &objs, &w, &err), 0);
	ck_assert_str_eq(sb_str(&w), "");
	ck_assert_uint_eq(objs.n, 1);
	ds = objs.v[0];
	ck_assert_int_eq(ds->obj.kind, KIND_DAEMONSET);
	ck_assert_str_eq(ds->obj.meta.name, "fluentd-es-demo");
	ck_assert_str_eq(labels_get(&ds->obj.meta.labels, "k8s-app"), "fluentd-logging");
	ck_assert_str_eq(labels_get(&ds->selector.match_labels, "name"), "fluentd-es");
	ck_assert_str_eq(labels_get(&ds->tmpl.labels, "name"), "fluentd-es");
	ck_assert_uint_eq(ds->tmpl.spec.n_tolerations, 1);
	ck_assert_str_eq(ds->tmpl.spec.tolerations[0].key, "node-role.kubernetes.io/master");
	ck_assert_int_eq(ds->tmpl.spec.tolerations[0].effect, EFFECT_NO_SCHEDULE);
	ck_assert_int_eq(ds->tmpl.spec.tolerations[0].op, TOL_EQUAL);
	c = &ds->tmpl.spec.containers[0];
	ck_assert_str_eq(c->name, "fluentd-es-example");
	ck_assert_str_eq(c->image, "k8s.gcr.io/fluentd-elasticsearch:1.20");
	ck_assert_int_eq(res_list_milli(&c->requests, "cpu"), 100);
	ck_assert_int_eq(res_list_milli(&c->requests, "memory"), 200LL * 1024 * 1024 * 1000);
	ck_assert_int_eq(res_list_milli(&c->limits, "memory"), 200LL * 1024 * 1024 * 1000);
	ck_assert_uint_eq(c->n_mounts, 2);
	ck_assert(!c->mounts[0].read_only);
	ck_assert(c->mounts[1].read_only);
	ck_assert_str_eq(c->mounts[1].mount_path, "/var/lib/docker/containers");
	ck_assert_int_eq(ds->tmpl.spec.termination_grace_s, 30);
	ck_assert_uint_eq(ds->tmpl.spec.n_volumes, 2);
	ck_assert_int_eq(ds->tmpl.spec.volumes[1].source, VOL_HOST_PATH);
	ck_assert_str_eq(ds->tmpl.spec.volumes[1].path, "/var/lib/docker/containers");
	free_objs(&objs);
	sb_free(&w);
}
END_TEST

START_TEST(test_multi_document_and_list_are_flattened)
{
	const char *text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n"
			   "apiVersion: v1\nkind: List\nitems:\n"
			   "- {apiVersion: v1, kind: Pod, metadata: {name: b}}\n"
			   "- {apiVersion: v1, kind: Node, metadata: {name: n1}}\n";
	struct vec objs = VEC_INIT;
	struct ks_err err;

	ck_assert_int_eq(decode(text, &objs, NULL, &err), 0);
	ck_assert_uint_eq(objs.n, 3);
	ck_assert_str_eq(((struct object *)objs.v[1])->meta.name, "b");
	ck_assert_int_eq(((struct object *)objs.v[2])->kind, KIND_NODE);
	free_objs(&objs);
}
END_TEST

START_TEST(test_node_selector_and_affinity_decode)
{
	const char *text =
	    "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n"
	    "  nodeSelector: {disktype: ssd}\n"
	    "  affinity:\n    nodeAffinity:\n"
	    "      requiredDuringSchedulingIgnoredDuringExecution:\n"
	    "        nodeSelectorTerms:\n"
	    "        - matchExpressions: [{key: zone, operator: In, values: [a, b]}]\n"
	    "  containers: [{name: c, image: x}]\n";
	struct vec objs = VEC_INIT;
	struct ks_err err;
	struct pod *p;

	ck_assert_int_eq(decode(text, &objs, NULL, &err), 0);
	p = objs.v[0];
	ck_assert_str_eq(labels_get(&p->spec.node_selector, "disktype"), "ssd");
	ck_assert(p->spec.affinity.has_required);
	ck_assert_uint_eq(p->spec.affinity.required.terms[0].n_exprs, 1);
	ck_assert_int_eq(p->spec.affinity.required.terms[0].exprs[0].op, SEL_IN);
	ck_assert_uint_eq(p->spec.affinity.required.terms[0].exprs[0].n_values, 2);
	free_objs(&objs);
}
END_TEST

START_TEST(test_unknown_field_warns_like_kubectl)
{
	const char *text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n"
			   "spec:\n  containers: [{name: c, image: x, imagePolicy: Always}]\n  foo: 1\n";
	struct vec objs = VEC_INIT;
	struct strbuf w = STRBUF_INIT;
	struct ks_err err;

	sb_init(&w);
	ck_assert_int_eq(decode(text, &objs, &w, &err), 0);
	ck_assert_str_eq(sb_str(&w), "Warning: unknown field \"spec.containers[0].imagePolicy\"\n"
				     "Warning: unknown field \"spec.foo\"\n");
	free_objs(&objs);
	sb_free(&w);
}
END_TEST

START_TEST(test_type_errors_name_file_line_column_and_path)
{
	const char *text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: nginx\n";
	struct vec objs = VEC_INIT;
	struct ks_err err;

	ck_assert_int_eq(decode(text, &objs, NULL, &err), DECODE_ERR_INVALID);
	ck_assert_str_eq(err.msg, "demo.yaml:5:15: spec.containers: expected an array, got string");
	ck_assert_uint_eq(objs.n, 0);
}
END_TEST

START_TEST(test_a_number_where_a_string_belongs_is_an_error)
{
	const char *text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {version: 1.20}\n";
	struct vec objs = VEC_INIT;
	struct ks_err err;

	ck_assert_int_eq(decode(text, &objs, NULL, &err), DECODE_ERR_INVALID);
	ck_assert_str_eq(err.msg,
	    "demo.yaml:5:21: metadata.labels.version: expected a string, got number 1.20 (quote it: \"1.20\")");
}
END_TEST

START_TEST(test_flattened_manifest_is_explained)
{
	char flat[sizeof workshop];
	const char *p = workshop;
	char *q = flat;
	struct vec objs = VEC_INIT;
	struct ks_err err;

	/* Strip every line's indentation, as the published page did. */
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		while (*p != '\0' && *p != '\n')
			*q++ = *p++;
		if (*p == '\n')
			*q++ = *p++;
	}
	*q = '\0';
	ck_assert_int_eq(decode(flat, &objs, NULL, &err), DECODE_ERR_PARSE);
	ck_assert_ptr_nonnull(strstr(err.msg, "demo.yaml:10:1: mapping key \"name\" already defined at line 4"));
	ck_assert_ptr_nonnull(strstr(err.msg, "its indentation looks lost"));
}
END_TEST

START_TEST(test_missing_kind_is_kubectls_validation_error)
{
	const char *text = "apiVersion: apps/v1\nmetadata: {name: a}\n";
	struct vec objs = VEC_INIT;
	struct ks_err err;

	ck_assert_int_eq(decode(text, &objs, NULL, &err), DECODE_ERR_INVALID);
	ck_assert_str_eq(err.msg, "error validating data: kind not set");
}
END_TEST

START_TEST(test_wrong_api_version_for_a_kind)
{
	const char *text = "apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: old}\n";
	struct vec objs = VEC_INIT;
	struct ks_err err;

	ck_assert_int_eq(decode(text, &objs, NULL, &err), DECODE_ERR_MAPPING);
	ck_assert_str_eq(err.msg,
	    "resource mapping not found for name: \"old\" namespace: \"\" from \"demo.yaml\": no matches for kind \"DaemonSet\" in version \"extensions/v1beta1\"\nensure CRDs are installed first");
}
END_TEST

START_TEST(test_yes_is_a_boolean_to_kubectl)
{
	const char *text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n"
			   "spec:\n  tolerations: [{key: k, value: yes}]\n";
	struct vec objs = VEC_INIT;
	struct ks_err err;

	ck_assert_int_eq(decode(text, &objs, NULL, &err), DECODE_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "spec.tolerations[0].value: expected a string, got bool yes"));
}
END_TEST

START_TEST(test_yaml_syntax_error_has_a_position)
{
	const char *text = "apiVersion: v1\nkind: [Pod\n";
	struct vec objs = VEC_INIT;
	struct ks_err err;

	ck_assert_int_eq(decode(text, &objs, NULL, &err), DECODE_ERR_PARSE);
	ck_assert_int_eq(strncmp(err.msg, "demo.yaml:3:1: ", 15), 0);
}
END_TEST

/* ---- the YAML tree's limits (hostile input) ---- */

static int
parse(const struct strbuf *text, struct ystream *st, struct ks_err *err)
{
	return ydoc_parse("x.yaml", text->s, text->len, st, err);
}

/* a0: &a0 [x] / a1: &a1 [*a0] / ...: each alias one level deeper than the last. */
START_TEST(test_chained_aliases_cannot_nest_past_the_depth_cap)
{
	struct strbuf text = STRBUF_INIT;
	struct ystream st;
	struct ks_err err;

	sb_add(&text, "a0: &a0 [x]\n");
	for (int i = 1; i < 8500; i++)
		sb_addf(&text, "a%d: &a%d [*a%d]\n", i, i, i - 1);
	ck_assert_int_eq(parse(&text, &st, &err), -1);
	/* a255's copy of a254 would reach level 257 (the document is level 0). */
	ck_assert_str_eq(err.msg, "x.yaml:256:14: alias \"a254\" nests deeper than 256 levels");
	sb_free(&text);
}
END_TEST

START_TEST(test_alias_depth_counts_where_the_alias_stands)
{
	struct strbuf text = STRBUF_INIT;
	struct ystream st;
	struct ks_err err;

	/* A 200-level anchor is fine at the top, and too deep 100 levels down. */
	sb_add(&text, "a: &deep ");
	for (int i = 0; i < 199; i++)
		sb_add(&text, "[");
	sb_add(&text, "x");
	for (int i = 0; i < 199; i++)
		sb_add(&text, "]");
	sb_add(&text, "\nb: *deep\nc: ");
	for (int i = 0; i < 100; i++)
		sb_add(&text, "[");
	sb_add(&text, "*deep");
	for (int i = 0; i < 100; i++)
		sb_add(&text, "]");
	sb_add(&text, "\n");
	ck_assert_int_eq(parse(&text, &st, &err), -1);
	ck_assert_str_eq(err.msg, "x.yaml:3:104: alias \"deep\" nests deeper than 256 levels");
	sb_free(&text);
}
END_TEST

START_TEST(test_billion_laughs_is_refused_before_it_expands)
{
	struct strbuf text = STRBUF_INIT;
	struct ystream st;
	struct ks_err err;
	const char *names = "abcdefghi";

	sb_add(&text, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (int i = 1; i < 9; i++) {
		sb_addf(&text, "%c: &%c [", names[i], names[i]);
		for (int j = 0; j < 9; j++)
			sb_addf(&text, "%s*%c", j ? ", " : "", names[i - 1]);
		sb_add(&text, "]\n");
	}
	ck_assert_int_eq(parse(&text, &st, &err), -1);
	ck_assert_str_eq(err.msg, "x.yaml:7:8: aliases expand to more than 1000000 nodes");
	sb_free(&text);
}
END_TEST

START_TEST(test_many_keys_cost_linear_work)
{
	struct strbuf text = STRBUF_INIT;
	struct ystream st;
	struct ks_err err;

	sb_add(&text, "labels:\n");
	for (int i = 0; i < 50000; i++)
		sb_addf(&text, "  k%d: v\n", i);
	ck_assert_int_eq(parse(&text, &st, &err), 0);
	ck_assert_uint_eq(st.docs[0].root->items[0]->n, 50000);
	/* 100,002 nodes and one duplicate check per key; pairwise checks would be 1.25e9. */
	ck_assert_uint_le(st.work, 4 * 50000);
	ystream_free(&st);
	sb_free(&text);
}
END_TEST

START_TEST(test_many_anchors_cost_linear_work)
{
	struct strbuf text = STRBUF_INIT;
	struct ystream st;
	struct ks_err err;

	for (int i = 0; i < 50000; i++)
		sb_addf(&text, "a%d: &x%d v\n", i, i);
	for (int i = 0; i < 50000; i++)
		sb_addf(&text, "b%d: *x%d\n", i, 49999 - i);
	ck_assert_int_eq(parse(&text, &st, &err), 0);
	ck_assert_str_eq(st.docs[0].root->items[99999]->value, "v");
	/* 200,001 nodes built, 100,000 keys checked, 50,000 aliases looked up and copied. */
	ck_assert_uint_le(st.work, 500000);
	ystream_free(&st);
	sb_free(&text);
}
END_TEST

START_TEST(test_a_duplicate_key_in_a_long_mapping_names_both_lines)
{
	struct strbuf text = STRBUF_INIT;
	struct ystream st;
	struct ks_err err;

	sb_add(&text, "m:\n");
	for (int i = 0; i < 40; i++)
		sb_addf(&text, "  k%d: v\n", i);
	sb_add(&text, "  k7: again\n");
	ck_assert_int_eq(parse(&text, &st, &err), -1);
	ck_assert_str_eq(err.msg, "x.yaml:42:3: mapping key \"k7\" already defined at line 9");
	sb_free(&text);
}
END_TEST

START_TEST(test_bad_bytes_are_placed_where_they_are)
{
	static const struct {
		const char *text;
		size_t len;
		const char *msg;
	} cases[] = {
	    {"a: b\nc: d\nname: x\xffy\n", 20, "x.yaml:3:8: invalid leading UTF-8 octet (byte 0xFF)"},
	    /* characters, not bytes, count towards the column */
	    {"a: \xc3\xa9\xc3\xa9\xff\n", 10, "x.yaml:1:6: invalid leading UTF-8 octet (byte 0xFF)"},
	    {"a: b\nname: x\0y\n", 15, "x.yaml:2:8: control characters are not allowed (byte 0x00)"},
	    /* an escaped NUL would cut the string short everywhere above the parser */
	    {"a: b\nname: \"x\\0y\"\n", 18, "x.yaml:2:7: a NUL character (\\0) is not allowed in a string"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ystream st;
		struct ks_err err;

		ck_assert_int_eq(ydoc_parse("x.yaml", cases[i].text, cases[i].len, &st, &err), -1);
		ck_assert_str_eq(err.msg, cases[i].msg);
	}
}
END_TEST

static Suite *
decode_suite(void)
{
	Suite *s = suite_create("decode");
	TCase *tc = tcase_create("manifests");

	tcase_add_test(tc, test_workshop_manifest_decodes_every_field);
	tcase_add_test(tc, test_multi_document_and_list_are_flattened);
	tcase_add_test(tc, test_node_selector_and_affinity_decode);
	tcase_add_test(tc, test_unknown_field_warns_like_kubectl);
	tcase_add_test(tc, test_type_errors_name_file_line_column_and_path);
	tcase_add_test(tc, test_a_number_where_a_string_belongs_is_an_error);
	tcase_add_test(tc, test_flattened_manifest_is_explained);
	tcase_add_test(tc, test_missing_kind_is_kubectls_validation_error);
	tcase_add_test(tc, test_wrong_api_version_for_a_kind);
	tcase_add_test(tc, test_yes_is_a_boolean_to_kubectl);
	tcase_add_test(tc, test_yaml_syntax_error_has_a_position);
	suite_add_tcase(s, tc);
	tc = tcase_create("yaml limits");
	tcase_add_test(tc, test_chained_aliases_cannot_nest_past_the_depth_cap);
	tcase_add_test(tc, test_alias_depth_counts_where_the_alias_stands);
	tcase_add_test(tc, test_billion_laughs_is_refused_before_it_expands);
	tcase_add_test(tc, test_many_keys_cost_linear_work);
	tcase_add_test(tc, test_many_anchors_cost_linear_work);
	tcase_add_test(tc, test_a_duplicate_key_in_a_long_mapping_names_both_lines);
	tcase_add_test(tc, test_bad_bytes_are_placed_where_they_are);
	tcase_add_test(tc, test_null_resource_version_is_unset);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(decode_suite)
