"""Sentiment: TextBlob's polarity adjusted for how families write about SEND services.

TextBlob alone misses most negative comments here: "30 weeks and still no draft plan"
has no sentiment words at all, and "thanks for nothing" reads as polite. The score is
TextBlob's polarity plus domain cues (waiting and delay, failure, gratitude), with
negation handled for the cues, sarcasm turning praise words negative, and the question
the comment answers as a small prior. A learned model (learning.py) may stack on this.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from textblob._text import EMOTICONS as _TEXTBLOB_EMOTICONS
from textblob._text import PUNCTUATION as _TEXTBLOB_PUNCTUATION
from textblob.en import sentiment as _pattern_sentiment

from feedback_app.analysis.wordstart import (
    FAST_TEXT_RE,
    WordStartMatcher,
    WordStartMatchers,
    split_alternatives,
)

#: Scores with an absolute value below this are neutral.
NEUTRAL_BAND = 0.08
#: Families mostly write to say what went wrong, so a flat comment of some length leans
#: negative; very short answers ("n/a", "its ok") keep no lean.
DOMAIN_BIAS = -0.05
TEXTBLOB_WEIGHT = 0.6
CUE_WEIGHT = 0.8

#: A small prior from the question the comment answers.
QUESTION_BIAS: dict[str, float] = {"could_be_better": -0.2, "went_well": 0.2, "general": 0.0}

_NEGATIVE_CUES: dict[str, float] = {
    # Waiting and delay: carries no sentiment words but is the commonest complaint.
    r"still (?:no|not|waiting|haven't|hasn't|don't|doesn't|nothing|had no|have no)": 0.6,
    r"(?:\d+|two|three|four|five|six|many|several) (?:weeks|months) "
    r"(?:and|later|on|late|over)": 0.4,
    r"weeks late|months late|over a year|overdue|delay\w*|backlog|took (?:ages|months)": 0.4,
    r"took (?:\d+|nearly|almost|over|more than) (?:\w+ )?(?:weeks|months|years?)|lost (?:a|another"
    r"|two|\d+) (?:year|term|months|weeks)": 0.5,
    r"chas(?:e|ed|ing)|never (?:heard|replied|returned|got|came|called|rang|received)": 0.5,
    r"no (?:one|reply|response|answer|update\w*|support|help|contact|plan|school|place|idea)": 0.4,
    r"nobody|heard nothing|nothing (?:has|happened|changed|done)|no change": 0.4,
    r"ignor\w+|let (?:us|me|him|her) down|let down|fail\w*|not fit for purpose": 0.5,
    r"fight\w*|battl\w*|struggl\w*|exhaust\w*|stress\w*|anxi\w+|upset\w*|cry\w*|tears": 0.4,
    r"frustrat\w*|angry|furious|disgust\w*|shocking|appalling|disgrace\w*|unacceptable": 0.6,
    r"a joke|shambles|chaos|nightmare|killing me|sick of|fed up|can't cope|breaking point": 0.5,
    r"waste of|worst|hopeless|useless|pointless|rude|dismissive|patronis\w+|fobbed": 0.5,
    r"had to|forced to|no choice|cancelled|missed|lost|wrong|mistake\w*|refused|rejected": 0.3,
    r"out of school|excluded|not delivered|isn't happening|hasn't happened|didn't happen": 0.4,
    r"not good enough|pillar to post|copy and paste|cut and paste|generic|vague": 0.4,
    r"complain\w*|tribunal|mediation|disappoint\w*|worr\w+|scared|afraid|alone": 0.3,
    r"never|not once|again and again|every time|keep having to|sad": 0.2,
    r"without|no notice|not one|didn't even|doesn't even|hasn't even|haven't even|how am i meant"
    r"|what are we meant|rubbish|discharged|withdrawn|stopped|closed|cut|reduced|blank|blame\w*"
    r"|laughed at|talked over|terrified|still|nothing|no one|anyone|stuck|off rolled": 0.3,
    r"can't|cannot|won't|hasn't|haven't|doesn't|don't|didn't|isn't|wasn't|couldn't|only": 0.15,
    r"shame|tick box|(?:didn't|doesn't|don't) matter|going backwards|outstanding|breach\w*"
    r"|no apology|standard (?:letter|paragraph)|template|(?:hadn't|didn't|not|never) (?:even )?read"
    r"|liar|like a (?:baby|child|nuisance|criminal|liar|number)|no discussion|not asked"
    r"|never asked|too (?:late|slow|long)|no longer|isolated|humiliat\w*|accused|exaggerat\w*"
    r"|sigh\w*|nuisance|stupid|waiting list|loop|in circles|gave up|give up": 0.35,
}

_POSITIVE_CUES: dict[str, float] = {
    r"thank\w*|grateful|gratitude|appreciat\w+": 0.5,
    r"listened|felt heard|understood|supportive|support was|made (?:a|such a) difference": 0.4,
    r"kind|lovely|brilliant|amazing|fantastic|excellent|outstanding|wonderful|superb": 0.4,
    r"helpful|helped|happy|pleased|delighted|relieved|thriving|settled|confident": 0.4,
    r"above and beyond|recommend|reassur\w+|on time|quick\w*|prompt\w*|clear|easy": 0.3,
    r"progress|improv\w+|better|well done|great": 0.2,
    r"like|love\w*|enjoy\w*|fun|friends|changed our lives|worth|smoothly|well|proud|happier"
    r"|keep it up|made my day|calmed|relief|difference|knew what to expect": 0.3,
    r"(?:can't|cannot|couldn't) fault|nothing was too much trouble|can't thank": 0.8,
    r"explained|took (?:the )?time|always|every time|equals|included|involved us|a real say"
    r"|used my words|word for word|spot on|the best|best thing|helps me|valued?|patient"
    r"|understanding|gentle|respected|human|proper|direct line|never felt forgotten"
    r"|made (?:us|me) feel (?:welcome|valued|listened|heard|respected|part)|quicker|early"
    r"|joined up|fitted together|worked (?:well|with us)|knowing my rights|smil\w*|excited"
    r"|grateful|went smoothly|on track|sorted": 0.3,
    r"finally (?:got|have|received|arrived|came|agreed|listened|understood|feel|felt|settled)": 0.3,
}

# Words that turn a cue round when they come shortly before it ("not helpful").
_NEGATOR_RE = re.compile(
    r"(?:\bnot|\bno|\bnever|n't|\bnobody|\bnothing|\bwithout|\bhardly|\bbarely|\black of)"
    r"(?:\s+\S+){0,2}\s+$"
)

# Each starts at a word (none of our 36,600 comments matched inside one).
_SARCASM = (
    r"thanks for nothing|cheers for nothing|thanks a lot for|(?:oh|just) (?:great|brilliant|"
    r"fantastic|wonderful|lovely|perfect)|(?:great|brilliant|fantastic|wonderful|perfect|lovely) "
    r"(?:another|more|yet another|so now)|yeah right|what a joke|love (?:how|the way|that "
    r"nobody|that no one)|funny how|amazing how|nice to know|good to know that|so helpful not|"
    r"well done (?:for|on) (?:losing|ignoring|nothing|missing)|really helpful not|"
    r"(?:great|brilliant|fantastic) job (?:losing|ignoring|there)"
)

# Suggestions ("it would be good to have...") praise an idea, not the service.
_SUGGESTION = (
    r"(?:would|could|might) (?:be|have been) (?:\w+ )?(?:good|nice|helpful|useful|better|great)|"
    r"it would help|would like (?:to|a|an|the)|(?:could|can) (?:you|the|there|we|they)|"
    r"^(?:is|are|can|could|where|when|how|what) |please (?:could|can|send|contact)|suggest"
)

_CONTRAST_RE = re.compile(r"\b(?:but|however|although|though|yet|except)\b")
_RAW_CONTRAST_RE = re.compile(r"\b(?:but|however|although|though|except)\b", re.IGNORECASE)


_CUE_START = r"(?<![a-z0-9'])"
_CUE_END = r"(?![a-z0-9'])"


class _Cues:
    """One polarity's cues: one regex with a named group per cue, found in a single pass.

    The regex is the definition. On normalised text its matches are found word by word
    (wordstart.py), which gives the same matches for a fraction of the cost.
    """

    def __init__(self, cues: dict[str, float]) -> None:
        self.weights = {f"c{i}": weight for i, weight in enumerate(cues.values())}
        body = "|".join(f"(?P<c{i}>{pattern})" for i, pattern in enumerate(cues))
        self.regex = re.compile(_CUE_START + "(?:" + body + ")" + _CUE_END)
        alternatives = [(alt, w) for p, w in cues.items() for alt in split_alternatives(p)]
        self.matcher = WordStartMatcher([alt for alt, _ in alternatives], _CUE_START, _CUE_END)
        self._alternative_weights = [weight for _, weight in alternatives]

    def by_regex(self, normalised: str) -> list[tuple[re.Match[str], float]]:
        """Each cue the regex finds, left to right, with its weight."""
        return [(m, self.weights[m.lastgroup or ""]) for m in self.regex.finditer(normalised)]

    def weighted(self, matches: list[re.Match[str]]) -> list[tuple[re.Match[str], float]]:
        """The matcher's matches, with the weight of the cue each belongs to."""
        alternative, weights = self.matcher.alternative, self._alternative_weights
        return [(match, weights[alternative(match)]) for match in matches]


