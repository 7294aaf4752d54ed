"""The words around each candidate name: compass words and distances ("30 km south of
Kirkuk"), place nouns ("the town of X", "X province"), containers ("Mosul, Iraq",
"Qayyarah, in Nineveh province", "Baghdad's Sadr City"), lists ("the villages of A, B and C",
"Cooke, Grayson and Love counties") and a country's name used as a town's ("a Palestine
man")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.geo.candidates import CandidateFinder
from sitrep.geo.gazetteer import Place
from sitrep.geo.model import PLACE_LABELS, Cand, inside

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _city_of_parts(c: Cand) -> bool:
    """Whether "the (eastern) neighbourhoods of X" names X's parts, not one called X: X is
    a town's own name and no neighbourhood is so called."""
    return (c.hint == "neighbourhood" and bool(c.candidates) and c.candidates[0].primary
            and c.candidates[0].kind == "city"
            and not any(p.kind == "neighbourhood" for p in c.candidates))


def _own_reading(p: Place) -> bool:
    """A place the name is the own name of, or a division ("Fujian"): not a town that only
    goes by the name as another of its names ("Illinois" for a Riverside)."""
    return p.primary or p.kind in ("continent", "country", "admin1")


def _division_first(c: Cand) -> bool:
    """Whether the name is first a country or division, or a division by its own name."""
    return any(p.kind in ("continent", "country", "admin1") and (p.primary or k == 0)
               for k, p in enumerate(c.candidates))


def _may_hold(c: Cand, nxt: Cand) -> bool:
    """Whether the name after "X," can be read as X's container ("Mosul, Iraq", "Mainok,
    Borno"): X is a town or unknown, or one of X's places lies in one of its places. Where X
    is first a country or division, or a division by its own name though a town's name comes
    first ("Virginia, Maryland and Ohio"), "France, Germany and Italy", "Alaska, Hawaii" are
    lists."""
    if not _division_first(c):
        return True  # a town: "El Meram in West Kordofan" even where a namesake lies abroad
    return any(inside(p, q) for q in nxt.candidates if q.kind in ("country", "admin1", "admin2")
              for p in c.candidates if _own_reading(p))


def _countries_listed(c: Cand, nxt: Cand) -> bool:
    """Whether "X, Y" names two countries in a list: both names are first a country's own
    name ("Peru, China, Japan"), so Y is not X's container even where a town called X lies
    in Y (China, Kagoshima)."""
    return bool(c.candidates and nxt.candidates) and all(
        x.candidates[0].kind == "country" and x.candidates[0].primary for x in (c, nxt))


