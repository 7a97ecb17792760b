"""How our thinking changed: the comparison of two versions, in words a person can follow."""

from hypothesis import given, settings
from hypothesis import strategies as st

from together.plans.compare import ADDED, KEPT, REMOVED, compare_snapshots, word_diff

SECTIONS = [
    ("unique", 2, "What is special and unique about the child?"),
    ("recommendations", 6, "Recommendations"),
]


def snapshot(unique="", recommendations=()):
    return {
        "unique": {"title": "What is special and unique about the child?", "text": unique},
        "recommendations": {"title": "Recommendations", "items": list(recommendations)},
    }


def rec(uuid, recommendation, reasoning="", **more):
    return {"uuid": uuid, "recommendation": recommendation, "reasoning": reasoning, **more}


def test_unchanged_sections_have_no_changes():
    same = snapshot("Amara loves drawing.", [rec("a", "Live with her gran")])
    result = compare_snapshots(same, same, SECTIONS)
    assert [s.key for s in result] == ["unique", "recommendations"]
    assert not any(s.changed for s in result)


def test_a_changed_text_shows_removed_and_added_words():
    result = compare_snapshots(
        snapshot("Amara loves drawing horses."), snapshot("Amara loves painting horses."), SECTIONS
    )
    (change,) = result[0].changes
    assert change.summary == "Changed the text"
    assert [(r.op, r.text) for r in change.runs] == [
        (KEPT, "Amara loves"),
        (REMOVED, "drawing"),
        (ADDED, "painting"),
        (KEPT, "horses."),
    ]


def test_added_removed_and_changed_recommendations_are_said_in_words():
    old = snapshot(
        recommendations=[rec("a", "Live with her gran", "She is settled"), rec("b", "See her dad")]
    )
    new = snapshot(
        recommendations=[
            rec("a", "Live with her gran", "She is settled and happy at school"),
            rec("c", "Time with her brother every week"),
        ]
    )
    summaries = [c.summary for c in compare_snapshots(old, new, SECTIONS)[1].changes]
    assert "Added a recommendation: Time with her brother every week" in summaries
    assert "Removed a recommendation: See her dad" in summaries
    assert "Changed the reasoning for the recommendation “Live with her gran”" in summaries


def test_a_yes_or_no_change_reads_as_a_sentence():
    old = snapshot(recommendations=[rec("a", "Stay at home", differs_from_wishes=False)])
    new = snapshot(recommendations=[rec("a", "Stay at home", differs_from_wishes=True)])
    (change,) = compare_snapshots(old, new, SECTIONS)[1].changes
    assert change.summary == (
        "Changed whether it differs from the child's wishes from no to yes "
        "for the recommendation “Stay at home”"
    )


def test_reordering_is_noticed():
    old = snapshot(recommendations=[rec("a", "One"), rec("b", "Two")])
    new = snapshot(recommendations=[rec("b", "Two"), rec("a", "One")])
    summaries = [c.summary for c in compare_snapshots(old, new, SECTIONS)[1].changes]
    assert summaries == ["Changed the order of the recommendations"]


def test_a_first_version_against_nothing_shows_everything_as_written():
    result = compare_snapshots({}, snapshot("Kind and funny."), SECTIONS)
    assert result[0].changes[0].summary == "Wrote the text"
    assert result[0].changes[0].runs[0].op == ADDED


def test_sections_not_named_are_walked_in_snapshot_order():
    result = compare_snapshots(
        {"a": {"title": "A", "text": "x"}}, {"a": {"title": "A", "text": "y"}}
    )
    assert result[0].title == "A" and result[0].changed


def test_nested_parts_are_compared():
    old = {
        "risks": {
            "title": "Risks",
            "parts": {"risks_remaining": "Some", "domestic_abuse_alleged": False},
        }
    }
    new = {
        "risks": {
            "title": "Risks",
            "parts": {"risks_remaining": "Some", "domestic_abuse_alleged": True},
        }
    }
    (change,) = compare_snapshots(old, new)[0].changes
    assert change.summary == "Changed whether domestic abuse is alleged from no to yes"


words = st.lists(
    st.sampled_from(["the", "child", "said", "she", "likes", "school", "dog"]), max_size=30
)


@settings(deadline=None)  # a busy test machine is not a failure
@given(words, words)
def test_a_word_diff_gives_back_both_texts(a, b):
    old, new = " ".join(a), " ".join(b)
    runs = word_diff(old, new)
    assert " ".join(r.text for r in runs if r.op != ADDED) == old
    assert " ".join(r.text for r in runs if r.op != REMOVED) == new
    # Runs never repeat the same kind twice in a row.
    assert all(x.op != y.op for x, y in zip(runs, runs[1:], strict=False))


def test_linked_records_are_counted_not_listed():
    a, b = "6f1c0a57-6a5b-4c7e-9d43-1e2f3a4b5c6d", "0d9b7a1c-2e3f-4a5b-8c6d-7e8f9a0b1c2d"
    old = {"wishes": {"title": "Wishes", "text": "", "meetings": [a]}}
    new = {"wishes": {"title": "Wishes", "text": "", "meetings": [a, b]}}
    (change,) = compare_snapshots(old, new)[0].changes
    assert change.summary == "Changed the meetings it draws on (1 added)"
    assert a not in change.summary


def test_a_response_added_to_a_share_is_said_in_words():
    share = {"uuid": "s", "recipient_name": "Jayden", "shared": True, "responses": []}
    old = {"sharing": {"title": "Sharing", "items": [share]}}
    new = {
        "sharing": {
            "title": "Sharing",
            "items": [{**share, "responses": [{"uuid": "r", "response": "I want to stay"}]}],
        }
    }
    (change,) = compare_snapshots(old, new)[0].changes
    assert change.summary == "Added a response: I want to stay (for the record of sharing “Jayden”)"


def test_the_real_snapshot_shape_reads_well():
    from together.plans.snapshot import SECTIONS

    old = {"risks": {"title": "Risks", "text": "Dad drinks", "items": []}}
    new = {
        "risks": {
            "title": "Risks",
            "text": "Dad drinks less",
            "items": [{"uuid": "h", "what": "Shouting"}],
        }
    }
    summaries = [c.summary for c in compare_snapshots(old, new, SECTIONS)[0].changes]
    assert summaries == ["Changed the risks that remain", "Added a harm: Shouting"]


def test_what_a_step_tells_the_child_is_compared_and_absent_means_not_written():
    from together.plans.snapshot import SECTIONS

    step = {"uuid": "a", "what": "Visit at home", "due_on": "2026-12-01"}
    before = {"work": {"title": "Plan of work", "items": [step]}}
    same = {"work": {"title": "Plan of work", "items": [dict(step)]}}
    after = {
        "work": {"title": "Plan of work", "items": [{**step, "for_child": "I will visit you"}]}
    }
    work = [s for s in compare_snapshots(before, same, SECTIONS) if s.key == "work"]
    assert not work or not work[0].changes
    changed = [s for s in compare_snapshots(before, after, SECTIONS) if s.key == "work"][0]
    assert "what the child is told about it" in changed.changes[0].summary
