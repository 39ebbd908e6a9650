"""The archive's files: one CSV per table, one JSON of every table, and the Data Package that describes them.

The descriptor follows the Frictionless Data Package standard (v1: resources, Table Schema fields,
primary and foreign keys, sizes and hashes) and carries DataCite-style citation metadata beside it.
"""

import csv
import hashlib
import io
import json

from django.utils import timezone

from .tables import TABLES, cell

# The licence is the association's to confirm: CC BY 4.0 is proposed because IASSIST's Zenodo
# communities publish the papers and slides under it, and it asks only for attribution.
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (proposed; to be confirmed by IASSIST)",
}
DATAPACKAGE = "datapackage.json"
ARCHIVE_JSON = "archive.json"
TABLE_FILES = tuple(f"{table.name}.csv" for table in TABLES)


def csv_bytes(table, rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.field_names)
    for row in rows:
        writer.writerow(["" if (value := cell(row[name])) is None else value for name in table.field_names])
    return out.getvalue().encode("utf-8")


def build_files(rows_by_table, title, name):
    """{file name: bytes} for these rows, and the version: a hash of the tables' content."""
    tables = {f"{table.name}.csv": csv_bytes(table, rows_by_table[table.name]) for table in TABLES}
    version = content_version(tables)
    created = timezone.now().replace(microsecond=0)
    counts = {table.name: len(rows_by_table[table.name]) for table in TABLES}
    descriptor = datapackage(tables, counts, title=title, name=name, version=version, created=created)
    files = dict(tables)
    files[ARCHIVE_JSON] = archive_json(rows_by_table, descriptor)
    files[DATAPACKAGE] = _json(descriptor)
    return files, version, counts


def content_version(tables):
    digest = hashlib.sha256()
    for filename in sorted(tables):
        digest.update(filename.encode() + b"\0" + tables[filename] + b"\0")
    return digest.hexdigest()[:12]


def datapackage(tables, counts, *, title, name, version, created):
    return {
        "profile": "tabular-data-package",
        "name": name,
        "id": f"iassist-{name}-{version}",
        "title": title,
        "description": "IASSIST conferences since 1974: their programmes' sessions, presentations, presenters, "
        "people, DOIs, rooms and schedules, as published on the conferences site.",
        "version": version,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [LICENCE],
        "contributors": [{"title": "IASSIST", "role": "author"}, {"title": "IASSIST", "role": "publisher"}],
        "keywords": ["IASSIST", "conferences", "social science data", "data services"],
        "datacite": _datacite(title, version, created),
        "resources": [_resource(table, tables[f"{table.name}.csv"], counts[table.name]) for table in TABLES],
    }


def _datacite(title, version, created):
    """DataCite Metadata Schema 4 properties, under their DataCite names, for a future DOI registration."""
    return {
        "titles": [{"title": title}],
        "creators": [{"name": "IASSIST", "nameType": "Organizational"}],
        "publisher": {
            "name": "IASSIST (International Association for Social Science Information Service and Technology)"
        },
        "publicationYear": str(created.year),
        "dates": [{"date": created.date().isoformat(), "dateType": "Created"}],
        "types": {"resourceTypeGeneral": "Dataset", "resourceType": "Conference programmes"},
        "version": version,
        "rightsList": [{"rights": LICENCE["title"], "rightsUri": LICENCE["path"], "rightsIdentifier": "cc-by-4.0"}],
        "language": "en",
    }


def _resource(table, content, count):
    return {
        "name": table.name,
        "title": table.title,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
        "rows": count,
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
        "schema": _schema(table),
    }


def _schema(table):
    schema = {
        "fields": [_field(field) for field in table.fields],
        "primaryKey": ["id"],
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [field], "reference": {"resource": target, "fields": ["id"]}}
            for field, target in table.foreign_keys
        ]
    return schema


def _field(field):
    described = {"name": field.name, "type": field.type}
    if field.description:
        described["description"] = field.description
    if field.type == "datetime":
        described["format"] = "%Y-%m-%dT%H:%M:%SZ"
    if field.name == "id":
        described["constraints"] = {"required": True, "unique": True}
    if field.pattern:
        described["constraints"] = {"pattern": field.pattern}
    return described


def archive_json(rows_by_table, descriptor):
    meta = {key: descriptor[key] for key in ("title", "version", "created", "licenses", "datacite")}
    tables = {
        table.name: [{name: cell(row[name]) for name in table.field_names} for row in rows_by_table[table.name]]
        for table in TABLES
    }
    return _json({**meta, "tables": tables})


def _json(data):
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
