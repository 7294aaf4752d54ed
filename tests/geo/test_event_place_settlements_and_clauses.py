"""Event places from settlement words ("colony", "sector", "locality", "hamlet"),
a comma clause the parser misreads as a clausal complement, a place that names the event
noun ("during Tikrit's recapture"), the place a relative clause hangs on ("Bagram, where
..."), "in the capital, X", and the finer place after a possessive or before "outside"."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_colony_of_a_city_is_the_finer_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "Two men were shot dead in the Gulshan colony of Multan on Friday."
    found = event_place_of(nlp, resolver, text, "shot")
    assert found is not None and found.startswith("Gulshan colony")


def test_a_named_sector_is_a_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "Four soldiers were wounded by shelling in the Uri sector on Tuesday."
    assert event_place_of(nlp, resolver, text, "wounded") == "Uri sector"


def test_a_hamlet_is_a_place_noun(nlp: Language, resolver: GeoResolver) -> None:
    text = "Gunmen struck the remote hamlet of Kanchana, killing six villagers."
    assert event_place_of(nlp, resolver, text, "struck") == "hamlet of Kanchana"


def test_a_comma_joined_toll_clause_is_not_reported_speech(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("At least 12 soldiers were killed, many others wounded after a rebel assault on army "
            "posts in the northern town of Kidal.")
    assert event_place_of(nlp, resolver, text, "killed") == "town of Kidal"


def test_a_place_that_names_the_event_noun(nlp: Language, resolver: GeoResolver) -> None:
    assert event_place_of(nlp, resolver, "Four soldiers died during Tikrit's recapture in March.",
                  "died") == "Tikrit"
    text = "Two civilians were killed during the Ramadi offensive last year."
    assert event_place_of(nlp, resolver, text, "killed") == "Ramadi"


def test_a_country_before_an_attack_noun_is_who_struck(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Dozens of soldiers were injured in US airstrikes, a monitor said."
    assert event_place_of(nlp, resolver, text, "injured") is None


def test_the_place_a_where_clause_hangs_on(nlp: Language, resolver: GeoResolver) -> None:
    text = "The prisoners were later flown to Bagram, where they have been held since."
    assert event_place_of(nlp, resolver, text, "held") == "Bagram"


def test_a_person_a_relative_clause_hangs_on_is_no_place(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "The bomber hit a car carrying the former Bay governor, who survived the blast."
    assert event_place_of(nlp, resolver, text, "survived") is None


def test_the_capital_named_in_apposition(nlp: Language, resolver: GeoResolver) -> None:
    text = ("The minister was shot in the neck late on Monday after dinner at his home in the "
            "capital, Nairobi.")
    assert event_place_of(nlp, resolver, text, "shot") == "Nairobi"


def test_guards_finer_places(nlp: Language, resolver: GeoResolver) -> None:
    """Guards (they held before this round too): where someone came from is not the event's
    place; the place after a possessive and the place before "outside" are the finer ones."""
    text = ("Tom Hale, a builder from Hull in England, was killed in Iraq's Qayyarah village "
            "while fighting alongside Kurdish units.")
    assert event_place_of(nlp, resolver, text, "killed") == "Qayyarah village"
    text = "Angry residents of the Gasenyi commune outside Bujumbura captured a gunman."
    assert event_place_of(nlp, resolver, text, "captured") == "Gasenyi commune"


def test_the_dev_halves_are_stable_and_both_used() -> None:
    from sitrep.eval.geo import dev_half

    halves = [dev_half(str(k)) for k in range(200)]
    assert set(halves) == {"a", "b"}
    assert halves == [dev_half(str(k)) for k in range(200)]
