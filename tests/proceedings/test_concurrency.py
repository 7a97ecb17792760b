"""Two service managers allocating the same proceedings at the same moment, on a real database
with row locks (PostgreSQL): the second waits for the first, then is told who allocated them."""

import threading
import time

import pytest
from django.db import connection, transaction

from tests.children.factories import ChildFactory
from tests.organisation.factories import TeamFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory
from together.accounts.models import Role
from together.core.exceptions import EditConflict
from together.proceedings.models import Allocation
from together.proceedings.services import allocation_create

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite locks the file)"
)


def test_the_second_manager_waits_for_the_first_and_is_refused(transactional_db, make_user, area):
    team = TeamFactory(service_area=area)
    first_fca, second_fca = make_user(Role.FCA, team=team), make_user(Role.FCA, team=team)
    first_manager = make_user(Role.SERVICE_MANAGER, area=area)
    second_manager = make_user(Role.SERVICE_MANAGER, area=area)
    proceedings = ProceedingsFactory(service_area=area)
    ProceedingsChildFactory(proceedings=proceedings, child=ChildFactory())

    first_holds_the_lock = threading.Event()
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                allocation_create(
                    by=first_manager, proceedings=proceedings, fca=first_fca, version=1
                )
                first_holds_the_lock.set()
                time.sleep(0.5)  # the second manager presses "Allocate" now
        finally:
            connection.close()

    def second():
        first_holds_the_lock.wait(5)
        try:
            allocation_create(by=second_manager, proceedings=proceedings, fca=second_fca, version=1)
            outcome["second"] = "allocated"
        except EditConflict as conflict:
            outcome["second"] = conflict
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong instead
            outcome["second"] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    conflict = outcome["second"]
    assert isinstance(conflict, EditConflict), conflict
    assert conflict.by == first_manager
    proceedings.refresh_from_db()
    assert proceedings.lead_fca == first_fca
    assert list(
        Allocation.objects.filter(proceedings=proceedings).values_list("fca", flat=True)
    ) == [first_fca.pk]
