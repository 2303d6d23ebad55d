"""Casualty figures: parse one count phrase, find the victim counts a sentence states.

Choices (ACLED codes the conservative figure; ``exact`` is True only for a plain stated number):

- plain "8", "eight", "5,840", "14 128", "one hundred and twenty", "a"/"one" (soldier) →
  low = best = high = N, exact. "no"/"none" → 0, exact (only when the text says none).
- "at least N", "no fewer than N" → low N, best N, qualifier "at least".
- "more than N", "over N", "upwards of N" → low N+1, best N (the stated figure, as the seed gold codes it), qualifier "more than".
- "approximately/about/around/roughly/some/an estimated N" → best N, qualifier "approximately".
- "nearly/almost/close to N" → best N, high N, qualifier "nearly".
- "up to N", "as many as N" → best N, high N, qualifier "up to"; "fewer than N" → best, high N-1.
- ranges "between 10 and 15", "10-15", "10 to 15", "two or three" → low 10, best 10, high 15,
  qualifier "between" (the lower figure is the conservative best).
- vague words take the least the word can mean, with the word as qualifier: "a dozen" 12,
  "two dozen" 24, "dozens" 12 and "hundreds" 100 (ACLED's codes), "scores" 40, "thousands" 2000, "several" 3,
  "a few"/"a number of"/"a handful of" 2, "many"/"numerous" 3. Never exact.

In ``find_casualties`` a figure counts only when tied to a victim verb or noun (killed, dead, died,
deaths, death toll, lives, fatalities, bodies; injured, wounded, hurt, injuries; detained,
arrested, held, in custody; abducted, kidnapped, taken hostage; displaced, fled their homes), so
"two missiles", "30 rockets" or "three drones" never count. "including two children" is a
breakdown, not a total. Coordinated subjects add up ("Eight fighters and four soldiers were
killed" → 12). "casualties" alone is ambiguous (killed + injured): it fills "injured" only when
the sentence states no separate killed figure, and never fills "killed". A "death toll" figure
wins over other killed figures of the sentence; otherwise the first figure per kind is kept.
"no casualties" → killed 0 and injured 0; "no casualty figures" is unknown (nothing).
"""

from __future__ import annotations

import re

from eventwire.models import Count, Span

__all__ = ["parse_count", "find_casualties", "KINDS", "NUMBER"]

KINDS = ("killed", "injured", "detained", "abducted", "displaced")

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# least value, qualifier
_VAGUE = {
    # ACLED's codebook codes "dozens" as 12 and "hundreds" as 100; the other words take the least they can mean
    "dozens": (12, "dozens"), "scores": (40, "scores"), "hundreds": (100, "hundreds"),
    "thousands": (2000, "thousands"), "several": (3, "several"), "a few": (2, "a few"),
    "a number": (2, "a number of"), "a handful": (2, "a handful"), "many": (3, "many"),
    "numerous": (3, "numerous"),
}

_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN_RE = "|".join(_TENS)
_W1 = rf"(?:(?:{_TEN_RE})(?:[-\s](?:{_UNIT_RE}))?|{_UNIT_RE})"
_WORDS = rf"(?:{_W1}|a)(?:\s+(?:hundred|thousand|million|dozen)(?:\s+(?:and\s+)?{_W1}(?![-\w]))?)*"
# a bare year is a figure only before a person noun ("2000 people"), not in "By the end of 1972, 496"
_YEAR_NOT_COUNT = r"(?!(?:19|20)\d\d\b(?!\s+(?:people|civilians|soldiers|troops|persons|protesters|migrants|refugees)))"
_DIGITS = (rf"{_YEAR_NOT_COUNT}(?:\d{{1,3}}(?:(?:,|\u00a0|\u202f|\s)\d{{3}})+(?!\d)|"
           r"\d+(?:\.\d+)?(?:\s+(?:thousand|million))?)")
