"""Lighthouse (pinned in package.json) on one page of each kind, in Debian's Chromium, as a phone: the four scores.

Builds a throwaway site as `make load` does (the imported ../shared/iassist-hugo tree, or the
demo content), serves it with gunicorn and the production settings on 127.0.0.1, and prints per
page the scores for performance, accessibility, best practices and SEO, with layout shift,
blocking time and largest paint, and every audit that did not pass. `--base-url` measures a site
already running instead. Lighthouse's performance score depends on the machine's load: compare
runs taken side by side. Usage: make lighthouse, or .venv/bin/python tools/lighthouse/run.py --help.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
# bench/serve_bench.py imports its neighbours (after_publish) as top-level modules.
sys.path.insert(0, str(REPO / "bench"))

from bench.load import TREE, build_site, free_port, production_env, start_gunicorn, stop  # noqa: E402
from bench.serve_bench import PURGE_MODULE, write_nginx_conf  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "layout shift": "cumulative-layout-shift",
    "blocking": "total-blocking-time",
    "LCP": "largest-contentful-paint",
}
# Apart from the benchmarks' 18000-18199, so that Lighthouse can run beside them.
PORTS = range(18400, 18500)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--base-url", help="A running site to measure, e.g. http://127.0.0.1:8000 (default: build one)."
    )
    parser.add_argument("--tree", default=str(TREE), help="Hugo tree to import into the throwaway site.")
    parser.add_argument("--page", action="append", help="Only this path (repeatable); default: one of each kind.")
    parser.add_argument(
        "--kind",
        action="append",
        help="Only this kind of page (repeatable): home, conferences, 'biggest programme'...",
    )
    parser.add_argument("--json", help="Also write every page's full Lighthouse report under this folder.")
    parser.add_argument(
        "--ports",
        default=f"{PORTS[0]}-{PORTS[-1]}",
        help="Ports its servers may listen on, FIRST-LAST (default: %(default)s), to run beside other work.",
    )
    args = parser.parse_args()
    args.database_url, args.redis_url, args.workers, args.threads = None, None, 2, 2
    first, _, last = args.ports.partition("-")
    args.ports = range(int(first), int(last or first) + 1)
    return args


def main():
    args = parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"Lighthouse is not installed: npm ci --prefix {HERE.relative_to(REPO)}")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"No Chromium at {CHROMIUM}: apt-get install chromium, or set CHROME_PATH.")
    if args.base_url:
        measure_all(args.base_url.rstrip("/"), {path: path for path in args.page or ["/"]}, args)
        return
    workdir = Path(tempfile.mkdtemp(prefix="iassist-lighthouse-"))
    # nginx's workers (not root) read the static files and images from here.
    workdir.chmod(0o755)
    servers = []
    try:
        env = production_env(workdir, args)
        content = build_site(env, args.tree)
        pages = chosen_pages(kinds_of_page(env), args)
        port = free_port(args.ports)
        servers.append(start_gunicorn(env, port, args))
        served_by = f"gunicorn on 127.0.0.1:{port}"
        if shutil.which("nginx") and PURGE_MODULE.exists():
            port = start_nginx(workdir, port, servers, args.ports)
            served_by = f"nginx (deploy/nginx-site.conf) on 127.0.0.1:{port} in front of {served_by}"
        else:
            served_by += " alone: no nginx, so images (/media/) answer 404"
        print(f"Lighthouse {lighthouse_version()} (mobile), {content}, {served_by}")
        measure_all(f"http://127.0.0.1:{port}", pages, args)
    finally:
        for server in reversed(servers):
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)


def chosen_pages(kinds, args):
    """Every kind of page, or only the kinds (--kind) and addresses (--page) asked for."""
    if not (args.page or args.kind):
        return kinds
    unknown = set(args.kind or ()) - set(kinds)
    if unknown:
        raise SystemExit(f"No such kind of page: {', '.join(sorted(unknown))}; there are {', '.join(kinds)}.")
    pages = {kind: path for kind, path in kinds.items() if kind in (args.kind or ())}
    pages.update({path.strip("/").replace("/", "-") or "home": path for path in args.page or ()})
    return pages


def start_nginx(workdir, upstream_port, servers, ports=PORTS):
    """The production front: nginx serves the images and static files, as gunicorn alone does not."""
    port = free_port(ports)
    conf = write_nginx_conf(workdir, upstream_port, port)
    log = (workdir / "nginx.log").open("w")
    servers.append(
        subprocess.Popen(
            ["nginx", "-c", str(conf), "-p", str(workdir)], stdout=log, stderr=log, start_new_session=True
        )
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return port
        time.sleep(0.2)
    raise SystemExit(f"nginx did not answer within 30 s: {(workdir / 'nginx-error.log').read_text()[-500:]}")


def kinds_of_page(env):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", (HERE / "pages.py").read_text()],
        cwd=REPO, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def lighthouse_version():
    return subprocess.run([LIGHTHOUSE, "--version"], capture_output=True, text=True).stdout.strip()


def measure_all(base_url, pages, args):
    print(f"{'page':<20} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5}  layout shift / blocking / LCP")
    for kind, path in pages.items():
        report = lighthouse(base_url + path)
        if args.json:
            Path(args.json).mkdir(parents=True, exist_ok=True)
            (Path(args.json) / f"{kind.replace(' ', '-')}.json").write_text(json.dumps(report))
        scores = [round(report["categories"][name]["score"] * 100) for name in CATEGORIES]
        metrics = " / ".join(report["audits"][audit]["displayValue"] for audit in METRICS.values())
        print(f"{kind:<20} " + " ".join(f"{score:>5}" for score in scores) + f"  {metrics}   {path}")
        for audit in failed(report):
            print(f"{'':<22}not passed: {audit}")


def lighthouse(url, attempts=3):
    """The report; Lighthouse sometimes loses its trace on a busy machine (NO_NAVSTART), so it is run again."""
    for attempt in range(1, attempts + 1):
        try:
            return _lighthouse(url)
        except RuntimeError as error:
            if attempt == attempts:
                raise SystemExit(str(error)) from None
            print(f"{'':<22}(run again: {' '.join(str(error).split())[-100:]})")
    return None


def _lighthouse(url):
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
        "--chrome-flags=--headless=new --no-sandbox", f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def failed(report):
    """The audits counted in a category's score that scored under 0.9."""
    counted = {ref["id"] for name in CATEGORIES for ref in report["categories"][name]["auditRefs"] if ref["weight"]}
    for audit_id in sorted(counted):
        audit = report["audits"][audit_id]
        if audit.get("score") is not None and audit["score"] < 0.9:
            yield f"{audit_id} {audit.get('displayValue', '')}".strip()


if __name__ == "__main__":
    main()
