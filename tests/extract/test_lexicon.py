"""Reading lexicon phrases: hyphenated words and verbs the lemmatiser gets wrong."""

from __future__ import annotations

from sitrep.extract.lexicon import phrase_words, verb_forms


def test_phrases_split_around_hyphens_as_the_tokenizer_does() -> None:
    assert phrase_words("sit-in") == ("sit", "-", "in")
    assert phrase_words("Gang-Rape") == ("gang", "-", "rape")
    assert phrase_words("set up a base") == ("set", "up", "a", "base")


def test_regular_verb_forms() -> None:
    assert {"rapes", "raped", "raping"} <= verb_forms("rape")
    assert {"stages", "staged", "staging"} <= verb_forms("stage")
    assert {"kidnapped", "kidnapping"} <= verb_forms("kidnap")
    assert {"pounded", "pounding"} <= verb_forms("pound")
    assert {"carried", "carries"} <= verb_forms("carry")
    assert verb_forms("x-ray") == frozenset()
