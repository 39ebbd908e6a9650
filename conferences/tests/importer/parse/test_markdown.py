import pytest

from conferences.importer.parse.colours import nearest_scheme, parse_colour
from conferences.importer.parse.markdown import body_to_blocks

from ..trees import write_file


def convert(text, **options):
    warnings = []
    return body_to_blocks(text, path="content/page.md", warnings=warnings, **options), warnings


def kinds(blocks):
    return [kind for kind, _ in blocks]


def test_markdown_headings_map_to_levels_two_to_four():
    blocks, _ = convert("# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n")
    assert [value["level"] for _, value in blocks] == ["h2", "h2", "h3", "h4", "h4"]


def test_inline_markup_in_headings_becomes_plain_text():
    blocks, warnings = convert("### **Platinum** _sponsors_\n\n### [Full Program](/full/)\n")
    assert [value["text"] for _, value in blocks] == ["Platinum sponsors", "Full Program"]
    assert len(warnings) == 1 and "/full/" in warnings[0].message


def test_consecutive_paragraphs_and_lists_make_one_paragraph_block():
    blocks, _ = convert("First *para*.\n\nSecond with **bold**.\n\n- one\n- two\n")
    assert blocks == [
        (
            "paragraph",
            "<p>First <em>para</em>.</p><p>Second with <strong>bold</strong>.</p><ul><li>one</li><li>two</li></ul>",
        )
    ]


def test_a_list_straight_after_a_paragraph_line_is_a_list():
    blocks, _ = convert("Not eligible:\n- Guests\n- Others\n")
    assert blocks == [("paragraph", "<p>Not eligible:</p><ul><li>Guests</li><li>Others</li></ul>")]


def test_links_keep_their_hrefs_as_written():
    text = "[a](./iassist2025/) [b](/conferences/archive) [c](https://example.org/x?y=1&z=2)"
    blocks, _ = convert(text)
    assert blocks == [
        (
            "paragraph",
            '<p><a href="./iassist2025/">a</a> <a href="/conferences/archive">b</a> '
            '<a href="https://example.org/x?y=1&amp;z=2">c</a></p>',
        )
    ]


def test_ref_shortcodes_become_ref_hrefs():
    blocks, _ = convert('[See index]({{< ref "conference-committees.md" >}}) and [x]({{< ref "archive" >}} "")')
    assert blocks == [
        ("paragraph", '<p><a href="ref:conference-committees.md">See index</a> and <a href="ref:archive">x</a></p>')
    ]


def test_javascript_and_data_links_lose_their_href_but_keep_their_words():
    blocks, warnings = convert('<a href="javascript:alert(1)">click</a> <a href="data:text/html,x">there</a>')
    assert blocks == [("paragraph", "<p>click there</p>")]
    assert len(warnings) == 2


def test_b_and_i_become_strong_and_em_and_other_tags_are_unwrapped():
    blocks, _ = convert('<b>bold</b> <i>italic</i> <span class="x">plain</span> <small>small</small> x<sup>2</sup>')
    assert blocks == [("paragraph", "<p><strong>bold</strong> <em>italic</em> plain small x<sup>2</sup></p>")]


def test_bare_addresses_become_links_like_hugo_makes_them():
    blocks, _ = convert("See https://www.gov.uk/apply. Or (https://example.org/a).")
    assert blocks == [
        (
            "paragraph",
            '<p>See <a href="https://www.gov.uk/apply">https://www.gov.uk/apply</a>. '
            'Or (<a href="https://example.org/a">https://example.org/a</a>).</p>',
        )
    ]


def test_html_comments_are_dropped_with_the_markdown_they_hide():
    text = (
        'Before\n\n<!--\n## Hidden heading\n\n[hidden](/x/)\n{{< figure src="/a.png" >}}\n-->\n\n'
        "After <!-- inline --> text\n"
    )
    blocks, warnings = convert(text)
    assert blocks == [("paragraph", "<p>Before</p><p>After text</p>")]
    assert warnings == []


def test_a_comment_inside_an_html_table_does_not_end_the_table():
    text = "<table>\n<tbody><!--\n<tr><td>old</td></tr>-->\n\t<tr>\n\t  <td>new</td>\n\t</tr>\n</tbody>\n</table>\n"
    blocks, warnings = convert(text)
    assert blocks == [("paragraph", "<p>new</p>")]
    assert len(warnings) == 1 and "table" in warnings[0].message


