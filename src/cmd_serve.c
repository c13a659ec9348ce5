/*
 * cmd_serve.c - `kubesim serve`: the practice cluster for any Kubernetes
 * client (see src/serve/serve.h).
 *
 * Loads the practice cluster as the TUI does (under the lock, which it then
 * gives back), writes a kubeconfig that points at the server with a fresh
 * bearer token (mode 0600), and serves until SIGINT or SIGTERM.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/meta.h"
#include "cluster.h"
#include "kubesim.h"
#include "apiserver/rest.h"
#include "serve/serve.h"
#include "state.h"
#include "util/err.h"
#include "util/xmalloc.h"

static const char serve_usage[] =
    "Usage: kubesim serve [OPTIONS]\n"
    "\n"
    "Serve the practice cluster over the Kubernetes API, so the real kubectl\n"
    "(and any client) can use it: export KUBECONFIG=FILE; kubectl get nodes.\n"
    "Reads, writes, watches, tables, discovery and OpenAPI as a v1.32 API server\n"
    "answers them; `kubesim kubectl` and `kubesim cluster` keep working on the\n"
    "same file meanwhile. A manual clock stands still, except while a client\n"
    "waits on one object (rollout status, delete, wait): then it moves to each\n"
    "next event, as kubesim's own kubectl moves it.\n"
    "\n"
    "Options:\n"
    "  --address A      IPv4 address to listen on (default 127.0.0.1)\n"
    "  --port N         port (default 0: any free port, named in the kubeconfig)\n"
    "  --speed X        simulated seconds per real second (0 to 1000, default 1;\n"
    "                   0 stands still, as a cluster made with --clock manual)\n"
    "  --kubeconfig F   where to write the kubeconfig (default: the state file's\n"
    "                   name with .kubeconfig appended)\n"
    "  --stats          at exit, print the requests served and how long watch events\n"
    "                   took from the change to their write (median, 99th percentile)\n"
    "  -h, --help       show this help\n";

static volatile sig_atomic_t stop_requested;

/* The state served, and what its file looked like when it was loaded. */
struct served {
	struct state st;
	struct stat seen;
	unsigned generation; /* moves when st.c is a new cluster */
	double speed;
	int64_t saved_ms; /* wall clock of the last save */
};

