"""Events from triggers: `group_triggers` folds the triggers of one sentence that describe one
event (the killings an air strike caused) into one group whose strongest trigger names the class,
and `sub_event_type` turns a group's class into an ACLED sub-type, using the actors and the
sentence's context where the class has a rule (`data/triggers.json`, `sub_event_context`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.extract.dates import AFTERMATH_VERBS
from sitrep.extract.events import (
    ARMED_TYPES,
    Lexicon,
    Trigger,
    TriggerGroup,
    actor_type_of,
    clause_head,
    doer_of,
    has_word,
    instrument_in,
)
from sitrep.record import Actor


def group_triggers(triggers: list[Trigger], lexicon: Lexicon,
                   doc: Doc | None = None) -> list[TriggerGroup]:
    """Fold triggers of one sentence into events: stronger classes absorb the weaker ones.

    Several triggers of the same generic class (kill, wound, attack) make one event; distinct
    specific classes ("shelled the town and abducted three") make distinct events. With the
    Doc, clauses set against each other ("97 died in police firing, while the rest were killed
    in mob violence") keep their events apart.
    """
    groups: list[TriggerGroup] = []
    offences: list[tuple[Trigger, Trigger]] = []  # (act, the arrest it is the offence of)
    if doc is not None:
        arrests = [t for t in triggers if t.cls == "arrest"]
        for trig in triggers:
            arrest = next((a for a in arrests if trig.cls in lexicon.offence_classes
                           and _offence_of(doc, a, trig, lexicon)), None)
            if arrest is not None:
                offences.append((trig, arrest))
        taken = {id(t) for t, _ in offences}
        triggers = [t for t in triggers if id(t) not in taken]
    for trig in sorted(triggers, key=lambda t: (t.rank, t.start)):
        home = None
        for group in groups:
            if doc is not None and (_contrasted(doc, group.main, trig, lexicon)
                                    or _honoured(doc, group.main, trig, lexicon)
                                    or _honoured(doc, trig, group.main, lexicon) or (
                    trig.cls in lexicon.agented_acts and _apart_from(doc, group.main, trig,
                                                                       lexicon)
                    and _has_own_agent(doc[trig.anchor], lexicon))):
                continue
            spec = lexicon.classes[group.main.cls]
            if doc is not None and spec.get("absorbs_in_clause_only") and _own_clause(
                    doc, group.main, trig):
                continue  # "arrested after a toddler shot herself": two events
            absorbs = spec["absorbs"]
            if doc is not None and spec.get("absorbs_below") and trig.cls in absorbs and \
                    doc[group.main.anchor] not in doc[trig.anchor].ancestors:
                continue  # "fled their homes fearing an offensive" takes in only its cause
            if trig.cls in absorbs or (trig.cls == group.main.cls and trig.rank >= 8):
                home = group
                break
            if trig.cls == group.main.cls and trig.anchor in _conjuncts(group.main, trig):
                home = group
                break
        if home is None:
            groups.append(TriggerGroup(trig, [trig]))
        else:
            home.members.append(trig)
    for trig, arrest in offences:  # "arrested for the killing": the arrest's offence
        owner = next(g for g in groups if any(m is arrest for m in g.members))
        owner.members.append(trig)
    groups.sort(key=lambda g: g.main.start)
    return groups


def _offence_of(doc: Doc, arrest: Trigger, trig: Trigger, lexicon: Lexicon) -> bool:
    """Whether the act is what an arrest is for: 'arrested for killing a youth', 'held in
    connection with the killing', 'arrested on charges of murder', 'detained over the
    rioting'. The act names no deed of the arresting side, whose subject would otherwise be
    read as its agent."""
    node = doc[trig.anchor]
    framed = False
    for _ in range(6):
        if node.dep_ not in ("pobj", "pcomp") or node.head.lower_ not in lexicon.offence_preps:
            return False
        framed = True
        node = node.head.head
        if node.i == arrest.anchor:
            return framed
        if node.lemma_.lower() not in lexicon.offence_nouns:
            return False
    return False


def _apart_from(doc: Doc, main: Trigger, trig: Trigger, lexicon: Lexicon) -> bool:
    """Whether an act told with its own agent stays out of `main`'s event: a crowd event
    never takes it; an event of another kind (a weapon, an explosion) only when told in
    another clause ("killed in police firing after mobs went on a rampage with petrol
    bombs")."""
    if main.cls in lexicon.crowd_classes:
        return True
    return main.cls not in lexicon.agented_acts and \
        clause_head(doc[main.anchor]) != clause_head(doc[trig.anchor])


def _own_clause(doc: Doc, main: Trigger, trig: Trigger) -> bool:
    """True when `trig` is a verb with a subject of its own heading another clause than
    `main`'s (not a relative clause, which tells who was acted upon: 'the men who attacked
    the station')."""
    tok = doc[trig.anchor]
    return tok.pos_ == "VERB" and tok.dep_ != "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and \
        clause_head(doc[main.anchor]) != tok


def _contrasted(doc: Doc, a: Trigger, b: Trigger, lexicon: Lexicon) -> bool:
    """True when the two triggers stand in different clauses and one of those clauses is
    introduced by a contrastive marker ('while', 'whereas', 'but')."""
    ha, hb = clause_head(doc[a.anchor]), clause_head(doc[b.anchor])
    if ha == hb:
        return False
    for head in (ha, hb):
        for child in head.children:
            if child.dep_ in ("mark", "cc") and child.lower_ in lexicon.contrast_markers:
                return True
    return False


def _for_whom(clause: Token, lexicon: Lexicon) -> Token | None:
    """The verb (or noun) a relative clause's person is the object of, when that is the
    person a gathering may be for or honour ("for a teen who was killed", "to honor a boy
    who was shot"); else None."""
    person = clause.head
    if person.dep_ == "dobj" and person.head.lemma_.lower() in \
            AFTERMATH_VERBS | lexicon.gather_purposes:
        return person.head
    if person.dep_ == "pobj" and person.head.lower_ == "for":
        return person.head.head
    return None


def _honoured_clause(tok: Token, lexicon: Lexicon) -> Token | None:
    """The relative clause `tok` heads (itself or as a conjunct) when that clause tells what
    befell a person a gathering may be for or honour (`_for_whom`); else None."""
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return node if node.dep_ == "relcl" and _for_whom(node, lexicon) is not None else None


def _own_part(tok: Token, lexicon: Lexicon) -> Iterable[Token]:
    """The words that tell `tok`'s event: its sentence, or only its relative clause when that
    tells what befell a person a gathering is for ("protesters demanded justice for a man
    who was shot by police": no protesters were shot)."""
    clause = _honoured_clause(tok, lexicon)
    return clause.subtree if clause is not None else tok.sent


def _honoured(doc: Doc, main: Trigger, trig: Trigger, lexicon: Lexicon) -> bool:
    """True when `trig` tells, in a relative clause, what befell a person that `main`'s
    gathering is for or honours ("a vigil for a teen who was killed", "held a vigil to honor
    a boy who was shot Monday", "gathered to demand justice for a man who was shot"): an
    earlier event of its own."""
    clause = _honoured_clause(doc[trig.anchor], lexicon)
    verb = _for_whom(clause, lexicon) if clause is not None else None
    if verb is None:
        return False
    gathering = doc[main.anchor]
    return verb in (gathering, gathering.head) or gathering in verb.ancestors or \
        verb.head in (gathering, gathering.head)


def _has_own_agent(tok: Token, lexicon: Lexicon, follow: bool = True) -> bool:
    """'killed by police bullets', 'killed in police firing', 'police opened fire': the act
    names its own agent (a state force as the subject of the act)."""
    from sitrep.extract.actors import default_registry

    if tok.lower_ in lexicon.act_nouns or tok.lemma_.lower() in lexicon.act_nouns:
        # "police firing": the act noun's modifier (or, misparsed, its head) is a state force
        sides = [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod")
                 and c.i < tok.i]
        if tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN"):
            sides.append(tok.doc[tok.i - 1])  # "police firing", whatever the parse made of it
        for side in sides:
            found = default_registry().normalise(side.text, side.lemma_, None)
            if found is not None and found[0].type == "state forces":
                return True
    for child in tok.children:
        if child.dep_ == "agent":
            return True
        if child.dep_ == "nsubj" and tok.pos_ == "VERB":
            found = default_registry().normalise(child.text, child.lemma_, None)
            if found is not None and found[0].type == "state forces":
                return True
            if child.lemma_.lower() in lexicon.act_nouns and _has_own_agent(child, lexicon,
                                                                            follow=False):
                return True  # "police firing killed two"
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "by"):
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None:
                continue
            if obj.lemma_.lower() in lexicon.act_nouns and any(
                    c.dep_ in ("compound", "amod", "poss", "nsubj") for c in obj.children):
                return True
            after = tok.doc[obj.i + 1] if obj.i + 1 < len(tok.doc) else None
            if after is not None and after.head == obj and after.lower_ in lexicon.act_nouns:
                return True  # "in police firing" read as "police" modified by "firing"
    if follow and tok.dep_ in ("advcl", "conj") and tok.head != tok and tok.head.pos_ == "VERB":
        # "police opened fire, killing two": the killing belongs to the act it follows
        head = tok.head
        is_act = any(p.cls in lexicon.agented_acts
                     for p in lexicon.by_first.get(head.lemma_.lower(), []))
        return is_act and _has_own_agent(head, lexicon, follow=False)
    return False


def _conjuncts(a: Trigger, b: Trigger) -> set[int]:
    # Two triggers of one class joined in a noun phrase ("bombs and gunfire") or adjacent.
    return {b.anchor} if abs(a.anchor - b.anchor) <= 3 else set()


def _civilian_target(actor1: Actor | None, actor2: Actor | None, victims: str | None) -> bool:
    """The side acted upon is civilians and no armed side stands against another: an armed
    clash needs two armed sides."""
    if actor1 is not None and actor1.type not in ARMED_TYPES:
        return False  # civilians or protesters fighting: not a one-sided attack
    if actor2 is not None:
        return actor2.type == "civilians"
    return victims is not None and victims not in ("soldiers", "police", "militants",
                                                    "fighters", "protesters")


def _captives_freed(rule: str, sent: SpacySpan, lexicon: Lexicon,
                    actor1: Actor | None) -> str | None:
    """A release or surrender between the sides of a conflict (ACLED Agreement): by a state
    force or an armed group, or, with no side named, a release of hostages, abductees or
    prisoners of war. Not a court's or a police station's: 'released on bail', 'surrendered
    before the court'."""
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    if words & lexicon.legal_words:
        return None
    if actor1 is not None:
        return "Agreement" if actor1.type in lexicon.agreement_actor_types else None
    return "Agreement" if rule == "release" and words & lexicon.captive_words else None


def _protest_told(tokens: Iterable[Token], lexicon: Lexicon) -> bool:
    """Whether the words tell a protest or riot: a protest noun, or the verb 'protest' (not
    the month: 'till march 12')."""
    return any(((t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lexicon.protest_nouns)
                or (t.pos_ == "VERB" and t.lemma_.lower() in ("protest", "demonstrate", "riot")))
               and t.ent_type_ not in ("DATE", "TIME")
               and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].like_num)
               for t in tokens)


