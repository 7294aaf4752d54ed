"""Finding casualty mentions in a sentence or a doc: runs the figure and single-victim
readers, then marks each mention cumulative, hit, besides or perpetrator."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualty_figures import (
    _after_trigger,
    _before_trigger,
    _by_dependency,
    _fatally,
    _multiples,
    _noun_after,
    _toll,
    _zeros,
)
from sitrep.extract.casualty_lexicon import (
    _ATTACKER_NOUNS,
    _GUNFIRE_NOUNS,
    _HOSPITAL_VERBS,
    _LINE_BREAK_RE,
    _LINK_RE,
    _LIVES_PERIOD,
    _ORDINAL_VALUES,
    _OTHERS_ADVERBS,
    _OTHERS_ORDINALS,
    _OTHERS_WORDS,
    _PERIOD_PERFECT_RE,
    _PERIOD_RE,
    _REFLEXIVE,
    _ROUNDUP_NOUNS,
    _ROUNDUP_PREPOSITIONS,
    _SHOT_VERBS,
    _STRIKE_VERBS,
    _SURVIVOR_CONJUNCTS,
    _TWO_DEATHS_RE,
    is_person_noun,
)
from sitrep.extract.casualty_mention import CasualtyMention, _overlaps
from sitrep.extract.casualty_persons import (
    _clause_subject,
    _conjuncts,
    _deaths_told_as_acts,
    _one_person,
    _own_deaths,
    _singles,
    _subject,
)
from sitrep.extract.casualty_words import (
    _FOUND_VERBS,
    _alive_when_told,
    _lives_counted,
    _loses_life,
)
from sitrep.extract.numbers import _Qty, _quantities
from sitrep.record import Count

_CONTRAST_MARKS = frozenset({"while", "whereas"})
_PERIOD_VERBS = {"begin", "start", "erupt", "break"}  # "since the war began"


def _over_period(trig: Token) -> bool:
    """A tally counted over a period, not one incident's toll: "killed so far this year",
    "die annually", "have been killed this year", "had been killed in 2016"."""
    words_of = [trig, *(c for c in trig.children if c.dep_ == "conj")]  # "shot or killed"
    if trig.dep_ in ("ccomp", "acl", "oprd") and trig.head.pos_ == "VERB":
        words_of.append(trig.head)  # "this year, it has seen 76 people shot"
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "'ve")
                  for w in words_of for c in w.children)
    for c in (c for w in words_of for c in w.children):
        if c.dep_ not in ("advmod", "npadvmod", "prep"):
            continue
        words = " ".join(t.lower_ for t in c.subtree)
        if _PERIOD_RE.search(words) or (perfect and _PERIOD_PERFECT_RE.search(words)):
            return True
    return False


def _roundup(sent: Span, triggers: set[int]) -> bool:
    """A sentence that adds up several incidents: "12 dead, 40 wounded in weekend shootings
    across the city", "two killed in several shootings" (a casualty word
    or figure with a plural incident noun, with no determiner, as its "in", "during" or
    "across" object)."""
    for tok in sent:
        plural = tok.tag_ in ("NNS", "NNPS") or (tok.tag_ == "NNP" and tok.lower_.endswith("s"))
        if tok.lemma_.lower() not in _ROUNDUP_NOUNS or not plural:
            continue
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in _ROUNDUP_PREPOSITIONS or any(
                c.dep_ in ("det", "poss") for c in tok.children):
            continue  # not "wounded in the shootings": one known incident
        if prep.head.i in triggers or prep.head.like_num or prep.head.head.i in triggers:
            return True
    return False


def _running_since(trig: Token) -> bool:
    """A toll counted over a period: "13,000 people have been killed since 1980", "killed
    since the war began"."""
    for c in trig.children:
        if c.lower_ == "since" and c.dep_ == "prep":
            return True
        if c.dep_ == "advcl" and any(g.lower_ == "since" and g.dep_ == "mark"
                                     for g in c.children) and c.lemma_.lower() in _PERIOD_VERBS:
            return True
    return False


