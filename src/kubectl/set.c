/*
 * set.c - `kubectl set image`, after staging/src/k8s.io/kubectl/pkg/cmd/set
 * (set_image.go): change container images in a DaemonSet's or a pod's
 * template. A DaemonSet then rolls out the new template by its update
 * strategy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/daemonset.h"
#include "api/pod.h"
#include "api/store.h"
#include "cluster.h"
#include "apiserver/apiserver.h"
#include "kubectl/kctl.h"
#include "kubectl/write.h"
#include "util/atom.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* The help kubectl v1.32 prints for the command without a subcommand (cobra's usage template). */
static const char set_help[] =
	"Configure application resources.\n"
	"\n"
	" These commands help you make changes to existing application resources.\n"
	"\n"
	"Available Commands:\n"
	"  env              Update environment variables on a pod template\n"
	"  image            Update the image of a pod template\n"
	"  resources        Update resource requests/limits on objects with pod templates\n"
	"  selector         Set the selector on a resource\n"
	"  serviceaccount   Update the service account of a resource\n"
	"  subject          Update the user, group, or service account in a role binding or cluster role binding\n"
	"\n"
	"Usage:\n"
	"  kubectl set SUBCOMMAND [options]\n"
	"\n"
	"Use \"kubectl set <command> --help\" for more information about a given command.\n"
	"Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

static const struct kctl_flag set_flags[] = {
	KCTL_DRY_RUN_FLAG,
	KCTL_WRITE_OUTPUT_FLAG,
	{NULL, 0, KF_BOOL, NULL, NULL, NULL},
};

static int
set_exec(struct kctl_call *call)
{
	struct store *st = call->c->store;
	const char *target;
	char type[128];
	const char *slash;
	enum kind kind;
	struct object *obj;
	struct pod_spec *spec;
	size_t first, n_images, n_missing = 0;
	bool changed = false;
	struct strbuf missing = STRBUF_INIT;
	enum kctl_dry_run dry;

	if (call->n_args == 0) {
		/* set.go's Run is cmdutil.DefaultSubCommandRun(streams.ErrOut): the help on stderr, exit 1. */
		kctl_err(call->res, "%s", set_help);
		return call->res->status = 1;
	}
	if (strcmp(call->args[0], "env") == 0 || strcmp(call->args[0], "resources") == 0 ||
	    strcmp(call->args[0], "selector") == 0 || strcmp(call->args[0], "serviceaccount") == 0 ||
	    strcmp(call->args[0], "subject") == 0)
		return kctl_error(call, "kubesim does not simulate \"kubectl set %s\" (only \"set image\")",
		    call->args[0]);
	if (strcmp(call->args[0], "image") != 0)
		return kctl_unknown_subcommand(call);
	if (kctl_dry_run(call, &dry) < 0 || kctl_write_output_check(call) < 0)
		return 1;
	if (call->n_args < 2)
		return kctl_no_resources_error(call);
	/*
	 * Complete: getResourcesAndImages splits the words as
	 * GetResourcesAndPairs does, and the builder refuses TYPE/NAME mixed
	 * with other words, before anything is read from the server.
	 */
	if (kctl_resources_and_pairs(call, 1, "image", &first) != 0 ||
	    kctl_combined_type_args(call, call->args + 1, first - 1) == 2)
		return 1;
	n_images = call->n_args - first;
	if (first == 1)
		return kctl_no_resources_error(call);
	target = call->args[1];
	slash = strchr(target, '/');
	if (slash != NULL) {
		snprintf(type, sizeof type, "%.*s", (int)(slash - target), target);
		target = slash + 1;
	} else {
		snprintf(type, sizeof type, "%s", target);
		target = first > 2 ? call->args[2] : NULL;
	}
	if (kctl_resource(type, &kind) < 0)
		return kctl_unknown_type(call, type);
	/* The builder's visitorResult: a type alone names nothing. */
	if (target == NULL)
		return kctl_error(call, "resource(s) were provided, but no name was specified");
	obj = store_get(st, kind, call->ns, target);
	if (obj == NULL) {
		kctl_err(call->res, "Error from server (NotFound): %s \"%s\" not found\n", kind_resource(kind),
		    target);
		return call->res->status = 1;
	}
	/* Validate, after Complete read the objects. */
	if (n_images == 0)
		return kctl_error(call, "at least one image update is required");
	if (kind != KIND_DAEMONSET && kind != KIND_POD)
	{
		/*
		 * set_image.go Run: "%s/%s %v" of the resource, the name and
		 * UpdatePodSpecForObject's error, which names the Go type (%T).
		 */
		const char *res = kind_resource(kind);

		return kctl_error(call, "%.*s/%s the object is not a pod or does not have a pod template: *v1.%s",
		    (int)strcspn(res, "."), res, target, kind_name(kind));
	}
	/* Complete/Validate reject a malformed spec before anything changes. */
	for (size_t i = first; i < call->n_args; i++) {
		const char *eq = strchr(call->args[i], '=');

		if (eq == NULL || eq == call->args[i] || eq[1] == '\0')
			return kctl_error(call, "invalid image update spec: %s", call->args[i]);
	}
	/* The change is made to a copy and sent as an update, as kubectl sends a patch. */
	obj = api_edit(obj);
	spec = kind == KIND_DAEMONSET ? &((struct daemonset *)obj)->tmpl.spec : &((struct pod *)obj)->spec;
	/*
	 * set_image.go changes every container it finds, patches, prints, and
	 * only then reports the names it could not find (an aggregate error).
	 */
	for (size_t i = first; i < call->n_args; i++) {
		const char *eq = strchr(call->args[i], '=');
		char name[256];
		bool found = false;

		snprintf(name, sizeof name, "%.*s", (int)(eq - call->args[i]), call->args[i]);
		for (size_t c = 0; c < spec->n_containers; c++) {
			struct container *ct = &spec->containers[c];

			if (strcmp(name, "*") != 0 && strcmp(ct->name, name) != 0)
				continue;
			found = true;
			if (strcmp(ct->image, eq + 1) != 0) {
				atom_set(&ct->image, eq + 1);
				changed = true;
			}
		}
		if (!found) {
			sb_add(&missing, n_missing++ ? ", " : "");
			sb_addf(&missing, "unable to find container named \"%s\"", name);
		}
	}
	/* set_image.go prints nothing for an empty patch. */
	if (changed)
		kctl_write_update(call, obj, "image updated", dry);
	else
		object_free(obj);
	if (n_missing > 0) {
		if (n_missing == 1)
			kctl_error(call, "%s", sb_str(&missing));
		else
			kctl_error(call, "[%s]", sb_str(&missing));
	}
	sb_free(&missing);
	return call->res->status;
}

const struct kctl_verb kctl_set_verb = {
	.name = "set",
	.short_help = "Set specific features on objects",
	.usage = "kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]",
	.flags = set_flags,
	.exec = set_exec,
	.subcommands = true,
};
