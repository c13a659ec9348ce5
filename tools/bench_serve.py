#!/usr/bin/env python3
"""bench_serve.py - how fast `kubesim serve` answers, as `make bench` runs it.

Usage: tools/bench_serve.py KUBESIM SRCDIR [NODES...]   (default: 3 1000)

For each cluster size (a manual clock, scenarios/cka/demo.yaml applied, so
one pod per node), a `kubesim serve` is started and measured by a client
here, over TLS checked against the kubeconfig's CA, one keep-alive
connection per role, timed client-side with time.monotonic():

  table   GET /api/v1/namespaces/default/pods with the Accept `kubectl get`
          sends (a meta.k8s.io Table, includeObject=Metadata): requests per
          second on one connection, the server's CPU per request (from
          /proc/PID/stat), and the same as a multiple of a GET /version round
          trip on that connection (the floor of a request).
  write   a merge PATCH of one pod's label: the round trip. Every write is
          saved (the whole state file) before it is answered.
  watch   a second connection watches pods; from just before the PATCH is
          sent to the MODIFIED event's line arriving ("after write": the
          time that includes the write and its save) and from the PATCH's
          answer to the event ("after answer"). The event goes out once the
          write is saved and answered.

Figures are medians. Never run by the tests: timings vary with the machine.
"""
import base64
import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

TABLE_ACCEPT = ("application/json;as=Table;v=v1;g=meta.k8s.io,"
                "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json")


def median(v):
    v = sorted(v)
    return v[len(v) // 2]


def cpu_s(pid):
    """utime + stime of pid, in seconds."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Client:
    def __init__(self, kubeconfig):
        kc = open(kubeconfig).read()
        ca = base64.b64decode(re.search(r"certificate-authority-data: (\S+)", kc).group(1)).decode()
        m = re.search(r"server: https://([^:/]+):(\d+)", kc)
        self.host, self.port = m.group(1), int(m.group(2))
        self.token = re.search(r"token: (\S+)", kc).group(1)
        self.ctx = ssl.create_default_context(cadata=ca)
        self.ctx.check_hostname = False  # the certificate names 127.0.0.1 by IP

    def connect(self):
        return http.client.HTTPSConnection(self.host, self.port, context=self.ctx, timeout=60)

    def headers(self, **extra):
        h = {"Authorization": "Bearer " + self.token, "Accept": "application/json"}
        h.update(extra)
        return h


def request(conn, method, path, headers, body=None, want=200):
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    if r.status != want:
        raise SystemExit("bench_serve: %s %s: %d %s" % (method, path, r.status, data[:200]))
    return data


def run(kubesim, args, env):
    subprocess.run([kubesim] + args, env=env, check=True, stdout=subprocess.DEVNULL)


def bench_table(cl, pid, seconds=3.0):
    conn = cl.connect()
    pods = "/api/v1/namespaces/default/pods"
    th = cl.headers(Accept=TABLE_ACCEPT)
    for _ in range(10):
        body = request(conn, "GET", pods, th)
    rows = body.count(b'"cells":')
    n, c0, t0 = 0, cpu_s(pid), time.monotonic()
    while time.monotonic() - t0 < seconds:
        request(conn, "GET", pods, th)
        n += 1
    dt, cpu = time.monotonic() - t0, cpu_s(pid) - c0
    vh = cl.headers()
    m, v0 = 0, time.monotonic()
    while time.monotonic() - v0 < 1.0:
        request(conn, "GET", "/version", vh)
        m += 1
    floor = (time.monotonic() - v0) / m
    conn.close()
    return rows, len(body), n / dt, cpu / n, (dt / n) / floor


def bench_write_watch(cl, rounds=15):
    lister = cl.connect()
    items = json.loads(request(lister, "GET", "/api/v1/namespaces/default/pods?limit=1", cl.headers()))
    name = items["items"][0]["metadata"]["name"]
    rv = items["metadata"]["resourceVersion"]
    lister.close()

    arrived = {}  # label value -> monotonic time its MODIFIED event's line arrived
    cond = threading.Condition()
    watcher = cl.connect()
    watcher.request("GET", "/api/v1/namespaces/default/pods?watch=1&resourceVersion=%s" % rv,
                    headers=cl.headers())
    stream = watcher.getresponse()

    def read_events():
        while True:
            try:
                line = stream.readline()
            except Exception:  # the stream closed under it (http.client raises several): done
                return
            t = time.monotonic()
            if not line:
                return
            ev = json.loads(line)
            labels = ev["object"]["metadata"].get("labels", {})
            if ev["type"] == "MODIFIED" and "bench" in labels:
                with cond:
                    arrived[labels["bench"]] = t
                    cond.notify_all()

    threading.Thread(target=read_events, daemon=True).start()
    writer = cl.connect()
    ph = cl.headers(**{"Content-Type": "application/merge-patch+json"})
    write, after_write, after_answer = [], [], []
    for i in range(rounds):
        key = "r%d" % i
        body = json.dumps({"metadata": {"labels": {"bench": key}}})
        t0 = time.monotonic()
        request(writer, "PATCH", "/api/v1/namespaces/default/pods/" + name, ph, body)
        t1 = time.monotonic()
        with cond:
            if not cond.wait_for(lambda: key in arrived, timeout=10):
                raise SystemExit("bench_serve: no watch event for the patch %s" % key)
            t2 = arrived[key]
        write.append(t1 - t0)
        after_write.append(t2 - t0)
        after_answer.append(t2 - t1)
    writer.close()
    watcher.sock.shutdown(socket.SHUT_RDWR)  # ends the reader's wait
    watcher.close()
    return median(write), median(after_write), median(after_answer)


def bench_cluster(kubesim, srcdir, nodes, tmp):
    env = dict(os.environ, KUBESIM_STATE=os.path.join(tmp, "n%d.json" % nodes))
    kubeconfig = os.path.join(tmp, "n%d.kubeconfig" % nodes)
    run(kubesim, ["cluster", "create", "--nodes", str(nodes), "--clock", "manual"], env)
    run(kubesim, ["kubectl", "apply", "-f", os.path.join(srcdir, "scenarios/cka/demo.yaml")], env)
    run(kubesim, ["cluster", "advance", "1m"], env)
    size = os.path.getsize(env["KUBESIM_STATE"])
    server = subprocess.Popen([kubesim, "serve", "--kubeconfig", kubeconfig], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        server.stdout.readline()  # "kubesim: serving the practice cluster on ..."
        cl = Client(kubeconfig)
        rows, nbytes, rps, cpu, ratio = bench_table(cl, server.pid)
        print("serve-table %5d nodes: %4d rows %7d B %8.1f req/s %6.2f ms server CPU/req %6.1fx a /version round trip"
              % (nodes, rows, nbytes, rps, cpu * 1000, ratio))
        write, after_write, after_answer = bench_write_watch(cl)
        print("serve-write %5d nodes: PATCH %7.1f ms (saves %.1f MB); watch event %7.1f ms after the write, %5.1f ms after its answer"
              % (nodes, write * 1000, size / 1e6, after_write * 1000, after_answer * 1000))
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    if len(sys.argv) < 3:
        raise SystemExit("usage: bench_serve.py KUBESIM SRCDIR [NODES...]")
    kubesim, srcdir = os.path.abspath(sys.argv[1]), sys.argv[2]
    sizes = [int(a) for a in sys.argv[3:]] or [3, 1000]
    tmp = tempfile.mkdtemp(prefix="kubesim-bench-")
    try:
        for nodes in sizes:
            bench_cluster(kubesim, srcdir, nodes, tmp)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
