"""The vocabulary and the suggestions' keys (search/terms.py), read from what visitors may see, kept fresh."""

import pytest
from django.db import connection, transaction

from conferences.models import Person
from conferences.tests import builders
from search import signals, terms
from search.models import SearchTerm, Suggestion

pytestmark = pytest.mark.django_db


def term(word):
    return SearchTerm.objects.filter(term=word).values_list("label", "frequency").first()


def test_the_vocabulary_holds_places_themes_titles_and_names(site):
    assert term("gothenburg") == ("Gothenburg", 2)  # the 2022 conference's city, and a talk's title
    assert term("vardigan")[0] == "Vardigan"
    assert term("sustainable")[0] == "Sustainable"
    assert term("curation")[0] == "curation"


def test_a_word_written_in_lower_case_anywhere_is_labelled_in_lower_case(site):
    # "Data" starts titles, but "data" is also written inside them: a common noun.
    assert term("data")[0] == "data"
    # A name is only ever capitalised, and keeps its accents.
    assert term("garcia")[0] == "García"


def test_stop_words_numbers_and_short_words_are_not_terms(site):
    assert not SearchTerm.objects.filter(term__in=["the", "of", "2022", "47th", "a", "in"]).exists()
    assert not SearchTerm.objects.filter(length__lt=terms.MIN_TERM_LENGTH).exists()


def test_drafts_and_their_words_stay_out(site):
    draft = builders.presentation(site["fair"].session, "Xylophonic archives", live=False)
    terms.refresh()
    assert term("xylophonic") is None
    assert not Suggestion.objects.filter(target=f"presentation:{draft.pk}").exists()


def test_a_second_refresh_writes_nothing_and_an_edit_only_its_difference(site):
    assert terms.refresh().added == terms.refresh().removed == 0
    person = Person.objects.get(name="Mary Vardigan")
    person.name = "Mary Vardiganne"
    person.save()
    found = terms.refresh()
    assert term("vardiganne") and term("vardigan") is None
    # The term, and the name's two keys ("mary vardiganne", "vardiganne"), in and out.
    assert (found.added, found.removed) == (3, 3)


@pytest.fixture
def nothing_waiting_to_commit():
    """The site fixture's own transaction has a refresh waiting already: a test of scheduling starts from none."""
    waiting, connection.run_on_commit = connection.run_on_commit, []
    yield
    connection.run_on_commit = waiting


def test_an_edit_refreshes_them_when_it_commits(site, nothing_waiting_to_commit, django_capture_on_commit_callbacks):
    person = Person.objects.get(name="Kevin Manuel")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            for name in ("Kevin Manual", "Kevin Manuelo"):
                person.name = name
                person.save()
    # Once per transaction, however many rows it saved (the page cache has its own).
    assert sum(callback is signals.refresh_terms for callback in callbacks) == 1
    assert term("manuelo") and term("manuel") is None
    assert Suggestion.objects.filter(key="kevin manuelo").exists()


def test_the_command_refreshes_them(site, capsys):
    from django.core.management import call_command

    SearchTerm.objects.all().delete()
    call_command("refresh_search_terms")
    assert term("gothenburg")
    assert "terms and" in capsys.readouterr().out
