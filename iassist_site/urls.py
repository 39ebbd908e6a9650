from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from conferences import reports as conference_reports
from conferences.feeds import section_feed
from conferences.schedule_files import schedule_file
from iassist_site import sitemaps
from iassist_site.security import passwords
from iassist_site.security.sign_in import ThrottledAdminLoginForm
from openarchive.oai.views import endpoint as oai_endpoint
from search import views as search_views

admin.site.login_form = ThrottledAdminLoginForm

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before the admin's own: the site history without other conferences' programme rows.
    *conference_reports.urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's page and collection password forms at their own addresses, throttled (security.passwords).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        passwords.throttled(wagtaildocs_serve.authenticate_with_password, "restriction_id"),
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        passwords.throttled(wagtail_views.authenticate_with_password, "page_view_restriction_id"),
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("data/", include("openarchive.urls")),
    path("oai/", oai_endpoint, name="oai"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    # The index's sections when the site outgrows one sitemap: /sitemap-presentations.xml?p=2...
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    # The old site's feeds: /conferences/index.xml, /conferences/iassist2025/index.xml...
    re_path(r"^(?P<path>(?:[-\w]+/)+)index\.xml$", section_feed, name="section_feed"),
    # A conference's schedule for schedule apps: /conferences/iassist2026/schedule.xml and .json.
    re_path(r"^(?P<path>(?:[-\w]+/)+)schedule\.(?P<file_format>xml|json)$", schedule_file, name="schedule_file"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
