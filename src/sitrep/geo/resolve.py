"""Place resolution: find place mentions in a parsed article and pick each event's location."""

from __future__ import annotations

import bisect
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from sitrep.countries import demonyms
from sitrep.distance import approx_km
from sitrep.geo.cues import country_cues, cue_minimum
from sitrep.geo.division_focus import (
    NAMED_VOTE,
    NameVote,
    division_votes,
    leading_division,
    named_divisions,
    postal_division,
)
from sitrep.geo.gazetteer import Gazetteer, Place
from sitrep.record import GeoPrecision, Location, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRECISION_OF_KIND: dict[str, GeoPrecision] = {
    "continent": "country", "country": "country", "admin1": "admin1", "admin2": "admin2",
    "city": "city", "neighbourhood": "neighbourhood", "other": "neighbourhood",
}
PRECISION_RANK = {"country": 0, "admin1": 1, "admin2": 2, "city": 3, "neighbourhood": 4}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCK_LABELS = frozenset({"PERSON", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL",
                          "ORDINAL", "QUANTITY", "LANGUAGE", "LAW", "WORK_OF_ART", "EVENT",
                          "PRODUCT"})
MAX_NGRAM = 5
FOCUS_BONUS = 4.0
HINT_BONUS = 3.0
WELL_KNOWN = 9.0
FOREIGN_MIN = 7.5  # prominence a place outside the focus country needs to be chosen
FOREIGN_ALIAS_MIN = 10.0  # ... when the name used is one of its alternate names
CITY_RADIUS_KM = 25.0
ADMIN2_RADIUS_KM = 60.0
NAME_MAX_DEP = 5  # a place without a locative word must be this close to the event word
LOCATIVE_MAX_DEP = 9  # ... and one with it ("in Mosul") this close
FOCUS_MIN = 6.0  # prominence a focus-country place needs without any place cue
FOCUS_MARGIN = 3.0  # a name votes for its top place's country when this far ahead of abroad
REGION_BONUS = 2.5  # the place lies in the article's main division ("Dublin" in a Georgia story)
REGION_NAME_BONUS = 30.0  # the article's main division outranks a namesake country ("Georgia")
REGION_MIN_VOTES = 2
ALIAS_PENALTY = 2.5  # another place's alternate name, when a known place is called so
OWN_NAME_MIN = 6.5
GREAT_CITY_POP = 1_000_000  # a city this large may go by its division's name ("New York")
DIVISION_BONUS = 2.5  # a first-level division's own name, when no city it holds has the name
PROXIMITY_KM = 150.0
PROXIMITY_BONUS = 1.5  # the place lies near another place the article names
OBJECT_SCORE = 3.5  # the place is the event word's object ("stormed X"): above "in Y"
DEMONYM_VOTE = 0.25  # "French troops": weak evidence of the focus country ...
DEMONYM_CAP = 0.5  # ... that never outweighs one place the article names
MISTAKEN_MIN = 4.0  # prominence a name tagged as a person needs when a preposition places it
MISLABEL_MIN = 7.5  # ... a known place's own name tagged as a group or language ("on Aleppo")
MISTAKEN_ALIAS_MIN = 7.0  # ... when the name is one of the place's alternate names ("Taez")
LINK_BONUS = 6.0  # the place lies in a division the article names, or holds a place it names
NEAR_CELL_DEG = 0.5  # grid cell for names that stand for towns close together
NEAR_BONUS = 2.0  # ... for each other name with a town close by, at most two
REPEAT_VOTE = 0.25  # each repeat of a name votes for the focus country this much
LOCAL_BONUS = 3.0  # a town of the country a local story's own words point to ("township")
LOCAL_CUE_MIN = 1.0  # the story's own words must say this much for its local country
ORG_DIVISION_CUE = 0.5  # a first-level division's name inside an organisation's name ...
ORG_DIVISION_CAP = 1.0  # ... ("Georgia Bureau of Investigation"), at most this much a country
STATE_BONUS = 6.0  # the place lies in the division the story's names agree on (`division_focus`)
STATE_GAP = 4.0  # ... unless a namesake elsewhere is this much more prominent ("Minneapolis")
RANK_WEIGHT = 0.5  # a finer place ("the village of X") is preferred to the area around it
REFERENCE_PENALTY = 1.0  # a place named only to situate another ("10 km north of X")
SOURCE_VERBS = frozenset({"say", "tell", "report", "add", "confirm", "state"})
CHARS_PER_POINT = 80.0  # the score falls by one for each this many characters away
SOFT_CLAUSE = 1.0  # an adverbial or open clause between the event word and the place
WEAK_MAX_DEP = 2  # a name only an event places must be this close to the event word
HARD_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "csubjpass"})
MIN_SCORE = -1.0  # below this the place is too far from the event to be its location
DESTINATION_PREPS = frozenset({"to", "towards", "toward"})
CLOSE_WORDS = frozenset({"close", "next", "adjacent", "closer", "closest"})  # "close to X"
NEAR_PREPS = frozenset({"near", "outside", "around", "nearby"})  # "the farms near X" lie there
SOFT_CLAUSE_DEPS = frozenset({"advcl", "acl", "xcomp", "pcomp", "relcl", "parataxis"})


@dataclass(frozen=True, slots=True)
class _Lex:
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
    side_words: frozenset[str]  # "North", "Near" in "the Near North Side": a part of a city
    generic: frozenset[str]  # "Center", "Park": alone, a part of a longer name, not a town
    list_nouns: dict[str, str]  # "the cities of A and B": plural nouns that only head lists
    ground_verbs: frozenset[str]  # "entered Quraytayn": verbs whose object is ground, not people


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    base = resources.files("sitrep.geo").joinpath("data")
    d: dict[str, Any] = json.loads(base.joinpath("resolve.json").read_text("utf-8"))
    return _Lex(
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
        side_words=frozenset(d["city_side_words"]),
        generic=frozenset(d["generic_name_words"]),
        list_nouns={**d["place_nouns"], **d["list_nouns"]},
        ground_verbs=frozenset(d["ground_verbs"]),
    )


@dataclass(slots=True)
class PlaceMention:
    """A place named in the article. `start`/`end` are character offsets into ``doc.text``."""

    start: int
    end: int
    text: str
    place: Place | None
    precision: GeoPrecision | None
    note: str | None = None
    location: Location | None = None
    locative: bool = False  # governed by in/at/near/outside/... ("in the Quds neighborhood")
    cue: str = "name"  # name | noun | direction | distance | contained | list | dateline
    root: int = -1  # token index of the mention's head word
    modifier: bool = False  # qualifies a noun ("Yemen's", "U.S. President")
    hint: str | None = None  # the kind a place noun gives ("the town of X": city)
    subject: bool = False  # the subject of its clause: an actor ("the United States said")
    weak: bool = False  # a name known to the gazetteer but not otherwise marked as a place
    whole: bool = False  # a longer name whose gazetteer matches are only its fragments


def _inside(p: Place, c: Place) -> bool:
    """Whether `p` can lie inside container `c`."""
    if p.id == c.id or p.country_code != c.country_code:
        return False
    if c.kind == "country":
        return True
    if c.kind == "admin1":
        return p.admin1 == c.name
    near = p.lat is not None and p.lon is not None and c.lat is not None and c.lon is not None
    if c.kind == "admin2":
        return p.admin2 == c.name or (near and approx_km(p.lat, p.lon, c.lat, c.lon)  # type: ignore[arg-type]
                                      <= ADMIN2_RADIUS_KM)
    if p.parent_id == c.id:
        return True
    return near and approx_km(p.lat, p.lon, c.lat, c.lon) <= CITY_RADIUS_KM  # type: ignore[arg-type]


@dataclass(slots=True)
class _Cand:
    """A candidate span with its context, before resolution."""

    i: int  # first token of the name
    j: int  # end token of the name
    start_tok: int  # first token of the whole mention (direction word, "the", number ...)
    end_tok: int  # end token of the whole mention (place noun, container ...)
    hint: str | None = None
    noun: str | None = None
    direction: str | None = None
    distance_km: float | None = None
    bearing: str | None = None
    container: _Cand | None = None
    in_list: bool = False
    list_head: int = -1  # token of the plural place noun that introduces the list
    noun_end: int = -1  # end token of "Ghazlani military base" without what follows
    strong: bool = False  # NER place label or a place cue
    place: Place | None = None
    candidates: list[Place] = field(default_factory=list)
    anchor: bool = False  # resolved without doubt: a reference point for its neighbours
    seized: bool = False  # an unknown name that a verb of taking ground acts on ("stormed X")
    name_kind: str | None = None  # the kind the name's own last word gives ("Orange County")
    of_noun: bool = False  # "the state of X", "the province of X": the noun gives the kind
    town_use: bool = False  # "a Palestine man", "Jordan residents": a town, not the country
    stem: bool = False  # found without its place word ("Grants" for "Grants Town")


DivisionKey = tuple[str | None, str | None, str | None]  # (country, admin1, admin2 or None)


