"""Starting, editing and sending letters: the services, tested directly."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from tests.letters.factories import FILLING, start_letter, welcome_letter_with_address
from together.audit.models import Action, AuditEvent
from together.children.models import TimelineEntry
from together.core.exceptions import EditConflict
from together.feedback.models import FeedbackInvitation, Source
from together.language.selectors import LanguageNotConfirmed, language_report
from together.letters import selectors, services
from together.letters.models import Kind, Letter, LetterTemplate, SentHow, Status, Style


def test_a_letter_is_filled_from_the_template_for_the_childs_age(letters_world):
    child = letters_world.child  # born 2016: 10 years old, the younger children's template
    letter = start_letter(child, letters_world.fca_allocated)
    assert letter.style == Style.YOUNGER
    assert letter.template.style == Style.YOUNGER
    assert letter.template_version == 1
    assert letter.body.startswith("Dear Jayden,")
    assert letters_world.fca_allocated.given_name in letter.body
    assert "I have two cats." in letter.body
    assert FILLING.meeting_plan in letter.body
    assert FILLING.how_to_reach_me in letter.body
    assert "{" not in letter.body
    assert letter.fca == letters_world.fca_allocated
    assert AuditEvent.objects.filter(action=Action.LETTER_CREATED, child_id=child.uuid).exists()


def test_an_ending_letter_to_a_child_carries_the_words_for_them_from_their_plan(letters_world):
    from tests.plans.factories import start_plan
    from together.plans.models import Plan

    child, fca = letters_world.child, letters_world.fca_allocated
    without = start_letter(child, fca, kind=Kind.ENDING_CHILD)
    assert services.PLAN_WORDS_LEAD_IN not in without.body  # no plan yet: nothing added
    plan = start_plan(letters_world)
    words = "I told the judge you want to live with Nanny Jo and see your dad at weekends."
    Plan.objects.filter(pk=plan.pk).update(words_for_child=words)
    letter = start_letter(child, fca, kind=Kind.ENDING_CHILD)
    body = letter.body
    assert f"{services.PLAN_WORDS_LEAD_IN}\n\n{words}" in body
    # Before the goodbye, which still ends the letter.
    assert body.index(words) < body.index("I wish you all the best")
    assert body.rstrip().endswith(fca.given_name)
    # Only the ending letter to the child carries them.
    introductory = start_letter(child, fca)
    assert words not in introductory.body


def test_an_older_child_gets_the_older_template(letters_world):
    child = letters_world.child
    child.date_of_birth = datetime.date(2011, 1, 1)
    child.save()
    assert start_letter(child, letters_world.fca_allocated).style == Style.OLDER


def test_the_plain_text_version_can_be_chosen(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated, plain=True)
    assert letter.style == Style.PLAIN


def test_a_letter_uses_the_name_the_child_uses(letters_world):
    child = letters_world.child
    child.preferred_name = "JJ"
    child.save()
    letter = start_letter(child, letters_world.fca_allocated)
    assert letter.body.startswith("Dear JJ,")
    assert letter.recipient_name == "JJ"


def test_starting_a_letter_makes_its_feedback_link(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    invitation = FeedbackInvitation.objects.get(source=Source.LETTER, source_id=letter.uuid)
    assert invitation.child == letters_world.child
    assert invitation.audience == "younger_child"
    assert selectors.invitation_for(letter) == invitation


def test_a_placeholder_with_nothing_to_fill_it_names_it_and_saves_nothing(letters_world):
    fca = letters_world.fca_allocated
    fca.about_me = ""
    fca.save()
    with pytest.raises(services.PlaceholderError) as error:
        start_letter(letters_world.child, fca)
    assert error.value.name == "fca_about_me"
    assert "{fca_about_me}" in error.value.messages[0]
    assert not Letter.objects.exists()
    assert not FeedbackInvitation.objects.exists()


def test_a_meeting_plan_left_empty_is_named(letters_world):
    with pytest.raises(services.PlaceholderError) as error:
        services.letter_start(
            by=letters_world.fca_allocated,
            child=letters_world.child,
            kind=Kind.INTRODUCTORY_CHILD,
            filling=services.Filling(how_to_reach_me="Call me"),
        )
    assert error.value.name == "meeting_plan"
    assert not Letter.objects.exists()


def test_an_unknown_placeholder_in_a_template_is_named_and_nothing_is_saved(letters_world):
    template = LetterTemplate.objects.get(
        kind=Kind.INTRODUCTORY_CHILD, style=Style.YOUNGER, service_area__isnull=True
    )
    LetterTemplate.objects.filter(pk=template.pk).update(body="Dear {child_name}, {favourite_food}")
    with pytest.raises(services.PlaceholderError) as error:
        start_letter(letters_world.child, letters_world.fca_allocated)
    assert error.value.name == "favourite_food"
    assert "{favourite_food}" in error.value.messages[0]
    assert not Letter.objects.exists()
    assert not FeedbackInvitation.objects.exists()


def test_a_template_with_an_unknown_placeholder_cannot_be_saved(letters_world):
    with pytest.raises(services.PlaceholderError):
        services.letter_template_create(
            by=letters_world.manager_area,
            kind=Kind.INTRODUCTORY_CHILD,
            style=Style.YOUNGER,
            title="Ours",
            body="Hello {nickname}",
            service_area=letters_world.area,
        )
    assert not LetterTemplate.objects.filter(service_area=letters_world.area).exists()


def test_changing_a_template_makes_a_new_version_and_old_letters_keep_theirs(letters_world):
    first = start_letter(letters_world.child, letters_world.fca_allocated)
    old = first.template
    new = services.letter_template_update(
        by=letters_world.national, template=old, title=old.title, body="Hi {child_name}."
    )
    old.refresh_from_db()
    assert (new.version, new.family, new.is_current) == (2, old.family, True)
    assert not old.is_current
    second = start_letter(letters_world.child, letters_world.fca_allocated)
    assert second.template == new and second.template_version == 2
    assert second.body == "Hi Jayden."
    first.refresh_from_db()
    assert first.template_version == 1
    assert AuditEvent.objects.filter(action=Action.LETTER_TEMPLATE_CHANGED).exists()


def test_a_service_area_template_is_used_before_the_national_one(letters_world):
    services.letter_template_create(
        by=letters_world.manager_area,
        kind=Kind.INTRODUCTORY_CHILD,
        style=Style.YOUNGER,
        title="Hello from Leeds",
        body="Hello {child_name}, from {fca_first_name} in Leeds.",
        service_area=letters_world.area,
    )
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    assert "in Leeds" in letter.body


def test_a_letter_to_a_parent_needs_a_parent_or_carer_of_the_child(letters_world):
    mum = ConnectionFactory(child=letters_world.child, relationship="mother").person
    stranger = FamilyMemberFactory()
    letter = start_letter(
        letters_world.child, letters_world.fca_allocated, Kind.WELCOME_PARENT, mum
    )
    assert letter.body.startswith(f"Dear {mum.given_name},")
    assert letter.style == Style.ADULT
    with pytest.raises(ValidationError):
        start_letter(
            letters_world.child, letters_world.fca_allocated, Kind.WELCOME_PARENT, stranger
        )


def test_each_edit_of_a_letter_is_kept_with_who_made_it(letters_world):
    fca, supervisor = letters_world.fca_allocated, letters_world.supervisor_team
    letter = start_letter(letters_world.child, fca)
    services.letter_update(by=supervisor, letter=letter, version=1, body="Dear Jayden, hello.")
    services.letter_update(by=fca, letter=letter, version=2, body="Dear Jayden, hello again.")
    kept = list(letter.history.order_by("history_date", "history_id"))
    assert [(record.history_type, record.history_user) for record in kept] == [
        ("+", fca),
        ("~", supervisor),
        ("~", fca),
    ]
    assert kept[0].body.startswith("Dear Jayden,") and "I have two cats." in kept[0].body
    assert [record.body for record in kept[1:]] == [
        "Dear Jayden, hello.",
        "Dear Jayden, hello again.",
    ]
    assert [record.version for record in kept] == [1, 2, 3]


def test_a_refused_edit_leaves_no_history(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    with pytest.raises(ValidationError):
        services.letter_update(by=letters_world.supervisor_team, letter=letter, version=1, body="")
    assert letter.history.count() == 1


def test_an_edit_on_an_old_version_is_refused(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    services.letter_update(
        by=letters_world.fca_allocated, letter=letter, version=1, body="First change."
    )
    with pytest.raises(EditConflict):
        services.letter_update(
            by=letters_world.supervisor_team, letter=letter, version=1, body="Second change."
        )
    letter.refresh_from_db()
    assert letter.body == "First change."


def test_an_empty_letter_is_refused(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    with pytest.raises(ValidationError):
        services.letter_update(by=letters_world.fca_allocated, letter=letter, version=1, body="  ")
    letter.refresh_from_db()
    assert letter.body.startswith("Dear Jayden") and letter.version == 1


def test_a_video_link_must_be_https(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    with pytest.raises(ValidationError):
        services.letter_update(
            by=letters_world.fca_allocated,
            letter=letter,
            version=1,
            body="Hello",
            video_url="http://example.org/me.mp4",
        )
    letter.refresh_from_db()
    assert letter.video_url == "" and letter.version == 1


def _send(letter, by, **extra):
    fields = {
        "version": letter.version,
        "sent_on": timezone.localdate(),
        "sent_how": SentHow.HANDED,
        "sent_to": "Jayden",
        **extra,
    }
    return services.letter_mark_sent(by=by, letter=letter, **fields)


def test_a_letter_with_unresolved_findings_cannot_be_sent(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    letter = services.letter_update(
        by=letters_world.fca_allocated,
        letter=letter,
        version=1,
        body="Dear Jayden, I will write a section 7 report about contact for the court.",
    )
    with pytest.raises(LanguageNotConfirmed):
        _send(letter, letters_world.fca_allocated)
    letter.refresh_from_db()
    assert letter.status == Status.DRAFT


def test_a_letter_is_sent_once_each_finding_is_confirmed_with_a_reason(letters_world):
    from together.language.services import language_confirmation_record

    fca = letters_world.fca_allocated
    letter = start_letter(letters_world.child, fca)
    letter = services.letter_update(
        by=fca, letter=letter, version=1, body="Dear Jayden, I will write a report about contact."
    )
    reader = selectors.reader_for(letter)
    report = language_report(document=letter, text=letter.body, reader=reader)
    assert report.unresolved
    language_confirmation_record(
        by=fca,
        document=letter,
        text=letter.body,
        reader=reader,
        reasons={item.key: "Jayden knows this word" for item in report.unresolved},
    )
    sent = _send(letter, fca)
    assert sent.status == Status.SENT and sent.sent_how == SentHow.HANDED
    assert AuditEvent.objects.filter(action=Action.LETTER_SENT, object_id=str(letter.uuid))
    assert TimelineEntry.objects.filter(
        child=letters_world.child, summary__startswith="Introductory letter to a child sent"
    ).exists()
    assert selectors.children_with_introductory_letter([letters_world.child.pk]) == {
        letters_world.child.pk
    }


def test_a_clean_template_letter_is_sent_without_confirming_anything(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    assert _send(letter, letters_world.fca_allocated).status == Status.SENT


def test_a_send_date_in_the_future_is_refused(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    with pytest.raises(ValidationError):
        _send(
            letter,
            letters_world.fca_allocated,
            sent_on=timezone.localdate() + datetime.timedelta(days=2),
        )
    letter.refresh_from_db()
    assert letter.status == Status.DRAFT
    assert not AuditEvent.objects.filter(action=Action.LETTER_SENT).exists()


def test_a_send_date_before_the_letter_was_started_is_refused(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    with pytest.raises(ValidationError):
        _send(
            letter,
            letters_world.fca_allocated,
            sent_on=timezone.localdate() - datetime.timedelta(days=3),
        )


def test_a_sent_letter_cannot_be_changed(letters_world):
    letter = _send(
        start_letter(letters_world.child, letters_world.fca_allocated), letters_world.fca_allocated
    )
    with pytest.raises(ValidationError):
        services.letter_update(
            by=letters_world.fca_allocated, letter=letter, version=letter.version, body="New"
        )


# --- confidential addresses -------------------------------------------------------------------


def test_a_confidential_address_is_never_printed_and_the_fca_is_told(letters_world):
    _, letter = welcome_letter_with_address(
        letters_world,
        "mother",
        address="1 Hidden Lane\nLeeds LS1 1AA",
        address_confidential=True,
    )
    block = services.address_block(letter)
    assert block.withheld and block.lines == []
    text = _pdf_text(services.letter_pdf(letter))
    assert "Hidden Lane" not in text
    assert "LS1 1AA" not in text


def test_an_address_that_is_not_confidential_is_printed_for_posting(letters_world):
    _, letter = welcome_letter_with_address(
        letters_world, "father", address="7 Open Road\nLeeds LS2 2BB"
    )
    assert "7 Open Road" in _pdf_text(services.letter_pdf(letter))


def test_a_letter_holding_a_confidential_address_is_refused(letters_world):
    mum = FamilyMemberFactory(address="1 Hidden Lane\nLeeds LS1 1AA", address_confidential=True)
    ConnectionFactory(child=letters_world.child, person=mum, relationship="mother")
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    with pytest.raises(services.ConfidentialAddressError) as error:
        services.letter_update(
            by=letters_world.fca_allocated,
            letter=letter,
            version=1,
            body="Dear Jayden, your mum lives at 1 hidden lane now.",
        )
    assert "confidential" in error.value.messages[0]
    letter.refresh_from_db()
    assert "hidden lane" not in letter.body.lower()
    # Even if the words got there some other way, no PDF or web version is made of them.
    Letter.objects.filter(pk=letter.pk).update(body="Your mum is at 1 Hidden Lane.")
    letter.refresh_from_db()
    with pytest.raises(services.ConfidentialAddressError):
        services.letter_pdf(letter)
    with pytest.raises(services.ConfidentialAddressError):
        services.letter_document(letter)


def _pdf_text(pdf: bytes) -> str:
    import io

    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_advisers_own_name_is_never_flagged_in_their_letter(letters_world):
    fca = letters_world.fca_allocated
    fca.given_name, fca.family_name = "Zebedee", "Quillfeather"
    fca.save()
    letter = start_letter(letters_world.child, fca)
    report = language_report(document=letter, text=letter.body, reader=selectors.reader_for(letter))
    assert "Zebedee" in letter.body
    assert not [item for item in report.items if "Zebedee" in item.words]
