"""The pages of issue 3 against the floor, in the same run: My children, a child's file, the duty
list. BENCH_SIZE=national runs on the national dataset (build it once; it takes a while)."""

import os

from common import prepare_database, print_row, summary, time_against_floor, time_calls
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from together.accounts.models import User
from together.demo.organisation import DEMO_ACCOUNTS
from together.proceedings.selectors import my_children

N = int(os.environ.get("BENCH_REQUESTS", "200"))
SIZE = os.environ.get("BENCH_SIZE", "small")


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    return len(captured.captured_queries)


def page_view_commit(client, url) -> str:
    """Whether the audit record of a page view is committed without waiting for the disk
    (PostgreSQL, ADR 0003): its INSERT switches synchronous_commit off for its own transaction.
    Read from the SQL text, so a printed figure rather than a test."""
    if connection.vendor != "postgresql":
        return "SQLite: every write commits as WAL with synchronous=NORMAL"
    if connection.settings_dict["OPTIONS"].get("server_side_binding"):
        # Django then logs the SQL as it composed it, before execute wrappers add to it.
        return "not in the query log with server-side binding (DATABASE_SERVER_SIDE_BINDING)"
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    inserts = [q["sql"] for q in captured.captured_queries if "audit_auditevent" in q["sql"]]
    inserts = [sql for sql in inserts if sql.startswith("INSERT")]
    without = sum("synchronous_commit" in sql for sql in inserts)
    return f"{without} of {len(inserts)} audit INSERTs commit without waiting for the disk"


def measure(client, url):
    fetch(client, url)
    return summary(time_calls(lambda: fetch(client, url), N)), queries(client, url)


def client_for(role) -> tuple[Client, User]:
    user = User.objects.get(email=DEMO_ACCOUNTS[role])
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client, user


def main():
    from together.accounts.models import Role

    prepare_database(SIZE)
    print(
        f"\nPages of a child's file and the duty list, {N} requests each "
        f"({connection.vendor}, {SIZE} data):"
    )
    fca_client, fca = client_for(Role.FCA)
    floor, floor_queries = measure(fca_client, "/bench/floor/")
    print_row("floor: bare page in the base layout", floor, None, floor_queries)
    rows = my_children(fca)
    print(f"  (the demo FCA has {len(rows)} children)")
    pages = [("My children", fca_client, "/")]
    if rows:
        child = rows[0].child.uuid
        for part, label in [
            ("", "About me"),
            ("family/", "Family"),
            ("proceedings/", "Proceedings"),
            ("meetings/", "Meetings"),
            ("timeline/", "Timeline"),
        ]:
            pages.append((f"child's file: {label}", fca_client, f"/children/{child}/{part}"))
    manager_client, _ = client_for(Role.SERVICE_MANAGER)
    pages.append(("duty list (service manager)", manager_client, "/allocation/"))
    if rows:
        print(f"  (About me's record of the view: {page_view_commit(fca_client, pages[1][2])})")
    print("  (each page is timed in turns with the floor; its ratio is to that floor)")
    for label, client, url in pages:
        try:
            fetch(client, url)
        except AssertionError as error:
            print(f"  {label:<52} skipped: {error}")
            continue
        floor_times, page_times = time_against_floor(
            lambda: fetch(fca_client, "/bench/floor/"), lambda c=client, u=url: fetch(c, u), N
        )
        print_row(label, summary(page_times), summary(floor_times), queries(client, url))


if __name__ == "__main__":
    main()
