"""The words around a capitalised word that show it is a person, or a place or a thing.

Before it: a relation or a role ("my son", "the caseworker"), a greeting or a sign-off
("Dear", "Regards"), a form's label ("Re:", "Mum -"). After it: a verb a person does
("Nasreen took"), a role in apposition ("Bev, the driver"), a possessive ("Ceri's
review"), an organisation ("Bola from SENDIASS"). And the words that make it a school, a
street, a month or a thing instead. ``redaction_people.py`` weighs them.
"""

from __future__ import annotations

import re

from feedback_app.analysis.redaction_words import _NAME, _UPPER, _words

_RELATION = (
    r"(?:son|daughter|child|boy|girl|grandson|granddaughter|stepson|stepdaughter|step son"
    r"|step daughter|brother|sister|twins?|husband|wife|partner|nephew|niece|foster child"
    r"|little one|eldest|youngest|kid|baby|ds|dd)"
)
_ROLE = (
    r"(?:case ?worker|case officer|social worker|senco|sendco|teacher|head ?teacher|head|ta"
    r"|therapist|salt|ot|paediatrician|nurse|key ?worker|worker|officer|manager|co-?ordinator"
    r"|advis[oe]r|psychologist|ep|lady|man|woman|gentleman|chap|practitioner|driver|escort"
    r"|consultant|doctor|assistant|mentor|tutor|lead|director|councillor|chair)"
)
_CONTEXT = (
    r"(?:(?:my|our|his|her|their) (?:\w+ )?" + _RELATION + r"|" + _ROLE + r"|called|named"
    r"|name is|name's|names are|spoke to|spoke with|speak to|speaking to|speaking with"
    r"|talked to|talk to|talking to|met|emailed|e-mailed|rang|phoned|texted|met with|meeting with"
    r"|thanks to|thank you|thank|thanks|signed|regards|cheers|ask for|asked for|dear|hi|hello"
    r"|yours|sincerely|faithfully|truly|best wishes|warm wishes"
    r"|love from|from|with|and|to|by|cc)"
)


# The last word of every context phrase, for a cheap test before the regex.
_CONTEXT_LAST_WORD_TEXT = (
    "son daughter child boy girl grandson granddaughter stepson stepdaughter brother sister "
    "twin twins husband wife partner nephew niece one eldest youngest kid baby ds dd "
    "caseworker worker officer senco sendco teacher headteacher head ta therapist salt ot "
    "paediatrician nurse keyworker manager coordinator co-ordinator adviser advisor "
    "psychologist ep lady man woman gentleman chap practitioner driver escort consultant "
    "doctor assistant mentor tutor lead director councillor chair called named is name's "
    "are to with emailed e-mailed rang phoned texted met thank thanks you signed regards "
    "cheers for dear hi hello from and by cc yours sincerely faithfully truly wishes"
)
_CONTEXT_LAST_WORDS = frozenset(_CONTEXT_LAST_WORD_TEXT.split())
_PREVIOUS_WORD_RE = re.compile(r"([A-Za-z'-]+)[,:]?\s+$")

# Matches a context phrase that ends right before a candidate name.
_CONTEXT_BEFORE_RE = re.compile(r"(?i:\b" + _CONTEXT + r")[,:]?\s+$")
_CONTEXT_LOWER_RE = re.compile(
    r"(?i:\b(?:(?:my|our|his|her) (?:\w+ )?" + _RELATION + r"|called|named|name is|spoke to"
    r"|spoke with|talked to|thanks to|signed)[,:]?\s+)([a-z]+)\b"
)
# Runs of lower-case letters: every word _CONTEXT_LOWER_RE can report is one of them.
_LOWER_RUN_RE = re.compile(r"[a-z]+")

