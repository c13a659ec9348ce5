/*
 * state.c - the practice cluster's state file: lock, load by replay, apply,
 * save atomically.
 *
 * The file (format 1):
 *
 *   {"kind": "KubesimCluster", "format": 1, "kubesim": "0.1.0",
 *    "mode": "scheduler", "clock": "real", "seed": 1, "nodes": 3, "addons": true,
 *    "wallClock": 1764406800000, "now": 73500,
 *    "journal": [
 *      {"at": 1200, "op": "kubectl", "args": ["create", "-f", "demo.yaml"],
 *       "files": {"demo.yaml": "apiVersion: apps/v1\n..."}},
 *      {"at": 9000, "op": "addNode", "name": "node4", "labels": {"disktype": "ssd"},
 *       "taints": [{"key": "k", "value": "v", "effect": "NoSchedule"}],
 *       "capacity": {"cpu": "2"}, "unschedulable": false},
 *      {"at": 9500, "op": "failNode", "name": "node2"}, ...],
 *    "objects": {"apiVersion": "v1", "kind": "List", "items": [...]}}
 *
 * "at" and "now" are simulated milliseconds since the cluster was created;
 * "wallClock" is when the file was last written. "objects" is output only.
 */
#include "config.h"

#include "state.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cluster.h"
#include "api/node.h"
#include "api/store.h"
#include "api/taint.h"
#include "api/validate.h"
#include "apiserver/rest.h"
#include "codec/encode.h"
#include "kubectl/kctl.h"
#include "util/err.h"
#include "util/file.h"
#include "util/map.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xmalloc.h"

static const char state_kind[] = "KubesimCluster";

const char state_left_alone[] =
    "The file was left as it is; `kubesim cluster delete` removes it to start over.\n";

int64_t
state_wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ~/.kubesim may not exist yet; the default path's directory is ours to make. */
static int
make_parent_dir(const char *path, struct ks_err *err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = 0;

	if (slash != NULL && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			rc = err_set(err, "cannot create %s: %s", dir, strerror(errno));
	}
	free(dir);
	return rc;
}

