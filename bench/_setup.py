"""Shared start-up for the benchmark scripts: a database chosen by --database-url, Django set up."""

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TREE = REPO.parent / "shared" / "iassist-hugo"


def parse_args(description, extra=None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--database-url",
        default=None,
        help="Database to use (default: a new SQLite file in a temporary folder).",
    )
    parser.add_argument("--tree", default=str(DEFAULT_TREE), help="Hugo site source to import.")
    if extra:
        extra(parser)
    return parser.parse_args()


def setup_django(database_url):
    workdir = Path(tempfile.mkdtemp(prefix="iassist-bench-"))
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "iassist_site.settings.test"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    return os.environ["DATABASE_URL"]


def import_tree(tree, verbosity=0):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("import_hugo", str(tree), verbosity=verbosity)


def machine():
    import platform

    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"
