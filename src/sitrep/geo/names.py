"""Reading names in the text: capitalised runs (with Arabic articles, hyphens, direction
words and demonyms that begin a name), gazetteer look-ups with abbreviations ("U.S.", "Ga."),
the longest gazetteer matches inside a run, the place noun after a name ("Ghazlani military
base") and whether a place preposition governs a name ("near the town of X"). `NameReader`
is the base of the resolver's steps: it holds the gazetteer and the word lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.geo.gazetteer import Gazetteer, Place
from sitrep.geo.model import MAX_NGRAM, Cand
from sitrep.geo.words import load_lex, water_first_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class NameReader:
    """The gazetteer, the word lists, and the name tests every later step uses."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.lex = load_lex()

    def _lookup(self, text: str) -> list[Place]:
        """Gazetteer lookup that first reads standard abbreviations ("U.S.", "Ga.")."""
        ab = self.lex.abbreviations.get(text.strip().rstrip("-–—"))  # "INDIANAPOLIS, Ind.--"
        if ab is not None:
            name, cc, kind = ab
            return [p for p in self.gaz.lookup(name, cc) if p.kind == kind][:1]
        return self.gaz.lookup(text)

    def _initial(self, doc: Doc, i: int) -> bool:
        """A capitalised direction word that may begin a name ("West Virginia", "South
        Sudan") when a name follows it."""
        t = doc[i]
        return (t.lower_ in self.lex.initial and t.text[:1].isupper() and i + 1 < len(doc)
                and self._namey(doc[i + 1]))

    def _name_start(self, doc: Doc, i: int) -> bool:
        """A capitalised demonym that begins the name of a country or first-level division
        ("British Columbia", "Dominican Republic"), or a capitalised common word that begins
        the name of a sea or river ("Red Sea")."""
        t = doc[i]
        if not t.text[:1].isupper() or i + 1 >= len(doc) or not self._namey(doc[i + 1]):
            return False
        if t.lower_ in self.lex.demonyms:
            kinds: tuple[str, ...] = ("country", "admin1")
        elif t.lower_ in water_first_words() and t.lower_ in self.lex.stop:
            kinds = ("water",)  # not every capitalised "The", "In": no lookup for them
        else:
            return False
        for k in (2, 3):
            if i + k <= len(doc) and any(p.primary and p.kind in kinds
                                         for p in self.gaz.lookup(doc[i:i + k].text)):
                return True
        return False

    def _namey(self, t: Token) -> bool:
        s = t.text
        low = t.lower_.rstrip(".")
        return (s[:1].isupper() and any(c.isalpha() for c in s) and low not in self.lex.stop
                and low not in self.lex.demonyms)

    def _runs(self, doc: Doc) -> list[tuple[int, int]]:
        """Maximal runs of capitalised tokens, allowing Arabic articles and hyphens inside."""
        runs = []
        n = len(doc)
        i = 0
        while i < n:
            t = doc[i]
            if self._namey(t) or self._initial(doc, i) or self._name_start(doc, i) or (
                    t.lower_ in self.lex.toponym_generics and t.text[:1].isupper()
                    and i + 1 < n and self._namey(doc[i + 1])) or (
                    t.lower_ in self.lex.connectors and i + 1 < n and t.lower_ != "-"
                    and (t.lower_ not in self.lex.english or doc[i + 1].text == "-")
                    and self._namey_after(doc, i + 1)):
                j = i + 1
                while j < n and (self._namey(doc[j]) or self._initial(doc, j) or (
                        doc[j].lower_ in self.lex.connectors and self._namey_after(doc, j + 1))
                        or self._split_start(doc, j)):
                    j += 1
                j = self._of_name(doc, i, j)
                runs.append((i, j))
                i = j
            else:
                i += 1
        return runs

    def _of_name(self, doc: Doc, i: int, j: int) -> int:
        """The end of a country's, division's or sea's name that goes on with "of (the)"
        ("Democratic Republic of the Congo", "Isle of Man", "Gulf of Aden"): the run [i, j)
        is extended when the whole is such a name; otherwise j."""
        n = len(doc)
        if j - i > 3 or j + 1 >= n or doc[j].lower_ != "of":
            return j
        k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
        m = k
        while m < n and m - i < MAX_NGRAM and self._namey(doc[m]):
            m += 1
        if m == k or (m < n and self._namey(doc[m])):
            return j
        if any(p.kind in ("country", "admin1", "water") for p in self._lookup(doc[i:m].text)):
            return m
        return j

    def _split_start(self, doc: Doc, j: int) -> bool:
        """Whether token j is the full stop the tokenizer split off an abbreviated first word
        of a name that goes on ("ST" "." "PARIS", "Sault Ste" "." "Marie")."""
        return (0 < j < len(doc) - 1 and doc[j].text == "." and not doc[j - 1].whitespace_
                and doc[j - 1].lower_ in self.lex.split_starts and self._namey(doc[j + 1]))

    def _abbreviation_split(self, doc: Doc, i: int) -> str:
        """The token's text, with the full stop the tokenizer split off when together they are
        a division's abbreviation after a comma ("Bethel, Vt.", "London, Ont.")."""
        text = doc[i].text
        if (0 < i < len(doc) - 1 and doc[i - 1].text == "," and doc[i + 1].text == "."
                and f"{text}." in self.lex.abbreviations):
            return f"{text}."
        return text

    def _namey_after(self, doc: Doc, k: int) -> bool:
        while k < len(doc) and doc[k].lower_ in self.lex.connectors:
            k += 1
        return k < len(doc) and self._namey(doc[k])

    def _matches(self, doc: Doc, a: int, b: int) -> list[Cand]:
        """Greedy longest gazetteer matches inside the run [a, b)."""
        out = []
        i = a
        while i < b:
            found = False
            for j in range(min(b, i + MAX_NGRAM), i, -1):
                if doc[j - 1].lower_ in self.lex.connectors:
                    continue
                text = self._abbreviation_split(doc, i) if j - i == 1 else doc[i:j].text
                if j - i == 1 and (doc[i].lower_.rstrip(".") in self.lex.stop
                                   or doc[i].lower_ in self.lex.nouns
                                   or doc[i].lower_ in self.lex.generic
                                   or doc[i].lower_ in self.lex.streets):
                    continue  # "West", "City", "Camp", "Street" alone name no place
                cands = self._lookup(text)
                if (cands and cands[0].kind in ("continent", "water") and i > a
                        and doc[i - 1].lower_ in self.lex.initial):
                    break  # "North Africa", "West Nile": a region, not the continent or river
                if cands:
                    out.append(Cand(i, j, i, j, candidates=cands,
                                    name_kind=self.lex.nouns.get(doc[j - 1].lower_)
                                    if j - i > 1 else None))
                    i = j
                    found = True
                    break
            if not found:
                i += 1
        return out

    def _noun_after(self, doc: Doc, j: int) -> tuple[str, int] | None:
        """A place noun right after token j ("province", "military base"): (noun, end)."""
        n = len(doc)
        if j < n and doc[j].lower_ in self.lex.phrase_starts:
            for phrase, noun in self.lex.noun_phrases.items():
                end = j + len(phrase)
                if end <= n and tuple(t.lower_ for t in doc[j:end]) == phrase:
                    return noun, end  # "Agatu local government area"
        k = j
        while k < n and doc[k].lower_ in self.lex.modifiers and k - j < 2:
            k += 1
        if k < n and doc[k].lower_ in self.lex.nouns:
            return doc[k].lower_, k + 1
        return None

    def _after_place_noun(self, doc: Doc, a: int) -> bool:
        """Whether token a follows "<place noun> of" ("the village of ...")."""
        k = a - 1
        return (k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in self.lex.nouns
                and doc[k - 1].is_lower)

    def _skip_qualifiers(self, doc: Doc, k: int) -> int:
        """Step back over "the", "both", directions and adjectives ("the neighbouring",
        "eastern")."""
        lex = self.lex
        while k >= 0 and (doc[k].lower_ in ("the", "a", "both", "either")
                          or doc[k].lower_ in lex.directions
                          or doc[k].lower_ in lex.modifiers
                          or (doc[k].pos_ == "ADJ" and doc[k].is_lower)):
            k -= 1
        return k

    def _is_locative(self, doc: Doc, start_tok: int, root: int) -> bool:
        lex = self.lex
        k = self._skip_qualifiers(doc, start_tok - 1)
        if k >= 0 and doc[k].lower_ in lex.locative:
            return True
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in lex.locative_heads:
            return True
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in lex.nouns:
            # "near the (strategic) town of X": the preposition governs the place noun
            k = self._skip_qualifiers(doc, k - 2)
            if k >= 0 and doc[k].lower_ in lex.locative:
                return True
        head = doc[root].head
        if (doc[root].dep_ == "appos" and head.dep_ == "pobj" and head.i < start_tok
                and (head.lower_ in lex.nouns or head.lower_ == "capital")
                and head.head.lower_ in lex.locative):
            return True  # "in the capital, Colombo": the phrase's place noun names it
        if head.pos_ == "ADP" and head.lower_ == "from" and head.i < start_tok:
            return head.head.lemma_.lower() in lex.leave_verbs  # "withdrew from X": left there
        return head.pos_ == "ADP" and head.lower_ in lex.locative and head.i < start_tok
