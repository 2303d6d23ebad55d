"""ACLED event type and sub-type of a sentence, from weighted cue rules; a fast trigger prefilter.

The cues follow ACLED's codebook definitions: the weapon decides among the remote-violence
sub-types (air/drone, shelling/artillery/missile, IED, grenade, suicide bomb, chemical); the
target decides between battles (armed actors on both sides) and violence against civilians;
police intervention and violence decide among the protest and riot sub-types; non-violent acts
with strategic weight (arrests, seized weapons, looting, agreements, bases, territory handed
over) are strategic developments. Sentences about disasters, ordinary crime, diplomacy or
statements get no sub-type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.taxonomy import TYPE_OF

__all__ = ["TypeGuess", "classify", "classify_snippet", "refine", "triggers", "is_non_factual"]


@dataclass(frozen=True, slots=True)
class TypeGuess:
    sub_event_type: str | None
    event_type: str | None
    score: float
    trigger: tuple[int, int] | None  # char offsets in the classified text


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")\b", re.I)


# --- trigger prefilter -------------------------------------------------------------------------

_TRIGGER_FAMILIES: tuple[tuple[str, str], ...] = (
    ("attack", r"attack(?:s|ed|ing|ers?)?|assault(?:s|ed)?|raid(?:s|ed)?|ambush(?:ed|es)?|offensive|"
               r"operation(?:s)? against|targeted|struck|strikes?|hit|stormed|rammed"),
    ("killing", r"kill(?:s|ed|ing)?|dead|died|deaths?|death toll|massacre[ds]?|executed|shot|slain|murdered|"
                r"neutrali[sz]ed|eliminated|liquidated|martyr(?:ed|ing)|encounter|behead(?:ed|ing|s)?|"
                r"decapitated|hacked to death|burn(?:ed|t) alive|set (?:\w+ ){0,2}?alight|found dead|gunshot wounds?|"
               r"bod(?:y|ies) of|snipers?|"
                r"wounded|injur(?:ed|ies|y)|casualt(?:y|ies)|lynch(?:ed|ing)?|beat(?:en)? to death|stabbed|"
                r"opened fire|gunm[ae]n|gunned down|fired (?:on|at)|"
                r"(?:went|going|moving|moved) (?:from )?(?:house to house|door to door)|"
                r"shooting (?:at )?(?:residents|villagers|civilians|people|passengers|worshippers|farmers|"
                r"anyone|men|women)"),
    ("explosion", r"explo(?:sion|sions|ded|sive|sives)|blast(?:s)?|bomb(?:s|ed|ing|ings|er)?|ied|ieds|"
                  r"landmines?|mines?|grenades?|detonat\w+|suicide"),
    ("chemical", r"chlorine|sarin|toxic gas|poison gas|chemical (?:weapons?|attack|agents?)"),
    ("shelling", r"shell(?:s|ed|ing)|artillery|mortars?|rockets?|missiles?|ballistic|howitzers?|grad|projectiles?"),
    ("airstrike", r"air ?strikes?|air raids?|airstrike|warplanes?|jets?|drones?|aerial|aircraft|helicopters?|"
                  r"bombard(?:ed|ment)"),
    ("clash", r"clash(?:es|ed)?|fighting|fought|battles?|gunfights?|firefights?|shootouts?|exchanged fire|"
              r"traded (?:fire|gunfire|shots)|exchanged gunfire|"
              r"skirmish(?:es)?|engaged|repelled|repulsed|exchange of fire"),
    ("territory", r"captur(?:ed|e)|seiz(?:ed|e)|took control|taken control|overr?an|recaptured|retook|regained|"
                  r"(?:entered|took over|moved into) (?:the )?(?:\w+ ){0,2}?(?:town|city|village|district|headquarters|"
                  r"capital|base)|"
                  r"liberated|withdr[ea]w|handed over|advanced|retaken|fell to|vacated|pulled out of"),
    ("protest", r"protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|march(?:ed|es)?|"
                r"blocked|blockades?|slogans|"
                r"sit-ins?|riot(?:s|ers|ing)?|mob|tear ?gas|strike action|picket\w*|gathered"),
    ("arrest", r"arrest(?:s|ed)?|detain(?:ed|s|ing)?|detention|custody|apprehended|rounded up"),
    ("abduction", r"abduct(?:ed|ion|ions)?|kidnapp?(?:ed|ing|ers)?|hostages?|disappeared|whereabouts|"
                  r"(?:took|taken|carted|led|whisked) (?:(?:him|her|them) )?away|taken (?:into|to) the (?:bush|forest)"),
    ("sexual", r"rap(?:e|ed|es)|sexual(?:ly)? (?:assault\w*|violence|abuse[ds]?)"),
    ("property", r"loot(?:ed|ing)?|ransacked|torched|set (?:fire|ablaze)|burn(?:ed|t) down|demolish(?:ed)?|vandali[sz]ed|"
                 r"destroyed"),
    ("weapons", r"defused|dismantled|foiled|intercepted|shot down|weapons? cache|arms cache|seized weapons"),
    # "Al-Shabaab claimed responsibility in a statement": no event word, but it names the perpetrator
    ("claim", r"(?:claimed|claims|claiming|accepted|took|denied|denies) (?:\w+ )?(?:responsibility|credit|involvement)"),
    ("agreement", r"ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|signed an? (?:\w+ )?agreement|"
                  r"prisoner (?:swap|exchange)|exchange of prisoners|prisoners? (?:were )?(?:exchanged|swapped)"),
    ("group", r"(?:established|set up) an? (?:new )?(?:military )?(?:base|headquarters|camp|outpost|checkpoint)|"
              r"appointed|new leader|merged|merger|defected|"
              r"pledged allegiance|announced the formation"),
)
_TRIGGER = re.compile("|".join(f"(?P<{name}>\\b(?:{rx})\\b)" for name, rx in _TRIGGER_FAMILIES), re.I)


def triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, family) of every trigger word: the cheap, high-recall first pass."""
    return [(m.start(), m.end(), m.lastgroup or "") for m in _TRIGGER.finditer(text)]


# --- classification ----------------------------------------------------------------------------

