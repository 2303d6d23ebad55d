"""Event extraction: compose the field extractors over one article's Doc.

A pure function of (Article, Doc, geocode callable): no I/O, no store. Each candidate sentence
that is factual and classifies as an ACLED sub-type becomes an event draft; sentences that only
refer back to an event ("the attack", "claimed responsibility for the operation against X")
add claims and evidence to it instead; headlines fill places and actors the body leaves out.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventwire.extract import actors as actors_mod
from eventwire.extract import claims as claims_mod
from eventwire.extract import counts as counts_mod
from eventwire.extract import dates as dates_mod
from eventwire.extract import types as types_mod
from eventwire.extract.notes import write_notes
from eventwire.models import Actor, Article, Claim, Count, Event, EventDate, Place, Span
from eventwire.nlp import split_sentences
from eventwire.taxonomy import plover_of

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["extract_events", "GeocodeFn"]

log = logging.getLogger(__name__)

GeocodeFn = Callable[..., Place | None]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# "al-Shaddadi town", "Idlib province": the name is a compound of a place noun, still a place
_PLACE_NOUNS = frozenset({"town", "city", "village", "district", "province", "governorate", "region", "area",
                          "camp", "base", "airbase", "neighbourhood", "neighborhood", "suburb", "outskirts",
                          "countryside", "oblast", "county", "state", "sector", "municipality", "commune",
                          "locality", "tehsil", "zone", "settlement", "ward", "quarter", "township"})
# "the attack", "this attack", "these strikes", "the operation against ...": refers back.
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:attacks?|strikes?|operations?|assaults?|raids?|bombings?|"
    r"incidents?|shelling|explosions?|blasts?|abductions?|kidnappings?|killings?|ambush|clashes|bombs?|"
    r"devices?|fighting|battle|gunfight|firefight|infiltration(?: attempt)?)\b",
    re.I,
)
_NEAR = re.compile(r"\bin the (?:area|vicinity)\b|\bnearby\b|\bnear (?:the|it)\b", re.I)
_REFERENCE_POINT = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    r"\b(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from))\s+(?:[\w’'-]+\s+){0,4}$",
    re.I,
)
# "two more wounded died at Lady Reading Hospital in Peshawar": where victims were treated, not the event
_HOSPITAL_IN = re.compile(r"\b(?:hospital|clinic|medical (?:centre|center|college)|morgue)\s+(?:\w+\s+)?in\s+$", re.I)
_CIVILIAN_VICTIMS = re.compile(r"\b(?:civilians?|wom[ae]n|m[ae]n|boys?|girls?|child(?:ren)?|residents?|villagers?|"
                               r"passers?-by|elderly|pensioners?|famil(?:y|ies)|farmers?|students?|worshippers?|"
                               r"shoppers?|teenagers?|infants?|babies|people|persons|workers?|passengers?|drivers?|"
                               r"traders?|vendors?|shepherds?|herders?|fishermen|patients?|pilgrims?|journalists?|"
                               r"teachers?|doctors?|nurses?|cyclists?|pedestrians?|monks?|novices?)\b", re.I)
_COMBATANT_VICTIMS = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|fighters?|militants?|insurgents?|police\w*|"
                                r"officers?|guards?|militiam[ae]n|gunmen|combatants?|rebels?|personnel|members)\b",
                                re.I)
_HIT_A_MINE = re.compile(r"\b(?:hit|struck|ran over|drove over|stepped on)\s+(?:an?\s+|the\s+)?"
                         r"(?:[\w-]+\s+)?(?:improvised explosive devices?|ieds?|(?:land)?mines?|roadside bombs?|"
                         r"explosive devices?)\b", re.I)
_HARM_TO_PEOPLE = re.compile(r"\b(?:at|on)\s+(?:the\s+)?(?:residents|villagers|people|farmers|shepherds|families)\b|"
                             r"\binjur|\bwound|\bbeat(?:en|ing)?\b|\bassault|\bstabb", re.I)
_NIL = re.compile(r"\b(?:no one|nobody|none|no)\b[^.;]{0,30}?\b(?:killed|injured|wounded|hurt|casualties|deaths|"
                  r"injuries|fatalities)\b", re.I)
_SMALL_HOURS = re.compile(r"\b(?:after|at|around|about|shortly before|before|by|until)\s+(?:about\s+|around\s+)?"
                          r"(?:0?[0-5][:.]\d\d\b(?!\s*p\.?m)|[1-5](?:[:.]\d\d)?\s*a\.?m\b|midnight)|"
                          r"\bin the (?:early|small) hours\b|\bbefore dawn\b|\bpre-dawn\b", re.I)
_LEADING_CLAUSE = re.compile(r"\s*(?:While|As|After|Before|Amid|During|Following|Hours after|Days after)\b"
                             r"[^,;]{3,120},\s*")
_RESPONSIBLE = re.compile(
    r"\b(?:people|persons|men|militants|fighters|attackers|those|group|cell)\s+(?:\w+\s+)?"
    r"(?:involved in|responsible for|behind)\s+(?:the|this|that)\s+attack",
    re.I,
)


@dataclass
class _Draft:
    sub_event_type: str
    event_type: str
    sentence: tuple[int, int]
    trigger: Span | None
    score: float
    date: EventDate | None = None
    place: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    counts: dict[str, Count] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    responsibility: list[Claim] = field(default_factory=list)
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    inferred: set[str] = field(default_factory=set)
    refers_back: bool = False  # its patient is "the people involved in this attack"
    old: bool = False  # dated weeks before publication: history, unless the article tells nothing newer
    parent: _Draft | None = None
    fallback_place: Place | None = None  # a place name the gazetteer lacks, at region/country level

    def add_evidence(self, name: str, span: Span | None) -> None:
        if span is not None and span not in self.evidence.setdefault(name, []):
            self.evidence[name].append(span)


def _span(doc_text: str, start: int, end: int, article_id: str) -> Span:
    return Span(start, end, doc_text[start:end], article_id)


def _countries(doc: Doc, geocode_country: Callable[[str], Place | None] | None,
               geocode: GeocodeFn | None = None,
               countries_named: Callable[..., frozenset[str]] | None = None,
               full_text: str | None = None) -> list[str]:
    """Countries of the article, most mentioned first (for disambiguation): country names, and the
    countries of the towns it names ("Kharkiv", "Kupiansk" in a Ukrainian outlet that never says Ukraine)."""
    if geocode_country is None:
        return []
    seen: dict[str, float] = {}
    named: set[str] = set()
    doc_text = doc.text  # spaCy rebuilds the text on every access

    def unique(name: str, country: str) -> bool:
        # a name found in one country only says which country ("Kupwara"); "Bor", "Bagan" or "Plateau"
        # (towns or provinces in several countries) say little
        if countries_named is None:
            return True
        bare = re.sub(r"\s+(?:state|province|region|governorate|oblast|prefecture|department|district|county)$", "",
                      name.strip(), flags=re.I)
        return countries_named(bare) <= {country}

    counted: list[tuple[int, int]] = []  # entities that said something: the word scan skips them
    for ent in doc.ents:
        before = dict(seen)
        _count_entity(ent, seen, named, doc_text, geocode_country, geocode, unique)
        if seen != before:
            counted.append((ent.start_char, ent.end_char))
    if geocode is not None:
        # "Jonglei State", "Balochistan province": the statistical NER often misses region names
        for m in _REGION_NAME.finditer(doc_text):
            region = geocode(m.group(1), context="", countries=[], near=[])
            if region is not None and region.country and region.admin1 and region.name == region.admin1 and \
                    unique(m.group(1), region.country):
                seen[region.country] = seen.get(region.country, 0) + 0.5
    if full_text is not None:
        # words no entity covered: the parser only read the event sentences, and the rest of the article
        # still names its places ("Mokolo", "Cameroon", "the Far North Region"); in the sentences it read, the
        # model misses or swallows some ("Jos-Miango road", "the Jos University Teaching Hospital"). They
        # count more lightly for which country the article is about
        for m in re.finditer(r"\b[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}\b", full_text):
            if any(m.start() < e and s < m.end() for s, e in counted):
                continue
            word = m.group(0)
            skipped = doc_text[m.start():m.end()].isspace()
            place = geocode_country(word)
            if place is not None and place.country:
                if skipped:  # in the sentences read, the model's entities already counted country names
                    seen[place.country] = seen.get(place.country, 0) + 0.5
                    named.add(place.country)
            elif geocode is not None and countries_named is not None:
                # "Jos-Miango road", "Jos University Teaching Hospital": a town named inside a longer name
                # ("US-backed" is a sponsor, not a place)
                parts = [word, *(re.sub(r"-(?:backed|led|brokered|based|funded|made|supplied)$", "", word).split("-")
                                 if "-" in word else word.split()[:1])]
                # in the sentences read, only a city's name: small places share names with words and
                # acronyms ("Arab", Alabama; "SDF")
                where = next((w for p in parts if len(p) >= 3 and p.casefold() not in _STOP_WORDS and
                              (skipped or not p.isupper()) and
                              len(w := countries_named(p, min_population=0 if skipped else 100_000)) == 1 and
                              # "Mangu" is a Chinese city and a Nigerian town: a name several countries share
                              (skipped or len(countries_named(p, min_population=0)) == 1)), None)
                if where:
                    seen[next(iter(where))] = seen.get(next(iter(where)), 0) + 0.15
    if not seen:
        return []
    # a country known only from a town name and far behind the leader is noise ("Boni" is also an
    # alternate name of Bonn): it would make foreign towns eligible when the article's country lacks the name
    top = max(seen.values())
    return sorted((c for c in seen if c in named or seen[c] >= top / 2), key=lambda c: -seen[c])


def _count_entity(ent: SpacySpan, seen: dict[str, float], named: set[str], doc_text: str,
                  geocode_country: Callable[[str], Place | None], geocode: GeocodeFn | None,
                  unique: Callable[[str, str], bool]) -> None:
    """Add what one named entity says about the article's country to ``seen``."""
    # the small model tags some countries PERSON ("Mali") and nationalities NORP ("Malian"); a
    # nationality is often the attacker's ("the Russians dropped bombs on Kupiansk"): it counts less
    if ent.label_ in {"GPE", "NORP", "PERSON", "LOC", "ORG"}:
        place = geocode_country(ent.text)
        # "in Hsipaw" tagged PERSON or ORG: a town after a locative word counts as one
        located = place is None and ent.label_ in {"PERSON", "ORG"} and _locative_name(ent) is not None
        if place is None and geocode is not None and (ent.label_ in {"GPE", "FAC", "LOC"} or located):
            town = geocode(ent.text, context="", countries=[], near=[])
            # under its own name, or a name no other country has: "Bagan" found as Malaysia's "Kampung
            # Bagan" says little
            if town is not None and town.country and (town.geo_precision or 3) == 1 and \
                    (unique(ent.text, town.country) or town.name.casefold() == ent.text.casefold()):
                # a town name shared with other countries ("Belfast", "Bor") counts half
                # a town found only under another of its names ("Mangu", an old name of China's Zhaodong, is also a
                # Nigerian town) counts least
                weight = (0.3 if town.name.casefold() == ent.text.casefold() else 0.1) \
                    if unique(ent.text, town.country) else 0.15
                seen[town.country] = seen.get(town.country, 0) + weight
            elif town is not None and town.country and town.admin1 and town.name == town.admin1 and \
                    unique(ent.text, town.country):
                # a province ("Jonglei State") names its country more surely than a town name
                # shared across countries ("Bor")
                seen[town.country] = seen.get(town.country, 0) + 0.5
            return
        if place is not None and place.country:
            weight = 0.4 if ent.label_ == "NORP" else 1.0
            # "a China-brokered ceasefire", "China's foreign ministry urged": a mediator or a
            # government speaking, not where things happen
            after = doc_text[ent.end_char:ent.end_char + 40]
            if re.match(r"(?:-|–)(?:brokered|backed|led|mediated|funded|made|based|supplied)\b|"
                        r"['’]s\s+(?:foreign|government|embassy|president|prime|envoy|ambassador|"
                        r"ministry|state department|leaders?|officials?)\b", after, re.I):
                weight = 0.3
            seen[place.country] = seen.get(place.country, 0) + weight
            named.add(place.country)


# capitalised words that open sentences or titles, never towns worth counting ("The", "But", "Our")
_STOP_WORDS = frozenset("the a an but and or our his her its their this that these those he she they we it "
                        "by in on at of for from with after before when while as if all some new one two".split())
_REGION_NAME = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:’s|'s)?\s+(?:State|Province|province|Region|region|"
                          r"Governorate|governorate|Oblast|oblast|Prefecture|Department|department)\b")
_UNTAGGED_AFTER_IN = re.compile(r"\b(?:[Ii]n|near|outside|(?:outskirts|hills|mountains|suburbs|village|town|city|"
                                r"municipality) of)\s+([A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2})(?=[\s,.;:])")
_SITE_NOUNS = frozenset({"river", "airport", "market", "bazaar", "bridge", "prison", "hospital", "checkpoint", "port",
                         "junction", "station", "stadium", "university", "camp", "border", "crossing"})
_LOCATIVE = frozenset({"in", "near", "outside", "around", "on", "at", "towards", "toward", "between"})
_CONTAINER = re.compile(r"\b(?:district|province|region|state|governorate|county|oblast|division|department|"
                        r"prefecture|area)\s+of\s+(?:the\s+)?$", re.I)
_REGION_NOUNS = frozenset({"region", "province", "oblast", "governorate", "district", "state", "county", "prefecture",
                           "municipality", "department", "commune", "tehsil"})


