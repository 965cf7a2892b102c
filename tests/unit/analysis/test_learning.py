"""Learning from corrections: training, combining with rules, serialising."""

import json
from typing import cast

from feedback_app.analysis import RULES_ONLY, LearnedModel, analyse, train
from feedback_app.analysis.learning import (
    _Row,
    as_examples,
    default_model,
    load_corpus,
    load_examples,
    source_priors,
)
from feedback_app.analysis.learning_features import features
from feedback_app.analysis.pipeline import _learned_phrases

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


def test_words_after_a_negator_carry_their_own_feature():
    feats = features("They were not very helpful at meetings and never once rang back")
    assert {"!very", "!helpful", "!once", "!rang", "!back"} <= feats
    assert "!meeting" not in feats  # beyond the three words after "not"
    assert "helpful" in feats  # the word itself still counts
    assert not any(f.startswith("!") for f in features("Very helpful, rang back at once"))
    assert "!help" in features("The SENCO didn't help")


def test_stored_version_3_model_is_read_without_negation_scope():
    data = train(CORRECTIONS).to_dict()
    data["version"] = 3
    old = LearnedModel.from_dict(json.loads(json.dumps(data)))
    assert old.to_dict()["version"] == 3
    feats = old.features("the hub was not open")
    assert "open" in feats
    assert not any(f.startswith("!") for f in feats)
    analyse("the hub was not open", learned=old)


# Disclosures in wording the safeguarding rules do not know ("the lodger", "at bathtime"),
# among ordinary comments that share some of their words.
DISCLOSURES = [
    ("The lodger goes in her room at bathtime and she cries", [], "negative", True),
    ("She says the lodger watches her at bathtime", [], "negative", True),
    ("The lodger waits for her at bathtime every evening", [], "negative", True),
    ("The room at school is lovely and calm", ["school_support"], "positive", False),
    ("Bathtime is easier since the OT visit", ["health"], "positive", False),
    ("Her room at the respite hub is lovely", ["social_care"], "positive", False),
    ("The caseworker cries off every meeting", ["communication"], "negative", False),
    ("Plan arrived on time this year", ["timeliness"], "positive", False),
] * 4


def test_training_order_is_shuffled_but_repeatable():
    first, again = train(CORRECTIONS), train(CORRECTIONS)
    assert first.to_dict() == again.to_dict()
    reordered = train(list(reversed(CORRECTIONS)))
    # A different file order gives a model that still agrees on what it learned.
    text = "The hub was good for him"
    assert analyse(text, learned=reordered).themes == analyse(text, learned=first).themes


def test_learned_safeguarding_flags_wording_the_rules_miss():
    text = "the lodger comes in at bathtime"
    assert not analyse(text, learned=RULES_ONLY).safeguarding
    model = train(DISCLOSURES)
    result = analyse(text, learned=model)
    assert result.safeguarding
    # The lead sees the comment's own words that raised it, not stems.
    assert set(result.safeguarding_phrases) & {"lodger", "bathtime", "the lodger"}
    assert result.sentiment == "negative"
    assert not analyse("Her room at school is calm", learned=model).safeguarding


def test_a_learned_flag_leaves_the_sentiment_to_the_model():
    # Only a disclosure the rules find forces "negative"; a learned flag asks the lead to
    # check, and here the words around it are thanks.
    model = train(DISCLOSURES)
    result = analyse("Thank you, the lodger has been brilliant with him", learned=model)
    assert result.safeguarding
    assert result.sentiment == "positive"
    assert result.safeguarding_found_by == "model"  # the lead is told it is a prompt to check
    ruled = analyse("Thank you all, but he says he wants to kill himself", learned=model)
    assert ruled.safeguarding and ruled.sentiment == "negative"
    assert ruled.safeguarding_found_by == "rules"
    assert analyse("The review meeting was on time").safeguarding_found_by == ""


def test_examples_without_a_safeguarding_label_teach_no_flags():
    # Analysts' corrections carry themes and sentiment only.
    unlabelled = [example[:3] for example in DISCLOSURES]
    model = train(unlabelled)
    assert model.safeguarding_weights == {}
    assert not analyse("the lodger comes in at bathtime", learned=model).safeguarding


def test_a_leads_decision_teaches_safeguarding_and_nothing_else():
    # A safeguarding lead decides whether a flagged comment is a disclosure; they give no
    # themes or sentiment, and those parts must not learn "no theme" from the comment.
    decisions = [(text, None, None, disclosure) for text, _, _, disclosure in DISCLOSURES]
    model = train(CORRECTIONS + decisions)
    alone = train(CORRECTIONS)
    assert model.theme_weights == alone.theme_weights
    assert model.theme_bias == alone.theme_bias
    assert model.safeguarding_weights and not alone.safeguarding_weights
    assert analyse("the lodger comes in at bathtime", learned=model).safeguarding
    # A lead's "no concern" teaches that the words of a false alarm are not a disclosure.
    cleared = train(DISCLOSURES + [("The lodger helps at bathtime", None, None, False)] * 8)
    flagged = train(DISCLOSURES)
    text = "the lodger helps at bathtime"
    assert cleared.safeguarding_probability(features(text)) < flagged.safeguarding_probability(
        features(text)
    )


def test_models_stored_before_safeguarding_still_load():
    data = train(CORRECTIONS).to_dict()
    del data["safeguarding_bias"], data["safeguarding_weights"]
    model = LearnedModel.from_dict(data)
    assert model.safeguarding_probability(features("the lodger comes in")) == 0.0
    assert analyse("The hub was good for him", learned=model).themes