# (sub-type, cue, weight): the highest total wins; a cue's first match gives the trigger offsets.
_CUES: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("Chemical weapon", _rx(r"chemical (?:weapons?|attack|agents?)|chlorine|sarin|mustard gas|nerve agent|"
                            r"toxic gas|poison gas"), 5.0),
    ("Suicide bomb", _rx(r"suicide (?:bomb\w*|attack\w*|vest|car bomb|blast|truck)|explosives?(?:-laden)? (?:vest|belt)|"
                         r"detonated (?:his|her|their) (?:vest|belt)|blew (?:himself|herself|"
                         r"themselves) up|self-detonat\w+|suicide bomber|"
                         # "a young woman detonated explosives strapped to her body"
                         r"explosives strapped to (?:his|her|their) bod(?:y|ies)|strapped with explosives"), 4.5),
    ("Air/drone strike", _rx(r"air ?strikes?|air raids?(?! (?:alerts?|sirens?|warnings?|shelters?))|airstrikes?|warplanes?|fighter jets?|jets struck|"
                             r"drone (?:strikes?|attacks?)|drones? (?:struck|hit|attacked|targeted|dropped)|dropped (?:\w+ ){0,2}?bombs?|"
                             r"glide bombs?|guided (?:aerial )?bombs?|aerial bombs?|"
                             r"(?:kamikaze|attack|armed|suicide|explosive-laden|loitering) drones?|unmanned aerial|"
                             r"drone-dropped|with (?:an? )?(?:\w+ )?drones?|drones? (?:loaded|laden|packed|rigged) with|"
                             r"aerial (?:assault|attack|"
                             r"bombardment|bombing)|helicopter gunships?|ac-130|(?:aircraft|jets|planes|helicopters) (?:struck|bombed|pounded|conducted|destroyed|targeted|hit)|"
                             r"precision strikes?|bombed from the air|barrel bombs?|air force (?:struck|bombed)"),
     3.2),
    # a strike with no weapon named: in conflict reporting usually from the air or a drone
    # a bare "strike" that is not a labour or hunger strike
    ("Air/drone strike", re.compile(r"(?<!hunger )(?<!general )(?<!labour )(?<!labor )(?<!workers' )(?<!workers )"
                                    r"(?<!teachers' )(?<!nationwide )(?<!sit-down )(?<!day )(?<!transport )"
                                    r"(?<!indefinite )(?<!national )(?<!taxi )(?<!drivers' )\b(?:strikes?|struck)\b"
                                    # "The strike was called after the killing of a driver": a stoppage
                                    r"(?!\s+action)(?!\s+(?:was|were|has been|had been)\s+called)", re.I), 1.5),
    ("Peaceful protest", _rx(r"(?:hunger|general|labou?r|workers'?|teachers'?|nationwide|sit-down) strikes?|"
                             r"(?:went|go|going|are|were|is) on (?:a )?(?:hunger )?strike|strike action"), 2.4),
    ("Shelling/artillery/missile attack", _rx(r"(?<!gas )(?<!tear-gas )(?<!teargas )shell(?:s|ed|ing)|artillery|mortars?|rockets?(?![- ]propelled)|"
                                              r"(?:(?:close|short|medium|long)-range )?(?:ballistic |cruise |"
                                              r"anti-ship |guided )?missiles?|ballistic|howitzers?|grad|katyusha|mlrs|projectiles?|"
                                              r"bombard(?:ed|ment)"), 3.0),
    ("Remote explosive/landmine/IED", _rx(r"ieds?|improvised explosive|roadside bombs?|landmines?|"
                                          r"(?:land )?mines? (?:exploded|blast)|car bombs?|vbied|"
                                          r"explosive devices?|booby[- ]trap\w*|bombs? (?:exploded|went off|"
                                          r"blasts?)|exploded|(?:planted|set off|placed|left|hid) (?:\w+ ){0,3}?(?:bombs?|explosives?|explosive devices?)|blast|explosion|"
                                          r"detonated|magnetic bomb|sticky bomb|"
                                          # "a car loaded with explosives blew up opposite the prison gate"
                                          r"(?:cars?|vehicles?|trucks?|motorbikes?|motorcycles?|bicycles?|carts?) "
                                          r"(?:loaded|packed|laden|rigged|filled|fitted) with explosives|"
                                          r"(?:blew|blown) up"), 2.8),
    # a bombing with no delivery named: on the ground, as ACLED codes it unless aircraft are named
    ("Remote explosive/landmine/IED", _rx(r"bombings?|bombed"), 2.4),
    # a rocket-propelled grenade is fired in a battle, not thrown: no Grenade event of its own
    ("Grenade", _rx(r"(?<!rocket-propelled )(?<!rocket propelled )grenades?(?! launchers?)"), 3.6),
    ("Sexual violence", _rx(r"rap(?:e|ed|es|ing)|sexual(?:ly)? (?:assault\w*|violence|abused?|exploit\w*)|"
                            r"gang-?raped"), 4.0),
    ("Abduction/forced disappearance", _rx(r"abduct(?:ed|ion|ions|s|ing)?|kidnapp?(?:ed|ing|ings|s)?|"
                                           r"taken hostage|took \w+ hostage|held hostage|forcibly disappeared|"
                                           r"enforced disappearance|"
                                           # "stopped by armed men and taken into the bush"
                                           r"taken (?:away )?(?:into|to) the (?:bush|forest)|"
                                           # "carting away six others", "were taken away by the attackers"
                                           r"(?:carted|carting|carried|carrying|took|led|whisked) (?:him|her|them) away|"
                                           r"(?:carted|carting|carried|carrying|taken|took|led|whisked) away "
                                           r"(?:(?:at least |some |about )?(?:\d+|one|two|three|four|five|six|seven|"
                                           r"eight|nine|ten|dozens|several|scores|\w+ others)\b|by (?:the )?(?:attackers|"
                                           r"gunmen|assailants|militants|bandits|kidnappers|raiders|insurgents|"
                                           r"terrorists|jihadists))"), 3.5),
    # "detained in hospital" is admitted for treatment, not an arrest
    # "to demand the release of the detained men": people held before, not an arrest told here
    ("Arrests", _rx(r"arrest(?:ed|s)?|detaining|(?<!the )(?<!release of )detained(?! (?:in|at) (?:a |the )?hospital| overnight (?:in|at) hospital)|taken into custody|apprehended|rounded up|"
                    r"(?:were|was) held by (?:police|security)"), 2.5),
    ("Peaceful protest", _rx(r"blocked (?:a |the )?(?:\w+ ){0,2}?(?:road|highway|nh-\d+|railway|rail track|traffic|"
                             r"junction)|raising slogans|"
                             r"protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors|(?:ed|ing)(?!\s+(?:its|their|his|her|our|the|a|an|that|how|what)\b))|"
                             r"rall(?:y|ies|ied)|"
                             r"marched|sit-ins?|vigil|picket\w*|took to the streets|staged a (?:strike|walkout)|"
                             r"on strike|hunger strike|general strike|gathered (?:peacefully|(?:[\w,'’-]+ ){0,12}?to (?:protest|"
                             r"demand|denounce|call|condemn|press|mourn|express|show))|peaceful(?:ly)? gather\w*|"
                             r"(?:minutes?|moment) of silence|silent (?:march|protest|vigil|procession)"), 2.2),
    ("Violent demonstration", _rx(r"riot(?:s|ers|ing|ed)?|threw (?:stones|rocks|petrol bombs|molotov\w*)|"
                                  r"pelted|stone-pelting|burn(?:ed|t|ing) (?:\w+ )?tyres|vandali[sz]\w+|"
                                  r"(?:protesters|demonstrators|rioters|crowds?|mobs?|supporters|students|youths)\b[^.]{0,40}?\bstormed|"
                                  r"turned violent|violent (?:protest\w*|demonstrat\w+|clashes)|"
                                  r"clashed with (?:the )?(?:police|security|riot)|attacked (?:the )?police|"
                                  r"(?:set|setting) (?:\w+ )?(?:on )?fire|torched|smashed|damaged|"
                                  r"(?:policemen|officers|police) (?:were )?injured|"
                                  # the crowd fights back: clashes with police, thrown objects
                                  r"clash(?:es|ed|ing)? (?:broke out )?(?:with|between) (?:\w+ ){0,3}?(?:police|"
                                  r"security forces|riot police|troops|protesters|demonstrators)|"
                                  r"(?:throw|throws|thrown|throwing|hurling|hurled|threw) (?:\w+ ){0,2}?(?:stones|rocks|"
                                  r"bottles|bricks|firecrackers|projectiles|molotov\w*|petrol bombs?)|molotov cocktails?|"
                                  r"pull(?:ed|s)? down (?:\w+ )?(?:walls|barriers|fences|barricades)|"
                                  r"(?:heavy|fierce|violent) clashes|escalating violence"), 2.6),
    # a "vigilante" alone is a member of a village self-defence group (Nigeria, Cameroon), not a mob
    ("Mob violence", _rx(r"mob|lynch(?:ed|ing|ings)?|vigilante (?:justice|killings?|attacks?)|"
                         r"beat(?:en)? (?:\w+ ){0,4}to death|"
                         r"mob justice|angry crowd|"
                         # "a crowd of residents stopped two young men ..., beat them and set them alight"
                         r"crowd (?:of \w+ )?[^.]{0,80}?\b(?:beat|stoned|burned|set (?:\w+ )?alight|set (?:\w+ )?on fire)"),
     3.4),
    ("Armed clash", _rx(r"clash(?:es|ed)?|gunfights?|firefights?|fire ?fights?|exchanged fire|exchange of fire|"
                        r"traded (?:fire|gunfire|shots)|exchanged gunfire|engaged (?:a |the )?(?:\w+ ){0,3}?"
                        r"(?:militants|fighters|rebels|insurgents|gunmen|jihadists|terrorists|attackers|assailants|"
                        r"bandits|raiders|gang members|troops|soldiers)|"
                        r"shoot-?outs?|skirmish(?:es)?|fighting (?:between|erupted|broke out)|heavy fighting|"
                        r"fought|battled?|engaged (?:in|with)|repelled|repulsed|ambush(?:ed|es)?|"
                        # South Asian press: "killed in an encounter with security forces"
                        r"(?:in|during) an? (?:\w+ )?encounter|encounter (?:broke out|took place|with|between)|"
                        # Pakistan's military: "an intelligence-based operation (IBO) ... khwarij were sent to hell"
                        r"intelligence[- ]based operation|\bibo\b|counter-?offensive|counter-?attack(?:ed|s)?|"
                        # "police launched an operation against the 5 Segonn gang"
                        r"(?:launched|conducted|carried out|mounted) an? (?:\w+ ){0,2}?(?:operation|offensive|assault) "
                        r"against (?:the )?(?:[\w'-]+ ){0,3}?(?:gangs?|militants|rebels|insurgents|fighters|jihadists|"
                        r"terrorists|bandits|militias?|armed groups?)\b(?!['’]s)"), 2.4),
    ("Government regains territory", _rx(r"recaptur(?:ed|e)|retook|retaken|regained control|"
                                         r"regained|liberated|back under (?:government|army) control"), 3.3),
    ("Non-state actor overtakes territory", _rx(r"(?:seized|captured|took|taken|overran|overrun|gained) "
                                                r"(?:control of |over )?(?:the )?(?:town|village|city|district|"
                                                r"base|area|territory|camp|region|province|\w+ town)|"
                                                r"took control|taken control|overran|overrun|fell to"), 3.0),
    ("Non-state actor overtakes territory", _rx(r"seized|captured"), 2.0),
    # "the army entered the district headquarters of X without resistance": territory changing hands
    ("Non-state actor overtakes territory", _rx(r"(?:entered|took over|moved into) (?:the )?(?:\w+ ){0,2}?"
                                                r"(?:town|city|village|district|headquarters|capital|base)"), 1.9),
    # "handed over to the military for questioning" is a person, not ground
    ("Non-violent transfer of territory", _rx(r"handed over(?! to (?:the )?(?:military|police|army|authorities|"
                                              r"security|investigators|relatives|family|families|icrc|red cross))|"
                                              r"withdr[eae]w from|pulled out of|"
                                              r"handover of|vacated|relinquished"), 2.3),
    ("Attack", _rx(r"shot dead|gunned down|killed|murdered|executed|massacre[ds]?|stabbed|hacked to death|"
                   r"opened fire (?:on|at|towards)|fired (?:on|at)|shot at|attacked|beheaded|burned alive|tortured|assassinated|"
                   r"slaughtered|set upon|slain|slaying(?:s)? of|killing|attacks? on|raids? on|raided|stormed|"
                   # partisan and police euphemisms for killing: "neutralised three terrorists", "martyring 15"
                   r"neutrali[sz]ed|eliminated|liquidated|martyr(?:ed|ing)|"
                   # "the body of a community leader was found with gunshot wounds", "a sniper shot and wounded"
                   r"bod(?:y|ies) of [^.]{0,60}?(?:was|were) found|found dead|gunshot wounds|shot and (?:killed|wounded)|"
                   # "seven bodies were dumped on the shoulder of the highway"
                   r"bodies (?:\w+ ){0,3}?(?:dumped|found|discovered|left)|(?:dumped|found|discovered) (?:\w+ ){0,3}?bodies|"
                   r"snipers?|(?:went|going|moving|moved) (?:from )?(?:house to house|door to door)|"
                   r"shooting (?:at )?(?:residents|villagers|civilians|people|passengers|worshippers|"
                   r"farmers|anyone)"), 1.8),
    # "intercepted two coaches" is a hold-up: only weapons are intercepted in this sense
    ("Disrupted weapons use", _rx(r"defused|dismantled|foiled|shot down|downed|thwarted|"
                                  r"intercepted[\"”']?\s+(?:\w+ ){0,3}?(?:drones?|missiles?|rockets?|projectiles?|uavs?|shells?|"
                                  r"shaheds?|munitions|targets)|"
                                  r"(?:seized|recovered|found|discovered|uncovered|confiscated|captured|dug up|unearthed) (?:\w+ ){0,4}?"
                                  r"(?:weapons?|arms|ammunition|explosives?|cache|ieds?|bombs?|rockets?|firearms|guns|"
                                  r"pistols|rifles|revolvers|bullets|cartridges|grenades|munitions|explosive devices)|"
                                  r"(?:weapons?|arms|ammunition|explosives?|firearms|guns|pistols|rifles|revolvers|"
                                  r"bullets|cartridges|grenades|munitions|devices) (?:\w+ ){0,4}?(?:were|was) "
                                  r"(?:seized|recovered|found|discovered|captured|confiscated)|"
                                  r"(?:stash|haul|cache) of (?:\w+ )?(?:weapons|arms|firearms|guns|explosives|ammunition)|"
                                  r"weapons? caches?|arms caches?|bomb disposal|controlled (?:explosion|detonation)|"
                                  # "located and destroyed in a controlled manner four improvised explosive devices"
                                  r"(?:destroyed|detonated|blew up) (?:\w+ )?in a controlled (?:manner|way|explosion)|"
                                  # "air defence units destroyed 31 drones and two cruise missiles"
                                  r"(?:destroyed|downed|neutrali[sz]ed) (?:\d+|\w+) (?:\w+ )?(?:drones|missiles|uavs|"
                                  r"rockets)(?! launchers| sites| depots| factor)"),
     3.8),
    ("Looting/property destruction", _rx(r"loot(?:ed|ing|ers)?|torched|set (?:\w+ )?(?:on fire|ablaze)|set (?:\w+ ){0,2}?alight|"
                                         r"set(?:ting)? fire to|burn(?:ed|t) down|demolish(?:ed|es|ing)?|demolitions?(?! (?:team|unit|squad|experts?))|"
                                         r"(?:burned|burnt|burning) (?:\w+ ){0,3}?(?:houses|homes|huts|shops|shelters|"
                                         r"granaries|buildings|vehicles)|"
                                         r"razed|bulldoz(?:ed|ing)|ransacked|destroyed (?:houses|homes|shops|"
                                         r"crops|property)|plunder\w*"), 2.9),
    # a bare "agreed"/"agreement" is weak: diplomatic talk ("agreed to continue consultations") is no event
    ("Agreement", _rx(r"agreed|agreement|accord|negotiated|deal with"), 2.0),
    ("Agreement", _rx(r"signed an? (?:\w+ )?(?:agreement|accord|deal|memorandum)|reached an? (?:\w+ )?"
                      r"(?:agreement|deal)|memorandum of understanding|peace (?:deal|agreement|accord|pact) "
                      r"(?:was|were) signed"), 3.0),
    ("Agreement", _rx(r"(?:ceasefire|cease-fire|truce) (?:took effect|came into (?:force|effect)|began|"
                      r"was (?:agreed|signed|announced|reached)|agreement)|(?:agreed|signed|declared|began) "
                      r"(?:to )?an? (?:\w+-day )?(?:ceasefire|cease-fire|truce)|prisoner (?:swap|exchange)|"
                      r"exchange (?:\w+ ){0,2}?of (?:prisoners|detainees|bodies|captives)|"
                      r"(?:prisoners|detainees|captives) (?:of war )?(?:were )?(?:exchanged|swapped)|"
                      r"agreed to (?:a )?(?:ceasefire|truce|exchange|release|withdraw|hand over)"), 3.4),
    ("Headquarters or base established", _rx(r"(?:established|set up|opened|built|setting up|establish\w*|"
                                             r"constructed) (?:an? |their |its )?(?:new )?(?:\w+ )?"
                                             r"(?:base|headquarters|camp|outpost|garrison|position|checkpoint|"
                                             r"office)s?"), 4.0),
    ("Change to group/activity", _rx(r"appointed (?:a )?new|named (?:a )?new (?:leader|commander)|new leader|"
                                     r"appointment of|merged|merger|pledged allegiance|announced (?:the )?(?:formation|"
                                     r"dissolution|creation)|split from|rebrand\w*|disband\w*|"
                                     r"recruitment drive|recruit\w*|defect\w*|surrender\w*|renounced|"
                                     r"declared|relocated|deployed|reinforcements?|reinforced|dispatched|redeploy\w*|(?:was|were) formed|"
                                     r"pull(?:ed|s|ing)? back|mobiliz\w+|mobilis\w+|"
                                     r"joined (?:the )?\w+|training camp|graduat\w+|paraded|convoy of"), 1.6),
)

