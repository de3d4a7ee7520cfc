"""Field validators with messages a council editor can act on."""

import re

from django.core.exceptions import ValidationError

# The UK postcode shape: outward code (area, district) and inward code (sector, unit).
UK_POSTCODE_RE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2})$", re.IGNORECASE)
# UK phone numbers: 10 or 11 digits starting 0, or +44 followed by 9 or 10 digits.
UK_PHONE_RE = re.compile(r"^(?:0\d{9,10}|\+44\d{9,10})$")


# An outward code alone (area and district), as people type to search near them: "ST16".
OUTWARD_CODE_RE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")


def normalise_postcode(value: str) -> str:
    """Upper case with one space before the inward code: ' st162dh ' becomes 'ST16 2DH'.

    An outward code alone ('st16') is kept whole.
    """
    compact = re.sub(r"\s+", "", value or "").upper()
    if len(compact) > 4 or (len(compact) > 3 and not OUTWARD_CODE_RE.match(compact)):
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


def validate_uk_postcode(value: str) -> None:
    if not UK_POSTCODE_RE.match(normalise_postcode(value)):
        raise ValidationError(
            "Enter a real UK postcode, like ST16 2DH",
            code="invalid_postcode",
        )


def validate_uk_phone(value: str) -> None:
    digits = re.sub(r"[\s()\-]", "", value or "")
    if not UK_PHONE_RE.match(digits):
        raise ValidationError(
            "Enter a UK phone number, like 01785 123456 or +44 1785 123456",
            code="invalid_phone",
        )
