"""Fixtures shared by every app's tests."""

import pytest
from wagtail.models import Site

from home.models import HomePage


@pytest.fixture
def home_page(db):
    """The home page that the initial data migration creates, as the default site's root."""
    home = HomePage.objects.get(depth=2)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()
    return home
