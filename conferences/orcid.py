"""ORCID iDs: sixteen characters in four groups, the last a check character (ISO 7064 MOD 11-2).

Stored as 0000-0002-1825-0097; editors may paste the https://orcid.org/ form, which ORCID asks
sites to display, or leave out the hyphens.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models

ORCID_URL = "https://orcid.org/"
_INPUT = re.compile(
    r"(?:(?:https?://)?(?:www\.)?orcid\.org/)?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])/?", re.IGNORECASE
)


def check_character(base_digits):
    """The ISO 7064 MOD 11-2 check character of the first fifteen digits."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def normalise_orcid(value):
    """The iD as 0000-0000-0000-000X, or None when `value` is not written as an ORCID iD at all."""
    match = _INPUT.fullmatch(value.strip())
    return "-".join(match.groups()).upper() if match else None


def validate_orcid(value):
    if not value:
        return
    orcid = normalise_orcid(value)
    if orcid is None:
        raise ValidationError(
            "Enter an ORCID iD such as 0000-0002-1825-0097 or https://orcid.org/0000-0002-1825-0097."
        )
    digits = orcid.replace("-", "")
    if check_character(digits[:15]) != digits[15]:
        raise ValidationError(
            "This is not an ORCID iD: its last character does not match the others. Check for a typo."
        )


def orcid_url(orcid):
    return f"{ORCID_URL}{orcid}" if orcid else ""


class OrcidField(models.CharField):
    """An ORCID iD, written back in its stored form (0000-0000-0000-000X) whenever the model is cleaned."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 19)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_orcid)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 19:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        return normalise_orcid(value) or value.strip()

    def formfield(self, **kwargs):
        # The form takes the pasted https://orcid.org/ address; the model's to_python shortens it to the iD.
        return super().formfield(**{**kwargs, "max_length": len(ORCID_URL) + 25})