int
state_default_path(char **out, struct ks_err *err)
{
	const char *env = getenv("KUBESIM_STATE");
	const char *home = getenv("HOME");

	*out = NULL;
	/* Set but empty is a mistake (a typo, an unset variable in a script), not a request for the default. */
	if (env != NULL && env[0] == '\0')
		return err_set(err, "KUBESIM_STATE is set but empty; set it to a file, or unset it to "
				    "use ~/.kubesim/cluster.json");
	if (env != NULL) {
		*out = xstrdup(env);
		return 0;
	}
	if (home == NULL || home[0] == '\0')
		return err_set(err, "neither KUBESIM_STATE nor HOME is set, so there is no state file "
				    "to use; set KUBESIM_STATE=FILE");
	*out = xasprintf("%s/.kubesim/cluster.json", home);
	if (make_parent_dir(*out, err) < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* The directory part of path ("." for none), for the target of a relative link. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * The file a path names once symbolic links are followed (it need not
 * exist). The state is saved by renaming a new file over the old one,
 * which would replace a link with a regular file and leave its target
 * behind, no longer updated; so the rename goes to the target, and the
 * lock is taken beside it, the same lock for every name of the file.
 */
static int
resolve_links(const char *path, char **out, struct ks_err *err)
{
	char *p = xstrdup(path);

	for (int hops = 0;; hops++) {
		struct stat sb;
		char *target, *dir;
		ssize_t n;

		if (lstat(p, &sb) < 0 || !S_ISLNK(sb.st_mode))
			break;
		/* as the kernel's own limit (ELOOP after 40 links) */
		if (hops == 40) {
			free(p);
			return err_set(err, "%s: %s", path, strerror(ELOOP));
		}
		target = xmalloc((size_t)sb.st_size + 2);
		n = readlink(p, target, (size_t)sb.st_size + 2);
		if (n < 0 || n > sb.st_size) {
			err_set(err, "%s: cannot read the link %s: %s", path, p,
			    n < 0 ? strerror(errno) : "it changed while read");
			free(target);
			free(p);
			return -1;
		}
		target[n] = '\0';
		dir = dir_of(p);
		free(p);
		p = target[0] == '/' || strcmp(dir, ".") == 0 ? xstrdup(target) :
								xasprintf("%s/%s", dir, target);
		free(dir);
		free(target);
	}
	*out = p;
	return 0;
}

/* Sleep ms milliseconds (a signal may cut it short). */
static void
sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static int64_t
monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * flock, saying on notice (when not NULL) that the wait is long. The lock
 * is polled for the first STATE_LOCK_NOTICE_MS (every 1, 2, 4, 8, then 10
 * ms, so a handover costs at most 10 ms), then the wait blocks: a command
 * that seems to hang says why, once, and goes on waiting.
 */
static int
take_lock(struct state *st, const char *lock_path, FILE *notice, struct ks_err *err)
{
	int64_t start = monotonic_ms();
	long step = 1;

	for (;;) {
		if (flock(st->lock_fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK)
			return err_set(err, "cannot lock %s: %s", lock_path, strerror(errno));
		if (monotonic_ms() - start >= STATE_LOCK_NOTICE_MS)
			break;
		sleep_ms(step);
		step = step * 2 > 10 ? 10 : step * 2;
	}
	if (notice != NULL) {
		fprintf(notice, "kubesim: waiting for the lock on %s (another kubesim command holds it)\n",
		    st->path);
		fflush(notice);
	}
	while (flock(st->lock_fd, LOCK_EX) < 0)
		if (errno != EINTR)
			return err_set(err, "cannot lock %s: %s", lock_path, strerror(errno));
	return 0;
}

int
state_lock_verbose(struct state *st, const char *path, FILE *notice, struct ks_err *err)
{
	struct stat sb;
	char *lock_path, *dir;
	int rc;

	memset(st, 0, sizeof *st);
	st->lock_fd = -1;
	st->path = xstrdup(path);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return err_set(err, "%s is a directory; the state is a file (KUBESIM_STATE=%s/cluster.json, say)",
		    path, path);
	if (resolve_links(path, &st->file, err) < 0)
		return -1;
	dir = dir_of(st->file);
	if (stat(dir, &sb) < 0) {
		if (strcmp(st->file, path) == 0)
			err_set(err, "the directory %s does not exist (KUBESIM_STATE=%s)", dir, path);
		else
			err_set(err, "the directory %s does not exist (KUBESIM_STATE=%s, a link to %s)",
			    dir, path, st->file);
		free(dir);
		return -1;
	}
	free(dir);
	lock_path = xasprintf("%s.lock", st->file);
	st->lock_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (st->lock_fd < 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
		/*
		 * A directory we may not write in (a shared or read-only state):
		 * an existing lock file locks as well opened for reading, and
		 * without one, nobody who could write the file can have changed it
		 * without creating one. Reads go on unlocked, which is safe since
		 * the file is only ever replaced whole; state_save refuses.
		 */
		int why = errno;

		st->lock_fd = open(lock_path, O_RDONLY | O_CLOEXEC);
		if (st->lock_fd < 0) {
			st->no_lock = xasprintf("cannot create the lock file %s: %s", lock_path,
			    strerror(why));
			free(lock_path);
			return 0;
		}
	}
	if (st->lock_fd < 0) {
		err_set(err, "cannot open the lock file %s: %s", lock_path, strerror(errno));
		free(lock_path);
		return -1;
	}
	rc = take_lock(st, lock_path, notice, err);
	free(lock_path);
	return rc;
}

int
state_lock(struct state *st, const char *path, struct ks_err *err)
{
	return state_lock_verbose(st, path, NULL, err);
}

bool
state_exists(const struct state *st)
{
	struct stat sb;

	return stat(st->file, &sb) == 0;
}

void
state_unlock(struct state *st)
{
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	st->lock_fd = -1;
}

void
state_close_at_exit(struct state *st)
{
	cluster_free_at_exit(st->c);
	st->c = NULL;
	state_close(st);
}

void
state_close(struct state *st)
{
	if (st->c != NULL)
		cluster_free(st->c);
	cJSON_Delete(st->doc);
	if (st->lock_fd >= 0)
		close(st->lock_fd); /* releases the flock */
	free(st->path);
	free(st->file);
	free(st->no_lock);
	memset(st, 0, sizeof *st);
	st->lock_fd = -1;
}

/* ---- reading fields ----
 *
 * Every value read from the file goes through these, so a hand-edited or
 * corrupt file gets a message naming the field and what it holds instead of
 * a crash: a label map that is a list, a number too large for an integer.
 */

/* "a list", "1e+300": what a value is, for "must be X, not Y". */
static const char *
json_what(const cJSON *v, char *buf, size_t len)
{
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsObject(v))
		return "an object";
	if (cJSON_IsArray(v))
		return "a list";
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	if (cJSON_IsNumber(v)) {
		snprintf(buf, len, "%.15g", v->valuedouble);
		if (strtod(buf, NULL) != v->valuedouble)
			snprintf(buf, len, "%.17g", v->valuedouble);
		return buf;
	}
	return "null";
}

static int
field_wrong(const char *key, const char *want, const cJSON *v, struct ks_err *err)
{
	char num[40];

	return err_set(err, "\"%s\" must be %s, not %s", key, want, json_what(v, num, sizeof num));
}

/* A string; NULL when absent and not required. */
static int
field_str(const cJSON *o, const char *key, bool required, const char **out, struct ks_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	*out = NULL;
	if (v == NULL)
		return required ? err_set(err, "\"%s\" is missing", key) : 0;
	if (!cJSON_IsString(v))
		return field_wrong(key, "a string", v, err);
	*out = v->valuestring;
	return 0;
}

/* true or false; false when absent. */
static int
field_bool(const cJSON *o, const char *key, bool *out, struct ks_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	*out = false;
	if (v == NULL)
		return 0;
	if (!cJSON_IsBool(v))
		return field_wrong(key, "true or false", v, err);
	*out = cJSON_IsTrue(v);
	return 0;
}

/*
 * A whole number from min to max. The range is checked on the double
 * before any conversion: casting 1e300 or an infinity to an integer is
 * undefined behaviour. Both bounds are below 2^53, so every whole number in
 * range is exact.
 */
static int
field_int(const cJSON *o, const char *key, int64_t min, int64_t max, bool required, int64_t *out,
    struct ks_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	double d;

	if (v == NULL && !required)
		return 0;
	if (v == NULL)
		return err_set(err, "\"%s\" is missing", key);
	d = cJSON_IsNumber(v) ? v->valuedouble : 0;
	if (!cJSON_IsNumber(v) || !(d >= (double)min && d <= (double)max) || d != trunc(d)) {
		char want[80];

		snprintf(want, sizeof want, "a whole number from %" PRId64 " to %" PRId64, min, max);
		return field_wrong(key, want, v, err);
	}
	*out = (int64_t)d;
	return 0;
}

/* An object (absent: NULL) whose members are all strings. */
static int
field_strings(const cJSON *o, const char *key, const cJSON **out, struct ks_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key), *it;

	*out = NULL;
	if (v == NULL)
		return 0;
	if (!cJSON_IsObject(v))
		return field_wrong(key, "an object", v, err);
	cJSON_ArrayForEach(it, v)
		if (!cJSON_IsString(it)) {
			field_wrong(it->string, "a string", it, err);
			return err_prefix(err, "\"%s\"", key);
		}
	*out = v;
	return 0;
}

/* A list (absent: NULL unless required). */
static int
field_list(const cJSON *o, const char *key, bool required, const cJSON **out, struct ks_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	*out = NULL;
	if (v == NULL)
		return required ? err_set(err, "\"%s\" is missing", key) : 0;
	if (!cJSON_IsArray(v))
		return field_wrong(key, "a list", v, err);
	*out = v;
	return 0;
}

/* A list of strings. */
static int
check_string_list(const char *key, const cJSON *list, struct ks_err *err)
{
	const cJSON *it;
	int i = 0;

	cJSON_ArrayForEach(it, list)
	{
		i++;
		if (!cJSON_IsString(it)) {
			char name[64];

			snprintf(name, sizeof name, "%s[%d]", key, i - 1);
			return field_wrong(name, "a string", it, err);
		}
	}
	return 0;
}

/*
 * An integer written digit for digit. cJSON prints a number with 15
 * significant digits when that reads back within its tolerance, which from
 * 2^52 on is not the same integer: a seed of 9007199254740991 would come
 * back as another seed, and the replay would not be the run it recorded.
 */
static cJSON *
json_int(int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	return cJSON_CreateRaw(buf);
}

/* ---- journal entries ---- */

struct entry_reader {
	cJSON *files; /* path -> text, recorded or being recorded */
	cJSON *dirs;  /* path -> [file paths], for -f DIR */
	bool live;    /* read files from disk that are not recorded yet */
};

/* kctl_io.read_file: the recorded text, so a replay reads what the command read. */
static int
entry_read_file(void *ctx, const char *path, char **text, size_t *len, struct ks_err *err)
{
	struct entry_reader *rd = ctx;
	const cJSON *rec = cJSON_GetObjectItemCaseSensitive(rd->files, path);

	if (cJSON_IsString(rec)) {
		*len = strlen(rec->valuestring);
		*text = xstrndup(rec->valuestring, *len);
		return 0;
	}
	if (!rd->live)
		return err_set(err, "the path \"%s\" does not exist", path);
	if (file_read(path, FILE_MAX_MANIFEST, "a manifest", text, len, err) < 0) {
		if (errno == ENOENT)
			err_set(err, "the path \"%s\" does not exist", path); /* kubectl's wording */
		return -1;
	}
	if (file_refuse_nul(path, *text, *len, err) < 0) {
		free(*text);
		return err_prefix(err, "error parsing %s", path); /* as a YAML error is framed */
	}
	cJSON_AddItemToObject(rd->files, path, cJSON_CreateString(*text));
	return 0;
}

/* kctl_io.list_dir: what the directory held when the command ran. */
static int
entry_list_dir(void *ctx, const char *path, struct vec *files, struct ks_err *err)
{
	struct entry_reader *rd = ctx;
	const cJSON *rec = cJSON_GetObjectItemCaseSensitive(rd->dirs, path);
	const cJSON *f;
	size_t before = files->n;
	int rc;

	if (cJSON_IsArray(rec)) {
		cJSON_ArrayForEach(f, rec)
			if (cJSON_IsString(f))
				vec_push(files, xstrdup(f->valuestring));
		return 1;
	}
	if (!rd->live)
		return 0;
	rc = kctl_list_manifest_dir(path, path, files, err);
	if (rc == 1) {
		cJSON *list = cJSON_AddArrayToObject(rd->dirs, path);

		for (size_t i = before; i < files->n; i++)
			cJSON_AddItemToArray(list, cJSON_CreateString(files->v[i]));
	}
	return rc;
}

/* An object (absent: NULL). */
static int
field_obj(const cJSON *o, const char *key, const cJSON **out, struct ks_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	*out = NULL;
	if (v == NULL)
		return 0;
	if (!cJSON_IsObject(v))
		return field_wrong(key, "an object", v, err);
	*out = v;
	return 0;
}

/* kubectl: "args", and what the command read: "stdin", "files" (path: text), "dirs" (path: [paths]). */
static int
apply_kubectl(struct cluster *c, cJSON *e, bool live, struct kctl_result *res, struct ks_err *err)
{
	const cJSON *args, *files, *dirs, *it;
	const char *stdin_text;
	struct entry_reader rd;
	struct kctl_io io;
	cJSON *none = NULL, *none_dirs = NULL;
	int argc = 0, rc;
	char **argv;

	if (field_list(e, "args", true, &args, err) < 0 || check_string_list("args", args, err) < 0 ||
	    field_str(e, "stdin", false, &stdin_text, err) < 0 ||
	    field_strings(e, "files", &files, err) < 0 || field_obj(e, "dirs", &dirs, err) < 0)
		return -1;
	cJSON_ArrayForEach(it, dirs)
	{
		if (!cJSON_IsArray(it))
			field_wrong(it->string, "a list", it, err);
		if (!cJSON_IsArray(it) || check_string_list(it->string, it, err) < 0)
			return err_prefix(err, "\"dirs\"");
	}
	rd.files = cJSON_GetObjectItemCaseSensitive(e, "files");
	if (rd.files == NULL)
		rd.files = live ? cJSON_AddObjectToObject(e, "files") : (none = cJSON_CreateObject());
	rd.dirs = cJSON_GetObjectItemCaseSensitive(e, "dirs");
	if (rd.dirs == NULL)
		rd.dirs = live ? cJSON_AddObjectToObject(e, "dirs") : (none_dirs = cJSON_CreateObject());
	rd.live = live;
	/* Not cJSON_GetArrayItem in a loop: that walks the list from the start each time. */
	cJSON_ArrayForEach(it, args)
		argc++;
	argv = xcalloc((size_t)argc + 1, sizeof *argv);
	argc = 0;
	cJSON_ArrayForEach(it, args)
		argv[argc++] = it->valuestring;
	io.stdin_text = stdin_text;
	io.read_file = entry_read_file;
	io.flush = NULL;
	io.ctx = &rd;
	io.list_dir = entry_list_dir;
	rc = kctl_run(c, argc, argv, &io, res);
	free(argv);
	cJSON_Delete(none);
	cJSON_Delete(none_dirs);
	return rc;
}

/* addNode's "labels", "taints", "capacity" and "unschedulable", checked as `cluster add-node` checks its flags. */
static int
node_from_entry(const cJSON *e, struct node *n, struct ks_err *err)
{
	const cJSON *labels, *taints, *cap, *it;
	struct field_errors fe = {NULL, 0};
	bool unsched;
	int i = 0;

	if (field_strings(e, "labels", &labels, err) < 0 ||
	    field_list(e, "taints", false, &taints, err) < 0 ||
	    field_strings(e, "capacity", &cap, err) < 0 ||
	    field_bool(e, "unschedulable", &unsched, err) < 0)
		return -1;
	cJSON_ArrayForEach(it, labels)
		labels_set(&n->obj.meta.labels, it->string, it->valuestring);
	cJSON_ArrayForEach(it, taints)
	{
		const char *key, *value, *effect;
		enum taint_effect eff;
		struct taint t;

		if (!cJSON_IsObject(it)) {
			char name[32];

			snprintf(name, sizeof name, "taints[%d]", i);
			return field_wrong(name, "an object", it, err);
		}
		if (field_str(it, "key", true, &key, err) < 0 ||
		    field_str(it, "value", false, &value, err) < 0 ||
		    field_str(it, "effect", true, &effect, err) < 0)
			return err_prefix(err, "taints[%d]", i);
		if (key[0] == '\0' || valid_label_key_error(key) != NULL)
			return err_set(err, "taints[%d]: \"key\": \"%s\" is not a valid label key", i, key);
		if (taint_effect_parse(effect, false, &eff) < 0)
			return err_set(err, "taints[%d]: \"effect\" must be NoSchedule, PreferNoSchedule or "
					    "NoExecute, not \"%s\"",
			    i, effect);
		taint_init(&t, key, value, eff);
		node_add_taint(n, &t);
		taint_free(&t);
		i++;
	}
	cJSON_ArrayForEach(it, cap)
	{
		struct quantity q;
		struct ks_err why;

		if (qty_parse(it->valuestring, &q, &why) < 0)
			return err_set(err, "\"capacity\": \"%s\": %s", it->string, why.msg);
		res_list_set(&n->capacity, it->string, q);
	}
	n->unschedulable = unsched;
	/* The API server's checks, as `cluster add-node` makes them before journaling. */
	valid_node(n, &fe);
	if (fe.n > 0) {
		err_set(err, "node %s", fe.v[0]);
		field_errors_free(&fe);
		return -1;
	}
	return 0;
}

/* addNode, removeNode, failNode, recoverNode: 0, or 1 with the reason in res. */
static int
apply_node_op(struct cluster *c, const char *op, const cJSON *e, struct kctl_result *res,
    struct ks_err *err)
{
	const char *name;
	struct ks_err why;
	int rc;

	if (field_str(e, "name", true, &name, err) < 0)
		return -1;
	if (strcmp(op, "addNode") == 0) {
		struct node *n = node_new(name);

		if (node_from_entry(e, n, err) < 0) {
			node_free(n);
			return -1;
		}
		rc = cluster_add_node(c, n, true, true, &why);
		if (rc < 0)
			node_free(n);
		else
			kctl_out(res, "node/%s joined (NotReady until its kubelet reports, about %" PRId64
				      "s)\n",
			    name, c->timing.node_join / 1000);
	} else if (strcmp(op, "removeNode") == 0) {
		rc = cluster_remove_node(c, name, &why);
		if (rc == 0)
			kctl_out(res, "node/%s removed (the machine is gone)\n", name);
	} else if (strcmp(op, "failNode") == 0) {
		rc = cluster_fail_node(c, name, &why);
		if (rc == 0)
			kctl_out(res, "node/%s failed (its kubelet stops posting status)\n", name);
	} else {
		rc = cluster_recover_node(c, name, &why);
		if (rc == 0)
			kctl_out(res, "node/%s recovered (its kubelet is back)\n", name);
	}
	if (rc < 0) {
		kctl_err(res, "error: %s\n", why.msg);
		return 1;
	}
	return 0;
}

/* What tells whether an entry changed the cluster (and so must be replayed). */
struct fingerprint {
	uint64_t writes;
	uint64_t scheduled;
	struct rng rng;
};

static void
fingerprint(const struct cluster *c, struct fingerprint *fp)
{
	fp->writes = store_writes(c->store);
	fp->scheduled = sim_events_scheduled(c->sim);
	fp->rng = c->rng;
}

/* image: how pulls of one image go from now on (missing, slow, or back to normal). */
static int
apply_image(struct cluster *c, const cJSON *e, struct kctl_result *res, struct ks_err *err)
{
	struct image_rule rule = {NULL, false, -1};
	const char *image;
	int64_t pull_ms = -1;
	bool clear;

	if (field_str(e, "image", true, &image, err) < 0 ||
	    field_bool(e, "fail", &rule.fail, err) < 0 || field_bool(e, "clear", &clear, err) < 0 ||
	    field_int(e, "pullMs", 0, STATE_MAX_TIME_MS, false, &pull_ms, err) < 0)
		return -1;
	rule.image = (char *)image;
	rule.pull_ms = pull_ms;
	cluster_set_image_rule(c, &rule, clear);
	if (clear)
		kctl_out(res, "image %s pulls normally again\n", rule.image);
	else if (rule.fail)
		kctl_out(res, "image %s does not exist in its registry: pulls fail (ErrImagePull, then ImagePullBackOff)\n",
		    rule.image);
	else
		kctl_out(res, "image %s takes %llds to pull\n", rule.image, (long long)(rule.pull_ms / 1000));
	return 0;
}

/*
 * api: one request to `kubesim serve` that changed the cluster, as it came
 * ("method", "path", "params", "contentType", "body"); replayed through the
 * same REST layer, it makes the same change. resp gets the answer (NULL:
 * a replay, whose answer nobody reads).
 */
static int
apply_api(struct cluster *c, const cJSON *e, struct api_response *resp, struct ks_err *err)
{
	const char *method, *path, *ctype, *body;
	const cJSON *params, *it;
	struct api_request rq;
	struct api_response scratch;

	if (field_str(e, "method", true, &method, err) < 0 || field_str(e, "path", true, &path, err) < 0 ||
	    field_str(e, "contentType", false, &ctype, err) < 0 ||
	    field_str(e, "body", false, &body, err) < 0 || field_obj(e, "params", &params, err) < 0)
		return -1;
	cJSON_ArrayForEach(it, params)
		if (!cJSON_IsString(it)) {
			char name[128];

			snprintf(name, sizeof name, "params.%s", it->string);
			return field_wrong(name, "a string", it, err);
		}
	rq.method = method;
	rq.path = path;
	rq.params = params;
	rq.content_type = ctype;
	rq.body = body;
	rq.body_len = body ? strlen(body) : 0;
	rq.accept = NULL;
	api_response_init(&scratch);
	api_rest(c, &rq, resp ? resp : &scratch);
	api_response_free(&scratch);
	return 0;
}

static int
apply_entry(struct cluster *c, cJSON *e, bool live, struct kctl_result *res,
    struct api_response *resp, struct ks_err *err)
{
	static const char *const node_ops[] = {"addNode", "removeNode", "failNode", "recoverNode"};
	const char *op;

	if (!cJSON_IsObject(e)) {
		char num[40];

		return err_set(err, "an entry must be an object, not %s", json_what(e, num, sizeof num));
	}
	if (field_str(e, "op", true, &op, err) < 0)
		return -1;
	if (strcmp(op, "kubectl") == 0)
		return apply_kubectl(c, e, live, res, err);
	if (strcmp(op, "image") == 0)
		return apply_image(c, e, res, err);
	if (strcmp(op, "api") == 0)
		return apply_api(c, e, resp, err);
	for (size_t i = 0; i < sizeof node_ops / sizeof node_ops[0]; i++)
		if (strcmp(op, node_ops[i]) == 0)
			return apply_node_op(c, op, e, res, err);
	return err_set(err, "unknown \"op\" \"%s\" (kubectl, api, image, addNode, removeNode, "
			    "failNode or recoverNode)",
	    op);
}

static int
journal_apply(struct state *st, cJSON *entry, struct kctl_result *res, struct api_response *resp,
    struct ks_err *err)
{
	const cJSON *op = cJSON_GetObjectItemCaseSensitive(entry, "op");
	struct fingerprint before, after;
	int rc;

	cJSON_AddNumberToObject(entry, "at", (double)cluster_now(st->c));
	fingerprint(st->c, &before);
	rc = apply_entry(st->c, entry, true, res, resp, err);
	fingerprint(st->c, &after);
	if (cluster_now(st->c) > st->now)
		st->now = cluster_now(st->c);
	/* An image rule changes no object, yet every later pull depends on it. */
	if (before.writes != after.writes || before.scheduled != after.scheduled ||
	    memcmp(&before.rng, &after.rng, sizeof before.rng) != 0 ||
	    (rc == 0 && cJSON_IsString(op) && strcmp(op->valuestring, "image") == 0)) {
		cJSON *files = cJSON_GetObjectItemCaseSensitive(entry, "files");
		cJSON *dirs = cJSON_GetObjectItemCaseSensitive(entry, "dirs");

		if (files != NULL && files->child == NULL)
			cJSON_DeleteItemFromObjectCaseSensitive(entry, "files");
		if (dirs != NULL && dirs->child == NULL)
			cJSON_DeleteItemFromObjectCaseSensitive(entry, "dirs");
		cJSON_AddItemToArray(st->journal, entry);
		st->changed = true;
	} else {
		cJSON_Delete(entry);
	}
	return rc;
}

int
state_apply(struct state *st, cJSON *entry, struct kctl_result *res, struct ks_err *err)
{
	return journal_apply(st, entry, res, NULL, err);
}

int
state_apply_request(struct state *st, const struct api_request *rq, struct api_response *resp,
    struct ks_err *err)
{
	cJSON *entry = cJSON_CreateObject();
	struct kctl_result res;
	int rc;

	cJSON_AddStringToObject(entry, "op", "api");
	cJSON_AddStringToObject(entry, "method", rq->method);
	cJSON_AddStringToObject(entry, "path", rq->path);
	if (rq->params != NULL && rq->params->child != NULL)
		cJSON_AddItemToObject(entry, "params", cJSON_Duplicate(rq->params, true));
	if (rq->content_type != NULL)
		cJSON_AddStringToObject(entry, "contentType", rq->content_type);
	if (rq->body != NULL) {
		char *body = xstrndup(rq->body, rq->body_len);

		cJSON_AddStringToObject(entry, "body", body);
		free(body);
	}
	kctl_result_init(&res);
	rc = journal_apply(st, entry, &res, resp, err);
	kctl_result_free(&res);
	return rc;
}

/* ---- skipping the snapshot ---- */

/*
 * The "objects" snapshot is written for people and jq, never read back,
 * yet on a big cluster it is most of the file: parsing it into a cJSON
 * tree took 60% of the time and 70% of the memory of a command on a
 * 1,000-node cluster. So the load puts null in its place before parsing,
 * once a strict scan of the whole text (RFC 8259, stricter than cJSON: no
 * control characters in strings, no leading zeros, at most SCAN_DEPTH
 * levels) has shown the document well formed. Anything else leaves the
 * text as it is, for cJSON to parse and report in full. The scan
 * allocates nothing and reads each byte once.
 */
#define SCAN_DEPTH 256

struct scan {
	const char *p, *end;
};

static void
scan_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

static int
scan_hex4(struct scan *s)
{
	int v = 0;

	if (s->end - s->p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = *s->p++;

		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (c - 'A' + 10);
		else
			return -1;
	}
	return v;
}

static bool
scan_string(struct scan *s)
{
	if (s->p >= s->end || *s->p != '"')
		return false;
	s->p++;
	while (s->p < s->end) {
		unsigned char c = (unsigned char)*s->p++;
		int u;

		if (c == '"')
			return true;
		if (c < 0x20)
			return false;
		if (c != '\\')
			continue;
		if (s->p >= s->end)
			return false;
		c = (unsigned char)*s->p++;
		if (c != '\0' && strchr("\"\\/bfnrt", c) != NULL)
			continue;
		if (c != 'u' || (u = scan_hex4(s)) < 0 || (u >= 0xDC00 && u <= 0xDFFF))
			return false;
		if (u >= 0xD800 && u <= 0xDBFF) {
			/* A high surrogate must be followed by a low one, as cJSON requires. */
			if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
				return false;
			s->p += 2;
			u = scan_hex4(s);
			if (u < 0xDC00 || u > 0xDFFF)
				return false;
		}
	}
	return false;
}

static bool
scan_digits(struct scan *s)
{
	const char *start = s->p;

	while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
		s->p++;
	return s->p > start;
}

static bool
scan_number(struct scan *s)
{
	if (s->p < s->end && *s->p == '-')
		s->p++;
	if (s->p < s->end && *s->p == '0')
		s->p++;
	else if (!scan_digits(s))
		return false;
	if (s->p < s->end && *s->p == '.' && (s->p++, !scan_digits(s)))
		return false;
	if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
		s->p++;
		if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
			s->p++;
		if (!scan_digits(s))
			return false;
	}
	return true;
}