# a list item or paragraph headed by its place: "- Verrettes. On Thursday, police exchanged fire ..."
# a live blog's time stamp: "17:10 NPT - "
_STAMP = r"\d{1,2}[:.]\d{2}[ \t]*(?:[A-Z]{2,5}[ \t]*)?[-–—|][ \t]*"
_LABEL = re.compile(r"[ \t]*(?:[-•*–][ \t]*)?(?P<stamp>" + _STAMP + r")?"
                    r"(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})"
                    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[.:][ \t]")


_LIVE_ENTRY = re.compile(r"[ \t]*" + _STAMP + r"[A-Z][\w'’ -]{1,40}:[ \t]")


def _label_place(text: str, start: int, article: Article, geocode: GeocodeFn, countries: Sequence[str],
                 near: Sequence[Place]) -> Place | None:
    """The town a list item or paragraph opens with, for a sentence of that item that names none."""
    para = text.rfind("\n", 0, start) + 1
    m = _LABEL.match(text, para)
    if m is None or m.end() > start + 1 and not m.group("stamp") or text[para:start].count(".") > 6:
        return None
    place = geocode(m.group("name"), context=text[para:start], countries=countries, near=near)
    if place is None or (place.geo_precision or 3) > 2 or countries and place.country not in countries:
        return None
    return replace(place, span=_span(text, m.start("name"), m.end("name"), article.id))


_PAST_CLAUSE = re.compile(r",\s*(?:where|when|after)\b[^;,]*(?:,[^;,]*)??\b(?P<year>(?:19|20)\d\d)\b\s*,"
                          r"(?:\s*(?:killing|injuring|wounding|leaving|displacing)\b[^;,]*,)?")


def _mask_past_clauses(sentence: str, article: Article) -> str:
    """The sentence with clauses about an earlier year blanked (same length, so offsets hold)."""
    if article.published is None:
        return sentence
    out = sentence
    for m in _PAST_CLAUSE.finditer(sentence):
        if int(m.group("year")) < article.published.year:
            out = out[:m.start() + 1] + " " * (m.end() - m.start() - 2) + out[m.end() - 1:]
    return out


def _locative_name(ent: SpacySpan) -> SpacySpan | None:
    """A name the small model tags PERSON/ORG right after "in"/"near" ("in Maidan Shar", "in Dera
    Ismail Khan"), widened left over capitalised words: a place candidate the gazetteer then checks."""
    if ent.label_ not in {"PERSON", "ORG", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT"}:
        return None  # ("in Odesa" tagged LANGUAGE)
    doc, start = ent.doc, ent.start
    while start > 0 and doc[start - 1].is_title and doc[start - 1].ent_type_ in {"", ent.label_} and \
            doc[start - 1].lower_ not in _LOCATIVE:
        start -= 1
    if start >= 2 and doc[start - 1].lower_ == "the" and doc[start - 2].lower_ in _LOCATIVE and \
            ent.end < len(doc) and doc[ent.end].lower_ in _SITE_NOUNS:
        return doc[start:ent.end]  # "near the Malakal river port": the town whose site it is
    if start == 0 or doc[start - 1].lower_ not in _LOCATIVE:
        return None
    if doc[start - 1].lower_ not in {"in", "near", "outside", "around", "between"} and \
            (ent.label_ != "PERSON" or start != ent.start):
        return None  # "bombs on Kupiansk" (a PERSON tag) yes; "at the University of ..." (an ORG) no
    if ent.end < len(doc) and doc[ent.end].lower_ in {"'s", "’s"} or doc[start].lower_ == "the":
        return None  # "John Smith's house"; "the Old Park" (an ORG-tagged landmark, not a town)
    # "the road between Verrettes and Deschapelles" tagged as one name: the first town
    cut = next((t.i for t in doc[start:ent.end] if t.lower_ in {"and", "-", "–", "—", "|", ","}), ent.end)
    return doc[start:cut] if cut > start else None


_COMPOUND_JOIN = re.compile(r",\s+(?:(?:and|while)\s+(?=(?:a|an|the|some|at least|about|around|\d+|[A-Z])\b)|"
                            r"while\s+(?=[a-z]+s\s+[a-z]+\b))")


def _split_compounds(sents: list[SpacySpan]) -> list[SpacySpan]:
    """A wire lead joining two events ("Riot police fired tear gas in Belgrade late on Sunday, and a group of
    masked men attacked a camp in Kragujevac on Monday morning") as two clauses, each with its own act, day
    or place."""
    out: list[SpacySpan] = []
    for sent in sents:
        text = sent.text
        cut = None
        for m in _COMPOUND_JOIN.finditer(text):
            left, right = text[:m.start()], text[m.end():]
            if len(left) < 40 or not types_mod.triggers(left) or not types_mod.triggers(right):
                continue
            lspan = sent.doc.char_span(sent.start_char, sent.start_char + m.start(), alignment_mode="contract")
            rspan = sent.doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="contract")
            if lspan is None or rspan is None or not len(lspan) or not len(rspan):
                continue
            own = [{e.label_ for e in part.ents} for part in (lspan, rspan)]
            # the lead's first clause names its day and place; the second a day of its own ("a soldier was
            # killed the following day")
            # (the small model tags some towns NORP: "the port city of Esmeraldas")
            if own[0] >= {"DATE"} and own[0] & {"GPE", "LOC", "FAC", "NORP"} and \
                    own[1] & {"DATE", "TIME"} \
                    and types_mod.classify(left).sub_event_type and types_mod.classify(right).sub_event_type:
                cut = (lspan, rspan)
                break
        out.extend(cut if cut is not None else (sent,))
    return out


def _content_sents(doc: Doc) -> list[SpacySpan]:
    """Sentences without their leading/trailing whitespace tokens. Blanked (non-candidate) text is a
    whitespace token glued to the sentence before it; its offsets in Article.text hold the skipped
    sentence, which must not be read as part of this one. (A list: spaCy recomputes doc.sents.)"""
    out = []
    for s in doc.sents:
        start, end = s.start, s.end
        while end > start and doc[end - 1].is_space:
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        if end > start:
            # after a forced line break the parser sometimes cuts "Police | used water cannon ...":
            # a one-word "sentence" before a lower-case start belongs to it
            if out and len(out[-1]) == 1 and out[-1][0].is_alpha and doc[start].text[:1].islower():
                start = out.pop().start
            out.extend(_clauses(doc[start:end]))
    return out


# "14 inmates were killed when gangs fought inside the prison late on Tuesday, and hours later a car bomb
# exploded outside the gate": two events in one sentence, each told in its own clause
_CLAUSE_BREAK = re.compile(r"(?:,\s+and|;)\s+(?:then\s+)?(?:(?:hours|minutes|a day|days|shortly|soon|moments|"
                           r"an hour|a week)\s+later|later|separately|elsewhere|in (?:a|another) separate \w+|"
                           r"in (?:another|a separate) (?:\w+ )?(?:incident|attack))\b|"
                           # "struck a fuel depot in Port Sudan at dawn, hours after a separate attack targeted the
                           # airport in Kassala"
                           r",\s+(?:hours|minutes|a day|days|shortly|an hour)\s+(?:after|before)\s+(?:a|an)\s+"
                           r"(?:separate|second|other|earlier)\b|"
                           # "set ablaze five houses late on Tuesday, while two militants were killed in a gunfight
                           # early on Wednesday" (only when the second clause has a day of its own)
                           r",\s+while\b(?=[^.;]*\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                           r"yesterday|overnight|(?:hours|days|a day) (?:later|earlier))\b)", re.I)


def _clauses(sent: SpacySpan) -> list[SpacySpan]:
    text = sent.text
    m = _CLAUSE_BREAK.search(text)
    if m is None or not types_mod.triggers(text[:m.start()]) or not types_mod.triggers(text[m.end():]):
        return [sent]
    at = next((t.i for t in sent if t.idx - sent.start_char >= m.start() and not t.is_punct), None)
    if at is None or at <= sent.start or at >= sent.end:
        return [sent]
    return [sent.doc[sent.start:at], *_clauses(sent.doc[at:sent.end])]


def _person_words(doc: Doc) -> frozenset[str]:
    """Words of the multi-word person names in a doc ("Khairullozhon Matanov"), not names after "in"."""
    return frozenset(w for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2 and _locative_name(ent) is None
                     for w in ent.text.split())


def _place_candidates(sent: SpacySpan, exclude: Sequence[tuple[int, int]],
                      people: frozenset[str] = frozenset(), doc_text: str | None = None) -> list[SpacySpan]:
    doc_text = doc_text if doc_text is not None else sent.doc.text  # spaCy rebuilds the text on every access
    out = []
    for ent in sent.ents:
        # "in the city of Lyon": the small model may tag the name ORG or PERSON; the phrase says place
        named_place = ent.start >= 2 and ent.doc[ent.start - 1].lower_ == "of" and \
            ent.doc[ent.start - 2].lower_ in _PLACE_NOUNS and ent.label_ in {"ORG", "PERSON", "NORP"}
        # "over the Belgorod region": the small model tags the name NORP; the noun after it says place
        region_named = ent.label_ in {"NORP", "ORG", "PERSON"} and ent.end < len(ent.doc) and \
            ent.doc[ent.end].lower_ in _REGION_NOUNS and ent[0].lower_ != "the"
        # "about 30 kilometres northwest of Djibo": the small model tags the town ORG; the bearing says place
        bearing = ent.label_ in {"ORG", "PERSON", "NORP"} and ent.start >= 1 and \
            bool(_REFERENCE_POINT.search(doc_text[max(0, ent.start_char - 60):ent.start_char]))
        if ent.label_ not in _PLACE_LABELS and not named_place and not region_named and not bearing:
            widened = _locative_name(ent)
            if widened is None:
                continue
            ent = widened
        if ent.label_ not in _PLACE_LABELS:
            # "Barsalogho in Burkina Faso's" tagged as one ORG: the name is the part before "in"/","
            cut = next((t.i for t in ent if t.lower_ in {"in", ",", "'s", "’s"} and t.i > ent.start), None)
            if cut is not None:
                ent = ent.doc[ent.start:cut]
        # "Matanov held until trial": the small model tags a surname GPE; GeoNames has a village of that name
        if ent.label_ != "FAC" and ent.text in people:
            continue
        if any(s <= ent.start_char and ent.end_char <= e for s, e in exclude):
            continue
        nxt = ent.end < len(ent.doc) and ent.doc[ent.end]
        # "on the banks of the Niger river": a river named after a country is not the country
        if nxt is not None and nxt is not False and nxt.lower_ in {"river", "rivers"} and \
                not (nxt.i + 1 < len(ent.doc) and ent.doc[nxt.i + 1].lower_ in {"port", "crossing"}):
            continue  # ("the Malakal river port" is the town's)
        # "near Indonesia's border with Papua New Guinea": the neighbour across the border is not where it was
        if re.search(r"\bborders? with (?:the )?$", doc_text[max(0, ent.start_char - 20):ent.start_char], re.I):
            continue
        # "on the bank of the White Nile": a river, though Sudan has a state of that name
        if re.search(r"\bbanks? of (?:the )?$", doc_text[max(0, ent.start_char - 20):ent.start_char], re.I):
            continue
        # "US-run facility", "US military": an adjective of an actor, not a place
        if nxt is not None and nxt is not False and (nxt.text in {"-", "–"} or nxt.dep_ in {"compound", "amod"}
                                                     and nxt.head.i != ent.root.i and nxt.pos_ in {"NOUN", "ADJ"}
                                                     and ent.root.dep_ in {"compound", "amod", "nmod"}
                                                     and ent.root.head.lower_ not in _SITE_NOUNS):
            continue
        if ent.root.dep_ in {"compound", "amod", "poss"} and ent.root.head.pos_ in {"NOUN", "PROPN"} \
                and ent.label_ == "GPE" and ent.root.head.ent_type_ not in _PLACE_LABELS \
                and ent.root.head.lower_ not in _PLACE_NOUNS:
            continue
        out.append(ent)
    # "In Novi Sad, where ...": a name the small model left untagged after "in"; the gazetteer then checks it
    for m in _UNTAGGED_AFTER_IN.finditer(sent.text):
        start, end = sent.start_char + m.start(1), sent.start_char + m.end(1)
        if m.group(1).split()[0].casefold() in _STOP_WORDS or \
                any(t.ent_type_ for t in sent.doc[sent.doc.char_span(start, end, alignment_mode="expand").start:
                                                   sent.doc.char_span(start, end, alignment_mode="expand").end]) or \
                any(s <= start and end <= e for s, e in exclude):
            continue
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
    # "in western Niger's Tillaberi region": the small model tags the name PRODUCT or ORG; the region word says
    # place
    for m in _REGION_NAME.finditer(sent.text):
        start, end = sent.start_char + m.start(1), sent.start_char + m.end()
        owner = re.match(r"[^\s]+['’]s\s+", m.group(1))  # "Niger's Tillaberi region": the region's own name
        if owner:
            start += owner.end()
        if any(e.start_char <= start < e.end_char for e in out) or \
                any(s <= start and end <= e for s, e in exclude):
            continue
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
    return out


