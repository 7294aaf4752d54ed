"""Who says an event happened, and how hedged or disputed the claim is.

The attribution of an event is the reporting construction nearest to its trigger in the
dependency tree: "according to X" attached to the trigger or one of its ancestors, a reporting
verb ("said", "told AFP", "claimed") among its ancestors, or a report noun ("reports indicating").
Failing that, the nearest reporting verb in the sentence. The speaker is normalised: determiners
dropped, "a spokesman for X" -> X, pronouns and short definite phrases ("the statement",
"her office") resolved to a fuller earlier mention ("military statement",
"U.N. human rights office"); a named entity keeps its whole name ("Ministry of Defence"); "a
police spokeswoman" is the police; "a statement from X" is X; "unconfirmed reports" name no one.
A sentence that opens a quotation without attribution takes the speaker of the sentence that
closes it; a sentence with a wire credit in its dateline ("KABUL (Reuters) -") and no other
speaker takes the agency. The source is None when nothing names one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from sitrep.extract.counts import is_person_noun
from sitrep.extract.lexicon import load_data
from sitrep.nlp import doc_text

_DATA: dict[str, Any] = load_data("attribution.json")
REPORT_VERBS = frozenset(_DATA["reporting_verbs"])
_DENIAL = frozenset(_DATA["denial_verbs"])
_HEDGE_VERBS = frozenset(_DATA["hedge_verbs"])
_REPORT_NOUNS = frozenset(_DATA["report_nouns"])
_CONT_HEADS = frozenset(_DATA["continuation_heads"])
_ROLES = frozenset(_DATA["role_nouns"])
_DROP = frozenset(_DATA["drop_leading"])
_AGENCIES: dict[str, str] = _DATA["agencies"]
_MOUTHPIECES = frozenset(_DATA["mouthpiece_nouns"])
_IDENTITY_HEDGES = frozenset(_DATA["identity_hedges"])
_VAGUE_REPORT_MODS = frozenset(_DATA["vague_report_modifiers"])
_NAME_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "PERSON"})


def _phrase_re(words: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                         reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)


_HEDGE_RE = _phrase_re(_DATA["hedge_words"] + _DATA["hedge_phrases"])
_AGENCY_RE = re.compile(
    r"[(\[]\s*(?P<a>" + "|".join(re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True))
    + r")\s*[)\]]|^\s*(?P<b>" + "|".join(re.escape(a) for a in _AGENCIES) + r")\s*[-–—:]"
    + r"|[-–—]\s*(?P<c>" + "|".join(re.escape(a) for a in _AGENCIES) + r")\s*$",
    re.MULTILINE,
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "which", "who", "that"})
_NP_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case",
                      "npadvmod", "punct"})


@dataclass(slots=True)
class AttributionMention:
    """The source of an event claim and the words that attribute it."""

    source: str | None
    hedged: bool
    text: str
    start: int
    end: int
    denied: bool = False


def article_source(doc: Doc) -> str | None:
    """The news agency credited in a dateline ("MOSUL (Reuters) -") or credit line, if any."""
    head = doc_text(doc)[:400]
    tail = doc_text(doc)[-200:]
    for chunk in (head, tail):
        m = _AGENCY_RE.search(chunk)
        if m:
            return _AGENCIES[m.group("a") or m.group("b") or m.group("c")]
    return None


def _np(tok: Token) -> list[Token]:
    """The core noun phrase of a token: its pre-modifiers, without clauses or prepositions."""
    toks = [t for t in tok.subtree if t.i <= tok.i and _in_np(t, tok)]
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].lower_ in _DROP or toks[0].is_punct):
        toks = toks[1:]
    return toks or [tok]


def _in_np(t: Token, root: Token) -> bool:
    node = t
    while node.i != root.i:
        if node.dep_ not in _NP_DEPS:
            return False
        node = node.head
    return True


def _words(toks: list[Token]) -> str:
    if not toks:
        return ""
    doc = toks[0].doc
    text = doc_text(doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    return re.sub(r"\s+", " ", text).removesuffix("'s").removesuffix("’s").strip()


def _org_of(tok: Token) -> Token | None:
    """X in "a spokesman for X", "an official at X", "X's spokesman", "Name, spokesman for X"."""
    lemma = tok.lemma_.lower()
    if lemma not in _ROLES and tok.ent_type_ != "PERSON" and lemma not in _REPORT_NOUNS:
        return None
    for c in tok.children:
        if c.dep_ == "poss" and (c.pos_ == "PROPN" or (
                c.pos_ == "NOUN" and lemma in _MOUTHPIECES)):
            return c
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "with", "in", "by"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ not in _PRONOUNS and (
                    p.ent_type_ in ("ORG", "NORP", "GPE") or p.lemma_.lower() in _CONT_HEADS
                    or (lemma in _REPORT_NOUNS and c.lower_ in ("from", "by")
                        and p.pos_ in ("NOUN", "PROPN"))
                ):
                    return p
        if c.dep_ == "appos" and c.lemma_.lower() in _ROLES:
            return _org_of(c)
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
            if tok.lemma_.lower() != head.lemma_.lower() or tok.i == head.i or tok.pos_ != "NOUN":
                continue
            cand = _np(tok)
            words = [t.lower_ for t in cand]
            if len(words) > len(key) and words[-len(key):] == key and (
                best is None or len(cand) > len(best)
            ):
                best = cand
    return _words(best) if best else None


def _earlier_source(sent: Span, person: bool) -> str | None:
    """The speaker of the nearest earlier reporting verb (or a person, for he/she)."""
    for s in [sent.doc[sent.start : sent.start], *_previous_sents(sent, 4)]:
        for tok in reversed(list(s)):
            if person and tok.ent_type_ == "PERSON" and tok.dep_ in ("nsubj", "nsubjpass"):
                return _words(_np(tok))
            if not person and tok.pos_ == "VERB" and tok.lemma_.lower() in REPORT_VERBS:
                subj = _subject(tok)
                if subj is not None and subj.lower_ not in _PRONOUNS:
                    return _normalise(subj, s)[0]
    return None


def _normalise(tok: Token, sent: Span) -> tuple[str | None, list[Token]]:
    """A short source name for the speaker token and the tokens of its phrase."""
    low = tok.lower_
    if low in ("which", "who", "that"):
        verb = tok.head
        if verb.dep_ == "relcl":
            return _normalise(verb.head, sent)[0], [tok]
        return None, [tok]
    if low in ("he", "she"):
        return _earlier_source(sent, person=True), [tok]
    if low in ("it", "they", "we"):
        for anc in tok.ancestors:  # "X said that it had reports": X
            subj = _subject(anc) if _is_report_verb(anc) else None
            if subj is not None and subj.lower_ not in _PRONOUNS:
                return _normalise(subj, sent)[0], [tok]
        return _earlier_source(sent, person=False), [tok]
    toks = _np(tok)
    org = _org_of(tok)
    if org is not None:
        name, _ = _normalise(org, sent)
        return name, toks
    lemma = tok.lemma_.lower()
    if lemma in _MOUTHPIECES:  # "a police spokeswoman": the police
        mods = [t for t in toks if t.i < tok.i and t.dep_ in ("compound", "amod", "nmod")
                and t.lower_ not in _DROP]
        if mods:
            return _words(mods), toks
    ent = _entity_name(tok)
    if ent is not None:
        return ent, toks
    if tok.lemma_.lower() in _CONT_HEADS and len([t for t in toks if t.lower_ not in _DROP]) <= 2:
        fuller = _fuller_mention(toks, sent)
        if fuller:
            return fuller, toks
    if lemma in _REPORT_NOUNS:  # "unconfirmed reports said": no one named
        informative = [t for t in toks if t.i < tok.i and t.lower_ not in _DROP
                       and t.lower_ not in _VAGUE_REPORT_MODS]
        if not informative:
            return None, toks
    name = _words(toks)
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
    return _words(words) or None


def _subject(verb: Token) -> Token | None:
    report = verb.lemma_.lower() in REPORT_VERBS
    for c in verb.children:
        if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and not report):
            return c
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _subject(verb.head)
    if verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG":  # "X, speaking to Y, said"
        return None
    return None


def _according(tok: Token) -> Token | None:
    for c in tok.children:
        if c.lower_ == "according":
            for to in c.children:
                for p in to.children:
                    if p.dep_ == "pobj":
                        return p
    return None


def _is_report_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORT_VERBS


def _is_report_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _REPORT_NOUNS


@dataclass(slots=True)
class _Cue:
    kind: str  # "according", "verb", "noun"
    tok: Token
    speaker: Token | None


def _cue_at(tok: Token) -> _Cue | None:
    acc = _according(tok)
    if acc is not None:
        return _Cue("according", tok, acc)
    if _is_report_verb(tok):
        return _Cue("verb", tok, _subject(tok))
    if _is_report_noun(tok) and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        owner = _subject(tok.head) if tok.head.pos_ in ("VERB", "AUX") else None
        if tok.dep_.startswith("nsubj"):
            owner = tok
        return _Cue("noun", tok, owner)
    return None


def _choose(sent: Span, trigger: int | None) -> _Cue | None:
    """The reporting construction nearest the trigger in the tree that names a speaker."""
    doc = sent.doc
    if trigger is not None and sent.start <= trigger < sent.end:
        node = doc[trigger]
        for _ in range(30):
            cue = _cue_at(node) if node.i != trigger or _according(node) is not None else None
            if cue is not None and cue.speaker is not None:
                return cue
            if node.head.i == node.i:
                break
            node = node.head
    cues = [c for t in sent if (c := _cue_at(t)) is not None and c.speaker is not None]
    verbal = [c for c in cues if c.kind != "noun"]
    cues = verbal or cues
    if not cues:
        return None
    if trigger is None:
        return cues[0]
    return min(cues, key=lambda c: abs(c.tok.i - trigger))


def _quote_closer(sent: Span) -> Span | None:
    """For a sentence that opens a quotation and leaves it open, the sentence that closes it."""
    text = sent.text.lstrip()
    if not text or text[0] not in "“\"" or "”" in text[1:] or text.count('"') >= 2:
        return None
    doc = sent.doc
    i = sent.end
    for _ in range(4):
        if i >= len(doc):
            return None
        nxt = doc[i].sent
        if "\n\n" in doc_text(doc)[sent.end_char : nxt.start_char]:
            return None
        if "”" in nxt.text or '"' in nxt.text:
            return nxt
        i = nxt.end
    return None


def _denied(sent: Span, trigger: int | None) -> Token | None:
    for tok in sent:
        if (tok.pos_ == "VERB" and tok.lemma_.lower() in _DENIAL) and (
            trigger is None or trigger == tok.i or any(t.i == trigger for t in tok.subtree)
        ):
            return tok
    return None


def _hedge(doc: Doc, sent: Span) -> re.Match[str] | None:
    """The first hedge in the sentence. "suspected" or "alleged" before a person noun
    ("suspected militants") doubts who they are, not that the event happened."""
    for m in _HEDGE_RE.finditer(sent.text):
        if m.group(0).lower() in _IDENTITY_HEDGES:
            span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                                 alignment_mode="expand")
            if span is not None and span.root.dep_ == "amod" and is_person_noun(
                    span.root.head.lemma_.lower()):
                continue
        return m
    return None


def _credit(sent: Span) -> tuple[str, int, int] | None:
    """A wire credit in the sentence's dateline ("KABUL (Reuters) -")."""
    m = _AGENCY_RE.search(sent.text[:120])
    if m is None or not (m.group("a") or m.group("b")):
        return None
    key = m.group("a") or m.group("b")
    return _AGENCIES[key], sent.start_char + m.start(), sent.start_char + m.end()


