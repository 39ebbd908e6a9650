"""Related presentations on a presentation's page: shared presenters first, then similar words."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from conferences.models import Presentation, related
from conferences.models.related import LIMIT, related_presentations, words
from conferences.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def programme(home_page):
    index = builders.conference_index(home_page)
    earlier = builders.conference(index, 2019, slug="iassist2019")
    later = builders.conference(index, 2024, slug="iassist2024")
    return {"index": index, "earlier": builders.session(earlier), "later": builders.session(later)}


def _talk(session, title, abstract="", presenters=()):
    return builders.presentation(session, title, abstract=abstract, presenters=presenters)


def _titles(presentation):
    return [row["title"] for row in related_presentations(presentation)]


def _fillers(session):
    # Words need other presentations around them to be rare enough to weigh anything.
    for topic in ("Library budgets", "Conference logistics", "Teaching statistics", "Archive buildings"):
        _talk(session, topic, f"{topic} in practice.")


def test_a_shared_presenter_comes_before_a_similar_title(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Harmonising census microdata", presenters=[("Ana Ruiz", "IPUMS")])
    similar = _talk(programme["earlier"], "Census microdata harmonisation at scale")
    same_person = _talk(programme["earlier"], "Teaching with maps", presenters=[("Ana Ruiz", "IPUMS")])
    assert _titles(talk)[:2] == [same_person.title, similar.title]


def test_a_similar_title_is_related(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control")
    similar = _talk(programme["earlier"], "Disclosure control with synthetic data")
    assert _titles(talk) == [similar.title]


def test_the_more_similar_text_ranks_higher(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control", "Synthetic microdata for researchers.")
    closer = _talk(programme["earlier"], "Disclosure control with synthetic data", "Synthetic microdata.")
    further = _talk(programme["earlier"], "Statistical disclosure control in archives")
    assert _titles(talk)[:2] == [closer.title, further.title]


def test_an_unrelated_presentation_is_not_shown(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control")
    _talk(programme["earlier"], "Oral histories of coal miners")
    assert _titles(talk) == []


def test_a_presentation_is_not_related_to_itself(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control", presenters=[("Ana Ruiz", "")])
    assert talk.title not in _titles(talk)


def test_a_draft_is_never_shown(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control", presenters=[("Ana Ruiz", "")])
    draft = _talk(programme["earlier"], "Disclosure control with synthetic data", presenters=[("Ana Ruiz", "")])
    Presentation.objects.filter(pk=draft.pk).update(live=False)
    builders.person("Someone Saving")  # a save: content changed
    assert _titles(talk) == []


def test_a_restricted_conferences_presentations_are_never_shown(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control", presenters=[("Ana Ruiz", "")])
    _talk(programme["earlier"], "Disclosure control with synthetic data", presenters=[("Ana Ruiz", "")])
    PageViewRestriction.objects.create(page=programme["earlier"].conference, restriction_type="login")
    assert _titles(talk) == []


def test_a_talk_given_twice_under_one_title_is_suggested_once(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control")
    for session in (programme["earlier"], programme["later"]):
        _talk(session, "Disclosure control with synthetic data")
    assert _titles(talk) == ["Disclosure control with synthetic data"]


def test_a_presentation_with_its_own_title_elsewhere_is_not_suggested_to_itself(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Disclosure control with synthetic data")
    _talk(programme["earlier"], "Disclosure Control with Synthetic Data")
    assert _titles(talk) == []


def test_at_most_five_are_shown(programme):
    talk = _talk(programme["later"], "Opening", presenters=[("Ana Ruiz", "")])
    for number in range(LIMIT + 3):
        _talk(programme["earlier"], f"Talk {number}", presenters=[("Ana Ruiz", "")])
    assert len(_titles(talk)) == LIMIT


def test_an_edit_is_seen_at_once(programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control")
    other = _talk(programme["earlier"], "Oral histories of coal miners")
    assert _titles(talk) == []
    other.title = "Disclosure control with synthetic data"
    other.save()
    assert _titles(talk) == [other.title]


def test_the_page_lists_them_as_links(client, programme):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control")
    similar = _talk(programme["earlier"], "Disclosure <b>control</b> with synthetic data")
    soup = BeautifulSoup(client.get(talk.get_url()).content, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "related-heading"})
    link = section.find("a")
    assert link.get_text() == similar.title  # escaped: the tag is text, not markup
    assert link["href"] == similar.get_url()
    assert client.get(link["href"]).status_code == 200


def test_a_presentation_without_related_ones_has_no_section(client, programme):
    talk = _talk(programme["later"], "Oral histories of coal miners")
    assert b"related-heading" not in client.get(talk.get_url()).content


def test_the_presentation_page_runs_a_bounded_number_of_queries(client, programme, django_assert_max_num_queries):
    talk = _talk(programme["later"], "Synthetic data", presenters=[("Ana Ruiz", "")])
    for number in range(30):
        _talk(programme["earlier"], f"Synthetic data {number}", presenters=[(f"Person {number}", "")])
    with django_assert_max_num_queries(30) as captured:
        client.get(talk.get_url())
    first = len(captured)
    cache.clear()  # the answers, not the word index: a new generation rebuilds both
    builders.person("Someone Saving")
    for number in range(30, 60):
        _talk(programme["earlier"], f"Synthetic data {number}", presenters=[(f"Person {number}", "")])
    with django_assert_max_num_queries(first):
        client.get(talk.get_url())


def test_a_second_view_reads_them_from_the_cache(client, programme, django_assert_max_num_queries):
    talk = _talk(programme["later"], "Synthetic data", presenters=[("Ana Ruiz", "")])
    _talk(programme["earlier"], "Synthetic data again", presenters=[("Ana Ruiz", "")])
    with django_assert_max_num_queries(40) as captured:
        client.get(talk.get_url())
    with django_assert_max_num_queries(len(captured) - 3):
        client.get(talk.get_url())


@pytest.fixture
def index_builds(monkeypatch):
    """How many times this process builds the word index, and ranks an answer."""
    counts = {"index": 0, "answers": 0}
    build, rank = related._build_corpus, related._rank

    def counted_build(source):
        counts["index"] += 1
        return build(source)

    def counted_rank(corpus, pk):
        counts["answers"] += 1
        return rank(corpus, pk)

    monkeypatch.setattr(related, "_build_corpus", counted_build)
    monkeypatch.setattr(related, "_rank", counted_rank)
    return counts


def _another_process(monkeypatch):
    # What a second worker starts with: the shared cache, and no index or fingerprint of its own.
    monkeypatch.setattr(related, "_index", dict.fromkeys(related._index))


@pytest.fixture
def pair(programme):
    """Two similar talks among others, the first's related ones read once (the index built)."""
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control")
    similar = _talk(programme["earlier"], "Disclosure control with synthetic data")
    assert _titles(talk) == [similar.title]
    return talk, similar


