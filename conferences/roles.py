"""The editors' groups, their permissions and the conferences section's moderation workflow.

The workflow covers the conferences section's pages and the programme rows (sessions,
presentations and schedule items): only the web team has the publish permissions, so everyone else's edits are
drafts until the web team approves them.

Created by a management command rather than a data migration: the conferences section
only exists after the demo loader or the Hugo import has run, and permissions and
workflows must attach to it. Every function here may be run again and changes nothing
the second time.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from .models import ConferenceIndexPage, ConferencePage, Presentation, ScheduleItem, Session

WEB_TEAM = "Web team"
CONFERENCE_EDITORS = "Conference editors"
ORGANISERS_PREFIX = "Organisers: "
WORKFLOW_NAME = "Web team approval"
TASK_NAME = "Web team review"

PUBLISHING = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page", "view_page"]
DRAFTING = ["add_page", "change_page", "view_page"]
MEDIA_USE = ["add_image", "choose_image", "add_document", "choose_document"]
MEDIA_ALL = [*MEDIA_USE, "change_image", "delete_image", "change_document", "delete_document"]

MODERATED_PROGRAMME = ("session", "presentation", "scheduleitem")
MODERATED_MODELS = (Session, Presentation, ScheduleItem)
# Editing a session, presentation or schedule item saves a draft; publishing it needs the publish permission.
# Rooms are not moderated: a room is seen only through the sessions and items placed in it.
DRAFTING_PROGRAMME = [
    f"conferences.{action}_{model}"
    for model in (*MODERATED_PROGRAMME, "room")
    for action in ("add", "change", "delete")
]
PUBLISHING_PROGRAMME = [
    f"conferences.{action}_{model}" for model in MODERATED_PROGRAMME for action in ("publish", "lock", "unlock")
]
PEOPLE = [f"conferences.{action}_person" for action in ("add", "change", "delete")]
ALL_PROGRAMME = [*DRAFTING_PROGRAMME, *PEOPLE]
# People are shared by every year's programme, so organisers may add people but not rename them.
ORGANISER_PROGRAMME = [*DRAFTING_PROGRAMME, "conferences.add_person"]
WEB_TEAM_EXTRA = [
    "access_admin",
    "add_redirect",
    "change_redirect",
    "delete_redirect",
    "add_searchpromotion",
    "change_searchpromotion",
    "delete_searchpromotion",
    *(
        f"conferences.{action}_{model}"
        for model in ("folderredirect", "oldfileaddress", "programmeexportaddress")
        for action in ("add", "change", "delete")
    ),
]


def _permissions(codenames):
    """Permission objects for codenames, app-qualified where two apps share one (sessions.Session)."""
    found = []
    for name in dict.fromkeys(codenames):
        app_label, _, codename = name.rpartition(".")
        matches = Permission.objects.filter(codename=codename)
        if app_label:
            matches = matches.filter(content_type__app_label=app_label)
        if not matches:
            raise LookupError(f"Permission '{name}' not found: are migrations applied?")
        found.extend(matches)
    return found


def _grant_pages(group, page, codenames):
    for permission in _permissions(codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_media(group, codenames):
    root = Collection.get_first_root_node()
    for permission in _permissions(codenames):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def _group(name, model_codenames):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*_permissions(["access_admin", *model_codenames]))
    return group


def conference_index():
    return ConferenceIndexPage.objects.first()


@transaction.atomic
def ensure_roles():
    """The web team and conference editors' groups and the section's workflow; returns what it did."""
    done = []
    web_team = _group(WEB_TEAM, [*ALL_PROGRAMME, *PUBLISHING_PROGRAMME, *WEB_TEAM_EXTRA])
    _grant_pages(web_team, Page.get_first_root_node(), PUBLISHING)
    _grant_media(web_team, MEDIA_ALL)
    editors = _group(CONFERENCE_EDITORS, ALL_PROGRAMME)
    _grant_media(editors, MEDIA_USE)
    done.append(f"groups: {WEB_TEAM}, {CONFERENCE_EDITORS}")

    workflow = ensure_workflow(web_team)
    for model in MODERATED_MODELS:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    done.append(f"workflow '{WORKFLOW_NAME}' on sessions, presentations and schedule items")
    index = conference_index()
    if index is None:
        done.append("no conference index page yet: run this again after loading content")
        return done
    _grant_pages(editors, index, DRAFTING)
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    done.append(f"workflow '{WORKFLOW_NAME}' on {index.title}")
    return done


def ensure_workflow(reviewers):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


class UnknownConference(LookupError):
    pass


def find_conference(reference):
    """A conference page by id or slug; a clear error for anything else."""
    text = str(reference).strip()
    pages = ConferencePage.objects.defer_streamfields()
    conference = pages.filter(pk=int(text)).first() if text.isdigit() else pages.filter(slug=text).first()
    if conference is None:
        known = ", ".join(pages.order_by("-year").values_list("slug", flat=True)[:5])
        hint = f" Known conferences include: {known}." if known else " There are no conference pages yet."
        raise UnknownConference(f"No conference page has the id or slug '{text}'.{hint}")
    return conference


@transaction.atomic
def ensure_organisers(conference):
    """The organisers' group of one conference: edits its page, subpages and programme; never publishes."""
    ensure_roles()
    name = f"{ORGANISERS_PREFIX}{conference.title} ({conference.year})"[:150]
    group = Group.objects.filter(name=name).first() or _group(name, ORGANISER_PROGRAMME)
    group.permissions.add(*_permissions(["access_admin", *ORGANISER_PROGRAMME]))
    _grant_pages(group, conference, DRAFTING)
    _grant_media(group, MEDIA_USE)
    return group
