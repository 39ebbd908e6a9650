"""A conference website's FAQ, sponsorship, registration and speakers pages imported as typed blocks,
and the Conferences page's hand-made panel moved onto the conferences, on a small tree in tmp_path."""

import datetime
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from PIL import Image

from conferences.models import ConferenceIndexPage, ConferencePage, ContentPage, ImportantDate, Sponsor

from ..trees import write_file

pytestmark = pytest.mark.django_db

INDEX = """+++
title = "Conferences"
+++
## IASSIST conferences

Each year the annual conference meets.

<div style="background-color:#fdebd0;font-weight:bold;padding:.5em;">Forthcoming and Recent Conferences</div>

<div style="background-color:#eee;padding:.5em;">

### 2030 IASSIST Events

#### Annual Conference

Oslo, Norway, June 4 - June 7, 2030

<a class="btn btn-template-main" href="./iassist2030/">IASSIST 2030 Conference website</a>

</div>

### Past Conferences

See the archive.
"""
FAQ = """+++
title = "IASSIST 2030 - FAQ"
+++
## Frequently asked questions

Answers to common questions.

### Do I need a visa?

Check with the embassy.

### Is there a code of conduct?

Yes, it applies to <em>everyone</em>.
"""
SPONSORS = """+++
title = "IASSIST 2030 - Sponsorship"
+++
We thank our sponsors.

## Gold Sponsors

{{< figure src="/img/logo.png" alt="logo, Data Archive" >}}

<a href="https://archive.example.org">Data Archive</a>

## Bronze Sponsors

{{< figure src="/img/logo.png" alt="" >}}

<a href="https://press.example.org">Data Press</a>
"""
REGISTRATION = """+++
title = "IASSIST 2030 - Registration"
+++
## Registration

### Early Bird (until April 1)

- Member - €300.00
- Non-member - €350.00

### Standard rate

- Member - €400.00
- Non-member - €450.00

All payments are in euros.
"""
SPEAKERS = """+++
title = "IASSIST 2030 - Speakers"
+++
## Keynote speakers

<div style="display:flex;">
  <div>
    {{< figure src="/img/logo.png" alt="Portrait of Ann Lee" >}}
  </div>
  <div>
<strong>Ann Lee</strong><br /><br />

Ann leads the data rescue programme.
  </div>
</div>
"""


def make_tree(root, **changes):
    files = {
        "content/conferences/_index.md": INDEX,
        "content/conferences/iassist2030/_index.md": '+++\ntitle = "IASSIST 2030 - Main Page"\n+++\nWelcome.\n',
        "content/conferences/iassist2030/faq.md": FAQ,
        "content/conferences/iassist2030/sponsorship.md": SPONSORS,
        "content/conferences/iassist2030/registration.md": REGISTRATION,
        "content/conferences/iassist2030/speakers.md": SPEAKERS,
        **changes,
    }
    for relative, text in files.items():
        write_file(root, relative, text)
    write_file(root, "static/img/logo.png", _png())
    return root


def _png():
    buffer = BytesIO()
    Image.new("RGB", (40, 20), "red").save(buffer, "PNG")
    return buffer.getvalue()


def run(root):
    output = StringIO()
    call_command("import_hugo", str(root), verbosity=1, stdout=output)
    return output.getvalue()


def body_of(slug):
    return ContentPage.objects.get(slug=slug).body


def typed(slug, kind):
    return next(block.value for block in body_of(slug) if block.block_type == kind)


def test_the_faq_page_holds_its_questions_with_the_intro_kept(home_page, tmp_path):
    run(make_tree(tmp_path))
    faq = typed("faq", "faq")
    assert [item["question"] for item in faq["questions"]] == ["Do I need a visa?", "Is there a code of conduct?"]
    assert [block.block_type for block in body_of("faq")] == ["heading", "paragraph", "faq"]


