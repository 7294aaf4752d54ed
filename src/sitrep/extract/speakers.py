"""Who the speaker of a reporting construction is, as a short source name.

Given the token a reporting construction names as its speaker, `normalise_speaker` gives the
source: determiners dropped, "a spokesman for X" -> X, pronouns and short definite phrases
("the statement", "her office") resolved to a fuller earlier mention ("military statement",
"U.N. human rights office"); a named entity keeps its whole name ("Ministry of Defence"); "a
police spokeswoman" is the police; "a statement from X" is X; "unconfirmed reports" name no one.
"it said" after a sentence whose subject is an organisation, and "the group" or "the
Observatory" after a sentence naming it, take that name; leading counts ("two security sources")
and descriptive modifiers before a proper name ("the Iran-backed Houthis") are dropped;
capitalised names run on past "of"/"for" ("UN Office for the Coordination of Humanitarian
Affairs"); "the governor of Belgorod" and "Sudan's army chief" stay office holders, while
"officials in Kabul" are officials; "a statement issued by X" is X.

Finding the speaker token: `subject_of` reads a reporting verb's subject, also through "X
condemned the attack, saying ..." (X); `left_speaker` reads a speaker the parse leaves without a
subject off the words before the verb ("Aid workers in the region said"); `names_nobody` marks
"no group" and "nobody", which name no one.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import load_data
from sitrep.nlp import doc_text

_DATA: dict[str, Any] = load_data("attribution.json")

REPORT_VERBS = frozenset(_DATA["reporting_verbs"])
REPORT_NOUNS = frozenset(_DATA["report_nouns"])
_CONT_HEADS = frozenset(_DATA["continuation_heads"])
_ROLES = frozenset(_DATA["role_nouns"])
_DROP = frozenset(_DATA["drop_leading"])
_MOUTHPIECES = frozenset(_DATA["mouthpiece_nouns"])
VAGUE_REPORT_MODS = frozenset(_DATA["vague_report_modifiers"])
_OFFICE_HOLDERS = frozenset(_DATA["office_holders"])
_LEADERS = frozenset(_DATA["leader_roles"])
_TITLE_TAILS = [t.split() for t in _DATA["title_tails"]]
_COUNT_NOUNS = frozenset(_DATA["count_nouns"])
_EVIDENCE_VERBS = frozenset(_DATA["evidence_verbs"])
_SOURCELESS = frozenset(_DATA["sourceless_nouns"])
_GENERIC_ORGS = frozenset(_DATA["generic_org_nouns"])
_DESCRIPTIVE_MODS = tuple(_DATA["descriptive_name_modifiers"])
_ISSUING = frozenset(_DATA["issuing_verbs"])
_NAME_LINKS = frozenset({"of", "for", "the", "and", "on", "to", "in"})
_NAME_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "PERSON"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "which", "who", "that"})
_NP_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case",
                      "npadvmod", "punct"})


def noun_phrase(tok: Token) -> list[Token]:
    """The core noun phrase of a token: its pre-modifiers, without clauses or prepositions."""
    toks = [t for t in tok.subtree if t.i <= tok.i and _in_np(t, tok)]
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].lower_ in _DROP or toks[0].is_punct or _leading_extra(toks[0], tok)):
        toks = toks[1:]
    return toks or [tok]


def _leading_extra(t: Token, head: Token) -> bool:
    """A leading count ("two security sources") or a descriptive modifier before a proper name
    ("the Iran-backed Houthis"): not part of the source's name."""
    if t.i == head.i:
        return False
    if t.pos_ == "NUM" and t.dep_ == "nummod":
        return t.i + 1 >= len(t.doc) or t.doc[t.i + 1].text != "-"  # not "13-year-old"
    doc = t.doc
    # "Kurdish-led" is split into "Kurdish", "-", "led"
    end = t.i
    if t.lower_.endswith(_DESCRIPTIVE_MODS):
        pass
    elif t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and (
            "-" + doc[t.i + 2].lower_) in _DESCRIPTIVE_MODS:
        end = t.i + 2
    elif not (t.i > 0 and doc[t.i - 1].text == "-" and ("-" + t.lower_) in _DESCRIPTIVE_MODS):
        return False
    # only before a proper name: "the Iran-backed Houthis", not "the Saudi-led coalition"
    return end + 1 <= head.i and doc[end + 1].pos_ == "PROPN"


def _in_np(t: Token, root: Token) -> bool:
    node = t
    while node.i != root.i:
        if node.dep_ not in _NP_DEPS:
            return False
        node = node.head
    return True


