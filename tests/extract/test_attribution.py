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