@dataclass(slots=True)
class _Links:
    """Which divisions the article's names can stand for, and which divisions hold a place
    that one of its names can stand for (by the names, so repeats do not link to themselves).
    "Paris ... Texas", "Paris and Henry County", "Dublin ... Ohio": the namesake that lies in
    a named division, and the division that holds a named place, are read together."""

    named: dict[DivisionKey, set[str]] = field(default_factory=dict)
    holding: dict[DivisionKey, set[str]] = field(default_factory=dict)
    cells: dict[tuple[int, int], set[str]] = field(default_factory=dict)
    local: str | None = None  # the country a local story's own words point to, when they decide
    state: str | None = None  # the focus country's first-level division the names agree on

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / NEAR_CELL_DEG), math.floor(lon / NEAR_CELL_DEG)

    def near(self, p: Place, key: str) -> int:
        """How many other names of the article can stand for a town close to `p` (within one
        grid cell, about 50 km): towns named together lie together ("Gainesville" beside
        Whitesboro)."""
        if p.lat is None or p.lon is None or not p.primary:
            return 0
        y, x = self._cell(p.lat, p.lon)
        found: set[str] = set()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                found |= self.cells.get((y + dy, x + dx), set())
        found.discard(key)
        return len(found)

    def add(self, key: str, places: list[Place]) -> None:
        """The divisions a name can stand for, and those that hold a place it can stand for
        (its own names only: "Washington" is not the town in New York once so called)."""
        for p in places:
            if not p.primary:
                continue
            if p.kind == "admin1":
                self.named.setdefault((p.country_code, p.name, None), set()).add(key)
            elif p.kind == "admin2":
                self.named.setdefault((p.country_code, p.admin1, p.name), set()).add(key)
            self.hold(key, p)

    def hold(self, key: str, p: Place) -> None:
        """The divisions that hold a place the name can stand for, and where it lies."""
        if p.kind in ("city", "neighbourhood") and p.lat is not None and p.lon is not None:
            self.cells.setdefault(self._cell(p.lat, p.lon), set()).add(key)
        if p.kind in ("city", "admin2", "neighbourhood") and p.admin1:
            self.holding.setdefault((p.country_code, p.admin1, None), set()).add(key)
            if p.kind != "admin2" and p.admin2:
                self.holding.setdefault((p.country_code, p.admin1, p.admin2), set()).add(key)

    def in_named_division(self, p: Place, key: str) -> bool:
        """Whether another name of the article is the first-level division that holds the
        town `p` by its own name ("Dublin ... the State of Ohio")."""
        return (p.primary and p.kind in ("city", "neighbourhood") and p.admin1 is not None
                and bool(self.named.get((p.country_code, p.admin1, None), set()) - {key}))

    def in_named_county(self, p: Place, key: str) -> bool:
        """Whether another name of the article is the second-level division that holds `p`
        ("JACKSONVILLE, ONSLOW COUNTY")."""
        return p.admin2 is not None and bool(
            self.named.get((p.country_code, p.admin1, p.admin2), set()) - {key})

    def linked(self, p: Place, key: str) -> bool:
        """Whether another name of the article is a division that holds `p`, or names a
        place that `p` (a division) holds. Only a place's own name links."""
        if not p.primary:
            return False
        keys: list[DivisionKey] = []
        if p.admin1 and p.kind != "admin1" and p.kind != "country":
            keys.append((p.country_code, p.admin1, None))
            if p.kind != "admin2" and p.admin2:
                keys.append((p.country_code, p.admin1, p.admin2))
        if any(self.named.get(k, set()) - {key} for k in keys):
            return True
        if p.kind == "admin1":
            return bool(self.holding.get((p.country_code, p.name, None), set()) - {key})
        if p.kind == "admin2":
            return bool(self.holding.get((p.country_code, p.admin1, p.name), set()) - {key})
        return False


