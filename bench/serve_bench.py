"""Serving benchmark: the production set-up against static files and a bare Django view.

    make bench            # or: .venv/bin/python bench/serve_bench.py [--duration 5] [--connections 16]

Imports ../shared/iassist-hugo (the demo content when it is absent) into a scratch
SQLite database, starts gunicorn (page cache on, page cache off, and a bare Django
view), nginx in front (deploy/nginx-site.conf) and nginx serving the same pages saved
as files, all on 127.0.0.1:18000-18099 (--port-base moves them), and loads each with wrk. Needs nginx, wrk and
libnginx-mod-http-cache-purge from Debian (installed with apt-get when missing) and
uses Redis at 127.0.0.1:6379 (database 13) when it answers (--cache chooses). Stops
everything it started before it exits.
"""

import argparse
import gzip
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import after_publish

REPO = Path(__file__).resolve().parent.parent
TREE = REPO.parent / "shared" / "iassist-hugo"
VENV_BIN = Path(sys.executable).parent
PORTS = {
    "cached": 18000,
    "uncached": 18001,
    "bare": 18002,
    "search": 18003,
    "search_uncached": 18004,
    "front": 18080,
    "files": 18081,
}
SECTIONS = ("pages", "edits", "search", "publish")
APT_PACKAGES = ["nginx", "wrk", "libnginx-mod-http-cache-purge"]
REDIS_URL = "redis://127.0.0.1:6379/13"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", default=str(TREE), help="Hugo site source to import.")
    parser.add_argument("--duration", type=int, default=5, help="Seconds of load per measurement (default 5).")
    parser.add_argument("--connections", type=int, default=16, help="Open connections during load (default 16).")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: 2 per core).")
    parser.add_argument(
        "--cache",
        choices=["redis", "files"],
        default=None,
        help="Where the page cache lives (default: Redis when it answers on 127.0.0.1:6379, else files).",
    )
    parser.add_argument(
        "--accept-encoding",
        choices=["gzip", "identity"],
        default="gzip",
        help="What every request accepts: gzip, as browsers send (default), or identity (uncompressed pages).",
    )
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"What to measure, comma-separated (default all: {','.join(SECTIONS)}).",
    )
    parser.add_argument("--search-workers", type=int, default=2, help="gunicorn workers for search (default 2).")
    parser.add_argument(
        "--port-base",
        type=int,
        default=18000,
        help="First of the hundred local ports the servers use (default 18000: 18000-18099).",
    )
    parser.add_argument(
        "--publish-minute", type=int, default=60, help="Seconds of the after-publish load (default 60)."
    )
    parser.add_argument("--publish-at", type=float, default=5.0, help="Seconds into it to publish (default 5).")
    parser.add_argument(
        "--publish-rate", type=int, default=200, help="Requests a second offered during it (default 200)."
    )
    parser.add_argument(
        "--publish-edit",
        choices=after_publish.EDITS,
        default="title",
        help="What the after-publish minute publishes: the biggest conference's title, which its programme's "
        "rows show (default), or its description, which leaves the programme alone as a notice's text does.",
    )
    parser.add_argument("--warm-pages", type=int, default=100, help="Pages warming renders (default 100).")
    parser.add_argument(
        "--publish-repeats",
        type=int,
        default=1,
        help="Rounds of warming off, by a thread and by a process, each way round (default 1).",
    )
    args = parser.parse_args()
    args.sections = {name.strip() for name in args.sections.split(",") if name.strip()}
    # Every server's port moves with the base, so that two runs on one machine do not meet.
    for name in PORTS:
        PORTS[name] += args.port_base - 18000
    if args.sections - set(SECTIONS):
        parser.error(f"unknown sections: {', '.join(sorted(args.sections - set(SECTIONS)))}")
    if not 0 <= args.publish_at < args.publish_minute:
        parser.error("--publish-at must fall within --publish-minute")
    if min(args.publish_rate, args.warm_pages, args.publish_repeats) <= 0:
        parser.error("--publish-rate, --warm-pages and --publish-repeats must be more than 0")
    return args


