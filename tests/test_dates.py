"""Date expressions on real sentences: the seed article, WikiEvents, team-written notes."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from eventwire.extract.dates import find_dates, resolve

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
SEED = SHARED / "seed" / "ain_al_asad.txt"
WIKI = SHARED / "wikievents" / "dev.jsonl"
NOTES = REPO / "benchmarks" / "data" / "notes_gold.jsonl"

SEED_PUB = datetime(2023, 11, 22, 9, 21)  # "Wednesday 22 November 2023 - 09:21"


def _sentence(text: str, needle: str) -> tuple[str, int]:
    """The sentence of ``text`` containing ``needle`` and its offset."""
    at = text.index(needle)
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    stop = re.compile(r"[.!?][”\"]?(?=\s|$)").search(text, at + len(needle) - 1)
    end = stop.end() if stop else len(text)
    while text[start] == " ":
        start += 1
    return text[start:end], start


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wiki() -> dict[str, dict]:
    docs = (json.loads(x) for x in WIKI.read_text(encoding="utf-8").splitlines() if x.strip())
    return {d["doc_id"]: d for d in docs}


def _wiki_sentence(doc: dict, opening: str) -> tuple[str, int]:
    """The sentence that starts with ``opening`` (the texts glue sentences: "indicted.GNB")."""
    start = doc["text"].index(opening)
    stop = re.compile(r"\.(?=[A-Z“\"\s]|$)").search(doc["text"], start)
    end = stop.end() if stop else len(doc["text"])
    return doc["text"][start:end], start


# --- the seed ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("needle", "phrase", "expected", "precision"), [
    ("the attack on Monday night involved", "Monday night", date(2023, 11, 20), 1),
    ("against two facilities in Iraq early on Wednesday", "early on Wednesday morning", date(2023, 11, 22), 1),
    ("about 50 kilometers south of Syria", "early on Wednesday", date(2023, 11, 22), 1),
    ("Earlier this month, Abu Alaa", "Earlier this month", date(2023, 11, 1), 3),
    ("attacked approximately 66 times", "since October 17", date(2023, 10, 17), 1),
    ("during a media briefing on Tuesday", "Tuesday", date(2023, 11, 21), 1),
])
def test_seed_sentences(seed, needle, phrase, expected, precision):
    sent, off = _sentence(seed, needle)
    found = [d for d in find_dates(sent, SEED_PUB, offset=off, article_id="seed") if d.phrase == phrase]
    assert len(found) == 1, find_dates(sent, SEED_PUB)
    d = found[0]
    assert (d.date, d.precision) == (expected, precision)
    assert d.anchored_to == SEED_PUB
    assert d.span.text == phrase == seed[d.span.start:d.span.end]
    assert d.span.article_id == "seed"


def test_seed_monday_night_is_the_only_date_of_the_ryder_sentence(seed):
    sent, off = _sentence(seed, "the attack on Monday night involved")
    assert [(d.phrase, d.date) for d in find_dates(sent, SEED_PUB, offset=off)] == [
        ("Monday night", date(2023, 11, 20))]


def test_seed_dateline_is_one_absolute_date(seed):
    first = seed.splitlines()[0]
    got = find_dates(first, None)
    assert [(d.phrase, d.date, d.precision) for d in got] == [
        ("Wednesday 22 November 2023", date(2023, 11, 22), 1)]


def test_seed_last_sentence_monday_night_and_no_figures(seed):
    sent, off = _sentence(seed, "US personnel have sustained approximately 62 injuries")
    got = find_dates(sent, SEED_PUB, offset=off)
    assert [(d.phrase, d.date) for d in got] == [("Monday night", date(2023, 11, 20))]
    assert seed[got[0].span.start:got[0].span.end] == "Monday night"


def test_resolve_seed_phrases():
    assert resolve("Monday night", SEED_PUB) == (date(2023, 11, 20), 1)
    assert resolve("early on Wednesday", SEED_PUB) == (date(2023, 11, 22), 1)
    assert resolve("since October 17", SEED_PUB) == (date(2023, 10, 17), 1)


# --- WikiEvents (VOA ids carry the publication date) --------------------------------------------

@pytest.mark.parametrize(("doc", "needle", "pub", "phrase", "expected", "precision"), [
    ("64_VOA_EN_NW_2017.06.05.3887168", "On Sunday, police arrested 12", datetime(2017, 6, 5),
     "Sunday", date(2017, 6, 4), 1),
    ("64_VOA_EN_NW_2017.06.05.3887168", "On Sunday, police arrested 12", datetime(2017, 6, 5),
     "Saturday", date(2017, 6, 3), 1),
    ("64_VOA_EN_NW_2017.06.05.3887168", "Police and counter-terror officers launched", datetime(2017, 6, 5),
     "early Monday", date(2017, 6, 5), 1),
    ("32_VOA_EN_NW_2014.06.04.1929720", "He is not charged with taking part", datetime(2014, 6, 4),
     "April 15, 2013", date(2013, 4, 15), 1),
    ("32_VOA_EN_NW_2014.06.04.1929720", "Matanov was brought into court on Wednesday", datetime(2014, 6, 4),
     "Wednesday", date(2014, 6, 4), 1),
    ("scenario_en_113", "Venezuela's President Nicolas Maduro survived", datetime(2018, 8, 15),
     "August 4", date(2018, 8, 4), 1),
    ("road_ied_8", "US-backed and Kurdish-led militias", None, "March 2019", date(2019, 3, 1), 3),
    ("road_ied_8", "In April, more than two dozen", datetime(2019, 6, 1), "April", date(2019, 4, 1), 3),
    ("suicide_ied_114", "On the morning of 1 March 2019", None, "1 March 2019", date(2019, 3, 1), 1),
])
def test_wikievents_sentences(wiki, doc, needle, pub, phrase, expected, precision):
    text = wiki[doc]["text"]
    sent, off = _wiki_sentence(wiki[doc], needle)
    found = [d for d in find_dates(sent, pub, offset=off) if d.phrase == phrase]
    assert len(found) == 1, [d.phrase for d in find_dates(sent, pub)]
    assert (found[0].date, found[0].precision) == (expected, precision)
    assert text[found[0].span.start:found[0].span.end] == phrase


def test_wikievents_theresa_may_is_not_a_date(wiki):
    sent, _ = _wiki_sentence(wiki["64_VOA_EN_NW_2017.06.05.3887168"], "Prime Minister Theresa May promised")
    assert [d.phrase for d in find_dates(sent, datetime(2017, 6, 5))] == []


def test_wikievents_monday_night_detention(wiki):
    # published Wednesday 15 August 2018: Monday night is the 13th
    sent, _ = _wiki_sentence(wiki["scenario_en_113"], "GNB Brigade General Hector")
    got = find_dates(sent, datetime(2018, 8, 15, 14, 0))
    assert [(d.phrase, d.date) for d in got] == [("Monday night", date(2018, 8, 13))]


# --- team-written sentences: every form ----------------------------------------------------------

PUB = datetime(2023, 11, 22, 9, 21)  # a Wednesday morning
PUB_EVENING = datetime(2023, 11, 22, 18, 0)
PUB_MONDAY = datetime(2023, 11, 20, 9, 0)


@pytest.mark.parametrize(("sentence", "pub", "phrase", "expected", "precision"), [
    ("Gunmen attacked a checkpoint on Monday night, killing two soldiers.", PUB, "Monday night",
     date(2023, 11, 20), 1),
    ("Gunmen attacked a checkpoint on Monday night, killing two soldiers.", PUB_MONDAY, "Monday night",
     date(2023, 11, 13), 1),
    ("Gunmen attacked a checkpoint on Monday, killing two soldiers.", PUB_MONDAY, "Monday",
     date(2023, 11, 20), 1),
    ("Rockets hit the base late Monday, officials said.", PUB, "late Monday", date(2023, 11, 20), 1),
    ("Rockets hit the base late Monday, officials said.", PUB_MONDAY, "late Monday", date(2023, 11, 13), 1),
    ("Drones struck the depot early on Wednesday, the army said.", PUB, "early on Wednesday",
     date(2023, 11, 22), 1),
    ("A car bomb exploded on Sunday morning near the market.", PUB, "Sunday morning", date(2023, 11, 19), 1),
    ("Protesters gathered in the square on Wednesday evening.", PUB_EVENING, "Wednesday evening",
     date(2023, 11, 22), 1),
    ("Protesters gathered in the square on Wednesday evening.", PUB, "Wednesday evening",
     date(2023, 11, 15), 1),
    ("Police raided the camp last Wednesday.", PUB, "last Wednesday", date(2023, 11, 15), 1),
    ("The town was shelled overnight, residents said.", PUB, "overnight", date(2023, 11, 21), 1),
    ("The town was shelled overnight, residents said.", PUB_EVENING, "overnight", date(2023, 11, 22), 1),
    ("Two soldiers were killed yesterday in an ambush.", PUB, "yesterday", date(2023, 11, 21), 1),
    ("A bomb went off in the market today.", PUB, "today", date(2023, 11, 22), 1),
    ("Militants stormed a police post this morning.", PUB, "this morning", date(2023, 11, 22), 1),
    ("Jets pounded the city last night.", PUB, "last night", date(2023, 11, 21), 1),
    ("The army said it had arrested the suspects the day before.", PUB, "the day before",
     date(2023, 11, 21), 1),
    ("Clashes broke out last week in the north.", PUB, "last week", date(2023, 11, 15), 2),
    ("Farmers protested earlier this week in the capital.", PUB, "earlier this week", date(2023, 11, 20), 2),
    ("Dozens were arrested earlier this month.", PUB, "earlier this month", date(2023, 11, 1), 3),
    ("Violence has surged this month across the province.", PUB, "this month", date(2023, 11, 1), 3),
    ("The rebels seized the town last month.", PUB, "last month", date(2023, 10, 1), 3),
    ("The militia attacked the village on October 17.", PUB, "October 17", date(2023, 10, 17), 1),
    ("The militia attacked the village on 17 October.", PUB, "17 October", date(2023, 10, 17), 1),
    ("The militia attacked the village on Oct. 17.", PUB, "Oct. 17", date(2023, 10, 17), 1),
    ("The militia attacked the village on Nov. 23, the day after.", PUB, "Nov. 23", date(2023, 11, 23), 1),
    ("The militia attacked the village on December 30.", PUB, "December 30", date(2022, 12, 30), 1),
    ("On 9 May 2020, clashes erupted near Boni.", None, "9 May 2020", date(2020, 5, 9), 1),
    ("Clashes erupted near Boni on May 9, 2020, officials said.", None, "May 9, 2020", date(2020, 5, 9), 1),
    ("The strike (2020-05-09) destroyed a bridge.", None, "2020-05-09", date(2020, 5, 9), 1),
    ("Fighting intensified in March 2022 around the city.", None, "March 2022", date(2022, 3, 1), 3),
    ("The blast occurred on the 17th of October 2021.", None, "the 17th of October 2021",
     date(2021, 10, 17), 1),
    ("Attacks have risen since October 17, the ministry said.", PUB, "since October 17",
     date(2023, 10, 17), 1),
    ("The airstrike hit early on Wednesday morning local time.", PUB, "early on Wednesday morning",
     date(2023, 11, 22), 1),
])
def test_written_forms(sentence, pub, phrase, expected, precision):
    got = find_dates(sentence, pub, offset=100, article_id="a1")
    assert [d.phrase for d in got] == [phrase]
    d = got[0]
    assert (d.date, d.precision) == (expected, precision)
    start = sentence.index(phrase)
    assert (d.span.start, d.span.end, d.span.text) == (100 + start, 100 + start + len(phrase), phrase)


@pytest.mark.parametrize("sentence", [
    "The attack happened at 10:40 pm and lasted an hour.",
    "Officials may release more figures, he said.",
    "Thousands march in the capital against the war.",
    "Twenty people were killed in the attack.",
    "",
])
def test_no_date(sentence):
    assert [d.phrase for d in find_dates(sentence, PUB)] == []


def test_times_next_to_months_are_not_days():
    got = find_dates("The curfew starts on May 9 at 10:40 pm.", PUB)
    assert [(d.phrase, d.date) for d in got] == [("May 9", date(2023, 5, 9))]


def test_relative_needs_publication_absolute_does_not():
    sent = "On Monday night, 3 May 2021, clashes erupted; yesterday more were reported."
    assert [d.phrase for d in find_dates(sent, None)] == ["3 May 2021"]
    with_pub = find_dates(sent, datetime(2021, 5, 5, 8, 0))
    assert [(d.phrase, d.date) for d in with_pub] == [
        ("Monday night", date(2021, 5, 3)), ("3 May 2021", date(2021, 5, 3)), ("yesterday", date(2021, 5, 4))]


def test_invalid_dates_are_dropped_not_raised():
    assert find_dates("On 31 February 2021 and 2021-13-40 nothing happened.", None) == []
    assert resolve("31 February 2021", None) is None
    assert resolve("gibberish", PUB) is None


def test_february_29_year_inference():
    assert resolve("29 February", datetime(2023, 3, 1)) == (date(2020, 2, 29), 1)


# --- notes: "On 9 May 2020, clashes erupted between ..." -----------------------------------------

def test_notes_first_date_accuracy():
    rows = [json.loads(x) for x in NOTES.read_text(encoding="utf-8").splitlines() if x.strip()]
    ok = 0
    for r in rows:
        got = find_dates(r["note"], datetime.fromisoformat(r["published"]))
        ok += bool(got) and got[0].date.isoformat() == r["event_date"] and got[0].precision == 1
    assert len(rows) == 73
    assert ok == len(rows)


def test_bare_years_after_in_since_during() -> None:
    from datetime import datetime

    from eventwire.extract.dates import find_dates

    pub = datetime(2024, 3, 4, 9)
    got = [(d.date.isoformat(), d.precision, d.phrase) for d in
           find_dates("A bomb killed 12 people there in 2014, and fighting since 2011 in early 2019.", pub)]
    assert got == [("2014-01-01", 3, "2014"), ("2011-01-01", 3, "since 2011"), ("2019-01-01", 3, "early 2019")]
    assert find_dates("Police counted 2014 people at the rally.", pub) == []


def test_more_news_date_forms_against_a_wednesday_morning() -> None:
    from datetime import date, datetime

    from eventwire.extract.dates import resolve

    pub = datetime(2023, 11, 22, 9, 21)  # a Wednesday
    assert resolve("two days ago", pub) == (date(2023, 11, 20), 1)
    assert resolve("a week ago", pub) == (date(2023, 11, 15), 2)
    assert resolve("over the weekend", pub) == (date(2023, 11, 18), 2)
    assert resolve("overnight Monday", pub) == (date(2023, 11, 20), 1)
    assert resolve("on the 19th", pub) == (date(2023, 11, 19), 1)
    assert resolve("on the 25th", pub) == (date(2023, 10, 25), 1)
    assert resolve("21/11/2023", pub) == (date(2023, 11, 21), 1)
    assert resolve("11/21/2023", pub) == (date(2023, 11, 21), 1)
    assert resolve("in mid-October", pub) == (date(2023, 10, 1), 3)
    assert resolve("the 1st Battalion", pub) is None


def test_since_the_beginning_of_a_month_is_a_start_of_period() -> None:
    from datetime import date, datetime

    from eventwire.extract.dates import find_dates

    [d] = find_dates("killed in operations since the beginning of February.", datetime(2024, 2, 27, 10))
    assert (d.date, d.precision, d.phrase) == (date(2024, 2, 1), 3, "since the beginning of February")


def test_an_event_sentence_without_a_day_takes_the_day_its_paragraph_opened_with(pipeline) -> None:
    from eventwire.models import Article

    text = ("RIO DE JANEIRO, May 15 - Between about 1 a.m. and 3 a.m. on Wednesday, monitors recorded sustained "
            "gunfire along the frontier between Nova Holanda and Baixa do Sapateiro in Rio de Janeiro. Residents "
            "told us that armed men from both factions exchanged fire for close to two hours. One man was killed.\n"
            "The police spokesman said on Thursday that gunmen had fired on a patrol. Officers returned fire.")
    events = pipeline.extract(Article.from_text(text, published=datetime(2025, 5, 15, 18, 30))).events
    clash = events[0]
    assert (clash.sub_event_type, clash.date.date, clash.date.precision) == ("Armed clash", date(2025, 5, 14), 1)
    assert clash.date.span.text == "Wednesday"
