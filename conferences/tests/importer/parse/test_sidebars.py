"""The old site's sidebar menus, found through the layouts that a page's type chooses."""

from conferences.importer.parse.sidebars import read_sidebar, section_sidebar, sidebar_of_type

from ..trees import write_file

SIDEBAR = """{{ partial "widgets/search.html" . }}
<ul class="nav">
  <li><a href="/conferences/iassist2030">Home</a></li>
  <li>
      <a href="/conferences/iassist2030/faq">Frequently
         Asked Questions</a>
  </li>
<!--
  <li><a href="/conferences/iassist2030/hotel">Hotel</a></li>
-->
  <li><a href="/community/code-of-conduct">Code of Conduct</a></li>
</ul>
"""


def layouts(tmp_path):
    write_file(tmp_path, "layouts/conferences/list.html", '{{ partial "sidebar-conferences.html" . }}')
    write_file(tmp_path, "layouts/conference-2030/single.html", '<div>{{ partial "sidebar-conference-2030.html" . }}')
    write_file(tmp_path, "layouts/partials/sidebar-conference-2030.html", SIDEBAR)
    return tmp_path


def test_a_type_with_a_layout_of_its_own_shows_that_layouts_sidebar(tmp_path):
    assert sidebar_of_type(layouts(tmp_path), "conference-2030") == "sidebar-conference-2030.html"


def test_a_type_without_a_layout_shows_the_sections_sidebar(tmp_path):
    root = layouts(tmp_path)
    assert sidebar_of_type(root, "conference-2031") == section_sidebar(root) == "sidebar-conferences.html"


def test_a_sidebar_reads_as_its_links_in_order_with_labels_on_one_line(tmp_path):
    entries = read_sidebar(layouts(tmp_path), "sidebar-conference-2030.html", [])
    assert entries == [
        ("/conferences/iassist2030", "Home"),
        ("/conferences/iassist2030/faq", "Frequently Asked Questions"),
        ("/community/code-of-conduct", "Code of Conduct"),
    ]


def test_a_missing_sidebar_is_reported(tmp_path):
    warnings = []
    assert read_sidebar(tmp_path, "sidebar-gone.html", warnings) == []
    assert "sidebar not found" in str(warnings[0])
