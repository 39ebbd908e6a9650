"""Source trees for the importer's tests: the real Hugo tree, when present, and small files written in tmp_path."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
HUGO_ROOT = SHARED / "iassist-hugo"
SEED = SHARED / "seeds" / "000_cb49bf354273d740.txt"


def require_hugo_tree():
    if not (HUGO_ROOT / "content" / "conferences").is_dir():
        pytest.skip(f"../shared/iassist-hugo is absent: the real Hugo tree is needed ({HUGO_ROOT})")
    return HUGO_ROOT


def write_file(root, relative, text, encoding="utf-8"):
    path = Path(root) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return relative
