"""Who may edit which conference's programme.

Sessions, presentations, rooms and schedule items belong to a conference page. A user may change them only
where they may change that page, so a year's organisers, whose page permissions stop
at their own conference, see and edit only their own programme.
"""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ConferencePage

CACHE_ATTRIBUTE = "_iassist_editable_conference_ids"


def editable_conference_ids(user):
    """Ids of the conference pages `user` may change; None means every conference."""
    if not (user.is_active and user.is_authenticated):
        return frozenset()
    if user.is_superuser:
        return None
    if not hasattr(user, CACHE_ATTRIBUTE):
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        ids = ConferencePage.objects.filter(pk__in=editable.values("pk")).values_list("pk", flat=True)
        setattr(user, CACHE_ATTRIBUTE, frozenset(ids))
    return getattr(user, CACHE_ATTRIBUTE)


class ProgrammePermissionPolicy(ModelPermissionPolicy):
    """The model permission (may edit programmes at all) narrowed to editable conferences.

    Every action on a row (change, delete, publish, lock, unlock) is narrowed the same way. As
    for pages, deleting a row that visitors can see takes the publish permission too: without it
    an editor may delete only rows that were never published.
    """

    def in_scope(self, user, instance):
        """Whether `instance` belongs to a conference `user` may edit."""
        allowed = editable_conference_ids(user)
        return allowed is None or instance.conference_id in allowed

    def _may(self, user, action, instance):
        if action == "delete" and published_content(instance):
            return self.user_has_permission(user, "publish")
        return True

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.in_scope(user, instance)
            and self._may(user, action, instance)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.in_scope(user, instance) and any(
            self.user_has_permission(user, action) and self._may(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return scope_to_user(self.model.objects.all(), user)


# What deleting a row takes with it: a session its presentations; a room the place of its sessions and items.
DEPENDENT_ROWS = ("presentations", "sessions", "schedule_items")


def published_content(instance):
    """Whether deleting `instance` would remove or change something that has been published."""
    if getattr(instance, "live", False):  # rooms are not moderated: only what uses them counts
        return True
    related = (getattr(instance, name, None) for name in DEPENDENT_ROWS)
    return any(rows.filter(live=True).exists() for rows in related if rows is not None)


def scope_to_user(queryset, user, field="conference_id"):
    allowed = editable_conference_ids(user)
    if allowed is None:
        return queryset
    return queryset.filter(**{f"{field}__in": allowed})


def explorable_pages(user, pages):
    """`pages` that `user` may explore in the admin: those they have a permission on, and their ancestors."""
    if user.is_superuser:
        return pages
    return pages.filter(pk__in=PagePermissionPolicy().explorable_instances(user).values("pk"))


def choosable_pages(user, pages):
    """`pages` that `user` may see listed: every published page, and the drafts they may explore.

    A draft's title is not public: an organiser links to any published page, and sees no other
    conference's drafts.
    """
    if user.is_superuser:
        return pages
    return pages.filter(Q(live=True) | Q(pk__in=explorable_pages(user, pages.model.objects.all()).values("pk")))