def test_the_sponsorship_page_lists_its_sponsors_by_tier_as_snippets_with_logos(home_page, tmp_path):
    run(make_tree(tmp_path))
    sponsors = typed("sponsorship", "sponsors")
    assert [(tier["name"], [s.name for s in tier["sponsors"]]) for tier in sponsors["tiers"]] == [
        ("Gold", ["Data Archive"]),
        ("Bronze", ["Data Press"]),
    ]
    archive = Sponsor.objects.get(name="Data Archive")
    assert (archive.url, archive.logo_alt_text, archive.logo is not None) == (
        "https://archive.example.org",
        "Data Archive",
        True,
    )
    assert Sponsor.objects.get(name="Data Press").logo_alt_text == "Data Press"


def test_a_sponsor_named_again_another_year_is_the_same_snippet(home_page, tmp_path):
    other_year = SPONSORS.replace("2030", "2031")
    second = {
        "content/conferences/iassist2031/_index.md": '+++\ntitle = "IASSIST 2031"\n+++\nHi.\n',
        "content/conferences/iassist2031/sponsorship.md": other_year,
    }
    run(make_tree(tmp_path, **second))
    gold = [
        next(block.value for block in page.body if block.block_type == "sponsors")["tiers"][0]["sponsors"][0].pk
        for page in ContentPage.objects.filter(slug="sponsorship")
    ]
    assert gold == [Sponsor.objects.get(name="Data Archive").pk] * 2


def test_the_registration_page_holds_its_fees_in_euros(home_page, tmp_path):
    run(make_tree(tmp_path))
    registration = typed("registration", "registration")
    assert registration["currency"] == "EUR"
    rows = [(fee["category"], str(fee["early_bird"]), str(fee["regular"])) for fee in registration["fees"]]
    assert rows == [("Member", "300.00", "400.00"), ("Non-member", "350.00", "450.00")]


def test_fees_in_bare_dollars_stay_text_with_a_warning(home_page, tmp_path):
    output = run(
        make_tree(tmp_path, **{"content/conferences/iassist2030/registration.md": REGISTRATION.replace("€", "$")})
    )
    assert "registration" not in [block.block_type for block in body_of("registration")]
    assert "currency could not be decided" in output
    assert "$300.00" in str(body_of("registration"))


def test_the_speakers_page_holds_each_speaker_with_photo_and_bio(home_page, tmp_path):
    run(make_tree(tmp_path))
    speaker = typed("speakers", "speakers")["speakers"][0]
    assert speaker["name"] == "Ann Lee"
    assert speaker["photo"].contextual_alt_text == "Portrait of Ann Lee"
    assert "data rescue programme" in speaker["bio"].source


def test_a_page_whose_structure_is_not_recognised_is_kept_as_text_with_a_warning(home_page, tmp_path):
    plain = '+++\ntitle = "IASSIST 2030 - FAQ"\n+++\nWrite to us with any question.\n'
    output = run(make_tree(tmp_path, **{"content/conferences/iassist2030/faq.md": plain}))
    assert [block.block_type for block in body_of("faq")] == ["paragraph"]
    assert "a faq page whose structure was not recognised: kept as plain text" in output


def test_hostile_answers_are_stored_without_scripts(home_page, tmp_path):
    hostile = FAQ.replace(
        "Check with the embassy.", 'Check <a href="javascript:alert(1)">here</a><script>x()</script>.'
    )
    run(make_tree(tmp_path, **{"content/conferences/iassist2030/faq.md": hostile}))
    answer = typed("faq", "faq")["questions"][0]["answer"].source
    assert "javascript" not in answer and "<script" not in answer


def test_the_conferences_page_computes_its_panel_from_the_conferences_summaries(home_page, tmp_path):
    run(make_tree(tmp_path))
    index = ConferenceIndexPage.objects.get()
    conference = ConferencePage.objects.get(year=2030)
    assert index.landing_panel
    assert "Forthcoming" not in str(index.body) and "Past Conferences" in str(index.body)
    assert conference.landing_summary == "<p>Oslo, Norway, June 4 - June 7, 2030</p>"
    buttons = conference.landing_buttons[0].value
    assert [(button["label"], button["page"].pk) for button in buttons] == [
        ("IASSIST 2030 Conference website", conference.pk)
    ]


