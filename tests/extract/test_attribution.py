"""Attribution: source, hedging and denial on written sentences."""

from __future__ import annotations

import pytest

from sitrep.extract.attribution import article_source, find_attribution


def _trigger(doc, sent, word: str) -> int:  # type: ignore[no-untyped-def]
    return next(t.i for t in sent if t.text == word)


def _last_sentence_attribution(nlp, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    sents = [s for s in doc.sents if any(t.text == word for t in s)]
    sent = sents[-1]
    return doc, find_attribution(doc, sent, _trigger(doc, sent, word))


# text, trigger word, (source, hedged, denied), a phrase that `text` must contain
CASES = [
    ("Police said two soldiers were killed in the blast.", "killed",
     ("Police", False, False), "Police said"),
    ("Two soldiers were killed, the Defence Ministry said in a statement.", "killed",
     ("Defence Ministry", False, False), "said"),
    ("Nine people died in the crash, an AFP correspondent reported.", "died",
     ("AFP correspondent", False, False), "reported"),
    ("Colonel Amir Haddad told AFP that the rebels had shelled the camp.", "shelled",
     ("Colonel Amir Haddad", False, False), "told AFP"),
    ("A spokesman for the Northern Operations Command said 12 militants were killed.", "killed",
     ("Northern Operations Command", False, False), "said"),
    ("Twelve militants were killed, according to the provincial governor.", "killed",
     ("provincial governor", False, False), "according to"),
    ("Rebels reportedly shelled the market, a claim that could not be independently verified.",
     "shelled", (None, True, False), "reportedly"),
    ("The group allegedly beheaded two hostages.", "beheaded", (None, True, False), "allegedly"),
    ("The militia claimed it shot down a helicopter.", "shot",
     ("militia", True, False), "claimed"),
    ("The army denied carrying out the strike that killed five farmers.", "killed",
     ("army", False, True), "denied"),
    ("The rebels rejected claims that they had attacked the convoy.", "attacked",
     ("rebels", True, True), "rejected"),
    ("Troops, who said they had retaken the bridge, advanced north.", "retaken",
     ("Troops", False, False), "said"),
    ("Gunmen killed three villagers on Tuesday.", "killed", None, None),
]


@pytest.mark.parametrize(("text", "word", "expected", "phrase"), CASES)
def test_find_attribution(nlp, text: str, word: str, expected, phrase) -> None:  # type: ignore[no-untyped-def]
    doc, att = _last_sentence_attribution(nlp, text, word)
    if expected is None:
        assert att is None
        return
    assert att is not None
    assert (att.source, att.hedged, att.denied) == expected
    assert phrase in att.text
    assert doc.text[att.start : att.end] == att.text


def test_statement_in_next_sentence_refers_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("On Friday, a military statement said troops had entered the old city. "
            "Engineers cleared four roads, the statement said.")
    _, att = _last_sentence_attribution(nlp, text, "cleared")
    assert att is not None and att.source == "military statement"


def test_possessive_office_resolves_to_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The U.N. refugee office in Amman said it was alarmed. "
            "Spokesman Tomas Berg told reporters that his office had reports indicating "
            "that six children were killed in the raid.")
    _, att = _last_sentence_attribution(nlp, text, "killed")
    assert att is not None
    assert att.source == "U.N. refugee office"
    assert att.hedged and "reports indicating" in att.text


def test_pronoun_takes_earlier_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The army said it killed 40 insurgents. It added that three soldiers died."
    _, att = _last_sentence_attribution(nlp, text, "died")
    assert att is not None and att.source == "army"


def test_open_quote_takes_speaker_of_closing_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“They burned the market. Nobody could stop them,” said one shopkeeper."
    doc = nlp(text)
    first = next(iter(doc.sents))
    att = find_attribution(doc, first, _trigger(doc, first, "burned"))
    assert att is not None and att.source == "shopkeeper"


