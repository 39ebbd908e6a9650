"""Import the IASSIST Hugo site's conferences section into Wagtail, in three layers.

- `parse/` reads and parses the source into plain Python data. It imports no Django
  models, touches no database and imports nothing from `plan` or `write`.
- `plan.py` turns that data into a SitePlan: the pages, their facts and blocks, the
  programmes and the redirects the site should hold. It uses `parse/` and nothing
  that writes.
- `write/` applies a plan to the database and MEDIA_ROOT in one transaction. It takes
  the plan as an argument and imports nothing from `plan.py`.

`errors.py` is shared by all three; `run.py` joins them into the whole import that the
`import_hugo` command runs.
"""
