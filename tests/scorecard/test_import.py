"""`manage.py import_service FOLDER`: a service's records come in whole or not at all, every
problem is named by file and line in plain words, and a second run updates rather than adds."""

import copy
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from together.accounts.models import EmploymentType, User
from together.children.models import Child, Meeting
from together.feedback.models import Answer, FeedbackResponse
from together.organisation.models import Team, TeamMembership
from together.proceedings.models import Allocation, Kind, Proceedings, Stage
from together.quality.models import Audit

from .folders import service, write_folder


def run_import(folder) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_service", str(folder), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(folder) -> list[str]:
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_service", str(folder), stdout=io.StringIO(), stderr=err)
    return err.getvalue().splitlines()


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "organisation",
            "accounts",
            "children",
            "proceedings",
            "feedback",
            "quality",
            "scorecard",
        }
    }


def test_a_service_comes_in_as_the_files_say(db, tmp_path):
    out, _ = run_import(write_folder(tmp_path / "service", service()))
    assert "children.csv: 34 new, 0 updated" in out

    f2 = User.objects.get(email="f2@together.example")
    assert (f2.role, f2.employment_type, str(f2.fte)) == ("fca", EmploymentType.LOCUM, "0.80")
    assert not f2.has_usable_password()
    assert TeamMembership.objects.get(user=f2, ended_on__isnull=True).team.name == (
        "Tyneside before"
    )
    manager = User.objects.get(email="sm1@together.example")
    assert manager.service_area.code == "NE1"

    p3 = Proceedings.objects.get(court_number="NE-P3")
    assert (p3.law, p3.kind, p3.court) == (
        "private",
        Kind.PRIVATE_FIRST_HEARING,
        "Newcastle Family Court",
    )
    assert p3.lead_fca == f2  # the duty allocation ended as the lead started
    assert p3.stage == Stage.BEFORE_FIRST_HEARING
    assert Allocation.objects.get(proceedings=p3, kind="duty").team is None
    assert Proceedings.objects.get(court_number="NE-P2").stage == Stage.CONCLUDED
    assert Proceedings.objects.get(court_number="NE-P5").lead_fca is None

    child = Child.objects.get(legal_given_names="Child1")
    assert child.preferred_name == "Child1"  # no preferred name given: the given name
    assert Meeting.objects.get(child=child).get_place_display() == "At home"
    assert Audit.objects.get(child=child).grade == "good"

    # "yes" counts as felt listened to on the five-point scale, "partly" and "no" do not,
    # "don't know" is left out.
    listened = sorted(FeedbackResponse.objects.values_list("listened", flat=True))
    assert listened == sorted(
        [
            Answer.YES,
            Answer.SOMETIMES,
            Answer.NOT_AT_ALL,
            Answer.YES,
            Answer.DONT_KNOW,
            Answer.YES,
            Answer.YES,
        ]
    )


def test_a_second_run_of_the_same_files_updates_and_adds_nothing(db, tmp_path):
    files = service()
    run_import(write_folder(tmp_path / "first", files))
    before = row_counts()

    changed = copy.deepcopy(files)
    changed["teams.csv"][0]["name"] = "Tyneside after the first hearing"
    changed["children.csv"][0]["preferred_name"] = "Jo"
    changed["audits.csv"][0]["grade"] = "outstanding"
    changed["feedback.csv"][1]["felt_listened_to"] = "yes"
    out, _ = run_import(write_folder(tmp_path / "second", changed))

    assert row_counts() == before
    assert "children.csv: 0 new, 1 updated, 33 unchanged" in out
    assert "feedback.csv: 0 new, 1 updated, 6 unchanged" in out
    assert Team.objects.filter(name="Tyneside after the first hearing").exists()
    assert Child.objects.filter(preferred_name="Jo").count() == 1
    assert Audit.objects.filter(grade="outstanding").count() == 2
    assert FeedbackResponse.objects.filter(listened=Answer.YES).count() == 5

    out, _ = run_import(write_folder(tmp_path / "third", changed))
    assert "children.csv: 0 new, 0 updated, 34 unchanged" in out
    assert "allocations.csv: 0 new, 0 updated, 34 unchanged" in out
    assert row_counts() == before


def test_a_later_folder_may_refer_to_what_an_earlier_one_brought_in(db, tmp_path):
    files = service()
    run_import(write_folder(tmp_path / "first", files))
    more = {
        "meetings.csv": [
            {
                "child_id": "C6",
                "proceedings_id": "P4",
                "met_on": "2026-05-05",
                "method": "in_person_home",
            }
        ],
    }
    run_import(write_folder(tmp_path / "more", more))
    assert Meeting.objects.filter(child__legal_given_names="Child6").count() == 1


