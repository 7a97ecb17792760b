"""The floor: a signed-in request to a bare page rendering the base layout, through the Django
test client and through gunicorn on loopback. Later pages are reported as multiples of it."""

import http.client
import os
import threading
import time

from common import gunicorn, prepare_database, print_row, summary, time_calls
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from together.accounts.models import User
from together.demo.organisation import DEMO_ACCOUNTS

N = int(os.environ.get("BENCH_REQUESTS", "300"))


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"


def query_count(client, url):
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    return len(captured.captured_queries)


def test_client_figures():
    print(f"\nDjango test client, {N} requests each ({connection.vendor}):")
    floor = None
    for role, email in DEMO_ACCOUNTS.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(email=email))
        if floor is None:
            fetch(client, "/bench/floor/")
            floor = summary(time_calls(lambda c=client: fetch(c, "/bench/floor/"), N))
            print_row(
                "floor: bare page in the base layout",
                floor,
                None,
                query_count(client, "/bench/floor/"),
            )
        fetch(client, "/")
        stats = summary(time_calls(lambda c=client: fetch(c, "/"), N))
        print_row(f"home page: {role.label}", stats, floor, query_count(client, "/"))


def session_cookie() -> str:
    from importlib import import_module

    user = User.objects.get(email=DEMO_ACCOUNTS[next(iter(DEMO_ACCOUNTS))])
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def gunicorn_figures():
    workers, threads = 2, 4
    env = {**os.environ, "TOGETHER_ENV": "development", "DJANGO_DEBUG": "false"}
    with gunicorn(env=env, workers=workers) as port:
        cookie = session_cookie()

        def get(conn):
            conn.request("GET", "/bench/floor/", headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            assert response.status == 200, response.status

        conn = http.client.HTTPConnection("127.0.0.1", port)
        stats = summary(time_calls(lambda: get(conn), N))
        print(f"\ngunicorn on loopback ({workers} sync workers), {N} requests:")
        print_row("floor, one client at a time", stats)

        per_thread, done = N // threads, []

        def worker():
            c = http.client.HTTPConnection("127.0.0.1", port)
            for _ in range(per_thread):
                get(c)
            done.append(per_thread)

        start = time.perf_counter()
        pool = [threading.Thread(target=worker) for _ in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        elapsed = time.perf_counter() - start
        print(f"  floor, {threads} clients at once: {sum(done) / elapsed:8.1f} req/s in all")


if __name__ == "__main__":
    prepare_database()
    test_client_figures()
    gunicorn_figures()
