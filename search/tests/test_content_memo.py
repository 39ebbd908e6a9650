"""What a search reads besides the index, kept per content generation in the process (search/cache.py)."""

import pytest

from search.cache import forget_content, per_content, per_content_each

GENERATION = {"now": 1}


def current_generation():
    return GENERATION["now"]


@pytest.fixture(autouse=True)
def memo(settings):
    settings.SEARCH_CONTENT_MEMO = True
    settings.SEARCH_CACHE_GENERATION = f"{__name__}.current_generation"
    settings.SEARCH_CONTENT_MEMO_ENTRIES = 3
    GENERATION["now"] = 1
    forget_content()
    yield
    forget_content()


class Reader:
    """A compute() for per_content_each that records which ids it was asked to read."""

    def __init__(self):
        self.asked = []

    def __call__(self, ids):
        self.asked.append(sorted(ids))
        return {item: f"value {item} in generation {GENERATION['now']}" for item in ids}


def shown(reader, ids):
    return per_content_each(None, ("talks",), ids, reader)


def test_each_entry_is_read_once_per_generation():
    reader = Reader()
    shown(reader, [1, 2])
    assert shown(reader, [2, 1]) == {1: "value 1 in generation 1", 2: "value 2 in generation 1"}
    assert reader.asked == [[1, 2]]


def test_only_the_entries_not_kept_yet_are_read():
    reader = Reader()
    shown(reader, [1])
    shown(reader, [1, 2])
    assert reader.asked == [[1], [2]]


def test_a_new_generation_reads_every_entry_again():
    reader = Reader()
    shown(reader, [1])
    GENERATION["now"] = 2
    assert shown(reader, [1]) == {1: "value 1 in generation 2"}
    assert reader.asked == [[1], [1]]


def test_beyond_the_bound_the_least_recently_shown_entry_is_dropped():
    reader = Reader()
    shown(reader, [1, 2, 3])
    shown(reader, [1])  # 2 is now the least recently shown
    shown(reader, [4])
    reader.asked.clear()
    shown(reader, [1, 3, 4])
    assert reader.asked == []
    shown(reader, [2])
    assert reader.asked == [[2]]


def test_a_page_of_more_results_than_the_bound_is_answered_whole():
    reader = Reader()
    answer = shown(reader, [1, 2, 3, 4, 5])
    assert sorted(answer) == [1, 2, 3, 4, 5]


def test_the_bound_leaves_whole_values_alone():
    """per_content()'s few values (the live conferences' facts, say) are not dropped for shown entries."""
    reads = []
    per_content(None, "facts", lambda: reads.append("read") or "facts")
    shown(Reader(), [1, 2, 3, 4, 5])
    assert per_content(None, "facts", lambda: reads.append("read") or "facts") == "facts"
    assert reads == ["read"]


def test_with_the_memo_off_everything_is_read_each_time(settings):
    settings.SEARCH_CONTENT_MEMO = False
    reader = Reader()
    shown(reader, [1])
    shown(reader, [1])
    assert reader.asked == [[1], [1]]
