/*
 * kctl.h - the kubectl subset kubesim speaks.
 *
 * How to add a verb (as git's builtin.h explains its commands):
 *  1. Write src/kubectl/<verb>.c with a static exec function and one
 *     exported `const struct kctl_verb kctl_<verb>_verb` holding its name,
 *     one-line help, usage and flag table.
 *  2. Add it to kctl_verbs[] in kctl.c.
 *  3. List the file in Makefile.am and add golden cases under tests/cli/.
 * Flags are data: the shared parser reads them (pflag's syntax: --flag=v,
 * --flag v, -f v, -fv, bools without a value), rejects unknown ones with
 * kubectl's message and prints --help from the same table.
 *
 * kubectl never touches the terminal: a run returns its stdout, stderr and
 * exit status in a struct kctl_result, so the scenario runner, the TUI and
 * the persistent cluster share it.
 */
#ifndef KS_KUBECTL_KCTL_H
#define KS_KUBECTL_KCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/meta.h"
#include "util/strbuf.h"

struct cJSON;
struct cluster;
struct ks_err;
struct vec;

struct kctl_io {
	/* Text read by `-f -`. */
	const char *stdin_text;
	/* Reads a file named on the command line; returns 0 or -1 with err. */
	int (*read_file)(void *ctx, const char *path, char **text, size_t *len, struct ks_err *err);
	/*
	 * Optional: shows output so far, before a command lets simulated time
	 * pass (delete --wait), so it appears when kubectl would print it.
	 */
	void (*flush)(void *ctx, const char *text);
	void *ctx;
	/*
	 * Optional: when path names a directory, append the manifests in it
	 * (kctl_list_manifest_dir's choice) and return 1; 0 when it is not a
	 * directory, -1 with err when it cannot be read.
	 */
	int (*list_dir)(void *ctx, const char *path, struct vec *files, struct ks_err *err);
};

struct kctl_result {
	struct strbuf out;
	struct strbuf err;
	struct strbuf both; /* out and err interleaved as a terminal would show them */
	size_t flushed;     /* how much of both io->flush has shown */
	int status;
	/*
	 * Optional: also handed every piece of output as it is written (stream
	 * 1 stdout, 2 stderr), for a front end that must keep the two streams
	 * apart and still in kubectl's order.
	 */
	void (*sink)(void *ctx, int stream, const char *text, size_t len);
	void *sink_ctx;
};