def _lives_over_time(trig: Token) -> bool:
    """Lives told over a period: "the war has claimed 70,000 lives", "2,000 soldiers have lost
    their lives", "the insurgency claimed 40,000 lives"."""
    if _lives_counted(trig):
        verb = trig.head
    elif _loses_life(trig):
        verb = trig
    else:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children):
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _LIVES_PERIOD for c in verb.children)


def _add_coordinated(doc: Doc, q: _Qty, mention: CasualtyMention, limit: int) -> None:
    """A figure coordinated with single persons counts them too: "a 13-year-old boy and six
    other people were shot" is seven, "he and four others were wounded" five."""
    noun, _j = _noun_after(doc, q, limit)
    node = noun if noun is not None else doc[q.end - 1]
    root = node
    while root.dep_ == "conj" and root.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
        root = root.head
    trig = doc[mention.trigger]
    found_as = root.head.lemma_.lower() in _FOUND_VERBS and trig.head.i == root.head.i
    if (root is node and not _conjuncts(node)) or (root.head.i != mention.trigger
                                                    and not found_as):
        return  # not "he had been shot and three people had been killed"
    first = min(t.i for t in root.subtree)
    if any(t.pos_ in ("VERB", "AUX") for t in doc[first:q.start]):
        return  # the parser joined words of two clauses
    # after the figure, names ("two sons, Julian and Ian") name the counted, while a common
    # noun ("three men and a teenager") is one more
    extra = sum(1 for m in [root, *_conjuncts(root)]
                if m.i != node.i and not q.start <= m.i < q.end
                and (m.i < q.start or m.pos_ != "PROPN")
                and _one_person(m, trig, alone=True) is not None)
    if extra:
        mention.joined = extra
        c = mention.count
        c.low, c.best, c.high = c.low + extra, c.best + extra, c.high + extra


def _others(doc: Doc, m: CasualtyMention, trig: Token) -> bool:
    """People shot told apart from those killed: "four other men were shot", "the other
    two were taken to hospital", "six more were shot", "her boyfriend was also shot". The
    killed are not among them, so they are not people hit (`CasualtyMention.hit`)."""
    if any(c.dep_ == "advmod" and c.lower_ in _OTHERS_ADVERBS for c in trig.children):
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    window = doc[max(span.start - 2, 0):min(span.end + 3, len(doc))]
    if any(t.lower_ in _OTHERS_ORDINALS and t.i > 0 and doc[t.i - 1].lower_ in ("a", "an")
           for t in span if t.i < trig.i):
        return True  # "a fourth person was taken to a hospital": one not told before
    return any(t.lower_ in _OTHERS_WORDS or _more_after_number(t)
               for t in window if t.i < trig.i)


def _more_people(doc: Doc, m: CasualtyMention, trig: Token) -> bool:
    """A figure of people besides those told before it: "two others were wounded", "three
    other people were hurt", "six more were shot"; not "the other two", the rest of a set
    told before ("four were shot; one died and the other three were treated")."""
    if m.person >= 0:  # "another man was wounded"
        who = doc[m.person]
        return who.lower_ == "another" or any(c.lower_ == "another" for c in who.children)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    end = min(span.end + 2, len(doc), trig.i)
    if any(t.lower_ == "the" for t in doc[max(span.start - 2, 0):end]):
        return False
    return any(t.lower_ in _OTHERS_WORDS or _more_after_number(t)
               for t in doc[max(span.start - 1, 0):end])


def _more_after_number(tok: Token) -> bool:
    """"six more (people) were shot": "more" after a figure adds people to those told before
    (not "more than six")."""
    return (tok.lower_ == "more" and tok.i > 0 and tok.doc[tok.i - 1].like_num
            and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "than"))