def test_an_unclosed_comment_hides_the_rest_with_a_warning():
    blocks, warnings = convert("Shown\n<!-- closed\n-->\n\n<!-- never closed\n\nHidden\n")
    assert blocks == [("paragraph", "<p>Shown</p>")]
    assert len(warnings) == 1 and warnings[0].line == 5


def test_br_spacers_script_and_style_are_dropped():
    text = "<br />\n<br />\n\n<style>\np { color: red; }\n</style>\n\n<script>alert(1)</script>\n\nText<br /><br />\n"
    blocks, _ = convert(text)
    assert blocks == [("paragraph", "<p>Text</p>")]


def test_a_coloured_one_line_div_becomes_a_highlight_bar_heading():
    text = (
        '<div style="background-color:#fdebd0;font-weight:bold;padding:.5em;">Forthcoming and Recent Conferences</div>'
    )
    blocks, _ = convert(text)
    assert blocks == [
        (
            "notice",
            {
                "scheme": "highlight",
                "content": [("heading", {"text": "Forthcoming and Recent Conferences", "level": "h2"})],
            },
        )
    ]


def test_a_coloured_div_holding_markdown_becomes_a_panel_with_its_content():
    text = (
        '<div style="background-color:#eee;padding:.5em;">\n\n'
        "### 2027 IASSIST Events\n\nConference, May 2027\n\n</div>\n"
    )
    blocks, _ = convert(text)
    assert blocks == [
        (
            "notice",
            {
                "scheme": "panel",
                "content": [
                    ("heading", {"text": "2027 IASSIST Events", "level": "h3"}),
                    ("paragraph", "<p>Conference, May 2027</p>"),
                ],
            },
        )
    ]


@pytest.mark.parametrize(
    ("style", "scheme"),
    [
        ("background-color:#fdebd0", "highlight"),
        ("background-color:#eee", "panel"),
        ("background-color:#EEEEEE", "panel"),
        ("background-color: rgb(227, 239, 250)", "info"),
        ("background:#fbe3e1;padding:1em", "alert"),
        ("background: pink", "alert"),
        ("background-color:#ffe0c0", "highlight"),
        ("background-color:lightblue", "info"),
    ],
)
def test_notice_colours_map_to_the_nearest_scheme(style, scheme):
    blocks, _ = convert(f'<div style="{style}">Words</div>')
    assert blocks[0][1]["scheme"] == scheme


def test_colour_parsing_accepts_short_hex_rgb_and_names():
    assert parse_colour("#eee") == (238, 238, 238)
    assert parse_colour("rgb(100%, 0%, 0%)") == (255, 0, 0)
    assert parse_colour("pink") == (255, 192, 203)
    assert parse_colour("transparent") is None
    assert nearest_scheme((0xFD, 0xEB, 0xD0)) == "highlight"


def test_a_div_without_a_background_is_unwrapped_in_place():
    text = '<div style="display:flex;">\n  <div style="padding: 2em;">\n    Inside\n  </div>\n</div>\n\nAfter\n'
    blocks, _ = convert(text)
    assert blocks == [("paragraph", "<p>Inside</p><p>After</p>")]


def test_images_buttons_and_recordings_inside_a_notice_are_limited_to_notice_blocks():
    text = (
        '<div style="background-color:#eee">\n\nText\n\n{{< figure src="/img/a.png" alt="A" >}}\n\n'
        '<a class="btn btn-template-main" href="/x/">Go</a>\n\n</div>\n'
    )
    blocks, warnings = convert(text)
    assert kinds(blocks[0][1]["content"]) == ["paragraph", "event_buttons"]
    assert len(warnings) == 1 and "image" in warnings[0].message


def test_a_button_becomes_an_event_button_with_its_label_and_address():
    blocks, _ = convert('<a class="btn btn-template-main" href="./iassist-sweden-2022/" >IASSIST 2022, Sweden</a>')
    assert blocks == [
        ("event_buttons", [{"label": "IASSIST 2022, Sweden", "href": "./iassist-sweden-2022/", "new_tab": False}])
    ]


