"""Safeguarding: find disclosures of a risk of harm in free text.

Recall comes first: a missed disclosure is the worst error the analyser can make, so
the patterns are broad and cover text-speak, first and third person. Everyday idioms
("this process is killing me", "dying to hear", "sick of waiting") are blanked out
before matching so that they do not bury real flags in false alarms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# Idioms that use words of harm without any risk. They are removed before matching.
_IDIOMS = [
    r"(?:is|was|it's|its|are|they're|you're|this is|that's) (?:\w+ )?killing (?:me|us)",
    r"kill(?:s|ing)? me (?:inside|slowly)|kills me",
    r"(?:could|would) (?:kill|murder) for",
    r"dying (?:to|for)|died? of (?:shame|embarrassment|shock|laughing|boredom)|to die for"
    r"|bored to death",
    r"(?:scared|worried|frightened) (?:to death|sick)|sick (?:of|and tired)"
    r"|over my dead body",
    r"nightmare|murder(?:ous)? (?:to|getting)|suicide mission|deadline\w*|dead end",
    r"hit (?:a|the) (?:brick )?wall|hit and miss|hit the ground"
    r"|hit (?:the|a|our|my) (?:target|limit|deadline|targets?)|hit (?:his|her) targets?"
    r"|hit home|hits home|heading for a fall"
    r"|a kick in the teeth|kicked into the long grass",
    r"kicked off|kick(?:s|ing)? off|fighting (?:for|to get|every)|battle\w* (?:for|with|to)",
    r"no harm in|harm(?:ed|s)? (?:his|her|their|my) (?:education|chances|progress|learning)",
    r"cut(?:ting)? (?:his|her|the) (?:hours|support|funding|provision|budget|timetable)",
    r"cuts? to|cut back|cut short|cut off|missing (?:out|from education|lessons|school|the point"
    r"|paperwork|reports?|pages?|information|section|evidence|advice)",
    r"(?:plan|advice|report|paperwork|file|form|letter|email|evidence|page|section|note|complaint"
    r"|application|referral)s? "
    r"(?:\w+ ){0,4}(?:went|go|gone|goes|going) missing|"
    r"went missing from (?:the|his|her) (?:file|plan|report)|(?:file|paperwork|report|plan|form"
    r"|letter|email)s? (?:\w+ )?(?:went|go|gone|goes) missing",
    r"abuse of (?:process|power|the system)|not safe to assume|safe to say",
    r"drag(?:ged|ging)? (?:on|out|its feet|their feet)|run(?:ning)? away with",
    r"pull(?:ing)? my hair out|tearing my hair out|fear for my sanity|bang(?:ing)? my head "
    r"(?:against|on) (?:a|the) (?:brick )?wall|hitting my head against",
]

# Disclosure patterns, grouped by kind so the lead can see at a glance what it was.
_WHO = (
    r"(?:him|her|them|me|my|myself|himself|herself|themselves|themself|us|my son|my daughter"
    r"|my child|my boy|my girl|my kids?|the kids?|the child|my partner|my wife|my husband|mum"
    r"|dad|his|their)"
)
_PATTERNS: dict[str, str] = {
    "self-harm": (
        r"self ?harm\w*|self ?injur\w*|self ?hurt\w*|"
        r"(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|burn\w*|scratch\w*|bit|bites"
        r"|biting|bang\w*|hit\w*|punch\w*) (?:himself|herself|themselves|themself|myself)|"
        r"cuts (?:on|to|up) (?:his|her|their|my) (?:arms?|legs?|wrists?|body)|"
        r"(?:head ?bang\w*|bang\w* (?:his|her|their) head)|"
        r"(?:cut|cuts|cutting|scratch\w*|burn\w*|carv\w*) (?:his|her|their|my) (?:arms?|legs?|"
        r"wrists?|skin|thighs?|stomach|body)"
    ),
    "suicide": (
        r"suicid\w*|kill (?:himself|herself|themselves|themself|myself)|"
        r"kill(?:ed|ing)? (?:himself|herself|themselves|myself)|kms|unalive\w*|"
        r"end(?:ing)? (?:it all|(?:his|her|their|my) (?:own )?life|(?:him|her|my)self)|"
        r"(?:want|wants|wanted|wanting|wish|wishes|wished) (?:to die|to be dead|(?:he|she|i) "
        r"(?:was|were) dead|(?:he|she|i) (?:wasn't|weren't) (?:alive|here|born))|"
        r"(?:doesn't|don't|didn't) want to (?:be alive|live|be here any ?more|exist)|"
        r"better off (?:dead|without (?:me|him|her))|not (?:want|wanting) to live|"
        r"overdose\w*|took (?:an? )?(?:overdose|tablets|pills)|noose|ligature\w*|"
        r"hang (?:himself|herself|myself|themselves)|jump (?:off|in front)|can't go on|"
        r"no (?:reason|point) (?:to|in) (?:live|living|being alive)"
    ),
    "abuse": (
        r"(?:boyfriend|girlfriend|partner|dad|mum|father|mother|step\w*|uncle|brother|sister|carer|"
        r"teacher|staff|someone|a man|a woman|he|she) (?:\w+ )?(?:hurts|hurt|hits|hit|touches|"
        r"touched|kicks|kicked|slaps|slapped) (?:him|her|them|me)|abus\w+|domestic (?:violence|"
        r"abuse)|\bdv\b|"
        r"(?:hits|hit|hitting|beats?|beating|beaten|punch\w*|kick(?:s|ed|ing)|slap\w*|"
        r"strangl\w*|chok\w*|smack\w*|shak(?:es|en|ing)|throttl\w*|threw|throws|thrown)"
        r" " + _WHO + r"|"
        r"sexual\w*|rape\w*|raped|molest\w*|touch(?:ed|es|ing) (?:him|her|them|me) "
        r"(?:inappropriately|sexually)|inappropriate(?:ly)? touch\w*|indecent\w*|"
        r"violen\w+|assault\w*|attack(?:ed|s|ing) (?:" + _WHO + r")|"
        r"(?:scared|afraid|frightened|terrified) (?:of (?:his|her|my|their) (?:dad|mum|step\w*|"
        r"father|mother|partner|brother|uncle)|to go home|of going home)|"
        r"(?:threaten\w*) (?:to (?:hurt|kill|harm)|" + _WHO + r")"
    ),
    "neglect": (
        r"wander\w* (?:off|away|out)|neglect\w*|(?:no|not enough|hasn't had|doesn't get|"
        r"don't get) (?:food|meals|anything"
        r" to eat)|not (?:being )?fed|go(?:es|ing)? hungry|starving|"
        r"left (?:alone|on (?:his|her|their) own|home alone|unsupervised)|home alone|"
        r"no (?:heating|electric\w*|gas) (?:at home|in the house)|dirty (?:clothes|nappies)|"
        r"unkempt|no one (?:looks|is looking) after"
    ),
    "not safe": (
        r"(?:isn't|is not|not|don't feel|doesn't feel|didn't feel|never feels?|never felt|un)"
        r" ?safe(?! to assume| to say| hands)|in danger(?! of)|at risk(?! of)"
        r"|risk of (?:harm|abuse)|"
        r"(?:can't|cannot|couldn't) keep (?:him|her|them|us|myself|my \w+) safe|"
        r"danger to (?:himself|herself|themselves|others|me|us)|safeguarding|"
        r"(?:hurt|harm|kill) (?:someone|somebody|others|his sister|her sister|his brother"
        r"|her brother|the baby|me|us)"
    ),
    "restraint or injury": (
        r"restrain\w*|held down|pinned (?:down|to)|physical(?:ly)? (?:intervention|handled|held)|"
        r"manhandl\w*|dragged|grabbed (?:him|her|by)|locked (?:in|him|her)|seclusion|"
        r"bruis\w*|marks on (?:his|her|their)|injur\w*|broken (?:arm|wrist|bone|nose)|"
        r"black eye|bleeding|stitches"
    ),
    "missing": (
        r"(?:went|gone|goes|go|going) missing|missing (?:for|overnight|all night|from home)|"
        r"(?:ran|run|runs|running) (?:away|off) (?:from|again|at night|and)|ran away|runs away|"
        r"abscond\w*|police (?:found|brought|picked|were called|called|looking)|"
        r"(?:didn't|did not|hasn't) come home|reported (?:him|her) missing|"
        r"climb\w* out (?:of )?(?:the )?window|left the (?:school|house) (?:site )?"
        r"(?:alone|on (?:his|her) own|without)"
    ),
    "exploitation": (
        r"ask\w* (?:me|him|her|them) for (?:pics|photos|pictures|nudes|selfies)|"
        r"keeps? (?:it )?(?:a )?"
        r"secrets?|(?:said|told (?:me|him|her)) not to tell|gives? (?:him|her|them|me) (?:vapes?|"
        r"money|"
        r"drugs|cigarettes|alcohol|gifts|presents|lifts)|groom\w*|exploit\w*|county lines|"
        r"older (?:men|boys|man|lads)|sext\w*|nudes|"
        r"(?:sending|sent|send|asked for) (?:pictures|photos|pics)|carrying (?:drugs|packages)|"
        r"drug\w* (?:deal\w*|run\w*)|\bcse\b|\bcce\b|radicalis\w*|gang\w*"
    ),
    "harm at risk": (
        r"(?:scratch\w*|pick\w*|bit\w*|pull\w*) (?:at )?(?:his|her|their|my) (?:arms?|skin|face|"
        r"hands?|wrists?|legs?)(?: until| till| so)|(?:until|till) (?:it|they|he|she) bleeds?|"
        r"head ?butt\w*|bang\w* (?:his|her|their) head|blades?|razor\w*|"
        r"(?:hate|hates|hated) (?:himself|herself|myself|themselves|his life|her life|my life)|"
        r"(?:doesn't|don't|didn't|not) want(?:ing)? to (?:wake up|be born)|"
        r"wish(?:es|ed)? (?:he|she|i|they) (?:had never been born|could disappear|wasn't here|"
        r"weren't here|was never born)|wants? to disappear|talk\w* about (?:dying|death|killing"
        r"|hurting|ending)|life (?:isn't|is not|wasn't) worth|no point (?:in )?(?:living|being "
        r"here)|tried to (?:take|end|kill|hurt|hang|strangle|jump)|attempt\w*(?: on his| on her"
        r"| to end)? (?:life|suicide)|nobody would miss|no one would miss|"
        r"(?:step|jump|run|ran|walk\w*) (?:out )?(?:in front of|into) (?:a |the )?(?:car|traffic"
        r"|road|train|bus)|nearly (?:got )?(?:hit|run over|died|killed)|could have (?:died|been "
        r"killed)|(?:will|is going to|could) (?:get|be) (?:seriously )?(?:hurt|killed)|"
        r"someone (?:will|is going to) get hurt|fear for (?:his|her|their|my) (?:life|safety)|"
        r"(?:scared|worried|frightened) for (?:his|her|their|my) (?:life|safety)|"
        r"lash\w* out at (?:me|us|his|her|the|my)|violent (?:towards?|to|at home)|"
        r"knife|knives|weapon\w*|stabb\w*|strangers? online|(?:met|talking to|messaging) "
        r"(?:someone|a man|men|an adult|adults) online|coerci\w*|controlling (?:relationship|"
        r"partner|ex)|scared of (?:him|her|my ex|his dad|her dad|my partner)|"
        r"(?:not|wasn't|isn't|never) (?:given|had) (?:his|her|their) (?:medication|meds|epipen|"
        r"inhaler)|without (?:his|her|their) (?:medication|meds|epipen|inhaler)|soiled|"
        r"same (?:clothes|nappy) (?:all|for)|(?:walked|wandered|got|ran) (?:out of|off) (?:the )?"
        r"(?:school|site|grounds|building|class)|left the (?:school|site|building) (?:on|alone|"
        r"without|and)|(?:couldn't|could not|can't) find (?:him|her|them)|"
        r"(?:nobody|no one|didn't) kn(?:ew|ow) where (?:he|she|they) (?:was|were|is)|"
        r"found (?:him|her) (?:on the road|in the road|by the road|wandering|outside alone)|"
        r"unsupervised|shut (?:him|her|them) in|sat on (?:him|her)|pushed (?:him|her) (?:over|"
        r"down|into|against)|(?:member of staff|teacher|ta|staff) (?:hit|grabbed|pushed|"
        r"dragged|slapped|kicked|held)|(?:hits|hit|hurts|hurt|kicks|kicked|bites|bit|attacks|"
        r"attacked) (?:me|his sister|her sister|his brother|her brother|his siblings|the baby"
        r"|other children|other kids)"
    ),
    "carer capacity": (
        r"(?:started|been|keep|kept|am|i'm) drinking|drink(?:ing)? (?:most|every|too much|heavily|"
        r"again|to cope|to get through)|drunk (?:every|most|again|when)|(?:using|taking) (?:drugs|"
        r"cocaine|weed)|relaps\w*|(?:worried|scared|frightened) (?:about|of) (?:being in charge of|"
        r"looking after|caring for|being alone with|what i might do)|(?:can't|cannot|couldn't|"
        r"not able to) (?:look after|care for|manage) (?:him|her|them|the kids|my kids) safely|"
        r"(?:not|isn't|wasn't) safe (?:for me )?to (?:look after|be left|leave)"
    ),
    "care and liberty": (
        r"grab\w* (?:him|her|them|me) by|drag\w* (?:him|her|them)(?! out| on)|red marks?|"
        r"marks? (?:on|round|around) (?:his|her|their) (?:neck|arms?|wrists?|legs?|face|back)|"
        r"lock\w* (?:his|her|their|the) (?:bedroom |classroom |room )?doors?|"
        r"locks? (?:him|her|them) (?:in|out)|to (?:be|get) let out|sore (?:skin|bottom)|"
        r"(?:pad|nappy|pads|nappies) (?:not|wasn't|weren't|hadn't been|never) changed|"
        r"(?:not|never|wasn't|hasn't been) changed all day|left (?:in|wearing|sitting in) (?:a |"
        r"her |his )?(?:wet|soiled|dirty)|(?:film|record)\w* (?:the )?(?:children|kids|him|her|"
        r"pupils|students)|post\w* (?:it|them|videos?|photos?|pictures?|clips?) (?:online|on)|"
        r"hears? voices|voices (?:telling|that tell|tell)|jump\w* (?:off|in front|out of|from)|"
        r"(?:has|had|found|with) a (?:rope|noose|blade|knife)|(?:at|to|in) a e\b"
    ),
    "parent crisis": (
        r"(?:i|i'm|i am|mum is|dad is) (?:feel(?:ing)? )?suicidal|"
        r"(?:i|we) can't (?:cope|keep going) any ?more|(?:don't|dont) want to be here any ?more|"
        r"thoughts of (?:ending|suicide|killing)|(?:hurt|harm)(?:ing)? myself|(?:i'm|i am) not "
        r"coping|(?:might|will|could|going to) (?:hurt|harm) (?:him|her|them)|lose control and"
    ),
}

_IDIOM_RE = re.compile(r"(?<![a-z0-9'])(?:" + "|".join(_IDIOMS) + r")(?![a-z0-9'])")
_PATTERN_RES: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(r"(?<![a-z0-9'&])(?:" + pattern + r")(?![a-z0-9'])"))
    for kind, pattern in _PATTERNS.items()
]
_ANY_RE = re.compile(
    r"(?<![a-z0-9'&])(?:" + "|".join(f"(?:{pattern})" for pattern in _PATTERNS.values()) + ")"
)

# --- Speed: try each alternative only where it can start -------------------------------
#
# The patterns above hold a few hundred alternatives, and Python's ``re`` tries every one
# of them at every word of the comment. Normalised text is lower-case words and spaces,
# so a match can only start at a word, and the first three letters of that word rule out
# almost every alternative. ``_WordStartMatcher`` works out, once per pattern, which
# letters each alternative can start with, and at each word tries only the alternatives
# that fit, in their original order — so it finds exactly what the single regex finds.

# Text the fast path understands: anything else goes to the plain regexes above.
_FAST_TEXT_RE = re.compile(r"[a-z0-9' ]*")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")
_KEY_LENGTH = 3


def _structure(pattern: str, index: int = 0) -> Iterator[tuple[int, str, int]]:
    """Walk a regex from ``index``, yielding (position, character, group depth after it).

    Escapes and character classes are skipped, so a group's ``)`` comes with the depth
    outside it and a top-level ``|`` with depth 0.
    """
    depth, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += {"(": 1, ")": -1}.get(char, 0)
            yield index, char, depth
        index += 1


def _split_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level ``|`` (outside groups and character classes)."""
    parts: list[str] = []
    start = 0
    for index, char, depth in _structure(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str, index: int) -> int:
    """Index of the ``)`` closing the group that opens at ``index``."""
    for position, char, depth in _structure(pattern, index):
        if char == ")" and depth == 0:
            return position
    raise ValueError(f"unbalanced group in {pattern!r}")


