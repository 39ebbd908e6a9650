from django.urls import path, re_path

from . import views

app_name = "openarchive"

# File names are letters, underscores and dots; versions 12 hex digits; anything else is a 404.
FILE = r"(?P<name>[a-z_]{1,40}(?:\.[a-z]{1,5}){1,2})"

urlpatterns = [
    path("", views.data_page, name="data"),
    path("fifty-years/", views.fifty_years_page, name="fifty_years"),
    re_path(rf"^latest/{FILE}$", views.latest_file, name="latest_file"),
    re_path(rf"^(?P<version>[0-9a-f]{{12}})/{FILE}$", views.release_file, name="release_file"),
    re_path(rf"^conferences/(?P<slug>[-a-z0-9_]{{1,80}})/{FILE}$", views.conference_file, name="conference_file"),
]
