"""gunicorn for the IASSIST site behind deploy/nginx-site.conf: `gunicorn -c deploy/gunicorn.conf.py`."""

import multiprocessing
import os

wsgi_app = "iassist_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Cached pages cost well under a millisecond, so workers mostly wait on the network:
# two per core keeps both cores busy while one worker waits.
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2)))
# Load Django once, before forking: workers share its memory pages.
preload_app = True
# nginx keeps connections to gunicorn open; keep them longer than nginx does.
keepalive = 75
timeout = 30
# A worker is replaced after this many requests, a guard against slow leaks. At 5,000, workers
# serving cached pages (some 700 requests a second each under `make bench`) were replaced every
# few seconds, all four together: each new one starts with no page copies and copy-on-write
# faults, and while they start nobody answers (p99 of 50-250 ms in the rows they fell in).
max_requests = 50_000
max_requests_jitter = 5_000
# gunicorn's runtime control socket: not used here (systemd signals the server), so not opened.
control_socket_disable = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Where nginx connects from: the loopback, or nginx's address when this app server is on another host.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def worker_exit(server, worker):
    # The search log's hits this worker counted and has not yet written (search/hits.py). Not where the
    # site's apps are not loaded (the benchmark's bare Django view uses this file too).
    from django.apps import apps

    if not apps.ready or not apps.is_installed("search"):
        return
    from search import hits

    hits.flush()
