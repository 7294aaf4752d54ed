"""Time expressions against TimeML gold: TempEval-3 and MEANTIME.

`tempeval3`: the TBAQ-cleaned training part (TimeBank + AQUAINT) is the dev split, the TE3
platinum set the test split (the default). `meantime`: the English MEANTIME Wikinews corpus,
one split, reported only.

For each document the text is rebuilt with the TIMEX3 offsets, parsed with the real spaCy
pipeline and fed to `find_time_expressions` with the document creation time as the publication
date. The document creation time itself is not scored.

* Span detection: a predicted expression is a true positive under *relaxed* matching when it
  overlaps a gold TIMEX3 (one prediction per gold), under *strict* matching when both offsets are
  equal.
* Value: `TimeExpression.timex` (the TIMEX3-style value: ``2013-03-22``, ``2013-W11``, ``2013-03``,
  ``P3D``, ``PRESENT_REF``) against the gold ``value``, case-sensitive string equality. As in
  TE3, value precision is correct values over predicted expressions, recall correct values over
  gold expressions (relaxed span match). Reported over all TIMEX3 types and over DATE alone (for
  DATE, predictions overlapping a gold TIMEX3 of another type are left out), and per gold type
  (DATE, TIME, DURATION, SET) in the class table.
* Tuning uses the dev split only (TBAQ-cleaned); platinum (test) is for the reported figure.
* TimeML requires a ``value`` on every TIMEX3, so an expression we cannot value could not be
  written out as one. The rows "(valued output)" score the output a TimeML writer would give:
  the expressions with a value only (matched afresh, one prediction per gold). The other rows
  count every expression found, as in earlier rounds.
* With ``$SITREP_EVAL_ERRORS`` set, the error list holds one line per wrong value (gold and
  ours, with both spans), per missed gold expression and per spurious prediction.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.eval import ClassScore, EvalReport, Metric, Options, scorer, write_errors

if TYPE_CHECKING:
    from sitrep.extract.dates import TimeExpression

TE3_DIR = Path("tempeval3/data/TempEval3")
MEANTIME_DIR = Path("meantime_newsreader/data/meantime_newsreader_english_oct15")


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class TimeDoc:
    name: str
    text: str
    dct: date | None
    timexes: list[GoldTimex]
    dct_span: tuple[int, int] | None = None  # where the creation date stands in the text


_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>|&#?\w+;")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _parse_date(value: str) -> date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def read_tml(path: Path) -> TimeDoc:
    """A TimeML file: the <TEXT> body with its TIMEX3 offsets, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    dct = _parse_date(dct_m[1]) if dct_m else None
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body_m[1] if body_m else ""
    out: list[str] = []
    pos = 0
    length = 0
    timexes: list[GoldTimex] = []
    open_tx: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(body):
        chunk = body[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m[0].startswith("&"):
            ch = html.unescape(m[0])
            out.append(ch)
            length += len(ch)
            continue
        if m[2] != "TIMEX3":
            continue
        if m[1]:
            if open_tx is not None:
                start, attrs = open_tx
                timexes.append(GoldTimex(start, length, attrs.get("type", ""),
                                         attrs.get("value", "")))
            open_tx = None
        elif not m[4]:
            open_tx = (length, dict(_ATTR.findall(m[3])))
    out.append(body[pos:])
    return TimeDoc(path.stem, "".join(out), dct, timexes)


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "n't", "'", "’s", "'re",
                    "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$", "#"}


