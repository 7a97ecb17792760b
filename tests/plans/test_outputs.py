"""The plan's sharing page, "How our thinking changed" and the printed versions, through the
pages a person uses."""

import datetime
import io

import pypdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from tests.plans.factories import plan_page, start_plan, write_every_section
from tests.proceedings.factories import HearingFactory
from together.audit.models import Action, AuditEvent
from together.plans import services
from together.plans.models import PlanStatus, RecipientKind, ShareMethod
from together.plans.services.sharing import plan_share_record
from together.plans.snapshot import SECTIONS

TODAY = timezone.localdate()


page = plan_page


@pytest.fixture
def plan(world):
    return write_every_section(start_plan(world), world.fca_allocated)


@pytest.fixture
def fca(client, world):
    client.force_login(world.fca_allocated)
    return client


def _date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


# Sharing and responses -------------------------------------------------------------------------


def test_the_fca_records_sharing_with_a_parent_and_sees_it_listed(fca, world, plan):
    mum = FamilyMemberFactory(given_name="Rosa", family_name="Lee")
    ConnectionFactory(child=world.child, person=mum, relationship="mother")
    before = fca.get(page(world, "sharing/")).content.decode()
    assert "Not recorded yet" in before and "Rosa Lee (mother)" in before
    form = fca.get(page(world, "sharing/record/")).content.decode()
    assert "Rosa Lee (mother)" in form
    response = fca.post(
        page(world, "sharing/record/"),
        {
            "recipient": f"parent:{mum.uuid}",
            "shared": "yes",
            **_date("shared_on", TODAY),
            "method": ShareMethod.POST,
            "version": plan.version,
        },
    )
    assert response.status_code == 302
    listing = fca.get(page(world, "sharing/")).content.decode()
    assert "Sharing with Rosa Lee has been recorded" in listing
    assert "Rosa Lee (mother)" not in listing.split("Not recorded yet")[-1].split("Recorded")[0]
    assert "post" in listing


def test_a_share_with_missing_answers_shows_the_error_summary_and_saves_nothing(fca, world, plan):
    response = fca.post(page(world, "sharing/record/"), {"version": plan.version})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Choose who this is about" in body and "Say whether it was shared" in body
    response = fca.post(
        page(world, "sharing/record/"),
        {"recipient": "child", "shared": "no", "version": plan.version},
    )
    assert "Explain why it was not shared" in response.content.decode()
    future = fca.post(
        page(world, "sharing/record/"),
        {
            "recipient": "child",
            "shared": "yes",
            **_date("shared_on", TODAY + datetime.timedelta(days=2)),
            "method": ShareMethod.IN_PERSON,
            "version": plan.version,
        },
    )
    assert "must be today or in the past" in future.content.decode()
    assert not plan.shares.exists()


def test_a_stale_share_keeps_what_was_typed_and_says_why(fca, world, plan):
    response = fca.post(
        page(world, "sharing/record/"),
        {
            "recipient": "local_authority",
            "recipient_name": "Sam Patel, social worker",
            "shared": "yes",
            **_date("shared_on", TODAY),
            "method": ShareMethod.SECURE_EMAIL,
            "version": plan.version - 1,
        },
    )
    body = response.content.decode()
    assert "Someone else changed the plan" in body
    assert "Sam Patel, social worker" in body
    assert f'value="{plan.version}"' in body
    assert not plan.shares.exists()


def test_the_fca_records_the_childs_response_to_the_recommendations(fca, world, plan):
    share = plan_share_record(
        by=world.fca_allocated,
        plan=plan,
        recipient_kind=RecipientKind.CHILD,
        shared=True,
        shared_on=TODAY,
        method=ShareMethod.IN_PERSON,
    )
    response = fca.post(
        page(world, f"sharing/{share.uuid}/response/"),
        {
            "response": "I want to see my dad more than that.",
            "about_recommendations": "yes",
            **_date("recorded_on", TODAY),
            "version": plan.version,
        },
    )
    assert response.status_code == 302
    listing = fca.get(page(world, "sharing/")).content.decode()
    assert "I want to see my dad more than that." in listing
    assert "about the recommendations" in listing
    assert share.responses.get().about_recommendations


def test_a_reader_sees_the_sharing_page_without_the_forms(client, world, plan):
    client.force_login(world.supervisor_team)
    body = client.get(page(world, "sharing/")).content.decode()
    assert "Sharing and responses" in body
    assert "Record sharing" not in body


# How our thinking changed ------------------------------------------------------------------


