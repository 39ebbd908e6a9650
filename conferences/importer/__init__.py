"""Read the IASSIST Hugo site's conferences content into plain Python data.

This layer only reads and parses: it never touches the database or Django
models, so it can be tested against the real Hugo tree in milliseconds and the
layer that writes Wagtail pages stays free of parsing concerns.
"""
