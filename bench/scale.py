"""The archive at 1x, 10x and 100x its real size: import time, database size, search and page costs.

    .venv/bin/python bench/scale.py [--scales 1,10,100] [--databases sqlite,postgres] [--seed 2026]
        [--repeat 5] [--postgres-url postgres://postgres@127.0.0.1:5432] [--workdir DIR] [--keep]

For each scale, bench/synthetic_archive.py writes a Hugo source tree that size from the real
tree's own records (--tree, ../shared/iassist-hugo by default); for each database, a fresh
database (a temporary SQLite file, or a PostgreSQL database iassist_scale_<k>x that is dropped
afterwards unless --keep) is migrated and the tree imported by the real `import_hugo`. Then each
measurement runs in that process: import wall and CPU time, the database's size, search_bench's
queries through the JSON format (median and p95 of --repeat runs each), and the median render
time and SQL statements of the biggest programme, the person with the most talks, the archive
page, the sitemap (the index when there is one) and its largest section's first page, and the
admin's presentation listing for a signed-in superuser. Each (scale, database) runs in a process
of its own, so no cache or connection outlives it. The table ends with the targets of issue 20
(search p95 < 50 ms on PostgreSQL at the largest scale, the same SQL count on every page at every
scale, import time at most linear) and each row's growth over the smallest scale.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_TREE = REPO.parent / "shared" / "iassist-hugo"
SEARCH_P95_TARGET_MS = 50
PAGES = ("biggest programme", "person with most talks", "archive", "sitemap", "sitemap section", "admin listing")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--scales", default="1,10,100", type=_scales, help="Comma-separated scales (default 1,10,100)."
    )
    parser.add_argument("--databases", default="sqlite,postgres", type=_databases, help="sqlite, postgres or both.")
    parser.add_argument("--seed", default=2026, type=int, help="Seed of the synthetic records (default 2026).")
    parser.add_argument("--repeat", default=5, type=int, help="Runs of each query and page (default 5).")
    parser.add_argument("--tree", default=str(DEFAULT_TREE), help="The real Hugo tree to multiply.")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432", help="Server, no database.")
    parser.add_argument("--workdir", default=None, help="Where the trees and SQLite files go (default: a temp dir).")
    parser.add_argument("--keep", action="store_true", help="Keep the trees and databases afterwards.")
    parser.add_argument(
        "--existing",
        action="append",
        default=[],
        metavar="URL",
        help="Measure this already imported database instead (repeatable; MEDIA_ROOT must hold its files).",
    )
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)  # internal: "scale,url,tree" of one run
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _scales(text):
    try:
        scales = [float(part) for part in text.split(",") if part.strip()]
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"scales are numbers separated by commas, not {text!r}") from error
    if not scales or any(scale <= 0 or scale > 1000 for scale in scales):
        raise argparse.ArgumentTypeError(f"each scale must be above 0 and at most 1000: {text!r}")
    return sorted(set(scales))


def _databases(text):
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = set(names) - {"sqlite", "postgres"}
    if not names or unknown:
        raise argparse.ArgumentTypeError(f"databases are sqlite and/or postgres, not {text!r}")
    return names


# -- the parent: trees, databases, one process per run, the table ----------------------------------


def main(argv=None):
    args = parse_args(argv)
    if args.one:
        return measure_one(args)
    if args.existing:
        return measure_existing(args)
    sys.path.insert(0, str(REPO))
    from bench.synthetic_archive import build_tree

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="iassist-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"scale benchmark: scales {', '.join(_label(s) for s in args.scales)}; seed {args.seed}; {machine()}")
    results = {}
    for scale in args.scales:
        tree = workdir / f"tree-{_label(scale)}"
        if not tree.exists():
            started = time.perf_counter()
            made = build_tree(args.tree, tree, scale, seed=args.seed)
            print(f"{_label(scale)}: tree written in {time.perf_counter() - started:.0f} s ({made})", flush=True)
        for database in args.databases:
            url, drop = _database(database, scale, workdir, args.postgres_url)
            try:
                results[(scale, database)] = _run_one(args, scale, url, tree)
            finally:
                if not args.keep:
                    drop()
            print_run(scale, database, results[(scale, database)])
        if not args.keep and args.workdir is None:
            _remove(tree)
    print_summary(args, results)


def measure_existing(args):
    """The same measurements on databases imported earlier (by this script with --keep, or by hand)."""
    print(f"scale benchmark on existing databases; {machine()}")
    for url in args.existing:
        result = _run_one(args, 0, url, "")
        print_run(0, "(existing)", result)


def _run_one(args, scale, url, tree):
    command = [sys.executable, __file__, "--one", f"{scale},{url},{tree}", "--repeat", str(args.repeat)]
    doing = f"{_label(scale)} on {url.split(':', 1)[0]}: importing" if tree else f"{url}: measuring"
    print(f"{doing} (load average {os.getloadavg()[0]:.1f})", flush=True)
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.returncode:
        sys.stderr.write(finished.stdout[-4000:] + finished.stderr[-4000:])
        raise SystemExit(f"the run at {_label(scale)} on {url} failed (exit status {finished.returncode})")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def _database(database, scale, workdir, server):
    if database == "sqlite":
        path = workdir / f"scale-{_label(scale)}.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)
    name = f"iassist_scale_{_label(scale).replace('.', '_')}"
    _psql(server, f"DROP DATABASE IF EXISTS {name}")
    _psql(server, f"CREATE DATABASE {name}")
    return f"{server.rstrip('/')}/{name}", lambda: _psql(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _psql(server, statement):
    import psycopg

    with psycopg.connect(f"{server.rstrip('/')}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _remove(path):
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def print_run(scale, database, result):
    print(
        f"{_label(scale)} {database}: {result['presentations']} presentations, {result['people']} people, "
        f"{result['conferences']} conferences; import {result['import_wall']:.0f} s wall "
        f"({result['import_cpu']:.0f} s CPU), database {result['db_bytes'] / 2**20:.0f} MiB; "
        f"search p50 {result['search_p50']:.1f} ms p95 {result['search_p95']:.1f} ms "
        f"(CPU p95 {result['search_cpu_p95']:.1f} ms); "
        f"load average {result['load_before']:.1f} -> {result['load_after']:.1f}",
        flush=True,
    )
    slowest = ", ".join(f"{query[:40]!r} {ms:.0f} ms" for query, ms in result["search_slowest"])
    print(f"    slowest searches (median): {slowest}")
    for name in PAGES:
        page = result["pages"][name]
        cost = f"{page['median_ms']:8.1f} ms (CPU {page['cpu_median_ms']:7.1f})  {page['queries']:4d} queries"
        cost += f"  {page['kib']:6d} KiB"
        print(f"    {name:24} {cost}  {page['what']}")


def print_summary(args, results):
    print("\nsummary (growth = value / value at the smallest scale of the same database)")
    for database in args.databases:
        runs = [(scale, results[(scale, database)]) for scale in args.scales if (scale, database) in results]
        if not runs:
            continue
        base_scale, base = runs[0]
        print(f"  {database}:")
        for scale, result in runs:
            factor = scale / base_scale
            size = result["db_bytes"] / 2**20
            print(
                f"    {_label(scale):>6}: data x{factor:g}; "
                f"import {result['import_wall']:7.0f} s (x{_ratio(result, base, 'import_wall')}), "
                f"database {size:6.0f} MiB (x{_ratio(result, base, 'db_bytes')}), "
                f"search p95 {result['search_p95']:6.1f} ms (x{_ratio(result, base, 'search_p95')})"
            )
        for name in PAGES:
            cells = ", ".join(
                f"{_label(scale)} {r['pages'][name]['median_ms']:.0f} ms/{r['pages'][name]['queries']} q"
                for scale, r in runs
            )
            print(f"    {name:24} {cells}")
        print_targets(database, runs)


def print_targets(database, runs):
    last_scale, last = runs[-1]
    grown = [name for name in PAGES if len({r["pages"][name]["queries"] for _, r in runs}) > 1]
    print(
        f"    target: the same SQL count at every scale: {'met' if not grown else 'NOT met for ' + ', '.join(grown)}"
    )
    per_unit = [r["import_wall"] / scale for scale, r in runs]
    linear = per_unit[-1] <= per_unit[0] * 1.25  # a quarter's slack for the shared machine's load
    print(
        f"    target: import time at most linear: {'met' if linear else 'NOT met'} "
        f"({', '.join(f'{p:.0f}' for p in per_unit)} s per 1x of data)"
    )
    if database == "postgres":
        met = last["search_p95"] < SEARCH_P95_TARGET_MS
        print(
            f"    target: search p95 < {SEARCH_P95_TARGET_MS} ms at {_label(last_scale)}: "
            f"{'met' if met else 'NOT met'} ({last['search_p95']:.1f} ms)"
        )


def _ratio(result, base, key):
    return f"{result[key] / base[key]:.1f}" if base[key] else "-"


def _label(scale):
    return f"{scale:g}x"


def machine():
    import platform

    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"


# -- the child: one scale on one database -------------------------------------------------------


def measure_one(args):
    scale, url, tree = args.one.split(",", 2)
    workdir = Path(tempfile.mkdtemp(prefix="iassist-scale-run-"))
    os.environ["DATABASE_URL"] = url
    if tree:
        os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "iassist_site.settings.test"
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    import django

    django.setup()
    from django.core.management import call_command

    load_before = os.getloadavg()[0]
    result = {"import_wall": 0.0, "import_cpu": 0.0}  # an existing database: imported before
    if tree:
        call_command("migrate", verbosity=0)
        wall, cpu = time.perf_counter(), time.process_time()
        call_command("import_hugo", tree, verbosity=0)
        result = {"import_wall": time.perf_counter() - wall, "import_cpu": time.process_time() - cpu}
    result.update(counts(), db_bytes=database_bytes(url), load_before=load_before)
    result.update(search_times(args.repeat))
    result["pages"] = page_costs(args.repeat)
    result["load_after"] = os.getloadavg()[0]
    print(json.dumps(result))
    _remove(workdir)


def counts():
    from conferences.models import ConferencePage, Person, Presentation

    return {
        "presentations": Presentation.objects.count(),
        "people": Person.objects.count(),
        "conferences": ConferencePage.objects.count(),
    }


def database_bytes(url):
    from django.db import connection

    if connection.vendor == "sqlite":
        return Path(connection.settings_dict["NAME"]).stat().st_size
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def search_times(repeat):
    from django.test import Client
    from search_bench import QUERIES, measure, percentile

    client = Client()

    def json_format(query):
        response = client.get("/search/", {"q": query, "format": "json"})
        assert response.status_code == 200, (query, response.status_code)

    timings, cpu_timings, slowest = measure(json_format, QUERIES, repeat)
    return {
        "search_p50": statistics.median(timings),
        "search_p95": percentile(timings, 0.95),
        "search_cpu_p95": percentile(cpu_timings, 0.95),
        "search_slowest": slowest,
    }


def page_costs(repeat):
    from django.contrib.auth import get_user_model
    from django.test import Client

    users = get_user_model().objects
    admin = users.filter(username="scale-bench").first() or users.create_superuser("scale-bench", "", None)
    visitor, editor = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    editor.force_login(admin)
    return {name: render_cost(editor if name == "admin listing" else visitor, path, what, repeat)
            for name, (path, what) in page_paths().items()}  # fmt: skip


def page_paths():
    import re

    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from conferences.models import ConferenceIndexPage, ConferencePage, Person

    # Copies are as big as their real programme: on a tie the newest, the real one, is measured at every scale.
    biggest = ConferencePage.objects.annotate(size=Count("presentations")).order_by("-size", "-year").first()
    person = Person.objects.annotate(talks=Count("presenter_entries")).order_by("-talks", "pk").first()
    index = ConferenceIndexPage.objects.live().first()
    sitemap = Client(HTTP_HOST="localhost").get("/sitemap.xml").content.decode()
    sections = re.findall(r"<sitemap>\s*<loc>([^<]+)</loc>", sitemap)
    section = sections[-1] if sections else "/sitemap.xml"  # the last is the presentations' last page
    section = re.sub(r"^https?://[^/]+", "", section).replace("&amp;", "&")
    return {
        "biggest programme": (biggest.url, f"{biggest.title}, {biggest.size} presentations"),
        "person with most talks": (index.person_url(person.slug), f"{person.talks} talks"),
        "archive": ("/conferences/archive/", f"{ConferencePage.objects.count()} conferences"),
        "sitemap": ("/sitemap.xml", f"an index of {len(sections)} sitemaps" if sections else "one sitemap"),
        "sitemap section": (section, "the last of the index" if sections else "(no index: the sitemap itself)"),
        "admin listing": (reverse("wagtailsnippets_conferences_presentation:list"), "presentations, 50 a page"),
    }


def render_cost(client, path, what, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)  # the first render warms caches and makes renditions
    assert response.status_code == 200, (path, response.status_code)
    timings, cpu_timings = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return {
        "path": path,
        "what": what,
        "median_ms": statistics.median(timings),
        "cpu_median_ms": statistics.median(cpu_timings),
        "queries": len(queries),
        "kib": len(response.content) // 1024,
    }


if __name__ == "__main__":
    main()
