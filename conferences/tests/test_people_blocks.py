"""The blocks of a conference website's people and events: sponsors, speakers, committees, workshops, socials."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError

from conferences.blocks import ConferenceStreamBlock
from conferences.choices import SessionType
from conferences.people_blocks import (
    LOGO_RENDITION,
    PHOTO_RENDITION,
    CommitteeBlock,
    SocialProgrammeBlock,
    SpeakersBlock,
    SponsorsBlock,
    WorkshopsBlock,
)
from conferences.tests import builders, people_builders, schedule_builders
from conferences.tests.form_data import list_block
from conferences.tests.people_builders import body, sponsors_value

pytestmark = pytest.mark.django_db

PREVIEWED = [SponsorsBlock, SpeakersBlock, CommitteeBlock, WorkshopsBlock, SocialProgrammeBlock]
BLOCK_NAMES = ["sponsors", "speakers", "committee", "workshops", "social_programme"]


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def page_with(home_page, *blocks, **fields):
    index = builders.conference_index(home_page)
    return builders.conference(index, body=body(*blocks), **fields)


def clean(block, value):
    return block.clean(block.to_python(value))


def error_text(error):
    """Every message of a block's validation error, nested or not, as one string."""
    if isinstance(error, ValidationError) and not hasattr(error, "block_errors"):
        return " ".join(error.messages)
    parts = [error_text(child) for child in getattr(error, "block_errors", {}).values()]
    parts += [error_text(child) for child in getattr(error, "non_block_errors", [])]
    return " ".join(parts)


@pytest.mark.parametrize("block_class", PREVIEWED)
def test_the_preview_value_renders(block_class):
    block = block_class()
    html = block.render(block.get_preview_value())
    assert "<h2>" in html


def test_the_sponsors_preview_shows_logos_from_the_sponsors_list():
    people_builders.sponsor("ICPSR")
    block = SponsorsBlock()
    html = block.render(block.get_preview_value())
    assert 'alt="ICPSR"' in html


# -- sponsors -----------------------------------------------------------------


def test_sponsors_are_grouped_by_tier_under_headings_in_order(client, home_page):
    gold, silver = people_builders.sponsor("ICPSR"), people_builders.sponsor("GESIS")
    page = page_with(home_page, ("sponsors", sponsors_value([("Gold", [gold]), ("Silver", [silver])])))
    block = soup_of(client, page).select_one(".sponsors")
    assert [h.get_text() for h in block.select("h2, h3")] == ["Sponsors", "Gold", "Silver"]
    assert [img["alt"] for img in block.select("img")] == ["ICPSR", "GESIS"]


def test_a_logo_is_a_link_to_the_sponsor_with_its_rendition_and_size(client, home_page):
    icpsr = people_builders.sponsor("ICPSR", url="https://www.icpsr.umich.edu/")
    page = page_with(home_page, ("sponsors", sponsors_value([("Gold", [icpsr])])))
    link = soup_of(client, page).select_one(".sponsors a")
    rendition = icpsr.logo.get_rendition(LOGO_RENDITION)
    assert link["href"] == "https://www.icpsr.umich.edu/"
    img = link.select_one("img")
    assert (img["src"], img["width"], img["height"]) == (rendition.url, str(rendition.width), str(rendition.height))


def test_a_sponsor_without_a_logo_shows_its_name_as_the_link(client, home_page):
    gesis = people_builders.sponsor("GESIS", logo=False, url="https://www.gesis.org/")
    page = page_with(home_page, ("sponsors", sponsors_value([("Supporters", [gesis])])))
    link = soup_of(client, page).select_one(".sponsors a")
    assert (link.get_text(), link["href"]) == ("GESIS", "https://www.gesis.org/")


def test_a_sponsor_without_a_link_shows_its_logo_alone(client, home_page):
    quiet = people_builders.sponsor("Quiet Foundation", url="")
    page = page_with(home_page, ("sponsors", sponsors_value([("Gold", [quiet])])))
    block = soup_of(client, page).select_one(".sponsors")
    assert block.select("a") == [] and block.select_one("img")["alt"] == "Quiet Foundation"


def test_a_script_link_written_past_the_admins_checks_is_no_link(client, home_page):
    sneaky = people_builders.sponsor("Sneaky Ltd", url="javascript:alert(1)")
    page = page_with(home_page, ("sponsors", sponsors_value([("Gold", [sneaky])])))
    block = soup_of(client, page).select_one(".sponsors")
    assert block.select("a") == [] and block.select_one("img")["alt"] == "Sneaky Ltd"


