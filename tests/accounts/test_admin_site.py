"""The admin site is for system administrators; everyone else gets a plain answer, not a loop."""

from django.urls import reverse


def test_a_signed_in_person_who_is_not_an_administrator_is_told_they_cannot_see_it(client, fca):
    client.force_login(fca)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2
    page = response.content.decode()
    assert "You cannot see this page" in page
    assert "There is a problem" not in page


def test_someone_signed_out_is_sent_to_the_service_sign_in_page(client, db):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:sign-in"))


def test_a_system_administrator_reaches_the_admin_site(client, make_user):
    client.force_login(make_user("system_administrator"))
    assert client.get("/admin/").status_code == 200
