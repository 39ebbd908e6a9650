"""On PostgreSQL, index the search entries by content type and the object's key as a number.

The search ranks a bounded set of each kind's matches, the newest (highest keys) first
(search/retrieval.py, `_run_bounded`). Without this index PostgreSQL had to read every matching
entry to find the newest: for a common word at a hundred times the archive, tens of thousands
of entries of about 2 KB each (docs/search.md, "At a hundred times the archive"). With it, a
common word is found by walking one kind's entries newest first until the bound is reached, and
PostgreSQL still reads a rare word's few matches through the text's GIN indexes; the planner
chooses by the word's frequency.

The expression is the one the search joins objects by, `CAST(object_id AS INTEGER)`: every model
the site indexes (pages, presentations, people, images, documents) has an integer key. Nothing
happens on other databases. Reversing drops the index.
"""

from django.db import migrations

INDEX = "search_entry_object_key"


def _table(schema_editor):
    from modelsearch.conf import get_app_config

    return schema_editor.quote_name(get_app_config().get_model("IndexEntry")._meta.db_table)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {_table(schema_editor)} "
        "(content_type_id, (CAST(object_id AS INTEGER)))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_vocabulary_and_suggestions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
