"""Blocks for the recurring parts of a conference website: dates, call for proposals, registration, FAQ, venue, travel.

Editors fill in fields instead of formatting text. The dates these blocks show come from the
conference's important dates (entered once on the conference page); the blocks find the
conference by asking the page they are rendered on (`website_conference()`), so that this module
needs no page model.
"""

import decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from wagtail import blocks

from .choices import ImportantDateKind
from .important_dates import SampleConference, after_conference_error, long_date, shown_dates, with_conference_days

WEBSITE_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
HTTP_STARTS = ("https://", "http://")
ANCHOR_MAX_LENGTH = 80

# The currencies IASSIST's host countries have charged in, by ISO 4217 code.
CURRENCIES = [
    ("USD", "USD – US dollar"),
    ("EUR", "EUR – Euro"),
    ("GBP", "GBP – Pound sterling"),
    ("CAD", "CAD – Canadian dollar"),
    ("AUD", "AUD – Australian dollar"),
    ("NZD", "NZD – New Zealand dollar"),
    ("CHF", "CHF – Swiss franc"),
    ("SEK", "SEK – Swedish krona"),
    ("NOK", "NOK – Norwegian krone"),
    ("DKK", "DKK – Danish krone"),
    ("ZAR", "ZAR – South African rand"),
    ("MXN", "MXN – Mexican peso"),
    ("JPY", "JPY – Japanese yen"),
]


def conference_in(context):
    """The conference of the page being rendered, the preview's sample conference, or None."""
    if not context:
        return None
    if context.get("website_conference") is not None:
        return context["website_conference"]
    find = getattr(context.get("page"), "website_conference", None)
    return find() if callable(find) else None


def dates_of(conference, kinds=()):
    if not conference:
        return []
    return shown_dates(with_conference_days(conference.important_dates(), conference), kinds)


class ConferenceDatesMixin:
    """A block that shows its conference's dates: in the editor's preview, those of a sample conference."""

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        context["website_conference"] = SampleConference()
        return context


