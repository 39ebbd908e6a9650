"""A page's view restrictions found without a query when none can apply to it.

Wagtail checks every page it serves for view restrictions (passwords, sign-in, groups) on the page
and its ancestors: two queries on every page, though most sites restrict few pages or none. The tree
paths of the restricted pages and of the aliases are kept per content generation (home.content_memo;
a restriction or a page is content), so a page that no restriction can reach is answered with an empty
set. A page below an alias, whose source page's restrictions count, is checked as Wagtail checks it.
"""

from wagtail.models import Page, PageViewRestriction

from .content_memo import active, per_content


def restricted_paths():
    """Tree paths of the pages behind a view restriction (password, sign-in, groups), kept per generation."""
    return _known_paths()[0]


def first_public(queryset):
    """`queryset.public().first()` for a query of at most one page: with the memo on, the restricted
    pages' paths answer what `public()` asks the database in a subquery."""
    if not active():
        return queryset.public().first()
    page = queryset.first()
    return None if page is None or page.path.startswith(restricted_paths()) else page


def _known_paths():
    return per_content("view restrictions", _restricted_and_alias_paths)


def _restricted_and_alias_paths():
    restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    aliases = tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    return restricted, aliases


class KnownViewRestrictions:
    """A mixin for page types: get_view_restrictions() costs no query where no restriction can apply."""

    def get_view_restrictions(self):
        if active():
            restricted, aliases = _known_paths()
            if not self.path.startswith(restricted + aliases):
                return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
