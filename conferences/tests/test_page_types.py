import datetime

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from conferences.models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, ContentPage
from conferences.tests import builders
from conferences.tests.form_data import list_block
from home.models import HomePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_conference_index_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ConferenceIndexPage, {HomePage})

    def test_conference_index_holds_conferences_archive_and_content_pages(self):
        self.assertAllowedSubpageTypes(ConferenceIndexPage, {ConferencePage, ConferenceArchivePage, ContentPage})

    def test_conference_page_lives_only_under_the_index(self):
        self.assertAllowedParentPageTypes(ConferencePage, {ConferenceIndexPage})

    def test_conference_page_holds_content_pages(self):
        self.assertAllowedSubpageTypes(ConferencePage, {ContentPage})

    def test_archive_lives_under_the_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ConferenceArchivePage, {ConferenceIndexPage})
        self.assertAllowedSubpageTypes(ConferenceArchivePage, set())

    def test_only_one_conference_index_per_site(self):
        home = HomePage.objects.get(depth=2)
        assert ConferenceIndexPage.can_create_at(home)
        builders.conference_index(home)
        assert not ConferenceIndexPage.can_create_at(home)


class CreateThroughAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(depth=2)

    def test_create_conference_index(self):
        self.assertCanCreate(
            self.home,
            ConferenceIndexPage,
            nested_form_data(
                {
                    "title": "Conferences",
                    "slug": "conferences",
                    "intro": rich_text("<p>All our events.</p>"),
                    "show_upcoming": "on",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Forthcoming", "level": "h2"}),
                            (
                                "notice",
                                {
                                    "scheme": "highlight",
                                    "content": streamfield(
                                        [("heading", {"text": "Forthcoming and Recent Conferences", "level": "h2"})]
                                    ),
                                },
                            ),
                            (
                                "event_buttons",
                                list_block(
                                    [
                                        {
                                            "label": "IASSIST 2027",
                                            "page": "",
                                            "url": "https://example.org/",
                                            "new_tab": "",
                                        }
                                    ]
                                ),
                            ),
                            ("zenodo", {"target": "10.5281/zenodo.123", "label": ""}),
                        ]
                    ),
                    "menu": streamfield([]),
                    "landing_heading": "Forthcoming and Recent Conferences",
                    "recent_years": "2",
                    "landing_pins": inline_formset([]),
                }
            ),
        )
        page = ConferenceIndexPage.objects.get(slug="conferences")
        assert [block.block_type for block in page.body] == ["heading", "notice", "event_buttons", "zenodo"]
        assert page.body[3].value["target"] == "https://doi.org/10.5281/zenodo.123"

    def test_create_conference_page_with_facts(self):
        index = builders.conference_index(self.home)
        self.assertCanCreate(
            index,
            ConferencePage,
            nested_form_data(
                {
                    "title": "IASSIST 2027",
                    "slug": "iassist2027",
                    "kind": "annual",
                    "ordinal": "52",
                    "year": "2027",
                    "theme": "Data futures",
                    "start_date": "2027-05-25",
                    "end_date": "2027-05-28",
                    "date_precision": "day",
                    "city": "Toronto",
                    "country": "Canada",
                    "host": "A university",
                    "attendance_mode": "hybrid",
                    "zenodo_community": "https://zenodo.org/communities/iassist-2027/search?page=1",
                    "body": streamfield([("paragraph", rich_text("<p>Welcome</p>"))]),
                    "menu": streamfield([]),
                    "landing_buttons": streamfield([]),
                    "important_date_entries": inline_formset([]),
                }
            ),
        )
        page = ConferencePage.objects.get(slug="iassist2027")
        assert page.start_date == datetime.date(2027, 5, 25)
        assert page.zenodo_community == "https://zenodo.org/communities/iassist-2027"

    def test_create_content_page(self):
        index = builders.conference_index(self.home)
        self.assertCanCreate(
            index,
            ContentPage,
            nested_form_data(
                {
                    "title": "Code of Conduct",
                    "slug": "code-of-conduct",
                    "body": streamfield([("paragraph", rich_text("<p>Be kind.</p>"))]),
                }
            ),
        )

    def test_create_archive_page(self):
        index = builders.conference_index(self.home)
        self.assertCanCreate(
            index,
            ConferenceArchivePage,
            nested_form_data({"title": "Conference Archive", "slug": "archive", "intro": rich_text("<p>All.</p>")}),
        )
