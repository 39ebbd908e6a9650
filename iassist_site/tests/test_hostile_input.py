"""Random and hostile values in every public URL parameter: never a 5xx, never reflected unescaped.

Each test builds a small site once and then lets hypothesis throw values at it; the
examples run inside the test's transaction, so the site stays as built.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conferences.tests import builders

pytestmark = pytest.mark.django_db

PROBE = "<x-probe"
HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "99999999999999999999999999",
    "NaN",
    "None",
    "null",
    "true",
    "%00",
    "\x00",
    '"',
    'a" OR "1"="1',
    "'; DROP TABLE wagtailcore_page; --",
    "NEAR(a b) AND * OR ^",
    "../../../etc/passwd",
    "javascript:alert(1)",
    "json",
    "JSON",
    "html",
    "1990s",
    "presentation",
    "\u202e\u200b\ufeff",
    "x" * 5000,
]
CHARACTERS = st.characters(exclude_categories=["Cs"])
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(CHARACTERS, max_size=300),
    st.integers().map(str),
    st.builds(lambda text: f'"><{PROBE[1:]} onload=alert(1)>{text}', st.text(CHARACTERS, max_size=40)),
)
SLUGS = st.one_of(st.sampled_from(HOSTILE), st.text(CHARACTERS, min_size=1, max_size=120))
NOT_HTML = ("application/json", "application/xml", "text/calendar", "application/x-bib", "text/plain")
EXAMPLES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def site(home_page):
    index = builders.conference_index(home_page)
    builders.archive_page(index)
    conference = builders.conference(index, 2022, title="IASSIST 2022", slug="iassist-2022")
    session = builders.session(conference, "Session A1")
    builders.presentation(session, "Census of Canada", slug="census", presenters=[("Kevin Manuel", "TMU")])
    return {"index": index.url, "conference": conference.url}


def assert_safe(response):
    assert response.status_code < 500
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        assert PROBE not in response.content.decode("utf-8", "replace")
    elif response.status_code == 200:
        assert content_type.startswith(NOT_HTML)


def test_search_parameters_never_fail_or_reflect(client, site):
    @EXAMPLES
    @given(
        st.fixed_dictionaries(
            {},
            optional=dict.fromkeys(("q", "kind", "decade", "page", "format", "limit", "suggest", "unknown"), VALUES),
        )
    )
    def check(params):
        assert_safe(client.get("/search/", params))
        assert_safe(client.get("/search/", {**params, "format": "json"}))

    check()


def test_conference_and_presentation_slugs_never_fail_or_reflect(client, site):
    @EXAMPLES
    @given(SLUGS, st.sampled_from(["", "presentations/{}/", "presentations/{}/bibtex/", "{}/", "calendar/{}/"]))
    def check(slug, shape):
        segment = quote(slug, safe="")
        assert_safe(client.get(f"{site['index']}{segment}/"))
        assert_safe(client.get(f"{site['conference']}{shape.format(segment)}"))

    check()


def test_person_slugs_never_fail_or_reflect(client, site):
    @EXAMPLES
    @given(SLUGS)
    def check(slug):
        assert_safe(client.get(f"{site['index']}people/{quote(slug, safe='')}/"))

    check()


PUBLIC_PATHS = ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-presentations.xml", "/", "/robots.txt",
                "/documents/1/x.pdf", "{index}archive/"]  # fmt: skip


def test_other_public_query_parameters_never_fail_or_reflect(client, site):
    @EXAMPLES
    @given(VALUES, st.sampled_from(PUBLIC_PATHS))
    def check(value, path):
        assert_safe(client.get(path.format(index=site["index"]), {"p": value, "page": value, "q": value}))

    check()


@pytest.fixture
def timed_site(home_page):
    from conferences.tests.schedule_builders import bristol_conference

    return bristol_conference(builders.conference_index(home_page))["conference"].url


def test_the_agendas_starred_parameter_never_fails_or_reflects(client, timed_site):
    @EXAMPLES
    @given(VALUES, st.sampled_from(["schedule/agenda/", "schedule/agenda/calendar/", "schedule/"]))
    def check(value, path):
        assert_safe(client.get(f"{timed_site}{path}", {"starred": value}))

    check()


def test_schedule_calendar_addresses_never_fail_or_reflect(client, timed_site):
    @EXAMPLES
    @given(SLUGS, st.sampled_from(["calendar/{}/", "calendar/sessions/{}/", "schedule/{}/", "{}/schedule.xml"]))
    def check(segment, shape):
        assert_safe(client.get(f"{timed_site}{shape.format(quote(segment, safe=''))}"))

    check()
