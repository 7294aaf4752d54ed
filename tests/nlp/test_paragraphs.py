"""The pipeline starts a sentence after every blank line."""

from __future__ import annotations

from sitrep.extract.counts import find_casualties
from sitrep.nlp import PARAGRAPHS, bare_line


def test_the_component_runs_before_the_parser(nlp) -> None:  # type: ignore[no-untyped-def]
    names = nlp.pipe_names
    assert names.index(PARAGRAPHS) < names.index("parser")


def test_a_line_without_a_full_stop_ends_at_the_blank_line(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("RELATED: Two hurt in crash on Route 9\n\nA cyclist was also struck and is "
              "expected to recover.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[-1] == "A cyclist was also struck and is expected to recover."
    assert not any("\n\n" in s for s in sents)


def test_a_single_line_break_is_no_sentence_start(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police said the man was shot near the\nstation on Friday night.")
    assert len(list(doc.sents)) == 1


def test_the_paragraph_after_a_link_line_keeps_its_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    # the link line and the paragraph were one sentence, and "RELATED" its verb's subject
    doc = nlp("A teen was shot on Maple Avenue on Monday.\n\nRELATED: Two shot near Elm "
              "Park\n\nAn older man was also shot and is expected to recover.")
    hurt = [m for m in find_casualties(doc) if m.count.text == "An older man"]
    assert [(m.kind, m.count.best) for m in hurt] == [("injured", 1)]


def test_bare_lines(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Two men were hurt on Pine Street on Monday.\n\nMan charged in shooting of "
              "teen sitter\n\nPolice said the men were released.\n\nPhoto by Lee Moss")
    assert [bare_line(s) for s in doc.sents] == [False, True, False, True]
