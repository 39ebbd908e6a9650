"""Hold 64 concurrent connections for 60 s against gunicorn with the production settings.

    .venv/bin/python bench/load.py [--connections 64] [--duration 60] [--database-url URL]
                                   [--redis-url URL | --stop-redis-at 30 [--redis-down-for 20] [--freeze-redis]]

Builds a throwaway site (the imported ../shared/iassist-hugo tree, or the demo content
when that is absent), collects static files, starts gunicorn on 127.0.0.1 (a free port
in 18100-18199) with iassist_site.settings.production, then keeps every connection busy
with a mix of page views (the sitemap's pages and the people pages) and searches. Prints
throughput, latency percentiles and every error; stops gunicorn and removes what it made.

With --stop-redis-at, the site's cache is a Redis of its own (a free port, nothing saved),
killed that many seconds into the load (or frozen with SIGSTOP, --freeze-redis) and brought
back --redis-down-for seconds later; the report splits the requests into before, during and
after.
"""

import argparse
import http.client
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parent.parent
TREE = REPO.parent / "shared" / "iassist-hugo"
PYTHON = sys.executable
SEARCHES = ["census", "data", "metadata", "2019", '"research data"', "gothenburg", "kevin", "zenodo", "ddi", "open"]
SEARCH_SHARE = 0.3


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=float, default=60.0, help="Seconds of load (default 60).")
    # Rendering is CPU-bound Python: one process a core (plus one) beats many threads on few cores.
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=2, help="gunicorn threads per worker (default 2).")
    parser.add_argument("--timeout", type=float, default=60.0, help="Client timeout in seconds, as a proxy's.")
    parser.add_argument("--database-url", default=None, help="Default: a new SQLite file in a temporary folder.")
    parser.add_argument("--redis-url", default=None, help="Cache in Redis, as production does when REDIS_URL is set.")
    parser.add_argument(
        "--stop-redis-at", type=float, default=None, help="Seconds into the load to stop a Redis of its own."
    )
    parser.add_argument("--redis-down-for", type=float, default=20.0, help="Seconds before it is back (default 20).")
    parser.add_argument("--freeze-redis", action="store_true", help="SIGSTOP it, still listening, not kill it.")
    parser.add_argument("--tree", default=str(TREE), help="Hugo tree to import (demo content if absent).")
    args = parser.parse_args()
    if args.stop_redis_at is not None and args.redis_url:
        parser.error("--stop-redis-at runs a Redis of its own: leave out --redis-url")
    if args.stop_redis_at is not None and not 0 <= args.stop_redis_at < args.duration:
        parser.error(f"--stop-redis-at must fall within the load's {args.duration:g} s")
    return args


def free_port(ports=range(18100, 18200)):
    for port in ports:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit(f"No free port in {ports[0]}-{ports[-1]}.")


def production_env(workdir, args):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="iassist_site.settings.production",
        SECRET_KEY=secrets.token_hex(32),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=args.database_url or f"sqlite:///{workdir / 'load.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        CACHE_DIR=str(workdir / "cache"),
        LOG_LEVEL="ERROR",
    )
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


class OwnRedis:
    """redis-server on 127.0.0.1:port, keeping nothing on disk; killed or frozen, then back, on cue."""

    def __init__(self, workdir):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = workdir
        self.process = None
        self.frozen = False
        # The load may end while Redis is down: once stopped, it is never brought back.
        self.lock = threading.Lock()
        self.stopped = False

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.workdir)]
        command += ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"redis-server did not answer on port {self.port}.")

    def fail(self, freeze):
        if freeze:
            os.kill(self.process.pid, signal.SIGSTOP)
            self.frozen = True
        else:
            self.process.kill()
            self.process.wait()

    def recover(self):
        with self.lock:
            if self.stopped:
                return
            if self.frozen:
                os.kill(self.process.pid, signal.SIGCONT)
                self.frozen = False
            else:
                self.start()

    def stop(self):
        with self.lock:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                if self.frozen:
                    os.kill(self.process.pid, signal.SIGCONT)
                self.process.kill()
                self.process.wait()


def redis_fault(redis_server, started, args, events):
    """Stop (or freeze) Redis `--stop-redis-at` s into the load, and bring it back `--redis-down-for` s later."""
    time.sleep(max(0.0, started + args.stop_redis_at - time.monotonic()))
    redis_server.fail(args.freeze_redis)
    events["down"] = time.monotonic() - started
    time.sleep(args.redis_down_for)
    redis_server.recover()
    events["back"] = time.monotonic() - started


def manage(env, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)


def build_site(env, tree):
    manage(env, "migrate", "--noinput")
    if (Path(tree) / "content" / "conferences").is_dir():
        manage(env, "import_hugo", tree)
        content = f"imported {tree}"
    else:
        manage(env, "load_demo_content", "--no-admin")
        content = "demo content"
    manage(env, "collectstatic", "--noinput")
    return content


def start_gunicorn(env, port, args):
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "iassist_site.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={args.workers}",
        f"--threads={args.threads}",
        "--worker-class=gthread",
        "--backlog=2048",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if request(port, "/robots.txt")[0] == 200:
                return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise SystemExit("gunicorn did not answer within 60 s.")


