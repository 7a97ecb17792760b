"""The national scorecard computed a second way, in plain SQL, one named query per figure: it must
agree with the service's own figures (together.scorecard.selectors), and each of the service's
figures is timed against its query here.

The queries read the tables directly and share nothing with the service's code but the table and
column names. Where the service keeps something worked out (a set of proceedings' first
allocation, `first_allocated_at`), the query here works it out again from the allocations. Each
query returns whole numbers (counts and sums); the divisions are done in Python, so a share is
exactly part / whole.

    .venv/bin/python bench/scorecard_sql.py [YYYY-MM-DD]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/together bench/scorecard_sql.py

It fills the benchmark database with demo data the first time (bench/common.py). The test
tests/scorecard/test_sql_agrees.py runs the same queries on a small data set with known answers.
"""

import datetime
import sys
import zoneinfo

TIME_ZONE = "Europe/London"

# In every query: a set of proceedings is open at D when received on or before D and not closed,
# or closed after D; an allocation is a lead at D when it is a lead started before the first
# moment after D (%(end)s) and not ended by then.
QUERIES = {
    "open_proceedings": """
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN p.law = 'public' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN p.law = 'private' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN NOT EXISTS (
                   SELECT 1 FROM proceedings_allocation a
                   WHERE a.proceedings_id = p.id AND a.kind = 'lead' AND a.started_at < %(end)s
                     AND (a.ended_at IS NULL OR a.ended_at >= %(end)s)
               ) THEN 1 ELSE 0 END), 0)
        FROM proceedings_proceedings p
        WHERE p.received_on <= %(day)s AND (p.closed_on IS NULL OR p.closed_on > %(day)s)""",
    "open_children": """
        SELECT COUNT(DISTINCT pc.child_id)
        FROM proceedings_proceedingschild pc
        JOIN proceedings_proceedings p ON p.id = pc.proceedings_id
        WHERE p.received_on <= %(day)s AND (p.closed_on IS NULL OR p.closed_on > %(day)s)""",
    "caseloads": """
        SELECT COALESCE(SUM(CASE WHEN l.after_fh > 0 THEN l.after_fh ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN l.after_fh > 0 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN l.after_fh > 25 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN l.before_fh > 0 THEN l.before_fh ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN l.before_fh > 0 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN l.before_fh > 40 THEN 1 ELSE 0 END), 0)
        FROM (
            SELECT a.fca_id,
                   COUNT(DISTINCT CASE WHEN p.first_hearing_on <= %(day)s THEN p.id END)
                       AS after_fh,
                   COUNT(DISTINCT CASE WHEN p.first_hearing_on IS NULL
                                         OR p.first_hearing_on > %(day)s THEN p.id END)
                       AS before_fh
            FROM proceedings_allocation a
            JOIN proceedings_proceedings p ON p.id = a.proceedings_id
            JOIN accounts_user u ON u.id = a.fca_id
            WHERE a.kind = 'lead' AND a.started_at < %(end)s
              AND (a.ended_at IS NULL OR a.ended_at >= %(end)s)
              AND p.received_on <= %(day)s AND (p.closed_on IS NULL OR p.closed_on > %(day)s)
              AND u.role = 'fca'
            GROUP BY a.fca_id
        ) l""",
    # The days from the application to the first lead's start, that day taken in London.
    "days_to_allocation": """
        SELECT COALESCE(SUM({days}), 0), COUNT(*)
        FROM (
            SELECT a.proceedings_id, MIN(a.started_at) AS first_lead
            FROM proceedings_allocation a
            WHERE a.kind = 'lead'
            GROUP BY a.proceedings_id
        ) f
        JOIN proceedings_proceedings p ON p.id = f.proceedings_id
        WHERE f.first_lead >= %(window_start)s AND f.first_lead < %(end)s""",
    "children_seen": """
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN EXISTS (
                   SELECT 1 FROM children_meeting m
                   WHERE m.child_id = pc.child_id AND m.proceedings_id = pc.proceedings_id
                     AND m.occurred_at < %(end)s AND m.outcome = 'met'
               ) THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN EXISTS (
                   SELECT 1 FROM children_meeting m
                   WHERE m.child_id = pc.child_id AND m.proceedings_id = pc.proceedings_id
                     AND m.occurred_at < %(end)s AND m.method = 'in_person'
                     AND m.outcome = 'met'
               ) THEN 1 ELSE 0 END), 0)
        FROM proceedings_proceedingschild pc
        JOIN proceedings_proceedings p ON p.id = pc.proceedings_id
        WHERE p.received_on <= %(day)s AND (p.closed_on IS NULL OR p.closed_on > %(day)s)""",
    "audits": """
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN q.grade IN ('good', 'outstanding') THEN 1 ELSE 0 END), 0)
        FROM quality_audit q
        WHERE q.audited_on > %(day_365)s AND q.audited_on <= %(day)s""",
    "fcas_without_audit": """
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN NOT EXISTS (
                   SELECT 1 FROM quality_audit q
                   WHERE q.fca_id = u.id
                     AND q.audited_on > %(day_91)s AND q.audited_on <= %(day)s
               ) THEN 1 ELSE 0 END), 0)
        FROM accounts_user u
        WHERE u.role = 'fca' AND EXISTS (
            SELECT 1 FROM proceedings_allocation a
            JOIN proceedings_proceedings p ON p.id = a.proceedings_id
            WHERE a.fca_id = u.id AND a.kind = 'lead' AND a.started_at < %(end)s
              AND (a.ended_at IS NULL OR a.ended_at >= %(end)s)
              AND p.received_on <= %(day)s AND (p.closed_on IS NULL OR p.closed_on > %(day)s)
        )""",
    # "Yes, a lot" (5) and "Mostly" (4) are felt listened to; "I don't know" (0) is left out.
    "feedback": """
        SELECT
          COALESCE(SUM(CASE WHEN f.audience IN ('younger_child', 'older_child')
                             THEN 1 ELSE 0 END), 0),
          COALESCE(SUM(CASE WHEN f.audience IN ('younger_child', 'older_child')
                             AND f.listened IN (4, 5) THEN 1 ELSE 0 END), 0),
          COALESCE(SUM(CASE WHEN f.audience = 'parent_carer' THEN 1 ELSE 0 END), 0),
          COALESCE(SUM(CASE WHEN f.audience = 'parent_carer'
                             AND f.listened IN (4, 5) THEN 1 ELSE 0 END), 0)
        FROM feedback_feedbackresponse f
        WHERE f.answered_at >= %(feedback_start)s AND f.answered_at < %(end)s
          AND f.listened <> 0""",
}