static bool
scan_word(struct scan *s, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n) != 0)
		return false;
	s->p += n;
	return true;
}

static bool scan_value(struct scan *s, int depth);

/* The members of an object or the items of a list, after its opening bracket. */
static bool
scan_members(struct scan *s, bool object, int depth)
{
	char close = object ? '}' : ']';

	scan_ws(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		return true;
	}
	for (;;) {
		if (object) {
			if (!scan_string(s))
				return false;
			scan_ws(s);
			if (s->p >= s->end || *s->p++ != ':')
				return false;
		}
		if (!scan_value(s, depth))
			return false;
		scan_ws(s);
		if (s->p >= s->end)
			return false;
		if (*s->p == close) {
			s->p++;
			return true;
		}
		if (*s->p++ != ',')
			return false;
		scan_ws(s);
	}
}

static bool
scan_value(struct scan *s, int depth)
{
	scan_ws(s);
	if (s->p >= s->end)
		return false;
	switch (*s->p) {
	case '{':
	case '[':
		if (depth >= SCAN_DEPTH)
			return false;
		return s->p++, scan_members(s, s->p[-1] == '{', depth + 1);
	case '"':
		return scan_string(s);
	case 't':
		return scan_word(s, "true");
	case 'f':
		return scan_word(s, "false");
	case 'n':
		return scan_word(s, "null");
	default:
		return scan_number(s);
	}
}