# "\b" + _NAME, written to start with the capital letter so that ``re`` can skip
# straight to capitals: before a capital, "\b" is "no word character before it".
_FIRST_CAPITAL = f"[{_UPPER}]"
assert _NAME.startswith(_FIRST_CAPITAL)
# A name ends with its word: "Sa" in "SaLT" is none.
_CAPITALISED_RE = re.compile(
    f"({_FIRST_CAPITAL}(?<!\\w{_FIRST_CAPITAL})" + _NAME[len(_FIRST_CAPITAL) :] + r")(?!\w)"
)
_SURNAME_RE = re.compile(r"[ ](" + _NAME + r")\b")
# An initial and a surname with no title: "A. Begum", "T. Nakamura-Hughes".
_INITIAL_SURNAME_RE = re.compile(r"([A-Z])(?<![\w.'’][A-Z])\.\s?(?:[A-Z]\.\s?)?(" + _NAME + r")")


# Contexts that only say "a person may follow" ("from", "asked for" a school): a name must
# be a listed one to count after them.
_WEAK_CONTEXTS = frozenset({"from", "with", "and", "to", "by", "cc", "ask for", "asked for"})
# After "my son" any capitalised word is a name ("my son Hunter"); after a greeting or a
# job ("Dear Complaints Officer", "the officer, Reference ...") it must look like one.
_RELATION_CONTEXT_STARTS = ("my ", "our ", "his ", "her ", "their ")

# Words that end an institution's or a street's name: "Oakfield Primary", "Rowan Court".
_INSTITUTION_WORDS = frozenset(
    _words(
        "school primary academy college nursery centre center hospital trust council university"
        " infants infant juniors junior high grammar clinic surgery unit team service services"
        " foundation partnership forum library station campus federation road street avenue"
        " close drive court"
    )
)
# Ambiguous names that are a month, a season, a place or a thing more often than a person;
# only a clear context makes them a name.
_MONTHS_AND_SEASONS = frozenset(_words("may june april august jan summer autumn"))
_PLACES_AND_THINGS = frozenset(
    _words(
        "india paris georgia chelsea florence sydney austin victoria devon milton clifton everton"
        " carlton denton trinity amber art blue royal young major king sky star page mercedes"
        " eden justice nana"
    )
)
# Endings of English place and school names: an unlisted "Hollybrook" or "Kidderminster"
# before "said" is more likely a school or a town than a person.
_PLACE_ENDINGS = _words(
    "brook field fields wood woods dale hill hills side ton ley leigh bury borough burgh ford"
    " ham minster grove mead gate bridge port mouth wich wick caster cester chester shire"
    " stead worth well land lands moor thorpe church combe hurst stoke stone vale view park"
    " croft haven holme ridge heath green mere bourne burn cliffe cliff marsh ness pool water"
    " castle downs hall house"
)

