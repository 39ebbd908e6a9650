"""Starting next year's conference from this year's website, and the standard pages of a new one."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail import blocks
from wagtail.models import Page, PageLogEntry

from conferences import roles
from conferences.carry_over import carry_over, carry_over_stream
from conferences.choices import ConferenceKind
from conferences.models import ConferencePage, ContentPage, Presentation, Room, ScheduleItem, Session
from conferences.next_conference import LOG_ACTION
from conferences.standard_pages import STANDARD_PAGES, add_standard_pages
from conferences.tests import builders, schedule_builders

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year
NEXT_YEAR = THIS_YEAR + 1
NOTICE = "Proposals are due on 1 December"


def notice(heading=NOTICE):
    return {
        "type": "notice",
        "value": {"scheme": "highlight", "content": [{"type": "heading", "value": {"text": heading, "level": "h2"}}]},
    }


def paragraph(html):
    return {"type": "paragraph", "value": html}


def menu_link(page=None, url="", label=""):
    return {"type": "link", "value": {"page": page.pk if page else None, "url": url, "label": label}}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def section(home_page):
    """This year's conference website: three pages below it, a menu, notices, a programme and a schedule."""
    index = builders.conference_index(home_page)
    conference = builders.conference(
        index,
        THIS_YEAR,
        title=f"IASSIST {THIS_YEAR}",
        slug=f"iassist{THIS_YEAR}",
        ordinal=52,
        theme="Data with a conscience",
        start_date=datetime.date(THIS_YEAR, 6, 2),
        end_date=datetime.date(THIS_YEAR, 6, 3),
        city="Bristol",
        country="United Kingdom",
        host="University of Bristol",
        time_zone="Europe/London",
        zenodo_community=f"https://zenodo.org/communities/iassist-{THIS_YEAR}",
    )
    cfp = builders.content_page(conference, "Call for proposals", slug="call-for-proposals")
    registration = builders.content_page(conference, "Registration", slug="registration")
    guidelines = builders.content_page(cfp, "Guidelines for presenters", slug="guidelines")
    cfp.body = [
        notice(),
        paragraph(f'<p>Register <a linktype="page" id="{registration.pk}">here</a>.</p>'),
        {"type": "event_buttons", "value": [{"label": "Guidelines", "page": guidelines.pk, "url": ""}]},
        {"type": "zenodo", "value": {"target": "https://zenodo.org/communities/iassist-2020", "label": ""}},
    ]
    conference.body = [notice("Welcome to Bristol"), paragraph("<p>The annual conference of IASSIST.</p>")]
    conference.menu = [
        menu_link(cfp),
        menu_link(registration, label="Register"),
        menu_link(url="https://iassistdata.org/", label="IASSIST"),
    ]
    for page in (conference, cfp, registration, guidelines):
        publish(page)
    session = builders.session(conference, "Opening plenary")
    builders.presentation(session, "Welcome", presenters=[("Jane Fry", "Carleton")])
    day = conference.start_date
    schedule_builders.room(conference, "Great Hall")
    schedule_builders.schedule_item(conference, "Coffee", day, "10:00", "10:30")
    roles.ensure_roles()
    return {"index": index, "conference": conference, "cfp": cfp, "registration": registration, "guide": guidelines}


def next_year_url(conference):
    return reverse("conference_next_year", args=[conference.pk])


def start(client, conference, **changes):
    data = {
        "year": str(NEXT_YEAR),
        "title": f"IASSIST {NEXT_YEAR}",
        "slug": f"iassist{NEXT_YEAR}",
        "ordinal": "53",
        **changes,
    }
    return client.post(next_year_url(conference), data)


def new_conference():
    return ConferencePage.objects.get(year=NEXT_YEAR)


def below(page):
    return {p.url_path[len(page.url_path) :]: p.specific for p in page.get_descendants()}


# -- the form ------------------------------------------------------------------