# ("struck a heavy blow against the armed groups" is a figure of speech, not a strike)
_STRIKE = re.compile(r"(?<!hunger )(?<!general )\b(?:strikes?|struck|bombed|bombing|hit)\b"
                     r"(?!\s+(?:a|an)\s+(?:\w+\s+)?blows?\b)", re.I)
_CIVILIAN = _rx(r"civilians?|villagers?|residents?|worshippers?|farmers?|passengers?|women|children|students?|"
                r"pupils?|teachers?|journalists?|traders?|shoppers?|families|family|herders?|refugees?|"
                r"displaced|people|men|mourners|pilgrims|patients|aid workers?|motorists?|travellers?|"
                r"commuters|miners?|fishermen|civil servants?|doctors?|nurses?|humanitarian")
_ARMED = _rx(r"soldiers?|troops?|forces?|army|military|police(?:men)?|officers?|militants?|fighters?|rebels?|"
             r"insurgents?|militia\w*|jihadists?|gunmen|checkpoint|base|post|positions?|garrison|convoy|patrol|"
             r"personnel|guards?|combatants?|units?|battalion|brigade|terrorists?|bandits?|separatists?|extremists?|"
             r"attackers|assailants|raiders|"
             r"(?:extremist|terrorist|armed|militant|rebel|insurgent|jihadist) groups?|in (?:the )?fighting")
