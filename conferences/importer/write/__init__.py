"""Third layer of the Hugo import: apply a SitePlan to the database, idempotently and atomically.

Everything that writes lives here: pages (`pages.py`), programmes (`programmes.py`),
images and documents in MEDIA_ROOT (`media.py`), redirects (`redirects.py`), the record
of what earlier runs wrote (`bookkeeping.py`) and the search and reference indexes
(`indexes.py`); `site.py` runs them in one transaction. `links.py` and `stream.py` turn
the plan's blocks into StreamField data against what has been written (page ids,
documents, images). The plan comes in as an argument: nothing here imports `importer.plan`.
"""
