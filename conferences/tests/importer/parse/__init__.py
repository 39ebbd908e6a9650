"""The parsing layer: files into plain data, no database."""