/*
 * Put null in place of the top-level "objects" value in text (of *len
 * bytes, NUL-terminated), when the whole text scans as one JSON object.
 * Returns whether it did.
 */
static bool
skip_snapshot(char *text, size_t *len)
{
	static const char key[] = "\"objects\"";
	struct scan s = {text, text + *len};
	const char *from = NULL, *to = NULL;

	scan_ws(&s);
	if (s.p >= s.end || *s.p++ != '{')
		return false;
	scan_ws(&s);
	if (s.p < s.end && *s.p == '}')
		return false;
	for (;;) {
		const char *k = s.p, *v;
		bool mine;

		if (!scan_string(&s))
			return false;
		mine = (size_t)(s.p - k) == sizeof key - 1 && memcmp(k, key, sizeof key - 1) == 0;
		scan_ws(&s);
		if (s.p >= s.end || *s.p++ != ':')
			return false;
		scan_ws(&s);
		v = s.p;
		if (!scan_value(&s, 1))
			return false;
		if (mine && from == NULL) {
			from = v;
			to = s.p;
		}
		scan_ws(&s);
		if (s.p >= s.end)
			return false;
		if (*s.p == '}')
			break;
		if (*s.p++ != ',')
			return false;
		scan_ws(&s);
	}
	s.p++;
	scan_ws(&s);
	if (s.p != s.end || from == NULL || to - from < 4)
		return false;
	memcpy((char *)from, "null", 4);
	memmove((char *)from + 4, to, (size_t)(s.end - to) + 1);
	*len -= (size_t)(to - from) - 4;
	return true;
}

