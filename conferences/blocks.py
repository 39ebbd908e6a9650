"""StreamField blocks that editors compose conference pages from."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

from . import showing
from .people_blocks import CommitteeBlock, SocialProgrammeBlock, SpeakersBlock, SponsorsBlock, WorkshopsBlock
from .website_blocks import (
    CallForProposalsBlock,
    FAQBlock,
    ImportantDatesBlock,
    RegistrationBlock,
    TravelBlock,
    VenueBlock,
)
from .youtube import youtube_video_id, youtube_watch_url
from .zenodo import NotAZenodoTarget, parse_zenodo

# Vetted colour schemes for highlighted notices. Editors pick a name, never a
# colour, so every notice keeps WCAG AA contrast (checked in the tests).
NOTICE_SCHEMES = {
    "highlight": {"label": "Highlight bar (orange)", "background": "#fdebd0", "text": "#1b1b1b"},
    "panel": {"label": "Panel (grey)", "background": "#eeeeee", "text": "#1b1b1b"},
    "info": {"label": "Information (blue)", "background": "#e3effa", "text": "#1b1b1b"},
    "alert": {"label": "Alert (red)", "background": "#fbe3e1", "text": "#1b1b1b"},
}

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=255, help_text="The words of the heading.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Level 2"), ("h3", "Level 3"), ("h4", "Level 4")],
        default="h2",
        help_text="Level 2 for main sections, 3 and 4 for the parts inside them.",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        help_text = "A section heading; headings build the page outline that screen readers use."
        description = "A section heading (level 2 to 4)."
        preview_value = {"text": "2027 IASSIST Events", "level": "h3"}
        form_classname = "heading-block"
        label_format = "{text}"

    def get_searchable_content(self, value):
        return [value["text"]] if value.get("text") else []  # not "Level 2"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph.html"
        help_text = "Text with bold, italic, links and lists."
        description = "Formatted text."
        preview_value = (
            "<p>Each May/June the annual conference provides data professionals a "
            "variety of opportunities to participate in discussions about data sharing.</p>"
        )


LINK_ADDRESS_STARTS = ("/", "https://", "http://")


class LinkAddressBlock(blocks.CharBlock):
    """An address on another site, or a place on this site that is not a page (/conferences/iassist2025/full-program/).

    Django's URL field refuses addresses without a host, and the old site's addresses that this
    site answers (files, programme exports) have none.
    """

    def __init__(self, **kwargs):
        super().__init__(max_length=500, **kwargs)

    def clean(self, value):
        value = (super().clean(value) or "").strip()
        # "//host/..." would leave the site while looking like one of its places.
        if value and (not value.startswith(LINK_ADDRESS_STARTS) or value.startswith("//")):
            raise ValidationError("Enter an address that starts with https://, http:// or / (a place on this site).")
        return value


class EventButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=100, help_text="What the button says, e.g. “IASSIST 2027 Conference website”.")
    page = blocks.PageChooserBlock(required=False, help_text="A page of this site. Leave empty to use a URL.")
    url = LinkAddressBlock(
        required=False,
        help_text="An address on another site (https://…) or a place on this site (/…). Leave empty when a page is "
        "chosen.",
    )
    new_tab = blocks.BooleanBlock(
        required=False,
        default=False,
        label="Open in a new tab",
        help_text="Screen readers announce that the link opens in a new tab.",
    )
    show_from = showing.show_from_block()
    show_until = showing.show_until_block()

    class Meta:
        icon = "link"
        template = "components/blocks/event_button.html"
        help_text = "A button that leads to an event's page or website."
        description = "A button to an event page or website."
        preview_value = {"label": "IASSIST 2027 Conference website", "url": "https://iassistdata.org/"}
        label_format = "{label}"

    def clean(self, value):
        value = super().clean(value)
        errors = showing.window_errors(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page == has_url:
            message = (
                "Choose either a page or a URL, not both."
                if has_page
                else "Choose a page of this site or enter a URL."
            )
            errors["url"] = ValidationError(message)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def render(self, value, context=None):
        return super().render(value, context) if showing.shown_now(value, context) else ""

    def get_searchable_content(self, value):
        # Its words while it is shown; not its address or its options.
        return [value["label"]] if value.get("label") and showing.shown_today(value) else []


class EventButtonsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(EventButtonBlock(), min_num=1, **kwargs)

    class Meta:
        icon = "link"
        label = "Event buttons"
        template = "components/blocks/event_buttons.html"
        help_text = "One or more buttons, shown side by side in a row."
        description = "A row of event buttons."
        preview_value = [
            {"label": "Global Virtual Conference", "url": "https://iassistdata.org/"},
            {"label": "Africa Workshop", "url": "https://iassistdata.org/", "new_tab": True},
        ]

    def render(self, value, context=None):
        # A row whose every button is outside its days would leave an empty row behind.
        shown = [showing.shown_now(button, context) for button in value]
        return super().render(value, context) if any(shown) else ""


class ZenodoTargetBlock(blocks.CharBlock):
    """A Zenodo address or DOI, stored in canonical form."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return parse_zenodo(value).url
        except NotAZenodoTarget as error:
            raise ValidationError(str(error)) from error


