"""Tests of the Hugo importer, by layer: parse/ (no database needed), write/, and trees.py's helpers."""
