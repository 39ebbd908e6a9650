"""Re-importing a changed programme updates it row by row and never loses editors' work.

Each test imports a small Hugo tree with one programme, lets editors work on it the way the admin
does (published edits, drafts, submissions for moderation), changes the source and imports again.
"""

import copy
import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from conferences import roles
from conferences.models import ConferencePage, ImportedSource, Presentation, Presenter, Session
from conferences.tests import builders

from ..trees import write_file

pytestmark = pytest.mark.django_db

PROGRAMME = "data/conferences/archive/2022-Gothenburg.json"
STUB = """+++
year = "2022"
title = "IASSIST 2022 Conference Archive"
location = "Gothenburg, Sweden"
datalink = "/data/conferences/archive/2022-Gothenburg.json"
+++
"""
SOURCE = {
    "conferenceYear": "2022",
    "title": "IASSIST 2022: Data by Design",
    "dateText": "June 7-10, 2022",
    "startDate": "2022-06-07",
    "endDate": "2022-06-10",
    "sessions": [
        {
            "title": "Plenary 1",
            "chair": "San Cannon",
            "presentations": [
                {"title": "Key Note 1: FAIR Everywhere?", "abstract": "On FAIR data.",
                 "presenters": [{"name": "Niklas Blomberg", "institution": "ELIXIR Europe"}]},
                {"title": "Data by Design", "abstract": "A sustainable data culture.",
                 "presenters": [{"name": "Ann Green", "institution": "SND"}]},
            ],
        },
        {
            "title": "A1: Data curation",
            "chair": "Jane Fry",
            "presentations": [
                {"title": "Census of Canada", "abstract": "Two centuries of counting.",
                 "presenters": [{"name": "Kevin Manuel", "institution": "TMU"}]},
                {"title": "Tools for reproducible research", "abstract": "Notebooks and archives.",
                 "presenters": [{"name": "Ingrid Lindqvist", "institution": "SND"}]},
            ],
        },
    ],
}  # fmt: skip
EDITED = "A sustainable data culture, as the organisers wrote it."
SOURCE_SAYS = "A sustainable data culture, corrected in the source."


@pytest.fixture
def tree(tmp_path):
    write_file(tmp_path, "content/conferences/_index.md", '+++\ntitle = "Conferences"\n+++\n')
    write_file(tmp_path, "content/conferences/archive/2022-Gothenburg.md", STUB)
    write_source(tmp_path, SOURCE)
    return tmp_path


@pytest.fixture
def imported(home_page, tree):
    run(tree)
    roles.ensure_roles()
    return tree


@pytest.fixture
def web_team(imported):
    return builders.member(roles.WEB_TEAM, "webteam")


@pytest.fixture
def organiser(imported):
    return builders.member(roles.ensure_organisers(ConferencePage.objects.get()).name, "organiser")


def write_source(root, data):
    write_file(root, PROGRAMME, json.dumps(data))


def changed_source(root, change):
    data = copy.deepcopy(SOURCE)
    change(data)
    write_source(root, data)


def set_abstract(title, abstract):
    def change(data):
        talk(data, title)["abstract"] = abstract

    return change


def talk(data, title):
    return next(item for session in data["sessions"] for item in session["presentations"] if item["title"] == title)


def programme_revisions():
    return Revision.objects.filter(base_content_type__model__in=["session", "presentation"])


def run(root, *args):
    output = StringIO()
    call_command("import_hugo", str(root), *args, verbosity=1, stdout=output)
    return output.getvalue()


def conflicts(output):
    return [line.removeprefix("conflict: ") for line in output.splitlines() if line.startswith("conflict: ")]


def presentation(title):
    return Presentation.objects.get(title=title)


def ids():
    return {
        "sessions": dict(Session.objects.values_list("title", "pk")),
        "presentations": dict(Presentation.objects.values_list("title", "pk")),
    }


