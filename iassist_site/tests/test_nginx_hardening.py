"""What the reference nginx tells every client about itself."""

import pytest

from iassist_site.tests.reference_nginx import NEEDS_NGINX

# The live server sees only committed data: transactional, with the migrated database put back.
pytestmark = [*NEEDS_NGINX, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_nginx_names_itself_without_its_version(nginx):
    # A file nginx serves itself and a page from Django: both carry nginx's Server header.
    for path in ("/static/missing.css", "/"):
        assert nginx.get(path).headers["Server"] == "nginx", path
