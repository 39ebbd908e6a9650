"""Images and documents from static/: the admin's upload rules, clean failures, and files replaced in the source."""

import hashlib
import io
import random
import re
import struct
import zlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from conferences.models import ImportedSource

from ..trees import write_file

pytestmark = pytest.mark.django_db

INDEX = "content/conferences/_index.md"


def png(size, colour="black", mode="RGB"):
    out = io.BytesIO()
    PILImage.new(mode, size, colour).save(out, "PNG", optimize=True)
    return out.getvalue()


def png_header(width, height):
    """A PNG that claims `width` x `height` pixels and holds almost no pixel data: tiny on disk."""

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def index_showing(*sources, pdf=None):
    figures = [f'{{{{< figure src="/img/{name}" alt="{name}" >}}}}' for name in sources]
    if pdf:
        figures.append(f'{{{{< embed-pdf url="/file/{pdf}" >}}}}')
    return '+++\ntitle = "Conferences"\n+++\nWelcome.\n\n' + "\n\n".join(figures) + "\n"


def run(root, *args):
    output = StringIO()
    call_command("import_hugo", str(root), *args, verbosity=1, stdout=output)
    return output.getvalue()


def site_state(media_root):
    """Every row the import may write, and every file in MEDIA_ROOT."""
    models = (Page, Revision, get_image_model(), get_document_model(), ImportedSource)
    return {
        "rows": {model.__name__: list(model.objects.order_by("pk").values()) for model in models},
        "files": sorted(str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()),
    }


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def tree(tmp_path, home_page, media_root):
    """A tree imported once, showing one image: what a failed run must leave as it found it."""
    root = tmp_path / "hugo"
    write_file(root, "static/img/logo.png", png((10, 10), "red"))
    write_file(root, INDEX, index_showing("logo.png"))
    run(root)
    return root


def import_refused(tree, media_root, match):
    """Run the import on `tree`, which holds a bad file; it must stop with `match` and change nothing."""
    before = site_state(media_root)
    with pytest.raises(CommandError, match=match):
        run(tree)
    assert site_state(media_root) == before


def add_bad_image(tree, name, data):
    """Show a good new image, then the bad one: the good one is stored before the bad one stops the run."""
    write_file(tree, "static/img/photo.png", png((20, 20), "green"))
    write_file(tree, f"static/img/{name}", data)
    write_file(tree, INDEX, index_showing("logo.png", "photo.png", name))