def _start_keys(pattern: str, current: set[str], closed: set[str], opened: set[str]) -> set[str]:
    """Follow ``pattern`` from the partial keys in ``current``; return those still growing.

    A key is what a match can begin with: the first ``_KEY_LENGTH`` characters of the
    word it starts on, cut short at a space. Finished keys go into ``closed`` (exactly
    this key) or ``opened`` (any key beginning with it). Anything not understood opens
    the key, so the answer may allow too much but never too little.
    """
    index = 0
    while index < len(pattern) and current:
        char = pattern[index]
        atom: set[str] | None  # the partial keys after one pass of the atom
        if char == "(":
            end = _group_end(pattern, index)
            body = pattern[index + 1 : end]
            index = end + 1
            if body.startswith(("?=", "?!", "?<=", "?<!")):
                continue  # zero-width: constrains the match, never its start
            if body.startswith("?:"):
                body = body[2:]
            elif body.startswith("?"):
                body = ""  # flags or named groups: not understood
            if body:
                atom = set()
                for alternative in _split_alternatives(body):
                    atom |= _start_keys(alternative, set(current), closed, opened)
            else:
                atom = None
        elif char == "\\":
            escaped = pattern[index + 1]
            index += 2
            if escaped in "bBAZ":
                continue  # zero-width
            atom = None if escaped.isalnum() else _extend(current, escaped, closed, opened)
        elif char in "^$":
            index += 1
            continue
        elif char in "[.":
            atom = None
            index = len(pattern)  # stop here: the key is open from now on
        else:
            index += 1
            atom = _extend(current, char, closed, opened)
        quantifier = pattern[index] if index < len(pattern) else ""
        if atom is None or quantifier in ("*", "+", "{"):
            opened |= current  # anything may follow what is known so far
            return set()
        if quantifier == "?":
            index += 2 if pattern[index + 1 : index + 2] == "?" else 1
            current = current | atom
        else:
            current = atom
    return current


