"""Actors the ACLED way: lexicon and pattern matching on a sentence, roles from the parse.

``normalise_actor`` maps a mention ("US occupation troops", "gunmen", "villagers") to ACLED's
name and inter code; generic names take the event country ("Civilians (Iraq)"). State forces
acting outside their own country get inter 8 (external forces), as ACLED codes them.
``agent_and_patient`` reads who did it and to whom from the dependency parse around the
trigger, with word order as the fallback. ``resolve_coreference`` links "it", "the group",
"he" and surnames back to the last organisation or person named.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventwire.extract.lexicon import read_rows
from eventwire.models import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Coref", "agent_and_patient", "find_actors", "named_groups", "normalise_actor", "resolve_coreference"]

# demonyms and short names of countries frequent in conflict reporting -> ACLED country name
DEMONYMS: dict[str, str] = {
    "us": "United States", "u.s.": "United States", "american": "United States", "united states": "United States",
    "iraqi": "Iraq", "iraq": "Iraq", "syrian": "Syria", "syria": "Syria", "russian": "Russia", "russia": "Russia",
    "ukrainian": "Ukraine", "ukraine": "Ukraine", "israeli": "Israel", "israel": "Israel",
    "palestinian": "Palestine", "lebanese": "Lebanon", "lebanon": "Lebanon", "yemeni": "Yemen", "yemen": "Yemen",
    "sudanese": "Sudan", "sudan": "Sudan", "somali": "Somalia", "somalia": "Somalia", "nigerian": "Nigeria",
    "nigeria": "Nigeria", "malian": "Mali", "mali": "Mali", "burkinabe": "Burkina Faso", "nigerien": "Niger",
    "congolese": "Democratic Republic of Congo", "ethiopian": "Ethiopia", "afghan": "Afghanistan",
    "pakistani": "Pakistan", "pakistan": "Pakistan", "indian": "India", "india": "India", "mexican": "Mexico",
    "mexico": "Mexico", "colombian": "Colombia", "turkish": "Turkey", "turkey": "Turkey", "iranian": "Iran",
    "iran": "Iran", "saudi": "Saudi Arabia", "libyan": "Libya", "burmese": "Myanmar", "myanmar": "Myanmar",
    "egyptian": "Egypt", "french": "France", "british": "United Kingdom", "chinese": "China", "kenyan": "Kenya",
    "cameroonian": "Cameroon", "chadian": "Chad", "haitian": "Haiti", "brazilian": "Brazil",
}
_STATE_NOUNS = (r"(?:occupation )?(?:army|military|armed forces|forces|troops|soldiers|personnel|service members|"
                r"warplanes|jets|air force|navy|drones?|artillery|occupation troops|occupation forces|"
                r"military forces|security forces|(?:missile |drone |air ?|rocket )?strikes?|missiles?|rockets?|"
                r"shelling|bombardment|airstrikes?|offensive|attack|air defen[cs]es?|(?:defen[cs]e|war) ministry|"
                r"aerospace forces|air and space forces|glide bombs?|bombs|shells|aircraft|helicopters?|"
                r"ministry of defen[cs]e|general staff)")
_DEMONYM_RX = "|".join(sorted((re.escape(k) for k in DEMONYMS), key=len, reverse=True))
# "U.S. and British forces struck": the first named leads (ACLED's actor1; the other is associated)
_STATE = re.compile(r"\b(" + _DEMONYM_RX + r")(?:\s*(?:and|,|-)\s*(?:" + _DEMONYM_RX + r"))?(?:'s)?\s+" +
                    # "a Russian FPV drone", "Russian glide bombs"
                    r"(?:(?:fpv|attack|kamikaze|shahed(?:-type)?|combat|glide|guided|cruise|ballistic|unmanned|"
                    r"surveillance)\s+){0,2}" + _STATE_NOUNS + r"\b", re.I)
_NOT_AGENT = re.compile(r"^\s*(?:involved in|responsible for|behind|who (?:carried|took part))", re.I)
# "a Pentagon spokesperson", "the Pentagon said": the speaker's institution, not a party to the event
_SPEAKER_ROLE = re.compile(r"^(?:\u2019s|'s)?\s*(?:deputy\s+|chief\s+|press\s+)?(?:spokes\w+|officials?|statement|"
                           r"briefing|said|says|told|confirmed|added|announced|press)\b", re.I)
_RESPONDER_VERBS = frozenset({"hunt", "search", "investigate", "probe", "seek", "look", "cordon", "evacuate",
                              "respond", "rush", "arrive", "say", "tell", "confirm", "find", "discover",
                              "examine", "study", "question", "interview", "identify", "suspect", "believe",
                              "recover", "retrieve", "collect", "bury", "count"})
_VICTIM_VERBS = frozenset({"injure", "wound", "kill", "hit", "hurt", "target", "attack", "strike", "die",
                           "abduct", "kidnap", "arrest", "detain", "displace"})


@dataclass(frozen=True, slots=True)
class _Entry:
    pattern: re.Pattern[str]
    name: str
    inter: int
    country: str | None


@functools.cache
def _lexicon() -> tuple[_Entry, ...]:
    rows = read_rows("actors.csv")
    return tuple(_Entry(re.compile(r"\b(?:" + r["pattern"] + r")\b", re.I), r["name"], int(r["inter"]),
                        r["country"] or None) for r in rows)


@functools.cache
def _joined() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{e.pattern.pattern})" for e in _lexicon()), re.I)


_THE = frozenset({"United States", "United Kingdom", "Democratic Republic of Congo", "Central African Republic",
                  "Philippines", "Netherlands", "United Arab Emirates", "Gambia", "Republic of Congo"})


def civilians_of(country: str) -> str:
    """ACLED's name for the civilians of a country: "Civilians (United States)"."""
    return f"Civilians ({country})"


