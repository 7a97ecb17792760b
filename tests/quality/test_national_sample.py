"""The national sample: reproducible from the round's seed, and stratified by region and law in
proportion to the files in each (known answers from the `nation` fixture)."""

import datetime
from collections import Counter

import pytest

from tests.quality.national_factories import ROUND_STARTS, files, nation  # noqa: F401
from together.children.models import Child
from together.proceedings.models import Law, ProceedingsChild
from together.quality.national import national_sample, national_sample_draw, shares
from together.quality.national_models import NationalAuditFile, NationalAuditRound

pytestmark = pytest.mark.django_db


def a_round(nation, **fields):  # noqa: F811
    fields = {
        "title": "Autumn national audit",
        "starts_on": ROUND_STARTS,
        "ends_on": ROUND_STARTS + datetime.timedelta(weeks=6),
        "sample_size": 20,
        "created_by": nation.national,
        **fields,
    }
    return NationalAuditRound.objects.create(**fields)


def strata(drawn, nation):  # noqa: F811
    names = {nation.north.region_id: "north", nation.south.region_id: "south"}
    return Counter((names[d.region_id], d.law) for d in drawn)


def test_each_stratum_gets_its_share_of_the_sample(nation):  # noqa: F811
    drawn = national_sample(a_round(nation))
    assert strata(drawn, nation) == {
        ("north", Law.PUBLIC): 12,
        ("north", Law.PRIVATE): 4,
        ("south", Law.PUBLIC): 3,
        ("south", Law.PRIVATE): 1,
    }
    assert len({d.child_id for d in drawn}) == 20


def test_the_same_seed_draws_the_same_files_in_the_same_order(nation):  # noqa: F811
    round_ = a_round(nation)
    first = [d.child_id for d in national_sample(round_)]
    again = NationalAuditRound.objects.get(pk=round_.pk)
    assert [d.child_id for d in national_sample(again)] == first


def test_another_seed_draws_other_files(nation):  # noqa: F811
    one = {d.child_id for d in national_sample(a_round(nation, seed=11))}
    other = {d.child_id for d in national_sample(a_round(nation, seed=12_345))}
    assert one != other


def test_the_draw_is_not_the_first_files_made(nation):  # noqa: F811
    # Within the north's public law files (made one after another), the twelve drawn are spread
    # through them, not the twelve oldest or newest.
    drawn = national_sample(a_round(nation, seed=7))
    north_public = sorted(
        d.link_id for d in drawn if d.region_id == nation.north.region_id and d.law == Law.PUBLIC
    )
    assert north_public[-1] - north_public[0] > 20


def test_over_many_seeds_every_file_is_as_likely_to_be_drawn(nation):  # noqa: F811
    # 40 draws of 12 from the north's 60 public law files: each file about 8 times.
    seen = Counter()
    for seed in range(1, 41):
        for d in national_sample(a_round(nation, seed=seed * 7919)):
            if d.region_id == nation.north.region_id and d.law == Law.PUBLIC:
                seen[d.child_id] += 1
    assert len(seen) == 60
    assert max(seen.values()) <= 20


def test_drawing_again_keeps_the_same_sample_and_marks_30_percent_for_moderation(
    nation,  # noqa: F811
):
    round_ = a_round(nation)
    assert national_sample_draw(by=nation.national, round_=round_) == 20
    first = list(NationalAuditFile.objects.values_list("position", "child_id", "moderated"))
    national_sample_draw(by=nation.national, round_=round_)
    assert list(NationalAuditFile.objects.values_list("position", "child_id", "moderated")) == (
        first
    )
    assert sum(moderated for _, _, moderated in first) == 6


def test_a_domestic_abuse_round_draws_only_proceedings_where_it_is_a_feature(nation):  # noqa: F811
    fca = nation.people[nation.south]["fca"]
    marked = {c.pk for c in files(nation.south, Law.PRIVATE, 8, fca=fca, domestic_abuse_noted=True)}
    drawn = national_sample(a_round(nation, focus=NationalAuditRound.Focus.DOMESTIC_ABUSE))
    assert {d.child_id for d in drawn} == marked


def test_a_domestic_abuse_round_also_draws_files_marked_for_domestic_abuse(nation):  # noqa: F811
    # Three files noted on the proceedings, two marked on the child's file only, and one
    # marked file that is not eligible (closed long ago): five drawn, known in advance.
    fca = nation.people[nation.south]["fca"]
    noted = files(nation.south, Law.PRIVATE, 3, fca=fca, domestic_abuse_noted=True)
    marked = files(nation.north, Law.PUBLIC, 2, fca=nation.people[nation.north]["fca"])
    long_ago = {"received_on": datetime.date(2024, 6, 1), "closed_on": datetime.date(2025, 1, 1)}
    too_old = files(nation.north, Law.PUBLIC, 1, fca=fca, **long_ago)
    Child.objects.filter(pk__in=[c.pk for c in marked + too_old]).update(domestic_abuse=True)
    drawn = national_sample(a_round(nation, focus=NationalAuditRound.Focus.DOMESTIC_ABUSE))
    assert {d.child_id for d in drawn} == {c.pk for c in noted + marked}
    assert len(drawn) == 5


def test_only_files_of_the_time_with_a_lead_fca_and_each_child_once(nation):  # noqa: F811
    fca = nation.people[nation.south]["fca"]
    already = list(Child.objects.filter(proceedings__service_area=nation.south)[:10])
    files(nation.south, Law.PUBLIC, 30, fca=None)  # on duty: nobody's work to audit
    long_ago = {"received_on": datetime.date(2024, 6, 1), "closed_on": datetime.date(2025, 1, 1)}
    files(nation.south, Law.PUBLIC, 30, fca=fca, **long_ago)
    # Ten of the south's children are in second proceedings too: still drawn once each.
    second = ProceedingsChild.objects.filter(
        child__in=files(nation.south, Law.PRIVATE, 10, fca=fca)
    )
    for link, child in zip(second, already, strict=True):
        link.child = child
        link.save()
    files(nation.south, Law.PUBLIC, 30, fca=fca, received_on=datetime.date(2026, 10, 1))
    drawn = national_sample(a_round(nation, sample_size=1000))
    assert len(drawn) == 100 == len({d.child_id for d in drawn})


def test_shares_add_up_to_the_sample():
    assert shares({"a": 1, "b": 1, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}
    assert shares({"a": 50, "b": 30, "c": 20}, 7) == {"a": 4, "b": 2, "c": 1}
    assert shares({"a": 3, "b": 2}, 10) == {"a": 3, "b": 2}