def _pick_place(
    sent: SpacySpan,
    doc_text: str,
    article: Article,
    geocode: GeocodeFn | None,
    countries: Sequence[str],
    near: Sequence[Place],
    exclude: Sequence[tuple[int, int]],
    fallback: bool = False,
    people: frozenset[str] = frozenset(),
) -> Place | None:
    best: tuple[tuple[int, int, int, int], Place] | None = None
    sentence_text = doc_text[sent.start_char:sent.end_char]
    for ent in _place_candidates(sent, exclude, people, doc_text):
        span = _span(doc_text, ent.start_char, ent.end_char, article.id)
        town = next((p for p in reversed(near) if (p.geo_precision or 3) == 1), None)
        if town is not None and _CITYS.search(doc_text[max(sent.start_char, ent.start_char - 20):ent.start_char]):
            # "in the city's Kyivskyi district": a part of the town just named, whatever other town shares the name
            place = replace(town, geo_precision=2, span=span)
        elif geocode is not None:
            extra = {"fallback": True} if fallback else {}
            # the context from just before this mention: a name said twice ("north of Hebron ... across the
            # Hebron governorate") is read where it stands
            off = ent.start_char - sent.start_char
            context = sentence_text if sentence_text.find(ent.text) == off else sentence_text[max(0, off - 80):]
            place = geocode(ent.text, context=context, countries=countries, near=near, **extra)
            if place is None:
                continue
            if countries and place.country not in countries and not any(t.ent_type_ for t in ent):
                continue  # an untagged name ("near Sadda") is a place of the article's country or none
            if countries and place.country and place.country not in countries and \
                    (place.geo_precision or 3) == 1 and place.country not in sentence_text and \
                    place.name.casefold() != ent.text.casefold():
                # "Bagan" in a Kurram story is not Malaysia's Kampung Bagan: a town abroad, found under another
                # name, in a country the article never names is a village of the article's country
                home = geocode(countries[0], context=sentence_text, countries=countries[:1], near=near)
                if home is None or home.country != countries[0]:
                    continue
                place = replace(home, name=ent.text, geo_precision=3, geonames_id=None)
            place = replace(place, span=span)
        else:
            place = Place(name=ent.text, span=span)
        before = doc_text[max(sent.start_char, ent.start_char - 60):ent.start_char]
        if _HOSPITAL_IN.search(before):
            continue
        # "as Moscow again targeted the ports", "Russia launched 142 drones": a capital or country acting is
        # the actor (metonymy), not where it happened
        if ent.root.dep_ == "nsubj" and ent.root.head.pos_ == "VERB" and ent.root.head.lemma_ not in _PLACE_AS_SUBJECT:
            continue
        is_reference = bool(_REFERENCE_POINT.search(before))
        if is_reference and (place.geo_precision or 3) < 2:
            place = replace(place, geo_precision=2)  # "30 km northwest of Djibo": near the town, not in it
        precision = place.geo_precision or 3
        if precision == 1 and _DISTRICT_AFTER.match(doc_text, ent.end_char):
            # "in the Páez municipality, near the town of Guasdualito": a district named for its seat is an area;
            # a town named beside it is more precise
            precision = 2
            place = replace(place, geo_precision=2)
        if _CONTAINER.search(before):
            precision = 3  # "the Kupwara district of Jammu and Kashmir": the container, not the place
        # at equal precision a named locality beats the bare country ("Bagan, in Pakistan's Kurram district")
        # a town named as a reference point ("west of Nasir town") still beats a bare province
        rank = (max(precision, 2) if is_reference else precision, int(is_reference),
                int(place.name == place.country), -ent.start_char)
        if best is None or rank < best[0]:
            best = (rank, place)
    return best[1] if best else None


_DISTRICT_AFTER = re.compile(r"\s+(?:municipality|municipio|district(?!\s+of\b)|county|department|commune|tehsil|taluka|"
                             r"governorate|province|region|oblast|"
                             r"local government area|lga)\b", re.I)
_CITYS = re.compile(r"\b(?:the\s+)?(?:city|town|capital|village)['’]s\s+(?:\w+\s+)?$", re.I)
# verbs whose subject a place can be: "Kharkiv came under fire", "the town saw heavy fighting"
_PLACE_AS_SUBJECT = frozenset({"come", "remain", "lie", "see", "face", "suffer", "experience", "witness", "shake",
                               "rock", "fall", "burn", "host", "border", "sit", "become", "record", "register"})


# "said Sunday", "told reporters on Monday", "tweeted early Sunday": when the source spoke, not
# when the event happened
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|announced|added|stated|reported|tweeted|posted|wrote|"
                            r"confirmed|declared|insisted|noted|claimed responsibility|claimed credit)(?:\s+(?!that\b)\w+)?"
                            # "said in a statement on Wednesday", "told reporters at a briefing on Monday"
                            r"(?:\s+(?:in|at|on|via|during)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?"
                            r"(?:statement|briefing|press conference|interview|post|video|message|channel|broadcast))?"
                            r"\s+(?:on\s+|early\s+|late\s+)?$", re.I)


_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\s+[^,;.]+,")
_STATEMENT_BEFORE = re.compile(r"^\W*(?:in|on|during)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|"
                               r"briefing|press conference|interview|address|broadcast|video|post|message)\b[^,.;]{0,70}$",
                               re.I)


def _pick_date(sent_text: str, offset: int, article: Article, skip_before: int = 0,
               trigger: tuple[int, int] | None = None) -> EventDate | None:
    """The event's date in its sentence; ``skip_before`` ends the dateline, whose date is the filing's.
    Of several days, the one nearest the event word ("Calm returned on Thursday after the fighting that
    broke out late on Tuesday": Tuesday for the fighting)."""
    found = dates_mod.find_dates(sent_text, article.published, offset=offset, article_id=article.id)
    found = [d for d in found if d.span is None or d.span.start >= skip_before]

    def spoken(d: EventDate) -> bool:
        return d.span is not None and bool(_SPEECH_BEFORE.search(sent_text[:max(0, d.span.start - offset)]))

    def in_statement(d: EventDate) -> bool:
        # "In a statement read on state broadcaster Tele Sahel late on Tuesday, the junta said that on Monday
        # ...": when it spoke, used only when the sentence names no other day
        return d.span is not None and bool(_STATEMENT_BEFORE.search(sent_text[:max(0, d.span.start - offset)]))

    def when_clause(d: EventDate) -> bool:
        # "a flashpoint since September 2023, when 30 armed men attacked police": the date of that attack
        return d.span is not None and bool(re.match(r",?\s*when\b", sent_text[d.span.end - offset:]))

    usable = [d for d in found if (not re.match(r"(?i)since\b", (d.phrase or "")) or when_clause(d))
              and not spoken(d)]
    if trigger is not None:
        # "The Turkish state, which ignores the ceasefire declared on 1 March, has committed another massacre": a
        # day inside a relative clause the event word is not in dates that clause
        clauses = [m.span() for m in _RELATIVE_CLAUSE.finditer(sent_text)
                   if not m.start() <= trigger[0] < m.end()]
        usable = [d for d in usable if d.span is None or
                  not any(a <= d.span.start - offset < b for a, b in clauses)]
    usable = [d for d in usable if not in_statement(d)] or usable
    # "The day before, on Friday": the day named beats a day counted from an event told earlier
    usable.sort(key=lambda d: bool(re.search(r"(?i)\bday (?:before|earlier)|previous day", d.phrase or "")))
    best = [d for d in usable if d.precision == 1] or usable
    if len(best) > 1 and trigger is not None and all(d.span is not None for d in best):
        at = offset + trigger[0]
        return min(best, key=lambda d: min(abs(d.span.start - at), abs(d.span.end - at)))
    return best[0] if best else None


def _paragraph_date(text: str, start: int, article: Article, skip_before: int = 0) -> EventDate | None:
    """The last day named earlier in the paragraph of the sentence at ``start``, within a few sentences (not a day someone spoke on,
    not "since ...", not weeks before publication)."""
    # (a text without line breaks is one long paragraph: only the last sentences before count)
    para = max(text.rfind("\n", 0, start) + 1, skip_before, start - 300)
    before = text[para:start]
    if not before.strip():
        return None
    found = [d for d in dates_mod.find_dates(before, article.published, offset=para, article_id=article.id)
             if d.precision == 1 and d.span is not None and not re.match(r"(?i)since\b", d.phrase or "")
             and not _SPEECH_BEFORE.search(before[:d.span.start - para])]
    if not found or article.published is not None and \
            (article.published.date() - found[-1].date).days > _BACKGROUND_DAYS:
        return None
    return found[-1]


def _covers(s: int, e: int, start: int, end: int) -> bool:
    """A tally's text takes this sentence: from its start, or most of it (an ordinal phrase at the end
    of an event's sentence, "..., the third such attack since May", does not)."""
    overlap = min(e, end) - max(s, start)
    return overlap > 0 and (s <= start or overlap >= 0.6 * (end - start))


def _is_subheading(text: str, start: int, end: int) -> bool:
    """A crosshead on its own line ("Arrests and raid", "SETTLERS SET FIRE TO HOUSES"): a label for what follows,
    which the paragraphs below tell in full."""
    line = text[start:end].strip()
    line_start = text.rfind("\n", 0, start) + 1
    # "4. \"Bwa Kale\" lynching in Pétion-Ville": a numbered or bulleted crosshead too
    own_line = bool(re.fullmatch(r"\s*(?:\d{1,2}[.)]|[-•*–])?\s*", text[line_start:start])) and \
        (end >= len(text) or text[end:end + 1] == "\n")
    return own_line and len(line.split()) <= 8 and not line.endswith((".", "!", "?", '"', "”", ":"))


def _is_headline(sent_text: str, article: Article) -> bool:
    if not article.title:
        return False
    return sent_text.strip().lower() == article.title.strip().lower()


def _same_speaker(a: Claim, b: Claim) -> bool:
    # "the ministry" after "the Russian Defence Ministry", "the governor" after "the regional governor"
    x, y = (a.speaker or "").lower(), (b.speaker or "").lower()
    return x == y or bool(x and y and (x.endswith(" " + y) or y.endswith(" " + x)))


def _merge_claims(target: list[Claim], new: Sequence[Claim]) -> None:
    for claim in new:
        if not any(_same_speaker(c, claim) and c.status == claim.status and
                   (c.channel == claim.channel or claim.channel is None) for c in target):
            target.append(claim)


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.gazetteer_key and a.gazetteer_key == b.gazetteer_key:
        return True
    if a.geonames_id and a.geonames_id == b.geonames_id:
        return True
    if a.name.lower() == b.name.lower() and a.country == b.country and (a.geo_precision or 3) < 3 and \
            (b.geo_precision or 3) < 3:
        return True  # "Nasir" and "12 kilometres west of Nasir": one town, the second near it
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        return abs(a.lat - b.lat) < 0.05 and abs(a.lon - b.lon) < 0.05 and (a.geo_precision or 3) < 3
    return a.name.lower() == b.name.lower()


def _trigger_token(sent: SpacySpan, trigger: tuple[int, int] | None):
    if trigger is None:
        return sent.root
    start = sent.start_char + trigger[0]
    for tok in sent:
        if tok.idx <= start < tok.idx + len(tok.text) or tok.idx >= start:
            return tok
    return sent.root