def phrase_text(toks: list[Token]) -> str:
    """The text the tokens span, whitespace collapsed and a possessive ending dropped."""
    if not toks:
        return ""
    doc = toks[0].doc
    text = doc_text(doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    return re.sub(r"\s+", " ", text).removesuffix("'s").removesuffix("’s").strip()


def _org_of(tok: Token) -> Token | None:
    """X in "a spokesman for X", "an official at X", "X's spokesman", "Name, spokesman for X"."""
    lemma = tok.lemma_.lower()
    if lemma in _COUNT_NOUNS:  # "a tally by the Associated Press"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                p = pobj(c)
                if p is not None and p.ent_type_ == "ORG":
                    return p
        return None
    if lemma not in _ROLES and tok.ent_type_ != "PERSON" and lemma not in REPORT_NOUNS:
        return None
    if _office_of(tok) is not None:
        return None
    for c in tok.children:
        if c.dep_ == "poss" and lemma not in _LEADERS and c.ent_type_ not in (
                "DATE", "TIME") and (c.pos_ == "PROPN" or (
                c.pos_ == "NOUN" and lemma in _MOUTHPIECES)):
            return c
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "with", "in", "by"):
            for p in c.children:
                if c.lower_ in ("in", "at") and (p.ent_type_ in ("GPE", "LOC", "FAC") or not any(
                        t.lemma_.lower() in _CONT_HEADS for t in noun_phrase(p))):
                    continue  # "officials in Kabul": where they are, not whom they speak for
                if p.dep_ == "pobj" and p.lower_ not in _PRONOUNS and (
                    p.ent_type_ in ("ORG", "NORP", "GPE") or p.lemma_.lower() in _CONT_HEADS
                    or (lemma in _MOUTHPIECES and p.lemma_.lower() in _ROLES)
                    or (lemma in REPORT_NOUNS and c.lower_ in ("from", "by")
                        and p.pos_ in ("NOUN", "PROPN"))
                ):
                    return p
        if c.dep_ == "acl" and lemma in REPORT_NOUNS and c.lemma_.lower() in _ISSUING:
            # "a statement issued by the army"
            for agent in c.children:
                if agent.dep_ == "agent":
                    by = pobj(agent)
                    if by is not None and by.lower_ not in _PRONOUNS:
                        return by
        if c.dep_ == "appos" and c.lemma_.lower() in _ROLES:
            return _org_of(c)
    return None


def _office_of(tok: Token) -> list[Token] | None:
    """ "The governor of Belgorod": an office held over a place names the office holder, not
    the place (the tokens of the whole phrase)."""
    if tok.lemma_.lower() not in _OFFICE_HOLDERS:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            p = pobj(c)
            if p is not None and (p.ent_type_ == "GPE" or p.pos_ == "PROPN"):
                return [*noun_phrase(tok), c, *noun_phrase(p)]
    return None


def _name_tail(toks: list[Token]) -> list[Token]:
    """A capitalised name that runs on with "of"/"for" ("UN Office for the Coordination of
    Humanitarian Affairs", "Ministry of Defence"), where the entity tagger cut it short."""
    head = toks[-1]
    doc = head.doc
    end = head.i
    i = head.i + 1
    if i >= len(doc) or doc[i].head.i != head.i or head.ent_type_ == "PERSON" or not (
            head.is_title or head.lemma_.lower() in _CONT_HEADS):
        return toks  # not "Rose Douglas of San Jose"
    # "Ministry of Defence"; a capitalised link word marks a name ("Doctors Without Borders")
    if not ((head.pos_ == "PROPN" and doc[i].lower_ in ("of", "for"))
            or (doc[i].is_title and doc[i].lower_ in ("of", "for", "without"))
            or (head.lemma_.lower() in _CONT_HEADS and doc[i].lower_ == "of"
                and i + 2 < len(doc) and doc[i + 1].lower_ == "the" and doc[i + 2].is_title
                and doc[i + 2].pos_ == "PROPN")):
        return toks
    i += 1
    while i < len(doc) and doc[i].sent.start == head.sent.start:
        t = doc[i]
        if t.is_title or (t.is_upper and t.is_alpha):
            end = i
        elif t.lower_ not in _NAME_LINKS:
            break
        i += 1
    if end == head.i:
        return toks
    return [*toks, *doc[head.i + 1 : end + 1]]