def test_a_sponsors_words_are_escaped(client, home_page):
    hostile = people_builders.sponsor(
        "<script>alert(1)</script>", logo=False, description='<img src=x onerror="alert(2)">'
    )
    page = page_with(home_page, ("sponsors", sponsors_value([("<b>Gold</b>", [hostile])])))
    response = client.get(page.url)
    assert b"<script>alert(1)" not in response.content and b"<img src=x" not in response.content
    assert b"<b>Gold</b>" not in response.content
    assert "<script>alert(1)</script>" in BeautifulSoup(response.content, "html.parser").select_one(".sponsor").text


def test_a_deleted_sponsor_drops_out_of_its_tier_and_an_emptied_tier_out_of_the_page(client, home_page):
    kept, gone = people_builders.sponsor("ICPSR"), people_builders.sponsor("Gone Ltd")
    page = page_with(home_page, ("sponsors", sponsors_value([("Gold", [kept]), ("Silver", [gone])])))
    gone.delete()
    block = soup_of(client, page).select_one(".sponsors")
    assert [h.get_text() for h in block.select("h3")] == ["Gold"]


def test_an_empty_tier_is_refused_with_its_name():
    block = SponsorsBlock()
    with pytest.raises(ValidationError) as error:
        clean(block, sponsors_value([("Gold", [])]))
    assert "Choose at least one sponsor for the “Gold” tier, or remove the tier." in error_text(error.value)


def test_a_sponsor_in_two_tiers_is_refused():
    icpsr = people_builders.sponsor("ICPSR")
    block = SponsorsBlock()
    with pytest.raises(ValidationError) as error:
        clean(block, sponsors_value([("Gold", [icpsr]), ("Silver", [icpsr])]))
    assert "ICPSR is listed twice (in “Gold” and “Silver”)." in error_text(error.value)


def test_sponsors_without_tiers_are_refused():
    block = SponsorsBlock()
    with pytest.raises(ValidationError):
        clean(block, {"heading": "", "tiers": []})


def test_thirty_sponsors_in_three_tiers_cost_as_many_queries_as_one(client, home_page, django_assert_max_num_queries):
    index = builders.conference_index(home_page)
    one = builders.conference(
        index, slug="one-sponsor", body=body(("sponsors", sponsors_value([("Gold", [people_builders.sponsor()])])))
    )
    tiers = [(name, [people_builders.sponsor() for _ in range(10)]) for name in ("Platinum", "Gold", "Silver")]
    thirty = builders.conference(index, slug="thirty-sponsors", body=body(("sponsors", sponsors_value(tiers))))
    counts, logos = [], []
    for page in (one, thirty):
        soup_of(client, page)  # the first visit creates the renditions
        with django_assert_max_num_queries(40) as captured:
            logos.append(len(soup_of(client, page).select(".sponsors img")))
        counts.append(len(captured))
    assert logos == [1, 30]
    assert counts[0] == counts[1]


def sponsors_form_value(tiers):
    tier_values = [{"name": name, "sponsors": list_block([item.pk for item in items])} for name, items in tiers]
    return {"heading": "", "tiers": list_block(tier_values)}


def post_sponsors(client, page, tiers):
    data = builders.conference_form_data(page, body=[("sponsors", sponsors_form_value(tiers))])
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_the_editor_saves_sponsors_by_tier(admin_client, home_page):
    page = builders.conference(builders.conference_index(home_page))
    gold, silver = people_builders.sponsor("ICPSR"), people_builders.sponsor("GESIS")
    assert post_sponsors(admin_client, page, [("Gold", [gold]), ("Silver", [silver])]).status_code == 302
    saved = page.revisions.order_by("-created_at").first().as_object().body[0].value
    assert [(tier["name"], [s.name for s in tier["sponsors"]]) for tier in saved["tiers"]] == [
        ("Gold", ["ICPSR"]),
        ("Silver", ["GESIS"]),
    ]


def test_the_editor_refuses_an_empty_tier_and_saves_nothing(admin_client, home_page):
    page = builders.conference(builders.conference_index(home_page))
    revisions = page.revisions.count()
    response = post_sponsors(admin_client, page, [("Gold", [])])
    assert response.status_code == 200
    # The editor's script receives the message as JSON, its quotation marks escaped.
    assert (
        "Choose at least one sponsor for the \\u201cGold\\u201d tier, or remove the tier." in response.content.decode()
    )
    assert page.revisions.count() == revisions


