#!/usr/bin/env python3
"""A counting HTTP proxy for bench/scale.sh (benchmark tooling, not product code).

    bench/count-proxy.py PORT UPSTREAM_URL

Forwards every request to UPSTREAM_URL on 127.0.0.1:PORT and counts them: total, per path kind
(/api/search, /api/dashboards/uid/*, ...) and the most requests in flight at once.
GET /__stats answers the counts as JSON, POST /__reset zeroes them; neither is forwarded.
"""
import http.client
import json
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATS = {"total": 0, "max_in_flight": 0, "by_kind": {}, "statuses": {}}
IN_FLIGHT = [0]
UPSTREAM = urllib.parse.urlsplit(sys.argv[2])


def kind(path):
    p = path.split("?")[0]
    p = re.sub(r"/uid/[^/]+", "/uid/*", p)
    return p


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _answer(self, status, body, ctype="application/json"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _forward(self):
        if self.path == "/__stats":
            with LOCK:
                return self._answer(200, json.dumps(STATS))
        if self.path == "/__reset":
            with LOCK:
                STATS.update({"total": 0, "max_in_flight": 0, "by_kind": {}, "statuses": {}})
            return self._answer(200, "{}")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        with LOCK:
            IN_FLIGHT[0] += 1
            STATS["total"] += 1
            STATS["max_in_flight"] = max(STATS["max_in_flight"], IN_FLIGHT[0])
            k = self.command + " " + kind(self.path)
            STATS["by_kind"][k] = STATS["by_kind"].get(k, 0) + 1
        try:
            conn = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port, timeout=30)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
            conn.request(self.command, self.path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            with LOCK:
                STATS["statuses"][str(r.status)] = STATS["statuses"].get(str(r.status), 0) + 1
            self.send_response(r.status)
            for k, v in r.getheaders():
                if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            conn.close()
        finally:
            with LOCK:
                IN_FLIGHT[0] -= 1

    do_GET = _forward
    do_POST = _forward
    do_HEAD = _forward


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