def read_meantime(path: Path) -> TimeDoc:
    """A MEANTIME (CAT) file: tokens joined back into text, TIMEX3 markables over token ids."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    # MEANTIME annotates the title and the first sentences only: keep the text up to the last
    # sentence that holds any markable, so unannotated sentences do not count as errors.
    sent_of = {t.get("t_id", ""): int(t.get("sentence") or 0) for t in root.iter("token")}
    anchored = [sent_of.get(a.get("t_id", ""), 0) for a in root.iter("token_anchor")]
    last_sent = max(anchored, default=0)
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length = 0
    prev_sent: str | None = None
    prev_tok = ""
    for tok in root.iter("token"):
        word = tok.text or ""
        sent = tok.get("sentence")
        if int(sent or 0) > last_sent:
            break
        if parts:
            sep = "\n" if sent != prev_sent else (
                "" if word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER else " ")
            parts.append(sep)
            length += len(sep)
        spans[tok.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        prev_sent, prev_tok = sent, word
    dct: date | None = None
    dct_span: tuple[int, int] | None = None
    timexes: list[GoldTimex] = []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in tx.iter("token_anchor")]
        value = tx.get("value", "")
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_date(value)
            if ids and all(i in spans for i in ids):
                dct_span = (min(spans[i][0] for i in ids), max(spans[i][1] for i in ids))
            continue
        if not ids or any(i not in spans for i in ids):
            continue
        timexes.append(GoldTimex(min(spans[i][0] for i in ids), max(spans[i][1] for i in ids),
                                 tx.get("type", ""), value))
    return TimeDoc(path.stem, "".join(parts), dct, timexes, dct_span)


def _te3_docs(data: Path, split: str) -> Iterator[TimeDoc]:
    base = data / TE3_DIR
    if split == "test":
        files = sorted((base / "Evaluation" / "te3-platinum").glob("*.tml"))
    else:
        files = sorted((base / "Training" / "TBAQ-cleaned").glob("*/*.tml"))
    for f in files:
        yield read_tml(f)


def _meantime_docs(data: Path) -> Iterator[TimeDoc]:
    base = data / MEANTIME_DIR / "intra-doc_annotation"
    for f in sorted(base.glob("corpus_*/*.xml")):
        yield read_meantime(f)


_MAX_ERRORS = 5000  # lines of the error list ($SITREP_EVAL_ERRORS)


@dataclass(slots=True)
class _Tally:
    docs: int = 0
    gold: int = 0
    pred: int = 0
    relaxed_tp: int = 0
    strict_tp: int = 0
    value_right: int = 0  # all types, relaxed match
    matched: int = 0
    date_gold: int = 0
    date_pred: int = 0
    date_right: int = 0
    date_matched: int = 0
    valued_pred: int = 0  # expressions with a value (the TimeML output)
    valued_right: int = 0


def _score(docs: list[TimeDoc], opts: Options) -> tuple[_Tally, dict[str, ClassScore],
                                                         list[str]]:
    from sitrep.extract.dates import find_time_expressions
    from sitrep.nlp import load_nlp

    nlp = load_nlp()
    tally = _Tally()
    by_type: dict[str, ClassScore] = {}
    errors: list[str] = []
    texts = ((d.text, d) for d in docs)
    n_process = max(1, opts.workers)
    for doc, gold_doc in nlp.pipe(texts, as_tuples=True, batch_size=8, n_process=n_process):
        tally.docs += 1
        span = gold_doc.dct_span
        preds = [p for p in find_time_expressions(doc, gold_doc.dct)
                 if span is None or not (p.start < span[1] and span[0] < p.end)]
        gold = gold_doc.timexes
        tally.gold += len(gold)
        tally.pred += len(preds)
        used: set[int] = set()
        for g in gold:
            cls = by_type.setdefault(g.type, ClassScore(g.type))
            is_date = g.type == "DATE"
            tally.date_gold += is_date
            match = next((i for i, p in enumerate(preds)
                          if i not in used and p.start < g.end and g.start < p.end), None)
            if match is None:
                cls.fn += 1
                if len(errors) < _MAX_ERRORS:
                    errors.append(f"{gold_doc.name}: missed {g.type} "
                                  f"{gold_doc.text[g.start:g.end]!r} gold={g.value}")
                continue
            used.add(match)
            p = preds[match]
            tally.relaxed_tp += 1
            tally.strict_tp += p.start == g.start and p.end == g.end
            tally.matched += 1
            right = p.timex == g.value
            tally.value_right += right
            if right:
                cls.tp += 1
            else:
                cls.fn += 1
                cls.fp += 1 if p.timex is not None else 0
                if len(errors) < _MAX_ERRORS:
                    errors.append(f"{gold_doc.name}: {g.type} {gold_doc.text[g.start:g.end]!r} "
                                  f"gold={g.value} ours={p.text!r}->{p.timex}")
            if is_date:
                tally.date_matched += 1
                tally.date_pred += p.timex is not None
                tally.date_right += right
        _tally_valued(tally, preds, gold)
        for i, p in enumerate(preds):
            if i in used:
                continue
            if any(p.start < g.end and g.start < p.end for g in gold):
                continue  # a second prediction inside one gold span: not a new expression
            tally.date_pred += p.timex is not None
            by_type.setdefault("(none)", ClassScore("(none)")).fp += 1
            if len(errors) < _MAX_ERRORS:
                errors.append(f"{gold_doc.name}: spurious {p.text!r}->{p.timex}")
    return tally, by_type, errors


def _tally_valued(tally: _Tally, preds: list[TimeExpression], gold: list[GoldTimex]) -> None:
    """Value hits when only the expressions with a value are written out as TIMEX3."""
    valued = [p for p in preds if p.timex is not None]
    tally.valued_pred += len(valued)
    used: set[int] = set()
    for g in gold:
        match = next((i for i, p in enumerate(valued)
                      if i not in used and p.start < g.end and g.start < p.end), None)
        if match is not None:
            used.add(match)
            tally.valued_right += valued[match].timex == g.value


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _report(name: str, split: str, docs: list[TimeDoc], opts: Options,
            value_target: float | None) -> EvalReport:
    tally, by_type, errors = _score(docs, opts)
    report = EvalReport(name, split)
    rp, rr, rf = _f1(tally.relaxed_tp, tally.pred, tally.gold)
    sp, sr, sf = _f1(tally.strict_tp, tally.pred, tally.gold)
    vp, vr, vf = _f1(tally.value_right, tally.pred, tally.gold)
    dp, dr, df = _f1(tally.date_right, tally.date_pred, tally.date_gold)
    op, orr, of = _f1(tally.valued_right, tally.valued_pred, tally.gold)
    report.metrics += [
        Metric("span P (relaxed)", rp, tally.pred),
        Metric("span R (relaxed)", rr, tally.gold),
        Metric("span F1 (relaxed)", rf, tally.gold),
        Metric("span P (strict)", sp, tally.pred),
        Metric("span R (strict)", sr, tally.gold),
        Metric("span F1 (strict)", sf, tally.gold),
        Metric("value accuracy (matched spans, all types)",
               tally.value_right / tally.matched if tally.matched else 0.0, tally.matched),
        Metric("value P (all types)", vp, tally.pred),
        Metric("value R (all types)", vr, tally.gold),
        Metric("value F1 (all types)", vf, tally.gold, value_target),
        Metric("value P (valued output)", op, tally.valued_pred),
        Metric("value R (valued output)", orr, tally.gold),
        Metric("value F1 (valued output)", of, tally.gold),
        Metric("value accuracy (matched DATE spans)",
               tally.date_right / tally.date_matched if tally.date_matched else 0.0,
               tally.date_matched),
        Metric("value P (DATE)", dp, tally.date_pred),
        Metric("value R (DATE)", dr, tally.date_gold),
        Metric("value F1 (DATE)", df, tally.date_gold, value_target),
    ]
    report.classes = sorted(by_type.values(), key=lambda c: c.label)
    report.notes += [
        f"{tally.docs} documents, {tally.gold} gold TIMEX3 (document creation time excluded).",
        "Per-type rows: value right on a relaxed span match; P counts wrong non-null values.",
    ]
    write_errors(name, split, errors)
    return report


@scorer("tempeval3")
def tempeval3(opts: Options) -> EvalReport:
    split = opts.split or "test"
    base = opts.data / TE3_DIR
    if not base.is_dir():
        raise FileNotFoundError(f"TempEval-3 data not found under {base}")
    docs = list(_te3_docs(opts.data, split))[: opts.limit]
    report = _report("tempeval3", split, docs, opts, 0.82)
    report.notes.append("dev = TBAQ-cleaned (TimeBank + AQUAINT), test = TE3 platinum; "
                        "HeidelTime reached value F1 0.78 on platinum.")
    return report


@scorer("meantime")
def meantime(opts: Options) -> EvalReport:
    base = opts.data / MEANTIME_DIR
    if not base.is_dir():
        raise FileNotFoundError(f"MEANTIME data not found under {base}")
    docs = list(_meantime_docs(opts.data))[: opts.limit]
    report = _report("meantime", opts.split or "all", docs, opts, None)
    report.notes.append("English MEANTIME (Wikinews), intra-document annotation; text rebuilt "
                        "from its tokens up to the last annotated sentence (MEANTIME annotates "
                        "the first sentences of each article); reported only, no tuning.")
    return report
