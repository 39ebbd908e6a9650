"""Finding a programme's rows again in a changed source: no database, just titles and places."""

from conferences.importer.write.matching import Known, match_rows


def known(*labels):
    return [Known(label, position) for position, label in enumerate(labels)]


def test_rows_are_found_by_title_wherever_the_source_moved_them():
    rows = known("Plenary 1", "Session A1", "Session A2")
    assert match_rows(rows, ["Session A2", "Plenary 1", "Session A1"]) == {0: 2, 1: 0, 2: 1}


def test_titles_are_compared_without_case_or_spacing():
    assert match_rows(known("Data  by Design"), ["data by design"]) == {0: 0}


def test_repeated_titles_keep_their_own_rows_in_order():
    rows = known("Poster session", "Plenary", "Poster session")
    assert match_rows(rows, ["Poster session", "Plenary", "Poster session"]) == {0: 0, 1: 1, 2: 2}


def test_a_retitled_row_between_the_same_neighbours_is_found():
    rows = known("Plenary 1", "Session A1: Data curation", "Plenary 2")
    assert match_rows(rows, ["Plenary 1", "Opening of the exhibition", "Plenary 2"]) == {0: 0, 1: 1, 2: 2}


def test_a_retitled_row_beside_an_inserted_one_goes_to_the_similar_title():
    rows = known("Plenary 1", "Census of Canada", "Plenary 2")
    titles = ["Plenary 1", "A new talk on metadata", "The Census of Canada", "Plenary 2"]
    assert match_rows(rows, titles) == {0: 0, 2: 1, 3: 2}


def test_an_entry_unlike_the_rows_beside_it_is_new():
    rows = known("Plenary 1", "Census of Canada", "Data by Design", "Plenary 2")
    titles = ["Plenary 1", "Something else entirely", "Plenary 2"]
    assert match_rows(rows, titles) == {0: 0, 2: 3}


def test_an_entry_between_crossed_neighbours_is_new():
    rows = known("Plenary 1", "Old title", "Plenary 2")
    assert match_rows(rows, ["Plenary 2", "New title", "Plenary 1"]) == {0: 2, 2: 0}


def test_an_entry_at_the_end_is_paired_with_the_row_that_ended_the_programme():
    rows = known("Plenary 1", "Closing")
    assert match_rows(rows, ["Plenary 1", "Closing plenary and farewell"]) == {0: 0, 1: 1}


def test_a_row_the_source_dropped_is_left_unpaired():
    rows = known("Plenary 1", "Session A1", "Plenary 2")
    assert match_rows(rows, ["Plenary 1", "Plenary 2"]) == {0: 0, 1: 2}
