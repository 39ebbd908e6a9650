"""ROR ids of institutions: nine characters, a 0, six Crockford base32 characters and two check digits.

Stored as 03yrm5c26; editors may paste https://ror.org/03yrm5c26 (the form ROR asks sites to
display and link), ror.org/03yrm5c26 or capitals. The check digits are ISO 7064 MOD 97-10 of the
number the first seven characters write in base32, as ROR computes them when it mints an id.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

ROR_URL = "https://ror.org/"
# Unanchored, as Table Schema's `pattern` constraint (an XML Schema regular expression) is written.
ROR_PATTERN = "0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}"
# Crockford's base32: the digits and the letters but i, l, o and u, which look like 1, 0 and v.
_DIGITS = "0123456789abcdefghjkmnpqrstvwxyz"
_INPUT = re.compile(r"(?:(?:https?://)?(?:www\.)?ror\.org/)?([0-9a-z]{9})/?", re.IGNORECASE)
_ID = re.compile(ROR_PATTERN)
_LOOKALIKES = re.compile("[ilou]")

FORMAT_MESSAGE = "Enter a ROR ID such as 03yrm5c26 or https://ror.org/03yrm5c26."
LOOKALIKE_MESSAGE = (
    "This is not a ROR ID: ROR IDs start with the digit 0 and have no letters i, l, o or u. "
    "Check for a letter typed in place of a 0 or a 1."
)
CHECK_MESSAGE = "This is not a ROR ID: its last two digits do not match the others. Check for a typo."


def check_digits(body):
    """The two check digits of the first seven characters (ISO 7064 MOD 97-10 of their base32 value)."""
    number = 0
    for character in body:
        number = number * 32 + _DIGITS.index(character)
    return f"{98 - number * 100 % 97:02d}"


def normalise_ror(text):
    """The id as 03yrm5c26, or None when `text` is not a ROR id with matching check digits.

    For code that proposes ids from elsewhere (the Zenodo sync): anything it returns is safe to store.
    """
    ror_id = _written_id(text)
    if ror_id is None or not _ID.fullmatch(ror_id) or check_digits(ror_id[:7]) != ror_id[7:]:
        return None
    return ror_id


def _written_id(text):
    """The nine characters of something written as a ROR id or its address, in lower case; else None."""
    if not isinstance(text, str):
        return None
    match = _INPUT.fullmatch(text.strip())
    return match.group(1).lower() if match else None


def stored_ror(value):
    """What is stored for `value`: the id when it is written as one (its address shortened), else `value` stripped."""
    return _written_id(value) or value.strip()


def validate_ror(value):
    if not value:
        return
    ror_id = _written_id(value)
    if ror_id is None:
        raise ValidationError(FORMAT_MESSAGE, code="invalid")
    if not _ID.fullmatch(ror_id):
        raise ValidationError(LOOKALIKE_MESSAGE if _LOOKALIKES.search(ror_id) else FORMAT_MESSAGE, code="invalid")
    if check_digits(ror_id[:7]) != ror_id[7:]:
        raise ValidationError(CHECK_MESSAGE, code="checksum")


def ror_url(ror_id):
    return f"{ROR_URL}{ror_id}" if ror_id else ""


class RorField(models.CharField):
    """A ROR id, written back in its stored form (03yrm5c26) whenever the model is cleaned."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 9)
        super().__init__(*args, **kwargs)
        # validate_ror refuses whatever is not nine characters, with a message that says what to enter.
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)] + [validate_ror]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 9:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def to_python(self, value):
        value = super().to_python(value)
        return stored_ror(value) if value else value

    def formfield(self, **kwargs):
        # The form takes the pasted https://ror.org/ address; the model's to_python shortens it to the id.
        return super().formfield(**{**kwargs, "max_length": len(ROR_URL) + 25})
