"""The writing layer: plans into pages, programmes, media and redirects."""
