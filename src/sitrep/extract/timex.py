"""TIMEX3 extras beside the calendar dates of ``dates``: clock times, parts of day, recurring
sets, quarters and halves, seasons, reference words and counted durations.

``scan_extras`` finds them in a text (regular expressions over ``data/timex.json``) and gives
each its TIMEX3 value or, for clock times and parts of day, the time suffix ("T22:00", "TNI")
that ``dates`` joins to the day they belong to. None of them dates an event on its own: a
quarter or a season carries a date range (``date_start``/``date_end``), the rest none.

Also found here, as one expression each (so that they win over their shorter parts):
"June last year" / "Oct. 30 last year" (that month or day of the year named, with its date
range), "this year's third quarter", "the final quarter of 2015" (``2015-Q4``), "the week of
March 6" (its ISO week; the date range is that week), spelled-out years after a month or a
season ("the winter of nineteen ninety-four"), "in the past two quarters" (``P2Q``; the
preposition joins the span so the reference "in the past" does not take it), "in the past
decade" (``P10Y``), and expressions whose value ``narrative_value`` reads from the last date
told before them: a part of a unit ("the end of the year", "later in the day"), the year in
focus ("for the year", "of the year"), "the previous Friday", "the day before" a date, "the
next morning". Those keep the date range of what they replace (or none), so event dating does
not change. Also: "the fiscal year ended Jan. 31" and "throughout the fiscal year" (``P1Y``),
"the latest fiscal year" / "next fiscal year" (a year, no date range), "the year 2000", round
counts ("a hundred years" ``P100Y``), the holidays of Easter ("Good Friday", "Easter week")
and "then-current" (``PAST_REF``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sitrep.extract.lexicon import load_data

_DATA: dict[str, Any] = load_data("timex.json")
_WEEKDAYS: dict[str, int] = load_data("dates.json")["weekdays"]
_MONTHS: dict[str, int] = load_data("dates.json")["months"]
_POD: dict[str, str] = _DATA["parts_of_day"]
_CLOCK_WORDS: dict[str, str] = _DATA["clock_words"]
_SET_ADVERBS: dict[str, str] = _DATA["set_adverbs"]
_SET_UNITS: dict[str, str] = _DATA["set_units"]
_ORDINALS: dict[str, int] = _DATA["ordinals"]
_SEASONS: dict[str, list[Any]] = _DATA["seasons"]
_EXTRA_REFS: dict[str, str] = _DATA["extra_refs"]
FREQ_ADJECTIVES: frozenset[str] = frozenset(_DATA["frequency_adjectives"])
_Y = r"(?:1[89]\d{2}|20\d{2})"


@dataclass(slots=True)
class Extra:
    """One expression found by ``scan_extras``."""

    start: int
    end: int
    kind: str  # clock | pod | set | quarter | yearword | season | holiday | ref | duration
    tx: str | None  # TIMEX3 value; for clock and pod the time suffix ("T22:00", "TNI")
    date_start: date | None = None
    date_end: date | None = None
    ahead: str | None = None  # TIMEX3 value when not told in the past ("the fourth quarter")


def _alt(words: list[str] | dict[str, Any]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]?")
                    for w in sorted(words, key=len, reverse=True))


def _weekday_alt() -> str:
    full = [k for k in _WEEKDAYS if len(k) > 4]
    return _alt(full)


def _month_alt() -> str:
    return _alt([k for k in _MONTHS if len(k) > 3 or k == "May"])


_TZ = _alt(_DATA["time_zones"])
_CLOCK = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[aApP])\.?\s?[mM]\b\.?"
    rf"(?:\s+(?P<tz>{_TZ})\b)?"
    r"|\b(?!(?:19|20)\d\d\b)(?P<h2>[01]?\d|2[0-3]):?(?P<mi2>[0-5]\d)(?:\s*(?P<tz2>GMT|UTC)\b)"
    r"|\b(?P<h4>[01]?\d|2[0-3]):(?P<mi4>[0-5]\d)(?:\s*(?:hours|hrs|local\s+time)\b)?"
    rf"|\b(?P<w>(?i:{_alt(_CLOCK_WORDS)}))\b"
    r"|\b(?P<h3>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)\b"
)
_NUMBER_WORDS: dict[str, int] = _DATA["clock_numbers"]
_POD_ALONE = re.compile(
    rf"\b(?i:(?:in\s+the\s+|that\s+|the\s+)(?P<p>morning|afternoon|evening)|that\s+night"
    rf"|(?P<a>{_alt(_DATA['standalone_parts_of_day'])}))\b")
_SET_Q = _alt(_DATA["set_quantity_words"])
_SET = re.compile(
    rf"\b(?P<adv>(?i:{_alt(_SET_ADVERBS)}))\b"
    rf"|\b(?i:{_SET_Q})\s+(?P<other>(?i:other)\s+)?"
    rf"(?:(?P<u>(?i:{_alt(_SET_UNITS)}))|(?P<wd>{_weekday_alt()})|(?P<mo>{_month_alt()}))"
    rf"(?P<pod>\s+(?i:morning|afternoon|evening|night))?\b"
    rf"|\b(?P<wdp>{_weekday_alt()})(?:s\b|\s+(?P<podp>(?i:mornings|afternoons|evenings|nights))\b)"
    rf"|\b(?P<freq>(?i:{_alt(_DATA['frequency_counts'])})|(?:\d+|(?i:{_alt(_DATA['clock_numbers'])}))"
    r"\s+(?i:times))\s+(?i:a|an|per|each|every)\s+(?P<fu>(?i:day|week|month|year|hour))\b"
    rf"|(?:[\d%]|\b(?i:{_alt(_DATA['rate_before'])}))\s+"
    r"(?P<rate>(?i:a|an|per)\s+(?P<ru>(?i:day|week|month|year|hour)))\b"
)
_ORD = _alt(_ORDINALS)
_QUARTER = re.compile(
    r"\b(?:(?i:the|its|their|a)\s+)?(?:(?i:fiscal|calendar|latest|flat|current)[\s-]+)*"
    rf"(?P<o>(?i:{_ORD}))[\s-]+(?:(?i:fiscal)[\s-]+)?(?P<u>(?i:quarter|half))\b"
    rf"(?:\s+(?i:of)\s+(?:(?P<y>{_Y})|(?i:fiscal)\s+(?P<y1>{_Y})"
    r"|(?P<ly>(?i:last|this|next))\s+(?i:year)))?"
    r"|\b(?P<same>(?i:the)\s+(?i:same|comparable|corresponding)\s+(?i:month|period|quarter))\s+"
    r"(?:(?i:of\s+)?(?:(?i:the)\s+)?(?i:last|previous|prior)\s+(?i:year)"
    r"|(?i:a\s+year\s+(?:earlier|ago|before)))\b"
    rf"|\b(?:(?i:the)\s+)?(?P<y3>{_Y})\s+(?:(?i:fiscal)\s+)?(?:(?P<o3>(?i:{_ORD}))[\s-]+)?"
    r"(?i:quarter|period)\b"
    r"|\b(?:(?P<a4>(?i:a))\s+|(?i:the)\s+)?(?:(?i:comparable|same)\s+)?(?i:year)[\s-](?i:earlier|ago)"
    rf"(?:\s+(?:(?P<o4>(?i:{_ORD}))[\s-]+)?(?P<p4>(?i:quarter|period)))?\b"
    r"|\b(?i:the)\s+(?P<latest>(?i:latest|most\s+recent|recent))\s+(?i:quarter|period)\b"
    r"|\b(?P<which>(?i:the|this|last|next|latest|current|previous))\s+"
    r"(?:(?i:fiscal)\s+)?(?i:quarter)\b(?!\s+(?i:of|century|point|mile))"
)
_LAST_PERIOD = re.compile(
    r"\b(?i:the)\s+(?i:last|final)\s+(?:(?i:fiscal)[\s-]+)?(?P<u>(?i:quarter|half))\s+(?i:of)\s+"
    rf"(?:(?i:fiscal)\s+)?(?P<y>{_Y})\b")
_YEARS_PERIOD = re.compile(
    r"\b(?P<ly>(?i:last|this|next))\s+(?i:year)(?:'s|’s)\s+(?:(?i:fiscal)[\s-]+)?"
    rf"(?P<o>(?i:{_ORD}))[\s-]+(?P<u>(?i:quarter|half))\b")
_ANAPHORIC_WEEKDAY = re.compile(
    rf"\b(?i:the)\s+(?i:{_alt(_DATA['narrative_next'] + _DATA['narrative_previous'])})\s+"
    rf"(?P<w>{_weekday_alt()})\b")
_SAME_WEEKDAY_BACK: int = load_data("dates.json")["same_weekday_days_back"]
_MONTH_NAME = (rf"(?:{_alt([k for k in _MONTHS if len(k) > 3 or k == 'May'])}"
               rf"|(?:{'|'.join(k for k in _MONTHS if len(k) <= 3 and k != 'May')})\.)")
_MONTH_OF_YEAR = re.compile(
    rf"\b(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<m>{_MONTH_NAME})"
    r"(?:\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?,?\s+"
    r"(?P<ly>(?i:last|this|next))\s+(?i:year)\b")
_WEEK_OF = re.compile(
    rf"\b(?i:the)\s+(?i:week)\s+(?i:of)\s+(?P<m>{_MONTH_NAME})\s+"
    rf"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_Y})\b)?")
_DAY_BEFORE_DATE = re.compile(
    r"\b(?i:the)\s+(?i:day|night|week|month|year)\s+(?i:before|after)"
    rf"(?=\s+(?:(?i:last|this|next)\s+|{_weekday_alt()}|{_MONTH_NAME}|\d))")
# TimeML: "the next morning", "the previous night" are the day after (before) the last date
# told, as "the next day" is (valued by ``narrative_value``).
_NEXT_PART = re.compile(
    rf"\b(?i:the)\s+(?i:{_alt(_DATA['narrative_next'] + _DATA['narrative_previous'])})\s+"
    r"(?i:morning|afternoon|evening|night)\b")
_TOLERANCE: int = load_data("dates.json")["future_tolerance_days"]
_NTH_DAY_TODAY = re.compile(  # "today is the eighth day of ...": the day of the report
    r"\b(?i:today|it)(?:\s+is|['’]s)\s+(?P<x>(?i:the)\s+(?i:"
    + "|".join(_DATA["nth_day_ordinals"]) + r")\s+(?:(?i:straight|consecutive)\s+)?(?i:day))\b")
_UNIT_PART = re.compile(
    rf"\b(?:(?i:the)\s+(?:(?i:very)\s+)?(?i:{_alt(_DATA['unit_part_nouns'])})\s+(?i:of)"
    rf"|(?i:{_alt(_DATA['unit_part_adverbs'])})\s+(?i:in))\s+(?i:the)\s+"
    r"(?P<u>(?i:year|month|week|day))\b"
    r"|\b(?i:for|of)\s+(?i:the)\s+(?:(?i:fiscal)\s+)?(?P<u2>(?i:year))\b"
    rf"(?!['’-]|\s+(?:{_alt(_DATA['year_in_focus_not_before'])})\b|\s+\d)")
_SEASON = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this|next|past|coming|early|late|mid|the|the\s+early|the\s+late))"
    rf"[\s-]+)?(?P<s>(?i:{_alt(_SEASONS)}))"
    rf"(?:\s+(?:(?i:of)\s+)?(?P<y>{_Y}))?\b"
)
_YEAR_WORDS = re.compile(
    rf"\b(?:(?i:fiscal|calendar)|(?i:the\s+year))\s+(?P<y>{_Y})\b"
    r"|\b(?i:the\s+(?:current|present)\s+(?:fiscal\s+|calendar\s+)?year)\b"
    r"|\b(?P<focus>(?i:the\s+full\s+year|year(?:'s|’s)?\s+end))\b")
# "last fiscal year", "the latest fiscal year" (the last one completed), "next fiscal year":
# TimeML values the fiscal year by the calendar year named (as "fiscal 1989" is 1989).
_REL_FISCAL: dict[str, int] = _DATA["fiscal_year_relative"]
_FISCAL_YEAR_REL = re.compile(
    rf"\b(?:(?i:the)\s+)?(?P<rel>(?i:{_alt(_REL_FISCAL)}))\s+(?i:fiscal|financial)\s+"
    r"(?i:year)\b")
_FIXED: dict[str, list[int]] = _DATA["fixed_holidays"]
_FLOATING: dict[str, list[int]] = _DATA["floating_holidays"]
_EASTER: dict[str, int] = _DATA["easter_days"]
_HOLIDAY = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this|next|on|since|until|before|after|by))\s+)?"
    rf"(?P<h>{_alt({**_FIXED, **_FLOATING, **_EASTER})})(?P<wk>\s+(?i:week)(?!-))?"
    rf"(?:,?\s+(?P<y>{_Y}))?\b")
_TENS: dict[str, int] = _DATA["spelled_tens"]
_ONES: dict[str, int] = _DATA["spelled_ones"]
_SPELLED_YEAR = re.compile(
    rf"\b(?:(?i:the\s+year)\s+)?(?P<c>(?i:nineteen|eighteen))\s+(?:(?i:hundred)\s+)?"
    rf"(?P<t>(?i:{_alt(_TENS)}))(?:[\s-](?P<o>(?i:{_alt(_ONES)})))?\b"
    rf"|\b(?i:the\s+year\s+)?(?i:two\s+thousand)(?:\s+(?:(?i:and)\s+)?(?P<o2>(?i:{_alt(_ONES)})))?"
    r"\b(?!\s+(?i:people|dollars|troops|soldiers|of|more))"
)
_REF = re.compile(rf"\b(?i:{_alt(_EXTRA_REFS)})\b")
_REF_VALUES = {re.sub(r"[\s-]+", " ", k.lower()): v for k, v in _EXTRA_REFS.items()}
_DUR_NUM = (rf"(?:\d+(?:\s+1/2)?|(?:{_alt(_DATA['clock_numbers'])})\s+(?:hundred|thousand)"
            rf"|(?:{_alt(_DATA['duration_numbers'])})"
            r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)")
_DURATION = re.compile(
    r"\b(?:(?:(?i:in|over|during|within|for|throughout)\s+)?(?i:the)\s+(?i:past|last|previous)\s+"
    r"|(?i:the)\s+(?:(?i:first|next|latest|final)\s+)?)?"
    rf"(?:(?i:{_DUR_NUM})|(?<=past\s|last\s|next\s)(?i:few|several|couple\s+of))(?:\s+|-)(?:(?i:{_alt(_DATA['duration_fillers'])})\s+)?"
    rf"(?i:{_alt(_DATA['duration_units'])})\b(?![\s-]*(?i:old|ago)\b)(?:-long\b)?"
    r"|\b(?:(?i:in|over|during|within|for|throughout)\s+)?(?i:the)\s+(?i:past|last|previous)\s+"
    r"(?i:decade)\b"
    r"|\b(?i:recent)\s+(?i:years|months|weeks|days|decades|quarters)\b"
    rf"|\b(?i:{_alt(_DATA['vague_counts'])})\s+(?i:{_alt(_DATA['duration_units'])})\b"
    r"(?![\s-]*(?i:old|ago)\b)"
    rf"|\b(?i:{_alt(_DATA['single_unit_modifiers'])})\s+(?i:an?)\s+"
    r"(?i:hour|day|week|month|year|decade|minute)\b(?![\s-]*(?i:old|ago)\b)"
)


_FRACTION = re.compile(r"\s+(?i:of)\b")
_VAGUE_COUNT = re.compile(r"(?i)\b(?:several|few|many|couple)\b")  # no fraction
# TimeML: a period measured from its end ("the fiscal year ended Jan. 31") or over its whole
# length ("throughout the fiscal year") is a DURATION (P1Y), as "the year ended Sept. 30" is.
_FISCAL_SPAN = re.compile(
    r"\b(?i:throughout)\s+(?P<x>(?i:the)\s+(?:(?i:fiscal|calendar)\s+)?(?i:year))\b"
    r"|\b(?P<y>(?i:the)\s+(?i:fiscal|calendar)\s+(?i:year))"
    rf"(?=\s+(?i:{_alt(_DATA['period_end_words'])})\b)")
_UNIT_CODES: dict[str, str] = _DATA["duration_unit_codes"]
_BIG_COUNT = re.compile(
    rf"(?i)(?:^|\s)(?:(?P<a>a)|(?P<n>{_alt(_DATA['clock_numbers'])}))\s+"
    r"(?P<m>hundred|thousand)\s+(?P<u>[a-z]+)$")


def _duration_value(text: str) -> str | None:
    """The TIMEX3 value of a round count of hundreds or thousands ("a hundred years" P100Y,
    "three hundred years" P300Y), which ``dates.timex_value`` does not count."""
    flat = re.sub(r"\s+", " ", text.strip())
    b = _BIG_COUNT.search(flat)
    if b is not None:
        code = _UNIT_CODES.get(b["u"].lower())
        if code is None:
            return None
        n = (1 if b["a"] else _NUMBER_WORDS[b["n"].lower()]) * (
            100 if b["m"].lower() == "hundred" else 1000)
        return f"P{code[:-1]}{n}{code[-1]}"
    return None


def _clock_suffix(m: re.Match[str]) -> str | None:
    if m["h"]:
        h = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        z = "Z" if (m["tz"] or "").upper() in ("GMT", "UTC") else ""
        return f"T{h:02d}:{int(m['mi'] or 0):02d}{z}"
    if m["h2"]:  # "18:00 UTC", "0800 GMT": ISO 8601 marks UTC with Z
        return f"T{int(m['h2']):02d}:{m['mi2']}Z"
    if m["h4"]:
        return f"T{int(m['h4']):02d}:{m['mi4']}"
    if m["w"]:
        return "T" + _CLOCK_WORDS[m["w"].lower()]
    if m["h3"]:
        raw = m["h3"].lower()
        h = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        part = m["part"].lower()
        h = h % 12 + (12 if part in ("afternoon", "evening") else 0)
        return f"T{h:02d}:00"
    return None


def pod_suffix(text: str) -> str | None:
    """The part-of-day suffix ("TMO", "TNI") named in an expression, if any."""
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _POD:
            return "T" + _POD[word]
    return None


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _quarter_range(y: int, q: int) -> tuple[date, date]:
    start = date(y, 3 * q - 2, 1)
    nxt = date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
    return start, nxt - timedelta(days=1)


def _last_quarter(pub: date) -> tuple[int, int]:
    """The last quarter completed by `pub` (year, number)."""
    k = pub.year * 4 + _quarter_of(pub) - 2
    return k // 4, k % 4 + 1


def _r_quarter(m: re.Match[str], pub: date | None) -> Extra | None:
    if m["o"]:
        n = _ORDINALS[m["o"].lower()]
        half = m["u"].lower() == "half"
        ahead: str | None = None
        if m["y"] or m["y1"]:
            y = int(m["y"] or m["y1"])
        elif pub is not None and m["ly"]:
            y = pub.year + {"last": -1, "this": 0, "next": 1}[m["ly"].lower()]
        elif pub is not None:
            first_month = 6 * n - 5 if half else 3 * n - 2
            y = pub.year if date(pub.year, first_month, 1) <= pub else pub.year - 1
            if y < pub.year and first_month - pub.month <= NEAREST_MONTHS:
                # not begun yet but near: this year's unless told in the past (TIMEX3)
                ahead = f"{pub.year:04d}-{'H' if half else 'Q'}{n}"
        else:
            return Extra(m.start(), m.end(), "quarter", f"XXXX-{'H' if half else 'Q'}{n}")
        if half:
            a, b = date(y, 6 * n - 5, 1), date(y + (n == 2), 1 if n == 2 else 7, 1)
            return Extra(m.start(), m.end(), "quarter", f"{y:04d}-H{n}", a, b - timedelta(days=1),
                         ahead)
        a, b = _quarter_range(y, n)
        return Extra(m.start(), m.end(), "quarter", f"{y:04d}-Q{n}", a, b, ahead)
    if m["y3"]:
        y = int(m["y3"])
        n = _ORDINALS[m["o3"].lower()] if m["o3"] else _last_quarter(pub)[1] if pub else 0
        if not n:
            return None
        a, b = _quarter_range(y, n)
        return Extra(m.start(), m.end(), "quarter", f"{y:04d}-Q{n}", a, b)
    if pub is None:
        return None
    if m["same"]:
        # "the same month a year ago", "the same period last year": the period in focus a year
        # before (``fiscal_value``); without one, the year before publication (no event date)
        return Extra(m.start(), m.end(), "yearword", f"{pub.year - 1:04d}")
    if m["latest"]:  # "the latest period": the last quarter completed
        y, q = _last_quarter(pub)
        return Extra(m.start(), m.end(), "quarter", f"{y:04d}-Q{q}")
    if m["which"] is None:  # "the year-earlier quarter", "year-ago"
        if not m["p4"]:
            y = pub.year - 1
            if m["a4"]:  # "a year earlier": a TIMEX3 value, no date for events
                return Extra(m.start(), m.end(), "yearword", f"{y:04d}")
            return Extra(m.start(), m.end(), "yearword", f"{y:04d}", date(y, 1, 1),
                         date(y, 12, 31))
        y, n = _last_quarter(pub)
        n = _ORDINALS[m["o4"].lower()] if m["o4"] else n
        a, b = _quarter_range(y - 1, n)
        return Extra(m.start(), m.end(), "quarter", f"{y - 1:04d}-Q{n}", a, b)
    which = m["which"].lower()
    k = pub.year * 4 + _quarter_of(pub) - 1
    k += {"this": 0, "current": 0, "next": 1}.get(which, -1)  # "the quarter": the last one
    y, q = k // 4, k % 4 + 1
    a, b = _quarter_range(y, q)
    return Extra(m.start(), m.end(), "quarter", f"{y:04d}-Q{q}", a, b)


def _r_last_period(m: re.Match[str]) -> Extra:
    """"the last quarter of 2015" (2015-Q4), "the final half of 1989" (1989-H2)."""
    y = int(m["y"])
    if m["u"].lower() == "half":
        return Extra(m.start(), m.end(), "quarter", f"{y:04d}-H2", date(y, 7, 1), date(y, 12, 31))
    a, b = _quarter_range(y, 4)
    return Extra(m.start(), m.end(), "quarter", f"{y:04d}-Q4", a, b)


def _r_years_period(m: re.Match[str], pub: date | None) -> Extra | None:
    """"this year's third quarter" (2016-Q3), "next year's first half" (2017-H1)."""
    if pub is None:
        return None
    y = pub.year + {"last": -1, "this": 0, "next": 1}[m["ly"].lower()]
    n = _ORDINALS[m["o"].lower()]
    if m["u"].lower() == "half":
        if n > 2:
            return None
        a, b = date(y, 6 * n - 5, 1), date(y + (n == 2), 1 if n == 2 else 7, 1)
        return Extra(m.start(), m.end(), "quarter", f"{y:04d}-H{n}", a, b - timedelta(days=1))
    a, b = _quarter_range(y, n)
    return Extra(m.start(), m.end(), "quarter", f"{y:04d}-Q{n}", a, b)


def _r_month_of_year(m: re.Match[str], pub: date | None) -> Extra | None:
    """"June last year" (2015-06), "Oct. 30 last year" (2015-10-30), "early March this year"."""
    if pub is None:
        return None
    y = pub.year + {"last": -1, "this": 0, "next": 1}[m["ly"].lower()]
    mon = _MONTHS[m["m"].rstrip(".")]
    if m["d"]:
        try:
            day = date(y, mon, int(m["d"]))
        except ValueError:
            return None
        return Extra(m.start(), m.end(), "monthyear", day.isoformat(), day, day)
    first = date(y, mon, 1)
    last = date(y + (mon == 12), mon % 12 + 1, 1) - timedelta(days=1)
    return Extra(m.start(), m.end(), "monthyear", f"{y:04d}-{mon:02d}", first, last)


def _r_week_of(m: re.Match[str], pub: date | None) -> Extra | None:
    """"the week of March 6": the ISO week holding that day (TIMEX3 2000-W10). The TIMEX3 value
    takes the occurrence nearest publication; the date range (what dates an event) takes the
    past reading of a year-less date (``dates``: at most ``future_tolerance_days`` ahead)."""
    mon, day_n = _MONTHS[m["m"].rstrip(".")], int(m["d"])
    try:
        if m["y"]:
            near = past = date(int(m["y"]), mon, day_n)
        elif pub is None:
            return None
        else:
            near = nearest_month_day(mon, day_n, pub) or date(pub.year, mon, day_n)
            past = date(pub.year, mon, day_n)
            if past > pub + timedelta(days=_TOLERANCE):
                past = date(pub.year - 1, mon, day_n)
    except ValueError:
        return None
    y, w, _ = near.isocalendar()
    monday = past - timedelta(days=past.weekday())
    return Extra(m.start(), m.end(), "week", f"{y:04d}-W{w:02d}", monday,
                 monday + timedelta(days=6))


def _r_anaphoric_weekday(m: re.Match[str], pub: date | None) -> Extra:
    """"the previous Friday", "the following Monday": the TIMEX3 value counts from the last
    date told (``narrative_value``); the date range stays that of the weekday alone (the most
    recent one by publication), so event dating does not change."""
    if pub is None:
        return Extra(m.start(), m.end(), "weekday", None)
    back = (pub.weekday() - _WEEKDAYS[m["w"]]) % 7 or _SAME_WEEKDAY_BACK
    day = pub - timedelta(days=back)
    return Extra(m.start(), m.end(), "weekday", day.isoformat(), day, day)


def _r_season(m: re.Match[str], pub: date | None) -> Extra | None:
    word = m["s"].lower()
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    if word == "fall" and not (mod or m["y"]):
        return None  # the verb
    if m["s"][0].isupper() and not (mod or m["y"]) and m.start() > 0:
        return None  # a name ("Spring Street")
    code, first = _SEASONS[word]
    if m["y"]:
        y = int(m["y"])
    elif pub is None:
        return Extra(m.start(), m.end(), "season", f"XXXX-{code}")
    else:
        y = pub.year if date(pub.year, first, 1) <= pub else pub.year - 1
        if mod in ("next", "coming") or (mod == "this" and date(pub.year, first, 1) > pub):
            y = pub.year if date(pub.year, first, 1) > pub else pub.year + 1
        elif mod in ("last", "past") and date(y, first, 1) <= pub < _season_end(y, first):
            y -= 1  # "last summer" said in summer
    start = m.start("mod") if mod and mod != "the" else m.start("s")
    if mod == "the":
        start = m.start()
    return Extra(start, m.end(), "season", f"{y:04d}-{code}", date(y, first, 1),
                 _season_end(y, first) - timedelta(days=1))


def _season_end(y: int, first: int) -> date:
    k = y * 12 + first - 1 + 3
    return date(k // 12, k % 12 + 1, 1)


def _r_set(m: re.Match[str]) -> Extra:
    if m["adv"]:
        return Extra(m.start(), m.end(), "set", _SET_ADVERBS[m["adv"].lower()])
    if m["fu"]:  # "twice a week": the period is the value (the count is TIMEX3 freq)
        return Extra(m.start(), m.end(), "set", _SET_UNITS[m["fu"].lower()])
    if m["ru"]:
        return Extra(m.start("rate"), m.end(), "set", _SET_UNITS[m["ru"].lower()])
    if m["wdp"]:  # "on Tuesdays", "Friday nights": a recurring day
        tx = f"XXXX-WXX-{_WEEKDAYS[m['wdp']] + 1}"
        if m["podp"]:
            tx += "T" + _POD[m["podp"].lower()]
        return Extra(m.start(), m.end(), "set", tx)
    if m["wd"]:
        tx = f"XXXX-WXX-{_WEEKDAYS[m['wd']] + 1}"
    elif m["mo"]:
        tx = f"XXXX-{_MONTHS[m['mo']]:02d}"
    else:
        tx = _SET_UNITS[m["u"].lower()]
        if m["other"] and tx.startswith("P1"):
            tx = "P2" + tx[2:]
    if m["pod"] and not tx.startswith("P"):
        tx += "T" + _POD[m["pod"].strip().lower()]
    return Extra(m.start(), m.end(), "set", tx)


_PERIOD_BEFORE_YEAR = re.compile(
    rf"(?:(?P<the>(?i:the)\s+)?(?P<s>(?i:{_alt(_SEASONS)}))\s+(?:(?i:of)\s+)?"
    rf"|(?P<m>{_month_alt()})\s+)$")


def _spelled_with_period(text: str, start: int, end: int, y: int) -> Extra:
    """A spelled-out year, joined to the season or month told just before it ("the winter of
    nineteen ninety-four" 1994-WI, "January nineteen ninety-seven" 1997-01)."""
    before = _PERIOD_BEFORE_YEAR.search(text, max(0, start - 24), start)
    if before is not None and before["s"]:
        code, first = _SEASONS[before["s"].lower()]
        return Extra(before.start(), end, "season", f"{y:04d}-{code}", date(y, first, 1),
                     _season_end(y, first) - timedelta(days=1))
    if before is not None and before["m"]:
        mon = _MONTHS[before["m"]]
        last = date(y + (mon == 12), mon % 12 + 1, 1) - timedelta(days=1)
        return Extra(before.start(), end, "monthyear", f"{y:04d}-{mon:02d}", date(y, mon, 1),
                     last)
    return Extra(start, end, "yearword", f"{y:04d}", date(y, 1, 1), date(y, 12, 31))


def _easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - b // 4 - g + 15) % 30
    k = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    m = (a + 11 * h + 22 * k) // 451
    n = h + k - 7 * m + 114
    return date(year, n // 31, n % 31 + 1)


def holiday_date(name: str, year: int) -> date:
    """The day a named holiday falls on in `year`."""
    if name in _EASTER:  # days from Easter Sunday ("Good Friday" -2)
        return _easter_sunday(year) + timedelta(days=_EASTER[name])
    if name in _FIXED:
        m, d = _FIXED[name]
        return date(year, m, d)
    month, weekday, nth = _FLOATING[name]
    if nth < 0:
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    if name == "Election Day":  # the Tuesday after the first Monday
        day = first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    return day


def _r_holiday(m: re.Match[str], pub: date | None) -> Extra | None:
    name = re.sub(r"\s+", " ", m["h"])
    mod = (m["mod"] or "").lower()
    start = m.start("mod") if mod in ("last", "this", "next") else m.start("h")
    if m["y"]:
        d = holiday_date(name, int(m["y"]))
    elif pub is None:
        return None
    else:
        d = holiday_date(name, pub.year)
        if mod == "next" and d <= pub:
            d = holiday_date(name, pub.year + 1)
        elif mod not in ("next", "this") and d - timedelta(
                days=d.weekday() if m["wk"] else 0) > pub:  # a week: begun by publication
            d = holiday_date(name, pub.year - 1)
    if m["wk"]:  # "Easter week", "Christmas week": the (ISO) week holding the day
        y, w, _ = d.isocalendar()
        monday = d - timedelta(days=d.weekday())
        return Extra(start, m.end(), "week", f"{y:04d}-W{w:02d}", monday,
                     monday + timedelta(days=6))
    return Extra(start, m.end(), "holiday", d.isoformat(), d, d)


def _each(pattern: re.Pattern[str], text: str,
          make: Callable[[re.Match[str]], Extra | None]) -> list[Extra]:
    """`make(match)` for every match of `pattern` in `text`, those that give an expression."""
    return [x for m in pattern.finditer(text) if (x := make(m)) is not None]


def scan_extras(text: str, pub: date | None) -> list[Extra]:
    """Every extra expression in `text`, possibly overlapping (the caller keeps the longest)."""
    out: list[Extra] = []
    for m in _CLOCK.finditer(text):
        out.append(Extra(m.start(), m.end(), "clock", _clock_suffix(m)))
    for m in _POD_ALONE.finditer(text):
        word = (m["p"] or m["a"] or "night").lower()
        out.append(Extra(m.start(), m.end(), "pod", pod_suffix(word) or "TAF"))
    out += _each(_SET, text, _r_set)
    out += _each(_QUARTER, text, lambda m: _r_quarter(m, pub))
    out += _each(_LAST_PERIOD, text, _r_last_period)
    out += _each(_YEARS_PERIOD, text, lambda m: _r_years_period(m, pub))
    out += _each(_MONTH_OF_YEAR, text, lambda m: _r_month_of_year(m, pub))
    out += _each(_WEEK_OF, text, lambda m: _r_week_of(m, pub))
    for m in _DAY_BEFORE_DATE.finditer(text):  # valued by ``narrative_value`` from the date
        out.append(Extra(m.start(), m.end(), "narrative", None))
    for m in _NEXT_PART.finditer(text):  # "the next morning": see ``narrative_value``
        out.append(Extra(m.start(), m.end(), "narrative", None))
    out += _each(_ANAPHORIC_WEEKDAY, text, lambda m: _r_anaphoric_weekday(m, pub))
    if pub is not None:
        for m in _NTH_DAY_TODAY.finditer(text):
            out.append(Extra(m.start("x"), m.end("x"), "dayword", pub.isoformat()))
    for m in _UNIT_PART.finditer(text):  # "the end of the year": see ``narrative_value``
        unit = (m["u"] or m["u2"]).lower()  # the publication's unit unless a date is told
        tx = shift_value(pub.isoformat(), unit, 0) if pub is not None else None
        out.append(Extra(m.start(), m.end(), "part", tx))
    out += _each(_SEASON, text, lambda m: _r_season(m, pub))
    for m in _YEAR_WORDS.finditer(text):
        y = int(m["y"]) if m["y"] else pub.year if pub is not None else None
        if y is not None and m["focus"]:  # "the full year", "by year end": no date of its own
            out.append(Extra(m.start(), m.end(), "yearword", f"{y:04d}"))
        elif y is not None:
            out.append(Extra(m.start(), m.end(), "yearword", f"{y:04d}", date(y, 1, 1),
                             date(y, 12, 31)))
    if pub is not None:  # no date range: the expression dates no event
        for m in _FISCAL_YEAR_REL.finditer(text):
            step = _REL_FISCAL[re.sub(r"\s+", " ", m["rel"].lower())]
            out.append(Extra(m.start(), m.end(), "yearword", f"{pub.year + step:04d}"))
    for m in _SPELLED_YEAR.finditer(text):
        if m["c"]:
            y = (1900 if m["c"].lower() == "nineteen" else 1800) + _TENS[m["t"].lower()]
            y += _ONES[m["o"].lower()] if m["o"] else 0
        elif m[0].lower().startswith("the year"):
            y = 2000 + (_ONES[m["o2"].lower()] if m["o2"] else 0)
        else:
            continue  # "two thousand" alone is a number
        out.append(_spelled_with_period(text, m.start(), m.end(), y))
    out += _each(_HOLIDAY, text, lambda m: _r_holiday(m, pub))
    for m in _REF.finditer(text):
        out.append(Extra(m.start(), m.end(), "ref",
                         _REF_VALUES[re.sub(r"[\s-]+", " ", m[0].lower())]))
    for m in _DURATION.finditer(text):
        if (_FRACTION.match(text, m.end()) and m[0].lower().endswith(("quarter", "quarters"))
                and not _VAGUE_COUNT.search(m[0])):
            continue  # "three quarters of the vote": a fraction; not "several quarters of losses"
        out.append(Extra(m.start(), m.end(), "duration", _duration_value(m[0])))
    for m in _FISCAL_SPAN.finditer(text):
        x = "x" if m["x"] else "y"
        out.append(Extra(m.start(x), m.end(x), "duration", "P1Y"))
    return out


# --- values from the text around an expression (narrative anchor, fiscal quarter, nearest) ---

_N_UNITS: dict[str, str] = _DATA["narrative_units"]
_NARRATIVE = re.compile(
    rf"^(?:(?P<same>{_alt(_DATA['narrative_same'])})"
    rf"|the\s+(?:very\s+)?(?P<dir>{_alt(_DATA['narrative_next'] + _DATA['narrative_previous'])})"
    rf")\s+(?P<u>{_alt(_N_UNITS)})$"
    rf"|^(?:the\s+)?(?P<u2>{_alt(_N_UNITS)})\s+(?P<rel>after|before)$", re.I)
_NEXT_WORDS = frozenset(_DATA["narrative_next"])
_PART_OF = re.compile(rf"^(?:{_UNIT_PART.pattern})$")
_NARRATIVE_WEEKDAY = re.compile(
    rf"^the\s+(?P<dir>{_alt(_DATA['narrative_next'] + _DATA['narrative_previous'])})\s+"
    rf"(?P<w>{_weekday_alt()})$", re.I)
_DAY_TX = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_FISCAL_BEFORE = re.compile("^(?:" + "|".join(_DATA["fiscal_year_before"]) + ")$", re.I)
_FISCAL_SAME = re.compile("^(?:" + "|".join(_DATA["fiscal_same"]) + ")$", re.I)
_ANCHOR_TX = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T[\w:]+)?")
_WEEK_TX = re.compile(r"(\d{4})-W(\d\d)")
QUARTER_TX = re.compile(r"(\d{4})-Q([1-4])")
NEAREST_MONTHS: int = _DATA["nearest_months_ahead"]
NEAREST_DAYS: int = _DATA["nearest_days_ahead"]


def narrative_value(text: str, anchor: str | None) -> str | None:
    """The TIMEX3 value of "that year", "the next day", "the day before", "the end of the
    year", "for the year", "the previous Friday" told after `anchor` (the TIMEX3 value of the
    last date in the narrative); None when `text` is none of them or the anchor is too coarse
    for the unit."""
    if anchor is None:
        return None
    flat = re.sub(r"\s+", " ", text.strip())
    part = _PART_OF.match(flat)
    if part is not None:  # "the end of the year", "for the year": the unit in focus
        return shift_value(anchor, (part["u"] or part["u2"]).lower(), 0)
    wd = _NARRATIVE_WEEKDAY.match(flat)
    if wd is not None:  # "the previous Friday", "the following Monday"
        day = _DAY_TX.match(anchor)
        if day is None:
            return None
        a = date(int(day[1]), int(day[2]), int(day[3]))
        target = _WEEKDAYS[wd["w"].capitalize()]
        if wd["dir"].lower() in _NEXT_WORDS:
            return (a + timedelta(days=(target - a.weekday()) % 7 or 7)).isoformat()
        return (a - timedelta(days=(a.weekday() - target) % 7 or 7)).isoformat()
    m = _NARRATIVE.match(flat)
    if m is None:
        return None
    unit = _N_UNITS[(m["u"] or m["u2"]).lower()]
    if m["same"] and m["same"].lower() == "the" and unit != "day":
        return None  # "for the year": often a duration
    step = 0
    if m["dir"]:
        if m["dir"].lower() == "next" and unit != "day":
            return None  # "the next year": the coming one, or a duration
        step = 1 if m["dir"].lower() in _NEXT_WORDS else -1
    elif m["rel"]:
        step = 1 if m["rel"].lower() == "after" else -1
    return shift_value(anchor, unit, step)


def shift_value(anchor: str, unit: str, step: int) -> str | None:
    """`anchor` (a TIMEX3 date value) cut to `unit` and moved `step` units."""
    w = _WEEK_TX.fullmatch(anchor)
    if w is not None:
        if unit == "week":
            monday = date.fromisocalendar(int(w[1]), int(w[2]), 1) + timedelta(weeks=step)
            y, n, _ = monday.isocalendar()
            return f"{y:04d}-W{n:02d}"
        anchor = anchor[:4] if unit == "year" else ""
    a = _ANCHOR_TX.fullmatch(anchor)
    if a is None:
        return None
    y, mo, d = int(a[1]), a[2], a[3]
    if unit == "year":
        return f"{y + step:04d}"
    if mo is None:
        return None
    if unit == "month":
        k = y * 12 + int(mo) - 1 + step
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    if d is None:
        return None
    day = date(y, int(mo), int(d))
    if unit == "week":
        yy, n, _ = (day + timedelta(weeks=step)).isocalendar()
        return f"{yy:04d}-W{n:02d}"
    return (day + timedelta(days=step)).isoformat()


_MONTH_TX = re.compile(r"(\d{4})-(\d\d)")
_MONTH_BEFORE = re.compile("^(?:" + "|".join(_DATA["month_year_before"]) + ")$", re.I)


def fiscal_value(text: str, period: str | None) -> str | None:
    """The period meant by "a year earlier", "the year-ago period", "the quarter" in a report
    whose last told quarter or month is `period` ("1989-Q3", "2009-01"); None without one.
    After a month, only "the same month/period a year ago" (and the like) count (a bare "a year
    ago" there is most often the year)."""
    if period is None:
        return None
    t = re.sub(r"\s+", " ", text.strip())
    mo = _MONTH_TX.fullmatch(period)
    if mo is not None:
        return f"{int(mo[1]) - 1:04d}-{mo[2]}" if _MONTH_BEFORE.match(t) else None
    q = QUARTER_TX.fullmatch(period)
    if q is None:
        return None
    if _FISCAL_BEFORE.match(t):
        return f"{int(q[1]) - 1:04d}-Q{q[2]}"
    if _FISCAL_SAME.match(t):
        return period
    return None


REPORT_MONTHS = re.compile("^(?:" + _DATA["report_months"] + ")$", re.I)
_YEAR_PERIOD = re.compile("^(?:" + _DATA["year_period"] + ")$", re.I)


def months_focus_value(text: str, year: int) -> str | None:
    """The period meant by "a year earlier", "the year-ago period" or "the 1988 period" after a
    span of the year `year` told in a report ("the first nine months"): the year before
    (``1988``), or the year named; None for other words and for a quarter ("the year-ago
    quarter" stays with the quarter told)."""
    t = re.sub(r"\s+", " ", text.strip())
    if "quarter" in t.lower():
        return None
    if _FISCAL_BEFORE.match(t):
        return f"{year - 1:04d}"
    m = _YEAR_PERIOD.match(t)
    return m["y"] if m is not None else None


def nearest_month_day(month: int, day: int, pub: date) -> date | None:
    """The occurrence of a year-less month-day nearest `pub`: ahead when at most
    `NEAREST_DAYS` after it, else the most recent one."""
    try:
        ahead = date(pub.year, month, day)
        if ahead < pub:
            ahead = date(pub.year + 1, month, day)
    except ValueError:
        return None
    if (ahead - pub).days <= NEAREST_DAYS:
        return ahead
    try:
        back = date(ahead.year - 1, month, day)
    except ValueError:
        return None
    return back


def nearest_month(month: int, pub: date) -> tuple[int, int]:
    """(year, month) of a bare month nearest `pub` (ahead at most `NEAREST_MONTHS`)."""
    ahead = (month - pub.month) % 12
    y = pub.year + (month < pub.month)
    if ahead > NEAREST_MONTHS:
        y = pub.year - (month > pub.month)
    return y, month