def the_country(name: str) -> str:
    """ACLED writes "Military Forces of the United Kingdom", "Civilians (United Kingdom)"."""
    for country in _THE:
        name = name.replace(f" of {country}", f" of the {country}")
    return name


def _name_for(entry_name: str, country: str | None) -> str:
    if country is None and " of {C}" in entry_name:
        # no country in sight: say so rather than invent one ("Military Forces of International")
        return entry_name.replace(" of {C}", " (country unknown)")
    return entry_name.replace("{C}", country or "International")


def _inter(inter: int, own_country: str | None, event_country: str | None) -> int:
    if inter == 1 and own_country and event_country and own_country != event_country:
        return 8
    return inter


def normalise_actor(raw: str, *, countries: Sequence[str] = (), span: Span | None = None) -> Actor | None:
    """ACLED name and inter code for a mention; None when it names no actor."""
    found = _normalise(raw, countries[0] if countries else None)
    return replace(found, span=span) if found is not None and span is not None else found


_OCCUPATION = re.compile(r"\boccupation (?:forces|army|troops|soldiers|police)\b", re.I)
_OCCUPIER = {"Palestine": "Israel", "Lebanon": "Israel", "Ukraine": "Russia"}


@functools.lru_cache(maxsize=8192)
def _normalise(raw: str, event_country: str | None) -> Actor | None:
    m = _STATE.search(raw)
    if m and not any(e.pattern.search(raw) and "{C}" not in e.name and e.inter != 1 for e in _lexicon()):
        country = DEMONYMS[m.group(1).lower()]
        police = "police" in raw.lower()
        name = the_country(f"{'Police' if police else 'Military'} Forces of {country}")
        return Actor(name, raw, _inter(1, country, event_country), country, None, None)
    matches = [e for e in _lexicon() if e.pattern.search(raw)] if _joined().search(raw) else []
    # an acronym or epithet that differs by country ("SNA": Somali National Army in Somalia, Syrian
    # National Army in Syria; "khawarij": TTP in Pakistan, Al Shabaab in Somalia): the event's country wins
    # the longest name matched wins ("Islamic State West Africa Province" over "Islamic State"), then the
    # entry of the event's country, then a generic entry over another country's reading ("militia" is the
    # RSF only in Sudan)
    # "the People's Defence Forces (HPG)": the acronym in brackets says which group the words mean
    paren = re.search(r"\(([A-Z][A-Z-]{1,7})\)", raw)

    def fit(e: _Entry) -> tuple[bool, int, bool, bool]:
        m = e.pattern.search(raw)
        return (bool(paren and e.pattern.fullmatch(paren.group(1))), (m.end() - m.start() if m else 0),
                bool(e.country and e.country == event_country), not e.country)

    if not matches:
        return None
    entry = max(matches, key=fit)
    country = entry.country or event_country
    owner = event_country if "{C}" in entry.name else country
    if "{C}" in entry.name and _OCCUPATION.search(raw):
        # "occupation forces" in a Palestinian or Ukrainian outlet: the side the outlet calls the occupier; elsewhere
        # the word does not say whose (in Iraq, the US for some outlets, Turkey for others)
        if event_country not in _OCCUPIER:
            return None
        owner = country = _OCCUPIER[event_country]
    elif owner == "Palestine" and entry.name.startswith("Military Forces of {C}"):
        # troops in Gaza or the West Bank are Israel's: ACLED has no "Military Forces of Palestine"
        owner = country = "Israel"
    name = the_country(_name_for(entry.name, owner))
    return Actor(name, raw, _inter(entry.inter, entry.country or (country if owner != event_country else None),
                                   event_country), country, None, None)


