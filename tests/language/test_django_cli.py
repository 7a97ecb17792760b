"""python manage.py checklanguage: the command line, with its exit statuses."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
LETTER = "Dear Amira,\r\nI will liaise with the LA about contact with your sibling.\r\n"


def run(*args, stdin: bytes = b""):
    """The command as a person runs it, in its own process (no database: built-in glossary)."""
    env = {**os.environ, "DATABASE_URL": "sqlite:///:memory:", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", "checklanguage", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def as_json(*args, stdin: str = "") -> dict:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        )
        call_command("checklanguage", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_bytes(LETTER.encode("utf-8"))
    return path


def test_json_offsets_index_the_file_as_written(letter, db):
    data = as_json(str(letter), "--audience", "child", "--age", "9", "--names", "Amira")
    assert data["audience"] == "child"
    assert data["readability"]["words"] == 13
    found = [(f["text"], f["category"]) for f in data["findings"]]
    assert found == [
        ("liaise", "jargon"),
        ("LA", "acronym"),
        ("contact", "jargon"),
        ("sibling", "jargon"),
    ]
    for finding in data["findings"]:  # Windows line endings are kept, so offsets still match
        assert LETTER[finding["start"] : finding["end"]] == finding["text"]


def test_standard_input_with_a_dash(db):
    data = as_json("-", "--audience", "adult", stdin="Prior to the hearing, liaise with me.")
    assert {f["text"] for f in data["findings"]} >= {"Prior to", "liaise"}


def test_a_clean_text_has_no_findings(db):
    data = as_json("-", "--audience", "child", "--age", "9", stdin="We went to the park.")
    assert data["findings"] == []
    assert data["readability"]["sentences"] == 1


def test_empty_input_is_a_sensible_answer(db):
    data = as_json("-", "--audience", "professional", stdin="")
    assert data["findings"] == [] and data["readability"]["words"] == 0
    assert data["readability"]["reading_age"] is None


def test_the_plain_report_gives_line_and_column(letter, db):
    out = io.StringIO()
    call_command("checklanguage", str(letter), "--audience", "child", "--age", "9", stdout=out)
    text = out.getvalue()
    assert "4 things to look at." in text
    assert '2:8 jargon: "liaise"' in text
    assert "Reading age" in text and "the reader is 9" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--audience", "child"], "needs --age"),
        (["--audience", "child", "--age", "40"], "--age must be from 0 to 25"),
        (["--audience", "adult", "--age", "9"], "only for --audience child"),
    ],
)
def test_bad_arguments_are_explained(letter, db, args, message):
    with pytest.raises(CommandError, match=message) as raised:
        call_command("checklanguage", str(letter), *args)
    assert raised.value.returncode == 2


def test_unreadable_input_is_explained(tmp_path, db):
    with pytest.raises(CommandError, match="cannot read it") as raised:
        call_command("checklanguage", str(tmp_path / "missing.txt"))
    assert raised.value.returncode == 2
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8 text") as raised:
        call_command("checklanguage", str(latin))
    assert raised.value.returncode == 2


def test_text_over_the_limit_is_refused(tmp_path, db):
    big = tmp_path / "big.txt"
    big.write_text("word " * 20_001)
    with pytest.raises(CommandError, match="too long") as raised:
        call_command("checklanguage", str(big))
    assert raised.value.returncode == 2


def test_exit_status_from_a_shell(letter):
    found = run(str(letter), "--audience", "child", "--age", "9", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["findings"]
    clean = run("-", "--audience", "adult", stdin=b"We went to the park.")
    assert clean.returncode == 0 and b"Nothing to change." in clean.stdout
    for args in (
        ["--audience", "child"],  # no age
        ["--audience", "teacher"],  # not an audience
        ["--age", "nine"],  # not a number
    ):
        bad = run(str(letter), *args)
        assert bad.returncode == 2, (args, bad.stderr)
        assert bad.stderr.strip()
    missing = run("/no/such/file.txt")
    assert missing.returncode == 2 and b"cannot read it" in missing.stderr
