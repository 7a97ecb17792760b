"""The organisation (regions, service areas, teams and who is in them) has no write services: it
is kept in the admin site, which only system administrators open. A write service added here
must check its actor, as every other app's do, and be listed in a WRITES table like theirs (see
tests/write_permissions.py); until then this test stops it going unchecked."""

from tests.write_permissions import write_services


def test_the_organisation_has_no_write_service_that_goes_unchecked():
    assert write_services("organisation") == set()
