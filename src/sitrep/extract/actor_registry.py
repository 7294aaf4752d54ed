"""The actor registry: normalises an actor phrase to a canonical name and ACLED actor type.

The registry (``data/actors.json``, extendable with a user file of the same shape) holds named
armed groups with their spellings, generic categories (civilians, protesters, unidentified armed
groups) and the heads that make "<Iraqi> forces" the state forces of a country.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from sitrep.countries import demonyms
from sitrep.extract.actor_words import ActorWords
from sitrep.extract.lexicon import load_data
from sitrep.record import Actor

NON_STATE_ARMED = {"rebel group", "political militia", "identity militia"}
_DETERMINER = re.compile(r"^(?:the|a|an|these|those|its|their|his|her|our|your)\s+")

Entry = tuple[str, str | None]  # a listed group's canonical name and type


def country_name(code: str) -> str:
    """The country's short name for actor names: "Russia", not "Russian Federation"."""
    short: dict[str, str] = load_data("actors.json")["country_names"]
    if code in short:
        return short[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def _alternation(words: list[str]) -> str:
    """A regex group matching any of `words`, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class ActorRegistry:
    """Normalises actor phrases to canonical names and ACLED actor types."""

    def __init__(self, extra: Path | None = None) -> None:
        data: dict[str, Any] = load_data("actors.json")
        groups: list[dict[str, Any]] = list(data["groups"])
        generic: list[dict[str, Any]] = list(data["generic"])
        if extra is not None:
            user = json.loads(Path(extra).read_text(encoding="utf-8"))
            groups = list(user.get("groups", [])) + groups  # user entries win
            generic = list(user.get("generic", [])) + generic
        self.words = ActorWords.from_data(data)
        self._alias: dict[str, Entry] = {}
        self._acronym: dict[str, Entry] = {}
        for group in groups:
            for alias in [group["name"], *group.get("aliases", [])]:
                entry = (group["name"], group.get("type"))
                if len(alias) <= 5 and alias.replace(".", "").isupper():
                    self._acronym.setdefault(alias, entry)
                else:
                    self._alias.setdefault(alias.lower(), entry)
        self._generic: dict[str, tuple[str, str, bool]] = {}
        for item in generic:
            for head in item["heads"]:
                self._generic[head.lower()] = (item["name"], item["type"], bool(item.get("coref")))
        self._state_heads: dict[str, str] = {}
        for template, heads in data["state"].items():
            if template.startswith("_"):
                continue
            for head in heads:
                self._state_heads.setdefault(head.lower(), template)
        self._state_phrases = [w for w in sorted(self._state_heads, key=len, reverse=True)
                               if " " in w]
        self._bare_state = {h.lower() for h in data["bare_state_heads"]}
        self._country_words: dict[str, str] = {}
        self._country_words.update(demonyms())
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                name = getattr(country, attr, None)
                if name:
                    self._country_words.setdefault(name.lower(), country.alpha_2)
        self._alias_re = re.compile(
            r"(?<![\w-])(?:" + _alternation(list(self._alias)) + r")(?![\w-])", re.IGNORECASE)
        self._acronym_re = re.compile(
            r"(?<![\w-])(?:" + _alternation(list(self._acronym)) + r")(?![\w-]|\.\w)")
        # text with no capitals at all (lower-cased wires) can only name a group in lower case
        self._lower_acronym = {a.lower(): e for a, e in self._acronym.items() if len(a) >= 3}
        self._lower_acronym_re = re.compile(
            r"(?<![\w-])(?:" + _alternation(list(self._lower_acronym)) + r")(?![\w-]|\.\w)")
        self._country_re = re.compile(
            r"(?<![\w-])(" + _alternation(list(self._country_words)) + r")(?![\w])",
            re.IGNORECASE)

    def country_in(self, text: str) -> str | None:
        """ISO code of the first country name or demonym in `text`."""
        m = self._country_re.search(text)
        return self._country_words[m.group(1).lower()] if m else None

    def state_actor(self, code: str | None, template: str, text: str) -> Actor:
        """The state force `template` names ("Police Forces of {country}") for a country."""
        country = country_name(code) if code else "Unknown Country"
        return Actor(name=template.format(country=country), type="state forces", text=text)

    def normalise(self, text: str, head: str,
                  focus_country: str | None) -> tuple[Actor, bool] | None:
        """Normalise an actor phrase; `head` is its head word (lower-cased lemma).

        Returns the actor and whether it is a named actor (not a generic category).
        """
        words = self.words
        flat = " ".join(text.split())  # names run across line breaks in wrapped wires
        named = self.named_group(flat)
        if named is not None:
            return replace(named, text=text), True
        head = head.lower()
        lowered = flat.lower()
        template = self._state_template(head, lowered)
        if template is None and head in words.partitive_heads and len(lowered.split()) > 1:
            # "armed forces members", "army personnel": members of the force its words name
            rest = " ".join(text.split()[:-1])
            whole = self.normalise(rest, rest.split()[-1], focus_country)
            if whole is not None and whole[0].type == "state forces":
                return replace(whole[0], text=text), True
        if template is None and lowered.split():
            template = self._state_template(lowered.split()[-1], lowered)
        code = self.country_in(flat)
        if template is not None and head in ("army", "force", "forces") and any(
                w in words.insurgent_name_words for w in re.findall(
                    r"[a-z']+", self._country_re.sub(" ", lowered))):
            # "the popular liberation army", "the zarate willka liberation armed forces": a
            # force whose name says it fights the state, not the state's army; a group's own
            # name wins over the country it holds ("the Myanmar National Democratic
            # Alliance Army")
            return None
        if template is not None and code is not None:
            return self.state_actor(code, template, text), True
        if template is not None and (head in self._bare_state or lowered in self._bare_state
                                     or _DETERMINER.sub("", lowered) in self._bare_state):
            # "the armed forces", "the security forces": a bare head after its determiner
            return self.state_actor(focus_country, template, text), True
        if self._aircraft(head, lowered):
            return self._aircraft_side(text, lowered, focus_country)
        generic = self._generic.get(head) or self._generic.get(lowered) or \
            self._generic.get(_DETERMINER.sub("", lowered))  # "the death squads"
        if generic is not None and generic[1] == "civilians" and head not in \
                words.unarmed_roles and any(
                w in words.armed_modifiers for w in re.findall(r"[a-z]+", lowered)):
            # "heavily armed men", "unidentified individuals": an armed group, not civilians
            generic = self._generic.get("armed men", generic)
        if generic is not None:
            return Actor(name=generic[0], type=generic[1], text=text), False
        return None

    def _aircraft(self, head: str, lowered: str) -> bool:
        """Whether the phrase is headed by a military aircraft ('fighter jets', 'drones')."""
        words = lowered.split()
        heads = self.words.aircraft_heads
        return head in heads or (
            bool(words) and (words[-1] in heads or " ".join(words[-2:]) in heads))

    def _aircraft_side(self, text: str, lowered: str,
                       focus_country: str | None) -> tuple[Actor, bool]:
        """Whose aircraft: a generic armed word among the modifiers names a non-state side
        ('rebel drones'); otherwise the air force of the report's country ('fighter jets',
        'helicopter gunships': a kind of aircraft, not a group called 'Fighter')."""
        heads = self.words.aircraft_heads
        for word in re.findall(r"[a-z]+", lowered)[:-1]:
            found = self._generic.get(word)
            if found is not None and found[1] in NON_STATE_ARMED and word not in heads and \
                    not any(word in h.split() for h in heads):
                return Actor(name=found[0], type=found[1], text=text), False
        return self.state_actor(focus_country, "Military Forces of {country}", text), True

    def _listed_names(self, text: str) -> Iterator[tuple[re.Match[str], Entry]]:
        """Every spelling or acronym of a listed group in `text` (in lower-cased text, the
        acronyms written in lower case too)."""
        tables = [(self._alias_re, self._alias, True), (self._acronym_re, self._acronym, False)]
        if text == text.lower():
            tables.append((self._lower_acronym_re, self._lower_acronym, True))
        for regex, table, fold in tables:
            for m in regex.finditer(text):
                entry = table.get(m.group(0).lower() if fold else m.group(0))
                if entry is not None:
                    yield m, entry

    def named_groups(self, text: str) -> list[Actor]:
        """Every listed group the phrase names, in order ("FMLN and ERP guerrillas")."""
        text = " ".join(text.split())
        found = [(m.start(), Actor(entry[0], entry[1], m.group(0)))
                 for m, entry in self._listed_names(text)]
        return [actor for _, actor in sorted(found, key=lambda f: f[0])]

    def named_group(self, text: str) -> Actor | None:
        """The listed group of the longest name in `text`."""
        best: tuple[int, Entry] | None = None
        for m, entry in self._listed_names(text):
            if best is None or len(m.group(0)) > best[0]:
                best = (len(m.group(0)), entry)
        if best is None:
            return None
        name, typ = best[1]
        return Actor(name=name, type=typ, text=text)

    def is_coref_category(self, actor: Actor) -> bool:
        """Whether the generic category stands for a named group told elsewhere ("the
        militants")."""
        return any(name == actor.name and coref for name, _, coref in self._generic.values())

    def _state_template(self, head: str, lowered: str) -> str | None:
        for words in self._state_phrases:
            if words in lowered:
                return self._state_heads[words]
        return self._state_heads.get(head)


@cache
def default_registry() -> ActorRegistry:
    """The built-in registry, built once per process."""
    return ActorRegistry()
