"""Roles around a noun trigger: its possessor, modifiers and 'by'/'on'-phrases ('the FMLN's
attack on the post'), the side held responsible for it ('soldiers involved in the killing',
'blamed on the rebels'), the subject of a light verb ('launched an offensive') and the person
who suffered it ('a man was rushed to hospital after the stabbing')."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.actor_mentions import MentionReader
from sitrep.extract.actor_phrases import age_start, first_child, of_group_tok


def noun_roles(reader: MentionReader, tok: Token) -> tuple[Token | None, Token | None]:
    """The words of the side that acted and of the side that suffered around a noun
    trigger."""
    agent_tok: Token | None = None
    patient_tok: Token | None = None
    words = reader.words
    patient_poss = tok.lemma_.lower() in words.patient_possessive_nouns or \
        tok.lower_ in words.patient_possessive_nouns
    for child in tok.children:
        if patient_poss and (child.dep_ == "poss" or (
                child.dep_ == "compound" and child.i < tok.i
                and reader.civilian(child))):
            patient_tok = patient_tok or child  # "Oqueli's assassination"
        elif child.dep_ == "prep" and child.lower_ == "of" and patient_poss:
            # "the assassination of the attorney general": the 'of'-object suffered
            patient_tok = patient_tok or first_child(child, "pobj")
        elif agent_tok is None and (child.dep_ == "poss" or (
                child.dep_ == "compound" and (child.pos_ == "PROPN" or (
                    child.i < tok.i and reader.mention(child) is not None)))):
            agent_tok = child
        elif child.dep_ == "amod" and reader.registry.country_in(child.text):
            # "Russian missiles", "Syrian air strikes": the whole phrase names the side
            agent_tok = agent_tok or tok
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                agent_tok = objs[0]
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "targeting"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and patient_tok is None:
                patient_tok = objs[0]
    if agent_tok is None:
        agent_tok = _responsible_for(reader, tok)
    if agent_tok is None:
        agent_tok, verb_patient = _agent_of_light_verb(reader, tok)
        patient_tok = patient_tok or verb_patient
    if patient_tok is None or reader.mention(patient_tok) is None:
        patient_tok = _sufferer(reader, tok) or patient_tok
    return agent_tok, patient_tok


def _responsible_for(reader: MentionReader, noun: Token) -> Token | None:
    """'X was responsible for / involved in / claimed responsibility for <event>',
    '<event> blamed on / attributed to X': the actor held responsible."""
    words = reader.words
    held = words.responsibility
    if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "in", "of") and \
            noun.head.head.lemma_.lower() in words.accusing_verbs:
        # "Cristiani implicated four officers in the assassination"
        accused = first_child(noun.head.head, "dobj", "nsubjpass")
        if accused is not None:
            return accused
    if noun.dep_ == "pobj" and (noun.head.lower_ in ("for", "in") or (
            noun.head.lower_ == "of" and noun.head.head.lemma_.lower() == "guilty")):
        word = noun.head.head
        if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "n't", "never")
               for c in (*word.children, *word.head.children)):
            return None  # "the group bears no responsibility for the attack"
        if word.lemma_.lower() in held.get("holder_nouns", set()) and \
                of_group_tok(word) is not None:
            return of_group_tok(word)  # "the involvement of troops in the murder"
        if word.lemma_.lower() in held["holders"]:
            if word.dep_ in ("acl", "amod", "relcl") and word.head.pos_ in ("NOUN", "PROPN"):
                return word.head  # "soldiers involved in the killing"
            verb = word.head if word.dep_ in ("acomp", "dobj", "attr") else word
            subj = first_child(verb, "nsubj", "nsubjpass")
            if subj is not None and subj.lower_ in ("themselves", "himself", "itself") \
                    and verb.dep_ in ("relcl", "acl"):
                subj = verb.head  # "a section of the police themselves helped in it"
            if subj is not None:
                return subj
    blame = [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ == "nsubjpass":
        blame.append(noun.head)
    for verb in blame:
        if verb.lemma_.lower() not in held["blame_verbs"]:
            if verb.dep_ == "acl" and verb.lemma_.lower() not in words.non_agent_verbs:
                # "an offensive launched by the rebels", "a raid staged by gunmen"
                by = first_child(verb, "agent")
                obj = first_child(by, "pobj") if by is not None else None
                if obj is not None:
                    return obj
            continue
        for child in verb.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("on", "to", "by"):
                obj = first_child(child, "pobj")
                if obj is not None:
                    return obj
    return _work_of(reader, noun)


def _work_of(reader: MentionReader, noun: Token) -> Token | None:
    """'the attack was the work of the rebels': the 'of'-object of a work word that the
    act is the subject of."""
    if noun.dep_ != "nsubj":
        return None
    attr = next((c for c in noun.head.children if c.dep_ == "attr"
                 and c.lemma_.lower() in reader.words.work_words), None)
    return of_group_tok(attr) if attr is not None else None


def _agent_of_light_verb(reader: MentionReader,
                         noun: Token) -> tuple[Token | None, Token | None]:
    """'X carried out/launched/unleashed <noun> on Y': X acts, Y is acted upon."""
    node = noun
    for _ in range(4):
        if node.dep_ in ("dobj", "pobj", "pcomp", "conj", "prep", "nsubjpass") and \
                node.head != node:
            node = node.head
            if node.pos_ == "VERB":
                break
        else:
            return None, None
    if node.pos_ != "VERB" or node.lemma_.lower() in reader.words.non_agent_verbs \
            or reader.words.dies(node):
        return None, None
    if any(c.dep_ == "neg" or (c.dep_ == "dobj" and any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children))
           for c in node.children):
        return None, None  # "the group bears no responsibility for the attack"
    agent = first_child(node, "nsubj")
    if agent is None:
        by = first_child(node, "agent")
        agent = first_child(by, "pobj") if by else None
    if agent is None and node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
        agent = node.head  # "soldiers accused of committing the massacre"
    patient = None
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against"):
            obj = first_child(child, "pobj")
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                patient = patient or obj
    return agent, patient


def _sufferer(reader: MentionReader, noun: Token) -> Token | None:
    """'A child is in serious condition after a shooting', 'a man was rushed to hospital
    following the stabbing', 'a man suffering from a gunshot wound': the subject of the
    clause that tells what a person suffered is the victim of the act noun it follows."""
    words = reader.words
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in words.victim_preps:
        return None
    clause = prep.head
    if clause.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if clause.lemma_.lower() not in words.victim_verbs and not any(
            t.lower_ in words.victim_words for c in clause.children
            if c is not prep and c.dep_ not in ("nsubj", "nsubjpass")
            for t in c.subtree):
        return None
    subj = first_child(clause, "nsubj", "nsubjpass")
    if subj is None and clause.dep_ == "acl":
        subj = clause.head  # "a man suffering from a gunshot wound"
    if subj is None or (subj.pos_ not in ("NOUN", "PROPN", "PRON")
                        and age_start(subj) is None):
        return None
    return subj
