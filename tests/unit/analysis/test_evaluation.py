"""Evaluation: the report's arithmetic, and floors on our own held-out split."""

from feedback_app.analysis import RULES_ONLY, Analysis, analyse
from feedback_app.analysis.evaluation import (
    EvaluationReport,
    _pooled,
    evaluate,
    interval,
    leak_kind,
    textblob_baseline,
)
from feedback_app.analysis.evaluation_report import format_labels, format_report
from feedback_app.analysis.learning import load_examples

RECORDS = [
    {"id": "a", "text": "x", "themes": ["timeliness"], "sentiment": "negative",
     "safeguarding": True, "pii": ["Sarah", "07700 900123"]},
    {"id": "b", "text": "y", "themes": ["communication", "timeliness"], "sentiment": "positive",
     "safeguarding": False, "pii": []},
]  # fmt: skip


def fake(text: str, *, source: str | None = None) -> Analysis:
    if text == "x":
        return Analysis(("timeliness", "health"), "negative", -0.5, True, ("p",), "Sarah [phone]")
    return Analysis(("communication",), "neutral", 0.0, False, (), "y")


def test_counts_and_scores():
    report = evaluate(RECORDS, fake)
    assert report.records == 2
    assert report.themes["timeliness"].tp == 1 and report.themes["timeliness"].fn == 1
    assert report.themes["health"].fp == 1
    micro = report.theme_micro
    assert (micro.tp, micro.fp, micro.fn) == (2, 1, 1)
    assert report.sentiment_accuracy == 0.5
    assert report.safeguarding.recall == 1.0 and report.safeguarding.precision == 1.0
    assert report.leaks["name"] == 1 and report.leaks["phone"] == 0
    text = format_report(report, evaluate(RECORDS, textblob_baseline))
    for expected in ("micro", "macro F1", "confusion", "safeguarding", "TextBlob alone", "name"):
        assert expected in text


def _micro(report: EvaluationReport) -> float:
    return report.theme_micro.f1


def _sentiment(report: EvaluationReport) -> float:
    return report.sentiment_macro_f1


def test_pooled_outcomes_give_the_reports_own_figures():
    report = evaluate(load_examples("heldout.jsonl"), analyse)
    pooled = _pooled((outcome, 1) for outcome in report.outcomes)
    assert pooled.records == report.records == len(report.outcomes)
    assert pooled.theme_micro.f1 == report.theme_micro.f1
    assert pooled.sentiment_macro_f1 == report.sentiment_macro_f1


def test_interval_holds_the_figure_and_narrows_with_more_comments():
    records = load_examples("heldout.jsonl")
    report = evaluate(records, analyse)
    for figure in (_micro, _sentiment):
        found = interval(report, figure)
        assert found.resamples == 1000
        assert found.low < figure(report) < found.high
        assert interval(report, figure) == found  # seeded: the same every time
        # Nine times the comments, each result repeated: the same figure, a narrower interval.
        larger = evaluate(records * 9, analyse)
        assert figure(larger) == figure(report)
        wider, narrower = found.high - found.low, interval(larger, figure)
        assert narrower.high - narrower.low < 0.5 * wider


def test_interval_of_a_perfect_analyser_is_one_point():
    def perfect(text: str, *, source: str | None = None) -> Analysis:
        record = next(r for r in RECORDS if r["text"] == text)
        return Analysis(tuple(record["themes"]), record["sentiment"], 0.0, False, (), text)

    report = evaluate(RECORDS, perfect)
    found = interval(report, _micro)
    assert (found.low, found.high) == (1.0, 1.0)
    assert interval(EvaluationReport(), _micro).resamples == 0


def test_report_prints_both_intervals():
    text = format_labels(evaluate(RECORDS, fake))
    assert text.count("95% interval") == 2
    assert "micro F1 95% interval" in text and "macro F1 95% interval" in text


