"""Render every public address of the imported Hugo tree into a folder, to compare two versions of the code.

    .venv/bin/python tools/render_snapshot.py OUT_DIR [--database-url URL] [--tree PATH]
    .venv/bin/python tools/render_snapshot.py --compare BEFORE_DIR AFTER_DIR

A refactoring that changes no visible behaviour leaves the two folders identical. The script
imports the tree into a fresh database, then asks Django's test client for every live page, every
presentation (its page, BibTeX and the conference's calendar), every person and people-index page,
the sitemap, robots.txt, feeds and a fixed list of searches, and writes each response body with the
per-request values (CSP nonces, CSRF tokens, calendar time stamps) and the random suffixes that
file storage gives a second file of the same name blanked. It prints how many addresses it wrote.
The site shell's shared parts are kept per content generation as in production (the test settings
leave that off), so a part kept from one page and shown on another would show as a difference.
`--compare` lists the files that differ, and says which differ only in whitespace between tags.
"""

import re
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from _setup import import_tree, parse_args, setup_django

SEARCHES = ["data", "gothenburg", "open data", "10.5281/zenodo.6772338", "McEachern", "dataverse", "2016", "quebec"]
VOLATILE = [
    (re.compile(rb'nonce="[^"]*"'), b'nonce=""'),
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'), b'name="csrfmiddlewaretoken" value=""'),
    (re.compile(rb"DTSTAMP:[0-9TZ]+"), b"DTSTAMP:"),
    (re.compile(rb"(/media/[a-z_]+/[^\"/]*?)_[A-Za-z0-9]{7}(?=\.)"), rb"\1_SUFFIX"),
]
BETWEEN_TAGS = re.compile(rb">\s+<")


def extra(parser):
    parser.add_argument("out_dir", nargs="?", help="Folder to write the rendered addresses into (created).")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="Compare two snapshots.")


def compare(before, after):
    names = sorted({path.name for path in Path(before).iterdir()} | {path.name for path in Path(after).iterdir()})
    identical, whitespace, different = 0, [], []
    for name in names:
        old, new = Path(before, name), Path(after, name)
        if not (old.exists() and new.exists()):
            different.append(name)
        elif old.read_bytes() == new.read_bytes():
            identical += 1
        elif BETWEEN_TAGS.sub(b"><", old.read_bytes()) == BETWEEN_TAGS.sub(b"><", new.read_bytes()):
            whitespace.append(name)
        else:
            different.append(name)
    print(f"{len(names)} addresses: {identical} identical, {len(whitespace)} whitespace between tags only, ", end="")
    print(f"{len(different)} different")
    for name in different:
        print(f"  differs: {name}")
    return not different


def addresses():
    from wagtail.models import Page

    from conferences.models import ConferencePage, Person, Presentation

    paths = ["/", "/sitemap.xml", "/robots.txt", "/this-page-does-not-exist/"]
    for page in Page.objects.live().specific().order_by("path"):
        url = page.url
        if url:
            paths.append(url)
    for conference in ConferencePage.objects.live().order_by("path"):
        paths.append(f"{conference.url}calendar/")
    # Addresses are spelt out here rather than taken from the code under comparison.
    for presentation in Presentation.objects.live().select_related("conference").order_by("pk"):
        base = f"{presentation.conference.url}presentations/{presentation.slug}/"
        paths += [base, f"{base}bibtex/"]
    index_url = "/conferences/"
    people_pages = Person.objects.count() // 200 + 1
    paths += [f"{index_url}people/?page={number}" for number in range(1, people_pages + 1)]
    paths += [f"{index_url}people/{slug}/" for slug in Person.objects.order_by("pk").values_list("slug", flat=True)]
    for query in SEARCHES:
        paths += [f"/search/?q={quote(query)}", f"/search/?q={quote(query)}&format=json"]
        paths.append(f"/search/?q={quote(query[:4])}&suggest=1&format=json")
    return paths


def file_name(path):
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", path.strip("/")) or "_root"
    return name[:200]


def main():
    args = parse_args(__doc__, extra)
    if args.compare:
        sys.exit(0 if compare(*args.compare) else 1)
    if not args.out_dir:
        sys.exit("Give a folder to write the snapshot into, or --compare BEFORE AFTER.")
    setup_django(args.database_url)
    import_tree(args.tree)
    from django.conf import settings
    from django.test import Client

    settings.SITE_SHELL_GENERATION = "pagecache.generation.current"

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    client = Client(HTTP_HOST="localhost")
    written = 0
    for path in addresses():
        response = client.get(path)
        body = response.content
        for pattern, replacement in VOLATILE:
            body = pattern.sub(replacement, body)
        head = f"{response.status_code} {response.get('Content-Type', '')} {response.get('Location', '')}\n"
        (out / file_name(path)).write_bytes(head.encode() + body)
        written += 1
    print(f"wrote {written} addresses to {out}")


if __name__ == "__main__":
    main()