def test_the_comparison_defaults_to_the_last_change_and_shows_it_in_words(fca, world, plan):
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="strengths",
        family_strengths="Grandma helps every day and dad cooks on Sundays",
    )
    body = fca.get(page(world, "changes/")).content.decode()
    assert f"From version {plan.version - 1} to version {plan.version}" in body
    assert "Changed the text" in body
    assert (
        '<ins><span class="govuk-visually-hidden">added: </span>and dad cooks on Sundays</ins>'
        in body
    )
    assert "Every version" in body and "Started the plan" in body
    assert ">About me</a>" in body  # the file's sub-navigation is still there


def test_any_two_versions_can_be_compared(fca, world, plan):
    body = fca.get(page(world, "changes/?from=1&to=" + str(plan.version))).content.decode()
    assert "Added a recommendation: Live with mum and see dad every other weekend" in body
    assert "Added a harm: Shouting at home late at night" in body
    nonsense = fca.get(page(world, "changes/?from=999&to=abc"))
    assert nonsense.status_code == 200
    assert "Choose versions from the list" in nonsense.content.decode()


def test_what_people_typed_shows_on_the_comparison_as_they_typed_it(fca, world, plan):
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="strengths",
        family_strengths="Nan says <b>hello</b> & waves",
    )
    plan_share_record(
        by=world.fca_allocated,
        plan=plan,
        recipient_kind=RecipientKind.OTHER_PROFESSIONAL,
        recipient_name="Dr <i>Ray</i>",
        shared=False,
        not_shared_reason="Not yet",
    )
    body = fca.get(
        page(world, f"changes/?from={plan.version - 2}&to={plan.version - 1}")
    ).content.decode()
    assert (
        '<ins><span class="govuk-visually-hidden">added: </span>'
        "Nan says &lt;b&gt;hello&lt;/b&gt; &amp; waves</ins>"
    ) in body
    assert "Recorded not sharing with Dr &lt;i&gt;Ray&lt;/i&gt;" in body
    assert "<b>hello" not in body and "<i>Ray" not in body


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_comparison_takes_the_same_number_of_queries_whatever_the_number_of_versions(
    fca, world, plan
):
    fca.get(page(world, "changes/"))  # the first page of a session does more (session, caches)
    few = _queries(fca, page(world, "changes/"))
    for n in range(15):
        services.plan_section_save(
            by=world.fca_allocated,
            plan=plan,
            version=plan.version,
            section="impact",
            impact_on_child=f"Finds it hard to sleep, week {n}",
        )
    assert _queries(fca, page(world, "changes/")) == few


# Printing -------------------------------------------------------------------------------------


def _pdf(response) -> pypdf.PdfReader:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    return pypdf.PdfReader(io.BytesIO(response.content))


def _text(reader) -> str:
    return "\n".join(p.extract_text() for p in reader.pages)


def test_printing_asks_why_first(fca, world, plan):
    body = fca.get(page(world, "print/child.pdf")).content.decode()
    assert "Why are you printing this?" in body
    refused = fca.post(page(world, "print/child.pdf"), {"reason": "other"})
    assert "Say why you are printing this" in refused.content.decode()
    assert not AuditEvent.objects.filter(action=Action.DOCUMENT_PRINTED).exists()


def test_the_childs_version_is_in_the_childs_words_tagged_and_logged(fca, world, plan):
    HearingFactory(
        proceedings=world.proceedings,
        starts_at=timezone.now() + datetime.timedelta(days=20),
    )
    reader = _pdf(fca.post(page(world, "print/child.pdf"), {"reason": "child"}))
    text = _text(reader)
    assert "Your plan, Jayden" in text
    assert "Live with mum and see dad every other weekend" in text
    assert "You will live with mum. You will see dad on Saturdays." in text
    assert f"My name is {world.fca_allocated.given_name}" in text
    assert "Talk to the school" not in text  # the FCA's own work
    assert "The judge will meet on" in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    event = AuditEvent.objects.get(action=Action.DOCUMENT_PRINTED)
    assert event.detail["what"] == "child's version"
    assert event.reason == "For the child"
    assert event.child_id == world.child.uuid


def test_large_print_is_bigger(fca, world, plan):
    standard = _pdf(fca.post(page(world, "print/child.pdf"), {"reason": "child"}))
    large = _pdf(
        fca.post(page(world, "print/child.pdf?size=large"), {"reason": "child", "size": "large"})
    )
    assert len(large.pages) > len(standard.pages)
    assert AuditEvent.objects.filter(detail__what="child's version, large print").exists()