def test_the_form_proposes_next_year_its_title_address_and_ordinal(admin_client, section):
    html = admin_client.get(next_year_url(section["conference"])).content.decode()
    assert f'value="{NEXT_YEAR}"' in html
    assert f'value="IASSIST {NEXT_YEAR}"' in html
    assert f'value="iassist{NEXT_YEAR}"' in html
    assert 'value="53"' in html


def test_an_old_conference_proposes_the_first_free_year_from_this_one_not_a_past_one(admin_client, section):
    # This year's conference holds THIS_YEAR, so the first free year is the next.
    old = builders.conference(section["index"], 2019, slug="iassist2019")
    html = admin_client.get(next_year_url(old)).content.decode()
    assert f'value="{NEXT_YEAR}"' in html and 'value="2020"' not in html


def test_a_year_another_conference_holds_is_skipped_in_the_proposal(admin_client, section):
    builders.conference(section["index"], NEXT_YEAR, slug="elsewhere", ordinal=53)
    html = admin_client.get(next_year_url(section["conference"])).content.decode()
    assert f'value="{NEXT_YEAR + 1}"' in html and f'value="iassist{NEXT_YEAR + 1}"' in html
    assert 'value="53"' not in html


def test_the_edit_view_offers_the_action(admin_client, section):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[section["conference"].pk])).content.decode()
    assert next_year_url(section["conference"]) in html
    assert "Start next year&#x27;s conference" in html


def test_a_workshop_has_no_next_year(admin_client, section):
    workshop = builders.conference(section["index"], THIS_YEAR, kind=ConferenceKind.WORKSHOP, slug="africa")
    assert admin_client.get(next_year_url(workshop)).status_code == 404


# -- what is created -----------------------------------------------------------


def test_the_next_conference_is_a_draft_with_its_year_address_and_ordinal(admin_client, section):
    start(admin_client, section["conference"])
    page = new_conference()
    assert (page.title, page.slug, page.ordinal, page.kind) == (
        f"IASSIST {NEXT_YEAR}",
        f"iassist{NEXT_YEAR}",
        53,
        "annual",
    )
    assert not page.live
    assert page.get_parent().pk == section["index"].pk


def test_success_leads_to_the_new_page_with_what_was_created(admin_client, section):
    response = start(admin_client, section["conference"])
    page = new_conference()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    message = str(list(response.wsgi_request._messages)[0])
    assert message == f"IASSIST {NEXT_YEAR} and 3 pages created as drafts."


def test_every_page_below_is_copied_as_a_draft_in_its_place(admin_client, section):
    start(admin_client, section["conference"])
    copies = below(new_conference())
    assert set(copies) == {"call-for-proposals/", "registration/", "call-for-proposals/guidelines/"}
    assert not any(page.live for page in copies.values())
    assert copies["call-for-proposals/guidelines/"].title == "Guidelines for presenters"


def test_the_menu_leads_to_the_copies_and_keeps_other_addresses(admin_client, section):
    start(admin_client, section["conference"])
    page = new_conference()
    copies = below(page)
    menu = [(entry.value["page"], entry.value["url"], entry.value["label"]) for entry in page.menu]
    menu = [(target.pk if target else None, url, label) for target, url, label in menu]
    assert menu == [
        (copies["call-for-proposals/"].pk, "", ""),
        (copies["registration/"].pk, "", "Register"),
        (None, "https://iassistdata.org/", "IASSIST"),
    ]


def test_the_edit_view_shows_the_carried_over_draft(admin_client, section):
    start(admin_client, section["conference"])
    draft = new_conference().get_latest_revision_as_object()
    assert [entry.value["label"] for entry in draft.menu] == ["", "Register", "IASSIST"]
    assert NOTICE not in str(below(draft)["call-for-proposals/"].get_latest_revision_as_object().body)


