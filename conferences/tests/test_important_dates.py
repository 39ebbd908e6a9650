"""A conference's important dates: what the page answers, and what the admin refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conferences.choices import ImportantDateKind
from conferences.models import ImportantDate
from conferences.tests import builders

pytestmark = pytest.mark.django_db

Kind = ImportantDateKind
JUNE = datetime.date(2027, 6, 1)


@pytest.fixture
def index(home_page):
    return builders.conference_index(home_page)


@pytest.fixture
def conference(index):
    # Facts of IASSIST 2027: May 25-28.
    return builders.conference(index, 2027, start_date=datetime.date(2027, 5, 25), end_date=datetime.date(2027, 5, 28))


def edit(client, page, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, builders.conference_form_data(page, **changes))


def test_important_dates_come_soonest_first_whatever_the_editors_order(conference):
    builders.important_date(conference, Kind.REGISTRATION_CLOSES, datetime.date(2027, 5, 1))
    builders.important_date(conference, Kind.CFP_OPENS, datetime.date(2026, 10, 1))
    assert [entry.kind for entry in conference.important_dates()] == [Kind.CFP_OPENS, Kind.REGISTRATION_CLOSES]


def test_important_dates_are_read_in_one_query_however_often_asked(conference, django_assert_num_queries):
    builders.important_date(conference, Kind.PROPOSALS_DUE, datetime.date(2026, 12, 1))
    builders.important_date(conference, Kind.NOTIFICATIONS, datetime.date(2027, 2, 1))
    with django_assert_num_queries(1):
        conference.important_dates()
        conference.date_of(Kind.NOTIFICATIONS)
        conference.date_of(Kind.EARLY_BIRD_ENDS)


def test_date_of_answers_the_date_of_a_kind_or_none(conference):
    builders.important_date(conference, Kind.PROPOSALS_DUE, datetime.date(2026, 12, 1))
    assert conference.date_of(Kind.PROPOSALS_DUE).date == datetime.date(2026, 12, 1)
    assert conference.date_of(Kind.HOTEL_DEADLINE) is None


def test_an_unlabelled_date_is_called_by_its_kind_and_a_label_overrides_it(conference):
    plain = builders.important_date(conference, Kind.EARLY_BIRD_ENDS, datetime.date(2027, 3, 1))
    named = builders.important_date(conference, Kind.PROPOSALS_DUE, datetime.date(2027, 1, 5), label="Posters due")
    assert plain.name == "Early-bird registration ends"
    assert named.name == "Posters due"


def test_an_end_before_the_date_is_refused_on_the_end_date(conference):
    entry = ImportantDate(page=conference, kind=Kind.CONFERENCE_DAYS, date=JUNE, end_date=datetime.date(2027, 5, 30))
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert error.value.message_dict["end_date"] == ["The end date (May 30, 2027) is before the date (June 1, 2027)."]


def test_an_other_date_without_a_label_is_refused_on_the_label(conference):
    entry = ImportantDate(page=conference, kind=Kind.OTHER, date=JUNE)
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert "needs a label" in error.value.message_dict["label"][0]


def test_a_content_page_finds_its_conference_and_a_section_page_none(index, conference):
    inner = builders.content_page(builders.content_page(conference, title="Travel"), title="Hotels")
    outside = builders.content_page(index, title="Code of conduct")
    assert inner.website_conference().pk == conference.pk
    assert outside.website_conference() is None


class TestAdmin:
    def test_the_edit_form_saves_new_important_dates(self, admin_client, conference):
        rows = [
            {"kind": Kind.PROPOSALS_DUE, "date": "2026-12-01"},
            {"kind": Kind.CONFERENCE_DAYS, "date": "2027-05-25", "end_date": "2027-05-28"},
        ]
        response = edit(admin_client, conference, important_dates=rows, **{"action-publish": "1"})
        assert response.status_code == 302
        saved = ImportantDate.objects.filter(page=conference).order_by("date")
        assert [(entry.kind, entry.end_date) for entry in saved] == [
            (Kind.PROPOSALS_DUE, None),
            (Kind.CONFERENCE_DAYS, datetime.date(2027, 5, 28)),
        ]

    def test_a_deadline_after_the_conference_is_refused_with_both_dates(self, admin_client, conference):
        rows = [{"kind": Kind.PROPOSALS_DUE, "date": "2027-06-03"}]
        response = edit(admin_client, conference, important_dates=rows, end_date="2027-05-31")
        assert response.status_code == 200
        assert "Proposals due (June 3, 2027) is after the conference ends (May 31, 2027)." in response.content.decode()
        assert not ImportantDate.objects.exists()

    def test_a_deadline_is_checked_against_the_end_date_as_just_typed(self, admin_client, conference):
        builders.important_date(conference, Kind.REGISTRATION_CLOSES, datetime.date(2027, 5, 20))
        response = edit(admin_client, conference, end_date="2027-05-18", start_date="2027-05-15")
        assert "Registration closes (May 20, 2027) is after the conference ends (May 18, 2027)." in (
            response.content.decode()
        )
        conference.refresh_from_db()
        assert conference.end_date == datetime.date(2027, 5, 28)

    def test_conference_days_and_other_dates_may_fall_after_the_conference(self, admin_client, conference):
        rows = [
            {"kind": Kind.CONFERENCE_DAYS, "date": "2027-05-25", "end_date": "2027-05-29"},
            {"kind": Kind.OTHER, "label": "Proceedings published", "date": "2027-09-01"},
        ]
        assert edit(admin_client, conference, important_dates=rows).status_code == 302

    def test_an_end_before_the_date_is_refused_in_the_form(self, admin_client, conference):
        rows = [{"kind": Kind.CONFERENCE_DAYS, "date": "2027-05-28", "end_date": "2027-05-25"}]
        response = edit(admin_client, conference, important_dates=rows)
        assert response.status_code == 200
        assert "The end date (May 25, 2027) is before the date (May 28, 2027)." in response.content.decode()

    @pytest.mark.parametrize("date", ["", "2027-02-30", "x" * 5000, "<script>alert(1)</script>"])
    def test_a_malformed_date_is_refused_and_nothing_saved(self, admin_client, conference, date):
        response = edit(admin_client, conference, important_dates=[{"kind": Kind.PROPOSALS_DUE, "date": date}])
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()
        assert not ImportantDate.objects.exists()

    def test_a_kind_outside_the_vocabulary_is_refused(self, admin_client, conference):
        response = edit(admin_client, conference, important_dates=[{"kind": "party", "date": "2027-01-01"}])
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not ImportantDate.objects.exists()

    def test_the_edit_form_shows_the_important_dates_panel(self, admin_client, conference):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[conference.pk]))
        assert "Important dates" in response.content.decode()