def test_the_professional_version_has_every_section_page_numbers_and_the_version(fca, world, plan):
    reader = _pdf(
        fca.post(
            page(world, "print/professional.pdf"),
            {"reason": "other", "reason_other": "For the team meeting"},
        )
    )
    text = _text(reader)
    for _key, number, title in SECTIONS:
        assert f"{number}. {title}" in text
    assert "Page 1 of" in text
    assert f"Version {plan.version}," in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    event = AuditEvent.objects.get(action=Action.DOCUMENT_PRINTED)
    assert event.reason == "Something else: For the team meeting"


def test_no_printed_version_shows_a_confidential_address(fca, world, plan):
    mum = FamilyMemberFactory(
        given_name="Rosa", address="14 Hidden Lane, Northtown", address_confidential=True
    )
    ConnectionFactory(child=world.child, person=mum, relationship="mother")
    plan_share_record(
        by=world.fca_allocated,
        plan=plan,
        recipient_kind=RecipientKind.PARENT_CARER,
        family_member=mum,
        shared=True,
        shared_on=TODAY,
        method=ShareMethod.POST,
    )
    for address, data in [
        ("print/child.pdf", {"reason": "child"}),
        ("print/professional.pdf", {"reason": "court"}),
    ]:
        text = _text(_pdf(fca.post(page(world, address), data)))
        assert "Hidden Lane" not in text
    web = fca.post(page(world, "print/child/"), {"reason": "child"}).content.decode()
    assert "Hidden Lane" not in web


def test_the_childs_version_as_a_page_to_print(fca, world, plan):
    response = fca.post(page(world, "print/child/"), {"reason": "local_authority"})
    body = response.content.decode()
    assert "Your plan, Jayden" in body
    assert "You will live with mum. You will see dad on Saturdays." in body
    event = AuditEvent.objects.get(action=Action.DOCUMENT_PRINTED)
    assert event.detail["format"] == "web page"
    assert event.reason == "For the local council"


def test_a_draft_says_it_may_change(fca, world, plan):
    body = fca.post(page(world, "print/child/"), {"reason": "child"}).content.decode()
    assert plan.status == PlanStatus.DRAFT
    assert "This is a draft" in body


# The child's version names people as the child does, and shows only steps written for them ----


@pytest.fixture
def chloes_people(world):
    deborah = FamilyMemberFactory(given_name="Deborah", family_name="Fowler")
    antony = FamilyMemberFactory(given_name="Antony", family_name="Fowler")
    ConnectionFactory(
        child=world.child,
        person=deborah,
        relationship="aunt_uncle",
        child_calls_them="Auntie Deborah",
    )
    ConnectionFactory(
        child=world.child, person=antony, relationship="father", child_calls_them="Daddy"
    )


def _write_for_the_child(world, plan):
    by = world.fca_allocated
    services.plan_section_save(
        by=by,
        plan=plan,
        version=plan.version,
        section="words",
        words_for_child="You will live with Deborah Fowler. You will see Antony.",
    )
    services.plan_section_save(
        by=by,
        plan=plan,
        version=plan.version,
        section="wishes",
        wishes_and_feelings="Jayden said: Antony is fun.",
    )
    services.activity_save(
        by=by,
        plan=plan,
        version=plan.version,
        what="Meet Jayden after the hearing to explain what the judge decided",
        who=by,
        due_on=TODAY - datetime.timedelta(days=30),
    )
    services.activity_save(
        by=by,
        plan=plan,
        version=plan.version,
        what="Visit Jayden at home with the storyboard",
        who=by,
        due_on=TODAY + datetime.timedelta(days=9),
        for_child="I will come to see you and Antony with a storyboard of your plan.",
    )


def test_the_childs_version_names_people_as_the_child_does(fca, world, plan, chloes_people):
    _write_for_the_child(world, plan)
    web = fca.post(page(world, "print/child/"), {"reason": "child"}).content.decode()
    pdf = _text(_pdf(fca.post(page(world, "print/child.pdf"), {"reason": "child"})))
    large = _text(
        _pdf(
            fca.post(
                page(world, "print/child.pdf?size=large"), {"reason": "child", "size": "large"}
            )
        )
    )
    for text in (web, " ".join(pdf.split()), " ".join(large.split())):
        assert "You will live with Auntie Deborah. You will see Daddy." in text
        assert "Deborah Fowler" not in text
        assert "I will come to see you and Daddy with a storyboard of your plan." in text
        # The child's own words stay as the child said them.
        assert "Antony is fun" in text
        # The FCA's own tasks are not the child's to read.
        assert "Meet Jayden after the hearing" not in text
        assert "Talk to the school" not in text
