#!/usr/bin/env python3
"""Helpers of bench/million.sh (standard library only).

Subcommands:
  setup URL KEY N            create N tagged checks through the API, print one UUID
  badges URL KEY             print the signed SVG URLs of "*" and three tags, one a line
  timed URL...               GET the URLs at once; print "status seconds bytes" per URL
  pinger URL STOPFILE        ping URL one after another until STOPFILE exists, then
                             print "pings=N p50_ms p99_ms max_ms"
"""
import json
import statistics
import sys
import threading
import time
import os
import urllib.request

TAGS = ["prod db", "web", "prod", "batch nightly", "web prod-eu", ""]


def api(url, key, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"X-Api-Key": key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"{}")


def setup(base, key, n):
    code = None
    for i in range(n):
        check = api(base + "/api/v3/checks/", key, "POST",
                    {"name": "m-%d" % i, "slug": "m-%d" % i, "tags": TAGS[i % len(TAGS)],
                     "timeout": 86400, "grace": 3600})
        code = code or check["uuid"]
    print(code)


def badges(base, key):
    urls = api(base + "/api/v3/badges/", key)["badges"]
    for tag in ["*", "prod", "web", "db"]:
        print(urls[tag]["svg3"])


def get(url, out, i):
    start = time.time()
    try:
        with urllib.request.urlopen(url, timeout=600) as r:
            size = 0
            while True:
                chunk = r.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
            out[i] = "%d %.3f %d" % (r.status, time.time() - start, size)
    except urllib.error.HTTPError as e:
        out[i] = "%d %.3f 0" % (e.code, time.time() - start)


def timed(urls):
    out = [None] * len(urls)
    threads = [threading.Thread(target=get, args=(u, out, i)) for i, u in enumerate(urls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("\n".join(out))


def pinger(url, stopfile):
    lat = []
    while not os.path.exists(stopfile):
        start = time.time()
        with urllib.request.urlopen(url, timeout=60) as r:
            r.read()
        lat.append((time.time() - start) * 1000)
        time.sleep(0.01)
    lat.sort()
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
    print("pings=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f" % (len(lat), p(0.5), p(0.99), lat[-1]))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "setup":
        setup(args[0], args[1], int(args[2]))
    elif cmd == "badges":
        badges(args[0], args[1])
    elif cmd == "timed":
        timed(args)
    elif cmd == "pinger":
        pinger(args[0], args[1])
    else:
        sys.exit(__doc__)
