"""TIMEX3 values read from the words around an expression: a deadline put off, a span of the
year in an earnings report, vague counts of quarters (publication 2016-11-07, a Monday)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dates import find_time_expressions

PUB = date(2016, 11, 7)


def _timexes(nlp, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {te.text: te.timex for te in find_time_expressions(nlp(text), PUB)}


@pytest.mark.parametrize(
    ("text", "span", "timex", "value"),
    [
        ("The port authority delayed the auction until Thursday.", "Thursday", "2016-11-10",
         "2016-11-10"),
        ("The ministry extended its deadline until 8 a.m. Wednesday.", "Wednesday",
         "2016-11-09T08:00", "2016-11-09"),
        ("The mayor has given the traders until Friday to leave the square.", "Friday",
         "2016-11-11", "2016-11-11"),
    ],
)
def test_a_day_put_off_lies_ahead(nlp, text: str, span: str, timex: str,  # type: ignore[no-untyped-def]
                                  value: str) -> None:
    found = {te.text: te for te in find_time_expressions(nlp(text), PUB)}
    assert (found[span].timex, found[span].value) == (timex, value), found


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("The hearing had been postponed until Thursday, when the judge fell ill.", "Thursday",
         "2016-11-03"),
        ("It was not until Friday that the governor named the new chief.", "Friday",
         "2016-11-04"),
    ],
)
def test_a_past_delay_or_not_until_stays_back(nlp, text: str, span: str,  # type: ignore[no-untyped-def]
                                              timex: str) -> None:
    assert _timexes(nlp, text).get(span) == timex


def test_a_year_earlier_after_nine_months_is_the_year(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Harlow Mills earned $3 million in the third quarter, up from $2 million a year "
            "earlier. For the first nine months, profit rose to $9 million from $7 million "
            "a year earlier. Sales in the 2015 period were $40 million.")
    found = [(te.text, te.timex) for te in find_time_expressions(nlp(text), PUB)]
    assert found[:2] == [("the third quarter", "2016-Q3"), ("a year earlier", "2015-Q3")], found
    assert ("a year earlier", "2015") in found[2:], found
    assert ("the 2015 period", "2015") in found, found


def test_a_quarter_told_again_takes_the_focus_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("In the first nine months, the bakery chain lost $5 million. In the third "
            "quarter, it earned $1 million, against a loss a year earlier.")
    found = [(te.text, te.timex) for te in find_time_expressions(nlp(text), PUB)]
    assert found[-1] == ("a year earlier", "2015-Q3"), found


def test_several_quarters_of_losses_is_a_duration(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "The shipyard turned a profit after several quarters of losses.")
    assert found.get("several quarters") == "PXQ", found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("In the valley, today is the ninth day of the siege.", "the ninth day"),
        ("It's the second day of a walkout by bus drivers.", "the second day"),
    ],
)
def test_today_is_the_nth_day(nlp, text: str, span: str) -> None:  # type: ignore[no-untyped-def]
    found = {te.text: te for te in find_time_expressions(nlp(text), PUB)}
    assert (found[span].timex, found[span].value) == ("2016-11-07", None), found


def test_an_ordinal_day_in_a_narrative_has_no_value(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "On the third day of the trial, the witness wept.")
    assert found.get("the third day") is None, found


def test_a_vague_count_before_a_singular_unit_stays_vague(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "The dam project faces a several-year delay.")
    assert found.get("several-year") == "PXY", found


def test_a_date_under_a_present_perfect_is_the_nearest(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "The board has set Nov. 20 as the deadline for offers.")
    assert found.get("Nov. 20") == "2016-11-20", found


def test_an_expression_without_any_value_is_not_returned(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "Bread prices at the Harmon mill rose for the fifth straight week, "
                          "the owners said.")
    assert "the fifth straight week" not in found, found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The envoy repeated it on the radio show Inside This Week.", "This Week"),
        ("Mayor Odile Brandt spoke to the television program Twenty Minutes about the flood.",
         "Twenty Minutes"),
    ],
)
def test_a_programme_named_by_a_unit_is_no_time(nlp, text: str,  # type: ignore[no-untyped-def]
                                               span: str) -> None:
    assert span not in _timexes(nlp, text)


def test_a_title_case_headline_keeps_its_time(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _timexes(nlp, "Rebels Seize Border Town Last Week").get("Last Week") == "2016-W44"


@pytest.mark.parametrize(
    ("text", "timex"),
    [
        ("The villagers of Orrin believe the bridge will one day be rebuilt.", "FUTURE_REF"),
        ("The envoy stayed in the capital one day before flying home.", "P1D"),
    ],
)
def test_one_day_before_a_verb_is_the_future(nlp, text: str,  # type: ignore[no-untyped-def]
                                             timex: str) -> None:
    assert _timexes(nlp, text).get("one day") == timex


def test_a_holiday_week_is_no_programme(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "Pilgrims crowded the old town of Varel during Easter Week.")
    assert found.get("Easter Week") == "2016-W12", found
