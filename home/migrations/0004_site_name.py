from django.conf import settings
from django.db import migrations


def name_the_site(apps, schema_editor):
    # Wagtail's dashboard shows a site's name, else its host name: "Welcome to the localhost Wagtail CMS".
    Site = apps.get_model("wagtailcore", "Site")
    Site.objects.filter(site_name="").update(site_name=settings.WAGTAIL_SITE_NAME)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_homepage_intro_site_settings")]

    operations = [migrations.RunPython(name_the_site, migrations.RunPython.noop)]
