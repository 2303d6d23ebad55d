"""Casualty figures on real sentences: the seed article, WikiEvents, team-written notes and forms."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.extract.counts import find_casualties, parse_count
from eventwire.models import Count

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
SEED = SHARED / "seed" / "ain_al_asad.txt"
WIKI = SHARED / "wikievents" / "dev.jsonl"
NOTES = REPO / "benchmarks" / "data" / "notes_gold.jsonl"


def _sentence(text: str, opening: str) -> tuple[str, int]:
    """The sentence starting with ``opening`` and its offset (the texts may glue "indicted.GNB")."""
    start = text.index(opening)
    stop = re.compile(r"[.!?](?=[A-Z“\"\s]|$)").search(text, start)
    end = stop.end() if stop else len(text)
    return text[start:end], start


def _vals(c: Count) -> tuple:
    return c.low, c.best, c.high, c.qualifier, c.exact


# --- parse_count ------------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "expected"), [
    ("8", (8, 8, 8, None, True)),
    ("5,840", (5840, 5840, 5840, None, True)),
    ("14 128", (14128, 14128, 14128, None, True)),
    ("eight", (8, 8, 8, None, True)),
    ("Thirty-two", (32, 32, 32, None, True)),
    ("one hundred and twenty", (120, 120, 120, None, True)),
    ("two thousand five hundred", (2500, 2500, 2500, None, True)),
    ("one", (1, 1, 1, None, True)),
    ("a", (1, 1, 1, None, True)),
    ("a dozen", (12, 12, None, "a dozen", False)),
    ("two dozen", (24, 24, None, "dozen", False)),
    ("dozens", (12, 12, None, "dozens", False)),
    ("scores", (40, 40, None, "scores", False)),
    ("hundreds", (100, 100, None, "hundreds", False)),
    ("several", (3, 3, None, "several", False)),
    ("a number of", (2, 2, None, "a number of", False)),
    ("at least 14,128", (14128, 14128, None, "at least", False)),
    ("more than 33,000", (33001, 33000, None, "more than", False)),
    ("over 80", (81, 80, None, "more than", False)),
    ("approximately 66", (None, 66, None, "approximately", False)),
    ("about 100", (None, 100, None, "approximately", False)),
    ("around 300", (None, 300, None, "approximately", False)),
    ("nearly 50", (None, 50, 50, "nearly", False)),
    ("up to 20", (None, 20, 20, "up to", False)),
    ("between 10 and 15", (10, 10, 15, "between", False)),
    ("10-15", (10, 10, 15, "between", False)),
    ("10 to 15", (10, 10, 15, "between", False)),
    ("two or three", (2, 2, 3, "between", False)),
    ("1.2 million", (1_200_000, 1_200_000, 1_200_000, None, True)),
    ("none", (0, 0, 0, None, True)),
])
def test_parse_count(phrase, expected):
    got = parse_count(phrase)
    assert got is not None and _vals(got) == expected


@pytest.mark.parametrize("phrase", ["", "people", "the attack", "15 to 10", "many more than"])
def test_parse_count_rejects(phrase):
    assert parse_count(phrase) is None


# --- the seed ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def test_seed_eight_injuries(seed):
    sent, off = _sentence(seed, "Brigadier General Pat Ryder")
    got = find_casualties(sent, offset=off, article_id="seed")
    assert set(got) == {"injured"}
    c = got["injured"]
    assert _vals(c) == (8, 8, 8, None, True)
    assert c.span.text == "eight injuries" == seed[c.span.start:c.span.end]
    assert c.span.article_id == "seed"


def test_seed_gaza_toll_keeps_breakdown_out(seed):
    sent, off = _sentence(seed, "At least 14,128 Palestinians")
    got = find_casualties(sent, offset=off)
    assert set(got) == {"killed"}
    assert _vals(got["killed"]) == (14128, 14128, None, "at least", False)
    assert got["killed"].span.text == "At least 14,128 Palestinians"
    assert seed[got["killed"].span.start:got["killed"].span.end] == "At least 14,128 Palestinians"


def test_seed_more_than_33000_injured(seed):
    sent, off = _sentence(seed, "More than 33,000 individuals")
    got = find_casualties(sent, offset=off)
    assert _vals(got["injured"]) == (33001, 33000, None, "more than", False)
    assert seed[got["injured"].span.start:got["injured"].span.end] == "More than 33,000 individuals"


def test_seed_62_injuries(seed):
    sent, off = _sentence(seed, "US personnel have sustained")
    got = find_casualties(sent, offset=off)
    assert set(got) == {"injured"}
    assert _vals(got["injured"]) == (None, 62, None, "approximately", False)
    assert got["injured"].span.text == "approximately 62 injuries"


@pytest.mark.parametrize("opening", [
    "Ryder added that the US military responded",  # "a number of people involved": targets, not victims
    "The US military conducted further",  # "two facilities"
    "“US forces have been attacked approximately 66 times",  # attacks, not casualties
    "The US occupation troops wounded in the attack",  # no figure
])
def test_seed_sentences_without_casualty_figures(seed, opening):
    sent, _ = _sentence(seed, opening)
    assert find_casualties(sent) == {}


# --- WikiEvents ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def wiki() -> dict[str, str]:
    docs = (json.loads(x) for x in WIKI.read_text(encoding="utf-8").splitlines() if x.strip())
    return {d["doc_id"]: d["text"] for d in docs}


@pytest.mark.parametrize(("doc", "opening", "expected"), [
    ("road_ied_8", "Three other Russian military personnel were wounded",
     {"injured": ((3, 3, 3, None, True), "Three other Russian military personnel")}),
    ("road_ied_8", "In April, more than two dozen",
     {"killed": ((25, 24, None, "more than", False), "more than two dozen Syrian pro-regime fighters")}),
    ("scenario_en_62", "About 100 people have died",
     {"killed": ((None, 100, None, "approximately", False), "About 100 people")}),
    ("scenario_en_kairos_60", "Police in the city of Lyon",
     {"injured": ((3, 3, None, "several", False), "several people")}),
    ("scenario_en_kairos_60", "There were eight women, a 10-year-old girl and four men injured",
     {"injured": ((13, 13, 13, None, True), "eight women, a 10-year-old girl and four men")}),
    ("64_VOA_EN_NW_2017.06.05.3887168", "On Sunday, police arrested 12 people",
     {"detained": ((12, 12, 12, None, True), "12 people")}),
    ("suicide_ied_114", "They killed 23 Afghan soldiers",
     {"killed": ((23, 23, 23, None, True), "23 Afghan soldiers"), "injured": ((15, 15, 15, None, True), "another 15")}),
    ("suicide_ied_114", "Twenty insurgents were killed",
     {"killed": ((20, 20, 20, None, True), "Twenty insurgents")}),
    ("32_VOA_EN_NW_2014.06.04.1929720", "He is not charged with taking part",
     {"killed": ((3, 3, 3, None, True), "three people"),
      "injured": ((261, 260, None, "more than", False), "more than 260")}),
    ("wiki_ied_bombings_1_news_4", "In one incident, a man was killed and five more were wounded",
     {"killed": ((1, 1, 1, None, True), "a man"), "injured": ((5, 5, 5, None, True), "five more")}),
    ("wiki_ied_bombings_1_news_3", "At Oxford St, the busiest bus station",
     {"killed": ((6, 6, 6, None, True), "four Ulsterbus workers and two soldiers")}),
    ("wiki_ied_bombings_1_news_3", "By the end of 1972, 496 had been killed",
     {"killed": ((496, 496, 496, None, True), "496")}),
    ("wiki_ied_bombings_9", "The Cafetería Rolando bombing",
     {"killed": ((13, 13, 13, None, True), "13 people"), "injured": ((71, 71, 71, None, True), "71")}),
    ("suicide_ied_11", "On December 21, 2015 in Bagram",
     {"killed": ((6, 6, 6, None, True), "six NATO service members")}),
])
def test_wikievents_sentences(wiki, doc, opening, expected):
    text = wiki[doc]
    sent, off = _sentence(text, opening)
    got = find_casualties(sent, offset=off, article_id=doc)
    assert {k: (_vals(c), c.span.text) for k, c in got.items()} == expected
    for c in got.values():
        assert text[c.span.start:c.span.end] == c.span.text


def test_wikievents_no_casualties_is_explicit_zero(wiki):
    sent, _ = _sentence(wiki["scenario_en_kairos_60"], "\"It's not for me to give a toll")
    got = find_casualties(sent)
    assert _vals(got["killed"]) == _vals(got["injured"]) == (0, 0, 0, None, True)
    assert got["killed"].span.text == "no casualties"


# --- team-written forms -------------------------------------------------------------------------

def _check(sentence: str, expected: dict[str, tuple[int | None, str]]) -> None:
    got = find_casualties(sentence, offset=7, article_id="x")
    assert {k: (c.best, c.span.text) for k, c in got.items()} == expected, got
    for c in got.values():
        assert sentence[c.span.start - 7:c.span.end - 7] == c.span.text
        assert c.span.article_id == "x"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gunmen stormed the village and killed eight people.", {"killed": (8, "eight people")}),
    ("8 soldiers were injured in the blast.", {"injured": (8, "8 soldiers")}),
    ("The attack resulted in eight injuries.", {"injured": (8, "eight injuries")}),
    ("At least 12 dead and dozens wounded after the market bombing.",
     {"killed": (12, "At least 12"), "injured": (12, "dozens")}),
    ("The mortar round hit the market, leaving three civilians dead.", {"killed": (3, "three civilians")}),
    ("The death toll rose to 30 on Tuesday, officials said.", {"killed": (30, "30")}),
    ("Two people were killed on Monday and the death toll later rose to 30.", {"killed": (30, "30")}),
    ("Five people, including a child, were killed.", {"killed": (5, "Five people")}),
    ("The strike killed ten civilians, including seven children.", {"killed": (10, "ten civilians")}),
    ("Four soldiers were killed, one of them a colonel.", {"killed": (4, "Four soldiers")}),
    ("No casualties were reported.", {"killed": (0, "No casualties"), "injured": (0, "No casualties")}),
    ("There were no injuries.", {"injured": (0, "no injuries")}),
    ("No one was hurt in the attack.", {"injured": (0, "No one was hurt")}),
    ("No casualty figures were released.", {}),
    ("Militants fired two missiles and 30 rockets at the base.", {}),
    ("Three drones were shot down over the city.", {}),
    ("Two vehicles were destroyed in the blast.", {}),
    ("Thirty-two protesters were arrested in the capital.", {"detained": (32, "Thirty-two protesters")}),
    ("Police detained 60 Palestinians in overnight raids.", {"detained": (60, "60 Palestinians")}),
    ("Four suspects are in custody.", {"detained": (4, "Four suspects")}),
    ("Gunmen kidnapped 42 people, including 27 students.", {"abducted": (42, "42 people")}),
    ("Two aid workers were abducted near the border.", {"abducted": (2, "Two aid workers")}),
    ("The militants took five villagers hostage.", {"abducted": (5, "five villagers")}),
    ("Three engineers were taken hostage.", {"abducted": (3, "Three engineers")}),
    ("About 2,500 people were displaced by the fighting.", {"displaced": (2500, "About 2,500 people")}),
    ("The clashes forced 200 families to flee.", {"displaced": (200, "200 families")}),
    ("Some 300 residents fled their homes.", {"displaced": (300, "Some 300 residents")}),
    ("A soldier was killed in the ambush.", {"killed": (1, "A soldier")}),
    ("One policeman died of his wounds.", {"killed": (1, "One policeman")}),
    ("More than 20 people were wounded.", {"injured": (20, "More than 20 people")}),
    ("Over 80 people were killed.", {"killed": (80, "Over 80 people")}),
    ("Nearly 50 people were injured.", {"injured": (50, "Nearly 50 people")}),
    ("Up to 15 people may have died.", {}),
    ("Up to 15 people died in the fire.", {"killed": (15, "Up to 15 people")}),
    ("Between 10 and 15 soldiers were killed.", {"killed": (10, "Between 10 and 15 soldiers")}),
    ("10-15 fighters were killed in the clash.", {"killed": (10, "10-15 fighters")}),
    ("Several protesters were arrested.", {"detained": (3, "Several protesters")}),
    ("A number of people were injured.", {"injured": (2, "A number of people")}),
    ("Dozens of civilians were wounded.", {"injured": (12, "Dozens of civilians")}),
    ("Hundreds of people were detained.", {"detained": (100, "Hundreds of people")}),
    ("Scores died in the attacks.", {"killed": (40, "Scores")}),
    ("A dozen villagers were killed.", {"killed": (12, "A dozen villagers")}),
    ("Two dozen soldiers were wounded.", {"injured": (24, "Two dozen soldiers")}),
    ("One hundred and twenty people lost their lives.", {"killed": (120, "One hundred and twenty people")}),
    ("The blast claimed 14 lives.", {"killed": (14, "14 lives")}),
    ("The attack caused 3 fatalities.", {"killed": (3, "3 fatalities")}),
    ("Rescuers recovered 17 bodies from the rubble.", {"killed": (17, "17 bodies")}),
    ("The attack caused 20 casualties.", {"injured": (20, "20 casualties")}),
    ("Two were killed and 20 casualties were reported.", {"killed": (2, "Two")}),
    ("Eight fighters and four soldiers were killed.", {"killed": (12, "Eight fighters and four soldiers")}),
    ("Two gunmen killed three civilians.", {"killed": (3, "three civilians")}),
    ("Villagers beat two suspected cattle thieves to death.",
     {"killed": (2, "two suspected cattle thieves")}),
    ("Eight US soldiers were injured; no fatalities were reported.",
     {"injured": (8, "Eight US soldiers"), "killed": (0, "no fatalities")}),
    ("Russian artillery shelled Kharkiv, killing four civilians and injuring nine.",
     {"killed": (4, "four civilians"), "injured": (9, "nine")}),
    ("In 2019 the group attacked the town.", {}),
    ("The attack happened at 10:40 pm.", {}),
    ("", {}),
])
def test_written_forms(sentence, expected):
    _check(sentence, expected)


def test_exact_only_for_plain_figures():
    assert find_casualties("Eight people were killed.")["killed"].exact is True
    assert find_casualties("At least eight people were killed.")["killed"].exact is False
    assert find_casualties("Several people were killed.")["killed"].exact is False


# --- notes: "On 9 May 2020, clashes erupted between ... 3 fatalities." ---------------------------

def test_notes_fatalities_accuracy():
    rows = [json.loads(x) for x in NOTES.read_text(encoding="utf-8").splitlines() if x.strip()]
    ok = 0
    for r in rows:
        killed = find_casualties(r["note"]).get("killed")
        ok += (killed.best if killed else 0) == r["fatalities"]
    assert len(rows) == 73
    assert ok == 73


def test_nominal_victim_phrases_count() -> None:
    from eventwire.extract.counts import find_casualties

    got = find_casualties("following the slaying of seven more demonstrators in two days.")
    assert (got["killed"].best, got["killed"].span.text) == (7, "seven more demonstrators")
    assert find_casualties("the abduction of 12 students from a school")["abducted"].best == 12
    assert find_casualties("The deaths of two soldiers were confirmed.")["killed"].best == 2


def test_coordinated_victims_add_up_in_active_sentences_but_breakdowns_do_not() -> None:
    def got(text):
        return {k: (v.best, v.span.text) for k, v in find_casualties(text).items()}

    assert got("Shells hit the district, killing a woman and an elderly man.") == \
        {"killed": (2, "a woman and an elderly man")}
    assert got("Gunmen killed two policemen, a soldier and a civilian.") == \
        {"killed": (4, "two policemen, a soldier and a civilian")}
    assert got("Five of the raiders and two of the local youth were killed in the fighting.") == \
        {"killed": (7, "Five of the raiders and two of the local youth")}
    # parts of a total, things that are not people, and a speaker after a comma are not added
    assert got("Armed men shot dead four men, two of them taxi drivers, on Monday.") == {"killed": (4, "four men")}
    assert got("Police arrested 12 people, seven women and five men.") == {"detained": (12, "12 people")}
    assert got("The strike eliminated up to 40 militants and three armoured vehicles.")["killed"][0] == 40
    assert got("A bomb hit a van, wounding four policemen, a senior police officer said.") == \
        {"injured": (4, "four policemen")}


def test_a_relative_clause_between_the_victims_and_the_verb() -> None:
    got = find_casualties("The spokesman said three gunmen, whom he identified as members of La Familia Michoacana, "
                          "were killed and a soldier was wounded.")
    assert {k: (v.best, v.span.text) for k, v in got.items()} == {"killed": (3, "three gunmen"),
                                                                   "injured": (1, "a soldier")}


def test_nil_tolls_fold_into_the_event_just_told(pipeline) -> None:
    from datetime import datetime

    from eventwire.extract.counts import find_casualties
    from eventwire.models import Article

    got = find_casualties("No one was killed or injured in that attack, according to the State Emergency Service.")
    assert (got["killed"].best, got["injured"].best) == (0, 0)
    assert find_casualties("None of them was killed; they were evacuated.")["killed"].best == 0
    text = ("At about 04:30, Russian forces launched two Iskander-M missiles at the Zavodskyi district of "
            "Zaporizhzhia, Ukraine, the governor said. The missiles struck an industrial enterprise. No one was killed "
            "or injured in that attack, according to the State Emergency Service.")
    [e] = pipeline.extract(Article.from_text(text, published=datetime(2025, 11, 20, 10))).events
    assert (e.fatalities.best, e.injuries.best) == (0, 0)


def test_both_all_appositions_and_partisan_verbs() -> None:
    from eventwire.extract.counts import find_casualties

    assert find_casualties("Gunmen opened fire on two brothers outside their home, killing both on the spot."
                           )["killed"].best == 2
    assert find_casualties("Gunmen stopped the bus, killing all seven passengers.")["killed"].best == 7
    got = find_casualties("On Monday, a man in his fifties, a retired teacher from the Alawite community, was shot dead.")
    assert got["killed"].best == 1
    got = find_casualties("Security forces conducted an intelligence-based operation near Mir Ali, and four "
                          "Indian-sponsored khwarij were sent to hell, ISPR said.")
    assert got["killed"].best == 4


def test_the_dead_of_both_sides_of_a_battle_add_up() -> None:
    from eventwire.extract.counts import find_casualties

    text = ("Ground units clashed with a group of fleeing assailants, killing 11 of them, according to the ministry, "
            "which said three soldiers were killed and seven wounded in that fighting.")
    assert find_casualties(text, both_sides=True)["killed"].best == 14
    assert find_casualties(text)["killed"].best == 11  # outside a battle the first figure stands
    assert find_casualties("Five militants and one soldier were killed.", both_sides=True)["killed"].best == 6
    assert find_casualties("Troops killed 17 attackers, including two commanders.", both_sides=True
                           )["killed"].best == 17


def test_one_victim_named_by_role_and_a_weapon_named_by_nationality(pipeline) -> None:
    from datetime import datetime

    from eventwire.extract.counts import find_casualties
    from eventwire.models import Article

    assert find_casualties("A bomb exploded, killing the village headman.")["killed"].best == 1
    assert "killed" not in find_casualties("Gunmen attacked the convoy, killing the drivers.")  # how many: unknown
    text = ("Earlier on Wednesday, a Russian FPV drone struck a car in Stepnohirsk, Ukraine, injuring the 52-year-old "
            "driver, who was evacuated to a hospital.")
    [e] = pipeline.extract(Article.from_text(text, published=datetime(2025, 11, 20, 10))).events
    assert (e.actor1.name, e.actor2.name, e.injuries.best) == ("Military Forces of Russia", "Civilians (Ukraine)", 1)


def test_victims_named_by_office_pronoun_kinship_both_or_body() -> None:
    def killed(text: str) -> tuple[int, str] | None:
        c = find_casualties(text).get("killed")
        return (c.best, c.span.text) if c else None

    assert killed("Gunmen shot dead a kebele administrator in front of his home.") == (1, "a kebele administrator")
    assert killed("Gunmen opened fire on an assistant village headman, killing him instantly.") == (1, "him")
    assert killed("A 64-year-old woman and her 67-year-old husband were killed.") == (
        2, "A 64-year-old woman and her 67-year-old husband")
    assert killed("Gunmen killed a farmer and his son on Monday.") == (2, "a farmer and his son")
    assert killed("Both men died at the scene.") == (2, "Both men")
    assert killed("Police found the body of a community leader with several gunshot wounds.") == (
        1, "a community leader")
    assert killed("The bodies of four men in camouflage uniforms were recovered.") == (4, "four men")
    # no person named: no figure
    assert killed("Rescuers pulled the body of a car out of the river.") is None
    assert killed("Both sides suffered casualties.") is None
    # "killing him and ..." is a longer list the pronoun does not close
    assert killed("The blast struck the patrol, killing him and two others.") != (1, "him")


def test_a_figure_inside_a_clause_starts_its_own_phrase() -> None:
    text = ("The Ambulance and Emergency Service said in a statement that three fighters and a civilian were killed "
            "in the clashes.")
    c = find_casualties(text)["killed"]
    assert (c.best, c.span.text) == (4, "three fighters and a civilian")
    # ages stay modifiers
    c = find_casualties("A 64-year-old woman and her 67-year-old husband were killed.")["killed"]
    assert c.best == 2


def test_a_past_event_compared_in_a_later_sentence_keeps_its_toll(pipeline) -> None:
    from datetime import datetime

    from eventwire.models import Article

    text = ("TRIPOLI, May 16 - On Wednesday morning a stray rocket landed on a house in the Abu Salim district of "
            "Tripoli, wounding two children, a security source said. The clashes are the most serious in the "
            "capital since August 2023, when fighting between armed groups over the detention of a commander "
            "left 55 people dead.")
    events = pipeline.extract(Article.from_text(text, published=datetime(2024, 5, 16, 12))).events
    rocket = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert rocket.injuries.best == 2 and rocket.fatalities is None


def test_scare_quotes_and_a_sides_own_losses() -> None:
    text = 'In a statement, the MSA said it had "neutralised" about a dozen "terrorists" and lost two of its own men.'
    killed = find_casualties(text, both_sides=True)["killed"]
    assert (killed.best, killed.span.text) == (14, 'about a dozen "terrorists')
    assert find_casualties('Police said eleven "bandits" were killed.')["killed"].best == 11
    # a second figure 'adding that' it fell in another operation is not the first fight's
    text = ('Six soldiers were martyred when a suicide bomber rammed a convoy near Mir Ali on Wednesday, the military '
            'said, adding that four "khwarij" were killed in an operation on Thursday.')
    assert find_casualties(text, both_sides=True)["killed"].best == 6
