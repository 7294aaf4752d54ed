"""From resolved candidates to place mentions: which candidates are place mentions at all
(a name without a place cue must be well known, of the focus country, or after a place
preposition; names the tagger mislabels), how each is marked (locative, a qualifier, the
clause's subject), its precision and location (moved and made coarser for "30 km south of
X"; an unknown name placed at its container; a shared sea read in the article's country),
and the dateline's place."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.geo.gazetteer import Place
from sitrep.geo.model import (
    BLOCK_LABELS,
    FOCUS_BONUS,
    FOCUS_MIN,
    PRECISION_OF_KIND,
    PRECISION_RANK,
    WELL_KNOWN,
    Cand,
    PlaceMention,
    first_conjunct,
    make_location,
)
from sitrep.geo.ranking import Ranker
from sitrep.geo.words import water_shores
from sitrep.record import GeoPrecision, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _in_focus_waters(place: Place, focus: str | None) -> tuple[Place, str | None]:
    """A sea, lake or river several countries share, in an article about one of them, is read
    in that country ("the Red Sea" in a story about Yemen), as event data codes an event at sea
    to the country whose waters it is in; returns the place and the note that says so."""
    if (place.kind == "water" and place.country_code is None and focus is not None
            and focus in water_shores().get(place.name, ())):
        return (replace(place, country_code=focus),
                f"{place.name} borders several countries; placed in the article's country")
    return place, None


class MentionBuilder(Ranker):
    """Builds the article's `PlaceMention`s."""

    def _mention(self, doc: Doc, c: Cand, focus: str | None,
                 persons: frozenset[str] = frozenset()) -> PlaceMention | None:
        span = doc[c.start_tok:c.end_tok]
        root = doc[c.i:c.j].root.i
        if c.hint is not None and (c.start_tok < c.i or c.end_tok > c.j):
            root = doc[c.start_tok:max(c.noun_end, c.j)].root.i  # "town of X", "X town"
        weak = False
        if not c.strong and c.container is None and not c.seized:
            p = c.place
            ent = {doc[k].ent_type_ for k in range(c.i, c.j)}
            locative = self._is_locative(doc, c.start_tok, root)
            if p is None or len(doc[c.i:c.j].text) < 3:
                return None  # "D"
            if not locative and c.j - c.i == 1 and doc[c.i].lower_ in persons:
                return None  # "Gaines said" after "Larry Gaines": the person, not a town
            if c.name_kind is not None and locative and doc[c.j - 1].ent_type_ != "PERSON":
                pass  # "inside the Aleppo Governorate": its own place word and a preposition
                # (whatever the tagger calls the words before that place word)
            elif (ent & BLOCK_LABELS or "ORG" in ent) and self._famous_mislabel(doc, c):
                pass  # "attacks on Aleppo for the ninth day" (a work of art), "Aleppo" (NORP)
            elif ent & BLOCK_LABELS or ("ORG" in ent and not locative):
                # the tagger's "Aleppo for the day"; "the Aleppo Governorate" with "Aleppo"
                # tagged as a nationality: the name's own place word makes it a place
                weak = (p.primary or c.name_kind is not None) and (
                    "PERSON" not in ent or locative or self._acted_on(doc, root))
                if not weak:
                    return None
            elif not (p.primary or locative):
                return None  # a common word that is only some place's other name
            elif not ((p.country_code == focus and p.prominence >= FOCUS_MIN)
                      or p.prominence >= WELL_KNOWN or locative):
                weak = p.primary
                if not weak:
                    return None
        locative = self._is_locative(doc, c.start_tok, root)
        if c.in_list and c.list_head >= 0:
            locative = self._is_locative(doc, c.list_head + 2, root)
        modifier = self._is_modifier(doc, root)
        head = first_conjunct(doc[root]).head
        if (locative and modifier and c.noun is None and head.pos_ != "PROPN"
                and head.lower_ not in self.lex.nouns
                and head.lower_ not in self.lex.locative_heads):
            locative = False  # "handed over to U.S. forces": the preposition governs "forces"
        subject = doc[root].dep_ == "nsubj" or (head.dep_ == "agent" and head.lower_ == "by")
        m = PlaceMention(start=span.start_char, end=span.end_char, text=span.text,
                         place=None, precision=None, cue="name", root=root,
                         locative=locative, modifier=modifier, hint=c.hint, subject=subject,
                         weak=weak, site=c.site)
        name_text = doc[c.i:c.j].text
        where = c.container.place if c.container is not None else None
        if c.place is not None:
            p, m.note = _in_focus_waters(c.place, focus)
            m.place, m.precision = p, PRECISION_OF_KIND[p.kind]
            m.cue = "contained" if where is not None else "noun" if c.noun else "name"
            if c.distance_km is not None or c.bearing is not None:
                self._displace(m, c)
            else:
                if c.direction:
                    m.cue = "direction"
                m.location = make_location(self.gaz, p, m.precision, m.text, m.note)
        elif where is not None:
            what = doc[c.i:c.noun_end].text if c.noun_end > c.j else name_text
            m.place, m.precision, m.cue = where, PRECISION_OF_KIND[where.kind], "contained"
            m.at_container = True
            m.note = f"{what} not in gazetteer; placed at {where.name}"
            m.location = make_location(self.gaz, where, m.precision, m.text, m.note)
        elif c.seized:
            m.cue, m.weak = "seized", True  # only the event that takes it makes it a place
        elif c.noun is None and not c.in_list and c.hint is None:
            if not (c.strong and m.locative):
                if not self._seized_name(doc, c.i, c.j, [t.ent_type_ for t in doc]):
                    return None
                m.cue, m.weak = "seized", True
                return m
            m.cue = "unknown"  # a place word governed by "in"/"at": location_for notes it
        else:
            m.cue = "list" if c.in_list else "noun"
        return m

    def _famous_mislabel(self, doc: Doc, c: Cand) -> bool:
        """A well-known place's own name that the tagger calls a nationality, a group or a
        work ("Aleppo" as NORP, "Aleppo for the ninth consecutive day" as a work of art), not
        a person, where the name is not the head of a longer name ("Aleppo University")."""
        p = c.place
        if p is None or not p.primary or p.prominence < WELL_KNOWN or p.kind == "country":
            return False
        if any(doc[k].ent_type_ == "PERSON" or doc[k].lower_ in self.lex.demonyms
               for k in range(c.i, c.j)):
            return False
        if doc[c.i].ent_iob_ == "I" and c.i > 0 and doc[c.i - 1].ent_type_ != "":
            return False  # inside a longer name ("the Aleppo Media Center")
        nxt = doc[c.j] if c.j < len(doc) else None
        if nxt is not None and nxt.ent_iob_ == "I" and not nxt.is_lower:
            return False  # "Aleppo Media Center", "Homs Brigade"
        return not (nxt is not None and nxt.tag_ == "POS")

    def _displace(self, m: PlaceMention, c: Cand) -> None:
        """"30 km south of Kirkuk": move the point; precision follows the distance."""
        p = m.place
        assert p is not None and c.bearing is not None
        dist = c.distance_km
        lat, lon = p.lat, p.lon
        if dist is not None and lat is not None and lon is not None:
            dy, dx = self.lex.bearings[c.bearing]
            lat = lat + dy * dist / 111.2
            lon = lon + dx * dist / (111.2 * max(0.1, math.cos(math.radians(lat))))
            m.note = f"about {dist:g} km {c.bearing} of {p.name}; point moved from {p.name}"
            prec: GeoPrecision = "city" if dist <= 15 else "admin2"
        else:
            m.note = f"{c.bearing} of {p.name}, distance not given; placed at {p.name}"
            prec = "admin2"
        if PRECISION_RANK[prec] > PRECISION_RANK[PRECISION_OF_KIND[p.kind]]:
            prec = PRECISION_OF_KIND[p.kind]
        m.precision, m.cue = prec, "distance"
        m.location = make_location(self.gaz, p, prec, m.text, m.note, lat, lon)

    def _is_modifier(self, doc: Doc, root: int) -> bool:
        """A name used to qualify something else: "Yemen's Ansar al-Sharia", "U.S.
        President", "task force for Syria" is not where something happened."""
        tok = doc[root]
        if any(ch.dep_ == "case" for ch in tok.children):
            return True
        tok = first_conjunct(tok)  # "Iraqi and U.S. forces"
        return tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.i > tok.i

    def _dateline(self, dateline: Span, focus: str | None,
                  named: list[PlaceMention]) -> PlaceMention | None:
        """The dateline's place: the finest place named in it ("GAO" in "GAO, Mali"), else a
        lookup of its first part."""
        if named:
            best = max(named, key=lambda m: (PRECISION_RANK.get(m.precision or "country", 0),
                                             -m.start)).place
        else:
            parts = [x.strip(" -—–,(") for x in dateline.text.split(",")]
            found = self.gaz.lookup(parts[0]) or self.gaz.lookup(dateline.text.strip(" -—–,("))
            if not found:
                return None
            best = max(found, key=lambda p: p.score + (FOCUS_BONUS if p.country_code == focus
                                                      else 0.0))
        assert best is not None
        prec = PRECISION_OF_KIND[best.kind]
        loc = make_location(self.gaz, best, prec, dateline.text,
                            "not stated for the event; taken from the dateline")
        return PlaceMention(dateline.start, dateline.end, dateline.text, best, prec,
                            loc.note, loc, cue="dateline")
