"""Conference website pages read as typed blocks, from small markdown snippets."""

from conferences.importer.parse.dated_lists import find_dated_lists
from conferences.importer.parse.landing_sections import map_landing
from conferences.importer.parse.markdown import body_to_blocks
from conferences.importer.parse.typed_pages import page_kind, type_page


def typed(name, text):
    warnings = []
    path = f"content/conferences/iassist2030/{name}"
    blocks = body_to_blocks(text, path=path, warnings=warnings)
    return type_page(blocks, path=path, warnings=warnings), [warning.message for warning in warnings]


def kinds(blocks):
    return [kind for kind, _ in blocks]


def only(blocks, kind):
    found = [value for block_kind, value in blocks if block_kind == kind]
    assert len(found) == 1
    return found[0]


# -- which pages --------------------------------------------------------------


def test_the_kind_of_page_comes_from_its_file_name():
    names = ["faq.md", "sponsorship.md", "registration.md", "keynote-speakers.md", "workshops.md"]
    assert [page_kind(f"x/{name}") for name in names] == ["faq", "sponsors", "registration", "speakers", None]


def test_other_pages_are_left_as_they_are_with_a_warning_that_they_stay_plain_text():
    blocks, warnings = typed("workshops.md", "### Do I need a visa?\n\nYes.\n")
    assert kinds(blocks) == ["heading", "paragraph"]
    assert len(warnings) == 1 and "no typed blocks for this kind of page yet: kept as plain text" in str(warnings[0])


# -- FAQ ------------------------------------------------------------------------


def test_faq_headings_with_answers_become_questions_and_the_intro_stays():
    blocks, warnings = typed(
        "faq.md", "## FAQ\n\nOur answers.\n\n### Visa?\n\nAsk us.\n\n### Dinner?\n\nYes, *free*.\n"
    )
    assert kinds(blocks) == ["heading", "paragraph", "faq"]
    questions = only(blocks, "faq")["questions"]
    assert [(q["question"], q["answer"], q["anchor"]) for q in questions] == [
        ("Visa?", "<p>Ask us.</p>", "visa"),
        ("Dinner?", "<p>Yes, <em>free</em>.</p>", "dinner"),
    ]
    assert warnings == []


def test_bold_questions_followed_by_answers_become_questions():
    blocks, _ = typed("faq.md", "**Is there parking?**\n\nA little.\n\n**Is there Wi-Fi?**\n\nEverywhere.\n")
    assert [q["question"] for q in only(blocks, "faq")["questions"]] == ["Is there parking?", "Is there Wi-Fi?"]


def test_a_bold_question_without_an_answer_stays_bold_text():
    blocks, _ = typed("faq.md", "**Is there parking?**\n\nA little.\n\n## Contact\n\n**Anything else?**\n")
    assert blocks[-1] == ("paragraph", "<p><strong>Anything else?</strong></p>")


def test_repeated_questions_get_anchors_of_their_own():
    blocks, _ = typed("faq.md", "### Visa?\n\nA.\n\n### Visa?\n\nB.\n")
    assert [q["anchor"] for q in only(blocks, "faq")["questions"]] == ["visa", "visa-2"]


def test_a_faq_without_questions_is_kept_as_text_with_a_warning():
    blocks, warnings = typed("faq.md", "Write to us with any question.\n")
    assert kinds(blocks) == ["paragraph"]
    assert warnings == ["a faq page whose structure was not recognised: kept as plain text"]


def test_the_faq_keeps_the_plain_blocks_it_replaced_to_fall_back_on():
    blocks, _ = typed("faq.md", "### Visa?\n\nAsk us.\n")
    assert only(blocks, "faq")["fallback"] == [
        ("heading", {"text": "Visa?", "level": "h3"}),
        ("paragraph", "<p>Ask us.</p>"),
    ]


def test_a_hostile_question_is_kept_as_words():
    blocks, _ = typed("faq.md", "### <script>alert(1)</script>Visa?\n\nAsk us.\n")
    question = only(blocks, "faq")["questions"][0]["question"]
    assert "<script" not in question


def test_a_huge_faq_keeps_every_question():
    text = "".join(f"### Question {number}?\n\nAnswer {number}.\n\n" for number in range(500))
    blocks, _ = typed("faq.md", text)
    assert len(only(blocks, "faq")["questions"]) == 500


# -- sponsors -------------------------------------------------------------------

SPONSORS = """We thank them.

## Gold Sponsors

{{< figure src="/img/a.png" alt="logo, Archive A" >}}

<a href="https://a.example.org">Archive A</a>

{{< figure src="/img/b.png" alt="" >}}

<a href="https://b.example.org">Press B</a>

## Become a sponsor

Write to us.
"""


def test_tier_headings_with_logos_and_links_become_sponsors():
    blocks, _ = typed("sponsorship.md", SPONSORS)
    assert kinds(blocks) == ["paragraph", "sponsors", "heading", "paragraph"]
    tier = only(blocks, "sponsors")["tiers"][0]
    assert tier["name"] == "Gold"
    assert [(s["name"], s["url"], s["logo"], s["alt"]) for s in tier["sponsors"]] == [
        ("Archive A", "https://a.example.org", "/img/a.png", "Archive A"),
        ("Press B", "https://b.example.org", "/img/b.png", "Press B"),
    ]


