"""What institutions' ROR IDs cost the pages that show them: each page rendered without any, then
with one on every presenter entry of the archive (the most there can be), in turns, in one run.

    .venv/bin/python bench/ror_bench.py [--database-url URL] [--repeat 20]

Imports ../shared/iassist-hugo into a fresh database first; renders through Django's test client.
"""

import os
import statistics
import time

from _setup import import_tree, machine, parse_args, setup_django

# California Digital Library: any valid id costs the same to show.
SOME_ROR_ID = "03yrm5c26"


def extra(parser):
    parser.add_argument("--repeat", type=int, default=20, help="Renders per page and state (default 20).")


def main():
    args = parse_args(__doc__, extra)
    url = setup_django(args.database_url)
    import_tree(args.tree)
    from django.db.models import Count
    from django.test import Client

    from conferences.models import ConferencePage, Presentation, Presenter

    biggest = ConferencePage.objects.annotate(size=Count("presentations")).order_by("-size").first()
    presentation = Presentation.objects.filter(conference=biggest).annotate(n=Count("presenters")).order_by("-n")[0]
    person = presentation.presenters.annotate(n=Count("person__presenter_entries")).order_by("-n")[0].person
    pages = {
        f"biggest programme ({biggest.presentations.count()} presentations)": biggest.url,
        f"presentation page ({presentation.presenters.count()} presenters)": presentation.get_url(),
        f"person page ({person.presenter_entries.count()} entries)": f"/conferences/people/{person.slug}/",
    }
    print(
        f"machine: {machine()}; database: {url.split(':', 1)[0]}; renders per page and state: {args.repeat}; "
        f"load average: {os.getloadavg()[0]:.1f}"
    )
    client = Client(HTTP_HOST="localhost")
    timings = {(label, state): [] for label in pages for state in ("without", "with")}
    for _ in range(args.repeat):
        for state, ror_id in (("without", ""), ("with", SOME_ROR_ID)):
            Presenter.objects.update(ror_id=ror_id)  # no signal needed: the test settings keep no page cache
            for label, path in pages.items():
                started = time.perf_counter()
                response = client.get(path)
                timings[label, state].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
                assert (f"ror.org/{SOME_ROR_ID}" in response.content.decode()) == bool(ror_id), path
    for label in pages:
        without, with_ids = (statistics.median(timings[label, state]) for state in ("without", "with"))
        print(f"{label:45} median without ROR IDs {without:6.1f} ms, with one on every entry {with_ids:6.1f} ms")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
