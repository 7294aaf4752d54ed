"""Scorers for event detection, typing and actors.

* ``plover_gsr`` — PLOVER type of each coded sentence through the records' `plover_type`, and
  source/target actor agreement (our actor1/actor2 words overlap the gold actor text).
* ``universal_petrarch_validation`` — the English GSR file: CAMEO codes mapped to PLOVER with the
  set's own CAMEO2PLOVER table; actors compared by country code.
* ``petrarch2_validation`` — CAMEO root agreement on the invented unit-test sentences (a sanity
  check: the actors are fictional, so only event types are scored).
* ``muc34`` — document-level incident types, perpetrators and targets against the answer keys
  (dev to tune, tst1/tst2 to report). The perpetrators a record gives are its actor1 and its
  associated actors (`assoc_actor1`), since a key lists every conjoined doer ("the FMLN and
  the ERP"); targets are actor2 alone.
* ``india_police_events`` — sentence-level detection of police killings, arrests and force.

Sets without their own split are halved deterministically: an item is in ``dev`` when the first
hex digit of the SHA-256 of its id is even, else in ``test``.

Classes that Sitrep does not code (DEMAND, THREATEN, CONSULT, ...) count as correct when no
record comes out: a threat or a demand is not an ACLED event.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sitrep.eval import ClassScore, EvalReport, Metric, Options, micro, scorer, write_errors
from sitrep.record import Actor, Article, EventRecord

CODED = ("FIGHT", "ASSAULT", "PROTEST", "COERCE", "AGREE", "MOBILIZE", "RETREAT")
NONE = "NONE"
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "a", "an", "of", "and", "in", "on", "by", "to", "s", "its", "their", "his",
         "her", "some", "two", "three", "one", "several", "other", "others", "at", "from"}


# ---------------------------------------------------------------------------------------------
# shared helpers


def in_split(item_id: str, split: str) -> bool:
    """Deterministic half of a set without its own split: even first hex digit → dev."""
    digit = int(hashlib.sha256(item_id.encode("utf-8")).hexdigest()[0], 16)
    return (digit % 2 == 0) == (split == "dev")


def extract_all(articles: list[Article], opts: Options) -> Iterator[tuple[Article,
                                                                          list[EventRecord]]]:
    """Run the real pipeline (without place resolution) over `articles`."""
    from sitrep.pipeline import PipelineConfig, run

    yield from run(articles, PipelineConfig(geo=False), n_process=opts.workers)


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


_SPELLING = {"guerilla": "guerrilla"}
# words of canonical actor names that say nothing about who acted
_GENERIC_NAME_WORDS = {"military", "forces", "police", "government", "unknown", "country",
                       "unidentified", "armed", "group", "militia", "civilians", "protesters",
                       "rioters", "of"}


def stems(text: str) -> frozenset[str]:
    """Content words with a plural -s dropped and spelling variants folded, so that
    "terrorists" meets "TERRORIST" and "guerilla" meets "guerrillas"."""
    out = set()
    for w in words(text):
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(_SPELLING.get(w, w))
    return frozenset(out)


def actor_stems(actor: Actor) -> frozenset[str]:
    """The actor's surface words, plus the specific words of its canonical name ("the rebels"
    normalised to the Farabundo Marti National Liberation Front meets "FMLN"'s long form)."""
    return stems(actor.text) | (stems(actor.name) - _GENERIC_NAME_WORDS)


def overlaps(ours: str, gold: str) -> bool:
    """Two actor phrases agree when they share a content word."""
    return bool(words(ours) & words(gold))


def events_of(records: Iterable[EventRecord]) -> list[EventRecord]:
    return [r for r in records if not r.background]


def plover_of(records: list[EventRecord]) -> str:
    """The PLOVER type of a sentence: the type of its first event, or NONE."""
    for record in records:
        if record.plover_type:
            return record.plover_type
    return NONE


def plover_set(records: list[EventRecord]) -> set[str]:
    return {r.plover_type for r in records if r.plover_type}