def _extend(current: set[str], char: str, closed: set[str], opened: set[str]) -> set[str]:
    """Add one literal character to every partial key."""
    if char == " ":
        closed |= current
        return set()
    if char not in _WORD_CHARS:
        opened |= current
        return set()
    grown = {key + char for key in current}
    full = {key for key in grown if len(key) >= _KEY_LENGTH}
    closed |= full
    return grown - full


class _WordStartMatcher:
    """``re.compile(before + "(?:" + "|".join(alternatives) + ")" + after)``, word by word.

    ``finditer`` gives exactly the matches of that regex on text of lower-case words and
    single or repeated spaces (see ``_FAST_TEXT_RE``), provided ``before`` only lets a
    match start at the beginning of the text or after a space.
    """

    def __init__(self, alternatives: list[str], before: str, after: str) -> None:
        self._alternatives = alternatives
        self._before, self._after = before, after
        self._closed: dict[str, list[int]] = {}
        self._opened: dict[str, list[int]] = {}
        for number, alternative in enumerate(alternatives):
            closed: set[str] = set()
            opened: set[str] = set()
            # The text goes on after the alternative ends, so keys still growing are open.
            opened |= _start_keys(alternative, {""}, closed, opened)
            for key in closed:
                self._closed.setdefault(key, []).append(number)
            for key in opened:
                self._opened.setdefault(key, []).append(number)
        # Every key a word of the text can have that some alternative can start with.
        keys = set(self._closed)
        for key in self._opened:
            grown = {key}
            while grown:
                keys |= grown
                grown = {k + c for k in grown if len(k) < _KEY_LENGTH for c in _WORD_CHARS}
        # Key -> the alternatives to try, in their original order.
        self._by_key: dict[str, tuple[int, ...]] = {}
        for key in keys:
            numbers = set(self._closed.get(key, ()))
            for length in range(len(key) + 1):
                numbers.update(self._opened.get(key[:length], ()))
            self._by_key[key] = tuple(sorted(numbers))
        # Compiled when first needed: compiling them all would slow every start-up.
        self._regexes: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _compile(self, numbers: tuple[int, ...]) -> re.Pattern[str]:
        body = "|".join(self._alternatives[number] for number in numbers)
        regex = re.compile(self._before + "(?:" + body + ")" + self._after)
        self._regexes[numbers] = regex
        return regex

    def finditer(self, text: str, first_only: bool = False) -> list[re.Match[str]] | None:
        """The regex's matches, left to right and not overlapping, as ``re.finditer``.

        None if a match is empty: ``re`` then has its own rules, so ask the regex.
        """
        numbers_for, regexes = self._by_key.get, self._regexes
        found: list[re.Match[str]] = []
        position = resume = 0
        for word in text.split(" "):
            numbers = numbers_for(word[:_KEY_LENGTH])
            if numbers is not None and position >= resume:
                regex = regexes.get(numbers) or self._compile(numbers)
                match = regex.match(text, position)
                if match is not None:
                    resume = match.end()
                    if resume == position:
                        return None
                    found.append(match)
                    if first_only:
                        return found
            position += len(word) + 1
        return found


