"""Import folders written straight as CSV files, never through the service's models, and a small
service whose scorecard was worked out by hand (EXPECTED)."""

import csv
from pathlib import Path

from together.scorecard.importer.reading import FILES


def write_folder(path: Path, files: dict[str, list[dict]]) -> Path:
    """Write each file of `files` (name: rows as dicts) into `path` with the format's columns."""
    path.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        with (path / name).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=FILES[name])
            writer.writeheader()
            for row in rows:
                writer.writerow({column: row.get(column, "") for column in FILES[name]})
    return path


def _staff(staff_id, role, team_code, given="Sam", employment="permanent", fte="1.00"):
    return {
        "staff_id": staff_id,
        "given_name": given,
        "family_name": staff_id.title(),
        "email": f"{staff_id.lower()}@together.example",
        "role": role,
        "team_code": team_code,
        "employment": employment,
        "fte": fte,
    }


def _proceedings(pid, area, law, kind, received, first_hearing="", closed=""):
    return {
        "proceedings_id": pid,
        "court": "Newcastle Family Court",
        "court_number": f"NE-{pid}",
        "law": law,
        "kind": kind,
        "received_on": received,
        "first_hearing_on": first_hearing,
        "closed_on": closed,
        "service_area_code": area,
    }


def service() -> dict[str, list[dict]]:
    """A small service with the edge cases the board's definitions turn on:

    - P2 closes on 30 June 2026 and its lead's allocation ends that day; P3's lead starts then.
    - C2 is in two sets of proceedings open together (P1 and P2, in March 2026).
    - F4 is an FCA with no open work; F3 leads nothing open in June 2026, only a hub allocation.
    - F5 leads 26 sets of proceedings after the first hearing (over the ceiling of 25).
    """
    files = {
        "regions.csv": [{"region_code": "NE", "name": "North East"}],
        "service_areas.csv": [
            {"code": "NE1", "name": "Tyneside", "region_code": "NE"},
            {"code": "NE2", "name": "Wearside", "region_code": "NE"},
        ],
        "teams.csv": [
            {
                "code": "T1",
                "name": "Tyneside after",
                "service_area_code": "NE1",
                "kind": "post_first_hearing",
            },
            {
                "code": "T2",
                "name": "Tyneside before",
                "service_area_code": "NE1",
                "kind": "pre_first_hearing",
            },
            {
                "code": "T3",
                "name": "Wearside after",
                "service_area_code": "NE2",
                "kind": "post_first_hearing",
            },
            {
                "code": "H1",
                "name": "Tyneside hub",
                "service_area_code": "NE1",
                "kind": "allocation_hub",
            },
        ],
        "staff.csv": [
            _staff("F1", "fca", "T1"),
            _staff("F2", "fca", "T2", employment="locum", fte="0.80"),
            _staff("F3", "fca", "T3"),
            _staff("F4", "fca", "T1"),
            _staff("F5", "fca", "T3"),
            _staff("PS1", "practice_supervisor", "T1"),
            _staff("SM1", "service_manager", "NE1"),
            _staff("N1", "national_performance", ""),
        ],
        "children.csv": [
            {
                "child_id": f"C{n}",
                "given_name": f"Child{n}",
                "family_name": "Example",
                "preferred_name": "",
                "date_of_birth": "2015-05-05",
            }
            for n in range(1, 9)
        ],
        "proceedings.csv": [
            _proceedings("P1", "NE1", "public", "s31", "2026-01-10", "2026-02-01"),
            _proceedings("P2", "NE1", "private", "s7", "2026-03-01", "2026-03-15", "2026-06-30"),
            _proceedings("P3", "NE1", "private", "private_pre_first_hearing", "2026-05-01"),
            _proceedings("P4", "NE2", "public", "s31", "2025-11-01", "2025-11-20"),
            _proceedings("P5", "NE2", "private", "other", "2026-06-01"),
            _proceedings("P6", "NE1", "private", "r16_4", "2024-01-01", "2024-02-01", "2025-06-01"),
        ],
        "proceedings_children.csv": [
            {"proceedings_id": p, "child_id": c}
            for p, c in [
                ("P1", "C1"),
                ("P1", "C2"),
                ("P2", "C2"),
                ("P2", "C3"),
                ("P3", "C4"),
                ("P4", "C5"),
                ("P4", "C6"),
                ("P5", "C7"),
                ("P6", "C8"),
            ]
        ],
        "allocations.csv": [
            {"proceedings_id": "P1", "staff_id": "F1", "kind": "lead", "started_on": "2026-01-20"},
            {
                "proceedings_id": "P2",
                "staff_id": "F1",
                "kind": "lead",
                "started_on": "2026-03-11",
                "ended_on": "2026-06-30",
            },
            {
                "proceedings_id": "P3",
                "staff_id": "SM1",
                "kind": "duty",
                "started_on": "2026-05-01",
                "ended_on": "2026-06-30",
            },
            {"proceedings_id": "P3", "staff_id": "F2", "kind": "lead", "started_on": "2026-06-30"},
            {
                "proceedings_id": "P4",
                "staff_id": "F3",
                "kind": "lead",
                "started_on": "2025-11-05",
                "ended_on": "2026-04-01",
            },
            {"proceedings_id": "P4", "staff_id": "F1", "kind": "lead", "started_on": "2026-04-01"},
            {"proceedings_id": "P5", "staff_id": "F3", "kind": "hub", "started_on": "2026-06-02"},
            {
                "proceedings_id": "P6",
                "staff_id": "F2",
                "kind": "lead",
                "started_on": "2024-01-05",
                "ended_on": "2025-06-01",
            },
        ],
        "meetings.csv": [
            {
                "child_id": "C1",
                "proceedings_id": "P1",
                "met_on": "2026-02-10",
                "method": "in_person_home",
            },
            {"child_id": "C2", "proceedings_id": "P1", "met_on": "2026-07-01", "method": "video"},
            {"child_id": "C2", "proceedings_id": "P2", "met_on": "2026-03-20", "method": "phone"},
            {
                "child_id": "C4",
                "proceedings_id": "P3",
                "met_on": "2026-06-30",
                "method": "in_person_school",
            },
            {"child_id": "C5", "proceedings_id": "P4", "met_on": "2025-12-01", "method": "video"},
            {
                "child_id": "C5",
                "proceedings_id": "P4",
                "met_on": "2026-01-15",
                "method": "in_person_office",
            },
            {
                "child_id": "C100",
                "proceedings_id": "P100",
                "met_on": "2026-02-01",
                "method": "video",
            },
        ],
        "audits.csv": [
            {
                "child_id": c,
                "proceedings_id": p,
                "auditor_staff_id": "PS1",
                "fca_staff_id": f,
                "audited_on": on,
                "grade": grade,
            }
            for c, p, f, on, grade in [
                ("C1", "P1", "F1", "2026-06-15", "good"),
                ("C5", "P4", "F3", "2025-12-15", "inadequate"),
                ("C4", "P3", "F2", "2026-04-01", "outstanding"),
                ("C8", "P6", "F2", "2025-06-30", "requires_improvement"),
            ]
        ],
        "feedback.csv": [
            {
                "proceedings_id": p,
                "staff_id": s,
                "respondent": r,
                "submitted_on": on,
                "felt_listened_to": felt,
            }
            for p, s, r, on, felt in [
                ("P1", "F1", "child", "2026-06-01", "yes"),
                ("P1", "F1", "child", "2026-05-01", "partly"),
                ("P1", "F1", "parent_carer", "2026-06-30", "no"),
                ("P4", "F3", "parent_carer", "2025-12-01", "yes"),
                ("P4", "F1", "child", "2026-02-01", "dont_know"),
                ("P4", "F1", "parent_carer", "2026-03-01", "yes"),
                ("P1", "F1", "professional", "2026-06-01", "yes"),
            ]
        ],
    }
    # F5's 26 sets of proceedings after the first hearing, one child each.
    for n in range(100, 126):
        files["children.csv"].append(
            {
                "child_id": f"C{n}",
                "given_name": f"Child{n}",
                "family_name": "Example",
                "preferred_name": f"Kid{n}",
                "date_of_birth": "2012-01-01",
            }
        )
        files["proceedings.csv"].append(
            _proceedings(f"P{n}", "NE2", "public", "s31", "2026-01-01", "2026-01-15")
        )
        files["proceedings_children.csv"].append({"proceedings_id": f"P{n}", "child_id": f"C{n}"})
        files["allocations.csv"].append(
            {
                "proceedings_id": f"P{n}",
                "staff_id": "F5",
                "kind": "lead",
                "started_on": "2026-01-02",
            }
        )
    return files


