"""Every service that changes the glossary or confirms a document's words checks who is doing it,
whoever calls it: a page, the admin site, an API or a task (see tests/write_permissions.py for
how these tests work)."""

import pytest
from django.core.exceptions import PermissionDenied

from tests.letters.factories import ready_fca, start_letter
from tests.write_permissions import (
    GLASS_BROKEN,
    INACTIVE,
    MAY_NOT_CHANGE_THE_FILE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.core.permissions import SYSTEM
from together.language import selectors, services
from together.language.models import GlossaryTerm
from together.language.readers import Reader

# The glossary is kept by system administrators (in the admin site), and by the service itself.
NOT_ADMINISTRATORS = ("national", "manager_area", "fca_allocated", SIGNED_OUT, INACTIVE)
TEXT = "The LA will convene a meeting about contact."
READER = Reader.for_child(age=9, name="Jayden")


def _term(world):
    return GlossaryTerm.objects.get(term="respite")


def _confirm(world, by, document):
    report = selectors.language_report(document=document, text=TEXT, reader=READER)
    return services.language_confirmation_record(
        by=by,
        document=document,
        text=TEXT,
        reader=READER,
        reasons={item.key: "Jayden knows these words" for item in report.unresolved},
    )


def _letter(world):
    return start_letter(world.child, ready_fca(world.fca_allocated))


WRITES = {
    "glossary_term_create": Write(
        lambda world, by, _: services.glossary_term_create(
            by=by,
            term="wraparound",
            alternatives="help around you",
            reason="Say what the help is.",
            category="social_work",
        ),
        refused=NOT_ADMINISTRATORS,
        allowed="sysadmin",
    ),
    "glossary_term_save": Write(
        lambda world, by, term: services.glossary_term_save(by=by, term=term),
        refused=NOT_ADMINISTRATORS,
        allowed="sysadmin",
        setup=_term,
    ),
    "glossary_term_delete": Write(
        lambda world, by, term: services.glossary_term_delete(by=by, term=term),
        refused=NOT_ADMINISTRATORS,
        allowed="sysadmin",
        setup=_term,
    ),
    # Whoever may write the document keeps its words: here, a letter (letters.rules), and a
    # child's own file, About me (children.rules).
    "language_confirmation_record (a letter)": Write(
        _confirm,
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_letter,
    ),
    "language_confirmation_record (a child's file)": Write(
        lambda world, by, _: _confirm(world, by, world.child),
        refused=("fca_other_area", "national", GLASS_BROKEN, SIGNED_OUT, INACTIVE),
        allowed="manager_area",
    ),
}


class TestWritePermissions(WritePermissions):
    app = "language"
    writes = WRITES


def test_the_service_itself_may_edit_the_glossary(db):
    term = services.glossary_term_create(
        by=SYSTEM, term="wraparound", alternatives="help", reason="Say what.", category="official"
    )
    services.glossary_term_delete(by=SYSTEM, term=term)
    assert not GlossaryTerm.objects.filter(term="wraparound").exists()


def test_a_document_of_a_kind_no_app_registered_may_not_be_confirmed_by_anyone(world):
    with pytest.raises(PermissionDenied, match="may write this document"):
        _confirm(world, world.fca_allocated, world.proceedings)
