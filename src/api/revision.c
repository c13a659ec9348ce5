#include "api/revision.h"

#include <stdlib.h>

#include "util/strbuf.h"
#include "util/xmalloc.h"

struct revision *
revision_new(void)
{
	struct revision *r = xcalloc(1, sizeof *r);

	r->obj.kind = KIND_CONTROLLERREVISION;
	meta_init(&r->obj.meta);
	pod_template_init(&r->tmpl);
	return r;
}

void
revision_free(struct revision *r)
{
	if (r == NULL)
		return;
	meta_free(&r->obj.meta);
	pod_template_free(&r->tmpl);
	free(r->spec_fp);
	free(r);
}

const char *
revision_spec_fp(struct revision *r)
{
	if (r->spec_fp == NULL || r->spec_fp_rv != r->obj.meta.resource_version) {
		struct strbuf sb = STRBUF_INIT;

		pod_spec_fingerprint(&r->tmpl.spec, &sb);
		free(r->spec_fp);
		r->spec_fp = sb_take(&sb);
		r->spec_fp_rv = r->obj.meta.resource_version;
	}
	return r->spec_fp;
}