def test_learned_flag_shows_a_negated_word_from_its_negator():
    # "!safe" is the feature for "safe" shortly after a negator; the lead sees the words.
    comment = "i do not feel safe at home"
    assert _learned_phrases(comment, ["!safe", "at home", "_len1"]) == (
        "not feel safe",
        "at home",
    )
    # A negated word with no negator before it in the comment is not invented.
    assert _learned_phrases("safe at home", ["!safe"]) == ("words like other disclosures",)


def test_packed_word_sums_match_the_weights_summed_one_by_one():
    model = train(CORRECTIONS)
    feats = features("Respite hub closed again, the portal is easy but no hub place")
    scale = 1 / len(feats) ** 0.5
    tables = {
        **model.theme_weights,
        **{"s:" + label: table for label, table in model.sentiment_weights.items()},
        "safeguarding": model.safeguarding_weights,
    }
    sums = model.word_sums(feats)
    assert set(sums) == set(tables)
    for column, table in tables.items():
        expected = sum(table.get(feat, 0.0) for feat in feats) * scale
        assert abs(sums[column] - expected) < 1e-8
    # Sums below zero survive the packing as well as those above it.
    assert min(sums.values()) < 0 < max(sums.values())


def test_a_weight_too_large_to_pack_is_refused_not_wrapped():
    model = LearnedModel(theme_bias={"health": 0.0}, theme_weights={"health": {"ot": 300.0}})
    try:
        model.word_sums({"ot"})
    except ValueError as error:
        assert "too large" in str(error)
    else:
        raise AssertionError("expected ValueError")


def test_source_priors_say_how_each_source_leans():
    records = [
        *[{"source": "complaint", "sentiment": "negative"}] * 6,
        {"source": "complaint", "sentiment": "neutral"},
        *[{"source": "new_ehcp", "sentiment": label} for label in ("positive", "neutral")] * 3,
    ]
    priors = source_priors(records)
    # Only complaints and compliments lean; there are no compliments here.
    assert set(priors) == {"complaint"}
    # negative: (6 + 1) / (7 + 3) of complaints against 6 / 13 of all, at half strength.
    assert priors["complaint"]["negative"] == round((0.7 / (6 / 13)) ** 0.5, 3)
    # One is added to each count, so a tone no complaint had is tipped against, not ruled out.
    assert 0 < priors["complaint"]["positive"] < 1


def test_the_shipped_model_carries_the_shipped_corpus_priors():
    assert default_model().source_priors == source_priors(load_corpus())


def test_a_comments_source_tips_close_calls_on_tone():
    # From a complaint, "finally" reads as exasperation; from a compliment, as thanks.
    text = "The caseworker finally called us back"
    assert analyse(text).sentiment == "positive"
    assert analyse(text, source="complaint").sentiment == "negative"
    assert analyse(text, source="compliment").sentiment == "positive"
    plain = "Mrs Khan from the SEN team dealt with it"
    assert analyse(plain).sentiment == "neutral"
    assert analyse(plain, source="compliment").sentiment == "positive"
    # Surveys and unknown sources do not lean, and clear wording is not overturned.
    assert analyse(plain, source="new_ehcp").sentiment == "neutral"
    assert analyse("Nobody told us about the panel date", source="compliment").sentiment == (
        "negative"
    )


def test_a_model_without_source_priors_ignores_the_source():
    model = train(CORRECTIONS)
    assert model.source_priors == {}
    text = "The portal is easy to use"
    assert analyse(text, learned=model, source="complaint") == analyse(text, learned=model)
    # Priors survive the round trip through the database.
    model.source_priors = {"complaint": {"negative": 2.0, "neutral": 1.0, "positive": 0.5}}
    assert LearnedModel.from_dict(json.loads(json.dumps(model.to_dict()))).source_priors == (
        model.source_priors
    )


def test_a_rows_getter_reads_the_same_weights_as_indexing():
    weights = [0.5, -1.25, 2.0, 0.125]
    for ids in ([], [2], [3, 0, 1]):
        row = _Row(ids)
        assert list(row) == ids
        assert list(row.values(weights)) == [weights[i] for i in ids]


def test_words_of_equal_weight_are_explained_in_the_same_order_every_run() -> None:
    # Features come in a set, whose order changes with the hash seed; equal weights must
    # not leave the order to it, or the review card's reasons change between runs.
    model = LearnedModel(
        theme_bias={"health": 0.0},
        theme_weights={"health": {"zebra": 1.0, "apple": 1.0, "mango": -1.0}},
        sentiment_weights={
            "negative": {"zebra": 0.5, "apple": 0.5},
            "neutral": {},
            "positive": {},
        },
        safeguarding_weights={"zebra": 2.0, "apple": 2.0},
    )
    # Lists in two orders stand in for a set's two iteration orders under two hash seeds.
    for order in (["zebra", "apple", "mango"], ["mango", "apple", "zebra"]):
        feats = cast(set[str], order)
        assert [word for word, _ in model.explain_theme("health", feats)] == [
            "apple",
            "mango",
            "zebra",
        ]
        assert [word for word, _ in model.explain_sentiment("negative", feats)] == [
            "apple",
            "zebra",
        ]
        assert model.explain_safeguarding(feats) == ["apple", "zebra"]
