"""The home app's content, declared to the page cache: the footer settings and their links.

The home page is content as every page is (pagecache.wagtail_content). The footer shows on
every page, so no list of addresses could name them: nginx's front cache keeps pages for a
second at most (deploy/nginx-site.conf), and the page cache is emptied.
"""

from django.apps import apps
from wagtail.models import Page

from pagecache import content


def register():
    for model in apps.get_app_config("home").get_models():
        if not issubclass(model, Page):
            content.register(model)