_NONSTATE = _rx(r"rebels?|militants?|insurgents?|jihadists?|fighters|militias?|militiamen|opposition|isis|isil|"
                r"islamic state|daesh|al-shabaa?b|shabaab|taliban|hezbollah|houthis?|boko haram|iswap|jnim|"
                r"sdf|ypg|m23|separatists?|guerrillas?")
_WEAPONISH = _rx(r"attacks?|bomb\w*|plots?|weapons?|arms|explosives?|ieds?|missiles?|drones?|rockets?|grenades?|"
                 r"ammunition|firearms|guns?|suicide|terror\w*")
_CROWD_VIOLENCE = _rx(r"clash\w*|violent (?:protests?|demonstrations?|clashes|scenes|riots?|crowds?|mobs?)|"
                      r"turn\w* (?:very )?violent|violence (?:erupted|broke out|flared|boil\w+)|street violence|"
                      r"ablaze|aggressive|rampag\w+|hurl\w* (?:\w+ )?(?:rocks|stones)")
_DIPLOMATIC = _rx(r"diplomats?|embass(?:y|ies)|consulates?|ambassadors?|envoys?|sanctions|summit|foreign ministers?|"
                  r"bilateral|state visit|expulsion|expelled")
_AGREED = _rx(r"ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|agreement|accord|signed|prisoners?|"
              r"hostages?|exchange|swap")
