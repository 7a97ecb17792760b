"""Confidential addresses: kept out of a letter's words, and never printed on it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .. import selectors
from ..models import Letter


class ConfidentialAddressError(ValidationError):
    """The letter would print an address that must be kept confidential."""


def _needles(address: str) -> list[str]:
    """The parts of an address that identify it: lines with a number (street, postcode)."""
    return [
        _normal(line)
        for line in re.split(r"[\n,]", address or "")
        if re.search(r"\d", line) and len(_normal(line)) >= 5
    ]


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w]", " ", text.lower()).split())


def confidential_addresses_in(letter: Letter, addresses: list[str] | None = None) -> bool:
    """True when the letter's words hold any confidential address of the child's family
    (`addresses`, when the caller has read them already for many letters at once)."""
    haystack = _normal(" ".join([letter.body, letter.recipient_name, letter.sent_to]))
    if addresses is None:
        addresses = selectors.confidential_addresses(letter.child)
    needles = [needle for address in addresses for needle in _needles(address)]
    return any(needle in haystack for needle in needles)


def _refuse_confidential(letter: Letter, addresses: list[str] | None = None) -> None:
    if confidential_addresses_in(letter, addresses):
        raise ConfidentialAddressError(
            {
                "body": (
                    "The letter includes an address that must be kept confidential. "
                    "Take the address out of the letter"
                )
            }
        )


@dataclass(frozen=True)
class AddressBlock:
    lines: list[str]
    withheld: bool  # the recipient's address is confidential: hand it over or send it safely


def address_block(letter: Letter) -> AddressBlock:
    """The recipient's address for posting. A confidential address is never printed, on any
    letter: the letter goes without one, and the FCA is told to hand it over or send it by a safe
    route. Children's letters have no address block (the file holds no address for a child)."""
    person = letter.recipient
    if not letter.include_address or person is None:
        return AddressBlock([], withheld=False)
    if person.address_confidential:
        return AddressBlock([], withheld=True)
    lines = [line.strip() for line in (person.address or "").splitlines() if line.strip()]
    return AddressBlock([str(person), *lines] if lines else [], withheld=False)
