/*
 * check_labels.c - the sorted string map behind labels and annotations.
 *
 * The printed form is labels.FormatLabels: keys in byte order, "k=v" joined
 * by commas, "<none>" for an empty map. Keys and values are atoms: copies
 * share them, and the last holder frees them.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/labels.h"
#include "runner.h"
#include "util/atom.h"
#include "util/strbuf.h"

static char *
format(const struct labels *l)
{
	struct strbuf sb;

	sb_init(&sb);
	labels_format(l, &sb);
	return sb_take(&sb);
}

START_TEST(test_an_empty_map_formats_as_none)
{
	struct labels l;
	char *s;

	labels_init(&l);
	s = format(&l);
	ck_assert_str_eq(s, "<none>");
	free(s);
	labels_free(&l);
}
END_TEST

START_TEST(test_entries_stay_sorted_by_key_whatever_the_insert_order)
{
	struct labels l;
	char *s;

	labels_init(&l);
	labels_set(&l, "tier", "fe");
	labels_set(&l, "app", "web");
	labels_set(&l, "Zone", "a");
	labels_set(&l, "kubernetes.io/hostname", "n1");
	ck_assert_uint_eq(l.n, 4);
	/* strcmp order: uppercase sorts before lowercase, as Go's sort.Strings. */
	ck_assert_str_eq(l.v[0].key, "Zone");
	ck_assert_str_eq(l.v[1].key, "app");
	ck_assert_str_eq(l.v[2].key, "kubernetes.io/hostname");
	ck_assert_str_eq(l.v[3].key, "tier");
	s = format(&l);
	ck_assert_str_eq(s, "Zone=a,app=web,kubernetes.io/hostname=n1,tier=fe");
	free(s);
	labels_free(&l);
}
END_TEST

START_TEST(test_setting_an_existing_key_overwrites_its_value)
{
	struct labels l;

	labels_init(&l);
	labels_set(&l, "app", "web");
	labels_set(&l, "app", "db");
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(labels_get(&l, "app"), "db");
	labels_free(&l);
}
END_TEST

START_TEST(test_setting_a_value_to_itself_is_safe)
{
	struct labels l;

	labels_init(&l);
	labels_set(&l, "app", "web");
	labels_set(&l, "app", labels_get(&l, "app"));
	ck_assert_str_eq(labels_get(&l, "app"), "web");
	labels_free(&l);
}
END_TEST

START_TEST(test_get_returns_null_for_an_absent_key_and_empty_for_an_empty_value)
{
	struct labels l;

	labels_init(&l);
	labels_set(&l, "empty", "");
	ck_assert_ptr_null(labels_get(&l, "missing"));
	ck_assert_str_eq(labels_get(&l, "empty"), "");
	ck_assert(labels_has(&l, "empty"));
	ck_assert(!labels_has(&l, "missing"));
	labels_free(&l);
}
END_TEST

START_TEST(test_an_empty_value_formats_as_key_equals_nothing)
{
	struct labels l;
	char *s;

	labels_init(&l);
	labels_set(&l, "a", "");
	labels_set(&l, "b", "x");
	s = format(&l);
	ck_assert_str_eq(s, "a=,b=x");
	free(s);
	labels_free(&l);
}
END_TEST

START_TEST(test_delete_reports_whether_the_key_was_there)
{
	struct labels l;

	labels_init(&l);
	labels_set(&l, "a", "1");
	labels_set(&l, "b", "2");
	labels_set(&l, "c", "3");
	ck_assert(labels_del(&l, "b"));
	ck_assert(!labels_del(&l, "b"));
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.v[0].key, "a");
	ck_assert_str_eq(l.v[1].key, "c");
	ck_assert(labels_del(&l, "c"));
	ck_assert(labels_del(&l, "a"));
	ck_assert_uint_eq(l.n, 0);
	labels_free(&l);
}
END_TEST

START_TEST(test_copy_is_deep_and_replaces_the_destination)
{
	struct labels a, b;

	labels_init(&a);
	labels_init(&b);
	labels_set(&a, "app", "web");
	labels_set(&b, "old", "gone");
	labels_copy(&b, &a);
	ck_assert(labels_equal(&a, &b));
	ck_assert(!labels_has(&b, "old"));
	labels_set(&a, "app", "db");
	ck_assert_str_eq(labels_get(&b, "app"), "web");
	labels_free(&a);
	labels_free(&b);
}
END_TEST

START_TEST(test_equal_compares_keys_and_values)
{
	struct labels a, b;

	labels_init(&a);
	labels_init(&b);
	ck_assert(labels_equal(&a, &b));
	labels_set(&a, "x", "1");
	labels_set(&a, "y", "2");
	labels_set(&b, "y", "2");
	ck_assert(!labels_equal(&a, &b));
	labels_set(&b, "x", "1");
	ck_assert(labels_equal(&a, &b));
	labels_set(&b, "x", "other");
	ck_assert(!labels_equal(&a, &b));
	labels_free(&a);
	labels_free(&b);
}
END_TEST

START_TEST(test_subset_needs_every_entry_with_the_same_value)
{
	struct labels sub, l;

	labels_init(&sub);
	labels_init(&l);
	/* The empty map is a subset of anything: an empty nodeSelector fits every node. */
	ck_assert(labels_subset(&sub, &l));
	labels_set(&l, "app", "web");
	labels_set(&l, "tier", "fe");
	labels_set(&sub, "app", "web");
	ck_assert(labels_subset(&sub, &l));
	ck_assert(!labels_subset(&l, &sub));
	labels_set(&sub, "app", "db");
	ck_assert(!labels_subset(&sub, &l));
	labels_free(&sub);
	labels_free(&l);
}
END_TEST

