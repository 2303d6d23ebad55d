"""The acceptance example: every field of ain_al_asad.gold.json, on the real article."""

from __future__ import annotations

import math

import pytest


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def _match(gold: dict, events):
    subs = gold.get("sub_event_type_any_of") or [gold["sub_event_type"]]
    for e in events:
        if e.sub_event_type not in subs or e.date is None or e.date.date.isoformat() != gold["event_date"]:
            continue
        if e.place is None or e.place.country != gold["country"]:
            continue
        if gold.get("latitude") is not None and (e.place.lat is None or _km(
                e.place.lat, e.place.lon, gold["latitude"], gold["longitude"]) > 5):
            continue
        if gold["geo_precision"] != e.place.geo_precision:
            continue
        return e
    return None


def test_seed_has_exactly_the_four_gold_events(seed_extraction, seed_gold):
    events = seed_extraction.events
    assert len(events) == len(seed_gold["events"]), [
        (e.sub_event_type, e.date, e.place and e.place.name, e.evidence.get("sentence")) for e in events]
    matched = {id(_match(g, events)) for g in seed_gold["events"]}
    assert None not in matched and len(matched) == 4


@pytest.mark.parametrize("key", ["ain_al_asad_missile", "ac130_response", "centcom_precision_strikes",
                                 "al_shaddadi_attack"])
def test_seed_event_fields(seed_extraction, seed_gold, seed_article, key):
    gold = next(g for g in seed_gold["events"] if g["key"] == key)
    e = _match(gold, seed_extraction.events)
    assert e is not None, f"no event matches {key}"
    assert e.event_type == gold["event_type"]
    assert e.date.precision == gold["time_precision"]
    if "date_phrase" in gold:
        assert e.date.phrase.lower() in gold["date_phrase"].lower()
    assert (e.actor1.name if e.actor1 else None) == gold["actor1"]
    assert (e.actor2.name if e.actor2 else None) == gold["actor2"]
    assert e.place.admin1 == gold["admin1"]
    for field, name in (("fatalities", "fatalities"), ("injuries", "injuries")):
        count = getattr(e, field)
        assert (count.best if count else None) == gold[name]
    for gc in gold["claims"]:
        assert any(c.speaker == gc["speaker"] and c.channel == gc["channel"] and c.status == gc["status"]
                   and (gc.get("role") is None or c.role == gc["role"]) for c in e.claims), e.claims
    if not gold["claims"]:
        assert all(c.status != "confirmed" for c in e.claims)
    for gr in gold.get("responsibility", []):
        assert any(c.speaker == gr["speaker"] and c.channel == gr["channel"] and c.status == gr["status"]
                   for c in e.responsibility), e.responsibility
    evidence_text = " ".join(s.text for spans in e.evidence.values() for s in spans)
    for quote in gold.get("must_quote", []):
        assert quote in evidence_text
    # every span points at the real text
    for spans in e.evidence.values():
        for s in spans:
            assert seed_article.text[s.start:s.end] == s.text


def test_missile_attack_evidence_spans(seed_extraction, seed_gold, seed_article):
    gold = next(g for g in seed_gold["events"] if g["key"] == "ain_al_asad_missile")
    e = _match(gold, seed_extraction.events)
    assert e.injuries.best == 8 and e.injuries.exact
    assert "eight" in e.evidence["injuries"][0].text
    assert e.evidence["event_date"][0].text == "Monday night"
    assert "missile" in " ".join(s.text for s in e.evidence["sub_event_type"])
    assert any("Ain" in s.text for s in e.evidence["location"])


def test_elaborating_sentences_do_not_make_new_events(pipeline) -> None:
    from datetime import datetime

    from eventwire.models import Article

    text = ("Gunmen killed seven villagers in Bandiagara, Mali, on Monday, local officials said. "
            "The attack was very brutal. Survivors fled into the bush. "
            "In a separate attack on Tuesday, militants ambushed an army convoy near Douentza, killing three soldiers.")
    ex = pipeline.extract(Article.from_text(text, published=datetime(2024, 5, 8, 10)))
    assert [(e.sub_event_type, e.date.date.isoformat(), e.fatalities.best if e.fatalities else None)
            for e in ex.events] == [("Attack", "2024-05-06", 7), ("Armed clash", "2024-05-07", 3)]
    first = ex.events[0]
    assert any("very brutal" in s.text for s in first.evidence["sentence"])


def test_background_generic_and_follow_up_sentences_add_no_events(pipeline) -> None:
    from datetime import datetime

    from eventwire.models import Article

    text = ("A bomb exploded at a bus station in Maiduguri on Saturday night, killing four people, police said. "
            "Police said Sunday that the explosion was caused by an improvised device. "
            "Speaking in Abuja after the blast, the minister said the investigation had begun. "
            "Suicide bombings have become rarer in the city. "
            "A similar bomb killed 12 people at the same station in 2014.")
    ex = pipeline.extract(Article.from_text(text, published=datetime(2024, 3, 4, 9)))
    assert len(ex.events) == 1
    [e] = ex.events
    assert (e.sub_event_type, e.date.date.isoformat(), e.fatalities.best, e.place.name) == \
        ("Remote explosive/landmine/IED", "2024-03-02", 4, "Maiduguri")
    assert len(e.evidence["sentence"]) >= 3  # the follow-ups are kept as its evidence


def test_unnamed_police_belong_to_the_events_country_and_summaries_are_not_events(pipeline) -> None:
    from datetime import datetime

    from eventwire.models import Article

    text = ("A bomb exploded at a shrine in Bangkok on Monday, killing 20 people, many of them Chinese tourists. "
            "Chinese officials condemned the attack and Chinese media covered it widely. "
            "Police arrested a suspect on Tuesday. "
            "The blast came a week after a spate of bombings across Thailand killed 17 people.")
    ex = pipeline.extract(Article.from_text(text, published=datetime(2024, 8, 21, 9)))
    arrests = [e for e in ex.events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].actor1.name == "Police Forces of Thailand"
    assert not any(e.fatalities and e.fatalities.best == 17 for e in ex.events)


def test_an_event_at_an_unknown_village_keeps_the_region_at_precision_3(pipeline) -> None:
    from datetime import datetime

    from eventwire.models import Article

    text = "Gunmen killed five villagers in Kumbakhali in Mali's Mopti region on Sunday, a local official said."
    [e] = pipeline.extract(Article.from_text(text, published=datetime(2024, 5, 7, 9))).events
    assert (e.place.country, e.place.admin1, e.place.geo_precision) == ("Mali", "Mopti", 3)
    text = "Gunmen killed five villagers in Kumbakhali on Sunday, Malian officials said."
    [e] = pipeline.extract(Article.from_text(text, published=datetime(2024, 5, 7, 9))).events
    assert (e.place.country, e.place.geo_precision) == ("Mali", 3)
    assert e.place.span is not None and e.place.span.text == e.place.name
