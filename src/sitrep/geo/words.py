"""The word lists that place resolution reads from ``data/resolve.json``: locative
prepositions, place nouns, compass words, abbreviations, verbs of taking ground and the like,
loaded once into a frozen `Lex`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from sitrep.countries import demonyms


@dataclass(frozen=True, slots=True)
class Lex:
    locative: frozenset[str]
    locative_heads: frozenset[str]
    directions: dict[str, str]
    bearings: dict[str, tuple[float, float]]
    units: dict[str, float]
    nouns: dict[str, str]
    modifiers: frozenset[str]
    noun_phrases: dict[tuple[str, ...], str]  # "local government area": "lga"
    phrase_starts: frozenset[str]  # their first words
    sub_city: frozenset[str]
    connectors: frozenset[str]
    stop: frozenset[str]
    demonyms: dict[str, str]
    abbreviations: dict[str, tuple[str, str, str]]
    initial: frozenset[str]
    english: frozenset[str]
    place_preps: frozenset[str]
    mistaken: frozenset[str]
    sites: frozenset[str]
    seize_verbs: frozenset[str]
    toponym_generics: frozenset[str]
    split_starts: frozenset[str]  # "ST" "." "PARIS": a name's abbreviated first word, split
    own_halls: frozenset[str]  # "Sligo Town Hall": the town's own building after its noun
    shared_starts: frozenset[str]  # "Abu", "Umm": words that begin persons' and places' names
    english_generics: frozenset[str]  # "Lake", "Camp": English toponym words of the list above
    area_nouns: frozenset[str]
    mislabels: frozenset[str]
    mistaken_preps: frozenset[str]
    plural_divisions: dict[str, str]  # "counties": "county"
    town_use: frozenset[str]  # "a Palestine man": nouns a country's name does not qualify
    topic_verbs: frozenset[str]  # "protested against the war in Bosnia": what, not where
    topic_preps: frozenset[str]
    topic_nouns: frozenset[str]  # "the war", "the killing": events a protest may be about
    speech_verbs: frozenset[str]  # "urged Russia to ...": only "said in X" places them
    attack_nouns: frozenset[str]  # "launched an offensive on X": the offensive's target
    postal: dict[str, dict[str, str]]  # country -> postal code of a division -> its name
    streets: frozenset[str]  # "Street", "Rd.": a name they end is a street's
    site_words: frozenset[str]  # "Hospital", "High": a name they go on with is a site's
    side_words: frozenset[str]  # "North", "Near" in "the Near North Side": a part of a city
    generic: frozenset[str]  # "Center", "Park": alone, a part of a longer name, not a town
    list_nouns: dict[str, str]  # "the cities of A and B": plural nouns that only head lists
    ground_verbs: frozenset[str]  # "entered Quraytayn": verbs whose object is ground, not people
    harm_verbs: frozenset[str]  # "killed", "injured": what a comma-joined toll clause tells
    leave_verbs: frozenset[str]  # "withdrew from X": the place left is where it happened
    event_nouns: frozenset[str]  # "Kafr Saghir's liberation": events a place name may qualify


@lru_cache(maxsize=1)
def water_bodies() -> tuple[dict[str, Any], ...]:
    """Our list of seas, lakes and rivers (``data/water.json``): name, aliases, point,
    country (where one holds all of it) and shores, each an entry."""
    text = resources.files("sitrep.geo").joinpath("data/water.json").read_text("utf-8")
    return tuple(json.loads(text)["water"])


@lru_cache(maxsize=1)
def water_shores() -> dict[str, frozenset[str]]:
    """The countries on each sea's coasts or river's banks, by the water body's name."""
    return {w["name"]: frozenset(w["shores"]) for w in water_bodies()}


@lru_cache(maxsize=1)
def water_first_words() -> frozenset[str]:
    """The first words of the water bodies' names and aliases, lower case ("red" of "Red
    Sea"): the common words that may begin a name."""
    return frozenset(n.split()[0].lower() for w in water_bodies()
                     for n in (w["name"], *w["aliases"]))


@lru_cache(maxsize=1)
def load_lex() -> Lex:
    base = resources.files("sitrep.geo").joinpath("data")
    d: dict[str, Any] = json.loads(base.joinpath("resolve.json").read_text("utf-8"))
    return Lex(
        locative=frozenset(d["locative_preps"]), locative_heads=frozenset(d["locative_heads"]),
        directions=dict(d["directions"]),
        bearings={k: (float(v[0]), float(v[1])) for k, v in d["bearings"].items()},
        units=dict(d["distance_units"]), nouns=dict(d["place_nouns"]),
        modifiers=frozenset(d["noun_modifiers"]),
        noun_phrases={tuple(k.split()): v for k, v in sorted(
            d["noun_phrases"].items(), key=lambda kv: -len(kv[0].split()))},  # longest first
        phrase_starts=frozenset(k.split()[0] for k in d["noun_phrases"]),
        sub_city=frozenset(d["sub_city_nouns"]),
        connectors=frozenset(d["connectors"]), stop=frozenset(d["stop_names"]),
        demonyms=demonyms(),
        abbreviations={k: (v[0], v[1], v[2]) for k, v in d["abbreviations"].items()},
        initial=frozenset(d["name_initial_words"]),
        english=frozenset(d["english_connectors"]),
        place_preps=frozenset(d["place_preps"]), mistaken=frozenset(d["mistaken_labels"]),
        sites=frozenset(d["site_nouns"]) | frozenset(d["place_nouns"]),
        seize_verbs=frozenset(d["seize_verbs"]),
        toponym_generics=frozenset(d["toponym_generics"]),
        split_starts=frozenset(d["split_name_abbreviations"]),
        own_halls=frozenset(d["own_hall_words"]),
        shared_starts=frozenset(d["shared_name_starts"]),
        english_generics=frozenset(d["english_toponym_generics"]),
        area_nouns=frozenset(d["area_nouns"]),
        mislabels=frozenset(d["mislabels_after_place_word"]),
        mistaken_preps=frozenset(d["place_preps"]) | frozenset(d["mistaken_preps"]),
        plural_divisions=dict(d["plural_division_nouns"]),
        town_use=frozenset(d["town_use_nouns"]),
        topic_verbs=frozenset(d["topic_verbs"]), topic_preps=frozenset(d["topic_preps"]),
        topic_nouns=frozenset(d["topic_event_nouns"]),
        speech_verbs=frozenset(d["speech_verbs"]),
        attack_nouns=frozenset(d["attack_nouns"]),
        postal={cc: dict(codes) for cc, codes in d["postal_codes"].items()},
        streets=frozenset(d["street_words"]),
        site_words=frozenset(d["site_name_words"]),
        side_words=frozenset(d["city_side_words"]),
        generic=frozenset(d["generic_name_words"]),
        list_nouns={**d["place_nouns"], **d["list_nouns"]},
        ground_verbs=frozenset(d["ground_verbs"]),
        harm_verbs=frozenset(d["harm_verbs"]),
        leave_verbs=frozenset(d["leave_verbs"]),
        event_nouns=frozenset(d["event_nouns"]),
    )