def cameo_to_plover(data: Path) -> dict[str, str]:
    """The CAMEO → PLOVER table shipped with the PLOVER gold set (code → category)."""
    table: dict[str, str] = {}
    path = data / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def map_cameo(code: str, table: dict[str, str]) -> str | None:
    code = code.strip()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _confusion_notes(pairs: Counter[tuple[str, str]], top: int = 40) -> list[str]:
    wrong = [(g, p, n) for (g, p), n in pairs.most_common() if g != p]
    return ["confusion (gold → ours: n): " + ", ".join(
        f"{g} → {p}: {n}" for g, p, n in wrong[:top])] if wrong else []


def _need(path: Path) -> None:
    if not path.exists():
        raise FileNotFoundError(f"gold data not found: {path}")


# ---------------------------------------------------------------------------------------------
# PLOVER gold-standard records


def _plover_items(opts: Options, split: str) -> list[dict[str, object]]:
    path = opts.data / "plover_gsr" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    _need(path)
    items = [r for r in json.loads(path.read_text(encoding="utf-8"))
             if r.get("event") != "DOCUMENT" and r.get("text")]
    if split != "all":
        items = [r for r in items if in_split(str(r["id"]), split)]
    return items[: opts.limit] if opts.limit else items


def _actor_texts(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(a.get("actorText", "")) for a in value if isinstance(a, dict)]


def _actor_agrees(actor: Actor | None, gold: list[str]) -> bool:
    return actor is not None and any(overlaps(actor.text, g) or overlaps(actor.name, g)
                                     for g in gold)


@scorer("plover_gsr")
def score_plover_gsr(opts: Options) -> EvalReport:
    split = opts.split or "all"
    items = _plover_items(opts, split)
    articles = [Article(text=str(r["text"]), published=date(2000, 1, 1), id=str(r["id"]))
                for r in items]
    gold_of = {str(r["id"]): r for r in items}
    pairs: Counter[tuple[str, str]] = Counter()
    classes = {c: ClassScore(c) for c in (*CODED, NONE)}
    correct = coded_correct = coded_n = 0
    src_hit = src_n = tgt_hit = tgt_n = 0
    errors: list[str] = []
    for article, records in extract_all(articles, opts):
        item = gold_of[article.id]
        gold = str(item["event"])
        gold_label = gold if gold in CODED else NONE
        ours = plover_of(events_of(records))
        if ours not in CODED:
            ours = NONE  # a type outside the seven (an eased curfew is CONCEDE) is scored as NONE
        pairs[(gold, ours)] += 1
        if ours != gold_label:
            subs = "; ".join(f"{r.sub_event_type}{' (bg)' if r.background else ''}"
                             for r in records)
            errors.append(f"{article.id}\tgold {gold}\tours {ours}\t[{subs}]\t{article.text}")
        correct += ours == gold_label
        if gold in CODED:
            coded_n += 1
            coded_correct += ours == gold
        if ours == gold_label:
            classes[ours].tp += 1
        else:
            classes[ours].fp += 1
            classes[gold_label].fn += 1
        if gold in CODED and ours == gold:
            first = next(r for r in events_of(records) if r.plover_type == gold)
            sources, targets = _actor_texts(item.get("source")), _actor_texts(item.get("target"))
            if sources:
                src_n += 1
                src_hit += _actor_agrees(first.actor1, sources)
            if targets:
                tgt_n += 1
                tgt_hit += _actor_agrees(first.actor2, targets)
    n = len(items)
    non_coded = n - coded_n
    silent = classes[NONE].tp
    report = EvalReport("plover_gsr", split, metrics=[
        Metric("PLOVER type accuracy, all sentences (NONE expected for non-ACLED classes)",
               correct / n if n else 0.0, n, 0.80),
        Metric("PLOVER type accuracy, sentences of the 7 coded classes",
               coded_correct / coded_n if coded_n else 0.0, coded_n),
        Metric("no record for non-ACLED classes", silent / non_coded if non_coded else 0.0,
               non_coded),
        Metric("source agreement (actor1 overlaps gold source), correctly typed",
               src_hit / src_n if src_n else 0.0, src_n),
        Metric("target agreement (actor2 overlaps gold target), correctly typed",
               tgt_hit / tgt_n if tgt_n else 0.0, tgt_n),
    ], classes=[*classes.values(), micro([classes[c] for c in CODED], "micro (coded)")])
    write_errors("plover_gsr", split, errors)
    report.notes += _confusion_notes(pairs)
    report.notes.append("split: 'all' (default) scores every sentence; dev/test are the halves "
                        "by the parity of the first hex digit of sha256(id).")
    return report


