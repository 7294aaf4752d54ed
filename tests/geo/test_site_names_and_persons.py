"""A town's name that begins a site's name ("Riley Hospital", "Whitehouse High School") is no
event's place and does not make the article's main place; a lone word that ends a person's
full name, and that the tagger calls a person more often than a place, is that person, as is a
first name used alone as a subject, an object or in apposition; a lone street word ("3rd
Street"), "Bar", "Metro" or "Day" names no town, nor does a name before a numbered street ("Bay
25th Street"); a possessive before a site name ("St. Vincent's Medical Hospital") marks a
site, and so does a site word before a town's name ("Children's Hospital Oakland")."""

from __future__ import annotations

from spacy.language import Language

from sitrep.geo import GeoResolver


def _mentions(nlp: Language, resolver: GeoResolver, text: str) -> dict[str, bool]:
    """Each placed mention's words → whether it begins a site's name."""
    places = resolver.resolve(nlp(text))
    return {m.text: m.site for m in places.mentions if m.place is not None}


def _event_city(nlp: Language, resolver: GeoResolver, text: str, word: str) -> str | None:
    """The place name given for the event told by `word` (its first occurrence)."""
    doc = nlp(text)
    places = resolver.resolve(doc)
    start = text.index(word)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    found = places.location_for(start, start + len(word), sent.start_char, sent.end_char)
    return found[0].name if found is not None else None


def test_a_site_name_marks_its_first_word(nlp: Language, resolver: GeoResolver) -> None:
    found = _mentions(nlp, resolver, "Firefighters were called to Lakeview Apartments in "
                                     "Dayton on Sunday after neighbours heard shots.")
    assert found.get("Lakeview") is True
    assert found.get("Dayton") is False


def test_a_state_inside_a_site_name_is_kept(nlp: Language, resolver: GeoResolver) -> None:
    found = _mentions(nlp, resolver, "He studied at Ohio State University before he moved to "
                                     "Dayton.")
    assert found.get("Ohio State") is False


def test_a_hospital_is_not_where_the_shooting_was(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("A man was shot at Riley Hospital on Friday. Police in Indianapolis said he "
            "would live.")
    assert _event_city(nlp, resolver, text, "shot") == "Indianapolis"


def test_a_school_does_not_make_the_main_place(nlp: Language, resolver: GeoResolver) -> None:
    text = ("A teenager was shot on Sunday night. He was a sophomore at Whitehouse High "
            "School. Whitehouse High School sent counselors to his class on Monday. Deputies "
            "in Tyler are still looking for the driver.")
    assert _event_city(nlp, resolver, text, "shot") == "Tyler"


def test_a_surname_after_a_preposition_is_the_person(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Deputies arrested Dalton Edwards, 19, on Tuesday night in Ocala. Edwards told "
            "investigators that his cousin had pointed a rifle at Edwards. Edwards said he "
            "fired once.")
    assert "Edwards" not in _mentions(nlp, resolver, text)


def test_a_surname_with_its_state_stays_a_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "Sheriff Mary Edwards said the crash happened near Edwards, Colorado, on Monday."
    assert "Edwards" in _mentions(nlp, resolver, text)


def test_a_lone_street_word_is_no_town(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Officers were called to a home on 3rd Street in Mount Pleasant after a report "
            "of shots.")
    found = _mentions(nlp, resolver, text)
    assert "Street" not in found  # not Street, England
    assert "Mount Pleasant" in found


def test_a_bar_and_the_metro_police_are_no_towns(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Metro police said the man was shot outside Rosie's Bar & Grill in Nashville on "
            "Friday.")
    found = _mentions(nlp, resolver, text)
    assert "Metro" not in found and "Bar" not in found
    assert "Nashville" in found


def test_a_first_name_used_alone_is_the_person(nlp: Language, resolver: GeoResolver) -> None:
    """"Charlotte" after "Charlotte Vance" is the girl, even where the tagger calls it a city;
    "in Charlotte" and "Charlotte police" stay places."""
    text = ("Dana Vance drove home from a wedding in Towson with her niece, Charlotte. "
            "Charlotte Vance, 19, was shot on the porch. Charlotte was flown to a trauma "
            "center where she died.")
    assert "Charlotte" not in _mentions(nlp, resolver, text)
    text = ("Charlotte Vance, 16, was shot on Sunday. Her family moved from Charlotte last "
            "year, and Charlotte police had warned them.")
    places = resolver.resolve(nlp(text))
    assert [m.text for m in places.mentions if m.place is not None].count("Charlotte") == 2


def test_a_possessive_before_a_site_name_marks_a_site(
        nlp: Language, resolver: GeoResolver) -> None:
    """"St. Vincent's Medical Hospital" is the hospital, not the event's town."""
    text = ("A boy was shot in the leg on Maple Street in Toledo on Friday. He was rushed to "
            "St. Vincent's Medical Hospital in serious condition.")
    found = _mentions(nlp, resolver, text)
    assert found.get("St. Vincent") is True
    assert found.get("Toledo") is False


def test_a_name_before_a_numbered_street_is_no_town(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "The shooting happened near Bay 25th Street in Brooklyn, police said."
    assert "Bay" not in _mentions(nlp, resolver, text)


def test_a_holiday_day_is_no_county(nlp: Language, resolver: GeoResolver) -> None:
    text = "The store reopened on New Year's Day in Towson, and the owner spoke on Father's Day."
    assert "Day" not in _mentions(nlp, resolver, text)


def test_a_town_after_a_site_word_names_the_site(
        nlp: Language, resolver: GeoResolver) -> None:
    """"Children's Hospital Oakland" is a hospital; the shooting was in the child's town."""
    text = ("A Napa toddler shot by accident on Saturday was in stable condition at "
            "Children's Hospital Oakland, police said.")
    assert _mentions(nlp, resolver, text).get("Oakland") is True
    assert _event_city(nlp, resolver, text, "shot") != "Oakland"