/* ---- building and replaying ---- */

/*
 * What kubeadm installs on every cluster and a learner meets at once:
 * `kubectl get ds -A` lists it, and `kubectl drain` refuses to go on without
 * --ignore-daemonsets because of it. kind's own manifest, less what kubesim
 * does not model (the env and securityContext).
 */
static const char kube_proxy_yaml[] =
    "apiVersion: apps/v1\n"
    "kind: DaemonSet\n"
    "metadata:\n"
    "  labels: {k8s-app: kube-proxy}\n"
    "  name: kube-proxy\n"
    "  namespace: kube-system\n"
    "spec:\n"
    "  selector:\n"
    "    matchLabels: {k8s-app: kube-proxy}\n"
    "  template:\n"
    "    metadata:\n"
    "      labels: {k8s-app: kube-proxy}\n"
    "    spec:\n"
    "      containers:\n"
    "      - command: [/usr/local/bin/kube-proxy, --config=/var/lib/kube-proxy/config.conf,\n"
    "                  --hostname-override=$(NODE_NAME)]\n"
    "        image: registry.k8s.io/kube-proxy:v1.32.0\n"
    "        imagePullPolicy: IfNotPresent\n"
    "        name: kube-proxy\n"
    "        volumeMounts:\n"
    "        - {mountPath: /var/lib/kube-proxy, name: kube-proxy}\n"
    "        - {mountPath: /run/xtables.lock, name: xtables-lock}\n"
    "        - {mountPath: /lib/modules, name: lib-modules, readOnly: true}\n"
    "      hostNetwork: true\n"
    "      nodeSelector: {kubernetes.io/os: linux}\n"
    "      priorityClassName: system-node-critical\n"
    "      serviceAccountName: kube-proxy\n"
    "      tolerations:\n"
    "      - operator: Exists\n"
    "      volumes:\n"
    "      - {configMap: {name: kube-proxy}, name: kube-proxy}\n"
    "      - {hostPath: {path: /run/xtables.lock, type: FileOrCreate}, name: xtables-lock}\n"
    "      - {hostPath: {path: /lib/modules}, name: lib-modules}\n"
    "  updateStrategy:\n"
    "    rollingUpdate: {maxUnavailable: 1}\n"
    "    type: RollingUpdate\n";

