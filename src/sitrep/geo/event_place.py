"""The event's own location: `ArticlePlaces` holds an article's place mentions and picks,
for an event word, the place its sentence gives (`event_place`: a locative phrase, the event
word's object, a site it names; not what was said, a destination, a topic, a qualifier,
the acting subject, a source's place "according to" or a country inside an organisation's
name), then falls back, in order, to the preceding sentence's place, the
dateline, the article's main place and its focus country (`location_for`, with
`fallbacks.py`)."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.geo.fallbacks import fallback_location
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.model import PlaceMention, first_conjunct, mention_rank
from sitrep.geo.words import load_lex
from sitrep.record import Location, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


NAME_MAX_DEP = 5  # a place without a locative word must be this close to the event word
LOCATIVE_MAX_DEP = 9  # ... and one with it ("in Mosul") this close
OBJECT_SCORE = 3.5  # the place is the event word's object ("stormed X"): above "in Y"
RANK_WEIGHT = 0.5  # a finer place ("the village of X") is preferred to the area around it
REFERENCE_PENALTY = 1.0  # a place named only to situate another ("10 km north of X")
SOURCE_VERBS = frozenset({"say", "tell", "report", "add", "confirm", "state"})
CHARS_PER_POINT = 80.0  # the score falls by one for each this many characters away
SOFT_CLAUSE = 1.0  # an adverbial or open clause between the event word and the place
WEAK_MAX_DEP = 2  # a name only an event places must be this close to the event word
HARD_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "csubjpass"})
MIN_SCORE = -1.0  # below this the place is too far from the event to be its location
DESTINATION_PREPS = frozenset({"to", "towards", "toward"})
CLOSE_WORDS = frozenset({"close", "next", "adjacent", "closer", "closest"})  # "close to X"
NEAR_PREPS = frozenset({"near", "outside", "around", "nearby"})  # "the farms near X" lie there
CAPITAL_WORDS = frozenset({"capital", "capitals"})  # "the country's capital, X" names a town
SITE_IN_PREPS = frozenset({"in", "on", "at", "of"})  # "a mosque in X", "on the outskirts of X"
LOCATIVE_EXTRA = frozenset({"through"})  # "drove through X's avenues"
SOFT_CLAUSE_DEPS = frozenset({"advcl", "acl", "xcomp", "pcomp", "relcl", "parataxis"})


@dataclass(slots=True)
class ArticlePlaces:
    """The place mentions of one article and the article's country focus."""

    mentions: list[PlaceMention]
    focus_country: str | None
    doc: Doc | None = None
    dateline: PlaceMention | None = None
    gazetteer: Gazetteer | None = None
    focus_span: Span | None = None  # first words that name or imply the focus country
    latent: list[PlaceMention] = field(default_factory=list)  # names only an event places
    _starts: list[int] | None = None
    _sents: list[tuple[int, int, bool]] | None = None

    def event_place(self, start: int, end: int, sent_start: int,
                    sent_end: int, _outer: bool = True) -> PlaceMention | None:
        """The place mention the sentence gives as the location of the event whose trigger is
        [start, end), or None when the sentence states none (a mention without a gazetteer
        place may be returned: it names the place, which is then not known).

        A place counts when the event word's own phrases govern it ("in", "near", "at", its
        object "stormed X", a site it names "a Mogadishu hotel"); a place inside what someone
        said ("said that ... in X"), a destination of another word ("aid to X"), or a place
        named for another reason (a speaker's country, "U.S. President", the subject that
        acted) does not, and one across an adverbial or relative clause counts less. Among
        those that count, the event word's object and locative phrases come first, then the
        finer place and the closer one; a place too far from the event word is none."""
        if self.doc is None:
            return None
        trig = self._token_at(start)
        if trig is None:
            return None
        best: PlaceMention | None = None
        best_score = -math.inf
        counted: list[PlaceMention] = []
        wholes = [(w.start, w.end) for w in self.latent if w.whole]
        for m in (*self.mentions, *self.latent):
            if not (sent_start <= m.start and m.end <= sent_end) or m.cue == "dateline":
                continue
            if not m.whole and any(a <= m.start and m.end <= b for a, b in wholes):
                continue  # "Roundabout" in "the Jandoul Roundabout": the whole name counts
            if m.location is None and not m.locative and m.cue not in ("list", "noun",
                                                                         "seized"):
                continue
            if m.root < 0 or self._in_organisation_name(m):
                continue
            score = self._event_score(trig, m)
            if score is None:
                continue
            score -= max(m.start - end, start - m.end, 0) / CHARS_PER_POINT
            if score < MIN_SCORE:
                continue
            if m.cue == "distance":
                score -= REFERENCE_PENALTY  # "Sani, north of Kutum": Kutum only situates Sani
            counted.append(m)
            if score > best_score:
                best, best_score = m, score
        if best is None and _outer:
            # "a car bomb destroyed a Baghdad restaurant, killing eight": the participle that
            # tells the toll happened where its main clause did
            tok = self.doc[trig]
            if (tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.dep_ == "advcl"
                    and tok.head.tag_ == "VBG"):
                tok = tok.head  # "..., killing six and wounding 10"
            head = tok.head
            if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and head.i != tok.i
                    and head.pos_ in ("VERB", "AUX") and head.i < tok.i):
                found = self.event_place(head.idx, head.idx + len(head), sent_start,
                                         sent_end, _outer=False)
                up = head.head
                if (found is None and head.dep_ == "advcl" and up.i < head.i
                        and up.pos_ in ("VERB", "AUX")):
                    # "struck a Baghdad cafe as customers watched ..., killing 12": the toll
                    # attached to the clause in between belongs to the main one
                    found = self.event_place(up.idx, up.idx + len(up), sent_start, sent_end,
                                             _outer=False)
                return found
        if best is None and _outer:
            return (self._antecedent_place(trig, sent_start, sent_end)
                    or self._source_place(trig, sent_start, sent_end)
                    or self._report_place(trig, sent_start, sent_end))
        if best is not None:
            best = self._situated_by_apposition(best, counted)
            best = self._participle_own_place(trig, best, counted)
            best = self._finer_after_opening_phrase(trig, best, counted, sent_start)
            best = self._site_in_named_place(self._finer(best, counted), counted)
        return best

    def _in_organisation_name(self, m: PlaceMention) -> bool:
        """Whether a country is named inside an organisation's name, after "of" or "in"
        ("fighters of the Islamic State of Iraq and the Levant", "the National Bank of
        Egypt", "the Islamic State in Yemen" where the tagger ends the name before "in"): it
        names who acted, not where."""
        assert self.doc is not None
        if m.place is None or m.place.kind != "country":
            return False
        tok = self.doc[m.root]
        prep = first_conjunct(tok).head
        if prep.lower_ not in ("of", "in"):
            return False
        if (tok.ent_type_ == "ORG" and tok.ent_iob_ == "I" and prep.ent_type_ == "ORG"
                and prep.head.ent_type_ == "ORG"):
            return True
        name = prep.head  # "the Islamic State in Iraq" with the tagger's name ending early
        lex = load_lex()
        site = name.lower_ in lex.sites and name.lower_ not in lex.nouns  # "the U.S. Embassy"
        return (name.i == prep.i - 1 and name.ent_type_ == "ORG" and name.pos_ == "PROPN"
                and name.ent_iob_ == "I" and not site)

    def _antecedent_place(self, trig: int, sent_start: int,
                          sent_end: int) -> PlaceMention | None:
        """For an event told in a relative clause that names no place of its own, the place
        that is its antecedent: "shipped to Guantanamo Bay, where he has been held" (not a
        person: "the former Bay governor, who survived"). A place that only qualifies the
        antecedent ("the X Market massacre that killed 148") is left out: measured, it did
        not carry from one half of the dev set to the other."""
        assert self.doc is not None
        tok = self.doc[trig]
        if tok.dep_ != "relcl" or tok.head.i == tok.i:
            return None
        if any(c.lower_ in ("who", "whom", "whose") for c in tok.children):
            return None
        ante = tok.head.i
        for m in (*self.mentions, *self.latent):
            if (sent_start <= m.start and m.end <= sent_end and m.root == ante
                    and m.cue != "dateline" and not m.weak
                    and (m.location is not None or m.cue in ("noun", "unknown", "list"))):
                return m
        return None

    def _reporting_verb(self, trig: int) -> Token | None:
        """The verb of saying whose reported clause holds the event word ("police said five
        people were wounded": "said"), if any."""
        assert self.doc is not None
        tok = self.doc[trig]
        for _ in range(6):
            if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SOURCE_VERBS:
                return tok.head
            if tok.head is tok or tok.dep_ not in ("conj", "ccomp", "advcl", "xcomp",
                                                   "relcl", "acl"):
                return None
            tok = tok.head
        return None

    def _report_place(self, trig: int, sent_start: int,
                      sent_end: int) -> PlaceMention | None:
        """For an event told in what a source reports, where the reported clause names no
        place: the place that the report itself stands in. That is the report's own phrase
        before it ("In Kandahar, police said gunmen shot two guards"), the clause it reports
        first ("a car bomb exploded near Kirkuk, an official said, adding that six were
        killed") or the clause it is joined to ("fans fought in Lyon, and police said four
        people were injured"). A place the speaker was in, named after the verb ("said in
        Geneva that ..."), does not place what was reported; nor does a report place another
        report, a protest or a state ("the city said it had no knowledge of arrests")."""
        assert self.doc is not None
        if self._says(trig) or self.doc[trig].lemma_.lower() in ("be", "have"):
            return None
        verb = self._reporting_verb(trig)
        for _ in range(3):
            if verb is None:
                return None
            own = self.event_place(verb.idx, verb.idx + len(verb), sent_start, sent_end,
                                   _outer=False)
            if own is not None and own.end <= verb.idx:
                return own
            for told in verb.children:
                if told.dep_ == "ccomp" and told.i < verb.i and told.i != trig:
                    found = self.event_place(told.idx, told.idx + len(told), sent_start,
                                             sent_end, _outer=False)
                    if found is not None:
                        return found
            head = verb.head
            if (verb.dep_ not in ("conj", "advcl", "parataxis") or head.i >= verb.i
                    or head.pos_ not in ("VERB", "AUX")):
                return None
            if head.lemma_.lower() not in SOURCE_VERBS:
                return self.event_place(head.idx, head.idx + len(head), sent_start, sent_end,
                                        _outer=False)
            verb = head  # "an official said, adding that ...": the report "said" goes on
        return None

    def _source_place(self, trig: int, sent_start: int, sent_end: int) -> PlaceMention | None:
        """For an event told in what a local source said, where the sentence names no place of
        its own: the place inside the source's own name ("a police source in Ramadi said the
        blast killed four", "Tulkarm's governor said ...", "the Michoacan state attorney
        general's office said"), the finest first. A source that is itself a place
        ("Washington said") places nothing."""
        verb = self._reporting_verb(trig)
        if verb is None:
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        inside: set[int] = set()
        for subj in subjects:
            inside.update(t.i for t in subj.subtree if t.i != subj.i)
        found = [m for m in self.mentions
                 if sent_start <= m.start and m.end <= sent_end and m.root in inside
                 and m.location is not None and m.cue != "dateline"
                 and m.place is not None and m.place.kind not in ("continent", "country")]
        if not found:
            return None
        return max(found, key=lambda m: (mention_rank(m), -abs(m.root - verb.i)))

    def _situated_by_apposition(self, best: PlaceMention,
                                counted: list[PlaceMention]) -> PlaceMention:
        """The place that the chosen one only situates in a phrase set off by a comma right
        after it: "in Kafr Zita, a village in Hama province", "the village of X, forty miles
        north of Kabul", "in Bori, Khana district" give the place named first (a phrase
        without a verb or a conjunction between the two names)."""
        assert self.doc is not None
        doc = self.doc
        k = self._token_at(best.start)
        if k is None:
            return best
        for m in counted:
            broad = m.place is not None and m.place.kind in ("country", "continent")
            if m is best or m.end >= best.start or m.weak or broad or m in self.latent:
                continue
            after = self._token_at(m.end - 1)
            between = list(doc[after + 1:k]) if after is not None else []
            if (not between or between[0].text != ","
                    or any(t.text in (",", ";", ".", "(", ")") for t in between[1:])
                    or any(t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") for t in between)):
                continue
            return m
        return best

    def _site_in_named_place(self, best: PlaceMention,
                             counted: list[PlaceMention]) -> PlaceMention:
        """The known place a site is said to lie in, where the chosen mention only names the
        site: "a chapel in the town of X", "the Star bar in X", "a market square in the
        district of X", "a prison on the outskirts of X" give X (the site's own
        name, a name that qualifies it or a noun the gazetteer places only at its container
        says less)."""
        assert self.doc is not None
        site = self._site_noun(best)
        if site is None:
            return best
        lex = load_lex()
        for m in counted:
            if m is best or m.weak or m.location is None or m.root < 0 or m.start < best.end:
                continue
            tok = first_conjunct(self._phrase_head(m))
            for _ in range(3):
                prep = tok.head
                if (tok.dep_ != "pobj" or prep.dep_ != "prep"
                        or prep.lower_ not in SITE_IN_PREPS):
                    break
                tok = prep.head
                if tok.i == site.i:
                    return m
                if tok.lower_ not in lex.locative_heads:
                    break
        return best

    def _phrase_head(self, m: PlaceMention) -> Token:
        """The word of the mention whose head lies outside it ("city" in "the city of X")."""
        assert self.doc is not None
        tok = self.doc[m.root]
        while tok.head.i != tok.i and m.start <= tok.head.idx < m.end:
            tok = tok.head
        return tok

    def _site_noun(self, best: PlaceMention) -> Token | None:
        """The site noun the chosen mention names or qualifies ("a mosque", "the Star bar",
        "a Baghdad square"), or None when the mention is a place's own name."""
        assert self.doc is not None
        tok = self.doc[best.root]
        lex = load_lex()
        if best.cue in ("noun", "contained") and (best.location is None or best.at_container):
            if not tok.is_lower or any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                       for c in tok.children):
                return None  # a named site: "the Highland Hospital", "the Palmasola prison"
            head = tok
        elif best.modifier:
            head = first_conjunct(tok).head
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
        else:
            return None
        site = (head.lower_ in lex.sites and lex.nouns.get(head.lower_, "other") == "other"
                and head.lower_ not in lex.area_nouns)
        return head if site else None

    def _participle_own_place(self, trig: int, best: PlaceMention,
                              counted: list[PlaceMention]) -> PlaceMention:
        """For a participle that goes on from its main clause ("launched an offensive in the
        Hama countryside, targeting the village of X"), a place in the participle's own phrase
        (not in a clause of its own inside it, though "the farms located east of X" counts) that
        is at least as fine as the main clause's one is the participle's place."""
        assert self.doc is not None
        tok = self.doc[trig]
        if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.head.i >= tok.i:
            return best
        first, last = tok.left_edge.i, tok.right_edge.i
        if first <= best.root <= last:
            return best
        own = [m for m in counted if first <= m.root <= last and not m.weak
               and mention_rank(m) >= mention_rank(best) and not self._clause_between(trig, m.root)]
        return min(own, key=lambda m: m.start) if own else best

    def _clause_between(self, trig: int, root: int) -> bool:
        """Whether a clause other than a participle that qualifies a noun ("the farms located
        east of X") lies between the event word and a place inside its phrase ("leaving ten
        dead after rebels attacked X": "attacked")."""
        assert self.doc is not None
        tok = self.doc[root]
        while tok.i != trig and tok.head.i != tok.i:
            if tok.dep_ in SOFT_CLAUSE_DEPS - {"acl"} or tok.dep_ in HARD_CLAUSE_DEPS:
                return True
            tok = tok.head
        return False

    def _finer_after_opening_phrase(self, trig: int, best: PlaceMention,
                                    counted: list[PlaceMention],
                                    sent_start: int) -> PlaceMention:
        """A phrase that opens the sentence sets the scene ("In Anbar province, ...",
        "North of Basra, ..."): where the sentence then names a finer place for the event
        after its event word ("... were killed when a bomb hit their patrol near Haditha"),
        that place is the event's own."""
        assert self.doc is not None
        doc = self.doc
        k = self._token_at(best.start)
        sent_first = self._token_at(sent_start)
        if k is None or sent_first is None or best.end > doc[trig].idx:
            return best
        first = next((t for t in doc[sent_first:] if not (t.is_punct or t.is_space)), None)
        if first is None or k - first.i > 1:
            return best  # the sentence's first words, or a preposition and them
        after = [m for m in counted if m.start > doc[trig].idx
                 and mention_rank(m) > mention_rank(best) and not m.weak]
        if not after:
            return best
        return min(after, key=lambda m: m.start)

    def _finer(self, best: PlaceMention, counted: list[PlaceMention]) -> PlaceMention:
        """The place inside the chosen one, where the sentence names it as such: "the village
        of X in northeast Aleppo", "Mogadishu's Huriwaa district" give X and Huriwaa."""
        assert self.doc is not None
        tok = self.doc[best.root]
        roots = {m.root: m for m in counted if m is not best and not m.weak}
        near = self._near_of(best, counted)
        if near is not None:
            return near
        named = self._named_in_apposition(best)
        if named is not None:
            return named
        for _ in range(3):
            if tok.head is tok or tok.dep_ not in ("pobj", "prep", "poss", "compound", "npadvmod"):
                break
            if tok.dep_ == "prep" and tok.lower_ not in ("in", "of"):
                break
            owner = tok.dep_ == "poss"
            tok = tok.head
            inner = roots.get(tok.i)
            if inner is None and owner:
                inner = self._owned(best, tok.i)  # "in Syria's Jaeber village"
            if inner is not None and mention_rank(inner) >= mention_rank(best):
                return inner
        return best

    def _named_in_apposition(self, best: PlaceMention) -> PlaceMention | None:
        """The place that names the place noun the chosen one only qualifies: "in Iraq's
        second city, Mosul", "in Libya's capital, Tripoli" give the city that follows (a
        finer known place set off by a comma after the noun)."""
        assert self.doc is not None
        tok = self.doc[best.root]
        if tok.dep_ not in ("poss", "compound") or tok.head.i == tok.i:
            return None
        noun = tok.head
        if noun.lower_ not in load_lex().nouns and noun.lower_ not in CAPITAL_WORDS:
            return None
        for m in (*self.mentions, *self.latent):
            if (m is not best and m.start > best.end and m.root >= 0
                    and self.doc[m.root].dep_ == "appos" and self.doc[m.root].head.i == noun.i
                    and m.location is not None and mention_rank(m) > mention_rank(best)):
                return m
        return None

    def _owned(self, best: PlaceMention, root: int) -> PlaceMention | None:
        """The place named after the chosen one's possessive ("Syria's Jaeber village"),
        where it names a place with its own place word or a known town."""
        for m in self.mentions:
            if (m is not best and m.root == root and m.start >= best.end and not m.weak
                    and (m.cue == "noun" or m.location is not None)):
                return m
        return None

    def _near_of(self, best: PlaceMention, counted: list[PlaceMention]) -> PlaceMention | None:
        """The place that the chosen one only situates: "the Al-Malaah Farms near the village
        of Handarat", "the villages of A and B near the town of C" give the farms and the
        villages (the place named just before "near", "outside", "around")."""
        assert self.doc is not None
        doc = self.doc
        k = self._token_at(best.start)
        if k is None:
            return None
        k = self._resolver_skip(k - 1)
        if k < 1 or doc[k].lower_ not in NEAR_PREPS:
            return None
        before = doc[k - 1].idx + len(doc[k - 1].text)
        for m in counted:
            if m is not best and m.end == before and not m.modifier:
                return m
        for m in self.mentions:  # "residents of the Mubingi commune outside Bujumbura"
            if (m is not best and m.end == before and not m.modifier and m.root >= 0
                    and doc[k].head.i == m.root and not self._clauses(best.root, m.root)[0]):
                return m
        return None

    def _resolver_skip(self, k: int) -> int:
        """Step back over "the", compass words and lower-case adjectives before a name."""
        assert self.doc is not None
        doc = self.doc
        lex = load_lex()
        while k >= 0 and (doc[k].lower_ in ("the", "a", "both", "either")
                          or doc[k].lower_ in lex.directions
                          or (doc[k].pos_ == "ADJ" and doc[k].is_lower)):
            k -= 1
        return k

    def _event_score(self, trig: int, m: PlaceMention) -> float | None:
        """How well mention `m` states where the event at token `trig` happened (None: not at
        all)."""
        assert self.doc is not None
        hard, soft = self._clauses(trig, m.root)
        if hard:
            return None  # another clause's event: "said that ... in X"
        if soft >= 2 and self._circumstance_gerund(trig, m.root):
            return None  # "had settled in X ... after quarrelling with ...": X is not his
        if self._topic(trig, m.root):
            return None  # "protested against the war in Bosnia": what, not where
        if self._in_attribution(trig, m.root):
            return None  # "according to a commander in Hama": where the source is
        if self._spoken_of(trig, m):
            return None  # "urged Russia to stop the attacks": whom or what it spoke of
        dep = self._dep_distance(trig, m.root)
        if self._destination_of_noun(trig, m.root):
            return None  # "aid to Baghdad": where something was headed
        target = self._object_of(trig, m.root)
        if not target and self._aimed_at(trig, m.root):
            target, soft = True, 0  # "launched an offensive to capture the town of X"
        locative = (m.locative or m.cue == "distance"  # "a ranch north of Laredo"
                    or self._in_part_of(m))  # "in parts of the X district"
        if m.modifier:
            site = self._site(trig, m.root)
            if (site is None and not locative and self._event_noun_of(trig, m.root)
                    and m.place is not None and m.place.kind not in ("country", "continent")):
                locative = True  # "were killed during Kafr Saghir's liberation"
            elif site is None and self._qualifies_own_phrase(trig, m):
                locative = True  # "drove through X's avenues", "walked along the X embankment"
            elif site is None:
                if not locative:
                    return None  # "Yemen's Ansar al-Sharia", "U.S. President"
            else:
                target, locative = target or site, True  # "attacked a Mogadishu hotel"
        if m.weak and not (target or (locative and dep <= WEAK_MAX_DEP)):
            return None
        if dep > (LOCATIVE_MAX_DEP if locative or target else NAME_MAX_DEP):
            return None  # a place named for another reason ("sanctions on Libya")
        if not locative and not target and m.subject:
            return None  # "the United States captured ...": who acted, not where
        score = (OBJECT_SCORE if target else 3.0 if locative
                 else 2.0 if m.cue in ("list", "contained", "noun") else 0.0)
        score += RANK_WEIGHT * mention_rank(m)
        score -= 0.3 * dep + SOFT_CLAUSE * soft
        return score

    def _in_part_of(self, m: PlaceMention) -> bool:
        """Whether the place is named after a word for a part of it that a locative phrase
        governs: "in parts of the Batticaloa district", "in the heart of Lyon"."""
        assert self.doc is not None
        lex = load_lex()
        tok = first_conjunct(self._phrase_head(m))
        of = tok.head
        if tok.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
            return False
        part = of.head
        return (part.lower_ in lex.locative_heads and part.dep_ == "pobj"
                and part.head.lower_ in lex.locative)

    def _qualifies_own_phrase(self, trig: int, m: PlaceMention) -> bool:
        """Whether a name qualifies the noun of the event word's own locative phrase, a noun
        that is not an event: "drove through X's avenues", "walked along the X
        embankment" lie in the named place."""
        assert self.doc is not None
        lex = load_lex()
        tok = first_conjunct(self.doc[m.root])
        for _ in range(3):
            if tok.dep_ not in ("compound", "poss") or tok.head.i == tok.i:
                break
            tok = tok.head
        else:
            return False
        if (tok.dep_ != "pobj" or tok.ent_type_ in ("DATE", "TIME") or tok.lower_ == "time"
                or tok.lower_ in lex.attack_nouns | lex.topic_nouns | lex.event_nouns):
            return False  # "at 4 am (Cairo time)", "in a Cairo bombing"
        prep = tok.head
        own = prep.head.i == trig or (prep.head.lower_ in lex.attack_nouns
                                      and prep.head.head.i == trig)
        return (own and prep.lower_ in lex.locative | LOCATIVE_EXTRA
                and prep.lower_ not in DESTINATION_PREPS | {"between"})  # "handed to US troops"

    def _in_attribution(self, trig: int, root: int) -> bool:
        """Whether the place lies inside an "according to" phrase: "according to a field
        commander in Hama, troops destroyed ..." names where the source is, not the event."""
        assert self.doc is not None
        tok = self.doc[root]
        for _ in range(8):
            if tok.i == trig or tok.head.i == tok.i:
                return False
            if tok.lower_ == "according":
                return True
            tok = tok.head
        return False

    def _circumstance_gerund(self, trig: int, root: int) -> bool:
        """Whether the event word is a gerund after a preposition ("after quarrelling",
        "despite being warned", "before leaving") and the place lies outside its own phrase:
        such a gerund tells a circumstance of another clause, whose place is not its own."""
        assert self.doc is not None
        tok = self.doc[trig]
        if tok.dep_ != "pcomp":
            return False
        place = self.doc[root]
        return not (tok.left_edge.i <= place.i <= tok.right_edge.i)

    def _event_noun_of(self, trig: int, root: int) -> bool:
        """Whether a name qualifies a noun of an event that the event word is or that its own
        phrase names: "killed during Kafr Saghir's liberation", "the Aleppo offensive began",
        "a Baghdad bombing" (a country's name there is the one who acted: "US airstrikes")."""
        assert self.doc is not None
        lex = load_lex()
        noun = first_conjunct(self.doc[root])
        for _ in range(4):
            if noun.dep_ not in ("compound", "poss", "amod", "nmod") or noun.head.i == noun.i:
                break
            noun = noun.head
        if noun.lower_ not in lex.attack_nouns | lex.topic_nouns | lex.event_nouns:
            return False
        head = noun.head
        if noun.i == trig:
            return True
        if head.i == trig:
            return noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        return noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.i == trig

    def _spoken_of(self, trig: int, m: PlaceMention) -> bool:
        """Whether the event word is a verb of saying, asking or thinking and the place is not
        in a locative phrase of its own ("said in Washington"): "urged Russia to stop", "asked
        Hanoi to return", "failed to communicate his concerns to Washington" name whom or what
        was spoken of, not where."""
        assert self.doc is not None
        tok = self.doc[trig]
        if tok.lemma_.lower() not in load_lex().speech_verbs:
            return False
        root = first_conjunct(self.doc[m.root])
        prep = root.head
        return not (m.locative and root.dep_ == "pobj" and prep.head.i == trig
                    and prep.lower_ in load_lex().locative and prep.lower_ not in DESTINATION_PREPS)

    def _topic(self, trig: int, root: int) -> bool:
        """Whether the place lies inside what a protest, a statement or a charge is about:
        the object of "condemned", "protested", "claimed" or their "against", "over", "for"
        phrase ("protested against the war in Bosnia", "condemned the attack in Idlib"). The
        event happened where the protesters or speakers were, which a phrase of the verb's own
        ("protested in Sofia") still gives."""
        assert self.doc is not None
        doc = self.doc
        lex = load_lex()
        if doc[trig].lemma_.lower() not in lex.topic_verbs:
            return False
        tok = doc[root]
        for _ in range(12):
            if tok.head is tok:
                return False
            if tok.head.i == trig:
                break
            tok = tok.head
        else:
            return False
        if tok.i == root:
            return False  # the place itself is the object: "marched on Rome"
        if not (tok.dep_ == "dobj" or (tok.dep_ == "prep" and tok.lower_ in lex.topic_preps)):
            return False
        anchor = first_conjunct(doc[root])
        while anchor.dep_ in ("compound", "amod", "nmod", "appos") and anchor.head is not anchor:
            anchor = anchor.head
        if anchor.dep_ == "pobj":
            anchor = anchor.head.head  # "the war in Bosnia": the noun the phrase qualifies
        elif anchor.dep_ == "poss":
            anchor = anchor.head  # "Yugoslavia's bombing"
        else:
            return False
        for _ in range(3):  # "the massacre of villagers in Idlib": the event noun above
            if anchor.lower_ in lex.topic_nouns or anchor.dep_ != "pobj" or (
                    anchor.head.lower_ != "of"):
                break
            anchor = anchor.head.head
        # the place qualifies the event the protest is about ("the war in Bosnia", "destroying
        # jets at the airport"), not a word of where the protest was ("rallies in Lisbon")
        return anchor.i != trig and (anchor.pos_ == "VERB"
                                     or anchor.lower_ in lex.topic_nouns)

    def _destination_of_noun(self, trig: int, root: int) -> bool:
        """A place introduced by "to" that is not the event word's own phrase ("the ambassador
        to Baghdad", "aid to Syria", "managed to walk to X") says where something is headed,
        not where the event was; "fled to X", "marched towards X" still do."""
        assert self.doc is not None
        tok = first_conjunct(self.doc[root])
        for _ in range(3):
            if tok.dep_ == "pobj":
                prep = tok.head
                if prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN"):
                    return prep.head.i != trig  # "a force from Fiji": where it came from
                if prep.head.lower_ in CLOSE_WORDS:
                    return False  # "villages close to Algiers", "next to the market"
                if prep.lower_ in DESTINATION_PREPS:
                    return prep.head.i != trig
                return self._origin_of_noun(trig, prep)
            if tok.head is tok or tok.dep_ not in ("compound", "amod", "nmod", "appos"):
                return False
            tok = tok.head
        return False

    def _origin_of_noun(self, trig: int, prep: Token) -> bool:
        """Whether a place phrase ("in England") only situates another place that someone or
        something came from: "a chef from Chichester in England"."""
        tok = prep.head
        for _ in range(3):
            if tok.i == trig or tok.dep_ != "pobj":
                return False
            up = tok.head
            if up.lower_ == "from":  # a place itself: not "the toll from the bombing in X"
                return (up.head.pos_ in ("NOUN", "PROPN") and up.head.i != trig
                        and any(m.root == tok.i for m in self.mentions))
            if up.lower_ not in ("in", "of", "near", "outside") or up.head.i == up.i:
                return False
            tok = up.head
        return False

    def _clauses(self, a: int, b: int) -> tuple[int, int]:
        """Clause boundaries on the dependency path between tokens a and b: (hard, soft). Hard:
        a clausal complement or subject (what was said, "that ... in X"); soft: an adverbial,
        open or relative clause ("..., killing five", "..., which hit a market in X").
        Conjoined verbs ("captured X and killed five") share their place and cross neither. A
        clausal complement of a verb of harm or of taking ground is a comma clause the parser
        misread ("were killed, dozens others injured"): soft. A gerund after "by" below the
        event word tells how it was done ("opened the campaign by storming X") and crosses none.
        """
        assert self.doc is not None
        doc = self.doc
        up_a = _raw_path(doc[a])
        up_b = _raw_path(doc[b])
        common = set(up_a) & set(up_b)
        lex = load_lex()
        harm = lex.harm_verbs | lex.seize_verbs
        hard = soft = 0
        for path in (up_a, up_b):
            for i in path:
                if i in common:
                    break
                t = doc[i]
                dep = t.dep_
                if dep in HARD_CLAUSE_DEPS and t.head.lemma_.lower() in harm:
                    soft += 1  # "were killed, dozens others injured": a misread comma clause
                elif dep in HARD_CLAUSE_DEPS:
                    hard += 1
                elif dep in SOFT_CLAUSE_DEPS and not (
                        path is up_b and t.head.head.i == a and _manner_gerund(t)):
                    soft += 1
        return hard, soft

    def _site(self, trig: int, root: int) -> bool | None:
        """For a name that qualifies a noun: None when that noun is not a site, else whether the
        event word acts on the site ("attacked a Mogadishu hotel", "the Dresden palace, which
        was bombed": True; "in his Laval home", "at the entrance of his Minsk office": False,
        a site in a locative phrase; "the Venice theatre burned down", "injured when the army
        stormed their Hebron safe house": False, the site the event's subject or another verb
        names, unless the event word is one of saying or protest)."""
        assert self.doc is not None
        lex = load_lex()
        sites = lex.sites | lex.area_nouns  # "stormed the Kobani hill"
        head = first_conjunct(self.doc[root]).head
        site = head.lower_ in sites
        while head.dep_ == "compound" and head.head is not head:  # "his Tokyo apartment building"
            head = head.head
            site = site or head.lower_ in sites
        if not site:
            return None
        if self._object_of(trig, head.i):
            return True
        trigger = self.doc[trig]
        if trigger.dep_ in ("relcl", "acl") and trigger.head.i == head.i:
            return True  # "the Dresden palace, which was bombed": the event was there
        gov = head.head
        if head.dep_ == "pobj" and gov.lower_ in lex.locative | lex.place_preps | {"from"}:
            return False
        if (head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.dep_ == "pobj"
                and gov.head.lower_ in lex.locative_heads | sites
                and gov.head.head.lower_ in lex.locative | lex.place_preps):
            return False  # "at the entrance of his Minsk office"
        if head.dep_ == "nsubjpass" and head.head.i == trig:
            return True  # "the province has been struck"
        if head.dep_ == "nsubj" and head.head.i == trig and not self._says(trig):
            return False  # "the Venice theatre burned down", not "the Lisbon embassy said"
        if head.dep_ == "dobj" and head.head.pos_ == "VERB":
            return False  # "injured when the army stormed their Hebron safe house"
        return None

    def _says(self, trig: int) -> bool:
        """Whether the event word is a verb of saying, of speech or of protest."""
        assert self.doc is not None
        lemma = self.doc[trig].lemma_.lower()
        lex = load_lex()
        return lemma in SOURCE_VERBS or lemma in lex.speech_verbs or lemma in lex.topic_verbs

    def location_for(self, start: int, end: int, sent_start: int,
                     sent_end: int) -> tuple[Location, Span] | None:
        """The location of an event whose trigger is [start, end) in sentence
        [sent_start, sent_end): a locative mention near the trigger, else the dateline place,
        else the article's main place (or its focus country): see `fallbacks.py`."""
        best = self.event_place(start, end, sent_start, sent_end)
        if best is not None and best.site:
            best = None  # "taken to Riley Hospital": the site's town is not where it happened
        if best is not None and best.location is not None:
            return best.location, Span(best.start, best.end, best.text)
        return fallback_location(self, best, sent_start, sent_end)

    def sentences(self) -> list[tuple[int, int, bool]]:
        """(start, end, whether a blank line ends it) of each sentence, computed once."""
        assert self.doc is not None
        if self._sents is None:
            text = self.doc.text
            bounds = [(sent.start_char, sent.end_char) for sent in self.doc.sents]
            self._sents = [(a, b, "\n\n" in text[a:nxt]) for (a, b), nxt in zip(
                bounds, [x[0] for x in bounds[1:]] + [len(text)], strict=True)]
        return self._sents

    def _token_at(self, char: int) -> int | None:
        if self.doc is None or not len(self.doc):
            return None
        if self._starts is None:
            self._starts = [t.idx for t in self.doc]
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def _object_of(self, trig: int, root: int) -> bool:
        """Whether the place is what the event word acts on: "stormed Kafr Sousah",
        "targeting the village of X", "shelled the towns of A and B"."""
        assert self.doc is not None
        tok = self.doc[root]
        for _ in range(4):
            if tok.dep_ == "dobj" and tok.head.i == trig:
                return True
            if tok.dep_ not in ("conj", "appos", "pobj", "prep", "compound") or tok.head is tok:
                return False
            if tok.dep_ == "prep" and tok.lower_ != "of":
                return False
            tok = tok.head
        return False

    def _aimed_at(self, trig: int, root: int) -> bool:
        """Whether the place is what the event word's attack aims at: "launched an offensive on
        X", "launched an attack to capture X", "launched operations in order to take the town
        of X" (only an infinitive of purpose: "..., targeting X" is the participle's own)."""
        assert self.doc is not None
        lex = load_lex()
        tok = self.doc[root]
        for _ in range(6):
            head = tok.head
            if head is tok:
                return False
            if tok.dep_ == "pobj" and head.lower_ == "on":
                noun = head.head
                return (noun.lower_ in lex.attack_nouns and noun.head.i == trig
                        and noun.dep_ in ("dobj", "nsubj", "nsubjpass"))
            if tok.dep_ == "dobj":
                verb = head
                if verb.lemma_.lower() not in lex.seize_verbs:
                    return False
                purpose = verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux"
                                                    for c in verb.children)
                return purpose and verb.dep_ in ("acl", "advcl", "xcomp", "relcl") and (
                    verb.head.i == trig or (verb.head.head.i == trig
                                            and verb.head.lower_ in lex.attack_nouns))
            if tok.dep_ not in ("conj", "appos", "pobj", "prep", "compound"):
                return False
            if tok.dep_ == "prep" and tok.lower_ != "of":
                return False
            tok = head
        return False

    def _dep_distance(self, a: int, b: int) -> int:
        assert self.doc is not None
        path_a = _ancestors(self.doc[a])
        path_b = _ancestors(self.doc[b])
        pos_b = {t: k for k, t in enumerate(path_b)}
        for k, t in enumerate(path_a):
            if t in pos_b:
                return k + pos_b[t]
        return len(path_a) + len(path_b)


def _manner_gerund(tok: Token) -> bool:
    """Whether the token is a gerund after "by" that tells how its verb's event was done
    ("opened the campaign by storming X"): the same event, not a clause of its own."""
    return tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "by"


def _raw_path(tok: Token) -> list[int]:
    """The token's path to the root, every step counted."""
    out = [tok.i]
    while tok.head.i != tok.i and len(out) < 40:
        tok = tok.head
        out.append(tok.i)
    return out


def _ancestors(tok: Token) -> list[int]:
    """The token's path to the root; conjuncts and appositions stand for their head ("A, B
    and C" all lie as close to the verb as A)."""
    out = [tok.i]
    while tok.head.i != tok.i and len(out) < 30:
        step = tok.dep_ not in ("conj", "appos")
        tok = tok.head
        if step:
            out.append(tok.i)
        else:
            out[-1] = tok.i
    return out
