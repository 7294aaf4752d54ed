"""Names the gazetteer does not know, or knows only in pieces: whether an unmatched
capitalised run is still a place (a place entity, "the village of X", "inside Kafr Sousah",
"stormed Tall Kurdi", "the Bustan Al-Basha District", "in eastern Ghouta"), and whether the
gazetteer's matches inside a longer name are only fragments of it ("Roundabout" in "the
Jandoul Roundabout"). Such names are kept as unknown places so an event can still be placed
by them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.geo.model import BLOCK_LABELS, MAX_NGRAM, PLACE_LABELS, Cand
from sitrep.geo.names import NameReader

if TYPE_CHECKING:
    from spacy.tokens import Doc


class UnknownNames(NameReader):
    """Tests for place names the gazetteer lacks."""

    def _whole_name(self, doc: Doc, a: int, b: int, ent_of: list[str],
                    wholes: list[Cand]) -> None:
        """Keep [a, b) as one unknown place name when it is one: a place entity, a name an
        area word ends ("the Sulu Sea"), or one tagged as a group ("the Hayyan Gas Fields"),
        which only an event acting on it or a locative phrase makes a place."""
        if self._named_place(doc, a, b, ent_of) or self._area_name(doc, a, b, ent_of):
            wholes.append(Cand(a, b, a, b, strong=True))
        elif self._area_name(doc, a, b, ent_of, loose=True):
            wholes.append(Cand(a, b, a, b, seized=True))

    def _entity_whole(self, doc: Doc, a: int, b: int, matched: list[Cand],
                      ent_at: list[tuple[int, int]]) -> bool:
        """Whether [a, b) is one place entity whose last word no match covers, so that the
        gazetteer knows only a piece of it ("the Marriott Hotel", "Khoja Ghar District",
        "the Golan Heights"): one name the gazetteer lacks."""
        if doc[a].ent_type_ not in PLACE_LABELS or ent_at[a] != (a, b):
            return False
        return all(c.j < b for c in matched) and doc[b - 1].ent_type_ in PLACE_LABELS

    def _directed_name(self, doc: Doc, a: int, b: int) -> bool:
        """A proper name after a place preposition and a compass word ("in eastern Ghouta"),
        whatever the tagger calls it: a place the gazetteer does not know."""
        if not (a >= 2 and doc[a - 1].lower_ in self.lex.directions and doc[a - 1].is_lower):
            return False
        if not all(doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                   for k in range(a, b)):
            return False
        k = self._skip_qualifiers(doc, a - 1)
        return k >= 0 and doc[k].lower_ in self.lex.place_preps and doc[k].pos_ == "ADP"

    def _named_place(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """Whether an unmatched capitalised run is still a place name: a place entity, or
        introduced by a place noun ("the village of Mainok")."""
        if any(ent_of[k] in PLACE_LABELS for k in range(a, b)) and not any(
                ent_of[k] in BLOCK_LABELS or ent_of[k] == "ORG" for k in range(a, b)):
            return True
        if self._after_place_noun(doc, a):
            return True
        k = a - 1  # "the western outskirts of al-Rai", "the eastern perimeter of Jabal X"
        return (k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in self.lex.locative_heads
                and doc[k - 1].is_lower and not any(
                    ent_of[i] in BLOCK_LABELS and ent_of[i] not in self.lex.mistaken
                    and ent_of[i] not in self.lex.mislabels for i in range(a, b)))

    def _placed_name(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """An untagged proper name that a place preposition governs ("inside Kafr Sousah",
        "in eastern Ghouta"): a place the gazetteer does not know."""
        if any(ent_of[k] and ent_of[k] not in PLACE_LABELS and ent_of[k] not in self.lex.mistaken
               for k in range(a, b)):
            return False
        if not all(doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                   for k in range(a, b)):
            return False
        k = self._skip_qualifiers(doc, a - 1)
        return (k >= 0 and doc[k].lower_ in self.lex.place_preps and doc[k].pos_ == "ADP"
                and doc[a:b].root.head.i in (k, *range(k + 1, a)))

    def _fragments(self, doc: Doc, a: int, b: int, matched: list[Cand]) -> bool:
        """Whether the gazetteer matches inside a longer name are only fragments of it: the
        name begins with a toponym word ("Deir", "Tal", "Beit") and each match is a lone such
        word or only some place's other name."""
        if b - a > MAX_NGRAM:
            return False
        if doc[a].lower_ in self.lex.toponym_generics:
            return all(not c.candidates[0].primary or (
                c.j - c.i == 1 and doc[c.i].lower_ in self.lex.toponym_generics)
                for c in matched)
        # "the Al-Malaah Farms", "the Sulu Sea", "the Hayyan Gas Fields": a name that an area
        # word ends, where the matches are lone words (the area word, an inner word, or only
        # some place's other name)
        area = self.lex.area_nouns
        return b - a >= 2 and doc[b - 1].lower_ in area and all(
            c.j - c.i == 1 and (not c.candidates[0].primary or doc[c.i].lower_ in area
                                or c.i > a) for c in matched)

    def _proper_run(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """Whether [a, b) is a proper name that may be a place: proper nouns without a
        non-place label (a person label only after "Tall", "Kafr", "Wadi" ...)."""
        generic = doc[a].lower_ in self.lex.toponym_generics
        if any(ent_of[k] and ent_of[k] not in PLACE_LABELS and not (
                generic and ent_of[k] in self.lex.mistaken) for k in range(a, b)):
            return False
        return all(doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                   for k in range(a, b))

    def _area_name(self, doc: Doc, a: int, b: int, ent_of: list[str],
                   loose: bool = False) -> bool:
        """An unknown name that an area or place word ends or follows ("the Beit Na'im area",
        "the Deir Hafer Plains", "the Bustan Al-Basha District"): a place the gazetteer does
        not know. Loose: one that an area word ends, whatever the tagger calls it."""
        if b - a >= 2 and (doc[b - 1].lower_ in self.lex.area_nouns
                           or doc[b - 1].lower_ in self.lex.nouns):
            if loose:  # "the Hayyan Gas Fields" tagged as a group
                return doc[b - 1].lower_ in self.lex.area_nouns and all(
                    doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                    for k in range(a, b))
            return self._proper_run(doc, a, b, ent_of)  # "the Bustan Al-Basha District"
        if loose:
            return False
        return (b < len(doc) and doc[b].lower_ in self.lex.area_nouns
                and doc[a:b].root.head.i == b and self._proper_run(doc, a, b, ent_of))

    def _placed_group(self, doc: Doc, a: int, b: int) -> bool:
        """An unknown proper name that the tagger calls a group or a person and that a place
        preposition governs ("killed at Ejule", "fighting inside Sheikh Sa'eed"), without a
        word of an organisation's name: a place only an event beside it makes of it."""
        lex = self.lex
        labels = {doc[k].ent_type_ for k in range(a, b)}
        if not labels & {"ORG", "PERSON"} or not labels <= {"ORG", "PERSON", ""}:
            return False
        if not all((doc[k].pos_ == "PROPN" and doc[k].lower_ not in lex.stop)
                   or doc[k].lower_ in lex.connectors for k in range(a, b)):
            return False
        if b < len(doc) and (doc[b].tag_ == "POS" or doc[b].ent_iob_ == "I"
                             or doc[b].lower_ == "of"):
            return False  # "the Group of Eight summit"
        k = self._skip_qualifiers(doc, a - 1)
        return (k >= 0 and doc[k].lower_ in lex.place_preps and doc[k].pos_ == "ADP"
                and doc[a:b].root.head.i == k)

    def _labelled_area(self, doc: Doc, a: int, b: int) -> bool:
        """A proper name that an area or place word ends or follows ("the Al-Assad Suburb",
        "the Tishreen Power Plant", "the Tariq Al-Bab area") and that the tagger calls a
        group or a person: a place the gazetteer does not know, that only an event places."""
        lex = self.lex
        if not all(doc[k].pos_ == "PROPN" or doc[k].lower_ in lex.connectors
                   or (k == b - 1 and doc[k].is_title) for k in range(a, b)):
            return False
        if not {doc[k].ent_type_ for k in range(a, b)} <= lex.mistaken | {"ORG", ""}:
            return False
        words = lex.area_nouns | frozenset(lex.nouns)
        if b - a >= 2 and doc[b - 1].lower_ in words:
            return doc[a].lower_ not in words
        return (b < len(doc) and doc[b].is_lower and doc[b].lower_ in lex.area_nouns
                and doc[a:b].root.head.i == b)

    def _seized_name(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """An untagged proper name that a verb of taking or striking ground acts on ("stormed
        Tall Kurdi", "Kafr Naya was captured"): a place only that event can make of it."""
        if not self._proper_run(doc, a, b, ent_of):
            return False
        root = doc[a:b].root
        if root.dep_ == "compound" and root.head.lower_ in self.lex.area_nouns:
            root = root.head  # "shelled the Tal X area"
        return (root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB"
                and root.head.lemma_.lower() in self.lex.seize_verbs)

    def _acted_on(self, doc: Doc, root: int) -> bool:
        """Whether a verb of taking or striking ground acts on the word ("entered Al-Bab",
        "Birao was captured")."""
        tok = doc[root]
        return (tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB"
                and tok.head.lemma_.lower() in self.lex.seize_verbs)