# ---------------------------------------------------------------------------------------------
# PETRARCH-style XML (Universal-PETRARCH English GSR, PETRARCH2 unit tests)

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)>")


def _petrarch_sentences(path: Path) -> list[tuple[str, date | None, str, list[dict[str, str]]]]:
    """(id, date, text, codings) for every sentence of a PETRARCH validation file."""
    _need(path)
    raw = path.read_text(encoding="utf-8", errors="replace")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    out = []
    # A sentence tag may be self-closing, with its codings and text following it.
    blocks = re.split(r"(?=<Sentence\b)", raw)
    for block in blocks[1:]:
        head = re.match(r"<Sentence\b([^>]*)>", block)
        text = _TEXT.search(block)
        if head is None or text is None:
            continue
        attrs = dict(_ATTR.findall(head.group(1)))
        when = None
        d = attrs.get("date", "")
        if len(d) == 8 and d.isdigit():
            when = date(int(d[:4]), int(d[4:6]), int(d[6:]))
        codings = [dict(_ATTR.findall(c)) for c in _CODING.findall(block[: text.start()])]
        codings = [c for c in codings if c.get("eventcode")]
        out.append((attrs.get("id", ""), when, " ".join(text.group(1).split()), codings))
    return out


def _violence(plover: str) -> str:
    return "ASSAULT" if plover == "FIGHT" else plover


def _country3(actor: Actor | None) -> str | None:
    """ISO alpha-3 code of the country an actor belongs to, where its words or name tell."""
    if actor is None:
        return None
    import pycountry

    from sitrep.extract.actors import default_registry

    registry = default_registry()
    code = registry.country_in(actor.text) or registry.country_in(actor.name)
    if code is None:
        return None
    country = pycountry.countries.get(alpha_2=code)
    return str(country.alpha_3) if country is not None else None


def _score_petrarch(name: str, path: Path, opts: Options, with_actors: bool) -> EvalReport:
    split = opts.split or "all"
    table = cameo_to_plover(opts.data)
    sentences = _petrarch_sentences(path)
    if split != "all":
        sentences = [s for s in sentences if in_split(s[0], split)]
    if opts.limit:
        sentences = sentences[: opts.limit]
    gold_of: dict[str, tuple[set[str], list[dict[str, str]]]] = {}
    articles = []
    for i, (sid, when, text, codings) in enumerate(sentences):
        key = f"{i}:{sid}"
        types = {_violence(t) for c in codings if (t := map_cameo(c["eventcode"], table))}
        gold_of[key] = (types, codings)
        articles.append(Article(text=text, published=when, id=key))
    classes = {c: ClassScore(c) for c in CODED if c != "FIGHT"}
    pairs: Counter[tuple[str, str]] = Counter()
    agree = n_sent = 0
    src_hit = src_n = tgt_hit = tgt_n = 0
    errors: list[str] = []
    for article, records in extract_all(articles, opts):
        gold_types, codings = gold_of[article.id]
        gold = {t for t in gold_types if t in CODED}
        ours = {_violence(t) for t in plover_set(events_of(records))} & set(CODED)
        n_sent += 1
        agree += gold == ours
        if gold != ours:
            errors.append(f"{article.id}\tgold {sorted(gold)}\tours {sorted(ours)}\t"
                          f"[{'; '.join(r.sub_event_type for r in records)}]\t{article.text}")
        for c in classes:
            classes[c].tp += c in gold and c in ours
            classes[c].fp += c in ours and c not in gold
            classes[c].fn += c in gold and c not in ours
        pairs[("+".join(sorted(gold)) or NONE, "+".join(sorted(ours)) or NONE)] += 1
        if not with_actors:
            continue
        for coding in codings:
            typ = _violence(map_cameo(coding["eventcode"], table) or NONE)
            match = next((r for r in events_of(records)
                          if r.plover_type and _violence(r.plover_type) == typ), None)
            if typ not in CODED or match is None:
                continue
            src, tgt = coding.get("sourcecode", "")[:3], coding.get("targetcode", "")[:3]
            if src and src != "---":
                src_n += 1
                src_hit += _country3(match.actor1) == src
            if tgt and tgt != "---":
                tgt_n += 1
                tgt_hit += _country3(match.actor2) == tgt
    write_errors(name, split, errors)
    pooled = micro(list(classes.values()), "micro (coded)")
    report = EvalReport(name, split, metrics=[
        Metric("sentences whose set of coded PLOVER types matches gold",
               agree / n_sent if n_sent else 0.0, n_sent),
        Metric("coded PLOVER types, micro F1", pooled.f1, pooled.tp + pooled.fn),
    ], classes=[*classes.values(), pooled])
    if with_actors:
        report.metrics += [
            Metric("source country agreement (actor1), matched events",
                   src_hit / src_n if src_n else 0.0, src_n),
            Metric("target country agreement (actor2), matched events",
                   tgt_hit / tgt_n if tgt_n else 0.0, tgt_n),
        ]
    report.notes += _confusion_notes(pairs)
    report.notes.append("gold CAMEO codes mapped to PLOVER with CAMEO2PLOVER-2021.txt; "
                        "classes outside the 7 coded ones count as no event. That table maps "
                        "CAMEO 19 (conventional military force) to ASSAULT, so FIGHT and "
                        "ASSAULT are pooled as ASSAULT on both sides.")
    return report


