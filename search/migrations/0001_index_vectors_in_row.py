"""On PostgreSQL, keep the search index's text vectors inside their rows (column storage MAIN).

Wagtail's index table holds, per entry, three tsvectors (title, body,
autocomplete) and two text copies. With the default storage (EXTENDED) a
presentation's row is too long for the page, and PostgreSQL moves its body
vector out to the TOAST table: every search then fetched and decompressed
the body of each entry it tested or ranked through the TOAST index, which was
most of a search's time (ranking every presentation: 5.5 ms, against 0.6 ms
with the vectors in the row). With MAIN, the vectors stay in the row,
compressed, unless the row would not fit in a page at all; the text copies,
which the search does not read, are moved out first.

Storage applies to values written afterwards, so the existing vectors are
rewritten once (the same values; `|| ''` only makes PostgreSQL store them
anew). Nothing happens on other databases. Reversing restores EXTENDED.
"""

from django.db import migrations

VECTORS = ("title", "body", "autocomplete")


def _table(schema_editor):
    from modelsearch.conf import get_app_config

    return schema_editor.quote_name(get_app_config().get_model("IndexEntry")._meta.db_table)


def _set_storage(schema_editor, storage):
    table = _table(schema_editor)
    columns = ", ".join(
        f"ALTER COLUMN {schema_editor.quote_name(name)} SET STORAGE {storage}" for name in VECTORS
    )
    schema_editor.execute(f"ALTER TABLE {table} {columns}")
    return table


def vectors_in_row(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = _set_storage(schema_editor, "MAIN")
    quoted = [schema_editor.quote_name(name) for name in VECTORS]
    rewrite = ", ".join(f"{name} = {name} || ''::tsvector" for name in quoted)
    schema_editor.execute(f"UPDATE {table} SET {rewrite}")  # noqa: S608 -- quoted names only


def vectors_extended(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _set_storage(schema_editor, "EXTENDED")


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(vectors_in_row, vectors_extended, elidable=False),
    ]
