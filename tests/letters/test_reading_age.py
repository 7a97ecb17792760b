"""A letter to a child shows its reading age beside the child's age, with the sentence that most
raises it, while it is written and once it has been sent."""

import re

from django.utils import timezone

from tests.letters.factories import start_letter
from together.letters import services
from together.letters.models import Letter, Status

HARD = "The determination of the application necessitates comprehensive consideration."


def test_a_sent_letter_to_a_child_shows_its_reading_age_and_hardest_sentence(client, letters_world):
    world = letters_world
    letter = start_letter(world.child, world.fca_allocated)
    body = f"Dear Jayden, I liked meeting you. We played a game. {HARD} See you soon."
    letter = services.letter_update(by=world.fca_allocated, letter=letter, version=1, body=body)
    Letter.objects.filter(pk=letter.pk).update(
        status=Status.SENT, sent_at=timezone.now(), sent_how="post", sent_to="Jayden"
    )
    client.force_login(world.fca_allocated)
    page = client.get(f"/children/{world.child.uuid}/letters/{letter.uuid}/").content.decode()
    name, age = world.child.preferred_name, world.child.age
    assert re.search(rf"Reading age \d+; {name} is {age}\.", page)
    assert f"<mark>{HARD}</mark>" in page
    assert "data-reading-age" in page and "govuk-!-display-none-print" in page


def test_a_letter_being_written_shows_the_hardest_sentence_under_the_box(client, letters_world):
    world = letters_world
    letter = start_letter(world.child, world.fca_allocated)
    body = f"Dear Jayden, I liked meeting you. {HARD}"
    services.letter_update(by=world.fca_allocated, letter=letter, version=1, body=body)
    client.force_login(world.fca_allocated)
    page = client.get(f"/children/{world.child.uuid}/letters/{letter.uuid}/").content.decode()
    assert re.search(rf"Reading age \d+; {world.child.preferred_name} is", page)
    assert f"The sentence that most raises the reading age: <mark>{HARD}</mark>" in page


def test_the_language_report_before_sending_shows_the_hardest_sentence(client, letters_world):
    world = letters_world
    letter = start_letter(world.child, world.fca_allocated)
    body = f"Dear Jayden, I liked meeting you. {HARD}"
    services.letter_update(by=world.fca_allocated, letter=letter, version=1, body=body)
    client.force_login(world.fca_allocated)
    url = f"/children/{world.child.uuid}/letters/{letter.uuid}/send/"
    page = client.get(url).content.decode()
    assert "Check the words before you send" in page
    assert re.search(rf"Reading age \d+; {world.child.preferred_name} is", page)
    assert f"The sentence that most raises the reading age: <mark>{HARD}</mark>" in page
