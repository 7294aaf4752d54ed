"""Ranking and disambiguation: the score of each reading of a name (`_choose`: prominence,
the focus country, the place noun's kind, containment, the article's divisions, links and
neighbours, namesakes abroad filtered out), and the passes over all names together: containers
read as holding what they contain, implicit containers of neighbourhoods, one place per name,
divisions abroad that nothing else points to, and lists whose members lie in one country."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

from sitrep.distance import approx_km
from sitrep.geo.focus import FocusReader
from sitrep.geo.gazetteer import Place
from sitrep.geo.links import Links
from sitrep.geo.model import (
    FOCUS_BONUS,
    FOCUS_MIN,
    FOREIGN_MIN,
    WELL_KNOWN,
    Cand,
    first_conjunct,
    inside,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


HINT_BONUS = 3.0
FOREIGN_ALIAS_MIN = 10.0  # FOREIGN_MIN when the name is one of the place's alternate names
REGION_BONUS = 2.5  # the place lies in the article's main division ("Dublin" in a Georgia story)
REGION_NAME_BONUS = 30.0  # the article's main division outranks a namesake country ("Georgia")
ALIAS_PENALTY = 2.5  # another place's alternate name, when a known place is called so
OWN_NAME_MIN = 6.5
GREAT_CITY_POP = 1_000_000  # a city this large may go by its division's name ("New York")
DIVISION_BONUS = 2.5  # a first-level division's own name, when no city it holds has the name
PROXIMITY_KM = 150.0
PROXIMITY_BONUS = 1.5  # the place lies near another place the article names
LINK_BONUS = 6.0  # the place lies in a division the article names, or holds a place it names
NEAR_BONUS = 2.0  # ... for each other name with a town close by, at most two
LOCAL_BONUS = 3.0  # a town of the country a local story's own words point to ("township")
STATE_BONUS = 6.0  # the place lies in the division the story's names agree on (`division_focus`)
LIST_MAJORITY = 3  # members of one country that decide a list with more than one odd one
STATE_GAP = 4.0  # ... unless a namesake elsewhere is this much more prominent ("Minneapolis")


def _great_city(c: Cand) -> bool:
    """Whether the name is first a well-known city's own name ("Dallas")."""
    top = c.candidates[0] if c.candidates else None
    return (top is not None and top.primary and top.kind == "city"
            and top.prominence >= WELL_KNOWN)