_DISASTER = _rx(r"earthquakes?|floods?|flooding|flooded|landslides?|cyclones?|hurricanes?|typhoons?|tsunami|"
                r"wildfires?|heavy rains?|drought|gas (?:cylinders?|leak|explosion|tanker)|cylinders? exploded|"
                r"boilers?|transformer|chemical (?:leak|spill|hazard)|industrial accident|short circuit|"
                r"stampede|derail\w*|capsized|plane crash|bus crash|road accident|collapsed building|"
                r"building collapse|propane|gas (?:and \w+ )?containers|crash and (?:an )?explosion|"
                r"(?:chemical|industrial|waste|treatment|petrochemical|fertili[sz]er|pesticide) plant|"
                r"refinery fire|storage (?:bunker|tank)|petroleum products|volcano\w*|erupt(?:ed|ion) (?:of|off)|"
                r"heavy snow|snowstorm|fireworks|food poisoning|heatwave|forest fires?|bush ?fires?")
_PERPETRATOR = _rx(r"attack\w*|bomb(?:s|ed|er|ers|ing|ings)?|gunm[ae]n|suicide|ieds?|shell(?:ed|ing)|air ?strikes?|"
                   r"militants?|rebels?|insurgents?|jihadists?|terrorists?|arson\w*|sabotage|protesters?|rioters?|"
                   r"police (?:fired|shot)|soldiers|troops|deliberate(?:ly)?")
_UNOPPOSED = re.compile(r"\bwithout (?:a fight|any fight|resistance|any resistance|fighting|a (?:single )?shot|"
                        r"firing a (?:single )?shot|"
                        r"bloodshed|opposition)\b|\bunopposed\b|\bafter (?:the )?(?:\w+ ){0,3}?(?:withdrew|withdrawal|"
                        r"pulled out|retreated|fled|abandoned)\b|\b(?:abandoned|vacated) by\b", re.I)
_PERSON_TAKEN = re.compile(r"\b(?:he|she|they|suspects?|gunm[ae]n|bombers?|attackers?|fugitives?|leaders?|"
                           r"commanders?)\s+(?:was|were|had been|has been)\s+(?:\w+\s+)?(?:captured|seized)\b|"
                           r"\b(?:captured|seized|caught)\s+(?:him|her|them|alive|the\s+(?:suspect|gunman|bomber|"
                           r"attacker|fugitive))\b", re.I)
_POLICE_FORCE = re.compile(r"\b(?:police|security forces|troops|soldiers|army|riot police|officers)\b[^.]{0,40}?"
                           r"\b(?:fired|opened fire|shot|killed|beat|dispersed|tear ?gas|charged)\b", re.I)
_PROTEST = _rx(r"protest\w*|demonstrat\w+|rall(?:y|ies|ied)|marche(?:d|rs|s)|crowds?|sit-in|riot\w*|"
               r"gathered")
_INTERVENTION = _rx(r"tear ?gas|dispers(?:ed|e)|water cannons?|rubber bullets|batons?|baton-charged|"
                    r"arrested|(?<!the )(?<!release of )detained|broke up|cracked down|intervened|"
                    r"beat (?:the )?protesters")
# "no security forces intervened", "police did not intervene": the protest went on undisturbed
_NO_INTERVENTION = re.compile(r"\b(?:no|nor|without|never)\s+(?:[\w-]+\s+){0,3}?(?:intervened|intervening|"
                              r"intervention|dispersed|arrested|detained)\b", re.I)
_LETHAL_FORCE = _rx(r"live (?:ammunition|rounds|fire|bullets)|killing|killed|slaying|slain|murdered|shot dead|fatally|died|gunfire|"
                    r"(?:deadly|violent|bloody|brutal) crackdown|left (?:\w+ ){0,3}dead|"
                    r"(?:dozens|scores|hundreds) (?:of )?(?:\w+ )?(?:were )?(?:injured|wounded|hurt)|"
                    r"(?:hit|hits|hitting|beat|beats|beating|beaten) (?:\w+ ){0,3}with (?:his |her |their |a )?batons?|"
                    r"excessive force|violently (?:suppressed|dispersed|crushed)|brutal(?:ly)? (?:\w+ )?"
                    r"(?:suppressed|beaten|beat|crackdown)|serious(?:ly)? (?:injur\w+|wounded)|"
                    r"opened fire|beaten to death|opened fire on (?:the )?(?:protesters|demonstrators|"
                    r"crowd)|fired (?:on|at|into) (?:the )?(?:protesters|demonstrators|crowd)|"
                    r"killing (?:\w+ )?protesters|protesters? (?:were|was) (?:killed|shot)|shot dead \w* ?protesters")
_NON_EVENT = _rx(r"proposals?|to discuss|talks with|peace talks|consultations|earthquake|flood(?:s|ing)?|landslide|cyclone|hurricane|storm|wildfire|drought|"
                 r"road accident|traffic accident|car crash|collision|plane crash|train crash|"
                 r"robbery|robbed|burglary|smuggl\w+|drug trafficking|fraud|embezzle\w*|"
                 r"sanctions|summit|held talks|met with|visited|condemned|election results|"
                 r"missile tests?|test[- ]fir\w+|test launch\w*|military (?:drills|exercises)|war games")
_GOV = _rx(r"army|government|military|troops|soldiers|security forces|forces of|national army|"
           r"armed forces|police")


def _best_cue(text: str) -> list[tuple[float, str, tuple[int, int]]]:
    found = []
    people = [m.span() for m in _PEOPLE_CAPTURED.finditer(text)]
    for sub, rx, weight in _CUES:
        m = rx.search(text)
        if m and sub in {"Headquarters or base established", "Change to group/activity"} and \
                _RELATIVE_PAST.search(text, 0, m.start()):
            continue  # "gang members who had set up a checkpoint": background to the act the sentence reports
        if m and sub in _TERRITORY and any(a <= m.start() < b for a, b in people):
            # "security forces have captured 749 people": people taken, not ground
            sub, weight = "Arrests", 1.7
        if m:
            found.append((weight, sub, (m.start(), m.end())))
    return sorted(found, key=lambda x: -x[0])


_RELATIVE_PAST = re.compile(r"\b(?:who|which|that)\s+(?:had|have|has)\s+(?:\w+\s+)?$", re.I)
_PROTEST_SUBS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                           "Violent demonstration"})
_GRIEVANCE = re.compile(r"\b(?:protest(?:s|ed|ing)?|demonstrat\w+|rall(?:y|ied|ies)|march(?:ed|es)?)\s+(?:against|over|at|"
                        r"about)\b[^.;]{0,100}|\bto (?:denounce|condemn|decry|demand an end to|demand justice for)\b"
                        r"[^.;]{0,100}", re.I)
