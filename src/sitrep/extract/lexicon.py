"""Loading the data files (lexicons, patterns, registries) kept beside the extractors."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str, package: str = "sitrep.extract") -> Any:
    """Parse `<package>/data/<name>` (JSON), once per process."""
    path = resources.files(package).joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))


def phrase_words(raw: str) -> tuple[str, ...]:
    """The words of a lexicon phrase as the tokenizer splits them: lower case, on spaces and
    around hyphens ('sit-in' is read as 'sit - in', 'gang-rape' as 'gang - rape')."""
    return tuple(raw.lower().replace("-", " - ").split())


def verb_forms(lemma: str) -> frozenset[str]:
    """The regular inflections of a verb lemma ('rape': rapes, raped, raping), so that a verb
    the lemmatiser gets wrong ('raped' read as 'rap', 'staged' as 'stag') still matches by its
    surface form. Forms that are no English word are harmless: no token carries them."""
    if not lemma.isalpha():
        return frozenset()
    forms = {lemma, lemma + "s"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
        if lemma.endswith(("s", "sh", "ch", "x", "z")):
            forms.add(lemma + "es")
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and \
                lemma[-3] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # kidnapped
    return frozenset(forms)
