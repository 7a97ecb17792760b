"""The glossary as data: seeded from the built-in list, edited in the admin site, in effect on the
next check without a restart, and compiled once per version."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from together.audit.models import Action, AuditEvent
from together.core.permissions import SYSTEM
from together.language import selectors, services
from together.language.engine import BUILT_IN_GLOSSARY, Category
from together.language.models import GlossaryTerm, GlossaryVersion
from together.language.readers import Reader

CHILD = Reader.for_child(age=9, name="Jayden")
SEED = importlib.import_module("together.language.migrations.0002_seed_glossary").seed


@pytest.fixture
def db(db):
    """The seeded glossary, as migrations leave it. Tests with a transactional database (the
    browser journeys) empty every table when they finish, so seed again if it is gone."""
    if not GlossaryTerm.objects.exists():
        SEED(apps, None)
    return db


def jargon(text, reader=CHILD):
    report = selectors.language_check(text=text, reader=reader)
    return [f.text for f in report.by_category(Category.JARGON)]


def test_the_database_starts_with_the_built_in_glossary(db):
    GlossaryTerm.objects.all().delete()
    GlossaryVersion.objects.all().delete()
    SEED(apps, None)  # what the data migration does
    assert GlossaryTerm.objects.count() == len(BUILT_IN_GLOSSARY) >= 200
    placement = GlossaryTerm.objects.get(term="placement")
    assert "where you live" in placement.alternatives_list
    assert placement.reason and placement.category == "social_work"
    assert GlossaryVersion.objects.get().number == 1


def test_the_compiled_glossary_is_kept_until_the_version_changes(db):
    first = selectors.glossary_current()
    assert selectors.glossary_current() is first
    with CaptureQueriesContext(connection) as queries:
        selectors.language_check(text="Hello", reader=CHILD)
    assert len(queries) == 1  # only the version is read
    services.glossary_term_create(
        by=SYSTEM,
        term="wraparound",
        alternatives="help around you",
        reason="Say what help.",
        category="social_work",
    )
    second = selectors.glossary_current()
    assert second is not first and second.number == 2 and second.size == first.size + 1


def test_a_new_term_is_flagged_on_the_next_check(db, make_user):
    admin = make_user("system_administrator")
    assert jargon("Gran stays put. She is staying put.") == []
    services.glossary_term_create(
        by=admin,
        term="stay put",
        alternatives="stay living with your foster carer",
        reason="Say where the young person will live after 18.",
        category="social_work",
        inflect="verb",
    )
    assert jargon("Gran stays put. She is staying put.") == ["stays put", "staying put"]
    event = AuditEvent.objects.get(action=Action.GLOSSARY_CHANGED)
    assert event.actor == admin and event.detail == {"change": "added", "term": "stay put"}


def test_another_process_sees_the_change_too(db):
    """A change made elsewhere moves the version on in the database; nothing is shared but that."""
    selectors.glossary_current()
    GlossaryTerm.objects.filter(term="sibling").update(active=False)
    GlossaryVersion.objects.update(number=5, token="00000000-0000-0000-0000-000000000005")
    assert jargon("his sibling") == []


def test_switching_a_term_off_stops_it_being_flagged(db):
    assert jargon("his sibling") == ["sibling"]
    term = GlossaryTerm.objects.get(term="sibling")
    term.active = False
    services.glossary_term_save(by=SYSTEM, term=term)
    assert jargon("his sibling") == []


def test_deleting_a_term(db):
    services.glossary_term_delete(by=SYSTEM, term=GlossaryTerm.objects.get(term="respite"))
    assert jargon("a weekend of respite") == []
    assert AuditEvent.objects.filter(action=Action.GLOSSARY_CHANGED).count() == 1


def test_an_empty_glossary_table_falls_back_to_the_built_in_list(db):
    GlossaryTerm.objects.all().delete()
    GlossaryVersion.objects.all().delete()
    assert jargon("his sibling") == ["sibling"]


def test_terms_are_unique_whatever_their_case(db):
    with pytest.raises(ValidationError):
        services.glossary_term_create(
            by=SYSTEM, term="Sibling", alternatives="brother", reason="x", category="social_work"
        )


def test_a_term_needs_letters_and_alternatives_are_tidied(db):
    with pytest.raises(ValidationError, match="letters"):
        services.glossary_term_create(by=SYSTEM, term="--", reason="x", category="official")
    term = services.glossary_term_create(
        by=SYSTEM,
        term="  family   centre ",
        alternatives=" the place you see Mum ; centre\n\n",
        reason="Say what it is for.",
        category="social_work",
    )
    assert term.term == "family centre"
    assert term.alternatives_list == ["the place you see Mum", "centre"]


def test_the_admin_page_edits_through_the_service(client, make_user):
    admin = make_user("system_administrator")
    client.force_login(admin)
    response = client.post(
        "/admin/language/glossaryterm/add/",
        {
            "term": "family time",
            "alternatives": "time with your family",
            "reason": "Say who the child sees.",
            "category": "social_work",
            "inflect": "none",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term = GlossaryTerm.objects.get(term="family time")
    assert term.updated_by == admin
    assert AuditEvent.objects.filter(action=Action.GLOSSARY_CHANGED, actor=admin).exists()
    assert jargon("Family time is on Monday.") == ["Family time"]
    assert client.get("/admin/language/glossaryterm/?q=sibling").status_code == 200


def test_only_system_administrators_open_the_glossary_admin(client, make_user):
    client.force_login(make_user("fca"))
    response = client.get("/admin/language/glossaryterm/")
    assert response.status_code == 302
