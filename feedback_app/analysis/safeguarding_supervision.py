"""Disclosure patterns for a child out of the sight or care of the adults who should
be watching: left alone or at the wrong place, unsafe transport, and a driver or escort
unfit to be in charge.
"""

from __future__ import annotations

from feedback_app.analysis.safeguarding_idioms import _CHILD

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

# The journey equipment that keeps a child in their seat in a crash.
_RESTRAINT_KIT = (
    r"(?:seat ?belts?|belts?|booster(?: seats?| cushions?)?|car seats?|harness(?:es)?"
    r"|wheelchair (?:clamps?|straps?|tie ?downs?)|tie ?downs?|clamps?)"
)

_SUPERVISION_PATTERNS: dict[str, str] = {
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
}
