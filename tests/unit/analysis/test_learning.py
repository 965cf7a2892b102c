"""Learning from corrections: training, combining with rules, serialising."""

import json

from feedback_app.analysis import RULES_ONLY, LearnedModel, analyse, train
from feedback_app.analysis.learning import as_examples, features, load_examples

CORRECTIONS = [
    ("The respite hub on Saturdays is wonderful", ["social_care"], "positive"),
    ("Respite hub closed again with no notice", ["social_care"], "negative"),
    ("The hub staff know him so well", ["social_care"], "positive"),
    ("No hub place this summer, we are desperate", ["social_care"], "negative"),
    ("The portal crashed and lost my form", ["information"], "negative"),
    ("The portal is easy to use", ["information"], "positive"),
] * 3


def test_model_learns_new_wording():
    text = "The hub was good for him"
    assert "social_care" not in analyse(text, learned=RULES_ONLY).themes
    model = train(CORRECTIONS)
    assert "social_care" in analyse(text, learned=model).themes


def test_model_round_trips_through_json():
    model = train(CORRECTIONS)
    data = json.loads(json.dumps(model.to_dict()))
    again = LearnedModel.from_dict(data)
    text = "the hub was closed again"
    assert analyse(text, learned=again) == analyse(text, learned=model)


def test_bad_version_is_refused():
    data = train(CORRECTIONS).to_dict()
    data["version"] = 99
    try:
        LearnedModel.from_dict(data)
    except ValueError:
        pass
    else:
        raise AssertionError("expected ValueError")


def test_empty_training_gives_rules_only_behaviour():
    model = train([])
    assert model.examples == 0
    text = "still no reply from the caseworker"
    assert analyse(text, learned=model) == analyse(text, learned=RULES_ONLY)


def test_explanation_lists_words():
    model = train(CORRECTIONS)
    explained = model.explain_theme("social_care", features("the respite hub"))
    assert any("hub" in word for word, _weight in explained)


def test_shipped_examples_are_well_formed():
    for name in ("training.jsonl", "heldout.jsonl"):
        records = load_examples(name)
        assert len(records) >= 100
        for record in records:
            assert set(record) >= {"id", "text", "themes", "sentiment", "safeguarding", "pii"}
            assert record["sentiment"] in {"negative", "neutral", "positive"}
        assert len(as_examples(records)) == len(records)


def test_features_share_stems_and_mark_shape():
    feats = features("Could you send the letters?")
    assert "letter" in feats
    assert {"_question", "_suggestion", "_len1"} <= feats
    assert features("delays") & features("delay") >= {"delay"}


def test_stored_version_2_model_still_loads_with_its_own_features():
    data = train(CORRECTIONS).to_dict()
    data["version"] = 2
    old = LearnedModel.from_dict(json.loads(json.dumps(data)))
    assert old.version == 2
    assert old.to_dict()["version"] == 2
    assert "_len1" not in old.features("the respite hub was closed")
    analyse("the respite hub was closed", learned=old)
