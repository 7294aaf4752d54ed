"""Time expressions in an article, resolved against its publication date.

Rules (see also ``data/dates.json``):

* A month-day without a year ("Nov. 4") takes the publication year, unless that puts it more
  than ``future_tolerance_days`` (7) after publication, when it takes the year before. So "Nov. 6"
  in an article of 2016-11-05 is 2016-11-06 (a slip or the next day), "Dec. 30" is 2015-12-30.
* A weekday ("on Tuesday") is the most recent such day not after publication; the publication
  weekday itself is the publication day (wire style names the current day by its weekday),
  controlled by ``same_weekday_days_back``; "last Tuesday" on a Tuesday is 7 days earlier.
  The weekday after the publication day's is the next day (an updated report,
  ``next_weekday_is_ahead``): "Monday" in a report stamped Sunday is that Monday.
* Weeks run Monday to Sunday; a week's ``value`` is its Monday. "last week" is the previous
  Monday-Sunday; "this week" and "earlier this month" end on the publication date.
* Ranges ("Nov. 2-4", "over the past two days") give ``date_start``/``date_end`` and ``value`` =
  ``date_start``; precision is day for one day, week up to 7 days, month up to 31, else year.
  "the past N days" runs from N days before publication to the publication date.
* "since Oct. 17" gives only ``date_start`` (``value`` and ``precision`` None).
* An incident its report dates by no expression most likely happened the day before
  publication (``undated_day``, ``undated_days_before``): a local report comes out the day
  after the shooting it tells, and one told the same day still lies within a day of it.
* Without a publication date, deictic and year-less expressions keep ``value`` None.
* ``relative`` is True for deictic expressions (yesterday, Tuesday, last week, two days ago).
* Ages ("25-year-old", "in his 30s") and month names inside a person's name ("April Jones")
  are dropped; durations ("three days") come back with ``value`` None.
* In a clause about the future ("will meet on Tuesday", "is scheduled for March") a year-less
  date, month or weekday takes the next such day instead; "next week", "tomorrow" likewise.
* ``timex`` gives every expression a TIMEX3-style value: ``2016-11-02``, ``2016-W44`` (a
  Monday-Sunday week), ``2016-W44-WE``, ``2016-Q3``, ``199`` (the 1990s, also "the '90s"),
  durations ``P3D`` / ``PXM``,
  ``PRESENT_REF`` for "now" (whose ``value`` stays None, so events are never dated by it).
* ``timex`` also covers (``timex.py``, ``data/timex.json``): clock times and parts of day joined
  to their day ("10 p.m. Wednesday" ``2016-11-02T22:00``, "Friday morning" ``...TMO``; alone,
  the last day told before them, else publication, and ``value`` None); sets ("every week"
  ``P1W``, "daily", "each Thursday" ``XXXX-WXX-4``; ``value`` None); quarters and halves
  (``2016-Q3``, ``2016-H1``), seasons (``2016-SU``), holidays ("Christmas Day", "Thanksgiving")
  and spelled-out years, which carry a date range; counted durations ("five hours" ``PT5H``).
* Besides "will" and planning verbs, a modal "would"/"must" or a deadline word ("by Jan. 14",
  "until Tuesday", "as soon as Monday") in a clause not in the past tense resolves forward.
* ``timex`` only (``value`` and the other fields that date events are left as they are):
  a year-less date or month not hung on a past-tense verb takes the occurrence nearest
  publication ("payable Dec. 15" in a November article is this December); narrative
  expressions ("that year", "the following month", "the next day", "the day before") count from
  the last date told before them; in an earnings report "a year earlier", "the year-ago period",
  "the quarter" follow the last quarter told ("1988-Q3"); "the full year", "by year end" are the
  publication year; "Tuesday nights" is a set; UTC/GMT clock times end in Z; a quarter or half
  not begun by publication ("during the fourth quarter" in August), at most
  ``nearest_months_ahead`` away and not hung on a past-tense verb, is this year's; after a
  month told, "the same month a year ago" / "the same period last year" is that month a year
  before; "Monday, Oct. 26:" (a heading before a colon) has the date as its TIMEX3 value, while
  its event fields stay those of the weekday alone.
* Not returned: an expression with neither a TIMEX3 value nor a date (TimeML gives every
  TIMEX3 a value; "for the fifth straight week"), and one whose unit word is capitalized after
  its first word in a prose sentence, the name of a programme ("on the radio show Inside This
  Week"). "one day" right before a base-form verb ("will one day be rebuilt") is
  ``FUTURE_REF``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from sitrep.extract.counts import parse_number
from sitrep.extract.lexicon import load_data
from sitrep.extract.timex import (
    FREQ_ADJECTIVES,
    QUARTER_TX,
    REPORT_MONTHS,
    Extra,
    fiscal_value,
    months_focus_value,
    narrative_value,
    nearest_month,
    nearest_month_day,
    pod_suffix,
    scan_extras,
)

Precision = Literal["day", "week", "month", "year"]

_DATA: dict[str, Any] = load_data("dates.json")
_TX_DATA: dict[str, Any] = load_data("timex.json")
_MONTHS: dict[str, int] = _DATA["months"]
_WEEKDAYS: dict[str, int] = _DATA["weekdays"]
_DAY_WORDS: dict[str, int] = _DATA["day_words"]
_SAME_WEEKDAY_BACK: int = _DATA["same_weekday_days_back"]
_NEXT_WEEKDAY_AHEAD: bool = _DATA["next_weekday_is_ahead"]
_TOLERANCE: int = _DATA["future_tolerance_days"]
_UNDATED_BACK: int = _DATA["undated_days_before"]


@dataclass(slots=True)
class TimeExpression:
    """A time expression with char offsets into the text and its resolved value."""

    start: int
    end: int
    text: str
    value: str | None  # "2016-11-02", "2016-11" or "2016"
    precision: Precision | None
    date_start: str | None
    date_end: str | None
    relative: bool
    head: int | None = None  # token the expression attaches to (the verb or noun it modifies)
    timex: str | None = None  # TIMEX3-style value: "2016-11-02", "2016-W44", "P3D", "PRESENT_REF"


# (value, precision, date_start, date_end, relative)
_Res = tuple[str | None, Precision | None, str | None, str | None, bool]
_NONE_REL: _Res = (None, None, None, None, True)
_NONE_ABS: _Res = (None, None, None, None, False)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                          reverse=True))


def _names(table: dict[str, int], need_dot: bool = False) -> str:
    """Alternation of names; abbreviations (not the longest name for a value) take a dot,
    which `need_dot` makes compulsory ("Sun." but not "the Sun staff")."""
    full = {v: max((k for k in table if table[k] == v), key=len) for v in table.values()}
    keys = sorted(table, key=len, reverse=True)
    dot = r"\." if need_dot else r"\.?"
    parts = [re.escape(k) + ("" if full[table[k]] == k else dot) for k in keys]
    return "(?:" + "|".join(parts) + ")(?![A-Za-z])"


_M = _names(_MONTHS)
_W = _names(_WEEKDAYS, need_dot=_DATA["weekday_abbreviations_need_dot"])
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d{2}|20\d{2})"
_NUM = r"(?:\d+|[a-z]+(?:-[a-z]+)?|a\s+few|a|an)"
_PREP = _alt(_DATA["bare_month_prepositions"])

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    ("md_range", re.compile(
        rf"(?:(?i:between)\s+)?(?P<m1>{_M})\s+(?P<d1>{_D})\s*(?:-|–|(?i:to|and|through|until))"
        rf"\s*(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})(?!\d)(?:,?\s+(?P<y>{_Y}))?\b")),
    ("dm_range", re.compile(
        rf"\b(?P<d1>{_D})\s*(?:-|–|(?i:to|and))\s*(?P<d2>{_D})\s+(?:(?i:of)\s+)?(?P<m1>{_M})"
        rf"(?:,?\s+(?P<y>{_Y}))?\b")),
    ("wmd", re.compile(
        rf"(?P<w>{_W}),?\s+(?P<m>{_M})\s+(?P<d>{_D})(?![\d:])(?:,?\s+(?P<y>{_Y})\b)?")),
    # "Monday, Oct. 26:" (a heading): TIMEX3 span and value only, see ``_scan``
    ("wmd_colon", re.compile(rf"(?P<w>{_W}),?\s+(?P<m>{_M})\s+(?P<d>{_D})(?:,?\s+(?P<y>{_Y}))?"
                                r"(?=:(?!\d))")),
    ("decade", re.compile(
        r"\b(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<c>1[89]\d|20\d)0(?:'?s)\b")),
    ("mdy", re.compile(rf"(?P<m>{_M})\s+(?P<d>{_D})(?![\d:])(?:,?\s+(?P<y>{_Y})\b)?")),
    ("dmy", re.compile(
        rf"\b(?:(?i:the)\s+)?(?P<d>{_D})\s+(?:(?i:of)\s+)?(?P<m>{_M})(?:,?\s+(?P<y>{_Y})\b)?")),
    ("my", re.compile(rf"(?P<m>{_M}),?\s+(?:(?i:of)\s+)?(?P<y>{_Y})\b")),
    ("month", re.compile(
        rf"(?:\b(?i:{_PREP})\s+|(?=(?i:early|mid|late)[\s-]))"
        rf"(?P<x>(?:(?i:early|mid|late)[\s-]+)?(?P<m>{_M}))"
        rf"(?![\w.]*\s*\d)")),
    ("year", re.compile(
        rf"\b(?i:{_PREP})\s+(?P<x>(?:(?i:early|mid|late)[\s-]+)?(?P<y>{_Y}))\b(?![,.]?\d)")),
    ("weekday", re.compile(
        rf"(?:\b(?P<last>(?i:last|this|past|next|coming))\s+)?(?P<w>{_W})(?!\w)"
        r"(?:\s+(?i:morning|afternoon|evening|night))?")),
    ("ref", re.compile(rf"\b(?i:{_alt(_DATA['ref_words'])})\b")),
    ("dayword", re.compile(rf"\b(?i:{_alt(list(_DAY_WORDS))})\b")),
    ("ago", re.compile(
        rf"\b(?i:(?P<n>{_NUM})\s+(?P<u>days?|weeks?|months?|years?)\s+ago)\b")),
    ("past", re.compile(
        rf"\b(?i:(?:(?:over|in|during|for|within)\s+)?the\s+(?:past|last|previous)\s+"
        rf"(?:(?P<n>{_NUM}|few|several|couple\s+of)\s+)?(?P<u>days?|weeks?|months?|years?|"
        r"hours?))\b")),
    ("period", re.compile(
        r"\b(?i:(?:(?P<mod>earlier|later|early|late)\s+)?(?:(?P<which>this|last|past|previous)"
        r"|(?P<next>next|coming)|(?P<the>(?:over\s+)?the))\s+(?P<u>week|month|year|weekend))\b")),
    # "a weekend shooting", "in weekend violence": the weekend before publication
    ("weekend", re.compile(rf"\b(?i:weekend)(?=\s+(?i:{_alt(_DATA['weekend_nouns'])})\b)")),
]


def _iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _day(d: date, relative: bool) -> _Res:
    return d.isoformat(), "day", d.isoformat(), d.isoformat(), relative


def _month(y: int, m: int, relative: bool, end: date | None = None) -> _Res:
    last = date(y, m, calendar.monthrange(y, m)[1])
    return _iso_month(y, m), "month", date(y, m, 1).isoformat(), (end or last).isoformat(), relative


def _year(y: int, relative: bool, end: date | None = None) -> _Res:
    return f"{y:04d}", "year", f"{y:04d}-01-01", (end or date(y, 12, 31)).isoformat(), relative


def _week(monday: date, relative: bool, end: date | None = None) -> _Res:
    last = end or monday + timedelta(days=6)
    return monday.isoformat(), "week", monday.isoformat(), last.isoformat(), relative


def _span(a: date, b: date, relative: bool) -> _Res:
    a, b = min(a, b), max(a, b)
    n = (b - a).days + 1
    prec: Precision = "day" if n == 1 else "week" if n <= 7 else "month" if n <= 31 else "year"
    return a.isoformat(), prec, a.isoformat(), b.isoformat(), relative


def _month_num(text: str) -> int:
    return _MONTHS[text.rstrip(".")]


def _day_num(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _month_day(m: int, d: int, y: int | None, pub: date | None) -> date | None:
    """A month-day, its year from the text or from the publication date (see module rules)."""
    try:
        if y is not None:
            return date(y, m, d)
        if pub is None:
            return None
        cand = date(pub.year, m, d)
        if cand > pub + timedelta(days=_TOLERANCE):
            cand = date(pub.year - 1, m, d)
        return cand
    except ValueError:
        return None


def _count(text: str | None) -> int | None:
    if text is None:
        return 1
    t = re.sub(r"\s+", " ", text.lower())
    if t in ("a", "an"):
        return 1
    if t in ("few", "a few", "several", "couple of", "a couple of"):
        return 2 if t.endswith("couple of") else 3
    return parse_number(t)


def _group_int(m: re.Match[str], name: str) -> int | None:
    g = m.group(name)
    return int(g) if g else None


def _r_iso(m: re.Match[str], pub: date | None) -> _Res:
    try:
        return _day(date(int(m["y"]), int(m["m"]), int(m["d"])), False)
    except ValueError:
        return _NONE_ABS


def _r_mdy(m: re.Match[str], pub: date | None) -> _Res:
    d = _month_day(_month_num(m["m"]), _day_num(m["d"]), _group_int(m, "y"), pub)
    return _day(d, False) if d else _NONE_ABS


def _r_range(m: re.Match[str], pub: date | None) -> _Res:
    y = _group_int(m, "y")
    m1 = _month_num(m["m1"])
    m2 = _month_num(m["m2"]) if m.groupdict().get("m2") else m1
    end = _month_day(m2, _day_num(m["d2"]), y, pub)
    if end is None:
        return _NONE_ABS
    y1 = end.year - 1 if m1 > m2 else end.year
    start = _month_day(m1, _day_num(m["d1"]), y1, pub)
    return _span(start, end, False) if start and start <= end else _NONE_ABS


def _r_my(m: re.Match[str], pub: date | None) -> _Res:
    return _month(int(m["y"]), _month_num(m["m"]), False)


def _r_month(m: re.Match[str], pub: date | None) -> _Res:
    if pub is None:
        return _NONE_ABS
    mon = _month_num(m["m"])
    y = pub.year if mon <= pub.month or _month_prep(m) == "this" else pub.year - 1
    return _month(y, mon, False)


def _month_prep(m: re.Match[str]) -> str:
    """The word before a bare month ("this September", "last April"), lower-cased."""
    return m[0][: m.start("x") - m.start()].strip().lower()


def _r_decade(m: re.Match[str], pub: date | None) -> _Res:
    first = int(m["c"]) * 10
    mod = (m["mod"] or "").lower()
    a, b = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(mod, (0, 9))
    return _span(date(first + a, 1, 1), date(first + b, 12, 31), False)


def _r_year(m: re.Match[str], pub: date | None) -> _Res:
    return _year(int(m["y"]), False)


def _r_weekday(m: re.Match[str], pub: date | None) -> _Res:
    if pub is None:
        return _NONE_REL
    if (m["last"] or "").lower() in ("next", "coming"):
        ahead = (_WEEKDAYS[m["w"].rstrip(".")] - pub.weekday()) % 7 or 7
        return _day(pub + timedelta(days=ahead), True)
    back = (pub.weekday() - _WEEKDAYS[m["w"].rstrip(".")]) % 7
    if back == 0:
        back = 7 if (m["last"] or "").lower() in ("last", "past") else _SAME_WEEKDAY_BACK
    elif back == 6 and _NEXT_WEEKDAY_AHEAD and not m["last"]:
        back = -1  # the day after the stamp: the report was updated then (`dates.json`)
    return _day(pub - timedelta(days=back), True)


def _weekday_res(name: str, pub: date | None) -> _Res:
    if pub is None:
        return _NONE_REL
    back = (pub.weekday() - _WEEKDAYS[name.rstrip(".")]) % 7 or _SAME_WEEKDAY_BACK
    return _day(pub - timedelta(days=back), True)


def _r_dayword(m: re.Match[str], pub: date | None) -> _Res:
    if pub is None:
        return _NONE_REL
    return _day(pub + timedelta(days=_DAY_WORDS[re.sub(r"\s+", " ", m[0].lower())]), True)


def _r_ref(m: re.Match[str], pub: date | None) -> _Res:
    return _NONE_REL  # "now", "recently": no date of its own (TIMEX3 value in `timex_value`)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _shift_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 - n
    return k // 12, k % 12 + 1


def _r_ago(m: re.Match[str], pub: date | None) -> _Res:
    n = _count(m["n"])
    if n is None:
        return _NONE_ABS
    if pub is None:
        return _NONE_REL
    unit = m["u"].lower().rstrip("s")
    if unit == "day":
        return _day(pub - timedelta(days=n), True)
    if unit == "week":
        return _week(_monday(pub - timedelta(weeks=n)), True)
    if unit == "month":
        return _month(*_shift_months(pub, n), True)
    return _year(pub.year - n, True)


def _r_past(m: re.Match[str], pub: date | None) -> _Res:
    n = _count(m["n"])
    if n is None:
        return _NONE_ABS
    if pub is None:
        return _NONE_REL
    unit = m["u"].lower().rstrip("s")
    days = {"hour": -(-n // 24), "day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit]
    return _span(pub - timedelta(days=days), pub, True)


def _weekend(pub: date, last: bool) -> _Res:
    """The weekend of publication or the one before it ("last weekend" on a weekend)."""
    sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if last and pub.weekday() >= 5:
        sat -= timedelta(days=7)
    end = min(sat + timedelta(days=1), pub)
    return sat.isoformat(), "week", sat.isoformat(), end.isoformat(), True


def _r_weekend(m: re.Match[str], pub: date | None) -> _Res:
    return _NONE_REL if pub is None else _weekend(pub, False)


def _r_period(m: re.Match[str], pub: date | None) -> _Res:
    if pub is None:
        return _NONE_REL
    unit = m["u"].lower()
    which = (m["which"] or "the").lower()
    earlier = (m["mod"] or "").lower() in ("earlier", "early")
    last = which in ("last", "past", "previous")
    if unit == "weekend" and not m["next"]:
        return _weekend(pub, last)
    if m["the"]:
        return _NONE_ABS
    if m["next"]:
        if unit == "weekend":
            return _NONE_REL
        if unit == "week":
            return _week(_monday(pub) + timedelta(days=7), True)
        if unit == "month":
            return _month(*_shift_months(pub, -1), True)
        return _year(pub.year + 1, True)
    if unit == "week":
        mon = _monday(pub) - timedelta(days=7 if last else 0)
        return _week(mon, True, None if last else pub)
    if unit == "month":
        if last:
            return _month(*_shift_months(pub, 1), True)
        return _month(pub.year, pub.month, True, pub if earlier or which == "this" else None)
    return _year(pub.year - 1, True) if last else _year(pub.year, True, pub)


_RESOLVERS: dict[str, Callable[[re.Match[str], date | None], _Res]] = {
    "iso": _r_iso, "md_range": _r_range, "dm_range": _r_range, "mdy": _r_mdy, "wmd": _r_mdy,
    "decade": _r_decade, "dmy": _r_mdy, "my": _r_my, "month": _r_month, "year": _r_year,
    "weekday": _r_weekday, "dayword": _r_dayword, "ref": _r_ref, "ago": _r_ago, "past": _r_past,
    "period": _r_period, "weekend": _r_weekend,
}


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    res: _Res
    kind: str = "ent"
    match: re.Match[str] | None = None
    inner: _Res | None = None  # the value before "since" cut it to a start date
    tx: str | None = None  # TIMEX3 value set by the pattern (sets, quarters, seasons, refs)
    suffix: str | None = None  # time of day joined to the day's value ("T22:00", "TNI")
    joined: bool = False  # a clock time beside the day set `suffix`
    forward: bool = False  # resolved forward (a clause about the future)
    ahead: str | None = None  # TIMEX3 value when not told in the past (a quarter to come)


def _since(text: str, hit: _Hit) -> _Hit:
    """Widen "since Oct. 17" to include "since" and keep only its start date."""
    before = text[max(0, hit.start - 6) : hit.start]
    m = re.search(r"(?i)\bsince\s+$", before)
    if m is None:
        return hit
    _value, _, ds, _, rel = hit.res
    return _Hit(hit.start - len(before) + m.start(), hit.end, (None, None, ds, None, rel),
                hit.kind, hit.match, hit.res, hit.tx, hit.suffix)


def _extra_hit(x: Extra) -> _Hit:
    if x.date_start is not None and x.date_end is not None:
        res = _span(x.date_start, x.date_end, False)
    else:
        res = _NONE_ABS if x.kind == "duration" else _NONE_REL
    if x.kind in ("clock", "pod"):
        return _Hit(x.start, x.end, res, x.kind, suffix=x.tx)
    return _Hit(x.start, x.end, res, x.kind, tx=None if x.kind == "holiday" else x.tx,
                ahead=x.ahead)


def _two_days(m: re.Match[str], pub: date | None = None) -> list[_Hit]:
    """"April 24 and 25": two days of one month joined by "and" (not "between April 24 and
    25", a range) are two dates, as TimeML tags them (one TIMEX3 each). Empty when `m` is
    not such a pair."""
    second = m.start("m2") if m["m2"] else m.start("d2")
    joint = m.string[m.end("d1"):second]
    if not re.fullmatch(r"(?i)\s+and\s+", joint) or m.group(0)[:1].lower() == "b":
        return []
    y = _group_int(m, "y")
    both = _r_range(m, pub)  # event dating keeps the two days' span
    out = []
    for (s, e), mon, d in (((m.start(), m.end("d1")), m["m1"], m["d1"]),
                           ((second, m.end()), m["m2"] or m["m1"], m["d2"])):
        day = _month_day(_month_num(mon), _day_num(d), y, pub)
        near = nearest_month_day(_month_num(mon), _day_num(d), pub) if (
            pub is not None and y is None) else None  # as for "April 24" alone
        out.append(_Hit(s, e, both, "md_part", m, tx=day.isoformat() if day else None,
                        ahead=near.isoformat() if near is not None else None))
    return out


def _scan(text: str, pub: date | None) -> list[_Hit]:
    cands: list[tuple[int, int, int, _Hit | None, str, re.Match[str] | None]] = []
    for name, pat in _PATTERNS:
        for found in pat.finditer(text):
            s, e = (found.start("x"), found.end("x")) if "x" in pat.groupindex else found.span()
            cands.append((s, e, len(cands), None, name, found))
    for x in scan_extras(text, pub):
        cands.append((x.start, x.end, len(cands), _extra_hit(x), x.kind, None))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    hits: list[_Hit] = []
    last_end = -1
    for s, e, _order, extra, name, m in cands:
        if s < last_end:
            continue
        if extra is not None:
            hits.append(_since(text, extra))
        elif m is not None and name == "wmd_colon":
            # the event fields stay those of the weekday alone (as before the date was read)
            day = _r_mdy(m, pub)[0]
            hits.append(_Hit(s, e, _weekday_res(m["w"], pub), name, m, tx=day or None))
        elif m is not None and name == "md_range" and _two_days(m):
            hits += _two_days(m, pub)
        elif m is not None:
            res = _RESOLVERS[name](m, pub)
            hits.append(_since(text, _Hit(s, e, res, name, m)))
        last_end = e
    return hits


_AGE_RE = re.compile(r"(?i)year\s*-?\s*olds?|years?\s+old|\baged?\b|\bage\s+of\b")
_DURATION_RE = re.compile(
    rf"(?i)^(?:for\s+)?(?:the\s+)?(?:(?:{_NUM}|few|several|couple\s+of)(?:\s+|\s*-\s*))?"
    r"(?:(?:more|full|long)\s+)?(?:days?|weeks?|months?|years?|hours?|decades?|centur(?:y|ies))$"
)
_DATE_WORD_RE = re.compile(rf"\d|{_M}\b|{_W}\b")


@lru_cache(maxsize=8)
def _parser(pub: date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparse(text: str, pub: date | None) -> _Res:
    """Resolve a leftover expression with dateparser (cached by text and publication date)."""
    if _DURATION_RE.match(text.strip()):
        return _NONE_ABS
    if not _DATE_WORD_RE.search(text):
        return _NONE_REL
    data = _parser(pub).get_date_data(text)
    if data is None or data.date_obj is None:
        return _NONE_ABS
    d: date = data.date_obj.date()
    has_year = re.search(rf"\b{_Y}\b|\d+/\d+/\d+|'\d\d\b", text) is not None
    period = data.period or "day"
    if not has_year:
        if pub is None:
            return _NONE_ABS
        if period == "day":
            adj = _month_day(d.month, d.day, None, pub)
            d = adj or d
    if period == "year":
        return _year(d.year, False)
    if period == "month":
        return _month(d.year, d.month, False)
    if period == "week":
        return _week(_monday(d), False)
    return _day(d, False)


def _head(span: Span) -> int | None:
    """Index of the token the expression attaches to: the head of its prepositional phrase."""
    root = span.root
    head = root.head
    if head.i == root.i:
        return None
    if head.dep_ == "prep" and head.i not in range(span.start, span.end):
        return head.head.i if head.head.i != head.i else None
    if root.dep_ == "prep":
        return head.i
    return head.i


_UNIT_CODES: dict[str, str] = {**_DATA["timex_units"], **_TX_DATA["timex_units"]}
_REFS: dict[str, str] = _DATA["timex_refs"]
_DUR_TIMEX_RE = re.compile(
    rf"(?i)^(?:(?:{_alt(_TX_DATA['duration_modifiers'])})\s+)*(?:the\s+)?"
    r"(?:(?P<rel>past|last|previous|next|coming|recent|first|final|latest|following)\s+)?"
    rf"(?:(?P<n>a\s+couple\s+of|{_NUM}(?:\s+1/2)?|few|several|couple\s+of|many"
    r"|more\s+than\s+\w+)"
    r"(?:\s+|\s*-\s*))?"
    rf"(?:(?:{_alt(_TX_DATA['duration_fillers'])})\s+)?"
    r"(?P<u>days?|weeks?|months?|years?|hours?|minutes?|seconds?|quarters?|decades?"
    r"|centur(?:y|ies))(?:'s?|’s?)?"
    r"(?:-long|\s+(?:long|old|later|ahead))?$"
)
_VAGUE_AGO_RE = re.compile(r"(?i)\b(?:a\s+few|few|several|many|some)\s+\w+\s+ago$")
_HALF: dict[str, str] = _TX_DATA["half_units"]


def _vague_plural_ref(dur: re.Match[str], t: str) -> str | None:
    """TimeML: units in the plural without a count ("recent years", "past years", "the last
    few months", "the past several quarters") refer vaguely to the past: PAST_REF; "coming
    months" to the future: FUTURE_REF; after "for" they measure a length (a duration). "the
    next few days" keeps its start (now) and stays a duration, as does anything with a count
    ("the past three years")."""
    unit = dur["u"].lower()
    if not unit.endswith("s") or t.endswith(("long", "old", "later", "ahead")):
        return None
    if t.startswith("for "):
        return None  # "for the past few weeks" measures a length: a duration (PXW)
    n = (dur["n"] or "").lower()
    if n and not re.match(r"(a\s+few|few|several|many)\b", n):
        return None
    rel = (dur["rel"] or "").lower()
    if rel in ("past", "last", "recent", "previous"):
        return "PAST_REF"
    if rel == "coming" and not n and not t.startswith("the "):
        return "FUTURE_REF"
    return None


def _previous_unit(unit: str, end: str) -> str | None:
    """TIMEX3 value of the unit before the one holding `end` ("the past year" -> last year)."""
    d = date.fromisoformat(end)
    if unit == "year":
        return f"{d.year - 1:04d}"
    if unit == "month":
        y, m = _shift_months(d, 1)
        return _iso_month(y, m)
    if unit == "week":
        y, w, _ = (d - timedelta(days=7)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    return None


_DECADE_RE = re.compile(r"(?P<c>1[89]\d|20\d)0'?s\b|(?<![\w$])['’]?(?P<d>[1-9])0'?s\b"
                        r"|(?i:\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?P<w>"
                        + "|".join(k[:-1] + "ies" for k in _TX_DATA["spelled_tens"]
                                   if k.endswith("ty")) + r")\b)")
_CENTURY_RE = re.compile(r"(?i)\b(?P<n>1\d|20|21|[1-9])(?:st|nd|rd|th)\s+century\b")


def timex_value(text: str, value: str | None, precision: Precision | None,
                date_start: str | None, date_end: str | None) -> str | None:
    """The TIMEX3-style value of an expression: ``2016-11-02``, ``2016-11``, ``2016``,
    ``2016-W44`` (a Monday-Sunday week), ``2016-W44-WE`` (a weekend), ``P3D``/``PXM``
    (durations, X when the count is vague) or ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in _REFS:
        return _REFS[t]
    dec = _DECADE_RE.search(text)
    if dec is not None:
        if dec["w"]:  # "the nineties"
            return f"19{_TX_DATA['spelled_tens'][dec['w'].lower()[:-3] + 'y'] // 10}"
        return dec["c"] or f"19{dec['d']}"  # TIMEX3: "the 1990s" is 199
    cent = _CENTURY_RE.search(text)
    if cent is not None:  # TIMEX3: "the 20th century" is 19
        return f"{int(cent['n']) - 1:02d}"
    if _VAGUE_AGO_RE.search(t):
        return "PAST_REF"
    dur = _DUR_TIMEX_RE.match(text.strip())
    if dur is not None:
        ref = _vague_plural_ref(dur, t)
        if ref is not None:
            return ref
    if (dur is not None and value is not None and date_end is not None and not dur["n"]
            and (dur["rel"] or "").lower() in ("past", "last", "previous")
            and re.search(r"(?i)\bthe\s+(?:past|last|previous)\s", text)):
        prev = _previous_unit(dur["u"].lower(), date_end)
        if prev is not None:
            return prev
    if dur is not None and (value is None or (dur["n"] and (dur["rel"] or "").lower() in (
            "past", "last", "previous", "next", "coming", "recent", "first", "final"))):
        unit = dur["u"].lower().rstrip("s").replace("centurie", "century").replace("'", "")
        n: int | None = None
        vague = dur["n"] is not None and re.match(r"(?i)(a\s+few|few|several|many|more)",
                                                  dur["n"]) is not None
        code = _UNIT_CODES.get(unit, "D")
        if dur["n"] and dur["n"].endswith("1/2") and code in _HALF:
            whole = _count(dur["n"][:-3].strip())
            if whole is None:
                return value
            return f"P{'T' if code in ('H', 'MIN') else ''}{whole}{code[0]}{_HALF[code]}"
        if dur["n"] and not vague:
            n = _count(dur["n"])
            if n is None:  # "that day": not a count
                return value
        elif not vague and not dur["u"].lower().endswith("s"):
            n = 1  # "the year"; not "a several-year delay" (PXY)
        num = "X" if n is None else str(n)
        if code == "DE":
            return f"P{num}0Y" if n is not None else "PXDE"
        if code == "CE":
            return f"P{num}00Y" if n is not None else "PXCE"
        if code in ("H", "MIN", "S"):
            return f"PT{num}{'M' if code == 'MIN' else code}"
        return f"P{num}{code}"
    if value is None:
        return None
    if "quarter" in t and date_start is not None:
        y, mo = int(date_start[:4]), int(date_start[5:7])
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    if precision == "week" and date_start is not None and date_end is not None:
        a, b = date.fromisoformat(date_start), date.fromisoformat(date_end)
        if a.weekday() == 5 and (b - a).days <= 1:
            y, w, _ = a.isocalendar()
            return f"{y:04d}-W{w:02d}-WE"
        if a.weekday() == 0 and (b - a).days <= 6:
            y, w, _ = a.isocalendar()
            return f"{y:04d}-W{w:02d}"
    return value


def _make(doc: Doc, doc_text: str, hit: _Hit) -> TimeExpression:
    value, prec, ds, de, rel = hit.res
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    head = _head(span) if span is not None and len(span) else None
    text = doc_text[hit.start : hit.end]
    tx = hit.tx if hit.tx is not None else timex_value(text, *(hit.inner or hit.res)[:4])
    if hit.suffix and tx is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", tx):
        tx += hit.suffix
    return TimeExpression(hit.start, hit.end, text, value, prec, ds, de, rel, head, tx)


def _is_age(text: str, ent: Span) -> bool:
    tail = text[ent.end_char : ent.end_char + 12]
    return bool(_AGE_RE.search(ent.text) or _AGE_RE.match(tail.lstrip(" -")))


_FUTURE_AUX: frozenset[str] = frozenset(_DATA["future_aux"])
_FUTURE_HEADS: frozenset[str] = frozenset(_DATA["future_heads"])
_FORWARD_KINDS = frozenset({"weekday", "mdy", "dmy", "md_range", "dm_range", "month", "wmd"})


def _future_clause(doc: Doc, text: str, start: int, end: int) -> bool:
    """True when the expression stands in a clause about the future ("will meet Tuesday",
    "is scheduled for Nov. 4", "plans to vote in May", "would leave Thursday", a deadline
    "must be returned by Jan. 14", a present-tense schedule "Congress reconvenes Jan. 24")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    node = span.root
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    before = text[max(0, start - 16) : start].lower()
    deadline = _DEADLINE_RE.search(before) is not None
    for depth in range(3):
        aux = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in _FUTURE_AUX for c in aux):
            return True
        lemma = node.lemma_.lower()
        if lemma in _FUTURE_HEADS or (
                node.dep_ == "xcomp" and node.head.lemma_.lower() in _FUTURE_HEADS):
            # not a past perfect: "had been due to close Friday" tells a past Friday
            return not _past_perfect(node if lemma in _FUTURE_HEADS else node.head)
        if lemma == "be" and node.tag_ in ("VBZ", "VBP") and any(
                (c.dep_ == "acomp" and c.lemma_.lower() in _FUTURE_HEADS)
                or (c.dep_ == "nsubj" and _scheduled(c)) for c in node.children):
            # the date hangs on a present copula: "is due in court Dec. 5", "her next court
            # date is April 18", "sentencing is Dec. 5"
            return True
        if node.dep_ == "xcomp" and node.head.lemma_ == "be" and node.head.tag_ in (
                "VBZ", "VBP") and any(c.lower_ == "to" for c in aux) and (
                lemma not in _BE_TO_IDIOMS):
            return True  # "the trial is to resume Tuesday": be + to-infinitive, a plan (not
            # "is to blame")
        if node.dep_ == "xcomp" and node.head.dep_ in ("acl", "dep") and (
                node.head.tag_ == "VBN") and (
                node.head.lemma_.lower() in _FUTURE_HEADS_EXTRA | _FUTURE_HEADS):
            return True  # "the talks, set to resume Monday": a participle, no tense
        past = node.tag_ in ("VBD", "VBN") or any(
            c.tag_ in ("VBD", "VBN") or c.lower_ in ("have", "'ve") for c in aux)
        if not past:  # "would leave", "is set for", "must be out by Jan. 14"; not "was set"
            if any(c.lower_ in _FUTURE_MODALS for c in aux) or lemma in _FUTURE_HEADS_EXTRA:
                return True
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in _FUTURE_HEADS_EXTRA \
                    and node.head.tag_ not in ("VBD", "VBN"):
                return True
            if depth == 0 and lemma not in REPORTING_VERBS:
                if deadline and node.pos_ in ("VERB", "AUX"):
                    return True
                if _PRESENT_FORWARD and node.tag_ in ("VBZ", "VBP") and not aux:
                    return True
        if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head == node:
            break
        node = node.head
    return False


_DEFERRAL_VERBS: frozenset[str] = frozenset(_DATA["deferral_verbs"])
_DEFERRAL_PREPOSITIONS: frozenset[str] = frozenset(_DATA["deferral_prepositions"])


def _scheduled(subject: Token) -> bool:
    """A subject that names something to come: "the next hearing", "sentencing"."""
    return subject.lemma_.lower() in _SCHEDULED_NOUNS or any(
        c.dep_ == "amod" and c.lower_ in ("next", "upcoming") for c in subject.children)


_SCHEDULED_NOUNS: frozenset[str] = frozenset(_DATA["scheduled_nouns"])


def _deferred_to(doc: Doc, start: int, end: int) -> bool:
    """The weekday is the new time of something put off, or a deadline granted: it hangs
    (directly or through a clock time, "until 9 a.m. Tuesday") on "until"/"till" after a verb
    such as "delay", "postpone", "extend" or "give" ("the vote was delayed until Thursday")
    that is not in the past perfect."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    node = span.root
    for _ in range(3):
        if node.lower_ in _DEFERRAL_PREPOSITIONS and node.dep_ == "prep":
            verb = node.head
            return (verb.pos_ == "VERB" and verb.lemma_.lower() in _DEFERRAL_VERBS
                    and not _past_perfect(verb))
        if node.head == node:
            break
        node = node.head
    return False


def _past_perfect(tok: Token) -> bool:
    """"had been scheduled", "had been due" (the adjective's copula): a past perfect."""
    for node in (tok, tok.head) if tok.dep_ in ("acomp", "xcomp") else (tok,):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in node.children):
            return True
    return False


_FUTURE_MODALS: frozenset[str] = frozenset(_TX_DATA["future_modals"])
_BE_TO_IDIOMS: frozenset[str] = frozenset(_DATA["be_to_idioms"])
_FUTURE_HEADS_EXTRA: frozenset[str] = frozenset(_TX_DATA["future_heads"])
_DEADLINE_RE = re.compile(rf"\b(?:{_alt(_TX_DATA['deadline_words'])})\s+$")
_PRESENT_FORWARD: bool = _TX_DATA["present_tense_forward"]


def _forward(hit: _Hit, pub: date) -> _Res | None:
    """Resolve a year-less date forward from publication (the clause speaks of the future)."""
    m = hit.match
    if m is None or hit.kind not in _FORWARD_KINDS or m.groupdict().get("y"):
        return None
    gd = m.groupdict()
    if hit.kind == "weekday":
        if (gd.get("last") or "").lower() in ("last", "past"):
            return None
        ahead = (_WEEKDAYS[m["w"].rstrip(".")] - pub.weekday()) % 7
        return _day(pub + timedelta(days=ahead), True)
    if hit.kind == "month":
        if _month_prep(m) in ("last", "this"):
            return None
        mon = _month_num(m["m"])
        return _month(pub.year if mon >= pub.month else pub.year + 1, mon, False)
    if hit.kind in ("mdy", "dmy", "wmd"):
        mon, day = _month_num(m["m"]), _day_num(m["d"])
        try:
            cand = date(pub.year, mon, day)
            if cand < pub - timedelta(days=1):
                cand = date(pub.year + 1, mon, day)
        except ValueError:
            return None
        return _day(cand, False)
    return None


def find_time_expressions(doc: Doc, published: date | None) -> list[TimeExpression]:
    """Every time expression in the doc, in text order, resolved against `published`.

    Year-less dates and weekdays take the most recent such day not after publication, except
    in a clause about the future ("will meet on Tuesday"), where they take the next one.
    """
    text = doc.text  # built from the tokens on each access: once here
    hits = [h for h in _scan(text, published) if not _is_age_at(text, h.end)
            and not (h.kind == "month" and _inside_name(doc, h.start, h.end))]
    if published is not None:
        for h in hits:
            if h.kind in _FORWARD_KINDS and h.inner is None and (_future_clause(
                    doc, text, h.start, h.end) or (h.kind == "weekday" and _deferred_to(
                        doc, h.start, h.end))):
                res = _forward(h, published)
                if res is not None:
                    h.res, h.forward = res, True
    hits = [h for h in hits if not (h.kind == "set" and _is_adjective(doc, h.start, h.end))]
    for h in hits:
        if h.kind == "holiday" and _is_modifier(doc, h.start, h.end):
            h.tx, h.res = h.res[0], _NONE_ABS  # "a Halloween party": the occasion, no date
    taken = [(h.start, h.end) for h in hits]
    for ent in doc.ents:
        if ent.label_ != "DATE" or _is_age(text, ent) or _is_adjective(doc, ent.start_char,
                                                                          ent.end_char):
            continue
        if _AGE_DECADE.search(text, max(0, ent.start_char - 30), ent.end_char):
            continue  # "in his 30s": an age, not a decade
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        bare = ent.text.strip()
        if re.fullmatch(r"\d{1,2}|'\d\d", bare) or (bare.isdigit() and not re.fullmatch(_Y, bare)):
            continue  # a bare number ("52", "1100"): an age, a count or an address
        hits.append(_Hit(ent.start_char, ent.end_char, _dateparse(ent.text, published)))
    hits.sort(key=lambda h: h.start)
    hits = _join_times(text, hits, published)
    if published is not None:
        for h in hits:
            _nearest_timex(doc, h, published)
    exprs = _in_context([_make(doc, text, h) for h in hits], published)
    for te in exprs:
        if _someday(doc, te):
            te.timex = "FUTURE_REF"
    return [te for h, te in zip(hits, exprs, strict=True) if not _unvalued(te)
            and not (h.kind not in _HOLIDAY_KINDS and _in_title(doc, te))]


_HOLIDAY_KINDS = frozenset({"holiday", "week"})  # "Easter Week" is no programme


_SOMEDAY: frozenset[str] = frozenset(_TX_DATA["someday_phrases"])


def _someday(doc: Doc, te: TimeExpression) -> bool:
    """"one day" right before a verb in its base form ("the bridge will one day be rebuilt"):
    some time to come (TimeML FUTURE_REF), not a length of one day."""
    if re.sub(r"\s+", " ", te.text.lower()) not in _SOMEDAY:
        return False
    span = doc.char_span(te.start, te.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].tag_ == "VB"


def _unvalued(te: TimeExpression) -> bool:
    """TimeML gives every TIMEX3 a value: an expression with neither a TIMEX3 value nor a
    date (nor a start date) could not be written out as one and dates no event, so it is not
    returned ("for the fifth straight week", a name the parser took for a date)."""
    return te.timex is None and te.value is None and te.date_start is None


_TITLE_UNIT = re.compile(rf"(?<=\s)(?:{_alt(_TX_DATA['title_units'])})\b")


def _in_title(doc: Doc, te: TimeExpression) -> bool:
    """The expression names a programme or a column ("the radio show Inside This Week",
    "told the programme Twenty Minutes"): a unit word capitalized after its first word, in a
    sentence of ordinary prose (one with a lower-case word; a headline in title case keeps its
    "Last Week")."""
    if _TITLE_UNIT.search(te.text, 1) is None:
        return False
    span = doc.char_span(te.start, te.end, alignment_mode="expand")
    return span is not None and any(t.is_lower and t.is_alpha and len(t) > 3
                                    for t in span.sent)


_YEARLESS_KINDS = frozenset({"mdy", "dmy", "wmd", "month"})


def _nearest_timex(doc: Doc, h: _Hit, pub: date) -> None:
    """TIMEX3 value of a year-less date or month: the occurrence nearest publication, unless it
    hangs on a verb in the past tense (see ``timex.json`` ``_note_nearest``). ``value`` keeps
    the past reading of ``_month_day`` / ``_r_month``, so event dating does not change."""
    if h.ahead is not None:  # "during the fourth quarter" said in August: this year's
        if not _past_head(doc, h.start, h.end):
            h.tx = h.ahead
        return
    m = h.match
    if (m is None or h.kind not in _YEARLESS_KINDS or h.forward or h.tx is not None
            or m.groupdict().get("y") or h.res[0] is None):
        return
    if h.kind == "month" and _month_prep(m) in ("last", "this", "next"):
        return
    if _past_head(doc, h.start, h.end):
        return
    if h.kind == "month":
        y, mon = nearest_month(_month_num(m["m"]), pub)
        h.tx = _iso_month(y, mon)
        return
    d = nearest_month_day(_month_num(m["m"]), _day_num(m["d"]), pub)
    if d is not None:
        h.tx = d.isoformat()


_TARGET_PREPOSITIONS: frozenset[str] = frozenset(_DATA["target_prepositions"])


def _past_head(doc: Doc, start: int, end: int) -> bool:
    """The expression hangs (directly or through a preposition) on a verb in the past tense;
    not through a preposition of a target ("to", "through", "until", "till", "by"), and not
    on a participle after a noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        if head.lower_ in _TARGET_PREPOSITIONS:
            return False  # "extended to Nov. 16", "from today through Nov. 17": a date ahead
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if head.dep_ == "acl" and head.tag_ == "VBN":
        return False  # "a summit set for Washington in April": a participle, no past tense
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _FUTURE_AUX or c.lower_ in _FUTURE_MODALS for c in aux):
        return False
    # "was shot", "has been delayed", "shot"; not "to be held", "should be completed"
    if any(c.tag_ == "VBD" or (c.lemma_ == "have" and c.tag_ not in ("VBZ", "VBP"))
           for c in aux):
        return True
    return head.tag_ == "VBD" or (head.tag_ == "VBN" and not aux)


_MONTH_ONLY = re.compile(r"\d{4}-\d\d")
_DATE_TX = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?(?:T[\w:]+)?|\d{4}-W\d\d")


def _in_context(exprs: list[TimeExpression], pub: date | None) -> list[TimeExpression]:
    """TIMEX3 values read against the text before: narrative expressions ("that year", "the
    next day") against the last date told, and the periods of an earnings report ("a year
    earlier", "the year-ago quarter") against the last quarter told. Only ``timex`` changes."""
    anchor: str | None = pub.isoformat() if pub is not None else None
    quarter: str | None = None
    month: str | None = None  # the last month told ("sales fell in January")
    months_year: int | None = None  # "the first nine months" of this year told after a quarter
    for i, te in enumerate(exprs):
        tx = months_focus_value(te.text, months_year) if months_year is not None else None
        tx = tx or fiscal_value(te.text, quarter) or fiscal_value(te.text, month)
        if tx is not None:
            te.timex = tx  # relative to the report's quarter: not a new one
            continue
        if te.timex is not None and REPORT_MONTHS.fullmatch(te.text.strip()):
            months_year = int(quarter[:4]) if quarter is not None else (
                pub.year if pub is not None else None)
        ref = anchor
        nxt = exprs[i + 1] if i + 1 < len(exprs) else None
        if (nxt is not None and nxt.start - te.end <= 6 and nxt.timex is not None
                and re.search(r"(?i)\b(?:after|before)$", te.text)
                and _DATE_TX.fullmatch(nxt.timex)):
            ref = nxt.timex  # "the day before Tuesday's hearing"
        tx = narrative_value(te.text, ref)
        if tx is not None:
            te.timex = anchor = tx
            continue
        if te.timex is None:
            continue
        if te.value is not None and _MONTH_ONLY.fullmatch(te.timex):
            month = te.timex
        if QUARTER_TX.fullmatch(te.timex):
            quarter, months_year = te.timex, None
        elif te.value is not None and _DATE_TX.fullmatch(te.timex):
            anchor = te.timex
    return exprs


def _is_adjective(doc: Doc, start: int, end: int) -> bool:
    """A one-word frequency adjective before a noun ("a daily newspaper", "annual report")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span is not None and len(span) == 1 and span[0].dep_ == "amod"
            and span[0].lower_ in _FREQ_ADJECTIVES)


def _is_modifier(doc: Doc, start: int, end: int) -> bool:
    """The expression names the kind of a noun ("a Halloween party", "Labor Day shootings",
    "Christmas cards") rather than a day."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].dep_ in ("compound", "amod", "poss") \
        and span[-1].head.i >= span.end


_FREQ_ADJECTIVES: frozenset[str] = FREQ_ADJECTIVES
_GAP_AFTER = re.compile(r"\s*,?\s*(?:(?i:on)\s+)?")
_GAP_BEFORE = re.compile(
    r"\s*,?\s*(?:(?i:at|around|about|by|from|until|before|after|shortly\s+(?:before|after))\s+)?")
_DAY_TX = re.compile(r"\d{4}-\d\d-\d\d")


def _is_day(h: _Hit) -> bool:
    return h.res[1] == "day" and h.res[0] is not None and h.tx is None


def _join_times(text: str, hits: list[_Hit], pub: date | None) -> list[_Hit]:
    """Join a clock time or part of day to the day it belongs to ("10 p.m. Wednesday",
    "Friday at noon", "Tuesday morning": ``timex`` 2013-03-20T22:00, ...TMO). The day keeps its
    own span, so the expression and the word it attaches to are those of the day alone. One told
    alone ("at 10 p.m.", "overnight") takes the last day told before it, else the publication
    day, and dates nothing (``value`` None)."""
    out: list[_Hit] = []
    last_day = pub.isoformat() if pub is not None else None
    for i, h in enumerate(hits):
        if h.kind in ("clock", "pod"):
            prev = out[-1] if out else None
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            if prev is not None and _is_day(prev) and not prev.joined and _GAP_BEFORE.fullmatch(
                    text[prev.end : h.start]):
                prev.suffix, prev.joined = h.suffix, True
                continue
            if nxt is not None and _is_day(nxt) and _GAP_AFTER.fullmatch(text[h.end : nxt.start]):
                nxt.suffix, nxt.joined = h.suffix, True
                continue
            h.tx = last_day + (h.suffix or "") if last_day is not None else None
            out.append(h)
            continue
        if _is_day(h):
            if not h.joined:
                h.suffix = pod_suffix(text[h.start : h.end])
            last_day = h.res[0]
        out.append(h)
    return out


_AGE_DECADE = re.compile(
    r"(?i)\b(?:his|her|their|its|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?['’]?[1-9]0'?s$")


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """The words lie inside a longer person's name ("April Jones", "Jan Kavan")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or any(t.ent_type_ != "PERSON" for t in span):
        return False
    ent = next((e for e in doc.ents if e.start <= span.start and span.end <= e.end), None)
    return ent is not None and len(ent) > len(span)


def _is_age_at(text: str, end: int) -> bool:
    return bool(re.match(r"\s*-?\s*(?:years?\s*-?\s*old)", text[end : end + 14], re.IGNORECASE))


def undated_day(published: date) -> date:
    """The day an incident most likely happened when its report names no day for it: the
    day before publication (``undated_days_before``). News convention: a local report is
    written up the night or the morning after the shooting it tells; one told the same day
    still lies within a day of it."""
    return published - timedelta(days=_UNDATED_BACK)


def resolve_date(text: str, published: date | None) -> TimeExpression | None:
    """Resolve one bare time expression ("Nov. 4", "last week"); None when it is none (a
    clock time alone, "midday", is no date)."""
    hits = [h for h in _scan(text, published) if h.kind not in ("clock", "pod")]
    if hits:
        h = max(hits, key=lambda x: x.end - x.start)
        value, prec, ds, de, rel = h.res
        sub = text[h.start : h.end]
        return TimeExpression(h.start, h.end, sub, value, prec, ds, de, rel, None,
                              timex_value(sub, value, prec, ds, de))
    stripped = text.strip()
    if not stripped or _AGE_RE.search(stripped):
        return None
    res = _dateparse(stripped, published)
    if res == _NONE_REL and not _DATE_WORD_RE.search(stripped):
        return None
    start = text.index(stripped)
    value, prec, ds, de, rel = res
    return TimeExpression(start, start + len(stripped), stripped, value, prec, ds, de, rel, None,
                          timex_value(stripped, value, prec, ds, de))


REPORTING_VERBS = {"say", "tell", "report", "announce", "add", "state", "claim", "confirm",
                   "write", "post", "publish", "quote"}


def governing_time(doc: Doc, anchors: list[Token], times: list[TimeExpression],
                    start: int, end: int) -> TimeExpression | None:
    """The time expression that governs the event.

    It must stand in the trigger's own clause or in a clause above it ("an incident that
    happened on Oct. 31 when ISIL killed 50"), never in a clause beside or below it ("since
    the offensive began on Oct. 17"), and never be the date of a report ("said on Nov. 4").
    Among those, the one closest to the trigger wins.
    """
    in_sent = [t for t in times if start <= t.start < end and t.value is not None]
    if not in_sent:
        return None
    chain: dict[int, int] = {}  # clause-head token -> distance up from the trigger
    for anchor in anchors:
        node = anchor
        for depth in range(8):
            chain.setdefault(node.i, depth)
            if node.head == node:
                break
            node = node.head
    best: tuple[int, int, TimeExpression] | None = None
    for expr in in_sent:
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None:
            continue
        clause = _told_clause(span, _clause_of(span.root))
        if clause.i in chain:
            depth = chain[clause.i]
        elif (_purpose_of(clause) or _simultaneous(clause)) and clause.head.i in chain:
            # "launched an offensive to retake it on Oct. 17"; "was shot while he sat in a
            # car Monday night"
            depth = chain[clause.head.i] + 1
        else:
            continue
        if clause.lemma_ in REPORTING_VERBS | AFTERMATH_VERBS \
                and not any(a.i == clause.i for a in anchors):
            continue  # the day of a statement, or of a search or a vigil
        key = (depth, abs(span.root.i - anchors[0].i))
        if best is None or key < best[:2]:
            best = (key[0], key[1], expr)
    return best[2] if best is not None else None


def _told_clause(span: Span, clause: Token,
                 verbs: frozenset[str] | set[str] = frozenset()) -> Token:
    """The clause a date belongs to, where the parser hangs it on a report verb that follows
    it: in "a girl was shot in the woods Wednesday, deputies said" the day is the shooting's
    (the statement's own day stands after the verb: "deputies said Wednesday"), also where
    the parser makes the report verb a clause of the told event ("shot Saturday, the office
    announced")."""
    if clause.lemma_.lower() not in (verbs or REPORTING_VERBS) or clause.i < span.end:
        return clause
    told = [c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.i < span.start]
    if told:
        return told[-1]
    if clause.dep_ in ("advcl", "parataxis") and clause.head.i < span.start:
        return clause.head  # the parser hangs the report verb on the told clause
    return clause


def statement_day(doc: Doc, expr: TimeExpression,
                  verbs: frozenset[str] | set[str] = frozenset()) -> bool:
    """True when `expr` hangs on a report verb (`verbs`, default `REPORTING_VERBS`) as the
    day of the statement ("the chief said on Monday"), not of what the statement tells
    ("... shot Wednesday, deputies said")."""
    verbs = verbs or REPORTING_VERBS
    if expr.head is None or doc[expr.head].lemma_.lower() not in verbs:
        return False
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return True
    return _told_clause(span, doc[expr.head], verbs).i == expr.head


def procedure_day(doc: Doc, expr: TimeExpression) -> bool:
    """True when `expr` is the day of a legal step ("was arrested Friday", "charged on
    Thursday in the shooting death of"), not of the incident it follows."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return _clause_of(span.root).lemma_.lower() in PROCEDURE_VERBS


def quoted(doc: Doc, expr: TimeExpression) -> bool:
    """True when `expr` stands inside a quotation opened in its sentence ("'Today marks
    the most deadly shooting,' he said"): the speaker's day, not the narrative's."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    before = doc.text[span.sent.start_char:expr.start]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def birth_day(doc: Doc, expr: TimeExpression) -> bool:
    """True when `expr` dates a birth ("was born on March 2, 2005"): no event's day."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and \
        _clause_of(span.root).lemma_.lower() in BIRTH_VERBS


def _purpose_of(clause: Token) -> bool:
    """A purpose infinitive hanging on a verb ("launched an offensive to retake the city"):
    a date in it is the date of the verb's act."""
    return clause.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _simultaneous(clause: Token) -> bool:
    """A clause that tells what went on at the time of the verb it hangs on ("while he sat in
    a car Monday night"): a date in it is the date of that verb's act."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _SIMULTANEOUS_MARKERS for c in clause.children)


def _clause_of(tok: Token) -> Token:
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            return node
        node = node.head
    return node


_SCENE_VERBS: frozenset[str] = frozenset(_DATA["scene_verbs"])
AFTERMATH_VERBS: frozenset[str] = frozenset(_DATA["aftermath_verbs"])
_SIMULTANEOUS_MARKERS: frozenset[str] = frozenset(_DATA["simultaneous_markers"])
PROCEDURE_VERBS: frozenset[str] = frozenset(_DATA["procedure_verbs"])
BIRTH_VERBS: frozenset[str] = frozenset(_DATA["birth_verbs"])
NEIGHBOUR_WINDOW: int = _DATA["neighbour_window"]


def neighbour_time(doc: Doc, sents: list[Span], index: int,
                   anchors: dict[int, list[Token]], times: list[TimeExpression],
                   published: date | None) -> TimeExpression | None:
    """The day date of an event told without one, from a neighbouring sentence about it.

    "A man was shot and killed. The shooting happened around 10:45 p.m. Monday": sentences
    at most `NEIGHBOUR_WINDOW` away (nearest first, the earlier one first) are searched for a
    day-precision date, not after publication, that governs an event trigger there
    (`anchors`, by sentence index) or a scene verb ("happened", "were called", "found").
    """
    for dist in range(1, NEIGHBOUR_WINDOW + 1):
        for j in (index - dist, index + dist):
            if not 0 <= j < len(sents):
                continue
            sent = sents[j]
            heads = [*anchors.get(j, []),
                     *(t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in _SCENE_VERBS)]
            if not heads:
                continue
            day = [t for t in times if sent.start_char <= t.start < sent.end_char
                   and t.precision == "day" and t.value is not None
                   and (published is None or t.value <= published.isoformat())]
            found = governing_time(doc, heads, day, sent.start_char, sent.end_char)
            if found is not None:
                return found
    return None