@functools.lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[tuple[int, int], ...]:
    """Non-overlapping actor mentions in text, longest first (cached: coreference and actors both ask)."""
    found: list[tuple[int, int]] = []
    for m in _STATE.finditer(text):
        found.append((m.start(), m.end()))
    # one pass of the joined patterns finds where mentions start; only there is each row tried
    entries = _lexicon()
    for hit in _joined().finditer(text):
        for entry in entries:
            m = entry.pattern.match(text, hit.start())
            if m is not None:
                found.append((m.start(), m.end()))
    found.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
    out: list[tuple[int, int]] = []
    for s, e in found:
        if all(e <= s2 or s >= e2 for s2, e2 in out):
            out.append((s, e))
    return tuple(sorted(out))


def find_actors(sent: SpacySpan, *, countries: Sequence[str] = (), article_id: str | None = None) -> list[Actor]:
    text = sent.text
    base = sent.start_char
    out = []
    for s, e in _mentions(text):
        if _NOT_AGENT.match(text[e:]) or _SPEAKER_ROLE.match(text[e:]):
            continue
        # "in Ukraine", "of Iraq": a place, not an actor
        raw = text[s:e]
        if raw.lower() in DEMONYMS and re.search(r"\b(?:in|at|near|of|from|across|to)\s+$", text[:s], re.I):
            continue
        actor = normalise_actor(raw, countries=countries,
                                span=Span(base + s, base + e, raw, article_id))
        if actor is not None:
            out.append(actor)
    return out


# names that say who acted only in general: "gunmen", "rebels", "protesters", "troops"
_GENERIC_NAMES = ("Unidentified ", "Rebel Group", "Protesters", "Rioters", "Civilians", "Military Forces",
                  "Police Forces")


def named_groups(text: str, *, countries: Sequence[str] = (), base: int = 0,
                 article_id: str | None = None) -> list[Actor]:
    """Non-state armed groups named specifically in text ("La Familia Michoacana", "BIFF"), in order."""
    out = []
    for s, e in _mentions(text):
        actor = normalise_actor(text[s:e], countries=countries,
                                span=Span(base + s, base + e, text[s:e], article_id))
        if actor is not None and actor.inter in {2, 3, 4} and not actor.name.startswith(_GENERIC_NAMES):
            out.append(actor)
    return out


def _token_at(sent: SpacySpan, char: int):
    for tok in sent:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


_COLLECTIVES = frozenset({"team", "unit", "member", "group", "element", "contingent", "squad", "detachment",
                          "patrol", "convoy", "column", "band", "gang", "dozen", "hundred", "scores", "some",
                          "fighter", "militant", "soldier", "officer"})


