"""Disclosure patterns for other risks: contact online, threats from outside the family,
other dangers (fire, poison, breathing), medical safety, going missing, exploitation, harm
at risk of happening, and parents or carers who cannot keep a child safe.
"""

from __future__ import annotations

from feedback_app.analysis.safeguarding_idioms import _CHILD

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

_OTHER_RISK_PATTERNS: dict[str, str] = {
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