_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory",
                        "Non-violent transfer of territory"})
_PEOPLE_CAPTURED = re.compile(r"\b(?:captured|seized|caught)\s+(?:(?:at least|more than|over|some|about|another)\s+)?"
                              r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|"
                              r"scores|hundreds|several)\s+(?:\w+\s+)?(?:others|people|persons|suspects|men|members|"
                              r"fighters|militants|individuals|protesters|rioters|youths|civilians|soldiers|rebels|"
                              r"insurgents|terrorists|gunmen|attackers|elements)\b", re.I)


def classify(text: str) -> TypeGuess:
    """The ACLED sub-type a sentence reports, or none."""
    found = _best_cue(text)
    grievance = _GRIEVANCE.search(text)
    if grievance and any(sub in _PROTEST_SUBS for _, sub, _ in found):
        # "took to the streets to protest against a wave of abductions": the abductions are the grievance
        found = [f for f in found if f[1] in _PROTEST_SUBS or not grievance.start() < f[2][0] < grievance.end()]
    if not _CROWD_WORDS.search(text):
        # "a grain warehouse and several trucks were damaged": damage with no crowd is no riot
        found = [f for f in found if f[1] != "Violent demonstration"]
    if not found:
        return TypeGuess(None, None, 0.0, None)
    weight, sub, span = found[0]
    subs = {s for _, s, _ in found}
    spans = {s: sp for _, s, sp in found}

    # protests: intervention and lethal force decide the sub-type; violence by the crowd makes a riot
    # a bomb or attack at a rally is that attack, not a protest event
    bombing = any(w >= 2.5 and s_ in {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Air/drone strike",
                                      "Shelling/artillery/missile attack"} for w, s_, _ in found) or \
        re.search(r"\b(?:attack(?:ed)?|bomb(?:ing|er)?|gunm[ae]n|suicide)\b", text, re.I)
    at_rally = bool(bombing) and not _POLICE_FORCE.search(text)
    if at_rally and sub in {"Peaceful protest", "Violent demonstration", "Protest with intervention"}:
        other = [(w, s_, sp) for w, s_, sp in found if s_ not in {"Peaceful protest", "Violent demonstration",
                                                                   "Protest with intervention", "Arrests"}]
        weight, sub, span = other[0] if other else (max(weight, 2.5), "Attack", span)
    if subs & {"Peaceful protest", "Violent demonstration"} and _PROTEST.search(text) and not at_rally:
        # violent demonstrators make a riot even when the police then kill (ACLED: excessive force is
        # force against peaceful protesters)
        if "Violent demonstration" in subs or _CROWD_VIOLENCE.search(text):
            sub = "Violent demonstration"
        elif _LETHAL_FORCE.search(text):
            sub = "Excessive force against protesters"
        elif _INTERVENTION.search(_NO_INTERVENTION.sub(" ", text)) or "Arrests" in subs and \
                not _NO_INTERVENTION.search(text):
            sub = "Protest with intervention"
        elif weight < 3.2 or sub in {"Arrests", "Attack", "Armed clash", "Looting/property destruction"}:
            sub = "Peaceful protest"
        span = spans.get("Peaceful protest") or spans.get("Violent demonstration") or span
        weight = max(weight, 3.0)
    # a generic "strike"/"hit" with no weapon named: an air or drone strike is the usual case
    elif sub in {"Attack", "Armed clash"} and not subs & {"Shelling/artillery/missile attack",
                                                             "Remote explosive/landmine/IED"}:
        m = _STRIKE.search(text)
        if m and not _CIVILIAN.search(text[m.end():m.end() + 60]) and sub == "Attack" and "attacked" not in \
                text[span[0]:span[1]].lower():
            sub, span, weight = "Air/drone strike", (m.start(), m.end()), 2.0
    if sub == "Attack":
        # violence against civilians needs civilian victims; armed targets make it a battle
        after = text[span[1]:span[1] + 80]
        # "were killed overnight when CODECO militiamen attacked the site", "killed by gunmen": the armed
        # men after a passive verb's clause break are the attackers, not the victims
        victims_after = re.split(r"\b(?:when|as|after|while)\b|[,;]", after, maxsplit=1)[0]
        if re.match(r"\s*(?:(?!held\b|controlled\b|manned\b|run\b|occupied\b)\w+\s+){0,3}?by\b", victims_after):
            # "killed overnight by gunmen": the agent; "an assault by ISWAP fighters on a military base": the
            # target follows it
            target = re.search(r"\b(?:on|against)\b", victims_after)
            victims_after = victims_after[target.end():] if target else ""
        before = text[max(0, span[0] - 60):span[0]]
        passive = re.search(r"\b(?:were|was|been|are|is)\s+(?:\w+\s+)?$", before)
        armed_victims = bool(_ARMED.search(victims_after)) and not _CIVILIAN.search(victims_after) or \
            bool(passive) and bool(_ARMED.search(before) or re.search(r"(?i)\bmembers\b", before)) and \
            not _CIVILIAN.search(before) and bool(_ARMED.search(after))
        if armed_victims:
            sub = "Armed clash"
    if sub == "Non-state actor overtakes territory" and _GOV.search(text[:span[0]]) and \
            not _rx(r"rebels?|militants?|insurgents?|jihadists?|fighters").search(text[:span[0]]):
        sub = "Government regains territory"
    elif sub == "Non-state actor overtakes territory" and \
            re.match(r"\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:army|troops|soldiers|military|government|security)\b",
                     text[span[1]:span[1] + 40], re.I):
        sub = "Government regains territory"  # "Kidal was captured by the army"
    if sub == "Government regains territory" and _NONSTATE.search(text[:span[0]]) and \
            not _GOV.search(text[:span[0]]):
        sub = "Non-state actor overtakes territory"  # "rebels recaptured a village"
    if sub in {"Non-state actor overtakes territory", "Government regains territory"} and _UNOPPOSED.search(text):
        # "seized Jalalabad without resistance", "took the town after the army withdrew": no fighting
        sub, weight = "Non-violent transfer of territory", max(weight, 3.0)
    if sub in {"Non-state actor overtakes territory", "Government regains territory"} and \
            _PERSON_TAKEN.search(text[max(0, span[0] - 12):span[1] + 30]):
        # "He was captured after a manhunt", "police captured him": a person, not territory; a clear
        # verdict the model may not turn back into territory
        sub, weight = "Arrests", max(weight, 3.0)
    if sub == "Violent demonstration" and "Attack" in subs and not _PROTEST.search(text):
        # "men going from house to house, shooting residents and setting homes on fire": no crowd, an attack
        sub, span = "Attack", spans["Attack"]
    if sub == "Looting/property destruction" and "Violent demonstration" in subs and _MOB_WORDS.search(text) and \
            not _ARMED_GROUP_WORDS.search(text):
        # "groups of youths blocked the road with burning tyres, stoned police vehicles and looted shops": a crowd's
        # looting alongside its violence is a riot
        sub, span = "Violent demonstration", spans["Violent demonstration"]
    if sub == "Mob violence" and _PROTEST.search(text) and not _rx(r"lynch\w*|mob").search(text):
        sub = "Violent demonstration"
    if weight < 2.5 and _NON_EVENT.search(text):
        return TypeGuess(None, None, 0.0, None)
    if sub == "Disrupted weapons use" and re.fullmatch(r"(?i)foiled|thwarted|intercepted", text[span[0]:span[1]]) \
            and not _WEAPONISH.search(text):
        # "thwarted an attempt to smuggle migrants": not a weapon or an attack
        return TypeGuess(None, None, 0.0, None)
    if _not_political(text):
        return TypeGuess(None, None, 0.0, None)
    score = min(1.0, weight / 4.0 + 0.1 * (len(found) - 1))
    return TypeGuess(sub, TYPE_OF[sub], round(score, 3), span)


