"""Geolocation against public gold sets: toponyms in news (Gritta's collection) and the choice
of an event's location (Halterman 2019).

Toponym scorers, one per corpus of ``geoparsing_gritta``: `geowebnews` (``data/GWN.xml``),
`lgl` and `trnews` (``data/Corpora/lgl.xml``, ``TR-News.xml``: GeoNames ids), `geovirus`
(``GeoVirus.xml``: Wikipedia coordinates), `wiktor` (only the derived CamCoder gold survives,
without the article text: scored as name-only resolution of each gold toponym). Each article is
parsed with the real spaCy pipeline and resolved by `GeoResolver`; a predicted mention matches a
gold toponym when the spans overlap (one prediction per gold). Figures: recognition P/R/F1; on
matched toponyms with gold coordinates, accuracy within 161 km and median error; exact GeoNames
id where gold gives one; right country (gold country from the gold GeoNames id, else the
country of the nearest gazetteer place to the gold point). GeoWebNews gold leaves out the types
Non_Toponym, Homonym, Demonym, Language and the common-noun expressions (Literal_Expression,
Non_Lit_Expression: "the area", "the city"), which carry no coordinates.

`event_location`: each record is a sentence, an event verb and the gold LOCATION span(s) (none
when the event has no location in the sentence). The gold character offsets of many RELABEL
spans are zero-length; their token offsets are right and are used instead. The prediction is
`ArticlePlaces.event_place` for the verb: right when it overlaps a gold span, or when both say
"no location" (the gold gives spans, not coordinates, so the place's resolution is not judged
here). The errors are broken down: a place given where gold has none; none given, or another
place given, with the gold place among the article's place mentions or not recognised at all.

Splits: toponym sets are halved by a stable hash of ``corpus:document id`` (SHA-1, even first
byte = dev); `event_location` uses the accepted research-assistant labels as dev and the
adjudicated RELABEL records as test. Tune on dev only. Its dev set is halved once more by the
record id (SHA-1 of ``event_location:<id>``, even first byte = half A): ``--split dev`` reports
both halves, and ``--split dev-a`` / ``--split dev-b`` score one, so that a rule studied on one
half is checked on the other.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import statistics
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.distance import haversine_km
from sitrep.eval import ClassScore, EvalReport, Metric, Options, scorer, write_errors

GRITTA = Path("geoparsing_gritta")
HALTERMAN = Path("event_location_halterman/labeled_text.jsonl")
GWN_SKIP_TYPES = frozenset({"Non_Toponym", "Homonym", "Demonym", "Language", "Literal_Expression",
                            "Non_Lit_Expression"})
KM_161 = 161.0


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


@dataclass(slots=True)
class GeoDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def is_dev(corpus: str, doc_id: str) -> bool:
    """The deterministic dev half: SHA-1 of ``corpus:doc_id`` has an even first byte."""
    return hashlib.sha1(f"{corpus}:{doc_id}".encode()).digest()[0] % 2 == 0


def _f(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _i(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _text(el: ET.Element, tag: str) -> str | None:
    found = el.find(tag)
    return found.text if found is not None else None


# -- gold readers ----------------------------------------------------------------------------
def read_gwn(path: Path) -> list[GeoDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = GeoDoc(art.get("file", ""), _text(art, "text") or "")
        for t in art.iter("toponym"):
            if (_text(t, "type") or "") in GWN_SKIP_TYPES:
                continue
            doc.toponyms.append(GoldToponym(
                int(_text(t, "start") or 0), int(_text(t, "end") or 0),
                _text(t, "extractedName") or "", _f(_text(t, "latitude")),
                _f(_text(t, "longitude")), _i(_text(t, "geonamesID"))))
        docs.append(doc)
    return docs


def read_gaztag(path: Path) -> list[GeoDoc]:
    """LGL and TR-News: ``<toponym><start><end><phrase><gaztag geonameid><lat><lon>``."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = GeoDoc(art.get("docid", ""), _text(art, "text") or "")
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            doc.toponyms.append(GoldToponym(
                int(_text(t, "start") or 0), int(_text(t, "end") or 0), _text(t, "phrase") or "",
                _f(_text(tag, "lat")) if tag is not None else None,
                _f(_text(tag, "lon")) if tag is not None else None,
                _i(tag.get("geonameid")) if tag is not None else None))
        docs.append(doc)
    return docs