@dataclass(slots=True)
class ArticlePlaces:
    """The place mentions of one article and the article's country focus."""

    mentions: list[PlaceMention]
    focus_country: str | None
    doc: Doc | None = None
    dateline: PlaceMention | None = None
    gazetteer: Gazetteer | None = None
    focus_span: Span | None = None  # first words that name or imply the focus country
    latent: list[PlaceMention] = field(default_factory=list)  # names only an event places
    _starts: list[int] | None = None
    _sents: list[tuple[int, int, bool]] | None = None

    def event_place(self, start: int, end: int, sent_start: int,
                    sent_end: int, _outer: bool = True) -> PlaceMention | None:
        """The place mention the sentence gives as the location of the event whose trigger is
        [start, end), or None when the sentence states none (a mention without a gazetteer
        place may be returned: it names the place, which is then not known).

        A place counts when the event word's own phrases govern it ("in", "near", "at", its
        object "stormed X", a site it names "a Mogadishu hotel"); a place inside what someone
        said ("said that ... in X"), a destination of another word ("aid to X"), or a place
        named for another reason (a speaker's country, "U.S. President", the subject that
        acted) does not, and one across an adverbial or relative clause counts less. Among
        those that count, the event word's object and locative phrases come first, then the
        finer place and the closer one; a place too far from the event word is none."""
        if self.doc is None:
            return None
        trig = self._token_at(start)
        if trig is None:
            return None
        best: PlaceMention | None = None
        best_score = -math.inf
        counted: list[PlaceMention] = []
        wholes = [(w.start, w.end) for w in self.latent if w.whole]
        for m in (*self.mentions, *self.latent):
            if not (sent_start <= m.start and m.end <= sent_end) or m.cue == "dateline":
                continue
            if not m.whole and any(a <= m.start and m.end <= b for a, b in wholes):
                continue  # "Roundabout" in "the Jandoul Roundabout": the whole name counts
            if m.location is None and not m.locative and m.cue not in ("list", "noun",
                                                                         "seized"):
                continue
            if m.root < 0:
                continue
            score = self._event_score(trig, m)
            if score is None:
                continue
            score -= max(m.start - end, start - m.end, 0) / CHARS_PER_POINT
            if score < MIN_SCORE:
                continue
            if m.cue == "distance":
                score -= REFERENCE_PENALTY  # "Sani, north of Kutum": Kutum only situates Sani
            counted.append(m)
            if score > best_score:
                best, best_score = m, score
        if best is None and _outer:
            # "a car bomb destroyed a Baghdad restaurant, killing eight": the participle that
            # tells the toll happened where its main clause did
            tok = self.doc[trig]
            if (tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.dep_ == "advcl"
                    and tok.head.tag_ == "VBG"):
                tok = tok.head  # "..., killing six and wounding 10"
            head = tok.head
            if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and head.i != tok.i
                    and head.pos_ in ("VERB", "AUX") and head.i < tok.i):
                found = self.event_place(head.idx, head.idx + len(head), sent_start,
                                         sent_end, _outer=False)
                up = head.head
                if (found is None and head.dep_ == "advcl" and up.i < head.i
                        and up.pos_ in ("VERB", "AUX")):
                    # "struck a Baghdad cafe as customers watched ..., killing 12": the toll
                    # attached to the clause in between belongs to the main one
                    found = self.event_place(up.idx, up.idx + len(up), sent_start, sent_end,
                                             _outer=False)
                return found
        if best is None and _outer:
            return self._source_place(trig, sent_start, sent_end)
        return self._finer(best, counted) if best is not None else best

    def _source_place(self, trig: int, sent_start: int, sent_end: int) -> PlaceMention | None:
        """For an event told in what a local source said, where the sentence names no place of
        its own: the place inside the source's own name ("a police source in Ramadi said the
        blast killed four", "Tulkarm's governor said ...", "the Michoacan state attorney
        general's office said"), the finest first. A source that is itself a place
        ("Washington said") places nothing."""
        assert self.doc is not None
        tok = self.doc[trig]
        for _ in range(6):
            if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SOURCE_VERBS:
                break
            if tok.head is tok or tok.dep_ not in ("conj", "ccomp", "advcl", "xcomp",
                                                   "relcl", "acl"):
                return None
            tok = tok.head
        else:
            return None
        verb = tok.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        inside: set[int] = set()
        for subj in subjects:
            inside.update(t.i for t in subj.subtree if t.i != subj.i)
        found = [m for m in self.mentions
                 if sent_start <= m.start and m.end <= sent_end and m.root in inside
                 and m.location is not None and m.cue != "dateline"
                 and m.place is not None and m.place.kind not in ("continent", "country")]
        if not found:
            return None
        return max(found, key=lambda m: (_rank(m), -abs(m.root - verb.i)))

    def _finer(self, best: PlaceMention, counted: list[PlaceMention]) -> PlaceMention:
        """The place inside the chosen one, where the sentence names it as such: "the village
        of X in northeast Aleppo", "Mogadishu's Huriwaa district" give X and Huriwaa."""
        assert self.doc is not None
        tok = self.doc[best.root]
        roots = {m.root: m for m in counted if m is not best and not m.weak}
        near = self._near_of(best, counted)
        if near is not None:
            return near
        for _ in range(3):
            if tok.head is tok or tok.dep_ not in ("pobj", "prep", "poss", "compound", "npadvmod"):
                break
            if tok.dep_ == "prep" and tok.lower_ not in ("in", "of"):
                break
            tok = tok.head
            inner = roots.get(tok.i)
            if inner is not None and _rank(inner) >= _rank(best):
                return inner
        return best

    def _near_of(self, best: PlaceMention, counted: list[PlaceMention]) -> PlaceMention | None:
        """The place that the chosen one only situates: "the Al-Malaah Farms near the village
        of Handarat", "the villages of A and B near the town of C" give the farms and the
        villages (the place named just before "near", "outside", "around")."""
        assert self.doc is not None
        doc = self.doc
        k = self._token_at(best.start)
        if k is None:
            return None
        k = self._resolver_skip(k - 1)
        if k < 1 or doc[k].lower_ not in NEAR_PREPS:
            return None
        before = doc[k - 1].idx + len(doc[k - 1].text)
        for m in counted:
            if m is not best and m.end == before and not m.modifier:
                return m
        return None

    def _resolver_skip(self, k: int) -> int:
        """Step back over "the", compass words and lower-case adjectives before a name."""
        assert self.doc is not None
        doc = self.doc
        lex = _lex()
        while k >= 0 and (doc[k].lower_ in ("the", "a", "both", "either")
                          or doc[k].lower_ in lex.directions
                          or (doc[k].pos_ == "ADJ" and doc[k].is_lower)):
            k -= 1
        return k

    def _event_score(self, trig: int, m: PlaceMention) -> float | None:
        """How well mention `m` states where the event at token `trig` happened (None: not at
        all)."""
        assert self.doc is not None
        hard, soft = self._clauses(trig, m.root)
        if hard:
            return None  # another clause's event: "said that ... in X"
        if self._topic(trig, m.root):
            return None  # "protested against the war in Bosnia": what, not where
        if self._spoken_of(trig, m):
            return None  # "urged Russia to stop the attacks": whom or what it spoke of
        dep = self._dep_distance(trig, m.root)
        if self._destination_of_noun(trig, m.root):
            return None  # "aid to Baghdad": where something was headed
        target = self._object_of(trig, m.root)
        if not target and self._aimed_at(trig, m.root):
            target, soft = True, 0  # "launched an offensive to capture the town of X"
        locative = m.locative or m.cue == "distance"  # "a ranch north of Laredo"
        if m.modifier:
            site = self._site(trig, m.root)
            if site is None:
                if not locative:
                    return None  # "Yemen's Ansar al-Sharia", "U.S. President"
            else:
                target, locative = target or site, True  # "attacked a Mogadishu hotel"
        if m.weak and not (target or (locative and dep <= WEAK_MAX_DEP)):
            return None
        if dep > (LOCATIVE_MAX_DEP if locative or target else NAME_MAX_DEP):
            return None  # a place named for another reason ("sanctions on Libya")
        if not locative and not target and m.subject:
            return None  # "the United States captured ...": who acted, not where
        score = (OBJECT_SCORE if target else 3.0 if locative
                 else 2.0 if m.cue in ("list", "contained", "noun") else 0.0)
        score += RANK_WEIGHT * _rank(m)
        score -= 0.3 * dep + SOFT_CLAUSE * soft
        return score

    def _spoken_of(self, trig: int, m: PlaceMention) -> bool:
        """Whether the event word is a verb of saying, asking or thinking and the place is not
        in a locative phrase of its own ("said in Washington"): "urged Russia to stop", "asked
        Hanoi to return", "failed to communicate his concerns to Washington" name whom or what
        was spoken of, not where."""
        assert self.doc is not None
        tok = self.doc[trig]
        if tok.lemma_.lower() not in _lex().speech_verbs:
            return False
        root = _first_conjunct(self.doc[m.root])
        prep = root.head
        return not (m.locative and root.dep_ == "pobj" and prep.head.i == trig
                    and prep.lower_ in _lex().locative and prep.lower_ not in DESTINATION_PREPS)

    def _topic(self, trig: int, root: int) -> bool:
        """Whether the place lies inside what a protest, a statement or a charge is about:
        the object of "condemned", "protested", "claimed" or their "against", "over", "for"
        phrase ("protested against the war in Bosnia", "condemned the attack in Idlib"). The
        event happened where the protesters or speakers were, which a phrase of the verb's own
        ("protested in Sofia") still gives."""
        assert self.doc is not None
        doc = self.doc
        lex = _lex()
        if doc[trig].lemma_.lower() not in lex.topic_verbs:
            return False
        tok = doc[root]
        for _ in range(12):
            if tok.head is tok:
                return False
            if tok.head.i == trig:
                break
            tok = tok.head
        else:
            return False
        if tok.i == root:
            return False  # the place itself is the object: "marched on Rome"
        if not (tok.dep_ == "dobj" or (tok.dep_ == "prep" and tok.lower_ in lex.topic_preps)):
            return False
        anchor = _first_conjunct(doc[root])
        while anchor.dep_ in ("compound", "amod", "nmod", "appos") and anchor.head is not anchor:
            anchor = anchor.head
        if anchor.dep_ == "pobj":
            anchor = anchor.head.head  # "the war in Bosnia": the noun the phrase qualifies
        elif anchor.dep_ == "poss":
            anchor = anchor.head  # "Yugoslavia's bombing"
        else:
            return False
        for _ in range(3):  # "the massacre of villagers in Idlib": the event noun above
            if anchor.lower_ in lex.topic_nouns or anchor.dep_ != "pobj" or (
                    anchor.head.lower_ != "of"):
                break
            anchor = anchor.head.head
        # the place qualifies the event the protest is about ("the war in Bosnia", "destroying
        # jets at the airport"), not a word of where the protest was ("rallies in Lisbon")
        return anchor.i != trig and (anchor.pos_ == "VERB"
                                     or anchor.lower_ in lex.topic_nouns)

    def _destination_of_noun(self, trig: int, root: int) -> bool:
        """A place introduced by "to" that is not the event word's own phrase ("the ambassador
        to Baghdad", "aid to Syria", "managed to walk to X") says where something is headed,
        not where the event was; "fled to X", "marched towards X" still do."""
        assert self.doc is not None
        tok = _first_conjunct(self.doc[root])
        for _ in range(3):
            if tok.dep_ == "pobj":
                prep = tok.head
                if prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN"):
                    return prep.head.i != trig  # "a force from Fiji": where it came from
                if prep.head.lower_ in CLOSE_WORDS:
                    return False  # "villages close to Algiers", "next to the market"
                return prep.lower_ in DESTINATION_PREPS and prep.head.i != trig
            if tok.head is tok or tok.dep_ not in ("compound", "amod", "nmod", "appos"):
                return False
            tok = tok.head
        return False

    def _clauses(self, a: int, b: int) -> tuple[int, int]:
        """Clause boundaries on the dependency path between tokens a and b: (hard, soft). Hard:
        a clausal complement or subject (what was said, "that ... in X"); soft: an adverbial,
        open or relative clause ("..., killing five", "..., which hit a market in X").
        Conjoined verbs ("captured X and killed five") share their place and cross neither.
        """
        assert self.doc is not None
        doc = self.doc
        up_a = _raw_path(doc[a])
        up_b = _raw_path(doc[b])
        common = set(up_a) & set(up_b)
        hard = soft = 0
        for path in (up_a, up_b):
            for i in path:
                if i in common:
                    break
                t = doc[i]
                dep = t.dep_
                if dep in HARD_CLAUSE_DEPS:
                    hard += 1
                elif dep in SOFT_CLAUSE_DEPS:
                    soft += 1
        return hard, soft

    def _site(self, trig: int, root: int) -> bool | None:
        """For a name that qualifies a noun: None when that noun is not a site, else whether the
        event word acts on the site ("attacked a Mogadishu hotel": True; "in his Laval home":
        False, a site in a locative phrase)."""
        assert self.doc is not None
        head = _first_conjunct(self.doc[root]).head
        site = head.lower_ in _lex().sites
        while head.dep_ == "compound" and head.head is not head:  # "his Tokyo apartment building"
            head = head.head
            site = site or head.lower_ in _lex().sites
        if not site:
            return None
        if self._object_of(trig, head.i):
            return True
        gov = head.head
        if head.dep_ == "pobj" and gov.lower_ in _lex().locative | _lex().place_preps | {"from"}:
            return False
        if head.dep_ == "nsubjpass" and head.head.i == trig:
            return True  # "the province has been struck"
        return None

    def location_for(self, start: int, end: int, sent_start: int,
                     sent_end: int) -> tuple[Location, Span] | None:
        """The location of an event whose trigger is [start, end) in sentence
        [sent_start, sent_end): a locative mention near the trigger, else the dateline place,
        else the article's main place (or its focus country)."""
        best = self.event_place(start, end, sent_start, sent_end)
        if best is not None and best.location is not None:
            return best.location, Span(best.start, best.end, best.text)
        missing = best
        if missing is not None:
            town = self._town_of_site(missing, sent_start, sent_end)
            if town is not None and town.location is not None:
                loc = _with(town.location, text=missing.text,
                            note=f"{missing.text} not in gazetteer; placed at {town.text}, "
                                 "named in the same sentence")
                return loc, Span(missing.start, missing.end, missing.text)
        before = self._preceding_place(sent_start) if missing is None else None
        if before is not None and before.location is not None and (
                self.dateline is None or self.dateline.precision is None
                or _rank(before) >= PRECISION_RANK.get(self.dateline.precision, 0)):
            loc = _with(before.location, note="not stated in the sentence; taken from the "
                                              "place the preceding sentence gives")
            return loc, Span(before.start, before.end, before.text)
        if self.dateline is not None and self.dateline.location is not None:
            loc = self.dateline.location
            if missing is not None:
                loc = _with(loc, text=missing.text,
                            note=f"{missing.text} not in gazetteer; placed at the dateline "
                                 f"place {loc.name}")
            return loc, Span(self.dateline.start, self.dateline.end, self.dateline.text)
        return self._main_place(missing)

    def _town_of_site(self, site: PlaceMention, sent_start: int,
                      sent_end: int) -> PlaceMention | None:
        """The town or district a sentence names beside a small site the gazetteer does not
        know ("the Rasoul checkpoint in Daraa", "near Mosul, at the Ghazlani base"): the
        nearest place of that sentence, at most a second-level division and at least as
        fine as a town's district, that is not merely a qualifier or the clause's subject."""
        found = [m for m in self.mentions
                 if sent_start <= m.start and m.end <= sent_end and m is not site
                 and m.cue != "dateline" and m.location is not None and m.place is not None
                 and m.place.kind in ("admin2", "city", "neighbourhood")
                 and not m.subject and not (m.modifier and not m.locative)]
        if not found:
            return None
        return min(found, key=lambda m: (m.start < site.start, abs(m.start - site.start)))

    def _preceding_place(self, sent_start: int) -> PlaceMention | None:
        """The place the sentence just before gives for what it tells (a locative phrase or
        the object of its event word, the finest first), where both sentences stand in one
        paragraph: "Gunmen raided a village near Gao. Seven people were killed." """
        if self.doc is None or sent_start <= 0:
            return None
        if self._sents is None:  # (start, end, whether a blank line ends it) of each sentence
            text = self.doc.text
            bounds = [(sent.start_char, sent.end_char) for sent in self.doc.sents]
            self._sents = [(a, b, "\n\n" in text[a:nxt]) for (a, b), nxt in zip(
                bounds, [x[0] for x in bounds[1:]] + [len(text)], strict=True)]
        k = bisect.bisect_left(self._sents, (sent_start, -1, False)) - 1
        if k < 0:
            return None
        a, b, blank = self._sents[k]
        if b > sent_start or blank:
            return None
        found = [m for m in self.mentions
                 if a <= m.start and m.end <= b
                 and m.cue != "dateline" and m.location is not None and m.locative
                 and not m.modifier and not m.subject]
        if not found:
            return None
        return max(found, key=lambda m: (_rank(m), -m.start))

    def _main_place(self, missing: PlaceMention | None) -> tuple[Location, Span] | None:
        counts = Counter(m.place.id for m in self.mentions
                         if m.place is not None and m.location is not None
                         and m.place.kind not in ("continent", "country", "admin1"))
        first: dict[int, PlaceMention] = {}
        for m in self.mentions:
            if m.place is not None and m.location is not None:
                first.setdefault(m.place.id, m)
        what = f"{missing.text} not in gazetteer" if missing else "no place stated for the event"
        if counts:
            top = max(counts.values())
            # several places named as often: the one named first (a report's lead says
            # where it happened: "Memphis police ..." before "Shelby County deputies ...")
            pid = min((k for k, v in counts.items() if v == top), key=lambda k: first[k].start)
            if top > 0:
                m = first[pid]
                loc = m.location
                assert loc is not None and m.place is not None
                note = f"{what}; placed at {m.place.name}, the article's main place"
                text = missing.text if missing else m.text
                precision = loc.precision
                if PRECISION_RANK.get(precision, 0) > PRECISION_RANK["admin2"]:
                    precision = "admin2"  # the event lay somewhere in the area, not in the town
                return (_with(loc, note=note, text=text, precision=precision),
                        Span(m.start, m.end, m.text))
        if self.focus_country and self.gazetteer is not None:
            country = self.gazetteer.country(self.focus_country)
            if country is not None:
                span = (Span(missing.start, missing.end, missing.text) if missing
                        else self.focus_span)
                if span is not None:
                    loc = _location(self.gazetteer, country, "country", span.text,
                                    f"{what}; placed in the article's focus country")
                    return loc, span
        return None

    def _token_at(self, char: int) -> int | None:
        if self.doc is None or not len(self.doc):
            return None
        if self._starts is None:
            self._starts = [t.idx for t in self.doc]
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def _object_of(self, trig: int, root: int) -> bool:
        """Whether the place is what the event word acts on: "stormed Kafr Sousah",
        "targeting the village of X", "shelled the towns of A and B"."""
        assert self.doc is not None
        tok = self.doc[root]
        for _ in range(4):
            if tok.dep_ == "dobj" and tok.head.i == trig:
                return True
            if tok.dep_ not in ("conj", "appos", "pobj", "prep", "compound") or tok.head is tok:
                return False
            if tok.dep_ == "prep" and tok.lower_ != "of":
                return False
            tok = tok.head
        return False

    def _aimed_at(self, trig: int, root: int) -> bool:
        """Whether the place is what the event word's attack aims at: "launched an offensive on
        X", "launched an attack to capture X", "launched operations in order to take the town
        of X" (only an infinitive of purpose: "..., targeting X" is the participle's own)."""
        assert self.doc is not None
        lex = _lex()
        tok = self.doc[root]
        for _ in range(6):
            head = tok.head
            if head is tok:
                return False
            if tok.dep_ == "pobj" and head.lower_ == "on":
                noun = head.head
                return (noun.lower_ in lex.attack_nouns and noun.head.i == trig
                        and noun.dep_ in ("dobj", "nsubj", "nsubjpass"))
            if tok.dep_ == "dobj":
                verb = head
                if verb.lemma_.lower() not in lex.seize_verbs:
                    return False
                purpose = verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux"
                                                    for c in verb.children)
                return purpose and verb.dep_ in ("acl", "advcl", "xcomp", "relcl") and (
                    verb.head.i == trig or (verb.head.head.i == trig
                                            and verb.head.lower_ in lex.attack_nouns))
            if tok.dep_ not in ("conj", "appos", "pobj", "prep", "compound"):
                return False
            if tok.dep_ == "prep" and tok.lower_ != "of":
                return False
            tok = head
        return False

    def _dep_distance(self, a: int, b: int) -> int:
        assert self.doc is not None
        path_a = _ancestors(self.doc[a])
        path_b = _ancestors(self.doc[b])
        pos_b = {t: k for k, t in enumerate(path_b)}
        for k, t in enumerate(path_a):
            if t in pos_b:
                return k + pos_b[t]
        return len(path_a) + len(path_b)


