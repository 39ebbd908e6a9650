"""The admin's upload rules, applied to the source's images and documents before they are stored.

The checks are the admin's own form fields (WAGTAILIMAGES_EXTENSIONS, _MAX_UPLOAD_SIZE and
_MAX_IMAGE_PIXELS; WAGTAILDOCS_EXTENSIONS and _MAX_UPLOAD_SIZE), so the import lets in nothing
an editor could not upload. Two checks come first, because the admin's image field reads the
whole file and decodes the image before it counts pixels: the size on disk, and the pixels that
the file's header claims.
"""

import warnings

from django.core.exceptions import ValidationError
from django.core.files import File
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.documents.fields import WagtailDocumentField
from wagtail.images.fields import WagtailImageField

from ..errors import SourceError


def check_image(path, name):
    """Raise a SourceError naming `name` unless the admin would accept the file at `path` as an image."""
    field = WagtailImageField()
    with path.open("rb") as handle:
        upload = File(handle, name=path.name)
        try:
            field.check_image_file_size(upload)
            _check_header_pixels(field, path)
            field.clean(upload)
        except ValidationError as error:
            raise _refused(name, "image", error) from error
        except Exception as error:
            # Pillow reports a damaged file as OSError, SyntaxError, ValueError and more.
            raise SourceError(name, None, f"cannot be read as an image (truncated or damaged?): {error}") from error


def check_document(path, name):
    """Raise a SourceError naming `name` unless the admin would accept the file at `path` as a document."""
    with path.open("rb") as handle:
        upload = File(handle, name=path.name)
        try:
            WagtailDocumentField().clean(upload)
            # The allowed extensions are checked by the document model, as on the admin's form.
            get_document_model()(title=path.stem, file=upload).clean()
        except ValidationError as error:
            raise _refused(name, "document", error) from error


def _check_header_pixels(field, path):
    """Refuse too many pixels as the header gives them, before anything decodes the image."""
    if field.max_image_pixels is None:
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                pixels = image.width * image.height
    except PILImage.DecompressionBombError:
        pixels = None  # so many that Pillow will not even open the file
    except Exception:  # noqa: BLE001 - not an image Pillow knows: the admin's field says why
        return
    if pixels is None or pixels > field.max_image_pixels:
        message = field.error_messages["file_too_many_pixels"] % {
            "num_pixels": pixels or "unknown number",
            "max_pixels_count": field.max_image_pixels,
        }
        raise ValidationError(message, code="file_too_many_pixels")


def _refused(name, kind, error):
    return SourceError(name, None, f"the admin would refuse this {kind}: {' '.join(error.messages)}")