_VAGUE_RE = r"dozens|scores|hundreds|thousands|several|a\s+few|a\s+number|a\s+handful|many|numerous"
_NUM_PLAIN = rf"(?:{_DIGITS[len(_YEAR_NOT_COUNT):]}|(?:{_VAGUE_RE})(?![-\w])|(?:{_WORDS})(?![-\w])|an|both)"
_NUM = rf"(?:{_DIGITS}|(?:{_VAGUE_RE})(?![-\w])|(?:{_WORDS})(?![-\w])|an|both(?![-\w]))"
NUMBER = _NUM  # a figure in digits, words or vague words (for other extractors' patterns)
_QUAL = (r"another|at\s+least|no\s+fewer\s+than|no\s+less\s+than|more\s+than|over|upwards\s+of|in\s+excess\s+of|"
         r"approximately|about|around|roughly|some|an\s+estimated|nearly|almost|close\s+to|up\s+to|"
         r"as\s+many\s+as|fewer\s+than|less\s+than|at\s+most")
_FIG = (rf"(?:(?:{_QUAL})\s+)?(?:between\s+{_NUM}\s+and\s+{_NUM}|{_NUM}(?:\s*(?:-|–|to|or)\s*{_NUM})?)"
        rf"(?:\s+of)?")

_PERSON = (r"(?:people|persons?|civilians?|soldiers?|troops|servicem[ae]n|service\s+members?|personnel|"
           r"policem[ae]n|kh(?:a)?warij|police(?:\s+officers?)?|officers?|guards?|militants?|fighters?|guerrillas?|"
           r"jawans?|constables?|cadres?|insurgents?|rebels?|"
           r"gunmen|gunman|attackers?|assailants?|jihadists?|militiamen|children|child|kids?|boys?|girls?|"
           r"babies|baby|women|woman|men|man|teenagers?|students?|pupils?|villagers?|residents?|farmers?|"
           r"herders?|workers?|passengers?|protesters?|demonstrators?|worshippers?|pilgrims?|journalists?|"
           r"members?|individuals?|others?|victims?|family\s+members|relatives|Palestinians?|Israelis?|"
           r"Ukrainians?|Americans?|Iraqis?|Syrians?|Afghans?|nationals?|migrants?|refugees?|"
           r"suspects?|thieves|thief|hostages?|staff(?:ers)?|employees?|doctors?|nurses?|paramedics?|"
           r"more|engineers?|technicians?|officials?|teachers?|volunteers?|peacekeepers?|contractors?|sailors?|crew(?:\s+members)?|recruits?|cadets?|"
           r"combatants?|members\s+of\s+[\w\s-]{1,40}?|inhabitants?|locals?|bystanders?|pedestrians?|"
           r"families|households|customers?|shoppers?|guests?|mourners?|miners?|fishermen|traders?|truckers?|drivers?|"
           r"rangers?|bandits?|separatists?|terrorists?|extremists?|kidnappers?|abductors?|criminals?|gangsters?|"
           r"gang\s+members?|youths?|activists?|rioters?|commuters?|tourists?|labou?rers?|comrades?|operatives?|"
           r"elements?|soldiers\s+and\s+\w+|militia\s+members?|combatants?|detainees?|prisoners?|inmates?|"
           r"raiders?|herdsmen|commanders?|leaders?|chiefs?|bodyguards?|escorts?|brothers?|sons?|daughters?|"
           r"wives|wife|husbands?|fathers?|mothers?|infants?|toddlers?|elders?|clerics?|imams?|priests?|pastors?|"
           r"monks?|nuns?|lawyers?|judges?|politicians?|candidates?|councillors?|chairm[ae]n|lawmakers?|"
           r"administrators?|headm[ae]n|mayors?|governors?|ministers?|sergeants?|corporals?|lieutenants?|"
           r"captains?|colonels?|constables?|gendarmes?|agents?|businessm[ae]n|merchants?|shopkeepers?|"
           r"vendors?|shepherds?|motorists?|motorcyclists?|cyclists?|patients?|worshipers?|sisters?|"
           r"nephews?|nieces?|cousins?|uncles?|aunts?|grand(?:sons?|daughters?|fathers?|mothers?|children)|"
           r"friends?|colleagues?|travell?ers?|hikers?|tourists?|pickers?|harvesters?|loggers?|hunters?)")
# up to three modifiers between the figure and the person noun ("three Ukrainian soldiers")
_NOT_MODIFIER = (r"(?!(?:and|or|but|in|on|at|by|with|from|to|were|was|had|have|has|are|is|killed|killing|injured|"
                 # a figure or a clause starts a new phrase: "a statement that three fighters"
                 rf"injuring|wounded|wounding|hostages?|that|which|who|whom)\b|(?:{_UNIT_RE}|\d+)(?![-\w]))")
