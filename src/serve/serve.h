/*
 * serve.h - `kubesim serve`: the practice cluster over the Kubernetes API.
 *
 * A thin HTTP front (libmicrohttpd) over the API layer: it translates
 * requests and answers, and the REST layer (apiserver/rest.h) does what
 * kube-apiserver does with them. One thread owns the cluster:
 * libmicrohttpd runs without threads of its own, on epoll, from
 * serve_run's loop, which also moves simulated time on with the wall clock
 * (times --speed) between requests.
 *
 * What the front end itself does: TLS (kubectl sends its bearer token only
 * over TLS, so the server has a self-signed certificate the kubeconfig
 * names as its CA) and the token; request bodies up to API_MAX_BODY, with
 * kubectl's few protobuf bodies read as JSON (proto.h); discovery and the
 * OpenAPI documents (their own content types); watches, streamed from the
 * watch cache (apiserver/watch.h) on suspended connections; and the
 * served clock: timestamps are shifted (meta_set_epoch_unix) so simulated
 * now is the wall clock's now, since clients age objects by their own
 * clock. Reads are answered from the cluster in memory; writes are handed
 * to the owner of the practice cluster's file (serve_opts.write), which
 * journals them, so nothing the server does is lost.
 */
#ifndef KS_SERVE_SERVE_H
#define KS_SERVE_SERVE_H

#include <signal.h>
#include <stdio.h>

struct cluster;
struct ks_err;

/* Open connections, watches included (kube-apiserver has no such limit; file descriptors do). */
#define SERVE_MAX_CONNECTIONS 12000
/*
 * libmicrohttpd's memory pool per connection (its default is 32 KiB): the
 * request line and headers, and a watch's output blocks. Clients' headers
 * are far smaller; bodies are copied out as they arrive.
 */
#define SERVE_CONNECTION_MEMORY (16 * 1024)

struct api_request;
struct api_response;

struct serve_opts {
	const char *address; /* dotted IPv4, loopback by default */
	unsigned port;       /* 0: any free port */
	double speed;        /* simulated ms per wall ms; 0: the clock stands still */
	const char *token;   /* the bearer token every request must carry */
	const char *cert_pem; /* the server's certificate (self-signed: its own CA) */
	const char *key_pem;
	/* At exit, print requests served and watch latencies (--stats). */
	bool stats;
	/*
	 * The owner of the practice cluster. current: the cluster to answer
	 * from, reloaded first when another command changed its file (asked
	 * before every read and between requests), and (when generation is not
	 * NULL) a number that changes whenever the cluster is a new one, so the
	 * watch cache follows it; write: carry out a request
	 * that may change it, under the state's lock and into its journal.
	 */
	struct cluster *(*current)(void *ctx, unsigned *generation);
	void (*write)(void *ctx, const struct api_request *rq, struct api_response *resp);
	/* Called every turn of the loop, after the clock moved (NULL: nothing to do). */
	void (*tick)(void *ctx);
	void *ctx;
};

/*
 * A fresh self-signed certificate for address (an IP SAN, serverAuth, its
 * own CA, as kubectl's TLS verification wants it) and its key, as PEM; the
 * caller frees both. kubectl sends its bearer token only over TLS.
 */
int serve_make_cert(const char *address, char **cert_pem, char **key_pem, struct ks_err *err);

/*
 * Called once the socket listens, with the port it got (for the kubeconfig
 * and the "listening" line).
 */
typedef int (*serve_ready_fn)(void *ctx, unsigned port, struct ks_err *err);

/*
 * Serve o->current's cluster until *stop becomes non-zero. Returns 0, or -1 with err when the
 * server could not start.
 */
int serve_run(const struct serve_opts *o, serve_ready_fn ready, void *ready_ctx,
    volatile sig_atomic_t *stop, struct ks_err *err);

#endif
