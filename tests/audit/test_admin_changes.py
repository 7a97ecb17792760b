"""Every change made in the admin site is an audit event: who, what, and the values before and
after (never a password hash)."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.organisation.factories import MembershipFactory, TeamFactory
from together.accounts.models import Role, User
from together.audit.admin import AuditedAdminMixin
from together.audit.models import Action, AuditEvent
from together.organisation.models import TeamMembership


@pytest.fixture
def sysadmin(make_user, client):
    user = make_user(Role.SYSTEM_ADMINISTRATOR)
    client.force_login(user)
    return user


def admin_changes():
    return list(AuditEvent.objects.filter(action=Action.ADMIN_CHANGE).order_by("id"))


def fields_of(event):
    return {f["name"]: (f["before"], f["after"]) for f in event.detail["fields"]}


def staff_form(user, **changes):
    """What the staff member's admin page posts, with `changes` made and no team changed."""
    data = {
        "email": user.email,
        "given_name": user.given_name,
        "family_name": user.family_name,
        "is_active": "on" if user.is_active else "",
        "role": user.role,
        "service_area": user.service_area_id or "",
        "region": user.region_id or "",
        "employment_type": user.employment_type,
        "fte": str(user.fte),
        "pronouns": user.pronouns,
        "about_me": user.about_me,
        "team_memberships-TOTAL_FORMS": "0",
        "team_memberships-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    memberships = list(user.team_memberships.all()) if user.pk else []
    data["team_memberships-TOTAL_FORMS"] = data["team_memberships-INITIAL_FORMS"] = str(
        len(memberships)
    )
    for i, membership in enumerate(memberships):
        data |= {
            f"team_memberships-{i}-id": membership.pk,
            f"team_memberships-{i}-user": user.pk,
            f"team_memberships-{i}-team": membership.team_id,
            f"team_memberships-{i}-started_on": membership.started_on.isoformat(),
            f"team_memberships-{i}-ended_on": "",
        }
    data.update({k: v for k, v in changes.items() if k != "is_active"})
    if changes.get("is_active") is False:
        data.pop("is_active")
    return data


def test_changing_a_role_records_who_and_the_values_before_and_after(client, sysadmin, fca):
    url = reverse("admin:accounts_user_change", args=[fca.pk])
    response = client.post(url, staff_form(fca, role=Role.PRACTICE_SUPERVISOR))
    assert response.status_code == 302, response.content.decode()[:3000]
    [event] = admin_changes()
    assert event.actor == sysadmin
    assert event.object_type == "accounts.user" and event.object_id == str(fca.uuid)
    assert event.detail["change"] == "changed"
    assert event.detail["object"] == fca.full_name
    assert fields_of(event) == {"role": ("Family Court Adviser", "Practice supervisor")}
    assert event.request_id  # the same request as the change


def test_the_staff_page_never_shows_or_logs_a_password_hash(client, sysadmin, fca):
    page = client.get(reverse("admin:accounts_user_change", args=[fca.pk])).content.decode()
    assert fca.password not in page
    assert "Set" in page
    client.post(
        reverse("admin:accounts_user_change", args=[fca.pk]),
        staff_form(fca, family_name="Okafor", role=Role.PRACTICE_SUPERVISOR),
    )
    [event] = admin_changes()
    assert "password" not in fields_of(event)
    assert fca.password not in str(event.detail)


def test_adding_a_member_of_staff_records_what_they_were_given(client, sysadmin, area):
    data = staff_form(
        User(
            email="New.Person@example.org",
            given_name="Ama",
            family_name="Mensah",
            role=Role.SERVICE_MANAGER,
            service_area=area,
        )
    )
    response = client.post(reverse("admin:accounts_user_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    person = User.objects.get(email="new.person@example.org")
    assert not person.has_usable_password()  # they choose it from the link in their email
    [event] = admin_changes()
    assert event.detail["change"] == "added"
    changed = fields_of(event)
    assert changed["role"] == ("", "Service manager")
    assert changed["service_area"] == ("", area.name)
    assert "password" not in changed
    assert event.detail["areas"] == {str(area.uuid): area.name}


def test_saving_without_a_change_records_nothing(client, sysadmin, fca):
    client.post(reverse("admin:accounts_user_change", args=[fca.pk]), staff_form(fca))
    assert admin_changes() == []


def test_a_team_membership_ended_in_the_admin_is_recorded_with_its_dates(client, sysadmin, fca):
    membership = fca.team_memberships.get()
    response = client.post(
        reverse("admin:organisation_teammembership_change", args=[membership.pk]),
        {
            "user": fca.pk,
            "team": membership.team_id,
            "started_on": "2024-04-01",
            "ended_on": "2026-01-31",
            "_save": "Save",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    [event] = admin_changes()
    assert fields_of(event) == {"ended_on": ("", "31 January 2026")}
    area = membership.team.service_area
    assert event.detail["areas"] == {str(area.uuid): area.name}
    assert event.detail["regions"] == {str(area.region.uuid): area.region.name}


def test_a_team_added_on_the_staff_page_is_recorded_for_the_teams_area(client, sysadmin, fca):
    other_team = TeamFactory()
    data = staff_form(fca)
    data |= {
        "team_memberships-TOTAL_FORMS": "2",
        "team_memberships-1-user": fca.pk,
        "team_memberships-1-team": other_team.pk,
        "team_memberships-1-started_on": "2026-02-01",
        "team_memberships-1-ended_on": "",
    }
    response = client.post(reverse("admin:accounts_user_change", args=[fca.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    [event] = admin_changes()
    assert event.object_type == "organisation.teammembership"
    assert event.detail["change"] == "added"
    assert fields_of(event)["team"] == ("", other_team.name)
    assert set(event.detail["areas"]) == {str(other_team.service_area.uuid)}


def test_a_membership_deleted_on_the_staff_page_is_recorded_with_what_it_was(client, sysadmin, fca):
    membership = fca.team_memberships.get()
    data = staff_form(fca) | {"team_memberships-0-DELETE": "on"}
    response = client.post(reverse("admin:accounts_user_change", args=[fca.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not TeamMembership.objects.filter(pk=membership.pk).exists()
    [event] = admin_changes()
    assert event.detail["change"] == "deleted"
    assert fields_of(event)["team"] == (membership.team.name, "")


def test_deleting_from_the_delete_page_and_with_delete_selected_is_recorded(client, sysadmin):
    first, second, third = (MembershipFactory(user=UserFactory()) for _ in range(3))
    client.post(
        reverse("admin:organisation_teammembership_delete", args=[first.pk]), {"post": "yes"}
    )
    client.post(
        reverse("admin:organisation_teammembership_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [second.pk, third.pk],
            "post": "yes",
        },
    )
    events = admin_changes()
    assert [e.detail["change"] for e in events] == ["deleted"] * 3
    assert TeamMembership.objects.filter(pk__in=[first.pk, second.pk, third.pk]).count() == 0
    assert {e.detail["object"] for e in events} == {str(m) for m in (first, second, third)}


def test_a_glossary_change_records_the_words_before_and_after(client, sysadmin):
    from together.language.models import GlossaryTerm

    term = GlossaryTerm.objects.create(
        term="wraparound care", alternatives="time with", reason="Say who.", category="social_work"
    )
    response = client.post(
        reverse("admin:language_glossaryterm_change", args=[term.pk]),
        {
            "term": "wraparound care",
            "alternatives": "time with your family",
            "reason": "Say who.",
            "category": "social_work",
            "inflect": "none",
            "active": "on",
            "_save": "Save",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    [event] = admin_changes()
    assert fields_of(event)["alternatives"] == ("time with", "time with your family")


def test_lifting_a_lock_out_is_recorded(client, sysadmin, fca):
    attempt = AccessAttempt.objects.create(
        username=fca.email,
        ip_address="10.0.0.1",
        user_agent="test",
        failures_since_start=5,
        attempt_time=timezone.now(),
    )
    client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    [event] = admin_changes()
    assert event.detail["change"] == "deleted"
    assert fields_of(event)["username"] == (fca.email, "")


def test_every_admin_page_that_can_change_something_is_audited(rf, make_user):
    request = rf.get("/admin/")
    request.user = make_user(Role.SYSTEM_ADMINISTRATOR)
    unaudited = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        model_admin = admin.site.get_model_admin(model)
        changes = (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        )
        if changes and not isinstance(model_admin, AuditedAdminMixin):
            unaudited.append(model._meta.label)
    assert not unaudited, f"changes made on these admin pages are not audited: {unaudited}"


def test_dates_are_shown_as_people_read_them(sysadmin):
    from together.audit.admin import Change, admin_change_record

    membership = MembershipFactory(user=UserFactory(), started_on=datetime.date(2025, 4, 1))
    event = admin_change_record(by=sysadmin, change=Change.ADDED, before=None, after=membership)
    assert fields_of(event)["started_on"] == ("", "1 April 2025")