static bool
same_file_version(const struct stat *a, const struct stat *b)
{
	return a->st_ino == b->st_ino && a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/*
 * Take the state's lock and make the served cluster the file's: when
 * another command (`kubesim kubectl`, `kubesim cluster`) has replaced the
 * file since, load what it made. Returns 0 with the lock held, -1 with err
 * (and no lock) when the lock cannot be had or the new file not read.
 */
static int
served_lock(struct served *sv, struct ks_err *err)
{
	struct state fresh;
	struct stat now;

	if (state_lock(&fresh, sv->st.path, err) < 0) {
		state_close(&fresh);
		return -1;
	}
	if (stat(fresh.file, &now) < 0 || same_file_version(&now, &sv->seen)) {
		/* Unchanged: the cluster in memory is the file's; only the lock is new. */
		sv->st.lock_fd = fresh.lock_fd;
		fresh.lock_fd = -1;
		state_close(&fresh);
		return 0;
	}
	if (state_load(&fresh, state_wall_now(), err) < 0) {
		sv->seen = now; /* said once, not at every request */
		state_close(&fresh);
		return -1;
	}
	state_close(&sv->st);
	sv->st = fresh;
	sv->seen = now;
	sv->generation++;
	meta_set_epoch_unix(state_wall_now() / 1000 - cluster_now(sv->st.c) / 1000);
	return 0;
}

static bool
file_changed(const struct served *sv)
{
	struct stat now;

	return stat(sv->st.file, &now) == 0 && !same_file_version(&now, &sv->seen);
}

/* serve_opts.current: reads see what other commands did a moment ago. */
static struct cluster *
served_current(void *ctx, unsigned *generation)
{
	struct served *sv = ctx;
	struct ks_err err;

	if (file_changed(sv)) {
		if (served_lock(sv, &err) < 0)
			fprintf(stderr, "kubesim: serve: still serving the cluster as it was: %s\n",
			    err.msg);
		else
			state_unlock(&sv->st);
	}
	if (generation != NULL)
		*generation = sv->generation;
	return sv->st.c;
}

/* Save under the lock held; the file as saved is the one served. */
static int
served_save(struct served *sv, struct ks_err *err)
{
	int rc = state_commit(&sv->st, state_wall_now(), err);

	if (rc == 0)
		sv->st.changed = false;
	sv->saved_ms = state_wall_now();
	if (stat(sv->st.file, &sv->seen) < 0)
		memset(&sv->seen, 0, sizeof sv->seen);
	return rc;
}

/*
 * serve_opts.tick: at a speed other than 1 the clock is saved every second,
 * because another command moves a loaded clock by the wall time since the
 * file was saved, at 1x; saved often, the two clocks stay within a second.
 * A clock that stands still is saved when a waiting client moved it.
 */
static void
served_tick(void *ctx)
{
	struct served *sv = ctx;
	struct ks_err err;

	/* A clock that stands still moved while a client waited: keep where it got to. */
	bool moved = sv->speed == 0 && cluster_now(sv->st.c) > sv->st.now;

	if (state_wall_now() - sv->saved_ms < 1000 ||
	    !(moved || (sv->speed != 1 && sv->speed != 0 && sv->st.clock == CLOCK_REAL)))
		return;
	sv->saved_ms = state_wall_now(); /* tried once a second, not at every turn */
	if (served_lock(sv, &err) < 0 ||
	    (moved ? state_save(&sv->st, state_wall_now(), &err) : served_save(sv, &err)) != 0)
		fprintf(stderr, "kubesim: serve: the clock could not be saved: %s\n", err.msg);
	else if (moved && stat(sv->st.file, &sv->seen) < 0)
		memset(&sv->seen, 0, sizeof sv->seen);
	state_unlock(&sv->st);
}

/*
 * serve_opts.write: the request is answered under the lock, journaled when
 * it changed anything, and saved before the answer goes out, so a client
 * told "created" finds it in the file, and parallel `kubesim kubectl`
 * commands land between requests.
 */
static void
served_write(void *ctx, const struct api_request *rq, struct api_response *resp)
{
	struct served *sv = ctx;
	struct ks_err err;
	char *msg = NULL;

	if (served_lock(sv, &err) < 0) {
		msg = xasprintf("the practice cluster cannot be used: %s", err.msg);
	} else {
		if (state_apply_request(&sv->st, rq, resp, &err) < 0)
			msg = xasprintf("%s", err.msg);
		else if (served_save(sv, &err) != 0)
			msg = xasprintf("the change was not saved: %s", err.msg);
		state_unlock(&sv->st);
	}
	if (msg != NULL) {
		api_response_free(resp);
		resp->code = 500;
		resp->body = api_status_doc(500, "InternalError", msg);
		free(msg);
	}
}

static void
on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

struct ready_ctx {
	const char *kubeconfig;
	const char *address;
	const char *token;
	const char *cert_pem;
};

/* RFC 4648 base64, for certificate-authority-data. */
static char *
base64(const char *in)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(in), o = 0;
	char *out = xmalloc((n + 2) / 3 * 4 + 1);

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)in[i] << 16;

		if (i + 1 < n)
			v |= (unsigned char)in[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)in[i + 2];
		out[o++] = tab[v >> 18 & 63];
		out[o++] = tab[v >> 12 & 63];
		out[o++] = i + 1 < n ? tab[v >> 6 & 63] : '=';
		out[o++] = i + 2 < n ? tab[v & 63] : '=';
	}
	out[o] = '\0';
	return out;
}

