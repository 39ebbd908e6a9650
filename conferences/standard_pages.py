"""The standard pages of a new conference website, added on an editor's request, as drafts.

A conference started from scratch (not from last year's, next_conference.py) gets the pages every
IASSIST conference website has had, empty, and a menu leading to them and to the code of
conduct. Asking twice adds nothing: a page whose address is taken is there already, and a page
the menu leads to is not added to it again. The menu is saved as a new draft of the conference
page, so a published conference shows no change until it is published.
"""

from django.db import transaction

from .choices import ConferenceKind
from .models import ContentPage

STANDARD_PAGES = (
    ("Call for proposals", "call-for-proposals"),
    ("Registration", "registration"),
    ("Programme", "programme"),
    ("Workshops", "workshops"),
    ("Venue and travel", "venue-and-travel"),
    ("Sponsorship", "sponsorship"),
    ("FAQ", "faq"),
    ("Committees", "committees"),
)
# The section's own code of conduct first, then the association's.
CODE_OF_CONDUCT_SLUGS = ("conference-code-of-conduct", "code-of-conduct")
CODE_OF_CONDUCT_LABEL = "Code of conduct"


def may_add_standard_pages(user, conference):
    return conference.kind == ConferenceKind.ANNUAL and conference.permissions_for_user(user).can_add_subpage()


def missing_standard_pages(conference):
    """The (title, slug) of the standard pages `conference` has no page at the address of."""
    taken = set(conference.get_children().values_list("slug", flat=True))
    return [(title, slug) for title, slug in STANDARD_PAGES if slug not in taken]


def code_of_conduct():
    pages = ContentPage.objects.live().defer_streamfields()
    for slug in CODE_OF_CONDUCT_SLUGS:
        page = pages.filter(slug=slug).order_by("path").first()
        if page:
            return page
    return None


@transaction.atomic
def add_standard_pages(conference, user):
    """Add the missing standard pages and menu links; return (pages created, links added)."""
    created = [_add_draft(conference, title, slug, user) for title, slug in missing_standard_pages(conference)]
    links = _add_menu_links(conference, user)
    return created, links


def _add_draft(conference, title, slug, user):
    page = ContentPage(title=title, slug=slug, live=False, has_unpublished_changes=True, owner=user)
    conference.add_child(instance=page)  # logs its creation
    page.save_revision(user=user, clean=False)
    return page


def _add_menu_links(conference, user):
    draft = conference.get_latest_revision_as_object()
    linked = {entry.value["page"].pk for entry in draft.menu if entry.value.get("page")}
    slugs = [slug for _title, slug in STANDARD_PAGES]
    targets = sorted(
        conference.get_children().filter(slug__in=slugs).exclude(pk__in=linked),
        key=lambda page: slugs.index(page.slug),
    )
    new_links = [("link", {"page": page, "url": "", "label": ""}) for page in targets]
    conduct = code_of_conduct()
    if conduct and conduct.pk not in linked:
        new_links.append(("link", {"page": conduct, "url": "", "label": CODE_OF_CONDUCT_LABEL}))
    new_links = new_links[: _menu_room(draft)]
    if new_links:
        for link in new_links:
            draft.menu.append(link)
        draft.save_revision(user=user, log_action=True, clean=False)
    return len(new_links)


def _menu_room(page):
    """How many more links the menu takes before it is longer than its editors may make it."""
    counts = type(page).menu.field.stream_block.meta.block_counts
    return max(0, counts["link"]["max_num"] - len(page.menu))
