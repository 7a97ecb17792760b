"""Letters for tests, made through the services as a person would make them."""

from django.utils import timezone

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from together.letters import services
from together.letters.models import Kind, SentHow

FILLING = services.Filling(
    meeting_plan="I will come to your school on Tuesday after lunch.",
    how_to_reach_me="Call or text me on 07700 900123.",
)


def ready_fca(user, about_me="I have two cats. I like walking by the sea."):
    """An FCA with an "about me", which every letter template uses."""
    user.about_me = about_me
    user.save(update_fields=["about_me"])
    return user


def start_letter(child, by, kind=Kind.INTRODUCTORY_CHILD, recipient=None, token=None, **extra):
    return services.letter_start(
        by=by,
        child=child,
        token=token,
        kind=kind,
        recipient=recipient,
        filling=FILLING,
        **extra,
    )


def send_letter(letter, by):
    """Record the letter as handed over today, which opens its feedback link."""
    return services.letter_mark_sent(
        by=by,
        letter=letter,
        version=letter.version,
        sent_on=timezone.localdate(),
        sent_how=SentHow.HANDED,
        sent_to=letter.recipient_name,
    )


def welcome_letter_with_address(world, relationship, body=None, **person):
    """A welcome letter to a new parent of the world's child (made with `person`'s fields, an
    address among them), saved with the address block asked for, as the FCA would tick it."""
    parent = FamilyMemberFactory(**person)
    ConnectionFactory(child=world.child, person=parent, relationship=relationship)
    letter = start_letter(world.child, world.fca_allocated, Kind.WELCOME_PARENT, parent)
    letter = services.letter_update(
        by=world.fca_allocated,
        letter=letter,
        version=1,
        body=letter.body if body is None else body,
        include_address=True,
    )
    return parent, letter
