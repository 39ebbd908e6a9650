"""Time the Hugo import: a first run into an empty database, then a re-run that changes nothing.

.venv/bin/python bench/import_bench.py                     # SQLite in a temporary folder
.venv/bin/python bench/import_bench.py --database-url postgres://postgres@127.0.0.1:5432/iassist_bench
"""

import os
import time

from _setup import machine, parse_args, setup_django


def main():
    args = parse_args(__doc__)
    url = setup_django(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    first = timed(lambda: call_command("import_hugo", args.tree, verbosity=0))
    again = timed(lambda: call_command("import_hugo", args.tree, verbosity=0))
    engine = url.split(":", 1)[0]
    print(f"machine: {machine()}; database: {engine}; load average before: {os.getloadavg()[0]:.1f}")
    print(f"first import into an empty database: {first[0]:.1f} s wall, {first[1]:.1f} s CPU")
    print(f"re-run with nothing changed:          {again[0]:.1f} s wall, {again[1]:.1f} s CPU")


def timed(action):
    """Wall and CPU seconds: on a shared machine the CPU time shows the import's own cost."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    main()
