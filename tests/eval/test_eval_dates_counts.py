"""Scorers for dates, casualty figures and attribution: their parsing and rules on written
snippets; the gold sets themselves are read only where ../shared/data is present."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.eval import Options
from sitrep.eval.attribution import attribution, load_items, normalise_source
from sitrep.eval.gva import Gold, Outcome, article_figures, incident_record, score, split_of
from sitrep.eval.muc_victims import _summed as summed_victims
from sitrep.eval.temporal import read_tml
from sitrep.extract.counts import find_casualties
from sitrep.extract.extractor import EventExtractor
from sitrep.record import Article, Count

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2016-11-05" functionInDocument="CREATION_TIME">Nov. 5
</TIMEX3></DCT>
<TEXT>
Rebels &amp; troops <EVENT eid="e1">fought</EVENT> on <TIMEX3 tid="t1" type="DATE"
value="2016-11-04">Friday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P3D">three
days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml_offsets(tmp_path: Path) -> None:
    path = tmp_path / "x.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.dct == date(2016, 11, 5)
    assert [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2016-11-04"), ("three\ndays", "DURATION", "P3D")]
    assert "Rebels & troops fought" in doc.text


def test_split_is_deterministic() -> None:
    sides = {split_of(str(i)) for i in range(50)}
    assert sides == {"dev", "test"}
    assert split_of("816596") == split_of("816596")


def test_article_figures_subtract_the_killed_from_those_shot(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Five people were shot on Friday. One of the victims died at the hospital. "
              "Three women and two men were taken to a hospital.")
    assert article_figures(find_casualties(doc)) == (1, 4)


def test_normalise_source() -> None:
    assert normalise_source("The U.N. human rights office") == "un human rights office"
    assert normalise_source("Interior Ministry's") == "interior ministry"
    assert normalise_source(None) == ""


def test_attribution_dev_set_and_scorer(nlp) -> None:  # type: ignore[no-untyped-def]
    items = load_items()
    assert len(items) >= 60
    assert all({"id", "text", "trigger", "source", "hedged"} <= set(i) for i in items)
    report = attribution(Options(data=Path("."), limit=20))
    metrics = {m.name: m.value for m in report.metrics}
    assert metrics["source right (incl. none)"] >= 0.85


@pytest.mark.skipif(not (SHARED_DATA / "tempeval3").is_dir(),
                    reason="TempEval-3 gold not present (../shared/data/tempeval3)")
def test_tempeval3_smoke() -> None:
    from sitrep.eval.temporal import tempeval3

    report = tempeval3(Options(data=SHARED_DATA, split="test", limit=2))
    assert {m.name for m in report.metrics} >= {"value F1 (DATE)", "span F1 (strict)"}


def test_main_record_is_the_headline_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.eval.gva import main_record
    from sitrep.extract.extractor import EventExtractor
    from sitrep.record import Article

    title = "Woman killed in shooting on Elm Street"
    body = ("A woman was shot and killed on Elm Street on Sunday night, police said. "
            "It was the second shooting in the city this month: on Tuesday, two men were "
            "killed outside a bar downtown.")
    article = Article(text=body, title=title, published=date(2023, 6, 12))
    records = EventExtractor().extract(nlp(body), article, nlp(title))
    main = main_record([r for r in records if not r.background])
    assert main is not None and main.fatalities is not None and main.fatalities.best == 1
    assert main.event_date == "2023-06-11"


def test_other_incidents_are_set_aside(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.eval.gva import _figure, main_record, same_incident
    from sitrep.extract.extractor import EventExtractor
    from sitrep.record import Article

    title = "Man killed in shooting on Elm Street"
    body = ("A man was shot and killed on Elm Street on Sunday night, police said. "
            "Last Tuesday, four men were killed in a shooting outside a bar in the city. "
            "Nineteen people were killed in the city in 2023.")
    article = Article(text=body, title=title, published=date(2023, 6, 12))
    records = [r for r in EventExtractor().extract(nlp(body), article, nlp(title))
               if not r.background]
    main = main_record(records)
    assert main is not None and main.event_date == "2023-06-11"
    told = same_incident(records, main)
    assert _figure(told, "fatalities", set()) == 1
    assert _figure(records, "fatalities", set()) == 19  # all records: a tally's


def _outcome(when: str | None, precision: str | None, inferred: bool,
             undated: bool = False) -> Outcome:
    return Outcome(1, 0, 1, 0, when, precision, inferred, None, None, 1, [], None, undated)


def test_an_undated_article_is_dated_the_day_before_publication() -> None:
    gold = Gold(1, 0, date(2016, 5, 1), "Elmwood", "Ohio")
    items = [(Article(text="x", published=date(2016, 5, 3), id=str(i)), gold) for i in range(3)]
    outcomes = [_outcome("2016-05-02", "day", True, undated=True),  # fallback: within a day
                _outcome("2016-05-01", "day", False),  # an explicit day, right
                _outcome("2016-05-03", "week", True)]  # no day and no fallback: wrong
    metrics = {m.name: m.value for m in score(items, outcomes, "dev").metrics}
    assert metrics["event date within 1 day"] == pytest.approx(2 / 3)
    assert metrics["event date exact"] == pytest.approx(1 / 3)
    assert metrics["event date within 1 day (explicit day only)"] == pytest.approx(1 / 3)
    assert metrics["undated articles (day before publication)"] == pytest.approx(1 / 3)


def test_a_follow_up_is_dated_by_the_incident_it_recalls(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Roe was arrested Thursday in the fatal shooting of a man outside a bar. "
            "Police said Roe shot the man on May 10.")
    published = date(2016, 6, 13)
    doc = nlp(text)
    records = EventExtractor().extract(doc, Article(text=text, published=published))
    step = next(r for r in records if r.event_date == "2016-06-09")
    found = incident_record(records, step, doc, None, published)
    assert found is not None and found.event_date == "2016-05-10"  # the shooting, not the arrest
    assert incident_record(records, found, doc, None, published) is found


def test_a_victim_told_again_by_surname_counts_once() -> None:
    def one(text: str) -> Count:
        return Count(1, 1, 1, None, text)

    # "Jose Perez ... Perez": one victim in two records; two peasants are two
    counts = [one("Jose Perez"), one("PEREZ"), one("the peasant"), one("a peasant"),
              Count(2, 2, 2, None, "two guards")]
    assert summed_victims(counts) == 5
