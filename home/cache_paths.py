"""The home app's content for the page cache: the footer settings and their links.

The home page is content as every page is (pagecache.wagtail_content). The footer shows on
every page, so no list of addresses could name them: nginx's front cache keeps pages for a
second at most (deploy/nginx-site.conf), and the page cache is emptied. The page cache reads
this through HomeConfig.site_content() (pagecache.content), so home does not import it.
"""

from django.apps import apps
from wagtail.models import Page


def site_content():
    """(model, addresses) for every model of the app but its page type; no addresses."""
    for model in apps.get_app_config("home").get_models():
        if not issubclass(model, Page):
            yield model, None
