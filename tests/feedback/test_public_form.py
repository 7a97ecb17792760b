"""The public feedback form at /f/<token>: no sign-in, one answer per link, nothing given away."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.children.factories import ChildFactory
from together.feedback.models import Answer, Audience, FeedbackResponse

from .factories import InvitationFactory, ResponseFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "listened": "5",
    "respected": "4",
    "explained": "0",
    "understood_reasons": "3",
    "could_say": "5",
    "do_better": "Tell me sooner",
    "anything_else": "",
}


@pytest.fixture
def invitation():
    child = ChildFactory(
        preferred_name="Jayden", legal_given_names="Jayden", legal_family_name="Okonkwo-Smith"
    )
    fca = UserFactory(role="fca", given_name="Samira", family_name="Blackwood")
    return InvitationFactory(child=child, fca=fca, audience=Audience.YOUNGER_CHILD)


def _body(response) -> str:
    text = response.content.decode()
    # The only thing allowed to differ between two requests: the CSRF token, if any.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)


def test_the_form_opens_without_signing_in_and_shows_only_the_fca_first_name(client, invitation):
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Samira" in page
    assert "Did Samira listen to you?" in page
    for secret in ("Blackwood", "Jayden", "Okonkwo", invitation.child.legal_family_name):
        assert secret not in page
    assert "I don&#x27;t know" in page or "I don't know" in page
    assert "<svg" in page  # faces for a younger child
    assert response["Cache-Control"].startswith("max-age=0")
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    ("audience", "question"),
    [
        (Audience.OLDER_CHILD, "Did you feel Sam listened to you?"),
        (Audience.PARENT_CARER, "Did you understand the reasons for Sam&#x27;s advice"),
        (Audience.PROFESSIONAL, "Did you understand the reasons for Sam&#x27;s recommendations"),
    ],
)
def test_each_audience_gets_its_own_wording(client, audience, question):
    invitation = InvitationFactory(audience=audience, fca=UserFactory(given_name="Sam"))
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert question in page
    assert ("<svg" in page) is (audience == Audience.OLDER_CHILD)


def test_answers_are_saved_and_the_thank_you_page_follows(client, invitation):
    response = client.post(invitation.get_absolute_url(), GOOD)
    assert response.status_code == 303
    assert response["Location"] == f"/f/{invitation.token}/thanks"
    saved = FeedbackResponse.objects.get()
    assert saved.listened == Answer.YES
    assert saved.explained == Answer.DONT_KNOW
    assert saved.fca == invitation.fca
    assert saved.audience == Audience.YOUNGER_CHILD
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert b"govuk-panel--confirmation" in thanks.content
    assert b"Change your answers" in thanks.content


def test_a_missing_answer_shows_the_error_summary_and_saves_nothing(client, invitation):
    response = client.post(invitation.get_absolute_url(), {**GOOD, "listened": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_listened"' in page
    assert not FeedbackResponse.objects.exists()


def test_long_text_is_refused_with_a_clear_message(client, invitation):
    response = client.post(invitation.get_absolute_url(), {**GOOD, "do_better": "a" * 2001})
    assert response.status_code == 400
    assert "Write 2,000 characters or fewer" in response.content.decode()
    assert not FeedbackResponse.objects.exists()


def test_script_is_stored_as_typed_and_shown_escaped(client, invitation, make_user):
    script = "<script>alert(1)</script>"
    client.post(invitation.get_absolute_url(), {**GOOD, "anything_else": script})
    assert FeedbackResponse.objects.get().anything_else == script
    national = make_user("national_performance")
    client.force_login(national)
    page = client.get("/feedback/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert script not in page


def test_the_same_browser_may_change_the_answers_within_the_hour(client, invitation):
    client.post(invitation.get_absolute_url(), GOOD)
    form = client.get(invitation.get_absolute_url())
    assert form.status_code == 200
    assert b"You are changing the answers you sent" in form.content
    response = client.post(invitation.get_absolute_url(), {**GOOD, "listened": "1", "version": "1"})
    assert response.status_code == 303
    saved = FeedbackResponse.objects.get()
    assert saved.listened == Answer.NOT_AT_ALL
    assert saved.version == 2


def test_another_browser_is_told_thank_you_and_changes_nothing(client, invitation):
    from django.test import Client

    client.post(invitation.get_absolute_url(), GOOD)
    other = Client()
    page = other.get(invitation.get_absolute_url())
    assert page.status_code == 200
    assert b"You have already told us, thank you" in page.content
    other.post(invitation.get_absolute_url(), {**GOOD, "listened": "1"})
    assert FeedbackResponse.objects.get().listened == Answer.YES


def test_after_the_hour_the_same_browser_is_told_thank_you_too(client, invitation):
    client.post(invitation.get_absolute_url(), GOOD)
    FeedbackResponse.objects.update(answered_at=timezone.now() - datetime.timedelta(hours=2))
    page = client.get(invitation.get_absolute_url())
    assert b"You have already told us, thank you" in page.content


def test_unknown_expired_and_malformed_links_give_the_same_404(client, invitation):
    expired = InvitationFactory(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    unknown = client.get("/f/" + "A" * 32)
    gone = client.get(expired.get_absolute_url())
    malformed = client.get("/f/not a token!")
    assert unknown.status_code == gone.status_code == malformed.status_code == 404
    assert _body(unknown) == _body(gone) == _body(malformed)
    assert b'<h1 class="govuk-heading-l">This link does not work</h1>' in unknown.content
    # Posting to a link that does not work saves nothing and answers the same.
    posted = client.post(expired.get_absolute_url(), GOOD)
    assert posted.status_code == 404
    assert _body(posted) == _body(unknown)
    assert not FeedbackResponse.objects.exists()


def test_a_missing_csrf_token_gives_a_plain_page_and_saves_nothing(invitation):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(invitation.get_absolute_url(), GOOD)
    assert response.status_code == 403
    assert b"Your answers were not sent" in response.content
    assert b"sign in" not in response.content.lower()
    assert not FeedbackResponse.objects.exists()


def test_a_stale_csrf_token_gives_the_same_plain_page(invitation):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.get(invitation.get_absolute_url())  # the browser has a CSRF cookie
    stale = {**GOOD, "csrfmiddlewaretoken": "x" * 64}
    response = strict.post(invitation.get_absolute_url(), stale)
    assert response.status_code == 403
    assert b"Your answers were not sent" in response.content
    assert not FeedbackResponse.objects.exists()


def test_a_post_without_a_csrf_token_to_a_link_that_does_not_work_gets_the_404(invitation):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    expired = InvitationFactory(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = strict.post(expired.get_absolute_url(), GOOD)
    assert response.status_code == 404
    assert b'<h1 class="govuk-heading-l">This link does not work</h1>' in response.content


def test_the_form_works_with_csrf_checks_on(invitation):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = strict.get(invitation.get_absolute_url()).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(invitation.get_absolute_url(), {**GOOD, "csrfmiddlewaretoken": token})
    assert response.status_code == 303


def test_too_many_posts_from_one_address_are_refused(client, settings):
    settings.TOGETHER_FEEDBACK_RATE = "3/m"
    links = [InvitationFactory() for _ in range(4)]
    statuses = [client.post(link.get_absolute_url(), GOOD).status_code for link in links]
    assert statuses == [303, 303, 303, 429]
    assert FeedbackResponse.objects.count() == 3


def test_behind_a_proxy_the_limit_counts_each_person_not_the_proxy(client, settings):
    # The proxy's own address is the same for everyone; the person is the address it forwards.
    settings.TOGETHER_FEEDBACK_RATE = "3/m"
    settings.TOGETHER_TRUSTED_PROXIES = 1
    links = [InvitationFactory() for _ in range(8)]
    people = [
        client.post(
            link.get_absolute_url(),
            GOOD,
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n, link in enumerate(links[:5])
    ]
    assert people == [303] * 5
    one_person = [
        client.post(
            link.get_absolute_url(),
            GOOD,
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        ).status_code
        for link in links[5:]
    ]
    assert one_person == [303, 303, 303][: len(one_person)]
    extra = InvitationFactory()
    refused = client.post(
        extra.get_absolute_url(), GOOD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert refused.status_code == 429


def test_a_second_answer_to_a_used_link_is_not_saved(invitation):
    ResponseFactory(invitation=invitation)
    from together.core.exceptions import EditConflict
    from together.feedback.services import feedback_response_record

    with pytest.raises(EditConflict):
        feedback_response_record(invitation=invitation, **GOOD)
    assert FeedbackResponse.objects.count() == 1


@pytest.mark.parametrize("audience", list(Audience))
def test_the_thank_you_page_always_says_where_a_child_can_get_help_now(client, audience):
    invitation = InvitationFactory(audience=audience)
    done = client.post(invitation.get_absolute_url(), GOOD)
    page = client.get(done["Location"]).content.decode()
    assert "If you feel unsafe" in page
    assert "You can talk to Childline. Call 0800 1111." in page
    assert "If you are in danger now, call 999." in page
    # And when the link is opened again, elsewhere, after it was answered.
    client.cookies.clear()
    again = client.get(invitation.get_absolute_url()).content.decode()
    assert "You have already told us" in again
    assert "You can talk to Childline. Call 0800 1111." in again
