"""A member of staff changes the details they share with children and families."""

from django.urls import reverse

from together.audit.models import Action, AuditEvent

URL = reverse("accounts:profile")


def test_staff_member_saves_their_pronouns_and_about_me(client, fca):
    client.force_login(fca)
    response = client.post(
        URL, {"pronouns": "she/her", "about_me": "I like collecting shells.", "version": 1}
    )
    assert response.status_code == 302
    page = client.get(URL).content.decode()
    assert "Your details have been saved" in page
    assert "I like collecting shells." in page
    fca.refresh_from_db()
    assert (fca.pronouns, fca.version) == ("she/her", 2)
    event = AuditEvent.objects.get(action=Action.PROFILE_UPDATED)
    assert event.detail == {"fields": ["about_me", "pronouns"]}


def test_too_long_about_me_is_refused_with_a_message_and_nothing_saved(client, fca):
    client.force_login(fca)
    response = client.post(URL, {"pronouns": "", "about_me": "x" * 601, "version": 1})
    page = response.content.decode()
    assert "There is a problem" in page
    assert "About you must be 600 characters or fewer" in page
    fca.refresh_from_db()
    assert fca.about_me == "" and fca.version == 1


def test_two_windows_editing_at_once_never_silently_overwrite(client, fca):
    client.force_login(fca)
    client.post(URL, {"pronouns": "they/them", "about_me": "First window.", "version": 1})
    stale = client.post(URL, {"pronouns": "he/him", "about_me": "Second window.", "version": 1})
    page = stale.content.decode()
    assert stale.status_code == 200
    assert "changed in another window or by someone else" in page
    assert "First window." in page  # what is saved now is shown
    assert "Second window." in page  # and what they typed is kept
    fca.refresh_from_db()
    assert fca.about_me == "First window."
    # Having seen the other change, saving again is their informed choice.
    again = client.post(URL, {"pronouns": "he/him", "about_me": "Second window.", "version": 2})
    assert again.status_code == 302
    fca.refresh_from_db()
    assert fca.about_me == "Second window."


def test_a_tampered_version_gets_a_message_not_an_error(client, fca):
    client.force_login(fca)
    response = client.post(URL, {"pronouns": "", "about_me": "", "version": "abc"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
