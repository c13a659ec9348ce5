#!/usr/bin/env python3
"""A stand-in API server that serves kubesim's objects to a real kubectl.

    tools/standin.py PORT STATE

reads the practice cluster in STATE (a KUBESIM_STATE file) through
`kubesim kubectl get ... -o json` and answers a real kubectl's GETs for
them: discovery (/api, /apis, the group versions), single objects and
lists with label and field selectors (equality and inequality, the ones
describe and rollout history send). It is read-only and knows nothing of
Table printing, so it is the oracle for what kubectl prints from objects
itself: describe, rollout history, -o yaml/json/jsonpath; `get` falls back
to NAME/AGE.

Timestamps are moved so that the cluster's simulated now is the wall
clock's now (whole seconds), so the ages kubectl computes match the
ones kubesim prints; absolute times then differ by that shift.
tools/oracle.sh drives it. Nothing here is part of kubesim or its tests.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

RESOURCES = {  # (group, resource) -> (kind, namespaced, short names)
    ('', 'pods'): ('Pod', True, ['po']),
    ('', 'nodes'): ('Node', False, ['no']),
    ('', 'events'): ('Event', True, ['ev']),
    ('', 'namespaces'): ('Namespace', False, ['ns']),
    ('', 'resourcequotas'): ('ResourceQuota', True, ['quota']),
    ('', 'limitranges'): ('LimitRange', True, ['limits']),
    ('apps', 'daemonsets'): ('DaemonSet', True, ['ds']),
    ('apps', 'controllerrevisions'): ('ControllerRevision', True, []),
    ('coordination.k8s.io', 'leases'): ('Lease', True, []),
}
SERVED = ['pods', 'nodes', 'events', 'namespaces', 'daemonsets', 'controllerrevisions', 'leases']
EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)  # KS_EPOCH
STAMP = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')


def load(kubesim, state):
    env = dict(os.environ, KUBESIM_STATE=state)
    objs = []
    for r in SERVED:
        out = subprocess.run([kubesim, 'kubectl', 'get', r, '-A', '-o', 'json'], env=env,
                             capture_output=True, text=True, check=False).stdout
        if out.strip():
            objs += json.loads(out).get('items', [])
    with open(state, encoding='utf-8') as f:
        now_s = json.load(f)['now'] // 1000
    return objs, now_s


def shift(o, seconds):
    if isinstance(o, dict):
        return {k: shift(v, seconds) for k, v in o.items()}
    if isinstance(o, list):
        return [shift(v, seconds) for v in o]
    if isinstance(o, str) and STAMP.match(o):
        t = datetime.datetime.strptime(o, '%Y-%m-%dT%H:%M:%SZ')
        return (t + datetime.timedelta(seconds=seconds)).strftime('%Y-%m-%dT%H:%M:%SZ')
    return o


def field(o, path):
    for p in path.split('.'):
        o = o.get(p, '') if isinstance(o, dict) else ''
    return '' if o is None else str(o)


def matches(o, query):
    for sel in query.get('labelSelector', []):
        for term in filter(None, sel.split(',')):
            k, v = term.split('=', 1)
            if o['metadata'].get('labels', {}).get(k) != v:
                return False
    for sel in query.get('fieldSelector', []):
        for term in filter(None, sel.split(',')):
            neg = '!=' in term
            k, v = term.split('!=' if neg else '=', 1)
            if (field(o, k) == v) == neg:
                return False
    return True


class Handler(BaseHTTPRequestHandler):
    objs, now_s = [], 0

    def log_message(self, *args):
        pass

    def reply(self, code, body):
        moved = int(time.time()) - int(EPOCH.timestamp()) - self.now_s
        data = json.dumps(shift(body, moved)).encode()
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def not_found(self, what):
        self.reply(404, {'kind': 'Status', 'apiVersion': 'v1', 'metadata': {}, 'status': 'Failure',
                         'message': what + ' not found', 'reason': 'NotFound', 'code': 404})

    def resource_list(self, group):
        rs = [{'name': r, 'singularName': kind.lower(), 'namespaced': nsd, 'kind': kind,
               'shortNames': short, 'verbs': ['get', 'list']}
              for (g, r), (kind, nsd, short) in RESOURCES.items() if g == group]
        gv = group + '/v1' if group else 'v1'
        return {'kind': 'APIResourceList', 'apiVersion': 'v1', 'groupVersion': gv, 'resources': rs}

    def do_GET(self):
        url = urlparse(self.path)
        path = url.path.rstrip('/')
        if path == '/api':
            return self.reply(200, {'kind': 'APIVersions', 'versions': ['v1']})
        if path == '/apis':
            groups = sorted({g for g, _ in RESOURCES if g})
            return self.reply(200, {'kind': 'APIGroupList', 'apiVersion': 'v1', 'groups': [
                {'name': g, 'versions': [{'groupVersion': g + '/v1', 'version': 'v1'}],
                 'preferredVersion': {'groupVersion': g + '/v1', 'version': 'v1'}} for g in groups]})
        if path == '/api/v1':
            return self.reply(200, self.resource_list(''))
        m = re.match(r'^/apis/([^/]+)/v1$', path)
        if m:
            return self.reply(200, self.resource_list(m.group(1)))
        m = re.match(r'^/(?:api|apis/([^/]+))/v1(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?$', path)
        if not m or (m.group(1) or '', m.group(3)) not in RESOURCES:
            return self.not_found(path)
        group, ns, resource, name = m.group(1) or '', m.group(2), m.group(3), m.group(4)
        kind = RESOURCES[(group, resource)][0]
        items = [o for o in self.objs if o['kind'] == kind and
                 (ns is None or o['metadata'].get('namespace') == ns)]
        if name:
            for o in items:
                if o['metadata']['name'] == name:
                    return self.reply(200, o)
            qualified = resource + ('.' + group if group else '')
            return self.not_found('%s "%s"' % (qualified, name))
        items = [o for o in items if matches(o, parse_qs(url.query))]
        return self.reply(200, {'kind': kind + 'List', 'apiVersion': group + '/v1' if group else 'v1',
                                'metadata': {'resourceVersion': '1'}, 'items': items})


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: tools/standin.py PORT STATE')
    kubesim = os.environ.get('KUBESIM', os.path.join(os.path.dirname(__file__), '..', 'kubesim'))
    Handler.objs, Handler.now_s = load(kubesim, sys.argv[2])
    HTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()


if __name__ == '__main__':
    main()