# "two guerrillas of the People's Defence Forces (HPG)": whose they are, named, belongs to the figure
_OF_GROUP = r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}(?:\s*\([A-Z][A-Z-]{1,7}\))?))?"
_NP = rf"(?:\s+(?:{_NOT_MODIFIER}(?:[\"“”]?[\w’'-]+[\"“”]?|(?:\w\.)+)\s+){{0,3}}{_PERSON}\b{_OF_GROUP})?"
# a further coordinated part must name people: "a woman and an elderly man", not "40 militants and three
# armoured vehicles"
_NP_PERSON = rf"(?!\s+(?:of\s+)?(?:them|whom)\b)\s+(?:{_NOT_MODIFIER}(?:[\"“”]?[\w’'-]+[\"“”]?|(?:\w\.)+)\s+){{0,3}}{_PERSON}\b"
_INCL = (r"(?:\s*[,(–-]\s*(?:including|among\s+them|mostly|most\s+of\s+them)\b(?:[^,()–]|(?<=\d),(?=\d)){0,80}"
         r"[,)–]|"
         # "Three people - two students and a rickshaw puller - were killed": an aside between dashes
         r"\s+[-–—]\s+[^-–—.]{2,80}?\s+[-–—]|"
         # "three gunmen, whom he identified as members of La Familia Michoacana, were killed"
         r"\s*,\s*(?:whom|who)\b[^,.]{2,100},|"
         # "a man in his fifties, a retired teacher from the Alawite community, was shot dead"
         r"\s+in\s+(?:his|her|their)\s+(?:early\s+|late\s+|mid-?)?(?:teens|twenties|thirties|forties|fifties|"
         r"sixties|seventies|eighties|\d0s)|\s*,\s*(?:a|an)\s+[^,.]{2,80},){0,2}")
_AUX = (r"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|been|have|has|had|got|"
        r"reportedly|also|later|allegedly|all|both|subsequently|confirmed|in\s+total))*")

_PASSIVE = (r"killed|dead|died|slain|shot\s+dead|gunned\s+down|executed|massacred|beheaded|lynched|"
            r"(?:beaten|stabbed|hacked|burned|burnt|stoned|clubbed)\s+to\s+death|burn(?:ed|t)\s+alive|"
            r"lost\s+their\s+lives|perished|martyred|neutrali[sz]ed|eliminated|sent\s+to\s+hell|(?:sustained|suffered)\s+(?:\w+\s+){0,2}(?:injuries|wounds)|wounded|injured|hurt|maimed|arrested|detained|held|rounded\s+up|"
            r"taken\s+into\s+custody|in\s+custody|abducted|kidnapped|taken\s+hostage|seized|displaced|"
            r"fled\s+their\s+homes|forced\s+to\s+flee|made\s+homeless")
_ACTIVE = (r"killed|killing|kills|kill|wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|"
           r"arrested|arresting|arrests|detained|detaining|detains|abducted|abducting|abducts|kidnapped|"
           r"kidnapping|kidnaps|displaced|displacing|executed|executing|shot\s+dead|shooting\s+dead|"
           r"gunned\s+down|gunning\s+down|massacred|massacring|lynched|lynching|beheaded|"
           r"claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|took|taking|takes|beat|beating|"
           r"forced|forcing|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|liquidated|martyred|martyring|"
           # nominal: "the slaying of seven demonstrators", "the abduction of 12 students"
           r"(?:killing|slaying|murder|massacre|execution|deaths?|arrest|detention|abduction|kidnapping)s?\s+of")
_NOUNS = (r"injuries|injured|wounded|deaths|dead|fatalities|casualties|killed|bodies|lives\s+lost|"
          r"arrests|detentions|abductions|kidnappings|displaced|hostages")

# "a woman and her 67-year-old husband": one more person, named by kinship
_KIN_ONE = (r"(?:his|her|their)\s+(?:[\w'-]+\s+){0,2}?(?:husband|wife|son|daughter|brother|sister|father|mother|"
            r"child|baby|nephew|niece|cousin|uncle|aunt|grandson|granddaughter|grandfather|grandmother|friend|"
            r"driver|colleague|bodyguard)\b(?!-)")
