"""Local news: the state a story's names agree on decides which namesake each town is;
abbreviated names, postal codes, streets and people's names."""

from __future__ import annotations

from spacy.language import Language

from sitrep.geo import Gazetteer, GeoResolver
from sitrep.geo.division_focus import (
    NameVote,
    division_votes,
    leading_division,
    named_divisions,
    postal_division,
)
from sitrep.geo.gazetteer import Place
from sitrep.geo.normalize import expand_abbreviations


def _where(nlp: Language, resolver: GeoResolver, text: str) -> dict[str, tuple[str, str]]:
    places = resolver.resolve(nlp(text))
    return {m.text: (m.place.admin1 or "", m.place.country_code or "")
            for m in places.mentions if m.place is not None}


def _town(name: str, admin1: str, score: float, kind: str = "city") -> Place:
    return Place(id=hash((name, admin1)) % 10**9, name=name, kind=kind, country_code="US",
                 admin1=admin1, admin2=None, lat=None, lon=None, population=1000,
                 geonameid=None, parent_id=None, prominence=score, source="geonames",
                 score=score, primary=True)


def test_votes_favour_the_division_the_names_share() -> None:
    names = [
        NameVote("Hall County", [_town("Hall County", "Nebraska", 12.2, "admin2"),
                                 _town("Hall County", "Georgia", 12.2, "admin2")]),
        NameVote("Forsyth County", [_town("Forsyth County", "North Carolina", 12.9, "admin2"),
                                    _town("Forsyth County", "Georgia", 12.5, "admin2")]),
        NameVote("Hall", [_town("Hall County", "Nebraska", 12.2, "admin2")]),  # a repeat
    ]
    votes = division_votes(names, "US")
    assert leading_division(votes) == "Georgia"


def test_a_lesser_namesake_votes_little() -> None:
    names = [NameVote("Charleston", [_town("Charleston", "South Carolina", 9.5),
                                     _town("Charleston", "West Virginia", 9.0),
                                     _town("Charleston", "New York", 4.0)]),
             NameVote("Bronx County", [_town("Bronx County", "New York", 12.0, "admin2")])]
    assert leading_division(division_votes(names, "US")) is None


def test_a_story_naming_several_states_has_none() -> None:
    states = [NameVote(s, [_town(s, s, 9.0, "admin1")], division=True)
              for s in ("Ohio", "Indiana", "Illinois")]
    assert division_votes(states, "US") == {}
    county = NameVote("Vanderburgh County",
                      [_town("Vanderburgh County", "Indiana", 11.0, "admin2")])
    two = [*states[:2], county]
    votes = division_votes(two, "US")
    assert named_divisions(two, "US") == 2
    assert leading_division(votes, named_divisions(two, "US")) is None


def test_postal_code_after_a_dateline_town() -> None:
    codes = {"GA": "Georgia", "IN": "Indiana"}
    assert postal_division("COLUMBUS, GA (WTVM) - Police said ...", codes) == "Georgia"
    assert postal_division("Police in Columbus said on Friday ...", codes) is None
    assert postal_division("Smith, IN Other News, said", codes) is None


def test_abbreviated_first_word_is_written_out(gaz: Gazetteer) -> None:
    assert expand_abbreviations("mt pleasant") == "mount pleasant"
    assert expand_abbreviations("mt") == "mt"
    found = gaz.lookup("Mt. Pleasant")
    assert found and found[0].primary and found[0].name == "Mount Pleasant"


def test_neighbouring_names_pick_the_namesake(nlp: Language, resolver: GeoResolver) -> None:
    text = ("A teenager from Mt. Pleasant was charged on Tuesday, Westmoreland County "
            "detectives said. He was arrested at a friend's home in Ligonier, and police in "
            "Mt. Pleasant searched his car.")
    assert _where(nlp, resolver, text)["Mt. Pleasant"] == ("Pennsylvania", "US")


def test_parishes_place_a_louisiana_town(nlp: Language, resolver: GeoResolver) -> None:
    text = ("A St. Mary Parish sheriff's deputy died after a shooting in Franklin on "
            "Friday. He had grown up in Lafayette Parish.")
    assert _where(nlp, resolver, text)["Franklin"] == ("Louisiana", "US")


def test_a_great_city_keeps_its_name(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Police in Dallas and Houston, Texas, said the suspect had flown in from San "
            "Diego the week before.")
    assert _where(nlp, resolver, text)["San Diego"] == ("California", "US")


def test_a_dateline_postal_code_decides(nlp: Language, resolver: GeoResolver) -> None:
    text = ("COLUMBUS, GA (WTVM) - Columbus police are looking for the man who shot "
            "four people outside a restaurant on Sunday.")
    assert _where(nlp, resolver, text)["Columbus"] == ("Georgia", "US")


def test_a_street_is_not_its_namesake_town(nlp: Language, resolver: GeoResolver) -> None:
    text = "Officers found the car on Richmond Street in Springfield late on Monday."
    found = _where(nlp, resolver, text)
    assert "Richmond" not in found and "Richmond Street" not in found
    assert "Springfield" in found


def test_a_persons_surname_is_not_a_town(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Larry Gaines was shot twice on Friday in Denver. Gaines was taken to a "
            "hospital, where he died.")
    places = resolver.resolve(nlp(text))
    assert not any(m.text == "Gaines" for m in places.mentions)
    assert any(m.text == "Denver" for m in places.mentions)


def test_a_neighbourhood_lies_in_the_story_city(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Chicago police said a man was shot in the Chatham neighborhood on the South "
            "Side on Sunday. He was taken to Mount Sinai Hospital. Chicago police made no "
            "arrests.")
    places = resolver.resolve(nlp(text))
    assert not any(m.text == "South Side" for m in places.mentions)
    found = {m.text: m.place for m in places.mentions if m.place is not None}
    assert found["Chatham neighborhood"].admin1 == "Illinois"


def test_the_place_named_first_breaks_a_tie(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Memphis police are looking for a gunman. Shelby County deputies closed the road "
            "on Friday. A man was found shot on Tuesday.")
    doc = nlp(text)
    places = resolver.resolve(doc)
    sent = list(doc.sents)[-1]
    trigger = next(t for t in sent if t.lower_ == "shot")
    loc = places.location_for(trigger.idx, trigger.idx + len(trigger), sent.start_char,
                              sent.end_char)
    assert loc is not None and loc[0].name == "Memphis"
