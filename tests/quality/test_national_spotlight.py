"""The letters spotlight: an assistant director draws this year's introductory letters to
children in their region, reads each beside the child's About me, and records a judgement."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.letters.factories import ready_fca, send_letter, start_letter
from tests.quality.access import SPOTLIGHT_PAGES
from together.audit.models import Action, AuditEvent
from together.letters.models import Kind
from together.quality import spotlight
from together.quality.national_models import SpotlightLetter

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(world):
    """World's child has a sent introductory letter and a draft one; and a letter to a parent."""
    ready_fca(world.fca_allocated)
    world.child.enjoys = "Drawing dragons and swimming"
    world.child.save()
    letter = start_letter(world.child, world.fca_allocated)
    send_letter(letter, world.fca_allocated)
    start_letter(world.child, world.fca_allocated, kind=Kind.ENDING_CHILD)
    return letter


def test_the_sample_is_this_years_sent_introductory_letters_in_the_region(world, sent):
    found = spotlight.letters_spotlight_create(
        by=world.director_region, year=timezone.localdate().year
    )
    assert [i.letter for i in found.letters.all()] == [sent]
    assert found.region == world.area.region
    last_year = spotlight.letters_spotlight_create(
        by=world.director_region, year=timezone.localdate().year - 1
    )
    assert not last_year.letters.exists()


def test_only_assistant_directors_and_national_leadership_draw(world, sent):
    for who in (world.fca_allocated, world.manager_area, world.head_region):
        with pytest.raises(PermissionDenied):
            spotlight.letters_spotlight_create(by=who, year=2026)


def test_the_director_reads_the_letter_beside_about_me_and_records_a_judgement(client, world, sent):
    found = spotlight.letters_spotlight_create(
        by=world.director_region, year=timezone.localdate().year
    )
    item = found.letters.get()
    client.force_login(world.director_region)
    page = client.get(f"/quality/national/spotlight/letters/{item.uuid}/")
    shown = page.content.decode()
    assert page.status_code == 200
    assert "I will come to your school on Tuesday" in shown
    assert "Drawing dragons and swimming" in shown
    assert AuditEvent.objects.filter(action=Action.CHILD_VIEWED, actor=world.director_region)

    refused = client.post(f"/quality/national/spotlight/letters/{item.uuid}/", {})
    assert "Choose how well the child" in refused.content.decode()
    done = client.post(
        f"/quality/national/spotlight/letters/{item.uuid}/",
        {"judgement": "partly", "comment": "It names the school but not the dragons."},
    )
    assert done.status_code == 302
    item.refresh_from_db()
    assert item.judgement == SpotlightLetter.Judgement.PARTLY
    summary = client.get(f"/quality/national/spotlight/{found.uuid}/").content.decode()
    assert "Partly explored" in summary


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("director_region", 200),
        ("national", 200),
        ("head_region", 404),
        ("manager_area", 404),
        ("fca_allocated", 404),
        ("head_other_region", 404),
    ],
)
@pytest.mark.parametrize("route", SPOTLIGHT_PAGES)
def test_who_opens_a_spotlight_and_its_letters(client, world, sent, who, status, route):
    found = spotlight.letters_spotlight_create(
        by=world.director_region, year=timezone.localdate().year
    )
    address = route.replace("<uuid:spotlight_id>", str(found.uuid)).replace(
        "<uuid:item_id>", str(found.letters.get().uuid)
    )
    client.force_login(getattr(world, who))
    assert client.get(address).status_code == status


def test_a_reader_from_another_region_cannot_judge(world, sent, make_user):
    found = spotlight.letters_spotlight_create(
        by=world.director_region, year=timezone.localdate().year
    )
    other = make_user("assistant_director")
    with pytest.raises(PermissionDenied):
        spotlight.spotlight_letter_record(by=other, item=found.letters.get(), judgement="well")