def _survivors(trig: Token) -> bool:
    """"shot and wounded", "shot and injured": people hurt, told apart from the dead."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in _SURVIVOR_CONJUNCTS
               for c in trig.children)


def _while_apart(doc: Doc, trig: Token, found: list[CasualtyMention]) -> bool:
    """"Roe died at the scene while three men suffered gunshot wounds": people hit in a clause
    set against a death by "while" are not among the dead."""
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head
    dead = [doc[o.trigger] for o in found if o.kind == "killed"]

    def against(clause: Token) -> bool:
        return clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in clause.children)

    return (against(verb) and any(verb.head == d for d in dead)) or any(
        against(d) and d.head == verb for d in dead)


def _hit_word(trig: Token) -> bool:
    """A casualty word that tells people struck, who may have died of it: "shot", "taken to
    hospital", "the shooting of a boy", "a quadruple shooting", "suffered a gunshot wound"."""
    lemma = trig.lemma_.lower()
    if lemma in _SHOT_VERBS | _HOSPITAL_VERBS or trig.lower_ in _SHOT_VERBS:
        return True
    if (trig.pos_ == "VERB" and lemma in _STRIKE_VERBS) or lemma == "victim":
        return True  # "struck by gunfire", "gunshot victims": the killed may be among them
    if trig.pos_ == "NOUN" and trig.lower_ in ("shooting", "shootings"):
        return True
    return lemma in ("wound", "injury") and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _GUNFIRE_NOUNS
        for c in trig.children)


def _died_later(doc: Doc, found: list[CasualtyMention]) -> None:
    """One person told hurt and then dead ("Roe was wounded in the head. Roe died at the
    hospital", "Roe was in critical condition until she died"): the wounded person is among
    the killed, a person hit (`CasualtyMention.hit`), as "shot" is."""
    dead = [m for m in found if m.kind == "killed" and m.person >= 0 and not m.perpetrator
            and doc[m.person].lower_ not in _REFLEXIVE]
    if not dead:
        return
    names = {doc[m.person].lower_ for m in dead if doc[m.person].pos_ == "PROPN"}
    for m in found:
        if m.kind != "injured" or m.hit or m.person < 0 or m.count.best != 1:
            continue
        who = doc[m.person]
        if who.pos_ == "PROPN":
            m.hit = who.lower_ in names
        if not m.hit:
            end = who.sent.end
            m.hit = any(who.i < d.person < end and doc[d.person].pos_ == "PRON" for d in dead)


def _pronoun_of_the_dead(doc: Doc, found: list[CasualtyMention]) -> None:
    """"A teen was shot and killed ... He was in critical condition when he was taken to the
    hospital": where the one person told dead is the only person told hurt or dead before
    a "he" or "she" told hurt, the pronoun names the dead (a person hit, as "shot" is)."""
    dead = [m for m in found if m.kind == "killed" and not m.count.cumulative
            and not m.perpetrator]
    if not dead or any(m.count.best != 1 or m.besides for m in dead):
        return
    for m in found:
        if m.kind != "injured" or m.hit or m.person < 0 or m.count.best != 1:
            continue
        if doc[m.person].lower_ not in ("he", "she"):
            continue
        before = [o for o in found if o.start < m.start and not o.count.cumulative
                  and not o.perpetrator]
        if any(o.kind == "killed" for o in before) and all(
                o.kind == "killed" or o.hit or (o.person >= 0 and doc[o.person].pos_ == "PRON")
                for o in before):
            m.hit = True


def _name_of(doc: Doc, person: int) -> str | None:
    """The name a single victim is told by ("Christianson died"), when it is one (not a word
    of a text in capitals)."""
    tok = doc[person]
    if tok.pos_ != "PROPN" or tok.text.isupper() or is_person_noun(tok.lower_):
        return None  # not "16-Year-Old Girl Killed", a headline in title case
    return tok.lower_


def _full_names(doc: Doc) -> list[set[str]]:
    """The words of each run of two or more proper nouns ("Marcus Bell", "Gustav Duane
    Christianson"), whatever entity type the model gives it."""
    runs: list[set[str]] = []
    run: list[str] = []
    for t in [*doc, None]:
        if t is not None and t.pos_ == "PROPN" and not t.text.isupper():
            run.append(t.lower_)
            continue
        if len(run) > 1:
            runs.append(set(run))
        run = []
    return runs