/* The kubeconfig a client needs, written once the port is known. */
static int
write_kubeconfig(void *ctx, unsigned port, struct ks_err *err)
{
	const struct ready_ctx *r = ctx;
	char *tmp = xasprintf("%s.tmp", r->kubeconfig);
	char *ca;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FILE *f;

	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		err_set(err, "%s: %s", r->kubeconfig, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(tmp);
		return -1;
	}
	ca = base64(r->cert_pem);
	fprintf(f,
	    "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: %s\n"
	    "    server: https://%s:%u\n  name: kubesim\n"
	    "contexts:\n- context:\n    cluster: kubesim\n    user: kubesim\n  name: kubesim\n"
	    "current-context: kubesim\npreferences: {}\nusers:\n- name: kubesim\n  user:\n    token: %s\n",
	    ca, r->address, port, r->token);
	free(ca);
	if (fclose(f) != 0 || rename(tmp, r->kubeconfig) != 0) {
		err_set(err, "%s: %s", r->kubeconfig, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	printf("kubesim: serving the practice cluster on https://%s:%u\n"
	       "Try: export KUBECONFIG=%s; kubectl get nodes\n",
	    r->address, port, r->kubeconfig);
	fflush(stdout);
	return 0;
}

/* 32 random bytes as hex, from the kernel (the token is a secret, not simulation). */
static int
make_token(char *out, size_t len, struct ks_err *err)
{
	unsigned char raw[32];
	int fd = open("/dev/urandom", O_RDONLY);

	if (fd < 0 || read(fd, raw, sizeof raw) != (ssize_t)sizeof raw) {
		if (fd >= 0)
			close(fd);
		return err_set(err, "/dev/urandom: cannot read a token");
	}
	close(fd);
	for (size_t i = 0; i < sizeof raw && 2 * i + 2 < len; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

/*
 * Every watch holds a connection: lift the soft limit on open files (often
 * 1,024) to the hard one, so thousands of watches can be open at once.
 */
static void
raise_fd_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

static int
serve_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"address", required_argument, NULL, 'a'},
		{"port", required_argument, NULL, 'p'},
		{"speed", required_argument, NULL, 's'},
		{"kubeconfig", required_argument, NULL, 'k'},
		{"stats", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct serve_opts o = {.address = "127.0.0.1", .speed = 1};
	const char *kubeconfig = NULL;
	struct sigaction sa;
	struct served sv = {0};
	struct ks_err err;
	char token[65] = "";
	char *path = NULL, *kc = NULL, *cert = NULL, *key = NULL;
	int opt, rc;

	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		char *end;
		long port;

		switch (opt) {
		case 'a':
			o.address = optarg;
			break;
		case 'p':
			port = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || port < 0 || port > 65535) {
				fprintf(stderr, "kubesim: --port: want a port from 0 to 65535, got \"%s\"\n",
				    optarg);
				return KS_EXIT_USAGE;
			}
			o.port = (unsigned)port;
			break;
		case 's':
			o.speed = strtod(optarg, &end);
			if (*optarg == '\0' || *end != '\0' || !(o.speed >= 0 && o.speed <= 1000)) {
				fprintf(stderr, "kubesim: --speed: want a number from 0 to 1000, got \"%s\"\n",
				    optarg);
				return KS_EXIT_USAGE;
			}
			break;
		case 'k':
			kubeconfig = optarg;
			break;
		case 'S':
			o.stats = true;
			break;
		case 'h':
			fputs(serve_usage, stdout);
			return KS_EXIT_OK;
		default:
			fprintf(stderr, "kubesim: serve: unknown option \"%s\" (try 'kubesim help serve')\n",
			    argv[optind - 1]);
			return KS_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "kubesim: serve takes no arguments, got \"%s\"\n", argv[optind]);
		return KS_EXIT_USAGE;
	}
	if (state_default_path(&path, &err) < 0 || state_lock_verbose(&sv.st, path, stderr, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		free(path);
		return KS_EXIT_USAGE;
	}
	if (!state_exists(&sv.st)) {
		fprintf(stderr, "kubesim: there is no practice cluster yet (%s does not exist)\n"
				"Create one with: kubesim cluster create --nodes 3\n",
		    path);
		state_close(&sv.st);
		free(path);
		return KS_EXIT_FAILED;
	}
	if (state_load(&sv.st, state_wall_now(), &err) < 0) {
		fprintf(stderr, "kubesim: %s\n%s", err.msg, state_left_alone);
		state_close(&sv.st);
		free(path);
		return KS_EXIT_USAGE;
	}
	/* Other commands may go on using the file between requests. */
	state_unlock(&sv.st);
	if (stat(sv.st.file, &sv.seen) < 0)
		memset(&sv.seen, 0, sizeof sv.seen);
	if (sv.st.clock == CLOCK_MANUAL)
		o.speed = 0;
	kc = kubeconfig ? xstrdup(kubeconfig) : xasprintf("%s.kubeconfig", path);
	if (make_token(token, sizeof token, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		rc = KS_EXIT_FAILED;
		goto out;
	}
	o.token = token;
	if (serve_make_cert(o.address, &cert, &key, &err) < 0) {
		fprintf(stderr, "kubesim: %s\n", err.msg);
		rc = KS_EXIT_FAILED;
		goto out;
	}
	o.cert_pem = cert;
	o.key_pem = key;
	o.current = served_current;
	o.write = served_write;
	o.tick = served_tick;
	sv.speed = o.speed;
	sv.saved_ms = state_wall_now();
	o.ctx = &sv;
	/* Clients age objects by their wall clock: simulated now is served as wall now. */
	meta_set_epoch_unix(state_wall_now() / 1000 - cluster_now(sv.st.c) / 1000);
	raise_fd_limit();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	{
		struct ready_ctx r = {kc, o.address, token, cert};

		rc = serve_run(&o, write_kubeconfig, &r, &stop_requested, &err) < 0 ?
		    KS_EXIT_FAILED :
		    KS_EXIT_OK;
	}
	if (rc != KS_EXIT_OK)
		fprintf(stderr, "kubesim: %s\n", err.msg);
	/* Stopped: the clock's advance is kept too (a change was saved when it was made). */
	if (served_lock(&sv, &err) < 0 || served_save(&sv, &err) != 0)
		fprintf(stderr, "kubesim: serve: the clock's advance was not saved: %s\n", err.msg);
out:
	state_close(&sv.st);
	free(cert);
	free(key);
	free(kc);
	free(path);
	return rc;
}

const struct ks_command ks_cmd_serve = {
	"serve",
	"Serve the practice cluster over the Kubernetes API (work in progress)",
	serve_usage,
	serve_main,
};