def test_a_logo_that_is_itself_the_link_is_a_sponsor():
    text = '## Silver\n\n<a href="https://c.example.org"><img src="/img/c.png" alt="Company C"></a>\n'
    blocks, _ = typed("sponsorship.md", text)
    assert only(blocks, "sponsors")["tiers"][0]["sponsors"][0]["name"] == "Company C"


def test_a_sponsorship_page_of_prose_is_kept_as_text_with_a_warning():
    blocks, warnings = typed("sponsorship.md", "## Sponsor us\n\nOur packages are in the brochure.\n")
    assert kinds(blocks) == ["heading", "paragraph"]
    assert warnings == ["a sponsors page whose structure was not recognised: kept as plain text"]


# -- registration ---------------------------------------------------------------


def test_fee_lists_under_early_bird_and_standard_headings_make_one_table():
    text = "### Early Bird\n\n- Member - £360.00\n- Non-member - £410.00\n\n### Standard\n\n- Member - £410.00\n"
    blocks, _ = typed("registration.md", text)
    registration = only(blocks, "registration")
    assert registration["currency"] == "GBP"
    assert registration["fees"] == [
        {"category": "Member", "early_bird": "360.00", "regular": "410.00"},
        {"category": "Non-member", "early_bird": "410.00", "regular": None},
    ]


def test_rate_words_before_a_colon_are_not_part_of_the_category():
    blocks, _ = typed("registration.md", "Rates\n: Conference Registration Early Bird: IASSIST Member - €360\n")
    fee = only(blocks, "registration")["fees"][0]
    assert (fee["category"], fee["early_bird"]) == ("IASSIST Member", "360")


def test_a_fee_table_with_early_bird_and_regular_columns_is_read():
    text = "Category|Early Bird|Regular\n---|---|---\nMember|€395|€425\nStudent|€100|€150\n"
    blocks, _ = typed("registration.md", text)
    fees = only(blocks, "registration")["fees"]
    assert [(fee["category"], fee["early_bird"], fee["regular"]) for fee in fees] == [
        ("Member", "395", "425"),
        ("Student", "100", "150"),
    ]


def test_a_currency_code_decides_a_dollar_sign():
    blocks, _ = typed("registration.md", "- Member - $50 USD\n- Non-member - $110 USD\n")
    assert only(blocks, "registration")["currency"] == "USD"


def test_bare_dollars_are_decided_by_the_one_dollar_code_on_the_page():
    blocks, _ = typed("registration.md", "- Member - $50\n\nAll payments are in CAD.\n")
    assert only(blocks, "registration")["currency"] == "CAD"


def test_bare_dollars_alone_keep_the_fees_as_text_with_a_warning():
    blocks, warnings = typed("registration.md", "- Member - $50\n- Student - $20\n")
    assert kinds(blocks) == ["paragraph"] and "$50" in blocks[0][1]
    assert "the fees' currency could not be decided: the fee table kept as text" in warnings


def test_fees_in_two_currencies_keep_the_fees_as_text():
    blocks, warnings = typed("registration.md", "- Member - £50\n- Student - €20\n")
    assert "registration" not in kinds(blocks)
    assert any("currency could not be decided" in warning for warning in warnings)


def test_text_around_the_fees_stays_where_it_was():
    blocks, _ = typed("registration.md", "Prices below.\n\n- Member - £50\n\nAll fees are non-refundable.\n")
    assert blocks[0] == ("paragraph", "<p>Prices below.</p>")
    assert blocks[1][0] == "registration" and only(blocks, "registration")["fees"][0]["regular"] == "50"
    assert blocks[2] == ("paragraph", "<p>All fees are non-refundable.</p>")


# -- speakers -------------------------------------------------------------------

SPEAKER = """## Plenary speakers

<div style="display:flex;">
  <div>
    {{{{< figure src="{photo}" alt="Portrait of Ann Lee" >}}}}
  </div>
  <div>
<strong>Ann Lee</strong><br /><br />

Ann leads the <em>data rescue</em> programme.
  </div>
</div>
"""


def test_a_photo_then_a_bold_name_and_words_is_a_speaker():
    blocks, _ = typed("speakers.md", SPEAKER.format(photo="/img/ann.jpg"))
    assert kinds(blocks) == ["heading", "speakers"]
    speaker = only(blocks, "speakers")["speakers"][0]
    assert (speaker["name"], speaker["photo"], speaker["alt"]) == ("Ann Lee", "/img/ann.jpg", "Portrait of Ann Lee")
    assert speaker["bio"] == "<p>Ann leads the <em>data rescue</em> programme.</p>"


def test_the_placeholder_silhouette_is_not_taken_for_a_portrait():
    blocks, _ = typed("speakers.md", SPEAKER.format(photo="/img/conferences/annual/icon-person.png"))
    assert only(blocks, "speakers")["speakers"][0]["photo"] == ""


