"""The admin site is for system administrators; everyone else gets a plain answer, not a loop."""

import pytest
from django.apps import apps
from django.contrib import admin
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


# --- What the admin site holds: the organisation, staff, the glossary and settings, never a child

CHILD_DATA_ADMIN_PAGES = [
    "/admin/proceedings/",
    "/admin/proceedings/proceedings/",
    "/admin/proceedings/proceedings/{proceedings}/change/",
    "/admin/proceedings/allocation/",
    "/admin/feedback/feedbackinvitation/",
    "/admin/language/languageconfirmation/",
    "/admin/audit/auditevent/",
]


@pytest.mark.parametrize("address", CHILD_DATA_ADMIN_PAGES)
def test_the_admin_site_has_no_page_about_a_child_or_their_family(client, world, address):
    client.force_login(world.sysadmin)
    response = client.get(address.format(proceedings=world.proceedings.pk))
    assert response.status_code == 404
    page = response.content.decode()
    assert world.child.preferred_name not in page
    assert world.proceedings.court_number not in page


def _child_data_models():
    from together.children.models import Child, FamilyMember
    from together.proceedings.models import Proceedings

    return {Child, FamilyMember, Proceedings}


def _points_at(model, targets, seen=None):
    """Whether the model is one of `targets` or reaches one through its own foreign keys."""
    seen = seen if seen is not None else set()
    if model in targets:
        return True
    if model in seen:
        return False
    seen.add(model)
    return any(
        _points_at(field.related_model, targets, seen)
        for field in model._meta.get_fields()
        if (field.many_to_one or field.one_to_one or field.many_to_many) and field.concrete
    )


def test_no_model_about_a_child_their_family_or_their_proceedings_is_in_the_admin_site(rf, world):
    targets = _child_data_models()
    request = rf.get("/admin/")
    request.user = world.sysadmin
    registered = [m for m in apps.get_models() if admin.site.is_registered(m)]
    assert registered, "the walk found no registered model at all"
    offending = []
    for model in registered:
        model_admin = admin.site.get_model_admin(model)
        shown = [model, *(inline.model for inline in model_admin.get_inline_instances(request))]
        offending += [m._meta.label for m in shown if _points_at(m, targets)]
    assert not offending, f"these show children's records in the admin site: {offending}"


def test_the_walk_would_notice_a_model_that_points_at_a_child():
    from together.children.models import Meeting
    from together.proceedings.models import Allocation

    targets = _child_data_models()
    assert _points_at(Meeting, targets) and _points_at(Allocation, targets)


def test_records_that_name_a_child_without_a_foreign_key_are_not_in_the_admin_site_either():
    from together.audit.models import AuditEvent
    from together.language.models import ConfirmedFinding, LanguageConfirmation

    for model in (AuditEvent, LanguageConfirmation, ConfirmedFinding):
        assert not admin.site.is_registered(model), model._meta.label


def test_the_admin_site_holds_the_organisation_staff_the_glossary_and_settings_only():
    registered = {m._meta.label for m in apps.get_models() if admin.site.is_registered(m)}
    assert registered == {
        "organisation.Region",
        "organisation.ServiceArea",
        "organisation.Team",
        "organisation.TeamMembership",
        "accounts.User",
        "accounts.OutboxEmail",  # outside production, the emails the service would have sent
        "axes.AccessAttempt",  # lock-outs, which a system administrator may lift
        "language.GlossaryTerm",
        "letters.LetterTemplate",
        "django_tasks_database.DBTaskResult",  # background work, read only
    }


def test_every_page_of_the_admin_site_opens_for_a_system_administrator(client, world):
    client.force_login(world.sysadmin)
    for model in (m for m in apps.get_models() if admin.site.is_registered(m)):
        opts = model._meta
        listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert listing.status_code == 200, opts.label
        adding = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        assert adding.status_code in (200, 403), opts.label
    staff_page = client.get(reverse("admin:accounts_user_change", args=[world.fca_allocated.pk]))
    assert staff_page.status_code == 200
    assert world.child.preferred_name not in staff_page.content.decode()
