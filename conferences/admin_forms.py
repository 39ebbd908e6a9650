"""Admin form fields that answer broken or incomplete input with a form error, not a server error."""

import struct

from django.core.exceptions import ValidationError
from PIL import Image as PillowImage
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Pillow's errors on a file that starts as an image and breaks off or is corrupt further on.
BROKEN_IMAGE_ERRORS = (OSError, SyntaxError, ValueError, struct.error)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing an image that cannot be read to its end.

    Wagtail reads only the start of the file, so a truncated upload failed later on, in
    Wagtail's own size check or on the first rendition.
    """

    def to_python(self, data):
        try:
            upload = super().to_python(data)
            if upload is not None and getattr(upload.image, "format_name", "") != "svg":
                _decode(upload)
        except BROKEN_IMAGE_ERRORS as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error
        return upload


def _decode(upload):
    upload.seek(0)
    with PillowImage.open(upload) as image:
        image.load()
    upload.seek(0)


class ImageForm(BaseImageForm):
    """The admin's image forms (WAGTAILIMAGES_IMAGE_FORM_BASE), with the checked file field."""

    file = CheckedImageField(label="File")


class IncompleteStreamData:
    """What a StreamField's widget reads from a form that lacks some of the field's inputs."""

    def __repr__(self):
        return "<incomplete StreamField data>"


INCOMPLETE = IncompleteStreamData()
INCOMPLETE_MESSAGE = (
    "This content did not arrive complete, so nothing was saved. Reload the page and make the change again."
)


class StreamFieldWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError):  # a missing `body-count`, or a count that is not a number
            return INCOMPLETE


class StreamFormField(BlockField):
    """A StreamField's form field that refuses a form missing the field's inputs.

    The form is shown again with the field as it was saved, and the error on the field.
    """

    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", StreamFieldWidget(block))
        super().__init__(block=block, **kwargs)

    def bound_data(self, data, initial):
        return initial if data is INCOMPLETE else data

    def clean(self, value):
        if value is INCOMPLETE:
            raise ValidationError(INCOMPLETE_MESSAGE, code="incomplete")
        return super().clean(value)

    def has_changed(self, initial, data):
        return data is INCOMPLETE or super().has_changed(initial, data)