def test_this_years_facts_stay_behind(admin_client, section):
    start(admin_client, section["conference"])
    page = new_conference()
    facts = (page.theme, page.start_date, page.end_date, page.city, page.country, page.host, page.zenodo_community)
    assert facts == ("", None, None, "", "", "", "")


def test_notices_zenodo_links_and_recordings_are_removed_and_the_rest_kept(admin_client, section):
    start(admin_client, section["conference"])
    cfp = below(new_conference())["call-for-proposals/"]
    assert [block.block_type for block in cfp.body] == ["paragraph", "event_buttons"]
    assert [block.block_type for block in new_conference().body] == ["paragraph"]


def test_links_in_bodies_lead_to_the_copies(admin_client, section):
    start(admin_client, section["conference"])
    copies = below(new_conference())
    body = copies["call-for-proposals/"].body
    assert f'id="{copies["registration/"].pk}"' in body[0].value.source
    assert body[1].value[0]["page"].pk == copies["call-for-proposals/guidelines/"].pk


def test_the_old_website_is_untouched(admin_client, section):
    old = section["conference"]
    before = (old.menu.get_prep_value(), old.body.get_prep_value(), section["cfp"].body.get_prep_value())
    start(admin_client, old)
    old.refresh_from_db()
    cfp = ContentPage.objects.get(pk=section["cfp"].pk)
    assert (old.menu.get_prep_value(), old.body.get_prep_value(), cfp.body.get_prep_value()) == before
    assert old.live and old.city == "Bristol" and old.get_descendants().count() == 3


def test_no_programme_or_schedule_is_copied(admin_client, section):
    start(admin_client, section["conference"])
    page = new_conference()
    rows = [model.objects.filter(conference=page).count() for model in (Session, Presentation, Room, ScheduleItem)]
    assert rows == [0, 0, 0, 0]
    assert Session.objects.filter(conference=section["conference"]).count() == 1


def test_the_start_is_in_the_new_conferences_history(admin_client, section, admin_user):
    start(admin_client, section["conference"])
    entry = PageLogEntry.objects.get(page=new_conference(), action=LOG_ACTION)
    assert entry.user == admin_user
    assert entry.data["source"]["title"] == f"IASSIST {THIS_YEAR}"
    assert entry.message == f"Started from the website of IASSIST {THIS_YEAR}, with 3 pages below it"


# -- refusals --------------------------------------------------------------------


def assert_nothing_created(response, error):
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ConferencePage.objects.filter(year=NEXT_YEAR).exists()
    assert Page.objects.filter(depth__gt=2).count() == 5  # the index, the conference and its three pages


def test_a_taken_year_is_refused_and_nothing_created(admin_client, section):
    taken = builders.conference(section["index"], NEXT_YEAR, title="IASSIST Next", slug="next")
    response = start(admin_client, section["conference"])
    assert response.status_code == 200
    assert f"IASSIST Next is already the {NEXT_YEAR} conference." in response.content.decode()
    assert ConferencePage.objects.filter(year=NEXT_YEAR).get() == taken


def test_a_taken_address_is_refused_and_nothing_created(admin_client, section):
    response = start(admin_client, section["conference"], slug=f"iassist{THIS_YEAR}")
    assert_nothing_created(response, f"Another page in Conferences has the address “iassist{THIS_YEAR}”.")


def test_a_taken_ordinal_is_refused_and_nothing_created(admin_client, section):
    response = start(admin_client, section["conference"], ordinal="52")
    assert_nothing_created(response, f"IASSIST {THIS_YEAR} ({THIS_YEAR}) is already the 52nd annual conference.")


