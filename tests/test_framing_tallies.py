"""Framing flags and cumulative tallies against the seed gold file, and no flags on neutral wire copy."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from eventwire.extract.framing import find_framing, neutralise
from eventwire.extract.tallies import find_tallies

from .conftest import SEED_TXT

SEED = SEED_TXT.read_text(encoding="utf-8")
PUBLISHED = datetime(2023, 11, 22, 9, 21)


def test_seed_framing_gold_all_found(seed_gold):
    found = {f.term.lower(): f for f in find_framing(SEED, article_id="seed")}
    for g in seed_gold["framing"]:
        f = found[g["term"].lower()]
        assert f.neutral == g["neutral"]
        assert SEED[f.span.start:f.span.end] == f.span.text  # the text is never altered


@pytest.mark.parametrize("text", [
    "Israeli forces said they struck Hamas targets in Gaza City overnight.",
    "Russian troops attacked Ukrainian positions near Bakhmut, the general staff said.",
    "The militants killed five soldiers at a checkpoint in northern Burkina Faso.",
    "Protesters gathered outside parliament in Nairobi to oppose the finance bill.",
    "The Houthi movement said it fired missiles at a ship in the Red Sea.",
    "Security forces arrested 12 people after clashes in the city centre.",
    "The ministry said the death toll from the strike had risen to 14.",
    "Islamic State claimed responsibility for the bombing in a statement on Telegram.",
    "The army said its troops had regained control of the village after two days of fighting.",
    "A drone attack on the airport caused no casualties, officials said.",
])
def test_no_flags_on_neutral_wire_copy(text):
    assert find_framing(text) == []


def test_terms_from_several_sides():
    cats = {f.term.lower(): f.category for f in find_framing(
        "The Kyiv regime shelled the town, while officials called the attackers human animals and "
        "said Russian orcs had been neutralised by brave defenders of the homeland.")}
    assert cats == {"kyiv regime": "delegitimising", "human animals": "dehumanising", "orcs": "dehumanising",
                    "neutralised": "euphemism", "defenders of the homeland": "honorific"}
    assert neutralise("martyred") == "killed" and neutralise("rain") is None


def test_seed_tallies_match_gold(seed_gold):
    got = find_tallies(SEED, PUBLISHED, article_id="seed")
    assert [(t.what, t.count.best, t.count.qualifier) for t in got] == [
        (g["what"], g["count"]["best"], g["count"].get("qualifier")) for g in seed_gold["tallies"]]
    killed, injured, attacks, us_injured = got
    assert killed.breakdown == {"children": 5840, "women": 3920} and killed.scope == "Palestinians in the Gaza Strip"
    assert injured.count.low == 33001 and injured.as_of == date(2023, 11, 22)
    assert attacks.since.date == date(2023, 10, 17) and attacks.as_of == date(2023, 11, 21)
    assert attacks.breakdown == {"Iraq": 32, "Syria": 34}
    assert (attacks.source.speaker, attacks.source.role, attacks.source.channel) == (
        "Sabrina Singh", "Pentagon deputy spokesperson", "media briefing")
    assert us_injured.excludes == "the Monday night attack" and us_injured.since.date == date(2023, 10, 17)
    assert us_injured.source.speaker == "Sabrina Singh"
    for t in got:
        assert SEED[t.span.start:t.span.end] == t.span.text


def test_single_event_count_is_not_a_tally():
    assert find_tallies("The attack on Monday night resulted in eight injuries.", PUBLISHED) == []
    (t,) = find_tallies("The death toll has risen to 30 since the fighting began, the health ministry said.",
                        PUBLISHED)
    assert (t.what, t.count.best, t.source.speaker) == ("killed", 30, "health ministry")


def test_one_events_toll_in_present_perfect_is_not_a_tally() -> None:
    from datetime import datetime

    from eventwire.extract.tallies import find_tallies

    text = ('"We have information that 126 people have been killed in the explosion inside the military '
            'training center," said a senior official.')
    assert find_tallies(text, datetime(2019, 1, 22)) == []
    running = "At least 40 soldiers have been killed in these attacks since January."
    [t] = find_tallies(running, datetime(2019, 1, 22))
    assert (t.what, t.count.best) == ("killed", 40)


def test_running_totals_in_other_phrasings_are_tallies() -> None:
    from datetime import date, datetime

    from eventwire.extract.tallies import find_tallies

    pub = datetime(2024, 8, 14, 11)
    [t] = find_tallies("The 15-year insurgency in Nigeria's northeast has killed more than 35,000 people, according to "
                       "United Nations figures.", pub)
    assert (t.what, t.count.best) == ("killed", 35000)
    [t] = find_tallies("Since 1 January, OCPNK has documented at least 386 civilians killed in Beni territory.", pub)
    assert (t.what, t.count.best, t.since.date) == ("killed", 386, date(2024, 1, 1))
    assert find_tallies("Gunmen abducted 12 students on Monday.", pub) == []


def test_ordinal_and_several_kind_tallies() -> None:
    pub = datetime(2024, 10, 22, 8, 30)
    got = find_tallies("Monday's attack was the fifth cross-river raid on SDF positions in the area since early "
                       "August.", pub)
    assert [(t.what, t.count.best, t.since.date) for t in got] == [("attacks", 5, date(2024, 8, 1))]
    got = find_tallies("Since 1 January, ODH has documented at least 1,412 people killed and 760 injured in "
                       "gang-related violence in the metropolitan area.", pub)
    assert [(t.what, t.count.best, t.count.qualifier) for t in got] == [("killed", 1412, "at least"),
                                                                        ("injured", 760, None)]
    got = find_tallies("According to a count by this newspaper, at least 32 people have been killed across the "
                       "country since Tuesday.", pub)
    assert [(t.what, t.count.best) for t in got] == [("killed", 32)]  # "a count" is not a figure of one
    got = find_tallies("According to official figures, more than 220 people have been killed and around 60,000 "
                       "displaced since May 3 last year.", pub)
    assert [(t.what, t.count.best, t.since.date) for t in got] == [("killed", 220, date(2023, 5, 3)),
                                                                   ("displaced", 60000, date(2023, 5, 3))]
    # the event's own sentence stays an event; only its ordinal phrase is a tally
    got = find_tallies("Gunmen killed five villagers in Tillaberi on Sunday, the third such attack since May.", pub)
    assert [(t.what, t.count.best, t.span.text) for t in got] == [("attacks", 3, "the third such attack since May.")]


def test_running_totals_in_monitor_and_agency_phrasings() -> None:
    pub = datetime(2024, 5, 8, 10)

    def got(text):
        return [(t.what, t.count.best) for t in find_tallies(text, pub)]

    assert got("His death brings to 174 the number of people killed in shootings across Daraa province since the "
               "start of the year, according to the monitor's count.") == [("killed", 174)]
    assert got("Monday's victims bring to 11 the number of civilians killed and 38 the number wounded by shelling "
               "in the governorate since the beginning of the year.") == [("killed", 11), ("injured", 38)]
    assert got("According to official figures, 1,018 intentional homicides were recorded in Guerrero between "
               "January and August.") == [("killed", 1018)]
    assert got("More than 330,000 people remain displaced in the North-West and South-West regions.") == \
        [("displaced", 330000)]
    assert got("The army carried out more than 180 air strikes in Sagaing Region between October and March, "
               "killing at least 320 civilians.") == [("air strikes", 180), ("killed", 320)]
    # one campaign's toll in passing is not a running total
    assert got("France has been on high alert since the group launched a series of attacks across Paris, killing "
               "130 people.") == []


def test_ordinals_without_since_elided_nouns_and_counts_brought_to_a_figure() -> None:
    from datetime import datetime

    from eventwire.extract.tallies import find_tallies

    pub = datetime(2025, 11, 20)

    def got(text):
        return [(t.what, t.count.best, t.since.date.isoformat() if t.since else None) for t in find_tallies(text, pub)]

    assert got("Police said the attack was the fourth on a political gathering in Bajaur since 2023.") == \
        [("attacks", 4, "2023-01-01")]
    assert got("Kosovo police said the ambush was the third armed attack on officers in the north this year.") == \
        [("attacks", 3, None)]
    assert ("killed", 14, "2025-01-01") in got(
        "The commissioner said the explosion was the ninth IED incident in the county since January, and brought "
        "to 14 the number of security officers killed in Lamu this year.")
    assert got("Wednesday's explosion was the third car bomb in Guayaquil since the start of October, police said.") == \
        [("car bombs", 3, "2025-10-01")]
    assert got("A youth network said at least 34 civilians had been killed in regime air strikes across northern "
               "Shan State over the same period.") == [("killed", 34, None)]


@pytest.mark.parametrize("text, best, since", [
    ("The Libya Rights Monitor (LRM) has documented 31 cases of abduction in the western region since January 2025, "
     "the group said.", 31, date(2025, 1, 1)),
    ("At least 42 people have been abducted in the district since March, residents said.", 42, date(2025, 3, 1)),
    ("Police have recorded 14 kidnappings in Katsina since June.", 14, date(2025, 6, 1)),
])
def test_abduction_running_totals(text, best, since) -> None:
    [t] = find_tallies(text, datetime(2025, 8, 12))
    assert (t.what, t.count.best, t.since.date) == ("abducted", best, since)
    assert find_tallies("Gunmen abducted 12 passengers on Monday.", datetime(2025, 8, 12)) == []


def test_one_events_documented_toll_without_a_period_is_no_tally() -> None:
    assert find_tallies("CAP monitors have so far documented 11 people killed, including two women.",
                        datetime(2025, 8, 14)) == []
    [t] = find_tallies("Since 1 January 2025, CAP has documented 387 people killed in the lower Artibonite.",
                       datetime(2025, 8, 14))
    assert (t.what, t.count.best) == ("killed", 387)
