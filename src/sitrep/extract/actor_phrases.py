"""Parse helpers for actor phrases: the extent of a noun phrase, its 'of'-object, its
conjuncts, a person told by age, and a word's own phrase without the clauses below it."""

from __future__ import annotations

from spacy.tokens import Token

DATELINE_CHARS = 80  # a dateline stands within the first characters of the text


def first_child(tok: Token, *deps: str) -> Token | None:
    """The first child of `tok` attached by one of `deps`."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def phrase_span(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `tok`, without relative clauses.

    Keeps "of"-phrases of proper names ("the Islamic State of Iraq and the Levant") and a
    bracketed acronym right after the head.
    """
    start = tok.left_edge.i
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and (objs[0].pos_ == "PROPN" or objs[0].lemma_ in ("own", "its")):
                end = max(end, objs[0].right_edge.i + 1)
        elif (child.dep_ == "appos" and child.i == end + 1 and tok.doc[end].text == "(") or (
                child.dep_ in ("compound", "amod", "nummod", "nmod") and child.i == end):
            end = child.i + 1
    doc = tok.doc
    for i in range(tok.i - 1, start - 1, -1):
        if doc[i].text in ("-", "--", "–", "—", ")"):  # a dateline or aside ends here
            start = i + 1
            break
    while start < tok.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, min(end, len(doc))


def of_group_tok(tok: Token) -> Token | None:
    """The object of the 'of'-phrase right of `tok`, if any."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return first_child(child, "pobj")
    return None


def age_start(tok: Token) -> int | None:
    """Start of '19-year-old' when `tok` is its 'old' standing as a noun phrase (not 'a
    19-year-old man', where the age modifies a noun)."""
    doc = tok.doc
    if tok.lower_ != "old" or tok.i < 4 or tok.dep_ == "compound" or \
            doc[tok.i - 1].text != "-" or doc[tok.i - 3].text != "-" or \
            doc[tok.i - 2].lemma_.lower() not in ("year", "month", "week", "day"):
        return None
    return tok.i - 4 if doc[tok.i - 4].like_num else None


def nominal_conjuncts(tok: Token) -> list[Token]:
    """The nominal words conjoined with `tok` ("the FMLN, the ERP and the FPL")."""
    return [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "ADJ", "PRON")]


def own_phrase(anchor: Token) -> list[Token]:
    """The anchor's subtree without the clauses below it (a relative or adverbial clause with
    a verb of its own tells another act)."""
    out: list[Token] = []
    stack = list(anchor.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("relcl", "advcl", "ccomp", "parataxis") or (
                tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
            continue
        out.append(tok)
        stack.extend(tok.children)
    return out