START_TEST(test_many_inserts_keep_order_and_find_every_key)
{
	struct labels l;
	char key[16], val[16];
	int i;

	labels_init(&l);
	/* A stride coprime to 100 visits every key out of order. */
	for (i = 0; i < 100; i++) {
		int k = (i * 37) % 100;

		snprintf(key, sizeof key, "k%03d", k);
		snprintf(val, sizeof val, "v%d", k);
		labels_set(&l, key, val);
	}
	ck_assert_uint_eq(l.n, 100);
	for (i = 1; i < 100; i++)
		ck_assert_int_lt(strcmp(l.v[i - 1].key, l.v[i].key), 0);
	for (i = 0; i < 100; i++) {
		snprintf(key, sizeof key, "k%03d", i);
		snprintf(val, sizeof val, "v%d", i);
		ck_assert_str_eq(labels_get(&l, key), val);
	}
	labels_free(&l);
}
END_TEST

START_TEST(test_equal_strings_are_one_atom_until_the_last_holder_puts_it)
{
	size_t before = atom_count();
	char buf[16];
	const char *a, *b, *c, *d;

	snprintf(buf, sizeof buf, "%s", "fluentd");
	a = atom_get(buf);
	b = atom_get("fluentd");
	ck_assert_ptr_eq(a, b);
	ck_assert_ptr_ne(a, buf);
	ck_assert_str_eq(a, "fluentd");
	c = atom_ref(a);
	ck_assert_ptr_eq(c, a);
	ck_assert_uint_eq(atom_count(), before + 1);
	d = atom_get("fluentd-");
	ck_assert_ptr_ne(d, a);
	ck_assert_uint_eq(atom_count(), before + 2);
	atom_put(d);
	ck_assert_uint_eq(atom_count(), before + 1);
	atom_put(a);
	atom_put(b);
	/* c still holds it. */
	ck_assert_uint_eq(atom_count(), before + 1);
	ck_assert_str_eq(c, "fluentd");
	atom_put(c);
	ck_assert_uint_eq(atom_count(), before);
	ck_assert_ptr_null(atom_get(NULL));
	atom_put(NULL);
}
END_TEST

START_TEST(test_atoms_survive_the_removal_of_their_neighbours)
{
	enum { N = 20000 };
	static const char *kept[N];
	size_t before = atom_count();
	char key[32];

	/* Enough to grow the table many times, and crowd its probe chains. */
	for (int i = 0; i < N; i++) {
		snprintf(key, sizeof key, "node-%d", i);
		kept[i] = atom_get(key);
	}
	ck_assert_uint_eq(atom_count(), before + N);
	for (int i = 0; i < N; i += 2)
		atom_put(kept[i]);
	ck_assert_uint_eq(atom_count(), before + N / 2);
	for (int i = 1; i < N; i += 2) {
		const char *again;

		snprintf(key, sizeof key, "node-%d", i);
		again = atom_get(key);
		ck_assert_ptr_eq(again, kept[i]);
		atom_put(again);
		atom_put(kept[i]);
	}
	ck_assert_uint_eq(atom_count(), before);
}
END_TEST

START_TEST(test_a_copy_shares_the_strings_and_outlives_the_original)
{
	struct labels a, b;

	labels_init(&a);
	labels_init(&b);
	labels_set(&a, "app", "fluentd");
	labels_copy(&b, &a);
	ck_assert_ptr_eq(b.v[0].key, a.v[0].key);
	ck_assert_ptr_eq(b.v[0].value, a.v[0].value);
	labels_free(&a);
	ck_assert_str_eq(labels_get(&b, "app"), "fluentd");
	labels_set(&b, "app", "nginx");
	ck_assert_str_eq(labels_get(&b, "app"), "nginx");
	labels_free(&b);
}
END_TEST

static Suite *
labels_suite(void)
{
	Suite *s = suite_create("labels");
	TCase *tc = tcase_create("map");
	TCase *tf = tcase_create("format");
	TCase *ta = tcase_create("atoms");

	tcase_add_test(tc, test_entries_stay_sorted_by_key_whatever_the_insert_order);
	tcase_add_test(tc, test_setting_an_existing_key_overwrites_its_value);
	tcase_add_test(tc, test_setting_a_value_to_itself_is_safe);
	tcase_add_test(tc, test_get_returns_null_for_an_absent_key_and_empty_for_an_empty_value);
	tcase_add_test(tc, test_delete_reports_whether_the_key_was_there);
	tcase_add_test(tc, test_copy_is_deep_and_replaces_the_destination);
	tcase_add_test(tc, test_equal_compares_keys_and_values);
	tcase_add_test(tc, test_subset_needs_every_entry_with_the_same_value);
	tcase_add_test(tc, test_many_inserts_keep_order_and_find_every_key);
	tcase_add_test(tf, test_an_empty_map_formats_as_none);
	tcase_add_test(tf, test_an_empty_value_formats_as_key_equals_nothing);
	suite_add_tcase(s, tc);
	tcase_add_test(ta, test_equal_strings_are_one_atom_until_the_last_holder_puts_it);
	tcase_add_test(ta, test_atoms_survive_the_removal_of_their_neighbours);
	tcase_add_test(ta, test_a_copy_shares_the_strings_and_outlives_the_original);
	suite_add_tcase(s, tf);
	suite_add_tcase(s, ta);
	return s;
}

KS_CHECK_MAIN(labels_suite)
