"""The shipped sub-type model: loads without scikit-learn, predicts sub-types of unseen sentences,
and only re-labels (never creates) events when asked not to."""

from __future__ import annotations

from eventwire.extract.subtype_model import features, load_model
from eventwire.extract.types import TypeGuess, classify_snippet, refine


def test_features_are_words_prefixes_and_bigrams() -> None:
    f = features("Protesters were dispersed with tear gas in 2021.")
    assert "protesters" in f and "prote~" in f and "tear gas" in f and "<num>" in f
    assert "with" not in f  # stop word, but kept inside bigrams
    assert "with tear" in f
    assert "rule=Protest with intervention" in f  # the rules' verdict, stacked


def test_model_loads_and_predicts_unseen_sentences() -> None:
    model = load_model()
    assert model is not None and len(model.labels) == 30
    t_new, t_over, t_keep = model.thresholds
    assert 0 < t_new <= 1.01 and 0 < t_over <= 1.01 and 0 < t_keep <= 1.01
    # sentences written for this test, not in the training files
    assert model.predict("Hundreds of farmers marched peacefully to the district office in Ludhiana "
                         "to demand higher crop prices.")[0] == "Peaceful protest"
    assert model.predict("A drone dropped two bombs on a fuel depot outside Kherson overnight.")[0] == \
        "Air/drone strike"
    assert model.predict("Floods swept away dozens of houses after the river burst its banks.")[0] is None


def test_refine_relabels_only_above_thresholds() -> None:
    rules = TypeGuess("Attack", "Violence against civilians", 0.5, (0, 6))
    assert refine(rules, ("Armed clash", 0.9), t_new=0.5, t_over=0.8).sub_event_type == "Armed clash"
    assert refine(rules, ("Armed clash", 0.7), t_new=0.5, t_over=0.8).sub_event_type == "Attack"
    assert refine(rules, (None, 0.99), t_new=0.5, t_over=0.8) is rules
    none = TypeGuess(None, None, 0.0, None)
    added = refine(none, ("Arrests", 0.6), t_new=0.5, t_over=0.8)
    assert (added.sub_event_type, added.event_type, added.trigger) == ("Arrests", "Strategic developments", None)


def test_allow_new_false_never_creates_an_event() -> None:
    text = "The two leaders met in Doha on Tuesday to discuss the ceasefire."
    assert classify_snippet(text, allow_new=False).sub_event_type is None


def test_in_articles_a_named_weapon_is_not_overruled() -> None:
    text = ("A Russian missile strike on the city of Kharkiv killed three people and injured 11 others "
            "late on Monday, the regional governor said on Telegram.")
    assert classify_snippet(text, allow_new=False).sub_event_type == "Shelling/artillery/missile attack"


def test_in_articles_the_model_does_not_change_a_clear_cues_event_type() -> None:
    text = ("Police officers, firefighters and other first responders had rushed to the scene of the blast, "
            "which closed a major roadway and forced people out of nearby buildings.")
    assert classify_snippet(text, allow_new=False).event_type == "Explosions/Remote violence"


def test_the_model_cannot_turn_a_disaster_or_a_weapons_test_into_an_event() -> None:
    for text in ("At least five people were killed after a volcano suddenly erupted off the east coast.",
                 "Fifteen people were killed when an illegal fireworks warehouse exploded.",
                 "North Korea test-fired two ballistic missiles into the sea."):
        assert classify_snippet(text).sub_event_type is None, text


def test_diplomacy_is_not_an_event_but_an_attack_on_an_embassy_is() -> None:
    assert classify_snippet("The administration announced the expulsion of 60 diplomats and the closure of "
                            "a consulate.").sub_event_type is None
    assert classify_snippet("The two sides signed a ceasefire agreement at the summit.").sub_event_type == "Agreement"
    assert classify_snippet("Protesters stormed the embassy in Baghdad.").sub_event_type == "Violent demonstration"