def find_attribution(doc: Doc, sent: Span, trigger: int | None = None) -> AttributionMention | None:
    """Attribution of the event whose trigger token is in `sent`; None when there is none."""
    cue = _choose(sent, trigger)
    hedge = _hedge(doc, sent)
    denial = _denied(sent, trigger)
    if cue is None:
        closer = _quote_closer(sent)
        if closer is not None:
            cue = _choose(closer, None)
    hedged = hedge is not None or (
        cue is not None and cue.kind == "verb" and cue.tok.lemma_.lower() in _HEDGE_VERBS
    )
    if cue is None:
        credit = _credit(sent)
        if credit is not None and denial is None:
            agency, start, end = credit
            return AttributionMention(agency, hedged, doc_text(doc)[start:end], start, end)
        if hedge is None and denial is None:
            return None
        if hedge is not None:
            start, end = sent.start_char + hedge.start(), sent.start_char + hedge.end()
        else:
            assert denial is not None
            start, end = denial.idx, denial.idx + len(denial.text)
        return AttributionMention(None, hedged, doc_text(doc)[start:end], start, end,
                                  denial is not None)
    source: str | None = None
    toks: list[Token] = [cue.tok]
    if cue.speaker is not None:
        source, sp = _normalise(cue.speaker, cue.speaker.sent)
        toks.extend(sp)
    if cue.kind == "according":
        toks = [t for t in cue.tok.children if t.lower_ == "according"] + _np(cue.speaker) \
            if cue.speaker is not None else toks
    elif cue.kind == "verb":
        toks.extend(c for c in cue.tok.children if c.dep_ in ("dobj", "dative")
                    and c.pos_ in ("PROPN", "NOUN", "PRON") and c.i > cue.tok.i)
    elif cue.kind == "noun":
        toks.extend(c for c in cue.tok.children if c.dep_ == "acl" and c.tag_ == "VBG"
                    and (c.lemma_.lower() in REPORT_VERBS or c.lower_ == "suggesting"))
        if cue.speaker is not None and cue.speaker.i != cue.tok.i:
            source = source if source else None
        elif cue.speaker is not None:
            source = _words(_np(cue.tok)) if len(_np(cue.tok)) > 1 else None
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return AttributionMention(source, hedged, doc_text(doc)[start:end], start, end,
                              denial is not None)
