from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .descriptions import description
from .view_restrictions import KnownViewRestrictions

ABOUT_IASSIST = (
    "IASSIST, the International Association for Social Science Information Service and Technology: "
    "its conferences since 1974, their programmes, presentations and presenters."
)


class HomePage(KnownViewRestrictions, Page):
    """The site's front page: introduces IASSIST and leads to the conferences."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short introduction to the association, shown under the title.",
    )
    body = RichTextField(
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text="Further text about the association.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"

    @property
    def meta_description(self):
        return description(self.intro, self.body, ABOUT_IASSIST)

    def route(self, request, path_components):
        """Routing to a section page below which most addresses lie (the Conferences page) in one query, not two.

        Wagtail reads the child as a plain page, then again as its own type. The page types registered
        with `route_in_one_query` (by their apps: home knows none of them) are read as their own type at
        once; such a page may keep itself on the request (its `routed_from_home`). Any other child, or
        none, is routed as Wagtail would.
        """
        if path_components:
            for model in ROUTED_IN_ONE_QUERY:
                child = model.objects.child_of(self).filter(slug=path_components[0]).first()
                if child is not None:
                    # As Wagtail does: the parent is kept on the child, so that get_parent() costs no query.
                    child._cached_parent_obj = self
                    child.routed_from_home(request)
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)


# The page types HomePage.route reads in one query, registered by the apps that define them.
ROUTED_IN_ONE_QUERY = []


def route_in_one_query(model):
    """Register a page type (with a `routed_from_home(request)` method) for HomePage.route; a decorator."""
    if model not in ROUTED_IN_ONE_QUERY:
        ROUTED_IN_ONE_QUERY.append(model)
    return model


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """Footer text and links that editors change without a developer."""

    tagline = models.CharField(
        max_length=200,
        blank=True,
        default="International Association for Social Science Information Service and Technology",
        help_text="Shown beside the site name in the header.",
    )
    footer_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="A line of text in the footer, e.g. a copyright notice.",
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("footer_text"),
        MultiFieldPanel([InlinePanel("footer_links", label="Footer link")], heading="Footer links"),
    ]

    class Meta:
        verbose_name = "site settings"


class FooterLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
    label = models.CharField(max_length=80)
    url = models.URLField(help_text="Full address, e.g. https://iassistdata.org/about/")

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label