def test_a_speakers_page_of_prose_is_kept_as_text_with_a_warning():
    blocks, warnings = typed("speakers.md", "Speakers will be announced soon.\n")
    assert kinds(blocks) == ["paragraph"]
    assert warnings == ["a speakers page whose structure was not recognised: kept as plain text"]


# -- the Conferences page's panel -----------------------------------------------

INDEX = """Intro.

<div style="background-color:#fdebd0;font-weight:bold;">Forthcoming and Recent Conferences</div>

<div style="background-color:#eee;">

### 2030 IASSIST Events

#### Annual Conference

Oslo, Norway, June 4-7, 2030

<a class="btn" href="./iassist2030/">IASSIST 2030</a>

</div>

### 2029 IASSIST Events

Lima, Peru, May 2029

<a class="btn" href="./iassist2029/">IASSIST 2029</a>

### Past Conferences

See the archive.
"""
KEYS = {"./iassist2030/": "annual-2030", "./iassist2029/": "annual-2029"}


def landing(text):
    warnings = []
    blocks = body_to_blocks(text, path="content/conferences/_index.md", warnings=warnings)
    mapped = map_landing(blocks, conference_for=KEYS.get, path="_index.md", warnings=warnings)
    return mapped, [warning.message for warning in warnings]


def test_each_events_line_and_buttons_go_to_its_conference_and_the_computed_panel_takes_its_place():
    mapped, warnings = landing(INDEX)
    assert mapped.entries == {
        "annual-2030": {
            "summary": "<p>Oslo, Norway, June 4-7, 2030</p>",
            "buttons": [{"label": "IASSIST 2030", "href": "./iassist2030/", "new_tab": False}],
        },
        "annual-2029": {
            "summary": "<p>Lima, Peru, May 2029</p>",
            "buttons": [{"label": "IASSIST 2029", "href": "./iassist2029/", "new_tab": False}],
        },
    }
    assert kinds(mapped.blocks) == ["paragraph", "landing_panel", "heading", "paragraph"]
    assert warnings == []


def test_an_event_without_a_conference_keeps_the_panel_with_a_warning():
    mapped, warnings = landing(INDEX.replace("./iassist2029/", "./iassist-elsewhere/"))
    assert mapped is None
    assert warnings[-1].startswith("the hand-made panel of conferences was kept as written")


def test_a_year_whose_text_has_no_button_keeps_the_panel():
    mapped, _ = landing(INDEX.replace("#### Annual Conference", "Details to come.\n\n#### Annual Conference"))
    assert mapped is None


def test_a_page_without_a_panel_is_not_touched_and_not_warned():
    mapped, warnings = landing("Just words.\n")
    assert mapped is None and warnings == []


# -- important dates ------------------------------------------------------------


def dated(text, year=2030):
    warnings = []
    blocks = body_to_blocks(text, path="cfp.md", warnings=warnings)
    blocks, dates = find_dated_lists(blocks, path="cfp.md", warnings=warnings, year=year)
    return blocks, dates, [warning.message for warning in warnings]


def test_an_important_dates_list_becomes_the_conferences_dates_and_a_dates_block():
    text = (
        "## Important dates\n\n- Proposals due: Friday December 13, 2029\n- Notifications: February 3\n"
        "- Early-bird registration ends - April 1, 2030\n- Poster printing: May 2, 2030\n"
    )
    blocks, dates, warnings = dated(text)
    assert kinds(blocks) == ["important_dates"] and warnings == []
    assert [(d["kind"], d["label"], d["date"].isoformat()) for d in dates] == [
        ("proposals_due", "", "2029-12-13"),
        ("notifications", "", "2030-02-03"),
        ("early_bird_ends", "", "2030-04-01"),
        ("other", "Poster printing", "2030-05-02"),
    ]


def test_days_of_a_period_keep_their_last_day():
    _, dates, _ = dated("### Key dates\n\n- Conference: June 4-7, 2030\n")
    assert (dates[0]["kind"], dates[0]["date"].day, dates[0]["end_date"].day) == ("conference_days", 4, 7)


def test_a_list_with_a_vague_date_is_kept_as_text_with_a_warning():
    blocks, dates, warnings = dated(
        "## Important dates\n\n- Proposals due: December 13\n- Decisions: early February\n"
    )
    assert kinds(blocks) == ["heading", "paragraph"] and dates == []
    assert warnings == ["the 'Important dates' list has a line without one clear date: kept as text"]


def test_prose_under_the_heading_is_not_read_as_dates():
    _, dates, warnings = dated("## Important dates\n\nThe deadline was Friday December 19, 2025.\n")
    assert dates == [] and len(warnings) == 1


def test_each_typed_block_falls_back_on_only_what_it_replaced():
    blocks, _ = typed("registration.md", "Prices below.\n\n- Member - £50\n\nAll fees are non-refundable.\n")
    assert only(blocks, "registration")["fallback"] == [("paragraph", "<ul><li>Member - £50</li></ul>")]
    blocks, _ = typed("sponsorship.md", SPONSORS)
    assert kinds(only(blocks, "sponsors")["fallback"]) == ["heading", "image", "paragraph", "image", "paragraph"]