_SUBJ = rf"(?P<subj>{_FIG}{_NP}(?:\s*(?:,|and|,\s*and)\s+(?:{_FIG}{_NP}|{_KIN_ONE})){{0,3}})"
_PASSIVE_RE = re.compile(rf"\b{_SUBJ}{_INCL}{_AUX}\s+[\"“]?(?P<verb>{_PASSIVE})\b", re.I)
_ACTIVE_RE = re.compile(
    # "killing a woman and an elderly man": coordinated figures add up, as in the passive
    # (a list ends with "and": "four policemen, a senior officer said" is no list)
    rf"\b(?P<verb>{_ACTIVE})\s+(?P<subj>{_FIG}{_NP}(?:(?:\s*,\s+{_FIG}{_NP_PERSON}){{0,2}}\s*,?\s+and\s+"
    rf"(?:{_FIG}{_NP_PERSON}|{_KIN_ONE})(?!\s+(?:was|were|had|has|have|is|are)\b))?)"
    rf"(?P<tail>\s+(?:hostage|captive|to\s+death|to\s+flee)s?)?\b",
    re.I)
_LEAVE_RE = re.compile(
    rf"\b(?:leaving|left|leaves|leave)\s+(?P<subj>{_FIG}{_NP})\s+(?P<verb>dead|injured|wounded|hurt|displaced|"
    rf"homeless)\b", re.I)
_NOUN_RE = re.compile(rf"\b(?P<subj>{_FIG})\s+(?:(?!and\b)[\w-]+\s+)?(?P<verb>{_NOUNS})\b", re.I)
_TOLL_RE = re.compile(
    rf"\b(?P<verb>death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed))\b(?:\s+[\w-]+){{0,4}}?\s+"
    rf"(?:to|at|of|reached|hit|is|was|stood\s+at|stands\s+at)\s+(?P<subj>{_FIG})", re.I)
# "The death toll from Sunday's suicide bombing at a rally in Bajaur rose to 16"
_TOLL_ROSE_RE = re.compile(
    rf"\bdeath\s+toll\b[^.;\d]{{0,160}}?\b(?:rose|risen|climbed|reached|increased|jumped)\s+(?:to\s+)?"
    rf"(?P<subj>{_FIG})", re.I)
# "a drone struck a car, injuring the 52-year-old driver": one person, named by role
_THE_ONE_RE = re.compile(r"\b(?P<verb>killing|injuring|wounding)\s+(?P<subj>(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:driver|passenger|cyclist|pedestrian|owner|pilot|farmer|shepherd|guard|watchman|imam|"
                         r"teacher|conductor|vendor|chief|headman|mayor|commander|officer|soldier|policeman))\b(?!s)"
                         # "opened fire on the headman, killing him instantly"
                         r"|\b(?P<verb2>killing|injuring|wounding)\s+(?P<subj2>him|her)\b(?!\s+and\b)",
                         re.I)
# "opened fire on two brothers ..., killing both": the figure named before
_BOTH_RE = re.compile(r"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured)\s+(?:them\s+)?"
                      r"(?:(?P<both>both)|all\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,3}))\b", re.I)
# "the body of a community leader was found", "the bodies of four men": the dead
_BODIES_RE = re.compile(rf"\bbod(?:y|ies)\s+of\s+(?P<subj>{_FIG}{_NP})", re.I)
# "lost two of its own men", "lost three soldiers": a side's own dead
_LOST_RE = re.compile(rf"\blost\s+(?P<subj>{_FIG}\s+(?:(?:its|their|his|our)\s+)?(?:own\s+)?(?:men|fighters|soldiers|"
                      r"troops|members|comrades|officers|personnel|policemen|combatants))\b", re.I)
