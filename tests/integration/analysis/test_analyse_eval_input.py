"""``flask analyse-eval FILE`` on a file that is not right: every problem, by line, as a
clear error, and no figures printed."""

import json

GOOD = {
    "id": "g",
    "source": "new_ehcp",
    "text": "The caseworker never rang back",
    "themes": ["communication"],
    "sentiment": "negative",
    "safeguarding": False,
    "pii": [],
}


def _eval(app, tmp_path, content: str | bytes):
    path = tmp_path / "labelled.jsonl"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return app.test_cli_runner().invoke(args=["analyse-eval", str(path)])


def _line(**changes: object) -> str:
    record = {**GOOD, **changes}
    return json.dumps({k: v for k, v in record.items() if v is not _MISSING})


_MISSING = object()


def test_every_bad_record_is_reported_by_line_and_nothing_is_scored(app, tmp_path):
    lines = [
        _line(),  # 1: fine
        _line(sentiment=_MISSING),  # 2
        "[1]",  # 3
        _line(pii=None),  # 4
        _line(themes="communication"),  # 5
        _line(sentiment="angry"),  # 6
        _line(text=None),  # 7
        _line(themes=["communication", 3]),  # 8
        "not json",  # 9
        _line(safeguarding="yes"),  # 10
        _line(id="ok"),  # 11: fine
    ]
    result = _eval(app, tmp_path, "\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a click error, not a traceback
    output = result.output
    assert "Traceback" not in output
    assert "micro" not in output and "precision" not in output and "comments:" not in output
    for number in (2, 3, 4, 5, 6, 7, 8, 9, 10):
        assert f"line {number}:" in output, number
    assert "line 1:" not in output and "line 11:" not in output
    assert "sentiment" in output.split("line 2:")[1].split("\n")[0]
    assert "pii" in output.split("line 4:")[1].split("\n")[0]
    assert "themes" in output.split("line 5:")[1].split("\n")[0]


def test_an_empty_file_is_a_clear_error_not_perfect_scores(app, tmp_path):
    for content in ("", "\n\n  \n"):
        result = _eval(app, tmp_path, content)
        assert result.exit_code == 1
        assert "no labelled comments" in result.output
        assert "1.000" not in result.output


def test_a_file_that_is_not_utf8_names_the_line(app, tmp_path):
    second = _line(text="cafe").replace("cafe", "caf\xe9").encode("latin-1")
    result = _eval(app, tmp_path, _line().encode() + b"\n" + second + b"\n")
    assert result.exit_code == 1
    assert "line 2:" in result.output and "UTF-8" in result.output


def test_optional_fields_may_be_left_out_and_a_bom_is_fine(app, tmp_path):
    minimal = json.dumps({"text": "The caseworker never rang back", "sentiment": "negative"})
    result = _eval(app, tmp_path, "\ufeff" + minimal + "\n" + _line(source=None) + "\n")
    assert result.exit_code == 0, result.output
    assert "comments: 2" in result.output