def _role_of(tok: Token, trigger: Token) -> str | None:
    """'agent' or 'patient' for the head token of a mention, from the parse around the trigger."""
    head = tok
    while head.dep_ in {"compound", "amod", "nmod", "det", "nummod", "poss", "conj", "appos"} and head.head is not head:
        head = head.head
    dep = head.dep_
    # "US Troops Injured in Missile Attack" (headline style): the noun carries its victim participle
    if any(c.dep_ == "acl" and c.lemma_ in _VICTIM_VERBS and c.tag_ == "VBN" for c in head.children):
        return "patient"
    if dep == "pobj" and head.head.lower_ == "by" and head.head.dep_ == "agent":
        return "agent"
    # "martyred by the bullets of the occupation forces", "killed by fire from troops": whose weapon it was
    if dep == "pobj" and head.head.lower_ in {"of", "from"} and head.head.head.lower_ in _INSTRUMENTS and \
            head.head.head.dep_ == "pobj" and head.head.head.head.lower_ == "by":
        return "agent"
    if dep in {"nsubjpass"}:
        return "patient"
    if dep == "nsubj" and head.head.lemma_ in _RESPONDER_VERBS:
        return "responder"  # "police are hunting a suspect ...": investigating the event, not doing it
    if dep == "nsubj":
        verb = head.head
        if verb.lemma_ in _VICTIM_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
            return "patient"
        perfect = any(c.dep_ == "aux" and c.lower_ in {"have", "has", "had", "'ve", "having"} for c in verb.children)
        if verb.lemma_ in {"injure", "wound", "die", "sustain", "suffer"} or verb.tag_ == "VBN" and \
                verb.lemma_ in _VICTIM_VERBS and not perfect:  # "troops had killed 13" is active
            return "patient"
        return "agent"
    if dep in {"dobj", "attr"}:
        return "patient"
    if dep == "pobj" and head.head.lower_ in {"on", "against", "at", "targeting", "into"}:
        return "patient"
    # "two militants were killed in a gunfight with security forces": the other side of the fight
    if dep == "pobj" and head.head.lower_ == "with" and head.head.head.lower_.rstrip("s") in _FIGHT_NOUNS:
        return "opponent"
    # "a joint team of police officers engaged", "members of the Grand Ravine gang attacked": the
    # collective's role
    if dep == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_ in _COLLECTIVES and \
            head.head.head is not head:
        return _role_of(head.head.head, trigger)
    # "struck a deployment point of Ukrainian troops": the owner of the target
    if dep == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ in {"dobj", "pobj", "nsubjpass"}:
        return "patient"
    if dep == "acl" or (dep == "ROOT" and head.tag_ == "VBN"):
        return "patient"
    return None


