"""Sides inferred from claims, blames and the only armed group a report names."""

from __future__ import annotations

from sitrep.extract.actor_claims import Claims, sole_group
from sitrep.extract.actor_mentions import MentionReader
from sitrep.extract.actor_registry import default_registry

_FMLN = "Farabundo Marti National Liberation Front"


def _reader(nlp, text: str) -> MentionReader:  # type: ignore[no-untyped-def]
    return MentionReader(default_registry(), nlp(text), "SV")


def _tok(reader: MentionReader, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in reader.doc if t.text == text)


def test_nearest_claim_within_a_few_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    reader = _reader(nlp, "A grenade exploded outside the depot on Friday. The FMLN claimed "
                          "responsibility for the blast.")
    found = Claims(reader).nearest(_tok(reader, "exploded"))
    assert found is not None and found.actor.name == _FMLN


def test_a_claim_far_away_covers_no_act(nlp) -> None:  # type: ignore[no-untyped-def]
    filler = "The mayor spoke. Traffic was slow. Schools closed. Markets opened. Rain fell. "
    reader = _reader(nlp, "A grenade exploded outside the depot on Friday. " + filler +
                          "The FMLN claimed responsibility for the blast.")
    assert Claims(reader).nearest(_tok(reader, "exploded")) is None


def test_sole_group(nlp) -> None:  # type: ignore[no-untyped-def]
    one = _reader(nlp, "A grenade exploded at the depot. The FMLN has stepped up its campaign.")
    found = sole_group(one)
    assert found is not None and found.actor.name == _FMLN
    two = _reader(nlp, "A grenade exploded at the depot. The FMLN and the Shining Path were "
                       "named in the report.")
    assert sole_group(two) is None
    unnamed = _reader(nlp, "A grenade exploded at the depot. Gunmen were seen nearby.")
    found = sole_group(unnamed)
    assert found is not None and found.span.text == "Gunmen"