_SCARE_QUOTES = re.compile(r"[\"“”‘’']([\w-]+)[\"“”‘’']|[\"“”]((?:[\w-]+ ){1,3}[\w-]+)[\"“”]")
_LIVES_RE = re.compile(rf"\b(?:claimed|claiming|cost|costing)\s+(?P<subj>{_FIG})\s+(?P<verb>lives)\b", re.I)
_ZERO_RE = re.compile(
    r"\b(?:no|zero|without(?:\s+any)?)\s+(?:immediate\s+|reported\s+)?(?:reports?\s+of\s+)?(?:any\s+)?"
    r"(?P<verb>casualties|injuries|deaths|fatalities|injured|dead|arrests)\b(?!\s+(?:figures?|numbers?|details?|toll))"
    r"|\b(?:no\s+one|nobody|none)\s+(?:\w+\s+){0,2}?(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
    r"(?P<verb2>killed|hurt|injured|wounded|harmed|arrested|detained|abducted)\b"
    # "No one was killed or injured": both figures are zero
    r"(?:\s+or\s+(?P<verb3>injured|wounded|hurt|killed))?",
    re.I)
_EXCLUDE_BEFORE = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|incl\.)\s*$|\b(?:aged|age|ages)\s+$", re.I)
_ACTIVE_SKIP_NEXT = re.compile(rf"\s+(?:the|a|an|his|her|their|its|\d+|{_UNIT_RE}|{_PERSON})\b", re.I)

_KIND_OF = (
    ("killed", r"kill|dead|died|slain|slay|murder|death|toll|fatalit|executed|executing|execution|massacr|behead|"
               r"neutrali|eliminat|liquidat|"
               r"lynch|lives|martyr|"
               r"perished|bodies|gunned|gunning|beat|sent\s+to\s+hell|to\s+death|burn(?:ed|t)\s+alive"),
    ("injured", r"wound|injur|hurt|maim|casualt"),
    ("detained", r"arrest|detain|detention|held|custody|rounded"),
    ("abducted", r"abduct|kidnap|hostage|captive|seized|took|taking|takes"),
    ("displaced", r"displac|fled|flee|homeless"),
)


def _kind(verb: str, tail: str = "") -> str | None:
    v = (verb + " " + tail).lower()
    if re.match(r"(?:took|taking|takes)\b", v) and not re.search(r"hostage|captive", v):
        return None
    if re.match(r"(?:forced|forcing)\b", v) and "flee" not in v:
        return None
    if re.match(r"(?:beat|beating)\b", v) and "death" not in v:
        return None
    for kind, pattern in _KIND_OF:
        if re.search(pattern, v):
            return kind
    return None


# --- parse_count ------------------------------------------------------------------------------

def _words_value(words: str) -> int | None:
    tokens = re.split(r"[\s-]+", words.lower().strip())
    total, current, seen = 0, 0, False
    for tok in tokens:
        if tok == "and":
            continue
        if tok in {"a", "an"}:
            current, seen = 1, True
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in {"thousand", "million"}:
            total += (current or 1) * _SCALES[tok]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _number(text: str) -> tuple[int, str | None] | None:
    """Value of one number (no qualifier) and the vague word if it is one."""
    t = " ".join(text.lower().split())
    t = re.sub(r"\s+of$", "", t)
    if t == "both":
        return 2, None
    for word, (value, qual) in _VAGUE.items():
        if t == word:
            return value, qual
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s+(thousand|million)", t)
    if m:
        return int(float(m.group(1)) * _SCALES[m.group(2)]), None
    digits = re.sub(r"[,\u00a0\u202f ]", "", t)
    if re.fullmatch(r"\d+", digits):
        return int(digits), None
    value = _words_value(t)
    if value is None:
        return None
    return value, ("a dozen" if t == "a dozen" else "dozen" if "dozen" in t else None)


_PARSE_RE = re.compile(
    rf"^(?:(?P<qual>{_QUAL})\s+)?(?:between\s+(?P<a>{_NUM_PLAIN})\s+and\s+(?P<b>{_NUM_PLAIN})|"
    rf"(?P<x>{_NUM_PLAIN})(?:\s*(?:-|–|to|or)\s*(?P<y>{_NUM_PLAIN}))?)(?:\s+of)?$", re.I)
_QUAL_NAMES = (
    ("at least", "at least"), ("no fewer", "at least"), ("no less", "at least"), ("more than", "more than"),
    ("over", "more than"), ("upwards", "more than"), ("in excess", "more than"), ("nearly", "nearly"),
    ("almost", "nearly"), ("close to", "nearly"), ("up to", "up to"), ("as many", "up to"),
    ("fewer", "fewer than"), ("less", "fewer than"), ("at most", "up to"),
)


