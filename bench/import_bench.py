"""Time the Hugo import: a first run into an empty database, then a re-run that changes nothing.

.venv/bin/python bench/import_bench.py                     # SQLite in a temporary folder
.venv/bin/python bench/import_bench.py --database-url postgres://postgres@127.0.0.1:5432/iassist_bench
"""

import time

from _setup import machine, parse_args, setup_django


def main():
    args = parse_args(__doc__)
    url = setup_django(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("import_hugo", args.tree, verbosity=0)
    first = time.perf_counter() - started
    started = time.perf_counter()
    call_command("import_hugo", args.tree, verbosity=0)
    again = time.perf_counter() - started
    engine = url.split(":", 1)[0]
    print(f"machine: {machine()}; database: {engine}")
    print(f"first import into an empty database: {first:.1f} s")
    print(f"re-run with nothing changed:          {again:.1f} s")


if __name__ == "__main__":
    main()