def read_geovirus(path: Path) -> list[GeoDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = GeoDoc((_text(art, "source") or "").strip(), _text(art, "text") or "")
        for loc in art.iter("location"):
            doc.toponyms.append(GoldToponym(
                int(_text(loc, "start") or 0), int(_text(loc, "end") or 0),
                _text(loc, "name") or "", _f(_text(loc, "lat")), _f(_text(loc, "lon"))))
        docs.append(doc)
    return docs


def read_camcoder(path: Path) -> list[GeoDoc]:
    """CamCoder gold lines: ``name,,surface,,lat,,lon,,start,,end||...`` (no article text)."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            doc = GeoDoc(str(n), "")
            for item in line.strip().split("||"):
                parts = item.split(",,")
                if len(parts) >= 6:
                    doc.toponyms.append(GoldToponym(int(parts[4]), int(parts[5]), parts[1],
                                                    _f(parts[2]), _f(parts[3])))
            docs.append(doc)
    return docs


CORPORA = {
    "geowebnews": (GRITTA / "data/GWN.xml", read_gwn),
    "lgl": (GRITTA / "data/Corpora/lgl.xml", read_gaztag),
    "trnews": (GRITTA / "data/Corpora/TR-News.xml", read_gaztag),
    "geovirus": (GRITTA / "data/Corpora/GeoVirus.xml", read_geovirus),
    "wiktor": (GRITTA / "camcoder_data/wiki_gold.txt", read_camcoder),
}


# -- geometry --------------------------------------------------------------------------------
class CountryOf:
    """The country of a gold toponym: from its GeoNames id where the gazetteer has it, else
    the nearest gazetteer place (within about 300 km). A continent has none: it is left out
    of the right-country figure (by its GeoNames id, or, without one, by its name)."""

    def __init__(self, con: object) -> None:
        import sqlite3

        from sitrep.geo.normalize import normalize_name

        assert isinstance(con, sqlite3.Connection)
        self.continents: set[int] = set()
        self.continent_names: set[str] = set()
        for gid, name in con.execute(
                "SELECT p.geonameid, n.name FROM places p JOIN names n ON n.place_id = p.id "
                "WHERE p.kind = 'continent'"):
            self.continents.add(gid)
            self.continent_names.add(name)
        self._norm = normalize_name
        self.by_gid: dict[int, str] = {}
        self.grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for gid, lat, lon, cc, kind in con.execute(
                "SELECT geonameid, lat, lon, country_code, kind FROM places "
                "WHERE country_code IS NOT NULL"):
            if gid:
                self.by_gid.setdefault(gid, cc)
            if lat is not None and kind in ("city", "neighbourhood", "admin2"):
                self.grid[(math.floor(lat), math.floor(lon))].append((lat, lon, cc))

    def __call__(self, gold: GoldToponym) -> str | None:
        if gold.geonameid in self.continents or (
                not gold.geonameid and self._norm(gold.name) in self.continent_names):
            return None
        if gold.geonameid and gold.geonameid in self.by_gid:
            return self.by_gid[gold.geonameid]
        if gold.lat is None or gold.lon is None:
            return None
        best, best_d = None, 300.0
        gy, gx = math.floor(gold.lat), math.floor(gold.lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for lat, lon, cc in self.grid.get((gy + dy, gx + dx), ()):
                    d = haversine_km(gold.lat, gold.lon, lat, lon)
                    if d < best_d:
                        best, best_d = cc, d
        return best


# -- toponym scoring -------------------------------------------------------------------------
@dataclass(slots=True)
class _Tally:
    rec: ClassScore = field(default_factory=lambda: ClassScore("toponyms"))
    errors: list[float] = field(default_factory=list)
    local_errors: list[float] = field(default_factory=list)  # predicted below country level
    exact: list[bool] = field(default_factory=list)
    country: list[bool] = field(default_factory=list)
    resolve_s: float = 0.0
    parse_s: float = 0.0
    docs: int = 0
    wrong: list[str] = field(default_factory=list)  # over 161 km off, or near with another id


def _score_pairs(tally: _Tally, pairs: Iterable[tuple[GoldToponym, object]],
                 country_of: CountryOf, doc_id: str = "") -> None:
    from sitrep.geo import Place

    for gold, place in pairs:
        assert place is None or isinstance(place, Place)
        if gold.lat is not None and gold.lon is not None:
            if place is None or place.lat is None or place.lon is None:
                tally.errors.append(math.inf)
            else:
                tally.errors.append(haversine_km(gold.lat, gold.lon, place.lat, place.lon))
            if tally.errors[-1] > KM_161 and len(tally.wrong) < 5000:
                ours = "nothing" if place is None else (
                    f"{place.name} ({place.kind}, {place.country_code}, {place.geonameid})")
                tally.wrong.append(f"{doc_id}: {gold.name!r} -> {ours}, "
                                   f"{tally.errors[-1]:.0f} km off (gold id {gold.geonameid})")
            if place is not None and place.kind not in ("continent", "country"):
                tally.local_errors.append(tally.errors[-1])
        if gold.geonameid:
            tally.exact.append(place is not None and place.geonameid == gold.geonameid)
            if (not tally.exact[-1] and place is not None and tally.errors
                    and tally.errors[-1] <= KM_161 and len(tally.wrong) < 5000):
                tally.wrong.append(f"{doc_id}: {gold.name!r} -> {place.name} ({place.kind}, "
                                   f"{place.country_code}, {place.geonameid}), within 161 km, "
                                   f"another id (gold id {gold.geonameid})")
        cc = country_of(gold)
        if cc is not None:
            tally.country.append(place is not None and place.country_code == cc)


def _match(gold: list[GoldToponym], spans: list[tuple[int, int, object]]
           ) -> tuple[list[tuple[GoldToponym, object]], int]:
    """One-to-one overlap matching; returns the matched pairs and the unmatched predictions."""
    used: set[int] = set()
    pairs = []
    for g in sorted(gold, key=lambda g: g.start):
        for k, (s, e, place) in enumerate(spans):
            if k not in used and s < g.end and g.start < e:
                used.add(k)
                pairs.append((g, place))
                break
    return pairs, len(spans) - len(used)


def _select(corpus: str, docs: list[GeoDoc], opts: Options) -> tuple[list[GeoDoc], str]:
    split = opts.split or "test"
    if split not in ("dev", "test", "all"):
        raise ValueError(f"split must be dev, test or all, not {split!r}")
    chosen = [d for d in docs if split == "all" or is_dev(corpus, d.id) == (split == "dev")]
    return chosen[:opts.limit] if opts.limit else chosen, split


def _open_gazetteer() -> object:
    from sitrep.geo import Gazetteer

    return Gazetteer.open()


def score_toponyms(corpus: str, opts: Options) -> EvalReport:
    from sitrep.geo import Gazetteer, GeoResolver

    rel, reader = CORPORA[corpus]
    path = opts.data / rel
    if not path.exists():
        raise FileNotFoundError(f"{path} not found (gold set {corpus} absent)")
    docs, split = _select(corpus, reader(path), opts)
    gaz = _open_gazetteer()
    assert isinstance(gaz, Gazetteer)
    country_of = CountryOf(gaz.con)
    tally = _Tally()
    if corpus == "wiktor":
        for d in docs:
            tally.docs += 1
            pairs: list[tuple[GoldToponym, object]] = []
            for g in d.toponyms:
                found = gaz.lookup(g.name)
                pairs.append((g, found[0] if found else None))
            _score_pairs(tally, pairs, country_of)
    else:
        from sitrep.nlp import load_nlp

        nlp = load_nlp()
        resolver = GeoResolver(gaz)
        t0 = time.perf_counter()
        parsed = nlp.pipe((d.text for d in docs), batch_size=16)
        for d in docs:
            doc = next(parsed)
            t1 = time.perf_counter()
            places = resolver.resolve(doc)
            t2 = time.perf_counter()
            tally.resolve_s += t2 - t1
            tally.docs += 1
            spans: list[tuple[int, int, object]] = [
                (m.start, m.end, m.place) for m in places.mentions if m.place is not None]
            pairs, fp = _match(d.toponyms, spans)
            tally.rec.tp += len(pairs)
            tally.rec.fn += len(d.toponyms) - len(pairs)
            tally.rec.fp += fp
            _score_pairs(tally, pairs, country_of, d.id)
        tally.parse_s = time.perf_counter() - t0 - tally.resolve_s
    write_errors(corpus, split, tally.wrong)
    return _toponym_report(corpus, split, tally)


def _toponym_report(corpus: str, split: str, tally: _Tally) -> EvalReport:
    report = EvalReport(corpus, split)
    news = corpus != "wiktor"
    if news:
        rec = tally.rec
        report.metrics += [Metric("recognition precision", rec.precision, rec.tp + rec.fp),
                           Metric("recognition recall", rec.recall, rec.tp + rec.fn),
                           Metric("recognition F1", rec.f1, rec.tp + rec.fn)]
    errs = tally.errors
    if errs:
        acc = sum(e <= KM_161 for e in errs) / len(errs)
        report.metrics.append(Metric("accuracy within 161 km", acc, len(errs),
                                     0.93 if news else None))
        report.metrics.append(Metric("median error (km)", statistics.median(errs), len(errs)))
    local = tally.local_errors
    if local:
        report.metrics.append(Metric("accuracy within 161 km, placed below country level",
                                     sum(e <= KM_161 for e in local) / len(local), len(local)))
    if tally.exact:
        report.metrics.append(Metric("exact GeoNames id", sum(tally.exact) / len(tally.exact),
                                     len(tally.exact), 0.90 if news else None))
    if tally.country:
        report.metrics.append(Metric("right country", sum(tally.country) / len(tally.country),
                                     len(tally.country), 0.99))
    where = "matched toponyms" if news else "gold toponyms, name only (no article text)"
    report.notes.append(f"{tally.docs} documents; resolution figures over {where}")
    if news and tally.docs:
        report.notes.append(
            f"GeoResolver.resolve: {1000 * tally.resolve_s / tally.docs:.1f} ms per article; "
            f"spaCy parse: {1000 * tally.parse_s / tally.docs:.1f} ms per article")
    report.notes.append(f"gazetteer: {os.environ.get('SITREP_GAZETTEER') or 'default'}")
    return report


@scorer("geowebnews")
def geowebnews(opts: Options) -> EvalReport:
    return score_toponyms("geowebnews", opts)


@scorer("lgl")
def lgl(opts: Options) -> EvalReport:
    return score_toponyms("lgl", opts)


@scorer("trnews")
def trnews(opts: Options) -> EvalReport:
    return score_toponyms("trnews", opts)


@scorer("geovirus")
def geovirus(opts: Options) -> EvalReport:
    return score_toponyms("geovirus", opts)


@scorer("wiktor")
def wiktor(opts: Options) -> EvalReport:
    return score_toponyms("wiktor", opts)


# -- event location --------------------------------------------------------------------------
@dataclass(slots=True)
class EventItem:
    id: str
    text: str
    verb: tuple[int, int]
    locations: list[tuple[int, int]]


def dev_half(item_id: str) -> str:
    """The half ("a" or "b") of the event_location dev set a record belongs to."""
    return "ab"[hashlib.sha1(f"event_location:{item_id}".encode()).digest()[0] % 2]


def _offsets(text: str, tokens: list[dict[str, int]], span: dict[str, object]) -> tuple[int, int]:
    """Character offsets of a span. Some records give zero-length or token-index offsets; the
    token offsets then locate the span (checked against the span's text where it has one)."""
    a, b = int(span["start"]), int(span["end"])  # type: ignore[call-overload]
    ts, te = span.get("token_start"), span.get("token_end")
    if not (isinstance(ts, int) and isinstance(te, int) and 0 <= ts <= te < len(tokens)):
        return a, b
    ta, tb = tokens[ts]["start"], tokens[te]["end"]
    want = span.get("text")
    if isinstance(want, str):
        if text[a:b] == want:
            return a, b
        if text[ta:tb] == want:
            return ta, tb
    return (a, b) if b > a and (a, b) != (ts, te) else (ta, tb)


def read_event_locations(path: Path) -> list[tuple[str, EventItem]]:
    """(source, item) for every accepted record with a verb."""
    with open(path, encoding="utf-8") as fh:
        records = json.load(fh)
    out = []
    for r in records:
        if r.get("answer") != "accept":
            continue
        tokens = r.get("tokens") or []
        verb = None
        locs = []
        for s in r.get("spans") or []:
            a, b = _offsets(r["text"], tokens, s)
            if s["label"] == "VERB":
                verb = (a, b)
            elif s["label"] == "LOCATION" and b > a:
                locs.append((a, b))
        if verb is not None:
            out.append((r.get("source", ""), EventItem(str(r.get("_id")), r["text"], verb, locs)))
    return out


@scorer("event_location")
def event_location(opts: Options) -> EvalReport:
    from sitrep.geo import Gazetteer, GeoResolver
    from sitrep.nlp import load_nlp

    path = opts.data / HALTERMAN
    if not path.exists():
        raise FileNotFoundError(f"{path} not found (gold set event_location absent)")
    split = opts.split or "test"
    if split not in ("dev", "test", "dev-a", "dev-b"):
        raise ValueError(f"unknown split {split!r} (dev, dev-a, dev-b or test)")
    items = [it for src, it in read_event_locations(path)
             if (src == "RELABEL") == (split == "test")
             and (split not in ("dev-a", "dev-b") or dev_half(it.id) == split[-1])]
    if opts.limit:
        items = items[:opts.limit]
    gaz = _open_gazetteer()
    assert isinstance(gaz, Gazetteer)
    resolver = GeoResolver(gaz)
    nlp = load_nlp()
    right = {"located": [0, 0], "none": [0, 0]}
    halves = {"a": [0, 0], "b": [0, 0]}
    errors: dict[str, int] = defaultdict(int)
    wrong: list[str] = []
    for it, doc in zip(items, nlp.pipe((it.text for it in items), batch_size=32), strict=True):
        places = resolver.resolve(doc)
        m = places.event_place(it.verb[0], it.verb[1], 0, len(it.text))
        kind = "located" if it.locations else "none"
        if it.locations:
            ok = m is not None and any(m.start < b and a < m.end for a, b in it.locations)
            if not ok:
                named = any(x.start < b and a < x.end for x in places.mentions
                            for a, b in it.locations)
                errors[("none given" if m is None else "another place")
                       + (", gold place among the mentions" if named
                          else ", gold place not recognised")] += 1
        else:
            ok = m is None
            if not ok:
                errors["a place given where gold has none"] += 1
        right[kind][0] += int(ok)
        right[kind][1] += 1
        half = halves[dev_half(it.id)]
        half[0] += int(ok)
        half[1] += 1
        if not ok:
            gold_text = [it.text[a:b] for a, b in it.locations]
            wrong.append(f"{it.id}: verb {it.text[it.verb[0]:it.verb[1]]!r}: ours "
                         f"{m.text if m is not None else None!r}, gold {gold_text}")
    write_errors("event_location", split, wrong)
    report = EvalReport("event_location", split)
    total = right["located"][1] + right["none"][1]
    if total:
        report.metrics.append(Metric("event location right", (right["located"][0]
                                                              + right["none"][0]) / total,
                                     total, 0.85))
    for kind, label in (("located", "right where gold names a place"),
                        ("none", "right where gold names none")):
        if right[kind][1]:
            report.metrics.append(Metric(label, right[kind][0] / right[kind][1], right[kind][1]))
    if split == "dev":
        for name, (good, n) in halves.items():
            if n:
                report.metrics.append(Metric(f"event location right, dev half {name.upper()}",
                                             good / n, n))
    total_err = sum(errors.values())
    for label in ("a place given where gold has none",
                  "none given, gold place among the mentions",
                  "none given, gold place not recognised",
                  "another place, gold place among the mentions",
                  "another place, gold place not recognised"):
        if total:
            report.metrics.append(Metric(f"error share: {label}", errors[label] / total, total))
    report.notes.append(f"{total_err} errors of {total}; the error shares add up to 1 - right")
    report.notes.append("dev: accepted research-assistant labels; test: adjudicated RELABEL "
                        "records; published model accuracy 0.83")
    return report