def extract_events(
    article: Article,
    doc: Doc,
    *,
    candidates: frozenset[int] | None = None,
    geocode: GeocodeFn | None = None,
    geocode_country: Callable[[str], Place | None] | None = None,
    exclude: Sequence[tuple[int, int]] = (),
    countries_named: Callable[[str], frozenset[str]] | None = None,
) -> list[Event]:
    """Events of one article. ``doc`` covers Article.text offsets (possibly with blanked sentences)."""
    text = article.text
    countries = _countries(doc, geocode_country, geocode, countries_named, article.text)
    title_place = None
    if article.title and geocode_country is not None:
        # a feed item's body may not name the country its headline names ("... in Mali")
        for word in re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b", article.title):
            found = geocode_country(word)
            if found is not None and found.country and found.country not in countries:
                countries.append(found.country)
        # nor the town ("Water cannon on job aspirants in Patna"): its country, and a place for events
        # that name none
        m = re.search(r"\b(?:in|near|at)\s+([A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\b", article.title)
        if m and geocode is not None and geocode_country(m.group(1)) is None:
            town = geocode(m.group(1), context=article.title, countries=countries, near=[])
            if town is not None and town.country and (town.geo_precision or 3) == 1:
                title_place = town
                if town.country not in countries:
                    countries.append(town.country)
    sents = _split_compounds(_content_sents(doc))
    dateline = _find_dateline(text, article)
    people = _person_words(doc)
    coref = actors_mod.resolve_coreference(doc, sents)
    drafts: list[_Draft] = []
    headlines: list[SpacySpan] = []
    # the dateline city breaks ties between same-named places ("Campo Grande" in a Rio story is the
    # neighbourhood, not Mato Grosso do Sul's capital); it is no event's place by itself
    dateline_town = _dateline_town(dateline, geocode, countries)
    resolved_places: list[Place] = [dateline_town] if dateline_town is not None else []
    # the headline names the main event's place ("Missile Attack on Ain Al-Assad Airbase"): the first
    # body event of the headline's sub-type takes it when the body does not name one
    headline_places: dict[str, Place] = {}
    for sent in sents:
        head_text = text[sent.start_char:sent.end_char]
        if head_text.strip() and _is_headline(head_text, article):
            hg = types_mod.classify(head_text)
            hp = _pick_place(sent, text, article, geocode, countries, [], [], people=people)
            if hg.sub_event_type and hp is not None:
                headline_places.setdefault(hg.sub_event_type, hp)

    for sent in sents:
        sent_text = text[sent.start_char:sent.end_char]
        if not sent_text.strip():
            continue
        if not types_mod.triggers(sent_text):
            continue
        # cumulative tallies ("66 attacks since October 17") are records of their own, not events
        if any(_covers(s, e, sent.start_char, sent.end_char) for s, e in exclude) and \
                not _ONE_EVENT_TOLL.search(sent_text):
            continue
        if _is_headline(sent_text, article):
            headlines.append(sent)
            continue
        if _is_subheading(text, sent.start_char, sent.end_char):
            continue
        # "In Novi Sad, where the canopy collapsed on Nov. 1, 2024, killing 16 people, thousands gathered in
        # silence": a clause about a past year tells the background, not this sentence's event
        read = _mask_past_clauses(sent_text, article)
        # "arrested 14 suspects in connection with the grenade attack": the attack is the reason, not the act
        if _ARRESTED.search(read):
            read = _REASON.sub(lambda m: " " * len(m.group(0)), read)
        if dateline is not None and sent.start_char <= dateline.start() < sent.end_char:
            # "KABUL, May 12 - Taliban fighters shot dead a shepherd": the filing date is no toll
            a, b = dateline.start() - sent.start_char, min(dateline.end(), sent.end_char) - sent.start_char
            read = read[:a] + " " * (b - a) + read[b:]
        guess = types_mod.classify_snippet(read, allow_new=False)
        if guess.trigger is not None and any(m.start() <= guess.trigger[0] < m.end()
                                             for m in _RELATIVE_CLAUSE.finditer(read)):
            # "The Turkish army, which ignored the truce agreed on 1 March, killed two shepherds": the relative
            # clause describes the actor; the main clause tells the event
            main_only = types_mod.classify_snippet(
                _RELATIVE_CLAUSE.sub(lambda m: "," + " " * (len(m.group(0)) - 2) + ",", read), allow_new=False)
            if main_only.sub_event_type is not None and main_only.event_type != "Strategic developments":
                guess = main_only
        if guess.trigger is not None:
            # "Gunmen opened fire on customers, killing nine, police said, while the army reported a firefight
            # elsewhere": the sentence's event is its first clause's; the one joined on is told again below
            join = next((m for m in _COMPOUND_JOIN.finditer(read) if m.end() <= guess.trigger[0]), None)
            first = types_mod.classify_snippet(read[:join.start()], allow_new=False) if join is not None else None
            if first is not None and first.sub_event_type not in (None, guess.sub_event_type) and \
                    len(read[:join.start()]) >= 40:
                guess = first
        lead = _LEADING_CLAUSE.match(sent_text)
        if lead and guess.trigger is not None and guess.trigger[0] < lead.end():
            # "While the fighting was still under way, a car loaded with explosives blew up": the event is
            # the main clause's; the leading clause only says when
            main = types_mod.classify_snippet(sent_text[lead.end():], allow_new=False)
            if main.sub_event_type is not None and main.trigger is not None:
                guess = replace(main, trigger=(main.trigger[0] + lead.end(), main.trigger[1] + lead.end()))
        responsibility = claims_mod.find_responsibility(doc, sent, coref=coref, article_id=article.id)
        if drafts and not responsibility and _NIL.search(sent_text) and types_mod.is_non_factual(sent_text):
            # "No one was killed or injured in that attack.": a nil toll belongs to the event just told
            nil = counts_mod.find_casualties(sent_text, offset=sent.start_char, article_id=article.id)
            if _nil_toll_for(drafts[-1], nil):
                _fold(drafts[-1], nil, claims_mod.find_claims(doc, sent, coref=coref, article_id=article.id),
                      _span(text, sent.start_char, sent.end_char, article.id))
                continue
        if types_mod.is_non_factual(sent_text) and not responsibility:
            log.debug("non-factual: %s", sent_text[:80])
            continue
        sent_claims = claims_mod.find_claims(doc, sent, coref=coref, article_id=article.id)
        date = _pick_date(sent_text, sent.start_char, article, dateline.end() if dateline is not None else 0,
                          guess.trigger)
        nxt_day = _NEXT_DAY.search(sent_text) if date is None else None
        if nxt_day and drafts and drafts[-1].date is not None and drafts[-1].date.precision == 1:
            # "a soldier was killed the following day": the day after the event just told
            date = EventDate(drafts[-1].date.date + timedelta(days=1), 1, nxt_day.group(0), drafts[-1].date.anchored_to,
                             _span(text, sent.start_char + nxt_day.start(), sent.start_char + nxt_day.end(), article.id))
        if date is not None and article.published is not None and (date.date - article.published.date()).days > 1:
            # "committed to eliminating extremism by March 31, 2026": a day after publication is a plan or deadline
            log.debug("future (%s): %s", date.date, sent_text[:80])
            continue
        if date is not None and article.published is not None and \
                (article.published.date() - date.date).days > _HISTORY_DAYS:
            # "the two bombs detonated at the Boston Marathon in 2013": background, not news
            log.debug("background (%s): %s", date.date, sent_text[:80])
            continue
        actor_spans = [(a.span.start, a.span.end) for a in
                       actors_mod.find_actors(sent, countries=countries, article_id=article.id) if a.span]
        # "Mangal, spokesman for the governor in Maidan Wardak, said": the speaker's place, not the event's
        # (a claim whose span is the whole report, trigger included, says nothing about where the speaker is)
        trig_at = sent.start_char + guess.trigger[0] if guess.trigger is not None else -1
        actor_spans += [(c.span.start, c.span.end) for c in sent_claims if c.span is not None and
                        not c.span.start <= trig_at < c.span.end]
        if dateline is not None and sent.start_char < dateline.end():
            actor_spans.append((dateline.start(), dateline.end()))  # filed from, not happened at
        place = _pick_place(sent, text, article, geocode, countries, resolved_places, actor_spans, people=people)
        if place is not None:
            resolved_places.append(place)
        # "neutralised a dozen terrorists and lost two of its own men": a fight's dead on both sides
        fight = guess.event_type == "Battles" or guess.trigger is not None and \
            bool(_COMBATANT_KILL.fullmatch(sent_text[guess.trigger[0]:guess.trigger[1]]))
        casualties = counts_mod.find_casualties(read, offset=sent.start_char, article_id=article.id,
                                                both_sides=fight)
        killed = casualties.get("killed")
        if guess.sub_event_type == "Abduction/forced disappearance" and killed is not None and (killed.best or 0) > 0:
            # "six killed and four children abducted when raiders attacked a cattle camp": ACLED codes the
            # killing, an attack, and notes the abductions
            guess = replace(guess, sub_event_type="Attack")

        # "Three soldiers were killed." right after the event: its toll, not a new event
        if drafts and casualties and date is None and place is None and guess.score < 0.6 and \
                not responsibility and _TOLL_ONLY.match(sent_text):
            prev = drafts[-1]
            last = prev.evidence.get("sentence", [])[-1:] or [None]
            adjacent = last[0] is not None and not text[last[0].end:sent.start_char].strip()
            # a battle's second figure ("It said two of its fighters were killed.") is the other side's dead
            if adjacent and (not any(k in prev.counts for k in casualties) or prev.event_type == "Battles"):
                _fold(prev, casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
                continue
        # "the propaganda outlets claimed that they had killed 11 soldiers and seized a position": the other
        # side's version of the fight just told
        if drafts and (date is None or drafts[-1].date is not None and date.date == drafts[-1].date.date) and \
                place is None and not responsibility and _CLAIMED_ACT.search(sent_text) and \
                drafts[-1].event_type in _VIOLENT and not _SEPARATE.search(sent_text):
            _fold(drafts[-1], {}, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue
        # "No one was killed or injured in that attack.": a nil toll belongs to the event just told
        if drafts and date is None and not responsibility and _nil_toll_for(drafts[-1], casualties):
            _fold(drafts[-1], casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue
        refers_back = bool(_ANAPHOR.search(sent_text)) and date is None
        target = None
        if responsibility or refers_back:
            target = _find_referent(drafts, place, guess, sent_text)
        # a sentence that reports a different kind of event is a new event, even if it mentions "this attack"
        # ("In a separate statement, AFRICOM said it had carried out an air strike early on Wednesday": a side
        # telling its own act of another kind, on another day, reports a new event)
        new_kind = guess.sub_event_type is not None and target is not None and guess.score >= 0.6 and \
            guess.sub_event_type != target.sub_event_type and \
            (not responsibility or not _CLAIMED_CREDIT.search(sent_text) and (
                bool(_SEPARATE.search(sent_text)) or
                date is not None and target.date is not None and date.date != target.date.date))
        if target is not None and not new_kind and (responsibility or (place is None and not casualties)):
            _attach(target, sent_claims, responsibility, place, sent_text, sent, text, article)
            continue
        if guess.sub_event_type is None:
            continue
        # "the explosion", "this attack": a definite mention of an event already reported adds to it
        # (officials' comments, the investigation, the scene) instead of opening a new one
        # "also extended condolences to the families of the civilians killed in the Monday bombing"
        victims_of = guess.trigger is not None and drafts and place is None and \
            (date is None or any(d.date is not None and d.date.date == date.date for d in drafts)) and \
            any(_VICTIMS_OF.search(sent_text, 0, m.start()) for m in _ANAPHOR.finditer(sent_text))
        if guess.trigger is not None and drafts and (
                not _SEPARATE.search(sent_text) and
                any(m.start() <= guess.trigger[0] < m.end() for m in _ANAPHOR.finditer(sent_text)) or victims_of):
            # only a place right after the mention ("the blast in Chelsea") is the event's; "speaking
            # in Colorado after the explosion" names the speaker's
            trig_end = sent.start_char + guess.trigger[1]
            own = place if place is not None and place.span is not None and \
                re.match(r"\s*(?:\w+\s+){0,3}?(?:in|on|at|near|outside)\s+(?:the\s+)?\S*\s*$",
                         text[trig_end:place.span.start]) else None
            kin = [d for d in reversed(drafts) if (d.event_type in _VIOLENT if victims_of else
                                                   _same_family(d.event_type, guess.event_type or ""))
                   and (own is None or d.place is None or _same_place(d.place, own))]
            ref = next((d for d in kin if date is None or d.date is None or d.date.date == date.date),
                       kin[0] if kin else None)
            if ref is not None and date is not None and ref.date is not None and \
                    abs((ref.date.date - date.date).days) > _BACKGROUND_DAYS:
                # "the most serious since August 2023, when fighting left 55 dead": a past event compared
                log.debug("comparison with a past event: %s", sent_text[:80])
                continue
            if ref is not None:
                for kind, count in casualties.items():
                    ref.counts.setdefault(kind, count)
                _attach(ref, sent_claims, responsibility, own, sent_text, sent, text, article)
                continue
        # "known for aiding anti-government protesters", "at a rally with workers, he said": a protest
        # noun with no act of protest, place or date is a mention, not a demonstration
        if guess.sub_event_type == "Peaceful protest" and date is None and \
                (place is None or (place.geo_precision or 3) >= 3) and not _PROTEST_ACT.search(sent_text):
            log.debug("protest mention: %s", sent_text[:80])
            continue
        # "There were ten times more air strikes under Obama", "drone strikes are so precise": plural
        # event nouns with neither a date nor a place describe a pattern, not an event
        if guess.trigger is not None and date is None and place is None and not casualties and \
                _GENERIC_PLURAL.fullmatch(sent_text[guess.trigger[0]:guess.trigger[1]]):
            log.debug("generic: %s", sent_text[:80])
            continue
        # "a spate of bombings across Iraq killed at least 17": a summary of many events, each
        # reported (or not) on its own
        if date is None and guess.trigger is not None and any(
                -40 < m.start() - guess.trigger[1] < 50 for m in _VAGUE_PAST.finditer(sent_text)):
            # "The Khawarij retook several of those areas earlier this year": background
            log.debug("vague past: %s", sent_text[:80])
            continue
        if guess.trigger is not None and any(m.start() <= guess.trigger[0] < m.end() for m in _SIMILAR.finditer(sent_text)):
            # "Earlier years have seen similar massacres in the region": a comparison, not an event
            log.debug("comparison: %s", sent_text[:80])
            continue
        past = _YEAR_EVENT.search(sent_text)
        if date is None and past and article.published is not None and int(past.group("year")) < article.published.year:
            # "including a 2022 suicide attack on another education centre": an event of a past year, recalled
            log.debug("past year: %s", sent_text[:80])
            continue
        if _ORIGIN.search(sent_text):
            log.debug("origin of a movement: %s", sent_text[:80])
            continue
        agg = _AGGREGATE.search(sent_text)
        if agg and (place is None or (place.geo_precision or 3) >= 3) or _TREND.search(sent_text) or \
                _SUMMARY_TOLL.search(sent_text) or \
                date is None and _HABITUAL.search(sent_text):
            log.debug("aggregate: %s", sent_text[:80])
            if drafts and casualties and date is None and place is None and not _PERIOD.search(sent_text) and \
                    "\n" not in text[drafts[-1].sentence[1]:sent.start_char] and \
                    _same_family(drafts[-1].event_type, guess.event_type or ""):
                # "CAP monitors have so far documented 11 people killed": a monitor's count of the event just told
                _fold(drafts[-1], casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue
        # a sentence with no place, actors or other date of its own, right after an event of the
        # same family, elaborates it ("The explosion was very powerful."): one event, not several
        prev = drafts[-1] if drafts else None
        fallback = _pick_place(sent, text, article, geocode, countries, resolved_places, actor_spans,
                               fallback=True, people=people) if place is None and geocode is not None else None
        # unnamed state forces and civilians belong to the country where the event happened
        where = place or fallback or next((d.place or d.fallback_place for d in reversed(drafts)
                                           if (d.place or d.fallback_place) is not None), None)
        actor_sent = sent
        if guess.trigger is not None:
            # "opened fire on customers, killing nine, police said, while the army reported a firefight with an
            # armed group": the second clause's sides are not this event's
            join = next((m for m in _COMPOUND_JOIN.finditer(sent_text) if m.start() > guess.trigger[1] and
                         types_mod.classify(sent_text[m.end():]).sub_event_type not in (None, guess.sub_event_type)),
                        None)
            left = sent.doc.char_span(sent.start_char, sent.start_char + join.start(), alignment_mode="contract") \
                if join is not None else None
            if left is not None and len(left):
                actor_sent = left
        actor1, actor2 = actors_mod.agent_and_patient(
            actor_sent, _trigger_token(actor_sent, guess.trigger), countries=[where.country] if where and where.country
            else countries, article_id=article.id)
        settlers = next((a for a in (actor1, actor2) if a is not None and a.name.startswith("Settlers (")), None)
        if settlers is not None and (guess.sub_event_type in {"Violent demonstration", "Mob violence"} or
                                     guess.sub_event_type == "Looting/property destruction" and
                                     _HARM_TO_PEOPLE.search(sent_text)):
            # "dozens of Israeli settlers attacked the village, setting fire to houses and throwing stones": a
            # communal militia's raid on a community is an attack on civilians, not a riot
            guess = replace(guess, sub_event_type="Attack", event_type="Violence against civilians")
            other = actor2 if settlers is actor1 else actor1
            actor1, actor2 = settlers, (other if other is not None and other.inter != 5 else None)
        actor1, actor2 = _crowd_roles(guess.sub_event_type, actor1, actor2)
        if guess.event_type == "Battles" and actor1 is not None and actor2 is not None and \
                7 in {actor1.inter, actor2.inter} and actor1.inter != actor2.inter:
            # "Four men were killed when police clashed with gunmen from a drug gang": the dead are the
            # toll; the other side of a battle is the armed group the sentence names
            armed_side = actor2 if actor1.inter == 7 else actor1
            armed = [a for a in actors_mod.find_actors(sent, countries=[where.country] if where and where.country
                                                       else countries, article_id=article.id)
                     if a.inter in {1, 2, 3, 4, 8} and a.name != armed_side.name]
            if armed and actor1.inter == 7:
                actor1 = armed[0]
            elif armed:
                actor2 = armed[0]
        hit = _HIT_A_MINE.search(sent_text)
        if hit and actor1 is not None and actor1.span is not None and actor1.span.end <= sent.start_char + hit.start():
            # "a vehicle of the Rapid Intervention Battalion hit an improvised explosive device": the victim
            actor1, actor2 = None, actor2 or actor1
        own = _OWN_FORCES.search(sent_text)
        if own and (actor1 is None or actor1.span is not None and actor1.span.start > sent.start_char + own.end()):
            # "The IDF said its aircraft struck ...": the speaker's own forces acted; a side named after that
            # ("... in response to the Israeli enemy's attack") is not the one acting
            speaker = next((a for c in sent_claims if (a := actors_mod.normalise_actor(
                c.speaker or "", countries=countries, span=c.span)) is not None and a.inter in {1, 2, 3, 4, 8}),
                None)
            if speaker is not None and actor1 is not None and speaker.name != actor1.name:
                actor2 = actor2 or actor1
            actor1 = speaker or actor1
        if prev is not None and place is None and not responsibility and not _SEPARATE.search(sent_text) and \
                (date is None or (prev.date is not None and date.date == prev.date.date)) and \
                _same_family(prev.event_type, guess.event_type or "") and actor1 is None and \
                (actor2 is None or _PRONOUN_AGENT.match(sent_text) or
                 # "the governor's spokesman said 12 people were killed", "an officer told SSNS that three
                 # soldiers were martyred": the toll of the event just told
                 ((casualties or counts_mod.lumped_toll(sent_text)) and guess.score < 0.6 and
                  (sent_claims or _REPORTED.search(sent_text)))):
            # "They killed 23 Afghan soldiers and injured another 15." continues the attack just told
            if prev.actor2 is None and actor2 is not None:
                prev.actor2 = actor2
            _fold(prev, casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue

        # "Special forces raided a house used by the cell. Three militants were killed in an exchange of fire.": the
        # raid met resistance, one armed clash
        if prev is not None and prev.sub_event_type == "Attack" and guess.sub_event_type == "Armed clash" and \
                place is None and date is None and not _SEPARATE.search(sent_text) and \
                not text[prev.sentence[1]:sent.start_char].strip() and _RAID.search(text, *prev.sentence):
            prev.sub_event_type, prev.event_type = "Armed clash", "Battles"
            if prev.actor2 is not None and prev.actor2.inter == 7:
                prev.actor2 = next((a for a in (actor1, actor2) if a is not None and
                                    (prev.actor1 is None or a.name != prev.actor1.name)), None)
            _fold(prev, casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue
        # "the MSA said it had 'neutralised' about a dozen 'terrorists' and lost two of its own men": a side's
        # count of the enemies it killed in the fight just told is that clash's toll, not an attack of its own
        if prev is not None and prev.sub_event_type == "Armed clash" and guess.trigger is not None and \
                _COMBATANT_KILL.fullmatch(sent_text[guess.trigger[0]:guess.trigger[1]]) and \
                (place is None or _same_place(place, prev.place)) and not _SEPARATE.search(sent_text) and \
                (date is None or prev.date is None or date.date == prev.date.date):
            _fold(prev, casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue
        # "A senior commander in charge of 'Zakat' collection in Hiraan and six of his fighters were killed, the
        # Ministry said": a longer toll sentence right after the event, naming at most its province
        if drafts and casualties and date is None and guess.sub_event_type == "Attack" and guess.score < 0.6 and \
                not responsibility and _PASSIVE_TOLL.search(sent_text) and not _SEPARATE.search(sent_text) and \
                (place is None or (place.geo_precision or 3) >= 3 or _same_place(place, drafts[-1].place)) and \
                drafts[-1].event_type in _VIOLENT and \
                not text[drafts[-1].sentence[1]:sent.start_char].strip() and \
                not any(k in drafts[-1].counts for k in casualties):
            if drafts[-1].actor2 is None and actor2 is not None:
                drafts[-1].actor2 = actor2
            _fold(drafts[-1], casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue
        # "troops recovered rifles and ammunition from the scene", "they set fire to forty shelters before
        # retreating": part of the violence just told, as ACLED codes it, not a separate seizure or arson
        if prev is not None and (guess.sub_event_type == "Disrupted weapons use" or
                                 guess.sub_event_type == "Looting/property destruction" and actor1 is None) and \
                prev.event_type in _VIOLENT and \
                place is None and (date is None or prev.date is None or date.date == prev.date.date) and \
                not _SEPARATE.search(sent_text):
            _fold(prev, casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue
        # "Police fired tear gas and arrested at least 30 people": the protest just told met an
        # intervention; ACLED codes one event whose sub-type says so, not a protest plus an arrest
        if prev is not None and prev.event_type in {"Protests", "Riots"} and \
                (place is None or _same_place(place, prev.place)) and \
                (guess.sub_event_type in _INTERVENTION_SUBS or _INTERVENE.search(sent_text)) and \
                (date is None or prev.date is None or date.date == prev.date.date) and \
                not _SEPARATE.search(sent_text):
            _intervene(prev, guess.sub_event_type, actor1, casualties)
            _fold(prev, casualties, sent_claims, _span(text, sent.start_char, sent.end_char, article.id))
            continue

        trigger_span = None
        if guess.trigger is not None:
            trigger_span = _span(text, sent.start_char + guess.trigger[0], sent.start_char + guess.trigger[1],
                                 article.id)
        draft = _Draft(guess.sub_event_type, guess.event_type or "", (sent.start_char, sent.end_char),
                       trigger_span, guess.score)
        draft.fallback_place = fallback
        draft.add_evidence("event_type", trigger_span)
        draft.add_evidence("sub_event_type", trigger_span)
        draft.add_evidence("sentence", _span(text, sent.start_char, sent.end_char, article.id))
        if responsibility and actor1 is None:
            actor1 = _claimant_actor(responsibility[0], countries)
        draft.actor1, draft.actor2 = actor1, actor2
        if _RESPONSIBLE.search(sent_text):
            draft.refers_back = True
        if geocode is not None and (place is None or _LIVE_ENTRY.match(text, text.rfind("\n", 0, sent.start_char) + 1)):
            # "- Verrettes. On Thursday, police exchanged fire ...": the town the list item opens with; a live blog's
            # entry ("17:10 NPT - Lalitpur: A crowd ...") is placed by its label before anything it mentions
            place = _label_place(text, sent.start_char, article, geocode, countries, resolved_places) or place
        if place is None and guess.sub_event_type in headline_places:
            place = headline_places.pop(guess.sub_event_type)
        draft.date, draft.place = date, place
        draft.old = date is not None and article.published is not None and \
            (article.published.date() - date.date).days > _BACKGROUND_DAYS
        draft.counts = dict(casualties)
        _merge_claims(draft.claims, sent_claims)
        draft.responsibility.extend(responsibility)
        if place is None and _NEAR.search(sent_text) and drafts:
            draft.parent = drafts[-1]
        elif draft.date is None and drafts:
            # the account this sentence continues: the last of its kind at its place, else the last told
            draft.parent = next((d for d in reversed(drafts) if d.sub_event_type == draft.sub_event_type and
                                 place is not None and d.place is not None and _same_place(d.place, place)),
                                drafts[-1])
        if draft.date is None:
            # "Between 1 a.m. and 3 a.m. on Wednesday, monitors recorded gunfire. Residents said armed men
            # exchanged fire for two hours.": the day its paragraph opened with
            draft.date = _paragraph_date(text, sent.start_char, article,
                                         dateline.end() if dateline is not None else 0)
            if draft.date is not None:
                draft.add_evidence("event_date", draft.date.span)
        drafts.append(draft)

    _fill_from_headlines(drafts, headlines, text, article, geocode, countries, resolved_places)
    _fill_from_dateline(drafts, dateline, dateline_town, text, article, geocode, countries)
    if title_place is not None:
        for d in drafts:
            if d.place is None and (d.fallback_place is None or d.fallback_place.country == title_place.country):
                d.place = replace(title_place, geo_precision=2, span=None)
                d.inferred.add("location")
    _fill_from_parents(drafts, article)
    if countries and geocode_country is not None:
        # no place named or inferred: the article's country, as ACLED codes an event known only by country
        home = geocode_country(countries[0])
        for d in drafts:
            if d.place is None and home is not None:
                d.place = replace(home, geo_precision=3, span=None)
                d.inferred.add("location")
    _admin1_from_context(drafts)
    _name_unidentified(drafts, text, article, countries)
    _same_shooter(drafts)
    merged = _merge_duplicates(drafts, text)
    if any(not d.old for d in merged):
        merged = [d for d in merged if not d.old]
    defined = _defined_acronyms(text)
    for d in merged:
        where = d.place or d.fallback_place
        d.actor1, d.actor2 = (_expand_acronym(a, defined, where) for a in (d.actor1, d.actor2))
    return [_finalise(d, article, countries) for d in merged]


def _admin1_from_context(drafts: Sequence[_Draft]) -> None:
    """A village the gazetteer lacks ("El Plateado", "Motot") is most likely in the province where the
    article's other events are: its admin1 is filled from them when one province dominates."""
    located = [d.place for d in drafts if d.place is not None and d.place.admin1 and (d.place.geo_precision or 3) < 3]
    for d in drafts:
        p = d.place
        if p is None or p.admin1 or p.geonames_id is not None or p.name == p.country:
            continue
        same = [q.admin1 for q in located if q.country == p.country]
        if not same:
            continue
        top = max(set(same), key=same.count)
        if same.count(top) >= 0.6 * len(same):
            d.place = replace(p, admin1=top)


# "Investigators have yet to identify the perpetrators", "the group denied involvement": a group named
# here is not thereby the perpetrator
_NOT_NAMING = re.compile(r"\b(?:den(?:y|ied|ies)|yet to (?:identify|determine)|unclear|unknown who|no group|"
                         r"not (?:yet )?(?:claimed|identified)|possible involvement|suspected? (?:of )?links?)\b", re.I)


def _same_shooter(drafts: Sequence[_Draft]) -> None:
    """A strike that names no one, told after strikes of the same kind by a named force ("Russian forces
    attacked Zaporizhzhia overnight ... an artillery shell hit a house in Orikhiv"), is that force's, as an
    analyst reading the report codes it; the actor is marked inferred."""
    last: Actor | None = None
    for d in drafts:
        if d.event_type != "Explosions/Remote violence":
            continue
        if d.actor1 is not None:
            if "actor1" not in d.inferred and d.actor1.inter in {1, 2, 8}:
                last = d.actor1
            continue
        if last is not None:
            d.actor1 = replace(last, raw=None, span=None)  # no words of its own: inferred
            d.inferred.add("actor1")


def _name_unidentified(drafts: Sequence[_Draft], text: str, article: Article, countries: Sequence[str]) -> None:
    """'Gunmen' who are named elsewhere as one group take its name, as an analyst codes them: the
    group named in the event's own sentences ("three gunmen, whom he identified as members of La
    Familia Michoacana"), else the only armed group the headline and lede name in that country (the
    group the story is about; one named in passing further down does not speak for other events)."""
    named: dict[str, Actor] = {}
    for start, end in list(split_sentences(text))[:3]:
        chunk = text[start:end]
        if _NOT_NAMING.search(chunk):
            continue
        for actor in actors_mod.named_groups(chunk, countries=countries, base=start, article_id=article.id):
            named.setdefault(actor.name, actor)
    for d in drafts:
        where = d.place or d.fallback_place
        country = (where.country if where is not None else None) or (countries[0] if countries else None)
        own: dict[str, Actor] = {}
        for sent in d.evidence.get("sentence", []):
            if not _NOT_NAMING.search(sent.text):
                for actor in actors_mod.named_groups(sent.text, countries=[country] if country else countries,
                                                     base=sent.start, article_id=article.id):
                    own.setdefault(actor.name, actor)
        # a group named in the event's own sentences is the one, wherever its home ("Terrorists of the Boko
        # Haram sect stormed Tourou", in Cameroon); one from the lede must belong to the event's country
        choices = list(own.values()) if own else [a for a in named.values() if a.country in {None, country}]
        if len(choices) != 1:
            continue
        group = choices[0]
        for role in ("actor1", "actor2"):
            actor = getattr(d, role)
            other = d.actor2 if role == "actor1" else d.actor1
            unnamed = actor is not None and (actor.name.startswith(("Unidentified Armed Group", "Rebel Group (")) or
                                             actor.name.startswith("Unidentified Communal Militia") and group.inter == 4)
            if unnamed and (other is None or other.name != group.name):
                setattr(d, role, replace(group, raw=actor.raw))
                if not own:
                    d.inferred.add(role)


_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|another(?! \d)|elsewhere|meanwhile|also|earlier|later|second|further|"
                       r"respond\w*|response|retaliat\w*|counter\w*|"
                       r"similar|previous(?:ly)?|last (?:week|month|year)|in (?:a|an) (?:\w+ )?(?:incident|attack))\b",
                       re.I)
_GENERIC_PLURAL = re.compile(r"(?i)(?:air ?|drone |missile |rocket |suicide )?(?:strikes|attacks|bombings|airstrikes|"
                             r"raids|explosions|blasts|assaults|shellings|killings)")
_AGGREGATE = re.compile(r"\b(?:wave|spate|series|string|rash|string|spike)\s+of\s+(?:\w+\s+)?(?:attacks|bombings|"
                        r"blasts|explosions|strikes|killings|violence)\b[^.]{0,40}\b(?:across|throughout|around|"
                        r"nationwide|in several)\b|\b(?:attacks|bombings|strikes)\s+across\s+(?:the\s+)?(?:country|"
                        r"[A-Z]\w+)\b|"
                        # statistics over a period or many places: "in those countries", "last year alone",
                        # "the number of civilians killed"
                        r"\bin (?:those|these|several|many) (?:countries|provinces|regions|cities|areas)\b|"
                        r"\b(?:last|this|that) year alone\b|\bso far this year\b|"
                        r"\b(?:the|an?) (?:\w+ )?(?:number|estimate|tally|count) of (?:\w+ ){0,3}?(?:killed|dead|"
                        r"deaths|casualties|injured)\b|"
                        # records and tallies: "Monday's toll was the highest since May 10, 2010, when 110 ..."
                        r"\b(?:toll|day|attack) was the (?:highest|deadliest|worst|bloodiest) since\b|"
                        # "the first reported death of a Russian general in Syria since 2017, when ...": the past one
                        r"\b(?:first|highest|deadliest|worst|bloodiest)\b[^.]{0,60}\bsince\s+(?:\w+\s+)?\d{4},?\s+when\b|"
                        r"\baccording to an? (?:\w+ ){0,2}?tally\b|"
                        # "The ombudsman's figures bring to at least 46 the number of people who have died"
                        r"\bbring(?:s|ing)?\s+(?:the\s+(?:death\s+)?toll\s+|the\s+total\s+)?to\s+(?:at least\s+|more than\s+)?"
                        r"\d[\d,]*\b|"

                        # "14 'terrorists' had been 'neutralised' in northern Iraq over the past week"
                        r"\b(?:over|in|during) the (?:past|last|previous) (?:\w+ )?(?:week|fortnight|month|days|weeks|"
                        r"months)\b", re.I)
# "Violence in Tierra Caliente claimed at least eight lives over the weekend and into Monday": the sum of the events
# the article then tells one by one, wherever it names them
_SUMMARY_TOLL = re.compile(r"\b(?:violence|fighting|unrest|clashes)\b[^.]{0,60}\bclaimed\b[^.]{0,40}\blives\b[^.]{0,30}"
                           r"\b(?:over the weekend|in recent days|this week|since (?:friday|saturday|sunday|the weekend))\b",
                           re.I)
# "The protests began last month as opposition to a finance bill": how a movement started, background
_ORIGIN = re.compile(r"^\W*(?:The|This|That|These|Its)\s+(?:\w+\s+){0,2}?(?:protests?|movement|unrest|crisis|insurgency|"
                     r"conflict|war|uprising|campaign|agitation|rebellion)\s+(?:first\s+)?(?:began|started|erupted|"
                     r"broke out)\b", re.I)
_PROTEST_ACT = re.compile(r"\b(?:protested|marched|rallied|demonstrated|gathered|assembled|took to the streets|"
                          r"staged|chanted|blocked|picketed|walked out|boycotted|(?:went|are|were|is|was) on "
                          r"(?:a )?(?:hunger |general )?strike|(?:held|joined|organi[sz]ed|led) (?:a |an |the )?"
                          r"(?:\w+ )?(?:protests?|rall(?:y|ies)|demonstrations?|sit-ins?|march(?:es)?|vigils?))\b",
                          re.I)
# "Dagestan sees frequent attacks on security forces": a pattern, not an event
# a period a running total covers: "since January", "this year", "over the past month"
_PERIOD = re.compile(r"\bsince\b|\b(?:this|last|that) (?:year|month|week)\b|\bin (?:19|20)\d\d\b|\b(?:over|in|during) the "
                     r"(?:past|last|previous)\b|\bbetween [A-Z][a-z]+ and\b|\bfrom [A-Z][a-z]+ (?:to|until)\b", re.I)
_YEAR_EVENT = re.compile(r"\b(?:a|an|the|its|that)\s+(?P<year>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|"
                         r"massacres?|raids?|strikes?|assaults?|offensive|clashes|killings?|blasts?|explosions?|"
                         r"ambush|siege|uprising|riots?|protests?)\b", re.I)
_HABITUAL = re.compile(r"\b(?:(?:hit|attacked|targeted|struck|shelled|raided)\s+repeatedly|repeatedly\s+(?:been\s+)?"
                       r"(?:hit|attacked|targeted|struck|shelled|raided))\b|"
                       r"\b(?:frequent|regular|repeated|occasional|sporadic|routine|constant|recurring)\s+(?:\w+\s+)?"
                       r"(?:attacks|strikes|air ?strikes|clashes|bombings|raids|shelling|killings|kidnappings)\b|"
                       # "about 100 people have died in three months of protests"
                       r"\bin\s+(?:\w+\s+)?(?:days|weeks|months|years)\s+of\b", re.I)
# trends and running totals: "arrests of activists have accelerated", "OCPNK has documented at least 386
# civilians killed", "200 militants had been killed in operations since the start of the offensive"
_TREND = re.compile(r"\b(?:have|has|had)\s+(?:\w+\s+)?(?:accelerated|increased|intensified|escalated|risen|surged|"
                    r"spiked|multiplied|soared)\b|\b(?:documented|recorded|registered|tallied|counted)\b[^.]{0,40}?"
                    r"\b(?:killed|deaths|dead|abducted|attacks|incidents|violations)\b|"
                    r"\bsince (?:the )?(?:start|beginning|launch|outbreak) of\b|"
                    # "the wave of violence that struck the communes of Kenscoff, Delmas and Petion-Ville"
                    r"\b(?:wave|spate|surge|upsurge|cycle|escalation) of (?:\w+ )?violence\b|^\s*since\s+\d{1,2}\s+[A-Z][a-z]+\b",
                    re.I)
_REASON = re.compile(r"\b(?:in connection with|over their (?:role|involvement) in|for (?:their|his|her) (?:alleged )?"
                     r"(?:role|involvement|part) in|suspected of (?:involvement in|carrying out|planning)|accused of "
                     r"(?:involvement in|carrying out|planning)|linked to)\s+(?:the|a|an|last\s+\w+['’]s|this|that|"
                     r"(?:mon|tues|wednes|thurs|fri|satur|sun)day['’]s)\s+(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|blasts?|"
                     r"explosions?|killings?|assaults?|ambush(?:es)?|murders?|massacres?|riots?|violence)\b", re.I)
_CLAIMED_CREDIT = re.compile(r"\b(?:claim\w*|accept\w*|took|takes|taking)\s+(?:\w+\s+)?(?:responsibility|credit)\b",
                             re.I)
_ARRESTED = re.compile(r"\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|rounded up|apprehended|took into custody)\b", re.I)
_SIMILAR = re.compile(r"\b(?:similar|such|previous|past|earlier|other) (?:\w+ )?(?:massacres|attacks|strikes|incidents|"
                      r"killings|bombings|raids|assaults|abductions|clashes)\b", re.I)
_NEXT_DAY = re.compile(r"\b(?:the following day|the next day|a day later|the day after)\b(?!\s+(?:the|a|an|its|his|her)\b)", re.I)
_HISTORY_DAYS = 365  # events dated longer before publication are history, not reports
# events dated weeks before publication are background ("In July that year, a suicide bomber killed 60")
# when the article reports something newer: none of the 210 events of the team's article gold sets is dated
# more than 14 days before publication; an article only about an older event ("a court indicted two men
# for the August 17 bombing") still codes it
_BACKGROUND_DAYS = 60
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


_VICTIMS_OF = re.compile(r"\b(?:killed|wounded|injured|died|dead|victims|hurt)\s+(?:in|by|during|of)\s+$", re.I)
_PASSIVE_TOLL = re.compile(r"\b(?:were|was|have been|had been)\s+(?:\w+\s+)?(?:killed|wounded|injured)\b", re.I)
_CLAIMED_ACT = re.compile(r"\bclaimed\b[^.]{0,60}?\bthat\s+(?:they|it|its\s+\w+|their\s+\w+)\s+had\b", re.I)
_VAGUE_PAST = re.compile(r"\b(?:earlier|late|early) (?:this|last) year\b|\blast year\b|\bin recent (?:months|years)\b|"
                         r"\bover the years\b|\b(?:in )?(?:previous|earlier|past) years\b", re.I)
_REPORTED = re.compile(r"\b(?:reported|said|says|told|according to|put the (?:death )?toll)\b", re.I)
_RAID = re.compile(r"\b(?:raid(?:ed|s)?|stormed|swooped|cordon(?:ed)?)\b", re.I)
_COMBATANT_KILL = re.compile(r"neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|liquidated|sent to hell", re.I)


def _same_family(a: str, b: str) -> bool:
    return a == b or (a in _VIOLENT and b in _VIOLENT)


# a bare toll: "Three soldiers were killed.", "Five people died.", "At least 6 soldiers were killed."
_PRONOUN_AGENT = re.compile(r"^\s*(?:They|He|She)\s+(?:\w+ly\s+|also\s+|then\s+)?(?:killed|shot|wounded|injured|"
                            r"attacked|stormed|abducted|kidnapped|opened fire|fired|detonated|set fire|torched|"
                            r"burned|looted|beat|executed|seized)\b")
# "Six people, including four students, were killed and 13 wounded, he said in a post on X."
_TOLL_SAID = r"(?:,\s*(?:he|she|they|officials?|police|the \w+|\w+)\s+(?:said|added|told)\b[^.]*)?"
# "The death toll from Sunday's suicide bombing rose to 16": the running toll of one event is that event's
_ONE_EVENT_TOLL = re.compile(r"\b(?:death )?toll (?:from|of|in) (?:the|a|an|this|\w+['’]s)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:bombing|attack|blast|explosion|strike|raid|ambush|shelling|massacre|shooting)\b(?!s)",
                            re.I)
_TOLL_ONLY = re.compile(r"^\s*(?:[\w,'’-]+\s+){1,8}?(?:were|was|have been|had been)\s+(?:killed|wounded|injured|martyred|"
                        r"slain|shot dead)(?:\s+on the spot|\s+instantly|\s+immediately)?"
                        r"(?:\s+and\s+(?:[\w-]+\s+){0,3}?(?:were\s+)?(?:wounded|injured))?"
                        # "... and taken to the Delfina Torres hospital, two of them in serious condition"
                        r"(?:\s+and\s+(?:taken|rushed|transported|evacuated|admitted)\s+to\s+[^.;]*?)?"
                        r"(?:,\s+(?:\w+\s+){1,3}?(?:of them\s+)?in\s+(?:a\s+)?(?:critical|serious|stable|grave)\s+condition)?"
                        + _TOLL_SAID + r"\s*\.?\s*$|"
                        r"^\s*(?:[\w,'’-]+\s+){1,6}?died" + _TOLL_SAID + r"\s*\.?\s*$", re.I)
_CASUALTY_WORDS = re.compile(r"\b(?:wounded|injured|injuries|killed|dead|casualties)\b", re.I)


def _find_referent(drafts: Sequence[_Draft], place: Place | None, guess, sent_text: str = "") -> _Draft | None:
    if place is not None:
        for d in reversed(drafts):
            if _same_place(d.place, place):
                return d
        return None
    if _CASUALTY_WORDS.search(sent_text):
        # "the troops wounded in the attack": the event that had casualties
        for d in reversed(drafts):
            if d.counts:
                return d
    return drafts[-1] if drafts else None


def _attach(target: _Draft, sent_claims, responsibility, place, sent_text, sent, text, article) -> None:
    _merge_claims(target.claims, [c for c in sent_claims if c.status != "claimed" or not responsibility])
    _merge_claims(target.responsibility, responsibility)
    if responsibility and target.actor1 is None:
        target.actor1 = _claimant_actor(responsibility[0], [])
        target.add_evidence("actor1", responsibility[0].span)
    if place is not None and target.place is None:
        target.place = place
    target.add_evidence("sentence", _span(text, sent.start_char, sent.end_char, article.id))


def _claimant_actor(claim: Claim, countries: Sequence[str]) -> Actor | None:
    if not claim.speaker:
        return None
    return actors_mod.normalise_actor(claim.speaker, countries=countries, span=claim.span) or \
        Actor(name=claim.speaker, raw=claim.speaker, span=claim.span)


def _nil_toll_for(prev: _Draft, casualties: dict[str, Count]) -> bool:
    """'No one was killed or injured': only zero figures, of kinds the event just told has no figure for."""
    return bool(casualties) and all(c.best == 0 for c in casualties.values()) and \
        not any(k in prev.counts for k in casualties)


def _fold(prev: _Draft, casualties: dict[str, Count], claims: Sequence[Claim], sentence: Span) -> None:
    """A sentence that continues the event just told: its figures fill the gaps, its sources and text join."""
    for kind, count in casualties.items():
        prev.counts.setdefault(kind, count)
    _merge_claims(prev.claims, claims)
    prev.add_evidence("sentence", sentence)


_INTERVENTION_SUBS = frozenset({"Arrests", "Protest with intervention", "Excessive force against protesters"})
_INTERVENE = re.compile(r"\b(?:police|security forces|riot police|officers|soldiers|troops|authorities)\b[^.]{0,60}?"
                        r"\b(?:fired|used|dispersed|arrested|detained|beat|charged|tear ?gas|water cannons?|"
                        r"rubber bullets|live (?:rounds|ammunition)|broke up)\b", re.I)


def _intervene(d: _Draft, sub: str | None, force: Actor | None, casualties: dict[str, Count]) -> None:
    """A protest draft met by the authorities: excessive force when protesters die or the sentence
    says so, otherwise a peaceful protest becomes a protest with intervention (a riot stays a riot)."""
    actors = [a for a in (d.actor1, d.actor2) if a is not None]
    crowd = next((a for a in actors if a.inter in {5, 6}), None)
    other = force if force is not None and force.inter in {1, 8} else \
        next((a for a in actors if crowd is None or a.name != crowd.name), None)
    killed = casualties.get("killed")  # the intervention sentence's own toll
    if d.sub_event_type == "Excessive force against protesters":
        if d.actor1 is None and other is not None and other.inter in {1, 8}:
            d.actor1 = other
    elif sub == "Excessive force against protesters" or (killed is not None and (killed.best or 0) > 0):
        d.sub_event_type, d.event_type = "Excessive force against protesters", "Protests"
        d.actor1, d.actor2 = other, crowd
    else:
        if d.sub_event_type == "Peaceful protest":
            d.sub_event_type = "Protest with intervention"
        d.actor1 = crowd or d.actor1
        if other is not None and other.inter in {1, 8}:
            d.actor2 = other


_OWN_FORCES = re.compile(r"\b(?:its|their)\s+(?:\w+\s+)?(?:aircraft|warplanes|jets|drones|forces|troops|fighters|"
                         r"air defen[cs]es?|artillery|units?|navy|soldiers|army|militants|members)\b|"
                         # "The Arakan Army said on Sunday it had recaptured Kyauktaw"
                         r"\b(?:said|says|claimed|claims|announced|stated)\b[^,;.]{0,40}?\b(?:that\s+)?(?:it|they)\s+"
                         r"(?:had|has|have)\s+(?:\w+ly\s+)?(?:recaptured|captured|seized|retaken|retook|taken|killed|"
                         r"destroyed|shot down|struck|hit|targeted|attacked|repelled|overrun|liberated)\b", re.I)
_CROWD_FIRST = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration", "Mob violence"})


def _crowd_roles(sub: str | None, a1: Actor | None, a2: Actor | None) -> tuple[Actor | None, Actor | None]:
    """ACLED's order for demonstrations: the crowd is actor1 (police who intervene actor2), except
    excessive force, where the force is actor1 and the protesters actor2."""
    def crowd(a: Actor | None) -> bool:
        return a is not None and a.inter in {5, 6}

    def as_crowd(a: Actor | None) -> Actor | None:
        # "thousands of people marched": in a demonstration the people are its protesters (or rioters)
        if a is None or a.inter != 7 or not a.name.startswith("Civilians"):
            return a
        rioters = sub in {"Violent demonstration", "Mob violence"}
        return replace(a, name=a.name.replace("Civilians", "Rioters" if rioters else "Protesters"),
                       inter=5 if rioters else 6)

    if sub in _CROWD_FIRST | {"Excessive force against protesters"} and not crowd(a1) and not crowd(a2):
        if a1 is not None and a1.inter == 7:
            a1 = as_crowd(a1)
        elif a2 is not None and a2.inter == 7:
            a2 = as_crowd(a2)
    if sub in _CROWD_FIRST and crowd(a2) and not crowd(a1):
        return a2, a1
    if sub == "Excessive force against protesters" and crowd(a1) and not crowd(a2):
        return a2, a1
    return a1, a2


def _fill_from_headlines(drafts, headlines, text, article, geocode, countries, resolved) -> None:
    clauses = []
    for head in headlines:
        # "Israeli strike kills three in Qabatiya; settlers torch homes": each clause tells its own event
        start = head.start_char
        for m in re.finditer(r";\s*", text[head.start_char:head.end_char]):
            part = head.doc.char_span(start, head.start_char + m.start(), alignment_mode="expand")
            if part is not None and len(part):
                clauses.append(part)
            start = head.start_char + m.end()
        part = head.doc.char_span(start, head.end_char, alignment_mode="expand")
        if part is not None and len(part):
            clauses.append(part)
    for head in clauses:
        head_text = text[head.start_char:head.end_char]
        guess = types_mod.classify(head_text)
        if guess.event_type is None:
            continue
        place = _pick_place(head, text, article, geocode, countries, resolved, [])
        a1, a2 = actors_mod.agent_and_patient(head, _trigger_token(head, guess.trigger), countries=countries,
                                              article_id=article.id)
        for d in drafts:
            if d.event_type != guess.event_type:
                continue
            if d.place is not None and place is not None and not _same_place(d.place, place):
                continue
            if d.place is None and place is not None:
                d.place = place
                d.inferred.discard("place")
            if d.actor2 is None and a2 is not None:
                d.actor2 = a2
            if d.actor1 is None and a1 is not None:
                d.actor1 = a1
            break


# "KABUL, Afghanistan (AP) —", "MOGADISHU (Reuters) -", "Lagos —": where the story was filed
_DATELINE = re.compile(
    # "TURBAT / QUETTA, Dec 2:": two filing towns
    r"^\s*(?P<city>[A-Z][A-Z'’.-]+(?:\s+(?:/\s+)?[A-Z][A-Z'’.-]+){0,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
    r"(?=\s*[—–]|,\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?\s+\d{1,2})\b))"
    r"(?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
    r"(?P<region>[A-Z][\w'’. -]{2,40}?))?"
    # the filing date: "May 15", "16 May", "March 19, 2024"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?\s*"
    # the agency in brackets: "(Reuters)", "(NIA)", "(Sahel Wire)"; TASS style: "May 22. /TASS/. A civilian"
    r"(?:(?:\((?:[A-Z][\w.]{1,14}(?:\s+[A-Z][\w.]{1,14}){0,2})\)\s*)?(?:—|–|--|-|:)\s|\.\s*/[^/\n]{2,30}/\.?\s+|"
    # "Imphal, Nov 26 (PTI) Armed miscreants ...": Indian agency copy, no dash after the agency
    r"\((?:[A-Z][\w.]{1,14}(?:\s+[A-Z][\w.]{1,14}){0,2})\)\s+(?=[A-Z]))",
    re.M)


# "By Jelena Markovic and Luka Petrov | Published: 16 March 2026, 19:45 CET"
_BYLINE = re.compile(r"By\s+[A-Z]|[^\n]*\b(?:Published|Updated|Posted)\b|[^\n|]{2,60}\|")


def _find_dateline(text: str, article: Article) -> re.Match[str] | None:
    """The dateline opens the body: after the headline and up to two short lines (a byline)."""
    pos = len(article.title) if article.title and text.startswith(article.title) else 0
    for _ in range(3):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        m = _DATELINE.match(text, pos, pos + 200)
        if m is not None:
            return m
        end = text.find("\n", pos)
        if end < 0 or end - pos > 60 and not (end - pos < 160 and _BYLINE.match(text, pos, end)):
            return None
        pos = end


def _dateline_city(m: re.Match[str]) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in m.group("city").split())


def _dateline_town(m: re.Match[str] | None, geocode: GeocodeFn | None, countries: Sequence[str]) -> Place | None:
    """The town of the dateline (``m``, a _DATELINE match), if it is one of the story's country: "CAIRO (Reuters) -"
    on Sudan, "NNA -" (an agency, not a town) are none."""
    if m is None or geocode is None or not countries:
        return None
    place = geocode(_dateline_city(m), context=m.group(0), countries=countries, near=[])
    if place is None or (place.geo_precision or 3) > 1 or place.country not in countries[:1]:
        return None
    return place


def _fill_from_dateline(drafts: Sequence[_Draft], m: re.Match[str] | None, town: Place | None, text: str,
                        article: Article, geocode: GeocodeFn | None, countries: Sequence[str]) -> None:
    """Events with no place of their own (or only their country's) were most likely where the story
    was filed: the dateline ``town`` (from ``m``), at precision 2 (near), never over a place the text names."""
    if m is None or town is None or geocode is None:
        return
    place = replace(town, geo_precision=2, span=_span(text, m.start("city"), m.end("city"), article.id))
    named = [d.place for d in drafts if d.place is not None and "location" not in d.inferred and d.place.admin1 and
             (d.place.geo_precision or 3) < 3]
    if len(named) >= 2 and len({(p.country, p.admin1) for p in named}) == 1 and named[0].admin1 != place.admin1:
        # "MOSCOW (Reuters) -" on drones over Kursk, state media filed from the capital: where the story was
        # filed is not where its events were; the one province the text names is
        country, admin1 = named[0].country, named[0].admin1
        region = geocode(f"{admin1} region", context="", countries=[country] if country else countries, near=[])
        if region is None or region.admin1 != admin1 or (region.geo_precision or 3) < 3:
            return
        place = region
    for d in drafts:
        current = d.place or d.fallback_place
        if d.place is None and d.parent is not None and d.parent.place is not None:
            continue  # it continues the event told before it and takes that event's place
        if d.place is not None and (d.place.geo_precision or 3) < 3:
            continue
        if current is not None and current.country != place.country:
            continue
        if current is not None and current.admin1 and (current.geo_precision or 3) < 3 or \
                current is not None and current.admin1 and current.admin1 != place.admin1 and \
                current.name != current.country:
            continue  # a named region other than the dateline's
        d.place = place
        d.inferred.add("location")


def _fill_from_parents(drafts: Sequence[_Draft], article: Article) -> None:
    for d in drafts:
        p = d.parent
        if p is None:
            continue
        if d.date is None and p.date is not None:
            d.date = p.date
            d.inferred.add("event_date")
        if d.place is None and p.place is not None:
            d.place = replace(p.place, geo_precision=max(2, p.place.geo_precision or 2))
            d.inferred.add("location")
        if d.refers_back and d.actor2 is None and p.actor1 is not None:
            d.actor2 = p.actor1
            d.inferred.add("actor2")
    for d in drafts:
        if d.place is None and d.fallback_place is not None:
            d.place = d.fallback_place
        if d.date is None and article.published is not None:
            d.date = EventDate(article.published.date(), 2, None, article.published)
            d.inferred.add("event_date")


def _undated(d: _Draft) -> bool:
    """Dated only by the publication day, for want of any date in the text."""
    return "event_date" in d.inferred and d.date is not None and d.date.phrase is None


def _same_province(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and a.country == b.country and a.admin1 is not None and \
        a.admin1 == b.admin1


def _near_place(a: _Draft, b: _Draft) -> bool:
    """Same place, or one account placed only by inference (dateline, headline, the event before) in the
    same province as the other's."""
    if _same_place(a.place, b.place):
        return True
    if a.place is None or b.place is None or not ({"location"} & (a.inferred | b.inferred)):
        return False
    return a.place.country == b.place.country and a.place.admin1 is not None and a.place.admin1 == b.place.admin1


def _summary_of(a: _Draft, b: _Draft, text: str) -> bool:
    """One of the two is a summary bullet ("- Heavy fighting in Zawiya killed civilians on 10-11 August.") of
    the other's detailed account: same sub-type, country and province (or none named), a day apart at most."""
    bullets = [_is_bullet(text, d) for d in (a, b)]
    if bullets[0] == bullets[1] or a.sub_event_type != b.sub_event_type or a.place is None or b.place is None:
        return False
    if a.place.country != b.place.country or a.date is None or b.date is None:
        return False
    return (a.place.admin1 is None or b.place.admin1 is None or a.place.admin1 == b.place.admin1) and \
        abs((a.date.date - b.date.date).days) <= 1


_BULLET = re.compile(r"[-•*–]\s")


def _is_bullet(text: str, d: _Draft) -> bool:
    """The draft's sentence is a list item: a dash or bullet at the start of a line."""
    start = d.sentence[0]
    if bool(_BULLET.match(text, start)) and (start == 0 or text[start - 1] == "\n"):
        return True
    # the sentence splitter may leave the dash out of the sentence: "- At least four IDPs ... killed"
    line_start = text.rfind("\n", 0, start) + 1
    return bool(re.fullmatch(r"\s*[-•*–]\s*", text[line_start:start]))


def _merge_duplicates(drafts: Sequence[_Draft], text: str = "") -> list[_Draft]:
    out: list[_Draft] = []
    for d in drafts:
        # an account with no day of its own ("IS claimed responsibility for a suicide bombing in western Kabul") is
        # the dated one in the same province ("the attacker detonated his vest in Dasht-e Barchi on Tuesday")
        twin = next((o for o in out if o.sub_event_type == d.sub_event_type and o.date is not None and
                     d.date is not None and
                     (_near_place(o, d) and (o.date.date == d.date.date or _undated(o) or _undated(d)) or
                      (_undated(o) or _undated(d)) and _same_province(o.place, d.place))), None)
        if twin is None and text:
            twin = next((o for o in out if _summary_of(o, d, text)), None)
            if twin is not None and _is_bullet(text, twin):
                # the detailed account names the place, day and sides more precisely than its summary line:
                # it stands, and the summary's figures and sources fill its gaps
                out[out.index(twin)], twin, d = d, d, twin
        if twin is None:
            out.append(d)
            continue
        if _undated(twin) and not _undated(d):
            # "IS claimed responsibility on Wednesday for a suicide bombing" (no day of its own), then "the
            # attacker detonated an explosives vest ... on Tuesday": the day comes from the account that has one
            twin.date = d.date
            twin.inferred.discard("event_date")
        if "location" in twin.inferred and "location" not in d.inferred and d.place is not None:
            # "the BLA said its fighters attacked the post at Mangochar, in Kalat": the account that names
            # the place gives it
            twin.place = d.place
            twin.inferred.discard("location")
        for k, v in d.counts.items():
            twin.counts.setdefault(k, v)
        _merge_claims(twin.claims, d.claims)
        _merge_claims(twin.responsibility, d.responsibility)
        twin.actor1 = twin.actor1 or d.actor1
        twin.actor2 = twin.actor2 or d.actor2
        for name, spans in d.evidence.items():
            for s in spans:
                twin.add_evidence(name, s)
    return out


def _event_id(article: Article, draft: _Draft, place: Place | None) -> str:
    digest = hashlib.sha1(f"{article.id}:{draft.sentence[0]}:{draft.sub_event_type}".encode()).hexdigest()[:10]
    prefix = (place.country_code or "XX").upper() if place else "XX"
    return f"{prefix}-{digest}"


def _state_inter(actor: Actor | None, place: Place | None) -> Actor | None:
    """State forces outside their own country are external forces (inter 8), as ACLED codes them."""
    if actor is None or actor.inter not in {1, 8} or not actor.country or place is None or not place.country:
        return actor
    inter = 1 if actor.country == place.country else 8
    return actor if inter == actor.inter else replace(actor, inter=inter)


_LOCAL_GROUPS = ("Civilians (", "Protesters (", "Rioters (", "Unidentified Armed Group (", "Unidentified Communal Militia (")


def _with_country(actor: Actor | None, place: Place | None) -> Actor | None:
    """An unnamed force or crowd named before the event's country was known takes that country; civilians,
    crowds and unnamed gunmen are always of the country where the event happened ("Civilians (Lebanon)" for
    a strike in Beirut reported by an Israeli outlet)."""
    if actor is None or place is None or not place.country:
        return actor
    if actor.country and actor.country != place.country and actor.name.startswith(_LOCAL_GROUPS):
        kind = actor.name.split(" (", 1)[0]
        return replace(actor, name=f"{kind} ({place.country})", country=place.country)
    if actor.country or not actor.raw:
        return actor
    renamed = actors_mod.normalise_actor(actor.raw, countries=[place.country], span=actor.span)
    return renamed if renamed is not None and renamed.country == place.country else actor


_UNKNOWN_PERPETRATOR = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack",
                                  "Abduction/forced disappearance"})


def _crowd_kind(sub: str | None, actor: Actor | None) -> Actor | None:
    """A crowd is named by what it did: rioters in a violent demonstration, protesters in a protest."""
    if actor is None or actor.inter not in {5, 6}:
        return actor
    if sub in {"Violent demonstration", "Mob violence"} and actor.name.startswith("Protesters"):
        return replace(actor, name=actor.name.replace("Protesters", "Rioters", 1), inter=5)
    if sub in {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"} and \
            actor.name.startswith("Rioters"):
        return replace(actor, name=actor.name.replace("Rioters", "Protesters", 1), inter=6)
    return actor


_ACRONYM_DEF = re.compile(r"((?:[A-Z][\w'’-]+|of|the|and|for|in|de|du|des|la|le)(?:\s+(?:[A-Z][\w'’-]+|of|the|and|for|"
                          r"in|de|du|des|la|le)){1,7})\s+\(([A-Z][A-Z-]{1,7})\)")


def _defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the article itself defines: "the Puntland Defence Forces (PDF)" -> {"PDF": "Puntland Defence Forces"}."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        out.setdefault(m.group(2), m.group(1))
    return out


def _expand_acronym(actor: Actor | None, defined: dict[str, str], where: Place | None) -> Actor | None:
    """An actor named by an acronym the article defines, or by the words it defines one for: "the Puntland
    Defence Forces (PDF)" are Puntland's forces, not Myanmar's People's Defence Force; "the People's Defence
    Forces (HPG)" in an Iraqi story are the PKK's. Of the readings, the one of the story's country wins, else
    the acronym's."""
    if actor is None or not actor.raw or not defined:
        return actor
    country = where.country if where is not None and where.country else actor.country
    for acr, full in defined.items():
        if not (re.search(rf"\b{re.escape(acr)}\b", actor.raw) or actor.raw.strip() in full):
            continue
        readings = [a for a in (actors_mod.normalise_actor(full, countries=[country] if country else []),
                                actors_mod.normalise_actor(acr, countries=[country] if country else []))
                    if a is not None and not a.name.startswith(_LOCAL_GROUPS) and "(country unknown)" not in a.name]
        if not readings or actor.country == country:
            return actor
        best = next((a for a in readings if a.country == country), readings[-1])
        return actor if best.name == actor.name else replace(best, raw=actor.raw, span=actor.span, role=actor.role)
    return actor


# the Taliban took power on 15 August 2021; ACLED codes them from then on as Afghanistan's state forces
_TALIBAN_STATE = date(2021, 8, 15)


def _in_power(actor: Actor | None, when: date | None) -> Actor | None:
    if actor is None or actor.name != "Taliban" or when is None or when < _TALIBAN_STATE:
        return actor
    return replace(actor, name="Military Forces of Afghanistan (2021-)", inter=1, country="Afghanistan")


def _finalise(d: _Draft, article: Article, countries: Sequence[str]) -> Event:
    where = d.place or d.fallback_place
    if d.sub_event_type == "Peaceful protest" and d.actor2 is not None and d.actor2.inter not in {5, 6}:
        # a peaceful protest has no second side: what it is against ("rally behind the army against Daesh") is
        # its grievance, and ACLED leaves actor2 empty
        d.actor2 = None
    d.actor1, d.actor2 = _with_country(d.actor1, where), _with_country(d.actor2, where)
    when = d.date.date if d.date is not None else article.published.date() if article.published else None
    d.actor1, d.actor2 = _in_power(d.actor1, when), _in_power(d.actor2, when)
    crowd_sub = d.sub_event_type in _CROWD_FIRST or d.sub_event_type == "Excessive force against protesters"
    country = (where.country if where is not None else None) or (countries[0] if countries else None)
    if crowd_sub and country and not any(a is not None and a.inter in {5, 6} for a in (d.actor1, d.actor2)):
        # every demonstration has its crowd ("hundreds of protesting job aspirants"): ACLED names it
        rioters = d.sub_event_type in {"Violent demonstration", "Mob violence"}
        crowd = Actor(f"{'Rioters' if rioters else 'Protesters'} ({country})", None, 5 if rioters else 6, country)
        others = [a for a in (d.actor1, d.actor2) if a is not None]
        if d.sub_event_type == "Excessive force against protesters":
            d.actor1, d.actor2 = (others[0] if others else None), crowd
        else:
            d.actor1, d.actor2 = crowd, (others[0] if others else None)
        d.inferred.add("actor1" if d.actor1 is crowd else "actor2")
    if d.sub_event_type == "Attack" and d.actor2 is not None and d.actor2.inter in {1, 2, 3, 8} and \
            "actor2" not in d.inferred and (d.actor1 is None or d.actor1.inter in {1, 2, 3, 4, 8}):
        # "the army carried out an operation against Khawarij hideouts, killing 20": violence against civilians
        # needs civilian victims; armed men on both sides make a battle
        d.sub_event_type, d.event_type = "Armed clash", "Battles"
    if country and d.actor1 is None and d.sub_event_type in _UNKNOWN_PERPETRATOR:
        # a bomb or a killing nobody is named for: ACLED's "Unidentified Armed Group (country)"
        d.actor1 = Actor(f"Unidentified Armed Group ({country})", None, 3, country)
        d.inferred.add("actor1")
    # "The TNLA says it has recaptured Hsipaw": who took the ground decides the sub-type
    if d.actor1 is not None and "actor1" not in d.inferred:
        if d.sub_event_type == "Government regains territory" and d.actor1.inter in {2, 3, 4}:
            d.sub_event_type = "Non-state actor overtakes territory"
        elif d.sub_event_type == "Non-state actor overtakes territory" and d.actor1.inter == 1:
            d.sub_event_type = "Government regains territory"
    if country and d.sub_event_type == "Arrests":
        # ACLED codes an arrest by unnamed authorities as the police's, of civilians unless a group is named
        if d.actor1 is None:
            d.actor1 = Actor(actors_mod.the_country(f"Police Forces of {country}"), None, 1, country)
            d.inferred.add("actor1")
        if d.actor2 is None:
            d.actor2 = Actor(actors_mod.civilians_of(country), None, 7, country)
            d.inferred.add("actor2")
    if country and d.actor2 is None and d.event_type == "Explosions/Remote violence":
        # "shelled the district, killing a woman and an elderly man": the victims named are civilians
        victims = " ".join(c.span.text for k, c in d.counts.items() if k in {"killed", "injured"} and c.span)
        if _CIVILIAN_VICTIMS.search(victims) and not _COMBATANT_VICTIMS.search(victims):
            d.actor2 = Actor(actors_mod.civilians_of(country), None, 7, country)
            d.inferred.add("actor2")
    if country and d.actor2 is None and d.event_type == "Violence against civilians":
        # violence against civilians has civilian victims by definition
        d.actor2 = Actor(actors_mod.civilians_of(country), None, 7, country)
        d.inferred.add("actor2")
    d.actor1, d.actor2 = _state_inter(d.actor1, d.place), _state_inter(d.actor2, d.place)
    d.actor1, d.actor2 = _crowd_kind(d.sub_event_type, d.actor1), _crowd_kind(d.sub_event_type, d.actor2)
    if d.actor1 is not None and d.actor2 is not None and d.actor1.name == d.actor2.name and d.actor1.inter in {5, 6, 7}:
        d.actor2 = None  # one crowd named twice is not both sides
    told = " ".join(s.text for s in d.evidence.get("sentence", ()))
    if d.date is not None and article.published is not None and re.fullmatch(r"(?i)overnight|last night", d.date.phrase or "") \
            and d.date.date == article.published.date() - timedelta(days=1) and _SMALL_HOURS.search(told):
        # "attacked the city overnight ... The first explosions were heard shortly after 02:10": after midnight,
        # so on the day of publication
        d.date = replace(d.date, date=article.published.date())
    elif d.date is not None and d.date.phrase and d.date.span is not None and \
            re.match(r"(?i)(?:\s+\w+){0,3}?\s+to\b", article.text[d.date.span.end:d.date.span.end + 40]) and \
            re.search(r"(?i)\bnight of\s+$", article.text[max(0, d.date.span.start - 12):d.date.span.start]) and \
            _SMALL_HOURS.search(article.text[d.date.span.start:d.date.span.end + 400]):
        # "in the night of Monday September 22 to Tuesday September 23 ... came in at about 1 am": the second day
        d.date = replace(d.date, date=d.date.date + timedelta(days=1))
    for name, value in (("event_date", d.date), ("location", d.place)):
        if value is not None and value.span is not None:
            d.add_evidence(name, value.span)
    for name, actor in (("actor1", d.actor1), ("actor2", d.actor2)):
        if actor is not None and actor.span is not None:
            d.add_evidence(name, actor.span)
    for kind in ("fatalities", "injuries", "detained", "abducted", "displaced"):
        key = {"fatalities": "killed", "injuries": "injured"}.get(kind, kind)
        c = d.counts.get(key) or d.counts.get(kind)
        if c is not None and c.span is not None:
            d.add_evidence(kind, c.span)
    for claim in (*d.claims, *d.responsibility):
        d.add_evidence("claims" if claim in d.claims else "responsibility", claim.span)
    evidence = {k: tuple(v) for k, v in d.evidence.items() if v}
    filled = {"event_date": d.date, "location": d.place, "actor1": d.actor1, "actor2": d.actor2}
    inferred = sorted({k for k, v in filled.items() if v is not None and k not in evidence} | d.inferred)
    plover_type, mode = plover_of(d.sub_event_type)
    get = d.counts.get
    event = Event(
        id=_event_id(article, d, d.place),
        event_type=d.event_type,
        sub_event_type=d.sub_event_type,
        date=d.date,
        place=d.place,
        actor1=d.actor1,
        actor2=d.actor2,
        fatalities=get("killed") or get("fatalities"),
        injuries=get("injured") or get("injuries"),
        detained=get("detained"),
        abducted=get("abducted"),
        displaced=get("displaced"),
        claims=tuple(d.claims),
        responsibility=tuple(d.responsibility),
        evidence=evidence,
        inferred=tuple(inferred),
        confidence=_confidence(d),
        plover_type=f"{plover_type}/{mode}" if mode else plover_type,
        source=article.source_name,
        article_ids=(article.id,),
        trigger=d.trigger,
    )
    return replace(event, notes=write_notes(event))


def _confidence(d: _Draft) -> float:
    score = 0.35 + 0.25 * min(1.0, d.score)
    score += 0.1 if d.date is not None and "event_date" not in d.inferred else 0.0
    score += 0.1 if d.place is not None and "location" not in d.inferred else 0.0
    score += 0.05 if d.actor1 is not None else 0.0
    score += 0.05 if d.actor2 is not None else 0.0
    if any(c.status == "confirmed" for c in d.claims):
        score += 0.1
    elif d.responsibility and not d.claims:
        score -= 0.05
    return round(max(0.05, min(1.0, score)), 3)

