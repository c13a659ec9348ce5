#!/usr/bin/env python3
"""A stand-in kube-apiserver for comparing kubesim's built-in kubectl with
the real kubectl v1.32 (tools/kcompare, tests/compare.sh, docs/testing.md).

It serves, read-only, what kubesim holds: discovery (/version, /api, /apis,
/api/v1, /apis/GROUP/VERSION: exactly what `kubesim kubectl api-resources
-o wide` lists) and GET of objects and lists, each answered by running
`kubesim kubectl get RESOURCE [-n NS|-A] [NAME] [-l ..] [--field-selector ..]
-o json` on a fresh copy of the practice cluster's state, so the real
kubectl prints kubesim's own objects.  kubesim's errors become metav1.Status
with the HTTP code of their reason.  A write to a missing object gets the
NotFound a real server gives; every other write, and every watch, gets 405
(the runner leaves such cases out).

It does NOT print tables (Accept: ...;as=Table): kubectl then prints from
the plain objects itself, so the runner leaves default `get` tables out
(server-side printing is kubesim's own job).

Time: kubesim's objects carry timestamps of its simulated clock (epoch
2025-01-01T00:00:00Z + simulated time); the real kubectl computes ages from
the wall clock.  Every string value that is a whole RFC 3339 timestamp is
shifted by DELTA seconds: floor(wall now) - simulated now, taken at a run's
first request for objects and kept for the run (DIR/delta.SLOT holds DELTA
and that request's time; the runner removes it before each run), so
simulated now is the wall clock's now; the runner shifts absolute dates in
the real kubectl's output back by DELTA.  /version is not shifted.

Stdlib only.  Usage:
  standin.py --kubesim PATH --state PRISTINE.json --workdir DIR [--slots N]
listens on N ports of 127.0.0.1 (slots s0..sN-1, so that N cases can run
at once) and prints "PORTS p0 p1 ..." on stdout; every request is appended
to DIR/requests.SLOT.log as "CODE METHOD PATH ACCEPT" (CODE "200+" when the
answer held objects); kubesim's failures go to DIR/kubesim-errors.log.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def discover(kubesim, state):
    """The resources kubesim serves, read from `kubesim kubectl
    api-resources -o wide` (discovery must promise exactly what a GET can
    answer): {groupVersion: [(name, singular, kind, namespaced,
    shortNames, categories, verbs)]}."""
    p = subprocess.run([kubesim, "kubectl", "api-resources", "-o", "wide"],
                       env=dict(os.environ, KUBESIM_STATE=state),
                       capture_output=True, text=True, check=True)
    lines = p.stdout.splitlines()
    head = lines[0]
    cols = [m.start() for m in re.finditer(r"\S+", head)]
    names = head.split()
    out = {}
    for line in lines[1:]:
        f = {n: line[c:(cols[i + 1] if i + 1 < len(cols) else None)].strip()
             for i, (n, c) in enumerate(zip(names, cols))}
        verbs = f["VERBS"].strip("[]").replace(",", " ").split()
        out.setdefault(f["APIVERSION"], []).append((
            f["NAME"], f["KIND"].lower(), f["KIND"], f["NAMESPACED"] == "true",
            f["SHORTNAMES"].split(",") if f["SHORTNAMES"] else [],
            f["CATEGORIES"].split(",") if f.get("CATEGORIES") else [], verbs))
    return out


# The HTTP code of each metav1.StatusReason kubesim prints
# (apimachinery/pkg/api/errors/errors.go).
REASON_CODE = {
    "NotFound": 404, "AlreadyExists": 409, "Conflict": 409, "Invalid": 422,
    "BadRequest": 400, "Forbidden": 403, "MethodNotAllowed": 405,
    "Gone": 410, "InternalError": 500,
}

RFC3339 = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?Z$")


def resource_list(group_version, resources):
    out = []
    for name, singular, kind, namespaced, short, cats, verbs in resources:
        r = {"name": name, "singularName": singular, "namespaced": namespaced,
             "kind": kind, "verbs": verbs}
        if short:
            r["shortNames"] = short
        if cats:
            r["categories"] = cats
        out.append(r)
    return {"kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": group_version, "resources": out}


def shift_times(obj, delta):
    """Every string value that is a whole RFC 3339 time, moved by delta s."""
    if isinstance(obj, dict):
        return {k: shift_times(v, delta) for k, v in obj.items()}
    if isinstance(obj, list):
        return [shift_times(v, delta) for v in obj]
    if isinstance(obj, str):
        m = RFC3339.match(obj)
        if m:
            t = datetime.datetime(*map(int, m.groups()[:6]),
                                  tzinfo=datetime.timezone.utc)
            t += datetime.timedelta(seconds=delta)
            return t.strftime("%Y-%m-%dT%H:%M:%S") + (m.group(7) or "") + "Z"
    return obj


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: see log_request_line
        pass

    def case(self):
        """The slot a request belongs to: each listening port is one slot,
        and the runner runs one case at a time in each (kubectl sends no
        credentials over plain http, so the port is what tells them apart)."""
        return self.server.slot

    def log_request_line(self, code):
        log = os.path.join(self.server.workdir, "requests.%s.log" % self.case())
        with open(log, "a") as f:
            f.write("%s %s %s %s\n" % (code, self.command, self.path,
                                       self.headers.get("Accept", "")))

    def send_json(self, code, obj, indent=None):
        # "200+" marks an answer that holds objects (for the runner: a
        # table kubectl asked for and printed from plain objects itself).
        full = code == 200 and obj.get("kind", "").endswith("List") and \
            obj.get("items") or code == 200 and "metadata" in obj and \
            not obj.get("kind", "").endswith("List")
        self.log_request_line("%d%s" % (code, "+" if full else ""))
        body = json.dumps(obj, indent=indent).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def status(self, code, reason, message, details=None):
        st = {"kind": "Status", "apiVersion": "v1", "metadata": {},
              "status": "Failure", "message": message, "reason": reason,
              "code": code}
        if details:
            st["details"] = details
        self.send_json(code, st)

    def refuse_write(self):
        """A write to a named object that does not exist fails as the API
        server fails it, with NotFound (kubectl delete pod nosuch); every
        other write is refused: the stand-in serves reads only."""
        # Read the body, or the connection cannot carry the next request.
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.command != "POST":
            target = self.resolve()
            if target and target[2] and not target[3].get("dryRun"):
                res, ns, name, _ = target
                code, obj = self.kubesim_get(res, ns, name, {})
                if code == 404:
                    return self.send_json(code, obj)
        self.status(405, "MethodNotAllowed",
                    "the stand-in API server serves reads only")

    do_POST = do_PUT = do_PATCH = do_DELETE = refuse_write

    def delta(self):
        """The shift of this slot's current run, fixed by its first request
        for objects: DELTA = floor(wall now) - simulated now, written with
        the time of that request to DIR/delta.SLOT (the runner removes the
        file before each run and reads it after)."""
        path = os.path.join(self.server.workdir, "delta.%s" % self.case())
        with self.server.cache_lock:
            try:
                with open(path) as f:
                    return int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                now = time.time()
                delta = int(now) - self.server.sim_now
                with open(path, "w") as f:
                    f.write("%d %.6f\n" % (delta, now))
                return delta

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        path = url.path.rstrip("/")
        if query.get("watch", ["false"])[0] in ("true", "1"):
            return self.status(405, "MethodNotAllowed",
                               "the stand-in API server does not watch")
        if path == "/version":
            # kube-apiserver's WriteRawJSON: json.MarshalIndent, two spaces.
            return self.send_json(200, self.server.version, indent=2)
        if path == "/api":
            return self.send_json(200, {
                "kind": "APIVersions", "versions": ["v1"],
                "serverAddressByClientCIDRs": [{
                    "clientCIDR": "0.0.0.0/0",
                    "serverAddress": "127.0.0.1:%d" % self.server.server_port}]})
        groups = self.server.resources
        if path == "/apis":
            return self.send_json(200, {
                "kind": "APIGroupList", "apiVersion": "v1", "groups": [{
                    "name": gv.split("/")[0],
                    "versions": [{"groupVersion": gv,
                                  "version": gv.split("/")[1]}],
                    "preferredVersion": {"groupVersion": gv,
                                         "version": gv.split("/")[1]}}
                    for gv in groups if "/" in gv]})
        if path == "/api/v1":
            return self.send_json(200, resource_list("v1", groups.get("v1", [])))
        if path.startswith("/apis/") and path[len("/apis/"):] in groups:
            gv = path[len("/apis/"):]
            return self.send_json(200, resource_list(gv, groups[gv]))
        # A real cluster has ResourceQuotas and LimitRanges, none in any
        # namespace of a kubesim cluster: describe ns lists them (and then
        # prints "No resource quota." as it would), so answer empty lists.
        parts = path.strip("/").split("/")
        if len(parts) == 5 and parts[:3] == ["api", "v1", "namespaces"] and \
                parts[4] in ("resourcequotas", "limitranges"):
            kind = {"resourcequotas": "ResourceQuotaList",
                    "limitranges": "LimitRangeList"}[parts[4]]
            return self.send_json(200, {"kind": kind, "apiVersion": "v1",
                                        "metadata": {"resourceVersion": "1"},
                                        "items": []})
        target = self.resolve()
        if not target:
            return self.status(404, "NotFound",
                               "the server could not find the requested resource")
        self.send_json(*self.kubesim_get(*target))

    def resolve(self):
        """(resource, namespace, name, query) of an object or list path."""
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        groups = self.server.resources
        if parts[:2] == ["api", "v1"]:
            gv, rest = "v1", parts[2:]
        elif parts[0] == "apis" and len(parts) >= 3 and \
                "/".join(parts[1:3]) in groups:
            gv, rest = "/".join(parts[1:3]), parts[3:]
        else:
            return None
        table = groups.get(gv, [])
        ns = None
        if len(rest) >= 3 and rest[0] == "namespaces":
            ns, rest = rest[1], rest[2:]
        if not rest or len(rest) > 2:
            return None
        res = [r for r in table if r[0] == rest[0]]
        if not res:
            return None
        name = rest[1] if len(rest) == 2 else None
        return (gv,) + res[0], ns, name, query

    def kubesim_get(self, res, ns, name, query):
        """(HTTP code, object or Status) for a GET, from kubesim."""
        gv, resource, _, kind, namespaced = res[:5]
        args = ["get", resource]
        if namespaced:
            args += ["-n", ns] if ns else ["-A"]
        if name:
            args.append(name)
        if "labelSelector" in query:
            args += ["-l", query["labelSelector"][0]]
        if "fieldSelector" in query:
            args += ["--field-selector", query["fieldSelector"][0]]
        args += ["-o", "json"]
        p = self.server.kubesim_run(self.case(), tuple(args))
        if p.returncode != 0 or not p.stdout.strip():
            with open(os.path.join(self.server.workdir, "kubesim-errors.log"),
                      "a") as f:
                f.write("kubesim kubectl %s\n%s" % (" ".join(args), p.stderr))
            err = [l for l in p.stderr.strip().splitlines()
                   if l.startswith(("Error from server", "error: "))]
            msg = err[-1] if err else "kubesim printed nothing"
            m = re.match(r"Error from server \((\w+)\): (.*)", msg)
            reason, msg = (m.group(1), m.group(2)) if m else \
                ("BadRequest", msg.removeprefix("error: "))
            # kubectl wraps a list's error in "Unable to find ... that
            # match ...: " (cli-runtime resource/selector.go); the server's
            # own message is what follows.
            msg = re.sub(r'^(Unable to find "[^"]*" that match label selector '
                         r'"[^"]*", field selector "[^"]*": )+', "", msg)
            details = {"kind": resource}
            if name:
                details["name"] = name
            if "/" in gv:
                details["group"] = gv.split("/")[0]
            code = REASON_CODE.get(reason, 500)
            return code, {"kind": "Status", "apiVersion": "v1",
                          "metadata": {}, "status": "Failure",
                          "message": msg, "reason": reason,
                          "details": details, "code": code}
        obj = json.loads(p.stdout)
        if not name:
            # kubesim prints a kind: List; the API server answers KindList.
            obj = {"kind": kind + "List", "apiVersion": gv,
                   "metadata": {"resourceVersion": "1"},
                   "items": obj.get("items", [])}
        return 200, shift_times(obj, self.delta())


def kubesim_run(self, slot, args):
    """`kubesim kubectl ARGS` on a fresh copy of the pristine state (kubesim
    may write it), remembered: every case starts from the same state with
    a manual clock, so the same GET always has the same answer, and a run
    of the real kubectl stays short enough for its ages to be exact."""
    with self.cache_lock:
        if args in self.cache:
            return self.cache[args]
    state = os.path.join(self.workdir, "standin-state.%s.json" % slot)
    shutil.copyfile(self.pristine, state)
    env = dict(os.environ, KUBESIM_STATE=state, TZ="UTC")
    p = subprocess.run([self.kubesim, "kubectl"] + list(args), env=env,
                       capture_output=True, text=True)
    with self.cache_lock:
        self.cache[args] = p
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kubesim", required=True)
    ap.add_argument("--state", required=True, help="pristine state file")
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--slots", type=int, default=1)
    a = ap.parse_args()
    kubesim = os.path.abspath(a.kubesim)
    pristine = os.path.abspath(a.state)
    p = subprocess.run([kubesim, "kubectl", "version", "-o", "json"],
                       env=dict(os.environ, KUBESIM_STATE=pristine),
                       capture_output=True, text=True)
    try:
        version = json.loads(p.stdout)["serverVersion"]
    except (ValueError, KeyError):
        version = {"major": "1", "minor": "32", "gitVersion": "v1.32.0"}
    resources = discover(kubesim, pristine)
    with open(pristine) as f:
        # Simulated now, in Unix seconds: kubesim's epoch plus its clock.
        sim_now = int(datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
                      .timestamp()) + json.load(f)["now"] // 1000
    cache, cache_lock = {}, threading.Lock()
    servers = []
    for i in range(max(1, a.slots)):
        srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        srv.daemon_threads = True
        srv.slot = "s%d" % i
        srv.kubesim, srv.pristine, srv.workdir = kubesim, pristine, a.workdir
        srv.version = version
        srv.resources = resources
        srv.sim_now = sim_now
        srv.cache, srv.cache_lock = cache, cache_lock
        srv.kubesim_run = kubesim_run.__get__(srv)
        servers.append(srv)
    for srv in servers[1:]:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    print("PORTS " + " ".join(str(s.server_port) for s in servers), flush=True)
    try:
        servers[0].serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