# A time's day in London, from a time stored in UTC. PostgreSQL knows the time zone; SQLite does
# not, so there British Summer Time is spelt out: from 01:00 UTC on the last Sunday of March to
# 01:00 UTC on the last Sunday of October (the first Sunday on or after the 25th).
LOCAL_DAYS = {
    "postgresql": f"((f.first_lead AT TIME ZONE '{TIME_ZONE}')::date - p.received_on)",
    "sqlite": """(julianday(CASE
        WHEN f.first_lead >= date(substr(f.first_lead, 1, 4) || '-03-25', 'weekday 0')
                             || ' 01:00:00'
         AND f.first_lead < date(substr(f.first_lead, 1, 4) || '-10-25', 'weekday 0')
                             || ' 01:00:00'
        THEN date(f.first_lead, '+1 hour') ELSE date(f.first_lead) END)
        - julianday(p.received_on))""",
}


def _start_of(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(TIME_ZONE))


def parameters(connection, day: datetime.date) -> dict:
    one_day = datetime.timedelta(days=1)
    ops = connection.ops

    def moment(d):  # the first moment of a day, as the database stores times
        return ops.adapt_datetimefield_value(_start_of(d))

    return {
        "day": ops.adapt_datefield_value(day),
        "day_365": ops.adapt_datefield_value(day - datetime.timedelta(days=365)),
        "day_91": ops.adapt_datefield_value(day - datetime.timedelta(days=91)),
        "end": moment(day + one_day),
        "window_start": moment(day - datetime.timedelta(days=90) + one_day),
        "feedback_start": moment(day - datetime.timedelta(days=365) + one_day),
    }


def query_text(connection, name: str) -> str:
    sql = QUERIES[name]
    if name == "days_to_allocation":
        sql = sql.replace("{days}", LOCAL_DAYS[connection.vendor])
    return sql


def run(connection, name: str, day: datetime.date) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(query_text(connection, name), parameters(connection, day))
        return tuple(int(v) for v in cursor.fetchone())


def _share(part: int, whole: int):
    return part / whole if whole else None


