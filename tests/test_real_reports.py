"""Behaviours found by running real news reports through the pipeline (WikiEvents-style text)."""

from __future__ import annotations

from datetime import datetime

from eventwire.models import Article


def _events(pipeline, text: str, published=datetime(2019, 3, 3, 9)):
    return pipeline.extract(Article.from_text(text, published=published)).events


def test_glued_headline_splits_into_sentences() -> None:
    from eventwire.nlp import load_nlp, split_sentences

    text = ("Roadside IED kills Russian major general in SyriaThe desert south of Deir ez-Zor is rife with "
            "insurgents. Analysts at LinkedIn and McDonald said little.")
    want = ["Roadside IED kills Russian major general in Syria",
            "The desert south of Deir ez-Zor is rife with insurgents.",
            "Analysts at LinkedIn and McDonald said little."]
    assert [text[s:e] for s, e in split_sentences(text)] == want
    doc = load_nlp()(text)
    assert [s.text for s in doc.sents] == want
    assert doc.text == text  # the split is zero-width: offsets stay those of the article


def test_battle_between_two_forces_names_both_sides(pipeline) -> None:
    text = ("A man was killed and five more were wounded on Monday in a battle between troops and "
            "terrorists in Maiduguri, Nigeria.")
    [e] = _events(pipeline, text)
    assert e.sub_event_type == "Armed clash"
    assert (e.actor1.name, e.actor2.name) == ("Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)")
    assert (e.fatalities.best, e.injuries.best) == (1, 5)


def test_pronoun_sentence_continues_the_attack_just_reported(pipeline) -> None:
    text = ("On the morning of 1 March 2019, Taliban gunmen and suicide bombers attacked Camp Shorabak in "
            "Helmand Province, Afghanistan.They killed 23 Afghan soldiers and injured another 15.")
    [e] = _events(pipeline, text)
    assert e.sub_event_type == "Suicide bomb"
    assert e.actor1.name == "Taliban"
    assert e.actor2.name == "Military Forces of Afghanistan"
    assert (e.fatalities.best, e.injuries.best) == (23, 15)
    assert e.place.admin1 == "Helmand"


def test_kept_in_hospital_is_not_an_arrest_and_a_bare_bombing_is_an_explosion(pipeline) -> None:
    text = ("Ninety six people were detained in hospital in Belfast on Friday after a bombing in the city "
            "centre killed nine people.")
    events = _events(pipeline, text, datetime(1972, 7, 22, 9))
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].fatalities.best == 9


def test_a_surname_is_not_geocoded_as_a_village(pipeline) -> None:
    text = ("A citizen of Kyrgyzstan, Khairullozhon Matanov, pleaded not guilty on Wednesday. "
            "Gunmen attacked Matanov on Tuesday, killing two of his relatives, police said.")
    events = _events(pipeline, text, datetime(2014, 6, 1, 9))
    assert events and all(e.place is None or e.place.name != "Matanov" for e in events)
