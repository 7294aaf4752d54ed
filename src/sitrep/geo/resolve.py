"""Place resolution, the public entry point: `GeoResolver.resolve` finds the place mentions
of a parsed article, resolves them against the gazetteer and returns `ArticlePlaces`, which
picks each event's location.

The resolver's steps live in one module each and build on one another, in the order
`resolve` runs them (each class adds its step to the one before):

- `names.py` (`NameReader`): capitalised runs, gazetteer look-ups and matches, place nouns,
  place prepositions;
- `unknown.py` (`UnknownNames`): whether a name the gazetteer lacks, or knows only in
  pieces, is still a place;
- `candidates.py` (`CandidateFinder`): the article's candidate names (`Cand`), the dateline's
  names, known places the tagger mislabels;
- `context.py` (`ContextReader`): the words around each name: compass words, distances,
  place nouns, containers, lists;
- `focus.py` (`FocusReader`): the focus country, the story's division, reference points;
  `links.py`: which names hold together;
- `ranking.py` (`Ranker`): the score of each reading and the passes over all names;
- `mentions.py` (`MentionBuilder`): place mentions with their precision and location;
- `event_place.py` (`ArticlePlaces`) and `fallbacks.py`: the event's own location.

`model.py` holds the records passed along (`Cand`, `PlaceMention`) and shared helpers,
`words.py` the word lists of ``data/resolve.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.geo.event_place import ArticlePlaces
from sitrep.geo.focus import own_division
from sitrep.geo.links import Links
from sitrep.geo.mentions import MentionBuilder
from sitrep.geo.model import PRECISION_OF_KIND, PRECISION_RANK, Cand, PlaceMention
from sitrep.record import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PRECISION_OF_KIND", "PRECISION_RANK", "ArticlePlaces", "GeoResolver", "PlaceMention"]


class GeoResolver(MentionBuilder):
    """Finds and resolves the place mentions of parsed articles against a gazetteer."""

    def resolve(self, doc: Doc, dateline: Span | None = None) -> ArticlePlaces:
        """Find the place mentions of a parsed article and resolve them."""
        wholes: list[Cand] = []
        persons = frozenset(doc[k].lower_ for ent in doc.ents if ent.label_ == "PERSON"
                            and len(ent) > 1 for k in range(ent.start, ent.end))
        cands = self._persons_apart(doc, self._candidates(doc, wholes), persons)
        self._context(doc, cands)
        in_dateline = self._dateline_cands(doc, cands, dateline)
        self._surnames(doc, cands, persons)
        self._mistaken_names(doc, cands, persons)
        links = Links()
        keys = {id(c): doc[c.i:c.j].text.casefold() for c in cands}
        for c in cands:
            if c.candidates and (c.strong or own_division(c) or (
                    c.candidates[0].kind == "admin1" and c.candidates[0].primary)):
                links.add(keys[id(c)], c.candidates)
        focus, focus_span = self._focus(doc, cands, links, keys, persons)
        links.state = self._division_focus(doc, cands, focus, keys)
        contained = {id(c.container) for c in cands if c.container is not None
                     and c.container.end_tok <= c.end_tok and c.container.i > c.i}
        for c in cands:
            if c.container is None:
                c.place = self._choose(c, focus, links=links, key=keys[id(c)])
        self._holding_readings(cands)
        self._implicit_containers(cands, focus)
        for _ in range(2):  # containers first, so that what they contain is checked against them
            for c in cands:
                if c.container is not None:
                    c.place = self._choose(c, focus, links=links, key=keys.get(id(c), ""))
        region, anchors, divisions = self._region(cands, focus)
        for c in cands:
            if c.strong and c.place is not None:
                links.hold(keys.get(id(c), ""), c.place)
        if region is not None or anchors or divisions or links.holding:
            for c in cands:
                if c.container is None and len(c.candidates) > 1:
                    c.place = self._choose(c, focus, region, anchors, divisions, links,
                                           keys.get(id(c), ""))
            self._holding_readings(cands)
        self._one_sense(doc, cands)
        self._strays_abroad(doc, cands, focus)
        self._list_siblings(doc, cands)
        mentions: list[PlaceMention] = []
        latent: list[PlaceMention] = []
        for c in cands:
            if id(c) in contained:
                continue  # folded into the mention that contains it
            m = self._mention(doc, c, focus, persons)
            if m is not None and m.weak:
                latent.append(m)  # only an event word acting on it makes it a place
            elif m is not None:
                if id(c) in in_dateline:
                    m.cue = "dateline"  # not part of any sentence's own account
                mentions.append(m)
        for c in wholes:
            m = self._mention(doc, c, focus)
            if m is not None:
                m.whole = True
                latent.append(m)
        places = ArticlePlaces(mentions=mentions, focus_country=focus, doc=doc,
                               gazetteer=self.gaz, focus_span=focus_span, latent=latent)
        if dateline is not None:
            named = [m for m in mentions if m.cue == "dateline" and m.place is not None]
            places.dateline = self._dateline(dateline, focus, named)
        return places