def _may_hold(c: _Cand, nxt: _Cand) -> bool:
    """Whether the name after "X," can be read as X's container ("Mosul, Iraq", "Mainok,
    Borno"): X is a town or unknown, or one of X's places lies in one of its places. Where X
    is first a country or division, "France, Germany and Italy", "Alaska, Hawaii" are lists."""
    if not c.candidates or c.candidates[0].kind not in ("continent", "country", "admin1"):
        return True  # a town: "El Meram in West Kordofan" even where a namesake lies abroad
    return any(_inside(p, q) for q in nxt.candidates if q.kind in ("country", "admin1", "admin2")
               for p in c.candidates)


def _own_division(c: _Cand) -> bool:
    """A division called by its own full name, place word included ("Edgar County" inside
    "the Edgar County Community Foundation"): the article's world, whatever the tagger says."""
    top = c.candidates[0] if c.candidates else None
    return (top is not None and c.name_kind in ("admin1", "admin2") and top.primary
            and top.kind == c.name_kind)


def _first_conjunct(tok: Token) -> Token:
    """The first item of the coordination the token is part of ("A" for C in "A, B and C")."""
    for _ in range(10):
        if tok.dep_ != "conj" or tok.head is tok:
            break
        tok = tok.head
    return tok


def _rank(m: PlaceMention) -> int:
    """How fine the mention is; a name the gazetteer does not know counts as the kind its
    place noun gives, else as a town ("the town of Tarmanin in northern Idlib")."""
    if m.precision is not None:
        return PRECISION_RANK.get(m.precision, 0)
    if m.place is None and m.cue in ("noun", "list", "unknown"):
        return PRECISION_RANK.get(PRECISION_OF_KIND.get(m.hint or "city", "city"), 3)
    return 0


def _raw_path(tok: Token) -> list[int]:
    """The token's path to the root, every step counted."""
    out = [tok.i]
    while tok.head.i != tok.i and len(out) < 40:
        tok = tok.head
        out.append(tok.i)
    return out


def _ancestors(tok: Token) -> list[int]:
    """The token's path to the root; conjuncts and appositions stand for their head ("A, B
    and C" all lie as close to the verb as A)."""
    out = [tok.i]
    while tok.head.i != tok.i and len(out) < 30:
        step = tok.dep_ not in ("conj", "appos")
        tok = tok.head
        if step:
            out.append(tok.i)
        else:
            out[-1] = tok.i
    return out


def _with(loc: Location, **changes: Any) -> Location:
    data = {k: getattr(loc, k) for k in Location.__slots__}
    data.update(changes)
    return Location(**data)


def _location(gaz: Gazetteer, place: Place, precision: GeoPrecision, text: str,
              note: str | None = None, lat: float | None = None,
              lon: float | None = None) -> Location:
    country = gaz.country(place.country_code)
    return Location(
        name=place.name, country=country.name if country else None,
        country_code=place.country_code,
        lat=place.lat if lat is None else lat, lon=place.lon if lon is None else lon,
        precision=precision, text=text,
        admin1=place.admin1 if place.kind not in ("continent", "country") else None,
        admin2=place.admin2 if place.kind not in ("continent", "country", "admin1") else None,
        geonameid=place.geonameid, note=note,
    )