def test_a_button_with_target_blank_opens_a_new_tab_and_loses_its_icon():
    text = (
        '<a class="btn btn-template-main" href="https://zenodo.org/communities/iassist-2022" target="_blank">'
        '2022 presentations (Zenodo) <span class="fas fa-external-link-alt"></span></a>'
    )
    blocks, _ = convert(text)
    assert blocks == [
        (
            "event_buttons",
            [
                {
                    "label": "2022 presentations (Zenodo)",
                    "href": "https://zenodo.org/communities/iassist-2022",
                    "new_tab": True,
                }
            ],
        )
    ]


def test_consecutive_buttons_share_one_row():
    text = (
        '<a class="btn" href="/a/">A</a> \n'
        '<a class="btn" href="/b/" target="_blank">B<i class="fas fa-x"></i></a><br />\n'
    )
    blocks, _ = convert(text)
    assert blocks == [
        (
            "event_buttons",
            [{"label": "A", "href": "/a/", "new_tab": False}, {"label": "B", "href": "/b/", "new_tab": True}],
        )
    ]


def test_buttons_in_separate_paragraphs_make_separate_rows():
    blocks, _ = convert('<a class="btn" href="/a/">A</a>\n\n<a class="btn" href="/b/">B</a>\n')
    assert kinds(blocks) == ["event_buttons", "event_buttons"]


def test_text_around_a_button_stays_in_order():
    blocks, _ = convert('<br /><a class="btn" href="/p/">Full Program</a><br /><br />\n\nMore text\n')
    assert blocks == [
        ("event_buttons", [{"label": "Full Program", "href": "/p/", "new_tab": False}]),
        ("paragraph", "<p>More text</p>"),
    ]


@pytest.mark.parametrize(
    ("text", "target", "label"),
    [
        (
            "[Presentations on Zenodo](https://zenodo.org/communities/iassist-2022/)",
            "https://zenodo.org/communities/iassist-2022/",
            "Presentations on Zenodo",
        ),
        ("**[Record](https://zenodo.org/records/123)**", "https://zenodo.org/records/123", "Record"),
        ("[DOI](https://doi.org/10.5281/zenodo.8229483)", "https://doi.org/10.5281/zenodo.8229483", "DOI"),
        ("10.5281/zenodo.8229483", "10.5281/zenodo.8229483", ""),
    ],
)
def test_a_paragraph_that_is_only_a_zenodo_link_becomes_a_zenodo_block(text, target, label):
    blocks, _ = convert(text)
    assert blocks == [("zenodo", {"target": target, "label": label})]


def test_a_zenodo_link_inside_a_sentence_stays_a_paragraph():
    blocks, _ = convert("See [Zenodo](https://zenodo.org/communities/iassist-2022) for slides.")
    assert kinds(blocks) == ["paragraph"]


def test_a_link_to_another_site_stays_a_paragraph():
    blocks, _ = convert("**[Conference Archive](/conferences/archive)**")
    assert blocks == [("paragraph", '<p><strong><a href="/conferences/archive">Conference Archive</a></strong></p>')]


def test_figure_shortcodes_become_images():
    text = (
        '{{< figure src="/img/flyer.jpg" link="/img/flyer-big.jpg" alt="Flyer" '
        'title="Click for a bigger image." width="600" >}}'
    )
    blocks, _ = convert(text)
    assert blocks == [
        (
            "image",
            {
                "src": "/img/flyer.jpg",
                "alt": "Flyer",
                "caption": "Click for a bigger image.",
                "link": "/img/flyer-big.jpg",
            },
        )
    ]


def test_markdown_and_html_images_become_images_with_their_link():
    text = (
        '![Logo](/img/logo.png "")\n\n'
        'Sponsor: <a href="https://icpsr.umich.edu/"><img src="/img/icpsr.png" alt="ICPSR"></a>\n'
    )
    blocks, _ = convert(text)
    assert blocks == [
        ("image", {"src": "/img/logo.png", "alt": "Logo", "caption": "", "link": ""}),
        ("paragraph", "<p>Sponsor:</p>"),
        ("image", {"src": "/img/icpsr.png", "alt": "ICPSR", "caption": "", "link": "https://icpsr.umich.edu/"}),
    ]


def test_relative_image_sources_are_resolved_against_the_page():
    blocks, _ = convert('{{< figure src="sponsorship/aristotle.png" alt="A" >}}', page_url="/conferences/iassist2023/")
    assert blocks[0][1]["src"] == "/conferences/iassist2023/sponsorship/aristotle.png"