def test_leak_kinds():
    assert leak_kind("a@b.com") == "email"
    assert leak_kind("07700 900123") == "phone"
    assert leak_kind("+44 7700 900123") == "phone"
    assert leak_kind("B91 3QQ") == "postcode"
    assert leak_kind("943 476 5919") == "NHS number"
    assert leak_kind("Mrs Patel") == "name"
    assert leak_kind("EHCP-2023-0412") == "other"


def test_baseline_has_no_themes():
    result = textblob_baseline("This was a great service")
    assert result.themes == () and result.sentiment == "positive"


def test_held_out_split_stays_above_measured_floors():
    # Floors are the figures measured on our own held-out split minus a margin, so a
    # change that makes the analyser worse on unseen comments fails here.
    # Measured: theme micro-F1 0.74, sentiment macro-F1 0.77 with the shipped model;
    # 0.74 and 0.73 with the rules alone.
    heldout = load_examples("heldout.jsonl")
    report = evaluate(heldout, analyse)
    assert report.theme_micro.f1 >= 0.69
    assert report.sentiment_macro_f1 >= 0.72
    rules_only = evaluate(
        heldout, lambda t, *, source=None: analyse(t, learned=RULES_ONLY, source=source)
    )
    assert rules_only.theme_micro.f1 >= 0.69
    assert rules_only.sentiment_macro_f1 >= 0.68
    assert report.safeguarding.recall == 1.0
    assert report.safeguarding.precision >= 0.8
    for kind in ("email", "phone", "postcode", "NHS number"):
        assert report.leaks[kind] == 0
    names = report.pii_total["name"]
    assert report.leaks["name"] <= 0.1 * names


def test_json_contract():
    result = analyse("Mrs Patel never rang back", question="could_be_better")
    data = result.to_json_dict("c1")
    assert set(data) == {"id", "themes", "sentiment", "polarity", "safeguarding", "redacted"}
    assert data["id"] == "c1" and isinstance(data["themes"], list)
    assert data["redacted"] == "Mrs [name] never rang back"
    assert -1.0 <= data["polarity"] <= 1.0


def test_a_report_can_be_built_from_labels_and_suggestions_without_an_analyser():
    report = EvaluationReport()
    report.add(["transport"], ["transport", "timeliness"], "negative", "negative")
    report.add(["communication", "staff_attitude"], ["communication"], "positive", "neutral")
    report.sort_themes()
    assert list(report.themes) == ["communication", "staff_attitude", "timeliness", "transport"]
    assert (report.theme_micro.tp, report.theme_micro.fp, report.theme_micro.fn) == (2, 1, 1)
    assert report.records == 2
    assert report.sentiment_right == 1
    assert report.sentiment_accuracy == 0.5


def test_read_jsonl_lists_every_problem_by_line(tmp_path):
    import json

    import pytest

    from feedback_app.analysis.evaluation_files import LabelledFileError, read_jsonl

    good = {"id": "a", "text": "x", "sentiment": "neutral"}
    path = tmp_path / "labelled.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(good),
                json.dumps({"id": "b", "text": "y"}),
                "[1]",
                "",
                json.dumps({**good, "pii": None}),
                json.dumps({**good, "themes": "communication"}),
                json.dumps({**good, "id": float("nan")}),
                "[" * 100_000,
            ]
        ),
        encoding="utf-8",
    )
    with pytest.raises(LabelledFileError) as raised:
        read_jsonl(str(path))
    numbers = [problem.split(":")[0] for problem in raised.value.problems]
    assert numbers == ["line 2", "line 3", "line 5", "line 6", "line 7", "line 8"]
    assert "line 2" in str(raised.value) and "line 8" in str(raised.value)
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    assert read_jsonl(str(path)) == [good]
    path.write_text("", encoding="utf-8")
    with pytest.raises(LabelledFileError, match="no labelled comments"):
        read_jsonl(str(path))


def test_shipped_labelled_files_pass_the_checks():
    from pathlib import Path

    from feedback_app.analysis.evaluation_files import read_jsonl

    data = Path(__file__).parents[3] / "feedback_app" / "analysis" / "data"
    for name in ("heldout.jsonl", "training.jsonl"):
        assert read_jsonl(str(data / name))
