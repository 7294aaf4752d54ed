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
closes it; a sentence with a wire credit in its dateline ("KABUL (Reuters) -", also when the
parser makes the dateline a sentence of its own) and no other speaker takes the agency. The
source is None when nothing names one.

Further speaker rules: "X condemned the attack, saying ..." is X; "Xinhua quoted / cited X as
saying" is X; a speaker the parse leaves without a subject ("Aid workers in the region said")
is read off the words before the verb; "it said" after a sentence whose subject is an
organisation, and "the group" or "the Observatory" after a sentence naming it, take that name;
leading counts ("two security sources") and descriptive modifiers before a proper name ("the
Iran-backed Houthis") are dropped; capitalised names run on past "of"/"for" ("UN Office for the
Coordination of Humanitarian Affairs"); "the governor of Belgorod" and "Sudan's army chief" stay
office holders, while "officials in Kabul" are officials; "a statement issued by X" is X.
Negated reports ("police have not said", "no group has claimed") name no one and hedge nothing;
"suspected bomb maker" and "men believed to be militia members" doubt identities, not events.
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
_IDENTITY_HEADS = frozenset(_DATA["identity_head_nouns"])
_OFFICE_HOLDERS = frozenset(_DATA["office_holders"])
_LEADERS = frozenset(_DATA["leader_roles"])
_TITLE_TAILS = [t.split() for t in _DATA["title_tails"]]
_VERB_ONLY_HEDGES = frozenset(_DATA["verb_only_hedges"])
_COUNT_NOUNS = frozenset(_DATA["count_nouns"])
_EVIDENCE_VERBS = frozenset(_DATA["evidence_verbs"])
_SOURCELESS = frozenset(_DATA["sourceless_nouns"])
_GENERIC_ORGS = frozenset(_DATA["generic_org_nouns"])
_DESCRIPTIVE_MODS = tuple(_DATA["descriptive_name_modifiers"])
_ISSUING = frozenset(_DATA["issuing_verbs"])
_NAME_LINKS = frozenset({"of", "for", "the", "and", "on", "to", "in"})
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


def _words(toks: list[Token]) -> str:
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
                p = next((p for p in c.children if p.dep_ == "pobj"), None)
                if p is not None and p.ent_type_ == "ORG":
                    return p
        return None
    if lemma not in _ROLES and tok.ent_type_ != "PERSON" and lemma not in _REPORT_NOUNS:
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
                        t.lemma_.lower() in _CONT_HEADS for t in _np(p))):
                    continue  # "officials in Kabul": where they are, not whom they speak for
                if p.dep_ == "pobj" and p.lower_ not in _PRONOUNS and (
                    p.ent_type_ in ("ORG", "NORP", "GPE") or p.lemma_.lower() in _CONT_HEADS
                    or (lemma in _MOUTHPIECES and p.lemma_.lower() in _ROLES)
                    or (lemma in _REPORT_NOUNS and c.lower_ in ("from", "by")
                        and p.pos_ in ("NOUN", "PROPN"))
                ):
                    return p
        if c.dep_ == "acl" and lemma in _REPORT_NOUNS and c.lemma_.lower() in _ISSUING:
            # "a statement issued by the army"
            for agent in c.children:
                if agent.dep_ == "agent":
                    by = next((p for p in agent.children if p.dep_ == "pobj"), None)
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
            p = next((p for p in c.children if p.dep_ == "pobj"), None)
            if p is not None and (p.ent_type_ == "GPE" or p.pos_ == "PROPN"):
                return [*_np(tok), c, *_np(p)]
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
            cand = _np(tok)
            words = [t.lower_ for t in cand]
            if len(words) > len(key) and words[-len(key):] == key:
                ent = _entity_name(tok)
                if ent is not None:
                    return ent
                if best is None or len(cand) > len(best):
                    best = cand
    return _words(best) if best else None