def parse_count(phrase: str) -> Count | None:
    """A Count for one figure phrase ("at least 12", "two dozen", "between 10 and 15"), or None.

    The rules are in the module docstring. Unparseable text gives None, never an error.
    """
    text = " ".join(phrase.strip().split())
    if re.fullmatch(r"(?i)no|none|zero", text):
        return Count(0, 0, 0, None, True)
    m = _PARSE_RE.match(text)
    if m is None:
        return None
    qual_text = (m.group("qual") or "").lower()
    qual = next((name for key, name in _QUAL_NAMES if qual_text.startswith(key)), None)
    if qual is None and qual_text and qual_text != "another":
        qual = "approximately"
    if m.group("a") or m.group("y"):
        first = _number(m.group("a") or m.group("x"))
        second = _number(m.group("b") or m.group("y"))
        if first is None or second is None or second[0] < first[0]:
            return None
        return Count(first[0], first[0], second[0], qual or "between", False)
    got = _number(m.group("x"))
    if got is None:
        return None
    n, vague = got
    if qual == "at least":
        return Count(n, n, None, qual, False)
    if qual == "more than":
        return Count(n + 1, n, None, qual, False)
    if qual in {"nearly", "up to"}:
        return Count(None, n, n, qual, False)
    if qual == "fewer than":
        return Count(None, max(0, n - 1), max(0, n - 1), qual, False)
    if qual == "approximately":
        return Count(None, n, None, qual, False)
    if vague:
        return Count(n, n, None, vague, False)
    return Count(n, n, n, None, True)


# --- find_casualties ------------------------------------------------------------------------

def _figures(subj: str) -> list[tuple[int, int]]:
    """Figure positions inside a (possibly coordinated) subject."""
    return [(m.start(), m.end()) for m in re.finditer(rf"\b{_FIG}(?![\w-])", subj, re.I)
            if parse_count(m.group(0)) is not None]


def _sum(counts: list[Count]) -> Count:
    if len(counts) == 1:
        return counts[0]

    def add(attr: str) -> int | None:
        values = [getattr(c, attr) for c in counts]
        return None if any(v is None for v in values) else sum(values)

    quals = {c.qualifier for c in counts if c.qualifier}
    return Count(add("low"), add("best"), add("high"), quals.pop() if len(quals) == 1 else
                 ("at least" if quals else None), all(c.exact for c in counts))


_LUMPED = re.compile(r"(?:\b(?:killed|dead) (?:and|or) (?:wounded|injured)|\b(?:wounded|injured) (?:and|or) "
                     r"(?:killed|dead))\b(?!\s+(?:people|persons|civilians|soldiers|were|was|are)\b)", re.I)


def lumped_toll(text: str) -> bool:
    """The sentence gives one figure for the dead and wounded together ("up to 15 killed and wounded")."""
    return bool(_LUMPED.search(text))


