"""The word lists of ``data/actors.json`` that cue who acted, who suffered, who claimed an act
and who acted alongside whom (verbs of dying, claims, denials, support words, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token


def _words(data: dict[str, Any], key: str) -> set[str]:
    """A list kept either bare or under a commented entry's "words"."""
    value = data.get(key, {})
    return set(value.get("words", [])) if isinstance(value, dict) else set(value)


@dataclass(slots=True)
class ActorWords:
    """Cue words for reading actors' roles from the parse."""

    patient_subject_verbs: set[str]  # 'died': the subject suffered
    life_verbs: set[str]  # 'lost their lives'
    armed_modifiers: set[str]  # 'heavily armed men'
    partitive_heads: set[str]  # 'members of', 'army personnel'
    non_agent_verbs: set[str]
    patient_possessive_nouns: set[str]  # 'Oqueli's assassination'
    accusing_verbs: set[str]
    reciprocal_verbs: set[str]  # 'clashed'
    to_agent_verbs: set[str]  # 'fell to the rebels'
    death_words: set[str]
    injury_words: set[str]
    claim_acts: set[str]
    non_claim_verbs: set[str]
    denial_verbs: set[str]
    organisation_heads: set[str]  # 'front', 'movement'
    claim_objects: set[str]
    custody_words: set[str]
    aircraft_heads: set[str]
    work_words: set[str]  # 'the work of the rebels'
    sole_group_acts: set[str]
    unarmed_roles: set[str]
    insurgent_name_words: set[str]  # 'liberation army'
    support_verbs: set[str]  # 'backed by'
    support_nouns: set[str]  # 'with the support of'
    beside_preps: set[str]  # 'alongside'
    with_adverbs: set[str]  # 'together with'
    reciprocal_nouns: set[str]  # 'clash'
    victim_preps: set[str]  # 'in serious condition after a shooting'
    victim_verbs: set[str]
    victim_words: set[str]
    responsibility: dict[str, set[str]]  # holders, holder_nouns, blame_verbs

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ActorWords:
        """The lists of the parsed registry file."""
        links = data.get("associate_links", {})
        state = data.get("victim_state", {})
        responsibility = {k: set(v) for k, v in data.get("responsibility", {}).items()
                          if not k.startswith("_")}
        responsibility.setdefault("holders", set())
        responsibility.setdefault("blame_verbs", set())
        return cls(
            patient_subject_verbs=set(data.get("patient_subject_verbs", [])),
            life_verbs=_words(data, "life_losing_verbs"),
            armed_modifiers=_words(data, "armed_modifiers"),
            partitive_heads=_words(data, "partitive_heads"),
            non_agent_verbs=_words(data, "non_agent_verbs"),
            patient_possessive_nouns=_words(data, "patient_possessive_nouns"),
            accusing_verbs=_words(data, "accusing_verbs"),
            reciprocal_verbs=_words(data, "reciprocal_verbs"),
            to_agent_verbs=_words(data, "to_agent_verbs"),
            death_words=_words(data, "death_words"),
            injury_words=_words(data, "injury_words"),
            claim_acts=_words(data, "claim_acts"),
            non_claim_verbs=_words(data, "non_claim_verbs"),
            denial_verbs=_words(data, "denial_verbs"),
            organisation_heads=_words(data, "organisation_heads"),
            claim_objects=_words(data, "claim_objects"),
            custody_words=_words(data, "custody_words"),
            aircraft_heads=_words(data, "aircraft_heads"),
            work_words=_words(data, "work_words"),
            sole_group_acts=_words(data, "sole_group_acts"),
            unarmed_roles=_words(data, "unarmed_roles"),
            insurgent_name_words=_words(data, "insurgent_name_words"),
            support_verbs=set(links.get("support_verbs", [])),
            support_nouns=set(links.get("support_nouns", [])),
            beside_preps=set(links.get("beside_preps", [])),
            with_adverbs=set(links.get("with_adverbs", [])),
            reciprocal_nouns=set(links.get("reciprocal_nouns", [])),
            victim_preps=set(state.get("prepositions", [])),
            victim_verbs=set(state.get("verbs", [])),
            victim_words=set(state.get("words", [])),
            responsibility=responsibility,
        )

    def dies(self, verb: Token) -> bool:
        """Whether the verb's subject suffered rather than acted: 'two men died', 'three
        persons lost their lives'."""
        lemma = verb.lemma_.lower()
        return lemma in self.patient_subject_verbs or (lemma in self.life_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children))
