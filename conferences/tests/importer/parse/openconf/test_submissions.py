"""A submission's own page: its title, abstract and authors with institution and country."""

from conferences.importer.parse.openconf.submissions import authors_from_line, parse_submission_page

from .markup import submission_page


def authors(*lines):
    _, _, found = parse_submission_page(submission_page("Talk", "Abstract.", authors=lines))
    return [(author.name, author.institution, author.country) for author in found]


def test_each_author_has_a_name_an_institution_and_a_country():
    assert authors(("Sarah Siddiqui", "University of Rochester", "United States")) == [
        ("Sarah Siddiqui", "University of Rochester", "United States")
    ]


def test_an_institution_on_several_lines_is_kept_whole_and_the_last_line_is_the_country():
    assert authors(("Jon Johnson", "CLOSER", "UCL", "United Kingdom")) == [
        ("Jon Johnson", "CLOSER, UCL", "United Kingdom")
    ]


def test_an_author_with_one_more_line_has_it_as_the_institution():
    assert authors(("Kristi Thompson", "Western University")) == [("Kristi Thompson", "Western University", "")]


def test_an_institution_not_given_is_left_empty():
    assert authors(("Paula Lackie", "", "- NONE -", "United States")) == [("Paula Lackie", "", "United States")]


def test_the_title_and_abstract_are_read_without_the_authors():
    title, abstract, _ = parse_submission_page(submission_page("Data & Care", "Why it matters.", [("A B", "X", "Y")]))
    assert (title, abstract) == ("Data & Care", "Why it matters.")


def test_a_page_without_an_openconf_summary_is_none():
    assert parse_submission_page("<html><body><h1>Not found</h1></body></html>") is None


def test_the_schedules_line_of_authors_gives_names_and_institutions():
    found = authors_from_line("Darren Bell, UK Data Service; Jen Pecoskie, MLIS, Ph.D., The Alliance; Bo Chen")
    assert [(author.name, author.institution) for author in found] == [
        ("Darren Bell", "UK Data Service"),
        ("Jen Pecoskie", "MLIS, Ph.D., The Alliance"),
        ("Bo Chen", ""),
    ]
