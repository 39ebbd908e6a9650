from wagtail import hooks

from .admin_views import ZenodoProposalViewSet


@hooks.register("register_admin_viewset")
def register_zenodo_proposals():
    return ZenodoProposalViewSet()
