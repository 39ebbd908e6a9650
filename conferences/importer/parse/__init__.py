"""First layer of the Hugo import: read the source's files and parse them into plain Python data.

Markdown and shortcodes into plain blocks, front matter, the archive's JSON programmes,
the early conferences' definition lists, dates, colours, text, values, addresses and
netlify.toml's redirects. Nothing here imports a Django model, touches the database or
imports from `importer.plan` or `importer.write`, so the real tree parses in tests
without a database. A file that cannot be read at all raises SourceError; anything odd
but readable becomes a SourceWarning.
"""
