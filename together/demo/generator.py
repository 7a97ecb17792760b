"""The shared parts of the demo-data generator: sizes, a seeded random source, bulk inserts.

Each domain has its own module (organisation.py now; children, proceedings and so on later) with a
`generate(ctx)` function that adds its records to the database and to the context for the next.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from faker import Faker


@dataclass(frozen=True)
class Size:
    name: str
    # Teams in each service area that work before and after the first hearing.
    pre_first_hearing_teams: int
    post_first_hearing_teams: int
    fcas_per_team: int
    # Extra FCAs in the team the demo FCA belongs to, so their supervisor has a team to see.
    demo_team_extra_fcas: int
    # Children and proceedings (children.py): sets of proceedings received a year, years of
    # history, and how much busier the demo service area is than others (so the demo accounts
    # have a full picture even in a small database).
    proceedings_per_year: int = 300
    history_years: int = 2
    demo_area_weight: float = 1.0


SIZES = {
    # 19 areas × 2 teams × 1 FCA, plus 4 in the demo team: 42 FCAs.
    "small": Size("small", 1, 1, 1, 4, proceedings_per_year=200, demo_area_weight=3.0),
    # 19 areas × 10 teams × 9 FCAs: 1,710 FCAs, about the size of the national service.
    # About 60,000 sets of proceedings a year for ten years: 35,000 open today.
    "national": Size("national", 4, 6, 9, 0, proceedings_per_year=59_000, history_years=10),
}


@dataclass
class Context:
    seed: int
    size: Size
    today: date
    password_hash: str
    rng: random.Random = field(init=False)
    faker: Faker = field(init=False)
    made: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        self.faker = Faker("en_GB")
        self.faker.seed_instance(self.seed)

    def uuid(self) -> uuid.UUID:
        """A UUID drawn from the seeded source, so the same seed gives the same addresses."""
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def feedback_code(self) -> str:
        """A feedback link's short code (as feedback.services.new_code makes them), drawn from
        the seeded source and never given twice in one demo."""
        from together.feedback.models import CODE_ALPHABET, CODE_LENGTH

        given = self.made.setdefault("feedback codes", set())
        while True:
            code = "".join(self.rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in given:
                given.add(code)
                return code

    def count(self, label: str, n: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + n


def bulk_create(model, objects: list, batch_size: int = 1000) -> list:
    """Insert many rows at once; the returned objects have their primary keys on every database."""
    created = model.objects.bulk_create(objects, batch_size=batch_size)
    if created and created[0].pk is None:
        # Older SQLite builds cannot return ids from a bulk insert; read them back by UUID.
        by_uuid = dict(
            model.objects.filter(uuid__in=[o.uuid for o in created]).values_list("uuid", "pk")
        )
        for obj in created:
            obj.pk = by_uuid[obj.uuid]
    return created
