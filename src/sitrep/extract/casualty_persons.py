"""Victims told without a figure: one person killed or hurt ("a man died", "he was wounded"),
survival, and the attacker's own death ("and then himself")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualty_figures import _passive_like, fires_at_people
from sitrep.extract.casualty_lexicon import (
    _ADJ_TRIGGERS,
    _NOT_PERSON_MODIFIERS,
    _NOUN_TRIGGERS,
    _OF_VICTIM,
    _ORDINAL_VALUES,
    _PERSON_NOUNS,
    _REFLEXIVE,
    _SHOT_VERBS,
    _SUFFER_VERBS,
    _SURVIVE_VERBS,
    _VERB_TRIGGERS,
    _WEAPON_NOUNS,
    _WHO,
    Kind,
)
from sitrep.extract.casualty_mention import CasualtyMention, _overlaps
from sitrep.extract.casualty_words import (
    _COUNTERFACTUAL,
    _FATAL_ADJECTIVES,
    _FOUND_VERBS,
    _NAME_MISREAD,
    _condition_headline,
    _death_verb,
    _fatal,
    _is_age,
    _trigger_kind,
)
from sitrep.extract.lexicon import load_data
from sitrep.nlp import doc_text
from sitrep.record import Count

_COUNTS = load_data("counts.json")
_ONE_DEATH_NOUNS = frozenset(_COUNTS["one_death_nouns"])
_ONE_DEATH_ACTS = frozenset(_COUNTS["one_death_acts"])
_ONE_DEATH_NOT_MODIFIERS = frozenset(_COUNTS["one_death_not_modifiers"])
_ONE_DEATH_NOT_HEADS = frozenset(_COUNTS["one_death_not_heads"])
_ONE_DEATH_NOT_GOVERNORS = frozenset(_COUNTS["one_death_not_governors"])
_ONE_DEATH_LEGAL_VERBS = frozenset(_COUNTS["one_death_legal_verbs"])
_PRONOUNCE_VERBS = frozenset(_COUNTS["pronounce_verbs"])


def _victim_of(trig: Token, role: str) -> Token | None:
    """The one person a casualty word is about, when no figure is given: "a man was shot",
    "Smith died", "he was pronounced dead", "killing a teenager", "a woman suffered gunshot
    wounds"."""
    node = trig
    if role == "noun":
        of = _of_person(trig)
        if of is not None:
            return of
        if _condition_headline(trig):
            return _one_person(trig, trig)  # "Teen in critical condition after shooting"
        if trig.lower_ == "body" and trig.dep_ in ("nsubjpass", "dobj") and (
                trig.head.lemma_.lower() in _FOUND_VERBS) and any(
                c.dep_ == "det" and c.lower_ in ("a", "the") for c in trig.children):
            return trig  # "a body was found", "police discovered a body"
        if trig.dep_ == "dobj" and trig.head.lemma_.lower() in _SUFFER_VERBS:
            node = trig.head  # "a woman suffered gunshot wounds"
        elif trig.dep_ == "pobj" and trig.head.lower_ == "from" and (
                trig.head.head.lemma_.lower() in _SUFFER_VERBS):
            node = trig.head.head  # "his wife, who suffered from minor injuries"
        elif trig.dep_ == "pobj" and trig.head.lower_ == "with" and trig.head.head.pos_ == "VERB" \
                and _NOUN_TRIGGERS.get(trig.lemma_.lower()) == "injured":
            node = trig.head.head  # "a man was found with a gunshot wound", not "charged with
            # murder"
        elif trig.dep_ == "pobj" and trig.head.lower_ == "with" and (
                trig.head.head.dep_ in ("dobj", "nsubjpass")) and (
                trig.head.head.head.lemma_.lower() in _FOUND_VERBS) and (
                _NOUN_TRIGGERS.get(trig.lemma_.lower()) == "injured"):
            return _one_person(trig.head.head, trig)  # "they found a boy with a gunshot wound"
        else:
            return None
    elif role == "adj" and (trig.dep_ == "oprd" or (
            trig.dep_ in ("ccomp", "advcl") and trig.head.lemma_.lower() in _PRONOUNCE_VERBS)) \
            and trig.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in trig.head.children):
        # "the shooting left a teenager dead"; "the coroner pronounced Roe dead", where the
        # parser also hangs "dead" on the verb as a clause
        obj = next(c for c in trig.head.children if c.dep_ == "dobj")
        if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in obj.children):
            # "left three hurt and a clerk dead": the first object has its own state, and
            # the parser hangs the second on it or on "dead"
            last = next((c for c in obj.conjuncts if obj.i < c.i < trig.i), None) or next(
                (c for c in trig.children if c.dep_ == "nsubj"), None)
            return _one_person(last, trig, alone=True) if last is not None else None
        return _one_person(obj, trig)  # "the shooting left a teenager dead"
    elif role == "adj" and trig.dep_ == "amod" and trig.head.dep_ == "dobj" and (
            trig.head.head.lemma_.lower() in _FOUND_VERBS | _PRONOUNCE_VERBS | {"leave"}):
        return _one_person(trig.head, trig)  # "police found a man dead", "pronounced Roe dead"
    elif role == "adj" and trig.dep_ == "amod" and trig.i > trig.head.i and (
            trig.head.dep_ == "conj") and (_left(trig.head.head) or (
            trig.head.head.dep_ == "dobj" and _left(trig.head.head.head))):
        # "a crash that left two hurt and a cyclist dead": the second object and its state
        return _one_person(trig.head, trig, alone=True)
    elif role == "adj" and trig.dep_ in ("acomp", "oprd", "xcomp") and trig.head.pos_ in (
            "VERB", "AUX"):
        node = trig.head
    elif trig.dep_ == "acl" and trig.tag_ == "VBN" and (
            trig.head.pos_ == "NOUN" or _is_age(trig.head) or trig.head.lower_ == "another"):
        if fires_at_people(trig):
            return None  # "a man shot at officers": the one who fired
        # "they found a woman shot in the arm", "reports of a 3-year-old shot dead",
        # headline style "teen killed, another injured"
        return _one_person(trig.head, trig)
    if any(c.dep_ == "neg" for c in node.children) or any(c.dep_ == "neg" for c in
                                                              trig.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _COUNTERFACTUAL for c in trig.children):
        return None  # "he could have died", "she would have been killed"
    subj = _subject(node)
    if subj is None and node.dep_ == "xcomp" and node.head.pos_ == "VERB" and (
            node.head.lemma_.lower() in _FOUND_VERBS) and _fatal(trig):
        subj = next((c for c in node.head.children if c.dep_ == "nsubjpass"), None)
        # "a brother and sister were found fatally shot" (not "found shot": dead or alive)
    if subj is None and node.tag_ == "VBG" and node.lemma_.lower() in _SUFFER_VERBS:
        subj = _clause_subject(node)  # "a man was found suffering from gunshot wounds"
    if subj is None and node.dep_ in ("conj", "dep") and node.head.pos_ in ("VERB", "AUX"):
        # "was shot and died", headline style "Student dropped off by friends, then shot dead"
        subj = next((c for c in node.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subj is not None and subj.dep_ == "nsubj" and role == "verb" and not _passive_like(
            trig.doc, trig, len(trig.doc)):
        subj = None  # "a man killed ...": the killer, not a victim
    if subj is None and role == "verb" and trig.tag_ in ("VBG", "VBD", "VBZ", "VBP"):
        subj = next((c for c in trig.children if c.dep_ == "dobj"), None)
    if subj is None and role == "verb" and trig.i + 1 < len(trig.doc) and (
            trig.doc[trig.i + 1].lower_ in _REFLEXIVE):
        subj = trig.doc[trig.i + 1]  # headline style: "3-year-old fatally shoots self"
    if subj is None and (_death_verb(trig) or (
            role == "adj" and trig.lower_ == "dead") or any(
            c.dep_ == "auxpass" and c.lower_ == "being" for c in trig.children)):
        # "she was flown to a trauma unit before being declared dead", "a boy is recovering
        # after being shot"
        subj = _clause_subject(node)
    if subj is not None and subj.lower_ in ("who", "that") and node.dep_ == "relcl":
        subj = node.head  # "Summerfield, who died at the scene"
    if subj is not None and len(subj.text) > 1 and subj.text.isupper() and subj.i < node.i \
            and not trig.text.isupper():
        # "ELMTOWN, Wis. - A 17-year-old was shot": the parser takes a dateline in capitals
        # for the subject and hangs the true one on it
        subj = next((t for t in trig.doc[subj.i + 1:node.i] if t.pos_ in ("NOUN", "ADJ")
                     and _one_person(t, trig, alone=True) is not None), None)
    if subj is None and role == "verb" and (trig.tag_ == "VBN" or _death_verb(trig) or (
            trig.tag_ == "VBD" and not any(c.dep_ == "dobj" for c in trig.children))):
        return _age_opener(trig)  # "Boy, 14, fatally shot in park" (a past form, no object)
    if subj is None:
        return None
    return _one_person(subj, trig)


def _age_opener(trig: Token) -> Token | None:
    """Headline style "Boy, 14, fatally shot in park", "Girl, 7, dies after ...": the person
    named before an age set off by commas at the start of the sentence, when only adverbs
    stand between it and the casualty word (the parser often takes the first word for an
    interjection and finds no subject)."""
    doc, start = trig.doc, trig.sent.start
    for i in range(start + 1, min(trig.i - 2, start + 5)):
        if doc[i].text != "," or doc[i + 2].text != "," or not doc[i + 1].text.isdigit():
            continue
        if not 0 < int(doc[i + 1].text) < 110 or any(
                t.pos_ != "ADV" for t in doc[i + 3:trig.i]):
            return None
        person = doc[i - 1]
        if person.lower_ in _PERSON_NOUNS or person.ent_type_ == "PERSON":
            return person
        return None
    return None


def _subject(node: Token) -> Token | None:
    """The subject of `node`; of two, the one nearer before it: a dateline the parser joins
    to the first sentence ("SPRINGFIELD, Ill. (WXYZ) - A 3-year-old has died") is read as a
    second subject, ahead of the true one."""
    subjects = [c for c in node.children if c.dep_ in ("nsubjpass", "nsubj")]
    before = [c for c in subjects if c.i < node.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _clause_subject(node: Token) -> Token | None:
    """The subject of the clause a subjectless verb phrase hangs on ("he was treated before
    being declared dead"): up through prepositions, adverbial and open clauses."""
    cur = node
    for _ in range(3):
        if cur.dep_ not in ("pcomp", "prep", "advcl", "xcomp", "conj"):
            return None
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is not None:
            return subj
    return None



def _of_person(trig: Token) -> Token | None:
    """"the shooting death of Jane Doe", "the homicide of a local man", "her death": the one
    person."""
    if trig.pos_ != "NOUN" or trig.lemma_.lower() not in _OF_VICTIM:
        return None
    of = next((c for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:  # "her death", "the boy's death"
        obj = next((c for c in trig.children if c.dep_ == "poss"), None)
        if obj is not None and obj.lower_ in ("his", "her"):
            return obj
    return _one_person(obj, trig) if obj is not None else None


def _conjuncts(tok: Token) -> list[Token]:
    """The words coordinated with `tok` ("a man and a woman"), in order."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "conj":
            out += [c, *_conjuncts(c)]
    return out


def _listed(subj: Token, trig: Token) -> list[Token]:
    """The persons after the first of a list the parser reads as an apposition with
    conjuncts ("a 59-year-old man, a 49-year-old woman and a 53-year-old man": the woman is
    read as the man's apposition, the second man as hers); none for a true apposition ("Roe,
    a 30-year-old cook")."""
    if not _introduced(subj):
        return []
    for c in subj.children:
        if c.dep_ != "appos" or c.i < subj.i or subj.doc[c.left_edge.i - 1].text != ",":
            continue
        rest = [c, *_conjuncts(c)]
        if len(rest) > 1 and all(_one_person(t, trig, alone=True) is not None
                                 and t.pos_ != "PROPN" and _introduced(t) for t in rest):
            return rest
    return []


def _listed_before(victim: Token) -> Token | None:
    """Headline style, "Man, woman shot in park", "4-year-old boy, woman wounded": a person's
    word that opens the sentence, a comma and then the victim's word, both without an
    article, tell two victims (the parser reads the first as the head of the sentence)."""
    doc = victim.doc
    if any(c.dep_ == "det" for c in victim.children) or victim.pos_ == "PROPN":
        return None
    k = victim.i
    while k > 0 and (doc[k - 1].pos_ in ("ADJ", "NUM") or doc[k - 1].text == "-"
                     or doc[k - 1].lower_ in ("year", "years")):
        k -= 1  # "a man, 17-year-old girl": the victim's own modifiers
    if k < 2 or doc[k - 1].text != ",":
        return None
    first = doc[k - 2]
    if first.pos_ == "PROPN" or not (first.lemma_.lower() in _PERSON_NOUNS or _is_age(first)):
        return None
    opening = doc[first.sent.start:first.i]
    if not all(t.pos_ in ("NUM", "ADJ", "PUNCT") or t.lower_ in ("year", "years")
               for t in opening):
        return None  # "Police say a man, woman ..."
    return first


def _introduced(tok: Token) -> bool:
    """A person noun with its own article or age ("a woman", "49-year-old woman"), not one
    more word for the same person ("a neighbor and close friend")."""
    return any(c.dep_ == "det" or (c.dep_ == "amod" and _is_age(c)) for c in tok.children)


def _name_like(tok: Token) -> bool:
    """A proper noun written as a name ("Okafor"), not a word of a text in capitals, whose
    tags and entities say little."""
    return tok.tag_ == "NNP" and not tok.text.isupper()


def _left(tok: Token) -> bool:
    """"left" (as in "left a man dead"), or a noun that a clause of "left" tells of ("a
    shooting that left ...")."""
    return tok.lemma_.lower() == "leave" or any(
        c.dep_ in ("relcl", "acl") and c.lemma_.lower() == "leave" for c in tok.children)


def _one_person(subj: Token, trig: Token, alone: bool = False) -> Token | None:
    """`subj` when it names one person, or persons coordinated one by one ("a 16-year-old
    boy and a 20-year-old woman": `_persons` counts them)."""
    if not alone:
        others = _conjuncts(subj)
        if others and not all(_one_person(o, trig, alone=True) for o in others):
            return None
    low = subj.lower_
    if low in ("he", "she", "him", "her", "another") or (
            low in _REFLEXIVE and (trig.lemma_.lower() in _VERB_TRIGGERS
                                               or trig.lemma_.lower() in _SHOT_VERBS)):
        return subj
    if low in _ORDINAL_VALUES and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the")
                                for c in subj.children):
        return subj  # "a fifth was hurt": one person, the last of that many
    if any(c.dep_ == "nummod" or c.lower_ in _NOT_PERSON_MODIFIERS for c in subj.children):
        return None  # counted ("two men") or not counted as a person ("an unborn child")
    if _is_age(subj) or (subj.tag_ == "NNP" and any(
            c.dep_ == "amod" and _is_age(c) for c in subj.children)):
        return subj  # "a 16-year-old", "43-year-old Ann Roe"
    if subj.tag_ not in ("NN", "NNP"):
        return None
    if any(c.lower_ in ("no", "every", "each", "any", "some") for c in subj.children):
        return None
    if subj.ent_type_ == "PERSON" or subj.lemma_.lower() in _PERSON_NOUNS:
        return subj
    deadly = "killed" in (_VERB_TRIGGERS.get(trig.lemma_.lower()), _ADJ_TRIGGERS.get(trig.lower_))
    # a name with no entity type, or, written as a name, one the small model took for an
    # organisation, a place or a building
    named = subj.tag_ == "NNP" and (not subj.ent_type_ or (
        _name_like(subj) and subj.ent_type_ in _NAME_MISREAD))
    if named and trig.pos_ != "NOUN" and _death_verb(trig):
        return subj  # "Okafor died"
    if named and trig.pos_ != "NOUN" and (
            deadly and (subj.dep_ == "nsubjpass" or subj.head.lemma_ == "be")):
        return subj  # "Lindqvist was found dead": named and dead, so a person (the small
        # model tags some such names as an organisation, a place or a building)
    return None


def _survival(tok: Token) -> tuple[Kind, Token] | None:
    """One person told alive after being hurt, or told not to have survived: "the other
    victim survived", "she is expected to survive / to recover / to live", "he is
    recovering" (injured); "the victim did not survive" (killed). Not "is survived by his
    wife", "survived the crash" nor "recovered the gun"."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    expected = tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "expect"
    if not (lemma in _SURVIVE_VERBS or (lemma == "live" and expected)):
        return None
    if any(c.dep_ in ("dobj", "agent", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "by")
           for c in tok.children):
        return None
    negated = any(c.dep_ == "neg" for c in tok.children)
    if expected and any(c.dep_ == "neg" for c in tok.head.children):
        return None  # "is not expected to survive": a prognosis
    node, subj = tok, _subject(tok)
    for _ in range(2):  # "was shot and is expected to survive"
        if subj is not None or node.dep_ not in ("xcomp", "conj") or node.head.pos_ not in (
                "VERB", "AUX"):
            break
        node = node.head
        subj = _subject(node)
    if subj is None:
        return None
    if subj.lower_ == "other" and any(c.lower_ == "the" for c in subj.children):
        person: Token | None = subj  # "the other survived"
    elif _name_like(subj) and subj.ent_type_ in _NAME_MISREAD | {"PERSON"}:
        person = subj  # "Okafor is expected to survive": what survives is a person
    else:
        person = _one_person(subj, tok, alone=True)
    return ("killed" if negated else "injured", person) if person is not None else None


def _singles(doc: Doc, sent: Span, taken: list[tuple[int, int]]) -> list[CasualtyMention]:
    out: list[CasualtyMention] = []
    seen: set[int] = set()
    for tok in sent:
        tk = _trigger_kind(tok)
        if tk is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _OF_VICTIM:
            tk = (_OF_VICTIM[tok.lemma_.lower()], "noun")  # "the shooting of a 13-year-old"
            if any(c.dep_ == "amod" and c.lower_ in _FATAL_ADJECTIVES for c in tok.children):
                tk = ("killed", "noun")  # "the fatal shooting of a 13-year-old"
        survived = _survival(tok) if tk is None else None
        if survived is not None:
            tk = (survived[0], "verb")
        if tk is None:
            continue
        victim = survived[1] if survived is not None else _victim_of(tok, tk[1])
        if victim is None:
            continue
        if victim.i in seen:
            # "a clerk wounded in the robbery has died": the same person, now dead
            k = next((j for j, m in enumerate(out) if m.person == victim.i), None)
            if k is not None and tk[0] == "killed" and out[k].kind == "injured":
                old = out[k]
                out[k] = CasualtyMention("killed", old.count, old.start, old.end, tok.i,
                                         person=victim.i)
            continue
        start = min(t.idx for t in victim.subtree if t.i <= victim.i and t.dep_ != "punct")
        start = max(start, sent.start_char)
        end = victim.idx + len(victim.text)
        if _overlaps(start, end, taken):
            continue
        seen.add(victim.i)
        who = _WHO.get(victim.lower_, _WHO.get(victim.lemma_.lower()))
        span = doc.char_span(start, end, alignment_mode="expand")
        text = span.text if span is not None else doc_text(doc)[start:end]
        before = _listed_before(victim)
        if before is not None:
            start = max(before.sent.start_char, sent.start_char)  # "Man, woman shot"
        more = len(_conjuncts(victim)) + len(_listed(victim, tok))
        selves = _then_self(tok, victim) if tk[0] == "injured" else []
        n = 1 + more + (before is not None) + len(selves)
        if n > 1:
            if more:
                end = max(end, max(t.idx + len(t.text) for t in victim.subtree))
            if selves:
                end = max(end, selves[-1].idx + len(selves[-1].text))
            who = None
            text = doc_text(doc)[start:end]
        out.append(CasualtyMention(tk[0], Count(n, n, n, who, text), start, end, tok.i,
                                   person=victim.i))
    return out




def _then_self(trig: Token, victim: Token) -> list[Token]:
    """The attacker shot too, told after the object as the verb's own conjunct: "shot his
    girlfriend and then himself" (the parser hangs "himself" on "shot", not on "girlfriend")."""
    if victim.dep_ != "dobj" or victim.head != trig:
        return []
    return [c for c in trig.children if c.dep_ == "conj" and c.lower_ in _REFLEXIVE]


def _own_death(tok: Token) -> Token | None:
    """The casualty word of the attacker's own death: "... and then himself" after a killing
    verb, "(taking) his own life", "turned the gun on himself"."""
    if tok.lower_ in _REFLEXIVE and tok.dep_ == "conj":
        return tok.head if _VERB_TRIGGERS.get(tok.head.lemma_.lower()) == "killed" else None
    if tok.lower_ in _REFLEXIVE and tok.dep_ == "pobj" and tok.head.lower_ == "on":
        verb = tok.head.head
        if verb.lemma_.lower() == "turn" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _WEAPON_NOUNS for c in verb.children):
            return verb
        return None
    if (tok.lemma_.lower() == "life" and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() == "take"
            and any(c.lower_ == "own" for c in tok.children)):
        return tok.head
    return None


def _own_deaths(doc: Doc, sent: Span) -> list[CasualtyMention]:
    """The attacker's own death told beside the victims': "killed three people and then
    himself", "before taking his own life", "then turned the gun on himself"."""
    out: list[CasualtyMention] = []
    for tok in sent:
        trig = _own_death(tok)
        if trig is None:
            continue
        start = tok.idx if tok.lower_ in _REFLEXIVE else min(t.idx for t in tok.subtree)
        end = tok.idx + len(tok.text)
        out.append(CasualtyMention("killed", Count(1, 1, 1, None, doc_text(doc)[start:end]),
                                   start, end, trig.i, perpetrator=True))
    return out


def _one_death_act(tok: Token) -> bool:
    """A death told as an act, no victim named: "charged in the shooting death", "a fatal
    shooting", "charged with murder" (`one_death_nouns` in counts.json)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.dep_ in ("compound", "amod", "nmod", "attr"):
        return False  # a modifier ("murder charge"), or what a thing was called ("it was murder")
    lemma = tok.lemma_.lower()
    fatal = lemma in _ONE_DEATH_ACTS and any(
        c.dep_ == "amod" and c.lower_ in _FATAL_ADJECTIVES for c in tok.children)
    if not (fatal or lemma in _ONE_DEATH_NOUNS):
        return False
    instance = fatal or any(c.dep_ in ("det", "poss", "compound") for c in tok.children) or (
        tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in _ONE_DEATH_LEGAL_VERBS) or (
        tok.i > 0 and tok.doc[tok.i - 1].lower_ in _ONE_DEATH_ACTS)  # "in shooting death"
    if not instance:
        return False  # a mass noun: "death and destruction", "kidnapping and murder"
    if any(c.lower_ in _ONE_DEATH_NOT_MODIFIERS or c.dep_ == "neg"
           or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
        return False  # "attempted murder", "another killing"; "the death of X" names X
    if tok.dep_ == "pobj" and (tok.head.lower_ == "to"
                               or tok.head.head.lemma_.lower() in _ONE_DEATH_NOT_HEADS):
        return False  # "sentenced to death", "the cause of death", "two counts of murder"
    if tok.dep_ == "conj" and tok.head.lemma_.lower() in _ONE_DEATH_NOT_HEADS:
        return False  # "life and death"
    if any(c.dep_ == "neg" for c in tok.head.children):
        return False  # "there wasn't a death"
    return not any(a.lemma_.lower() in _ONE_DEATH_NOT_GOVERNORS
                   for a in list(tok.ancestors)[:4])  # "an attempt to commit homicide"


def _deaths_told_as_acts(doc: Doc, sent: Span) -> list[CasualtyMention]:
    """One killed, at least (an open-ended figure), for the first death told as an act with no
    victim and no figure."""
    for tok in sent:
        if _one_death_act(tok):
            first = min([tok.i, *(c.i for c in tok.children if c.dep_ in ("amod", "compound"))])
            start, end = doc[first].idx, tok.idx + len(tok.text)
            return [CasualtyMention("killed", Count(1, 1, 1, None, doc_text(doc)[start:end],
                                                    open_ended=True), start, end, tok.i)]
    return []
