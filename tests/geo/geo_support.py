"""What the resolver made of a text, in the shapes the geo tests compare."""

from __future__ import annotations

from spacy.language import Language

from sitrep.geo import GeoResolver


def resolved(nlp: Language, resolver: GeoResolver, text: str,
             *fields: str) -> dict[str, tuple[str, ...]]:
    """Each placed mention's words → the named fields of its place ("" where a field is empty)."""
    places = resolver.resolve(nlp(text))
    return {m.text: tuple(str(getattr(m.place, name) or "") for name in fields)
            for m in places.mentions if m.place is not None}


def kinds(nlp: Language, resolver: GeoResolver, text: str) -> dict[str, tuple[str, ...]]:
    """Each placed mention's words → (place kind, country code)."""
    return resolved(nlp, resolver, text, "kind", "country_code")


def event_place_of(nlp: Language, resolver: GeoResolver, text: str,
                   word: str) -> str | None:
    """The words of the place chosen for the event told by `word` (its first occurrence in
    `text`, a one-sentence text), or None."""
    places = resolver.resolve(nlp(text))
    start = text.index(word)
    m = places.event_place(start, start + len(word), 0, len(text))
    return m.text if m is not None else None
