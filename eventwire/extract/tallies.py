"""Cumulative tallies: "66 attacks since October 17", "at least 14,128 killed, including 5,840 children".

A tally is a running total, not one event: a present-perfect or "so far"/"since"/"death toll"
statement of a figure. Each carries what is counted, the scope (victim group, place), since,
as_of (an explicit date, the date the source spoke, or the publication date), a breakdown that is
never added to the total, what it excludes, and its source. Sentences that continue a tally ("as
well", "in these attacks", "Singh added") inherit scope, since and source from the one before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from eventwire.extract.counts import NUMBER, parse_count
from eventwire.extract.dates import find_dates
from eventwire.models import Claim, Span, Tally

__all__ = ["find_tallies"]

_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_QUAL = r"(?:(?:at least|more than|over|approximately|about|around|nearly|almost|some|up to|an estimated)\s+)?"
_FIG = rf"(?P<fig>{_QUAL}{NUMBER})"
_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:now\s+)?(?:been\s+)?(?:killed|martyred|injured|wounded|attacked|sustained|suffered|"
    r"died|arrested|detained|displaced|recorded|carried out|launched|targeted)\b", re.I)
_CUMULATIVE = re.compile(
    _PERFECT.pattern + r"|"
    r"\bsince\b|\bso far\b|\bto date\b|\bin total\b|\ba total of\b|\bdeath toll\b|\btoll (?:has )?(?:risen|rose|"
    r"climbed|reached|stands)\b|\bcumulative\b|\bthis year\b|"
    # a period of months: "87 militant attacks in Balochistan between January and April"
    r"\bbetween\s+" + _MONTH_NAMES + r"\s+"
    r"and\b|"
    # "brings to 174 the number of people killed", "330,000 people remain displaced", "59 attacks recorded"
    r"\b(?:brings?|brought|bringing)\s+to\s+\d|\bremain\s+displaced\b|\b(?:recorded|documented|registered)\b|"
    # "at least 34 civilians had been killed in air strikes across the state over the same period"
    r"\bover the (?:same|past|last)\s+(?:period|(?:\w+\s+)?(?:days|weeks|months|years))\b", re.I)
# "126 people have been killed in the explosion": a present perfect about one named event is that
# event's toll, not a running total
_WEAK_MARKER = re.compile(r"\b(?:have|has|had)\s+(?:so far\s+|now\s+)?(?:documented|recorded|registered)\b|"
                          r"\b(?:documented|recorded|registered|so far)\b", re.I)
_TALLY_PERIOD = re.compile(r"\bsince\b|\b(?:this|last|that) (?:year|month|week)\b|\bin (?:19|20)\d\d\b|\bto date\b|"
                           r"\b(?:over|in|during) the (?:past|last|previous|same)\b|\bbetween " + _MONTH_NAMES + r"\b|"
                           r"\bin " + _MONTH_NAMES + r"\b|\b(?:so far|earlier) this\b", re.I)
_ONE_EVENT = re.compile(r"\b(?:in|during|by)\s+(?:the|a|an|this|that|\w+'s)\s+(?:[\w-]+\s+){0,3}?"
                        r"(?:explosion|attack|blast|strike|bombing|assault|clash|raid|shelling|ambush|incident|"
                        r"shooting|massacre)\b(?!s)", re.I)
_SEVERAL_EVENTS = re.compile(r"\b(?:these|those|the|such)\s+(?:\w+\s+)?(?:attacks|strikes|explosions|bombings|"
                             r"clashes|assaults|raids)\b", re.I)
_WHAT: tuple[tuple[str, re.Pattern[str]], ...] = tuple((what, re.compile(rx, re.I)) for what, rx in (
    # "The death toll from Sunday's suicide bombing at a rally in Bajaur rose to 16"
    ("killed", rf"death toll[^.;\d]{{0,160}}?\b(?:rose|risen|climbed|reached|increased|stands|stood|jumped)\s+"
               rf"(?:at\s+|to\s+)?{_FIG}"),
    ("attacks", rf"\battacked\s+{_FIG}\s+times\b"),
    ("air strikes", rf"{_FIG}\s+(?:air ?strikes|airstrikes|air raids)\b"),
    ("killed", rf"\b(?:brings?|brought|bringing)\s+to\s+{_FIG}\s+the\s+(?:number|toll|total)\s+of\s+(?:[\w-]+\s+){{0,3}}?"
               r"(?:killed|dead|deaths|who\s+(?:have|had)\s+died)"),
    ("injured", rf"\band\s+{_FIG}\s+the\s+number\s+(?:of\s+\w+\s+)?(?:wounded|injured)"),
    ("killed", rf"(?:documented|recorded|registered|counted)\s+{_FIG}\s+(?:\w+\s+)?(?:killings|homicides|murders|"
               r"deaths)\b"),
    ("killed", rf"{_FIG}\s+(?:\w+\s+)?(?:killings|homicides|murders)\s+(?:were|have\s+been|had\s+been)\s+"
               r"(?:recorded|registered|documented)"),
    ("displaced", rf"{_FIG}\s+(?:people\s+)?(?:remain|are\s+still|remained)\s+displaced\b"),
    ("attacks", rf"{_FIG}\s+(?:\w+\s+)?attacks\s+(?:were\s+)?(?:recorded|documented|registered)\b"),
    # "carried out more than 180 air strikes ... killing at least 320 civilians": many operations, one toll
    ("killed", rf"\b(?:carried\s+out|conducted|launched)\s+(?:more\s+than\s+|at\s+least\s+|over\s+)?\d[\d,]*\s+"
               rf"(?:[\w-]+\s+)?(?:air ?strikes|airstrikes|attacks|raids|strikes)\b[^.;]{{0,80}}?\bkilling\s+{_FIG}\s+"
               r"(?:people|civilians|persons|soldiers|villagers|children)\b"),
    ("attacks", rf"{_FIG}\s+(?:separate\s+|militant\s+|terrorist\s+|armed\s+|insurgent\s+)?(?:attacks|strikes|assaults)\b"),
    ("killed", rf"{_FIG}\s+(?:[A-Za-z-]+\s+){{0,2}}?[A-Za-z]+,?[^.;]{{0,80}}?\b(?:have|has|had)\s+(?:now\s+)?been\s+"
               r"(?:killed|martyred)"),
    # "the 15-year insurgency has killed more than 35,000 people"; "OCPNK has documented 386 civilians killed"
    ("killed", rf"\b(?:have|has|had)\s+(?:now\s+)?killed\s+{_FIG}\s+(?:people|civilians|persons|soldiers|\w+)"),
    ("killed", rf"(?:documented|recorded|registered|counted)\s+{_FIG}\s+(?:[a-z]+\s+)?killed"),
    ("abducted", rf"{_FIG}\s+(?:[a-z]+\s+)?(?:abducted|kidnapped)\b(?!\s+(?:by|from))"),
    # "documented 31 cases of abduction", "recorded 14 kidnappings", "42 people have been abducted since March"
    ("abducted", rf"{_FIG}\s+(?:[a-z]+\s+)?(?:cases|incidents)\s+of\s+(?:abduction|kidnapping|enforced\s+disappearance)"),
    ("abducted", rf"(?:documented|recorded|registered|counted)\s+{_FIG}\s+(?:[a-z]+\s+)?(?:kidnappings|abductions)\b"),
    ("abducted", rf"{_FIG}\s+(?:[A-Za-z]+\s+)?(?:have|has|had)\s+been\s+(?:abducted|kidnapped)\b"),
    ("displaced", rf"(?:forced|driven)\s+{_FIG}\s+(?:people\s+)?from\s+their\s+homes"),
    ("killed", rf"death toll[^.;\d]{{0,40}}?{_FIG}"),
    ("killed", rf"{_FIG}\s+(?:people\s+)?(?:have\s+)?(?:been\s+)?(?:killed|dead|deaths)\s+(?:since|so far|to date)"),
    # "killing more than 260 civilians", "with at least 112 people killed" in a running total
    ("killed", rf"\b(?:has|have)\s+(?:\w+\s+)?(?:hit|struck|targeted|attacked)\b[^.;]{{0,120}}?\bkilling\s+{_FIG}\s+"
               r"(?:people|civilians|persons|soldiers|villagers|children)\b"),
    ("killed", rf"\bwith\s+{_FIG}\s+(?:people|civilians|persons|soldiers)\s+killed\b"),
    # "1,412 people killed and 760 injured", "killed 96 civilians ... and wounded more than 400"
    ("injured", rf"\b(?:killed|dead)\s+and\s+{_FIG}\s+(?:[a-z]+\s+)?(?:injured|wounded)\b"),
    ("injured", rf"\band\s+(?:wounded|injured)\s+{_FIG}\b"),
    ("displaced", rf"\band\s+{_FIG}\s+(?:people\s+)?displaced\b"),
    ("injured", rf"{_FIG}\s+(?:[A-Za-z]+\s+)?(?:have|has)\s+(?:sustained|suffered)\s+injuries"),
    ("injured", rf"(?:sustained|suffered)\s+{_FIG}\s+injuries"),
    ("injured", rf"{_FIG}\s+(?:[A-Za-z]+\s+)?(?:have|has)\s+been\s+(?:injured|wounded)"),
    ("detained", rf"{_FIG}\s+(?:[A-Za-z]+\s+)?(?:have|has)\s+been\s+(?:arrested|detained)"),
    ("displaced", rf"{_FIG}\s+(?:[A-Za-z]+\s+)?(?:have|has)\s+been\s+(?:displaced|forced)"),
))
_INCLUDING = re.compile(rf"\bincluding\s+((?:{NUMBER}\s+[a-z]+(?:,\s*|\s+and\s+)?)+)", re.I)
_PART = re.compile(rf"(?P<n>{NUMBER})\s+(?P<what>[a-z]+)", re.I)
_TIMES_IN = re.compile(rf"(?P<n>{NUMBER})\s+(?:separate\s+)?times\s+in\s+(?P<place>[A-Z][\w-]+)", re.I)
_EXCLUDES = re.compile(r"\b(?:does not|do not|doesn't|don't|not)\s+include\s+(?:those\s+\w+\s+(?:during|in)\s+)?"
                       r"(?P<what>the\s+[^,.;]{3,60}?)(?=[,.;]|$)|\bexcluding\s+(?P<what2>[^,.;]{3,60})", re.I)
_SAID = re.compile(r"(?:,|\u201d|\")\s*(?P<who>(?:the\s+)?[^,.\u201c\u201d\"]{2,90}?)\s+(?:said|added|told|reported|"
                   r"announced|stated)(?P<rest>[^.]*)", re.I)
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>(?:the\s+)?[^,.;]{2,80})", re.I)
_CHANNEL = re.compile(r"media briefing|press briefing|briefing|press conference|statement|telegram", re.I)
_NAME = re.compile(r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})$")
_SCOPE_NOUN = re.compile(r"^\s*(?:[\u201c\"']\s*)?(?P<who>(?:[A-Z][A-Za-z]*\s+)?(?:[A-Za-z]+))\s+(?:have|has)\b")


def _sentences(text: str) -> list[tuple[int, int]]:
    from eventwire.nlp import split_sentences

    return list(split_sentences(text))


def _source(text: str, published: datetime | None, people: dict[str, Claim]) -> tuple[Claim | None, date | None]:
    m = _SAID.search(text)
    who = None
    rest = ""
    if m:
        who, rest = m.group("who").strip(), m.group("rest")
    else:
        m2 = _ACCORDING.search(text)
        if m2:
            who = m2.group("who").strip()
    if not who:
        return None, None
    who = re.sub(r"^the\s+", "", who, flags=re.I)
    name_m = _NAME.search(who)
    channel_m = _CHANNEL.search(rest or text)
    channel = channel_m.group(0).lower() if channel_m else None
    when = None
    if rest and published is not None:
        # "said during a media briefing on Tuesday": the day the figure was given, not a day it mentions
        found = [d for d in find_dates(rest, published) if d.span is not None
                 and re.search(r"\bon\s+$", rest[:d.span.start])]
        when = found[0].date if found else None
    if name_m:
        name = name_m.group("name")
        role = who[:name_m.start()].strip() or None
        if role:
            role = role.replace("\u2019s", "").replace("'s", "")
        claim = Claim(name, "reported", role, None, channel)
        people[name.split()[-1]] = claim
        return claim, when
    if who in people:  # "Singh added": the person named before
        prev = people[who]
        return replace(prev, channel=channel or prev.channel), when
    return Claim(who, "reported", None, None, channel), when


def _scope(sentence: str, fig_start: int, what: str, context: str, prev: Tally | None) -> tuple[str | None, str | None]:
    """(victim group, place) for a tally; the place may come from the sentences before."""
    subj = _SCOPE_NOUN.match(sentence)
    who = None
    after = sentence[fig_start:]
    m = re.match(rf"{_QUAL}{NUMBER}\s+(?P<who>[A-Z][a-z]+|individuals|people|civilians|children)", after, re.I)
    if m and what in {"killed", "injured", "detained", "displaced"} and not re.match(r"times|injuries", m.group("who")):
        who = m.group("who")
    elif subj:
        who = subj.group("who").strip()
    place = None
    pm = re.search(r"\bin\s+(?P<p>(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)", sentence[fig_start:])
    if pm:
        place = pm.group("p")
    elif who:
        cm = re.search(rf"\b{re.escape(who)}\s+in\s+(?P<p>(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)", context)
        if cm:
            place = cm.group("p")
    return who, place


def find_tallies(text: str, published: datetime | None, *, offset: int = 0,
                 article_id: str | None = None) -> list[Tally]:
    out: list[Tally] = []
    people: dict[str, Claim] = {}
    sents = _sentences(text)
    for i, (s, e) in enumerate(sents):
        sent = text[s:e]
        nxt = text[sents[i + 1][0]:sents[i + 1][1]] if i + 1 < len(sents) else ""
        context = text[sents[max(0, i - 2)][0]:s]
        if not _CUMULATIVE.search(sent) and not re.search(r"\bas well\b|\bthese attacks\b", sent, re.I):
            continue
        if not _CUMULATIVE.search(_WEAK_MARKER.sub(" ", sent)) and not _TALLY_PERIOD.search(sent) and \
                not re.search(r"\bas well\b|\bthese attacks\b", sent, re.I):
            continue  # "monitors have so far documented 11 people killed": one event's toll, no period
        if _ONE_EVENT.search(sent) and not _CUMULATIVE.search(_PERFECT.sub(" ", sent)) and \
                not _SEVERAL_EVENTS.search(sent):
            continue
        kinds: set[str] = set()
        for what, rx in _WHAT:
            # "according to a count", "a coalition ... have been killed": an article, not a figure
            m = rx.search(sent)
            while m is not None and re.fullmatch(r"(?i)an?", m.group("fig").strip()):
                m = rx.search(sent, m.end("fig"))
            if not m or what in kinds:
                continue
            count = parse_count(m.group("fig"))
            if count is None or count.best is None:
                continue
            kinds.add(what)
            fig_start = m.start("fig")
            prev = out[-1] if out else None
            continues = bool(re.search(r"\bas well\b|\bthese attacks\b|\badded\b", sent, re.I)) and prev is not None
            who, place = _scope(sent, fig_start, what, context, prev)
            since = next((d for d in find_dates(sent, published, offset=offset + s, article_id=article_id)
                          if (d.phrase or "").lower().startswith("since")), None)
            breakdown: dict[str, int] = {}
            inc = _INCLUDING.search(sent)
            if inc:
                for part in _PART.finditer(inc.group(1)):
                    c = parse_count(part.group("n"))
                    if c is not None and c.best is not None:
                        breakdown[part.group("what").lower()] = c.best
            for tm in _TIMES_IN.finditer(sent + " " + nxt):
                c = parse_count(tm.group("n"))
                if c is not None and c.best is not None:
                    breakdown[tm.group("place")] = c.best
            source, spoke = _source(sent + " " + nxt if not _SAID.search(sent) else sent, published, people)
            exc = _EXCLUDES.search(sent)
            excludes = (exc.group("what") or exc.group("what2")).strip() if exc else None
            if excludes:
                excludes = re.sub(r"^the\s+", "the ", excludes)
            if continues and prev is not None:
                since = since or prev.since
                source = source or prev.source
                if re.search(r"\bas well\b", sent, re.I) and prev.victim_group:
                    who, place = prev.victim_group, prev.place
            scope_place = place
            if what == "attacks" and breakdown and not place:
                scope_place = " and ".join(k for k in breakdown if k[:1].isupper())
            scope = who
            if who and scope_place:
                scope = f"{who} in {scope_place}"
            if who and re.search(r"\bin these attacks\b", sent, re.I):
                scope = f"{who} in these attacks"
            as_of = spoke or (prev.as_of if continues and prev is not None else None) or \
                (published.date() if published else None)
            span = Span(offset + s, offset + e, sent, article_id)
            out.append(Tally(what, count, scope, scope_place, who, None, since, as_of, breakdown, source,
                             excludes, span, article_id))
        out.extend(t for t in _ordinal_tallies(sent, s, text, published, offset, article_id, people)
                   if t.what not in kinds)
    return out


_ORDINALS = {w: i for i, w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth", "tenth", "eleventh", "twelfth"), start=1)}
# "the fifth cross-river raid ... since early August", "the 11th bombing in Narathiwat since January"
# "since January", "this year", "in November": the period the count covers
_PERIOD = rf"(?:\bsince\b|\b(?:this|so far this|earlier this) (?:year|month)\b|\bin {_MONTH_NAMES}\b)"
_ORDINAL = re.compile(r"\bthe\s+(?P<ord>" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+(?:such\s+)?"
                      r"(?:(?P<what>(?:[\w-]+\s+){0,2}?(?:attack|raid|bombing|bomb|strike|explosion|assault|ambush|"
                      r"killing|abduction|kidnapping|incident|seat|town|village|massacre|shooting))\b|"
                      # "the attack was the fourth on a political gathering since 2023": the noun is understood
                      r"(?=(?:on|against)\s))"
                      rf"(?P<rest>[^.;]{{0,80}}?{_PERIOD})", re.I)


def _plural(noun_phrase: str) -> str:
    words = noun_phrase.lower().split()
    last = words[-1]
    words[-1] = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
    return " ".join(words)


def _ordinal_tallies(sent: str, s: int, text: str, published: datetime | None, offset: int,
                     article_id: str | None, people: dict[str, Claim]) -> list[Tally]:
    m = _ORDINAL.search(sent)
    if m is None:
        return []
    word = m.group("ord").lower()
    n = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    count = parse_count(str(n))
    if count is None:
        return []
    since = next((d for d in find_dates(sent, published, offset=offset + s, article_id=article_id)
                  if (d.phrase or "").lower().startswith("since")), None)
    place_m = re.search(r"\bin\s+(?P<p>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)", m.group("rest"))
    source, spoke = _source(sent, published, people)
    as_of = spoke or (published.date() if published else None)
    place = place_m.group("p") if place_m else None
    # "Monday's attack was the fifth raid since August" is all tally; in "Gunmen killed five in X, the
    # third such attack since May" only the ordinal phrase is, and the event stays an event
    start = 0 if _COPULA.match(sent[:m.start()]) else m.start()
    what = _plural(m.group("what")) if m.group("what") else "attacks"
    if re.search(r"(?:attack|raid|assault|ambush)s$", what):
        what = "attacks"  # "the fifth raid", "the ninth Turkish drone attack": attacks, as analysts count them
    return [Tally(what, count, place, place, None, None, since, as_of, {}, source, None,
                  Span(offset + s + start, offset + s + len(sent), sent[start:], article_id), article_id)]


_COPULA = re.compile(r"^\s*(?:[\w'’-]+\s+){0,6}?(?:was|is|marks?|marked|became|becomes|has become)\s+$", re.I)

