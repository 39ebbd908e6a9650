"""CPU time of one page cache hit, in process, against a Redis of its own.

    .venv/bin/python bench/hit_cost.py [--hits 3000] [--runs 5]

Starts redis-server on a free port (nothing saved), stores one 6 KiB page through the page
cache middleware, then times `--runs` loops of `--hits` hits with the process's CPU clock
(Redis's own time aside), with each worker's copies of pages on and off. Prints the best and
the median run in microseconds per hit. The same script runs on a tree from before
pagecache.caches existed (one Redis cache, the page cache's and everyone's).
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BODY = "<!doctype html><title>Programme</title>" + "x" * 6000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hits", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    return parser.parse_args()


def start_redis():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("redis-server did not answer.")


def redis_settings(url, worker_bytes):
    try:
        from pagecache.caches import PAGE_CACHE_ALIAS, redis_caches
    except ImportError:  # the tree before: one cache
        caches = {"default": {"BACKEND": "pagecache.redis.ReusedClientRedisCache", "LOCATION": url}}
        return {"CACHES": caches, "PAGE_CACHE_WORKER_BYTES": worker_bytes}
    caches = redis_caches(url, key_prefix=f"hit-cost-{worker_bytes}")
    return {"CACHES": caches, "PAGE_CACHE_ALIAS": PAGE_CACHE_ALIAS, "PAGE_CACHE_WORKER_BYTES": worker_bytes}


def cpu_per_hit(url, worker_bytes, args):
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.test.utils import override_settings

    with override_settings(PAGE_CACHE_ENABLED=True, **redis_settings(url, worker_bytes)):
        from pagecache.middleware import HEADER, AnonymousPageCacheMiddleware

        middleware = AnonymousPageCacheMiddleware(lambda request: HttpResponse(BODY, content_type="text/html"))
        path = f"/programme-{worker_bytes}/"
        requests = RequestFactory()
        middleware(requests.get(path))
        runs = []
        for _run in range(args.runs):
            started = time.process_time()
            for _hit in range(args.hits):
                response = middleware(requests.get(path))
            runs.append((time.process_time() - started) / args.hits * 1e6)
        assert response[HEADER] == "hit", "the page was not served from the cache"
    return min(runs), statistics.median(runs)


def main():
    args = parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "iassist_site.settings.test"
    import django

    django.setup()
    redis_server, url = start_redis()
    try:
        print(f"tree: {REPO}; {args.runs} runs of {args.hits} hits of a {len(BODY) // 1024} KiB page; CPU µs a hit")
        for label, worker_bytes in (("worker copies on", 32 * 1024 * 1024), ("worker copies off", 0)):
            best, median = cpu_per_hit(url, worker_bytes, args)
            print(f"{label:>18}: best {best:.1f}, median {median:.1f}")
    finally:
        redis_server.kill()
        redis_server.wait()


if __name__ == "__main__":
    main()
