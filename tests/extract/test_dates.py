"""Time expressions resolved against the publication date (2016-11-05, a Saturday)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dates import find_time_expressions, resolve_date, undated_day

PUB = date(2016, 11, 5)

# text -> (value, precision, date_start, date_end, relative)
RESOLVE = [
    ("Nov. 4", ("2016-11-04", "day", "2016-11-04", "2016-11-04", False)),
    ("Nov. 6", ("2016-11-06", "day", "2016-11-06", "2016-11-06", False)),
    ("Dec. 30", ("2015-12-30", "day", "2015-12-30", "2015-12-30", False)),
    ("November 4th, 2016", ("2016-11-04", "day", "2016-11-04", "2016-11-04", False)),
    ("4 November 2015", ("2015-11-04", "day", "2015-11-04", "2015-11-04", False)),
    ("2016-10-31", ("2016-10-31", "day", "2016-10-31", "2016-10-31", False)),
    ("on Tuesday", ("2016-11-01", "day", "2016-11-01", "2016-11-01", True)),
    ("Saturday", ("2016-11-05", "day", "2016-11-05", "2016-11-05", True)),
    ("last Saturday", ("2016-10-29", "day", "2016-10-29", "2016-10-29", True)),
    ("yesterday", ("2016-11-04", "day", "2016-11-04", "2016-11-04", True)),
    ("two days ago", ("2016-11-03", "day", "2016-11-03", "2016-11-03", True)),
    ("last week", ("2016-10-24", "week", "2016-10-24", "2016-10-30", True)),
    ("this week", ("2016-10-31", "week", "2016-10-31", "2016-11-05", True)),
    ("over the past two days", ("2016-11-03", "week", "2016-11-03", "2016-11-05", True)),
    ("earlier this month", ("2016-11", "month", "2016-11-01", "2016-11-05", True)),
    ("last month", ("2016-10", "month", "2016-10-01", "2016-10-31", True)),
    ("in June 2014", ("2014-06", "month", "2014-06-01", "2014-06-30", False)),
    ("in June", ("2016-06", "month", "2016-06-01", "2016-06-30", False)),
    ("in December", ("2015-12", "month", "2015-12-01", "2015-12-31", False)),
    ("in 2014", ("2014", "year", "2014-01-01", "2014-12-31", False)),
    ("last year", ("2015", "year", "2015-01-01", "2015-12-31", True)),
    ("since Oct. 17", (None, None, "2016-10-17", None, False)),
    ("Nov. 2-4", ("2016-11-02", "week", "2016-11-02", "2016-11-04", False)),
    ("Oct. 30 to Nov. 2", ("2016-10-30", "week", "2016-10-30", "2016-11-02", False)),
    ("last weekend", ("2016-10-29", "week", "2016-10-29", "2016-10-30", True)),
]


@pytest.mark.parametrize(("text", "expected"), RESOLVE)
def test_resolve_date(text: str, expected: tuple) -> None:
    te = resolve_date(text, PUB)
    assert te is not None
    assert (te.value, te.precision, te.date_start, te.date_end, te.relative) == expected
    assert text[te.start : te.end] == te.text


def test_same_weekday_is_the_publication_day_and_shifts_with_it() -> None:
    te = resolve_date("Friday", date(2016, 11, 4))
    assert te is not None and te.value == "2016-11-04"
    te = resolve_date("Friday", date(2016, 11, 2))
    assert te is not None and te.value == "2016-10-28"


def test_weekday_after_the_publication_day_is_the_next_day() -> None:
    """A report stamped Thursday and updated on Friday: "Friday" is the next day; "last
    Friday" still the one before."""
    te = resolve_date("Friday", date(2016, 11, 3))
    assert te is not None and te.value == "2016-11-04"
    te = resolve_date("last Friday", date(2016, 11, 3))
    assert te is not None and te.value == "2016-10-28"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("November 4, 2016", "2016-11-04"),
        ("June 2014", "2014-06"),
        ("in 2014", "2014"),
        ("Nov. 4", None),
        ("yesterday", None),
        ("last week", None),
        ("on Tuesday", None),
    ],
)
def test_without_publication_date(text: str, value: str | None) -> None:
    te = resolve_date(text, None)
    assert te is not None
    assert te.value == value


@pytest.mark.parametrize("text", ["25-year-old", "midday", "the armed group"])
def test_resolve_date_rejects(text: str) -> None:
    assert resolve_date(text, PUB) is None


def test_duration_has_no_value() -> None:
    te = resolve_date("three days", PUB)
    assert te is not None and te.value is None


def test_find_in_doc_with_heads(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A 25-year-old driver was shot on Nov. 2 near the bridge. "
        "Militants have held the town since June 2014, and shelling intensified last week."
    )
    doc = nlp(text)
    found = find_time_expressions(doc, PUB)
    by_text = {te.text: te for te in found}
    assert "25-year-old" not in by_text
    nov2 = by_text["Nov. 2"]
    assert nov2.value == "2016-11-02"
    assert nov2.head is not None and doc[nov2.head].text == "shot"
    since = by_text["since June 2014"]
    assert since.value is None and since.date_start == "2014-06-01"
    week = by_text["last week"]
    assert week.precision == "week" and doc[week.head].text == "intensified"
    for te in found:
        assert doc.text[te.start : te.end] == te.text


