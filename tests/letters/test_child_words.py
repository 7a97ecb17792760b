"""Letters to a child: people named as the child names them, and the child's own words, quoted,
left as they said them by the language check."""

from django.utils import timezone

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from tests.letters.factories import start_letter
from together.language.selectors import language_report
from together.letters import selectors, services
from together.letters.models import Kind, SentHow, Status


def test_a_letter_to_a_child_names_people_as_the_child_does(letters_world):
    from tests.plans.factories import start_plan
    from together.plans.models import Plan

    child, fca = letters_world.child, letters_world.fca_allocated
    deborah = FamilyMemberFactory(given_name="Deborah", family_name="Fowler")
    ConnectionFactory(
        child=child, person=deborah, relationship="aunt_uncle", child_calls_them="Auntie Deborah"
    )
    antony = FamilyMemberFactory(given_name="Antony", family_name="Fowler")
    ConnectionFactory(child=child, person=antony, relationship="father", child_calls_them="Daddy")
    plan = start_plan(letters_world)
    Plan.objects.filter(pk=plan.pk).update(
        words_for_child="You will live with Deborah Fowler. You will see Antony."
    )
    ending = start_letter(child, fca, kind=Kind.ENDING_CHILD)
    assert "You will live with Auntie Deborah. You will see Daddy." in ending.body
    assert "Deborah Fowler" not in ending.body
    filling = services.Filling(
        meeting_plan="I will visit you at Deborah Fowler's house.",
        how_to_reach_me="Ask Antony to ring me.",
    )
    hello = services.letter_start(
        by=fca, child=child, token=None, kind=Kind.INTRODUCTORY_CHILD, filling=filling
    )
    assert "I will visit you at Auntie Deborah's house." in hello.body
    assert "Ask Daddy to ring me." in hello.body


def test_a_letter_with_jargon_only_in_the_childs_quoted_words_is_sent_without_confirming(
    letters_world,
):
    fca = letters_world.fca_allocated
    letter = start_letter(letters_world.child, fca)
    body = "Dear Jayden, you told me “I do not want a contact order”. I will tell the judge."
    letter = services.letter_update(by=fca, letter=letter, version=1, body=body)
    report = language_report(document=letter, text=letter.body, reader=selectors.reader_for(letter))
    assert report.ready and not report.items
    sent = services.letter_mark_sent(
        by=fca,
        letter=letter,
        version=letter.version,
        sent_on=timezone.localdate(),
        sent_how=SentHow.HANDED,
        sent_to="Jayden",
    )
    assert sent.status == Status.SENT
    # The same word outside the child's words is still the FCA's to change or explain.
    other = start_letter(letters_world.child, fca)
    other = services.letter_update(
        by=fca, letter=other, version=1, body="Dear Jayden, the contact order says you see Dad."
    )
    assert language_report(
        document=other, text=other.body, reader=selectors.reader_for(other)
    ).unresolved
