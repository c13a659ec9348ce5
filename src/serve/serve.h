/*
 * serve.h - `kubesim serve`: the practice cluster over the Kubernetes API.
 *
 * A thin HTTP front (libmicrohttpd) over the API layer: routing of REST
 * paths, discovery, bearer-token authentication, Status errors. One thread
 * owns the cluster: libmicrohttpd runs without threads of its own, on
 * epoll, from serve_run's loop, which also moves simulated time on with the
 * wall clock between requests.
 *
 * WORK IN PROGRESS (issue 12): reads only. GET of objects and lists with
 * labelSelector, discovery and /version answer as kube-apiserver v1.32
 * does; every write is refused with 405 until the journal can record
 * requests, so nothing the server does is ever lost.
 *
 * Found while trying it with kubectl v1.32 (not yet done):
 *  - kubectl sends no bearer token to an http:// server, so token auth
 *    needs TLS: a self-signed CA in the kubeconfig (certificate-authority-
 *    data) and libmicrohttpd's HTTPS (MHD_USE_TLS, GnuTLS).
 *  - kubectl ages objects by the wall clock; simulated timestamps (from
 *    2025-01-01) must be served shifted so simulated now is wall now, or
 *    every AGE reads in years.
 *  - Without a Table answer, `kubectl get` falls back to NAME AGE.
 */
#ifndef KS_SERVE_SERVE_H
#define KS_SERVE_SERVE_H

#include <signal.h>
#include <stdio.h>

struct cluster;
struct ks_err;

struct serve_opts {
	const char *address; /* dotted IPv4, loopback by default */
	unsigned port;       /* 0: any free port */
	double speed;        /* simulated ms per wall ms; 0: the clock stands still */
	const char *token;   /* the bearer token every request must carry */
};

/*
 * Called once the socket listens, with the port it got (for the kubeconfig
 * and the "listening" line).
 */
typedef int (*serve_ready_fn)(void *ctx, unsigned port, struct ks_err *err);

/*
 * Serve c until *stop becomes non-zero. Returns 0, or -1 with err when the
 * server could not start.
 */
int serve_run(struct cluster *c, const struct serve_opts *o, serve_ready_fn ready, void *ready_ctx,
    volatile sig_atomic_t *stop, struct ks_err *err);

#endif
