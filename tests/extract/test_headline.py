"""Headlines: outlet names cut off, and what only the headline tells kept with its provenance."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.extractor import EventExtractor
from sitrep.extract.headline import headline, sentence_case
from sitrep.record import Article, EventRecord


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Two wounded in market shooting - Valley Courier", "Two wounded in market shooting"),
        ("Two wounded in market shooting | Valley Courier | Local news",
         "Two wounded in market shooting"),
        ("Update - Two wounded", "Update - Two wounded"),
        ("Two wounded in market shooting  ", "Two wounded in market shooting"),
        ("", ""),
    ],
)
def test_headline_drops_the_outlet(title: str, expected: str) -> None:
    assert headline(title) == expected
    assert title.startswith(headline(title))  # offsets into it are offsets into the title


def _extract(nlp, title: str, body: str) -> list[EventRecord]:  # type: ignore[no-untyped-def]
    article = Article(text=body, title=title, published=date(2023, 6, 12))
    return EventExtractor().extract(nlp(body), article, nlp(headline(title)))


def test_headline_toll_fills_the_body_event(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "3 killed, 2 hurt in shooting at Riverside bus depot - Metro Gazette"
    body = ("Gunmen opened fire at a bus depot on Saturday night, police said. "
            "Officers were still searching for the attackers on Sunday.")
    records = _extract(nlp, title, body)
    main = records[0]
    assert main.fatalities is not None and main.fatalities.best == 3
    assert main.injuries is not None and main.injuries.best == 2
    fat = main.evidence.fields["fatalities"]
    assert fat.part == "title" and title[fat.start:fat.end] == fat.text == "3"
    assert main.evidence.fields["trigger"].part == "body"  # the body's event, filled in
    assert main.evidence.sentences[0].part == "title"
    assert main.to_dict()["evidence"]["fields"]["fatalities"]["part"] == "title"


def test_headline_event_stands_alone_when_the_body_has_none(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "Two soldiers killed in ambush on convoy"
    body = "The convoy was travelling to the northern garrison. More details were not released."
    records = _extract(nlp, title, body)
    assert len(records) == 1
    assert records[0].fatalities is not None and records[0].fatalities.best == 2
    assert all(s.part == "title" for s in records[0].evidence.fields.values())


def test_headline_of_another_kind_is_dropped(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Strike on the northern ridge",
                       "Warplanes bombed positions on the northern ridge on Monday.")
    assert [r.event_type for r in records] == ["Explosions/Remote violence"]


def test_lead_date_dates_the_main_event(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Three men were hurt in a fight outside a nightclub on Friday night. "
            "Witnesses described a chaotic scene. "
            "A man was shot and wounded in the parking lot, police said.")
    records = EventExtractor().extract(nlp(body), Article(text=body, published=date(2023, 6, 12)))
    shot = [r for r in records if r.injuries is not None and r.injuries.best == 1]
    assert shot and shot[0].event_date in ("2023-06-09",)


def test_headline_sum_beats_a_victim_told_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "Drive-by shooting kills one man, injures 4 others"
    body = ("A woman was wounded by gunfire on Elm Street late Friday, police said. "
            "Officers were still looking for the car.")
    records = _extract(nlp, title, body)
    main = records[0]
    assert main.injuries is not None and main.injuries.best == 4
    assert main.evidence.fields["injuries"].part == "title"


def test_follow_up_headline_joins_the_dated_past_event(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "Man charged in killing of neighbor"
    body = ("A 44-year-old appeared in court on the charge this week. "
            "The neighbor, 58, was shot and killed on April 4, 2023, outside his garage.")
    records = _extract(nlp, title, body)
    killed = [r for r in records if r.fatalities is not None]
    assert killed and all(r.event_date == "2023-04-04" for r in killed), [
        (r.sub_event_type, r.event_date, r.background) for r in records]
    assert not any(r.date_inferred and r.fatalities is not None for r in records)


def test_lead_day_dates_a_headline_event_standing_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "Woman shot in leg while cleaning pistol"
    body = ("It happened around 7 p.m. on Saturday at a home on the west side of town. "
            "She is expected to recover.")
    records = _extract(nlp, title, body)
    assert records and records[0].evidence.sentences[0].part == "title"
    assert (records[0].event_date, records[0].date_inferred) == ("2023-06-10", False)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Teen Accidentally Shot And Killed In Elm County",
         "Teen accidentally shot and killed in Elm County"),
        ("3-Year-Old Girl Shoots Herself With Father's Gun",
         "3-year-old girl shoots herself with father's gun"),
        ("Shooting On May 5 Leaves Two Dead In NYC", "Shooting on May 5 leaves two dead in NYC"),
        # sentence case already: unchanged
        ("Two wounded in Elm Park shooting", "Two wounded in Elm Park shooting"),
        ("SHOOTING ON ELM STREET", "SHOOTING ON ELM STREET"),
    ],
)
def test_title_case_headline_is_read_in_sentence_case(title: str, expected: str) -> None:
    assert sentence_case(title) == expected
    assert headline(title + " - Valley Courier") == expected  # same length, same offsets


def test_title_case_headline_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "1 Dead, 3 Hurt In Riverside Tavern Shooting - Metro Gazette"
    body = "Police were called to a tavern on Saturday night after shots were fired."
    records = _extract(nlp, title, body)
    main = records[0]
    assert main.fatalities is not None and main.fatalities.best == 1
    assert main.injuries is not None and main.injuries.best == 3


def test_a_court_day_gives_way_to_the_incident_day_as_the_lead_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """The lead day of a follow-up report skips its legal steps ("waived the hearing on
    Wednesday") when the text gives the incident's own day further down."""
    from sitrep.extract.dates import find_time_expressions
    from sitrep.extract.extractor import lead_time

    published = date(2023, 6, 12)
    doc = nlp("The lawyer for a 15-year-old boy charged with killing his friend wants the case "
              "moved to juvenile court. He waived the preliminary hearing on Wednesday. The "
              "victim was fatally shot on the evening of May 28.")
    found = lead_time(find_time_expressions(doc, published), published, doc)
    assert found is not None and found.value == "2023-05-28"


def test_a_court_day_still_dates_a_follow_up_that_gives_no_other(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "Boy, 15, charged with killing friend in Elm Grove"
    body = "He appeared in court on Wednesday. His lawyer asked for a juvenile hearing."
    records = _extract(nlp, title, body)
    assert records and records[0].event_date == "2023-06-07"


def test_a_day_inside_a_quotation_does_not_date_the_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.dates import find_time_expressions, quoted

    body = ('A man was shot and killed at a bus stop. "We buried our son today and nobody has '
            'answers," his mother said. It happened on Saturday.')
    doc = nlp(body)
    found = {t.text: quoted(doc, t) for t in find_time_expressions(doc, date(2023, 6, 12))}
    assert found == {"today": True, "Saturday": False}