def _chemical_told(sent: SpacySpan, sent_text: str, lexicon: Lexicon) -> bool:
    """Whether the sentence names a chemical agent ('shells filled with mustard agent',
    'barrels of chlorine'), or tells poisoning by a gas or chemical ('poisoned by a yellow
    gas'), which makes the weapon that carried it a chemical weapon."""
    if lexicon.chemical_agents is not None and lexicon.chemical_agents.search(sent_text):
        return True
    words = {t.lower_ for t in sent}
    return bool(words & lexicon.poison_words) and bool(words & lexicon.gas_words)


def _coup_told(anchor: Token, sent_text: str, lexicon: Lexicon,
               taker: Actor | None) -> bool:
    """Whether a capture, arrest or dissolution is part of a coup: the sentence tells one
    ('in a putsch', 'deposed', 'dissolved state institutions'), or an armed side (`taker`,
    given for captures) seizes the seat of power ('troops seized control of the government',
    'took over the presidential palace'; not a party that 'took over the government')."""
    if lexicon.coup_cues is not None and lexicon.coup_cues.search(sent_text):
        return True
    if taker is None or taker.type not in ARMED_TYPES:
        return False
    return any(t.dep_ in ("dobj", "pobj") and t.lemma_.lower() in lexicon.coup_seats
               and 0 < t.i - anchor.i <= 6 for t in anchor.subtree)




