"""ACLED sub-event typing on snippets written for the project (`acled_snippets`).

`data/acled_snippets_<split>.jsonl` holds invented one- or two-sentence snippets in the style
of news reports and ACLED event notes, each with its publication date and the event type and
sub-event type that the ACLED codebook gives it (both null for a snippet that reports no event:
a threat, a plan, a denial, a statement, news without violence). Each split covers the 25
sub-event types about five times and has about fifteen snippets without an event. The *dev*
split is for finding what fails and tuning; the *test* split was written at the same time, in
other words, places and constructions, and is not tuned on. Dev was later widened (d141 on)
with 193 snippets in wording deliberately unlike its first 140: other verbs and nouns for each
sub-type, the passive, long sentences with subordinate clauses, other regions, codebook edge
cases (riot-control agents dropped on trenches, a coup told through arrests, people fleeing
fighting) and about 18 more without an event (accidents, disasters, court news, crime without
a political side). They were scored with the rules of the time before any rule was changed for
them.

A snippet's prediction is the sub-event type of its main record: the first record that is not
background; none gives ``NONE``. Figures: sub-event weighted F1 (each class's F1 weighted by its
gold support, ``NONE`` included as a class), macro F1 over the classes with gold support,
event-type accuracy (``NONE`` counting as a type), and detection precision/recall/F1 (an event
predicted for a snippet that has one, whatever its type).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sitrep.eval import (
    ClassScore,
    EvalReport,
    Metric,
    Options,
    scorer,
    write_errors,
    written_set,
)
from sitrep.record import SUB_EVENT_TYPES, TAXONOMY, Article, EventRecord

NONE = "NONE"
TARGET = 0.85


def load_items(split: str = "dev") -> list[dict[str, Any]]:
    """The snippets of one split, in file order."""
    return written_set("acled_snippets", split)


def main_record(records: Iterable[EventRecord]) -> EventRecord | None:
    """The first record that is not background, if any."""
    return next((r for r in records if not r.background), None)


def class_scores(pairs: list[tuple[str, str]]) -> list[ClassScore]:
    """Per-class counts for (gold, predicted) label pairs, in taxonomy order, ``NONE`` last;
    classes neither in the gold nor in the predictions are left out."""
    labels = [*SUB_EVENT_TYPES, NONE]
    scores = {label: ClassScore(label) for label in labels}
    for want, got in pairs:
        for label in (want, got):
            scores.setdefault(label, ClassScore(label))
        if want == got:
            scores[want].tp += 1
        else:
            scores[want].fn += 1
            scores[got].fp += 1
    return [c for c in scores.values() if c.tp + c.fn + c.fp]


def weighted_f1(classes: list[ClassScore]) -> float:
    """F1 of each class weighted by its gold support."""
    support = sum(c.tp + c.fn for c in classes)
    return sum(c.f1 * (c.tp + c.fn) for c in classes) / support if support else 0.0


def macro_f1(classes: list[ClassScore]) -> float:
    """Mean F1 over the classes with gold support."""
    gold = [c for c in classes if c.tp + c.fn]
    return sum(c.f1 for c in gold) / len(gold) if gold else 0.0


def event_type(sub: str) -> str:
    return SUB_EVENT_TYPES.get(sub, NONE)


@scorer("acled_snippets")
def acled_snippets(opts: Options) -> EvalReport:
    from sitrep.pipeline import PipelineConfig, run

    split = opts.split or "dev"
    items = load_items(split)[: opts.limit]
    articles = [Article(text=i["text"], published=date.fromisoformat(i["published"]),
                        id=i["id"]) for i in items]
    pairs: list[tuple[str, str]] = []
    errors: list[str] = []
    results = run(articles, PipelineConfig(geo=False), n_process=opts.workers)
    for item, (_, records) in zip(items, results, strict=True):
        want = item["sub_event_type"] or NONE
        main = main_record(records)
        got = main.sub_event_type if main else NONE
        pairs.append((want, got))
        if got != want:
            others = [r.sub_event_type + (" (background)" if r.background else "")
                      for r in records if r is not main]
            trigger = main.evidence.fields.get("trigger") if main else None
            errors.append(f"{item['id']}: want={want!r} got={got!r}"
                          f"{f' trigger={trigger.text!r}' if trigger else ''}"
                          f"{f' others={others}' if others else ''} :: {item['text']}")
    classes = class_scores(pairs)
    n = len(pairs)
    type_right = sum(event_type(w) == event_type(g) for w, g in pairs)
    detected = ClassScore("detection",
                          tp=sum(w != NONE and g != NONE for w, g in pairs),
                          fp=sum(w == NONE and g != NONE for w, g in pairs),
                          fn=sum(w != NONE and g == NONE for w, g in pairs))
    report = EvalReport("acled_snippets", split)
    report.metrics += [
        Metric("sub-event weighted F1 (NONE included)", weighted_f1(classes), n, TARGET),
        Metric("sub-event macro F1", macro_f1(classes), sum(c.tp + c.fn > 0 for c in classes)),
        Metric("sub-event accuracy", sum(w == g for w, g in pairs) / max(n, 1), n),
        Metric("event-type accuracy (NONE included)", type_right / max(n, 1), n),
        Metric("detection P", detected.precision, detected.tp + detected.fp),
        Metric("detection R", detected.recall, detected.tp + detected.fn),
        Metric("detection F1", detected.f1, detected.tp + detected.fn),
    ]
    report.classes = classes
    support = [c.tp + c.fn for c in classes if c.label != NONE and c.tp + c.fn] or [0]
    tuned = ("for finding what fails and tuning" if split == "dev"
             else "written apart from tuning and not tuned on")
    report.notes += [
        f"{n} snippets written for this project (src/sitrep/eval/data/acled_snippets_{split}"
        f".jsonl), {min(support)} to {max(support)} per sub-event type and "
        f"{sum(w == NONE for w, _ in pairs)} without an event; {tuned}.",
        "Prediction: the sub-event type of the first record that is not background (none: "
        f"NONE); {len(TAXONOMY)} event types, {len(SUB_EVENT_TYPES)} sub-event types.",
        "Place resolution is off (PipelineConfig(geo=False)), as in the other event scorers; "
        "a territory change whose place only the gazetteer knows is then dropped.",
    ]
    write_errors("acled_snippets", split, errors)
    return report
