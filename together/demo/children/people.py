"""Demo families: the adults and brothers and sisters in children's lives, what the children call
them, their languages and addresses, and their part in the proceedings.

Faker is called only while the pools are made, once per run; every child and family member is
then drawn from the pools with the seeded random source, which keeps a million children fast.
"""

from bisect import bisect
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from itertools import accumulate

from together.children.models import FamilyMember, Relationship

from . import names, words
from .child import Children, age_on
from .rows import ConnectionRow, PersonRow


class Pools:
    """Names and places drawn once from Faker (en_GB) and the lists in names."""

    def __init__(self, ctx):
        fake = ctx.faker
        self.women = _unique(fake.first_name_female, 180)
        self.men = _unique(fake.first_name_male, 180)
        self.family_names = _unique(fake.last_name, 480)
        self.postcodes = [fake.postcode() for _ in range(4000)]
        rng = ctx.rng
        self.streets = list(
            dict.fromkeys(
                f"{rng.choice(self.family_names)} {rng.choice(names.STREET_ENDINGS)}"
                for _ in range(3000)
            )
        )
        self.towns = list(
            dict.fromkeys(
                f"{rng.choice(names.TOWN_STARTS)}{rng.choice(names.TOWN_ENDINGS)}"
                for _ in range(600)
            )
        )
        shares = [lang.share for lang in names.LANGUAGES]
        english = 100 - sum(shares) - names.BSL_SHARE
        self.language_weights = list(accumulate([english, names.BSL_SHARE, *shares]))
        self.languages = [None, names.BSL, *names.LANGUAGES]


def _unique(make, n: int) -> list[str]:
    found: dict[str, None] = {}
    for _ in range(n * 20):
        found[make()] = None
        if len(found) >= n:
            break
    return list(found)


@dataclass(slots=True)
class Family:
    """One household's children and adults, ready to insert (or already in the database)."""

    language: object  # a names.Language, names.BSL, or None for English
    children: list
    new_children: list
    people: list = field(default_factory=list)
    # (child, person, relationship, what the child calls them, why they matter)
    connections: list[tuple] = field(default_factory=list)
    # (person, party role) for the proceedings this family was made for
    parties: list[tuple] = field(default_factory=list)
    # What each child calls the adult they live with, for "who else was there".
    carer: str = "Their carer"