def test_the_editor_opens_a_page_holding_every_people_block(admin_client, home_page):
    people_builders.sponsor("ICPSR")
    children = ConferenceStreamBlock().child_blocks
    stream = [(name, children[name].get_prep_value(children[name].get_preview_value())) for name in BLOCK_NAMES]
    page = page_with(home_page, *stream)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200


# -- speakers -----------------------------------------------------------------


def speaker(name="Ann Lee", photo=None, session=None, **fields):
    value = {"name": name, "affiliation": "", "bio": "", "session": session.pk if session else None, **fields}
    if photo is not None:
        value["photo"] = {"image": photo.pk, "alt_text": f"Portrait of {name}", "decorative": False}
    return value


def speakers_value(*speakers):
    return {"heading": "", "speakers": list(speakers)}


def test_a_speaker_shows_name_photo_affiliation_and_bio(client, home_page):
    photo = wagtail_factories.ImageFactory(title="ann.jpg")
    value = speakers_value(
        speaker(photo=photo, affiliation="University of Bristol", bio="<p>Leads <b>data rescue</b>.</p>")
    )
    page = page_with(home_page, ("speakers", value))
    card = soup_of(client, page).select_one(".speaker")
    assert card.select_one("h3").get_text() == "Ann Lee"
    assert (
        "University of Bristol" in card.get_text() and card.select_one(".speaker__bio b").get_text() == "data rescue"
    )
    img = card.select_one("img")
    rendition = photo.get_rendition(PHOTO_RENDITION)
    assert (img["src"], img["alt"], img["width"]) == (rendition.url, "Portrait of Ann Lee", str(rendition.width))


def test_a_speaker_links_to_their_session_in_the_programme(client, home_page):
    index = builders.conference_index(home_page)
    conference = builders.conference(index, slug="iassist-2026")
    keynote = builders.session(conference, "Opening keynote", session_type=SessionType.PLENARY)
    conference.body = body(("speakers", speakers_value(speaker(session=keynote))))
    conference.save()
    link = soup_of(client, conference).select_one(".speaker__session a")
    assert link["href"] == f"{conference.url}#session-{keynote.pk}"
    assert link.get_text() == "Opening keynote"


def test_a_speaker_does_not_link_to_a_session_visitors_cannot_see(client, home_page):
    index = builders.conference_index(home_page)
    conference = builders.conference(index)
    draft = builders.session(conference, "Not yet announced", live=False)
    conference.body = body(("speakers", speakers_value(speaker(session=draft))))
    conference.save()
    assert soup_of(client, conference).select(".speaker__session") == []


def test_a_speakers_words_are_escaped_and_their_bio_cleaned(client, home_page):
    value = speakers_value(speaker(name="<script>alert(1)</script>", affiliation="<i>x</i>"))
    page = page_with(home_page, ("speakers", value))
    response = client.get(page.url)
    assert b"<script>alert(1)" not in response.content and b"<i>x</i>" not in response.content


def test_a_speaker_without_a_name_is_refused():
    with pytest.raises(ValidationError) as error:
        clean(SpeakersBlock(), speakers_value(speaker(name="  ")))
    assert "This field is required." in error_text(error.value)


def test_a_photo_without_alt_text_is_refused():
    photo = wagtail_factories.ImageFactory()
    value = speakers_value({**speaker(), "photo": {"image": photo.pk, "alt_text": "", "decorative": False}})
    with pytest.raises(ValidationError) as error:
        clean(SpeakersBlock(), value)
    assert "alt text" in error_text(error.value)


def test_six_speakers_cost_as_many_queries_as_one(client, home_page, django_assert_max_num_queries):
    index = builders.conference_index(home_page)
    pages = []
    for count in (1, 6):
        conference = builders.conference(index, slug=f"speakers-{count}")
        sessions = [builders.session(conference, f"Keynote {number}") for number in range(count)]
        people = [
            speaker(f"Speaker {n}", wagtail_factories.ImageFactory(), session) for n, session in enumerate(sessions)
        ]
        conference.body = body(("speakers", speakers_value(*people)))
        conference.save()
        pages.append(conference)
    counts = []
    for page in pages:
        soup_of(client, page)  # the first visit creates the renditions
        with django_assert_max_num_queries(40) as captured:
            assert len(soup_of(client, page).select(".speaker__session a")) == len(page.sessions.all())
        counts.append(len(captured))
    assert counts[0] == counts[1]


