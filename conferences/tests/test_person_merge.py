"""Curators merge duplicate people: every entry moves, old addresses lead on, and every merge can be undone."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from conferences import roles
from conferences.models import Person, PersonAlias, PersonMerge, Presentation, Presenter
from conferences.person_duplicates import candidates_with_talks, likely_duplicates
from conferences.person_merges import MergeError, merge_people, undo_merge
from conferences.tests import builders

from .importer.trees import write_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    return builders.two_conference_section(home_page)


@pytest.fixture
def mceacherns(section):
    """Steven McEachern with two talks in two years, Steve McEachern with one."""
    steven_2019 = builders.session(section["sydney"], "Data archives")
    steven_2022 = builders.session(section["gothenburg"], "Metadata")
    builders.presentation(steven_2019, "Archiving in Australia", presenters=[("Steven McEachern", "ADA")])
    builders.presentation(steven_2022, "DDI at scale", presenters=[("Steven McEachern", "ADA")])
    builders.presentation(steven_2022, "Panel on FAIR", presenters=[("Steve McEachern", "ADA"), ("Ann Green", "")])
    return Person.objects.get(name="Steven McEachern"), Person.objects.get(name="Steve McEachern")


def person_address(section, person_or_slug):
    slug = getattr(person_or_slug, "slug", person_or_slug)
    return section["index"].person_url(slug)


def test_a_merge_moves_every_entry_to_the_person_kept(mceacherns):
    steven, steve = mceacherns
    merge_people(steven, [steve])
    assert Presenter.objects.filter(person=steven).count() == 3
    assert not Person.objects.filter(pk=steve.pk).exists()


def test_a_merged_persons_address_answers_301_to_the_person_kept(client, section, mceacherns):
    steven, steve = mceacherns
    merge_people(steven, [steve])
    response = client.get(person_address(section, steve))
    assert response.status_code == 301
    assert response["Location"] == person_address(section, steven)


def test_an_address_no_one_ever_had_is_still_not_found(client, section, mceacherns):
    assert client.get(person_address(section, "nobody-at-all")).status_code == 404


def test_the_person_kept_shows_every_presentation(client, section, mceacherns):
    steven, steve = mceacherns
    merge_people(steven, [steve])
    html = client.get(person_address(section, steven)).content.decode()
    assert "Panel on FAIR" in html and "DDI at scale" in html and "Archiving in Australia" in html


def revision_people(title):
    talk = Presentation.objects.get(title=title)
    return [entry["person"] for entry in talk.latest_revision.content["presenters"]]


def test_a_draft_names_the_person_kept_and_after_undo_the_person_restored(mceacherns):
    steven, steve = mceacherns
    Presentation.objects.get(title="Panel on FAIR").save_revision()
    ann = Person.objects.get(name="Ann Green")
    [merge] = merge_people(steven, [steve])
    assert revision_people("Panel on FAIR") == [steven.pk, ann.pk]
    restored = undo_merge(merge)
    assert revision_people("Panel on FAIR") == [restored.pk, ann.pk]


def test_a_merge_records_who_merged_what_and_when(mceacherns, django_user_model):
    steven, steve = mceacherns
    curator = django_user_model.objects.create_user("curator")
    entry = Presenter.objects.get(person=steve)
    [merge] = merge_people(steven, [steve], user=curator)
    merge.refresh_from_db()
    assert (merge.merged_name, merge.merged_slug, merge.entry_ids, merge.merged_by) == (
        "Steve McEachern",
        steve.slug,
        [entry.pk],
        curator,
    )
    assert merge.merged_at is not None
    log = ModelLogEntry.objects.get(action="conferences.merge_people")
    assert (log.object_id, log.user, log.data["merged"]) == (str(steven.pk), curator, "Steve McEachern")


def test_undo_restores_the_merged_person_with_their_entries(client, section, mceacherns):
    steven, steve = mceacherns
    [merge] = merge_people(steven, [steve])
    restored = undo_merge(merge)
    assert (restored.name, restored.slug) == ("Steve McEachern", steve.slug)
    assert list(Presenter.objects.filter(person=restored).values_list("presentation__title", flat=True)) == [
        "Panel on FAIR"
    ]
    assert Presenter.objects.filter(person=steven).count() == 2
    assert not PersonAlias.objects.exists()
    assert client.get(person_address(section, restored)).status_code == 200


def test_undo_keeps_the_merged_persons_orcid(mceacherns):
    steven, steve = mceacherns
    steve.orcid = "0000-0002-1825-0097"
    steve.save()
    [merge] = merge_people(steven, [steve])
    assert undo_merge(merge).orcid == "0000-0002-1825-0097"


def test_undo_is_recorded_and_cannot_be_done_twice(mceacherns):
    steven, steve = mceacherns
    [merge] = merge_people(steven, [steve])
    undo_merge(merge)
    merge.refresh_from_db()
    assert merge.undone_at is not None
    with pytest.raises(MergeError, match="undone already"):
        undo_merge(merge)


def test_a_person_cannot_be_merged_with_itself(mceacherns):
    steven, _ = mceacherns
    with pytest.raises(MergeError, match="itself"):
        merge_people(steven, [steven])
    assert Presenter.objects.filter(person=steven).count() == 2


def test_a_person_merged_already_cannot_be_merged_again(mceacherns):
    steven, steve = mceacherns
    merge_people(steven, [steve])
    with pytest.raises(MergeError, match="merged already"):
        merge_people(steven, [steve])


def test_a_merge_into_a_merged_person_is_refused(mceacherns):
    steven, steve = mceacherns
    merge_people(steven, [steve])
    with pytest.raises(MergeError, match="no longer exists"):
        merge_people(steve, [Person.objects.get(name="Ann Green")])


def test_merges_chain_and_undo_hands_earlier_merges_back(client, section, mceacherns):
    steven, steve = mceacherns
    ann = Person.objects.get(name="Ann Green")
    merge_people(steve, [steven])  # a curator's mistake, kept for the chain
    [second] = merge_people(ann, [steve])
    assert client.get(person_address(section, steven))["Location"] == person_address(section, ann)
    restored = undo_merge(second)
    assert client.get(person_address(section, steven))["Location"] == person_address(section, restored)
    assert Presenter.objects.filter(person=restored).count() == 3


def test_undo_is_refused_when_someone_else_took_the_name(mceacherns):
    steven, steve = mceacherns
    [merge] = merge_people(steven, [steve])
    Person.objects.create(name="Steve McEachern")
    with pytest.raises(MergeError, match="rename them first"):
        undo_merge(merge)


# likely duplicates


def group_names(groups):
    return [sorted(member.person.name for member in group.members) for group in groups]


def test_short_names_titles_and_initials_are_grouped(section):
    talk = builders.session(section["sydney"])
    names = ["Steven McEachern", "Steve McEachern", "Dr. Steve McEachern", "S. McEachern", "Sarah Young"]
    for name in names:
        builders.presentation(talk, presenters=[(name, "Australian Data Archive")])
    [group] = likely_duplicates(candidates_with_talks())
    assert sorted(member.person.name for member in group.members) == sorted(names[:4])
    assert group.shares_institution
    assert any("initials" in reason for reason in group.reasons)
    assert any("title" in reason for reason in group.reasons)


@pytest.mark.parametrize(("one", "other"), [("Bill Block", "William Block"), ("Kate Cox", "Katherine Cox"),
                                            ("Jim Jacobs", "James Jacobs"), ("Bob Bart", "Robert Bart")])  # fmt: skip
def test_common_nicknames_are_grouped(section, one, other):
    talk = builders.session(section["sydney"])
    builders.presentation(talk, presenters=[(one, ""), (other, "")])
    assert group_names(likely_duplicates(candidates_with_talks())) == [sorted([one, other])]


def test_different_given_names_are_not_grouped(section):
    talk = builders.session(section["sydney"])
    builders.presentation(talk, presenters=[("Steven McDonald", "X"), ("Sarah McDonald", "X")])
    assert likely_duplicates(candidates_with_talks()) == []


def test_groups_show_talks_years_and_institutions(section, mceacherns):
    [group] = likely_duplicates(candidates_with_talks())
    steven = group.members[0]
    assert (steven.person.name, steven.talks, steven.year_list, list(steven.institutions.values())) == (
        "Steven McEachern",
        2,
        "2019, 2022",
        ["ADA"],
    )


def test_a_suffix_is_not_taken_for_a_surname(section):
    talk = builders.session(section["sydney"])
    builders.presentation(talk, presenters=[("Plato Smith II", ""), ("Plato Smitt II", "")])
    assert likely_duplicates(candidates_with_talks()) == []


def test_a_committee_is_not_offered_as_a_duplicate(section):
    talk = builders.session(section["sydney"])
    committees = [("IASSIST organizing committee", ""), ("IASSIST organising committee", "")]
    builders.presentation(talk, presenters=committees)
    Person.objects.update(is_group=True)
    assert likely_duplicates(candidates_with_talks()) == []


# the admin


@pytest.fixture
def organiser(section):
    return builders.member(roles.ensure_organisers(section["gothenburg"]).name, "organiser")


@pytest.fixture
def editor(section):
    return builders.member(roles.CONFERENCE_EDITORS, "editor")


def test_the_duplicates_view_lists_groups_for_a_curator(client, editor, mceacherns):
    client.force_login(editor)
    response = client.get(reverse("person_duplicates:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Steve McEachern" in html and "Steven McEachern" in html


@pytest.mark.parametrize(
    ("name", "method", "args"),
    [("index", "get", []), ("merge", "get", []), ("merge", "post", []), ("history", "get", []), ("undo", "post", [1])],
)
def test_editors_without_the_change_person_permission_are_refused(client, organiser, mceacherns, name, method, args):
    client.force_login(organiser)
    response = getattr(client, method)(reverse(f"person_duplicates:{name}", args=args))
    # Wagtail answers a PermissionDenied in its admin by sending the user to the dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert Person.objects.count() == 3


def test_an_organiser_cannot_merge_even_with_a_well_formed_post(client, organiser, mceacherns):
    steven, steve = mceacherns
    client.force_login(organiser)
    client.post(reverse("person_duplicates:merge"), {"keep": steven.pk, "merge": [steve.pk]})
    assert Person.objects.filter(pk=steve.pk).exists() and PersonMerge.objects.count() == 0


def test_the_confirmation_page_merges_nothing(admin_client, mceacherns):
    steven, steve = mceacherns
    response = admin_client.get(reverse("person_duplicates:merge"), {"keep": steven.pk, "merge": steve.pk})
    assert response.status_code == 200
    assert "Steve McEachern: 1 presentation move to Steven McEachern" in response.content.decode()
    assert Person.objects.filter(pk=steve.pk).exists()


def test_posting_the_confirmation_merges_and_shows_the_history(admin_client, mceacherns):
    steven, steve = mceacherns
    response = admin_client.post(reverse("person_duplicates:merge"), {"keep": steven.pk, "merge": [steve.pk]})
    assert response.status_code == 302 and response["Location"] == reverse("person_duplicates:history")
    history = admin_client.get(response["Location"]).content.decode()
    assert "Steve McEachern" in history and "Undo" in history
    assert not Person.objects.filter(pk=steve.pk).exists()


def test_merging_a_person_with_itself_in_the_admin_is_a_clear_error(admin_client, mceacherns):
    steven, _ = mceacherns
    response = admin_client.post(
        reverse("person_duplicates:merge"), {"keep": steven.pk, "merge": [steven.pk]}, follow=True
    )
    assert "cannot be merged with itself" in response.content.decode()
    assert PersonMerge.objects.count() == 0


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "Choose the person to keep"),
        ({"keep": "x", "merge": "1"}, "Choose the person to keep"),
        ({"keep": "1"}, "Choose at least one person"),
        ({"keep": "99999", "merge": "99998"}, "no longer exists"),
    ],
)
def test_malformed_merge_requests_are_refused_with_a_message(admin_client, mceacherns, params, message):
    response = admin_client.post(reverse("person_duplicates:merge"), params, follow=True)
    assert message in response.content.decode()
    assert PersonMerge.objects.count() == 0


def test_undo_from_the_history(admin_client, mceacherns):
    steven, steve = mceacherns
    [merge] = merge_people(steven, [steve])
    response = admin_client.post(reverse("person_duplicates:undo", args=[merge.pk]), follow=True)
    assert "Steve McEachern is back" in response.content.decode()
    assert Person.objects.filter(slug=steve.slug).exists()


def test_names_are_escaped_in_the_duplicates_view(admin_client, section):
    talk = builders.session(section["sydney"])
    hostile = [("Bill <script>x()</script>Block", ""), ("William <script>x()</script>Block", "")]
    builders.presentation(talk, presenters=hostile)
    html = admin_client.get(reverse("person_duplicates:index")).content.decode()
    assert "<script>x()</script>" not in html and "&lt;script&gt;" in html


def test_the_duplicates_view_runs_a_bounded_number_of_queries(admin_client, section, django_assert_max_num_queries):
    talk = builders.session(section["sydney"])
    for number in range(100):
        builders.presentation(talk, presenters=[(f"Steve Person{number}", "X"), (f"Steven Person{number}", "X")])
    assert Person.objects.count() == 200
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("person_duplicates:index"))
    assert response.content.decode().count("Review this merge") == 100


# re-import


PROGRAMME = "data/conferences/archive/2022-Gothenburg.json"
STUB = """+++
year = "2022"
title = "IASSIST 2022 Conference Archive"
location = "Gothenburg, Sweden"
datalink = "/data/conferences/archive/2022-Gothenburg.json"
+++
"""


def source(abstract="On metadata."):
    return {
        "conferenceYear": "2022",
        "title": "IASSIST 2022: Data by Design",
        "startDate": "2022-06-07",
        "endDate": "2022-06-10",
        "sessions": [
            {
                "title": "A1: Metadata",
                "presentations": [
                    {"title": "DDI at scale", "abstract": abstract,
                     "presenters": [{"name": "Steven McEachern", "institution": "ADA"}]},
                    {"title": "Panel on FAIR", "abstract": "A panel.",
                     "presenters": [{"name": "Steve McEachern", "institution": "ADA"}]},
                ],
            }
        ],
    }  # fmt: skip


def run_import(root):
    output = StringIO()
    call_command("import_hugo", str(root), verbosity=1, stdout=output)
    return output.getvalue()


@pytest.fixture
def imported_tree(tmp_path, home_page):
    write_file(tmp_path, "content/conferences/_index.md", '+++\ntitle = "Conferences"\n+++\n')
    write_file(tmp_path, "content/conferences/archive/2022-Gothenburg.md", STUB)
    write_file(tmp_path, PROGRAMME, json.dumps(source()))
    run_import(tmp_path)
    steven, steve = Person.objects.get(name="Steven McEachern"), Person.objects.get(name="Steve McEachern")
    merge_people(steven, [steve])
    return tmp_path, steven


def test_a_reimport_after_a_merge_does_not_bring_the_duplicate_back(imported_tree):
    root, steven = imported_tree
    write_file(root, PROGRAMME, json.dumps(source(abstract="On metadata, corrected.")))
    output = run_import(root)
    assert "conflict" not in output
    assert list(Person.objects.filter(name__icontains="McEachern").values_list("name", flat=True)) == [
        "Steven McEachern"
    ]
    assert Presenter.objects.filter(person=steven).count() == 2


def test_a_reimport_after_a_merge_is_idempotent(imported_tree):
    root, steven = imported_tree
    write_file(root, PROGRAMME, json.dumps(source(abstract="On metadata, corrected.")))
    run_import(root)
    before = list(Presenter.objects.order_by("pk").values_list("pk", "person_id", "presentation_id"))
    run_import(root)
    assert list(Presenter.objects.order_by("pk").values_list("pk", "person_id", "presentation_id")) == before
    assert Person.objects.count() == 1


def test_a_groups_page_says_it_is_a_group_not_a_person(client, section):
    talk = builders.session(section["sydney"])
    builders.presentation(talk, "Welcome", presenters=[("2019 IASSIST organizing committee", "")])
    committee = Person.objects.get()
    committee.is_group = True
    committee.save()
    html = client.get(person_address(section, committee)).content.decode()
    assert "A group named as a presenter, not one person." in html