def admin_edit(client, user, row, action=None, **changes):
    """Post the admin's presentation form for `row` as it stands, with `changes` and an action button."""
    client.force_login(user)
    fields = {
        "session": row.session_id,
        "title": row.title,
        "slug": row.slug,
        "sort_order": row.sort_order,
        "abstract": row.abstract,
        "video_id": row.video_id,
        "presenters": inline_formset(
            [
                {"id": e.pk, "person": e.person_id, "institution": e.institution, "doi": e.doi}
                for e in row.presenters.all()
            ],
            initial=row.presenters.count(),
        ),  # fmt: skip
        "dois": inline_formset([{"id": d.pk, "doi": d.doi} for d in row.dois.all()], initial=row.dois.count()),
        "materials": inline_formset([]),
        **changes,
    }
    if action:
        fields[f"action-{action}"] = "1"
    url = reverse("wagtailsnippets_conferences_presentation:edit", args=[row.pk])
    response = client.post(url, nested_form_data(fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    return Presentation.objects.get(pk=row.pk)


def admin_add(client, user, session, title):
    client.force_login(user)
    data = {
        "session": session.pk,
        "title": title,
        "slug": "an-organisers-addition",
        "sort_order": 9,
        "abstract": "",
        "video_id": "",
        "presenters": inline_formset([{"person": builders.person("Ingrid Lindqvist").pk, "institution": "SND"}]),
        "dois": inline_formset([]),
        "materials": inline_formset([]),
    }
    response = client.post(reverse("wagtailsnippets_conferences_presentation:add"), nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    return Presentation.objects.get(title=title)


# -- a changed source, no editors ----------------------------------------------------------------


def test_a_changed_presentation_is_updated_in_place_through_a_published_revision(imported):
    before = presentation("Data by Design")
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported)
    after = presentation("Data by Design")
    assert after.pk == before.pk
    assert after.abstract == SOURCE_SAYS
    assert after.revisions.count() == 1 and after.live_revision_id == after.latest_revision_id


def test_an_editors_materials_and_doi_kinds_survive_an_update_from_the_source(imported, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    changed_source(imported, lambda data: talk(data, "Data by Design").update(doi="10.5281/zenodo.99"))
    run(imported)
    row = presentation("Data by Design")
    row.dois.update(kind="poster")
    builders.material(row, kind="code", url="https://github.com/iassist/design", sort_order=0)
    builders.material(row, kind="paper", document=builders.document("design.pdf"), sort_order=1)

    changed_source(
        imported, lambda data: talk(data, "Data by Design").update(doi="10.5281/zenodo.99", abstract=SOURCE_SAYS)
    )
    run(imported)
    after = presentation("Data by Design")
    assert after.abstract == SOURCE_SAYS
    assert [(doi.doi, doi.kind) for doi in after.dois.all()] == [("10.5281/zenodo.99", "poster")]
    assert [(m.kind, m.url, m.document.title if m.document else "") for m in after.materials.all()] == [
        ("code", "https://github.com/iassist/design", ""),
        ("paper", "", "design.pdf"),
    ]


def test_the_output_counts_the_rows_updated(imported):
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    assert "updated 1 presentations, 1 programmes." in run(imported)


def test_rows_the_source_did_not_change_get_no_revision(imported):
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported)
    assert programme_revisions().count() == 1


def test_a_reordered_source_keeps_every_rows_id(imported):
    before = ids()

    def reorder(data):
        data["sessions"].reverse()
        data["sessions"][0]["presentations"].reverse()

    changed_source(imported, reorder)
    run(imported)
    assert ids() == before
    assert list(Session.objects.order_by("sort_order").values_list("title", flat=True)) == [
        "A1: Data curation",
        "Plenary 1",
    ]
    assert presentation("Tools for reproducible research").sort_order == 0


def test_a_retitled_presentation_keeps_its_id_and_address(imported):
    before = presentation("Census of Canada")
    changed_source(imported, lambda data: talk(data, "Census of Canada").update(title="The Census of Canada, 1871"))
    run(imported)
    after = Presentation.objects.get(pk=before.pk)
    assert (after.title, after.slug) == ("The Census of Canada, 1871", before.slug)


def test_a_presentation_new_in_the_source_is_created_and_the_others_keep_their_ids(imported):
    before = ids()
    new = {"title": "Metadata for all", "presenters": [{"name": "Ann Green", "institution": "SND"}]}
    changed_source(imported, lambda data: data["sessions"][1]["presentations"].insert(0, new))
    output = run(imported)
    assert "created 1 presentations" in output
    new_id = presentation("Metadata for all").pk
    assert ids()["presentations"] == {**before["presentations"], "Metadata for all": new_id}


def test_a_presentation_gone_from_the_source_is_deleted_when_no_editor_touched_it(imported):
    changed_source(imported, lambda data: data["sessions"][1]["presentations"].pop())
    output = run(imported)
    assert not Presentation.objects.filter(title="Tools for reproducible research").exists()
    assert "deleted 1 presentations" in output


def test_a_session_gone_from_the_source_is_deleted_with_its_untouched_presentations(imported):
    changed_source(imported, lambda data: data["sessions"].pop())
    run(imported)
    assert list(Session.objects.values_list("title", flat=True)) == ["Plenary 1"]
    assert Presentation.objects.count() == 2


def test_a_presentation_moved_to_another_session_keeps_its_id(imported):
    before = presentation("Census of Canada")

    def move(data):
        data["sessions"][0]["presentations"].append(data["sessions"][1]["presentations"].pop(0))

    changed_source(imported, move)
    run(imported)
    after = Presentation.objects.get(pk=before.pk)
    assert after.session.title == "Plenary 1" and after.sort_order == 2


# -- editors' work survives ---------------------------------------------------------------------


def test_an_admin_edit_survives_a_changed_source(client, imported, web_team):
    edited = admin_edit(client, web_team, presentation("Data by Design"), action="publish", abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported)
    after = Presentation.objects.get(pk=edited.pk)
    assert after.abstract == EDITED and after.live_revision_id == edited.live_revision_id


def test_an_admin_edit_in_conflict_with_the_source_is_reported(client, imported, web_team):
    admin_edit(client, web_team, presentation("Data by Design"), action="publish", abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    assert conflicts(run(imported)) == [
        "IASSIST 2022: kept the editor's version of presentation “Data by Design” (published an edit); "
        f"the source says: abstract “{SOURCE_SAYS}”"
    ]


def test_an_organisers_draft_survives_a_changed_source(client, imported, organiser):
    draft = admin_edit(client, organiser, presentation("Data by Design"), abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported)
    after = Presentation.objects.get(pk=draft.pk)
    assert after.has_unpublished_changes and after.latest_revision_id == draft.latest_revision_id
    assert after.get_latest_revision_as_object().abstract == EDITED


def test_an_organisers_draft_in_conflict_with_the_source_is_reported(client, imported, organiser):
    admin_edit(client, organiser, presentation("Data by Design"), abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    assert conflicts(run(imported)) == [
        "IASSIST 2022: kept the editor's version of presentation “Data by Design” (saved a draft); "
        f"the source says: abstract “{SOURCE_SAYS}”"
    ]


def test_a_pending_moderation_survives_a_changed_source(client, imported, organiser):
    submitted = admin_edit(client, organiser, presentation("Data by Design"), action="submit", abstract=EDITED)
    state = submitted.current_workflow_state
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    output = run(imported)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Presentation.objects.get(pk=submitted.pk).get_latest_revision_as_object().abstract == EDITED
    assert conflicts(output) == [
        "IASSIST 2022: kept the editor's version of presentation “Data by Design” "
        f"(saved a draft, submitted for moderation); the source says: abstract “{SOURCE_SAYS}”"
    ]


def test_history_survives_a_changed_source(client, imported, web_team):
    edited = admin_edit(client, web_team, presentation("Data by Design"), action="publish", abstract=EDITED)
    history = list(edited.revisions.values_list("pk", flat=True))
    changed_source(imported, lambda data: data["sessions"].reverse())
    run(imported)
    assert list(Presentation.objects.get(pk=edited.pk).revisions.values_list("pk", flat=True)) == history


def test_every_row_keeps_its_id_while_editors_work_on_it(client, imported, web_team, organiser):
    before = ids()
    admin_edit(client, web_team, presentation("Data by Design"), action="publish", abstract=EDITED)
    admin_edit(client, organiser, presentation("Census of Canada"), action="submit", abstract=EDITED)
    changed_source(imported, set_abstract("Census of Canada", SOURCE_SAYS))
    run(imported)
    assert ids() == before


def insert_first_in_a1(data):
    new = {"title": "Metadata for all", "presenters": [{"name": "Ann Green", "institution": "SND"}]}
    data["sessions"][1]["presentations"].insert(0, new)


def test_a_talk_inserted_before_an_edited_one_moves_it_and_keeps_its_edit(client, imported, web_team):
    edited = admin_edit(client, web_team, presentation("Tools for reproducible research"), action="publish",
                        abstract=EDITED)  # fmt: skip
    changed_source(imported, insert_first_in_a1)
    output = run(imported)
    after = Presentation.objects.get(pk=edited.pk)
    assert (after.abstract, after.sort_order, conflicts(output)) == (EDITED, 2, [])


def test_a_talk_with_a_draft_is_not_moved_under_the_draft(client, imported, organiser):
    draft = admin_edit(client, organiser, presentation("Tools for reproducible research"), abstract=EDITED)
    changed_source(imported, insert_first_in_a1)
    output = run(imported)
    after = Presentation.objects.get(pk=draft.pk)
    assert after.sort_order == 1 and after.latest_revision_id == draft.latest_revision_id
    assert conflicts(output) == [
        "IASSIST 2022: kept the editor's version of presentation “Tools for reproducible research” "
        "(saved a draft); the source says: place 3"
    ]


def test_what_the_import_does_not_write_survives_an_update(imported):
    session = Session.objects.get(title="Plenary 1")
    session.code, session.starts_at = "P1", datetime.datetime(2022, 6, 8, 9, tzinfo=datetime.UTC)
    session.save_revision().publish()
    changed_source(imported, lambda data: data["sessions"][0].update(chair="Jane Fry"))
    run(imported)
    after = Session.objects.get(pk=session.pk)
    assert (after.chair, after.code, after.starts_at) == ("Jane Fry", "P1", session.starts_at)


def test_a_presenters_country_survives_an_update_of_the_presentation(imported):
    entry = presentation("Census of Canada").presenters.get()
    Presenter.objects.filter(pk=entry.pk).update(country="Canada")
    changed_source(imported, set_abstract("Census of Canada", SOURCE_SAYS))
    run(imported)
    assert list(presentation("Census of Canada").presenters.values_list("pk", "country")) == [(entry.pk, "Canada")]


def test_a_presentation_gone_from_the_source_that_an_editor_changed_is_kept_and_reported(client, imported, web_team):
    kept = admin_edit(client, web_team, presentation("Tools for reproducible research"), action="publish",
                      abstract=EDITED)  # fmt: skip
    changed_source(imported, lambda data: data["sessions"][1]["presentations"].pop())
    output = run(imported)
    assert Presentation.objects.get(pk=kept.pk).live
    assert conflicts(output) == [
        "IASSIST 2022: kept presentation “Tools for reproducible research”, which the source no longer has: "
        "an editor published an edit"
    ]


def test_a_presentation_an_organiser_added_in_the_admin_is_left_alone(client, imported, organiser):
    added = admin_add(client, organiser, Session.objects.get(title="A1: Data curation"), "An organiser's addition")
    changed_source(imported, set_abstract("Census of Canada", SOURCE_SAYS))
    output = run(imported)
    assert Presentation.objects.get(pk=added.pk).title == "An organiser's addition"
    assert conflicts(output) == []


def test_a_presentation_an_editor_deleted_stays_deleted(imported):
    presentation("Census of Canada").delete()
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported)
    assert not Presentation.objects.filter(title="Census of Canada").exists()


def test_a_deleted_presentation_that_the_source_changed_is_reported(imported):
    presentation("Census of Canada").delete()
    changed_source(imported, set_abstract("Census of Canada", SOURCE_SAYS))
    output = run(imported)
    assert not Presentation.objects.filter(title="Census of Canada").exists()
    assert conflicts(output)[0].startswith(
        "IASSIST 2022: left out presentation “Census of Canada”, which an editor deleted; the source says: "
    )


def test_a_conflict_is_reported_again_on_the_next_run(client, imported, web_team):
    admin_edit(client, web_team, presentation("Data by Design"), action="publish", abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported)
    output = run(imported)
    assert len(conflicts(output)) == 1
    assert "Nothing changed, but the site differs from the source where editors changed it" in output


# -- --prefer-source ------------------------------------------------------------------------------


def test_prefer_source_writes_the_sources_version_over_a_draft(client, imported, organiser):
    draft = admin_edit(client, organiser, presentation("Data by Design"), abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported, "--prefer-source")
    after = Presentation.objects.get(pk=draft.pk)
    assert after.abstract == SOURCE_SAYS and not after.has_unpublished_changes
    assert after.revisions.filter(pk=draft.latest_revision_id).exists()


def test_prefer_source_says_what_it_replaced(client, imported, organiser):
    admin_edit(client, organiser, presentation("Data by Design"), abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    assert conflicts(run(imported, "--prefer-source")) == [
        "IASSIST 2022: replaced the editor's version of presentation “Data by Design” (saved a draft) with the "
        f"source's: abstract “{EDITED}” → “{SOURCE_SAYS}” (the draft stays in its history)"
    ]


def test_prefer_source_cancels_a_pending_moderation_and_says_so(client, imported, organiser):
    submitted = admin_edit(client, organiser, presentation("Data by Design"), action="submit", abstract=EDITED)
    state = submitted.current_workflow_state
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    output = run(imported, "--prefer-source")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert conflicts(output)[0].endswith("(the draft stays in its history; its moderation is cancelled)")


def test_prefer_source_unpublishes_a_touched_presentation_gone_from_the_source(client, imported, web_team):
    kept = admin_edit(client, web_team, presentation("Tools for reproducible research"), action="publish",
                      abstract=EDITED)  # fmt: skip
    changed_source(imported, lambda data: data["sessions"][1]["presentations"].pop())
    output = run(imported, "--prefer-source")
    after = Presentation.objects.get(pk=kept.pk)
    assert not after.live and after.revisions.count() == kept.revisions.count()
    assert conflicts(output) == [
        "IASSIST 2022: unpublished presentation “Tools for reproducible research”, which the source no longer "
        "has (an editor published an edit); its history is kept"
    ]


def test_after_prefer_source_the_next_run_changes_nothing(client, imported, web_team):
    admin_edit(client, web_team, presentation("Data by Design"), action="publish", abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported, "--prefer-source")
    assert "Nothing changed: the site already holds this source." in run(imported)


# -- --dry-run ------------------------------------------------------------------------------------


def test_dry_run_lists_the_conflicts(client, imported, organiser):
    admin_edit(client, organiser, presentation("Data by Design"), action="submit", abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    assert conflicts(run(imported, "--dry-run")) == [
        "IASSIST 2022: would keep the editor's version of presentation “Data by Design” "
        f"(saved a draft, submitted for moderation); the source says: abstract “{SOURCE_SAYS}”"
    ]


def test_dry_run_changes_nothing(client, imported, organiser):
    admin_edit(client, organiser, presentation("Data by Design"), action="submit", abstract=EDITED)
    changed_source(imported, lambda data: (set_abstract("Data by Design", SOURCE_SAYS)(data), data["sessions"].pop()))
    before = snapshot()
    run(imported, "--dry-run", "--prefer-source")
    assert snapshot() == before


def snapshot():
    return (
        sorted(Session.objects.values_list("pk", "title", "sort_order", "live")),
        sorted(Presentation.objects.values_list("pk", "title", "abstract", "session_id", "sort_order", "live")),
        sorted(ImportedSource.objects.values_list("key", "fingerprint")),
        programme_revisions().count(),
        sorted(WorkflowState.objects.values_list("pk", "status")),
    )


# -- rows written before the import kept row records ------------------------------------------------


def test_rows_imported_without_row_records_are_found_again_by_title(imported):
    ImportedSource.objects.filter(key__regex=r"^(session|presentation):").delete()
    before = ids()
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    run(imported)
    assert ids() == before and presentation("Data by Design").abstract == SOURCE_SAYS


def test_an_admin_edit_made_before_the_import_kept_row_records_is_a_conflict(client, imported, web_team):
    ImportedSource.objects.filter(key__regex=r"^(session|presentation):").delete()
    admin_edit(client, web_team, presentation("Data by Design"), action="publish", abstract=EDITED)
    changed_source(imported, set_abstract("Data by Design", SOURCE_SAYS))
    output = run(imported)
    assert presentation("Data by Design").abstract == EDITED
    assert len(conflicts(output)) == 1