def test_a_past_year_is_refused(admin_client, section):
    response = start(admin_client, section["conference"], year=str(THIS_YEAR - 1), slug="iassist-past")
    assert_nothing_created(response, f"{THIS_YEAR - 1} is in the past")


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("year", "next year", "Enter a whole number."),
        ("year", "9" * 40, "more than 10 years ahead"),
        ("year", "", "This field is required."),
        ("title", "", "This field is required."),
        ("title", "x" * 300, "at most 255 characters"),
        ("slug", "<script>alert(1)</script>", "Enter a valid “slug”"),
        ("ordinal", "-3", "greater than or equal to 1"),
        ("ordinal", "9" * 40, "less than or equal to 32767"),
    ],
)
def test_malformed_input_gets_a_clear_error_and_creates_nothing(admin_client, section, field, value, error):
    response = start(admin_client, section["conference"], **{field: value})
    assert_nothing_created(response, error)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_hostile_title_is_shown_escaped(admin_client, section):
    response = start(admin_client, section["conference"], title="<b>IASSIST</b>", ordinal="52")
    html = response.content.decode()
    assert "&lt;b&gt;IASSIST&lt;/b&gt;" in html and "<b>IASSIST</b>" not in html


# -- permissions -------------------------------------------------------------------


@pytest.fixture
def organiser(client, section):
    """Edits this year's conference and its pages, but may add no page beside it in the index."""
    group = roles.ensure_organisers(section["conference"])
    client.force_login(builders.member(group.name, "organiser"))
    return client


def test_a_user_who_may_not_add_conferences_gets_403(organiser, section):
    response = organiser.get(next_year_url(section["conference"]))
    assert response.status_code == 403
    assert "takes permission to add and edit pages in the conferences section" in response.content.decode()
    assert start(organiser, section["conference"]).status_code == 403
    assert not ConferencePage.objects.filter(year=NEXT_YEAR).exists()


def test_a_user_who_may_not_add_conferences_sees_no_button(organiser, section):
    html = organiser.get(reverse("wagtailadmin_pages:edit", args=[section["conference"].pk])).content.decode()
    assert next_year_url(section["conference"]) not in html


def test_a_conference_editor_may_start_next_years_conference(client, section):
    client.force_login(builders.member(roles.CONFERENCE_EDITORS, "editor"))
    start(client, section["conference"])
    assert not new_conference().live


# -- the protocol for dated blocks -----------------------------------------------------


class FeesBlock(blocks.StructBlock):
    """A block written later: keeps its categories, not their fees."""

    category = blocks.CharBlock()
    fee = blocks.CharBlock(required=False)

    def next_conference_value(self, raw):
        return {**raw, "fee": ""}


class DeadlineBlock(blocks.CharBlock):
    dated = True


class LaterStreamBlock(blocks.StreamBlock):
    fees = FeesBlock()
    deadline = DeadlineBlock()
    dates = blocks.ListBlock(DeadlineBlock())
    venue = blocks.StructBlock([("name", blocks.CharBlock()), ("opens", DeadlineBlock(default="soon"))])


def test_a_block_that_declares_itself_dated_is_dropped():
    raw = [{"type": "deadline", "value": "1 May", "id": "a"}, {"type": "fees", "value": {"category": "Member"}}]
    kept = carry_over_stream(LaterStreamBlock(), raw, {})
    assert [child["type"] for child in kept] == ["fees"]


def test_a_block_that_knows_how_to_empty_itself_is_emptied():
    raw = [{"type": "fees", "value": {"category": "Member", "fee": "£350"}}]
    assert carry_over_stream(LaterStreamBlock(), raw, {})[0]["value"] == {"category": "Member", "fee": ""}


def test_a_list_of_dated_items_goes_with_them():
    raw = [{"type": "dates", "value": [{"type": "item", "value": "1 May", "id": "x"}]}]
    assert carry_over_stream(LaterStreamBlock(), raw, {}) == []


def test_a_dated_field_of_a_struct_is_reset_to_its_default():
    raw = {"name": "Great Hall", "opens": "9 June"}
    assert carry_over(LaterStreamBlock().child_blocks["venue"], raw, {}) == {"name": "Great Hall", "opens": "soon"}