# The scorecard of service(), worked out by hand from the definitions, at each date and place.
# (None where there is nothing to count.)
EXPECTED = {
    ("2026-06-30", None): {
        "open_proceedings": 30,  # P1, P3, P4, P5 and F5's 26; P2 closes that day
        "open_proceedings_public": 28,
        "open_proceedings_private": 2,
        "open_children": 32,
        "held_on_duty": 1,  # P5: only a hub allocation
        "caseload_post_first_hearing_avg": 14.0,  # F1 leads P1 and P4, F5 26
        "caseload_post_first_hearing_share_over_25": 0.5,
        "caseload_pre_first_hearing_avg": 1.0,  # F2: P3, from that day
        "caseload_pre_first_hearing_share_over_40": 0.0,
        "days_to_allocation_avg_last_90_days": 60.0,  # P3 only (P4's second lead is not first)
        "children_seen_share": 4 / 32,
        "children_seen_in_person_share": 3 / 32,
        "audits_good_or_better_share_last_12_months": 2 / 3,  # 30 June 2025 is out
        "fcas_without_audit_last_3_months_share": 1 / 3,  # F1, F2 audited; F5 not
        "children_felt_listened_to_share_last_12_months": 0.5,
        "parents_carers_felt_listened_to_share_last_12_months": 2 / 3,
    },
    ("2026-06-30", "NE1"): {
        "open_proceedings": 2,
        "open_proceedings_public": 1,
        "open_proceedings_private": 1,
        "open_children": 3,
        "held_on_duty": 0,
        "caseload_post_first_hearing_avg": 1.0,
        "caseload_post_first_hearing_share_over_25": 0.0,
        "caseload_pre_first_hearing_avg": 1.0,
        "caseload_pre_first_hearing_share_over_40": 0.0,
        "days_to_allocation_avg_last_90_days": 60.0,
        "children_seen_share": 2 / 3,
        "children_seen_in_person_share": 2 / 3,
        "audits_good_or_better_share_last_12_months": 1.0,
        "fcas_without_audit_last_3_months_share": 0.0,
        "children_felt_listened_to_share_last_12_months": 0.5,
        "parents_carers_felt_listened_to_share_last_12_months": 0.0,
    },
    ("2026-06-30", "NE2"): {
        "open_proceedings": 28,
        "open_proceedings_public": 27,
        "open_proceedings_private": 1,
        "open_children": 29,
        "held_on_duty": 1,
        "caseload_post_first_hearing_avg": 13.5,
        "caseload_post_first_hearing_share_over_25": 0.5,
        "caseload_pre_first_hearing_avg": None,
        "caseload_pre_first_hearing_share_over_40": None,
        "days_to_allocation_avg_last_90_days": None,
        "children_seen_share": 2 / 29,
        "children_seen_in_person_share": 1 / 29,
        "audits_good_or_better_share_last_12_months": 0.0,
        "fcas_without_audit_last_3_months_share": 0.5,
        "children_felt_listened_to_share_last_12_months": None,
        "parents_carers_felt_listened_to_share_last_12_months": 1.0,
    },
    ("2026-03-31", None): {
        "open_proceedings": 29,  # P1, P2, P4 and F5's 26
        "open_proceedings_public": 28,
        "open_proceedings_private": 1,
        "open_children": 31,  # C2 is in P1 and P2, counted once
        "held_on_duty": 0,
        "caseload_post_first_hearing_avg": 29 / 3,  # F1 2, F3 1 (ends the next day), F5 26
        "caseload_post_first_hearing_share_over_25": 1 / 3,
        "caseload_pre_first_hearing_avg": None,
        "caseload_pre_first_hearing_share_over_40": None,
        "days_to_allocation_avg_last_90_days": 46 / 28,  # P1 10, P2 10, F5's 26 at 1 day
        "children_seen_share": 4 / 32,
        "children_seen_in_person_share": 2 / 32,
        "audits_good_or_better_share_last_12_months": 0.0,
        "fcas_without_audit_last_3_months_share": 1.0,
        "children_felt_listened_to_share_last_12_months": None,  # only "don't know"
        "parents_carers_felt_listened_to_share_last_12_months": 1.0,
    },
    ("2025-01-01", None): {
        "open_proceedings": 1,
        "open_proceedings_public": 0,
        "open_proceedings_private": 1,
        "open_children": 1,
        "held_on_duty": 0,
        "caseload_post_first_hearing_avg": 1.0,
        "caseload_post_first_hearing_share_over_25": 0.0,
        "caseload_pre_first_hearing_avg": None,
        "caseload_pre_first_hearing_share_over_40": None,
        "days_to_allocation_avg_last_90_days": None,
        "children_seen_share": 0.0,
        "children_seen_in_person_share": 0.0,
        "audits_good_or_better_share_last_12_months": None,
        "fcas_without_audit_last_3_months_share": 1.0,
        "children_felt_listened_to_share_last_12_months": None,
        "parents_carers_felt_listened_to_share_last_12_months": None,
    },
    ("2023-01-01", None): {
        "open_proceedings": 0,
        "open_proceedings_public": 0,
        "open_proceedings_private": 0,
        "open_children": 0,
        "held_on_duty": 0,
        "caseload_post_first_hearing_avg": None,
        "caseload_post_first_hearing_share_over_25": None,
        "caseload_pre_first_hearing_avg": None,
        "caseload_pre_first_hearing_share_over_40": None,
        "days_to_allocation_avg_last_90_days": None,
        "children_seen_share": None,
        "children_seen_in_person_share": None,
        "audits_good_or_better_share_last_12_months": None,
        "fcas_without_audit_last_3_months_share": None,
        "children_felt_listened_to_share_last_12_months": None,
        "parents_carers_felt_listened_to_share_last_12_months": None,
    },
}
