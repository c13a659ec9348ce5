"""Hostile and heavy requests against `kubesim serve`, with only Python's
standard library: what a real API server answers (Status documents and
their codes) or a clean refusal, and a server that goes on answering.

Usage: serve-hostile.py KUBECONFIG N_WATCHES
Prints one line per check: "ok: ..." or "FAIL: ..."; exits 1 on a failure.
"""
import base64
import json
import re
import socket
import ssl
import sys
import tempfile
import time

failures = 0


def check(ok, what):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures += 1


def kubeconfig(path):
    text = open(path).read()
    ca = base64.b64decode(re.search(r"certificate-authority-data: (\S+)", text).group(1))
    host, port = re.search(r"server: https://([\d.]+):(\d+)", text).groups()
    token = re.search(r"token: (\S+)", text).group(1)
    return ca.decode(), host, int(port), token


CA, HOST, PORT, TOKEN = kubeconfig(sys.argv[1])
CTX = ssl.create_default_context(cadata=CA)


def connect():
    raw = socket.create_connection((HOST, PORT), timeout=30)
    return CTX.wrap_socket(raw, server_hostname=HOST)


def request(method, path, body=b"", token=TOKEN, ctype="application/json"):
    """One request on its own connection; returns (code, parsed JSON or text)."""
    s = connect()
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    if body:
        head += f"Content-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
    s.sendall(head.encode() + b"\r\n" + body)
    data = b""
    while True:
        try:
            chunk = s.recv(65536)
        except (ConnectionResetError, ssl.SSLError):
            break
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, rest = data.partition(b"\r\n\r\n")
    code = int(head.split()[1])
    if b"chunked" in head.lower():
        out = b""
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            n = int(size, 16)
            if n == 0:
                break
            out += rest[:n]
            rest = rest[n + 2:]
        rest = out
    try:
        return code, json.loads(rest)
    except ValueError:
        return code, rest


def status_is(got, code, reason):
    c, doc = got
    return c == code and isinstance(doc, dict) and doc.get("kind") == "Status" and doc.get("code") == code and doc.get("reason") == reason


check(status_is(request("GET", "/api/v1/nodes", token=None), 401, "Unauthorized"), "no token: 401 Unauthorized")
check(status_is(request("GET", "/api/v1/nodes", token="wrong"), 401, "Unauthorized"), "a wrong token: 401 Unauthorized")
huge = b'{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x","annotations":{"a":"' + b"x" * (4 << 20) + b'"}}}'
got = request("POST", "/api/v1/namespaces", huge)
check(status_is(got, 413, "RequestEntityTooLarge") and got[1]["message"] == "Request entity too large: limit is 3145728",
      "a 4 MiB body: 413 Request entity too large (limit 3 MiB)")
check(status_is(request("POST", "/api/v1/namespaces", b'{"apiVersion": "v1", "kind": '), 400, "BadRequest"),
      "malformed JSON: 400 BadRequest")
check(status_is(request("POST", "/apis/apps/v1/namespaces/default/daemonsets",
                        b'{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"y"}}'), 400, "BadRequest"),
      "a Namespace posted as a DaemonSet: 400 BadRequest")
check(status_is(request("POST", "/api/v1/namespaces", b"\xff\xfe\x00\x01"), 400, "BadRequest"),
      "binary garbage: 400 BadRequest")
check(status_is(request("GET", "/apis/apps/v1/deployments"), 404, "NotFound"), "an unknown resource: 404 NotFound")
check(status_is(request("PATCH", "/api/v1/nodes/node1", b"{}", ctype="application/apply-patch+yaml"), 415,
                "UnsupportedMediaType"), "server-side apply: 415 UnsupportedMediaType")
check(status_is(request("PUT", "/api/v1/namespaces/default/pods"), 405, "MethodNotAllowed"),
      "PUT on a collection: 405 MethodNotAllowed")

# Many watches at once, then one change that reaches them.
n = int(sys.argv[2])
watches = []
start = time.monotonic()
for i in range(n):
    s = connect()
    s.sendall(f"GET /api/v1/namespaces/default/events?watch=1&resourceVersion=1 HTTP/1.1\r\n"
              f"Host: {HOST}\r\nAuthorization: Bearer {TOKEN}\r\n\r\n".encode())
    watches.append(s)
opened = time.monotonic() - start
code, doc = request("GET", "/api/v1/nodes")
check(code == 200 and len(doc["items"]) >= 1, f"{n} open watches (opened in {opened:.1f} s), and a list is still answered")
# A resourceVersion from before the server started is too old: each watch gets the 410 ERROR event and ends.
first = b""
while b'"type":"ERROR"' not in first:
    chunk = watches[0].recv(65536)
    if not chunk:
        break
    first += chunk
check(b'"type":"ERROR"' in first and b'"code":410' in first, "a watch from a resourceVersion older than the cache gets ERROR 410")
for s in watches:
    s.close()
watches = []
for i in range(n):
    s = connect()
    s.sendall(f"GET /api/v1/namespaces/default/pods?watch=1 HTTP/1.1\r\n"
              f"Host: {HOST}\r\nAuthorization: Bearer {TOKEN}\r\n\r\n".encode())
    watches.append(s)
code, doc = request("POST", "/api/v1/namespaces/default/pods",
                    b'{"apiVersion":"v1","kind":"Pod","metadata":{"name":"hostile"},'
                    b'"spec":{"containers":[{"name":"c","image":"nginx"}]}}')
check(code == 201, "a pod created while the watches are open")
seen = 0
for s in watches[:: max(1, n // 50)]:
    s.settimeout(10)
    data = b""
    while b'"name":"hostile"' not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    seen += b'"name":"hostile"' in data
check(seen == len(watches[:: max(1, n // 50)]), f"the new pod reached every sampled watch ({seen})")
# Clients that go away mid-stream: half abruptly (RST), half after a partial read.
for i, s in enumerate(watches):
    if i % 2:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()
code, doc = request("DELETE", "/api/v1/namespaces/default/pods/hostile?gracePeriodSeconds=0")
check(code in (200, 202), "a write after the watchers went away")
code, doc = request("GET", "/api/v1/namespaces/default/pods/hostile")
check(status_is((code, doc), 404, "NotFound"), "the server still answers (the pod is gone)")
sys.exit(1 if failures else 0)