def test_a_truncated_image_stops_the_import_naming_it(tree, media_root):
    whole = png((300, 300), mode="RGB")
    add_bad_image(tree, "cut.png", whole[: len(whole) // 2])
    import_refused(tree, media_root, r"nothing was changed: static/img/cut\.png: cannot be read as an image")


def test_an_image_whose_header_claims_400_megapixels_stops_the_import_naming_it(tree, media_root):
    data = png_header(20000, 20000)
    assert len(data) < 200
    add_bad_image(tree, "bomb.png", data)
    import_refused(tree, media_root, r"static/img/bomb\.png: the admin would refuse this image: .*too many pixels")


def test_an_image_over_40_megapixels_stops_the_import_naming_it(tree, media_root):
    add_bad_image(tree, "poster.png", png((8000, 5001), mode="1"))
    import_refused(
        tree, media_root, r"static/img/poster\.png: .*too many pixels \(40008000\)\. Maximum pixels 40000000\."
    )


def test_too_many_pixels_are_refused_from_the_header_before_the_image_is_decoded(tree, media_root):
    # The pixel data is missing: decoding would fail, so the pixels were counted from the header alone.
    add_bad_image(tree, "claims.png", png_header(8000, 6000))
    import_refused(tree, media_root, r"static/img/claims\.png: .*too many pixels \(48000000\)")


def test_an_image_over_the_upload_size_stops_the_import_naming_it(tree, media_root, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    noise = PILImage.frombytes("RGB", (40, 40), random.Random(0).randbytes(40 * 40 * 3))  # does not compress
    out = io.BytesIO()
    noise.save(out, "PNG")
    add_bad_image(tree, "large.png", out.getvalue())
    import_refused(tree, media_root, r"static/img/large\.png: the admin would refuse this image: This file is too big")


def test_an_image_of_a_type_the_admin_refuses_stops_the_import_naming_it(tree, media_root):
    add_bad_image(tree, "diagram.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    import_refused(tree, media_root, r"static/img/diagram\.svg: the admin would refuse this image: Not a supported")


def test_a_document_of_a_type_the_admin_refuses_stops_the_import_naming_it(tree, media_root):
    write_file(tree, "static/img/photo.png", png((20, 20), "green"))
    write_file(tree, "static/file/notes.html", "<script>alert(1)</script>")
    write_file(tree, INDEX, index_showing("logo.png", "photo.png", pdf="notes.html"))
    import_refused(tree, media_root, r"static/file/notes\.html: the admin would refuse this document: .*not allowed")


def test_a_replaced_image_becomes_a_new_file_of_the_same_image(tree, media_root):
    image = get_image_model().objects.get()
    new_content = png((30, 20), "blue")
    write_file(tree, "static/img/logo.png", new_content)
    output = run(tree)
    replaced = get_image_model().objects.get()
    assert "updated 1 images" in output
    assert (replaced.pk, replaced.width, replaced.height) == (image.pk, 30, 20)
    assert replaced.file.name != image.file.name
    assert replaced.file.read() == new_content
    assert ImportedSource.objects.get(key="image:/img/logo.png").fingerprint == hashlib.sha256(new_content).hexdigest()


def test_the_page_showing_a_replaced_image_shows_the_new_one(tree, client):
    old_sources = _image_sources(client.get("/conferences/").content.decode())
    write_file(tree, "static/img/logo.png", png((30, 20), "blue"))
    run(tree)
    new_sources = _image_sources(client.get("/conferences/").content.decode())
    new_stem = get_image_model().objects.get().file.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    assert len(new_sources) == 1 and not set(new_sources) & set(old_sources)
    assert new_stem in new_sources[0]


def test_the_replaced_file_is_deleted_when_the_import_commits(tree, media_root, django_capture_on_commit_callbacks):
    old_name = get_image_model().objects.get().file.name
    write_file(tree, "static/img/logo.png", png((30, 20), "blue"))
    with django_capture_on_commit_callbacks(execute=True):
        run(tree)
    assert not (media_root / old_name).exists()
    assert (media_root / get_image_model().objects.get().file.name).exists()


def test_a_dry_run_of_a_replaced_image_keeps_the_old_file_and_stores_nothing(tree, media_root):
    before = site_state(media_root)
    write_file(tree, "static/img/logo.png", png((30, 20), "blue"))
    output = run(tree, "--dry-run")
    assert "Would have updated 1 images" in output
    assert site_state(media_root) == before


def test_an_image_replaced_by_a_bad_one_keeps_the_old_one(tree, media_root):
    whole = png((300, 300))
    write_file(tree, "static/img/logo.png", whole[: len(whole) // 2])
    import_refused(tree, media_root, r"static/img/logo\.png: cannot be read as an image")


def test_an_image_recorded_without_its_content_hash_is_not_stored_again(tree, media_root):
    # Imports before content hashes were kept recorded a hash of the image's path instead.
    ImportedSource.objects.filter(key="image:/img/logo.png").update(fingerprint="0" * 64)
    files = site_state(media_root)["files"]
    output = run(tree)
    assert "Nothing changed" in output
    assert site_state(media_root)["files"] == files


def _image_sources(html):
    main = html.split("<main", 1)[1]
    return re.findall(r'<img[^>]* src="([^"]+)"', main)


def test_a_replaced_document_becomes_a_new_file_of_the_same_document_that_its_page_links(tree, client):
    write_file(tree, "static/file/guide.pdf", b"%PDF-1.4 first edition")
    write_file(tree, INDEX, index_showing("logo.png", pdf="guide.pdf"))
    run(tree)
    document = get_document_model().objects.get()
    write_file(tree, "static/file/guide.pdf", b"%PDF-1.4 second edition")
    run(tree)
    replaced = get_document_model().objects.get()
    assert replaced.pk == document.pk and replaced.file.read() == b"%PDF-1.4 second edition"
    html = client.get("/conferences/").content.decode()
    assert replaced.url in html and document.url not in html
