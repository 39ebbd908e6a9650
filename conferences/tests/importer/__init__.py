"""Tests of the Hugo importer: parse/ (the parsing layer, no database needed), and trees.py's helpers."""