/* A new cluster has been up a while before anyone types at it. */
#define ADDON_SETTLE_MS (2 * 60 * 1000)

static void
install_addons(struct cluster *c)
{
	char *argv[] = {"apply", "-f", "-", NULL};
	struct kctl_io io = {kube_proxy_yaml, NULL, NULL, NULL, NULL};
	struct kctl_result res;

	kctl_result_init(&res);
	kctl_run(c, 3, argv, &io, &res);
	kctl_result_free(&res);
	cluster_advance_to(c, ADDON_SETTLE_MS);
}

static void
add_initial_nodes(struct cluster *c, unsigned n_nodes)
{
	for (unsigned i = 1; i <= n_nodes; i++) {
		char name[32];
		struct node *n;
		struct ks_err err;

		snprintf(name, sizeof name, "node%u", i);
		n = node_new(name);
		if (cluster_add_node(c, n, false, true, &err) < 0)
			node_free(n); /* cannot happen: the names are distinct */
	}
}

static struct cluster *
new_cluster(const struct state *st, unsigned n_nodes)
{
	struct timing t;
	struct cluster *c;

	timing_defaults(&t);
	c = cluster_new(st->mode, &t, st->seed);
	add_initial_nodes(c, n_nodes);
	if (st->addons)
		install_addons(c);
	return c;
}

int
state_create(struct state *st, enum placement_mode mode, enum state_clock clock, uint64_t seed,
    unsigned n_nodes, bool addons, int64_t wall_now_ms, struct ks_err *err)
{
	(void)err;
	st->addons = addons;
	st->mode = mode;
	st->clock = clock;
	st->seed = seed;
	st->now = 0;
	st->wall_ms = wall_now_ms;
	st->doc = cJSON_CreateObject();
	st->snapshot_ours = false;
	cJSON_AddStringToObject(st->doc, "kind", state_kind);
	cJSON_AddNumberToObject(st->doc, "format", STATE_FORMAT);
	cJSON_AddStringToObject(st->doc, "kubesim", PACKAGE_VERSION);
	cJSON_AddStringToObject(st->doc, "mode", placement_mode_name(mode));
	cJSON_AddStringToObject(st->doc, "clock", clock == CLOCK_MANUAL ? "manual" : "real");
	cJSON_AddItemToObject(st->doc, "seed", json_int((int64_t)seed));
	cJSON_AddNumberToObject(st->doc, "nodes", n_nodes);
	cJSON_AddBoolToObject(st->doc, "addons", addons);
	st->journal = cJSON_AddArrayToObject(st->doc, "journal");
	st->changed = true;
	st->c = new_cluster(st, n_nodes);
	st->now = cluster_now(st->c);
	return 0;
}

