"""``flask analyse`` on awkward input (SPEC §6): one valid UTF-8 JSON line out for each line
in, in order, whatever a line holds; a bad line gets an error line and the stream goes on."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from feedback_app import ROOT
from feedback_app.commands.analysis import _read_lines, stream_analyses
from feedback_app.services import comments

GOOD_BEFORE = b'{"id": "before", "text": "The caseworker never rang back"}'
GOOD_AFTER = b'{"id": "after", "text": "Lovely school"}'


def _run(app, data: bytes) -> list[dict]:
    """Run the command on raw bytes; return its output lines, checking they are valid UTF-8
    JSON with no NaN or Infinity in them."""
    result = app.test_cli_runner().invoke(args=["analyse"], input=data)
    assert result.exit_code == 0, (result.output, result.exception)
    text = result.stdout_bytes.decode("utf-8")  # strict: the output is always valid UTF-8
    assert "\r" not in text

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in the output")

    return [json.loads(line, parse_constant=refuse) for line in text.split("\n")[:-1]]


def _around(middle: bytes) -> bytes:
    return GOOD_BEFORE + b"\n" + middle + b"\n" + GOOD_AFTER + b"\n"


def _assert_error_between(outputs: list[dict], line: int = 2, id: object = None) -> dict:  # noqa: A002
    assert [o["id"] for o in outputs] == ["before", id, "after"]
    assert "error" not in outputs[0] and "error" not in outputs[2]
    assert outputs[2]["sentiment"] == "positive"
    error = outputs[1]
    assert error["error"].startswith(f"Line {line}:")
    return error


@pytest.mark.parametrize(
    ("middle", "kept_id"),
    [
        (rb'{"id": 2, "text": "lone \ud800 surrogate"}', 2),
        (rb'{"id": 2, "text": "low \udc80 half"}', 2),
        (rb'{"id": "\ud800", "text": "fine"}', None),
        (rb'{"id": ["\udfff"], "text": "fine"}', None),
    ],
)
def test_a_lone_surrogate_is_an_error_line(app, middle, kept_id):
    error = _assert_error_between(_run(app, _around(middle)), id=kept_id)
    assert "surrogate" in error["error"]


def test_deep_nesting_is_an_error_line(app):
    for middle in (
        b"[" * 100_000 + b"]" * 100_000,
        b'{"id": 3, "text": "x", "n": ' + b"[" * 100_000,
    ):
        _assert_error_between(_run(app, _around(middle)))


def test_a_line_that_is_not_utf8_is_an_error_line_and_the_output_stays_utf8(app):
    error = _assert_error_between(_run(app, _around(b'{"id": 5, "text": "caf\xe9 au lait"}')))
    assert "UTF-8" in error["error"]


def test_a_bom_at_the_start_is_ignored(app):
    outputs = _run(app, b"\xef\xbb\xbf" + GOOD_BEFORE + b"\n" + GOOD_AFTER + b"\n")
    assert [o["id"] for o in outputs] == ["before", "after"]
    assert not any("error" in o for o in outputs)


@pytest.mark.parametrize("blank", [b"", b"   ", b"\t \t"])
def test_a_blank_line_gets_an_error_line_so_lines_still_match(app, blank):
    error = _assert_error_between(_run(app, _around(blank)))
    assert "blank" in error["error"]


def test_a_missing_text_is_an_error_like_a_null_one(app):
    missing = _assert_error_between(_run(app, _around(b'{"id": 7}')), id=7)
    null = _assert_error_between(_run(app, _around(b'{"id": 7, "text": null}')), id=7)
    assert missing["error"] == null["error"]
    empty = _run(app, _around(b'{"id": 7, "text": ""}'))
    assert "error" not in empty[1] and empty[1]["redacted"] == ""


@pytest.mark.parametrize(
    "middle",
    [
        b'{"id": NaN, "text": "x"}',
        b'{"id": Infinity, "text": "x"}',
        b'{"id": -Infinity, "text": "x"}',
        b'{"id": 1e999, "text": "x"}',
        b'{"id": -1e999, "text": "x"}',
        b'{"id": 1, "text": "x", "extra": [1e400]}',
    ],
)
def test_numbers_json_cannot_hold_are_refused(app, middle):
    _assert_error_between(_run(app, _around(middle)))


def test_large_but_finite_numbers_are_kept(app):
    outputs = _run(app, _around(b'{"id": 1e300, "text": "x"}'))
    assert outputs[1]["id"] == 1e300


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (GOOD_BEFORE + b"\r" + GOOD_AFTER + b"\r", ["before", "after"]),
        (GOOD_BEFORE + b"\r\n" + GOOD_AFTER + b"\r\n", ["before", "after"]),
        (GOOD_BEFORE + b"\r" + GOOD_AFTER, ["before", "after"]),
        (GOOD_BEFORE + b"\r\n\r\n" + GOOD_AFTER + b"\n", ["before", None, "after"]),
        (GOOD_BEFORE + b"\r\r\n" + GOOD_AFTER, ["before", None, "after"]),
        (GOOD_BEFORE + b"\n" + GOOD_AFTER, ["before", "after"]),
    ],
)
def test_a_bare_carriage_return_ends_a_line_as_crlf_and_lf_do(app, data, ids):
    assert [o["id"] for o in _run(app, data)] == ids


def test_other_unicode_line_breaks_inside_text_are_not_line_ends(app):
    text = "one\u2028two\u0085three\x0cfour"
    line = json.dumps({"id": 1, "text": text}, ensure_ascii=False).encode()
    (output,) = _run(app, line + b"\n")
    assert output["redacted"] == text


def test_text_streams_are_still_read_as_before(app):
    """stream_analyses takes text streams too (as the other tests and scripts use it)."""
    context = comments.AnalysisContext.load()
    sink = io.StringIO()
    count = stream_analyses(
        io.StringIO('\ufeff{"id": 1, "text": "ok"}\n\n{"id": 2, "text": "bad \udce9"}\n'),
        sink,
        context,
    )
    outputs = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert count == 3
    assert [o["id"] for o in outputs] == [1, None, None]  # not UTF-8: no id to read
    assert "error" not in outputs[0] and "error" in outputs[1] and "error" in outputs[2]


def test_the_real_command_on_raw_stdin(database_url, tmp_path: Path):
    """Through a real pipe, with the surrogateescape stdio that let a raw byte through."""
    data = (
        b"\xef\xbb\xbf" + GOOD_BEFORE + b"\n"
        b'{"id": 2, "text": "caf\xe9"}\n'
        b'{"id": 3, "text": "lone \\ud800"}\n' + b"[" * 100_000 + b"\n\n" + GOOD_AFTER + b"\n"
    )
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONIOENCODING": "utf-8:surrogateescape",
    }
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "analyse"],
        input=data,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    lines = done.stdout.decode("utf-8").splitlines()
    outputs = [json.loads(line) for line in lines]
    assert [o["id"] for o in outputs] == ["before", None, 3, None, None, "after"]
    assert [("error" in o) for o in outputs] == [False, True, True, True, True, False]


def test_the_real_command_answers_each_line_before_the_next_arrives(database_url):
    """Reading stdin as bytes keeps the streaming: a line's answer comes before the input
    ends (the process is killed if it waits for the end instead)."""
    env = {**os.environ, "DATABASE_URL": database_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "analyse"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    watchdog = threading.Timer(120, process.kill)
    watchdog.start()
    try:
        assert process.stdin is not None and process.stdout is not None
        answers = []
        for line in (GOOD_BEFORE + b"\r", b"\xff\n", GOOD_AFTER + b"\n"):
            process.stdin.write(line)
            process.stdin.flush()
            answers.append(json.loads(process.stdout.readline()))
        process.stdin.close()
        assert process.wait(timeout=60) == 0
    finally:
        watchdog.cancel()
        process.kill()
    assert [answer["id"] for answer in answers] == ["before", None, "after"]


@pytest.mark.parametrize(
    ("reads", "lines"),
    [
        ([b"a\r", b"\nb\n"], [b"a", b"b"]),  # a CRLF split between two reads is one line end
        ([b"a\r", b"\r\nb"], [b"a", b"", b"b"]),
        ([b"a\r", b"b\r"], [b"a", b"b"]),
        ([b"\n\n"], [b"", b""]),
        ([b"a", b"b", b"c\r\n", b"d"], [b"abc", b"d"]),
        ([b"x\xe2\x80", b"\xa8y\n"], [b"x\xe2\x80\xa8y"]),  # U+2028 is text, not a line end
        ([], []),
    ],
)
def test_lines_are_split_as_the_bytes_arrive(reads, lines):
    pending = list(reads)
    assert list(_read_lines(lambda size: pending.pop(0) if pending else b"")) == lines