def find_casualties(text: str, *, offset: int = 0, article_id: str | None = None,
                    both_sides: bool = False) -> dict[str, Count]:
    """Victim figures a sentence states, by kind ("killed", "injured", "detained", "abducted", "displaced").

    Each Count carries the Span (offset-adjusted) of its figure phrase, e.g. "eight injuries". With
    ``both_sides`` (a battle), the dead of each side add up as ACLED counts them: "killing 11 of them ...
    three soldiers were killed" is 14.
    """
    source = text
    # scare quotes around single words ('had "neutralised" about a dozen "terrorists"') are not part of the phrase;
    # blanking them keeps every offset
    text = _SCARE_QUOTES.sub(lambda m: " " + (m.group(1) or m.group(2)) + " ", text)
    found: list[tuple[int, str, Count, int]] = []  # (start, kind, count, rank: 2 toll, 1 plain, 0 "casualties")
    taken: list[tuple[int, int]] = []

    def overlaps(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in taken)

    def add(kind: str | None, start: int, end: int, count: Count | None, rank: int = 1) -> None:
        if kind is None or count is None or overlaps(start, end):
            return
        if _EXCLUDE_BEFORE.search(text[max(0, start - 25):start]):
            return
        taken.append((start, end))
        found.append((start, kind, Count(count.low, count.best, count.high, count.qualifier, count.exact,
                                         Span(offset + start, offset + end, source[start:end], article_id)), rank))

    for m in _LUMPED.finditer(text):
        # "up to 15 servicemen killed and wounded": one figure for both, so neither toll is known
        taken.append((max(0, m.start() - 40), m.end()))

    for m in _ZERO_RE.finditer(text):
        word = (m.group("verb") or m.group("verb2")).lower()
        kinds = ["killed", "injured"] if word == "casualties" else [_kind(word)]
        if m.group("verb3"):
            kinds.append(_kind(m.group("verb3").lower()))
        for kind in kinds:
            taken.append((m.start(), m.end()))
            if kind is not None and not any(k == kind for _, k, _, _ in found):
                found.append((m.start(), kind, Count(0, 0, 0, None, True, Span(
                    offset + m.start(), offset + m.end(), source[m.start():m.end()], article_id)), 1))

    for rx in (_TOLL_RE, _TOLL_ROSE_RE):
        for m in rx.finditer(text):
            add("killed", m.start("subj"), m.end("subj"), parse_count(m.group("subj")), rank=2)
    for m in _THE_ONE_RE.finditer(text):
        g = "" if m.group("verb") else "2"
        add(_kind(m.group("verb" + g).lower()), m.start("subj" + g), m.end("subj" + g), parse_count("one"))
    for m in _BOTH_RE.finditer(text):
        add(_kind(m.group("verb").lower()), m.start(), m.end(),
            parse_count("two" if m.group("both") else m.group("n")))
    for m in _BODIES_RE.finditer(text):
        if re.match(r"(?i)an?\b", m.group("subj")) and not re.search(_PERSON, m.group("subj"), re.I):
            continue
        add("killed", m.start("subj"), m.end("subj"), _subject_count(m.group("subj")))
    for m in _LOST_RE.finditer(text):
        add("killed", m.start("subj"), m.end("subj"), _subject_count(m.group("subj")))
    for m in _LIVES_RE.finditer(text):
        add("killed", m.start("subj"), m.end("verb"), parse_count(m.group("subj")))
    for m in _LEAVE_RE.finditer(text):
        add(_kind(m.group("verb")), m.start("subj"), m.end("subj"), _subject_count(m.group("subj")))
    for m in _ACTIVE_RE.finditer(text):
        subj = m.group("subj")
        if re.match(r"(?i)(?:an?|one)\b", subj) and not re.search(_PERSON, subj, re.I):
            continue  # "killed a" / "killing one" without a person noun
        tail = m.group("tail") or ""
        subj = _total_first(subj)
        end = m.start("subj") + len(subj)
        hostage = re.search(r"\s+hostages?$", subj, re.I)
        if hostage and re.match(r"(?i)t[oa]" , m.group("verb")):  # "took five villagers hostage"
            tail, end = hostage.group(0), m.start("subj") + hostage.start()
            subj = subj[:hostage.start()]
        add(_kind(m.group("verb"), tail), m.start("subj"), end, _subject_count(subj))
    passives = list(_PASSIVE_RE.finditer(text))
    for m in list(passives):
        # "killing three of the attackers, and one soldier was wounded": the passive list that began inside the
        # active figure starts again after it
        if overlaps(m.start("subj"), m.end("subj")):
            cut = max((e for s, e in taken if s < m.end("subj") and m.start("subj") < e), default=None)
            if cut is not None and cut < m.start("verb"):
                again = _PASSIVE_RE.search(text, cut)
                if again is not None and again.start("verb") == m.start("verb") and again.start("subj") >= cut:
                    passives.append(again)
    for m in passives:
        verb = m.group("verb")
        subj = m.group("subj")
        if not text[m.end("subj"):m.start("verb")].strip() and _looks_active(text, m):
            continue  # "3 soldiers killed two militants": active, the figure is the agent
        if re.match(r"(?i)an?\b", subj) and not re.search(_PERSON, subj, re.I):
            continue
        if verb.lower() in {"held", "seized"} and not re.search(_PERSON, subj, re.I):
            continue  # "a rally was held", "weapons were seized"
        add(_kind(verb), m.start("subj"), m.end("subj"), _subject_count(subj))
    for m in _NOUN_RE.finditer(text):
        subj = m.group("subj")
        if re.fullmatch(r"(?i)an?(?:\s+of)?", subj.strip()):
            continue
        verb = m.group("verb")
        if _looks_active(text, m):
            continue
        add(_kind(verb), m.start("subj"), m.end("verb"), parse_count(subj),
            rank=0 if verb.lower() == "casualties" else 1)
    found.sort(key=lambda t: t[0])
    has_killed = any(k == "killed" for _, k, _, _ in found)
    out: dict[str, Count] = {}
    for kind in KINDS:
        ranked = [(rank, count) for _, k, count, rank in found if k == kind and (rank or not has_killed)]
        if ranked:
            best_rank = max(r for r, _ in ranked)
            out[kind] = next(c for r, c in ranked if r == best_rank)
    if both_sides and "killed" in out:
        plain = [c for _, k, c, r in found if k == "killed" and r == 1 and c.best and c.span]

        def who(c: Count) -> str:  # "11 of" + " them": the figure's noun may follow its span
            return text[c.span.start - offset:c.span.end - offset + 8]

        ours = [c for c in plain if _OWN_SIDE.search(who(c)) and not _OTHER_SIDE.search(who(c))]
        theirs = [c for c in plain if _OTHER_SIDE.search(who(c)) and not _OWN_SIDE.search(who(c))]
        first, second = sorted((ours[0], theirs[0]) if len(ours) == 1 and len(theirs) == 1 else (),
                               key=lambda c: c.span.start) or (None, None)
        # "Six soldiers were martyred when a bomber rammed a convoy, ..., adding that four 'khwarij' were killed in
        # an operation": the second figure is another event's
        if first is not None and not _ANOTHER_FIGHT.search(text[first.span.end - offset:second.span.start - offset]):
            a, b = ours[0], theirs[0]
            out["killed"] = Count((a.low or a.best) + (b.low or b.best), a.best + b.best,
                                  (a.high or a.best) + (b.high or b.best), None, a.exact and b.exact,
                                  b.span if b.span.start < a.span.start else a.span)
    return out