/* "FILE:LINE:COL" of a byte offset, for a parse error. */
static void
where(const char *path, const char *text, size_t off, char *buf, size_t len)
{
	int line = 1, col = 1;

	for (size_t i = 0; i < off && text[i] != '\0'; i++) {
		if (text[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	snprintf(buf, len, "%s:%d:%d", path, line, col);
}

static int
check_header(struct state *st, int64_t *n_nodes, struct ks_err *err)
{
	const cJSON *d = st->doc, *journal;
	const char *kind, *mode, *clock;
	int64_t format, seed;

	if (!cJSON_IsObject(d) || field_str(d, "kind", false, &kind, err) < 0 || kind == NULL ||
	    strcmp(kind, state_kind) != 0)
		return err_set(err, "%s: not a kubesim state file (no \"kind\": \"%s\")", st->path,
		    state_kind);
	if (field_int(d, "format", 1, INT32_MAX, true, &format, err) < 0)
		return err_prefix(err, "%s", st->path);
	if (format > STATE_FORMAT)
		return err_set(err, "%s: written by a newer kubesim (state format %" PRId64
				    ", this kubesim %s reads format %d); upgrade kubesim",
		    st->path, format, PACKAGE_VERSION, STATE_FORMAT);
	if (field_str(d, "mode", true, &mode, err) < 0 || field_str(d, "clock", true, &clock, err) < 0)
		return err_prefix(err, "%s", st->path);
	if (placement_mode_parse(mode, &st->mode) < 0)
		return err_set(err, "%s: \"mode\" must be legacy or scheduler, not \"%s\"", st->path, mode);
	if (strcmp(clock, "real") != 0 && strcmp(clock, "manual") != 0)
		return err_set(err, "%s: \"clock\" must be real or manual, not \"%s\"", st->path, clock);
	st->clock = strcmp(clock, "manual") == 0 ? CLOCK_MANUAL : CLOCK_REAL;
	if (field_int(d, "seed", 0, STATE_MAX_SEED, true, &seed, err) < 0 ||
	    /* as `cluster create --nodes`: the load builds them all, whatever the file holds */
	    field_int(d, "nodes", 0, STATE_MAX_NODES, true, n_nodes, err) < 0 ||
	    field_bool(d, "addons", &st->addons, err) < 0 ||
	    field_int(d, "wallClock", 0, STATE_MAX_WALL_MS, true, &st->wall_ms, err) < 0 ||
	    field_int(d, "now", 0, STATE_MAX_TIME_MS, true, &st->now, err) < 0 ||
	    field_list(d, "journal", true, &journal, err) < 0)
		return err_prefix(err, "%s", st->path);
	st->seed = (uint64_t)seed;
	st->journal = cJSON_GetObjectItemCaseSensitive(st->doc, "journal");
	return 0;
}

static int
replay(struct state *st, struct ks_err *err)
{
	cJSON *e;
	int i = 0;
	sim_ms last = 0;

	cJSON_ArrayForEach(e, st->journal)
	{
		struct kctl_result res;
		int64_t at;
		int rc;

		i++;
		if (!cJSON_IsObject(e)) {
			char num[40];

			return err_set(err, "%s: journal entry %d: an entry must be an object, not %s",
			    st->path, i, json_what(e, num, sizeof num));
		}
		if (field_int(e, "at", last, st->now, true, &at, err) < 0)
			return err_prefix(err, "%s: journal entry %d", st->path, i);
		cluster_advance_to(st->c, at);
		last = at;
		kctl_result_init(&res);
		rc = apply_entry(st->c, e, false, &res, NULL, err);
		kctl_result_free(&res);
		if (rc < 0)
			return err_prefix(err, "%s: journal entry %d", st->path, i);
	}
	cluster_advance_to(st->c, st->now);
	return 0;
}

/* Parse the file's text (skipping the snapshot when skip); -1 with err "FILE:LINE:COL: ..." */
static int
parse_text(struct state *st, char *text, size_t len, bool skip, struct ks_err *err)
{
	const char *end = NULL;

	if (skip && !skip_snapshot(text, &len))
		skip = false;
	st->doc = cJSON_ParseWithLengthOpts(text, len, &end, false);
	st->snapshot_ours = false;
	if (st->doc != NULL) {
		/* Only white space may follow the document. */
		while ((size_t)(end - text) < len && strchr(" \t\r\n", *end) != NULL && *end != '\0')
			end++;
		if ((size_t)(end - text) < len) {
			cJSON_Delete(st->doc);
			st->doc = NULL;
		}
	}
	if (st->doc == NULL) {
		char at[1024];

		/* Never after a good scan; but a position in the shortened text would mislead. */
		if (skip)
			return 1;
		where(st->path, text, end != NULL ? (size_t)(end - text) : len, at, sizeof at);
		return err_set(err, "%s: the state file is not valid JSON", at);
	}
	return 0;
}

int
state_load(struct state *st, int64_t wall_now_ms, struct ks_err *err)
{
	char *text;
	size_t len;
	int64_t n_nodes = 0;
	int rc;

	for (bool skip = true;; skip = false) {
		if (file_read(st->file, FILE_MAX_STATE, "a state file", &text, &len, err) < 0) {
			if (errno == ENOENT)
				err_set(err, "%s does not exist", st->path);
			return -1;
		}
		rc = parse_text(st, text, len, skip, err);
		if (rc <= 0)
			break;
		free(text);
	}
	if (rc < 0) {
		free(text);
		return -1;
	}
	free(text);
	if (check_header(st, &n_nodes, err) < 0)
		return -1;
	st->c = new_cluster(st, (unsigned)n_nodes);
	if (replay(st, err) < 0)
		return -1;
	if (st->clock == CLOCK_REAL && wall_now_ms > st->wall_ms) {
		int64_t gap = wall_now_ms - st->wall_ms;

		st->now += gap < STATE_MAX_GAP_MS ? gap : STATE_MAX_GAP_MS;
		if (st->now > STATE_MAX_TIME_MS)
			st->now = STATE_MAX_TIME_MS; /* the clock stops at the end of its range */
		cluster_advance_to(st->c, st->now);
	}
	return 0;
}

/* ---- saving ---- */

/*
 * The last snapshot's items by uid, when they can stand for their objects:
 * encoded by this process at the epoch timestamps are written against now.
 */
static void
snapshot_items(const struct state *st, cJSON *old, struct map *by_uid)
{
	const cJSON *items = cJSON_GetObjectItemCaseSensitive(old, "items"), *it;

	if (!st->snapshot_ours || st->snapshot_epoch != meta_epoch_unix() || !cJSON_IsArray(items))
		return;
	cJSON_ArrayForEach(it, items) {
		const cJSON *uid = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(it, "metadata"), "uid");

		if (cJSON_IsString(uid) && uid->valuestring[0] != '\0')
			map_put(by_uid, uid->valuestring, (void *)it);
	}
}

/*
 * An object's item in the last snapshot, when it is unchanged: same uid,
 * same resourceVersion (every change moves it, which the watch cache relies
 * on too). A Lease's item holds the clock (renewTime), so it is made anew.
 */
static cJSON *
snapshot_reuse(struct map *by_uid, const struct object *o)
{
	cJSON *it;
	const cJSON *rv;
	char want[32];

	if (o->kind == KIND_LEASE || o->meta.uid == NULL ||
	    (it = map_get(by_uid, o->meta.uid)) == NULL)
		return NULL;
	rv = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(it, "metadata"),
	    "resourceVersion");
	snprintf(want, sizeof want, "%llu", (unsigned long long)o->meta.resource_version);
	if (!cJSON_IsString(rv) || strcmp(rv->valuestring, want) != 0)
		return NULL;
	map_del(by_uid, o->meta.uid);
	return it;
}

/*
 * The "objects" snapshot. A server saves after every write, and encoding
 * every object each time was half of a save on a 1,000-node cluster, so the
 * items of unchanged objects move over from the last snapshot: the same
 * documents encode_object would make again, in the same order, so the file
 * keeps every byte (check_state compares the two).
 */
static void
snapshot(struct state *st)
{
	static const enum kind kinds[] = {KIND_NAMESPACE, KIND_NODE, KIND_DAEMONSET,
		KIND_CONTROLLERREVISION, KIND_POD, KIND_EVENT, KIND_LEASE};
	struct vec all = VEC_INIT, one = VEC_INIT;
	cJSON *old = cJSON_DetachItemFromObjectCaseSensitive(st->doc, "objects"), *list, *items;
	cJSON *old_items = cJSON_GetObjectItemCaseSensitive(old, "items");
	struct map by_uid;

	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		store_list_sorted(st->c->store, kinds[k], NULL, &one);
		for (size_t i = 0; i < one.n; i++)
			vec_push(&all, one.v[i]);
		vec_clear(&one);
	}
	map_init(&by_uid);
	snapshot_items(st, old, &by_uid);
	list = encode_list(NULL, 0, cluster_now(st->c));
	items = cJSON_GetObjectItemCaseSensitive(list, "items");
	for (size_t i = 0; i < all.n; i++) {
		cJSON *it = snapshot_reuse(&by_uid, all.v[i]);

		if (it != NULL)
			cJSON_DetachItemViaPointer(old_items, it);
		else
			it = encode_object(all.v[i], cluster_now(st->c));
		cJSON_AddItemToArray(items, it);
	}
	cJSON_AddItemToObject(st->doc, "objects", list);
	st->snapshot_ours = true;
	st->snapshot_epoch = meta_epoch_unix();
	map_free(&by_uid);
	cJSON_Delete(old);
	vec_free(&all);
	vec_free(&one);
}