class ZenodoLinkBlock(blocks.StructBlock):
    # One year's presentations: next year's website does not start with them (carry_over.py).
    dated = True

    # The link text comes first: a collapsed block is labelled by its first filled field,
    # so the editor sees the link text, or the target when there is none.
    label = blocks.CharBlock(
        max_length=150,
        required=False,
        help_text="The link text. Leave empty for “Presentations on Zenodo”.",
    )
    target = ZenodoTargetBlock(
        label="Zenodo address or DOI",
        help_text=(
            "Paste a Zenodo community or record address, a DOI link, or a bare DOI such as 10.5281/zenodo.123456."
        ),
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/zenodo_link.html"
        help_text = "A link to presentations or records on Zenodo."
        description = "A link to presentations on Zenodo."
        preview_value = {
            "target": "https://zenodo.org/communities/iassist-2022",
            "label": "Presentations are available on Zenodo",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["zenodo"] = parse_zenodo(value["target"]) if value.get("target") else None
        return context


FIGURE_RENDITION = "max-1000x800"
# One Filter for every figure: a Filter parses its spec (and reads the image operation hooks) once.
FIGURE_FILTER = Filter(spec=FIGURE_RENDITION)


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(help_text="Describe the image in its alt text unless it is decorative.")
    caption = blocks.CharBlock(max_length=300, required=False, help_text="Shown under the image.")
    link = LinkAddressBlock(required=False, help_text="Optional address the image leads to.")
    document = DocumentChooserBlock(
        required=False, help_text="Or a document the image leads to, such as the flyer as a PDF."
    )

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"
        help_text = "An image with an optional caption."
        description = "An image with a caption."
        preview_value = {"caption": "Delegates at the opening plenary."}

    def clean(self, value):
        value = super().clean(value)
        if value.get("link") and value.get("document"):
            raise blocks.StructBlockValidationError(
                block_errors={"link": ValidationError("Enter an address or choose a document, not both.")}
            )
        return value

    def bulk_to_python(self, values):
        """The page's figures, with the renditions of all of them read in one query, and all but the
        first marked to load lazily (`_loading`).

        Otherwise each figure asks Wagtail's rendition cache twice (it writes back even what
        it has just read): 34 round trips to Redis for the 17 figures of one programme page.
        """
        figures = super().bulk_to_python(values)
        for figure in figures[1:]:
            figure.below_the_first = True
        images = [figure["image"] for figure in figures if figure["image"]]
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=FIGURE_RENDITION)
        prefetch_related_objects(images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"))
        return figures

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value.get("image")
        if image:
            # The plural API: it writes to the rendition cache only what it had to create.
            rendition = get_renditions_or_not_found(image, [FIGURE_FILTER])[FIGURE_RENDITION]
            context["figure_img"] = rendition.img_tag({"alt": image.contextual_alt_text, **_loading(value)})
        document = value.get("document")
        context["figure_href"] = document.url if document else value.get("link")
        return context


def figure_image_ids(raw_blocks):
    """The ids of the images that a stream's figures (blocks named "image") show, read from the stream's
    stored form, so without a query. ImageBlock stores {"image": id, ...}; older values the bare id."""
    ids = set()
    for block in raw_blocks:
        if block.get("type") == "image" and isinstance(block.get("value"), dict):
            chosen = block["value"].get("image")
            ids.add(chosen.get("image") if isinstance(chosen, dict) else chosen)
    return ids


def _loading(figure):
    """A page's later figures load as the visitor scrolls to them, so that they do not hold up the first
    screen (the 2025 programme has seventeen); the first may be in that screen, so it loads at once."""
    return {"loading": "lazy", "decoding": "async"} if getattr(figure, "below_the_first", False) else {}


class RecordingBlock(blocks.StructBlock):
    dated = True  # one year's recording (carry_over.py)

    video = blocks.CharBlock(
        max_length=200,
        label="YouTube video",
        help_text="A YouTube address (https://www.youtube.com/watch?v=…, https://youtu.be/…) or video id.",
    )
    title = blocks.CharBlock(max_length=200, required=False, help_text="Leave empty for “Watch the recording”.")

    class Meta:
        icon = "media"
        template = "components/blocks/recording.html"
        help_text = "A link to a recording on YouTube."
        description = "A link to a recording on YouTube."
        preview_value = {"video": "https://www.youtube.com/watch?v=R7mH1L2ODDM", "title": "Keynote 1"}

    def clean(self, value):
        value = super().clean(value)
        video_id = youtube_video_id(value.get("video"))
        if not video_id:
            raise blocks.StructBlockValidationError(
                block_errors={"video": ValidationError("Enter a YouTube video address or an 11-character video id.")}
            )
        value["video"] = youtube_watch_url(video_id)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        video_id = youtube_video_id(value.get("video"))
        context["video_url"] = youtube_watch_url(video_id) if video_id else ""
        return context


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text="A PDF or other document from the document library.")
    label = blocks.CharBlock(max_length=200, required=False, help_text="Leave empty to use the document's title.")

    class Meta:
        icon = "doc-full-inverse"
        template = "components/blocks/document_link.html"
        help_text = "A link to a document such as a PDF programme."
        description = "A link to a document (PDF)."
        preview_value = {"label": "Conference programme (PDF)"}


class NoticeContentBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    event_buttons = EventButtonsBlock()
    zenodo = ZenodoLinkBlock()

    class Meta:
        icon = "placeholder"
        collapsed = True


class NoticeBlock(blocks.StructBlock):
    dated = True  # notices announce this year's news and deadlines (carry_over.py)

    scheme = blocks.ChoiceBlock(
        choices=[(key, scheme["label"]) for key, scheme in NOTICE_SCHEMES.items()],
        default="panel",
        help_text="Colour schemes are fixed so that text stays readable for everyone.",
    )
    content = NoticeContentBlock(help_text="Headings, text, event buttons and Zenodo links.")
    show_from = showing.show_from_block()
    show_until = showing.show_until_block()

    class Meta:
        icon = "warning"
        template = "components/blocks/notice.html"
        help_text = "A highlighted bar or panel that groups related content."
        description = "A highlighted notice or panel."
        preview_value = {
            "scheme": "highlight",
            "content": [("heading", {"text": "Forthcoming and Recent Conferences", "level": "h2"})],
        }
        # Labelled by its words, not by its colour scheme (the first field).
        label_format = "{content}"

    def clean(self, value):
        value = super().clean(value)
        errors = showing.window_errors(value)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def render(self, value, context=None):
        return super().render(value, context) if showing.shown_now(value, context) else ""

    def get_searchable_content(self, value):
        # Its words, not its colour scheme's name; neither found nor quoted in a result before its
        # first day or after its last (`manage.py reindex_dated_blocks`, run daily, keeps the index in step).
        if not showing.shown_today(value):
            return []
        return self.child_blocks["content"].get_searchable_content(value["content"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        scheme = value.get("scheme")
        context["scheme_name"] = scheme if scheme in NOTICE_SCHEMES else "panel"
        return context


class ConferenceStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    notice = NoticeBlock()
    event_buttons = EventButtonsBlock()
    zenodo = ZenodoLinkBlock()
    image = ImageWithCaptionBlock()
    recording = RecordingBlock()
    document = DocumentLinkBlock()
    sponsors = SponsorsBlock()
    speakers = SpeakersBlock()
    committee = CommitteeBlock()
    workshops = WorkshopsBlock()
    social_programme = SocialProgrammeBlock()
    important_dates = ImportantDatesBlock()
    call_for_proposals = CallForProposalsBlock()
    registration = RegistrationBlock()
    faq = FAQBlock()
    venue = VenueBlock()
    travel = TravelBlock()

    class Meta:
        # A conference page holds dozens of blocks: collapsed, their labels make a table of contents.
        collapsed = True


class LandingPanelBlock(blocks.StaticBlock):
    """Where the Conferences page shows its computed panel; without this block, the panel follows the body."""

    class Meta:
        icon = "date"
        label = "Forthcoming and recent conferences"
        template = "components/blocks/landing_panel.html"
        admin_text = (
            "The panel of forthcoming, current and recent conferences, computed from their dates, shows here "
            "(when “Show the computed panel” is on)."
        )
        help_text = "Places the computed panel of conferences in the body."
        description = "The computed panel of forthcoming and recent conferences."


class ConferenceIndexStreamBlock(ConferenceStreamBlock):
    landing_panel = LandingPanelBlock()

    class Meta:
        block_counts = {"landing_panel": {"max_num": 1}}


# A menu link leads to a page, an anchor on one, or another site; never to a script.
MENU_URL_STARTS = ("/", "#", "https://", "http://", "mailto:")


class MenuLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, help_text="A page of this site. Leave empty to use an address.")
    url = blocks.CharBlock(
        required=False,
        max_length=500,
        label="Address",
        help_text="Another site (https://…) or a place on this site (/conferences/#annual), when no page is chosen.",
    )
    label = blocks.CharBlock(
        required=False, max_length=100, help_text="What the menu says. Leave empty to show the page's title."
    )

    class Meta:
        icon = "link"
        label_format = "{label}"
        help_text = "One entry of the menu: a page of this site or an address."
        description = "A menu entry."
        preview_value = {"url": "/conferences/#annual", "label": "Annual IASSIST Conference"}

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        errors = {}
        if bool(value.get("page")) == bool(url):
            errors["url"] = ValidationError("Choose a page or enter an address, not both.")
        elif url and not url.startswith(MENU_URL_STARTS):
            errors["url"] = ValidationError("Enter an address that starts with /, #, https://, http:// or mailto:.")
        elif url and not value.get("label"):
            errors["label"] = ValidationError("Say what the menu shows for this address.")
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class MenuBlock(blocks.StreamBlock):
    link = MenuLinkBlock()

    class Meta:
        block_counts = {"link": {"max_num": 40}}