@scorer("universal_petrarch_validation")
def score_universal_petrarch(opts: Options) -> EvalReport:
    path = (opts.data / "universal_petrarch_validation" / "UniversalPetrarch" / "data" / "text"
            / "PETR2_GSR_validation.xml")
    return _score_petrarch("universal_petrarch_validation (English)", path, opts, True)


@scorer("petrarch2_validation")
def score_petrarch2(opts: Options) -> EvalReport:
    path = (opts.data / "petrarch2_validation" / "petrarch2" / "data" / "text"
            / "PETR.UnitTest.records.xml")
    return _score_petrarch("petrarch2_validation", path, opts, False)


# ---------------------------------------------------------------------------------------------
# MUC-3/4

MUC_TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY")
MUC_OF_SUB = {
    "Air/drone strike": "ATTACK",
    "Shelling/artillery/missile attack": "ATTACK",
    "Chemical weapon": "ATTACK",
    "Attack": "ATTACK",
    "Sexual violence": "ATTACK",
    "Mob violence": "ATTACK",
    "Suicide bomb": "BOMBING",
    "Remote explosive/landmine/IED": "BOMBING",
    "Grenade": "BOMBING",
    "Abduction/forced disappearance": "KIDNAPPING",
    "Looting/property destruction": "ROBBERY",
}
_THEFT = ("loot", "rob", "steal", "stole", "plunder", "pillag", "ransack")
_FIRE = ("burn", "fire", "arson", "ablaze", "torch", "blaze", "incendiar")
_MUC_SPLITS = {"dev": ("dev", "dev-muc3-*", "key-dev-*"), "tst1": ("tst1", "tst1-muc3", "key-*"),
               "tst2": ("tst2", "tst2-muc4", "key-*")}


def muc_type(record: EventRecord) -> str | None:
    """MUC incident type of one record (property destruction by fire is ARSON)."""
    typ = MUC_OF_SUB.get(record.sub_event_type)
    if record.sub_event_type == "Looting/property destruction":
        trigger = record.evidence.fields.get("trigger")
        words_ = (trigger.text if trigger else "").lower()
        if any(f in words_ for f in _FIRE):
            return "ARSON"
        # plain damage ("destroyed") is the effect of another incident in MUC, not a robbery
        return "ROBBERY" if any(w in words_ for w in _THEFT) else None
    return typ