def test_an_unknown_block_type_is_kept_as_it_is():
    raw = [{"type": "retired_block", "value": {"anything": 1}}]
    assert carry_over_stream(LaterStreamBlock(), raw, {}) == raw


# -- the standard pages --------------------------------------------------------------


@pytest.fixture
def new_site(home_page):
    index = builders.conference_index(home_page)
    conduct = builders.content_page(index, "Conference Code of Conduct", slug="conference-code-of-conduct")
    conference = publish(builders.conference(index, NEXT_YEAR, title=f"IASSIST {NEXT_YEAR}", slug="fresh"))
    roles.ensure_roles()
    return {"index": index, "conference": conference, "conduct": conduct}


def standard_pages_url(conference):
    return reverse("conference_standard_pages", args=[conference.pk])


def test_a_conference_without_pages_is_offered_the_standard_pages(admin_client, new_site):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[new_site["conference"].pk])).content.decode()
    assert standard_pages_url(new_site["conference"]) in html


def test_a_conference_with_pages_is_not_offered_them(admin_client, section):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[section["conference"].pk])).content.decode()
    assert standard_pages_url(section["conference"]) not in html


def test_the_standard_pages_are_created_as_drafts(admin_client, new_site):
    response = admin_client.post(standard_pages_url(new_site["conference"]))
    assert response.status_code == 302
    pages = Page.objects.child_of(new_site["conference"]).specific()
    assert [(page.title, page.slug) for page in pages] == list(STANDARD_PAGES)
    assert not any(page.live for page in pages)


def test_the_menu_leads_to_them_and_the_code_of_conduct_in_a_draft(admin_client, new_site):
    admin_client.post(standard_pages_url(new_site["conference"]))
    conference = ConferencePage.objects.get(pk=new_site["conference"].pk)
    draft = conference.get_latest_revision_as_object()
    targets = [entry.value["page"].title for entry in draft.menu]
    assert targets == [title for title, _slug in STANDARD_PAGES] + ["Conference Code of Conduct"]
    assert len(conference.menu) == 0  # the published conference is unchanged until the draft is published


def test_the_standard_pages_are_created_once(admin_client, new_site, admin_user):
    conference = new_site["conference"]
    add_standard_pages(conference, admin_user)
    revisions = conference.revisions.count()
    created, links = add_standard_pages(ConferencePage.objects.get(pk=conference.pk), admin_user)
    assert (created, links) == ([], 0)
    assert Page.objects.child_of(conference).count() == len(STANDARD_PAGES)
    assert conference.revisions.count() == revisions


def test_only_missing_pages_and_links_are_added(admin_user, new_site):
    conference = new_site["conference"]
    builders.content_page(conference, "Our FAQ", slug="faq")
    created, links = add_standard_pages(conference, admin_user)
    assert len(created) == len(STANDARD_PAGES) - 1
    assert links == len(STANDARD_PAGES) + 1
    assert Page.objects.child_of(conference).filter(slug="faq").count() == 1


def test_each_standard_page_is_logged_once_as_created(admin_user, new_site):
    created, _links = add_standard_pages(new_site["conference"], admin_user)
    entries = PageLogEntry.objects.filter(page__in=created, action="wagtail.create")
    assert entries.count() == len(STANDARD_PAGES)


def test_a_user_who_may_not_add_pages_below_the_conference_gets_403(client, new_site):
    other = builders.conference(new_site["index"], 2019, slug="iassist2019")
    client.force_login(builders.member(roles.ensure_organisers(other).name, "organiser"))
    response = client.get(standard_pages_url(new_site["conference"]))
    assert response.status_code == 403
    assert "takes permission to add pages below the conference" in response.content.decode()
    assert new_site["conference"].title not in response.content.decode()  # it could be a draft they may not see
    assert client.post(standard_pages_url(new_site["conference"])).status_code == 403
    assert not Page.objects.child_of(new_site["conference"]).exists()
