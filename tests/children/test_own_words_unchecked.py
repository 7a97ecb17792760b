"""What a child said, kept "in their own words" on About me, is theirs: the inline language check
never flags it (it still checks the boxes written by the worker)."""

from together.children.models import Child

JARGON = "I hate the contact order"


def test_about_me_boxes_in_the_childs_own_words_are_not_checked(client, world):
    Child.objects.filter(pk=world.child.pk).update(
        special_and_unique=JARGON, enjoys=JARGON, own_words=["special_and_unique"]
    )
    client.force_login(world.fca_allocated)
    page = client.get(f"/children/{world.child.uuid}/about/edit/").content.decode()
    own = page[page.index('for="id_special_and_unique"') : page.index('for="id_enjoys"')]
    theirs = page[page.index('for="id_enjoys"') : page.index('for="id_school"')]
    assert "In their own words, so the language check leaves it as they said it" in own
    assert "<mark>" not in own and "hx-post" not in own and "Check my writing" not in own
    assert "<mark>" in theirs and "Check my writing" in theirs


def test_marking_a_box_as_their_own_words_on_the_form_stops_its_check(client, world):
    client.force_login(world.fca_allocated)
    child = world.child
    response = client.post(
        f"/children/{child.uuid}/about/edit/",
        {
            "preferred_name": child.preferred_name,
            "first_language": "English",
            "date_of_birth_day": child.date_of_birth.day,
            "date_of_birth_month": child.date_of_birth.month,
            "date_of_birth_year": child.date_of_birth.year,
            "version": child.version,
            "identity_faith": JARGON,
            "own_words": ["identity"],
            "language-check": "identity_faith",
        },
    )
    page = response.content.decode()
    faith = page[page.index('for="id_identity_faith"') : page.index('for="id_identity_language"')]
    assert "In their own words" in faith and "<mark>" not in faith