def test_every_problem_is_listed_by_file_and_line_and_nothing_is_written(db, tmp_path):
    files = service()
    files["staff.csv"][0]["team_code"] = "T9"
    files["children.csv"][2]["date_of_birth"] = "05/05/2015"
    files["proceedings_children.csv"].append({"proceedings_id": "P99", "child_id": "C1"})
    files["allocations.csv"][1]["ended_on"] = "2026-03-01"  # P2's lead, started 11 March
    files["meetings.csv"][0]["method"] = "in_person_park"
    files["teams.csv"][1]["kind"] = ""
    before = row_counts()

    problems = refused(write_folder(tmp_path / "bad", files))

    assert problems == [
        "teams.csv:3: kind is empty: give one of pre_first_hearing, post_first_hearing, "
        "allocation_hub or post_assessment_hub",
        "staff.csv:2: unknown team code T9",
        "children.csv:4: date_of_birth 05/05/2015 is not a date in the form YYYY-MM-DD",
        "proceedings_children.csv:37: proceedings_id P99: no proceedings has this id",
        "allocations.csv:3: the allocation ends (ended_on) before it starts (started_on)",
        "meetings.csv:2: method in_person_park is not one of in_person_home, in_person_school, "
        "in_person_office, video or phone",
    ]
    assert row_counts() == before


def test_rows_that_contradict_each_other_are_refused(db, tmp_path):
    files = service()
    files["staff.csv"][1]["email"] = "f1@together.example"
    files["children.csv"].append(dict(files["children.csv"][0]))
    files["proceedings.csv"][0]["law"] = "private"  # s31 is public law
    files["proceedings.csv"][2]["court_number"] = files["proceedings.csv"][1]["court_number"]
    files["allocations.csv"].append(
        {"proceedings_id": "P1", "staff_id": "F4", "kind": "lead", "started_on": "2026-05-01"}
    )
    files["meetings.csv"].append(
        {"child_id": "C1", "proceedings_id": "P4", "met_on": "2026-01-01", "method": "phone"}
    )
    files["audits.csv"][0]["auditor_staff_id"] = "F1"

    problems = refused(write_folder(tmp_path / "bad", files))

    assert "staff.csv:3: email f1@together.example is given twice (first on line 2)" in problems
    assert "children.csv:36: child_id C1 appears twice (first on line 2)" in problems
    assert "proceedings.csv:2: kind s31 is public law, but law says private" in problems
    number = files["proceedings.csv"][1]["court_number"]
    assert (
        f"proceedings.csv:4: court_number {number} is already on line 3: each set has its own"
        in (problems)
    )
    assert (
        "allocations.csv:36: proceedings P1 would have two lead FCAs at once: this lead starts "
        "before the one on line 2 ends"
    ) in problems
    assert (
        "meetings.csv:9: child C1 is not in proceedings P4 (proceedings_children.csv)" in problems
    )
    assert (
        "audits.csv:2: the auditor (auditor_staff_id) cannot audit their own work (fca_staff_id)"
        in problems
    )
    assert Child.objects.count() == 0


def test_a_missing_column_or_an_empty_folder_is_named(db, tmp_path):
    folder = tmp_path / "columns"
    folder.mkdir()
    (folder / "regions.csv").write_text("code,name\nNE,North East\n", encoding="utf-8")
    assert refused(folder) == [
        "regions.csv:1: the column region_code is missing from the first line"
    ]

    empty = tmp_path / "empty"
    empty.mkdir()
    assert refused(empty) == [
        f"{empty}: none of the import files is here (docs/import-format.md lists them)"
    ]


def test_large_files_report_their_progress(db, tmp_path, monkeypatch):
    from together.scorecard.importer import saving

    monkeypatch.setattr(saving, "PROGRESS_EVERY", 10)
    monkeypatch.setattr(saving, "BATCH", 10)
    out, _ = run_import(write_folder(tmp_path / "service", service()))
    assert "children.csv: 30 of 34 saved" in out


def test_holding_proceedings_in_a_hub_gives_access_but_is_not_being_their_lead(db, tmp_path):
    from together.proceedings.rules import allocated_q, is_allocated_to
    from together.proceedings.selectors import current_allocation

    run_import(write_folder(tmp_path / "service", service()))
    p5 = Proceedings.objects.get(court_number="NE-P5")  # only F3's hub allocation
    hub_fca = User.objects.get(email="f3@together.example")

    assert is_allocated_to(hub_fca, p5)
    assert current_allocation(p5) is None
    assert not Proceedings.objects.filter(allocated_q(), pk=p5.pk).exists()
    assert p5.team.name == "Wearside after"  # the team of the one holding them