def _not_political(text: str) -> bool:
    """Weapons tests and drills; earthquakes, gas explosions, chemical leaks with no perpetrator named."""
    if re.search(r"(?i)\btest[- ]fir\w+|\bmissile tests?\b|\btest launch\w*|\bmilitary (?:drills|exercises)\b", text) \
            and not re.search(r"(?i)\b(?:killed|wounded|injured|hit|struck|attack\w*|damag\w+)\b", text):
        return True
    if _DIPLOMATIC.search(text) and not _PERPETRATOR.search(text) and not _AGREED.search(text) and \
            not _rx(r"explosi\w+|blasts?|kill\w*|slay\w*|murder\w*|massacre\w*|died|deaths?|shot|shooting|"
                    r"gunfire|dead|wounded|injured|strikes?|protest\w*|demonstrat\w+").search(text):
        return True  # expelled diplomats, sanctions, envoys' visits: diplomacy, not an event ACLED codes
    return bool(_DISASTER.search(text)) and not _PERPETRATOR.search(text)


def refine(guess: TypeGuess, model_guess: tuple[str | None, float], *, t_new: float, t_over: float,
           t_keep: float = 1.01) -> TypeGuess:
    """Combine the rules' guess with the trained model's (sub-type or None, probability).

    The model adds a sub-type where no cue fired when it is at least ``t_new`` sure, and replaces
    the rules' sub-type when it is at least ``t_over`` sure of another ACLED sub-type, unless the
    rules' own score reaches ``t_keep`` (a named weapon or act)."""
    sub, p = model_guess
    if sub is None:
        return guess
    if guess.sub_event_type is None:
        return TypeGuess(sub, TYPE_OF[sub], round(p * 0.75, 3), None) if p >= t_new else guess
    if sub != guess.sub_event_type and p >= t_over and guess.score < t_keep:
        return TypeGuess(sub, TYPE_OF[sub], guess.score, guess.trigger)
    return guess


def classify_snippet(text: str, *, allow_new: bool = True) -> TypeGuess:
    """Rules refined by the shipped model (when present) with its cross-validated thresholds.

    ``allow_new=False`` (the article pipeline) lets the model only re-label what a rule cue found:
    in a full article most sentences are background the model never saw in training, so it must not
    create events there, overrule a cue that names the weapon or act (score >= 0.75, e.g. "missile
    strike"), or change the event type of a clear cue (score >= 0.6)."""
    from eventwire.extract.subtype_model import load_model

    guess = classify(text)
    model = load_model()
    if model is None or (not allow_new and guess.sub_event_type is None) or _not_political(text):
        return guess
    t_new, t_over, t_keep = model.thresholds
    predicted = model.predict(text)
    if not allow_new:
        t_keep = min(t_keep, 0.75)
        # in an article, a cue of one event type ("blast") is not turned into another type (a protest)
        # on the strength of surrounding words ("police", "people forced out") unless the cue is weak
        if predicted[0] is not None and TYPE_OF[predicted[0]] != guess.event_type and guess.score >= 0.6:
            return guess
    out = refine(guess, predicted, t_new=t_new, t_over=t_over, t_keep=t_keep)
    violent = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
    if not allow_new and out.sub_event_type != guess.sub_event_type and \
            (out.sub_event_type in {"Change to group/activity", "Other"} or
             # "police and Rangers opened fire on unarmed workers" is no agreement
             guess.event_type in violent and out.event_type not in violent and
             (out.event_type == "Strategic developments" or not _CROWD_WORDS.search(text))) and \
            out.sub_event_type not in {sub for _, sub, _ in _best_cue(text)}:
        # in an article the model does not turn an act the rules named into the catch-all sub-types with no
        # cue of their own: "announced the arrest of 17" stays an arrest
        return guess
    if not allow_new and out.sub_event_type in _TERRITORY and out.sub_event_type != guess.sub_event_type and \
            not any(sub in _TERRITORY for _, sub, _ in _best_cue(text)):
        # "a fierce battle ... where special forces engaged militants": ground changes hands only where the text
        # says it was taken, retaken or handed over
        return guess
    if not allow_new and guess.event_type in violent and out.event_type == "Riots" and not _MOB_WORDS.search(text):
        # "armed herders invaded two settlements, shooting residents": residents shot are victims, not a mob
        return guess
    needs = _WEAPON_NAMED.get(out.sub_event_type or "")
    if needs is not None and out.sub_event_type != guess.sub_event_type and not needs.search(text):
        return guess  # the model may not name a weapon the text does not ("bombing at a shrine" by air?)
    return out


_ARMED_GROUP_WORDS = _rx(r"gunmen|militants?|fighters|rebels?|insurgents?|jihadists?|militia\w*|bandits?|terrorists?|"
                         r"gangs?|soldiers|troops|armed")
_MOB_WORDS = _rx(r"mobs?|crowds?|riot\w*|protest\w*|demonstrat\w*|youths?|lynch\w*|stones?|stone-pelting|vigilantes?|"
                 r"angry|irate|enraged")
_CROWD_WORDS = _rx(r"protest\w*|demonstrat\w*|riot\w*|mobs?|crowds?|rall\w+|march\w*|students|workers|"
                   r"supporters|villagers|residents|youths?|strik\w+|sit-ins?|gather\w*|stones?|stone-pelting|"
                   r"agitat\w+|aspirants|bandh|hartal")
