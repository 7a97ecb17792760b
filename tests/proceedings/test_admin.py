"""The admin site shows proceedings to system administrators to look up, never to change."""

from django.urls import reverse

from together.accounts.models import Role


def test_system_administrators_can_look_up_proceedings_but_not_change_them(
    client, world, make_user
):
    client.force_login(make_user(Role.SYSTEM_ADMINISTRATOR))
    listing = client.get(reverse("admin:proceedings_proceedings_changelist"))
    assert listing.status_code == 200 and world.proceedings.court_number in listing.content.decode()
    page = client.get(reverse("admin:proceedings_proceedings_change", args=[world.proceedings.pk]))
    assert page.status_code == 200
    assert 'name="court"' not in page.content.decode()  # read only
    assert client.get(reverse("admin:proceedings_proceedings_add")).status_code == 403
    assert client.get(reverse("admin:proceedings_allocation_changelist")).status_code == 200