_NEGATIVE = _Cues(_NEGATIVE_CUES)
_POSITIVE = _Cues(_POSITIVE_CUES)
_SARCASM_RE = re.compile(_CUE_START + "(?:" + _SARCASM + ")")
_SUGGESTION_RE = re.compile(_CUE_START + "(?:" + _SUGGESTION + ")")
# All four found in one walk over the words of normalised text.
_ALL_CUES = WordStartMatchers(
    [
        _NEGATIVE.matcher,
        _POSITIVE.matcher,
        WordStartMatcher(split_alternatives(_SARCASM), _CUE_START, ""),
        WordStartMatcher(split_alternatives(_SUGGESTION), _CUE_START, ""),
    ]
)


@dataclass(frozen=True)
class _FoundCues:
    """The cues of one comment: each polarity's matches with their weights, and flags."""

    negative: list[tuple[re.Match[str], float]]
    positive: list[tuple[re.Match[str], float]]
    sarcasm: bool
    suggestion: bool


def _find_cues(normalised: str, fast: bool | None = None) -> _FoundCues:
    """The cues in normalised text; ``fast`` (found out if None) walks its words once."""
    if fast is None:
        fast = FAST_TEXT_RE.fullmatch(normalised) is not None
    found = _ALL_CUES.finditer(normalised) if fast else None
    if found is None:
        return _FoundCues(
            _NEGATIVE.by_regex(normalised),
            _POSITIVE.by_regex(normalised),
            _SARCASM_RE.search(normalised) is not None,
            _SUGGESTION_RE.search(normalised) is not None,
        )
    negative, positive, sarcasm, suggestion = found
    return _FoundCues(
        _NEGATIVE.weighted(negative), _POSITIVE.weighted(positive), bool(sarcasm), bool(suggestion)
    )


