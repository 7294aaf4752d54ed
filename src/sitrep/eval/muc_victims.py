"""Victim numbers and effects against the MUC-4 answer keys (`muc34_victims`).

Per message, the gold figures are read from the accomplished templates: each ``HUM TGT:
NUMBER`` line ("3: "PEASANTS"") is paired with the ``HUM TGT: EFFECT OF INCIDENT`` line naming
the same target ("DEATH: "PEASANTS""). The message's *killed* is the sum of numbers whose effect
is DEATH, *injured* the sum of those with INJURY; a message with a DEATH or INJURY effect whose
number is not a figure ("PLURAL", "?") has no gold figure of that kind and is left out of that
measure. Sitrep's figure is the sum of ``fatalities.best`` (``injuries.best``) over the
message's current (non-background) event records, running tolls left out, 0 when none; a
person told again by the same surname in a second record ("Jose Perez ... Perez") counts once.

Reported per kind: exact match over all scored messages and over those with a figure above 0
(most messages report no casualties), mean absolute error, and the effect itself (did the
message report deaths / injuries at all) as precision, recall and F1 over messages.
"""

from __future__ import annotations

import re

from sitrep.eval import ClassScore, EvalReport, Metric, Options, scorer, write_errors
from sitrep.eval.events import MucTemplate, accomplished_templates, extract_all, muc_messages
from sitrep.extract.counts import is_person_noun
from sitrep.record import Count, EventRecord

_EFFECTS = {"DEATH": "killed", "INJURY": "injured"}
_TARGET = re.compile(r'"([^"]+)"')
_NOT_NAMES = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "one", "another",
              "other", "he", "she", "him", "himself", "herself", "who"}


def _number(text: str) -> int | None:
    """ "3", "5 - 7" (the lower bound, as ACLED's conservative best) or None ("PLURAL")."""
    m = re.match(r"\s*(\d+)", text)
    return int(m.group(1)) if m else None


def gold_figures(templates: list[MucTemplate]) -> dict[str, int | None]:
    """killed / injured of a message's templates: 0 when no template reports that effect,
    None when one does without a figure."""
    out: dict[str, int | None] = {"killed": 0, "injured": 0}
    for t in templates:
        effects: dict[str, str] = {}
        for line in t.get("HUM TGT: EFFECT OF INCIDENT", []):
            head, _, rest = line.partition(":")
            kind = _EFFECTS.get(head.strip().lstrip("? "))
            for target in _TARGET.findall(rest):
                if kind is not None:
                    effects[target] = kind
        told = set(effects.values())
        counted: set[str] = set()
        for line in t.get("HUM TGT: NUMBER", []):
            head, _, rest = line.partition(":")
            for target in _TARGET.findall(rest):
                kind = effects.get(target)
                if kind is None:
                    continue
                n = _number(head)
                current = out[kind]
                out[kind] = None if n is None or current is None else current + n
                counted.add(kind)
        for kind in told - counted:  # an effect with no number line for its target
            out[kind] = None
    return out


def _named_one(count: Count) -> tuple[str, bool] | None:
    """The surname a one-person figure is told by, and whether it is told in full ("Jose
    Perez": a name of capitalised words with no determiner) or alone ("Perez"); None for a
    common noun phrase or a pronoun ("the peasant", "he")."""
    words = (count.text or "").split()
    if count.best != 1 or not words or not all(w[:1].isupper() for w in words):
        return None
    if words[0].lower() in _NOT_NAMES or any(not re.fullmatch(r"[A-Za-z][A-Za-z'.-]+", w)
                                             for w in words):
        return None
    last = words[-1].lower()
    if len(words) == 1 and is_person_noun(last):
        return None
    return last, len(words) > 1


def _summed(counts: list[Count]) -> int:
    """The sum of the figures, a person named in full and told dead again by the surname or
    the full name counted once ("Jose Perez was killed ... Perez died"): two records, one
    victim."""
    named = {n[0] for c in counts if (n := _named_one(c)) is not None and n[1]}
    seen: set[str] = set()
    total = 0
    for c in counts:
        name = _named_one(c)
        if name is not None and name[0] in named:
            if name[0] in seen:
                continue
            seen.add(name[0])
        total += c.best
    return total


def our_figures(records: list[EventRecord]) -> dict[str, int]:
    current = [r for r in records if not r.background]
    return {"killed": _summed([r.fatalities for r in current
                               if r.fatalities and not r.fatalities.cumulative]),
            "injured": _summed([r.injuries for r in current
                                if r.injuries and not r.injuries.cumulative])}


@scorer("muc34_victims")
def score_muc34_victims(opts: Options) -> EvalReport:
    split, articles, keys = muc_messages(opts)
    exact = {"killed": 0, "injured": 0}
    error = {"killed": 0, "injured": 0}
    scored = {"killed": 0, "injured": 0}
    positive = {"killed": 0, "injured": 0}
    positive_exact = {"killed": 0, "injured": 0}
    errors: list[str] = []
    effect = {k: ClassScore(f"{k} reported") for k in ("killed", "injured")}
    for article, records in extract_all(articles, opts):
        gold = gold_figures(accomplished_templates(keys[article.id]))
        ours = our_figures(records)
        for kind in ("killed", "injured"):
            g = gold[kind]
            told = g is None or g > 0
            effect[kind].tp += told and ours[kind] > 0
            effect[kind].fp += not told and ours[kind] > 0
            effect[kind].fn += told and ours[kind] == 0
            if g is not None:
                scored[kind] += 1
                exact[kind] += ours[kind] == g
                error[kind] += abs(ours[kind] - g)
                positive[kind] += g > 0
                positive_exact[kind] += g > 0 and ours[kind] == g
            if g != ours[kind]:
                errors.append(f"{article.id} {kind} gold={g} ours={ours[kind]}")
    report = EvalReport("muc34_victims", split, classes=list(effect.values()))
    for kind in ("killed", "injured"):
        n = max(scored[kind], 1)
        report.metrics += [
            Metric(f"{kind} exact per message", exact[kind] / n, scored[kind]),
            Metric(f"{kind} exact, messages with a figure above 0",
                   positive_exact[kind] / max(positive[kind], 1), positive[kind]),
            Metric(f"{kind} MAE per message", error[kind] / n, scored[kind]),
            Metric(f"{kind} reported F1 (effect)", effect[kind].f1,
                   effect[kind].tp + effect[kind].fn),
        ]
    report.notes += [
        f"{len(articles)} messages; gold: HUM TGT NUMBER paired with EFFECT OF INCIDENT by target "
        "over accomplished templates (a range counts its lower bound; PLURAL leaves the message "
        "out of that kind's exact/MAE); ours: the sum over non-background records.",
    ]
    write_errors("muc34_victims", split, errors)
    return report
