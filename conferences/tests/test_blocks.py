import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from wagtail.blocks import StreamValue, StructBlockValidationError

from conferences.blocks import (
    NOTICE_SCHEMES,
    ConferenceStreamBlock,
    EventButtonBlock,
    ImageWithCaptionBlock,
    NoticeBlock,
    RecordingBlock,
    ZenodoLinkBlock,
)


def relative_luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("name", list(NOTICE_SCHEMES))
def test_every_notice_scheme_meets_wcag_aa_contrast(name):
    scheme = NOTICE_SCHEMES[name]
    assert contrast(scheme["text"], scheme["background"]) >= 4.5


def test_seed_colours_are_among_the_vetted_schemes():
    backgrounds = {scheme["background"] for scheme in NOTICE_SCHEMES.values()}
    assert {"#fdebd0", "#eeeeee"} <= backgrounds


def test_notice_renders_its_scheme_class_and_content():
    block = NoticeBlock()
    value = block.to_python(
        {"scheme": "highlight", "content": [{"type": "heading", "value": {"text": "Forthcoming", "level": "h2"}}]}
    )
    html = block.render(value)
    assert 'class="notice notice--highlight"' in html
    assert "<h2>Forthcoming</h2>" in html


def test_notice_with_an_unknown_scheme_falls_back_to_the_panel():
    block = NoticeBlock()
    value = block.to_python({"scheme": 'hotpink" onmouseover="x', "content": []})
    assert 'class="notice notice--panel"' in block.render(value)


def test_notice_scheme_outside_the_list_is_refused():
    block = NoticeBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"scheme": "#ff00ff", "content": []}))


class TestEventButton:
    block = EventButtonBlock()

    def clean(self, **value):
        return self.block.clean(self.block.to_python({"label": "Go", "page": None, "url": "", **value}))

    def test_accepts_an_external_url(self):
        assert self.clean(url="https://iassist2027.org/")["url"] == "https://iassist2027.org/"

    @pytest.mark.django_db
    def test_accepts_an_internal_page(self, home_page):
        assert self.clean(page=home_page.pk)["page"].pk == home_page.pk

    def test_refuses_neither_page_nor_url_with_a_message_on_the_url(self):
        with pytest.raises(StructBlockValidationError) as error:
            self.clean()
        assert "Choose a page of this site or enter a URL." in str(error.value.block_errors["url"])

    @pytest.mark.django_db
    def test_refuses_both_page_and_url(self, home_page):
        with pytest.raises(StructBlockValidationError) as error:
            self.clean(page=home_page.pk, url="https://example.org/")
        assert "not both" in str(error.value.block_errors["url"])

    def test_accepts_a_place_on_this_site(self):
        place = "/conferences/iassist2025/full-program/"
        assert self.clean(url=place)["url"] == place

    def test_refuses_an_address_that_leaves_the_site_while_looking_like_a_place_on_it(self):
        with pytest.raises(StructBlockValidationError) as error:
            self.clean(url="//evil.example/conferences/")
        assert "url" in error.value.block_errors

    def test_refuses_a_malformed_url(self):
        with pytest.raises(StructBlockValidationError) as error:
            self.clean(url="javascript:alert(1)")
        assert "url" in error.value.block_errors

    def test_new_tab_button_announces_it_to_screen_readers(self):
        value = self.block.to_python({"label": "Africa Workshop", "url": "https://example.org/", "new_tab": True})
        html = self.block.render(value)
        assert 'target="_blank"' in html and 'rel="noopener"' in html
        assert "(opens in a new tab)" in html
        assert 'class="button__icon" aria-hidden="true"' in html

    def test_new_tab_icon_adds_no_space_inside_the_button(self):
        value = self.block.to_python({"label": "Africa Workshop", "url": "https://example.org/", "new_tab": True})
        html = self.block.render(value)
        assert ">Africa Workshop<svg " in html and '</svg><span class="visually-hidden">' in html

    def test_label_is_escaped(self):
        value = self.block.to_python({"label": "<script>x</script>", "url": "https://example.org/"})
        html = self.block.render(value)
        assert "<script>x" not in html
        assert ">&lt;script&gt;x&lt;/script&gt;</a>" in html


@pytest.mark.django_db
def test_a_figure_refuses_both_an_address_and_a_document():
    block = ImageWithCaptionBlock()
    image, flyer = wagtail_factories.ImageFactory(), wagtail_factories.DocumentFactory()
    value = {"image": {"image": image.pk, "alt_text": "Flyer"}, "link": "/img/flyer.jpg", "document": flyer.pk}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert "not both" in str(error.value.block_errors["link"])