class HttpLinkBlock(blocks.URLBlock):
    """An address on the web: only https:// or http://, never a script or a file on the editor's disk."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)

    def clean(self, value):
        value = (value or "").strip()
        if value and not value.lower().startswith(HTTP_STARTS):
            raise ValidationError("Enter an address that starts with https:// or http://.")
        return super().clean(value)


def heading_block(default):
    return blocks.CharBlock(
        max_length=150, required=False, default=default, help_text="Shown as a level 2 heading. Leave empty for none."
    )


def field_errors(**errors):
    messages = {name: ValidationError(text) for name, text in errors.items()}
    return blocks.StructBlockValidationError(block_errors=messages)


def item_errors(field, errors_by_index):
    """Errors on items of the list block `field`, as Wagtail shows them beside each item."""
    return blocks.StructBlockValidationError(
        block_errors={field: blocks.ListBlockValidationError(block_errors=errors_by_index)}
    )


# -- important dates -------------------------------------------------------


class ImportantDatesBlock(ConferenceDatesMixin, blocks.StructBlock):
    heading = heading_block("Important dates")
    kinds = blocks.MultipleChoiceBlock(
        choices=ImportantDateKind.choices,
        required=False,
        label="Show only",
        help_text="Tick the kinds of date to show. Leave all unticked to show every date.",
    )

    class Meta:
        icon = "date"
        template = "components/blocks/important_dates.html"
        help_text = (
            "The conference's important dates, as entered under “Important dates” on the conference page; "
            "dates that have passed are marked."
        )
        description = "The conference's deadlines and days."
        preview_value = {"heading": "Important dates", "kinds": []}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["dates"] = dates_of(conference_in(parent_context), value.get("kinds") or ())
        return context


# -- call for proposals ------------------------------------------------------


class SubmissionTypeBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text="E.g. “Paper”, “Poster”, “Workshop”.")
    length = blocks.CharBlock(max_length=60, required=False, help_text="E.g. “15 minutes” or “half day”.")
    description = blocks.TextBlock(required=False, help_text="What this kind of proposal is.")

    class Meta:
        icon = "doc-full"
        label_format = "{name}"


class CallForProposalsBlock(ConferenceDatesMixin, blocks.StructBlock):
    heading = heading_block("Call for proposals")
    intro = blocks.RichTextBlock(features=WEBSITE_TEXT_FEATURES, required=False, help_text="The call itself.")
    submission_types = blocks.ListBlock(SubmissionTypeBlock(), min_num=0, help_text="The kinds of proposal.")
    guidelines = blocks.RichTextBlock(
        features=WEBSITE_TEXT_FEATURES, required=False, help_text="How to write and submit a proposal."
    )
    submission_link = HttpLinkBlock(
        label="Submission system", help_text="The address of the submission system (https://…)."
    )
    submission_label = blocks.CharBlock(
        max_length=100, required=False, help_text="The button's words. Leave empty for “Submit a proposal”."
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "components/blocks/call_for_proposals.html"
        help_text = (
            "The call for proposals: the kinds of submission, the guidelines and the submission system; "
            "its deadlines come from the conference's important dates."
        )
        description = "A call for proposals with its deadlines."
        preview_value = {
            "heading": "Call for proposals",
            "intro": "<p>We invite proposals on data services, stewardship and the people behind them.</p>",
            "submission_types": [
                {"name": "Paper", "length": "15 minutes", "description": "A presentation in a session of three."},
                {"name": "Poster", "length": "", "description": "Shown throughout the conference."},
            ],
            "submission_link": "https://iassist.example.org/submit",
        }

    DEADLINES = (ImportantDateKind.PROPOSALS_DUE, ImportantDateKind.NOTIFICATIONS)

    def clean(self, value):
        value = super().clean(value)
        seen, errors = {}, {}
        for index, item in enumerate(value.get("submission_types") or []):
            key = (item.get("name") or "").strip().casefold()
            if key in seen:
                errors[index] = field_errors(name=f"“{item['name']}” is listed twice: name each kind once.")
            seen.setdefault(key, index)
        if errors:
            raise item_errors("submission_types", errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["deadlines"] = dates_of(conference_in(parent_context), self.DEADLINES)
        return context


# -- registration ------------------------------------------------------------


class FeeBlock(blocks.StructBlock):
    category = blocks.CharBlock(
        max_length=120, help_text="Who pays this: “Member”, “Non-member”, “Student”, “One day”."
    )
    early_bird = blocks.DecimalBlock(
        required=False, min_value=0, max_digits=9, decimal_places=2, label="Early-bird rate", help_text="Optional."
    )
    regular = blocks.DecimalBlock(
        required=False, min_value=0, max_digits=9, decimal_places=2, label="Regular rate", help_text="Optional."
    )

    class Meta:
        icon = "tag"
        label_format = "{category}"

    def clean(self, value):
        value = super().clean(value)
        if value.get("early_bird") is None and value.get("regular") is None:
            raise field_errors(regular="Enter the early-bird rate, the regular rate, or both.")
        return value


def amount_text(currency, amount):
    """USD 450, or USD 1,212.50: whole amounts without cents."""
    if amount is None:
        return ""
    amount = decimal.Decimal(amount)
    figures = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return f"{currency} {figures}"


class RegistrationBlock(ConferenceDatesMixin, blocks.StructBlock):
    heading = heading_block("Registration")
    intro = blocks.RichTextBlock(features=WEBSITE_TEXT_FEATURES, required=False, help_text="Shown above the fees.")
    # Required, but checked in clean() to say why: Django's own "This field is required." does not.
    currency = blocks.ChoiceBlock(
        choices=CURRENCIES, required=False, help_text="Required: the currency of every fee in the table (ISO 4217)."
    )
    fees = blocks.ListBlock(FeeBlock(), min_num=0, help_text="One row per category of delegate.")
    included = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label="Item"),
        min_num=0,
        label="What the fee includes",
        help_text="E.g. “All sessions and workshops”, “Lunches and the conference dinner”.",
    )
    registration_link = HttpLinkBlock(
        required=False, help_text="The address of the registration system (https://…). Leave empty until it opens."
    )

    class Meta:
        icon = "form"
        template = "components/blocks/registration.html"
        help_text = (
            "Registration fees as a table, what they include and the registration link; its deadlines "
            "(early-bird ends, registration closes) come from the conference's important dates."
        )
        description = "Registration fees, deadlines and link."
        preview_value = {
            "heading": "Registration",
            "currency": "USD",
            "fees": [
                {"category": "Member", "early_bird": "450", "regular": "525"},
                {"category": "Non-member", "early_bird": "550", "regular": "625"},
                {"category": "Student", "early_bird": "200", "regular": "250"},
                {"category": "One day", "early_bird": None, "regular": "225"},
            ],
            "included": ["All sessions", "Lunches and breaks", "The reception"],
            "registration_link": "https://iassist.example.org/register",
        }

    DEADLINES = (ImportantDateKind.EARLY_BIRD_ENDS, ImportantDateKind.REGISTRATION_CLOSES)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("currency"):
            raise field_errors(currency="Choose the currency of the fees, e.g. USD: a fee means nothing without it.")
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        currency = value.get("currency") or ""
        fees = [
            {
                "category": fee["category"],
                "early_bird": amount_text(currency, fee.get("early_bird")),
                "regular": amount_text(currency, fee.get("regular")),
            }
            for fee in value.get("fees") or []
        ]
        context["fees"] = fees
        context["has_early_bird"] = any(fee["early_bird"] for fee in fees)
        context["deadlines"] = dates_of(conference_in(parent_context), self.DEADLINES)
        return context


# -- questions and answers ---------------------------------------------------


def anchor_from(text):
    return slugify(text or "", allow_unicode=True)[:ANCHOR_MAX_LENGTH].strip("-")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300)
    answer = blocks.RichTextBlock(features=WEBSITE_TEXT_FEATURES)
    anchor = blocks.CharBlock(
        max_length=ANCHOR_MAX_LENGTH,
        required=False,
        help_text="The address of this answer after # (a link to …#visa-letters opens it). Leave empty to make it "
        "from the question; once saved it stays, even if the question changes.",
    )

    class Meta:
        icon = "help"
        label_format = "{question}"

    def clean(self, value):
        value = super().clean(value)
        typed = (value.get("anchor") or "").strip()
        if typed and anchor_from(typed) != typed:
            raise field_errors(anchor=f"Use only lower-case letters, digits and hyphens, e.g. “{anchor_from(typed)}”.")
        anchor = typed or anchor_from(value.get("question"))
        if not anchor:
            raise field_errors(anchor="The question has no letters to make an anchor from: enter one.")
        value["anchor"] = anchor
        return value


class FAQBlock(blocks.StructBlock):
    heading = heading_block("Frequently asked questions")
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "help"
        label = "FAQ"
        template = "components/blocks/faq.html"
        help_text = "Questions and answers; each answer opens when clicked, or when a link leads to its anchor."
        description = "Frequently asked questions."
        preview_value = {
            "heading": "Frequently asked questions",
            "questions": [
                {
                    "question": "Do I need a visa?",
                    "answer": "<p>Check with the embassy; we send invitation letters on request.</p>",
                    "anchor": "visa",
                },
                {"question": "Is there a code of conduct?", "answer": "<p>Yes, it applies to everyone.</p>"},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        first_with, errors = {}, {}
        for index, item in enumerate(value["questions"]):
            anchor = item["anchor"]
            if anchor in first_with:
                errors[index] = field_errors(
                    anchor=f"“{anchor}” is already the anchor of question {first_with[anchor] + 1}: "
                    "give this one another."
                )
            first_with.setdefault(anchor, index)
        if errors:
            raise item_errors("questions", errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["questions"] = list(_with_unique_anchors(value.get("questions") or []))
        return context


def _with_unique_anchors(questions):
    """Each question with an anchor of its own, even for content that never went through clean()."""
    used = set()
    for number, item in enumerate(questions, start=1):
        anchor = anchor_from(item.get("anchor")) or anchor_from(item.get("question")) or f"question-{number}"
        if anchor in used:
            anchor = f"{anchor}-{number}"
        used.add(anchor)
        yield {"question": item.get("question"), "answer": item.get("answer"), "anchor": anchor}


# -- venue and travel --------------------------------------------------------


class VenueBlock(blocks.StructBlock):
    heading = heading_block("Venue")
    name = blocks.CharBlock(max_length=200, help_text="E.g. “Chase Center, Wilmington”.")
    address = blocks.TextBlock(help_text="The postal address, one line per line of the address.")
    map_link = HttpLinkBlock(
        required=False, help_text="A link to the venue on a map site (https://…). The page embeds no map."
    )
    directions = blocks.RichTextBlock(
        features=WEBSITE_TEXT_FEATURES, required=False, help_text="Getting there: transit, parking, accessibility."
    )

    class Meta:
        icon = "site"
        template = "components/blocks/venue.html"
        help_text = "The venue's name and address, a link to a map, and how to get there."
        description = "The conference venue."
        preview_value = {
            "heading": "Venue",
            "name": "Conference Centre",
            "address": "1 Harbour Street\nGothenburg 411 04\nSweden",
            "map_link": "https://www.openstreetmap.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("address") or "").strip():
            raise field_errors(address="Enter the venue's address.")
        return value


class HotelBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200)
    booking_link = HttpLinkBlock(required=False, help_text="The booking page with the conference rate (https://…).")
    rate = blocks.CharBlock(max_length=200, required=False, help_text="E.g. “CAD 219 a night, breakfast included”.")
    notes = blocks.TextBlock(required=False, help_text="E.g. the booking code, or the walk to the venue.")
    booking_deadline = blocks.DateBlock(
        required=False,
        help_text="The last day to book at the conference rate. Leave empty to use the conference's hotel booking "
        "deadline, if it has one.",
    )

    class Meta:
        icon = "home"
        label_format = "{name}"


class TravelBlock(ConferenceDatesMixin, blocks.StructBlock):
    heading = heading_block("Travel and accommodation")
    hotels = blocks.ListBlock(HotelBlock(), min_num=0, help_text="Hotels with a conference rate.")
    travel_notes = blocks.RichTextBlock(
        features=WEBSITE_TEXT_FEATURES,
        required=False,
        label="Visa and travel notes",
        help_text="Visas and invitation letters, airports, getting around.",
    )

    class Meta:
        icon = "globe"
        template = "components/blocks/travel.html"
        help_text = (
            "Hotels with their rates, booking links and deadlines, and notes on visas and travel. A booking "
            "deadline after the conference is refused when the page is saved."
        )
        description = "Hotels, visas and travel."
        preview_value = {
            "heading": "Travel and accommodation",
            "hotels": [
                {
                    "name": "Harbour Hotel",
                    "booking_link": "https://hotel.example.org/iassist",
                    "rate": "EUR 160 a night",
                    "notes": "Ten minutes' walk from the venue.",
                }
            ],
            "travel_notes": "<p>Delegates who need a visa can ask for an invitation letter.</p>",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        conference = conference_in(parent_context)
        context["hotels"] = [_hotel_with_deadline(hotel, conference) for hotel in value.get("hotels") or []]
        return context


def _hotel_with_deadline(hotel, conference):
    deadline = hotel.get("booking_deadline")
    if not deadline and conference:
        shared = conference.date_of(ImportantDateKind.HOTEL_DEADLINE)
        deadline = shared.date if shared else None
    last_day = getattr(conference, "end_date", None) or getattr(conference, "start_date", None)
    return {
        "hotel": hotel,
        "deadline": deadline,
        "deadline_text": long_date(deadline) if deadline else "",
        "deadline_is_past": bool(deadline) and deadline < timezone.localdate(),
        # Refused on save; shown for content saved before the conference's dates moved.
        "deadline_after_conference": bool(deadline and last_day and deadline > last_day),
    }


def hotel_deadline_errors(stream_value, last_day):
    """Errors for every hotel deadline after `last_day` in a stream of website blocks, as Wagtail shows them.

    None if there are none. Blocks are found by type, wherever TravelBlock is used.
    """
    errors = {}
    for position, child in enumerate(stream_value or []):
        if not isinstance(child.block, TravelBlock):
            continue
        hotels = {}
        for index, hotel in enumerate(child.value.get("hotels") or []):
            message = after_conference_error(
                f"The booking deadline of {hotel['name']}", hotel.get("booking_deadline"), last_day
            )
            if message:
                hotels[index] = field_errors(booking_deadline=message)
        if hotels:
            errors[position] = item_errors("hotels", hotels)
    return blocks.StreamBlockValidationError(block_errors=errors) if errors else None