class GeoResolver:
    """Finds and resolves the place mentions of parsed articles against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.lex = _lex()

    # -- candidate spans -------------------------------------------------------------------
    def _lookup(self, text: str) -> list[Place]:
        """Gazetteer lookup that first reads standard abbreviations ("U.S.", "Ga.")."""
        ab = self.lex.abbreviations.get(text.strip().rstrip("-–—"))  # "INDIANAPOLIS, Ind.--"
        if ab is not None:
            name, cc, kind = ab
            return [p for p in self.gaz.lookup(name, cc) if p.kind == kind][:1]
        return self.gaz.lookup(text)

    def _initial(self, doc: Doc, i: int) -> bool:
        """A capitalised direction word that may begin a name ("West Virginia", "South
        Sudan") when a name follows it."""
        t = doc[i]
        return (t.lower_ in self.lex.initial and t.text[:1].isupper() and i + 1 < len(doc)
                and self._namey(doc[i + 1]))

    def _name_start(self, doc: Doc, i: int) -> bool:
        """A capitalised demonym that begins the name of a country or first-level division
        ("British Columbia", "Dominican Republic")."""
        t = doc[i]
        if not t.text[:1].isupper() or i + 1 >= len(doc) or not self._namey(doc[i + 1]):
            return False
        if t.lower_ not in self.lex.demonyms:
            return False
        for k in (2, 3):
            if i + k <= len(doc) and any(p.primary and p.kind in ("country", "admin1")
                                         for p in self.gaz.lookup(doc[i:i + k].text)):
                return True
        return False

    def _namey(self, t: Token) -> bool:
        s = t.text
        low = t.lower_.rstrip(".")
        return (s[:1].isupper() and any(c.isalpha() for c in s) and low not in self.lex.stop
                and low not in self.lex.demonyms)

    def _runs(self, doc: Doc) -> list[tuple[int, int]]:
        """Maximal runs of capitalised tokens, allowing Arabic articles and hyphens inside."""
        runs = []
        n = len(doc)
        i = 0
        while i < n:
            t = doc[i]
            if self._namey(t) or self._initial(doc, i) or self._name_start(doc, i) or (
                    t.lower_ in self.lex.toponym_generics and t.text[:1].isupper()
                    and i + 1 < n and self._namey(doc[i + 1])) or (
                    t.lower_ in self.lex.connectors and i + 1 < n and t.lower_ != "-"
                    and (t.lower_ not in self.lex.english or doc[i + 1].text == "-")
                    and self._namey_after(doc, i + 1)):
                j = i + 1
                while j < n and (self._namey(doc[j]) or self._initial(doc, j) or (
                        doc[j].lower_ in self.lex.connectors and self._namey_after(doc, j + 1))):
                    j += 1
                j = self._of_name(doc, i, j)
                runs.append((i, j))
                i = j
            else:
                i += 1
        return runs

    def _of_name(self, doc: Doc, i: int, j: int) -> int:
        """The end of a country's or division's name that goes on with "of (the)"
        ("Democratic Republic of the Congo", "Isle of Man"): the run [i, j) is extended when
        the whole is such a name; otherwise j."""
        n = len(doc)
        if j - i > 3 or j + 1 >= n or doc[j].lower_ != "of":
            return j
        k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
        m = k
        while m < n and m - i < MAX_NGRAM and self._namey(doc[m]):
            m += 1
        if m == k or (m < n and self._namey(doc[m])):
            return j
        if any(p.kind in ("country", "admin1") for p in self._lookup(doc[i:m].text)):
            return m
        return j

    def _namey_after(self, doc: Doc, k: int) -> bool:
        while k < len(doc) and doc[k].lower_ in self.lex.connectors:
            k += 1
        return k < len(doc) and self._namey(doc[k])

    def _matches(self, doc: Doc, a: int, b: int) -> list[_Cand]:
        """Greedy longest gazetteer matches inside the run [a, b)."""
        out = []
        i = a
        while i < b:
            found = False
            for j in range(min(b, i + MAX_NGRAM), i, -1):
                if doc[j - 1].lower_ in self.lex.connectors:
                    continue
                text = doc[i:j].text
                if j - i == 1 and (doc[i].lower_.rstrip(".") in self.lex.stop
                                   or doc[i].lower_ in self.lex.nouns
                                   or doc[i].lower_ in self.lex.generic):
                    continue  # "West", "City", "Camp" alone name no place
                cands = self._lookup(text)
                if cands and cands[0].kind == "continent" and i > a and doc[i - 1].lower_ in (
                        self.lex.initial):
                    break  # "North Africa", "Southern Europe": a region, not the continent
                if cands:
                    out.append(_Cand(i, j, i, j, candidates=cands,
                                     name_kind=self.lex.nouns.get(doc[j - 1].lower_)
                                     if j - i > 1 else None))
                    i = j
                    found = True
                    break
            if not found:
                i += 1
        return out

    def _noun_after(self, doc: Doc, j: int) -> tuple[str, int] | None:
        """A place noun right after token j ("province", "military base"): (noun, end)."""
        n = len(doc)
        if j < n and doc[j].lower_ in self.lex.phrase_starts:
            for phrase, noun in self.lex.noun_phrases.items():
                end = j + len(phrase)
                if end <= n and tuple(t.lower_ for t in doc[j:end]) == phrase:
                    return noun, end  # "Agatu local government area"
        k = j
        while k < n and doc[k].lower_ in self.lex.modifiers and k - j < 2:
            k += 1
        if k < n and doc[k].lower_ in self.lex.nouns:
            return doc[k].lower_, k + 1
        return None

    def _candidates(self, doc: Doc, wholes: list[_Cand] | None = None) -> list[_Cand]:
        """Candidate place names; `wholes` receives longer names whose gazetteer matches are
        only fragments ("Roundabout" in "the Jandoul Roundabout"): the matches stay mentions,
        the whole name only says where an event was."""
        cands: list[_Cand] = []
        taken: set[int] = set()
        ent_of = [t.ent_type_ for t in doc]
        ent_at = [(k, k + 1) for k in range(len(doc))]
        for ent in doc.ents:
            first = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
            for k in range(ent.start, ent.end):
                ent_at[k] = (first, ent.end)  # "the Gaza Strip": the name is the entity
        for a, b in self._runs(doc):
            if b - a >= 2 and doc[b - 1].lower_ in self.lex.streets:
                # "Richmond Street", "Malta Road", "Hillside Circle": a street, not the town
                taken.update(range(a, b))
                if wholes is not None:
                    wholes.append(_Cand(a, b, a, b, strong=True, hint="other"))
                continue
            if self._city_side(doc, a, b):
                # "the South Side", "Westside": a part of the story's city, not a town that
                # goes by the name elsewhere
                taken.update(range(a, b))
                if wholes is not None:
                    wholes.append(_Cand(a, b, a, b, strong=True, hint="neighbourhood"))
                continue
            noun = self._noun_after(doc, b)
            if noun is not None:  # "Ghazlani military base", "Quds neighborhood": whole run
                full = self._lookup(doc[a:noun[1]].text)
                c = _Cand(a, b, a, noun[1], noun=noun[0], strong=True, noun_end=noun[1],
                          hint=self.lex.nouns[noun[0]],
                          candidates=full or self._lookup(doc[a:b].text), stem=not full)
                cands.append(c)
                taken.update(range(a, b))
                continue
            matched = self._matches(doc, a, b)
            if (matched and (matched[0].i > a or matched[-1].j < b) and b - a <= MAX_NGRAM
                    and (self._after_place_noun(doc, a)
                         or (b < len(doc) and doc[b].is_lower and not doc[a].like_num
                             and not any(ch.isdigit() for ch in doc[a].text)  # "A429 X"
                             and doc[b].lower_ in self.lex.area_nouns)
                         or (b - a >= 3 and matched[-1].j < b - 1
                             and not any(m.name_kind for m in matched)  # "Orange County"
                             and (doc[b - 1].lower_ in self.lex.area_nouns
                                  or doc[b - 1].lower_ in self.lex.nouns)))):
                # "the town of Khan Touman", "the Ben Younis area", "the Bustan Al-Basha
                # District": the whole run is the name
                matched = []
            if matched and (matched[0].i > a or matched[-1].j < b) and self._fragments(
                    doc, a, b, matched) and doc[a].lower_ in self.lex.toponym_generics:
                matched = []  # "Na'im" (another place's other name) inside "Beit Na'im"
            elif (wholes is not None and matched and b - a >= 2
                  and (len(matched) > 1 or matched[0].i > a or matched[0].j < b)
                  and (self._fragments(doc, a, b, matched)
                       or self._entity_whole(doc, a, b, matched, ent_at))):
                self._whole_name(doc, a, b, ent_of, wholes)
            for c in matched:  # strong: a place entity that the match covers whole
                c.strong = any(ent_of[k] in PLACE_LABELS and ent_at[k][0] >= c.i
                               and ent_at[k][1] <= c.j for k in range(c.i, c.j))
                c.stem = c.j == b - 1 and doc[c.j].lower_ in self.lex.nouns  # "Grants Town"
                cands.append(c)
                taken.update(range(c.i, c.j))
            if not matched and self._named_place(doc, a, b, ent_of):
                # a place the gazetteer does not know: kept to say where the event was
                cands.append(_Cand(a, b, a, b, strong=any(ent_of[k] in PLACE_LABELS
                                                          for k in range(a, b))))
                taken.update(range(a, b))
            elif not matched and self._placed_name(doc, a, b, ent_of):
                cands.append(_Cand(a, b, a, b, strong=True))
                taken.update(range(a, b))
            elif not matched and self._seized_name(doc, a, b, ent_of):
                cands.append(_Cand(a, b, a, b, seized=True))
                taken.update(range(a, b))
            elif not matched and self._area_name(doc, a, b, ent_of):
                cands.append(_Cand(a, b, a, b, strong=True))
                taken.update(range(a, b))
            elif not matched and wholes is not None and self._directed_name(doc, a, b):
                wholes.append(_Cand(a, b, a, b, strong=True))
            elif not matched and wholes is not None and self._placed_group(doc, a, b):
                wholes.append(_Cand(a, b, a, b, strong=True))  # "killed at Ejule" (a group)
            elif not matched and wholes is not None and self._labelled_area(doc, a, b):
                # "the Al-Assad Suburb", "the Tariq Al-Bab area" tagged as a group or person
                last = doc[b - 1].lower_ if doc[b - 1].lower_ in self.lex.area_nouns | set(
                    self.lex.nouns) else doc[b].lower_
                wholes.append(_Cand(a, b, a, b, strong=True,
                                    hint=self.lex.nouns.get(last, "other")))
        for ent in doc.ents:  # NER places outside capitalised runs ("al-Qaim" in lower case)
            if ent.label_ in PLACE_LABELS and not taken.intersection(range(ent.start, ent.end)):
                if ent.end < len(doc) and doc[ent.end].lower_ in self.lex.streets:
                    continue  # "North State" of "North State Street"
                if len(ent) == 1 and ent[0].is_lower and ent[0].pos_ == "NOUN":
                    continue  # "patrolling the gulf": a common noun, not the Gulf Province
                if len(ent) == 1 and ent[0].lower_.rstrip(".") in self.lex.stop:
                    # "the South", "Kansas City, North": a part of the story's country or
                    # city, not the namesake region abroad (Cameroon's North)
                    cands.append(_Cand(ent.start, ent.end, ent.start, ent.end, strong=True))
                    continue
                found = self._lookup(ent.text)
                if found:
                    cands.append(_Cand(ent.start, ent.end, ent.start, ent.end, strong=True,
                                       candidates=found))
        cands.sort(key=lambda c: c.i)
        return cands

    def _city_side(self, doc: Doc, a: int, b: int) -> bool:
        """"South Side", "Near West Side", "Northside", "East End": a part of a city."""
        while a > 0 and doc[a - 1].lower_ in self.lex.side_words:
            a -= 1  # "West" is no name of its own: the run is "Side"
        words = [t.lower_ for t in doc[a:b]]
        if len(words) == 1:
            w = words[0]
            return any(w == f"{d}{e}" for d in self.lex.side_words for e in ("side", "end"))
        return words[-1] in ("side", "end") and all(w in self.lex.side_words
                                                     for w in words[:-1])

    def _whole_name(self, doc: Doc, a: int, b: int, ent_of: list[str],
                    wholes: list[_Cand]) -> None:
        """Keep [a, b) as one unknown place name when it is one: a place entity, a name an
        area word ends ("the Sulu Sea"), or one tagged as a group ("the Hayyan Gas Fields"),
        which only an event acting on it or a locative phrase makes a place."""
        if self._named_place(doc, a, b, ent_of) or self._area_name(doc, a, b, ent_of):
            wholes.append(_Cand(a, b, a, b, strong=True))
        elif self._area_name(doc, a, b, ent_of, loose=True):
            wholes.append(_Cand(a, b, a, b, seized=True))

    def _entity_whole(self, doc: Doc, a: int, b: int, matched: list[_Cand],
                      ent_at: list[tuple[int, int]]) -> bool:
        """Whether [a, b) is one place entity whose last word no match covers, so that the
        gazetteer knows only a piece of it ("the Marriott Hotel", "Khoja Ghar District",
        "the Golan Heights"): one name the gazetteer lacks."""
        if doc[a].ent_type_ not in PLACE_LABELS or ent_at[a] != (a, b):
            return False
        return all(c.j < b for c in matched) and doc[b - 1].ent_type_ in PLACE_LABELS

    def _directed_name(self, doc: Doc, a: int, b: int) -> bool:
        """A proper name after a place preposition and a compass word ("in eastern Ghouta"),
        whatever the tagger calls it: a place the gazetteer does not know."""
        if not (a >= 2 and doc[a - 1].lower_ in self.lex.directions and doc[a - 1].is_lower):
            return False
        if not all(doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                   for k in range(a, b)):
            return False
        k = self._skip_qualifiers(doc, a - 1)
        return k >= 0 and doc[k].lower_ in self.lex.place_preps and doc[k].pos_ == "ADP"

    def _named_place(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """Whether an unmatched capitalised run is still a place name: a place entity, or
        introduced by a place noun ("the village of Mainok")."""
        if any(ent_of[k] in PLACE_LABELS for k in range(a, b)) and not any(
                ent_of[k] in BLOCK_LABELS or ent_of[k] == "ORG" for k in range(a, b)):
            return True
        if self._after_place_noun(doc, a):
            return True
        k = a - 1  # "the western outskirts of al-Rai", "the eastern perimeter of Jabal X"
        return (k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in self.lex.locative_heads
                and doc[k - 1].is_lower and not any(
                    ent_of[i] in BLOCK_LABELS and ent_of[i] not in self.lex.mistaken
                    and ent_of[i] not in self.lex.mislabels for i in range(a, b)))

    def _placed_name(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """An untagged proper name that a place preposition governs ("inside Kafr Sousah",
        "in eastern Ghouta"): a place the gazetteer does not know."""
        if any(ent_of[k] and ent_of[k] not in PLACE_LABELS and ent_of[k] not in self.lex.mistaken
               for k in range(a, b)):
            return False
        if not all(doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                   for k in range(a, b)):
            return False
        k = self._skip_qualifiers(doc, a - 1)
        return (k >= 0 and doc[k].lower_ in self.lex.place_preps and doc[k].pos_ == "ADP"
                and doc[a:b].root.head.i in (k, *range(k + 1, a)))

    def _fragments(self, doc: Doc, a: int, b: int, matched: list[_Cand]) -> bool:
        """Whether the gazetteer matches inside a longer name are only fragments of it: the
        name begins with a toponym word ("Deir", "Tal", "Beit") and each match is a lone such
        word or only some place's other name."""
        if b - a > MAX_NGRAM:
            return False
        if doc[a].lower_ in self.lex.toponym_generics:
            return all(not c.candidates[0].primary or (
                c.j - c.i == 1 and doc[c.i].lower_ in self.lex.toponym_generics)
                for c in matched)
        # "the Al-Malaah Farms", "the Sulu Sea", "the Hayyan Gas Fields": a name that an area
        # word ends, where the matches are lone words (the area word, an inner word, or only
        # some place's other name)
        area = self.lex.area_nouns
        return b - a >= 2 and doc[b - 1].lower_ in area and all(
            c.j - c.i == 1 and (not c.candidates[0].primary or doc[c.i].lower_ in area
                                or c.i > a) for c in matched)

    def _proper_run(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """Whether [a, b) is a proper name that may be a place: proper nouns without a
        non-place label (a person label only after "Tall", "Kafr", "Wadi" ...)."""
        generic = doc[a].lower_ in self.lex.toponym_generics
        if any(ent_of[k] and ent_of[k] not in PLACE_LABELS and not (
                generic and ent_of[k] in self.lex.mistaken) for k in range(a, b)):
            return False
        return all(doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                   for k in range(a, b))

    def _area_name(self, doc: Doc, a: int, b: int, ent_of: list[str],
                   loose: bool = False) -> bool:
        """An unknown name that an area or place word ends or follows ("the Beit Na'im area",
        "the Deir Hafer Plains", "the Bustan Al-Basha District"): a place the gazetteer does
        not know. Loose: one that an area word ends, whatever the tagger calls it."""
        if b - a >= 2 and (doc[b - 1].lower_ in self.lex.area_nouns
                           or doc[b - 1].lower_ in self.lex.nouns):
            if loose:  # "the Hayyan Gas Fields" tagged as a group
                return doc[b - 1].lower_ in self.lex.area_nouns and all(
                    doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                    for k in range(a, b))
            return self._proper_run(doc, a, b, ent_of)  # "the Bustan Al-Basha District"
        if loose:
            return False
        return (b < len(doc) and doc[b].lower_ in self.lex.area_nouns
                and doc[a:b].root.head.i == b and self._proper_run(doc, a, b, ent_of))

    def _placed_group(self, doc: Doc, a: int, b: int) -> bool:
        """An unknown proper name that the tagger calls a group or a person and that a place
        preposition governs ("killed at Ejule", "fighting inside Sheikh Sa'eed"), without a
        word of an organisation's name: a place only an event beside it makes of it."""
        lex = self.lex
        labels = {doc[k].ent_type_ for k in range(a, b)}
        if not labels & {"ORG", "PERSON"} or not labels <= {"ORG", "PERSON", ""}:
            return False
        if not all((doc[k].pos_ == "PROPN" and doc[k].lower_ not in lex.stop)
                   or doc[k].lower_ in lex.connectors for k in range(a, b)):
            return False
        if b < len(doc) and (doc[b].tag_ == "POS" or doc[b].ent_iob_ == "I"
                             or doc[b].lower_ == "of"):
            return False  # "the Group of Eight summit"
        k = self._skip_qualifiers(doc, a - 1)
        return (k >= 0 and doc[k].lower_ in lex.place_preps and doc[k].pos_ == "ADP"
                and doc[a:b].root.head.i == k)

    def _labelled_area(self, doc: Doc, a: int, b: int) -> bool:
        """A proper name that an area or place word ends or follows ("the Al-Assad Suburb",
        "the Tishreen Power Plant", "the Tariq Al-Bab area") and that the tagger calls a
        group or a person: a place the gazetteer does not know, that only an event places."""
        lex = self.lex
        if not all(doc[k].pos_ == "PROPN" or doc[k].lower_ in lex.connectors
                   or (k == b - 1 and doc[k].is_title) for k in range(a, b)):
            return False
        if not {doc[k].ent_type_ for k in range(a, b)} <= lex.mistaken | {"ORG", ""}:
            return False
        words = lex.area_nouns | frozenset(lex.nouns)
        if b - a >= 2 and doc[b - 1].lower_ in words:
            return doc[a].lower_ not in words
        return (b < len(doc) and doc[b].is_lower and doc[b].lower_ in lex.area_nouns
                and doc[a:b].root.head.i == b)

    def _seized_name(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """An untagged proper name that a verb of taking or striking ground acts on ("stormed
        Tall Kurdi", "Kafr Naya was captured"): a place only that event can make of it."""
        if not self._proper_run(doc, a, b, ent_of):
            return False
        root = doc[a:b].root
        if root.dep_ == "compound" and root.head.lower_ in self.lex.area_nouns:
            root = root.head  # "shelled the Tal X area"
        return (root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB"
                and root.head.lemma_.lower() in self.lex.seize_verbs)

    def _acted_on(self, doc: Doc, root: int) -> bool:
        """Whether a verb of taking or striking ground acts on the word ("entered Al-Bab",
        "Birao was captured")."""
        tok = doc[root]
        return (tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB"
                and tok.head.lemma_.lower() in self.lex.seize_verbs)

    def _after_place_noun(self, doc: Doc, a: int) -> bool:
        """Whether token a follows "<place noun> of" ("the village of ...")."""
        k = a - 1
        return (k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in self.lex.nouns
                and doc[k - 1].is_lower)

    # -- context -----------------------------------------------------------------------------
    def _context(self, doc: Doc, cands: list[_Cand]) -> None:
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
                        and not any(_inside(p, q) for q in nxt.candidates
                                    for p in c.candidates)):
                    nxt = None  # "from Sirte, the US gave ...": a new clause, not a container
                if nxt is not None and nxt.candidates and (
                        nxt.hint in ("admin1", "admin2")
                        or nxt.candidates[0].kind in ("country", "admin1")
                        or c.hint in ("neighbourhood", "other")) and (
                        c.hint in ("neighbourhood", "other") or _may_hold(c, nxt)):
                    c.container = nxt
                elif nxt is not None and c.candidates and nxt.candidates:
                    holding = [q for q in nxt.candidates if q.kind in ("country", "admin1")
                               and any(_inside(p, q) for p in c.candidates)]
                    if holding:  # "Tacoma, Washington": the state, not the capital city
                        nxt.candidates = holding
                        c.container = nxt
        self._possessed(doc, cands)
        self._lists(doc, cands, by_start)
        self._town_uses(doc, cands)

    def _town_uses(self, doc: Doc, cands: list[_Cand]) -> None:
        """A country's name that qualifies a person or a town office ("a 54-year-old
        Palestine man", "Jordan residents", "Lebanon Street Superintendent") is a town's name:
        English calls a country's people by its demonym. Every repeat of the name shares it."""
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

    def _possessed(self, doc: Doc, cands: list[_Cand]) -> None:
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
            if any(_inside(p, q) for q in owner.candidates[:5] for p in c.candidates):
                c.container = owner
            elif (c.noun in self.lex.sub_city and owner.hint is None
                  and owner.candidates[0].kind == "city"):
                c.container, c.hint = owner, "neighbourhood"

    def _lists(self, doc: Doc, cands: list[_Cand], by_start: dict[int, _Cand]) -> None:
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
                    c = _Cand(k, run_end, k, run_end, candidates=self._lookup(
                        doc[k:run_end].text))
                    cands.append(c)
                    by_start[k] = c
                c.in_list, c.strong, c.hint = True, True, lex.list_nouns[t.lower_]
                c.list_head = t.i
                k = run_end
                if k < len(doc) and doc[k].text == ",":
                    k += 1
                if k < len(doc) and doc[k].lower_ in ("and", "or"):
                    k += 1
        cands.sort(key=lambda c: c.i)

    def _divisions_before(self, doc: Doc, noun: int, cands: list[_Cand],
                          by_start: dict[int, _Cand]) -> None:
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
                c = _Cand(a, b, a, b)
                cands.append(c)
                by_start[a] = c
            c.candidates, c.hint, c.strong = found, kind, True

    # -- resolution --------------------------------------------------------------------------
    def _choose(self, c: _Cand, focus: str | None, region: str | None = None,
                anchors: list[tuple[int, float, float]] | None = None,
                divisions: frozenset[str] = frozenset(), links: _Links | None = None,
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
            if container is not None and not _inside(p, container):
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
                    s += REGION_NAME_BONUS if abroad else REGION_BONUS
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

    def _focus(self, doc: Doc, cands: list[_Cand], links: _Links, keys: dict[int, str],
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
        voters: dict[str, list[_Cand]] = {}
        for c in cands:
            if not c.candidates or not (c.strong or _own_division(c)) or c.in_list or (
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
                weight = REPEAT_VOTE if key in seen else 1.0
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

    def _local_country(self, doc: Doc, cands: list[_Cand], voters: dict[str, list[_Cand]],
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
                      c.strong or _own_division(c) or c.candidates[0].prominence >= WELL_KNOWN)]
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

    def _division_focus(self, doc: Doc, cands: list[_Cand], focus: str | None,
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
            if not (c.strong or _own_division(c) or (
                    c.start_tok > 0 and doc[c.start_tok - 1].lower_ in self.lex.locative)):
                continue  # "a shooting in Franklin" votes whatever the tagger calls it
            top = c.candidates[0]
            division = any(p.kind == "admin1" and p.primary and p.country_code == focus
                           for p in c.candidates) and top.kind in ("admin1", "country")
            names.append(NameVote(keys.get(id(c), ""), c.candidates, division))
        votes = division_votes(names, focus)
        postal = postal_division(doc.text, self.lex.postal.get(focus, {}))
        if postal is not None:
            votes[postal] = votes.get(postal, 0.0) + NAMED_VOTE
        return leading_division(votes, named_divisions(names, focus))

    @staticmethod
    def _has_namesake(c: _Cand, code: str) -> bool:
        """Whether the name is also the own name of a town or division in country `code`."""
        return any(p.primary and p.country_code == code
                   and p.kind in ("city", "admin1", "admin2") for p in c.candidates)

    def _org_divisions(self, doc: Doc) -> dict[str, float]:
        """Countries whose first-level divisions give their name to an organisation the
        article names ("Georgia Bureau of Investigation", "Ohio State University")."""
        out: dict[str, float] = {}
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) < 2:
                continue
            for a in range(ent.start, ent.end):
                for b in (a + 2, a + 1):
                    if b > ent.end or not doc[a].text[:1].isupper():
                        continue
                    found = [p for p in self.gaz.lookup(doc[a:b].text)
                             if p.kind == "admin1" and p.primary and p.country_code]
                    if found:
                        code = found[0].country_code
                        assert code is not None
                        out[code] = min(ORG_DIVISION_CAP, out.get(code, 0.0) + ORG_DIVISION_CUE)
                        break
        return out

    def _is_locative(self, doc: Doc, start_tok: int, root: int) -> bool:
        lex = self.lex
        k = self._skip_qualifiers(doc, start_tok - 1)
        if k >= 0 and doc[k].lower_ in lex.locative:
            return True
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in lex.locative_heads:
            return True
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in lex.nouns:
            # "near the (strategic) town of X": the preposition governs the place noun
            k = self._skip_qualifiers(doc, k - 2)
            if k >= 0 and doc[k].lower_ in lex.locative:
                return True
        head = doc[root].head
        return head.pos_ == "ADP" and head.lower_ in lex.locative and head.i < start_tok

    def resolve(self, doc: Doc, dateline: Span | None = None) -> ArticlePlaces:
        """Find the place mentions of a parsed article and resolve them."""
        wholes: list[_Cand] = []
        cands = self._candidates(doc, wholes)
        self._context(doc, cands)
        in_dateline = self._dateline_cands(doc, cands, dateline)
        persons = frozenset(doc[k].lower_ for ent in doc.ents if ent.label_ == "PERSON"
                            and len(ent) > 1 for k in range(ent.start, ent.end))
        self._mistaken_names(doc, cands, persons)
        links = _Links()
        keys = {id(c): doc[c.i:c.j].text.casefold() for c in cands}
        for c in cands:
            if c.candidates and (c.strong or _own_division(c) or (
                    c.candidates[0].kind == "admin1" and c.candidates[0].primary)):
                links.add(keys[id(c)], c.candidates)
        focus, focus_span = self._focus(doc, cands, links, keys, persons)
        links.state = self._division_focus(doc, cands, focus, keys)
        contained = {id(c.container) for c in cands if c.container is not None
                     and c.container.end_tok <= c.end_tok and c.container.i > c.i}
        for c in cands:
            if c.container is None:
                c.place = self._choose(c, focus, links=links, key=keys[id(c)])
        self._holding_readings(cands)
        self._implicit_containers(cands, focus)
        for _ in range(2):  # containers first, so that what they contain is checked against them
            for c in cands:
                if c.container is not None:
                    c.place = self._choose(c, focus, links=links, key=keys.get(id(c), ""))
        region, anchors, divisions = self._region(cands, focus)
        for c in cands:
            if c.strong and c.place is not None:
                links.hold(keys.get(id(c), ""), c.place)
        if region is not None or anchors or divisions or links.holding:
            for c in cands:
                if c.container is None and len(c.candidates) > 1:
                    c.place = self._choose(c, focus, region, anchors, divisions, links,
                                           keys.get(id(c), ""))
            self._holding_readings(cands)
        self._one_sense(doc, cands)
        self._strays_abroad(doc, cands, focus)
        self._list_siblings(doc, cands)
        mentions: list[PlaceMention] = []
        latent: list[PlaceMention] = []
        for c in cands:
            if id(c) in contained:
                continue  # folded into the mention that contains it
            m = self._mention(doc, c, focus, persons)
            if m is not None and m.weak:
                latent.append(m)  # only an event word acting on it makes it a place
            elif m is not None:
                if id(c) in in_dateline:
                    m.cue = "dateline"  # not part of any sentence's own account
                mentions.append(m)
        for c in wholes:
            m = self._mention(doc, c, focus)
            if m is not None:
                m.whole = True
                latent.append(m)
        places = ArticlePlaces(mentions=mentions, focus_country=focus, doc=doc,
                               gazetteer=self.gaz, focus_span=focus_span, latent=latent)
        if dateline is not None:
            named = [m for m in mentions if m.cue == "dateline" and m.place is not None]
            places.dateline = self._dateline(dateline, focus, named)
        return places

    @staticmethod
    def _holding_readings(cands: list[_Cand]) -> None:
        """A country or first-level division named as a container is read as one that holds
        what it contains: "Atlanta, Georgia" is the American state even in a story about
        Indonesia, where "Georgia" alone would be the country."""
        held: dict[int, list[_Cand]] = {}
        for c in cands:
            if c.container is not None:
                held.setdefault(id(c.container), []).append(c)
        for c in cands:
            inner = held.get(id(c))
            if not inner or c.place is None or c.place.kind not in ("country", "admin1"):
                continue
            contents = [p for x in inner for p in x.candidates]
            if any(_inside(p, c.place) for p in contents):
                continue
            options = [q for q in c.candidates if q.kind in ("country", "admin1")
                       and any(_inside(p, q) for p in contents)]
            if options:
                c.place = max(options, key=lambda q: q.score)

    def _dateline_cands(self, doc: Doc, cands: list[_Cand],
                        dateline: Span | None) -> set[int]:
        """Names inside the dateline ("GAO, Mali (Reuters) -") are places whatever the tagger
        says; they vote for the focus country but are not where a sentence's event happened."""
        if dateline is None or doc.text[dateline.start:dateline.end] != dateline.text:
            return set()
        out = set()
        for c in cands:
            span = doc[c.i:c.j]
            if dateline.start <= span.start_char and span.end_char <= dateline.end:
                if c.candidates:
                    c.strong = True
                out.add(id(c))
        return out

    def _mistaken_names(self, doc: Doc, cands: list[_Cand],
                        persons: frozenset[str] = frozenset()) -> None:
        """A known place's own name that a place preposition governs ("near Gao", "in
        Omdurman") is a place even when the tagger calls it a person or a group; so is one
        after "the outskirts of", "the countryside of", "the town of" (whatever the tagger
        calls it: "the eastern countryside of Aleppo" tagged as a language)."""
        lex = self.lex
        for c in cands:
            if c.strong or not c.candidates or sum(
                    not doc[k].is_punct for k in range(c.i, c.j)) > 2:  # "Al-Bab": two words
                continue
            if c.j - c.i == 1 and doc[c.i].lower_ in persons:
                continue  # "spoke to Taylor" after "Mike Taylor": the person
            labels = {doc[k].ent_type_ for k in range(c.i, c.j)}
            head = doc[c.i:c.j].root.head
            # "the (eastern) countryside of Aleppo", "the outskirts of Palmyra"
            of_area = (head.lower_ == "of" and head.i == c.start_tok - 1 and head.i >= 1
                       and doc[head.i - 1].is_lower and (doc[head.i - 1].lower_ in lex.nouns
                                                         or doc[head.i - 1].lower_
                                                         in lex.locative_heads))
            top = c.candidates[0]
            known = top.primary and top.prominence >= MISLABEL_MIN
            allowed = lex.mistaken | lex.mislabels if of_area or known else lex.mistaken
            if len(labels) != 1 or not labels <= allowed:
                continue
            first, last = doc[c.i], doc[c.j - 1]
            if first.ent_iob_ != "B" or (c.j < len(doc) and doc[c.j].ent_iob_ == "I"
                                         and not (of_area and doc[c.j].is_lower)):
                continue  # part of a longer name ("Gao Xingjian")
            root = doc[c.i:c.j].root
            seized = (root.dep_ == "dobj" and head.pos_ == "VERB" and head.i < c.i
                      and head.lemma_.lower() in lex.ground_verbs)  # "entered Al-Bab"
            if not of_area and not seized and (
                    head.pos_ != "ADP" or head.lower_ not in lex.mistaken_preps
                    or head.i != c.start_tok - 1):
                continue
            if last.i + 1 < len(doc) and doc[last.i + 1].tag_ == "POS":
                continue
            if top.kind != "other" and (top.prominence >= MISTAKEN_MIN if top.primary
                                        else top.prominence >= MISTAKEN_ALIAS_MIN):
                c.strong = True  # "attacks on Aleppo", "erupted in Taez" (Taiz)

    def _skip_qualifiers(self, doc: Doc, k: int) -> int:
        """Step back over "the", "both", directions and adjectives ("the neighbouring",
        "eastern")."""
        lex = self.lex
        while k >= 0 and (doc[k].lower_ in ("the", "a", "both", "either")
                          or doc[k].lower_ in lex.directions
                          or doc[k].lower_ in lex.modifiers
                          or (doc[k].pos_ == "ADJ" and doc[k].is_lower)):
            k -= 1
        return k

    def _is_modifier(self, doc: Doc, root: int) -> bool:
        """A name used to qualify something else: "Yemen's Ansar al-Sharia", "U.S.
        President", "task force for Syria" is not where something happened."""
        tok = doc[root]
        if any(ch.dep_ == "case" for ch in tok.children):
            return True
        tok = _first_conjunct(tok)  # "Iraqi and U.S. forces"
        return tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.i > tok.i

    def _region(self, cands: list[_Cand], focus: str | None
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

    def _strays_abroad(self, doc: Doc, cands: list[_Cand], focus: str | None) -> None:
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

    def _list_siblings(self, doc: Doc, cands: list[_Cand]) -> None:
        """Places named in one list ("Suba, Migori, Homa Bay and Kisumu") lie in one country:
        where all the others lie in one country, a member placed elsewhere takes its reading
        there, or, found only by another place's other name, that country."""
        groups: dict[int, list[_Cand]] = {}
        for c in cands:
            if c.place is None or c.place.kind in ("country", "continent") or c.container:
                continue
            tok = doc[c.i:c.j].root
            if tok.dep_ != "conj" and not any(t.dep_ == "conj" for t in tok.children):
                continue
            groups.setdefault(_first_conjunct(tok).i, []).append(c)
        for members in groups.values():
            if len(members) < 3:
                continue
            codes = Counter(m.place.country_code for m in members if m.place is not None)
            code, n = codes.most_common(1)[0]
            if n != len(members) - 1 or not code:
                continue
            for m in members:
                p = m.place
                if p is None or p.country_code == code:
                    continue
                there = [q for q in m.candidates if q.country_code == code]
                if there:
                    m.place = max(there, key=lambda q: q.score)
                elif not p.primary:
                    m.place = self.gaz.country(code)

    def _one_sense(self, doc: Doc, cands: list[_Cand]) -> None:
        """One place per name in an article: repeats of a name resolved with a place cue or a
        place entity take the same place and count as place mentions, unless they are part of
        a person's name."""
        best: dict[str, _Cand] = {}
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

    def _mention(self, doc: Doc, c: _Cand, focus: str | None,
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
            if c.name_kind is not None and locative and "PERSON" not in ent:
                pass  # "inside the Aleppo Governorate": its own place word and a preposition
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
        head = _first_conjunct(doc[root]).head
        if (locative and modifier and c.noun is None and head.pos_ != "PROPN"
                and head.lower_ not in self.lex.nouns
                and head.lower_ not in self.lex.locative_heads):
            locative = False  # "handed over to U.S. forces": the preposition governs "forces"
        subject = doc[root].dep_ == "nsubj" or (head.dep_ == "agent" and head.lower_ == "by")
        m = PlaceMention(start=span.start_char, end=span.end_char, text=span.text,
                         place=None, precision=None, cue="name", root=root,
                         locative=locative, modifier=modifier, hint=c.hint, subject=subject,
                         weak=weak)
        name_text = doc[c.i:c.j].text
        where = c.container.place if c.container is not None else None
        if c.place is not None:
            p = c.place
            m.place, m.precision = p, PRECISION_OF_KIND[p.kind]
            m.cue = "contained" if where is not None else "noun" if c.noun else "name"
            if c.distance_km is not None or c.bearing is not None:
                self._displace(m, c)
            else:
                if c.direction:
                    m.cue = "direction"
                m.location = _location(self.gaz, p, m.precision, m.text)
        elif where is not None:
            what = doc[c.i:c.noun_end].text if c.noun_end > c.j else name_text
            m.place, m.precision, m.cue = where, PRECISION_OF_KIND[where.kind], "contained"
            m.note = f"{what} not in gazetteer; placed at {where.name}"
            m.location = _location(self.gaz, where, m.precision, m.text, m.note)
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

    def _famous_mislabel(self, doc: Doc, c: _Cand) -> bool:
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

    def _displace(self, m: PlaceMention, c: _Cand) -> None:
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
        m.location = _location(self.gaz, p, prec, m.text, m.note, lat, lon)

    def _implicit_containers(self, cands: list[_Cand], focus: str | None) -> None:
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
            if c.in_list or c.hint == "neighbourhood":
                # the city the story names most, then the nearest ("the Austin neighborhood"
                # in a story about Chicago, not in the "Mount Sinai" of a hospital's name)
                c.container = min(cities, key=lambda x: (
                    -named[x.place.id if x.place is not None else 0], abs(x.i - c.i)))

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
        loc = _location(self.gaz, best, prec, dateline.text,
                        "not stated for the event; taken from the dateline")
        return PlaceMention(dateline.start, dateline.end, dateline.text, best, prec,
                            loc.note, loc, cue="dateline")
