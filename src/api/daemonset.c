#include "api/daemonset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xmalloc.h"

struct daemonset *
ds_new(void)
{
	struct daemonset *ds = xcalloc(1, sizeof *ds);

	ds->obj.kind = KIND_DAEMONSET;
	meta_init(&ds->obj.meta);
	sel_init(&ds->selector);
	pod_template_init(&ds->tmpl);
	ds->strategy = DS_ROLLING_UPDATE;
	return ds;
}

void
intstr_free(struct intstr *v)
{
	free(v->sval);
	memset(v, 0, sizeof *v);
}

void
intstr_copy(struct intstr *dst, const struct intstr *src)
{
	*dst = *src;
	dst->sval = xstrdup_or_null(src->sval);
}

void
ds_free(struct daemonset *ds)
{
	if (ds == NULL)
		return;
	meta_free(&ds->obj.meta);
	sel_free(&ds->selector);
	pod_template_free(&ds->tmpl);
	free(ds->strategy_name);
	intstr_free(&ds->max_unavailable);
	intstr_free(&ds->max_surge);
	free(ds);
}

static void
set_generation_annotation(struct daemonset *ds)
{
	char gen[32];

	/* apps/v1 conversion always carries the template generation here. */
	snprintf(gen, sizeof gen, "%lld", (long long)ds->template_generation);
	labels_set(&ds->obj.meta.annotations, "deprecated.daemonset.template.generation", gen);
}

void
ds_template_changed(struct daemonset *ds)
{
	ds->template_generation++;
	ds->obj.meta.generation++;
	set_generation_annotation(ds);
}

void
ds_prepare_for_create(struct daemonset *ds)
{
	memset(&ds->status, 0, sizeof ds->status);
	if (ds->template_generation < 1)
		ds->template_generation = 1;
	set_generation_annotation(ds);
}

static bool
intstr_equal(const struct intstr *a, const struct intstr *b)
{
	if (a->set != b->set || a->is_str != b->is_str)
		return false;
	if (a->is_str)
		return strcmp(a->sval, b->sval) == 0;
	return a->ival == b->ival;
}

bool
ds_spec_equal(const struct daemonset *a, const struct daemonset *b)
{
	return sel_equal(&a->selector, &b->selector) && pod_template_equal(&a->tmpl, &b->tmpl) &&
	    a->strategy == b->strategy && intstr_equal(&a->max_unavailable, &b->max_unavailable) &&
	    intstr_equal(&a->max_surge, &b->max_surge) &&
	    a->min_ready_seconds == b->min_ready_seconds &&
	    a->revision_history_limit == b->revision_history_limit;
}

void
ds_prepare_for_update(struct daemonset *ds, const struct daemonset *old)
{
	ds->status = old->status;
	ds->template_generation = old->template_generation;
	ds->obj.meta.generation = old->obj.meta.generation;
	if (!pod_template_equal(&ds->tmpl, &old->tmpl)) {
		ds->template_generation++;
		ds->obj.meta.generation++;
	} else if (!ds_spec_equal(ds, old))
		ds->obj.meta.generation++;
	set_generation_annotation(ds);
}
