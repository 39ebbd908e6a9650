"""Print, as JSON, one address of each kind of page Lighthouse is run on: run with the site's settings."""

import json

from django.db.models import Count

from conferences.models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, Person, Presentation


def main():
    index = ConferenceIndexPage.objects.live().first()
    biggest = ConferencePage.objects.live().annotate(talks=Count("presentations")).order_by("-talks", "-year").first()
    scheduled = ConferencePage.objects.live().filter(sessions__starts_at__isnull=False).order_by("-year").first()
    talk = Presentation.objects.public().filter(conference=biggest).exclude(abstract="").order_by("sort_order").first()
    person = Person.objects.annotate(talks=Count("presenter_entries")).order_by("-talks").first()
    pages = {
        "home": "/",
        "conferences": index.url,
        "archive": ConferenceArchivePage.objects.live().first().url,
        "biggest programme": biggest.url,
        "presentation": talk.get_url(),
        "person": index.person_url(person.slug),
        "search results": "/search/?q=data",
    }
    if scheduled is not None:
        pages["schedule"] = f"{scheduled.url}schedule/"
    print(json.dumps(pages))


main()