def national_figures(connection, day: datetime.date) -> dict:
    """Every national figure at `day`, keyed as the service's scorecard is."""
    opened, public, private, on_duty = run(connection, "open_proceedings", day)
    (children,) = run(connection, "open_children", day)
    after_sum, after_n, after_over, before_sum, before_n, before_over = run(
        connection, "caseloads", day
    )
    days_sum, days_n = run(connection, "days_to_allocation", day)
    pairs, seen, in_person = run(connection, "children_seen", day)
    audits, good = run(connection, "audits", day)
    fcas, without = run(connection, "fcas_without_audit", day)
    child_n, child_yes, parent_n, parent_yes = run(connection, "feedback", day)
    return {
        "open_proceedings": opened,
        "open_proceedings_public": public,
        "open_proceedings_private": private,
        "open_children": children,
        "held_on_duty": on_duty,
        "caseload_post_first_hearing_avg": _share(after_sum, after_n),
        "caseload_post_first_hearing_share_over_25": _share(after_over, after_n),
        "caseload_pre_first_hearing_avg": _share(before_sum, before_n),
        "caseload_pre_first_hearing_share_over_40": _share(before_over, before_n),
        "days_to_allocation_avg_last_90_days": _share(days_sum, days_n),
        "children_seen_share": _share(seen, pairs),
        "children_seen_in_person_share": _share(in_person, pairs),
        "audits_good_or_better_share_last_12_months": _share(good, audits),
        "fcas_without_audit_last_3_months_share": _share(without, fcas),
        "children_felt_listened_to_share_last_12_months": _share(child_yes, child_n),
        "parents_carers_felt_listened_to_share_last_12_months": _share(parent_yes, parent_n),
    }


def disagreements(service: dict, sql: dict) -> list[str]:
    """The figures on which the two computations differ (beyond a float's last digits)."""
    wrong = []
    for key, value in sql.items():
        other = service[key]
        if value is None or other is None or isinstance(value, int):
            if value != other:
                wrong.append(f"{key}: service {other!r}, SQL {value!r}")
        elif abs(value - other) > 1e-9 * max(1.0, abs(value)):
            wrong.append(f"{key}: service {other!r}, SQL {value!r}")
    return wrong


# The service computes the figures in parts (together.scorecard.selectors); each part is timed
# against the queries here that compute the same figures.
QUERIES_OF_PART = {
    "open_proceedings": ("open_proceedings",),
    "children": ("open_children", "children_seen"),
    "caseloads": ("caseloads",),
    "days_to_allocation": ("days_to_allocation",),
    "audits": ("audits", "fcas_without_audit"),
    "feedback": ("feedback",),
}


def timed_parts(connection, day: datetime.date) -> list[tuple[str, float, float, float]]:
    """Each part of the service's national figures against its SQL, in turns, in this run: (part,
    SQL median ms, service median ms, service / SQL), medians of 10."""
    from common import summary, time_calls

    from together.scorecard import selectors

    scope = selectors.Scope(day=day)
    rows = []
    for part, names in QUERIES_OF_PART.items():

        def queries(names=names):
            for name in names:
                run(connection, name, day)

        sql_ms = summary(time_calls(queries, 10, warmup=2))["median"]
        part_ms = summary(time_calls(lambda p=part: getattr(selectors, p)(scope), 10, 2))["median"]
        rows.append((part, sql_ms, part_ms, part_ms / sql_ms if sql_ms else float("nan")))
    return rows


def main(argv: list[str]) -> int:
    from common import prepare_database, summary, time_calls
    from django.db import connection

    from together.scorecard import selectors

    day = datetime.date.fromisoformat(argv[0]) if argv else datetime.date(2026, 11, 1)
    prepare_database()
    service = selectors.scorecard_figures(day)
    sql = national_figures(connection, day)
    wrong = disagreements(service, sql)
    print(f"National scorecard on {day} ({connection.vendor}): ", end="")
    print("the service and the SQL agree on every figure" if not wrong else "THEY DISAGREE")
    for line in wrong:
        print("  " + line)
    print("Median of 10 each, in milliseconds; the ratio is the service's over the SQL's")
    print(f"{'figures':<22}{'SQL':>10}{'service':>10}{'ratio':>8}")
    for part, sql_ms, part_ms, ratio in timed_parts(connection, day):
        print(f"{part:<22}{sql_ms:>10.2f}{part_ms:>10.2f}{ratio:>8.2f}")
    whole = summary(time_calls(lambda: selectors.scorecard_figures(day), 10, warmup=2))
    print(f"whole national scorecard, median of 10: {whole['median']:.1f} ms")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
