/* The API layer: admission, update strategies, preconditions, dry run, patch, delete. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/node.h"
#include "api/pod.h"
#include "api/store.h"
#include "apiserver/apiserver.h"
#include "apiserver/patch.h"
#include "cluster.h"
#include "runner.h"
#include "util/atom.h"
#include "util/err.h"
#include "util/xmalloc.h"

static struct cluster *
new_cluster(void)
{
	struct timing t;

	timing_defaults(&t);
	return cluster_new(MODE_SCHEDULER, &t, 1);
}

static struct daemonset *
make_ds(const char *name)
{
	struct daemonset *ds = ds_new();
	struct container *c;

	ds->obj.meta.name = xstrdup(name);
	meta_set_ns(&ds->obj.meta, "default");
	ds->selector.present = true;
	labels_set(&ds->selector.match_labels, "app", "x");
	labels_set(&ds->tmpl.labels, "app", "x");
	ds->tmpl.spec.containers = xcalloc(1, sizeof *ds->tmpl.spec.containers);
	ds->tmpl.spec.n_containers = 1;
	c = &ds->tmpl.spec.containers[0];
	c->name = atom_get("c");
	c->image = atom_get("nginx:1");
	return ds;
}

static const struct api_opts plain = {false, API_FIELDS_STRICT, NULL, NULL};
static const struct api_opts dry = {true, API_FIELDS_STRICT, NULL, NULL};

static struct daemonset *
created(struct cluster *c, const char *name)
{
	struct api_status st;
	struct object *out;

	api_status_init(&st);
	ck_assert_int_eq(api_create(c, &make_ds(name)->obj, &plain, &out, &st), 0);
	api_status_free(&st);
	return (struct daemonset *)out;
}

START_TEST(test_create_defaults_and_stores)
{
	struct cluster *c = new_cluster();
	struct daemonset *ds = created(c, "a");

	ck_assert_ptr_eq(store_get(c->store, KIND_DAEMONSET, "default", "a"), ds);
	ck_assert_str_eq(ds->tmpl.spec.containers[0].image_pull_policy, "IfNotPresent");
	ck_assert_int_eq(ds->obj.meta.generation, 1);
	cluster_free(c);
}
END_TEST

START_TEST(test_create_twice_is_already_exists)
{
	struct cluster *c = new_cluster();
	struct api_status st;

	created(c, "a");
	api_status_init(&st);
	ck_assert_int_eq(api_create(c, &make_ds("a")->obj, &plain, NULL, &st), -1);
	ck_assert_int_eq(st.reason, API_ALREADY_EXISTS);
	ck_assert_int_eq(st.code, 409);
	ck_assert_str_eq(sb_str(&st.message), "daemonsets.apps \"a\" already exists");
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_dry_run_create_stores_nothing_but_fills_system_fields)
{
	struct cluster *c = new_cluster();
	struct api_status st;
	struct object *out;

	api_status_init(&st);
	ck_assert_int_eq(api_create(c, &make_ds("a")->obj, &dry, &out, &st), 0);
	ck_assert_ptr_nonnull(out->meta.uid);
	ck_assert_int_eq(out->meta.resource_version, 0);
	ck_assert_ptr_null(store_get(c->store, KIND_DAEMONSET, "default", "a"));
	object_free(out);
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_invalid_object_is_refused_with_the_servers_message)
{
	struct cluster *c = new_cluster();
	struct daemonset *ds = make_ds("a");
	struct api_status st;

	labels_set(&ds->tmpl.labels, "app", "y");
	api_status_init(&st);
	ck_assert_int_eq(api_create(c, &ds->obj, &plain, NULL, &st), -1);
	ck_assert_int_eq(st.reason, API_INVALID);
	ck_assert_int_eq(st.code, 422);
	ck_assert_str_eq(sb_str(&st.message),
	    "DaemonSet.apps \"a\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"y\"}: `selector` does not match template `labels`");
	ck_assert_str_eq(sb_str(&st.shown),
	    "The DaemonSet \"a\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"y\"}: `selector` does not match template `labels`");
	ck_assert_uint_eq(store_count(c->store, KIND_DAEMONSET), 0);
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_strict_field_validation_is_a_bad_request)
{
	struct cluster *c = new_cluster();
	struct api_opts o = plain;
	struct strbuf warnings = STRBUF_INIT;
	struct api_status st;

	o.unknown_fields = "Warning: unknown field \"spec.foo\"\nWarning: unknown field \"bar\"\n";
	api_status_init(&st);
	ck_assert_int_eq(api_create(c, &make_ds("a")->obj, &o, NULL, &st), -1);
	ck_assert_int_eq(st.reason, API_BAD_REQUEST);
	ck_assert_str_eq(sb_str(&st.message),
	    "DaemonSet in version \"v1\" cannot be handled as a DaemonSet: strict decoding error: unknown field \"spec.foo\", unknown field \"bar\"");
	o.field_validation = API_FIELDS_WARN;
	o.warnings = &warnings;
	ck_assert_int_eq(api_create(c, &make_ds("a")->obj, &o, NULL, &st), 0);
	ck_assert_str_eq(sb_str(&warnings), o.unknown_fields);
	sb_free(&warnings);
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_update_takes_spec_keeps_status_and_bumps_generation)
{
	struct cluster *c = new_cluster();
	struct daemonset *ds = created(c, "a"), *edit;
	uint64_t rv = ds->obj.meta.resource_version;
	struct api_status st;
	struct object *out;

	ds->status.desired = 7;
	edit = (struct daemonset *)api_edit(&ds->obj);
	atom_set(&edit->tmpl.spec.containers[0].image, "nginx:2");
	api_status_init(&st);
	ck_assert_int_eq(api_update(c, &edit->obj, &plain, &out, &st), 0);
	ck_assert_ptr_eq(out, &ds->obj);
	ck_assert_str_eq(ds->tmpl.spec.containers[0].image, "nginx:2");
	ck_assert_int_eq(ds->obj.meta.generation, 2);
	ck_assert_int_eq(ds->template_generation, 2);
	ck_assert_int_eq(ds->status.desired, 7);
	ck_assert_uint_gt(ds->obj.meta.resource_version, rv);
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_stale_resource_version_is_a_conflict)
{
	struct cluster *c = new_cluster();
	struct daemonset *ds = created(c, "a");
	struct object *stale = api_edit(&ds->obj);
	struct api_status st;

	store_update(c->store, &ds->obj);
	labels_set(&stale->meta.labels, "x", "y");
	api_status_init(&st);
	ck_assert_int_eq(api_update(c, stale, &plain, NULL, &st), -1);
	ck_assert_int_eq(st.reason, API_CONFLICT);
	ck_assert_str_eq(sb_str(&st.message),
	    "Operation cannot be fulfilled on daemonsets.apps \"a\": the object has been modified; please apply your changes to the latest version and try again");
	ck_assert_ptr_null(labels_get(&ds->obj.meta.labels, "x"));
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_dry_run_update_leaves_the_live_object)
{
	struct cluster *c = new_cluster();
	struct daemonset *ds = created(c, "a");
	struct object *edit = api_edit(&ds->obj), *out;
	uint64_t rv = ds->obj.meta.resource_version;
	struct api_status st;
	cJSON *doc;

	labels_set(&edit->meta.labels, "x", "y");
	api_status_init(&st);
	ck_assert_int_eq(api_update(c, edit, &dry, &out, &st), 0);
	ck_assert_ptr_ne(out, &ds->obj);
	ck_assert_ptr_null(labels_get(&ds->obj.meta.labels, "x"));
	ck_assert_uint_eq(ds->obj.meta.resource_version, rv);
	doc = api_encode_result(c, out);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "metadata"),
					      "labels"),
			     "x")
			     ->valuestring,
	    "y");
	ck_assert_ptr_nonnull(cJSON_GetObjectItem(doc, "status"));
	cJSON_Delete(doc);
	object_free(out);
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_update_of_a_missing_object_is_not_found)
{
	struct cluster *c = new_cluster();
	struct api_status st;

	api_status_init(&st);
	ck_assert_int_eq(api_update(c, &make_ds("nope")->obj, &plain, NULL, &st), -1);
	ck_assert_int_eq(st.reason, API_NOT_FOUND);
	ck_assert_str_eq(sb_str(&st.message), "daemonsets.apps \"nope\" not found");
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

static cJSON *
json(const char *text)
{
	cJSON *j = cJSON_Parse(text);

	ck_assert_ptr_nonnull(j);
	return j;
}

START_TEST(test_patch_merges_containers_by_name_and_reports_no_change)
{
	struct cluster *c = new_cluster();
	struct daemonset *ds = created(c, "a");
	cJSON *p = json("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:3\"}]}}}}");
	struct api_status st;
	struct object *out;
	uint64_t rv;
	bool changed;

	api_status_init(&st);
	ck_assert_int_eq(api_patch(c, KIND_DAEMONSET, "default", "a", PATCH_STRATEGIC, p, &plain,
			     &out, &changed, &st),
	    0);
	ck_assert(changed);
	ck_assert_uint_eq(ds->tmpl.spec.n_containers, 1);
	ck_assert_str_eq(ds->tmpl.spec.containers[0].image, "nginx:3");
	/* The default the server filled in is kept: only the image was named. */
	ck_assert_str_eq(ds->tmpl.spec.containers[0].image_pull_policy, "IfNotPresent");
	rv = ds->obj.meta.resource_version;
	ck_assert_int_eq(api_patch(c, KIND_DAEMONSET, "default", "a", PATCH_STRATEGIC, p, &plain,
			     &out, &changed, &st),
	    0);
	ck_assert(!changed);
	ck_assert_uint_eq(ds->obj.meta.resource_version, rv);
	cJSON_Delete(p);
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_patch_result_is_validated)
{
	struct cluster *c = new_cluster();
	struct daemonset *ds = created(c, "a");
	cJSON *p = json("{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"other\"}}}}");
	struct api_status st;

	api_status_init(&st);
	ck_assert_int_eq(api_patch(c, KIND_DAEMONSET, "default", "a", PATCH_MERGE, p, &plain, NULL,
			     NULL, &st),
	    -1);
	ck_assert_int_eq(st.reason, API_INVALID);
	ck_assert_str_eq(labels_get(&ds->selector.match_labels, "app"), "x");
	cJSON_Delete(p);
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

START_TEST(test_delete_checks_the_uid_precondition_and_dry_run)
{
	struct cluster *c = new_cluster();
	struct daemonset *ds = created(c, "a");
	struct api_delete_opts o = {false, -1, API_PROPAGATE_BACKGROUND, "not-the-uid"};
	struct api_status st;

	api_status_init(&st);
	ck_assert_int_eq(api_delete(c, &ds->obj, &o, &st), -1);
	ck_assert_int_eq(st.reason, API_CONFLICT);
	o.uid = NULL;
	o.dry_run = true;
	ck_assert_int_eq(api_delete(c, &ds->obj, &o, &st), 0);
	ck_assert_ptr_nonnull(store_get(c->store, KIND_DAEMONSET, "default", "a"));
	o.dry_run = false;
	ck_assert_int_eq(api_delete(c, &ds->obj, &o, &st), 0);
	ck_assert_ptr_null(store_get(c->store, KIND_DAEMONSET, "default", "a"));
	api_status_free(&st);
	cluster_free(c);
}
END_TEST

static Suite *
apiserver_suite(void)
{
	Suite *s = suite_create("apiserver");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_create_defaults_and_stores);
	tcase_add_test(tc, test_create_twice_is_already_exists);
	tcase_add_test(tc, test_dry_run_create_stores_nothing_but_fills_system_fields);
	tcase_add_test(tc, test_invalid_object_is_refused_with_the_servers_message);
	tcase_add_test(tc, test_strict_field_validation_is_a_bad_request);
	tcase_add_test(tc, test_update_takes_spec_keeps_status_and_bumps_generation);
	tcase_add_test(tc, test_stale_resource_version_is_a_conflict);
	tcase_add_test(tc, test_dry_run_update_leaves_the_live_object);
	tcase_add_test(tc, test_update_of_a_missing_object_is_not_found);
	tcase_add_test(tc, test_patch_merges_containers_by_name_and_reports_no_change);
	tcase_add_test(tc, test_patch_result_is_validated);
	tcase_add_test(tc, test_delete_checks_the_uid_precondition_and_dry_run);
	suite_add_tcase(s, tc);
	return s;
}

KS_CHECK_MAIN(apiserver_suite)
