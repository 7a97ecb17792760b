"""Demo data for the organisation: regions, 19 service areas, teams and staff in every role."""

from datetime import timedelta
from decimal import Decimal

from together.accounts.models import EmploymentType, Role, User
from together.organisation.models import Region, ServiceArea, Team, TeamMembership

from .generator import Context, bulk_create

# Made-up groupings of real English places: 19 service areas in five regions.
REGIONS = [
    (
        "North",
        "N",
        [
            ("Northumbria and Tyne", "NTY"),
            ("Durham and Teesside", "DTS"),
            ("Cumbria and Lancashire", "CUL"),
            ("Greater Manchester", "GMC"),
            ("Merseyside and Cheshire", "MCH"),
        ],
    ),
    (
        "Yorkshire and the Midlands",
        "YM",
        [
            ("West Yorkshire", "WYK"),
            ("South Yorkshire and Humber", "SYH"),
            ("East Midlands", "EMD"),
            ("West Midlands", "WMD"),
            ("Staffordshire and Shropshire", "SSH"),
        ],
    ),
    (
        "London",
        "L",
        [
            ("North London", "NLN"),
            ("South London", "SLN"),
            ("East London", "ELN"),
        ],
    ),
    (
        "South and East",
        "SE",
        [
            ("Kent and Sussex", "KSX"),
            ("Thames Valley", "TVY"),
            ("East of England", "EOE"),
        ],
    ),
    (
        "South West",
        "SW",
        [
            ("Avon and Somerset", "AVS"),
            ("Devon and Cornwall", "DVC"),
            ("Dorset, Hampshire and Wiltshire", "DHW"),
        ],
    ),
]

# The sign-in names printed by `make demo`, one for each role, all in the first service area.
DEMO_ACCOUNTS = {
    Role.FCA: "fca@example.org",
    Role.PRACTICE_SUPERVISOR: "supervisor@example.org",
    Role.SERVICE_MANAGER: "manager@example.org",
    Role.HEAD_OF_PRACTICE: "head@example.org",
    Role.ASSISTANT_DIRECTOR: "director@example.org",
    Role.NATIONAL_PERFORMANCE: "national@example.org",
    Role.BUSINESS_SERVICES: "business@example.org",
    Role.SYSTEM_ADMINISTRATOR: "admin@example.org",
}

PRONOUNS = ["she/her", "he/him", "they/them", ""]
ABOUT_ME = [
    "I have two cats and I like walking by the sea.",
    "I love baking, and my favourite cake is lemon.",
    "I support my local football team and go to watch them on Saturdays.",
    "I like collecting shells and going to the beach.",
    "I play the guitar, not very well, and I enjoy drawing.",
    "I grew up with lots of brothers and sisters, so I am used to noise.",
    "I like gardening and growing tomatoes.",
    "",
]


def generate(ctx: Context) -> None:
    regions, areas, teams = _structure(ctx)
    staff = _staff(ctx, regions, areas, teams)
    ctx.made.update(regions=regions, areas=areas, teams=teams, staff=staff)


def _structure(ctx: Context):
    regions, areas, teams = [], [], []
    for region_name, region_code, area_defs in REGIONS:
        regions.append(Region(uuid=ctx.uuid(), name=region_name, code=region_code))
        for area_name, area_code in area_defs:
            areas.append(
                ServiceArea(
                    uuid=ctx.uuid(),
                    region=regions[-1],
                    name=area_name,
                    code=area_code,
                    in_prioritisation=ctx.rng.random() < 0.2,
                )
            )
    bulk_create(Region, regions)
    for area in areas:
        area.region_id = area.region.pk  # the region's id exists only now it is saved
    bulk_create(ServiceArea, areas)
    for area in areas:
        short = area.name.split(" and ")[0].split(",")[0]
        for n in range(1, ctx.size.pre_first_hearing_teams + 1):
            teams.append(
                _team(ctx, area, f"{short} early intervention {n}", Team.Kind.PRE_FIRST_HEARING)
            )
        for n in range(1, ctx.size.post_first_hearing_teams + 1):
            teams.append(_team(ctx, area, f"{short} long-term {n}", Team.Kind.POST_FIRST_HEARING))
        if area.in_prioritisation:
            teams.append(_team(ctx, area, f"{short} allocation hub", Team.Kind.ALLOCATION_HUB))
    bulk_create(Team, teams)
    ctx.count("regions", len(regions))
    ctx.count("service areas", len(areas))
    ctx.count("teams", len(teams))
    return regions, areas, teams