def stop(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def request(port, path, connection=None):
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": "localhost"})
    response = connection.getresponse()
    body = response.read()
    return response.status, body, response.getheader("Connection", "")


def page_paths(port):
    status, body, _ = request(port, "/sitemap.xml")
    addresses = re.findall(rb"<loc>([^<]+)</loc>", body or b"")
    if b"<sitemapindex" in (body or b""):  # a large site's sitemap is an index of sitemap files
        files = [urlsplit(address.decode().replace("&amp;", "&")) for address in addresses]
        bodies = [request(port, f"{file.path}?{file.query}" if file.query else file.path)[1] for file in files]
        addresses = [address for part in bodies for address in re.findall(rb"<loc>([^<]+)</loc>", part or b"")]
    paths = [urlsplit(address.decode()).path for address in addresses]
    if status != 200 or not paths:
        raise SystemExit(f"The sitemap gave {status} and {len(paths)} pages.")
    return paths + ["/conferences/people/", "/"]


def search_path(rng):
    params = {"q": rng.choice(SEARCHES)}
    if rng.random() < 0.3:
        params["page"] = rng.choice(["2", "3"])
    if rng.random() < 0.2:
        params["format"] = "json"
    return f"/search/?{urlencode(params)}"


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {"page": [], "search": []}
        self.errors = []
        # (when it was asked, seconds since the start; how long it took; whether it failed)
        self.timeline = []

    def record(self, kind, seconds, error=None, asked_at=0.0):
        with self.lock:
            self.timeline.append((asked_at, seconds, error))
            if error:
                self.errors.append(error)
            else:
                self.latencies[kind].append(seconds)


def warm_up(port, paths, connections=8):
    """Render every page once first: the first view of a page makes its image renditions."""
    queue = list(paths)
    lock = threading.Lock()

    def work():
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            try:
                request(port, path)
            except (OSError, http.client.HTTPException):
                pass

    threads = [threading.Thread(target=work) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def client(port, paths, started, stop_at, tally, seed, timeout):
    rng = random.Random(seed)
    connection = None
    while time.monotonic() < stop_at:
        kind = "search" if rng.random() < SEARCH_SHARE else "page"
        path = search_path(rng) if kind == "search" else rng.choice(paths)
        asked_at, began = time.monotonic() - started, time.perf_counter()
        try:
            connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            status, _, keep = request(port, path, connection)
            if keep.lower() == "close":
                connection.close()
                connection = None
            error = None if status == 200 else f"{status} {path}"
        except (OSError, http.client.HTTPException) as failure:
            error = f"{type(failure).__name__}: {failure} {path}"
            connection.close() if connection else None
            connection = None
        tally.record(kind, time.perf_counter() - began, error, asked_at)


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def report(tally, elapsed, args, content, database):
    total = sum(len(values) for values in tally.latencies.values())
    print(
        f"machine: {os.cpu_count()} cores; gunicorn {args.workers} workers x {args.threads} threads; "
        f"database: {database}; content: {content}"
    )
    print(f"load average (1, 5, 15 min) at the end: {', '.join(f'{value:.1f}' for value in os.getloadavg())}")
    print(f"connections: {args.connections}; duration: {elapsed:.1f} s; client timeout: {args.timeout:.0f} s")
    print(f"requests: {total} ok, {len(tally.errors)} errors; throughput: {total / elapsed:.1f} req/s")
    for kind, values in tally.latencies.items():
        if values:
            print(
                f"{kind:>6}: {len(values)} requests, latency ms p50 {percentile(values, 0.5):.0f}, "
                f"p90 {percentile(values, 0.9):.0f}, p99 {percentile(values, 0.99):.0f}, "
                f"max {max(values) * 1000:.0f}, mean {statistics.fmean(values) * 1000:.0f}"
            )
    for error in tally.errors[:20]:
        print(f"error: {error}")


def report_phases(tally, events, args):
    """Requests asked before Redis failed, while it was down, and after it was back."""
    how = "frozen (SIGSTOP)" if args.freeze_redis else "stopped (killed)"
    back = f"back at {events['back']:.1f} s" if "back" in events else "not back before the load ended"
    print(f"Redis {how} at {events['down']:.1f} s, {back}:")
    bounds = {
        "before": (0.0, events["down"]),
        "during": (events["down"], events.get("back", float("inf"))),
        "after": (events.get("back", float("inf")), float("inf")),
    }
    for phase, (start, end) in bounds.items():
        asked = [(seconds, error) for asked_at, seconds, error in tally.timeline if start <= asked_at < end]
        if not asked:
            continue
        seconds = [took for took, _error in asked]
        errors = [error for _took, error in asked if error]
        server_errors = [error for error in errors if error[:1] == "5"]
        span = min(end, max(asked_at for asked_at, _s, _e in tally.timeline)) - start
        print(
            f"{phase:>6}: {len(asked)} requests ({len(asked) / span:.1f} req/s), {len(errors)} errors "
            f"({len(server_errors)} of them 5xx), latency ms p50 {percentile(seconds, 0.5):.0f}, "
            f"p99 {percentile(seconds, 0.99):.0f}, max {max(seconds) * 1000:.0f}"
        )


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="iassist-load-"))
    server = redis_server = None
    try:
        if args.stop_redis_at is not None:
            redis_server = OwnRedis(workdir).start()
            args.redis_url = redis_server.url
        env = production_env(workdir, args)
        content = build_site(env, args.tree)
        port = free_port()
        server = start_gunicorn(env, port, args)
        paths = page_paths(port)
        warm_up(port, paths)
        tally = Tally()
        started = time.monotonic()
        stop_at = started + args.duration
        threads = [
            threading.Thread(
                target=client, args=(port, paths, started, stop_at, tally, number, args.timeout), daemon=True
            )
            for number in range(args.connections)
        ]
        events = {}
        if redis_server is not None:
            # Not waited for: the load may end before Redis is back (the report says so).
            threading.Thread(target=redis_fault, args=(redis_server, started, args, events), daemon=True).start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report(tally, time.monotonic() - started, args, content, env["DATABASE_URL"].split(":", 1)[0])
        if events:
            report_phases(tally, events, args)
        return 1 if tally.errors else 0
    finally:
        if server is not None:
            stop(server)
        if redis_server is not None:
            redis_server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
