"""Disclosure patterns for harm to a child or by a child to themselves: self-harm,
suicide, abuse, neglect, eating disorders, not feeling safe, restraint or injury, and harm
at school.
"""

from __future__ import annotations

from feedback_app.analysis.safeguarding_idioms import _CHILD

_WHO = (
    r"(?:" + _CHILD + r"|him|her|them|me|my|myself|himself|herself|themselves|themself|us"
    r"|my partner|my wife|my husband|the kids?|the child|mum|dad|his|their)"
)

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

_HARM_PATTERNS: dict[str, str] = {
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
}