def _in_two_clauses(doc: Doc, first: CasualtyMention, then: CasualtyMention) -> bool:
    """Two single deaths told in coordinated clauses of one sentence, each of a person told
    by a different noun: "the man was pronounced dead at the scene and the 3-year-old child
    later died"."""
    a, b = doc[first.trigger], doc[then.trigger]
    p, q = doc[first.person], doc[then.person]
    if a.sent.start != b.sent.start or a.i == b.i or not (
            b.dep_ == "conj" and b.head.i in (a.i, a.head.i)):
        return False
    return p.pos_ == q.pos_ == "NOUN" and p.lemma_ != q.lemma_ and q.lemma_ not in (
        "victim", "person") and p.i < a.i < q.i < b.i  # not "... and the victim died"


def _when_clause(trig: Token) -> bool:
    """The death dates another act ("officials recalled such news when Officer Dunn was
    killed in 2019"): a death told in a "when" clause is no other death of the incident."""
    return trig.dep_ in ("advcl", "relcl") and any(
        c.lower_ == "when" and c.dep_ == "advmod" for c in trig.children)


def _named_apart(doc: Doc, found: list[CasualtyMention]) -> None:
    """"Christianson died at the scene. Jayden died at a hospital": single deaths told of
    people with different names, names no full name of the text joins, are as many deaths;
    each after the first is one more (`CasualtyMention.besides`)."""
    full: list[set[str]] | None = None  # the text's full names, read when first needed
    seen: list[str] = []
    single: list[CasualtyMention] = []
    for m in found:
        if m.kind != "killed" or m.person < 0 or m.perpetrator or m.count.best != 1 or (
                m.count.cumulative):
            continue
        if any(_in_two_clauses(doc, o, m) for o in single):
            m.besides = True  # "the man died at the scene and the child died later"
        single.append(m)
        name = _name_of(doc, m.person)
        if name is None or _when_clause(doc[m.trigger]):
            continue
        if seen and all(not (n.startswith(name) or name.startswith(n)) for n in seen):
            full = _full_names(doc) if full is None else full
            if not any({n, name} <= f for f in full for n in seen):
                m.besides = True
        if name not in seen:
            seen.append(name)


def _attacker(doc: Doc, m: CasualtyMention) -> bool:
    """One person named by an attacker noun ("the suspect was killed", "police fatally
    wounded the gunman")."""
    return m.person >= 0 and doc[m.person].lemma_.lower() in _ATTACKER_NOUNS


def _attackers_dead(doc: Doc, found: list[CasualtyMention]) -> None:
    """"An officer was shot and the suspect was killed": when every death told is the
    attacker's, and one is told by an attacker noun, the people shot are not among the
    killed (not `hit`). An attacker's death told only as his own ("shot his wife before
    killing himself") does not count: such reports often tell the victims' deaths as shots."""
    dead = [m for m in found if m.kind == "killed" and not m.count.cumulative]
    if not any(_attacker(doc, m) for m in dead) or not all(
            _attacker(doc, m) or m.perpetrator or (
                m.person >= 0 and doc[m.person].lower_ in _REFLEXIVE) for m in dead):
        return
    for m in found:
        if m.kind == "injured" and m.hit and not _attacker(doc, m):
            m.hit = False


def _own_death_twice(doc: Doc, m: CasualtyMention, found: list[CasualtyMention]) -> bool:
    """"The gunman turned the gun on himself and died": the attacker's own death told by the
    act (`m`) of one whose death is told as well, a second time."""
    if not m.perpetrator or m.kind != "killed":
        return False
    trig = doc[m.trigger]
    who = _subject(trig) or _clause_subject(trig)
    return who is not None and any(
        o is not m and o.kind == "killed" and o.person == who.i for o in found)


