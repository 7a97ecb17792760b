"""Anything written for a child names people as the child does (the family page's "what the
child calls them"), and only where it is certain whom a name means."""

from types import SimpleNamespace

from together.children.naming import names_for


def _connection(given, family, calls):
    return SimpleNamespace(
        person=SimpleNamespace(given_name=given, family_name=family), child_calls_them=calls
    )


def _names(*connections, keep=()):
    return names_for([_connection(*c) for c in connections], keep=keep)


def test_full_and_first_names_become_what_the_child_calls_them():
    names = _names(("Deborah", "Fowler", "Auntie Deborah"), ("Antony", "Fowler", "Daddy"))
    assert (
        names.apply("You will live with Deborah Fowler. You will see Antony.")
        == "You will live with Auntie Deborah. You will see Daddy."
    )
    assert names.apply("Antony's flat is near school") == "Daddy's flat is near school"


def test_a_name_already_written_as_the_child_says_it_is_kept():
    names = _names(("Deborah", "Fowler", "Auntie Deborah"))
    assert names.apply("Auntie Deborah loves you") == "Auntie Deborah loves you"


def test_a_first_name_shared_by_two_people_or_the_writer_is_left_alone():
    names = _names(
        ("Sam", "Fowler", "Daddy"), ("Sam", "Hill", "Grandad Sam"), ("Lee", "Ray", "Lee-Lee")
    )
    assert names.apply("Sam Fowler and Sam") == "Daddy and Sam"
    kept = _names(("Ann", "Ray", "Mummy"), keep=["Ann"])
    assert kept.apply("My name is Ann. Ann Ray loves you.") == "My name is Ann. Mummy loves you."


def test_parts_of_other_words_and_people_with_no_name_recorded_are_not_changed():
    names = _names(("Ann", "Ray", "Mummy"), ("Tom", "Ray", ""))
    assert names.apply("Annie and Tom went to Annfield") == "Annie and Tom went to Annfield"
    assert not _names(("Tom", "Ray", ""))
