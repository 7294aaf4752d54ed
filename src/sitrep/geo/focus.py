"""What the article is about, as a whole: its focus country (names that clearly point to
one country, demonyms as weak evidence, the local wording of `cues.py` as a tie-breaker for
local stories), the focus country's first-level division its names agree on
(`division_focus.py`), and its main division and the places resolved without doubt, which
serve as reference points for their neighbours."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sitrep.geo.context import ContextReader
from sitrep.geo.cues import country_cues, cue_minimum
from sitrep.geo.division_focus import (
    NAMED_VOTE,
    NameVote,
    division_votes,
    leading_division,
    named_divisions,
    postal_division,
)
from sitrep.geo.gazetteer import Place
from sitrep.geo.links import Links
from sitrep.geo.model import WELL_KNOWN, Cand
from sitrep.record import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


FOCUS_MARGIN = 3.0  # a name votes for its top place's country when this far ahead of abroad
REGION_MIN_VOTES = 2
DEMONYM_VOTE = 0.25  # "French troops": weak evidence of the focus country ...
DEMONYM_CAP = 0.5  # ... that never outweighs one place the article names
REPEAT_VOTE = 0.25  # each repeat of a name votes for the focus country this much
DATELINE_VOTE = 2.0  # a name in the dateline says where the story was filed
LOCAL_CUE_MIN = 1.0  # the story's own words must say this much for its local country
ORG_DIVISION_CUE = 0.5  # a first-level division's name inside an organisation's name ...
ORG_DIVISION_CAP = 1.0  # ... ("Georgia Bureau of Investigation"), at most this much a country
ORG_DIVISION_VOTE = 1.0  # ... and a vote for that division as the story's own


def own_division(c: Cand) -> bool:
    """A division called by its own full name, place word included ("Edgar County" inside
    "the Edgar County Community Foundation"): the article's world, whatever the tagger says."""
    top = c.candidates[0] if c.candidates else None
    return (top is not None and c.name_kind in ("admin1", "admin2") and top.primary
            and top.kind == c.name_kind)