@dataclass(frozen=True)
class SentimentResult:
    """The label, polarity and the parts of the score, kept to explain a decision."""

    label: str
    polarity: float
    score: float
    textblob: float
    cues: tuple[str, ...]
    sarcasm: bool


# TextBlob's own tokeniser is two thirds of its cost and splits "can't" into "ca n ' t",
# which hides the negation from its own rules; this keeps "n't" whole, as its lexicon expects.
_TEXTBLOB_TOKEN_RE = re.compile(r"\w+(?=n't)|n't|\w+(?:'\w+)?|[!?.,;:]|[:;]-?[()DP]")


@dataclass(frozen=True)
class _Lexicon:
    """TextBlob's English lexicon and settings, flattened for its scoring loop.

    TextBlob's ``assessments`` looks each word up through a wrapper that checks the lexicon
    is loaded, builds a dict per scored word and scans its emoticon table for every token
    that is not a plain word ("n't", "20"). ``_textblob_assessments`` runs the same rules
    on these tables; scores are identical (tests/unit/analysis/test_sentiment.py).
    """

    #: word -> (polarity, intensity, whether it modifies the next word), all parts of speech
    words: dict[str, tuple[float, float, bool]]
    negations: frozenset[str]
    #: emoticon (lower case) -> polarity; the first of TextBlob's groups that holds it
    emoticons: dict[str, float]


_lexicon: _Lexicon | None = None


def _loaded_lexicon() -> _Lexicon:
    global _lexicon
    if _lexicon is None:
        if not dict.__len__(_pattern_sentiment):
            _pattern_sentiment.load()
        modifiers = _pattern_sentiment.modifiers
        words = {}
        for word, senses in dict.items(_pattern_sentiment):
            # Words are scored untagged: TextBlob's average over all parts of speech (None).
            polarity, _subjectivity, intensity = senses[None]
            words[word] = (polarity, intensity, any(map(senses.__contains__, modifiers)))
        emoticons: dict[str, float] = {}
        for (_kind, polarity), faces in _TEXTBLOB_EMOTICONS.items():
            for face in faces:
                emoticons.setdefault(face.lower(), polarity)
        _lexicon = _Lexicon(words, frozenset(_pattern_sentiment.negations), emoticons)
    return _lexicon