def find_casualties(doc: Doc, sent: Span | None = None) -> list[CasualtyMention]:
    """Casualty figures in one sentence, or in every sentence of the doc, in text order (over
    the doc, one person told hurt and then dead is marked as hit: `_died_later`; people shot
    where only the attacker died are not: `_attackers_dead`; a death told only as an act is
    dropped where the text gives a figure of the dead)."""
    if sent is None:
        every = [m for s in doc.sents for m in find_casualties(doc, s)]
        if any(m.kind == "killed" and not (m.count.open_ended or m.perpetrator) for m in every):
            # a death told only as an act ("charged with murder") counts only where the text
            # gives no figure of the dead anywhere
            every = [m for m in every if not m.count.open_ended]
        _died_later(doc, every)
        _pronoun_of_the_dead(doc, every)
        _named_apart(doc, every)
        _attackers_dead(doc, every)
        _nth_hurt(doc, every)
        every = [m for m in every if not _own_death_twice(doc, m, every)]
        return every
    cut = sent.start_char
    link = _LINK_RE.match(sent.text)
    if link is not None:
        # "RELATED: Two men shot in ...": another story's; the parser may join the next line
        # to it ("MORE: 4 shot in SE  Three other males were also shot."), which is kept
        brk = _LINE_BREAK_RE.search(sent.text, link.end())
        if brk is None or not sent.text[brk.end():].strip():
            return []
        cut = sent.start_char + brk.end()
    qtys = _quantities(sent)
    used: set[int] = set()
    found: list[CasualtyMention] = []
    for q, toll in _toll(doc, sent, qtys):
        used.add(q.start)
        found.append(toll)
    for q in qtys:
        if q.start in used:
            continue
        mention: CasualtyMention | None = (
            _fatally(doc, q, sent.end)
            or _before_trigger(doc, q, sent.end)
            or _after_trigger(doc, q, sent.start, sent.end)
            or _by_dependency(doc, q, sent.end)
        )
        if mention is not None:
            used.add(q.start)
            _add_coordinated(doc, q, mention, sent.end)
            found.append(mention)
    taken = [(m.start, m.end) for m in found]
    for z in _zeros(doc, sent):
        if not _overlaps(z.start, z.end, taken):
            found.append(z)
    taken = [(m.start, m.end) for m in found]
    found.extend(m for m in _multiples(doc, sent)
                 if not _overlaps(m.start, m.end, taken))
    taken = [(m.start, m.end) for m in found]
    triggers = {m.trigger for m in found}
    found.extend(m for m in _singles(doc, sent, taken) if m.trigger not in triggers)
    taken = [(m.start, m.end) for m in found]
    found.extend(m for m in _own_deaths(doc, sent)
                 if not _overlaps(m.start, m.end, taken))
    if not any(m.kind == "killed" and not m.perpetrator for m in found):
        taken = [(m.start, m.end) for m in found]
        found.extend(m for m in _deaths_told_as_acts(doc, sent)
                     if not _overlaps(m.start, m.end, taken))
    # not an act told with its agent ("gunmen killed two guards in separate shootings")
    roundup = _roundup(sent, {m.trigger for m in found if not (
        any(c.dep_ == "nsubj" for c in doc[m.trigger].children)
        and any(c.dep_ == "dobj" for c in doc[m.trigger].children))})
    for m in found:
        m.perpetrator = m.perpetrator or (m.kind == "killed" and m.count.text.lower() in _REFLEXIVE)
        trig = doc[m.trigger]
        if _running_since(trig) or _lives_over_time(trig) or (
                m.person < 0 and m.count.best > 1 and (roundup or _over_period(trig))):
            m.count.cumulative = True
        m.hit = m.kind == "injured" and _hit_word(trig) and not _survivors(trig)
        if m.hit and ((not m.joined and _others(doc, m, trig)) or _while_apart(doc, trig, found)):
            m.hit = False
        m.more = _more_people(doc, m, trig)
        m.besides = (m.kind == "killed" and m.person >= 0 and not m.perpetrator
                     and not m.count.cumulative and any(
                         c.dep_ == "advmod" and c.lower_ in _OTHERS_ADVERBS
                         for c in trig.children))
    if not any(m.kind == "killed" and not m.perpetrator for m in found):
        for m in found:  # "was hospitalized in stable condition": alive, not among the dead
            if m.hit and _alive_when_told(doc[m.trigger]):
                m.hit = False
    found = [m for m in found if m.start >= cut and not _partitive_set(doc, m, found)]
    found.sort(key=lambda m: m.start)
    return found


