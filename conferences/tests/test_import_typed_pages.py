"""The real tree's 2025 website pages come in typed, and the Conferences page computes its panel.

The expected counts are read from the markdown here by simple patterns, independently of the importer.
"""

import re

import pytest

from conferences.models import ConferenceIndexPage, ConferencePage, ContentPage

pytestmark = [pytest.mark.django_db, pytest.mark.shared]

WEBSITE = "content/conferences/iassist2025"


def source(tree, name):
    return re.sub(r"<!--.*?-->", "", (tree / WEBSITE / name).read_text(), flags=re.DOTALL)


def typed_block(slug, kind):
    page = ContentPage.objects.get(slug=slug, url_path__contains="/iassist2025/")
    blocks = [block.value for block in page.body if block.block_type == kind]
    assert len(blocks) == 1, f"{slug} holds {len(blocks)} {kind} blocks"
    return blocks[0]


def test_the_2025_faq_holds_every_question(imported_site):
    questions = re.findall(r"^### (.+)$", source(imported_site, "faq.md"), flags=re.MULTILINE)
    faq = typed_block("faq", "faq")
    assert [item["question"] for item in faq["questions"]] == [question.strip() for question in questions]


def test_the_2025_sponsorship_page_holds_every_logo_by_tier(imported_site):
    text = source(imported_site, "sponsorship.md")
    tiers = re.findall(r"^## (.+?) Sponsors\s*$", text, flags=re.MULTILINE)
    logos = re.findall(r'\{\{< figure[^>]*alt="logo', text)
    sponsors = typed_block("sponsorship", "sponsors")
    assert [tier["name"] for tier in sponsors["tiers"]] == tiers
    assert sum(len(tier["sponsors"]) for tier in sponsors["tiers"]) == len(logos)
    assert all(sponsor.logo is not None for tier in sponsors["tiers"] for sponsor in tier["sponsors"])


def test_the_2025_registration_page_holds_every_fee_in_pounds(imported_site):
    fees = re.findall(r"^: .+ - £([\d.,]+)\s*$", source(imported_site, "registration.md"), flags=re.MULTILINE)
    registration = typed_block("registration", "registration")
    assert registration["currency"] == "GBP"
    rates = [fee[rate] for fee in registration["fees"] for rate in ("early_bird", "regular")]
    assert sorted(float(amount) for amount in rates if amount is not None) == sorted(float(fee) for fee in fees)


def test_the_2025_speakers_page_holds_every_speaker(imported_site):
    names = re.findall(r"^<strong>(.+?)</strong>", source(imported_site, "speakers.md"), flags=re.MULTILINE)
    speakers = typed_block("speakers", "speakers")
    assert [speaker["name"] for speaker in speakers["speakers"]] == names


def test_the_conferences_page_computes_its_panel_with_each_events_summary(imported_site, client):
    text = re.sub(r"<!--.*?-->", "", (imported_site / "content/conferences/_index.md").read_text(), flags=re.DOTALL)
    panel = text.split("### Past Conferences", 1)[0]
    events = re.findall(r'^#### .+\n\n(.+?)\s*\n\n<a class="btn[^"]*" href="\./([^/"]+)/"', panel, flags=re.MULTILINE)
    assert len(events) >= 3
    assert ConferenceIndexPage.objects.get().landing_panel
    for line, folder in events:
        assert ConferencePage.objects.get(slug=folder).landing_summary == f"<p>{line.strip()}</p>"
    html = client.get("/conferences/").content.decode()
    assert html.count("Forthcoming and Recent Conferences") == 1