def _textblob_assessments(tokens: list[str], lexicon: _Lexicon) -> list[float]:
    """The polarity of each of TextBlob's assessments of lower-cased, untagged tokens.

    TextBlob's rules: a known word is scored; a modifier before it ("really good")
    multiplies it by the modifier's intensity; a negation before it, kept across small
    words ("not a good"), makes it count -0.5 times; "!" strengthens the last score by a
    quarter; emoticons score on their own.
    """
    words, negations = lexicon.words, lexicon.negations
    scored: list[list[float]] = []  # [polarity, intensity, -1 if negated else 1]
    modifier: str | None = None
    negation: str | None = None
    for word in tokens:
        known = words.get(word)
        if known is not None:
            polarity, intensity, modifies = known
            if modifier is None:
                scored.append([polarity, intensity, 1.0])
            else:
                last = scored[-1]
                last[0] = max(-1.0, min(polarity * last[1], 1.0))
                last[1] = intensity
            if negation is not None:
                last = scored[-1]
                last[1] = 1.0 / last[1]
                last[2] = -1.0
            modifier = word if modifies else None
            negation = word if word in negations else None
            continue
        if word in negations:
            negation = word
        elif negation and len(word.strip("'")) > 1:
            negation = None
        if negation is not None and modifier is not None and modifier.endswith("ly"):
            scored[-1][2] = -1.0  # "really not good"
            negation = None
        elif modifier and len(word) > 2:
            modifier = None
        if word == "!" and scored:
            scored[-1][0] = max(-1.0, min(scored[-1][0] * 1.25, 1.0))
        if word == "(!)":
            scored.append([0.0, 1.0, 1.0])  # irony
        if not word.isalpha() and len(word) <= 5 and word not in _TEXTBLOB_PUNCTUATION:
            face = lexicon.emoticons.get(word)
            if face is not None:
                scored.append([face, 1.0, 1.0])
    return [polarity * -0.5 if sign < 0 else polarity for polarity, _, sign in scored]


def textblob_polarity(text: str) -> float:
    """TextBlob's pattern polarity: its lexicon and scoring on our tokens (no NLTK data)."""
    tokens = _TEXTBLOB_TOKEN_RE.findall(text.replace("’", "'"))
    polarities = _textblob_assessments([t.lower() for t in tokens], _lexicon or _loaded_lexicon())
    if not polarities:
        return 0.0
    return float(sum(polarities) / len(polarities))


def _cue_score(normalised: str, cues: _FoundCues) -> tuple[float, list[str]]:
    """Sum the domain cues; later clauses (after "but") count more, negated cues flip."""
    contrast = [m.end() for m in _CONTRAST_RE.finditer(normalised)]
    last_contrast = contrast[-1] if contrast else -1
    total = 0.0
    found: list[str] = []
    for sign, weighted in ((-1.0, cues.negative), (1.0, cues.positive)):
        for match, weight in weighted:
            value = sign * weight
            cue = match.group(0)
            if sign > 0:
                start = max(0, match.start() - 30)
                negator = _NEGATOR_RE.search(normalised[start : match.start()])
                if negator:
                    value = -value  # "not helpful", "never listened", "no help"
                    cue = normalised[start + negator.start() : match.end()]
            # Families put their conclusion last: "lovely staff but 40 weeks late".
            if match.start() > last_contrast >= 0:
                value *= 1.4
            total += value
            found.append(cue)
    return total, found


def score_sentiment(
    raw: str,
    normalised: str,
    question: str | None = None,
) -> SentimentResult:
    """Score one comment from its raw and normalised text and the question it answers."""
    base = textblob_polarity(raw) if raw.strip() else 0.0
    contrast = _RAW_CONTRAST_RE.split(raw)
    if len(contrast) > 1 and contrast[-1].strip():
        # "Lovely staff but 40 weeks late": the clause after the contrast is the verdict.
        base = 0.4 * base + 0.6 * textblob_polarity(contrast[-1])
    found = _find_cues(normalised)
    cue_total, cues = _cue_score(normalised, found)
    sarcasm = found.sarcasm
    if sarcasm:
        # The praise words are ironic: count them against the service, and the cue too.
        base = -abs(base)
        cue_total = -abs(cue_total) - 0.6
    if found.suggestion and not sarcasm:
        base, cue_total = min(base, 0.0), min(cue_total, 0.0) * 0.5
    score = TEXTBLOB_WEIGHT * base + CUE_WEIGHT * cue_total
    if normalised.count(" ") >= 5:
        score += DOMAIN_BIAS
    if question:
        score += QUESTION_BIAS.get(question, 0.0)
    polarity = max(-1.0, min(1.0, math.tanh(score)))
    if score <= -NEUTRAL_BAND:
        label = "negative"
    elif score >= NEUTRAL_BAND:
        label = "positive"
    else:
        label = "neutral"
    return SentimentResult(label, round(polarity, 3), score, base, tuple(cues), sarcasm)