def ensure_tools():
    missing = [name for name in ("nginx", "wrk") if not shutil.which(name)]
    if missing or not PURGE_MODULE.exists():
        print(f"installing with apt-get: {' '.join(APT_PACKAGES)}", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", *APT_PACKAGES], check=True, stdout=subprocess.DEVNULL)


def redis_answers():
    import socket

    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def environment(workdir, use_redis):
    env = {
        "DJANGO_SETTINGS_MODULE": "iassist_site.settings.production",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "CACHE_DIR": str(workdir / "django-cache"),
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{PORTS['front']}/__purge",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{PORTS['front']}",
        "LOG_LEVEL": "ERROR",
    }
    if use_redis:
        env["REDIS_URL"] = REDIS_URL
    return env


def prepare_site(tree):
    """Migrate, import (or load the demo), collect static files; returns the pages to measure."""
    import django

    sys.path.insert(0, str(REPO))
    django.setup()
    from django.core.management import call_command
    from django.test import override_settings
    from wagtail.models import Site

    call_command("migrate", verbosity=0)
    # nginx is not up yet: nothing to purge while the content is created, nor any page to warm.
    with override_settings(WAGTAILFRONTENDCACHE={}, PAGE_CACHE_WARM_PAGES=0):
        if (Path(tree) / "content" / "conferences").is_dir():
            call_command("import_hugo", str(tree), verbosity=0)
            source = f"imported {tree}"
        else:
            call_command("load_demo_content", verbosity=0)
            source = "demo content (no Hugo tree found)"
    # Wagtail purges the front cache with the site's own address, so it must be nginx's.
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", PORTS["front"]
    site.save()
    call_command("collectstatic", interactive=False, verbosity=0)
    return source, pages_to_measure()


def pages_to_measure():
    from django.db.models import Count

    from conferences.models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, Presentation

    biggest = ConferencePage.objects.live().annotate(size=Count("presentations")).order_by("-size").first()
    talk = Presentation.objects.filter(conference=biggest).annotate(n=Count("presenters")).order_by("-n").first()
    pages = {
        "conferences index": ConferenceIndexPage.objects.live().first().url,
        "conference archive": ConferenceArchivePage.objects.live().first().url,
        f"biggest programme ({biggest.presentations.count()} talks)": biggest.url,
    }
    if talk:
        pages["presentation page"] = talk.get_url()
    pages["search ?q=data"] = "/search/?q=data"
    return biggest, pages


def pages_listing(conference, pages):
    """The measured pages that show the conference's title: the index lists upcoming events only."""
    from conferences.models import ConferenceArchivePage, ConferenceIndexPage

    index = ConferenceIndexPage.objects.live().first()
    archive = ConferenceArchivePage.objects.live().first()
    shown = {label: path for label, path in pages.items() if path.startswith(conference.url)}
    if archive and archive.conferences().filter(pk=conference.pk).exists():
        shown["conference archive"] = pages["conference archive"]
    if index.show_upcoming and index.upcoming_conferences().filter(pk=conference.pk).exists():
        shown["conferences index"] = pages["conferences index"]
    return shown


def count_queries(path):
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


class Processes:
    """Everything the benchmark starts, stopped in reverse order however it ends."""

    def __init__(self):
        self.started = []

    def start(self, name, command, **kwargs):
        process = subprocess.Popen(command, start_new_session=True, **kwargs)
        self.started.append((name, process))
        return process

    def stop_all(self):
        for _name, process in reversed(self.started):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _name, process in reversed(self.started):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def start_gunicorn(processes, name, env, workers, log, extra=()):
    command = [str(VENV_BIN / "gunicorn"), "-c", str(REPO / "deploy" / "gunicorn.conf.py"), *extra]
    child_env = {**os.environ, **env, "GUNICORN_BIND": f"127.0.0.1:{PORTS[name]}", "GUNICORN_WORKERS": str(workers)}
    return processes.start(name, command, cwd=REPO, env=child_env, stdout=log, stderr=log)


def write_nginx_conf(workdir, upstream_port, listen_port, extra_servers=""):
    """nginx.conf in `workdir`: deploy/nginx-site.conf on `listen_port` in front of gunicorn, serving
    `workdir`/static and `workdir`/media, with `extra_servers` beside it."""
    site = (REPO / "deploy" / "nginx-site.conf").read_text()
    for name, value in {
        "@CACHE_DIR@": str(workdir / "nginx-cache"),
        "@UPSTREAM@": f"127.0.0.1:{upstream_port}",
        "@LISTEN@": f"127.0.0.1:{listen_port}",
        "@SERVER_NAME@": "127.0.0.1 localhost",
        "@STATIC_ROOT@": str(workdir / "static"),
        "@MEDIA_ROOT@": str(workdir / "media"),
    }.items():
        site = site.replace(name, value)
    (workdir / "site.conf").write_text(site)
    conf = f"""
load_module {PURGE_MODULE};
worker_processes auto;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {workdir}/nginx-tmp/body;
    proxy_temp_path {workdir}/nginx-tmp/proxy;
    fastcgi_temp_path {workdir}/nginx-tmp/fastcgi;
    uwsgi_temp_path {workdir}/nginx-tmp/uwsgi;
    scgi_temp_path {workdir}/nginx-tmp/scgi;
    include {workdir}/site.conf;
{extra_servers}
}}
"""
    (workdir / "nginx-tmp").mkdir()
    (workdir / "nginx.conf").write_text(conf)
    return workdir / "nginx.conf"


def files_server(static_copy):
    """The same pages saved as files: what the Hugo site serves today."""
    return f"""
    server {{
        listen 127.0.0.1:{PORTS["files"]};
        root {static_copy};
        index index.html;
        # index.html.gz lies beside each page: sent as it is to clients that accept gzip.
        gzip_static on;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}"""


def wait_for(port, path="/", timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port}{path} within {timeout} s")


def fetch(port, path, encoding="identity"):
    """The body as sent (compressed if it was), and the headers."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), dict(response.headers)


def fetch_text(port, path, encoding):
    """The page as a browser reads it: decompressed."""
    body, headers = fetch(port, path, encoding)
    return gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body


def wait_until_idle(master, quiet=0.3, deadline=30):
    """Wait until a gunicorn's workers have used no CPU for `quiet` seconds.

    wrk stops sending, but the uncached server still has the renders it had queued to
    finish; they would take CPU from the next measurement.
    """
    tick = os.sysconf("SC_CLK_TCK")
    last, stop = None, time.monotonic() + deadline
    while time.monotonic() < stop:
        used = _workers_cpu_ticks(master) / tick
        if last is not None and used - last < 0.01:
            return
        last = used
        time.sleep(quiet)


def _workers_cpu_ticks(master):
    """CPU of a server's workers so far, counting those gunicorn has replaced (max_requests)."""
    total = sum(_stat_fields(master.pid)[13:15])  # cutime, cstime: workers that have exited
    for pid in Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split():
        try:
            total += sum(_stat_fields(pid)[11:13])  # utime, stime
        except FileNotFoundError:  # exited since the list was read: counted with the next reading
            continue
    return total


def _stat_fields(pid):
    """Fields of /proc/<pid>/stat after the process name, as integers where they are."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return [int(field) if field.lstrip("-").isdigit() else 0 for field in fields]


def save_as_files(pages, static_copy):
    """Each page as the cached application serves it, saved where nginx finds it by its address.

    Beside each index.html lies index.html.gz, the same compressed bytes the application sends,
    which nginx's gzip_static serves to clients that accept gzip: the best a static site can do.
    """
    for path in pages.values():
        target = static_copy / path.split("?")[0].strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(fetch(PORTS["cached"], path)[0])
        body, headers = fetch(PORTS["cached"], path, "gzip")
        if headers.get("Content-Encoding") == "gzip":
            target.with_name("index.html.gz").write_bytes(body)


def wrk_command(port, path, duration, connections, encoding):
    url = f"http://127.0.0.1:{port}{path}"
    threads = min(2, connections)
    return [
        *("wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"),
        *("-H", f"Accept-Encoding: {encoding}", url),
    ]


def wrk(port, path, duration, connections, encoding):
    command = wrk_command(port, path, duration, connections, encoding)
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=duration + 30).stdout
    return parse_wrk(output)


def measured_load(master, port, path, args):
    """wrk's figures, plus the CPU that the server's workers spent on each request."""
    tick = os.sysconf("SC_CLK_TCK")
    before = _workers_cpu_ticks(master)
    result = wrk(port, path, args.duration, args.connections, args.accept_encoding)
    used = (_workers_cpu_ticks(master) - before) / tick
    result["cpu_ms"] = used * 1000 / result["requests"] if result.get("requests") else float("nan")
    return result


def parse_wrk(output):
    result = {"errors": 0}
    lines = iter(output.splitlines())
    for line in lines:
        words = line.split()
        if words[:1] == ["Latency"] and len(words) >= 4:
            result["max"] = _milliseconds(words[3])
        elif words[1:3] == ["requests", "in"]:
            result["requests"] = int(words[0])
        elif line.startswith("Requests/sec:"):
            result["rps"] = float(words[1])
        elif words[:1] in (["50%"], ["99%"]):
            result[f"p{words[0][:-1]}"] = _milliseconds(words[1])
        elif line.strip().startswith("Non-2xx"):
            result["errors"] += int(words[-1])
        elif line.strip().startswith("Socket errors"):
            result["errors"] += sum(int(part.split()[-1]) for part in line.split(":", 1)[1].split(","))
    return result


def _milliseconds(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    raise ValueError(text)


def sequential_ms(port, path, encoding, repeat=20):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        fetch(port, path, encoding)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def worker_memory_mib(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def first_showing(path, text, started, deadline=10):
    """Milliseconds from `started` until nginx serves `path` with `text` in it (None if never)."""
    while time.perf_counter() < started + deadline:
        if text.encode() in fetch_text(PORTS["front"], path, "gzip"):
            return (time.perf_counter() - started) * 1000
        time.sleep(0.005)
    return None


def watch(paths, text, started):
    """Poll every address at once, as separate visitors would."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        futures = {label: pool.submit(first_showing, path, text, started) for label, path in paths.items()}
        return {label: future.result() for label, future in futures.items()}


def edit_visible_after(conference, watched):
    """Publish a new title; how long until each watched address shows it through nginx."""
    conference.title = f"{conference.title} (edited {secrets.token_hex(3)})"
    started = time.perf_counter()
    conference.save_revision().publish()
    return watch(watched, conference.title, started)


def presentation_edit_visible_after(conference, watched):
    from conferences.models import Presentation

    talk = Presentation.objects.filter(conference=conference).order_by("pk").first()
    talk.title = f"{talk.title} (edited {secrets.token_hex(3)})"
    started = time.perf_counter()
    talk.save_revision().publish()
    return watch(watched, talk.title, started)


def load_through_an_edit(conference, duration, connections, encoding):
    """wrk on the programme through nginx while a title is published halfway: the refill's cost."""
    command = wrk_command(PORTS["front"], conference.url, duration, connections, encoding)
    running = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    time.sleep(duration / 2)
    conference.title = f"{conference.title} (edited {secrets.token_hex(3)})"
    conference.save_revision().publish()
    output, _ = running.communicate(timeout=duration + 30)
    return parse_wrk(output)


def _shown(ms):
    return f"{ms:.0f} ms" if ms is not None else "not within 10 s"


def ratio(numerator, denominator):
    return f"{numerator / denominator:.2f}x" if denominator else "n/a"


def main():
    args = parse_args()
    ensure_tools()
    workers = args.workers or (os.cpu_count() or 1) * 2
    workdir = Path(tempfile.mkdtemp(prefix="iassist-serve-bench-"))
    # nginx's workers run as www-data and read the saved pages and static files from here.
    workdir.chmod(0o755)
    use_redis = redis_answers() if args.cache is None else args.cache == "redis"
    env = environment(workdir, use_redis)
    os.environ.update(env)
    source, (biggest, pages) = prepare_site(args.tree)
    from pagecache import generation, tally

    generation.bump()
    # Visits counted by an earlier run are of another database's pages.
    tally.tally().clear()
    queries = {label: count_queries(path) for label, path in pages.items()}
    processes = Processes()
    log = (workdir / "servers.log").open("w")
    try:
        servers = {
            "cached": start_gunicorn(processes, "cached", env, workers, log),
            "uncached": start_gunicorn(processes, "uncached", {**env, "PAGE_CACHE_ENABLED": "false"}, workers, log),
            "bare": start_gunicorn(
                processes, "bare", {}, workers, log, extra=["--chdir", str(REPO / "bench"), "bare_django:application"]
            ),
        }
        if "search" in args.sections:
            servers["search"] = start_gunicorn(processes, "search", env, args.search_workers, log)
            uncached_search = {**env, "SEARCH_CACHE_TIMEOUT": "0"}
            servers["search_uncached"] = start_gunicorn(
                processes, "search_uncached", uncached_search, args.search_workers, log
            )
        for name in servers:
            wait_for(PORTS[name])
        static_copy = workdir / "files"
        save_as_files(pages, static_copy)
        conf = write_nginx_conf(workdir, PORTS["cached"], PORTS["front"], files_server(static_copy))
        nginx = processes.start("nginx", ["nginx", "-c", str(conf), "-p", str(workdir)], stdout=log, stderr=log)
        servers["front"] = servers["files"] = nginx
        wait_for(PORTS["front"], pages["conferences index"])
        wait_for(PORTS["files"], pages["conferences index"])
        if "pages" in args.sections:
            report(args, source, workers, use_redis, pages, queries, servers)
        else:
            print(f"{source}; gunicorn {workers} workers; cache: {'Redis' if use_redis else 'files'}")
            print(f"load average before the run: {', '.join(f'{value:.1f}' for value in os.getloadavg())}")
        if "search" in args.sections:
            after_publish.search_rows(sys.modules[__name__], args, servers, workdir, pages["conferences index"])
        if "publish" in args.sections:
            after_publish.publish_minute_rows(sys.modules[__name__], args, servers, workdir, biggest, use_redis)
        if "edits" in args.sections:
            edits(args, biggest, pages)
    finally:
        processes.stop_all()
        log.close()
    print(f"load average after the run: {', '.join(f'{value:.1f}' for value in os.getloadavg())}")
    print(f"scratch files (database, logs) in {workdir}")


def edits(args, biggest, pages):
    """The biggest programme uncached, and how soon edits show through nginx."""
    print()
    uncached_ms = sequential_ms(PORTS["uncached"], biggest.url, args.accept_encoding)
    print(f"biggest programme uncached, one request at a time: median {uncached_ms:.1f} ms (target < 50 ms)")
    watched = pages_listing(biggest, pages)
    for label, ms in edit_visible_after(biggest, watched).items():
        print(f"published conference title visible through nginx on {label}: {_shown(ms)} (target < 1000 ms)")
    for label, ms in presentation_edit_visible_after(biggest, {"the programme": biggest.url}).items():
        print(f"edited presentation title visible through nginx on {label}: {_shown(ms)} (target < 1000 ms)")
    during = load_through_an_edit(biggest, args.duration, args.connections, args.accept_encoding)
    print(
        f"biggest programme through nginx, a title published halfway through the load: {during['rps']:.0f} req/s, "
        f"p50 {during['p50']:.2f} ms, p99 {during['p99']:.2f} ms"
    )


def report(args, source, workers, use_redis, pages, queries, servers):
    import platform

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores; {source}")
    print(f"load average before the run: {load} (other work on the machine skews every number alike)")
    print(
        f"gunicorn {workers} sync workers; cache: {'Redis' if use_redis else 'files'}; "
        f"wrk {args.connections} connections, {args.duration} s each; Accept-Encoding: {args.accept_encoding}"
    )
    encoding = args.accept_encoding

    def load(name, path):
        return measured_load(servers[name], PORTS[name], path, args)

    bare = load("bare", "/")
    print(
        f"bare Django view: {bare['rps']:.0f} req/s, p50 {bare['p50']:.2f} ms, p99 {bare['p99']:.2f} ms, "
        f"{bare['cpu_ms']:.3f} ms of its workers' CPU a request\n"
    )
    print("CPU ms: CPU time of the serving processes (gunicorn's or nginx's workers) per request; wrk and Redis aside")
    header = f"{'page':34} {'SQL':>4} {'serving':>23} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>7}  ratio"
    print(header)
    print("-" * len(header))
    for label, path in pages.items():
        cold = load("uncached", path)
        wait_until_idle(servers["uncached"])
        # Warm means stored: one request through nginx first, as for the page cache, so the
        # front-cache row measures serving rather than the first fill (nginx sends its own Host,
        # so that first request renders in Django too). The fill after an edit is measured below.
        fetch(PORTS["front"], path, encoding)
        runs = {
            "app, cache off (cold)": cold,
            "app, page cache (warm)": load("cached", path),
            "nginx front cache": load("front", path),
            "nginx, saved files": load("files", path),
        }
        # As many bytes as the page takes on the wire (compressed, when it is).
        size = len(fetch(PORTS["cached"], path, encoding)[0])
        runs["bare Django, same bytes"] = load("bare", f"/bytes/{size}/")
        warm, front, files, same_bytes = (runs[name]["rps"] for name in list(runs)[1:])
        ratios = {
            "app, page cache (warm)": f"{ratio(warm, bare['rps'])} of bare Django",
            "nginx front cache": f"{ratio(front, files)} of files",
            "bare Django, same bytes": f"{size / 1024:.1f} KiB; warm app {ratio(warm, same_bytes)} of this",
        }
        for number, (target, result) in enumerate(runs.items()):
            first = f"{label:34} {queries[label]:>4}" if number == 0 else f"{'':34} {'':>4}"
            errors = f"  ({result['errors']} errors)" if result["errors"] else ""
            print(
                f"{first} {target:>23} {result['rps']:>8.0f} {result['p50']:>7.2f} {result['p99']:>7.2f} "
                f"{result['cpu_ms']:>7.3f}  {ratios.get(target, '')}{errors}"
            )
    sizes = worker_memory_mib(servers["cached"])
    print(f"\nworker memory (RSS) after load: {', '.join(f'{size:.0f}' for size in sizes)} MiB")


if __name__ == "__main__":
    main()
