/*
 * cmd_kubectl.c - `kubesim kubectl ARGS...`: one kubectl command against the
 * persistent practice cluster (SPEC §5), so `alias kubectl='kubesim kubectl'`
 * works in a learner's shell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cluster.h"
#include "kubesim.h"
#include "state.h"
#include "kubectl/kctl.h"
#include "util/err.h"
#include "util/file.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

/* Output is held until the state is saved, so a closed pipe cannot lose a change. */
struct held_output {
	struct strbuf text;
	struct piece {
		int stream;
		size_t len;
	} *pieces;
	size_t n, cap;
};

static void
hold(void *ctx, int stream, const char *text, size_t len)
{
	struct held_output *h = ctx;

	sb_addn(&h->text, text, len);
	if (h->n > 0 && h->pieces[h->n - 1].stream == stream) {
		h->pieces[h->n - 1].len += len;
		return;
	}
	xgrow(&h->pieces, &h->cap, h->n + 1, sizeof *h->pieces);
	h->pieces[h->n].stream = stream;
	h->pieces[h->n].len = len;
	h->n++;
}

/* Write what was held; without stdout when the change it reports was not saved. */
static void
release(struct held_output *h, bool with_stdout)
{
	size_t at = 0;

	for (size_t i = 0; i < h->n; i++) {
		FILE *f = h->pieces[i].stream == 1 ? stdout : stderr;

		if (f == stderr || with_stdout) {
			fwrite(h->text.s + at, 1, h->pieces[i].len, f);
			fflush(f);
		}
		at += h->pieces[i].len;
	}
	sb_free(&h->text);
	free(h->pieces);
}

/* Does the command read `-f -`? Then stdin is part of what it did. */
static bool
reads_stdin(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-f-") == 0 || strcmp(a, "--filename=-") == 0 ||
		    strcmp(a, "-f=-") == 0)
			return true;
		if ((strcmp(a, "-f") == 0 || strcmp(a, "--filename") == 0) && i + 1 < argc &&
		    strcmp(argv[i + 1], "-") == 0)
			return true;
	}
	return false;
}

/*
 * The manifest on standard input, read before the lock is taken: a slow
 * pipe must not hold every other command up. NULL when the command does
 * not read it; -1 with err for input that cannot be a manifest.
 */
static int
read_stdin_manifest(int argc, char **argv, char **text, struct ks_err *err)
{
	size_t len;

	*text = NULL;
	if (!reads_stdin(argc, argv) || isatty(STDIN_FILENO))
		return 0;
	if (file_read_stream(stdin, "STDIN", FILE_MAX_MANIFEST, "a manifest", text, &len,
		err) < 0)
		return -1;
	if (file_refuse_nul("STDIN", *text, len, err) < 0) {
		free(*text);
		*text = NULL;
		return err_prefix(err, "error parsing STDIN"); /* as a YAML error is framed */
	}
	return 0;
}

/* Help and the client version need no cluster, as kubectl's need no server. */
static bool
needs_no_cluster(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "help") == 0 || strcmp(argv[1], "options") == 0)
		return true;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 ||
		    (strcmp(argv[1], "version") == 0 && strcmp(argv[i], "--client") == 0))
			return true;
	return false;
}

static int
run_without_cluster(int argc, char **argv)
{
	struct timing t;
	struct cluster *c;
	struct kctl_result res;
	struct kctl_io io = {NULL, NULL, NULL, NULL, NULL};
	int rc;

	timing_defaults(&t);
	c = cluster_new(MODE_SCHEDULER, &t, 1);
	kctl_result_init(&res);
	rc = kctl_run(c, argc - 1, argv + 1, &io, &res);
	fputs(sb_str(&res.out), stdout);
	fputs(sb_str(&res.err), stderr);
	kctl_result_free(&res);
	cluster_free(c);
	return rc;
}

static int
kubectl_main(int argc, char **argv)
{
	struct state st;
	struct ks_err err;
	struct kctl_result res;
	struct held_output held = {STRBUF_INIT, NULL, 0, 0};
	cJSON *entry, *args;
	char *path, *in;
	int64_t wall = state_wall_now();
	int rc, saved = 0;

	if (state_default_path(&path, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		return KS_EXIT_USAGE;
	}
	if (read_stdin_manifest(argc, argv, &in, &err) < 0) {
		fprintf(stderr, "error: %s\n", err.msg);
		free(path);
		return KS_EXIT_FAILED;
	}
	if (state_lock_verbose(&st, path, stderr, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		free(path);
		free(in);
		state_close(&st);
		return KS_EXIT_USAGE;
	}
	free(path);
	if (!state_exists(&st) && needs_no_cluster(argc, argv)) {
		state_close(&st);
		free(in);
		return run_without_cluster(argc, argv);
	}
	if (!state_exists(&st)) {
		fprintf(stderr,
		    "kubesim: there is no practice cluster yet (%s does not exist)\n"
		    "Create one with: kubesim cluster create --nodes 3\n",
		    st.path);
		state_close(&st);
		free(in);
		return KS_EXIT_FAILED;
	}
	if (state_load(&st, wall, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n%s", err.msg, state_left_alone);
		state_close(&st);
		free(in);
		return KS_EXIT_USAGE;
	}

	entry = cJSON_CreateObject();
	cJSON_AddStringToObject(entry, "op", "kubectl");
	args = cJSON_AddArrayToObject(entry, "args");
	for (int i = 1; i < argc; i++)
		cJSON_AddItemToArray(args, cJSON_CreateString(argv[i]));
	if (in != NULL) {
		cJSON_AddStringToObject(entry, "stdin", in);
		free(in);
		in = NULL;
	}
	kctl_result_init(&res);
	res.sink = hold;
	res.sink_ctx = &held;
	rc = state_apply(&st, entry, &res, &err);
	if (rc < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		rc = KS_EXIT_USAGE;
	} else {
		saved = state_commit(&st, wall, &err);
		if (saved < 0) {
			release(&held, false);
			fprintf(stderr, "kubesim: %s (the change was not saved)\n", err.msg);
			kctl_result_free(&res);
			state_close(&st);
			return KS_EXIT_USAGE;
		}
	}
	release(&held, true);
	/* A read where the file cannot be written: its output stands, the clock catches up next time. */
	if (saved > 0)
		fprintf(stderr, "kubesim: the clock's advance could not be saved (%s)\n", err.msg);
	kctl_result_free(&res);
	state_close_at_exit(&st);
	return rc;
}

const struct ks_command ks_cmd_kubectl = {
	"kubectl",
	"kubectl against the persistent practice cluster",
	"Usage: kubesim kubectl ARGS...\n"
	"\n"
	"Run one kubectl command against the practice cluster kept in the state\n"
	"file ($KUBESIM_STATE, default ~/.kubesim/cluster.json). Create the\n"
	"cluster first with `kubesim cluster create`. With\n"
	"\n"
	"    alias kubectl='kubesim kubectl'\n"
	"\n"
	"the usual commands work in your shell: kubectl create -f demo.yaml,\n"
	"kubectl get ds, kubectl get pod -o wide, kubectl drain node1\n"
	"--ignore-daemonsets, ... Between commands the simulated clock moves on by\n"
	"the real time that passed (at most an hour at a time), so pods go from\n"
	"ContainerCreating to Running while you type.\n"
	"\n"
	"Exit status: kubectl's (0 success, 1 the command failed); 2 when the\n"
	"state file cannot be used.\n",
	kubectl_main,
};
