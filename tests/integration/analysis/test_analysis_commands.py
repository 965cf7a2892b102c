"""The ``flask analyse`` contract and the commands around it."""

import io
import json
from datetime import date

from feedback_app.analysis import learning
from feedback_app.commands.analysis import stream_analyses
from feedback_app.extensions import db
from feedback_app.models import AnalysisModel, Comment, SafeguardingFlag
from feedback_app.services import analysis_admin, comments, safeguarding

CONTRACT_KEYS = {"id", "themes", "sentiment", "polarity", "safeguarding", "redacted"}


def test_analyse_command_writes_one_line_per_input_in_order(app):
    lines = [
        {"id": "a", "text": "Nobody returned my calls for six weeks"},
        {"id": 2, "text": "Email me at jo.bloggs@example.com about the plan"},
        {"id": "c", "text": "My daughter has said she wants to end her life"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    result = app.test_cli_runner().invoke(args=["analyse"], input=stdin)
    assert result.exit_code == 0, result.output
    outputs = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in outputs] == ["a", 2, "c"]
    for output in outputs:
        assert output.keys() >= CONTRACT_KEYS
        assert output["sentiment"] in {"negative", "neutral", "positive"}
        assert -1 <= output["polarity"] <= 1
        assert isinstance(output["themes"], list)
    assert "communication" in outputs[0]["themes"]
    assert "jo.bloggs@example.com" not in outputs[1]["redacted"]
    assert outputs[2]["safeguarding"] is True
    assert outputs[0]["safeguarding"] is False


def test_an_optional_source_tips_the_tone_of_a_close_call(app):
    context = comments.AnalysisContext.load()
    text = "The caseworker finally called us back"
    lines = [
        {"id": 1, "text": text},
        {"id": 2, "text": text, "source": "complaint"},
        {"id": 3, "text": text, "source": 7},  # not a string: ignored
    ]
    sink = io.StringIO()
    stream_analyses(io.StringIO("".join(json.dumps(line) + "\n" for line in lines)), sink, context)
    tones = [json.loads(line)["sentiment"] for line in sink.getvalue().splitlines()]
    assert tones == ["positive", "negative", "positive"]
    # Stored comments are analysed with their own source.
    complaint = comments.record_comment(
        source="complaint", source_id=1, text=text, received_on=date.today()
    )
    assert complaint.machine_sentiment == "negative"


def test_bad_lines_get_an_error_line_and_the_stream_goes_on(app):
    context = comments.AnalysisContext.load()
    sink = io.StringIO()
    count = stream_analyses(
        io.StringIO('not json\n{"id": 1, "text": 5}\n{"id": 2, "text": "fine"}\n'), sink, context
    )
    outputs = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert count == 3
    assert "error" in outputs[0] and outputs[0]["error"].startswith("Line 1")
    assert "error" in outputs[1]
    assert outputs[1]["id"] == 1  # the row the error belongs to
    assert outputs[2]["id"] == 2


def test_analyse_eval_prints_figures_and_baseline(app, tmp_path):
    path = tmp_path / "eval.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "x",
                "source": "new_ehcp",
                "text": "The caseworker never rang back",
                "themes": ["communication"],
                "sentiment": "negative",
                "safeguarding": False,
                "pii": [],
            }
        )
        + "\n"
    )
    result = app.test_cli_runner().invoke(args=["analyse-eval", str(path)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output.lower()
    assert "textblob" in result.output.lower()


def test_retrain_with_nothing_new_says_so_and_trains_nothing(app, monkeypatch):
    shipped = learning.load_corpus()[::60]  # --force trains; on all of it, that takes minutes
    monkeypatch.setattr(learning, "load_corpus", lambda: shipped)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["retrain"])
    assert result.exit_code == 0, result.output
    assert "Nothing to learn" in result.output and "the shipped model" in result.output
    assert db.session.query(AnalysisModel).count() == 0
    forced = runner.invoke(args=["retrain", "--force"])
    assert forced.exit_code == 0, forced.output
    assert db.session.query(AnalysisModel).count() == 1
    again = runner.invoke(args=["retrain"])
    assert "Nothing to learn" in again.output and "the model of" in again.output


def test_retrain_learns_from_corrections_and_analysis_then_uses_the_model(
    app, monkeypatch, make_user
):
    # The wiring, on one comment in 60 of the shipped corpus: training on all of it takes
    # minutes, and learning.py's own tests cover the training itself.
    shipped = learning.load_corpus()[::60]
    monkeypatch.setattr(learning, "load_corpus", lambda: shipped)
    comment = comments.record_comment(
        source="survey", source_id=1, text="The taxi driver was lovely", received_on=date.today()
    )
    assert comment is not None
    comments.label_comment(comment, themes=["transport"], sentiment="positive", user=None)
    # A safeguarding lead decides a flagged comment is no concern; another is undecided.
    cleared = comments.record_comment(
        source="survey", source_id=2, text="He wants to die of boredom", received_on=date.today()
    )
    comments.record_comment(
        source="survey", source_id=3, text="Dad hits him at home", received_on=date.today()
    )
    db.session.commit()
    flags = {flag.comment_id: flag for flag in db.session.query(SafeguardingFlag)}
    assert set(flags) == {cleared.id, cleared.id + 1}
    safeguarding.record_action(
        flags[cleared.id],
        status="closed",
        concern="no_concern",
        action_taken="A figure of speech",
        user=make_user("safeguarding_lead"),
        version=flags[cleared.id].version,
    )
    assert analysis_admin.corrections() == [
        ("The taxi driver was lovely", ["transport"], "positive", None),
        ("He wants to die of boredom", None, None, False),
    ]

    result = app.test_cli_runner().invoke(args=["retrain"])

    assert result.exit_code == 0, result.output
    stored = db.session.query(AnalysisModel).one()
    # Each correction and decision counts twice beside the shipped examples.
    assert stored.examples == len(shipped) + 4
    assert stored.notes == "analyst corrections: 1, safeguarding decisions: 1"
    assert "Re-analysed 3 comments" in result.output
    # Re-analysis with the new model keeps the lead's decision: the comment is not withheld.
    db.session.expire_all()
    assert not db.session.get(Comment, cleared.id).safeguarding
    learned = comments.AnalysisContext.load().learned
    assert learned is not None and learned.examples == stored.examples
    # The retrained model keeps how complaints and compliments lean.
    assert set(learned.source_priors) == {"complaint", "compliment"}