def test_no_trigger_uses_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Fighting continued near the airport, residents said.")
    att = find_attribution(doc, next(iter(doc.sents)))
    assert att is not None and att.source == "residents"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KABUL (Reuters) - A bomb exploded near the ministry on Monday.", "Reuters"),
        ("ADEN, Yemen (AFP) - Fighting resumed on the outskirts.", "AFP"),
        ("A bomb exploded near the ministry on Monday.", None),
    ],
)
def test_article_source(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    assert article_source(nlp(text)) == expected


# text, trigger word, (source, hedged, denied)
MORE_CASES = [
    ("The Syrian Observatory for Human Rights said 23 fighters were killed.", "killed",
     ("Syrian Observatory for Human Rights", False, False)),
    ("Two police officers were killed, a police spokeswoman said.", "killed",
     ("police", False, False)),
    ("A statement from the presidency said the two sides had signed a truce.", "signed",
     ("presidency", False, False)),
    ("Unconfirmed reports said dozens of fighters were killed.", "killed", (None, True, False)),
    ("The village was said to have been looted by militiamen.", "looted", (None, True, False)),
    ("KABUL (Reuters) - Gunmen killed four police officers at a checkpoint.", "killed",
     ("Reuters", False, False)),
    ("Suspected militants attacked a bus near the border, police said.", "attacked",
     ("police", False, False)),
    ("Officials dismissed allegations that police had beaten the demonstrators.", "beaten",
     ("Officials", True, True)),
]


@pytest.mark.parametrize(("text", "word", "expected"), MORE_CASES)
def test_source_normalisation(nlp, text: str, word: str, expected) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    att = find_attribution(doc, tok.sent, tok.i)
    assert att is not None
    assert (att.source, att.hedged, att.denied) == expected


# Speakers the parse leaves awkward, names that run on, and cues that name no one.
# text, trigger word, (source, hedged, denied)
SPEAKER_CASES = [
    ("BEIRUT, Feb 2 (Xinhua) -- Artillery shells hit a school in the southern suburbs.", "hit",
     ("Xinhua", False, False)),
    ("Rockets hit the port, according to three harbour officials.", "hit",
     ("harbour officials", False, False)),
    ("The Moscow-backed Donetsk People's Militia said it had downed a drone.", "downed",
     ("Donetsk People's Militia", False, False)),
    ("The Saudi-led coalition said its jets had struck a weapons store.", "struck",
     ("Saudi-led coalition", False, False)),
    ("The UN Office for Project Services said gunmen had torched its depot.", "torched",
     ("UN Office for Project Services", False, False)),
    ("A spokeswoman for the regional governor said two bridges were blown up.", "blown",
     ("regional governor", False, False)),
    ("The mayor of Kharkiv wrote on Telegram that a missile hit a school.", "hit",
     ("mayor of Kharkiv", False, False)),
    ("Officials in Herat said a bomb exploded in a mosque.", "exploded",
     ("Officials", False, False)),
    ("Uganda's army chief said his troops had crossed the river.", "crossed",
     ("Uganda's army chief", False, False)),
    ("Kenya's police spokesman said the bandits had stolen 300 cattle.", "stolen",
     ("Kenya's police", False, False)),
    ("Nine guards died, said a statement released by the prison service.", "died",
     ("prison service", False, False)),
    ("The rebels condemned the raid, saying troops had burned 40 homes.", "burned",
     ("rebels", False, False)),
    ("TASS quoted a regional official as saying that the dam was damaged.", "damaged",
     ("regional official", False, False)),
    ("Aid workers in the valley said the militia had looted the granary.", "looted",
     ("Aid workers", False, False)),
    ("The rebels reportedly took the pass, though there was no independent confirmation.",
     "took", (None, True, False)),
    ("About 30 miners were feared dead after the attack on the camp.", "dead",
     (None, True, False)),
]


@pytest.mark.parametrize(("text", "word", "expected"), SPEAKER_CASES)
def test_speaker_phrases(nlp, text: str, word: str, expected) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    att = find_attribution(doc, tok.sent, tok.i)
    assert att is not None
    assert (att.source, att.hedged, att.denied) == expected
    assert doc.text[att.start : att.end] == att.text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("No faction has claimed the ambush on the convoy.", "ambush"),
        ("The ministry has not confirmed that troops shelled the market.", "shelled"),
        ("Fighting spread across the contested border district overnight.", "Fighting"),
    ],
)
def test_no_one_says_so(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    att = find_attribution(doc, tok.sent, tok.i)
    assert att is None or (att.source is None and not att.hedged)


def test_suspected_perpetrator_is_not_a_hedge(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Soldiers detained the suspected smuggler near the border, the army said.")
    tok = next(t for t in doc if t.text == "detained")
    att = find_attribution(doc, tok.sent, tok.i)
    assert att is not None and att.source == "army" and not att.hedged


@pytest.mark.parametrize(
    ("text", "word", "source"),
    [
        ("The Interior Ministry met on Monday. It said police had freed the hostages.", "freed",
         "Interior Ministry"),
        ("The Norwegian Refugee Council released figures on Friday. The group said 80,000 "
         "people had fled the offensive.", "fled", "Norwegian Refugee Council"),
        ("Grace Njeri sells vegetables near the market. She told AFP that soldiers had beaten "
         "two traders.", "beaten", "Grace Njeri"),
    ],
)
def test_earlier_sentence_names_the_speaker(nlp, text: str, word: str, source: str) -> None:  # type: ignore[no-untyped-def]
    _, att = _last_sentence_attribution(nlp, text, word)
    assert att is not None and att.source == source
