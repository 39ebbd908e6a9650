"""The import command on small hand-made Hugo trees: fast, and independent of ../shared."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from conferences.models import ConferenceIndexPage, ConferencePage

pytestmark = pytest.mark.django_db

INDEX = """+++
title = "Conferences"
draft = "false"
+++
## Annual conference

<div style="background-color:#fdebd0;font-weight:bold;padding:.5em;font-size:140%;">Forthcoming</div>

<a class="btn btn-template-main" href="./iassist2030/">IASSIST 2030</a>
"""
EVENT = """+++
title = "IASSIST 2030 - Main Page"
draft = "false"
+++
Somewhere, May 5-8, 2030
"""


def make_tree(root, files):
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def run(root, *args):
    output = StringIO()
    call_command("import_hugo", str(root), *args, verbosity=1, stdout=output)
    return output.getvalue()


def test_minimal_tree_imports_index_and_event(home_page, tmp_path):
    tree = make_tree(
        tmp_path, {"content/conferences/_index.md": INDEX, "content/conferences/iassist2030/_index.md": EVENT}
    )
    output = run(tree)
    assert output.strip().splitlines()[-1].startswith("conferences=1 sessions=0 presentations=0")
    index = ConferenceIndexPage.objects.get()
    assert [block.block_type for block in index.body] == ["heading", "notice", "event_buttons"]
    event = ConferencePage.objects.get()
    assert event.year == 2030 and event.title == "IASSIST 2030"
    assert index.body[2].value[0]["page"].pk == event.pk


def test_tree_without_any_conference_still_imports(home_page, tmp_path):
    tree = make_tree(tmp_path, {"content/conferences/_index.md": INDEX})
    output = run(tree)
    assert "conferences=0" in output
    assert "names no imported page" in output


def test_missing_path_is_a_clear_error(home_page, tmp_path):
    with pytest.raises(CommandError, match="not a Hugo site source"):
        run(tmp_path / "nowhere")


def test_verbosity_zero_prints_nothing(home_page, tmp_path):
    tree = make_tree(tmp_path, {"content/conferences/_index.md": INDEX})
    output = StringIO()
    call_command("import_hugo", str(tree), verbosity=0, stdout=output)
    assert output.getvalue() == ""
    assert ConferenceIndexPage.objects.get().title == "Conferences"
