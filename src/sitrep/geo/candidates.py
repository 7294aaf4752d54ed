"""Finding place mentions: the candidate names of an article (`Cand`), from capitalised runs
matched against the gazetteer, place entities, place nouns and names the gazetteer does not
know; streets and parts of a city ("Richmond Street", "the South Side") set apart; names in
the dateline; known places' names that the tagger mislabels but a place preposition governs
("near Gao", "attacks on Aleppo")."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sitrep.geo.model import MAX_NGRAM, PLACE_LABELS, WELL_KNOWN, Cand
from sitrep.geo.unknown import UnknownNames
from sitrep.record import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


MISTAKEN_MIN = 4.0  # prominence a name tagged as a person needs when a preposition places it
MISLABEL_MIN = 7.5  # ... a known place's own name tagged as a group or language ("on Aleppo")
MISTAKEN_ALIAS_MIN = 7.0  # ... when the name is one of the place's alternate names ("Taez")
DATELINE_CITY_POP = 1_000_000  # a dateline's name is a city this large where one goes by it
DATELINE_DASHES = frozenset({"—", "–", "--", "-", "---"})  # what follows a dateline
FIRST_NAMES = True  # a first name used alone as a person is no place (`_persons_apart`)
_PERSON_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos"})


def _dateline_town(c: Cand) -> None:
    """A dateline's first name is the town the story was filed from: where the name is a
    division's and a city of a million there goes by it, that city ("NEW YORK (AP) —" is
    the city, not the state)."""
    divisions = {p.name for p in c.candidates if p.kind == "admin1" and p.primary}
    great = [p for p in c.candidates if p.kind == "city" and p.admin1 in divisions
             and p.population >= DATELINE_CITY_POP]
    if c.container is None and c.name_kind is None and great:
        c.candidates = great


def _numbered(tok: Token) -> bool:
    """A number or an ordinal written with digits ("22nd", "3rd", "116")."""
    return tok.like_num or (tok.text[:1].isdigit() and tok.text[-2:].lower() in (
        "st", "nd", "rd", "th"))


def _phone_word(doc: Doc, a: int) -> bool:
    """Whether token `a` is glued by a hyphen to a number before it ("528-CASH")."""
    return a >= 2 and doc[a - 1].text == "-" and doc[a - 2].like_num and not (
        doc[a - 2].whitespace_ or doc[a - 1].whitespace_)


def _possessed_site(doc: Doc, after: int, words: frozenset[str]) -> bool:
    """Whether a possessive and a capitalised site name follow token `after` - 1 ("St.
    John's Episcopal Hospital", "St. Mary's Medical School"): the name is the site's."""
    if after >= len(doc) or doc[after].lower_ not in ("'s", "\u2019s"):
        return False
    for tok in doc[after + 1:after + 4]:
        if not tok.is_title:
            return False
        if tok.lower_ in words:
            return True
    return False


class CandidateFinder(UnknownNames):
    """Candidate place names of an article."""

    def _candidates(self, doc: Doc, wholes: list[Cand] | None = None) -> list[Cand]:
        """Candidate place names; `wholes` receives longer names whose gazetteer matches are
        only fragments ("Roundabout" in "the Jandoul Roundabout"): the matches stay mentions,
        the whole name only says where an event was."""
        cands: list[Cand] = []
        taken: set[int] = set()
        sites: set[int] = set()
        ent_of = [t.ent_type_ for t in doc]
        ent_at = [(k, k + 1) for k in range(len(doc))]
        for ent in doc.ents:
            first = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
            for k in range(ent.start, ent.end):
                ent_at[k] = (first, ent.end)  # "the Gaza Strip": the name is the entity
        for a, b in self._runs(doc):
            if _phone_word(doc, a):
                continue  # "call 528-CASH": a phone number's letters
            streets = self.lex.streets
            if (b - a >= 2 and doc[b - 1].lower_ in streets) or (
                    b + 1 < len(doc) and _numbered(doc[b]) and doc[b + 1].lower_ in streets):
                # "Richmond Street", "Malta Road", "Hillside Circle", "Beach 22nd Street": a
                # street, not the town
                taken.update(range(a, b))
                if wholes is not None:
                    wholes.append(Cand(a, b, a, b, strong=True, hint="other"))
                continue
            if self._site_name(doc, a, b):
                # "Riley Hospital", "Brighton High School", "Liberty Elementary": a site's
                # name; the town that goes by its first word is no event's place
                sites.add(a)
            if self._city_side(doc, a, b):
                # "the South Side", "Westside": a part of the story's city, not a town that
                # goes by the name elsewhere
                taken.update(range(a, b))
                if wholes is not None:
                    wholes.append(Cand(a, b, a, b, strong=True, hint="neighbourhood"))
                continue
            noun = self._noun_after(doc, b)
            if noun is not None:  # "Ghazlani military base", "Quds neighborhood": whole run
                full = self._lookup(doc[a:noun[1]].text)
                c = Cand(a, b, a, noun[1], noun=noun[0], strong=True, noun_end=noun[1],
                         hint=self.lex.nouns[noun[0]],
                         candidates=full or self._lookup(doc[a:b].text), stem=not full)
                cands.append(c)
                taken.update(range(a, b))
                continue
            matched = self._matches(doc, a, b)
            if (matched and (matched[0].i > a or matched[-1].j < b) and b - a <= MAX_NGRAM
                    and (self._after_place_noun(doc, a)
                         or (b < len(doc) and doc[b].is_lower and not doc[a].like_num
                             and not any(ch.isdigit() for ch in doc[a].text)  # "A429 X"
                             and doc[b].lower_ in self.lex.area_nouns)
                         or (b - a >= 3 and matched[-1].j < b - 1
                             and not any(m.name_kind for m in matched)  # "Orange County"
                             and (doc[b - 1].lower_ in self.lex.area_nouns
                                  or doc[b - 1].lower_ in self.lex.nouns)))):
                # "the town of Khan Touman", "the Ben Younis area", "the Bustan Al-Basha
                # District": the whole run is the name
                matched = []
            if matched and (matched[0].i > a or matched[-1].j < b) and self._fragments(
                    doc, a, b, matched) and doc[a].lower_ in self.lex.toponym_generics:
                matched = []  # "Na'im" (another place's other name) inside "Beit Na'im"
            elif self._lone_shared_start(doc, a, b, matched) or self._inner_after_generic(
                    doc, a, b, matched):
                # "Abu" (a town of its own) in "Abu Zaytun", "Abu Omar"; "Hasakah" in "Tal
                # Al-Hasakah": the whole run is the name
                matched = []
            elif (wholes is not None and matched and b - a >= 2
                  and (len(matched) > 1 or matched[0].i > a or matched[0].j < b)
                  and (self._fragments(doc, a, b, matched)
                       or self._entity_whole(doc, a, b, matched, ent_at))):
                self._whole_name(doc, a, b, ent_of, wholes)
            for c in matched:  # strong: a place entity that the match covers whole
                c.strong = any(ent_of[k] in PLACE_LABELS and ent_at[k][0] >= c.i
                               and ent_at[k][1] <= c.j + self._split_stop(doc, c)
                               for k in range(c.i, c.j))
                # "Grants Town", "Grants Town MP": found without the place word after it (not
                # "Sligo Town Hall", the town's own hall)
                c.stem = (c.j < b and doc[c.j].lower_ in self.lex.nouns and doc[c.j].is_title
                          and not (c.j + 1 < b and doc[c.j + 1].lower_ in self.lex.own_halls))
                cands.append(c)
                taken.update(range(c.i, c.j))
            if not matched and self._named_place(doc, a, b, ent_of):
                # a place the gazetteer does not know: kept to say where the event was
                cands.append(Cand(a, b, a, b, strong=any(ent_of[k] in PLACE_LABELS
                                                         for k in range(a, b))
                                  or self._after_area_of(doc, a)))
                taken.update(range(a, b))
            elif not matched and self._area_of_name(doc, a, b, ent_of):
                cands.append(Cand(a, b, a, b, strong=True, hint="other"))
                taken.update(range(a, b))
            elif not matched and (self._generic_after_prep(doc, a, b, ent_of)
                                  or self._placed_name(doc, a, b, ent_of)):
                cands.append(Cand(a, b, a, b, strong=True))
                taken.update(range(a, b))
            elif not matched and self._seized_name(doc, a, b, ent_of):
                cands.append(Cand(a, b, a, b, seized=True))
                taken.update(range(a, b))
            elif not matched and self._area_name(doc, a, b, ent_of):
                cands.append(Cand(a, b, a, b, strong=True))
                taken.update(range(a, b))
            elif not matched and wholes is not None and self._directed_name(doc, a, b):
                wholes.append(Cand(a, b, a, b, strong=True))
            elif not matched and wholes is not None and self._placed_group(doc, a, b):
                wholes.append(Cand(a, b, a, b, strong=True))  # "killed at Ejule" (a group)
            elif not matched and wholes is not None and self._labelled_area(doc, a, b):
                # "the Al-Assad Suburb", "the Tariq Al-Bab area" tagged as a group or person
                last = doc[b - 1].lower_ if doc[b - 1].lower_ in self.lex.area_nouns | set(
                    self.lex.nouns) else doc[b].lower_
                wholes.append(Cand(a, b, a, b, strong=True,
                                   hint=self.lex.nouns.get(last, "other")))
        for ent in doc.ents:  # NER places outside capitalised runs ("al-Qaim" in lower case)
            if ent.label_ in PLACE_LABELS and not taken.intersection(range(ent.start, ent.end)):
                if ent.end < len(doc) and doc[ent.end].lower_ in self.lex.streets:
                    continue  # "North State" of "North State Street"
                if len(ent) == 1 and ent[0].is_lower and ent[0].pos_ == "NOUN":
                    continue  # "patrolling the gulf": a common noun, not the Gulf Province
                if len(ent) == 1 and ent[0].lower_.rstrip(".") in self.lex.stop:
                    # "the South", "Kansas City, North": a part of the story's country or
                    # city, not the namesake region abroad (Cameroon's North)
                    cands.append(Cand(ent.start, ent.end, ent.start, ent.end, strong=True))
                    continue
                found = self._lookup(ent.text)
                if found:
                    cands.append(Cand(ent.start, ent.end, ent.start, ent.end, strong=True,
                                      candidates=found))
        for c in cands:
            c.site = c.i in sites
        cands.sort(key=lambda c: c.i)
        return cands

    @staticmethod
    def _dash_dateline(doc: Doc, c: Cand) -> bool:
        """Whether the name, in capitals, opens a sentence and a dash follows it, perhaps
        after its state ("MIDDLETOWN —", "CHARLESTON, W.Va. --"): a dateline."""
        words = doc[c.i:c.j].text
        if sum(ch.isalpha() for ch in words) < 3 or not words.isupper():
            return False
        if c.i > 0 and not doc[c.i].is_sent_start and doc[c.i - 1].text not in (".", "!", "?"):
            return False
        if c.i > 1 and doc[c.i - 1].text == "." and not doc[c.i - 2].whitespace_ and len(
                doc[c.i - 2].text) <= 3:
            return False  # "ST. PARIS": the stop of an abbreviation, not a sentence's end
        k = c.j
        while k < min(len(doc), c.j + 8):
            if doc[k].text in DATELINE_DASHES:
                return True
            if doc[k].text == "(":  # "NEW YORK (AP) —": the agency
                close = next((m for m in range(k + 1, min(len(doc), k + 6))
                              if doc[m].text == ")"), None)
                if close is None:
                    return False
                k = close + 1
                continue
            if not (doc[k].text in (",", ".") or doc[k].text.istitle()):
                return False  # "ISLE OF PALMS", "PLYMOUTH CO.": the name goes on
            k += 1
        return False

    def _split_stop(self, doc: Doc, c: Cand) -> int:
        """1 where the name is a division's abbreviation whose full stop the tokenizer split
        off ("Vt" "."), so that the entity "Vt." still covers it whole; else 0."""
        return int(c.j - c.i == 1 and self._abbreviation_split(doc, c.i) != doc[c.i].text)

    def _lone_shared_start(self, doc: Doc, a: int, b: int, matched: list[Cand]) -> bool:
        """Whether the run's only gazetteer match is its first word, one that begins persons'
        and places' names alike ("Abu", "Umm"): in "Abu Zaytun" or "Abu Omar" that word alone
        names no place; the whole run is the name."""
        return (b - a >= 2 and b - a <= MAX_NGRAM and len(matched) == 1
                and matched[0].i == a and matched[0].j == a + 1
                and doc[a].lower_ in self.lex.shared_starts)

    def _inner_after_generic(self, doc: Doc, a: int, b: int, matched: list[Cand]) -> bool:
        """Whether a run that a toponym word begins ("Jabal", "Tal", "Kafr") has gazetteer
        matches only after that word ("Raqqa" in "Jabal Al-Raqqa"): the hill or village so
        named is not the town the inner word names; the whole run is the name. Not for English
        words ("Lake Ontario", "Camp David Accords"), whose inner names the gazetteer reads."""
        return (b - a >= 2 and b - a <= MAX_NGRAM and bool(matched)
                and doc[a].lower_ in self.lex.toponym_generics
                and doc[a].lower_ not in self.lex.stop
                and doc[a].lower_ not in self.lex.english_generics  # "Lake Ontario"
                and any(c.i > a for c in matched)
                and all(c.i > a or c.j == a + 1 for c in matched))

    def _area_of_name(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """An unknown proper name after "<area word> of" ("the northern hills of Jabal X",
        "the farms of Y") that the tagger calls a person or a group: a place."""
        return (self._after_area_of(doc, a)
                and all(doc[k].pos_ == "PROPN" or doc[k].lower_ in self.lex.connectors
                        for k in range(a, b))
                and all(ent_of[k] in self.lex.mistaken or ent_of[k] in ("ORG", "")
                        or ent_of[k] in PLACE_LABELS for k in range(a, b)))

    def _generic_after_prep(self, doc: Doc, a: int, b: int, ent_of: list[str]) -> bool:
        """An unknown name that a toponym word begins ("Kafr X", "Tal Y") right after a place
        preposition ("withdrew from Kafr X"), whatever the tagger calls it: a place."""
        lex = self.lex
        if not (b - a >= 2 and doc[a].lower_ in lex.toponym_generics
                and doc[b - 1].lower_ not in lex.connectors  # "Jabal Al" of a broken name
                and doc[a].lower_ not in lex.stop and doc[a].lower_ not in lex.english_generics):
            return False
        if not self._proper_run(doc, a, b, ent_of) and not all(
                ent_of[k] in ("ORG", "") or ent_of[k] in lex.mistaken for k in range(a, b)):
            return False
        k = a - 1
        return (k >= 0 and doc[k].pos_ == "ADP"
                and (doc[k].lower_ in lex.place_preps or doc[k].lower_ in lex.mistaken_preps))

    def _after_area_of(self, doc: Doc, a: int) -> bool:
        """Whether token a follows "<area word> of" ("the area of", "the outskirts of", "the
        village of"): the phrase says the name is a place, whatever the tagger calls it."""
        k = a - 1
        return (k >= 1 and doc[k].lower_ == "of" and doc[k - 1].is_lower
                and (doc[k - 1].lower_ in self.lex.locative_heads
                     or doc[k - 1].lower_ in self.lex.nouns
                     or doc[k - 1].lower_ in self.lex.area_nouns))

    def _site_name(self, doc: Doc, a: int, b: int) -> bool:
        """Whether a site word ends the run, or follows or leads it in capitals ("Riley
        Hospital", "the Grand Jury", "Children's Hospital Midland"): the name is the site's,
        not the town's that goes by its first word. Not where a first-level division or a
        country is named in it ("Ohio State University")."""
        words = self.lex.site_words
        inner = b - a >= 2 and doc[b - 1].lower_ in words  # not "North College Hill"
        led = a >= 1 and doc[a - 1].is_title and doc[a - 1].lower_ in words  # "Hospital Oakland"
        if not inner and not led and not (
                b < len(doc) and doc[b].is_title and doc[b].lower_ in words) \
                and not _possessed_site(doc, b, words):
            return False
        return not any(c.candidates and c.candidates[0].kind in ("admin1", "country")
                       for c in self._matches(doc, a, b))

    def _city_side(self, doc: Doc, a: int, b: int) -> bool:
        """"South Side", "Near West Side", "Northside", "East End": a part of a city."""
        while a > 0 and doc[a - 1].lower_ in self.lex.side_words:
            a -= 1  # "West" is no name of its own: the run is "Side"
        words = [t.lower_ for t in doc[a:b]]
        if len(words) == 1:
            w = words[0]
            return any(w == f"{d}{e}" for d in self.lex.side_words for e in ("side", "end"))
        return words[-1] in ("side", "end") and all(w in self.lex.side_words
                                                     for w in words[:-1])

    def _dateline_cands(self, doc: Doc, cands: list[Cand],
                        dateline: Span | None) -> set[int]:
        """Names inside the dateline ("GAO, Mali (Reuters) -") are places whatever the tagger
        says; they vote for the focus country but are not where a sentence's event happened."""
        if dateline is None:
            for c in cands:
                if c.candidates and self._dash_dateline(doc, c):
                    c.strong = c.dateline = True  # "MIDDLETOWN —": a dateline not given
                    _dateline_town(c)
            return set()
        if doc.text[dateline.start:dateline.end] != dateline.text:
            return set()
        out: set[int] = set()
        for c in cands:
            span = doc[c.i:c.j]
            if dateline.start <= span.start_char and span.end_char <= dateline.end:
                if c.candidates:
                    c.strong = c.dateline = True
                    if not out:
                        _dateline_town(c)
                out.add(id(c))
        return out

    def _persons_apart(self, doc: Doc, cands: list[Cand],
                       persons: frozenset[str]) -> list[Cand]:
        """Leave out lone words that end a person's full name in the article and that the
        tagger calls a person alone more often than a place ("Kevin Edwards ... Edwards said
        ... riding in Edwards' car"): each use is that person, even after a place preposition.
        Not a well-known place's name, one with its place word, nor one with its state after a
        comma ("Edwards, Colorado"). A first name of such a full name used alone as a subject,
        an object or in apposition ("her daughter, Charlotte ... Charlotte was taken to
        hospital" after "Charlotte Roe") is the person too, whatever the tagger calls it and
        however well known the place: not after a place preposition ("in Charlotte"), nor as
        a modifier ("Charlotte police")."""
        votes: Counter[str] = Counter()  # a lone use tagged as a person +1, as a place -1
        for ent in doc.ents:
            if len(ent) == 1 and (ent.label_ == "PERSON" or ent.label_ in PLACE_LABELS):
                votes[ent[0].lower_] += 1 if ent.label_ == "PERSON" else -1
        full = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1]
        last = {ent[-1].lower_ for ent in full}
        first = {ent[0].lower_ for ent in full} - last if FIRST_NAMES else set()
        surnames = {w for w in persons & last if votes[w] > 0}

        def apart(c: Cand) -> bool:
            tok = doc[c.i]
            if not (c.j - c.i == 1 and c.noun is None and c.hint is None and not tok.is_upper
                    and c.candidates) or (c.j + 1 < len(doc) and doc[c.j].text == ","
                                          and doc[c.j + 1].ent_type_ in PLACE_LABELS):
                return False
            if tok.lower_ in surnames:
                return c.candidates[0].prominence < WELL_KNOWN
            return tok.lower_ in first and tok.dep_ in _PERSON_DEPS and not self._is_locative(
                doc, c.start_tok, tok.i)

        return [c for c in cands if not apart(c)]

    def _surnames(self, doc: Doc, cands: list[Cand], persons: frozenset[str]) -> None:
        """A lone word the article uses inside a person's full name is that person even
        where the tagger calls it a place ("Freeland, the trade representative ..." after
        "Chrystia Freeland"), unless a place preposition, a place noun or a container goes
        with it or it is a well-known place's name: it is no place and holds nothing."""
        for c in cands:
            if (c.j - c.i != 1 or not c.strong or doc[c.i].lower_ not in persons
                    or c.noun is not None or c.hint is not None or c.dateline
                    or not c.candidates or c.candidates[0].prominence >= WELL_KNOWN
                    or doc[c.i].ent_type_ == "PERSON"
                    or self._is_locative(doc, c.start_tok, doc[c.i].i)):
                continue
            if c.container is not None and doc[c.container.i:c.container.j].root.dep_ != (
                    "compound"):
                continue  # "Freeland, Michigan", not "Freeland, U.S. Trade Representative"
            c.strong = False
            c.container = None

    def _mistaken_names(self, doc: Doc, cands: list[Cand],
                        persons: frozenset[str] = frozenset()) -> None:
        """A known place's own name that a place preposition governs ("near Gao", "in
        Omdurman") is a place even when the tagger calls it a person or a group; so is one
        after "the outskirts of", "the countryside of", "the town of" (whatever the tagger
        calls it: "the eastern countryside of Aleppo" tagged as a language)."""
        lex = self.lex
        for c in cands:
            if c.strong or not c.candidates or sum(
                    not doc[k].is_punct for k in range(c.i, c.j)) > 2:  # "Al-Bab": two words
                continue
            if c.j - c.i == 1 and doc[c.i].lower_ in persons:
                continue  # "spoke to Taylor" after "Mike Taylor": the person
            labels = {doc[k].ent_type_ for k in range(c.i, c.j)}
            head = doc[c.i:c.j].root.head
            # "the (eastern) countryside of Aleppo", "the outskirts of Palmyra"
            of_area = (head.lower_ == "of" and head.i == c.start_tok - 1 and head.i >= 1
                       and doc[head.i - 1].is_lower and (doc[head.i - 1].lower_ in lex.nouns
                                                         or doc[head.i - 1].lower_
                                                         in lex.locative_heads))
            top = c.candidates[0]
            root = doc[c.i:c.j].root
            # "entered Al-Bab", "Kidal was captured": a verb whose object is ground
            seized = (head.pos_ == "VERB" and head.lemma_.lower() in lex.ground_verbs and (
                (root.dep_ == "dobj" and head.i < c.i) or root.dep_ == "nsubjpass"))
            known = top.primary and top.prominence >= MISLABEL_MIN
            acronym = doc[c.i:c.j].text.isupper()  # "stormed the (SDF) lines": a group
            allowed = (lex.mistaken | lex.mislabels if of_area or known
                       or (seized and not acronym) else lex.mistaken)
            if len(labels) != 1 or not labels <= allowed:
                continue
            first, last = doc[c.i], doc[c.j - 1]
            if first.ent_iob_ != "B" or (c.j < len(doc) and doc[c.j].ent_iob_ == "I"
                                         and not (of_area and doc[c.j].is_lower)):
                continue  # part of a longer name ("Gao Xingjian")
            if not of_area and not seized and (
                    head.pos_ != "ADP" or head.lower_ not in lex.mistaken_preps
                    or head.i != c.start_tok - 1):
                continue
            if last.i + 1 < len(doc) and doc[last.i + 1].tag_ == "POS":
                continue
            if top.kind != "other" and (top.prominence >= MISTAKEN_MIN if top.primary
                                        else top.prominence >= MISTAKEN_ALIAS_MIN):
                c.strong = True  # "attacks on Aleppo", "erupted in Taez" (Taiz)