def test_a_panel_with_an_event_that_leads_nowhere_is_kept_as_written(home_page, tmp_path):
    index = INDEX.replace("</div>\n\n### Past", "#### Workshop\n\nSoon.\n\n</div>\n\n### Past")
    output = run(make_tree(tmp_path, **{"content/conferences/_index.md": index}))
    assert not ConferenceIndexPage.objects.get().landing_panel
    assert "Forthcoming" in str(ConferenceIndexPage.objects.get().body)
    assert "hand-made panel of conferences was kept as written" in output


def test_a_re_import_keeps_the_summary_an_editor_changed(home_page, tmp_path):
    tree = make_tree(tmp_path)
    run(tree)
    conference = ConferencePage.objects.get(year=2030)
    conference.landing_summary = "<p>Oslo, in person only.</p>"
    conference.save_revision().publish()
    output = run(make_tree(tree, **{"content/conferences/_index.md": INDEX.replace("June 4", "June 5")}))
    assert ConferencePage.objects.get(year=2030).landing_summary == "<p>Oslo, in person only.</p>"
    assert "panel entry changed in the admin: kept as the editor left it" in output


def test_a_second_import_changes_nothing(home_page, tmp_path):
    tree = make_tree(tmp_path)
    run(tree)
    assert "Nothing changed" in run(tree)


CALL = """+++
title = "IASSIST 2030 - Call for proposals"
+++
We invite proposals.

## Important dates

- Proposals due: December 13, 2029
- Notifications: February 3, 2030
"""


def dates_of(conference):
    return [(entry.kind, entry.date.isoformat()) for entry in conference.important_date_entries.all()]


def test_an_important_dates_list_becomes_the_conferences_dates_and_a_dates_block(home_page, tmp_path, client):
    run(make_tree(tmp_path, **{"content/conferences/iassist2030/call-for-proposals.md": CALL}))
    conference = ConferencePage.objects.get(year=2030)
    assert dates_of(conference) == [("proposals_due", "2029-12-13"), ("notifications", "2030-02-03")]
    assert [block.block_type for block in body_of("call-for-proposals")] == ["paragraph", "important_dates"]
    html = client.get("/conferences/iassist2030/call-for-proposals/").content.decode()
    assert '<time datetime="2029-12-13">December 13, 2029</time>' in html


def test_a_re_import_keeps_the_dates_an_editor_changed(home_page, tmp_path):
    tree = make_tree(tmp_path, **{"content/conferences/iassist2030/call-for-proposals.md": CALL})
    run(tree)
    conference = ConferencePage.objects.get(year=2030)
    entry = conference.important_date_entries.first()
    conference.important_date_entries = [ImportantDate(kind=entry.kind, date=datetime.date(2029, 12, 20))]
    conference.save_revision().publish()
    changed = CALL.replace("February 3", "February 4")
    output = run(make_tree(tree, **{"content/conferences/iassist2030/call-for-proposals.md": changed}))
    assert dates_of(ConferencePage.objects.get(year=2030)) == [("proposals_due", "2029-12-20")]
    assert "important dates changed in the admin: kept as the editor left them" in output
    assert "Nothing changed" in run(tree)


def test_a_typed_block_the_site_refuses_falls_back_on_the_plain_text(home_page, tmp_path):
    twice = SPONSORS.replace("Data Press", "Data Archive").replace("press.example.org", "archive.example.org")
    output = run(make_tree(tmp_path, **{"content/conferences/iassist2030/sponsorship.md": twice}))
    body = body_of("sponsorship")
    assert "sponsors" not in [block.block_type for block in body]
    headings = [block.value["text"] for block in body if block.block_type == "heading"]
    assert headings == ["Gold Sponsors", "Bronze Sponsors"]
    assert "sponsors block refused (Data Archive is listed twice" in output
