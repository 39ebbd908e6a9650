"""Search at many times the archive on PostgreSQL in minutes: copies of every presentation made in SQL.

    .venv/bin/python bench/search_copies.py --source postgres://postgres@127.0.0.1:5432/DB
        [--copies 98] [--repeat 3] [--keep | --existing] [--per-query FILE]

bench/scale.py imports a synthetic archive of each size with the real importer: at 100x that is more
than an hour on this machine. This script measures only what grows fastest with the archive, the
search of presentations, from a database the real tree was imported into (by `search_bench.py
--database-url URL`, say): it copies that database (CREATE DATABASE ... TEMPLATE, so the source must
have no other connections), adds --copies more copies of every presentation (same conference,
session and text, a slug of its own, ids above the real ones) and of its search index entry in SQL,
runs VACUUM ANALYZE, and then runs search_bench's queries through the JSON format as scale.py does:
median and p95 of --repeat runs each, after a warm-up, and the slowest queries. People, pages, DOIs
and revisions are not copied. The copy is dropped at the end unless --keep; --existing measures a
kept copy again (to compare code changes on the same data). --per-query writes each query's median
to FILE as JSON. The search's target at 100x (issue 20) is printed beside the result.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEARCH_P95_TARGET_MS = 50


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", required=True, help="PostgreSQL URL of a database with the real tree imported.")
    parser.add_argument("--copies", type=int, default=98, help="Copies added to each presentation (default 98).")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each query (default 3).")
    parser.add_argument("--keep", action="store_true", help="Keep the copy database afterwards.")
    parser.add_argument("--existing", action="store_true", help="Measure the copy made by an earlier --keep run.")
    parser.add_argument("--per-query", default=None, help="Write each query's median (ms) to this JSON file.")
    parser.add_argument("--measure", default=None, help=argparse.SUPPRESS)  # internal: the copy's URL
    args = parser.parse_args(argv)
    if not args.source.startswith(("postgres://", "postgresql://")):
        parser.error("--source must be a PostgreSQL URL (postgres://user@host:port/database)")
    if not re.fullmatch(r"[A-Za-z0-9_]{1,50}", urlsplit(args.source).path.lstrip("/")):
        parser.error("--source must name its database, in letters, digits and underscores")
    if not 1 <= args.copies <= 999:
        parser.error("--copies must be from 1 to 999")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def copy_url(source, copies):
    parts = urlsplit(source)
    name = f"{parts.path.lstrip('/')}_x{copies + 1}"
    return urlunsplit(parts._replace(path=f"/{name}")), name


def _server(source):
    return urlunsplit(urlsplit(source)._replace(path="/postgres"))


def _execute(url, *statements, autocommit=True):
    import psycopg

    with psycopg.connect(url, autocommit=autocommit) as connection:
        for statement in statements:
            connection.execute(statement)


def make_copy(source, copies):
    """The copy database with `copies` more of every presentation and its index entry; its URL."""
    url, name = copy_url(source, copies)
    source_name = urlsplit(source).path.lstrip("/")
    _execute(
        _server(source), f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}" TEMPLATE "{source_name}"'
    )
    started = time.perf_counter()
    _execute(url, *multiply_statements(copies), autocommit=False)
    _execute(url, "VACUUM ANALYZE")
    print(
        f"{name}: {copies} copies of every presentation written in {time.perf_counter() - started:.0f} s", flush=True
    )
    return url


def multiply_statements(copies):
    # The copies' ids lie above the real ones, one block of ids per copy; ids are what "newest" means.
    block = "(SELECT power(10, ceil(log(max(id) + 1)))::bigint FROM conferences_presentation)"
    presentation_type = (
        "(SELECT id FROM django_content_type WHERE app_label = 'conferences' AND model = 'presentation')"
    )
    columns = (
        "sort_order, title, abstract, video_id, conference_id, session_id, expire_at, expired, first_published_at, "
        "go_live_at, has_unpublished_changes, last_published_at, live, locked, locked_at, locked_by_id, ends_at, "
        "starts_at"
    )
    copied = ", ".join(f"p.{column}" for column in columns.split(", "))
    return [
        f"CREATE TEMPORARY TABLE copy_block AS SELECT {block} AS size",
        f"INSERT INTO conferences_presentation (id, slug, {columns}) "
        f"SELECT p.id + k * b.size, left(p.slug, 110) || '-c' || k, {copied} "
        f"FROM conferences_presentation p CROSS JOIN copy_block b CROSS JOIN generate_series(1, {int(copies)}) k",
        "INSERT INTO wagtailsearch_indexentry (object_id, title_norm, content_type_id, autocomplete, title, body, "
        "title_text, body_text) "
        "SELECT (e.object_id::bigint + k * b.size)::text, e.title_norm, e.content_type_id, e.autocomplete, e.title, "
        "e.body, e.title_text, e.body_text "
        f"FROM wagtailsearch_indexentry e CROSS JOIN copy_block b CROSS JOIN generate_series(1, {int(copies)}) k "
        f"WHERE e.content_type_id = {presentation_type}",
        "SELECT setval(pg_get_serial_sequence('conferences_presentation', 'id'), "
        "(SELECT max(id) FROM conferences_presentation))",
    ]


def measure(url, repeat):
    """Run in a process of its own, so that Django is set up on the copy: the search's figures as JSON."""
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "iassist_site.settings.test"
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    import django

    django.setup()
    from django.test import Client
    from search_bench import QUERIES, percentile

    from conferences.models import Presentation

    client = Client()
    for query in QUERIES:
        client.get("/search/", {"q": query, "format": "json"})  # warm-up
    load_before = os.getloadavg()[0]
    timings, per_query = [], {}
    for query in QUERIES:
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get("/search/", {"q": query, "format": "json"})
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (query, response.status_code)
        timings.extend(samples)
        per_query[query] = statistics.median(samples)
    return {
        "presentations": Presentation.objects.count(),
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "per_query": per_query,
        "load": [load_before, os.getloadavg()[0]],
    }


def report(result, per_query_file):
    slowest = sorted(result["per_query"].items(), key=lambda item: -item[1])[:5]
    verdict = "met" if result["p95"] < SEARCH_P95_TARGET_MS else "NOT met"
    print(
        f"presentations: {result['presentations']:,}; load average {result['load'][0]:.1f} -> {result['load'][1]:.1f}"
    )
    print(
        f"search (JSON format)  p50 {result['p50']:6.1f} ms   p95 {result['p95']:6.1f} ms   "
        f"target p95 < {SEARCH_P95_TARGET_MS} ms: {verdict}"
    )
    print("slowest (median): " + ", ".join(f"{query[:40]!r} {ms:.0f} ms" for query, ms in slowest))
    if per_query_file:
        Path(per_query_file).write_text(json.dumps(result["per_query"], indent=1))


def main(argv=None):
    args = parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat)))
        return
    url = copy_url(args.source, args.copies)[0] if args.existing else make_copy(args.source, args.copies)
    try:
        command = [sys.executable, __file__, "--source", args.source, "--measure", url, "--repeat", str(args.repeat)]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode:
            sys.stderr.write(finished.stdout[-4000:] + finished.stderr[-4000:])
            raise SystemExit(f"measuring {url} failed (exit status {finished.returncode})")
        report(json.loads(finished.stdout.strip().splitlines()[-1]), args.per_query)
    finally:
        if not args.keep and not args.existing:
            _execute(_server(args.source), f'DROP DATABASE IF EXISTS "{copy_url(args.source, args.copies)[1]}"')


if __name__ == "__main__":
    main()