class ContextReader(CandidateFinder):
    """Reads each candidate's context into its fields."""

    def _context(self, doc: Doc, cands: list[Cand]) -> None:
        lex = self.lex
        by_start = {c.i: c for c in cands}
        for c in cands:
            k = c.i - 1
            if (k >= 0 and doc[k].lower_ in lex.directions
                    and doc[k].pos_ in ("ADJ", "PROPN", "NOUN", "ADV")
                    and not (k >= 1 and doc[k - 1].lower_ in ("of", "-"))):  # "27-year-old X"
                c.direction = lex.directions[doc[k].lower_]
                c.start_tok = k
                c.strong = True
            # "30 km south of Kirkuk", "south of Kirkuk"
            if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in lex.bearings:
                c.bearing = doc[k - 1].lower_
                c.start_tok = k - 1
                c.strong = True
                if k >= 3 and doc[k - 2].lower_ in lex.units and doc[k - 3].like_num:
                    try:
                        c.distance_km = float(doc[k - 3].text.replace(",", "")) * lex.units[
                            doc[k - 2].lower_]
                        c.start_tok = k - 3
                    except ValueError:
                        pass
            if (c.noun is None and k >= 2 and doc[k].lower_ == "of"
                    and doc[k - 1].lower_ in lex.nouns and not doc[k - 1].lower_.endswith("s")
                    and (doc[k - 1].is_lower or lex.nouns[doc[k - 1].lower_] == "admin1")
                    and not self._namey(doc[k - 2])
                    and not (doc[k - 2].is_title and doc[k - 2].pos_ == "PROPN"
                             and doc[k - 2].ent_type_ not in ("NORP", "GPE", "LOC")
                             and doc[k - 2].lower_ not in lex.demonyms)):
                # (not "the Islamic State of Iraq", a name that goes on before the noun)
                c.hint, c.strong = lex.nouns[doc[k - 1].lower_], True
                c.start_tok = k - 1
                c.of_noun = c.hint in ("admin1", "admin2")
            if c.noun is None:
                noun = self._noun_after(doc, c.j)
                if noun is not None:
                    c.noun, c.end_tok, c.strong, c.noun_end = noun[0], noun[1], True, noun[1]
                    c.hint = lex.nouns[noun[0]]
            # "the X neighbourhood of (eastern) Y", "the town of Y" is just Y
            e = c.end_tok
            if c.noun is not None and e + 1 < len(doc) and doc[e].lower_ == "of":
                k2 = e + 1
                if doc[k2].lower_ == "the":
                    k2 += 1
                if k2 < len(doc) and doc[k2].lower_ in lex.directions:
                    k2 += 1
                inner = by_start.get(k2)
                if inner is not None and inner is not c:
                    c.container = inner
                    c.end_tok = inner.end_tok
            # "Qayyarah, in Nineveh province" / "Mosul, Iraq": container for ranking
            if c.container is None and c.end_tok < len(doc) and doc[c.end_tok].text in (",",
                                                                                      "in"):
                k2 = c.end_tok + 1
                if k2 < len(doc) and doc[k2].lower_ in ("in", "the"):
                    k2 += 1
                if k2 < len(doc) and doc[k2].lower_ in lex.directions and k2 not in by_start:
                    k2 += 1  # "Mbanza Congo in northern Angola"
                nxt = by_start.get(k2)
                if (nxt is not None and doc[k2 - 1].lower_ == "the" and c.candidates
                        and not any(inside(p, q) for q in nxt.candidates
                                   for p in c.candidates)):
                    nxt = None  # "from Sirte, the US gave ...": a new clause, not a container
                if nxt is not None and _countries_listed(c, nxt):
                    nxt = None  # "Peru, China, Japan": a list, not China in Japan
                if nxt is not None and nxt.candidates and (
                        nxt.hint in ("admin1", "admin2")
                        or nxt.candidates[0].kind in ("country", "admin1")
                        or c.hint in ("neighbourhood", "other")) and (
                        c.hint in ("neighbourhood", "other") or _may_hold(c, nxt)):
                    c.container = nxt
                elif nxt is not None and c.candidates and nxt.candidates:
                    own = [p for p in c.candidates if _own_reading(p)] if _division_first(
                        c) else c.candidates  # "Illinois, Missouri": no town so called
                    holding = [q for q in nxt.candidates if q.kind in ("country", "admin1")
                               and any(inside(p, q) for p in own)]
                    if holding:  # "Tacoma, Washington": the state, not the capital city
                        nxt.candidates = holding
                        c.container = nxt
        self._possessed(doc, cands)
        self._lists(doc, cands, by_start)
        self._town_uses(doc, cands)

    def _town_uses(self, doc: Doc, cands: list[Cand]) -> None:
        """A country's name that qualifies a person or a town office ("a 54-year-old
        Palestine man", "Jordan residents", "Lebanon Street Superintendent") is a town's name:
        English calls a country's people by its demonym. Every repeat of the name shares it.
        A one-word name between "a" and such a noun ("a Lynn teen") is a town's name told
        clearly, as one after a place preposition is, where the tagger did not read it as a
        place (the tagger's places keep their reading)."""
        lex = self.lex
        keys: set[str] = set()
        for c in cands:
            if not any(p.kind == "country" for p in c.candidates[:1]):
                continue
            tok = doc[c.i:c.j].root
            for _ in range(3):
                if tok.dep_ not in ("compound", "nmod", "amod") or tok.head.i <= tok.i:
                    break
                tok = tok.head
                if tok.lower_ in lex.town_use:
                    keys.add(doc[c.i:c.j].text.casefold())
                    break
        for c in cands:
            if keys and doc[c.i:c.j].text.casefold() in keys:
                c.town_use = True
            if c.candidates and c.j - c.i == 1 and _resident(doc[c.i], lex.town_use):
                c.strong = True  # "a Lynn teen": a town the tagger took for a person's name

    def _possessed(self, doc: Doc, cands: list[Cand]) -> None:
        """"Baghdad's Sadr City", "Mogadishu's Huriwa district": a place named after another
        place's possessive lies in it, where one of its readings can; a district or area of
        a city that the gazetteer does not know is a part of that city."""
        by_end = {c.j: c for c in cands}
        for c in cands:
            k = (c.start_tok if c.direction else c.i) - 1  # "Baghdad's northern X district"
            if c.container is not None or k < 1 or doc[k].tag_ != "POS":
                continue
            owner = by_end.get(k)
            if owner is None or owner is c or not owner.candidates:
                continue
            if any(inside(p, q) for q in owner.candidates[:5] for p in c.candidates):
                c.container = owner
            elif (c.noun in self.lex.sub_city and owner.hint is None
                  and owner.candidates[0].kind == "city"):
                c.container, c.hint = owner, "neighbourhood"

    def _lists(self, doc: Doc, cands: list[Cand], by_start: dict[int, Cand]) -> None:
        """"the neighbourhoods of A, B and C": every listed name is a sub-place; "Cooke,
        Grayson and Love counties": every listed name is a division of that kind."""
        lex = self.lex
        for t in doc:
            if t.i >= 1 and t.is_lower and t.lower_ in lex.plural_divisions:
                self._divisions_before(doc, t.i, cands, by_start)
            if (t.lower_ not in lex.list_nouns or not t.lower_.endswith("s")
                    or t.i + 2 >= len(doc)):
                continue
            if doc[t.i + 1].lower_ != "of":
                continue
            k = t.i + 2
            listed: list[Cand] = []
            while k < len(doc):
                run_end = k
                while run_end < len(doc) and (self._namey(doc[run_end])
                                              or doc[run_end].lower_ in lex.connectors):
                    run_end += 1
                if run_end == k:
                    break
                c = by_start.get(k)
                if c is not None and c.j < run_end and not self._lookup(doc[k:run_end].text):
                    cands.remove(c)  # "Khan" matched inside the listed name "Khan Touman"
                    c = None
                if c is None:
                    c = Cand(k, run_end, k, run_end, candidates=self._lookup(
                        doc[k:run_end].text))
                    cands.append(c)
                    by_start[k] = c
                c.in_list, c.strong, c.hint = True, True, lex.list_nouns[t.lower_]
                c.list_head = t.i
                listed.append(c)
                k = run_end
                if k < len(doc) and doc[k].text == ",":
                    k += 1
                if k < len(doc) and doc[k].lower_ in ("and", "or"):
                    k += 1
            if len(listed) == 1 and _city_of_parts(listed[0]):
                listed[0].in_list, listed[0].hint = False, None
            self._list_container(doc, listed, by_start)
        cands.sort(key=lambda c: c.i)

    def _list_container(self, doc: Doc, listed: list[Cand], by_start: dict[int, Cand]) -> None:
        """"the villages of A and B in Y": the place after "in" holds every listed name."""
        if not listed or listed[-1].container is not None:
            return
        k = listed[-1].end_tok
        if k + 1 >= len(doc) or doc[k].lower_ != "in":
            return
        k += 2 if doc[k + 1].lower_ == "the" else 1
        holder = by_start.get(k)
        if holder is None or not holder.candidates or holder in listed:
            return
        for c in listed:
            if c.container is None:
                c.container = holder

    def _divisions_before(self, doc: Doc, noun: int, cands: list[Cand],
                          by_start: dict[int, Cand]) -> None:
        """The names listed before a plural division noun ("Cooke, Grayson and Love
        counties", "Nineveh and Anbar provinces"), each looked up with the singular noun."""
        singular = self.lex.plural_divisions[doc[noun].lower_]
        kind = self.lex.nouns.get(singular, "admin1")
        names: list[tuple[int, int]] = []
        end = noun
        while True:
            start = end
            while start > 0 and self._namey(doc[start - 1]):
                start -= 1
            if start == end:
                break
            names.append((start, end))
            k = start - 1
            if k >= 0 and doc[k].lower_ in ("and", "or"):
                k -= 1
            if k >= 0 and doc[k].text == ",":
                k -= 1
            if k == start - 1 or k < 0:
                break  # no separator: the list has begun
            end = k + 1
        if len(names) < 2:
            return  # one name before the noun is read as "X County" already
        for a, b in names:
            found = [p for p in self._lookup(f"{doc[a:b].text} {singular}") if p.kind == kind]
            if not found:
                continue
            c = by_start.get(a)
            if c is None or c.j != b:
                if c is not None:
                    cands.remove(c)
                c = Cand(a, b, a, b)
                cands.append(c)
                by_start[a] = c
            c.candidates, c.hint, c.strong = found, kind, True


def _resident(tok: Token, nouns: frozenset[str]) -> bool:
    """"A Lynn teen", "an Ashford woman": `tok`, between "a" and a person's noun, is the
    person's town, where the tagger did not read it as a place."""
    head = tok.head
    return tok.dep_ == "compound" and head.i == tok.i + 1 and head.lower_ in nouns and (
        tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("a", "an")) and (
        tok.ent_type_ not in PLACE_LABELS)