def _title_tail(toks: list[Token]) -> list[Token] | None:
    """A title that runs on past its head noun: "army chief of staff", "chief of police"."""
    head = toks[-1]
    doc = head.doc
    for tail in _TITLE_TAILS:
        n = len(tail)
        words = [t.lower_ for t in doc[head.i + 1 : head.i + 1 + n]]
        if words == tail:
            return [*toks, *doc[head.i + 1 : head.i + 1 + n]]
    return None


def _previous_sents(sent: Span, n: int) -> list[Span]:
    out: list[Span] = []
    doc = sent.doc
    i = sent.start - 1
    while i >= 0 and len(out) < n:
        s = doc[i].sent
        out.append(s)
        i = s.start - 1
    return out


def _fuller_mention(toks: list[Token], sent: Span) -> str | None:
    """A longer earlier phrase with the same head: "her office" -> "U.N. human rights office"."""
    head = toks[-1]
    key = [t.lower_ for t in toks if t.lower_ not in _DROP]
    best: list[Token] | None = None
    here = [sent.doc[sent.start : head.i]]
    for s in [*here, *_previous_sents(sent, 8)]:
        for tok in s:
            if tok.lemma_.lower() != head.lemma_.lower() or tok.i == head.i or not (
                    tok.pos_ == "NOUN" or tok.pos_ == head.pos_ == "PROPN"):
                continue  # "the Observatory" may stand for a name; "police" stays police
            cand = noun_phrase(tok)
            words = [t.lower_ for t in cand]
            if len(words) > len(key) and words[-len(key):] == key:
                ent = _entity_name(tok)
                if ent is not None:
                    return ent
                if best is None or len(cand) > len(best):
                    best = cand
    return phrase_text(best) if best else None


def _earlier_org(sent: Span) -> str | None:
    """ "The group said": the organisation that was the subject of the sentence before."""
    for s in _previous_sents(sent, 2):
        for tok in s:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ == "ORG" and (
                    tok.pos_ == "PROPN"):
                return _entity_name(tok) or phrase_text(noun_phrase(tok))
    return None


def _earlier_source(sent: Span, person: bool) -> str | None:
    """The speaker of the nearest earlier reporting verb (or a person, for he/she)."""
    for s in [sent.doc[sent.start : sent.start], *_previous_sents(sent, 4)]:
        for tok in reversed(list(s)):
            if person and tok.ent_type_ == "PERSON" and tok.dep_ in ("nsubj", "nsubjpass"):
                return phrase_text(noun_phrase(tok))
            if not person and tok.pos_ == "VERB" and tok.lemma_.lower() in REPORT_VERBS:
                subj = subject_of(tok)
                if subj is not None and subj.lower_ not in _PRONOUNS:
                    return normalise_speaker(subj, s)[0]
    if not person:
        for s in _previous_sents(sent, 1):
            subj = subject_of(s.root) if s.root.pos_ in ("VERB", "AUX") else None
            if subj is not None and subj.lower_ not in _PRONOUNS and (
                    subj.ent_type_ in ("ORG", "NORP") or subj.lemma_.lower() in _CONT_HEADS):
                return normalise_speaker(subj, s)[0]
    return None


def normalise_speaker(tok: Token, sent: Span) -> tuple[str | None, list[Token]]:
    """A short source name for the speaker token and the tokens of its phrase."""
    low = tok.lower_
    if low in ("which", "who", "that"):
        verb = tok.head
        if verb.dep_ == "relcl":
            return normalise_speaker(verb.head, sent)[0], [tok]
        return None, [tok]
    if low in ("he", "she"):
        return _earlier_source(sent, person=True), [tok]
    if low in ("it", "they", "we"):
        for anc in tok.ancestors:  # "X said that it had reports": X
            subj = subject_of(anc) if is_report_verb(anc) else None
            if subj is not None and subj.lower_ not in _PRONOUNS:
                return normalise_speaker(subj, sent)[0], [tok]
        return _earlier_source(sent, person=False), [tok]
    office = _office_of(tok)
    if office is not None:
        return phrase_text(office), office
    toks = noun_phrase(tok)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.dep_ == tok.dep_ and nxt.head.i == (
            tok.head.i) and tok.lemma_.lower() in _CONT_HEADS:
        return phrase_text([*toks, nxt]), [*toks, nxt]
    lemma = tok.lemma_.lower()
    if lemma in _MOUTHPIECES and any(t.dep_ in ("compound", "amod", "nmod") for t in toks):
        # "a police spokeswoman": the police; "Nigeria's police spokesman": Nigeria's police
        return phrase_text([t for t in toks if t.i < tok.i]), toks
    org = _org_of(tok)
    if org is not None:
        name, _ = normalise_speaker(org, sent)
        return name, toks
    if lemma in _SOURCELESS and not any(t.ent_type_ in _NAME_ENTS for t in toks):
        return None, toks  # "according to preliminary information"
    ent = _entity_name(tok)
    if ent is not None:
        return ent, toks
    tail = _name_tail(toks)
    if len(tail) > len(toks):
        return phrase_text(tail), tail
    title = _title_tail(toks)
    if title is not None:
        return phrase_text(title), title
    kept = len([t for t in toks if t.lower_ not in _DROP])
    bare = kept == 1
    if (lemma in _CONT_HEADS or lemma in _GENERIC_ORGS) and kept <= 2:
        fuller = _fuller_mention(toks, sent)
        if fuller:
            return fuller, toks
    if bare and lemma in _GENERIC_ORGS and any(t.lower_ == "the" for t in tok.children):
        earlier = _earlier_org(sent)
        if earlier:
            return earlier, toks
    if lemma in REPORT_NOUNS:  # "unconfirmed reports said": no one named
        informative = [t for t in toks if t.i < tok.i and t.lower_ not in _DROP
                       and t.lower_ not in VAGUE_REPORT_MODS]
        if not informative:
            return None, toks
    name = phrase_text(toks)
    return (name or None), toks