# -- committees ---------------------------------------------------------------


def committee_value(*members, name="Programme Committee", years="2026"):
    return {"name": name, "years": years, "members": list(members)}


def member(name="Jane Fry", role="member", institution="", person=None):
    return {"name": name, "role": role, "institution": institution, "person": person.pk if person else None}


def test_a_committee_lists_its_members_with_roles_and_institutions(client, home_page):
    value = committee_value(member("Jane Fry", "chair", "Carleton University"), member("Bo Chen", "member", "UKDS"))
    page = page_with(home_page, ("committee", value))
    block = soup_of(client, page).select_one(".committee")
    assert " ".join(block.select_one("h2").get_text().split()) == "Programme Committee 2026"
    items = [" ".join(li.get_text().split()) for li in block.select("li")]
    assert items == ["Jane Fry, Chair, Carleton University", "Bo Chen, UKDS"]


def test_a_member_with_a_person_links_to_their_page(client, home_page):
    ann = builders.person("Ann Lee")
    page = page_with(home_page, ("committee", committee_value(member(name="", person=ann))))
    link = soup_of(client, page).select_one(".committee a")
    assert (link.get_text(), link["href"]) == ("Ann Lee", f"/conferences/people/{ann.slug}/")


def test_a_member_without_a_name_or_a_person_is_refused():
    with pytest.raises(ValidationError) as error:
        clean(CommitteeBlock(), committee_value(member(name="")))
    assert "Enter the member's name or choose their person page." in error_text(error.value)


@pytest.mark.parametrize("years", ["2025–2026", "2025-2026", "2026"])
def test_a_committees_years_may_be_one_or_a_range(years):
    assert clean(CommitteeBlock(), committee_value(member(), years=years))["years"] == years


@pytest.mark.parametrize("years", ["next year", "26", "2025–2026–2027", "<b>2026</b>"])
def test_other_years_are_refused(years):
    with pytest.raises(StructBlockValidationError) as error:
        clean(CommitteeBlock(), committee_value(member(), years=years))
    assert "Enter a year such as 2026, or two such as 2025–2026." in error_text(error.value)


def test_a_committee_without_members_is_refused():
    with pytest.raises(ValidationError):
        clean(CommitteeBlock(), committee_value())


def test_a_members_words_are_escaped(client, home_page):
    page = page_with(home_page, ("committee", committee_value(member("<script>x</script>", institution="<u>y</u>"))))
    response = client.get(page.url)
    assert b"<script>x" not in response.content and b"<u>y</u>" not in response.content


# -- workshops and social programme --------------------------------------------


def extract_value(*entries, heading=""):
    return {"heading": heading, "entries": list(entries)}


def typed_entry(title="R for survey data", **fields):
    return {
        "title": title,
        "date": None,
        "start": None,
        "end": None,
        "place": "",
        "description": "",
        "link": "",
        **fields,
    }


def test_workshops_come_from_the_schedule_with_local_time_room_and_a_link(client, home_page):
    index = builders.conference_index(home_page)
    washington = schedule_builders.washington_conference(index)
    conference = washington["conference"]
    conference.body = body(("workshops", extract_value(typed_entry("Typed, not shown"))))
    conference.save()
    block = soup_of(client, conference).select_one(".schedule-extract")
    assert block.select_one("h2").get_text() == "Workshops"
    assert "Eastern Daylight Time (America/New_York)" in block.select_one(".schedule-extract__zone").get_text()
    [entry] = block.select(".schedule-extract__entry")
    link = entry.select_one("h3 a")
    assert (link.get_text(), link["href"]) == (
        "Workshop: R for survey data",
        f"{conference.url}#session-{washington['workshop'].pk}",
    )
    when = entry.select_one("time")
    assert when.get_text() == "Tuesday, May 28, 09:00–12:00"
    assert when["datetime"] == "2024-05-28T09:00:00-04:00"
    assert "Lab 3, Gelman Library" in entry.get_text()
    assert "Typed, not shown" not in block.get_text()


