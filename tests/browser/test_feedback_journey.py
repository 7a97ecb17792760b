"""A child tells us how it went through their link; a manager sees the answer counted."""

import pytest

from tests.accounts.factories import PASSWORD, UserFactory
from tests.feedback.factories import InvitationFactory, ResponseFactory
from tests.organisation.factories import MembershipFactory, ServiceAreaFactory, TeamFactory
from together.accounts.models import Role
from together.feedback.models import Answer, Audience, FeedbackResponse

pytestmark = pytest.mark.browser


def test_a_child_answers_and_a_manager_sees_it_counted(journey, make_user):
    area = ServiceAreaFactory()
    team = TeamFactory(service_area=area)
    fca = UserFactory(role=Role.FCA, service_area=area, given_name="Sam", family_name="Ndlovu")
    MembershipFactory(user=fca, team=team)

    def link():
        return InvitationFactory(
            fca=fca, team=team, service_area=area, audience=Audience.YOUNGER_CHILD
        )

    # Four children have already answered "Not at all", so the fifth answer makes a figure.
    for _ in range(4):
        ResponseFactory(invitation=link(), listened=Answer.NOT_AT_ALL)
    invitation = link()

    journey.goto(invitation.get_absolute_url())
    assert journey.heading() == "Tell us how it went"
    page = journey.page
    assert "Ndlovu" not in page.content()
    # Missing answers: the error summary, and nothing saved.
    journey.click("Send your answers")
    assert "There is a problem" in page.locator(".govuk-error-summary").inner_text()
    assert not FeedbackResponse.objects.filter(invitation=invitation).exists()
    # The faces are pictures; the words are the labels. Choose with a click and the keyboard.
    page.get_by_role("group", name="Did Sam listen to you?").get_by_label("Yes, a lot").check()
    page.get_by_role("group", name="Was Sam kind and fair to you?").get_by_label("Mostly").check()
    explained = page.get_by_role("group", name="Did Sam tell you what was going on?")
    explained.get_by_label("A bit").focus()
    page.keyboard.press("Space")
    page.get_by_role(
        "group", name="Did Sam tell you why they said what should happen?"
    ).get_by_label("I don't know").check()
    page.get_by_role("group", name="Could you say what you wanted to say?").get_by_label(
        "Yes, a lot"
    ).check()
    journey.fill("What could we do better?", "Come to my school again")
    journey.click("Send your answers")
    assert journey.heading() == "Thank you for telling us"
    saved = FeedbackResponse.objects.get(invitation=invitation)
    assert saved.listened == Answer.YES
    assert saved.explained == Answer.SOMETIMES
    assert saved.understood_reasons == Answer.DONT_KNOW

    manager = make_user(Role.SERVICE_MANAGER, area=area)
    journey.goto("/sign-in/")
    journey.fill("Email address", manager.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")
    journey.goto("/feedback/")
    assert journey.heading() == "What children and families told us"
    assert page.locator("#share-children").inner_text() == "20% (1 of 5)"
    assert "Come to my school again" in page.content()