class Ranker(FocusReader):
    """Chooses each candidate's place."""

    def _choose(self, c: Cand, focus: str | None, region: str | None = None,
                anchors: list[tuple[int, float, float]] | None = None,
                divisions: frozenset[str] = frozenset(), links: Links | None = None,
                key: str = "") -> Place | None:
        container = c.container.place if c.container is not None else None
        abroad = (divisions or region is not None) and any(
            p.kind == "country" and p.country_code != focus for p in c.candidates)
        best: Place | None = None
        best_score = -math.inf
        hint = c.hint if c.noun is not None or c.of_noun else c.name_kind
        kinds = {hint, "city"} if hint == "neighbourhood" else {hint}
        named_kind = hint is not None and any(p.kind in kinds for p in c.candidates)
        if (named_kind and focus and c.container is None and not c.of_noun
                and not any(p.kind in kinds and p.country_code == focus for p in c.candidates)
                and any(p.primary and p.country_code == focus and p.prominence >= FOCUS_MIN
                        for p in c.candidates)):
            # "the Charlotte region", "the Central Florida District" in an American story:
            # the kind only a namesake abroad has does not outweigh a known place at home
            named_kind = False
        # the name of a country or of a division of the focus country means that ("Indiana",
        # "Florida"), not a namesake town in a division the article names
        division = links is not None and not c.town_use and any(
            q.primary and (q.kind == "country" or (q.kind == "admin1" and q.country_code == focus))
            for q in c.candidates)
        # first-level divisions that hold a city the name can stand for ("Kirkuk", "Moscow"):
        # the bare name means the city
        # a great city that goes by its division's name ("New York") is that division's seat
        own_divisions = {q.name for q in c.candidates if q.kind == "admin1" and q.primary}
        great = {q.id for q in c.candidates if q.kind == "city" and not q.primary
                 and q.population >= GREAT_CITY_POP and q.admin1 in own_divisions}
        seats = {q.admin1: q.score for q in c.candidates
                 if q.kind == "city" and q.admin1 and (q.primary or q.id in great)}
        # a town called so outranks a place that only goes by the name ("Salisbury" is not
        # Harare, "Garden City" not Singapore)
        owned = any(q.primary and q.prominence >= OWN_NAME_MIN for q in c.candidates)
        # a well-known city keeps its name against a small namesake in the story's division
        # ("Washington", "Minneapolis", "San Diego")
        state = links.state if links is not None else None
        great_elsewhere = max(
            (q.prominence for q in c.candidates if q.primary and q.kind == "city"
             and q.country_code == focus and q.admin1 != state), default=0.0)
        home_town = c.town_use and focus is not None and any(
            p.primary and p.kind == "city" and p.country_code == focus for p in c.candidates)
        # a city of a million in the focus country is meant by its name even where the story
        # names the division of a small namesake ("San Diego" in a story that names Texas)
        great_town = next((q for q in c.candidates if q.primary and q.kind == "city"
                           and q.country_code == focus and q.population >= GREAT_CITY_POP), None)
        for p in c.candidates:
            if p.kind == "admin1" and p.lat is None and any(
                    q.kind == "country" and q.name == p.name for q in c.candidates):
                continue  # "Guam": a territory listed as a division too is the territory
            if named_kind and p.kind not in kinds:
                continue  # "Orange County" names a county, not a town called Orange
            if c.stem and focus is None and container is None and p.prominence < FOREIGN_MIN:
                continue  # "Grants Town" in a story that names no other place: not Grants, NM
            if home_town and p.kind == "country" and p.country_code != focus:
                continue  # "a Palestine man" in a story about Texas
            if container is not None and not inside(p, container):
                continue
            if c.hint == "neighbourhood" and p.kind in ("country", "admin1", "admin2"):
                continue
            if (c.hint in ("neighbourhood", "other") and container is None and focus
                    and p.country_code != focus and p.source != "user"):
                continue
            s = p.score
            if owned and not p.primary and p.source != "user" and p.id not in great:
                s -= ALIAS_PENALTY
            if focus and p.country_code == focus:
                s += FOCUS_BONUS
                if links is not None and links.local == focus and p.kind != "country":
                    s += LOCAL_BONUS  # "Dublin" in a story about a township board
                    if p.kind == "admin1" and p.primary and any(
                            q.kind == "country" for q in c.candidates):
                        s += REGION_NAME_BONUS  # "Georgia" the state in a local story
            elif (focus and container is None and p.kind != "country" and p.source != "user"
                  and (not named_kind or c.stem)
                  and not (c.strong and p.kind == "admin1" and p.primary)
                  and (p.prominence < FOREIGN_MIN
                       or (not p.primary and p.prominence < FOREIGN_ALIAS_MIN))
                  and not (links is not None and links.in_named_division(p, key))):
                continue  # a namesake abroad: "Karama" in an article about Iraq
            if c.hint and (p.kind == c.hint or (c.hint == "neighbourhood" and p.kind == "city")):
                s += HINT_BONUS
            if p.kind == "admin1" and p.primary and seats.get(p.name, -1.0) < p.score:
                s += DIVISION_BONUS  # "Wyoming", "Indiana": the state before a namesake town
            if region is not None and p.country_code == focus:
                if p.kind == "admin1" and p.name == region and p.primary and seats.get(
                        p.name, -1.0) < p.score:
                    s += REGION_NAME_BONUS
                elif p.admin1 == region:
                    # only a town's own name: "Lebanon" is no other name of a town there
                    s += REGION_NAME_BONUS if abroad and p.primary else REGION_BONUS
            if (abroad and p.kind == "admin1" and p.country_code == focus
                    and divisions - {p.name}):
                s += REGION_NAME_BONUS  # "Georgia" in a story that also names Alabama
            if (state is not None and p.admin1 == state and p.primary
                    and p.country_code == focus and p.kind in ("city", "admin2", "neighbourhood")
                    and great_elsewhere < p.prominence + STATE_GAP):
                s += STATE_BONUS  # "Mt. Pleasant" in a story that names Westmoreland County
            if anchors and p.kind != "country" and p.lat is not None and p.lon is not None and any(
                    k != id(c) and approx_km(p.lat, p.lon, lat, lon) <= PROXIMITY_KM
                    for k, lat, lon in anchors):
                s += PROXIMITY_BONUS
            if links is not None and (p.kind in ("country", "admin1") or not division) and (
                    links.local is None or p.country_code == links.local):
                if links.linked(p, key) and not (
                        p.kind == "city" and great_town is not None and great_town.id != p.id
                        and not links.in_named_county(p, key)):
                    s += LINK_BONUS  # not "San Diego" in Texas for a story naming Texas
                if p.kind in ("city", "neighbourhood") and len(c.candidates) > 1:
                    s += NEAR_BONUS * min(2, links.near(p, key))
            if s > best_score:
                best, best_score = p, s
        return best

    @staticmethod
    def _holding_readings(cands: list[Cand]) -> None:
        """A country or first-level division named as a container is read as one that holds
        what it contains: "Atlanta, Georgia" is the American state even in a story about
        Indonesia, where "Georgia" alone would be the country."""
        held: dict[int, list[Cand]] = {}
        for c in cands:
            if c.container is not None:
                held.setdefault(id(c.container), []).append(c)
        for c in cands:
            inner = held.get(id(c))
            if not inner or c.place is None or c.place.kind not in ("country", "admin1"):
                continue
            contents = [p for x in inner for p in x.candidates]
            if any(inside(p, c.place) for p in contents):
                continue
            options = [q for q in c.candidates if q.kind in ("country", "admin1")
                       and any(inside(p, q) for p in contents)]
            if options:
                c.place = max(options, key=lambda q: q.score)

    def _implicit_containers(self, cands: list[Cand], focus: str | None) -> None:
        """Listed neighbourhoods ("the neighbourhoods of A, B and C") and a bare "the X
        neighbourhood" lie in the city the article names most (the nearest of those)."""
        cities = [c for c in cands if not c.in_list and c.place is not None and c.strong
                  and c.place.kind in ("city", "neighbourhood")
                  and c.hint not in ("neighbourhood", "other")  # not "Mount Sinai Hospital"
                  and c.place.country_code == focus]
        named = Counter(c.place.id for c in cities if c.place is not None)
        for c in cands:
            if c.container is not None or not cities:
                continue
            if c.in_list and c.hint in ("country", "admin1", "admin2"):
                continue  # "the provinces of Jiangsu and Zhejiang" lie in no city
            if c.in_list and c.hint == "city" and any(
                    p.kind == "city" and p.country_code == focus for p in c.candidates):
                continue  # "the cities of Newark and Heath": towns of their own
            if c.noun in ("suburb", "suburbs") and c.stem and _great_city(c):
                continue  # "a Dallas suburb" is one of Dallas's suburbs, not one so named
            if c.in_list or c.hint == "neighbourhood":
                # the city the story names most, then the nearest ("the Austin neighborhood"
                # in a story about Chicago, not in the "Mount Sinai" of a hospital's name)
                c.container = min(cities, key=lambda x: (
                    -named[x.place.id if x.place is not None else 0], abs(x.i - c.i)))

    def _one_sense(self, doc: Doc, cands: list[Cand]) -> None:
        """One place per name in an article: repeats of a name resolved with a place cue or a
        place entity take the same place and count as place mentions, unless they are part of
        a person's name."""
        best: dict[str, Cand] = {}
        for c in cands:
            if c.place is None or not c.strong or c.noun is not None:
                continue
            key = doc[c.i:c.j].text.casefold()
            prev = best.get(key)
            if prev is None or (c.container is not None and prev.container is None):
                best[key] = c
        if not best:
            return
        person_ends = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                for k in range(ent.start, ent.end):
                    person_ends[k] = (ent.start, ent.end)
        for c in cands:
            ref = best.get(doc[c.i:c.j].text.casefold())
            if ref is None or ref is c or c.noun is not None:
                continue
            if c.container is None:
                c.place = ref.place
            span = person_ends.get(c.i)
            if not c.strong and (span is None or span == (c.i, c.j)):
                c.strong = True

    def _strays_abroad(self, doc: Doc, cands: list[Cand], focus: str | None) -> None:
        """A name called a division ("North Eastern Province", "the provinces of Nyanza and
        Western") that resolves only to a division or town in another country, where no other
        name of the article lies in that country, is the focus country's own division that the
        gazetteer does not know: it takes the focus country (or its reading there). A country
        found by another country's other name that ends the focus country's name ("Congo" in
        a story about the Democratic Republic of the Congo) is the focus country."""
        if focus is None:
            return
        names: dict[str, set[str]] = {}
        local = False  # the story names a town or division in its focus country
        for c in cands:
            if c.place is not None and c.place.country_code:
                names.setdefault(c.place.country_code, set()).add(doc[c.i:c.j].text.casefold())
                local = local or (c.place.country_code == focus and c.place.kind != "country")
        home_country = self.gaz.country(focus)
        short = home_country.name.casefold().split() if home_country is not None else []
        for c in cands:
            p = c.place
            if (p is not None and p.kind == "country" and not p.primary and short
                    and p.country_code != focus and len(short) > c.j - c.i
                    and doc[c.i:c.j].text.casefold().split() == short[c.i - c.j:]):
                # "Congo" in a story about the Democratic Republic of the Congo
                c.place = home_country
                continue
            if (p is None or not local or p.kind in ("country", "continent")
                    or p.country_code == focus
                    or c.container is not None or p.source == "user"
                    or len(names.get(p.country_code or "", ())) > 1):
                continue
            if p.prominence >= FOREIGN_MIN or not (
                    c.in_list or c.hint in ("admin1", "admin2")
                    or c.name_kind in ("admin1", "admin2")):
                continue  # a well-known place ("Jammu") keeps its country
            home = [q for q in c.candidates if q.country_code == focus]
            if home:
                c.place = home[0]
                continue
            c.place = home_country

    def _list_siblings(self, doc: Doc, cands: list[Cand]) -> None:
        """Places named in one list ("Suba, Migori, Homa Bay and Kisumu") lie in one country:
        where all the others lie in one country, a member placed elsewhere takes its reading
        there, or, found only by another place's other name, that country. Where more than
        one member lies elsewhere, a majority of at least three of one kind ("Alberta,
        Manitoba, Quebec, Ontario and New Brunswick") gives little-known odd ones their
        reading of that kind there; in a list of a country's first-level divisions, a member
        read as a town takes its division of that name ("Utah, Washington and Wyoming")."""
        for members in _list_groups(doc, cands):
            codes = Counter(m.place.country_code for m in members if m.place is not None)
            code, n = codes.most_common(1)[0]
            if not code:
                continue
            if n >= len(members) - 1:
                self._odd_member(members, code)
                continue
            kinds = Counter(m.place.kind for m in members
                            if m.place is not None and m.place.country_code == code)
            kind, k = kinds.most_common(1)[0]
            if n < LIST_MAJORITY or 2 * n <= len(members) or k != n or any(
                    m.place is not None and m.place.country_code != code
                    and m.place.prominence >= WELL_KNOWN for m in members):
                continue
            self._odd_member(members, code, kind)

    def _odd_member(self, members: list[Cand], code: str, kind: str | None = None) -> None:
        """Members of a list placed outside country `code` take their reading there (of
        `kind`, where given); a member found only by another place's other name takes the
        country. In a list of divisions, a town takes its division of the same name."""
        at_home = Counter(m.place.kind == "admin1" for m in members
                          if m.place is not None and m.place.country_code == code)
        divisions = at_home[True] >= LIST_MAJORITY and at_home[False] <= 1
        for m in members:
            p = m.place
            if p is None:
                continue
            if p.country_code == code:
                if divisions and p.kind == "city" and kind is None:
                    own = [q for q in m.candidates if q.kind == "admin1" and q.primary
                           and q.country_code == code]
                    m.place = own[0] if own else p  # "Washington" among states
                continue
            there = [q for q in m.candidates if q.country_code == code
                     and (kind is None or q.kind == kind)]
            if there:
                m.place = max(there, key=lambda q: q.score)
            elif kind is None and not p.primary:
                m.place = self.gaz.country(code)


def _list_groups(doc: Doc, cands: list[Cand]) -> list[list[Cand]]:
    """Lists of three or more places: the conjuncts of one coordination, and names joined
    only by commas and "and"/"or" (whatever the parse makes of them)."""
    groups: dict[int, list[Cand]] = {}
    runs: list[list[Cand]] = []
    prev: Cand | None = None
    for c in cands:
        if c.place is None or c.place.kind in ("country", "continent") or c.container:
            continue
        if prev is not None and prev.end_tok < c.start_tok and all(
                t.text == "," or t.lower_ in ("and", "or") for t in doc[prev.end_tok:c.start_tok]):
            runs[-1].append(c)
        else:
            runs.append([c])
        prev = c
        tok = doc[c.i:c.j].root
        if tok.dep_ != "conj" and not any(t.dep_ == "conj" for t in tok.children):
            continue
        groups.setdefault(first_conjunct(tok).i, []).append(c)
    seen: set[frozenset[int]] = set()
    out = []
    for members in [*groups.values(), *runs]:
        ids = frozenset(id(m) for m in members)
        if len(members) >= 3 and ids not in seen:
            seen.add(ids)
            out.append(members)
    return out