def test_missing_static_files_are_reported_when_a_static_root_is_given(tmp_path):
    write_file(tmp_path, "static/img/present.png", b"png")
    text = (
        '{{< figure src="/img/present.png" >}}\n\n{{< figure src="/img/absent.png" >}}\n\n[Manual](/file/manual.docx)'
    )
    blocks, warnings = convert(text, static_root=tmp_path / "static")
    assert kinds(blocks) == ["image", "image", "paragraph"]
    assert sorted(warning.message for warning in warnings) == [
        "static file /file/manual.docx is missing",
        "static file /img/absent.png is missing",
    ]


@pytest.mark.parametrize(
    "text",
    ["{{< youtube xKLnVljouZk >}}", '{{< youtube id="xKLnVljouZk" title="Welcome" >}}'],
)
def test_youtube_shortcodes_become_recordings(text):
    blocks, _ = convert(text)
    assert blocks[0][0] == "recording"
    assert blocks[0][1]["video"] == "xKLnVljouZk"


def test_youtube_iframes_become_recordings_and_other_frames_are_dropped():
    text = (
        '<iframe src="https://www.youtube.com/embed/xKLnVljouZk" title="Welcome"></iframe>\n\n'
        '<iframe src="https://www.google.com/maps/embed?pb=1"></iframe>\n'
    )
    blocks, warnings = convert(text)
    assert blocks == [("recording", {"video": "xKLnVljouZk", "title": "Welcome"})]
    assert len(warnings) == 1 and "www.google.com" in warnings[0].message


def test_embed_pdf_shortcodes_become_documents():
    blocks, _ = convert('{{< embed-pdf url="/conferences/iassist2025/flyer.pdf" >}}')
    assert blocks == [("document", {"src": "/conferences/iassist2025/flyer.pdf", "label": ""})]


def test_unknown_shortcodes_are_dropped_with_a_warning_naming_the_line():
    blocks, warnings = convert('Text\n\n{{< gallery dir="x" >}}\n', first_line=5)
    assert blocks == [("paragraph", "<p>Text</p>")]
    assert len(warnings) == 1 and warnings[0].line == 7


def test_tables_are_flattened_into_a_paragraph_per_row_with_a_warning():
    text = "Time|Tuesday|\n---|---|\n8:00|Registration|\n   |   |\n"
    blocks, warnings = convert(text)
    assert blocks == [
        ("paragraph", "<p><strong>Time</strong> | <strong>Tuesday</strong></p><p>8:00 | Registration</p>")
    ]
    assert len(warnings) == 1


def test_definition_lists_become_a_paragraph_and_a_list():
    blocks, _ = convert("Registration fees:\n: $30 for members\n: $100 for others\n")
    assert blocks == [
        ("paragraph", "<p>Registration fees:</p><ul><li>$30 for members</li><li>$100 for others</li></ul>")
    ]


def test_a_highlighted_span_paragraph_becomes_a_small_notice():
    text = '**<span style="background:pink;padding:.5em;">Originally planned for Amherst</span>**'
    blocks, _ = convert(text)
    assert blocks == [
        (
            "notice",
            {"scheme": "alert", "content": [("paragraph", "<p><strong>Originally planned for Amherst</strong></p>")]},
        )
    ]


def test_unknown_elements_are_unwrapped_with_a_warning():
    blocks, warnings = convert("Contact IASSIST leadership <email> if you notice")
    assert blocks == [("paragraph", "<p>Contact IASSIST leadership if you notice</p>")]
    assert len(warnings) == 1 and "<email>" in warnings[0].message


def test_an_html_block_ends_at_a_blank_line_and_markdown_after_it_is_rendered():
    text = (
        '<div style="margin-left:1em;">\n<strong>Dr. Shawn Sobers</strong><br /><br />\n\n'
        "Wednesday **Plenary**\n\n</div>\n"
    )
    blocks, _ = convert(text)
    assert blocks == [
        ("paragraph", "<p><strong>Dr. Shawn Sobers</strong></p><p>Wednesday <strong>Plenary</strong></p>")
    ]


def test_a_button_with_a_javascript_address_is_dropped_with_a_warning():
    blocks, warnings = convert('<a class="btn" href="javascript:void(0)">Go</a>')
    assert blocks == []
    assert len(warnings) == 1