def _muc_texts(folder: Path, pattern: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted(folder.glob(pattern)):
        raw = path.read_text(encoding="latin-1")
        parts = re.split(r"^((?:DEV|TST\d)-MUC\d-\d{4})\s*(?:\([A-Z]+\))?\s*$", raw, flags=re.M)
        for k in range(1, len(parts) - 1, 2):
            texts[parts[k]] = parts[k + 1]
    return texts


def _muc_keys(folder: Path, pattern: str) -> dict[str, list[dict[str, list[str]]]]:
    """Templates per message: slot name → list of raw filler lines."""
    keys: dict[str, list[dict[str, list[str]]]] = {}
    for path in sorted(folder.glob(pattern)):
        raw = path.read_text(encoding="latin-1")
        for block in re.split(r"\n(?=\s*0\.\s+MESSAGE: ID)", raw):
            slots: dict[str, list[str]] = {}
            last = None
            for line in block.splitlines():
                if line.startswith(";"):
                    continue
                m = re.match(r"\s*(\d+)\.\s+([A-Z][A-Z ]*:[A-Z ]+?)\s{2,}(.*)$", line)
                if m is None:
                    m2 = re.match(r"\s*(\d+)\.\s+([A-Z][A-Z ]*:[A-Z ]+?)\s*$", line)
                    if m2:
                        last = m2.group(2).strip()
                        slots.setdefault(last, [])
                    elif last is not None and line.strip():
                        slots[last].append(line.strip())
                    continue
                last = m.group(2).strip()
                slots.setdefault(last, []).append(m.group(3).strip())
            mid = slots.get("MESSAGE: ID", [""])[0].split(" ")[0]
            if mid:
                keys.setdefault(mid, []).append(slots)
    return keys


Filler = tuple[tuple[str, ...], bool]  # the quoted alternatives, and whether optional ("?")


def _fillers(values: list[str]) -> list[Filler]:
    """One gold item per filler line; its quoted strings are alternatives ("FMLN" / ...). A
    line marked "?" is optional in the key."""
    out = []
    for value in values:
        value = value.strip()
        optional = value.startswith("?")
        value = value.lstrip("? ")
        if ":" in value and not value.startswith('"'):
            value = value.split(":", 1)[1]  # "CIVILIAN: "PEASANTS"" → the quoted part
        alts = tuple(re.findall(r'"([^"]+)"', value))
        if alts:
            out.append((alts, optional))
    return out


def _score_fillers(gold_set: set[Filler], actors: list[Actor], score: ClassScore) -> None:
    """Document-level filler matching. A gold item is one filler line (its quoted strings are
    alternatives); lines with the same words ("TERRORIST" in one template, "TERRORISTS" in
    another) are one item, since templates are not aligned. A prediction is one distinct
    actor (by its words); it matches a gold item when they share a content word. As in the
    MUC-4 scoring rules, an optional filler ("?" in the key) is correct when matched and not
    missing when absent; an item required in any template is required."""
    gold: dict[frozenset[frozenset[str]], bool] = {}
    for alts, optional in gold_set:
        key = frozenset(stems(g) for g in alts)
        if any(key):
            gold[key] = gold.get(key, True) and optional
    said = {actor_stems(a) for a in actors}
    said.discard(frozenset())
    for ours in said:
        if any(ours & g for alts in gold for g in alts):
            score.tp += 1
        else:
            score.fp += 1
    score.fn += sum(not optional and not any(ours & g for ours in said for g in alts)
                    for alts, optional in gold.items())


def _muc_case(text: str) -> str:
    """MUC texts are upper case; the English model reads sentence case far better."""
    body = text.split("[TEXT]", 1)[-1]
    lowered = body.lower()
    return re.sub(r"(^\s*|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), lowered)


def _muc_date(text: str) -> date | None:
    m = re.search(r"(\d{1,2}) ([A-Z]{3}) (\d{2})", text[:300])
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
              "DEC"]
    if m is None or m.group(2) not in months:
        return None
    return date(1900 + int(m.group(3)), months.index(m.group(2)) + 1, int(m.group(1)))


MucTemplate = dict[str, list[str]]


def muc_messages(opts: Options) -> tuple[str, list[Article], dict[str, list[MucTemplate]]]:
    """The split's name, its messages as articles and their answer-key templates."""
    split = opts.split or "dev"
    if split == "test":
        split = "tst1"
    if split not in _MUC_SPLITS:
        raise ValueError(f"MUC-4 splits: {', '.join(_MUC_SPLITS)} (tst3/tst4 are withheld)")
    sub, text_glob, key_glob = _MUC_SPLITS[split]
    folder = opts.data / "muc34" / "TASK" / "CORPORA" / sub
    _need(folder)
    texts = _muc_texts(folder, text_glob)
    keys = _muc_keys(folder, key_glob)
    ids = sorted(m for m in texts if m in keys)[: opts.limit]
    articles = [Article(text=_muc_case(texts[m]), published=_muc_date(texts[m]), id=m)
                for m in ids]
    return split, articles, keys


def accomplished_templates(templates: list[MucTemplate]) -> list[MucTemplate]:
    """Templates of incidents that happened (typed, and not only threatened)."""
    return [t for t in templates if t.get("INCIDENT: TYPE", ["*"])[0] not in ("*", "")
            and "THREAT" not in " ".join(t.get("INCIDENT: STAGE OF EXECUTION", []))]


def perpetrators(record: EventRecord) -> list[Actor]:
    """The sides a record says acted: actor1 and its associated actors (ACLED's assoc_actor_1:
    "the FMLN and the ERP attacked" gives both), as MUC keys list every conjoined doer."""
    return [record.actor1, *record.assoc_actor1] if record.actor1 is not None else []


@scorer("muc34")
def score_muc34(opts: Options) -> EvalReport:
    split, articles, keys = muc_messages(opts)
    types = {t: ClassScore(t) for t in MUC_TYPES}
    perp = ClassScore("perpetrator")
    target = ClassScore("target")
    relevant = ClassScore("relevant document")
    errors: list[str] = []
    for article, records in extract_all(articles, opts):
        accomplished = accomplished_templates(keys[article.id])
        gold_types = {t["INCIDENT: TYPE"][0].split()[0].rstrip(";") for t in accomplished}
        gold_types = {g for g in gold_types if g in MUC_TYPES}
        events = [r for r in events_of(records) if muc_type(r) is not None]
        ours = {t for r in events if (t := muc_type(r))}
        for t in MUC_TYPES:
            types[t].tp += t in gold_types and t in ours
            types[t].fp += t in ours and t not in gold_types
            types[t].fn += t in gold_types and t not in ours
        relevant.tp += bool(gold_types) and bool(ours)
        relevant.fp += not gold_types and bool(ours)
        relevant.fn += bool(gold_types) and not ours
        gold_perp = {f for t in accomplished for f in _fillers(
            t.get("PERP: INDIVIDUAL ID", []) + t.get("PERP: ORGANIZATION ID", []))}
        gold_tgt = {f for t in accomplished for f in _fillers(
            t.get("HUM TGT: DESCRIPTION", []) + t.get("HUM TGT: NAME", [])
            + t.get("PHYS TGT: ID", []))}
        _score_fillers(gold_perp, [a for r in events for a in perpetrators(r)], perp)
        _score_fillers(gold_tgt, [r.actor2 for r in events if r.actor2], target)
        said = sorted({f"{a.text} [{a.name}] ({r.sub_event_type}"
                       f"{', associated' if a is not r.actor1 else ''})"
                       for r in events for a in perpetrators(r)})
        errors.append(f"{article.id}\tgold {sorted(gold_perp)}\tours {said}")
    write_errors("muc34_perpetrators", split, errors)
    pooled = micro(list(types.values()), "incident type (micro)")
    report = EvalReport("muc34", split, metrics=[
        Metric("incident type F1 (per document, micro over types)", pooled.f1,
               pooled.tp + pooled.fn, 0.60),
        Metric("perpetrator F1 (actor1 or assoc_actor1 words overlap a PERP filler)", perp.f1,
               perp.tp + perp.fn, 0.60),
        Metric("target F1 (actor2 words overlap a HUM/PHYS TGT filler)", target.f1,
               target.tp + target.fn),
        Metric("relevant-document F1", relevant.f1, relevant.tp + relevant.fn),
    ], classes=[*types.values(), pooled, perp, target, relevant])
    report.notes.append("per document: the set of incident types of accomplished/attempted "
                        "templates vs the MUC types of our non-background records; texts are "
                        "lower-cased with sentence-initial capitals before parsing.")
    return report


# ---------------------------------------------------------------------------------------------
# IndiaPoliceEvents

POLICE_LABELS = ("KILL", "ARREST", "FORCE")
_POLICE_WORDS = ("police", "policem", "cop", "constable", "officer", "security forces", "force",
                 "jawan", "army", "soldier", "troop", "rapid action", "crpf", "bsf", "srp",
                 "raf", "paramilitary", "military", "government")
_KILL_SUBS = {"Attack", "Armed clash", "Excessive force against protesters",
              "Violent demonstration", "Mob violence"}
_CROWD_SUBS = {"Violent demonstration", "Mob violence", "Protest with intervention"}
_MET_SUBS = _CROWD_SUBS - {"Mob violence"}
_FORCE_SUBS = _KILL_SUBS | {"Protest with intervention", "Arrests", "Shelling/artillery/missile "
                            "attack", "Grenade"}


_DEATH_WORDS = re.compile(r"(?i)kill|\bdead\b|\bdied\b|\bdeaths?\b|\bshot\b|\blives\b|"
                          r"\blost (?:his|her|their) life\b|succumb|perish|\bfatal|"
                          r"(?:gun|mow)(?:ned|ed)? down|\bto death\b|lynch|\bslain\b|martyr")
# trigger words that are themselves a death: the kill class of the trigger lexicon by meaning
# (not "murder", "massacre", "bodies": in these reports they name a past event or its remains
# far more often than a new killing)
_DEATH_TRIGGER = re.compile(r"(?i)kill|dead|\bdied\b|death|\bshot\b|succumb|perish|lynch|"
                            r"behead|decapitat|sla[iy]|slew|slaughter|"
                            r"(?:gun|mow)(?:ned|ed)? down|assassinat|homicide|\blives\b|"
                            r"\blost\b|\bclaim|fatal|martyr|strangl|toll")
_GUNFIRE = re.compile(r"(?i)fir(?:e|ed|ing)\b|shoot|encounter|bullet|lathi")
_RECIPROCAL = re.compile(r"(?i)clash|encounter|skirmish|gun ?battle|exchange")


def _names_state_side(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _POLICE_WORDS) or _GUNFIRE.search(text) is not None


def _police(actor: Actor | None) -> bool:
    if actor is None:
        return False
    if actor.type == "state forces":
        return True
    text = actor.text.lower()
    return any(w in text for w in _POLICE_WORDS)


def police_labels(record: EventRecord) -> set[str]:
    """The IndiaPoliceEvents questions one record answers yes to (police as actor1, or as
    actor2 of a violent demonstration or of a protest with intervention, not of mob violence,
    whose victims they may be). A clash is fought by both sides,
    so police named on either side of an "Armed clash" told by a reciprocal word (clash,
    encounter ...) count as its agent. An act is deadly when the record has a death toll,
    its trigger is a death word, or its trigger is gunfire and its own sentence tells a
    death ("the number of deaths in police firing")."""
    labels: set[str] = set()
    sub = record.sub_event_type
    trigger = record.evidence.fields.get("trigger") or record.evidence.sentences[0]
    deadly = record.fatalities is not None or _DEATH_TRIGGER.search(trigger.text) is not None
    if not deadly and sub in _KILL_SUBS and _GUNFIRE.search(trigger.text):
        # "the number of deaths in police firing": the death is told beside the shooting
        sent = next((s for s in record.evidence.sentences
                     if s.start <= trigger.start < s.end), None)
        deadly = sent is not None and _DEATH_WORDS.search(sent.text) is not None
    actor1, actor2 = record.actor1, record.actor2
    if sub == "Armed clash" and _RECIPROCAL.search(trigger.text) and not _police(actor1) \
            and _police(actor2):
        actor1, actor2 = actor2, actor1  # both sides of a clash fight: either may be police
    if not _police(actor1):
        # police as the other side of a riot or protest they broke up; a mob's victims, police
        # among them, tell no force of theirs ("a policeman was shot by a mob")
        return {"FORCE"} if sub in _MET_SUBS and _police(actor2) else labels
    if sub == "Arrests":
        labels.add("ARREST")
    if sub in _FORCE_SUBS and sub != "Arrests":
        labels.add("FORCE")
    if sub in _MET_SUBS and _police(actor2):
        labels.add("FORCE")  # police as the other side of a riot or protest they broke up
    if sub in _KILL_SUBS and deadly:
        labels.update(("KILL", "FORCE"))
    return labels


@scorer("india_police_events")
def score_india_police(opts: Options) -> EvalReport:
    split = opts.split or "dev"
    folder = opts.data / "india_police_events" / "data" / "final"
    _need(folder)
    meta = {}
    for line in (folder / "metadata.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        meta[row["doc_id"]] = row
    sents: dict[int, list[dict[str, object]]] = {}
    for line in (folder / "sents.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        sents.setdefault(int(row["doc_id"]), []).append(row)
    doc_ids = sorted(d for d in sents if in_split(str(d), split))
    if opts.limit:
        doc_ids = doc_ids[: opts.limit]
    articles: list[Article] = []
    offsets: dict[str, list[tuple[int, int, set[str]]]] = {}
    for d in doc_ids:
        rows = sorted(sents[d], key=lambda r: int(str(r["sent_id"])))
        parts: list[str] = []
        spans: list[tuple[int, int, set[str]]] = []
        pos = 0
        for row in rows:
            text = str(row["sent_text"]).strip()
            raw_labels = row.get("sent_labels") or []
            labels = {str(x) for x in raw_labels} if isinstance(raw_labels, list) else set()
            spans.append((pos, pos + len(text), labels))
            parts.append(text)
            pos += len(text) + 1
        raw_date = str(meta.get(d, {}).get("date", ""))[:10]
        published = date.fromisoformat(raw_date) if len(raw_date) == 10 else None
        art = Article(text="\n".join(parts), published=published, id=str(d))
        articles.append(art)
        offsets[art.id] = spans
    scores = {label: ClassScore(label) for label in POLICE_LABELS}
    errors: list[str] = []
    for article, records in extract_all(articles, opts):
        spans = offsets[article.id]
        predicted: list[set[str]] = [set() for _ in spans]
        for record in records:
            labels = police_labels(record)
            if not labels:
                continue
            trigger = record.evidence.fields.get("trigger")
            first = record.evidence.sentences[0]
            pieces = [(trigger.start, trigger.end) if trigger else (first.start, first.end)]
            # a further sentence linked to the record labels its gold sentence only when it
            # names the state side or its act itself ("killed in the firing"), as the
            # questions are asked of each sentence alone
            pieces += [(s.start, s.end) for s in record.evidence.sentences[1:]
                       if _names_state_side(s.text)]
            for lo, hi in pieces:
                # the gold sentence that shares most characters with the piece
                best = max(range(len(spans)), key=lambda k: min(hi, spans[k][1])
                           - max(lo, spans[k][0]))
                predicted[best] |= labels
        for (lo, hi, gold), ours in zip(spans, predicted, strict=True):
            for label in POLICE_LABELS:
                scores[label].tp += label in gold and label in ours
                scores[label].fp += label in ours and label not in gold
                scores[label].fn += label in gold and label not in ours
            for label in POLICE_LABELS:
                if (label in gold) == (label in ours):
                    continue
                near = [f"{r.sub_event_type}|{r.actor1.text if r.actor1 else '-'}|"
                        f"{r.actor2.text if r.actor2 else '-'}" for r in records
                        if any(s.start < hi and s.end > lo for s in r.evidence.sentences)]
                kind = "FN" if label in gold else "FP"
                errors.append(f"{kind} {label}\t{article.id}\t{near}\t{article.text[lo:hi]}")
    write_errors("india_police_events", split, sorted(errors))
    report = EvalReport("india_police_events", split, metrics=[
        Metric("KILL sentence F1", scores["KILL"].f1, scores["KILL"].tp + scores["KILL"].fn,
               0.75),
        Metric("ARREST sentence F1", scores["ARREST"].f1,
               scores["ARREST"].tp + scores["ARREST"].fn),
        Metric("FORCE sentence F1", scores["FORCE"].f1,
               scores["FORCE"].tp + scores["FORCE"].fn),
    ], classes=list(scores.values()))
    report.notes.append("documents halved by sha256(doc_id) parity (no split in the set); each "
                        "document's sentences are joined and extracted as one article; a record "
                        "labels the gold sentence that holds its trigger (and, for each further "
                        "linked evidence sentence, the gold sentence it overlaps most); police "
                        "or other state forces must be actor1 (KILL, ARREST, FORCE) or actor2 "
                        "of a riot or protest with intervention (FORCE), or either side of an "
                        "armed clash told as a clash; KILL needs a death (toll, death trigger, "
                        "or gunfire trigger whose sentence tells a death).")
    return report
