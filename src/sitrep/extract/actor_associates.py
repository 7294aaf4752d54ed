"""ACLED's associated actors of one side: the sides conjoined with its phrase ("the FMLN and
the ERP attacked", "soldiers and policemen were wounded") and, for the side that acted, the
sides it acted with ("backed by", "with the support of", "alongside")."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.actor_claims import CLAIMED
from sitrep.extract.actor_mentions import ActorMention, MentionReader
from sitrep.extract.actor_phrases import first_child, nominal_conjuncts, of_group_tok
from sitrep.extract.actor_registry import NON_STATE_ARMED
from sitrep.record import Actor, Span


def associates(reader: MentionReader, main: ActorMention | None, anchors: list[Token],
               exclude: tuple[ActorMention | None, ...] = (),
               acting: bool = True) -> list[Actor]:
    """ACLED's associated actors of one side: the other sides conjoined with its phrase
    ("the FMLN and the ERP attacked", "FMLN and ERP guerrillas", "a joint operation by
    the army and the police", "soldiers and policemen were wounded"), and, for the side
    that acted (`acting`), the sides it acted with ("troops, backed by militiamen", "with
    the support of", "alongside"). Each is normalised like the main actor; neither the
    main actor nor a side in `exclude` (the other role) is repeated."""
    if main is None or main.span.part != "body" or (
            main.inferred is not None and main.inferred != CLAIMED):
        return []  # a side inferred from elsewhere: its neighbours there are no allies
    root = _span_root(reader, main.span)
    if root is None:
        return []
    words = reader.words
    reciprocal = acting and (root.head.lower_ == "between" or any(
        a.lemma_.lower() in words.reciprocal_nouns
        or a.lemma_.lower() in words.reciprocal_verbs for a in anchors))
    toks: list[Token] = []
    if not reciprocal:  # "X and Y clashed": the conjoined sides fought each other
        toks.extend(nominal_conjuncts(root))
        for mod in root.children:
            if mod.dep_ in ("compound", "amod", "nmod") and mod.i < root.i:
                toks.extend(nominal_conjuncts(mod))
    n_backed = 0
    if acting:
        for node in (root, *anchors):
            backed = _backers(reader, node)
            toks.extend(backed)
            n_backed += len(backed)
    seen = {main.actor.name} | {m.actor.name for m in exclude if m is not None}
    out: list[Actor] = []
    if not reciprocal:
        for listed in reader.registry.named_groups(main.span.text):
            if listed.name not in seen:  # "FMLN and ERP guerrillas" read as one phrase
                seen.add(listed.name)
                out.append(listed)
    backers = set(toks[len(toks) - n_backed:]) if n_backed else set()
    for tok in toks:
        actor = _associate(reader, tok, root)
        if actor is None or actor.name in seen or (
                acting and actor.type in ("civilians", "protesters")
                and main.actor.type not in ("civilians", "protesters", "rioters")):
            continue
        if acting and tok not in backers and _opponents(main.actor, actor):
            continue  # "six guerrillas and one soldier were killed": not one side
        seen.add(actor.name)
        out.append(actor)
    return out


def _opponents(one: Actor, other: Actor) -> bool:
    """A state's forces and a non-state armed group: two sides joined by 'and' that fought
    each other far more often than together."""
    return {one.type, other.type} & {"state forces"} != set() and \
        {one.type, other.type} & NON_STATE_ARMED != set()


def _span_root(reader: MentionReader, span: Span) -> Token | None:
    found = reader.doc.char_span(span.start, span.end, alignment_mode="expand")
    return found.root if found is not None else None


def _associate(reader: MentionReader, tok: Token, root: Token) -> Actor | None:
    """The actor a conjoined or supporting word names; a bare modifier takes the main
    phrase's head ("Salvadoran and Honduran troops": Honduran troops)."""
    found: ActorMention | None = None
    if tok.dep_ == "conj" and tok.head.i < root.i and tok.i < root.i and \
            tok.pos_ in ("ADJ", "PROPN", "NOUN"):
        phrase = reader.doc[tok.left_edge.i:tok.i + 1].text + " " + root.text
        result = reader.registry.normalise(phrase, root.lemma_.lower(), reader.focus_country)
        if result is not None and result[1]:
            return result[0]
        found = reader.mention(tok)  # "FMLN and ERP guerrillas": the ERP
        if found is not None and found.named:
            return found.actor
        return result[0] if result is not None else None
    found = reader.mention(tok)
    if found is None or not found.named or found.actor.name != found.actor.text:
        # "FMLN and ERP guerrillas" parsed as "FMLN" and "ERP guerrillas": the name
        # among the conjunct's modifiers, not the generic word it heads
        for mod in tok.children:
            if mod.dep_ == "compound" and mod.i < tok.i and (
                    mod.pos_ == "PROPN" or mod.ent_type_ == "ORG"):
                named = reader.mention(mod)
                if named is not None and named.named:
                    return named.actor
    return found.actor if found is not None else None


def _backers(reader: MentionReader, node: Token) -> list[Token]:
    """Sides named as acting with `node`'s side: 'backed by Y', 'with the support of Y',
    'alongside Y', 'together with Y'."""
    out: list[Token] = []
    words = reader.words
    for child in node.children:
        obj: Token | None = None
        if child.dep_ in ("acl", "advcl") and child.lemma_.lower() in words.support_verbs:
            by = first_child(child, "agent")
            obj = first_child(by, "pobj") if by else None
        elif child.dep_ == "prep" and child.lower_ in words.beside_preps:
            obj = first_child(child, "pobj")
        elif child.dep_ == "prep" and child.lower_ == "with":
            pobj = first_child(child, "pobj")
            before = reader.doc[child.i - 1] if child.i > 0 else child
            if pobj is not None and pobj.lemma_.lower() in words.support_nouns:
                obj = of_group_tok(pobj)  # "with the support of the air force"
            elif pobj is not None and (before.lower_ in words.with_adverbs or any(
                    c.dep_ == "advmod" and c.lower_ in words.with_adverbs
                    for c in child.children)):
                obj = pobj  # "together with the police"
        if obj is not None:
            out.extend((obj, *nominal_conjuncts(obj)))
    return out
