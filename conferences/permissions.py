"""Who may edit which conference's programme.

Sessions and presentations belong to a conference page. A user may change them only
where they may change that page, so a year's organisers, whose page permissions stop
at their own conference, see and edit only their own programme.
"""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

CACHE_ATTRIBUTE = "_iassist_editable_conference_ids"


def editable_conference_ids(user):
    """Ids of the conference pages `user` may change; None means every conference."""
    if not (user.is_active and user.is_authenticated):
        return frozenset()
    if user.is_superuser:
        return None
    if not hasattr(user, CACHE_ATTRIBUTE):
        from .models import ConferencePage

        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        ids = ConferencePage.objects.filter(pk__in=editable.values("pk")).values_list("pk", flat=True)
        setattr(user, CACHE_ATTRIBUTE, frozenset(ids))
    return getattr(user, CACHE_ATTRIBUTE)


class ProgrammePermissionPolicy(ModelPermissionPolicy):
    """The model permission (may edit programmes at all) narrowed to editable conferences."""

    def _conference_allowed(self, user, conference_id):
        allowed = editable_conference_ids(user)
        return allowed is None or conference_id in allowed

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._conference_allowed(user, instance.conference_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._conference_allowed(user, instance.conference_id)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return scope_to_user(self.model.objects.all(), user)


def scope_to_user(queryset, user, field="conference_id"):
    allowed = editable_conference_ids(user)
    if allowed is None:
        return queryset
    return queryset.filter(**{f"{field}__in": allowed})