def test_an_edit_that_leaves_the_programme_alone_builds_and_ranks_nothing_again(programme, index_builds, pair):
    talk, similar = pair
    assert index_builds == {"index": 1, "answers": 1}
    builders.content_page(programme["index"], "Travel and accommodation")  # a new content generation
    assert _titles(talk) == [similar.title]
    assert index_builds == {"index": 1, "answers": 1}


def test_an_edit_to_the_programme_builds_the_index_again(programme, index_builds):
    _fillers(programme["later"])
    talk = _talk(programme["later"], "Synthetic data for disclosure control")
    assert _titles(talk) == []
    _talk(programme["earlier"], "Disclosure control with synthetic data")
    assert _titles(talk) == ["Disclosure control with synthetic data"]
    assert index_builds == {"index": 2, "answers": 2}


def test_another_process_reads_the_answer_from_the_cache_without_a_query(
    index_builds, pair, monkeypatch, django_assert_num_queries
):
    talk, similar = pair
    _another_process(monkeypatch)
    with django_assert_num_queries(0):
        assert _titles(talk) == [similar.title]
    assert index_builds == {"index": 1, "answers": 1}


def test_another_process_after_an_edit_elsewhere_reads_the_programme_once_and_builds_nothing(
    programme, index_builds, pair, monkeypatch, django_assert_num_queries
):
    talk, similar = pair
    assert _titles(similar) == [talk.title]
    builders.content_page(programme["index"], "Travel and accommodation")
    _another_process(monkeypatch)
    with django_assert_num_queries(3):  # view restrictions, the public programme, its presenters: the fingerprint
        assert _titles(talk) == [similar.title]
    with django_assert_num_queries(0):
        assert _titles(similar) == [talk.title]
    assert index_builds == {"index": 1, "answers": 2}


def test_words_fold_accents_plurals_and_common_words():
    assert words("The Surveys of Québec, and DATA") == ["survey", "quebec"]


def test_hostile_and_huge_text_gives_words_not_errors():
    assert words('<script>"alert"</script>' + " x" * 100_000) == ["script", "alert", "script"]