# Verbs that say the word before them is a person: "Nasreen took my notes away".
_PERSON_VERBS = (
    r"said|says|told|tells|took|takes|helped|helps|rang|rings|phoned|phones|called|emailed"
    r"|emails|texted|replied|explained|explains|listened|listens|visited|visits|arranged"
    r"|agreed|promised|asked|asks|chased|smiled|smiles|laughed|laughs|cried|cries|loves"
    r"|loved|likes|liked|wants|wanted|enjoys|enjoyed|attends|attended|uses|gets|plays|played"
    r"|talks|talked|speaks|spoke|sat|sits|spent|tried|tries|finishes|finished|struggles"
    r"|struggled|refused|refuses|walks|walked|thinks|thought|feels|felt|knows|knew"
    r"|understood|understands|sorted|managed|wrote|writes|stayed|stays|cares|cared|works"
    r"|worked|pointed|acted|contacted|supported|supports|advised|advises|noticed|insisted"
    r"|apologised|apologized|handled|fought|pushed|waited|hates|hated|learned|learnt|learns"
    r"|remembered|forgot|organised|organized|offered|suggested|reassured|checked"
    r"|recommended|confirmed|discussed|assessed|observed|joined|left|cancelled|ignored"
    r"|dismissed|shouted"
)
# Verbs that also follow things ("the bill came", "hope started to fade"): only for words
# that are no listed ambiguous name.
_UNLISTED_PERSON_VERBS = (
    _PERSON_VERBS + r"|came|comes|went|goes|got|started|starts|moved|needs|needed|met|meets"
    r"|gave|gives|made|kept"
)
_ADVERB = r"(?:(?:now|also|then|just|always|never|finally|really|eventually|kindly|even|still)\s+)?"
_AMBIGUOUS_VERB_RE = re.compile(r"\s+" + _ADVERB + r"(?:" + _PERSON_VERBS + r")\b")
_UNLISTED_VERB_RE = re.compile(
    r"\s+" + _ADVERB + r"(?:(?:has|had|will|would|could|did|does)\s+)?"
    r"(?:" + _UNLISTED_PERSON_VERBS + r")\b"
)
_ROLE_AFTER = (
    r"(?:" + _ROLE + r"|physio(?:therapist)?|advocate|receptionist|admin(?:istrator)?|clinician"
    r"|psychiatrist|dietitian|audiologist|trainer|supervisor|governor|deputy|principal|carer"
    r"|volunteer|helper|coach|instructor|specialist|caseworker|pa)"
)
# A role in apposition: "Bev, the driver", "Rob, our caseworker", "Jan the escort".
_APPOSITION_RE = re.compile(
    r"(?i:,?\s+(?:(?:the|our|my|his|her|their|a|an)\s+(?:[\w'/-]+\s+){0,3}?"
    + _ROLE_AFTER
    + r"|(?:my|our|his|her|their)\s+(?:\w+\s+)?"
    + _RELATION
    + r"))\b"
)
_HIMSELF_RE = re.compile(r"\s+(?:him|her)self\b")
# What is a person's: "Ceri's review", "Sani's assessment", "Max's new wheelchair".
_PERSONAL_THINGS = (
    r"review|reviews|assessment|assessments|plan|plans|ehcp|ehc|needs|diagnosis|school"
    r"|class|teacher|ta|mum|mom|mother|dad|father|sister|brother|siblings?|gran|nan|grandma"
    r"|grandad|grandparents|family|key ?worker|transport|taxi|funding|top-up|placement|place"
    r"|views|behaviour|progress|health|medication|therapy|therapist|speech|support|report"
    r"|file|case|caseworker|social worker|paperwork|birthday|care|carer|package|wheelchair"
    r"|hoist|transition|education|provision|tribunal|appeal|application|referral"
    r"|appointment|operation|surgery|seizures|epilepsy|autism|adhd|condition|feeds?"
    r"|sessions?|journey|bus|escort|driver|friends?|life|room|bedroom|voice|wishes|story"
    r"|future|gastrostomy|physio|communication|anxiety|sleep|diet|hearing|eyesight|sight"
    r"|direct payments|budget|respite|short breaks|attendance|exclusion|timetable|statement"
)
_POSSESSIVE_RE = re.compile(
    r"['’]s\s+(?:(?!(?:and|or|but|the|a|an|my|his|her|their|our|is|was|has|had|to|in|on|at"
    r"|for|with|of|that|this|it)\b)[a-z][\w-]*\s+){0,2}?(?:" + _PERSONAL_THINGS + r")\b"
)
# Any possessive: an unlisted word that is no English word and owns something is a person
# ("spotted Nate's hip problem", "fix Eryk's chair").
_ANY_POSSESSIVE_RE = re.compile(r"['’]s\s+[a-z]")
# "Bola from SENDIASS", "Mark in the SEND team replied".
_ORGANISATION = (
    r"\s+(?:from|at|in|with|of)\s+(?:the\s+)?(?:[\w'&-]+\s+){0,3}?(?:team|service|office"
    r"|department|hub|panel|sendiass|iass|camhs|council|charity|trust|school|college|nursery)\b"
)
_ORGANISATION_RE = re.compile(r"(?i:" + _ORGANISATION + r")")
_ORGANISATION_THEN_VERB_RE = re.compile(
    r"(?i:"
    + _ORGANISATION
    + r")(?:\s+[\w'-]+){0,2}?\s+"
    + _ADVERB
    + r"(?:"
    + _PERSON_VERBS
    + r")\b"
)
# Labels that head a name in forms and letters: "Re: Zahra Mahmood", "Mum - Nia Roberts".
_HEADER_BEFORE_RE = re.compile(
    r"(?i:\b(?:re|child|child's name|pupil|student|young person|name|full name|parent"
    r"|parent/carer|carer|mum|mom|dad|mother|father|contact|from|subject|patient|applicant"
    r"|complainant|regarding|signed))\s*(?::|\s[-–—]|[-–—])\s*$"
)
_HEADER_MARKS = frozenset(":-–—")
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t\"'‘“(\[]*$")
# What follows a full name that opens a comment or a line: "Jordan Fairclough, DOB ...".
_AFTER_OPENING_NAME_RE = re.compile(r"[ \t]*(?:[,:(–—-]|\n|$)")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?\n:;)•*–—-])[\s\"'‘“(\[]*$")
# Words before a capitalised ambiguous word that make it a thing's name: "the Blue Badge",
# "St Mary's", "Ministry of Justice".
_BEFORE_A_THING = frozenset(_words("the a an of st saint this that every each per at"))
_BEFORE_A_MONTH = frozenset(
    _words(
        "in on by since until till from during last next of early late mid before after end"
        " this that every each to through"
    )
)
# Words that open a sentence before a name: "When Grace came home", "And Will said".
_OPENING_WORDS = frozenset(
    _words(
        "when if and but so as after before because while since then once until though although"
        " where why how what that with for to from by thanks thank hi hello dear i"
    )
)
# Where a word stands for a place or a body: "we live in Walsall", "Walsall Council said".
# Searched with the word replaced by "\0" (a character no comment holds).
_PLACE_CONTEXT_RE = re.compile(
    r"\b(?:in|near|around|across|outside|within|throughout|moved to|live in|lived in)\s+\0"
    r"|\0\s+(?:Council|County|Borough|City|Local|SEND|SENDIASS|NHS|Children's|Education"
    r"|Academy|School|College|Primary|High|Hospital|Trust|Team|Services?|Partnership)\b"
)
_NEXT_WORD_RE = re.compile(r"(['’]s)?\s+([\w'’-]+)")
# Things named after people: "a Moses basket", "a Wendy house", "Tourette syndrome".
_THING_NAMED_AFTER_RE = re.compile(r"\s+(?:basket|house|syndrome|disease|bear|scale)\b")
_SAINT_BEFORE_RE = re.compile(r"\b(?:St\.?|Saint)\s+$")
_INSTITUTION_AFTER_RE = re.compile(r"(?:['’]s)?\s+(" + _NAME + r")")
_LOWER_HIMSELF_RE = re.compile(r"\b([a-z]+)\s+(?:him|her)self\b")
# Ambiguous names that, lower-cased after "my son", are usually a verb or an adjective.
_NOT_NAMES_AFTER_RELATION = frozenset(
    _words(
        "will may said hope mark chase grant bill page pat sue rob guy art rose drew ray "
        "happy young rich major just sunny faith mercy"
    )
)


def _starts_sentence(text: str, start: int) -> bool:
    return _SENTENCE_START_RE.search(text, max(0, start - 8), start) is not None


def _word_before(text: str, start: int) -> re.Match[str] | None:
    """The word just before ``start`` (a comma or colon may follow it), as group 1."""
    return _PREVIOUS_WORD_RE.search(text, max(0, start - 20), start)


def _word_before_is(text: str, start: int, words: frozenset[str]) -> bool:
    previous = _word_before(text, start)
    return previous is not None and previous.group(1).lower() in words
