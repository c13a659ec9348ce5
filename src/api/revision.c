#include "api/revision.h"

#include <stdlib.h>

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
	free(r);
}
