"""Safeguarding: find disclosures of a risk of harm in free text.

Recall comes first: a missed disclosure is the worst error the analyser can make, so
the patterns are broad and cover text-speak, first and third person. Everyday idioms
("this process is killing me", "dying to hear", "sick of waiting") are blanked out
before matching so that they do not bury real flags in false alarms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from feedback_app.analysis.wordstart import (
    FAST_TEXT_RE,
    WordStartMatcher,
    WordStartMatchers,
    split_alternatives,
)

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

# Disclosure patterns, grouped by kind so the lead can see at a glance what it was.
_WHO = (
    r"(?:" + _CHILD + r"|him|her|them|me|my|myself|himself|herself|themselves|themself|us"
    r"|my partner|my wife|my husband|the kids?|the child|mum|dad|his|their)"
)
# The roads where a loose belt or an open door can kill.
_FAST_ROAD = (
    r"(?:on|along|down|up|onto) the (?:motorway|dual carriageway|bypass|ring road|main road"
    r"|[am]\d+)"
)
# While a vehicle is on the move.
_MOVING = (
    r"(?:while|whilst|when) (?:it|we|they|the (?:\w+ )?(?:car|bus|taxi|minibus|van|coach"
    r"|vehicle)) (?:was|were|is|are) (?:still )?(?:moving|going|driving|travelling|on the move)"
)
_AT_SPEED = r"(?:" + _FAST_ROAD + r"|" + _MOVING + r")"
# "Doesn't want to live in residential" is about where, not whether.
_NOT_A_HOME = (
    r"(?! (?:in|at|with|there|near|away|independently|on (?:his|her|my|their) own|alone)"
    r"(?![a-z0-9']))"
)
# Where a push or a trip is an assault.
_SHOVED = (
    r"(?:over|down(?! the (?:list|waiting list|line|road|priority))|against (?:a|the) (?:wall|door"
    r"|floor|table|lockers?|fence)|off (?:the|a|his|her)|into (?:a |the )?(?:wall|door|lockers?"
    r"|fence|table|road|water|pool|window|seat|railings?|ground|floor|glass|bushes|hedge|ditch"
    r"|radiator|corner)|in the (?:toilets|playground|corridor|water|pool|road))"
)
_PUPIL = r"(?:him|her|me|them|" + _CHILD + r")"
# Where children hurt each other out of sight of adults.
_WHERE_CHILDREN_HURT = (
    r"(?:in the (?:toilets|playground|changing rooms?|corridors?|park|street)|on the (?:bus"
    r"|minibus|way home|way to school))"
)
# A child by pronoun or relation, or one word that may be their name ("left Ellie"), but
# not the things that get left or dropped: forms, coats, messages.
_SOMEONE = (
    r"(?:(?:him|her|them|me|" + _CHILD + r")(?: [a-z]+)?|(?!(?:it|this|that|things|stuff|bags?"
    r"|coats?|everything|something|messages?|voicemails?|notes?|letters?|forms?|papers?"
    r"|paperwork|work|school|home|early|late|his|her|their|my|our|the|a|an|at|on|in|inside"
    r"|outside|by|near|for|with|to|after|before|and|but|sitting|waiting|alone|off)"
    r"(?![a-z0-9']))[a-z]+)"
)
# What a child can be left at or in, unsupervised, by transport.
_DROP_PLACE = (
    r"(?:at|on|in|inside|outside|by|near) (?:the |a |an )?(?:\w+ )?(?:gates?|pavement|kerb|curb"
    r"|roadside|side of the road|depot|car park|bus stop|empty house|wrong (?:house|stop|gate"
    r"|entrance)|street|road|minibus|bus|taxi|coach|van|vehicle|car)"
)
# How a child can be left there.
_WAITING = r"(?:alone |on (?:his|her|their) own |waiting |sitting |strapped in )?"
# Waiting at the gate with a teacher is late transport, not a child left alone.
_WITH_AN_ADULT = (
    r"(?! with (?:a |an |the |his |her |their )?(?:teacher|member of staff|ta|staff|escort|adult"
    r"|parent|mum|dad)(?![a-z0-9']))"
)
_AT_THE_KERB = r" " + _WAITING + _DROP_PLACE + _WITH_AN_ADULT
# Conditions where an adult who does not know what to do puts a child in danger.
_MEDICAL_RISK = (
    r"(?:epilepsy|seizures?|fits?|allerg\w*|anaphyla\w*|rescue|emergency medication|buccal"
    r"|midazolam|epi ?pens?|adrenaline|insulin|tracheostomy|airway|oxygen)"
)
# Conditions where a child can die within minutes if nobody trained is with them.
_LIFE_THREATENING = (
    r"(?:epilepsy|seizures?|rescue|emergency medication|buccal|midazolam|tracheostomy|trachy"
    r"|trache|suction\w*|oxygen|ventilat\w*|airway|anaphyla\w*|epi ?pens?|diabet\w*|insulin"
    r"|asthma\w*|inhalers?|feeding tube|tube fed|dysphagia|choking|heart condition)"
)
# The escort who should be with such a child is gone, taken off or never came.
_ESCORT_GONE = (
    r"(?:(?:no|without (?:an?|his|her|their|the)|lost (?:his|her|their|the)|(?:removed|withdrew"
    r"|withdrawn|cut|took away|taken away|stopped) (?:his|her|their|the)) (?:trained )?escort"
    r"|escort (?:was |has been |had been |is being |were |is |got )?(?:taken off|removed"
    r"|withdrawn|stopped|cut|taken away|pulled|off sick|not there|didn't (?:turn up|come|show)"
    r"|never (?:turned up|came|showed)))"
)
# Medicines whose missed dose can harm a child the same day.
_MEDICINE = (
    r"(?:doses?|medication|medicines?|meds|tablets|pills|insulin|inhalers?|epi ?pens?|rescue"
    r" (?:medication|meds)|buccal|midazolam|antibiotics|adrenaline|injections?)"
)
# The journey equipment that keeps a child in their seat in a crash.
_RESTRAINT_KIT = (
    r"(?:seat ?belts?|belts?|booster(?: seats?| cushions?)?|car seats?|harness(?:es)?"
    r"|wheelchair (?:clamps?|straps?|tie ?downs?)|tie ?downs?|clamps?)"
)
# Places a child can be contacted by a stranger without an adult seeing.
_ONLINE = (
    r"(?:snapchat|snap|instagram|insta|tiktok|whatsapp|online|discord|facebook|messenger|roblox"
    r"|fortnite|minecraft|xbox|playstation|gaming|dms|video calls?|webcam|internet)"
)
# Someone the child or parent does not know, or an adult who should not be in contact.
_STRANGER = (
    r"(?:a man|a boy|a guy|an adult|a stranger|a lad|this man|this guy|some man|an older (?:\w+)"
    r"|older (?:men|boys|lads|man|guys)|(?:someone|somebody) (?:online|on (?:snapchat|instagram"
    r"|tiktok|discord|roblox|fortnite|minecraft|xbox|whatsapp|facebook)))"
)
# Gaps of several words are written "(?: [\w']+){0,n}", not "\w+": "\w" stops at the
# apostrophe of "she's" or "didn't" and would end the gap, and the disclosure, early.
_PATTERNS: dict[str, str] = {
    "self-harm": (
        r"self ?harm\w*|self ?injur\w*|self ?hurt\w*|"
        r"(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|burn\w*|scratch\w*|bit|bites"
        r"|biting|bang\w*|hit\w*|punch\w*) (?:himself|herself|themselves|themself|myself)|"
        r"cuts (?:on|to|up) (?:his|her|their|my) (?:arms?|legs?|wrists?|body)|"
        r"(?:head ?bang\w*|bang\w* (?:his|her|their) head)|"
        r"(?:cut|cuts|cutting|scratch\w*|burn\w*|carv\w*) (?:his|her|their|my) (?:arms?|legs?|"
        r"wrists?|skin|thighs?|stomach|body)|"
        # "I have been cutting again": cutting with no object is the self-harm sense, while
        # services cut back, cut hours and cut corners.
        r"(?:been|started|starting|keeps?|kept|still|back to|stopped|begun|began|is|was|am|i'm"
        r"|he's|she's) cutting(?! (?:back|down|corners|costs|funding|support|hours|provision"
        r"|services?|budgets?|it|out|off|short|through|across|in|into|class|lessons|school|the|his"
        r"|her|their|our|my|your|a|an|grass|hair|paper|food|nails)(?![a-z0-9']))|"
        r"scars? (?:on|all over|up) (?:his|her|their|my|both) (?:arms?|wrists?|legs?|thighs?|body)"
    ),
    "suicide": (
        r"suicid\w*|kill (?:himself|herself|themselves|themself|myself)|"
        r"kill(?:ed|ing)? (?:himself|herself|themselves|myself)|kms|unalive\w*|"
        r"end(?:ing)? (?:it all|(?:his|her|their|my) (?:own )?life|(?:him|her|my)self)|"
        r"(?:want|wants|wanted|wanting|wish|wishes|wished) (?:to die|to be dead|(?:he|she|i) "
        r"(?:was|were) dead|(?:he|she|i) (?:wasn't|weren't) (?:alive|here|born))|"
        r"(?:doesn't|don't|didn't|does not|do not|did not|no longer) want(?:s)? to (?:be alive"
        r"|live" + _NOT_A_HOME + r"|be here any ?more|exist)|"
        r"better off (?:dead|without (?:me|him|her))|(?:be|been|are|is) better without me"
        r"|sleep forever|not (?:want|wanting) to live" + _NOT_A_HOME + r"|"
        r"happier without (?:me|him|her)(?! (?:there|present|in|at)(?![a-z0-9']))|"
        r"overdose\w*|took (?:an? )?(?:overdose|tablets|pills)|noose|ligature\w*|"
        r"hang (?:himself|herself|myself|themselves)|jump (?:off|in front)|"
        # Not a school trip or a bus the child "can't go on".
        r"(?:can't|cannot|can not) go on(?! (?:the|a|an|school|trips?|outings?|visits?|holidays?"
        r"|residentials?|rides?|public|buses|his|her|my|their|our|it|that|this|some|any|those"
        r"|these|swings?|slides?|to)(?![a-z0-9']))|"
        r"no (?:reason|point) (?:to|in) (?:live|living|being alive)|"
        r"point (?:of|in) (?:living|being alive|going on|carrying on|being here)|"
        r"and (?:not|never) (?:wake|woke) up|wish\w* (?:[\w']+ ){0,6}(?:not|never) wake up|"
        # Ideation said indirectly: thinking of "ending it", the world "better off" without
        # them, seeing no point in anything, being a burden.
        r"(?:think|thinks|thought|thoughts|thinking|talk|talks|talked|talking|spoke|speaks"
        r"|speaking) (?:[\w']+ ){0,2}(?:about|of) (?:ending (?:it|things|(?:my|his|her|their)"
        r" (?:own )?life)|killing (?:myself|himself|herself|themselves)|dying|not being (?:here"
        r"|alive|around)|taking (?:my|his|her|their) (?:own )?life)|"
        r"end(?:ing)? things|(?:want|wants|wanted|wanting) to end it|"
        # "Better off if I wasn't here": the wish not to exist, not to be at a meeting.
        # The same wish in second-language grammar: "is better if I am not here", "I want
        # finish my life", "better I die".
        r"(?:is|it's|its|will be|would be|be|maybe) (?:\w+ )?(?:better|best|easier)"
        r" (?:for (?:[\w']+ ){1,3})?(?:if |when |that )?(?:i|he|she|i'm|he's|she's)"
        r" (?:am |is |was |were |be )?(?:not"
        r"|no|no more|no longer|never) (?:be )?(?:here|alive|born|exist|existing|around|living"
        r"|live|in this world)(?! (?:for|at|in the (?:meeting|review|room))(?![a-z0-9']))|"
        r"better (?:i|he|she|to|if i|if he|if she) (?:just )?(?:die|dead|am dead|was dead|is dead"
        r"|not exist|was never born|am not born)|"
        r"(?:i|he|she) (?:want|wants|wanted|wish|wishes|wished|think|thinks|thinking) (?:to |about"
        r" |of )?(?:die|disappear|finish (?:my|his|her) life|end (?:my|his|her) life|not wake up"
        r"|not exist|not be alive)|(?:i|he|she) wish(?:es|ed)? (?:i|he|she) (?:die|died|could die"
        r"|could disappear)|(?:finish|finishing) (?:my|his|her|their) (?:own )?life|tired of"
        r" (?:living|life|being alive)|(?:don't|doesn't|no|not) want live|nothing to live for"
        r"|no reason to (?:live|be alive|carry on|go on)|"
        r"(?:better off|happier|easier) (?:if|when) (?:i|he|she|they) (?:(?:wasn't|weren't|was not"
        r"|were not) (?:here|around|alive|born)|was gone|were gone|died|was dead|were dead|didn't"
        r" exist|never existed|was never born)|"
        r"(?:don't|doesn't|didn't|do not|does not|did not|can't|cannot|no longer) see (?:the|any)"
        r" point(?: (?:in|of) (?:any of it|anything|it all|living|life|going on|carrying on"
        r"|trying|being here|getting up|waking up))?(?! (?:in|of|to|for|because|with) )|"
        r"(?:i|he|she|they) (?:\w+ )?(?:feel|feels|felt|feeling) like (?:a|an|such a|i'm a|he's a"
        r"|she's a|i am a|he is a|she is a) (?:\w+ )?burden|(?:i'm|i am|he's|she's|he is|she is)"
        r" (?:just |only )?(?:a|such a) burden|being a burden"
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
        r"(?:threaten\w*) (?:to (?:hurt|kill|harm)|" + _WHO + r")|"
        # A named child has no pronoun to match: "has been hitting Zayn".
        r"(?:has been|have been|had been|keeps|kept|started|is|was|are|were) (?:\w+ )?"
        r"(?:hitting|punching|kicking|slapping|beating|smacking|strangling|choking|throttling)"
        r"(?! (?:out|off|the (?:wall|door|table|floor|can)|walls|doors|things|objects|furniture"
        r"|targets?|ourselves|myself|themselves|yourself|dead ends?|brick walls?|a (?:brick )?wall"
        r"|barriers|obstacles|problems|snags|delays)(?![a-z0-9']))|"
        # Any touching of a child's body by anyone, and the secrecy that goes with it.
        r"touch(?:es|ed|ing)? (?:him|her|me|" + _CHILD + r"|(?:the )?(?:children|kids|pupils"
        r"|girls|boys))(?![a-z0-9'])|"
        r"touch(?:es|ed|ing)? (?:my|his|her|their|" + _CHILD + r"'s) (?:legs?|thighs?|bottom|bum"
        r"|private\w*|chest|breasts?|boobs|crotch|groin|knees?|body)|private (?:parts|areas?)"
        r"|privates|"
        r"(?:put|puts|putting|had|has) (?:his|her|their) hands? (?:on|up|down|in|inside) (?:her"
        r"|him|me|my|" + _CHILD + r")|"
        r"our (?:little )?secret(?! (?:weapon|santa|recipe))|(?:a|our) secret between|sit on"
        r" (?:his|her) (?:knee|lap)|"
        r"(?:come|comes|came|coming|gets|got|getting) (?:in|into) (?:my|his|her|their) (?:room"
        r"|bed|bedroom) at night|"
        r"not to tell (?:anyone|anybody|mum|dad|his mum|her mum|his dad|her dad|me|you|the"
        r" teacher|a soul)|(?:scared|afraid|frightened|terrified) to tell (?:anyone|anybody|mum"
        r"|dad|my (?:mum|dad|mam|parents|carer|foster \w+|teacher)|the (?:teacher|police)|a"
        r" teacher|someone|somebody|you)|"
        # Adults who swear at or belittle the children in their care.
        r"(?:swear\w*|swore) at (?:me|him|her|them|the (?:children|kids|pupils)|my|our|children"
        r"|kids)|call(?:s|ed|ing)? (?:me|him|her) (?:stupid|an idiot|useless|dumb|lazy"
        r"|retard\w*|a freak|disgusting|worthless)"
    ),
    "neglect": (
        r"wander\w* (?:off|away|out|into|onto)(?! (?:topic|task|the (?:point|subject|topic)))"
        r"|neglect\w*|(?:no|not enough|hasn't had|doesn't get|"
        r"don't get) (?:food|meals|anything"
        r" to eat)|not (?:being )?fed|go(?:es|ing)? hungry|starving|"
        r"left (?:alone|on (?:his|her|their) own|home alone|unsupervised)|home alone|"
        r"no (?:heating|electric\w*|gas) (?:at home|in the house)|dirty (?:clothes|nappies)|"
        r"unkempt|no one (?:looks|is looking) after|"
        r"(?:don't|doesn't|didn't|do not|does not|never) (?:get|gets|got) (?:any |no )?(?:tea"
        r"|dinner|breakfast|food|meals?)|nothing to eat|"
        # A young carer.
        r"(?:i|he|she) (?:have|has|had) to look after (?:my|his|her) (?:little |baby |younger )?"
        r"(?:brothers?|sisters?|siblings?)"
    ),
    "eating disorder": (
        r"eating disorders?|anorexi\w*|bulimi\w*|"
        # The child's weight, not the parent's worry lost over the tribunal.
        r"(?<!i )(?<!i've )(?<!we )(?<!we've )(?:lost|losing|lose|loses) (?:[\w']+ ){0,3}weight"
        r"|weight loss|(?:under|below) (?:[\w']+ ){0,2}stone|(?:make|makes|made|making)"
        r" (?:myself|himself|herself|themselves) (?:sick|vomit|throw up)|(?:feel|feels|felt)"
        r" (?:so )?fat|skip\w* meals|weighs (?:almost |next to |practically |hardly )?nothing"
        r"|skin and bones?|skeletal|emaciated|(?:so|really|very|dangerously|frighteningly"
        r"|painfully|worryingly|extremely) (?:thin(?! on)|underweight)|"
        # Refusing food altogether, not turning down school dinners.
        r"(?:stopped|isn't|is not|not|hasn't|has not|barely|hardly|refus\w* to) (?:been )?"
        r"eat(?:ing|en)?(?! (?:lunch|breakfast|dinner|school dinners?|in the (?:hall|canteen"
        r"|dinner hall)|with (?:the )?others|at school|at lunch|in school)(?![a-z0-9']))|"
        r"(?:don't|doesn't|didn't) eat (?:much|anything|properly|at all)(?! (?:breakfast|lunch"
        r"|dinner|for breakfast|at breakfast|at school|at lunch"
        r"|in the hall|in school)(?![a-z0-9']))"
    ),
    "not safe": (
        r"(?:isn't|is not|not|don't feel|doesn't feel|didn't feel|never feels?|never felt|un)"
        r" ?safe(?! to assume| to say| hands)|in danger(?! of)|at risk(?! of)"
        r"|risk of (?:harm|abuse)|"
        r"(?:can't|cannot|couldn't) keep (?:him|her|them|us|myself|my \w+) safe|"
        r"(?:can't|cannot|can not|couldn't|unable to|not able to) keep (?:[\w']+ ){1,6}safe|"
        r"danger to (?:himself|herself|themselves|others|me|us)|safeguarding|"
        r"(?:hurt|harm|kill) (?:someone|somebody|others|his sister|her sister|his brother"
        r"|her brother|the baby|me|us)|"
        r"(?:don't|do not|didn't|did not|never) (?:think|believe|feel) (?:[\w']+ ){1,2}(?:is |are "
        r"|was |were |will be |would be )?safe(?! (?:to assume|to say|hands))|"
        r"(?:only|pure|sheer|just) (?:good )?luck (?:that )?(?:he|she|they|nobody|no one|my|our)"
        r"|lucky to be alive|"
        r"dangerous(?! (?:precedent|assumption|territory|game|idea|ground|road to|to (?:assume|say"
        r"|generalise|promise|think|suggest))(?![a-z0-9']))|"
        r"(?:scared|afraid|frightened|worried|terrified) (?:that )?something (?:bad |terrible "
        r"|awful |serious |dreadful )?(?:will|is going to|might|could|would) happen|"
        r"before something (?:bad |terrible |awful |serious |worse |tragic )?(?:happens|goes"
        r" wrong)|accident waiting to happen|before (?:someone|somebody|a child|he|she)"
        r" (?:gets|is) (?:hurt|killed|injured)"
    ),
    "restraint or injury": (
        r"restrain\w*|held down|pinned (?:down|to)|physical(?:ly)? (?:intervention|handled|held)|"
        r"manhandl\w*|dragged|grabbed (?:him|her|by)|locked (?:in|him|her)|seclusion|"
        r"shut (?:him |her |them )?(?:in|inside|into) (?:a|an|the) (?:[\w']+ ){0,2}(?:room"
        r"|cupboard|office|toilet|cubicle|corridor|booth|space)|"
        r"bruis\w*|marks on (?:his|her|their)|injur\w*|broken (?:arm|wrist|bone|nose)|"
        r"black eye|bleeding|stitches|"
        r"split lip|fat lip|bite marks?|teeth marks|scratches (?:on|all over|down)|"
        r"hand ?prints?|finger ?(?:tip )?marks?|slap marks?|belt marks?|welts?|cigarette burns?|"
        r"broke (?:his|her|my|their) (?:arm|wrist|leg|nose|finger|ankle|collarbone|jaw|tooth"
        r"|teeth|ribs?)|"
        r"(?:came|come|comes|coming) home (?:[\w']+ ){0,3}(?:with|covered in) (?:a |an )?(?:\w+ )?"
        r"(?:cuts?|scratch\w*|bites?|marks|bruis\w*|bump|lump|burns?|split|graz\w*|black eye"
        r"|injur\w*|blood\w*|hives|swollen)|"
        r"grab\w* (?:" + _CHILD + r"|\w+) by the|grab\w* (?:" + _CHILD + r"|my|his|her) (?:arm"
        r"|wrist|collar|hood|neck|hair|throat)"
    ),
    "harm at school": (
        # Hurt at school or on the way there, by anyone, and bullying that is physical or daily.
        r"(?:been|got|gets|getting|was|were|being|is|are) (?:\w+ )?(?:hurt|injured|attacked"
        r"|assaulted|beaten up|punched|kicked|bitten|strangled|choked|scratched) (?:at|in|on|by)"
        r" (?:school|the playground|the bus|the minibus|the taxi|class|break|lunch|playtime"
        r"|respite|college|the same|another|other|an? (?:older )?(?:pupil|child|boy|girl|student"
        r"|member)|staff|the other|older)|"
        # Pushed into a wall or the road, not into mediation or down a waiting list.
        r"(?:(?:got|get|gets|getting|was|were|been|being) (?:pushed|shoved|tripped|thrown|knocked)"
        r"|(?:push|pushes|pushed|pushing|shove\w*) (?:me|him|her|them)) " + _SHOVED + r"|"
        r"(?:beat|beats|beating|beaten) (?:me|him|her|them) up|"
        r"(?:will|gonna|going to|'ll|would) get (?:me|him|her) (?:after school|outside|at home|on"
        r" the way|when)|(?:trip|trips|tripped|tripping) (?:me|him|her) (?:up|over)|"
        r"(?:spit|spits|spat|spitting) (?:at|on) (?:me|him|her)|"
        r"(?:hitting|hits|kicking|kicks|punching|punches|beating) " + _PUPIL + r" (?:at (?:school"
        r"|break|lunch|playtime|night)|every day|all the time|" + _WHERE_CHILDREN_HURT + r")|"
        # Delays "hurt him at school" too: only a place where children hurt each other counts.
        r"(?:hurting|hurts) " + _PUPIL + r" " + _WHERE_CHILDREN_HURT + r"|"
        r"(?:get|gets|getting|am|i'm|is|he's|she's|being|been) bullied (?:[\w']+ ){0,2}(?:every"
        r"|all the time|daily|at (?:school|lunch|break|playtime|lunchtime|college)|on the (?:bus"
        r"|minibus|way)|in the (?:toilets|playground|corridor))|"
        r"(?:older|big|bigger) (?:ones|kids|children|pupils|students|boys?|girls?|lad|lads"
        r"|teenagers?) (?:\w+ )"
        r"{0,3}(?:shout\w*|push\w*|hit\w*|kick\w*|punch\w*|pick\w* on|bull\w*|pull\w*"
        r"|threaten\w*|hurt\w*|touch\w*|trip\w*|spit\w*|spat|steal\w*|stole)"
    ),
    "left unsupervised": (
        # A child left alone, or set down where nobody is waiting, by whoever should be
        # watching them: the bus, the taxi, the escort.
        r"(?:left|leaving|leaves|leave|abandoned|forgot|forgotten) (?:[\w']+ ){1,3}(?:alone"
        r"|on (?:his"
        r"|her|their) own|unattended|unsupervised|by (?:himself|herself|themselves))|"
        # Travelling alone on the bus is what travel training is for; waiting alone by a road
        # or sitting alone in a parked vehicle is not.
        r"alone (?:at|in|on) the (?:depot|car park|school gate|gate|pavement|side of the road"
        r"|roadside|kerb)|(?:sitting|sat|strapped in|locked in|waiting) alone (?:on|in) the"
        r" (?:bus|minibus|taxi|coach|car|vehicle|van)|strapped in (?:alone|on (?:his|her)"
        r" own|and left)|"
        # Left by someone (named or not), or "was left", at a gate, a kerb or in a vehicle;
        # people leaving on the bus and coats left on it do not count.
        r"(?:left|leaving|leaves|stranded|abandoned|forgotten|forgot) "
        + _SOMEONE
        + _AT_THE_KERB
        + r"|"
        r"(?:(?<=was )|(?<=were )|(?<=been )|(?<=being )|(?<=got )|(?<=get )|(?<=gets )|(?<=is )"
        r"|(?<=are )|(?<=he's )|(?<=she's ))(?:left|stranded|abandoned|forgotten)"
        + _AT_THE_KERB
        + r"|"
        r"(?:dropped|drops|dropping|drop|let|put|puts|got off|get off|gets off|getting off|left"
        r"|leaves|leaving|took|taken|driven|drove)"
        r" (?:[\w']+ ){0,4}(?:at|to) (?:the |a )?wrong (?:\w+ )?(?:gates?|house|address|stop"
        r"|entrance|door|school|building|place"
        r"|site|home)|"
        # Driving off is what taxis do; driving off before anyone came, or with the child
        # still on board, is not.
        r"(?:drove|drives|driven) (?:off|away) (?:before|leaving|and left|without (?:waiting"
        r"|checking|making sure|seeing|him|her|them)|with (?:him|her|them) still)|"
        r"(?:dropped|dropping|drops|let) " + _SOMEONE + r"(?: [\w']+){0,10}"
        r" (?:before|when|while|and|but|with) (?:anyone|anybody|any staff|any adults?|staff"
        r"|a member of staff|nobody|no one|no staff|no adults?|there was nobody|there was no one)"
        r" (?:[\w']+ ){0,2}(?:was there|were there|had come|came out|come out|arrived|answered"
        r"|opened|to meet|to collect|was waiting|were waiting|was around|to let (?:him|her|them)"
        r" in)|"
        r"(?:was|were|been|being|is|got) found (?:[\w']+ ){0,3}(?:(?:hours?|minutes?|mins?) later"
        r"|the next (?:morning|day)|wandering|walking|by the"
        r" (?:kerb|curb|road|roadside|canal|river|lake|railway|motorway|police)|in (?:the|a)"
        r" (?:park|road|street|car park|town|woods|canal|river)|on (?:the|a) (?:road|street"
        r"|pavement|motorway|bridge|railway))|"
        r"(?:found|find|finds) (?:him|her|them) (?!(?:a|an|some)(?![a-z0-9']))(?:[\w']+ ){0,3}(?:by"
        r"|near|on|in|at) the (?:kerb|curb|road|roadside|canal|river|motorway|car park|railway"
        r"|lake|main road|street|park)|"
        r"slip(?:ped|s|ping)? away|"
        r"(?:walk\w*|wander\w*|got|gets|ran|run\w*|slip\w*|bolt\w*|escap\w*|climb\w*) (?:out of"
        r"|off|away from|over) (?:the )?(?:school|site|grounds|school grounds|building|premises"
        r"|playground|school gates?|fence)|"
        r"(?:walk|walked|walking|wander\w*|cross\w*|ran|run\w*) (?:along |down |on |across |by "
        r"|onto "
        r"|into "
        r"|over )?(?:the|a) (?:dual carriageway|motorway|bypass|ring road|busy road|main road"
        r"|[am]\d+)|"
        r"(?:run|runs|ran|running|bolt\w*|escap\w*|got|gets|getting) out (?:of|through) the"
        r" (?:house|front door|back door|window|garden gate)|"
        r"(?:run|runs|ran|running|bolt\w*|dash\w*|dart\w*) (?:out )?(?:into|onto|across) the"
        r" (?:road|street|traffic|car park)|"
        r"(?:driven|taken|ended up) (?:[\w']+ ){0,3}(?:back )?(?:to|at) the (?:\w+ )?depot|"
        r"(?:he|she|him|her) (?:[\w']+ ){0,3}(?:at|in|to) the (?:bus |taxi )?depot|"
        r"forgot to (?:get|drop|take|collect|pick up|pick) (?:him|her|them|" + _CHILD + r")|"
        r"(?:nobody|no one|no adult|no staff) (?:is |was |were )?(?:looking at|watching|checking on"
        r"|keeping an eye on|supervising) (?:him|her|them)|"
        r"(?:nobody|no one|didn't|did not|never) notic(?:e|ed) (?:[\w']+ ){0,6}(?:seat ?belt|belt"
        r"|harness|standing|stood|door|got off|get off|never (?:reached|arrived|got)|wasn't there"
        r"|(?:he|she|they|he'd|she'd) (?:had )?(?:gone|left|disappeared))|(?:nobody|no one)"
        r" noticed for|"
        r"adult passenger|(?:with|and) (?:a|an) (?:adult|man|woman|stranger) (?:\w+ )?(?:he|she"
        r"|they) (?:didn't|did not|doesn't|does not) know|"
        # Alone somewhere dark, cold or by a road, however many words apart; "left in the
        # dark" about a decision has nobody alone in it.
        r"(?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves))(?: [\w']+){0,6}"
        r" (?:in the dark|after dark|at night|in the rain|in the snow|in the cold|on the (?:road"
        r"|street|pavement|lane|corner|kerb)|at the (?:end|side|top|bottom|roadside) of)|"
        r"(?:in the dark|after dark|in the rain|in the snow|in the cold|at the (?:end|side|top"
        r"|bottom) of the (?:\w+ )?(?:lane|road|street|drive|track))(?: [\w']+){0,4} (?:alone|on"
        r" (?:his|her|their) own|by (?:himself|herself|themselves))|"
        r"left (?:waiting|standing|sitting|stood|sat|outside|stranded)(?: [\w']+){0,8} (?:alone|on"
        r" (?:his|her|their) own|by (?:himself|herself|themselves)|in the dark|after dark|in the"
        r" rain|in the cold|in the snow|unsupervised|with no (?:one|adult|staff)|with nobody)|"
        # Found by a passer-by, a neighbour or the police: nobody responsible knew where the
        # child was.
        r"(?:was|were|been|got|is|being) found by (?:a |an |the |our |my |his |her |some |another"
        r" |one of )?(?:[\w']+ ){0,2}(?:neighbours?|stranger|passer ?by|passers by"
        r"|member of (?:the )?"
        r"(?:public|staff)|parents?|police\w*|shop ?keeper|dog walker|walker|man|woman|lady|bloke"
        r"|driver|teacher|caretaker|someone|somebody|cyclist|resident|security)|"
        r"(?:neighbours?|stranger|passer ?by|member of the public|dog walker|shop ?keeper|someone"
        r"|somebody|a (?:man|woman|lady))(?: [\w']+){0,2} (?:found|spotted|picked up|rescued)"
        r" (?:him|her|them|" + _CHILD + r")|"
        r"(?:before|until) (?:a |an |the |any )?(?:anyone|anybody|someone|somebody|staff|member of"
        r" staff|teacher|neighbour|adult)(?: [\w']+){0,2} (?:found|noticed|spotted|realised|came"
        r" for|rescued) (?:him|her|them|he|she|they)(?![a-z0-9'])|"
        r"(?:could|might|would) have (?:gone|walked|wandered|run|ran|got|ended up|been taken)(?:"
        r" off| away| out)? anywhere|"
        # Set down at a house the family left, or before the school opens.
        r"(?:dropped|drop|drops|dropping|taken|took|driven|drove|delivered) (?:[\w']+ ){0,7}(?:our"
        r"|his|her|their|my|the|an) (?:old|previous|former) (?:address|house|home|flat)|"
        r"(?:dropped|drove off|left)(?: [\w']+){0,12} (?:gates?|doors?|school|site|building)"
        r" (?:don't|doesn't|didn't|do not|does not|did not|wasn't|weren't|isn't) (?:open"
        r"|opened|unlocked) (?:until|till)"
    ),
    "unsafe transport": (
        # Belts off, doors open or children standing while the vehicle is at speed.
        r"(?:seat ?belts?|belt|harness|doors?(?! to door)|stood up|standing up|stands up|stand up"
        r"|climb\w* (?:out|over)|got out|get out)(?: [\w']+){0,4} " + _AT_SPEED + r"|"
        r"seat ?belts? (?:doesn't|does not|don't|didn't|won't|isn't|wasn't|not) (?:work|working"
        r"|fasten|done up|on|fitted)|broken seat ?belts?|without (?:a |his |her |their )?seat"
        r" ?belts?|"
        r"(?:on|using|texting|scrolling|scrolling on|shouts on|talking on|looking at) (?:his|her"
        r"|their|a|the) (?:mobile|phone)(?: [\w']+){0,6} (?:while|whilst|when) (?:he |she |they "
        r"|he's |she's |they're )?(?:was |is |were )?driving|"
        r"(?:driver|escort)s?(?: [\w']+){0,4} (?:on|using|texting|looking at) (?:his|her|their|the)"
        r" (?:mobile|phone)(?: [\w']+){0,2} (?:the whole|all the way|whole|for the whole"
        r"|all journey"
        r"|all the time|the entire|while|whilst)|"
        r"(?:drives|drove|driving|drive) (?:[\w']+ ){0,2}(?:fast|dangerously|recklessly"
        r"|erratically)"
        r"|(?:driver|taxi|bus|minibus|he|she) (?:goes|went) (?:[\w']+ ){0,2}fast|speeding|(?:ran"
        r"|run"
        r"|runs|jump\w*) (?:a|the) red lights?|"
        r"(?:wheel ?chair|chair|buggy|car seat|booster seat) (?:[\w']+ ){0,3}(?:not|wasn't|isn't"
        r"|weren't|never|hasn't been|wasn't being|not being|un) ?(?:properly )?(?:secured|strapped"
        r"|clamped|tied|fixed|locked|fastened)|"
        r"(?:not|didn't|doesn't|don't|did not|does not|never|failed to|forgot to|unable to|can't"
        r"|cannot|couldn't|wasn't|no one|nobody)(?: [\w']+){0,3} (?:secure|strap|clamp|tie|lock"
        r"|fasten)\w* (?:down |in )?(?:his|her|their|the|my) (?:wheelchair|chair)|"
        r"wheelchair (?:[\w']+ ){0,3}(?:moved|slid|slipped|tipped|rolled|came loose|was loose"
        r"|toppled)|unsecured wheelchair|"
        # Restraints missing, broken or forgotten on a journey.
        r"(?:no|without(?: a| an| any| his| her| their| the)?|hasn't got(?: a| an| any)?"
        r"|doesn't have(?: a| an| any)?|didn't have(?: a| an| any)?) (?:working |proper |suitable"
        r" |functioning |safe |fitted |appropriate |correct |right )?"
        + _RESTRAINT_KIT
        + r"|"
        + _RESTRAINT_KIT
        + r" (?:[\w']+ ){0,3}(?:broken|missing|faulty|(?:doesn't|don't|didn't|isn't|wasn't|aren't"
        r"|weren't|not) (?:work|working|fit|fitted|fasten|lock|click|clip)|won't (?:fasten|click"
        r"|lock|clip|do up)|keeps? (?:coming|popping) (?:undone|open|loose)|came undone|comes"
        r" undone)|"
        r"(?:forget\w*|forgot|forgotten|didn't bring|doesn't bring|don't bring|never brings?|not"
        r" brought|removed|took out|taken out) (?:[\w']+ ){0,3}(?:the |his |her |their "
        r"|my )?(?:booster"
        r"|car seat|harness)|(?:booster|car seat|harness)(?: [\w']+){0,30} (?:without (?:one|it)"
        r"|forg\w* (?:to bring )?it)"
        r"(?![a-z0-9'])|"
        r"(?:not|wasn't|weren't|isn't|aren't|never) (?:being |been )?(?:strapped|buckled|belted"
        r"|clipped) (?:in|up)|"
        # Put out of the vehicle on a fast road.
        r"hard shoulder|(?:from|in|at|into|on) a lay ?by|"
        r"(?:put|got|made|left|told|dropped|kicked) (?:[\w']+ ){0,4}(?:out"
        r"|off) (?:[\w']+ ){0,4}(?:at|on"
        r"|by) the (?:side of the road|roadside)"
    ),
    "unfit driver or escort": (
        # Drunk, high, asleep or smoking around the child: the adult in charge is the danger.
        r"drunk|intoxicated|under the influence|stoned|hungover|high on (?:drugs|something|weed"
        r"|cannabis)|"
        r"(?:smell\w*|smelt|stink\w*|stank|reek\w*) (?:[\w']+ ){0,2}of (?:alcohol|drink|booze|beer"
        r"|lager|wine|vodka|whisky|spirits|cannabis|weed|skunk|drugs)|(?:alcohol|drink|booze"
        r"|cannabis|weed) on (?:his|her|their) breath|"
        r"(?:fell|falls|falling|fall) asleep (?:at|behind) the wheel|asleep (?:at|behind) the wheel"
        r"|(?:driver|escort) (?:[\w']+ ){0,3}(?:fell asleep|falls asleep|falling asleep|nodding off"
        r"|nodded off|dozing|dozed off)|"
        r"(?:smok\w*|vap\w*) (?:[\w']+ ){0,4}(?:with|while|whilst|when) (?:my|our|the|him|her|them"
        r"|he"
        r"|she|they)(?: [\w']+){0,3} (?:inside|in the (?:car|taxi|bus|minibus|van|back)|in it"
        r"|on board"
        r"|in the vehicle|is in|are in|was in|were in|driving)|"
        r"(?:smok\w*|vap\w*)(?: [\w']+){0,12} (?:asthma\w*|inhalers?|oxygen|breathing problems"
        r"|lungs?)|(?:asthma\w*|oxygen)(?: [\w']+){0,12} (?:smok\w*|vap\w*)"
    ),
    "online contact": (
        # Sexual talk, images or a request to meet, from anyone the child meets online.
        r"(?:saying|said|says|say|comments?|commenting|messag\w*|texts?|texting|writ\w*|wrote)"
        r" (?:[\w']+ ){0,3}about (?:my|his|her|their) (?:body|boobs|breasts|bum|bottom|chest"
        r"|private\w*|figure)|"
        r"(?:rude|dirty|explicit|naked|nude|inappropriate|sexy) (?:pictures|photos|pics|images"
        r"|videos|messages|texts|selfies|snaps|chat\w*)|"
        r"(?:pictures|photos|pics|images|videos) of (?:me|him|her|them|myself|himself|herself)"
        r" (?:naked|undressed|in (?:my|his|her|their) (?:underwear|pants|bra))|"
        + _STRANGER
        + r"(?: [\w']+){0,15} (?:asked|asks|asking|wants|wanted|trying|tried|begging|pressur\w*)"
        r" (?:\w+ )?(?:me|him|her|them|\w+) to (?:meet|come and meet|go and meet|come round"
        r"|come over|go to his|go to her|keep (?:it )?(?:a )?secret|send (?:him|her|them|nudes"
        r"|pictures|photos|pics|selfies))|"
        r"(?:met|meet|meeting|talking to|talks to|talked to|chatting to|chatting with|speaking to"
        r"|messaging|friends with|going to meet|wants to meet|arranged to meet) (?:up with )?"
        + _STRANGER
        + r"(?: [\w']+){0,3} (?:online|on (?:snapchat|instagram|tiktok|discord|roblox|fortnite"
        r"|minecraft|xbox|the internet|a game|an app|whatsapp|facebook)|(?:he|she|they) met"
        r" (?:online|on))|"
        + _ONLINE
        + r"(?: [\w']+){0,10} (?:(?:asked|asking|asks|wants|wanted) (?:me|him|her|them) to meet"
        r"|meet (?:up|in person|in real life|irl)|undress\w*|send (?:him|her|them) (?:pictures"
        r"|photos|pics|selfies|videos)|take (?:his|her|my|their) (?:clothes"
        r"|top) off)|"
        # Images held over a child: "share her photos unless she pays".
        r"(?:share|post|send|leak|show) (?:her|his|my|their) (?:\w+ )?(?:photos|pictures|pics"
        r"|images|videos|nudes) (?:unless|if (?:she|he|i|they) (?:don't|doesn't|didn't|won't))|"
        r"blackmail\w*|sextort\w*|threaten\w* to (?:share|post|send|leak|show|put) (?:\w+ )?"
        r"(?:pictures|photos|pics|images|videos|them|it)|porn\w*"
    ),
    "threat from outside": (
        # A parent or ex the family fears, coming to the school or the house.
        r"(?:scared|afraid|frightened|terrified|worried|fear\w*) (?:that )?(?:he|she|they|he's"
        r"|she's|they're|he'll|she'll|they'll|(?:his|her|my|the) (?:dad|father|mum|mother|ex"
        r"|partner))(?: [\w']+){0,3} (?:take|snatch|abduct|grab|kidnap|run off with|take off with"
        r"|come for) (?:him|her|them|the (?:kids|children|baby)|" + _CHILD + r")(?! (?:out|off|to"
        r"|back|away|place\w*|support|hours|funding|provision|plan|case|ehcp|transport|school"
        r"|into)(?![a-z0-9']))|abduct\w*|kidnap\w*|"
        r"(?:turn\w*|show\w*) up (?:[\w']+ ){0,4}(?:drunk|threatening|abusive|violent|with a"
        r" (?:knife|weapon))|"
        r"(?:non molestation|restraining|prohibited steps|no contact|protection|occupation) orders?"
        r"|(?:not allowed|isn't allowed|not supposed) (?:to have )?(?:any )?(?:contact with|near|to"
        r" contact|to come near) (?:him|her|them|us|me|" + _CHILD + r")|"
        r"(?:we|i) (?:fled|had to flee|escaped from) (?:from )?(?:my|her|his|our|the) (?:ex|husband"
        r"|partner|dad|father|home)|(?:in|to|at|into|from) (?:a |the )?(?:women's |domestic abuse"
        r" )?refuge"
    ),
    "other dangers": (
        # Strangling, fire, poison, breathing stopped: harm that no other group names.
        r"hands? (?:round|around|on) (?:my|his|her|their) (?:neck|throat)|"
        r"(?:set|sets|setting|started|starting|lit|lighting|light) (?:a |the )?fires?(?! under)"
        r"|set fire to"
        r"|(?:playing|plays|played) with (?:fire|matches|lighters?)|"
        r"swallow\w* (?:a |some |the |two )?(?:batter(?:y|ies)|bleach|pills|tablets|magnets?|coins?"
        r"|screws?|glass|button batter\w*)|(?:drank|drinking|drinks|ate|eats|eating) (?:the )?"
        r"(?:bleach|washing (?:up )?liquid|detergent|washing capsules|batter(?:y|ies)|cleaning"
        r" products?)|"
        r"stopped breathing|turned blue|(?:was|went|is|found|lying) unconscious"
        r"|(?:he|she) (?:was |went |became |is )?unresponsive|found (?:him|her|them) unresponsive"
        r"|(?:not|wasn't|isn't) breathing(?! down)|(?:couldn't|could not) breathe|"
        r"(?:nearly|almost) (?:choked|drowned|suffocated|strangled)|"
        r"(?:sleeping|sleep|slept|living|live) (?:rough|in (?:the|a|our|my) car|on the streets)"
        r"|sofa surfing|street homeless|nowhere to sleep|can't afford (?:to )?(?:feed|food|heating"
        r"|to heat|nappies|formula)|"
        r"if (?:i|he|she|you) (?:tell|told|tells|say|said) (?:anyone|anybody|someone|mum|dad|the"
        r" teacher)|"
        r"forced (?:to )?marr\w*|fgm|female genital|married off|honour based|"
        r"giv\w* away (?:all )?(?:his|her|my|their) (?:things|belongings|stuff|possessions|toys)|"
        r"(?:walk|walking|walked|drive|driving|drove|swim|swimming|step|stepping) (?:[\w']+ ){0,2}"
        r"(?:into the (?:sea|river|canal)|off (?:a|the) (?:bridge|cliff|roof|edge))|"
        r"(?:stand|stood|standing|sat|sitting|climb\w*) (?:on|onto) (?:the|a) (?:ledge|roof"
        r"|bridge|railings?|window ?sill)|stockpil\w* (?:\w+ )?(?:pills|tablets|medication|meds"
        r"|paracetamol)|"
        r"(?:get|gets|got|getting|been|being) (?:hit|smacked|beaten|slapped|kicked|punched|whipped"
        r"|belted) (?:at home|by (?:my|his|her|their) (?:mum|dad|step\w*|brother|sister|parents?"
        r"|carer|foster \w+|uncle|aunt\w*|grand\w*|partner|mum's \w+|dad's \w+))|"
        r"(?:shout\w*|scream\w*|yell\w*) in (?:his|her|their|my) face|"
        r"(?:pull\w*|yank\w*) (?:his|her|my|their) hair|"
        r"(?:pull\w*|yank\w*) (?:him|her|them|me|" + _CHILD + r") by (?:the|his|her|my) (?:arm"
        r"|hair|hood|collar|ear|wrist)|"
        r"(?:wouldn't|won't|didn't|don't|doesn't|not) (?:let|allow|allowed) (?:\w+ )?(?:to )?(?:go"
        r" to|use) the (?:toilet|loo)|"
        # The first digit is spelled out: a leading "\d" would make the fast path try this
        # alternative at every word of every comment.
        r"(?:1\d|2\d|3\d|4\d|twenty|thirty|forty) (?:\w+ )?year old boyfriend|older boyfriend"
        r"|boyfriend (?:who is|is) (?:\d\d|much older|an adult|older)"
    ),
    "medical safety": (
        # Adults in charge who do not know a child's condition or cannot give the medicine.
        r"(?:(?:didn't|did not|doesn't|does not|don't|do not|never|nobody|no one|not|haven't"
        r"|hasn't|weren't|wasn't|isn't|aren't|untrained)(?: [\w']+){0,4} (?:know|knew|knows|idea"
        r"|trained|told|aware)|(?:know|knew|knows) nothing|no idea)(?: [\w']+){0,7} "
        + _MEDICAL_RISK
        + r"|"
        r"(?:haven't|hasn't|have not|has not|weren't|wasn't|isn't|aren't|not|never|nobody|no one"
        r"|no staff|untrained)(?: been)? trained (?:to (?:give|administer|use)|in (?:first aid"
        r"|epilepsy|seizure|rescue|medication|buccal|emergency))|no trained (?:escort|staff|adult"
        r"|driver)|(?:driver|escort)s? (?:is|was|are|were) (?:not|never) trained|untrained"
        r" (?:driver|escort)s?|"
        r"(?:had|has|having|have) (?:a |another )?(?:\w+ )?(?:seizure|fit|allergic reaction"
        r"|reaction) (?:on|in) the (?:bus|minibus|taxi|car|coach|way|journey)|"
        r"(?:didn't|did not|never|nobody|no one) (?:\w+ )?call(?:ed)? (?:999|an ambulance|the"
        r" ambulance)|"
        + _ESCORT_GONE
        + r"(?: [\w']+){0,14} "
        + _LIFE_THREATENING
        + r"|"
        + _LIFE_THREATENING
        + r"(?: [\w']+){0,14} "
        + _ESCORT_GONE
        + r"|"
        # Medicine not given: missed, refused, forgotten, out of date or left at home.
        r"(?:miss(?:ed|es|ing)?|skip\w*) (?:\w+ )?(?:doses?|medication|meds|insulin|injections?)"
        r"(?! (?:details|information|section|plans?|reviews?|list|forms?|from)(?![a-z0-9']))|"
        r"(?:not|never|wasn't|weren't|isn't|aren't|hasn't been|haven't been|not been|hadn't been"
        r"|isn't being|wasn't being|not being) (?:given|getting|receiving|administered|allowed)"
        r" (?:his |her |their |the |any )?" + _MEDICINE + r"|"
        r"(?:refus\w*|won't|wouldn't|will not|would not|didn't|did not|doesn't|does not|don't"
        r"|do not|never|forgot|forget\w*|stopped|nobody|no one|unable|can't|cannot) (?:to )?(?:give"
        r"|giving|gives|gave|administer\w*) (?:[\w']+ ){0,3}(?:his |her |their |the |any )?"
        + _MEDICINE
        + r"|"
        + _MEDICINE
        + r" (?:[\w']+ ){0,5}(?:(?:not|wasn't|weren't|never|hasn't been|haven't been|isn't|aren't"
        r"|not being) (?:given|administered|sent|packed|taken)|expired|out of date(?! (?:care "
        r"|health |medical )?(?:plans?|information|advice"
        r"|protocols?|guidance|forms?|versions?|cop(?:y|ies)|lists?|records?|details|paperwork"
        r"|letters?|reports?)(?![a-z0-9']))|left at home"
        r"|left behind)|(?:expired|out of date) (?:\w+ )?" + _MEDICINE + r"|"
        r"(?:had|has|having|have) (?:an? |another )?(?:bad |severe |serious )?(?:asthma"
        r" attack|hypo|choking episode) (?:on|in) the (?:bus|minibus|taxi|car|coach|way|journey)|"
        r"allergic reaction|anaphyla\w*|wrong (?:dose|dosage|medication|medicine|tablets)"
        r"|double dose"
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
        # Not the photos staff send home of the day's activities.
        r"(?:sending|sent|send|asked for) (?:pictures|photos|pics)(?! (?:each|every|daily|of"
        r" (?:the|his|her|their) day|of (?:the )?(?:activities|trip|work)|home|to (?:us|me|parents"
        r"|families))(?![a-z0-9']))|carrying (?:drugs|packages)|"
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
        r"|hurting|ending)(?! (?:the|his|her|our|their|this|that) (?:placement|plan|contract"
        r"|package|support|provision|ehcp|transport|dispute|process|complaint|meeting)"
        r"(?![a-z0-9']))|life (?:isn't|is not|wasn't) worth|no point (?:in )?(?:living|being "
        r"here)|tried to (?:take|end|kill|hurt|hang|strangle|jump)|attempt\w*(?: on his| on her"
        r"| to end)? (?:life|suicide)|nobody would miss|no one would miss|"
        r"(?:step|jump|run|ran|walk\w*) (?:out )?(?:in front of|into) (?:a |the )?(?:car|traffic"
        r"|road|train|bus)|nearly (?:got )?(?:hit|run over|died|killed)|could have (?:died|been "
        r"killed)|could have been (?:\w+ )?(?:hit|run over|hurt|injured|knocked down|abducted"
        r"|taken)(?! (?:harder|hard|by (?:the )?cuts))|could have (?:drowned|choked)|"
        r"(?:will|is going to|could) (?:get|be) (?:seriously )?(?:hurt|killed)(?! feelings)|"
        r"(?:someone|somebody|someone's|somebody's) (?:\w+ )?(?:will|is going to|going to|is gonna"
        r"|gonna) (?:get|be) (?:badly |seriously |really )?(?:hurt|killed|injured)|fear for (?:his"
        r"|her|their|my) (?:life|safety)|"
        r"(?:scared|worried|frightened) for (?:his|her|their|my) (?:life|safety)|"
        r"lash\w* out at (?:me|us|his|her|the|my)|violent (?:towards?|to|at home)|"
        r"knife|knives|weapon\w*|stabb\w*|strangers? online|(?:met|talking to|messaging) "
        r"(?:someone|a man|men|an adult|adults) online|coerci\w*|controlling (?:relationship|"
        r"partner|ex)|scared of (?:him|her|my ex|his dad|her dad|my partner)|"
        # Frightened of the child or of someone at home, not of a decision about them.
        r"(?:scared|afraid|frightened|terrified) of (?:him|her|them|" + _CHILD + r"|my partner"
        r"|my husband|my wife|my ex)(?! (?:getting|being|going|losing|not|leaving|starting|finding"
        r"|knowing|thinking|seeing"
        r"|moving)(?![a-z0-9']))|"
        r"(?:scared|frightened|terrified) for (?:him|her|them|" + _CHILD + r")(?! (?:to|when"
        r"|starting|in september|next)(?![a-z0-9']))|"
        r"(?:not|wasn't|isn't|never) (?:given|had) (?:his|her|their) (?:medication|meds|epipen|"
        r"inhaler)|without (?:his|her|their) (?:medication|meds|epipen|inhaler)|soiled|"
        r"same (?:clothes|nappy) (?:all|for)|(?:walked|wandered|got|ran) (?:out of|off) (?:the )?"
        r"(?:school|site|grounds|building)|left the (?:school|site|building) (?:on|alone|"
        r"without|and)|(?:couldn't|could not|can't) find (?:him|her|them)|"
        r"(?:nobody|no one|didn't) kn(?:ew|ow) where (?:he|she|they) (?:was|were|is)(?! (?:going"
        r"|heading|supposed|meant|starting|moving)(?![a-z0-9']))|"
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
        r"(?:not|isn't|wasn't) safe (?:for me )?to (?:look after|be left|leave)|"
        r"i (?:can't|cannot|can not|couldn't|can no longer) (?:physically |safely |really )?"
        r"(?:manage|cope with|look after|lift"
        r"|handle|control) (?:\w+)(?: \w+)? (?:on my own|alone|by myself|any ?more|safely)|"
        r"i (?:can't|cannot|can not) (?:lift|carry) (?:him|her|them)|"
        r"fell (?:in|into|down|out of|off) (?:the |his |her )?(?:bath|stairs|bed|window"
        r"|wheelchair|hoist)"
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
        r"(?:i|we) can't (?:cope|keep going|manage) any ?more|"
        # Breaking point, said plainly; the process "I can't do this" about is not named.
        r"(?:i|we) (?:just |really |honestly )?(?:can't|cannot) do this any ?more|"
        # A child now stronger than the parent who must restrain them.
        r"(?:bigger|stronger) than (?:me|us|i am|his mum|his dad|her mum|her dad)(?: [\w']+){0,10}"
        r" (?:lash\w*|hit\w*|hurt\w*|attack\w*|kick\w*|punch\w*|violen\w*|can't (?:manage|cope"
        r"|hold|stop|restrain))|(?:don't|dont) want to be here"
        r" any ?more|thoughts of (?:ending|suicide|killing)|(?:hurt|harm)(?:ing)? myself|"
        r"(?:i'm|i am) not coping|(?:might|will|could|going to) (?:hurt|harm) (?:him|her|them)"
        r"|lose control and|"
        r"how (?:much )?long(?:er)? (?:i|we) can (?:keep going|go on|cope|carry on|hold on|hold it"
        r" together)|(?:can't|cannot) (?:keep going|go on|carry on) like this|"
        r"(?:i'm|i am|we're|we are|close to|near to|nearly) (?:really |just |barely |completely "
        r"|so )?not coping|barely coping|"
        r"(?:scared|afraid|frightened|worried|terrified) (?:of |about )?what i (?:might|will|could"
        r"|would|may) do(?! (?:about|if|with|for|when|next)(?![a-z0-9']))|"
        r"(?:scared|afraid|frightened|worried|terrified) (?:that )?i(?:'ll| will| might| could"
        r"| may| am going to|'m going to) (?:lose it|lose my temper|snap|lash out|hit|hurt|harm"
        r"|shake|smack|do something)|(?:lose|losing) (?:it|my temper|control) with (?:him"
        r"|her|them)|"
        # Fear stated flatly by the writer, not fear of a tribunal or a move.
        r"(?:i'm|i am) (?:so |really |very |genuinely |absolutely |just |honestly )?(?:frightened"
        r"|terrified)(?! (?:(?:about|of) (?:the|what happens|what will happen|what's next|going"
        r"|starting|him starting|her starting|september|next year|secondary|college|transition"
        r"|adulthood|tribunal|losing|him losing|her losing|getting|saying|making|doing|speaking)"
        r"|to (?:speak|say|ask|complain|challenge|call|ring|raise|go to))(?![a-z0-9']))"
        r"(?! (?:that )?(?:the|they|we|it|nobody|no one) )"
    ),
}

# Where a phrase may start and end: at the edges of words. The plain regexes and the fast
# matchers below are built from the same edges, so that they find the same phrases.
_WORD_START = r"(?<![a-z0-9'])"
_DISCLOSURE_START = r"(?<![a-z0-9'&])"
_WORD_END = r"(?![a-z0-9'])"

_IDIOM_RE = re.compile(_WORD_START + "(?:" + "|".join(_IDIOMS) + ")" + _WORD_END)


# The plain regexes below are the definition the fast path is tested against, and the
# fallback for text it does not understand (never normalised text). Compiling them takes
# about 0.3 s, so they are compiled when first needed, not at every start-up.
@cache
def _pattern_res() -> dict[str, re.Pattern[str]]:
    return {
        kind: re.compile(_DISCLOSURE_START + "(?:" + pattern + ")" + _WORD_END)
        for kind, pattern in _PATTERNS.items()
    }


@cache
def _any_re() -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{pattern})" for pattern in _PATTERNS.values())
    return re.compile(_DISCLOSURE_START + "(?:" + alternatives + ")")


# --- Speed: try each alternative only where it can start (see wordstart.py) ----------


def _alternatives_of(patterns: Iterable[str]) -> list[str]:
    return [alternative for pattern in patterns for alternative in split_alternatives(pattern)]


_IDIOM_MATCHER = WordStartMatcher(_alternatives_of(_IDIOMS), _WORD_START, _WORD_END)
_ANY_MATCHER = WordStartMatcher(_alternatives_of(_PATTERNS.values()), _DISCLOSURE_START, "")
# One per kind as well, walked together: a flagged comment is searched kind by kind, and
# with a few hundred alternatives the plain regexes would cost more there than the whole
# fast path before it.
_KIND_MATCHERS = WordStartMatchers(
    [
        WordStartMatcher(split_alternatives(pattern), _DISCLOSURE_START, _WORD_END)
        for pattern in _PATTERNS.values()
    ]
)


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
    """``_any_re().search(cleaned)``: whether any disclosure pattern matches at all."""
    matches = _ANY_MATCHER.finditer(cleaned, first_only=True) if fast else None
    if matches is None:
        return _any_re().search(cleaned) is not None
    return bool(matches)


def find_disclosures(normalised: str) -> tuple[tuple[str, str], ...]:
    """Return (kind, phrase) pairs found in normalised text after removing idioms."""
    fast = FAST_TEXT_RE.fullmatch(normalised) is not None
    cleaned = _without_idioms(normalised, fast)
    # A single combined search first: most comments have no disclosure at all.
    if not _may_disclose(cleaned, fast):
        return ()
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    each_kind = _KIND_MATCHERS.finditer(cleaned) if fast else None
    for number, kind in enumerate(_PATTERNS):
        matches = _pattern_res()[kind].finditer(cleaned) if each_kind is None else each_kind[number]
        for match in matches:
            phrase = match.group(0)
            if phrase not in seen:
                seen.add(phrase)
                found.append((kind, phrase))
    return tuple(found)


def safeguarding_phrases(normalised: str) -> tuple[str, ...]:
    """Return the phrases that make this comment a safeguarding concern, or ()."""
    return tuple(phrase for _kind, phrase in find_disclosures(normalised))
