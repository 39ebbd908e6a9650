"""The Zenodo sync's matching cost on the biggest programme: records like a whole community's, timed.

    .venv/bin/python bench/zenodo_match_bench.py [--tree ../shared/iassist-hugo] [--repeat 5]

Reads IASSIST 2025's programme from the Hugo tree's archive JSON (no database), makes one record
per presentation as Zenodo would hold it (the title re-cased and re-punctuated, the first
presenter as "Family, Given") plus 50 records of nothing in the programme, and times
`matching.match_records` over them. Prints the sizes, the outcomes, the median and slowest run.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iassist_site.settings.test")


def main():
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", default=str(REPO.parent / "shared" / "iassist-hugo"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from zenodosync.matching import PresentationFacts, match_records

    archive = json.loads((Path(args.tree) / "data/conferences/archive/2025-Bristol.json").read_text())
    talks = [talk for session in archive["sessions"] for talk in session.get("presentations", [])]
    facts = [
        PresentationFacts(number, talk["title"], 2025, tuple(p["name"] for p in talk.get("presenters", [])))
        for number, talk in enumerate(talks)
    ]
    records = [_as_zenodo(number, fact) for number, fact in enumerate(facts)]
    records += [_unrelated(number) for number in range(50)]
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        matches = match_records(records, facts)
        times.append(time.perf_counter() - start)
    outcomes = {}
    for match in matches:
        outcomes[match.outcome] = outcomes.get(match.outcome, 0) + 1
    print(f"presentations={len(facts)} records={len(records)} outcomes={outcomes}")
    print(f"match_records: median {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms")
    print(f"per record: {statistics.median(times) / len(records) * 1000:.2f} ms; load average {os.getloadavg()}")


def _as_zenodo(number, fact):
    from zenodosync.records import Creator, ZenodoRecord

    first = fact.presenter_names[0].split() if fact.presenter_names else ["Unknown"]
    creator = Creator(f"{first[-1]}, {' '.join(first[:-1])}")
    title = fact.title.upper() if number % 3 == 0 else fact.title.replace(":", " -")
    return ZenodoRecord(str(number), f"10.5281/zenodo.{number}", title, (creator,), 2025, "https://zenodo.org/")


def _unrelated(number):
    from zenodosync.records import Creator, ZenodoRecord

    title = f"Poster booklet {number} of a workshop on something else entirely"
    return ZenodoRecord(f"u{number}", f"10.5281/zenodo.u{number}", title, (Creator("Nobody, A"),), 2025, "")


if __name__ == "__main__":
    main()