def _ordinal_of(who: Token) -> int | None:
    """The value of the ordinal that tells one person ("a fifth person", "the fourth victim",
    "a fourth wounded"), when an "a" or "the" goes with it."""
    words = [who] if who.lower_ in _ORDINAL_VALUES else [
        c for c in who.children if c.dep_ in ("amod", "nummod") and c.i < who.i
        and c.lower_ in _ORDINAL_VALUES]
    if len(words) != 1:
        return None
    word = words[0]
    det = [c for c in who.children if c.dep_ == "det"]
    if not det and word.i > 0 and who.doc[word.i - 1].lower_ in ("a", "an", "the"):
        det = [who.doc[word.i - 1]]
    if not det or det[0].lower_ not in ("a", "an", "the"):
        return None
    return _ORDINAL_VALUES[word.lower_]


def nth_person(doc: Doc, m: CasualtyMention) -> bool:
    """Whether `m` counts people hit up to one told by an ordinal ("a fifth person was
    hurt": five), as `_nth_hurt` reads it."""
    return (m.kind == "injured" and m.hit and m.person >= 0
            and _ordinal_of(doc[m.person]) == m.count.best > 1)


def _nth_dead(doc: Doc, m: CasualtyMention, dead: int) -> None:
    """One death told by an ordinal that follows the deaths told before it ("a teen died
    at the scene ... a second teen has died", or that ordinal alone) counts them all: the
    figure is the ordinal's value. Not an ordinal of the people shot ("a second officer who
    was shot has died")."""
    who = doc[m.person]
    n = _ordinal_of(who)
    if n is None or n != max(dead, 1) + 1 or any(
            c.dep_ in ("relcl", "acl") and _hit_word(c) for c in who.children):
        return  # not "a second officer who was shot has died": the second of those shot
    c = m.count
    m.count = Count(low=n, best=n, high=n, who=c.who, text=c.text, cumulative=c.cumulative)
    m.besides = False


def _nth_hurt(doc: Doc, found: list[CasualtyMention]) -> None:
    """One person told hurt by an ordinal is the last of that many people hit: "three men
    were shot dead and a fourth man was wounded" tells four people hit, the three killed
    among them, so the figure is four, of people hit (`CasualtyMention.hit`). Not where the
    ordinal does not pass the deaths told before it ("two died; a second man was armed").
    One death told by an ordinal is read by `_nth_dead`."""
    dead = 0
    for m in found:
        if m.kind == "killed" and not m.count.cumulative and not m.perpetrator:
            dead = max(dead, m.count.best)
        if m.kind == "killed" and m.person >= 0 and m.count.best == 1 and not m.perpetrator:
            _nth_dead(doc, m, dead)
        if m.kind != "injured" or m.person < 0 or m.count.best != 1 or m.joined:
            continue
        n = _ordinal_of(doc[m.person])
        if n is None or n <= dead:
            continue
        c = m.count
        m.count = Count(low=n, best=n, high=n, who=c.who, text=c.text, cumulative=c.cumulative)
        m.hit = True


def _partitive_set(doc: Doc, m: CasualtyMention, found: list[CasualtyMention]) -> bool:
    """The whole of a part told with the same casualty word: in "one of the two
    firefighters shot has died", "four of the five victims were shot to death" and "one of
    the four died" the figure is the part's (one, four, one), not the set's (two, five,
    four). ("Two of the three men shot were killed" tells two figures, on two words.)"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    for t in span:
        if t.dep_ == "nummod" and t.head.dep_ == "pobj" and t.head.head.lower_ == "of":
            of = t.head.head  # "of the two firefighters"
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.like_num:
            of = t.head  # "of the four"
        else:
            continue
        part = of.head
        if part.like_num or part.pos_ == "NUM":
            return any(o is not m and o.kind == m.kind and o.trigger == m.trigger
                       and o.start <= part.idx < o.end for o in found)
    return False


def two_deaths(sent: Span) -> tuple[int, int] | None:
    """The char span of "murder-suicide" in a sentence (not "an attempted murder-suicide"):
    an incident so called has at least two dead, the victim and the killer."""
    for m in _TWO_DEATHS_RE.finditer(sent.text):
        if not m.group("not"):
            return sent.start_char + m.start(), sent.start_char + m.end()
    return None
