#!/usr/bin/env python3
"""Mychecks benchmark driver (standard library only), called by bench/run.sh.

Subcommands:
  setup URL KEY N OUT            create N checks through the API, write their UUIDs to OUT
  count URL KEY                  print the sum of n_pings over all checks (API)
  alerts URL KEY PING_BASE       measure /fail -> webhook delay and late-check alert delay
  burst URL KEY PING_BASE N      N checks (period 60 s, grace 60 s) pinged at once, then the delay
                                 of each one's down webhook after its deadline
  login URL EMAIL PASSWORD       log in through the web form; print "<session cookie> <checks page path>"
"""
import concurrent.futures
import http.server
import json
import statistics
import sys
import threading
import time
import urllib.request


def api(url, key, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"X-Api-Key": key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"{}")


def setup(base, key, n, out):
    codes = []
    for i in range(n):
        check = api(base + "/api/v3/checks/", key, "POST", {"name": "bench-%d" % i, "timeout": 86400, "grace": 3600})
        codes.append(check["uuid"])
    with open(out, "w") as f:
        f.write("\n".join(codes) + "\n")


def count(base, key):
    checks = api(base + "/api/v3/checks/", key)["checks"]
    print(sum(c["n_pings"] for c in checks))


class Sink(http.server.BaseHTTPRequestHandler):
    arrivals = {}
    lock = threading.Lock()

    def do_GET(self):
        with Sink.lock:
            Sink.arrivals.setdefault(self.path.split("?")[0], []).append(time.time())
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


def wait_for(path, n, timeout):
    end = time.time() + timeout
    while time.time() < end:
        with Sink.lock:
            got = list(Sink.arrivals.get(path, []))
        if len(got) >= n:
            return got[n - 1]
        time.sleep(0.002)
    return None


def alerts(base, key, ping_base):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sink = "http://127.0.0.1:%d" % server.server_port

    # 1. /fail -> webhook: one check, alternating fail and success, 20 down alerts
    channel = api(base + "/api/v3/channels/", key, "POST", {
        "kind": "webhook", "name": "bench sink",
        "url_down": sink + "/down/$CODE", "url_up": sink + "/up/$CODE"})
    check = api(base + "/api/v3/checks/", key, "POST",
                {"name": "bench-fail", "timeout": 86400, "grace": 3600, "channels": channel["id"]})
    code = check["uuid"]
    delays = []
    for i in range(20):
        urllib.request.urlopen(ping_base + code, timeout=10).read()           # up (recovery alert)
        wait_for("/up/" + code, i, 5) if i else None
        t0 = time.time()
        urllib.request.urlopen(ping_base + code + "/fail", timeout=10).read()
        t1 = wait_for("/down/" + code, i + 1, 10)
        delays.append(None if t1 is None else (t1 - t0) * 1000)
    ok = [d for d in delays if d is not None]
    print("fail_to_webhook_ms: n=%d missing=%d p50=%.1f max=%.1f" % (
        len(ok), len(delays) - len(ok), statistics.median(ok) if ok else -1, max(ok) if ok else -1))

    # 2. late alert: 5 checks with period 60 s + grace 60 s, pinged 2 s apart
    late = []
    starts = {}
    for i in range(5):
        c = api(base + "/api/v3/checks/", key, "POST",
                {"name": "bench-late-%d" % i, "timeout": 60, "grace": 60, "channels": channel["id"]})
        starts[c["uuid"]] = time.time()
        urllib.request.urlopen(ping_base + c["uuid"], timeout=10).read()
        starts[c["uuid"]] = (starts[c["uuid"]] + time.time()) / 2
        time.sleep(2)
    for c_code, t_ping in starts.items():
        t = wait_for("/down/" + c_code, 1, 150)
        late.append(None if t is None else (t - (t_ping + 120)) * 1000)
    ok = [d for d in late if d is not None]
    print("late_alert_after_deadline_ms: n=%d missing=%d p50=%.1f max=%.1f" % (
        len(ok), len(late) - len(ok), statistics.median(ok) if ok else -1, max(ok) if ok else -1))
    server.shutdown()


def burst(base, key, ping_base, n):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    server.request_queue_size = 1024
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sink = "http://127.0.0.1:%d" % server.server_port
    channel = api(base + "/api/v3/channels/", key, "POST", {
        "kind": "webhook", "name": "burst sink", "url_down": sink + "/down/$CODE"})

    def create(i):
        return api(base + "/api/v3/checks/", key, "POST", {
            "name": "burst-%d" % i, "timeout": 60, "grace": 60, "channels": channel["id"]})["uuid"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(create, range(n)))
    pinged = {}

    def ping(code):
        t0 = time.time()
        urllib.request.urlopen(ping_base + code, timeout=30).read()
        pinged[code] = (t0 + time.time()) / 2

    t_start = time.time()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        list(pool.map(ping, codes))
    print("burst: %d checks pinged in %.1f s" % (n, time.time() - t_start), file=sys.stderr)
    deadline = max(pinged.values()) + 120
    while time.time() < deadline + 120:
        with Sink.lock:
            if sum(1 for c in codes if Sink.arrivals.get("/down/" + c)) == n:
                break
        time.sleep(0.5)
    delays = []
    with Sink.lock:
        for c in codes:
            got = Sink.arrivals.get("/down/" + c)
            delays.append(None if not got else got[0] - (pinged[c] + 120))
    ok = sorted(d for d in delays if d is not None)
    print("burst_down_webhook_after_deadline_s: n=%d missing=%d p50=%.1f p99=%.1f max=%.1f" % (
        len(ok), len(delays) - len(ok), statistics.median(ok) if ok else -1,
        ok[int(len(ok) * 0.99) - 1] if ok else -1, ok[-1] if ok else -1))
    server.shutdown()


def login(base, email, password):
    import http.cookiejar
    import re
    import urllib.parse

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/accounts/login/").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {"csrf": csrf, "action": "password", "email": email, "password": password}
    ).encode()
    home = opener.open(base + "/accounts/login/", data=form).read().decode()
    path = re.search(r'href="(/projects/[0-9a-f-]{36}/checks/)"', home).group(1)
    session = next(c.value for c in jar if c.name == "mychecks_session")
    print(session, path)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "setup":
        setup(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif cmd == "count":
        count(sys.argv[2], sys.argv[3])
    elif cmd == "alerts":
        alerts(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "burst":
        burst(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif cmd == "login":
        login(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