def _alternatives_of(patterns: Iterable[str]) -> list[str]:
    return [alternative for pattern in patterns for alternative in _split_alternatives(pattern)]


_IDIOM_MATCHER = _WordStartMatcher(_alternatives_of(_IDIOMS), r"(?<![a-z0-9'])", r"(?![a-z0-9'])")
_ANY_MATCHER = _WordStartMatcher(_alternatives_of(_PATTERNS.values()), r"(?<![a-z0-9'&])", "")


def _without_idioms(normalised: str, fast: bool) -> str:
    """``_IDIOM_RE.sub(" ", normalised)``."""
    matches = _IDIOM_MATCHER.finditer(normalised) if fast else None
    if matches is None:
        return _IDIOM_RE.sub(" ", normalised)
    parts: list[str] = []
    last = 0
    for match in matches:
        parts.append(normalised[last : match.start()])
        parts.append(" ")
        last = match.end()
    if not parts:
        return normalised
    parts.append(normalised[last:])
    return "".join(parts)


def _may_disclose(cleaned: str, fast: bool) -> bool:
    """``_ANY_RE.search(cleaned)``: whether any disclosure pattern matches at all."""
    matches = _ANY_MATCHER.finditer(cleaned, first_only=True) if fast else None
    if matches is None:
        return _ANY_RE.search(cleaned) is not None
    return bool(matches)


def find_disclosures(normalised: str) -> tuple[tuple[str, str], ...]:
    """Return (kind, phrase) pairs found in normalised text after removing idioms."""
    fast = _FAST_TEXT_RE.fullmatch(normalised) is not None
    cleaned = _without_idioms(normalised, fast)
    # A single combined search first: most comments have no disclosure at all.
    if not _may_disclose(cleaned, fast):
        return ()
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for kind, regex in _PATTERN_RES:
        for match in regex.finditer(cleaned):
            phrase = match.group(0)
            if phrase not in seen:
                seen.add(phrase)
                found.append((kind, phrase))
    return tuple(found)


def safeguarding_phrases(normalised: str) -> tuple[str, ...]:
    """Return the phrases that make this comment a safeguarding concern, or ()."""
    return tuple(phrase for _kind, phrase in find_disclosures(normalised))