void kctl_result_init(struct kctl_result *r);
void kctl_result_free(struct kctl_result *r);
/* Append to stdout or stderr (and to both). */
void kctl_out(struct kctl_result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kctl_err(struct kctl_result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* argv[0] is the first word after "kubectl". Returns res->status. */
int kctl_run(struct cluster *c, int argc, char **argv, const struct kctl_io *io,
    struct kctl_result *res);
/* Shell-style word splitting (quotes, backslashes) of a command line. */
int kctl_split(const char *line, int *argc, char ***argv, struct ks_err *err);
void kctl_argv_free(int argc, char **argv);

/* ---- for verb implementations ---- */

enum kctl_flag_type {
	KF_BOOL,
	KF_STRING,
	KF_INT,
	KF_DURATION, /* Go's time.ParseDuration syntax, checked when parsed */
};

struct kctl_flag {
	const char *name;
	char shorthand;
	enum kctl_flag_type type;
	const char *def; /* default as text; NULL = "" / false / 0 */
	const char *help;
	/* Boolean flag that may also take a string (--cascade, bare = "background"). */
	const char *no_opt_default;
};

#define KCTL_MAX_FLAGS 40

struct kctl_call;

struct kctl_verb {
	const char *name;
	const char *short_help;
	const char *usage;
	const struct kctl_flag *flags; /* ends with {NULL} */
	int (*exec)(struct kctl_call *call);
	bool subcommands; /* rollout, set: the first word names a subcommand */
	/*
	 * Optional, with subcommands: the flags of flags[] the subcommand
	 * has (NULL-terminated), NULL for all; the parser refuses the others
	 * as pflag refuses an unknown flag.
	 */
	const char *const *(*sub_flags)(const char *sub);
};

struct kctl_call {
	struct cluster *c;
	const struct kctl_verb *verb;
	const struct kctl_io *io;
	struct kctl_result *res;
	char **args;
	size_t n_args;
	const char *ns; /* -n, or "default" */
	bool ns_set;
	const char *request_timeout; /* --request-timeout, checked before the verb runs */
	const char *profile;         /* --profile, likewise */
	/* --kubeconfig, --context, --cluster, --user: checked against kubesim's kubeconfig. */
	const char *kubeconfig, *context, *cluster, *user;
	/* Parsed flag values, indexed like verb->flags. */
	char *values[KCTL_MAX_FLAGS];
	bool given[KCTL_MAX_FLAGS];
};

const char *kctl_str(const struct kctl_call *call, const char *name);
bool kctl_bool(const struct kctl_call *call, const char *name);
int64_t kctl_int(const struct kctl_call *call, const char *name);
bool kctl_given(const struct kctl_call *call, const char *name);

/* Hand the output so far to io->flush, if there is one. */
void kctl_flush(struct kctl_call *call);

/* Print "error: <msg>" to stderr and return exit status 1. */
int kctl_error(struct kctl_call *call, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * A flag error as kubectl's root flag error func frames pflag's: "error:
 * <msg>" and "See 'kubectl <verb> [<subcommand>] --help' for usage.".
 */
int kctl_flag_error(struct kctl_call *call, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Usage error: message plus "See 'kubectl <verb> -h' for help and examples". */
int kctl_usage_error(struct kctl_call *call, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* rollout's and set's "unknown command" for a subcommand they lack, naming every argument. */
int kctl_unknown_subcommand(struct kctl_call *call);
/* The arguments from index from on, joined by spaces as Go's %v prints a slice's (in buf). */
const char *kctl_join_args(const struct kctl_call *call, size_t from, char *buf, size_t len);
/* kubectl's "the server doesn't have a resource type". */
int kctl_unknown_type(struct kctl_call *call, const char *type);
/* The RESTMapper's NoResourceMatchError: the same words, printed without "error: ". */
int kctl_no_resource_match(struct kctl_call *call, const char *type);
/*
 * cmdutil.GetResourcesAndPairs over args[from..]: *first is the first
 * KEY=VALUE or KEY- word; 1 with kubectl's error when a resource word
 * follows one ("all resources must be specified before <pair_type> changes").
 */
int kctl_resources_and_pairs(struct kctl_call *call, size_t from, const char *pair_type, size_t *first);
/* A KEY=VALUE or KEY- word, as GetResourcesAndPairs tells them from resources. */
bool kctl_is_pair(const char *s);
/*
 * The builder's hasCombinedTypeArgs: 0 when no argument is TYPE/NAME, 1 when
 * all are, 2 (after kubectl's error) when only some are.
 */
int kctl_combined_type_args(struct kctl_call *call, char *const *args, size_t n);
/*
 * doc printed as -o json, yaml or jsonpath=TEMPLATE (output names which)
 * prints it; 1 after kubectl's error when the template fails.
 */
int kctl_print_doc(struct kctl_call *call, const char *output, const struct cJSON *doc);
/*
 * The same for an object kubectl holds as a Go struct: -o json keeps doc's
 * member order (encode_json_text_typed) instead of sorting the keys.
 */
int kctl_print_typed_doc(struct kctl_call *call, const char *output, const struct cJSON *doc);
/*
 * -o go-template and its kin need Go's text/template, which only the real
 * kubectl has: true, after saying so in one line, when output asks for one.
 */
bool kctl_template_output(struct kctl_call *call, const char *output);
/* The same one line, into buf (no "error: "); false when output is no template. */
bool kctl_template_message(const char *output, char *buf, size_t len);
/*
 * Reorders a DaemonSet document's members into the Go structs' field
 * order (typed.c), for kubectl output of a typed object (encode_json_text_typed).
 */
void kctl_order_daemonset(struct cJSON *doc);
/* The same for a Pod (kubectl run's generated object). */
void kctl_order_pod(struct cJSON *doc);
/* kubectl's "You must provide one or more resources by argument or filename." and its examples. */
int kctl_no_resources_error(struct kctl_call *call);

struct vec;
/*
 * The sources named by -f (it may repeat), one string each (caller frees);
 * a directory stands for the manifests in it, as kubectl reads them. -1
 * with kubectl's error when a directory holds none and nothing came before.
 */
int kctl_sources(const struct kctl_call *call, struct vec *out, struct ks_err *err);
/*
 * The manifests kubectl reads from a directory (without -R): its *.json,
 * *.yaml and *.yml files in name order, appended as "shown/name". fs_dir is
 * where the directory is on disk. Returns 1, 0 when fs_dir is not a
 * directory, -1 with err when it cannot be read.
 */
int kctl_list_manifest_dir(const char *fs_dir, const char *shown, struct vec *out,
    struct ks_err *err);

/*
 * Read and decode the objects in one -f source (a file or "-"); docs, when
 * not NULL, receives each object's document as JSON (cJSON *), and
 * obj_warnings each object's unknown-field warnings (char *, "" for none).
 */
int kctl_read_manifests(struct kctl_call *call, const char *source, struct vec *objs,
    struct vec *docs, struct vec *obj_warnings, struct ks_err *err);

/* ---- field selectors (--field-selector) ---- */

struct kctl_field_req {
	char *field;
	char *value;
	bool negate;
};

/* Parse "f=v,f!=v" into struct kctl_field_req * items; 1 with kubectl's error
 * and nothing left in reqs. */
int kctl_field_selector(struct kctl_call *call, const char *text, struct vec *reqs);
/* The same, -1 with fields.ParseSelector's error in why instead of printing it. */
int kctl_field_selector_parse(const char *text, struct vec *reqs, char *why, size_t len);
/* schema.GroupVersionResource.String() of a kind, as kubectl names a resource in list errors: "/v1, Resource=pods". */
const char *kctl_gvr(enum kind k, char *buf, size_t len);
/* Appends the cluster-scoped objects of kind k whose labels match selector, by name; 1 on a bad selector. */
int kctl_select_cluster(struct kctl_call *call, enum kind k, const char *selector, struct vec *out);
/* The field's value as the API server's field selectors see it; NULL when not indexed. */
const char *kctl_field_value(const struct object *o, const char *field, char *buf, size_t len);
/* Every requirement holds; *unknown names a field the server does not index. */
bool kctl_field_matches(const struct vec *reqs, const struct object *o, const char **unknown);
void kctl_field_reqs_free(struct vec *reqs);

/* ---- resource names (resources.c) ---- */

/* "ds", "daemonset", "daemonsets.apps", "po", "no", ... -> kind. */
int kctl_resource(const char *name, enum kind *out);
/* "daemonset.apps", "pod", "node", "event": the name printer's type. */
const char *kctl_type_name(enum kind k);

#endif
