"""Two small tables the search keeps beside Wagtail's index, rebuilt from the content (search/terms.py).

``SearchTerm`` is the archive's vocabulary: the words of conference cities, countries, titles,
themes and hosts, of presentation and page titles, and of presenters' names, with how often each
occurs. Words a visitor types that it does not hold are corrected against it ("gothenberg").

``Suggestion`` is the prefix index of the suggestions as you type: one row for each title or name
and each of its words it may be completed from, so that "open da" and "Gothen" are one indexed
range of ``key`` rather than a full-text search.
"""

from django.db import models


class SearchTerm(models.Model):
    # Folded: lower case, accents removed ("montreal"), as the query's words are.
    term = models.CharField(max_length=40, unique=True)
    # The form the archive writes most often ("Montréal", "Gothenburg", "metadata").
    label = models.CharField(max_length=40)
    frequency = models.PositiveIntegerField()
    # What a typo's candidates are narrowed by: a word with one or two edits mostly keeps its first
    # two letters or its last two, and its length changes by at most the edits.
    head = models.CharField(max_length=2)
    tail = models.CharField(max_length=2)
    length = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["head", "length"], name="search_term_head"),
            models.Index(fields=["tail", "length"], name="search_term_tail"),
        ]

    def __str__(self):
        return self.label


class Suggestion(models.Model):
    # The folded title or name from one of its words on ("data in gothenburg"), cut to its first 60
    # characters; a b-tree index on it answers a prefix as a range.
    key = models.CharField(max_length=60)
    # Lower comes first: what kind of result, whether the key starts the title, how recent.
    weight = models.PositiveIntegerField()
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=500)
    year = models.PositiveSmallIntegerField(null=True)
    # Where the result lives: the Wagtail url_path of the page (of the conference, for a
    # presentation), and the presentation's or person's slug below it; URLs are made per request.
    url_path = models.TextField(blank=True)
    slug = models.CharField(max_length=255, blank=True)
    # Which result the row stands for ("presentation:12"): a title found by two keys is shown once.
    target = models.CharField(max_length=40)

    class Meta:
        # On PostgreSQL the prefix is a LIKE 'pre%', which only a pattern index answers whatever the
        # database's collation; SQLite, which ignores the operator classes, reads it as a range.
        indexes = [
            models.Index(
                fields=["key", "weight"], name="search_suggestion_key", opclasses=["varchar_pattern_ops", "int4_ops"]
            )
        ]

    def __str__(self):
        return self.title
