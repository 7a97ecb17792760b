"""The letters spotlight: once a year assistant directors read a sample of introductory letters
to children, each beside the child's About me, and judge how well the child's uniqueness was
explored. The sample is drawn in the database by the same seeded key as national audits."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from together.accounts.models import Role
from together.letters.models import Kind, Letter, Status

from . import national_rules as rules
from .national import draw_key
from .national_models import LettersSpotlight, SpotlightLetter


def _year_range(year: int):
    starts = timezone.make_aware(datetime.datetime(year, 1, 1))
    return starts, timezone.make_aware(datetime.datetime(year + 1, 1, 1))


def spotlight_sample(spotlight: LettersSpotlight) -> list[int]:
    """The ids of the letters drawn: introductory letters to children sent in the year (in the
    region, if it has one), in the order of the seeded key. One query."""
    letters = Letter.objects.filter(
        kind=Kind.INTRODUCTORY_CHILD, status=Status.SENT, sent_at__range=_year_range(spotlight.year)
    )
    if spotlight.region_id:
        letters = letters.filter(service_area__region_id=spotlight.region_id)
    key = draw_key(spotlight.seed)
    return list(
        letters.annotate(key=key)
        .order_by("key", "pk")
        .values_list("pk", flat=True)[: spotlight.sample_size]
    )


@transaction.atomic
def letters_spotlight_create(*, by, year: int, sample_size: int = 20) -> LettersSpotlight:
    """Draw this year's sample for `by`'s region (the nation, for national leadership)."""
    if not rules.may_run_letters_spotlight(by):
        raise PermissionDenied("Only assistant directors and national leadership run these")
    region = by.region if by.role == Role.ASSISTANT_DIRECTOR else None
    spotlight = LettersSpotlight(year=year, region=region, sample_size=sample_size, created_by=by)
    spotlight.full_clean()
    spotlight.save()
    SpotlightLetter.objects.bulk_create(
        SpotlightLetter(spotlight=spotlight, letter_id=pk, position=place)
        for place, pk in enumerate(spotlight_sample(spotlight), start=1)
    )
    return spotlight


@transaction.atomic
def spotlight_letter_record(
    *, by, item: SpotlightLetter, judgement: str, comment: str = ""
) -> SpotlightLetter:
    """Record (or change) the reader's judgement of one letter."""
    item = SpotlightLetter.objects.select_for_update().select_related("spotlight").get(pk=item.pk)
    if not rules.may_read_spotlight(by, item.spotlight):
        raise PermissionDenied("Only the spotlight's readers may judge its letters")
    if judgement not in SpotlightLetter.Judgement.values:
        raise ValidationError({"judgement": "Choose how well the child's uniqueness was explored"})
    item.judgement, item.comment = judgement, comment.strip()
    item.judged_by, item.judged_at = by, timezone.now()
    item.save(update_fields=["judgement", "comment", "judged_by", "judged_at"])
    return item


def spotlight_get(*, user, spotlight_id) -> LettersSpotlight:
    try:
        spotlight = LettersSpotlight.objects.select_related("region").get(uuid=spotlight_id)
    except (LettersSpotlight.DoesNotExist, ValueError, ValidationError):
        raise Http404("No spotlight found") from None
    if not rules.may_read_spotlight(user, spotlight):
        raise Http404("No spotlight found")
    return spotlight


def spotlight_letter_get(*, user, item_id) -> SpotlightLetter:
    try:
        item = SpotlightLetter.objects.select_related("spotlight", "letter").get(uuid=item_id)
    except (SpotlightLetter.DoesNotExist, ValueError, ValidationError):
        raise Http404("No letter found") from None
    if not rules.may_read_spotlight(user, item.spotlight):
        raise Http404("No letter found")
    return item


def spotlights_for(user):
    if not rules.may_run_letters_spotlight(user):
        raise Http404("No page found")
    found = LettersSpotlight.objects.select_related("region")
    if user.role != Role.NATIONAL_PERFORMANCE:
        found = found.filter(region_id=user.region_id)
    return list(found)