def test_spacy_dates_fill_gaps(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The convoy was attacked on the 3rd of November, officials said.")
    values = [te.value for te in find_time_expressions(doc, PUB)]
    assert values == ["2016-11-03"]


def test_month_words_need_context(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Protesters may march to the square, and they did so in March.")
    found = find_time_expressions(doc, PUB)
    assert [(te.text, te.value) for te in found] == [("March", "2016-03")]


# text -> TIMEX3-style value (publication 2016-11-05, a Saturday)
TIMEX = [
    ("Nov. 4", "2016-11-04"),
    ("last week", "2016-W43"),
    ("this weekend", "2016-W44-WE"),
    ("in June 2014", "2014-06"),
    ("three days", "P3D"),
    ("several months", "PXM"),
    ("a decade", "P10Y"),
    ("the past two days", "P2D"),
    ("the 1990s", "199"),
    ("next week", "2016-W45"),
    ("tomorrow", "2016-11-06"),
]


@pytest.mark.parametrize(("text", "expected"), TIMEX)
def test_timex_value(text: str, expected: str) -> None:
    te = resolve_date(text, PUB)
    assert te is not None and te.timex == expected


def test_future_clause_resolves_forward(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The talks will resume on Tuesday. Rebels attacked the town on Tuesday.")
    values = [te.value for te in find_time_expressions(doc, PUB)]
    assert values == ["2016-11-08", "2016-11-01"]
    doc = nlp("The envoy is scheduled to visit the city in March.")
    assert [te.value for te in find_time_expressions(doc, PUB)] == ["2017-03"]



@pytest.mark.parametrize(
    ("text", "pub", "value", "timex"),
    [
        # a date hung on "to", "through", "until" is a target ahead, whatever the tense
        ("The council postponed the vote to Dec. 16.", date(2016, 11, 5), "2015-12-16",
         "2016-12-16"),
        ("The deadline was extended until Dec. 30.", date(2016, 11, 5), "2015-12-30",
         "2016-12-30"),
        # a participle after a noun is no past tense
        ("Leaders met ahead of a summit set for Geneva in March.", date(2016, 1, 20),
         "2015-03", "2016-03"),
        # a past-tense verb keeps the past reading
        ("The plant closed in March.", date(2016, 1, 20), "2015-03", "2015-03"),
    ],
)
def test_targets_and_participles_are_not_past(  # type: ignore[no-untyped-def]
        nlp, text: str, pub: date, value: str, timex: str) -> None:
    te = find_time_expressions(nlp(text), pub)[-1]
    assert (te.value, te.timex) == (value, timex)  # event dating keeps `value`

@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a past perfect tells a past day, though its head speaks of a plan
        ("The permit had been due to lapse Friday evening.", "2016-11-04"),
        ("The strike had been scheduled to end at midnight Friday.", "2016-11-04"),
        # be + to-infinitive in the present, and a participle after a noun, tell a plan
        ("The trial is to resume in the capital on Friday.", "2016-11-11"),
        ("Leaders prepared for the talks set to resume Friday in the capital.", "2016-11-11"),
        # "is to blame" is no plan
        ("Investigators say faulty wiring is to blame for the fire Friday.", "2016-11-04"),
    ],
)
def test_plans_and_past_perfects(nlp, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [te.value for te in find_time_expressions(nlp(text), PUB)] == [value]


def test_two_days_of_a_month_are_two_expressions(nlp) -> None:  # type: ignore[no-untyped-def]
    # TimeML tags "April 24 and 25" as two TIMEX3; event dating keeps the two days' span
    found = find_time_expressions(nlp("Voting took place on Oct. 24 and 25."), PUB)
    assert [(te.text, te.timex, te.value, te.precision) for te in found] == [
        ("Oct. 24", "2016-10-24", "2016-10-24", "week"),
        ("25", "2016-10-25", "2016-10-24", "week")]
    found = find_time_expressions(nlp("Voting took place between Oct. 24 and 25."), PUB)
    assert len(found) == 1


def test_weekday_with_date_is_one_expression(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The vote was held on Monday, Oct. 31, in the capital.")
    found = find_time_expressions(doc, PUB)
    assert [(te.text, te.value) for te in found] == [("Monday, Oct. 31", "2016-10-31")]


@pytest.mark.parametrize(
    "text",
    [
        "The Sun staff photographer was at the scene.",
        "The shooting happened in the 5000 block of County Road 1100.",
        "Jones, 52, was arrested.",
    ],
)
def test_not_dates(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [te.value for te in find_time_expressions(nlp(text), PUB) if te.value] == []


def test_present_reference_has_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    [te] = find_time_expressions(nlp("The town is now under army control."), PUB)
    assert te.value is None and te.timex == "PRESENT_REF"


def test_an_undated_incident_is_the_day_before_publication() -> None:
    # a local report comes out the day after the shooting it tells
    assert undated_day(date(2016, 5, 3)) == date(2016, 5, 2)
    assert undated_day(date(2016, 3, 1)) == date(2016, 2, 29)
