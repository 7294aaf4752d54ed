"""The Python API: `sitrep.api.extract` on invented paragraphs, and `sitrep.api.ingest`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep import api
from sitrep.record import EventRecord, Span
from sitrep.schema import validate_event
from sitrep.store import EventQuery, open_store

STRIKE = (
    "IDLIB, Syria - Government warplanes carried out an air strike on a market in the town of "
    "Saraqib on Tuesday, killing at least seven civilians and wounding 12 others, local "
    "rescuers said. The market had reopened only last month after a long closure."
)


def _check_offsets(text: str, event: EventRecord) -> None:
    spans: list[Span] = [*event.evidence.sentences, *event.evidence.fields.values()]
    assert spans
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text


def _valid(events: list[EventRecord]) -> list[EventRecord]:
    for event in events:
        assert isinstance(event, EventRecord)
        validate_event(event.to_dict())
        assert EventRecord.from_dict(event.to_dict()) == event
    return events


@pytest.fixture(scope="module")
def strike() -> EventRecord:
    events = _valid(api.extract(STRIKE, published="2024-03-14", title="Strike on Saraqib"))
    assert len(events) == 1
    return events[0]


def test_air_strike_type_and_figures(strike: EventRecord) -> None:
    assert strike.event_type == "Explosions/Remote violence"
    assert strike.sub_event_type == "Air/drone strike"
    assert strike.fatalities is not None
    assert strike.fatalities.best == 7
    assert strike.fatalities.low == 7
    assert strike.injuries is not None
    assert strike.injuries.best == 12
    assert strike.background is False
    assert 0 < strike.confidence <= 1


def test_air_strike_date_resolves_against_publication(strike: EventRecord) -> None:
    assert strike.event_date == "2024-03-12"  # Tuesday before Thursday 14 March
    assert strike.date_precision == "day"
    assert strike.evidence.fields["event_date"].text == "Tuesday"


def test_air_strike_location(strike: EventRecord) -> None:
    loc = strike.location
    assert loc is not None
    assert loc.name == "Saraqib"
    assert loc.country == "Syria"
    assert loc.country_code == "SY"
    assert loc.lat is not None and loc.lon is not None
    assert 35.5 < loc.lat < 36.2 and 36.5 < loc.lon < 37.1
    assert loc.precision == "city"


def test_air_strike_actors_and_source(strike: EventRecord) -> None:
    assert strike.actor1 is not None
    assert strike.actor1.type == "state forces"
    assert strike.attribution is not None
    assert strike.attribution.source == "local rescuers"
    assert strike.attribution.hedged is False


def test_evidence_offsets_index_the_exact_words(strike: EventRecord) -> None:
    _check_offsets(STRIKE, strike)
    fields = strike.evidence.fields
    assert fields["trigger"].text == "air strike"
    assert fields["location"].text.endswith("Saraqib")
    assert fields["fatalities"].text == "at least seven"
    assert fields["injuries"].text == "12"
    assert strike.evidence.sentences[0].text.startswith("IDLIB, Syria")


def test_published_as_date_or_string_agree() -> None:
    as_str = api.extract(STRIKE, published="2024-03-14")
    as_date = api.extract(STRIKE, published=date(2024, 3, 14))
    assert [e.to_dict() for e in as_str] == [e.to_dict() for e in as_date]
    with pytest.raises(ValueError, match="publication date"):
        api.extract(STRIKE, published="next week")


def test_without_publication_date_the_weekday_stays_unresolved() -> None:
    events = _valid(api.extract(STRIKE))
    assert len(events) == 1
    assert events[0].event_date is None


def test_several_events_each_with_exact_offsets() -> None:
    text = (
        "MOSUL, Iraq - Iraqi forces clashed with Islamic State fighters in the east of Mosul "
        "on Monday, killing six militants, a military statement said.\n\n"
        "A roadside bomb struck an army patrol near Kirkuk on Wednesday, killing three "
        "soldiers, police said.\n\n"
        "Islamic State fighters overran Mosul in June 2014 and declared a caliphate there."
    )
    events = _valid(api.extract(text, published="2016-11-10"))
    assert [(e.sub_event_type, e.event_date, e.background) for e in events] == [
        ("Armed clash", "2016-11-07", False),
        ("Remote explosive/landmine/IED", "2016-11-09", False),
        ("Non-state actor overtakes territory", "2014-06", True),
    ]
    for event in events:
        _check_offsets(text, event)
    assert len({e.event_id for e in events}) == 3


@pytest.mark.parametrize("text", [
    "Rice and millet prices in Bamako rose sharply this month, traders said on Tuesday.",
    "The foreign minister met her Kenyan counterpart in Nairobi on Monday to discuss trade.",
    "Heavy rain flooded several districts of Mogadishu overnight, the city council said.",
])
def test_text_without_an_event(text: str) -> None:
    assert api.extract(text, published="2024-03-14") == []


@pytest.mark.parametrize("text", [
    "The militia threatened to attack the town of Gao if its fighters were not released, "
    "a spokesman said.",
    "Al-Shabaab warned that it would bomb government buildings in Mogadishu during the "
    "elections.",
    "The army denied carrying out an air strike on the village of Tsafe on Monday.",
    "Police denied reports that officers had shot protesters in Nairobi on Friday.",
])
def test_threats_and_denials_are_not_events(text: str) -> None:
    assert api.extract(text, published="2024-03-14") == []


def test_empty_text_is_refused() -> None:
    with pytest.raises(ValueError, match="empty article"):
        api.extract("   \n ")


@pytest.mark.parametrize("text", ["\n  " + STRIKE, STRIKE.replace(". ", ".\r\n")])
def test_offsets_index_the_callers_text_as_given(text: str) -> None:
    events = _valid(api.extract(text, published="2024-03-14"))
    assert events
    for event in events:
        _check_offsets(text, event)


def test_location_is_not_taken_from_a_demonym_elsewhere_in_the_article() -> None:
    text = ("Militants attacked an army base near Gao on Monday, killing four soldiers, "
            "the army said.\n\n"
            "The town was captured by Islamist rebels in April 2012 before French troops "
            "retook it in January 2013.")
    events = _valid(api.extract(text, published="2024-03-14"))
    clash = events[0]
    assert clash.sub_event_type == "Armed clash"
    assert clash.location is None or clash.location.country_code == "ML"


def test_aftermath_of_a_strike_is_not_a_second_event() -> None:
    text = STRIKE.replace(
        "The market had reopened only last month after a long closure.",
        "Shops around the square were destroyed and rescue workers searched the rubble for "
        "survivors into the evening.")
    events = _valid(api.extract(text, published="2024-03-14"))
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_ingest_api_counts_and_skips(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strike.txt").write_text(
        f"Strike on Saraqib\nPublished: 2024-03-14\nid: api-strike\n\n{STRIKE}\n")
    (folder / "broken.json").write_text("[{")
    db = tmp_path / "api.sqlite"
    seen: list[int] = []
    with open_store(db) as store:
        report = api.ingest([folder], store, batch_size=1,
                            on_batch=lambda r: seen.append(r.articles_added))
        assert (report.articles_added, report.events_added, report.articles_skipped) == (1, 1, 0)
        assert [f.origin for f in report.failures] == [str(folder / "broken.json")]
        assert seen == [1]
        again = api.ingest([folder], store)
        assert (again.articles_added, again.events_added, again.articles_skipped) == (0, 0, 1)
        stored = list(store.events(EventQuery()))
    assert [e.article_id for e in stored] == ["api-strike"]
    validate_event(stored[0].to_dict())


def test_top_level_extract_stays_callable_after_submodule_imports() -> None:
    import importlib

    import sitrep

    importlib.import_module("sitrep.extract.dates")
    text = "Gunmen killed five villagers in Kaduna on Monday, police said."
    first = sitrep.extract(text, published="2024-03-06")
    second = sitrep.extract(text, published="2024-03-06")
    assert [e.event_id for e in first] == [e.event_id for e in second] != []