def _earlier_org(sent: Span) -> str | None:
    """ "The group said": the organisation that was the subject of the sentence before."""
    for s in _previous_sents(sent, 2):
        for tok in s:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ == "ORG" and (
                    tok.pos_ == "PROPN"):
                return _entity_name(tok) or _words(_np(tok))
    return None


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
    if not person:
        for s in _previous_sents(sent, 1):
            subj = _subject(s.root) if s.root.pos_ in ("VERB", "AUX") else None
            if subj is not None and subj.lower_ not in _PRONOUNS and (
                    subj.ent_type_ in ("ORG", "NORP") or subj.lemma_.lower() in _CONT_HEADS):
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
    office = _office_of(tok)
    if office is not None:
        return _words(office), office
    toks = _np(tok)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.dep_ == tok.dep_ and nxt.head.i == (
            tok.head.i) and tok.lemma_.lower() in _CONT_HEADS:
        return _words([*toks, nxt]), [*toks, nxt]
    lemma = tok.lemma_.lower()
    if lemma in _MOUTHPIECES and any(t.dep_ in ("compound", "amod", "nmod") for t in toks):
        # "a police spokeswoman": the police; "Nigeria's police spokesman": Nigeria's police
        return _words([t for t in toks if t.i < tok.i]), toks
    org = _org_of(tok)
    if org is not None:
        name, _ = _normalise(org, sent)
        return name, toks
    if lemma in _SOURCELESS and not any(t.ent_type_ in _NAME_ENTS for t in toks):
        return None, toks  # "according to preliminary information"
    ent = _entity_name(tok)
    if ent is not None:
        return ent, toks
    tail = _name_tail(toks)
    if len(tail) > len(toks):
        return _words(tail), tail
    title = _title_tail(toks)
    if title is not None:
        return _words(title), title
    bare = len([t for t in toks if t.lower_ not in _DROP]) == 1
    if (tok.lemma_.lower() in _CONT_HEADS or tok.lemma_.lower() in _GENERIC_ORGS) and len(
            [t for t in toks if t.lower_ not in _DROP]) <= 2:
        fuller = _fuller_mention(toks, sent)
        if fuller:
            return fuller, toks
    if bare and lemma in _GENERIC_ORGS and any(t.lower_ == "the" for t in tok.children):
        earlier = _earlier_org(sent)
        if earlier:
            return earlier, toks
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
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and report and (
            verb.lemma_.lower() not in _EVIDENCE_VERBS and verb.head.pos_ in ("VERB", "AUX")
            and verb.i > 0 and verb.doc[verb.i - 1].text == ","):
        return _subject(verb.head)  # "X condemned the attack, saying ..."
    return None


def _left_speaker(verb: Token) -> list[Token] | None:
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
    phrase: list[Token] | None = None  # the speaker's words where the parse gives no subject


def _nobody(tok: Token) -> bool:
    """ "No group has claimed ...", "nobody said": no one is named."""
    return tok.lower_ in ("nobody", "none") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _cue_at(tok: Token) -> _Cue | None:
    acc = _according(tok)
    if acc is not None:
        return _Cue("according", tok, acc)
    if _is_report_verb(tok):
        if tok.lemma_.lower() in ("quote", "cite"):  # "Xinhua quoted an officer as saying"
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None and any(c.lower_ == "as" and any(g.lower_ == "saying"
                                       for g in c.children) for c in tok.children):
                return _Cue("verb", tok, obj)
        subj = _subject(tok)
        if (subj is not None and _nobody(subj)) or any(c.dep_ == "neg" for c in tok.children):
            return None  # "no group has claimed", "the Pentagon has not confirmed"
        if subj is None:
            phrase = _left_speaker(tok)
            if phrase is not None:
                return _Cue("verb", tok, phrase[-1], phrase)
        return _Cue("verb", tok, subj)
    if _is_report_noun(tok) and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        owner = _subject(tok.head) if tok.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ == "neg" for c in tok.head.children) else None
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
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                             alignment_mode="expand")
        if span is None:
            return m
        root = span.root
        if m.group(0).lower() in _IDENTITY_HEDGES and root.dep_ == "amod" and (
                is_person_noun(root.head.lemma_.lower())
                or root.head.lemma_.lower() in _IDENTITY_HEADS):
            continue
        if root.dep_ == "acl" and root.tag_ == "VBN" and is_person_noun(
                root.head.lemma_.lower()):
            continue  # "armed men, believed to be members of a militia"
        if m.group(0).lower() in _VERB_ONLY_HEDGES and root.dep_ == "amod":
            continue  # "the disputed region"
        if root.pos_ == "VERB" and root.lemma_.lower() in _HEDGE_VERBS and any(
                c.dep_ == "neg" or (c.dep_ == "nsubj" and _nobody(c)) for c in root.children):
            continue  # "no group has claimed responsibility": nothing is claimed
        return m
    return None


def _credit(sent: Span) -> tuple[str, int, int] | None:
    """A wire credit in the sentence's dateline ("KABUL (Reuters) -")."""
    m = _AGENCY_RE.search(sent.text[:120])
    at = sent.start_char
    if m is None and sent.start > 0:  # the dateline parsed as a sentence of its own
        prev = sent.doc[sent.start - 1].sent
        if len(prev.text) <= 100 and prev.text.rstrip()[-1:] in ("-", "–", "—", ":"):
            m = _AGENCY_RE.search(prev.text)
            at = prev.start_char
    if m is None or not (m.group("a") or m.group("b")):
        return None
    key = m.group("a") or m.group("b")
    return _AGENCIES[key], at + m.start(), at + m.end()


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
        if cue.phrase and cue.phrase[0].i < min(t.i for t in sp):
            source, sp = _words(cue.phrase), cue.phrase
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
            np = _np(cue.tok)
            vague = all(t.lower_ in _VAGUE_REPORT_MODS for t in np if t.i < cue.tok.i)
            source = _words(np) if len(np) > 1 and not vague else None
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return AttributionMention(source, hedged, doc_text(doc)[start:end], start, end,
                              denial is not None)
