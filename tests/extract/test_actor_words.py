"""The cue word lists of the actor registry file."""

from __future__ import annotations

from sitrep.extract.actor_registry import default_registry
from sitrep.extract.actor_words import ActorWords


def test_lists_are_read_bare_or_under_words() -> None:
    words = ActorWords.from_data({
        "death_words": {"_comment": "words of dying", "words": ["death", "corpse"]},
        "injury_words": ["wound"],
        "associate_links": {"support_verbs": ["back"]},
        "responsibility": {"_comment": "holders", "holder_nouns": ["involvement"]},
    })
    assert words.death_words == {"death", "corpse"}
    assert words.injury_words == {"wound"}
    assert words.support_verbs == {"back"}
    assert words.claim_acts == set()  # a list the file does not hold is empty
    assert words.responsibility == {"holder_nouns": {"involvement"}, "holders": set(),
                                    "blame_verbs": set()}


def test_dies(nlp) -> None:  # type: ignore[no-untyped-def]
    words = default_registry().words
    doc = nlp("Two porters died. Three guards lost their lives. The police shot a thief.")
    verbs = {t.text: t for t in doc if t.pos_ == "VERB"}
    assert words.dies(verbs["died"])
    assert words.dies(verbs["lost"])
    assert not words.dies(verbs["shot"])
