"""Roles around a verb trigger: the subject or 'by'-agent acted, the object or passive subject
suffered, with the turns of voice that swap them ('two men died', 'Man killed in shooting',
'the town fell to the rebels')."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.actor_act_nouns import ACT_NOUNS, agent_of_event_noun
from sitrep.extract.actor_mentions import MentionReader
from sitrep.extract.actor_phrases import DATELINE_CHARS, age_start, first_child
from sitrep.extract.actor_registry import NON_STATE_ARMED


def verb_roles(reader: MentionReader, verb: Token) -> tuple[Token | None, Token | None]:
    """The words of the side that acted and of the side that suffered around a verb
    trigger."""
    agent_tok: Token | None = None
    patient_tok: Token | None = None
    doc = reader.doc
    words = reader.words
    for child in verb.children:
        if child.dep_ in ("nsubj",) and agent_tok is None:
            agent_tok = child
        elif child.dep_ == "amod" and child.i < verb.i and agent_tok is None and \
                age_start(child) is not None:
            agent_tok = child  # "A 5-year-old shot his uncle", "old" misparsed
        elif child.dep_ in ("nsubjpass", "dobj") and patient_tok is None:
            patient_tok = child
        elif child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                agent_tok = objs[0]
    if agent_tok is not None and agent_tok.text.isupper() \
            and agent_tok.idx < DATELINE_CHARS:
        # "KHARKIV (wire) - Russian missiles struck": the parser makes the dateline
        # the subject and the real subject its apposition
        agent_tok = next((c for c in agent_tok.children
                          if c.dep_ == "appos" and c.i > agent_tok.i + 1), None)
    if agent_tok is not None and agent_tok.lower_ in ("which", "who", "that"):
        agent_tok = verb.head if verb.dep_ == "relcl" else None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if agent_tok is None and not passive and verb.dep_ in ("conj", "xcomp", "advcl") \
            and verb.head != verb and \
            not words.dies(verb):
        # ("police imposed a curfew after a victim succumbed": no one acted in dying)
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                agent_tok = child
    if agent_tok is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and \
            verb.head.head.pos_ == "VERB" and not passive:
        # (not "a man died after being shot": a passive's subject did not act)
        # "the police resorted to firing": the subject of the verb it completes (or,
        # "the police had to resort to firing", of the verb that one completes)
        agent_tok = _controlled_subject(verb.head.head)
    if agent_tok is None and verb.dep_ == "acl":
        patient_tok = patient_tok or verb.head
    if words.dies(verb) and (
            agent_tok is not None and agent_tok.dep_ == "nsubj"
            and agent_tok.head == verb):
        patient_tok, agent_tok = agent_tok, None  # "two men died": the subject suffered
    elif agent_tok is not None and _reduced_passive(verb, agent_tok):
        # "Man killed, boy injured in shooting": a headline's participle, not an act
        patient_tok, agent_tok = agent_tok, None
    if verb.lemma_.lower() in words.to_agent_verbs:
        # "the town fell to the rebels": the 'to'-object took it
        taker = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                      for g in c.children if g.dep_ == "pobj"), None)
        if taker is not None:
            patient_tok, agent_tok = patient_tok or agent_tok, taker
    for child in verb.children:
        if agent_tok is not None:
            break
        if child.dep_ == "prep" and child.lower_ in ("by", "in", "during"):
            obj = first_child(child, "pobj")
            comp = first_child(child, "pcomp")
            if obj is None and comp is not None:
                # "died in police firing" parsed as a clause: its subject acted
                agent_tok = first_child(comp, "nsubj")
                continue
            if obj is None:
                continue
            if child.lower_ == "by" and obj.pos_ != "VERB":
                agent_tok = obj
            elif obj.i + 1 < len(doc) and doc[obj.i + 1].lemma_.lower() in \
                    ACT_NOUNS and reader.armed(obj):
                agent_tok = obj  # "in police firing" parsed with "police" as the object
            else:
                agent_tok = agent_of_event_noun(reader, obj)
    if agent_tok is None:
        agent_tok = _agent_of_when_clause(reader, verb)
    if agent_tok is not None and patient_tok is None and \
            verb.lemma_.lower() in words.reciprocal_verbs:
        # "activists and the police clashed": the second subject is the other side
        patient_tok = first_child(agent_tok, "conj")
    if patient_tok is None or reader.mention(patient_tok) is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "at"):
                obj = first_child(child, "pobj")
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                    patient_tok = obj
                    break
    return agent_tok, patient_tok


def _controlled_subject(verb: Token) -> Token | None:
    """The subject of `verb`, or of the verbs it is the open complement of ('the police had
    to resort to firing': 'resort' takes the subject of 'had')."""
    for _ in range(3):
        subj = first_child(verb, "nsubj")
        if subj is not None or verb.dep_ != "xcomp" or verb.head == verb:
            return subj
        verb = verb.head
    return None


def _reduced_passive(verb: Token, subj: Token) -> bool:
    """'Man killed, boy injured in drive-by shooting': a past participle with a subject but no
    auxiliary and no object is a reduced passive (headline style); its subject suffered."""
    if verb.tag_ != "VBN" or subj.dep_ != "nsubj" or subj.head != verb or subj.i > verb.i:
        return False
    return not any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp", "attr")
                   for c in verb.children)


def _agent_of_when_clause(reader: MentionReader, verb: Token) -> Token | None:
    """'three died when the police opened fire': the subject of a when/as clause that
    names the act."""
    for child in verb.children:
        if child.dep_ != "advcl" or not any(
                c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "after")
                for c in child.children):
            continue
        subj = first_child(child, "nsubj")
        if subj is None or not reader.armed(subj):
            continue
        if any(t.lemma_.lower() in ACT_NOUNS for t in child.subtree):
            return subj
        found = reader.mention(subj)
        if found is not None and found.actor.type in NON_STATE_ARMED and any(
                c.dep_ == "auxpass" for c in verb.children):
            return subj  # "he was shot when gunmen tried to enter his house"
    return None
