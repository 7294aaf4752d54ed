"""The actor mentions of one article and their coreference."""

from __future__ import annotations

from sitrep.extract.actor_mentions import MentionReader
from sitrep.extract.actor_registry import default_registry

_ISWAP = "Islamic State West Africa Province"


def _reader(nlp, text: str) -> MentionReader:  # type: ignore[no-untyped-def]
    return MentionReader(default_registry(), nlp(text), "NG")


def _last(reader: MentionReader, text: str):  # type: ignore[no-untyped-def]
    return [t for t in reader.doc if t.text == text][-1]


def test_named_and_unnamed_armed_mentions(nlp) -> None:  # type: ignore[no-untyped-def]
    reader = _reader(nlp, "ISWAP fighters raided the base on Monday. Gunmen later robbed a "
                          "bank in the town.")
    assert [m.actor.name for m in reader.named] == [_ISWAP]
    assert [m.span.text for m in reader.unnamed_armed] == ["Gunmen"]


def test_generic_word_stands_for_the_group_told_before(nlp) -> None:  # type: ignore[no-untyped-def]
    reader = _reader(nlp, "ISWAP fighters raided the base on Monday. The militants burned "
                          "two trucks.")
    found = reader.mention(_last(reader, "militants"))
    assert found is not None and found.actor.name == _ISWAP and found.named
    assert found.actor.text == "The militants"


def test_pronoun_refers_back_to_recent_sentences_only(nlp) -> None:  # type: ignore[no-untyped-def]
    near = _reader(nlp, "ISWAP fighters raided the base on Monday. They burned two trucks.")
    found = near.mention(_last(near, "They"))
    assert found is not None and found.actor.name == _ISWAP
    far = _reader(nlp, "ISWAP fighters raided the base on Monday. The weather was cold. "
                       "The roads were closed. Shops stayed shut. They burned two trucks.")
    assert far.mention(_last(far, "They")) is None


def test_armed_and_civilian(nlp) -> None:  # type: ignore[no-untyped-def]
    reader = _reader(nlp, "Soldiers detained three villagers near the market.")
    assert reader.armed(_last(reader, "Soldiers"))
    assert not reader.civilian(_last(reader, "Soldiers"))
    assert reader.civilian(_last(reader, "villagers"))
    assert not reader.armed(_last(reader, "villagers"))
    assert not reader.armed(_last(reader, "market"))