_ANOTHER_FIGHT = re.compile(r";|\badd(?:ing|ed)\b|\bseparately\b|\blater\b|\bmeanwhile\b", re.I)
_OWN_SIDE = re.compile(r"\b(?:own\s+(?:men|fighters|members|comrades)|soldiers?|troops|servicem[ae]n|police\w*|officers?|guards?|vigilantes?|personnel|"
                       r"constables?|rangers?)\b", re.I)
_OTHER_SIDE = re.compile(r"\b(?:militants?|fighters?|attackers?|assailants?|insurgents?|terrorists?|rebels?|gunmen|"
                         r"them|kh(?:a)?warij|bandits?|jihadists?|militiamen|gang members)\b", re.I)


def _looks_active(text: str, m: re.Match[str]) -> bool:
    """A bare "killed" followed by its object ("two gunmen killed civilians") is active voice."""
    return bool(re.fullmatch(r"(?i)killed|wounded|injured|executed|abducted|kidnapped|arrested|detained|held|"
                             r"seized|displaced", m.group("verb"))) and bool(_ACTIVE_SKIP_NEXT.match(text[m.end("verb"):]))


_TOTAL_FIRST = re.compile(rf"\s*{_FIG}\s+(?:[\w-]+\s+)?(?:people|persons|individuals|civilians|others|victims)(?=\s*,)",
                          re.I)


def _total_first(subj: str) -> str:
    """"12 people, seven women and five men": the total, not its parts."""
    m = _TOTAL_FIRST.match(subj)
    return subj[:m.end()] if m else subj


def _subject_count(subj: str) -> Count | None:
    """Sum of the figures in a coordinated subject ("eight fighters and four soldiers"); a total followed by
    its parts ("12 people, seven women and five men") is the total."""
    subj = _total_first(subj)
    counts = []
    for s, e in _figures(subj):
        c = parse_count(subj[s:e])
        if c is not None:
            counts.append(c)
    counts += [Count(1, 1, 1, None, True)] * len(re.findall(rf"(?:,|\band)\s+{_KIN_ONE}", subj, re.I))
    if not counts:
        return None
    return _sum(counts)
