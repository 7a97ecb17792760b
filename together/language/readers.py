"""Who will read a text: the audience and the names a check needs besides the text itself.

A ``Reader`` is what every check in the service is given (the inline check, the language report,
the JSON endpoint): the engine's ``Audience`` plus the names of the people in the text, so that
names are never flagged and "the mother" can be answered with the mother's name. Build one with
``Reader.for_child(...)``, ``Reader.for_family(...)`` or ``Reader.for_professionals(...)``, or
for a child with ``selectors.reader_for_child(child, names=..., person_names=...)``, given the
names of their people by the app that records them.

A reader travels through a page as a signed token (``sign`` and ``Reader.from_token``), so the
inline check's endpoint checks the text for the reader the page was built for, and nobody can
swap in another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core import signing

from together.language.engine import Audience, AudienceKind, Report

_SALT = "together.language.reader"
# The oldest child audience the engine takes; files stay open for care leavers into their 20s.
OLDEST_CHILD_AGE = 25


@dataclass(frozen=True)
class Reader:
    audience: Audience
    names: tuple[str, ...] = ()
    person_names: tuple[tuple[str, str], ...] = ()  # (role, name): child, mother, father...
    name: str = ""  # the reader's own name, for "Reading age 11; Jayden is 9"

    @classmethod
    def for_child(
        cls,
        *,
        age: int,
        name: str = "",
        names: Iterable[str] = (),
        person_names: Mapping[str, str] | None = None,
    ) -> Reader:
        """A child of ``age`` reads it (their own file, a letter to them, a storyboard)."""
        age = max(0, min(int(age), OLDEST_CHILD_AGE))
        people = dict(person_names or {})
        if name:
            people.setdefault("child", name)
        return cls(
            Audience(AudienceKind.CHILD, age=age),
            _names(name, *names),
            _pairs(people),
            name,
        )

    @classmethod
    def for_family(
        cls, *, names: Iterable[str] = (), person_names: Mapping[str, str] | None = None
    ) -> Reader:
        """A parent, carer or other adult in the family reads it."""
        return cls(Audience(AudienceKind.ADULT_FAMILY), _names(*names), _pairs(person_names or {}))

    @classmethod
    def for_professionals(
        cls, *, names: Iterable[str] = (), person_names: Mapping[str, str] | None = None
    ) -> Reader:
        """The court, the local authority or other professionals read it."""
        return cls(Audience(AudienceKind.PROFESSIONAL), _names(*names), _pairs(person_names or {}))

    # --- what the check needs ---------------------------------------------------------------

    @property
    def people(self) -> dict[str, str]:
        return dict(self.person_names)

    @property
    def is_child(self) -> bool:
        return self.audience.kind is AudienceKind.CHILD

    def reading_age_note(self, report: Report) -> str:
        """One line comparing the text's reading age with the reader, in plain words."""
        age = report.readability.reading_age
        if age is None:
            return "There are no words to check yet."
        aim = report.audience_reading_age
        if self.is_child:
            who = f"{self.name} is {self.audience.age}" if self.name else None
            who = who or f"the reader is {self.audience.age}"
            text = f"Reading age {age}; {who}."
        elif self.audience.kind is AudienceKind.ADULT_FAMILY:
            text = f"Reading age {age}. For parents and carers aim for {aim} or lower."
        else:
            text = f"Reading age {age}. For professionals aim for {aim} or lower."
        if age > aim:
            text += f" Aim for {aim} or lower: shorter sentences and everyday words help."
        return text

    # --- travelling through a page ----------------------------------------------------------

    def sign(self, **extra: str) -> str:
        """A tamper-proof token for this reader (and ``extra`` values, such as a field name)."""
        payload = {
            "k": self.audience.kind.value,
            "a": self.audience.age,
            "n": list(self.names),
            "p": [list(pair) for pair in self.person_names],
            "r": self.name,
            "x": extra,
        }
        return signing.dumps(payload, salt=_SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> tuple[Reader, dict[str, str]]:
        """The reader and extra values signed into ``token``; ``ValueError`` if it was altered."""
        try:
            data = signing.loads(token, salt=_SALT)
            reader = cls(
                Audience(AudienceKind(data["k"]), age=data["a"]),
                tuple(str(n) for n in data["n"]),
                tuple((str(role), str(name)) for role, name in data["p"]),
                str(data["r"]),
            )
            return reader, {str(k): str(v) for k, v in dict(data["x"]).items()}
        except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
            raise ValueError("This check is out of date. Reload the page.") from error


def _names(*names: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _pairs(people: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted((role, name.strip()) for role, name in people.items() if name and name.strip())
    )