/*
 * Replace doc's key, or add it. cJSON_ReplaceItemInObject neither adds a
 * missing key nor frees the new item when it finds none, and
 * cJSON_HasObjectItem ignores case: a file without "kubesim" leaked the
 * version string and never got the key back.
 */
static void
set_item(cJSON *doc, const char *key, cJSON *item)
{
	if (cJSON_GetObjectItemCaseSensitive(doc, key) != NULL)
		cJSON_ReplaceItemInObjectCaseSensitive(doc, key, item);
	else
		cJSON_AddItemToObject(doc, key, item);
}

static int
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int
state_save(struct state *st, int64_t wall_now_ms, struct ks_err *err)
{
	char *text, *tmp, *dir;
	int fd, dfd;

	/* Unlocked, a save could undo another command's; reads were safe, writes are not. */
	if (st->lock_fd < 0)
		return err_set(err, "%s", st->no_lock != NULL ? st->no_lock : "the state is not locked");
	if (cluster_now(st->c) > st->now)
		st->now = cluster_now(st->c);
	/* What no load would accept is not written. */
	if (st->now > STATE_MAX_TIME_MS)
		return err_set(err, "the clock would pass 100 years, the most a practice cluster runs");
	if (wall_now_ms < 0 || wall_now_ms > STATE_MAX_WALL_MS)
		return err_set(err, "the system clock is outside the years 1970 to 9999");
	st->wall_ms = wall_now_ms;
	set_item(st->doc, "seed", json_int((int64_t)st->seed));
	set_item(st->doc, "wallClock", json_int(st->wall_ms));
	set_item(st->doc, "now", json_int(st->now));
	set_item(st->doc, "kubesim", cJSON_CreateString(PACKAGE_VERSION));
	snapshot(st);
	text = cJSON_Print(st->doc);
	if (text == NULL)
		return err_set(err, "out of memory writing %s", st->path);
	/* Beside the file that is replaced (a link's target), so the rename stays in one directory. */
	tmp = xasprintf("%s.tmp", st->file);
	/* A stale one (a crash) goes first; O_EXCL then never writes through a link left there. */
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, text, strlen(text)) < 0 || write_all(fd, "\n", 1) < 0 ||
	    fsync(fd) < 0) {
		err_set(err, "cannot write %s: %s", tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(text);
		free(tmp);
		return -1;
	}
	close(fd);
	free(text);
	if (rename(tmp, st->file) < 0) {
		err_set(err, "cannot replace %s: %s", st->file, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	/* The rename is durable only once the directory is synced. */
	dir = dir_of(st->file);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	return 0;
}

int
state_commit(struct state *st, int64_t wall_now_ms, struct ks_err *err)
{
	if (!st->changed && st->clock == CLOCK_MANUAL)
		return 0;
	if (state_save(st, wall_now_ms, err) < 0)
		return st->changed ? -1 : 1;
	return 0;
}

int
state_remove(struct state *st, struct ks_err *err)
{
	if (st->lock_fd < 0)
		return err_set(err, "%s", st->no_lock != NULL ? st->no_lock : "the state is not locked");
	/* A link's target: the link stays, and a new cluster made through it lands there again. */
	if (unlink(st->file) < 0)
		return err_set(err, "cannot remove %s: %s", st->path, strerror(errno));
	return 0;
}
