"""Attribution source and hedging on sentences written for the project (`attribution`).

`data/attribution_<split>.jsonl` holds invented news-style sentences, each with the word of its
event (``trigger``), the expected source (``source``, null when nothing names one), ``hedged``
and ``denied``. The *dev* split was written in rounds and the rules were tuned on all of it, so
it checks that they do what they claim: a001-a084 first; a085-a234 (wire datelines, fronted and
trailing sources, parenthetical and inverted speakers, statements and posts, anonymous officials,
multi-sentence pronouns, hedges, denials, no source) were scored once with the earlier rules
before any tuning on them, then tuned on; a235-a353 were written in three more batches, each
scored before the rules were tuned on it. A multi-sentence item gives the context its pronoun
needs; the trigger's sentence is the one scored. The *test* split (49 sentences) was written
apart, in other words and constructions, and is not tuned on: it is the measurement.

Sources are compared after normalisation (`normalise_source`): case-folded, dots and
possessive endings dropped, a leading article ("the", "a", "an") dropped, whitespace collapsed.
Source precision counts right sources over predicted ones, recall right sources over expected
ones; "source right" counts items where the prediction equals the expectation, a missing source
included.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.eval import EvalReport, Metric, Options, scorer, write_errors, written_set


def normalise_source(source: str | None) -> str:
    """The comparison form of a source name ("" for none)."""
    if not source:
        return ""
    t = source.casefold().replace(".", "").replace("’", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"\s+", " ", t).strip(" ,;:-")
    return re.sub(r"^(?:the|a|an) ", "", t)


def load_items(split: str = "dev") -> list[dict[str, Any]]:
    return written_set("attribution", split)


@scorer("attribution")
def attribution(opts: Options) -> EvalReport:
    from sitrep.extract.attribution import find_attribution
    from sitrep.nlp import load_nlp

    nlp = load_nlp()
    split = opts.split or "dev"
    items = load_items(split)[: opts.limit]
    right = predicted = expected = tp = hedged_ok = denied_ok = 0
    errors: list[str] = []
    for item, doc in zip(items, nlp.pipe(i["text"] for i in items), strict=True):
        trigger = next((t for t in doc if t.text == item["trigger"]), None)
        if trigger is None:
            raise ValueError(f"{item['id']}: trigger {item['trigger']!r} not a token")
        found = find_attribution(doc, trigger.sent, trigger.i)
        got = normalise_source(found.source if found else None)
        want = normalise_source(item["source"])
        predicted += bool(got)
        expected += bool(want)
        tp += bool(got) and got == want
        right += got == want
        hedged = bool(found and found.hedged)
        denied = bool(found and found.denied)
        hedged_ok += hedged == item["hedged"]
        denied_ok += denied == item.get("denied", False)
        if got != want or hedged != item["hedged"] or denied != item.get("denied", False):
            errors.append(f"{item['id']}: {item['text']!r} want=({want!r}, {item['hedged']}, "
                          f"{item.get('denied', False)}) got=({got!r}, {hedged}, {denied})")
    n = len(items)
    p = tp / predicted if predicted else 0.0
    r = tp / expected if expected else 0.0
    report = EvalReport("attribution", split)
    report.metrics += [
        Metric("source right (incl. none)", right / max(n, 1), n, 0.85),
        Metric("source P", p, predicted),
        Metric("source R", r, expected),
        Metric("source F1", 2 * p * r / (p + r) if p + r else 0.0, expected),
        Metric("hedged accuracy", hedged_ok / max(n, 1), n),
        Metric("denied accuracy", denied_ok / max(n, 1), n),
    ]
    tuned = ("the rules were tuned on them, so these figures are not an independent test "
             "(a085-a234 scored before tuning: see docs/evaluation-dates.md)"
             if split == "dev" else "written apart from the dev split and not tuned on")
    report.notes += [
        f"{n} sentences written for this project (src/sitrep/eval/data/attribution_{split}"
        f".jsonl); {tuned}.",
        "Sources compared case-folded, without dots, possessive 's and a leading article.",
    ]
    write_errors("attribution", split, errors)
    return report
