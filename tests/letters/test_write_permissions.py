"""Every service that writes letters or their templates checks who is writing, whoever calls it:
a page, an API or a task (see tests/write_permissions.py for how these tests work)."""

from django.utils import timezone

from tests.letters.factories import ready_fca, start_letter
from tests.write_permissions import (
    INACTIVE,
    MAY_NOT_CHANGE_THE_FILE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.core.form_tokens import new_token
from together.letters import services
from together.letters.models import Kind, LetterBatch, LetterTemplate, SentHow, Style


def _ready(world):
    """The allocated FCA signs the child's letters, with their "about me" (every template)."""
    return ready_fca(world.fca_allocated)


def _letter(world):
    return start_letter(world.child, _ready(world))


def _national_template(world):
    return LetterTemplate.objects.filter(service_area__isnull=True, is_current=True).first()


def _template_create(*, service_area):
    return lambda world, by, _: services.letter_template_create(
        by=by,
        kind=Kind.INTRODUCTORY_CHILD,
        style=Style.YOUNGER,
        title="Hello from us",
        body="Hello {child_name}, from {fca_first_name}.",
        service_area=service_area(world),
    )


WRITES = {
    "letter_template_create (a service area's)": Write(
        _template_create(service_area=lambda world: world.area),
        refused=("manager_other_area", "fca_allocated", "business_area", SIGNED_OUT, INACTIVE),
        allowed="manager_area",
    ),
    "letter_template_create (national library)": Write(
        _template_create(service_area=lambda world: None),
        refused=("manager_area", "head_region", "fca_allocated", SIGNED_OUT, INACTIVE),
        allowed="national",
    ),
    "letter_template_update": Write(
        lambda world, by, template: services.letter_template_update(
            by=by, template=template, title=template.title, body="Hi {child_name}."
        ),
        refused=("manager_area", "head_region", "fca_allocated", SIGNED_OUT, INACTIVE),
        allowed="national",
        setup=_national_template,
    ),
    "letter_start": Write(
        lambda world, by, _: start_letter(world.child, by, token=new_token()),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_ready,
    ),
    "letter_update": Write(
        lambda world, by, letter: services.letter_update(
            by=by, letter=letter, version=letter.version, body="Dear Jayden, see you soon."
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_letter,
    ),
    "letter_mark_sent": Write(
        lambda world, by, letter: services.letter_mark_sent(
            by=by,
            letter=letter,
            version=letter.version,
            sent_on=timezone.localdate(),
            sent_how=SentHow.HANDED,
            sent_to="Jayden",
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="supervisor_team",
        setup=_letter,
    ),
    # Printing follows seeing the child's file.
    "letter_print_record": Write(
        lambda world, by, letter: services.letter_print_record(by=by, letter=letter),
        refused=("fca_other_area", "head_other_region", "sysadmin", SIGNED_OUT, INACTIVE),
        allowed="national",
        setup=_letter,
    ),
    "letters_batch_request": Write(
        lambda world, by, _: services.letters_batch_request(
            by=by, scope=LetterBatch.Scope.MY_LETTERS, token=new_token()
        ),
        refused=("national", "supervisor_team", "business_area", SIGNED_OUT, INACTIVE),
        allowed="fca_allocated",
        setup=_letter,  # one letter waiting to be printed
    ),
}

# The service itself puts the national library in place on a fresh database (its docstring);
# a letter read through its feedback link is read by whoever holds the link, nobody signed in,
# and the view records the read only once the link's selector has found a sent letter.
NO_CHECK_BY_DESIGN = frozenset({"letter_library_seed", "letter_link_read_record"})


class TestWritePermissions(WritePermissions):
    app = "letters"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