def _entity_name(tok: Token) -> str | None:
    """The whole named entity the speaker heads when it runs past the noun phrase:
    "Syrian Observatory for Human Rights", "Ministry of Defence"."""
    if tok.ent_type_ not in _NAME_ENTS:
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or ent.end <= tok.i + 1:
        return None
    words = [t for t in ent if t.lower_ not in _DROP or t.i > ent.start]
    return phrase_text(words) or None


def subject_of(verb: Token) -> Token | None:
    """Who does or says what the verb tells: its subject or passive agent, through conjoined
    verbs and "X condemned the attack, saying ..."."""
    report = verb.lemma_.lower() in REPORT_VERBS
    for c in verb.children:
        if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and not report):
            return c
        if c.dep_ == "agent":
            p = pobj(c)
            if p is not None:
                return p
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return subject_of(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and report and (
            verb.lemma_.lower() not in _EVIDENCE_VERBS and verb.head.pos_ in ("VERB", "AUX")
            and verb.i > 0 and verb.doc[verb.i - 1].text == ","):
        return subject_of(verb.head)  # "X condemned the attack, saying ..."
    return None


def left_speaker(verb: Token) -> list[Token] | None:
    """The words just before a reporting verb the parser left without a subject ("Aid workers
    in the region said", "Speaking on condition of anonymity, a diplomat said")."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("auxpass", "nsubjpass", "expl") for c in verb.children):
        return None
    sent = verb.sent
    start = verb.i
    while start > sent.start and not (verb.doc[start - 1].is_punct
                                      or verb.doc[start - 1].lower_ in ("that", "which", "who")):
        start -= 1
    seg = list(verb.doc[start : verb.i])
    if len(seg) > 8 or any(t.is_space or "\n" in t.whitespace_ for t in seg):
        return None
    if not seg or not any(c.dep_ == "csubj" or c.i >= start for c in verb.children
                          if c.i < verb.i):
        return None
    words: list[Token] = []
    for t in seg:
        if t.pos_ in ("ADP", "SCONJ", "CCONJ", "AUX", "PRON", "ADV", "PART") or not t.is_alpha:
            break
        words.append(t)
        if t.pos_ in ("NOUN", "PROPN"):
            nxt = t.doc[t.i + 1]
            if nxt.pos_ not in ("NOUN", "PROPN"):
                break
    if not words or words[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    while words and (words[0].lower_ in _DROP or (words[0].pos_ == "NUM" and len(words) > 1)):
        words = words[1:]
    return words or None


def is_report_verb(tok: Token) -> bool:
    """A reporting verb ("said", "told", "claimed")."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORT_VERBS


def is_report_noun(tok: Token) -> bool:
    """A report noun ("statement", "reports")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in REPORT_NOUNS


def pobj(prep: Token) -> Token | None:
    """The object of a preposition (or of the "by" of a passive agent), if the parse gives one."""
    return next((p for p in prep.children if p.dep_ == "pobj"), None)


def names_nobody(tok: Token) -> bool:
    """ "No group has claimed ...", "nobody said": no one is named."""
    return tok.lower_ in ("nobody", "none") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
