"""Median render time (uncached) and SQL queries of the archive's heaviest pages.

    .venv/bin/python bench/render_bench.py [--database-url URL] [--repeat 30]

Imports ../shared/iassist-hugo into a fresh database first, then renders through
Django's test client, so the numbers include routing, the page and its templates.
"""

import os
import statistics
import time

from _setup import import_tree, machine, parse_args, setup_django


def extra(parser):
    parser.add_argument("--repeat", type=int, default=30, help="Renders per page (default 30).")


def main():
    args = parse_args(__doc__, extra)
    url = setup_django(args.database_url)
    import_tree(args.tree)
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from conferences.models import ConferencePage, Presentation

    biggest = ConferencePage.objects.annotate(size=Count("presentations")).order_by("-size").first()
    presentation = Presentation.objects.filter(conference=biggest).annotate(n=Count("presenters")).order_by("-n")[0]
    pages = {
        f"biggest programme ({biggest.presentations.count()} presentations)": biggest.url,
        "conference archive": "/conferences/archive/",
        "conferences index": "/conferences/",
        "presentation page": presentation.get_url(),
    }
    client = Client(HTTP_HOST="localhost")
    print(
        f"machine: {machine()}; database: {url.split(':', 1)[0]}; renders per page: {args.repeat}; "
        f"load average: {os.getloadavg()[0]:.1f}"
    )
    for label, path in pages.items():
        client.get(path)  # the first render makes image renditions; measure the steady state
        timings, cpu_timings = [], []
        for _ in range(args.repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_timings.append((time.process_time() - cpu_started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        print(
            f"{label:45} median {statistics.median(timings):6.1f} ms  p95 {_p95(timings):6.1f} ms  "
            f"CPU median {statistics.median(cpu_timings):6.1f} ms  "
            f"{len(queries):3d} queries  {len(response.content) // 1024} KiB"
        )


def _p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


if __name__ == "__main__":
    main()
