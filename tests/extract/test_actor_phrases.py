"""Parse helpers for actor phrases."""

from __future__ import annotations

from sitrep.extract.actor_phrases import (
    age_start,
    first_child,
    nominal_conjuncts,
    of_group_tok,
    own_phrase,
    phrase_span,
)


def _tok(doc, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_first_child_in_text_order(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The police arrested two traders.")
    verb = _tok(doc, "arrested")
    assert first_child(verb, "nsubj").text == "police"
    assert first_child(verb, "dobj", "nsubj").text == "police"
    assert first_child(verb, "agent") is None


def test_phrase_span_stops_at_a_dateline_and_a_relative_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("MOSUL - Iraqi troops entered the old city on Friday.")
    start, end = phrase_span(_tok(doc, "troops"))
    assert doc[start:end].text == "Iraqi troops"
    doc = nlp("The gunmen who robbed the bank fled north.")
    start, end = phrase_span(_tok(doc, "gunmen"))
    assert doc[start:end].text == "The gunmen"


def test_of_group_tok(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Members of the army burned the market.")
    assert of_group_tok(_tok(doc, "Members")).text == "army"
    assert of_group_tok(_tok(doc, "market")) is None


def test_age_start(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A 17-year-old stabbed his neighbour on Monday.")
    old = _tok(doc, "old")
    assert age_start(old) == old.i - 4 and doc[old.i - 4].text == "17"
    assert age_start(_tok(doc, "neighbour")) is None


def test_nominal_conjuncts(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Soldiers, policemen and militiamen attacked the camp.")
    assert [t.text for t in nominal_conjuncts(_tok(doc, "Soldiers"))] == ["policemen",
                                                                       "militiamen"]
    doc = nlp("The gunmen shot and killed a guard.")
    assert nominal_conjuncts(_tok(doc, "shot")) == []  # verbs are no sides


def test_own_phrase_leaves_out_clauses_below(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Two men died in police firing, which the officials denied.")
    words = {t.text for t in own_phrase(_tok(doc, "died"))}
    assert "firing" in words and "denied" not in words and "officials" not in words
