"""TIMEX3 values beyond calendar dates: clock times, parts of day, sets, quarters, seasons,
holidays, reference words and counted durations (publication 2016-11-05, a Saturday)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dates import find_time_expressions
from sitrep.extract.timex import holiday_date

PUB = date(2016, 11, 5)


def _timexes(nlp, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {te.text: te.timex for te in find_time_expressions(nlp(text), PUB)}


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("The convoy was hit at 10 p.m. Wednesday near the border.", "Wednesday",
         "2016-11-02T22:00"),
        ("Gunmen struck on Thursday at noon in the market.", "Thursday", "2016-11-03T12:00"),
        ("Shelling resumed Friday morning.", "Friday morning", "2016-11-04TMO"),
        ("Clashes broke out last night in the capital.", "last night", "2016-11-04TNI"),
        ("The curfew starts at 6:30 a.m. local time.", "6:30 a.m. local time",
         "2016-11-05T06:30"),
    ],
)
def test_times_of_day(nlp, text: str, span: str, timex: str) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, text)
    assert found.get(span) == timex, found


def test_clock_time_beside_a_day_keeps_the_day_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The shooting happened around 10:45 p.m. Thursday, police said.")
    [te] = find_time_expressions(doc, PUB)
    assert (te.text, te.value, te.precision, te.timex) == (
        "Thursday", "2016-11-03", "day", "2016-11-03T22:45")


def test_holiday_as_a_modifier_dates_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    [te] = find_time_expressions(nlp("Shots were fired after a Halloween party."), PUB)
    assert te.value is None and te.timex == "2016-10-31"


def test_clock_time_alone_takes_the_last_day_told(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Troops entered the town on Oct. 30. The first shots came at 4 a.m.")
    found = {te.text: te for te in find_time_expressions(doc, PUB)}
    assert found["4 a.m."].timex == "2016-10-30T04:00"
    assert found["4 a.m."].value is None  # a clock time dates no event by itself


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("Patrols cross the river every week.", "every week", "P1W"),
        ("Aid convoys arrive daily.", "daily", "P1D"),
        ("The council meets each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("The agency spends $5 million a year on fuel.", "a year", "P1Y"),
    ],
)
def test_sets(nlp, text: str, span: str, timex: str) -> None:  # type: ignore[no-untyped-def]
    assert _timexes(nlp, text).get(span) == timex


def test_frequency_adjective_is_not_a_set(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _timexes(nlp, "The annual report was published.") == {}


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("Exports fell in the third quarter.", "the third quarter", "2016-Q3"),
        ("Profits rose in the first half of 2015.", "the first half of 2015", "2015-H1"),
        ("Prices were lower than in the year-earlier quarter.", "the year-earlier quarter",
         "2015-Q3"),
        ("The offensive began last summer.", "last summer", "2016-SU"),
        ("The siege lasted through the winter of 2014.", "the winter of 2014", "2014-WI"),
        ("Two bombs exploded on Christmas Day.", "Christmas Day", "2015-12-25"),
        ("Voters go to the polls next Election Day.", "next Election Day", "2016-11-08"),
        ("The current ceasefire is fragile.", "current", "PRESENT_REF"),
        ("Prices have risen for years.", "years", "PXY"),
        ("The talks lasted five hours.", "five hours", "PT5H"),
        ("The standoff lasted 2 1/2 days.", "2 1/2 days", "P2D12H"),
        ("Fighting continued over the past year.", "over the past year", "2015"),
        ("The group left several years ago.", "several years ago", "PAST_REF"),
    ],
)
def test_other_values(nlp, text: str, span: str, timex: str) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, text)
    assert found.get(span) == timex, found


def test_fall_as_a_verb_is_no_season(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _timexes(nlp, "Prices may fall sharply.") == {}


def test_deadline_and_modal_resolve_forward(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The militia must leave the city by Nov. 20. The envoy said he would return "
              "on Tuesday. Rebels attacked the base on Tuesday.")
    values = [te.value for te in find_time_expressions(doc, PUB)]
    assert values == ["2016-11-20", "2016-11-08", "2016-11-01"]


def test_this_month_name_is_the_publication_year(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find_time_expressions(nlp("Elections are due this December."), PUB)
    assert [te.value for te in found] == ["2016-12"]


def test_holiday_dates() -> None:
    assert holiday_date("Thanksgiving", 2016) == date(2016, 11, 24)
    assert holiday_date("Memorial Day", 2016) == date(2016, 5, 30)
    assert holiday_date("Election Day", 2020) == date(2020, 11, 3)


def _exprs(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return {te.text: (te.value, te.timex) for te in find_time_expressions(nlp(text), PUB)}


def test_narrative_expressions_take_the_last_date_told(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "The rebels seized the town on May 22, 2014. The army retook it the "
                        "following month. That year the harvest failed. The envoy arrived on "
                        "Oct. 3. The next day he met the governor.")
    assert found["the following month"][1] == "2014-06"
    assert found["That year"][1] == "2014"
    assert found["The next day"][1] == "2016-10-04"
    # narrative values change the TIMEX3 value only: they date no event
    assert found["That year"][0] is None


def test_day_before_a_date_counts_from_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "Talks were held the day before Tuesday's vote.")
    assert found["the day before"][1] == "2016-10-31"


def test_earnings_periods_follow_the_reported_quarter(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "Net income in the third quarter rose to $5 million from $3 million a "
                        "year earlier. Sales were flat from a year ago. The latest period "
                        "included a gain.")
    assert found["the third quarter"][1] == "2016-Q3"
    assert found["a year earlier"] == (None, "2015-Q3")
    assert found["a year ago"] == ("2015", "2015-Q3")  # the event value keeps the year
    assert found["The latest period"][1] == "2016-Q3"


def test_year_earlier_without_a_quarter_is_the_year(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "The town had twice as many residents a year earlier.")
    assert found["a year earlier"] == (None, "2015")


def test_yearless_date_value_is_the_nearest_occurrence(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "A rally on Dec. 30 is in doubt. Talks are to be held on Dec. 28. "
                        "Elections are planned in January.")
    assert found["Dec. 30"] == ("2015-12-30", "2016-12-30")  # event date keeps the past reading
    assert found["Dec. 28"][1] == "2016-12-28"
    assert found["January"][1] == "2017-01"
    past = find_time_expressions(nlp("The militia was routed on Dec. 30."), PUB)
    assert [te.timex for te in past] == ["2015-12-30"]  # a past-tense verb keeps the past


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("The market opens Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("Patrols leave on Sundays.", "Sundays", "XXXX-WXX-7"),
        ("The strike began at 18:00 UTC.", "18:00 UTC", "2016-11-05T18:00Z"),
        ("The first shell landed at 0735 GMT.", "0735 GMT", "2016-11-05T07:35Z"),
        ("Stocks ended the day lower.", "the day", "2016-11-05"),
        ("The company expects a loss for the full year.", "the full year", "2016"),
    ],
)
def test_more_values(nlp, text: str, span: str, timex: str) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, text)
    assert found.get(span) == timex, found


def test_decades_take_the_guideline_value(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "Prices climbed through the late 1980s and the '70s.")
    assert found.get("the late 1980s") == "198"
    assert any(tx == "197" for span, tx in found.items() if "70s" in span), found
    found = _timexes(nlp, "Such maps were drawn in the 11th century and again in the nineties.")
    assert found.get("the 11th century", found.get("11th century")) == "10", found
    assert found.get("the nineties") == "199", found


def test_weekday_date_before_a_colon_is_one_date(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "Monday, Oct. 24: Gunmen stormed the checkpoint.")
    # the TIMEX3 value is the date; the event fields stay those of the weekday told alone
    assert found["Monday, Oct. 24"] == ("2016-10-31", "2016-10-24")


def test_quarter_to_come_is_this_years(nlp) -> None:  # type: ignore[no-untyped-def]
    pub = date(2016, 8, 10)
    ahead = find_time_expressions(nlp("Sales should improve during the fourth quarter."), pub)
    assert [(te.value, te.timex) for te in ahead] == [("2015-10-01", "2016-Q4")]
    past = find_time_expressions(nlp("Sales fell during the fourth quarter."), pub)
    assert [te.timex for te in past] == ["2015-Q4"]


def test_same_month_a_year_ago_follows_the_month(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "Car sales fell 30 percent in October from the same month a year ago.")
    assert found["the same month a year ago"][1] == "2015-10"


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("Border raids have grown in recent years.", "recent years", "PAST_REF"),
        ("Fuel prices fell in the last few months.", "the last few months", "PAST_REF"),
        ("Margins shrank over the past several quarters.", "the past several quarters",
         "PAST_REF"),
        ("Officials expect more clashes in coming months.", "coming months", "FUTURE_REF"),
        ("Aid will arrive over the next few days.", "the next few days", "PXD"),
        ("Output rose over the past three years.", "the past three years", "P3Y"),
    ],
)
def test_vague_plural_references(nlp, text: str, span: str, timex: str) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, text)  # the span may keep its preposition ("in the last ...")
    assert [tx for key, tx in found.items() if key.endswith(span)] == [timex], found


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("The firm had losses in the past two quarters.", "in the past two quarters", "P2Q"),
        ("Output fell for two consecutive quarters.", "two consecutive quarters", "P2Q"),
        ("Shelling has not stopped in the past decade.", "in the past decade", "P10Y"),
        ("Losses narrowed in the final quarter of 2015.", "the final quarter of 2015",
         "2015-Q4"),
        ("Exports rose in the last half of 2014.", "the last half of 2014", "2014-H2"),
        ("Sales for this year's third quarter were flat.", "this year's third quarter",
         "2016-Q3"),
        ("The merger may close in next year's first quarter.", "next year's first quarter",
         "2017-Q1"),
        ("The town fell in June last year.", "June last year", "2015-06"),
        ("He was detained on Oct. 30 last year.", "Oct. 30 last year", "2015-10-30"),
    ],
)
def test_periods_and_counted_quarters(nlp, text: str, span: str, timex: str) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, text)
    assert found.get(span) == timex, found


def test_quarters_of_a_whole_are_no_duration(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _timexes(nlp, "Three quarters of the voters stayed home.") == {}


def test_month_and_day_of_last_year_date_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "The commander was captured on Oct. 30 last year.")
    assert found == {"Oct. 30 last year": ("2015-10-30", "2015-10-30")}


def test_part_of_a_unit_takes_the_unit_in_focus(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "Aid is due by the end of the year. In 2014 the rebels took two towns. "
                        "At the beginning of the year they held none. Troops arrived on "
                        "Oct. 30. Later in the day they withdrew.")
    assert found["the end of the year"] == (None, "2016")
    assert found["the beginning of the year"] == (None, "2014")
    assert found["Later in the day"] == (None, "2016-10-30")


def test_previous_weekday_counts_from_the_last_date_told(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "Talks resumed on Oct. 27. They had broken down the previous Monday. "
                        "They ended the following Saturday.")
    assert found["the previous Monday"][1] == "2016-10-24"
    assert found["the following Saturday"][1] == "2016-10-29"
    # the event fields stay those of the weekday told alone
    assert found["the previous Monday"][0] == "2016-10-31"


def test_month_more_than_four_months_ahead_is_the_last_one(nlp) -> None:  # type: ignore[no-untyped-def]
    pub = date(2016, 10, 30)
    found = find_time_expressions(nlp("Shares rose to $40 from $29 in March."), pub)
    assert [te.timex for te in found] == ["2016-03"]


def test_year_in_focus(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "For the year, fuel imports were flat. Revenue for the year ended "
                        "Sept. 30 rose.")
    assert found["For the year"] == (None, "2016")
    assert found["the year"][1] == "P1Y"  # "the year ended ...": a span of its own


def test_week_of_a_date_and_day_before_a_date(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _exprs(nlp, "The trial opens the week of Oct. 24. The day before last Tuesday's "
                        "vote, the envoy left.")
    assert found["the week of Oct. 24"] == ("2016-10-24", "2016-W43")
    assert found["The day before"][1] == "2016-10-31"


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("The council meets twice a week.", "twice a week", "P1W"),
        ("Inspectors visit three times a year.", "three times a year", "P1Y"),
        ("Markets closed at 4 p.m. ET on Friday.", "Friday", "2016-11-04T16:00"),
    ],
)
def test_frequencies_and_zone_names(nlp, text: str, span: str, timex: str) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, text)
    assert found.get(span) == timex, found


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("In the fiscal year ended Jan. 31, the chain lost money.", "the fiscal year", "P1Y"),
        ("Profit should grow throughout the fiscal year.", "the fiscal year", "P1Y"),
        ("The clan has held the valley for almost a hundred years.", "a hundred years",
         "P100Y"),
        ("The fort stood for three hundred years.", "three hundred years", "P300Y"),
    ],
)
def test_year_long_periods_and_round_counts(nlp, text: str, span: str, timex: str) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, text)
    assert found.get(span) == timex, found


def test_next_part_of_day_and_year_named_after_the_year(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "He was detained on Oct. 12 and freed the next morning.")
    assert found.get("the next morning") == "2016-10-13", found
    found = _timexes(nlp, "The approach of the year two thousand worried the sect.")
    assert found.get("the year two thousand") == "2000", found
    found = _timexes(nlp, "The militia vowed to disarm by the year 2018.")
    assert found.get("the year 2018") == "2018", found
    found = _timexes(nlp, "It was the bloodiest month of the year.")
    assert found.get("of the year") == "2016", found


def test_relative_fiscal_years_and_easter(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "Exports fell in the latest fiscal year and will recover next fiscal "
                          "year.")
    assert found.get("the latest fiscal year") == "2015", found
    assert found.get("next fiscal year") == "2017", found
    assert holiday_date("Easter Sunday", 2016) == date(2016, 3, 27)
    assert holiday_date("Good Friday", 2000) == date(2000, 4, 21)
    found = _timexes(nlp, "The truce held until Easter Sunday.")
    assert found.get("Easter Sunday") == "2016-03-27", found
    pub = date(2000, 4, 17)  # a Monday: Easter week (Easter is April 23) has begun
    [te] = find_time_expressions(nlp("Pilgrims arrived as Easter week began."), pub)
    assert (te.text, te.timex) == ("Easter week", "2000-W16")


def test_then_current_is_past(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "Holders may buy shares at half the then current market price.")
    assert found.get("then current") == "PAST_REF", found
    found = _timexes(nlp, "The then-current price was lower; the current price is higher.")
    assert found.get("then-current") == "PAST_REF", found
    assert found.get("current") == "PRESENT_REF", found


def test_for_the_past_few_weeks_is_a_duration(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "For the past few weeks, families have queued for bread.")
    assert found.get("For the past few weeks") == "PXW", found
    found = _timexes(nlp, "Prices rose in the past few weeks.")
    assert found.get("in the past few weeks") == "PAST_REF", found


def test_ages_and_names_are_not_dates(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _timexes(nlp, "The gunman, a man in his 30s, fled on foot.")
    assert not any("30s" in t for t in found), found
    found = _timexes(nlp, "The town grew fast in the 1930s.")
    assert found.get("the 1930s") == "193", found
    found = _timexes(nlp, "The minister met with April Jones in Kabul.")
    assert "April" not in found, found
    found = _timexes(nlp, "The talks resumed in April in Kabul.")
    assert found.get("April") == "2016-04", found