class People:
    """Makes children and families for one set of proceedings at a time."""

    def __init__(self, ctx, rng, pools: Pools):
        self.ctx = ctx
        self.rng = rng
        self.pools = pools
        self.children = Children(ctx, rng, pools)

    # The household --------------------------------------------------------------------------

    def family(self, *, area_code, public, received, today, ages, full, creator_id, **force):
        rng = self.rng
        # None is English; a Language, or names.BSL for a deaf child in a hearing family.
        language = force["language"] if "language" in force else self._language()
        spoken = language if hasattr(language, "girls") else None
        family_name = self._family_name(spoken)
        children = [
            self.children.child(
                age, spoken, language, family_name, received, today, full, creator_id
            )
            for age in ages
        ]
        family = Family(language=language, children=children, new_children=list(children))
        home = self._address()
        adult_language = spoken.name if spoken else "English"
        mother = self._adult(
            rng.choice(spoken.girls)
            if spoken and rng.random() < 0.7
            else rng.choice(self.pools.women),
            family_name if rng.random() < 0.6 else rng.choice(self.pools.family_names),
            adult_language,
            spoken,
            home,
            confidential=force.get("confidential_mother", rng.random() < 0.12),
        )
        family.people.append(mother)
        mum = names.MUM_BY_AREA.get(area_code) or (spoken.mum if spoken else None)
        for child in children:
            calls = mum or ("Mummy" if age_on(child.date_of_birth, received) < 7 else "Mum")
            family.connections.append((child, mother, Relationship.MOTHER, calls))
        family.parties.append((mother, "respondent"))
        family.carer = mum or "Mum"
        fathers = self._fathers(family, spoken, adult_language, public, received, home)
        if public and full and rng.random() < 0.45:
            self._foster_carers(family, received)
        if force.get("grandparent") or rng.random() < (0.35 if full else 0.12):
            self._grandparent(family, spoken, adult_language, public, received)
        if full:
            self._extended(family, spoken, adult_language, mother, fathers, received)
        self._applicant(family, public, mother, fathers)
        # Everyone was recorded when the application came in (the time decides which
        # confidential addresses a later link from another area shows: ADR 0017).
        recorded = datetime.combine(received, time(9), tzinfo=UTC)
        for person in family.people:
            person.added_at = recorded
        return family

    def _language(self):
        return self.pools.languages[
            bisect(self.pools.language_weights, self.rng.random() * self.pools.language_weights[-1])
        ]

    def _family_name(self, spoken):
        if spoken and self.rng.random() < 0.85:
            return self.rng.choice(spoken.family_names)
        return self.rng.choice(self.pools.family_names)

    def _address(self) -> str:
        rng, pools = self.rng, self.pools
        flat = f"Flat {rng.randint(1, 40)}, " if rng.random() < 0.2 else ""
        return (
            f"{flat}{rng.randint(1, 180)} {rng.choice(pools.streets)}\n"
            f"{rng.choice(pools.towns)}\n{rng.choice(pools.postcodes)}"
        )

    def _adult(self, given, family_name, language, spoken, address, *, confidential=False):
        needs = spoken is not None and self.rng.random() < 0.5
        return PersonRow(
            uuid=self.ctx.uuid(),
            given_name=given,
            family_name=family_name,
            kind=FamilyMember.Kind.ADULT,
            language=language,
            needs_interpreter=needs,
            address=address,
            address_confidential=confidential,
        )

    def _fathers(self, family, spoken, language, public, received, home):
        rng = self.rng
        if rng.random() > 0.88:
            return []  # father not known, or not part of the children's lives
        children = family.children
        groups = [children]
        if len(children) > 1 and rng.random() < 0.25:
            cut = rng.randint(1, len(children) - 1)
            groups = [children[:cut], children[cut:]]
        fathers = []
        for group in groups:
            own_name = rng.random() < 0.5
            given = rng.choice(spoken.boys) if spoken and rng.random() < 0.7 else None
            father = self._adult(
                given or rng.choice(self.pools.men),
                group[0].legal_family_name if own_name else rng.choice(self.pools.family_names),
                language,
                spoken,
                home if public and rng.random() < 0.4 else self._address(),
                confidential=rng.random() < 0.04,
            )
            family.people.append(father)
            fathers.append(father)
            distant = rng.random() < 0.1
            for child in group:
                if distant:
                    calls = father.given_name
                elif spoken:
                    calls = spoken.dad
                else:
                    calls = "Daddy" if age_on(child.date_of_birth, received) < 7 else "Dad"
                family.connections.append((child, father, Relationship.FATHER, calls))
            # A father without parental responsibility is told about care proceedings but is
            # not a party unless the court joins him.
            role = "not_a_party" if public and rng.random() < 0.2 else "respondent"
            family.parties.append((father, role))
        return fathers

    def _foster_carers(self, family, received):
        rng = self.rng
        address = self._address()
        family_name = rng.choice(self.pools.family_names)
        carers = [(rng.choice(self.pools.women), "Auntie")]
        if rng.random() < 0.6:
            carers.append((rng.choice(self.pools.men), "Uncle"))
        for given, title in carers:
            carer = self._adult(given, family_name, "English", None, address, confidential=True)
            family.people.append(carer)
            for child in family.children:
                calls = given if rng.random() < 0.6 else f"{title} {given}"
                family.connections.append((child, carer, Relationship.FOSTER_CARER, calls))
        family.carer = family.connections[-1][3]

    def _grandparent(self, family, spoken, language, public, received):
        rng = self.rng
        woman = rng.random() < 0.7
        if spoken:
            given = rng.choice(spoken.girls if woman else spoken.boys)
            calls = spoken.grandma if woman else spoken.grandad
        else:
            given, short = rng.choice(names.OLDER_WOMEN if woman else names.OLDER_MEN)
            calls = rng.choice(
                [f"Nanny {short}", "Nan", f"Grandma {short}", "Nana"]
                if woman
                else [f"Grandad {short}", "Grandad", f"Grandpa {short}"]
            )
        person = self._adult(
            given, rng.choice(self.pools.family_names), language, spoken, self._address()
        )
        person.needs_interpreter = spoken is not None and rng.random() < 0.75
        family.people.append(person)
        for child in family.children:
            family.connections.append((child, person, Relationship.GRANDPARENT, calls))
        # Grandparents who offer a home ask to be joined as parties.
        role = "other_party" if rng.random() < (0.35 if public else 0.15) else "not_a_party"
        family.parties.append((person, role))
        if rng.random() < 0.5:
            family.carer = calls

    def _extended(self, family, spoken, language, mother, fathers, received):
        rng = self.rng
        if rng.random() < 0.1:
            partner = self._adult(
                rng.choice(self.pools.men),
                rng.choice(self.pools.family_names),
                language,
                spoken,
                mother.address,
                confidential=mother.address_confidential,
            )
            family.people.append(partner)
            for child in family.children:
                family.connections.append(
                    (child, partner, Relationship.STEP_PARENT, partner.given_name)
                )
            family.parties.append((partner, "not_a_party"))
        if rng.random() < 0.12:
            aunt = rng.random() < 0.6
            given = rng.choice(self.pools.women if aunt else self.pools.men)
            person = self._adult(
                given, mother.family_name, language, spoken, self._address(), confidential=False
            )
            family.people.append(person)
            calls = f"Auntie {given}" if aunt else f"Uncle {given}"
            for child in family.children:
                family.connections.append((child, person, Relationship.AUNT_UNCLE, calls))
        if rng.random() < 0.12:
            # An older brother or sister who is not in these proceedings.
            girl = rng.random() < 0.5
            given = rng.choice(names.GIRLS if girl else names.BOYS)
            person = PersonRow(
                uuid=self.ctx.uuid(),
                given_name=given,
                family_name=family.children[0].legal_family_name,
                kind=FamilyMember.Kind.ADULT if rng.random() < 0.5 else FamilyMember.Kind.CHILD,
                language=language,
            )
            family.people.append(person)
            for child in family.children:
                family.connections.append((child, person, Relationship.BROTHER_SISTER, given))
        # Brothers and sisters in the same proceedings appear on each other's family page.
        if len(family.children) > 1:
            for sibling in family.children:
                person = PersonRow(
                    uuid=self.ctx.uuid(),
                    given_name=sibling.preferred_name,
                    family_name=sibling.legal_family_name,
                    kind=FamilyMember.Kind.CHILD,
                    language=sibling.first_language,
                )
                family.people.append(person)
                for child in family.children:
                    if child is not sibling:
                        family.connections.append(
                            (child, person, Relationship.BROTHER_SISTER, sibling.preferred_name)
                        )

    def _applicant(self, family, public, mother, fathers):
        """Public law: the local authority applies (no party row); parents respond. Private law:
        usually a parent applies against the other, sometimes a grandparent."""
        if public:
            return
        rng = self.rng
        grandparents = [p for p, role in family.parties if role == "other_party"]
        pick = rng.random()
        if grandparents and pick < 0.25:
            applicant = grandparents[0]
        elif fathers and pick < 0.7:
            applicant = fathers[0]
        else:
            applicant = mother
        family.parties = [
            (person, "applicant" if person is applicant else role)
            for person, role in family.parties
        ]


def connection_rows(family: Family, rng) -> list:
    """The connections, once the children and people have their ids."""
    rows = []
    for child, person, relationship, calls in family.connections:
        because = ""
        if child.own_words and rng.random() < 0.3:
            pool = words.IMPORTANT_BECAUSE.get(relationship)
            because = rng.choice(pool) if pool else ""
        rows.append(
            ConnectionRow(
                child_id=child.pk,
                person_id=person.pk,
                relationship=relationship,
                child_calls_them=calls[:100],
                important_because=because,
            )
        )
    return rows
