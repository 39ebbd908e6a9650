"""A real harvester, Sickle, takes the whole imported archive through OAI-PMH, resumption tokens and all."""

import pytest
from sickle import Sickle

from conferences.models import Presentation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def oai_server(imported_site):
    """The site on a free port: a harvester speaks HTTP. It sees the committed import."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost:0")
    yield f"{server.url}/oai/"
    server.stop()


def test_sickle_harvests_every_public_presentation(oai_server, imported_site):
    records = list(Sickle(oai_server, max_retries=0).ListRecords(metadataPrefix="oai_dc"))
    identifiers = [record.header.identifier for record in records]
    assert len(identifiers) == len(set(identifiers)) == Presentation.objects.public().count() > 2000
    assert all(record.metadata["title"] for record in records)


def test_sickle_lists_one_set_per_conference_with_a_programme(oai_server, imported_site):
    sets = [item.setSpec for item in Sickle(oai_server).ListSets()]
    assert len(sets) == len(set(sets)) == Presentation.objects.public().values("conference").distinct().count()


def test_sickle_harvests_one_set_through_tokens(oai_server, imported_site):
    records = list(Sickle(oai_server).ListIdentifiers(metadataPrefix="oai_dc", set="iassist2025"))
    assert len(records) == Presentation.objects.public().filter(conference__slug="iassist2025").count() > 100