def _team(ctx, area, name, kind):
    return Team(uuid=ctx.uuid(), service_area=area, name=name, kind=kind)


def _staff(ctx: Context, regions, areas, teams):
    users: list[User] = []
    memberships: list[tuple[User, Team]] = []
    emails: set[str] = set()
    demo_area = areas[0]
    areas_by_id = {area.pk: area for area in areas}
    demo_team = next(
        t
        for t in teams
        if t.service_area_id == demo_area.pk and t.kind == Team.Kind.POST_FIRST_HEARING
    )

    def person(role, *, area=None, region=None, demo=False):
        given, family = ctx.faker.first_name(), ctx.faker.last_name()
        email = DEMO_ACCOUNTS[role] if demo else _unique_email(given, family, emails)
        emails.add(email)
        locum = role == Role.FCA and ctx.rng.random() < 0.12
        user = User(
            uuid=ctx.uuid(),
            email=email,
            given_name=given,
            family_name=family,
            role=role,
            employment_type=EmploymentType.LOCUM if locum else EmploymentType.PERMANENT,
            fte=ctx.rng.choice(
                [Decimal("1.00")] * 6 + [Decimal("0.80"), Decimal("0.60"), Decimal("0.50")]
            ),
            pronouns=ctx.rng.choice(PRONOUNS),
            about_me=ctx.rng.choice(ABOUT_ME)
            if role in (Role.FCA, Role.PRACTICE_SUPERVISOR)
            else "",
            service_area=area,
            region=region,
            password=ctx.password_hash,
        )
        users.append(user)
        return user

    person(Role.NATIONAL_PERFORMANCE, demo=True)
    person(Role.SYSTEM_ADMINISTRATOR, demo=True)
    for _ in range(2):
        person(Role.NATIONAL_PERFORMANCE)
    for region in regions:
        demo = region.pk == demo_area.region_id
        person(Role.HEAD_OF_PRACTICE, region=region, demo=demo)
        person(Role.ASSISTANT_DIRECTOR, region=region, demo=demo)
    for area in areas:
        person(Role.SERVICE_MANAGER, area=area, demo=area.pk == demo_area.pk)
        person(Role.BUSINESS_SERVICES, area=area, demo=area.pk == demo_area.pk)
    for team in teams:
        area = areas_by_id[team.service_area_id]
        is_demo = team is demo_team
        memberships.append((person(Role.PRACTICE_SUPERVISOR, area=area, demo=is_demo), team))
        if team.kind == Team.Kind.ALLOCATION_HUB:
            continue
        fcas = ctx.size.fcas_per_team + (ctx.size.demo_team_extra_fcas if is_demo else 0)
        for n in range(fcas):
            fca = person(Role.FCA, area=area, demo=is_demo and n == 0)
            memberships.append((fca, team))

    bulk_create(User, users)
    rows = [
        TeamMembership(
            user_id=user.pk,
            team_id=team.pk,
            started_on=ctx.today - timedelta(days=ctx.rng.randint(30, 365 * 8)),
        )
        for user, team in memberships
    ]
    TeamMembership.objects.bulk_create(rows, batch_size=1000)
    ctx.count("staff", len(users))
    ctx.count("Family Court Advisers", sum(u.role == Role.FCA for u in users))
    return users


def _unique_email(given: str, family: str, taken: set[str]) -> str:
    base = f"{given}.{family}".lower().replace(" ", "").replace("'", "")
    email, n = f"{base}@example.org", 1
    while email in taken:
        n += 1
        email = f"{base}{n}@example.org"
    return email
