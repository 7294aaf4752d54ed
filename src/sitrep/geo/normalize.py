"""Place-name normalisation shared by the gazetteer build, lookups and resolution."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

_SPLIT = re.compile(r"[\s\-‐‑–—_.,;:/()\[\]\"]+")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The geo stage's word lists (``data/lexicon.json``)."""
    text = resources.files("sitrep.geo").joinpath("data/lexicon.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], dict[int, None],
                       dict[str, str]]:
    lex = lexicon()
    articles = frozenset(lex["arabic_articles"])
    leading = tuple(tuple(p.split()) for p in lex["leading_phrases"])
    drop = {ord(c): None for c in lex["drop_chars"]}
    return articles, leading, drop, dict(lex["admin_suffixes"])


def _fold(s: str, drop: dict[int, None]) -> str:
    decomposed = unicodedata.normalize("NFKD", s.translate(drop))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold().translate(drop)


@lru_cache(maxsize=200_000)
def split_name(s: str) -> tuple[str, str | None]:
    """Normalise a place name and report the kind its stripped suffix implies.

    ``split_name("Nineveh Governorate") == ("nineveh", "admin1")``.
    """
    articles, leading, drop, suffixes = _tables()
    words = [w for w in _SPLIT.split(_fold(s, drop)) if w]
    changed = True
    while changed and len(words) > 1:
        changed = False
        for phrase in leading:
            n = len(phrase)
            if len(words) > n and tuple(words[:n]) == phrase:
                words = words[n:]
                changed = True
        if len(words) > 1 and words[0] in articles:
            words = words[1:]
            changed = True
    hint: str | None = None
    while len(words) > 1 and words[-1] in suffixes:
        hint = hint or suffixes[words[-1]]
        words = words[:-1]
    words = [w[:-1] if len(w) > 3 and w.endswith("ah") else w for w in words]
    return " ".join(words), hint


_DOUBLED = re.compile(r"(.)\1+")
_GLUED_ARTICLE = re.compile(r"^[ae]([bcdfghjklmnpqrstvwxyz])\1")


@lru_cache(maxsize=200_000)
def loose_key(key: str) -> str:
    """A looser matching key for a normalised name, used only when the name itself finds
    nothing: no spaces or hyphens, no Arabic article (standing alone or glued to a later
    word: "Deir ez-Zor", "Deir Ezzor" and "Deirezzor" all give "deirzor"), no doubled
    letters ("Abukamal" and "Abu Kamal", "Qassab" and "Qasab")."""
    articles = _tables()[0]
    words = key.split()
    out = []
    for i, w in enumerate(words):
        if w in articles and i + 1 < len(words):
            continue
        if i > 0 and len(w) > 4 and _GLUED_ARTICLE.match(w):
            w = w[2:]  # "ezzor" is "ez-zor"
        out.append(w)
    return _DOUBLED.sub(r"\1", "".join(out))


def normalize_name(s: str) -> str:
    """Matching key of a place name: NFKD, no diacritics or ʿ ʾ ' ’, lower-case, no Arabic
    article, no "qaryat al"/"hayy al", final "-ah" as "-a", no trailing admin word."""
    return split_name(s)[0]


@lru_cache(maxsize=1)
def _abbreviated() -> dict[str, str]:
    return dict(lexicon()["name_abbreviations"])


def expand_abbreviations(key: str) -> str:
    """A normalised name with the abbreviated first word of a place name written out
    ("mt pleasant" -> "mount pleasant", "ft worth" -> "fort worth")."""
    first, _, rest = key.partition(" ")
    full = _abbreviated().get(first)
    return f"{full} {rest}" if full and rest else key


def article_variant(key: str) -> str | None:
    """A normalised name with "of the" read as "of" and "of" as "of the" ("republic of
    congo" <-> "republic of the congo"), or None when the name has no inner "of"."""
    words = key.split()
    for i in range(1, len(words) - 1):
        if words[i] == "of":
            if words[i + 1] == "the":
                return " ".join(words[:i + 1] + words[i + 2:]) if i + 2 < len(words) else None
            return " ".join([*words[:i + 1], "the", *words[i + 1:]])
    return None


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    return dict(lexicon().get("spelling_variants", {}))


def spelling_variant(key: str) -> str | None:
    """A normalised name with its generic words in the standard romanisation that GeoNames
    uses ("sheikh miskeen" -> "shaykh miskeen", "deir hafer" -> "dayr hafer"), or None when
    no word changes."""
    table = _variants()
    words = key.split()
    out = [table.get(w, w) for w in words]
    return " ".join(out) if out != words else None