class TestZenodoLink:
    block = ZenodoLinkBlock()

    def test_normalises_a_pasted_community_search_url(self):
        value = self.block.clean(
            self.block.to_python({"target": "https://zenodo.org/communities/iassist-2022/search?page=1&size=20"})
        )
        assert value["target"] == "https://zenodo.org/communities/iassist-2022"

    def test_normalises_a_bare_doi(self):
        value = self.block.clean(self.block.to_python({"target": "10.5281/zenodo.6620829"}))
        assert value["target"] == "https://doi.org/10.5281/zenodo.6620829"

    def test_refuses_other_addresses_with_a_message_on_the_target(self):
        with pytest.raises(StructBlockValidationError) as error:
            self.block.clean(self.block.to_python({"target": "https://example.org/slides.pdf"}))
        message = " ".join(error.value.block_errors["target"].messages)
        assert "is not a Zenodo address" in message and "10.5281/zenodo.123456" in message

    def test_renders_a_labelled_link(self):
        value = self.block.to_python({"target": "https://zenodo.org/communities/iassist-2022", "label": ""})
        html = self.block.render(value)
        assert 'href="https://zenodo.org/communities/iassist-2022"' in html
        assert "Presentations on Zenodo" in html


class TestRecording:
    block = RecordingBlock()

    @pytest.mark.parametrize(
        "pasted",
        ["R7mH1L2ODDM", "https://www.youtube.com/watch?v=R7mH1L2ODDM", "https://youtu.be/R7mH1L2ODDM"],
    )
    def test_accepts_youtube_forms(self, pasted):
        value = self.block.clean(self.block.to_python({"video": pasted, "title": ""}))
        assert value["video"] == "https://www.youtube.com/watch?v=R7mH1L2ODDM"

    def test_refuses_other_sites_with_a_message_on_the_video(self):
        with pytest.raises(StructBlockValidationError) as error:
            self.block.clean(self.block.to_python({"video": "https://vimeo.com/123", "title": ""}))
        assert "video" in error.value.block_errors


def test_heading_level_outside_the_choices_renders_as_h2():
    html = render_to_string("components/blocks/heading.html", {"value": {"text": "Hi", "level": "script"}})
    assert html.strip() == "<h2>Hi</h2>"


@pytest.mark.parametrize("name", list(ConferenceStreamBlock().child_blocks))
def test_every_block_has_icon_help_text_and_preview(name):
    block = ConferenceStreamBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.help_text
    assert block.is_previewable


def test_stream_renders_blocks_in_order():
    stream_block = ConferenceStreamBlock()
    value = StreamValue(
        stream_block,
        [
            ("heading", {"text": "First", "level": "h2"}),
            ("paragraph", "<p>Second</p>"),
            ("zenodo", {"target": "10.5281/zenodo.1", "label": "Third"}),
        ],
    )
    html = stream_block.render(value)
    assert html.index("First") < html.index("Second") < html.index("Third")


def collapsed_label_format(block):
    """What Wagtail's editor is told to label the block with when it is collapsed."""
    from wagtail.blocks.struct_block import StructBlockAdapter

    return StructBlockAdapter().js_args(block)[2].get("labelFormat")


@pytest.mark.parametrize(
    ("name", "label_format"),
    [("notice", "{content}"), ("heading", "{text}")],
)
def test_collapsed_blocks_are_labelled_by_their_words(name, label_format):
    assert collapsed_label_format(ConferenceStreamBlock().child_blocks[name]) == label_format


def test_collapsed_event_button_is_labelled_by_its_label():
    assert collapsed_label_format(EventButtonBlock()) == "{label}"


def test_collapsed_zenodo_link_is_labelled_by_its_link_text_before_its_target():
    # Unlabelled, Wagtail uses the first filled field: the link text, else the target.
    assert list(ZenodoLinkBlock().child_blocks)[:2] == ["label", "target"]


def test_conference_page_blocks_and_notice_contents_start_collapsed():
    stream_block = ConferenceStreamBlock()
    assert stream_block.meta.collapsed
    assert stream_block.child_blocks["notice"].child_blocks["content"].meta.collapsed


def test_paragraph_inside_a_highlight_notice_renders_as_a_paragraph():
    block = NoticeBlock()
    value = block.to_python(
        {
            "scheme": "highlight",
            "content": [
                {"type": "heading", "value": {"text": "Forthcoming", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Registration opens in March.</p>"},
            ],
        }
    )
    html = block.render(value)
    assert '<div class="rich-text"><p>Registration opens in March.</p></div>' in html
    assert "<strong>" not in html


def test_highlight_notice_styles_its_headings_not_its_paragraphs_as_the_bar():
    from django.conf import settings

    css = (settings.BASE_DIR / "iassist_site" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    bar_rule = css[css.index(".notice--highlight {") :].split("}", 1)[0]
    assert "font-size" not in bar_rule and "font-weight" not in bar_rule
    assert ".notice--highlight :is(h2, h3, h4, h5, h6) {" in css