def test_the_social_programme_comes_from_the_schedule_and_links_to_it(client, home_page):
    index = builders.conference_index(home_page)
    bristol = schedule_builders.bristol_conference(index)
    conference = bristol["conference"]
    conference.body = body(("social_programme", extract_value()))
    conference.save()
    block = soup_of(client, conference).select_one(".schedule-extract")
    [entry] = block.select(".schedule-extract__entry")
    link = entry.select_one("h3 a")
    assert (link.get_text(), link["href"]) == (
        "Welcome reception",
        f"{conference.url}schedule/#item-{bristol['reception'].pk}",
    )
    assert entry.select_one("time").get_text() == "Tuesday, June 2, 18:00–20:00"
    assert "M Shed" in entry.get_text()
    assert "British Summer Time (Europe/London)" in block.get_text()


def test_a_page_below_the_conference_lists_its_schedule_in_a_fixed_number_of_queries(
    client, home_page, django_assert_max_num_queries
):
    index = builders.conference_index(home_page)
    bristol = schedule_builders.bristol_conference(index)
    page = builders.content_page(
        bristol["conference"], "Social programme", body=body(("social_programme", extract_value()))
    )
    with django_assert_max_num_queries(25):
        entries = soup_of(client, page).select(".schedule-extract__entry")
    assert [e.select_one("h3").get_text() for e in entries] == ["Welcome reception"]


def test_entries_typed_in_are_shown_while_the_schedule_lists_none(client, home_page):
    entry = typed_entry(
        date="2026-06-02", start="09:00", end="12:30", place="Room 1", description="Bring a laptop.\nR installed.",
        link="https://example.org/book",
    )  # fmt: skip
    page = page_with(
        home_page, ("workshops", extract_value(entry, heading="Pre-conference workshops")), time_zone="Europe/London"
    )
    block = soup_of(client, page).select_one(".schedule-extract")
    assert block.select_one("h2").get_text() == "Pre-conference workshops"
    assert block.select_one("h3 a")["href"] == "https://example.org/book"
    when = block.select_one("time")
    assert (when.get_text(), when["datetime"]) == ("Tuesday, June 2, 09:00–12:30", "2026-06-02T09:00+01:00")
    assert "British Summer Time (Europe/London)" in block.get_text()
    assert "Bring a laptop.<br/>R installed." in str(block)


def test_entries_typed_in_render_in_a_preview_with_no_page():
    html = WorkshopsBlock().render(WorkshopsBlock().get_preview_value())
    assert "Times are in the venue’s local time." in html and "Tuesday, June 2, 09:00–12:00" in html


def test_nothing_to_list_says_so():
    assert "To be announced." in SocialProgrammeBlock().render(SocialProgrammeBlock().to_python(extract_value()))


def test_a_typed_entrys_words_are_escaped(client, home_page):
    entry = typed_entry("<script>x</script>", place="<b>Hall</b>", description="<img src=x>")
    page = page_with(home_page, ("workshops", extract_value(entry)))
    response = client.get(page.url)
    assert b"<script>x" not in response.content and b"<b>Hall" not in response.content
    assert b"<img src=x>" not in response.content


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"date": "2026-06-02", "start": "12:00", "end": "09:00"}, "end", "The end is not after the start."),
        ({"start": "09:00"}, "date", "Enter the date as well as the time."),
        ({"date": "2026-06-02", "end": "09:00"}, "start", "Enter the start time as well as the end time."),
        ({"link": "javascript:alert(1)"}, "link", "Enter a web address that starts with https:// or http://."),
    ],
)
def test_a_typed_entry_with_bad_times_or_link_is_refused_on_its_field(fields, field, message):
    block = WorkshopsBlock().child_blocks["entries"].child_block
    with pytest.raises(StructBlockValidationError) as error:
        clean(block, typed_entry(**fields))
    assert message in error_text(error.value.block_errors[field])


def test_a_huge_description_is_refused():
    block = WorkshopsBlock().child_blocks["entries"].child_block
    with pytest.raises(StructBlockValidationError) as error:
        clean(block, typed_entry(description="x" * 10_000))
    assert "description" in error.value.block_errors


def test_a_workshop_in_the_social_programme_is_not_listed(client, home_page):
    index = builders.conference_index(home_page)
    washington = schedule_builders.washington_conference(index)
    conference = washington["conference"]
    schedule_builders.schedule_item(
        conference, "Banquet", schedule_builders.WASHINGTON_DAY, "19:00", item_type=SessionType.BANQUET
    )
    conference.body = body(("social_programme", extract_value()))
    conference.save()
    titles = [h.get_text() for h in soup_of(client, conference).select(".schedule-extract h3")]
    assert titles == ["Banquet"]
