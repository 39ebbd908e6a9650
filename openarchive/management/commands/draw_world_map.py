"""Write the world map's country outlines (openarchive/geodata/world.json) from a TopoJSON atlas.

    npm ci --prefix tools/worldmap        # world-atlas, pinned
    manage.py draw_world_map              # reads tools/worldmap/node_modules/world-atlas/countries-110m.json

Run again only to change the atlas, the projection or the simplification: the output is committed.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from openarchive.outlines import country_paths
from openarchive.projection import HEIGHT, WIDTH
from openarchive.world_map import OUTLINES

ATLAS = Path(settings.BASE_DIR) / "tools/worldmap/node_modules/world-atlas/countries-110m.json"
SOURCE = "Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2; Equal Earth projection"


class Command(BaseCommand):
    help = "Draw the world map's country outlines as SVG path data from a TopoJSON atlas."

    def add_arguments(self, parser):
        parser.add_argument("--atlas", type=Path, default=ATLAS, help="a TopoJSON file with a 'countries' object")
        parser.add_argument("--tolerance", type=float, default=0.7, help="simplification, in viewBox units")
        parser.add_argument("--output", type=Path, default=OUTLINES)

    def handle(self, *args, atlas, tolerance, output, **options):
        try:
            topology = json.loads(atlas.read_text(encoding="utf-8"))
            countries = country_paths(topology, tolerance)
        except FileNotFoundError as error:
            raise CommandError(f"{atlas} is missing: run `npm ci --prefix tools/worldmap` first.") from error
        except (ValueError, KeyError, TypeError, IndexError) as error:
            raise CommandError(f"{atlas} is not a TopoJSON atlas with a 'countries' object: {error!r}") from error
        data = {"source": SOURCE, "width": WIDTH, "height": HEIGHT, "countries": countries}
        output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        self.stdout.write(f"{len(countries)} countries, {output.stat().st_size:,} bytes: {output}")
