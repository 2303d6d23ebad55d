"""Date expressions in a sentence, resolved against the article's publication time.

Our own small resolver: general-purpose parsers get news phrasing wrong ("early on Wednesday",
"late Monday", bare weekdays). Rules, all relative to ``published``:

- A weekday ("Monday", "Monday night", "early on Wednesday", "late Monday", "Sunday morning") is
  the most recent such day on or before publication. When publication falls on that weekday, it
  is the same day, except a "night"/"evening"/"late" expression in an article published before
  noon, which is the previous week's day. A publication time of exactly 00:00 counts as unknown.
  "last Monday" is strictly before the publication day.
- "overnight" and "last night" are the date the night started: the day before publication when
  published before noon (or time unknown); "overnight" published after noon is the same day.
- "last week" is 7 days earlier (precision 2); "this week"/"earlier this week" is the Monday of the
  publication week (precision 2); "this month"/"earlier this month" and "last month" are the first
  of the month (precision 3).
- Day and month without a year ("on October 17", "17 October", "Oct. 17") take the latest year
  that puts the date no later than publication + 1 day.
- Absolute dates ("9 May 2020", "May 9, 2020", "2020-05-09") are precision 1; "in March 2022"
  (and "in March", "in mid-March", "in early March" with an inferred year) precision 3.
  "21/11/2023" is day first unless that is impossible or later than publication ("11/21/2023").
- "on the 19th" is the latest 19th on or before publication; "two days ago" counts back from
  publication (precision 1; "a week ago" precision 2); "at/over the weekend" is the latest
  Saturday on or before publication (precision 2); "overnight Monday" is Monday.

A leading "since" is kept in the phrase so callers can skip start-of-period dates. A bare "on" is
not part of the phrase ("Monday night"), "early on"/"late on" are. Times ("at 10:40 pm") are not
dates. Without ``published`` only absolute dates are returned. Nothing here raises on bad text.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from eventwire.models import EventDate, Span

__all__ = ["resolve", "find_dates"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_PREFIX = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"

# Order matters only for equal-length overlaps; the scanner keeps the longest match at each place.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("dmy", re.compile(rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?![a-z]),?\s+{_YEAR}\b", re.I)),
    ("mdy", re.compile(rf"\b{_WD_PREFIX}{_MON}(?![a-z])\s+{_DAY}(?!\d)(?:,\s*|\s+){_YEAR}\b", re.I)),
    ("dm", re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?![a-z])", re.I)),
    ("md", re.compile(rf"\b{_MON}(?![a-z])\s+{_DAY}\b(?![:.,]?\d)", re.I)),
    ("my", re.compile(rf"\b{_MON}(?![a-z])\s+{_YEAR}\b", re.I)),
    ("m", re.compile(rf"(?:(?<=\bin\s)|(?<=\bin\searly\s)|(?<=\bin\slate\s)|(?<=\bin\smid-)|(?<=\bin\smid\s)|"
                     rf"(?<=\bbeginning\sof\s)|(?<=\bstart\sof\s)|(?<=\bend\sof\s)|(?<=\bsince\s)|"
                     rf"(?<=\bsince\searly\s)|(?<=\bsince\slate\s)|(?<=\bsince\smid-))"
                     rf"{_MON}(?![a-z])(?!\s+\d)", re.I)),
    # "21/11/2023": day first unless that is impossible or after publication (resolved below)
    ("num", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")),
    # "on the 19th": the latest 19th on or before publication
    ("nth", re.compile(rf"(?<=\bon\s)the\s+{_DAY}(?<=st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])")),
    # a bare year: "in 2014", "since 2011", "in early 2019" (precision 3, 1 January)
    ("y", re.compile(rf"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\bduring\s))(?:(?:early|late|mid-?)\s*)?{_YEAR}\b"
                     rf"(?![-/]\d)", re.I)),
    # "since the beginning of the year": 1 January of the year of publication
    ("boy", re.compile(r"(?<=\bbeginning\sof\s)(?:the|this)\s+year\b|(?<=\bstart\sof\s)(?:the|this)\s+year\b",
                       re.I)),
    ("weekday", re.compile(
        rf"\b(?:(?P<mod>early|late|last|overnight)\s+(?:on\s+)?)?{_WD}{_PART}\b", re.I)),
    ("rel", re.compile(
        r"\b(?:the\s+day\s+before\s+yesterday|yesterday(?:\s+(?:morning|afternoon|evening))?|"
        r"(?:earlier\s+|later\s+)?today|tonight|this\s+(?:morning|afternoon|evening)|"
        r"last\s+night|overnight|the\s+(?:day\s+before|previous\s+day|night\s+before|previous\s+night)|"
        r"last\s+week|(?:earlier\s+)?this\s+week|(?:earlier\s+)?this\s+month|last\s+month|"
        r"(?:at|over|on)\s+the\s+weekend|this\s+(?:past\s+)?weekend|last\s+weekend|"
        r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:days?|weeks?)\s+ago)\b", re.I)),
)
_SINCE = re.compile(r"\bsince\s+(?:(?:the|early|late)\s+)?(?:(?:beginning|start) of\s+)?$", re.I)
_TIME_AFTER = re.compile(r"^\s*(?::\d|[ap]\.?m\b)", re.I)


def _month(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, published: datetime) -> date | None:
    limit = published.date() + timedelta(days=1)
    for y in range(limit.year, limit.year - 5, -1):
        cand = _safe_date(y, m, d)
        if cand is not None and cand <= limit:
            return cand
    return None


def _time_known(published: datetime) -> bool:
    return published.time() != time(0)


def _morning(published: datetime) -> bool:
    """Published before noon, or at an unknown time (news of the night before is the usual case)."""
    return not _time_known(published) or published.hour < 12


def _weekday(m: re.Match[str], published: datetime) -> date:
    pub = published.date()
    target = _WEEKDAYS[m.group("wd").lower()]
    mod = (m.group("mod") or "").lower()
    part = (m.group("part") or "").lower()
    back = (pub.weekday() - target) % 7
    if back == 0:
        if mod == "last":
            back = 7
        elif (part in {"night", "evening"} or mod == "late") and _time_known(published) and published.hour < 12:
            back = 7
    return pub - timedelta(days=back)


def _relative(phrase: str, published: datetime) -> tuple[date, int] | None:
    p = " ".join(phrase.lower().split())
    pub = published.date()
    if p == "the day before yesterday":
        return pub - timedelta(days=2), 1
    if p.startswith("yesterday") or p in {"the day before", "the previous day", "last night", "the night before",
                                           "the previous night"}:
        return pub - timedelta(days=1), 1
    if p == "overnight":
        return pub - timedelta(days=1 if _morning(published) else 0), 1
    if p.endswith("today") or p == "tonight" or p.startswith("this ") and p.split()[1] in {
            "morning", "afternoon", "evening"}:
        return pub, 1
    if p == "last week":
        return pub - timedelta(days=7), 2
    if p.endswith("weekend"):
        back = (pub.weekday() - 5) % 7  # the latest Saturday on or before publication
        return pub - timedelta(days=back + (7 if p.startswith("last") and back < 2 else 0)), 2
    if p.endswith(" ago"):
        n_word, unit = p.split()[:2]
        n = int(n_word) if n_word.isdigit() else _NUMBERS[n_word]
        return (pub - timedelta(days=n), 1) if unit.startswith("day") else (pub - timedelta(weeks=n), 2)
    if p.endswith("this week"):
        return pub - timedelta(days=pub.weekday()), 2
    if p.endswith("this month"):
        return pub.replace(day=1), 3
    if p == "last month":
        return (pub.replace(day=1) - timedelta(days=1)).replace(day=1), 3
    return None


def _resolve_match(kind: str, m: re.Match[str], published: datetime | None) -> tuple[date, int] | None:
    g = m.group
    if kind == "iso":
        d = _safe_date(int(g("year")), int(g("m")), int(g("d")))
        return (d, 1) if d else None
    if kind in {"dmy", "mdy"}:
        d = _safe_date(int(g("year")), _month(g("mon")), int(g("day")))
        return (d, 1) if d else None
    if kind == "my":
        return date(int(g("year")), _month(g("mon")), 1), 3
    if kind == "y":
        return date(int(g("year")), 1, 1), 3
    if kind == "num":
        a, b, y = int(g("a")), int(g("b")), int(g("year"))
        day_first = _safe_date(y, b, a)
        month_first = _safe_date(y, a, b)
        if day_first is not None and (month_first is None or published is None or
                                      day_first <= published.date() + timedelta(days=1)):
            return day_first, 1
        return (month_first, 1) if month_first else None
    if published is None:
        return None
    if kind in {"dm", "md"}:
        day = int(g("day"))
        d = _infer_year(_month(g("mon")), day, published) if 1 <= day <= 31 else None
        return (d, 1) if d else None
    if kind == "m":
        month = _month(g("mon"))
        pub = published.date()
        return date(pub.year if month <= pub.month else pub.year - 1, month, 1), 3
    if kind == "boy":
        return date(published.year, 1, 1), 3
    if kind == "nth":
        day, pub = int(g("day")), published.date()
        for back in range(0, 3):
            y, mth = pub.year, pub.month - back
            while mth < 1:
                y, mth = y - 1, mth + 12
            d = _safe_date(y, mth, day)
            if d is not None and d <= pub:
                return d, 1
        return None
    if kind == "weekday":
        return _weekday(m, published), 1
    if kind == "rel":
        return _relative(m.group(0), published)
    return None


def _matches(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind in {"dm", "md", "mdy"} and _TIME_AFTER.match(text[m.end():]):
                continue  # "Jan 10:40" / "10 pm" are times, not dates
            if "mon" in pattern.groupindex and not m.group("mon")[0].isupper():
                continue  # "may", "march": verbs
            found.append((m.start(), m.end(), kind, m))
    # leftmost, then longest; drop anything overlapping a kept match
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def resolve(phrase: str, published: datetime | None) -> tuple[date, int] | None:
    """Resolve one date expression to (date, precision: 1 day, 2 week, 3 month), or None."""
    try:
        found = _matches(phrase)
        if not found:
            return None
        start, end, kind, m = max(found, key=lambda t: t[1] - t[0])
        return _resolve_match(kind, m, published)
    except (ValueError, KeyError, OverflowError):
        return None


def find_dates(
    text: str,
    published: datetime | None,
    *,
    offset: int = 0,
    article_id: str | None = None,
) -> list[EventDate]:
    """Every date expression in ``text`` (one sentence), in order, with offset-adjusted spans."""
    out: list[EventDate] = []
    for start, end, kind, m in _matches(text):
        try:
            got = _resolve_match(kind, m, published)
        except (ValueError, KeyError, OverflowError):
            got = None
        if got is None:
            continue
        if kind in {"dm", "md", "m"} and published is not None and re.match(r"\s+(?:of\s+)?last\s+year\b", text[end:]):
            # "since May 3 last year": the year before publication
            got = (_safe_date(published.year - 1, got[0].month, got[0].day) or got[0], got[1])
        since = _SINCE.search(text[max(0, start - 40):start])
        if since is not None:
            start -= len(since.group(0))
        phrase = text[start:end]
        out.append(EventDate(got[0], got[1], phrase, published,
                             Span(offset + start, offset + end, phrase, article_id)))
    return out
