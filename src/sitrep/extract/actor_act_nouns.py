"""Who did an act told by a noun: 'killed in police firing', 'firing by the police', 'a
police-activist clash', and 'the firing' or bare deaths that refer back to gunfire told just
before."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.actor_mentions import ActorMention, MentionReader
from sitrep.extract.actor_phrases import first_child, own_phrase
from sitrep.record import Span

ACT_VERBS = {"firing": "fire", "fire": "fire", "shooting": "shoot", "shelling": "shell",
             "bombing": "bomb", "attack": "attack", "raid": "raid", "assault": "assault",
             "clash": "clash"}
ACT_NOUNS = {"fire", "firing", "shoot", "attack", "action", "raid", "shelling", "bombing",
             "operation", "crackdown", "assault", "strike", "shooting", "encounter", "bullet",
             "lathicharge", "beating", "torture", "clash"}
RECIPROCAL_NOUNS = {"clash", "encounter", "fight", "skirmish", "gunbattle", "battle"}


def _act_verb(tok: Token) -> str:
    """The verb an act word stands for ('firing': fire), else its lemma."""
    return ACT_VERBS.get(tok.lower_, tok.lemma_.lower())


def hyphen_side(reader: MentionReader, noun: Token, modifier: Token) -> Token | None:
    """'a police-activist clash': the state force among sides joined by a hyphen before a
    reciprocal act noun (either side fought; the state's is the one ACLED names first)."""
    if noun.lemma_.lower() not in RECIPROCAL_NOUNS:
        return None
    for side in modifier.children:
        if side.dep_ == "compound" and side.i < modifier.i and \
                reader.doc[side.i + 1].text == "-":
            found = reader.mention(side)
            if found is not None and found.actor.type == "state forces":
                return side
    return None


def agent_of_event_noun(reader: MentionReader, noun: Token) -> Token | None:
    """'killed in police firing', 'in firing by the police': who did the act named by
    a noun the trigger's clause points to."""
    for child in noun.children:
        if child.dep_ in ("compound", "poss", "amod") and child.i < noun.i and (
                child.pos_ in ("NOUN", "PROPN") or child.ent_type_ == "NORP") and (
                reader.mention(child) is not None):
            return hyphen_side(reader, noun, child) or child
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            obj = first_child(child, "pobj")
            if obj is not None:
                return obj
    if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return _earlier_actor_of(reader, noun)
    return None


def state_agent_of_event_noun(reader: MentionReader, noun: Token) -> ActorMention | None:
    """A state force named as the act noun's modifier or by-phrase ('police firing',
    'firing by the police', 'an encounter with the police')."""
    for child in noun.children:
        cand: Token | None = None
        if child.dep_ in ("compound", "poss", "amod", "nmod") and child.i < noun.i:
            cand = child
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("by", "with"):
            cand = first_child(child, "pobj")
        if cand is None:
            continue
        found = reader.mention(cand)
        if found is not None and found.actor.type == "state forces":
            return found
        side = hyphen_side(reader, noun, cand)
        if side is not None:
            return reader.mention(side)
    before = reader.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.pos_ in ("NOUN", "PROPN") and before.head != noun:
        found = reader.mention(before)  # "in police firing" parsed as "police" + "firing"
        if found is not None and found.actor.type == "state forces":
            return found
    return None


def agent_in_phrase(reader: MentionReader, anchors: list[Token]) -> ActorMention | None:
    """'668 were killed, including 100 in police firing', 'the number of deaths in police
    firing', 'a youth died in police custody': a death told without its agent whose own
    phrase (the trigger's subtree, not crossing into another clause) names an act or a
    custody of a state force."""
    words = reader.words
    for anchor in anchors:
        if anchor.lemma_.lower() in ACT_NOUNS or anchor.lower_ in ACT_NOUNS:
            agent = state_agent_of_event_noun(reader, anchor)
            if agent is not None:
                return agent  # "police firing" however it was parsed
        if anchor.lemma_.lower() not in words.death_words and not words.dies(anchor):
            continue
        for tok in own_phrase(anchor):
            lemma = tok.lemma_.lower()
            if lemma not in ACT_NOUNS and lemma not in words.custody_words:
                continue
            agent = state_agent_of_event_noun(reader, tok)
            if agent is not None:
                return agent
            if lemma in words.custody_words and tok.head.lower_ in ("in", "into"):
                # "died in custody": custody is the state's
                return ActorMention(reader.registry.state_actor(
                    reader.focus_country, "Police Forces of {country}", tok.text),
                    Span(tok.idx, tok.idx + len(tok.text), tok.text), False)
    return None


def firing_just_before(reader: MentionReader, anchor: Token) -> ActorMention | None:
    """'... forcing the police to open fire. "Two persons have been killed."': a death
    told bare (no agent, no cause, no place or time phrase of its own) in the sentence
    right after a state force's gunfire is that gunfire's."""
    if anchor.lemma_.lower() not in ("kill", "die", "dead", "succumb") or \
            anchor.pos_ not in ("VERB", "ADJ", "AUX"):
        return None
    for child in anchor.children:
        if child.dep_ in ("agent", "advcl", "npadvmod"):
            return None
        if child.dep_ == "prep" and not any(  # "succumbed to his injuries" is no cause
                c.lemma_.lower() in reader.words.injury_words for c in child.children):
            return None
    sent = anchor.sent
    if sent.start == 0:
        return None
    before = reader.doc[sent.start - 1].sent
    for tok in reversed(before):
        if _act_verb(tok) not in ("fire", "shoot"):
            continue
        agent = _act_agent(reader, tok, _act_verb(tok))
        if agent is not None:
            found = reader.mention(agent)
            if found is not None and found.actor.type == "state forces":
                return found
    return None


def _earlier_actor_of(reader: MentionReader, noun: Token) -> Token | None:
    """'police fired ten rounds ... one man was killed in the firing': the definite noun
    names an act told just before; its subject acted."""
    verb_lemma = ACT_VERBS.get(noun.lemma_.lower())
    if verb_lemma is None:
        return None
    start = max(0, noun.sent.start - 80)
    for tok in reversed(reader.doc[start:noun.i]):
        if _act_verb(tok) != verb_lemma and tok.lemma_.lower() != verb_lemma:
            continue
        if tok.head.lemma_.lower() in ("set", "catch"):
            continue  # "set fire to the shops": arson, not gunfire
        agent = _act_agent(reader, tok, verb_lemma)
        if agent is not None:
            return agent
    return None


def _act_agent(reader: MentionReader, tok: Token, verb_lemma: str) -> Token | None:
    """The armed side of one act word: its state-force modifier ('police firing') or the
    subject of its verb or light verb ('opened fire', 'resorted to firing')."""
    owner = next((c for c in tok.children if c.dep_ in ("compound", "poss")
                  and c.i < tok.i and reader.armed(c)), None)
    if owner is not None:
        return owner  # "police firing ... killed in the firing"
    if tok.head.lemma_.lower() in ("set", "catch"):
        return None  # "set fire to the shops": arson, not gunfire
    verb = tok
    if tok.pos_ != "VERB" or tok.dep_ in ("pcomp", "xcomp"):
        # "opened fire", "resorted to firing": the act is the light verb's object
        verb = tok.head.head if tok.head.dep_ == "prep" else tok.head
    subj = first_child(verb, "nsubj")
    if subj is None and verb.dep_ == "xcomp":
        # "forcing the police to open fire": the object of the governing verb
        subj = first_child(verb.head, "dobj")
    if subj is not None and verb_lemma == "clash":
        # "activists and the police clashed ... died in the clash": either side
        return next((c for c in (subj, *subj.conjuncts) if reader.armed(c)), None)
    if subj is not None and reader.armed(subj):
        return subj
    return None
