"""Builders for sponsors and for the StreamField values of the people blocks, as the editor's form stores them."""

import itertools
import json

import wagtail_factories
from django.core.serializers.json import DjangoJSONEncoder

from conferences.models import Sponsor

_counter = itertools.count(1)


def sponsor(name=None, logo=True, **fields):
    """A sponsor with a logo of its own (alt text: its name) unless `logo=False`."""
    name = name or f"Sponsor {next(_counter)}"
    if logo is True:
        logo = wagtail_factories.ImageFactory(title=f"{name} logo")
    defaults = {"url": "https://example.org/", "logo_alt_text": name if logo else ""}
    return Sponsor.objects.create(name=name, logo=logo or None, **{**defaults, **fields})


def sponsors_value(tiers, heading=""):
    """`tiers` is a list of (tier name, [sponsors])."""
    return {
        "heading": heading,
        "tiers": [{"name": name, "sponsors": [item.pk for item in sponsors]} for name, sponsors in tiers],
    }


def body(*blocks):
    """A page body of (block type, value) pairs, as JSON."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks], cls=DjangoJSONEncoder)
