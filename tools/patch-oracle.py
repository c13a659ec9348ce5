#!/usr/bin/env python3
"""patch-oracle.py - regenerate tests/unit/check_patch_*.inc from the real kubectl.

  tools/patch-oracle.py local CASES.json > tests/unit/check_patch_local.inc
      CASES: [[type, document, patch], ...]; runs
      `kubectl patch --local -f doc.json --type TYPE -p PATCH -o json`.
  tools/patch-oracle.py apply CASES.json > tests/unit/check_patch_apply.inc
      CASES: [{"name", "applied" (manifest last applied, or null),
      "manifest", "current" (the live object)}, ...]; serves `current`
      from a stand-in API server (discovery + GET + PATCH) and records the
      PATCH body of `kubectl apply -f manifest.json`.

KUBECTL (default /usr/lib/google-cloud-sdk/bin/kubectl.1.32) is the oracle.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

KUBECTL = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
LA = "kubectl.kubernetes.io/last-applied-configuration"
VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"]


def res(name, kind, namespaced):
    return {"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind, "verbs": VERBS}


DISCOVERY = {
    "/api": {"kind": "APIVersions", "versions": ["v1"],
             "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]},
    "/apis": {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
        {"name": "apps", "versions": [{"groupVersion": "apps/v1", "version": "v1"}],
         "preferredVersion": {"groupVersion": "apps/v1", "version": "v1"}}]},
    "/api/v1": {"kind": "APIResourceList", "groupVersion": "v1", "resources": [
        res("pods", "Pod", True), res("nodes", "Node", False), res("namespaces", "Namespace", False)]},
    "/apis/apps/v1": {"kind": "APIResourceList", "groupVersion": "apps/v1",
                      "resources": [res("daemonsets", "DaemonSet", True)]},
}


class Server:
    def __init__(self):
        self.current = None
        self.patch = None
        srv = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def send(self, code, obj):
                b = json.dumps(obj).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(b)))
                self.end_headers()
                self.wfile.write(b)

            def do_GET(self):
                p = self.path.split("?")[0]
                if p in DISCOVERY:
                    return self.send(200, DISCOVERY[p])
                if p.count("/") >= 4 and not p.startswith("/openapi"):
                    return self.send(200, srv.current)
                self.send(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                "reason": "NotFound", "code": 404, "message": "not found"})

            def do_PATCH(self):
                srv.patch = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                self.send(200, srv.current)

        self.httpd = HTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def compact(v):
    return json.dumps(v, separators=(",", ":"))


def last_applied(m):
    """What kubectl stores: the manifest with annotations {} and sorted keys."""
    x = copy.deepcopy(m)
    x.setdefault("metadata", {}).setdefault("annotations", {}).pop(LA, None)
    return json.dumps(x, sort_keys=True, separators=(",", ":")) + "\n"


def local(cases, tmp):
    types = {"json": "PATCH_JSON", "merge": "PATCH_MERGE", "strategic": "PATCH_STRATEGIC"}
    f = os.path.join(tmp, "doc.json")
    for typ, doc, patch in cases:
        with open(f, "w") as w:
            json.dump(doc, w)
        r = subprocess.run([KUBECTL, "patch", "--local", "-f", f, "--type", typ, "-p", compact(patch),
                            "-o", "json"], capture_output=True, text=True)
        if r.returncode == 0:
            want, err = cstr(compact(json.loads(r.stdout))), "NULL"
        else:
            msg = r.stderr.strip()
            assert msg.startswith("error: "), msg
            want, err = "NULL", cstr(msg[len("error: "):])
        print("\t/* %s */" % compact(patch)[:70].replace("*/", "* /"))
        print("\t{%s,\n\t    %s,\n\t    %s,\n\t    %s, %s}," % (types[typ], cstr(compact(doc)), cstr(compact(patch)),
                                                         want, err))


def apply(cases, tmp):
    srv = Server()
    f = os.path.join(tmp, "manifest.json")
    for c in cases:
        cur = copy.deepcopy(c["current"])
        if c.get("applied") is not None:
            cur.setdefault("metadata", {}).setdefault("annotations", {})[LA] = last_applied(c["applied"])
        srv.current, srv.patch = cur, None
        with open(f, "w") as w:
            json.dump(c["manifest"], w)
        r = subprocess.run([KUBECTL, "apply", "-f", f, "--server=" + srv.url, "--validate=false"],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        patch = srv.patch.strip() if srv.patch is not None else "{}"
        orig = cur.get("metadata", {}).get("annotations", {}).get(LA)
        # modified: the manifest with the annotation kubectl put on it
        anns = json.loads(patch).get("metadata", {}).get("annotations")
        new = anns.get(LA, orig) if isinstance(anns, dict) else orig
        mod = copy.deepcopy(c["manifest"])
        mod.setdefault("metadata", {}).setdefault("annotations", {})[LA] = new or last_applied(c["manifest"])
        print('\t/* %s: kubectl apply printed "%s" */' % (c["name"], r.stdout.strip()))
        print("\t{%s,\n\t    %s,\n\t    %s,\n\t    %s}," % (cstr(orig) if orig else "NULL", cstr(compact(mod)),
                                                       cstr(compact(cur)), cstr(patch)))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("local", "apply"):
        sys.exit(__doc__)
    with open(sys.argv[2]) as r, tempfile.TemporaryDirectory() as tmp:
        (local if sys.argv[1] == "local" else apply)(json.load(r), tmp)