def _fell_to(anchor: Token) -> Actor | None:
    """The side a place 'fell to': the actor its 'to'-object names, if the registry knows it."""
    from sitrep.extract.actors import default_registry

    if anchor.lemma_.lower() != "fall":
        return None
    obj = next((g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "to"
                for g in c.children if g.dep_ == "pobj"), None)
    if obj is None:
        return None
    text = " ".join(t.text for t in obj.subtree)
    found = default_registry().normalise(text, obj.lemma_.lower(), None)
    return found[0] if found is not None and found[0].type else None


def _without_grievance(sent: SpacySpan, lexicon: Lexicon) -> str:
    """The sentence's lower-cased text with what the protesters denounce or demand blanked
    out: 'gathered to denounce the arrest of a colleague' tells no arrest of theirs."""
    text = list(sent.text.lower())
    for tok in sent:
        if (tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.gather_purposes and
                tok.dep_ in ("advcl", "xcomp", "acl", "relcl")) or (
                _honoured_clause(tok, lexicon) is tok):
            for t in tok.subtree:
                start = t.idx - sent.start_char
                text[start:start + len(t.text)] = " " * len(t.text)
    return "".join(text)


def _to_death_phrase(tok: Token) -> bool:
    """'crushed to death', 'beaten to death': the verb's 'to'-phrase is death."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        g.lower_ == "death" for g in c.children) for c in tok.children)


def _protesters_violent(group: TriggerGroup, doc: Doc) -> bool:
    """Whether an act of violence the protest takes in is done by someone other than state
    forces ('during a protest, some participants attacked an office'; not 'police beat
    marchers')."""
    for member in group.members:
        if member is group.main or member.cls not in ("attack", "kill", "wound"):
            continue
        verb = doc[member.anchor]
        doer = doer_of(verb) if verb.pos_ == "VERB" else None
        if doer is not None and doer.pos_ != "PRON" and actor_type_of(doer) != "state forces":
            return True
    return False


def _crowd_doer(anchor: Token, lexicon: Lexicon) -> bool:
    """Whether the subject of the act's clause, or of the clause it depends on, is a crowd
    ('fans of two clubs fought ..., leaving 20 injured')."""
    node = anchor
    for _ in range(3):
        doer = doer_of(node) if node.pos_ in ("VERB", "AUX") else None
        if doer is not None:
            return doer.lower_ in lexicon.crowd_words or doer.lemma_.lower() in lexicon.crowd_words
        if node.head == node:
            break
        node = node.head
    return False


def _crowd(actor1: Actor | None, lexicon: Lexicon) -> bool:
    """Whether the acting side is an unorganised crowd ('a crowd', 'residents', 'a mob')."""
    return actor1 is not None and any(w in lexicon.crowd_words
                                      for w in re.findall(r"[a-z]+", actor1.text.lower()))


def _captives(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a capture verb takes people ('seized a group of missionaries', 'captured
    three aid workers'), not a place: an abduction."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        if obj.lemma_.lower() in ("group", "number", "dozen", "dozens", "score", "scores"):
            obj = next((p for g in obj.children if g.dep_ == "prep" and g.lower_ == "of"
                        for p in g.children if p.dep_ == "pobj"), obj)
        if obj.lower_ in lexicon.captive_people or obj.lemma_.lower() in lexicon.captive_people:
            return True
    return False


def _transfer_cued(sent: SpacySpan, sent_text: str, lexicon: Lexicon) -> bool:
    """Whether the sentence tells ground changing hands without a fight: a place vacated or
    abandoned, handed over, entered unopposed or without resistance."""
    if any(p in sent_text for p in lexicon.transfer_phrases):
        return True
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in lexicon.transfer_lemmas or tok.lower_ in lexicon.transfer_lemmas:
            return True
        particle = lexicon.transfer_particles.get(lemma)
        if particle is not None and tok.pos_ == "VERB" and any(
                c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
            return True
    return False


def _finder(group: TriggerGroup, doc: Doc, lexicon: Lexicon, actor: Actor) -> bool:
    """Whether `actor` is who found the body the group's killing was read from (the subject
    of 'found', 'recovered'), not a side of the violence."""
    for member in group.members:
        verb = doc[member.anchor]
        if verb.lemma_.lower() not in lexicon.body_verbs:
            continue
        for c in verb.children:
            if c.dep_ == "nsubj" and actor.text and actor.text in " ".join(
                    t.text for t in c.subtree):
                return True
    return False


def sub_event_type(group: TriggerGroup, doc: Doc, lexicon: Lexicon,
                   actor1: Actor | None, actor2: Actor | None,
                   victims: str | None) -> str | None:
    """ACLED sub-event type of a trigger group, or None when the group is not an event."""
    spec = lexicon.classes[group.main.cls]
    rule = spec.get("rule")
    sent_text = doc[group.main.anchor].sent.text.lower()
    if spec.get("sub_event_type") == "Agreement" or rule == "agreement":
        sent_words = set(re.findall(r"[a-z]+", sent_text))
        if sent_words & lexicon.non_conflict_agreement:
            return None  # a trade or economic agreement settles no conflict
    if spec.get("needs_place"):
        anchor = doc[group.main.anchor]
        obj = next((c for c in anchor.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.ent_type_ not in ("GPE", "LOC", "FAC") \
                and obj.lemma_.lower() not in lexicon.transfer_objects \
                and obj.lower_ not in lexicon.transfer_objects:
            return None  # "handed over 700 kg of medicine": no territory changed hands
    anchor_tok = doc[group.main.anchor]
    sent = anchor_tok.sent
    cls = group.main.cls
    if actor2 is not None and _finder(group, doc, lexicon, actor2):
        actor2 = None  # "police found the body of a youth stabbed by rioters": not a side
    if cls in lexicon.chemical_classes and _chemical_told(sent, sent_text, lexicon):
        return "Chemical weapon"  # "shells filled with mustard agent": the agent, not the means
    if cls == "chemical" and lexicon.riot_agents is not None and lexicon.riot_agents.search(
            doc[group.main.start:group.main.end].text.lower()) and _protest_told(sent, lexicon):
        return "Protest with intervention"  # CS gas fired at a protest
    if cls in lexicon.coup_classes and _coup_told(anchor_tok, sent_text, lexicon,
                                                  actor1 if cls == "capture" else None):
        return "Other"  # "soldiers detained the president ... in a coup"
    if rule is None:
        sub = str(spec["sub_event_type"])
        if sub == "Armed clash" and _protest_told(sent, lexicon) and (
                actor1 is None or actor1.type not in ARMED_TYPES
                or (actor2 is not None and actor2.type == "protesters")):
            return "Violent demonstration"  # "supporters clashed with police during a protest"
        if sub == "Armed clash" and _civilian_target(actor1, actor2, victims):
            return "Attack"  # "a woman was wounded by gunfire": one armed side, a civilian hit
        if sub in ("Violent demonstration", "Looting/property destruction") and \
                not _protest_told(sent, lexicon):
            if _crowd(actor1, lexicon):
                return "Mob violence"  # "a crowd set fire to the house": no demonstration
            if sub == "Violent demonstration" and \
                    anchor_tok.lemma_.lower() in lexicon.property_riot_verbs:
                return "Looting/property destruction"  # "unknown people vandalised a church"
        if sub == "Arrests" and any(c in sent_text for c in lexicon.disappearance_cues):
            return "Abduction/forced disappearance"  # "picked up ... not seen since"
        return sub
    if rule == "territory":
        if _captives(anchor_tok, lexicon):
            taker = doer_of(anchor_tok)
            if (actor1 is not None and actor1.type == "state forces") or (
                    taker is not None and has_word(taker, lexicon.state_agent_words)):
                return "Arrests"  # "federal agents captured a cartel leader"
            return "Abduction/forced disappearance"  # "seized a group of missionaries"
        if _protest_told(sent, lexicon) and (actor1 is None or actor1.type not in ARMED_TYPES):
            return None  # "activists occupied the square in protest": no ground changed hands
        obj = next((c for c in anchor_tok.children if c.dep_ == "dobj"), None)
        if obj is not None and (obj.lemma_.lower() in lexicon.measure_nouns
                                or obj.lower_ in lexicon.measure_nouns):
            return None  # "seized 200 kilograms of cocaine": goods, not ground
        if anchor_tok.lemma_.lower() == "fall":  # "the town fell to the MNDAA": the side it
            actor1 = _fell_to(anchor_tok)  # fell to took it, not the side named elsewhere
        if _transfer_cued(sent, sent_text, lexicon):
            return "Non-violent transfer of territory"  # "took over the camp vacated by ..."
        if actor1 is not None and actor1.type in ("rebel group", "political militia",
                                                  "identity militia"):
            return "Non-state actor overtakes territory"
        if actor1 is not None and actor1.type in ("state forces", "external/other forces"):
            return "Government regains territory"
        words = " ".join(t.lemma_.lower() for t in doc[group.main.start : group.main.end])
        if words in lexicon.government_words:
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if rule == "agreement":
        if actor1 is not None and actor1.type in lexicon.agreement_actor_types:
            return "Agreement"
        return None
    if rule in ("release", "surrender"):
        return _captives_freed(rule, doc[group.main.anchor].sent, lexicon, actor1)
    if rule == "protest":
        lemma = anchor_tok.lemma_.lower()
        if lemma in lexicon.armed_not_protest:
            agent = doer_of(anchor_tok if anchor_tok.pos_ == "VERB" else anchor_tok.head)
            instrument = instrument_in(" ".join(t.text for t in agent.subtree), lexicon) \
                if agent is not None else None
            if instrument is not None:
                return instrument  # "Israeli aircraft carried out a strike on a building"
            if actor1 is not None and actor1.type in ARMED_TYPES and (
                    lemma == "block" or actor1.type != "state forces"
                    or "police" not in actor1.name.lower()):
                return None  # roads blocked, a town marched into by an armed side: no protest
        ctx = lexicon.protest_context
        if any(a.lemma_.lower() in lexicon.death_verbs or _to_death_phrase(a)
               for a in anchor_tok.ancestors):
            return "Excessive force against protesters"  # "died after being hit ... at a protest"
        if _protesters_violent(group, doc):
            return "Violent demonstration"  # "during a protest, participants attacked an office"
        told = _without_grievance(sent, lexicon)
        if any(w in told for w in ctx["excessive_force"]):
            return "Excessive force against protesters"
        if any(w in told for w in ctx["violent"]):
            return "Violent demonstration"
        if any(w in told for w in ctx["intervention"]):
            return "Protest with intervention"
        return "Peaceful protest"
    if (anchor_tok.lemma_.lower() in lexicon.body_verbs or anchor_tok.lower_ in
            lexicon.body_objects) and any(t.lemma_.lower() in lexicon.graves for t in sent):
        return "Other"  # "found a pit containing the bodies of 12 people": a mass grave
    if not _protest_told(sent, lexicon) and (_crowd(actor1, lexicon) or _crowd_doer(
            anchor_tok, lexicon) or (
            any(r in sent_text for r in lexicon.reciprocal)
            and (actor1 is None or actor1.type not in ARMED_TYPES)
            and (actor2 is None or actor2.type not in ARMED_TYPES)
            and victims not in ("soldiers", "police", "militants", "fighters"))):
        # "residents caught a suspect and set him alight", "a crowd attacked a police officer",
        # "Hindu and Muslim groups attacked each other with sticks and stones"
        return "Mob violence"
    # violence: the instrument named in actor1 (or, with no actor, the subject) fixes the
    # sub-type whoever the victims
    doer = " ".join([actor1.text if actor1 is not None else ""] + [
        t.text for c in anchor_tok.children if c.dep_ == "nsubj" for t in c.subtree])
    if doer.strip():  # "fighter jets pounded ...": the subject's words, whatever actor it gave
        text = f" {doer.lower()} "
        for instrument_sub, instrument_words in lexicon.instrument_words.items():
            if any(f" {w} " in text for w in instrument_words):
                return instrument_sub
    # state forces using violence on a crowd of protesters in the same sentence
    if actor1 is not None and actor1.type == "state forces" and (any(
            t.lemma_.lower() in lexicon.protester_words for t in _own_part(anchor_tok, lexicon))
            or _protest_told(
            anchor_tok.subtree, lexicon)):  # "shot dead 18 people taking part in protests"
        return "Excessive force against protesters"
    # against civilians unless both sides are armed
    target_type = actor2.type if actor2 is not None else None
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        return "Attack"  # a group killing its own members is not a battle
    if target_type in ("state forces", "rebel group", "political militia", "identity militia",
                       "external/other forces"):
        return "Armed clash" if actor1 is None or actor1.type != "civilians" else "Attack"
    if target_type == "protesters" or victims == "protesters":
        return "Excessive force against protesters"
    if victims in ("soldiers", "police", "militants", "fighters") and target_type is None:
        return "Armed clash"
    return "Attack"
