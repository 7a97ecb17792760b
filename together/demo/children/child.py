"""A demo child: names and how to say them, languages, pronouns, and About me in their words."""

from datetime import date, timedelta

from together.children.models import Communication, CommunicationNeed
from together.children.services import search_text_for

from . import names, words
from .course import at
from .rows import ChildRow

YEAR = 365.25


class Children:
    """Makes one child at a time for a household (see people.People)."""

    def __init__(self, ctx, rng, pools):
        self.ctx = ctx
        self.rng = rng
        self.pools = pools

    def child(self, age, spoken, language, family_name, received, today, full, creator_id):
        rng = self.rng
        born = self._born(age, received, today if full else None)
        age_now = age_on(born, today if full else received + timedelta(days=200))
        girl = rng.random() < 0.5
        pool = (spoken.girls if girl else spoken.boys) if spoken and rng.random() < 0.8 else None
        given = rng.choice(pool or (names.GIRLS if girl else names.BOYS))
        middle = rng.choice(names.GIRLS if girl else names.BOYS) if rng.random() < 0.55 else ""
        preferred = given
        nicknames = names.NICKNAMES.get(given)
        if nicknames and rng.random() < 0.55:
            preferred = nicknames[0] if rng.random() < 0.7 else rng.choice(nicknames)
        elif middle and rng.random() < 0.04:
            preferred = middle
        pronouns = ("she/her" if girl else "he/him") if rng.random() < 0.95 else ""
        gender_note = ""
        if age_now >= 13 and full and rng.random() < 0.02:
            gender_note = rng.choice(words.IDENTITY["gender"])
            if gender_note.startswith("Trans boy") and not girl:
                gender_note = words.IDENTITY["gender"][-1]  # questioning
            if gender_note.startswith("Trans boy"):
                preferred, pronouns = rng.choice(names.BOYS), "he/him"
            elif "they/them" in gender_note:
                preferred, pronouns = rng.choice(names.NEUTRAL_NAMES), "they/them"
        child = ChildRow(
            uuid=self.ctx.uuid(),
            legal_given_names=f"{given} {middle}".strip(),
            legal_family_name=family_name,
            preferred_name=preferred,
            name_spelling=names.SPELLINGS.get(preferred, "") if rng.random() < 0.6 else "",
            name_pronunciation=(
                names.PRONUNCIATIONS.get(preferred, "") if rng.random() < 0.85 else ""
            ),
            pronouns=pronouns,
            date_of_birth=born,
            identity_gender=gender_note,
            created_by_id=creator_id,
            created_at=at(received, 10),
        )
        self._languages(child, spoken, language, age_now)
        if full or rng.random() < 0.35:
            self._about(child, spoken, language, age_now, full)
        child.search_text = search_text_for(child)
        return child

    def _born(self, age: float, received: date, today: date | None) -> date:
        """Born `age` years before the application; still under 18 today if `today` is given."""
        born = received - timedelta(days=int(age * YEAR))
        if today is not None:
            born = max(born, today - timedelta(days=int(18 * YEAR) - 60))
        return min(born, received)

    def _languages(self, child, spoken, language, age):
        rng = self.rng
        if language == names.BSL:
            child.first_language = child.preferred_language = names.BSL
            child.needs_interpreter = True
            child.communication_needs = [CommunicationNeed.BSL]
            child.identity_disability = "Deaf. Uses British Sign Language and needs an interpreter"
            return
        if spoken is None:
            return
        child.first_language = spoken.name if rng.random() < 0.7 else "English"
        english_now = age >= 5 and rng.random() < 0.6
        child.preferred_language = "English" if english_now else child.first_language
        if child.preferred_language != "English" and age >= 3:
            child.needs_interpreter = rng.random() < 0.6
            child.needs_translated_documents = rng.random() < 0.5
        elif spoken.name == "Welsh":
            child.needs_translated_documents = rng.random() < 0.4

    def _about(self, child, spoken, language, age, full):
        rng = self.rng
        if age < 4:
            child.special_and_unique = rng.choice(words.LITTLE_ONES_SPECIAL)
            child.enjoys = _join(rng.sample(words.LITTLE_ONES_ENJOYS, rng.randint(1, 2)))
            child.communication = [Communication.TRUSTED_ADULT]
        else:
            child.special_and_unique = _join(rng.sample(words.SPECIAL, rng.randint(1, 2)))
            child.enjoys = _join(rng.sample(words.ENJOYS, rng.randint(1, 3)))
            child.own_words = ["special_and_unique", "enjoys"]
            if age < 8:
                choices = [
                    Communication.IN_PERSON,
                    Communication.DRAWING,
                    Communication.TRUSTED_ADULT,
                ]
            elif age < 13:
                choices = [
                    Communication.IN_PERSON,
                    Communication.DRAWING,
                    Communication.VIDEO,
                    Communication.LETTERS,
                ]
            else:
                choices = [
                    Communication.IN_PERSON,
                    Communication.PHONE,
                    Communication.VIDEO,
                    Communication.LETTERS,
                ]
            child.communication = rng.sample(choices, rng.randint(1, 2))
            child.school = self._school(age)
        if not full:
            return
        if spoken and rng.random() < 0.6:
            origin = names.ORIGINS[spoken.name]
            child.identity_culture = (
                f"Our family comes from {origin}. We speak {spoken.name} at home"
            )
            child.identity_language = rng.choice(words.IDENTITY["language"]).format(
                language=spoken.name
            )
        elif rng.random() < 0.08:
            child.identity_culture = rng.choice(words.IDENTITY["culture"])
        faith = names.FAITH_BY_LANGUAGE.get(spoken.name) if spoken else None
        if faith is not None and rng.random() < 0.6:
            child.identity_faith = words.IDENTITY["faith"][faith]
        elif rng.random() < 0.15:
            child.identity_faith = rng.choice(words.IDENTITY["faith"])
        if not child.identity_disability and rng.random() < 0.08:
            note = rng.choice(words.IDENTITY["disability"])
            child.identity_disability = note
            if "British Sign Language" in note:
                child.communication_needs = [CommunicationNeed.BSL]
                child.needs_interpreter = True
            elif "Easy read" in note:
                child.communication_needs = [CommunicationNeed.EASY_READ]
            elif "read out loud" in note:
                child.communication_needs = [CommunicationNeed.AUDIO]
            elif "large print" in note:
                child.communication_needs = [CommunicationNeed.LARGE_PRINT]
        if age >= 6 and rng.random() < 0.06:
            child.identity_other = rng.choice(words.IDENTITY["other"])
            child.own_words = [*child.own_words, "identity_other"]
        if CommunicationNeed.BSL in child.communication_needs and age >= 4:
            child.communication = [Communication.IN_PERSON, Communication.VIDEO]

    def _school(self, age: int) -> str:
        rng = self.rng
        town = rng.choice(self.pools.towns)
        if age < 4:
            return f"{town} Nursery" if rng.random() < 0.5 else ""
        if age < 11:
            if rng.random() < 0.15:
                return f"St {rng.choice(names.SAINTS)} Catholic Primary School"
            return f"{town} {rng.choice(['Primary School', 'Primary School', 'Primary Academy'])}"
        if age < 16:
            return f"{town} {rng.choice(['Academy', 'High School', 'School'])}"
        return f"{town} College" if rng.random() < 0.7 else ""


def child_ages(rng, public: bool, n: int) -> list[float]:
    """Ages (in years, at the application) for n brothers and sisters, eldest first."""
    if public:
        eldest = rng.choice([0, 0, 0, 1, 2, 3, 5, 7, 9, 11, 13, 15]) + rng.random()
    else:
        eldest = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]) + rng.random()
    eldest = max(eldest, min(n - 1, 3) * 1.5)
    ages = [eldest]
    for _ in range(n - 1):
        gap = 0 if rng.random() < 0.04 else rng.uniform(1, 3.5)  # a few twins
        ages.append(max(ages[-1] - gap, 0))
    return ages


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _join(phrases: list[str]) -> str:
    return ". ".join(phrases) + "."