class FocusReader(ContextReader):
    """The article's focus country, division and reference points."""

    def _focus(self, doc: Doc, cands: list[Cand], links: Links, keys: dict[int, str],
               persons: frozenset[str] = frozenset()) -> tuple[str | None, Span | None]:
        """The article's focus country: each name votes for its top place's country when that
        place is clearly ahead of foreign namesakes (repeats of a name count little, and a
        name whose namesake lies in a division the article names does not vote); demonyms
        add weak votes. A lone word the article also uses inside a person's full name
        ("Georgia began skating" after "Georgia Stevens") votes only after a place
        preposition."""
        votes: dict[str, float] = {}
        spans: dict[str, Span] = {}
        seen: set[str] = set()
        voters: dict[str, list[Cand]] = {}
        for c in cands:
            if not c.candidates or not (c.strong or own_division(c)) or c.in_list or (
                    c.container is not None):
                continue
            if c.hint in ("neighbourhood", "other"):
                continue  # sub-places are judged against their city, not voted on
            if doc[c.i:c.j].text in self.gaz.loosely:
                continue  # "Halliburton" found only as Haliburton County: no vote
            if c.j - c.i == 1 and doc[c.i].lower_ in persons and not self._is_locative(
                    doc, c.start_tok, doc[c.i].i):
                continue  # the person's name, not the place
            top = c.candidates[0]
            key = keys.get(id(c), "")
            others = [p for p in c.candidates[1:] if p.country_code != top.country_code]
            if others and not links.linked(top, key) and any(
                    links.linked(p, key) for p in others):
                continue  # "Paris" in a story that names Texas
            if top.country_code and (not others or top.score - others[0].score >= FOCUS_MARGIN):
                weight = DATELINE_VOTE if c.dateline else REPEAT_VOTE if key in seen else 1.0
                if key not in seen:
                    voters.setdefault(top.country_code, []).append(c)
                seen.add(key)
                votes[top.country_code] = votes.get(top.country_code, 0.0) + weight
                sp = doc[c.start_tok:c.end_tok]
                spans.setdefault(top.country_code, Span(sp.start_char, sp.end_char, sp.text))
        weak: dict[str, float] = {}
        for t in doc:
            code = self.lex.demonyms.get(t.lower_)
            if code and t.text[:1].isupper():
                weak[code] = min(DEMONYM_CAP, weak.get(code, 0.0) + DEMONYM_VOTE)
                spans.setdefault(code, Span(t.idx, t.idx + len(t.text), t.text))
        for code, w in weak.items():
            votes[code] = votes.get(code, 0.0) + w
        local = self._local_country(doc, cands, voters, votes)
        if local is not None:
            links.local = local
            if local not in spans:  # the first name that can stand for a place there
                for c in cands:
                    if self._has_namesake(c, local):
                        sp = doc[c.start_tok:c.end_tok]
                        spans[local] = Span(sp.start_char, sp.end_char, sp.text)
                        break
            return local, spans.get(local)
        if not votes:
            return None, None
        code = max(votes, key=lambda k: votes[k])
        return code, spans.get(code)

    def _local_country(self, doc: Doc, cands: list[Cand], voters: dict[str, list[Cand]],
                       votes: dict[str, float]) -> str | None:
        """A tie-breaker for local stories that name only towns with a famous namesake
        ("Dublin", "Paris", "Albany"): the country that the story's own words point to
        ("sheriff", "township", "RCMP", a ZIP code, a state's name inside an organisation's
        name), together with the names that only it explains, decides the focus when every
        name that may vote for another country also names a town or division in it."""
        # every name the gazetteer knows by its own name (not only through another place's
        # alternate name: "Dublin City") must also name a place in the local country
        # (a name without a place cue counts when it is a well-known place's: "San Francisco")
        namers = [c for c in cands if c.candidates and c.candidates[0].primary
                  and c.candidates[0].kind not in ("other", "neighbourhood", "continent")
                  and c.hint not in ("neighbourhood", "other") and (
                      c.strong or own_division(c) or c.candidates[0].prominence >= WELL_KNOWN)]
        leader = max(votes, key=lambda k: votes[k]) if votes else None
        eligible: set[str] | None = None  # None: any country
        for c in namers:
            here = {p.country_code for p in c.candidates if p.primary and p.country_code
                    and p.kind in ("city", "admin1", "admin2")}
            if c.candidates[0].country_code:
                here.add(c.candidates[0].country_code)
            eligible = here if eligible is None else eligible & here
            if not eligible - {leader}:
                return None  # a name no other country explains: nothing to break
        cues = country_cues(doc.text)
        for code, w in self._org_divisions(doc).items():
            cues[code] = cues.get(code, 0.0) + w
        best, best_support = None, 0.0
        for code, cue in cues.items():
            if code == leader or cue < LOCAL_CUE_MIN or (
                    eligible is not None and code not in eligible):
                continue
            # names that vote for this country and have no namesake in the leading one
            own = sum(1.0 for c in voters.get(code, [])
                      if leader is None or not self._has_namesake(c, leader))
            support = cue + own
            if support >= cue_minimum(leader is not None) and support > best_support:
                best, best_support = code, support
        return best

    def _division_focus(self, doc: Doc, cands: list[Cand], focus: str | None,
                        keys: dict[int, str]) -> str | None:
        """The first-level division of the focus country that the story's names agree on
        (`division_focus`): names with a place cue or a place entity, divisions by their own
        name, and a postal code after the dateline's town ("COLUMBUS, GA")."""
        if focus is None:
            return None
        names = []
        for c in cands:
            if not c.candidates or c.hint in ("neighbourhood", "other"):
                continue
            if not (c.strong or own_division(c) or (
                    c.start_tok > 0 and doc[c.start_tok - 1].lower_ in self.lex.locative)):
                continue  # "a shooting in Franklin" votes whatever the tagger calls it
            top = c.candidates[0]
            division = any(p.kind == "admin1" and p.primary and p.country_code == focus
                           for p in c.candidates) and top.kind in ("admin1", "country")
            names.append(NameVote(keys.get(id(c), ""), c.candidates, division))
        votes = division_votes(names, focus)
        for agency in self._org_division_names(doc, focus):
            votes[agency] = votes.get(agency, 0.0) + ORG_DIVISION_VOTE
        postal = postal_division(doc.text, self.lex.postal.get(focus, {}))
        if postal is not None:
            votes[postal] = votes.get(postal, 0.0) + NAMED_VOTE
        return leading_division(votes, named_divisions(names, focus))

    @staticmethod
    def _has_namesake(c: Cand, code: str) -> bool:
        """Whether the name is also the own name of a town or division in country `code`."""
        return any(p.primary and p.country_code == code
                   and p.kind in ("city", "admin1", "admin2") for p in c.candidates)

    def _org_divisions(self, doc: Doc) -> dict[str, float]:
        """Countries whose first-level divisions give their name to an organisation the
        article names ("Georgia Bureau of Investigation", "Ohio State University")."""
        out: dict[str, float] = {}
        for p in self._org_division_places(doc):
            code = p.country_code
            assert code is not None
            out[code] = min(ORG_DIVISION_CAP, out.get(code, 0.0) + ORG_DIVISION_CUE)
        return out

    def _org_division_names(self, doc: Doc, country: str) -> set[str]:
        """The first-level divisions of `country` that give their name to an organisation the
        article names: a state's bureau or patrol works in that state."""
        return {p.name for p in self._org_division_places(doc) if p.country_code == country}

    def _org_division_places(self, doc: Doc) -> list[Place]:
        """The first-level division named inside each organisation's name, one at most."""
        out: list[Place] = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) < 2:
                continue
            for a in range(ent.start, ent.end):
                found: list[Place] = []
                for b in (a + 2, a + 1):
                    if b > ent.end or not doc[a].text[:1].isupper():
                        continue
                    found = [p for p in self.gaz.lookup(doc[a:b].text)
                             if p.kind == "admin1" and p.primary and p.country_code]
                    if found:
                        break
                if found:
                    out.append(found[0])
                    break
        return out

    def _region(self, cands: list[Cand], focus: str | None
                ) -> tuple[str | None, list[tuple[int, float, float]], frozenset[str]]:
        """The article's main first-level division (named by or holding at least two of its
        places), the places resolved without doubt, as reference points, and the focus
        country's first-level divisions the article names."""
        votes: Counter[str] = Counter()
        anchors: list[tuple[int, float, float]] = []
        named: set[str] = set()
        for c in cands:
            p = c.place
            if p is None or not c.strong or p.kind == "country":
                continue
            if p.kind == "admin1" and p.country_code == focus:
                named.add(p.name)
            if p.country_code == focus:
                a1 = p.name if p.kind == "admin1" else p.admin1
                if a1:
                    votes[a1] += 1
            if p.lat is None or p.lon is None or p.kind == "admin1":
                continue
            rivals = [q for q in c.candidates if q.id != p.id and q.kind != "country"]
            if c.container is not None or not rivals or p.score - rivals[0].score >= 3.0:
                anchors.append((id(c), p.lat, p.lon))
        region = None
        if votes:
            (top, n), *rest = votes.most_common(2)
            if n >= REGION_MIN_VOTES and (not rest or n > rest[0][1]):
                region = top
        return region, anchors, frozenset(named)