# a sub-type defined by its weapon needs that weapon in the text, a demonstration its crowd
_WEAPON_NAMED = {
    "Air/drone strike": _rx(r"air\w*|jets?|planes?|drones?|aircraft|helicopters?|warplanes?|aerial|uavs?|sky|"
                            r"bombers?|sorties?|strikes?"),
    "Grenade": _rx(r"grenades?"),
    "Chemical weapon": _rx(r"chemical|chlorine|sarin|mustard|nerve agent|toxic|poison\w*|gas"),
    "Suicide bomb": _rx(r"suicide|blew (?:himself|herself|themselves) up|self-detonat\w+|svbied"),
    "Shelling/artillery/missile attack": _rx(r"shell\w*|artillery|mortars?|rockets?|missiles?|howitzers?|"
                                             r"projectiles?|bombard\w*|grad|katyusha|mlrs|fired"),
    **dict.fromkeys(("Violent demonstration", "Mob violence"), _CROWD_WORDS),
    # a protest needs an act of protest: "testimonies gathered" by monitors or "residents" attacked are not one
    **dict.fromkeys(("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
                    _rx(r"protest\w*|demonstrat\w*|rall\w+|march\w*|sit-ins?|strik\w+|vigils?|bandh|hartal|"
                        r"picket\w*|placards?|slogans?|chant\w*|boycott\w*|agitat\w+|walk-?outs?|petition\w*")),
}


# --- factuality --------------------------------------------------------------------------------

_TRIGGER_WORD = (r"(?:attack\w*|strike\w*|struck|assault\w*|kill\w*|shell\w*|bomb\w*|fight\w*|clash\w*|"
                 r"retaliat\w*|target\w*|hit|raid\w*|protest\w*|invade|invasion|respond\w*|arrests?|neutrali[sz]\w*|"
                 r"pursu\w*|eliminat\w*|"
                 r"rall(?:y|ies)|march(?:es)?|sit-ins?|demonstrations?)")
_NON_FACTUAL = (
    # future, threats and plans: "will continue", "vowed to strike", "plans to attack"
    # ("a May Day rally" is no modal)
    re.compile(r"\b(?:will|shall|would|might|(?-i:may)|could|can|going to)\s+(?:not\s+|also\s+|soon\s+|be\s+)?"
               r"(?:\w+\s+){0,3}?" + _TRIGGER_WORD, re.I),
    # "called for a further week of strikes and marches", "a pretext for killing civilians"
    re.compile(r"\bcall(?:ed|s|ing)?\b[^.]{0,50}?\bfor\s+(?:a|an|the|more|new|further)?\s*(?:\w+\s+){0,3}?"
               # ("called for protests after the slaying of seven demonstrators" tells the slaying)
               r"(?:strikes|protests|marches|rallies|demonstrations|sit-ins)\b(?![^.]*\b(?:after|following|over)\b)|\bpretext[\"\u201d\u2019']?\s+for\b", re.I),
    # "have fought for years over trafficking routes": a long rivalry, not an event
    re.compile(r"\b(?:have|has)\s+(?:\w+\s+)?(?:fought|clashed|battled|feuded)\b[^.]{0,40}?\bfor\s+(?:years|decades|"
               r"months|generations)\b", re.I),
    # "are to be taken for test flights", "could in future be used", "on their way to arrest"
    re.compile(r"\b(?:is|are) to be\b|\b(?:could|might|may|can)\s+(?:\w+\s+){0,3}?be used\b|"
               r"\bon (?:their|his|her|its) way to\b", re.I),
    # habits, not occurrences: "militants have been using IEDs to ..."
    re.compile(r"\b(?:have|has) been (?:using|employing|deploying)\b", re.I),
    # "declared a general strike in Beit Ummar tomorrow": an announced protest is still to come
    re.compile(r"\b(?:declared|announced|called)\s+(?:for\s+)?(?:a|an)\s+(?:\w+\s+)?(?:strike|shutdown|protest|march|"
               r"sit-in|day of rage)\b[^.]*\b(?:tomorrow|next|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I),
    # "sends its condolences to the families of the martyrs", "the bodies will be handed over", "gave no figure":
    # about an event told already, or to come
    re.compile(r"\bcondolences?\b|\b(?:will|would) be handed (?:over|back)\b|"
               r"\b(?:gave|give|gives|giving|provided|released) no (?:figures?|toll|details|casualty figures?)\b", re.I),
    # "More than 200 head of cattle were also killed": animals, not people
    re.compile(r"^(?:\W*\w+){0,4}?\s*(?:head of cattle|cattle|livestock|cows|goats|sheep|camels|animals)\s+"
               r"(?:were|was|have been|had been)\s+(?:also\s+)?(?:killed|slaughtered|shot|burned)\b", re.I),
    re.compile(r"\b(?:will|would)\s+(?:continue|stop|resume|go on|persist|intensify|escalate|be met|keep|maintain)\b",
               re.I),
    re.compile(r"\b(?:vow(?:ed|s)?|threaten(?:ed|s)?|warn(?:ed|s)?|pledg(?:ed|es)|promis(?:ed|es)|"
               r"plan(?:s|ned|ning)?|intend(?:s|ed)?|prepar(?:ing|ed) to|ready to|seek(?:s|ing)? to)\s+"
               r"(?:\w+\s+){0,2}?(?:to\s+)?" + _TRIGGER_WORD, re.I),
    re.compile(r"\bonly when\b|\bunless\b|\bif\b[^.]*\b(?:will|would)\b", re.I),
    # warnings, vows and announced programmes: "warned that any attempt", "vowed that forces would hunt
    # down", "announced a continuation of the shutdown"
    re.compile(r"\bwarn(?:ed|s|ing)?\s+(?:that\s+)?(?:any|further|new|more|of)\b|"
               r"\bwarn(?:ed|s|ing)?\b[^.]{0,40}?\bthat\b[^.]*\b(?:would|will)\b|"
               r"\bvow(?:ed|s)?\s+that\b[^.]*\b(?:would|will)\b|"
               r"\bannounced\s+(?:a|an|the)\s+(?:continuation|extension|plan|new round|resumption)\b", re.I),
    # risks and hallmarks, not occurrences: "warning about the possibility of IEDs"
    re.compile(r"\b(?:the|a) (?:possibility|risk|threat|danger|spectre|specter|hallmark)s? (?:of|from|posed by)\b",
               re.I),
    # negation and denial: "no attack took place", "denied carrying out"
    re.compile(r"\b(?:no|never|not|n't)\s+(?:\w+\s+){0,2}?" + _TRIGGER_WORD, re.I),
    re.compile(r"\bdenied\s+(?:carrying out|any|reports|that|responsibility|involvement|having)\b", re.I),
    # ongoing support and supply are not events
    re.compile(r"\b(?:provid(?:e|ed|es|ing)|suppl(?:y|ied|ies|ying)|deliver(?:ed|s|ing)?|send(?:s|ing)?|sent)\b"
               r"[^.]{0,60}\b(?:arms|weapons|ammunition|military aid|missiles)\b", re.I),
    re.compile(r"\?\s*[\"”’']?\s*$"),
)


def is_non_factual(text: str) -> bool:
    """Threats, conditionals, plans, negations, support and questions: no event took place."""
    return any(rx.search(text) for rx in _NON_FACTUAL)
