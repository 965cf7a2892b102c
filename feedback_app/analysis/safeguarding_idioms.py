"""Everyday idioms that use words of harm without any risk ("this process is killing
me", "dying to hear", "sick of waiting"), blanked out before the disclosure patterns are
matched, and the words a family names a child by, which idioms and patterns share.
"""

from __future__ import annotations

# A child named by relation, with an optional word between ("our autistic son").
_CHILD = (
    r"(?:my|our) (?:(?:\w+ )?(?:son|daughter|child|boy|girl|kids?|children|grandson|granddaughter"
    r"|brother|sister)|eldest|youngest|oldest|little one|baby|twins?)"
)

# Idioms that use words of harm without any risk. They are removed before matching.
_IDIOMS = [
    r"(?:is|was|it's|its|are|they're|you're|this is|that's) (?:\w+ )?killing (?:me|us)",
    r"kill(?:s|ing)? me (?:inside|slowly|now)|kills me",
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
    # A child kicking the seat in front is a nuisance, not an assault on anyone.
    r"kick(?:s|ed|ing)? (?:his|her|my|the|their) (?:seat|chair|desk|ball|bag)",
    r"no harm in|harm(?:ed|s)? (?:his|her|their|my) (?:education|chances|progress|learning)",
    r"cut(?:ting)? (?:his|her|the) (?:hours|support|funding|provision|budget|timetable)",
    r"cuts? to|cut back|cut short|cut off|missing (?:out|from education|lessons|school|the point"
    r"|paperwork|reports?|pages?|information|section|evidence|advice)",
    r"(?:plan|advice|report|paperwork|file|form|letter|email|evidence|page|section|note|complaint"
    r"|application|referral|post|mail|parcel|document)s? "
    r"(?:[\w']+ ){0,4}(?:went|go|gone|goes|going) missing|"
    r"went missing from (?:the|his|her) (?:file|plan|report)|(?:file|paperwork|report|plan|form"
    r"|letter|email)s? (?:\w+ )?(?:went|go|gone|goes) missing",
    r"abuse of (?:process|power|the system)|not safe to assume|safe to say",
    r"drag(?:ged|ging)? (?:on|out|its feet|their feet)|run(?:ning)? away with",
    r"pull(?:ing)? my hair out|tearing my hair out|fear for my sanity|bang(?:ing)? my head "
    r"(?:against|on) (?:a|the) (?:brick )?wall|hitting my head against",
    # The process, not a person, "nearly killed" the writer.
    r"(?:this|it|that|which|process|battle|fight|year|wait|system)(?: [\w']+){0,2} (?:nearly"
    r"|almost)"
    r" killed (?:me|us)",
    # Describing a need for supervision is not saying that it failed.
    r"(?:can't|cannot|can not|can never|could never|couldn't|must never|mustn't|must not"
    r"|shouldn't|should never|should not) be left (?:alone|on (?:his|her|their) own|unsupervised"
    r"|unattended)",
    r"(?:placement|place|funding|provision|package|job|tenancy)s? (?:[\w']+ ){0,2}at risk",
    r"threaten\w* (?:us|me|him|her|them) with (?:a |legal |court )?(?:fines?|prosecution|court"
    r"|legal action|action|exclusion|tribunal)",
    r"(?:brain|spinal|spinal cord|birth|sports) injur(?:y|ies)",
    r"hit(?:s|ting)? (?:us|me|them) with (?:\w+ )?(?:forms?|fines?|paperwork|letters?|demands"
    r"|bills?|requests|questions|the same|more|another|new)",
    r"push(?:ed|es|ing)? (?:him|her|them|us|me) into (?:\w+ing|a decision|mediation|a (?:\w+ )?"
    r"(?:placement|school|plan)|mainstream)",
    r"(?:trips?|outings?|visits?|holidays?|residentials?|rides?|buses|bus) (?:[\w']+ ){0,2}(?:i|he"
    r"|she|they|we) (?:can't|cannot) go on",
    r"(?:spread|stretched|wearing|worn) (?:\w+ )?thin|secret weapons?",
    # Moved by kindness, not touched by anyone.
    r"(?:it|that|this|which|kindness|gesture|words|card|letter|message|thoughtfulness)"
    r" (?:really |truly |deeply |genuinely )?touched (?:me|us|him|her|everyone|" + _CHILD + r")"
    r"|touched (?:me|us) (?:deeply|so much|greatly)",
]