def agent_and_patient(
    sent: SpacySpan, trigger_token: Token, *, countries: Sequence[str] = (), article_id: str | None = None
) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2): who acted and who was targeted in the sentence of one event."""
    actors = find_actors(sent, countries=countries, article_id=article_id)
    if not actors:
        return None, None
    agent = patient = opponent = None
    trig_at = trigger_token.idx
    # "a battle between troops and terrorists", "clashes between Fulani herders and farmers"
    between = _BETWEEN.search(sent.text)
    if between is not None:
        after = [a for a in actors if a.span is not None and a.span.start >= sent.start_char + between.end()]
        if len(after) >= 2 and after[0].name != after[1].name and \
                re.fullmatch(r"(?i)\)?\s+(?:and|against)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:units?|members|fighters|front|"
                             r"brigade|battalion|faction|wing|elements|column) of\s+(?:the\s+)?)?",
                             sent.text[after[0].span.end - sent.start_char:after[1].span.start - sent.start_char]):
            return after[0], after[1]
    for actor in actors:
        assert actor.span is not None
        tok = _token_at(sent, actor.span.end - 1)
        role = _role_of(tok, trigger_token) if tok is not None else None
        if role == "responder":
            continue
        if role == "opponent":
            opponent = opponent or actor
            continue
        if role is None:
            role = "agent" if actor.span.end <= trig_at else "patient"
        if actor.inter == 7 and role == "agent":
            role = "patient"  # civilians are not the perpetrators of conflict events in this scheme
        if role == "agent" and agent is None:
            agent = actor
        elif role == "patient" and patient is None:
            patient = actor
    if opponent is not None and agent is None and (patient is None or patient.name != opponent.name):
        agent = opponent
    elif opponent is not None and patient is None and (agent is None or agent.name != opponent.name):
        patient = opponent
    if agent is not None and patient is not None and agent.name == patient.name:
        patient = None
    # "troops repelled a raid by ISWAP": the side that attacked is actor1, as ACLED orders a battle
    if agent is not None and patient is not None and _REPEL.search(sent.text):
        agent, patient = patient, agent
    return agent, patient


_INSTRUMENTS = frozenset({"bullets", "bullet", "fire", "gunfire", "shelling", "shrapnel", "hands", "shots", "shells",
                          "missiles", "rockets", "drones", "airstrikes", "strikes"})
_FIGHT_NOUNS = frozenset({"gunfight", "clash", "clashe", "encounter", "battle", "firefight", "fighting", "exchange", "skirmish",
                          "confrontation", "fight", "shootout", "shoot-out", "gunbattle", "standoff"})
_REPEL = re.compile(r"\b(?:repel(?:led|s)?|repuls(?:ed|es)?|fought off|beat back)\b", re.I)
_BETWEEN = re.compile(r"\b(?:clash(?:es)?|fighting|battles?|gunfights?|gun battles?|firefights?|skirmish(?:es)?|"
                      r"exchanges? of fire|confrontations?|violence)\s+(?:\w+\s+){0,2}?between\s+(?:the\s+)?|"
                      # "the clashes, which pitted the 444th Combat Brigade against units of the SSA"
                      r"\bpitted\s+(?:the\s+)?", re.I)


@dataclass
class Coref:
    """Token index -> the actor it refers to; person name -> their role and channel."""
    actors: dict[int, Actor] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)  # speaker or group name -> channel used
    people: dict[str, Actor] = field(default_factory=dict)  # surname -> person

    def get(self, i: int) -> Actor | None:
        return self.actors.get(i)


# "Pat Ryder, a Pentagon spokesperson," / "Zabiullah Mujahid, a spokesman for the group said": the role
# ends at a comma or at the speech verb, never across a sentence glued without a space ("Collier.Bill")
_ROLE_CHAR = r"(?:[^,.]|\.(?![A-Z]))"
_ROLE_APPOS = re.compile(r"^,\s*(?:a|an|the)?\s*(" + _ROLE_CHAR + r"{0,80}?(?:spokes(?:person|man|woman)|official|"
                         r"minister|commander|secretary|general|chief|leader|head|director|governor|president|"
                         r"spokesman|deputy|envoy|ambassador|representative|mayor|officer|"
                         r"secretary general)" + _ROLE_CHAR + r"{0,60}?)(?:,|(?=\s+(?:said|says|told|added|"
                         r"stated|confirmed|announced|noted|claimed|denied|wrote|tweeted)\b))", re.I)
_ROLE_BEFORE = re.compile(r"(?:(?:the\s+)?([A-Za-z][\w’'.-]*(?:\s+[A-Za-z][\w’'.-]*){0,4}?\s+(?:spokes(?:person|man|"
                          r"woman)|official|minister|commander|superintendent|governor|mayor|chief|director|"
                          r"commissioner|administrator|prefect))"
                          # "army spokesman Colonel Ibrahim Dauda": a rank between the role and the name
                          r"(?:\s+(?:Colonel|Col\.|Major|Maj\.|General|Gen\.|Lieutenant|Lt\.|Captain|Capt\.|"
                          r"Brigadier|Inspector|Superintendent|Sergeant|Sgt\.|Commander|Dr\.))*\s+)$", re.I)
# "the head of the city, Ivan Prikhodko, said": the role, a comma, then the name
_ROLE_BEFORE_COMMA = re.compile(r"\b(?:the\s+)?((?:(?:deputy|regional|district|provincial|local|police|army|military)\s+)?"
                                r"(?:head|chief|mayor|governor|commander|spokes(?:person|man|woman)|director|minister|"
                                r"administrator|prefect)(?:\s+of\s+[^,]{2,50})?),\s*$", re.I)
_CHANNEL = re.compile(r"\b(statement|telegram|media briefing|briefing|press conference|state media|"
                      r"state television|news agency|twitter|x\.com|facebook|video)\b", re.I)


_CHANNEL_NAMES = {"telegram": "Telegram", "briefing": "media briefing", "state television": "state media",
                  "news agency": "state media", "twitter": "X", "x.com": "X", "facebook": "Facebook"}
# the most specific channel wins: "a statement published on its Telegram channel" -> Telegram
_CHANNEL_RANK = ("Telegram", "X", "Facebook", "video", "state media", "press conference", "media briefing",
                 "statement")


def channel_of(text: str) -> str | None:
    found = {_CHANNEL_NAMES.get(m.group(1).lower(), m.group(1).lower()) for m in _CHANNEL.finditer(text)}
    if not found:
        return None
    return min(found, key=lambda c: _CHANNEL_RANK.index(c) if c in _CHANNEL_RANK else len(_CHANNEL_RANK))


def resolve_coreference(doc: Doc, sents: Sequence[SpacySpan] | None = None) -> Coref:
    """Link pronouns, 'the group' and surnames to the last organisation or person named before."""
    coref = Coref()
    last_org: Actor | None = None
    last_person: Actor | None = None
    people: dict[str, Actor] = {}
    text = doc.text
    for sent in doc.sents if sents is None else sents:
        if not sent.text.strip():
            continue
        for ent in sent.ents:
            if ent.label_ == "PERSON":
                name = ent.text
                surname = name.split()[-1]
                if surname in people and len(name.split()) == 1:
                    actor = people[surname]
                    for t in ent:
                        coref.actors[t.i] = actor
                    last_person = actor
                    continue
                after = text[ent.end_char:ent.end_char + 120]
                before = text[max(sent.start_char, ent.start_char - 80):ent.start_char]
                role = None
                m = _ROLE_APPOS.match(after)
                if m:
                    role = m.group(1).strip()
                else:
                    m2 = _ROLE_BEFORE.search(before) or _ROLE_BEFORE_COMMA.search(before)
                    if m2:
                        role = m2.group(1).strip()
                # drop a military rank prefix kept in the name ("Brigadier General Pat Ryder")
                actor = Actor(name, name, None, None, role, Span(ent.start_char, ent.end_char, ent.text))
                people[surname] = actor
                for t in ent:
                    coref.actors[t.i] = actor
                if role:
                    coref.roles[name] = role
                chan = channel_of(sent.text)
                if chan:
                    coref.channels.setdefault(name, chan)
                last_person = actor
        for s, e in _mentions(sent.text):
            actor = normalise_actor(sent.text[s:e])
            if actor is not None and actor.inter in {2, 3, 4} and "Unidentified" not in actor.name:
                last_org = actor
                chan = channel_of(sent.text)
                if chan:
                    coref.channels.setdefault(actor.name, chan)
        for tok in sent:
            low = tok.lower_
            if low in {"it", "its"} and last_org is not None and tok.dep_ in {"nsubj", "poss"}:
                coref.actors[tok.i] = last_org
            # "the group", and "the party" / "the movement" (Lebanese outlets' word for Hezbollah)
            elif low in {"group", "party", "movement", "militia", "outfit"} and tok.i > 0 and \
                    doc[tok.i - 1].lower_ == "the" and last_org is not None:
                coref.actors[tok.i] = last_org
                coref.actors[tok.i - 1] = last_org
            elif low in {"he", "she", "him", "her"} and last_person is not None:
                coref.actors[tok.i] = last_person
    coref.people = people
    return coref
