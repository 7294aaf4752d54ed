"""Casualty figures, event dates and cities against the Gun Violence Archive (`gva_longtail`).

Each article is linked to one GVA incident (killed, injured, date, city or county). The split is
deterministic: an incident belongs to *dev* when the first byte of the SHA-1 of its id is even,
else to *test*; all articles of an incident fall on the same side. (About half of the original
incidents are withheld elsewhere; the folder read here holds the rest.)

Article-level figures are read two ways, both reported:

* **records** (the main figure): from Sitrep's event records of the article. Records that are
  background or carry only a cumulative toll are set aside; among the rest the article's killed
  figure is the largest ``fatalities.best`` and its injured figure the largest
  ``injuries.best``; no figure means 0 (GVA records zero as zero). The *main event* is the
  record the headline tells, when it carries a figure (a local report's headline names its
  incident; the body may recall older ones with larger tolls), else the record with the
  largest toll (killed first, then injured), else the first non-background record; its date
  and place give the article's date and city. Records of other incidents are set aside
  before the figures are read (`same_incident`): one dated to the day more than a day away
  from the main event's explicit day, and one dated only to a month or a year (a tally such
  as "67 officers were killed in 2016", or an older case).
* **text**: straight from `find_casualties` over the whole article, with the same rule (largest
  non-cumulative figure of each kind, 0 when none), independent of event triggers.

Dates: the main event's ``event_date`` must have day precision and not be inferred to count;
exact and within one day of the GVA date. When the main event has no day of its own, the first
current record with an explicit day stands in, one inside the main event's own span ("last
week", the days before publication) first. A follow-up dated by a legal step ("was arrested
Thursday") takes the day of the violent event it recalls, when the article gives one earlier
(`incident_record`). When no expression dates the incident, its record holds the week before
publication and, as its likeliest day, the day before publication (`undated_day`: a local
report comes out the day after the shooting it tells); that day is scored, and the "explicit
day only" figures count such articles wrong, as earlier rounds did.

City: the main event's location name (or admin2) equals the GVA city or county, compared
case-insensitively without "County"/"Parish".
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sitrep.eval import EvalReport, Metric, Options, scorer, write_errors
from sitrep.extract.extractor import wounded_apart
from sitrep.pipeline import map_articles
from sitrep.record import Article, EventRecord, told_figure

GVA_DIR = Path("gva_longtail")


def split_of(incident_id: str) -> str:
    """Deterministic dev/test side of an incident."""
    return "dev" if hashlib.sha1(incident_id.encode()).digest()[0] % 2 == 0 else "test"


@dataclass(slots=True)
class Gold:
    killed: int
    injured: int
    day: date | None
    city: str
    state: str
    incident: str = ""  # the incident's id: articles sharing it report one incident


@dataclass(slots=True)
class Outcome:
    """What Sitrep read from one article."""

    killed: int
    injured: int
    text_killed: int
    text_injured: int
    event_date: str | None
    precision: str | None
    inferred: bool
    city: str | None
    admin2: str | None
    n_records: int
    figures: list[str]
    text_date: str | None = None
    undated: bool = False  # no expression dates it: ``event_date`` is the record's likeliest day


def _parse_day(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%B %d, %Y").date()
    except ValueError:
        return None


def load(data: Path, split: str) -> list[tuple[Article, Gold]]:
    base = data / GVA_DIR
    incidents: dict[str, Gold] = {}
    with (base / "gva_incidents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            incidents[str(row["incident_uri"])] = Gold(
                int(row.get("num_killed") or 0), int(row.get("num_injured") or 0),
                _parse_day(row.get("date", "")), row.get("city_or_county", "") or "",
                row.get("state", "") or "", str(row["incident_uri"]))
    out: list[tuple[Article, Gold]] = []
    with (base / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            inc = str(row["incident_id"])
            if inc not in incidents or split_of(inc) != split:
                continue
            try:
                pub = date.fromisoformat(str(row.get("dct", ""))[:10])
            except ValueError:
                pub = None
            text = row.get("content") or ""
            if not text.strip():
                continue
            out.append((Article(text=text, title=row.get("title") or "", published=pub,
                                id=str(row["doc_id"])), incidents[inc]))
    return out


def _with_also_killed(killed: int, also: int) -> int:
    """A single death told apart, plus each person "also killed" ("Mills was pronounced dead
    ... Booker was also killed": two); a larger figure already counts them."""
    return max(killed + also, 1) if also and killed <= 1 else killed


def _figure(records: list[EventRecord], field: str, hit_spans: set[tuple[str, int, int]],
            besides: frozenset[tuple[str, int, int]] = frozenset()) -> int:
    """Largest non-cumulative figure; for injuries, people shot (`hit`) less the killed; for
    deaths, one person killed "also" (`besides`) adds one to a single death told apart."""
    best = hit = more = 0
    killed = _figure(records, "fatalities", hit_spans, besides) if field == "injuries" else 0
    for r in records:
        c = getattr(r, field)
        if c is None or c.cumulative:
            continue
        span = r.evidence.fields.get(field)
        key = (span.part, span.start, span.end) if span is not None else None
        if field == "injuries" and key in hit_spans:
            # people hit, the killed among them (a record may have set its own dead apart)
            hit = max(hit, c.best + (r.fatalities.best if wounded_apart(r)
                                     and r.fatalities else 0))
        elif field == "fatalities" and key in besides and c.best == 1:
            more += 1
        else:
            best = max(best, c.best)
    best = _with_also_killed(best, more)
    return max(best, hit - killed)


def article_figures(mentions: list[Any]) -> tuple[int, int]:
    """Article-level (killed, injured) from casualty mentions: the largest non-cumulative
    figure of each kind (figures on one casualty word added up); people shot or taken to
    hospital count as injured less the killed among them."""
    sums: dict[tuple[str, int, bool], int] = {}
    more = 0
    for m in mentions:
        if m.besides and m.count.best == 1:
            more += 1  # "Booker was also killed": one more than a single death told before
        elif not m.count.cumulative:
            key = (m.kind, m.trigger, m.hit)  # "three women and two men were shot": 5
            sums[key] = sums.get(key, 0) + m.count.best
    killed = max((v for (k, _t, _h), v in sums.items() if k == "killed"), default=0)
    killed = _with_also_killed(killed, more)
    injured = max((v for (k, _t, h), v in sums.items() if k == "injured" and not h), default=0)
    hit = max((v for (k, _t, h), v in sums.items() if k == "injured" and h), default=0)
    return killed, max(injured, hit - killed)


def main_record(records: list[EventRecord]) -> EventRecord | None:
    """The record that stands for an article's incident: the one its headline tells, when
    that one carries a figure; else the largest toll, else the first."""
    if not records:
        return None
    head = next((r for r in records if (r.fatalities or r.injuries)
                 and any(s.part == "title" for s in r.evidence.sentences)), None)
    if head is not None:
        return head
    def toll(r: EventRecord) -> tuple[int, int]:
        return (r.fatalities.best if r.fatalities else -1,
                r.injuries.best if r.injuries else -1)
    best = max(records, key=toll)
    return best if toll(best) != (-1, -1) else records[0]


def _explicit_day(rec: EventRecord) -> date | None:
    if rec.date_inferred or rec.date_precision != "day" or not rec.event_date:
        return None
    return date.fromisoformat(rec.event_date[:10])


def same_incident(records: list[EventRecord], main: EventRecord | None) -> list[EventRecord]:
    """The records that may tell the main event's incident: a record dated to the day more
    than a day away from the main event's explicit day tells another incident ("on Tuesday,
    two men were killed outside a bar" in a report of Friday's shooting), and one dated only
    to a month or a year tells a tally or an older case ("67 officers were killed in 2016");
    both are set aside."""
    if main is None:
        return records
    day = _explicit_day(main)
    out = []
    for r in records:
        if r is not main:
            if not r.date_inferred and r.date_precision in ("month", "year"):
                continue
            other = _explicit_day(r)
            if day is not None and other is not None and abs((other - day).days) > 1:
                continue
        out.append(r)
    return out


def _within(rec: EventRecord, main: EventRecord) -> bool:
    """True when `rec`'s day lies inside `main`'s date span."""
    if not (rec.event_date and main.date_start and main.date_end):
        return False
    return main.date_start <= rec.event_date[:10] <= main.date_end


_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def _day_expr(rec: EventRecord, times: dict[str, dict[int, Any]]) -> Any:
    """The time expression that dates `rec`, when it is an explicit day."""
    span = rec.evidence.fields.get("event_date")
    if rec.date_inferred or rec.date_precision != "day" or span is None:
        return None
    return times.get(span.part, {}).get(span.start)


def incident_record(records: list[EventRecord], dated: EventRecord | None, doc: Any,
                    title: Any, published: date | None) -> EventRecord | None:
    """A follow-up report dates its news by a legal step ("was charged Thursday in the
    killing", "pleaded not guilty Wednesday"): the incident is the violent event it recalls
    with an earlier day of its own ("shot and killed the two men on May 10"), even one told
    as background; the first such in the text stands in for the step. Else `dated`."""
    from sitrep.extract.dates import find_time_expressions, procedure_day

    if dated is None:
        return None
    docs = {"body": doc, "title": title}
    times = {part: {t.start: t for t in find_time_expressions(d, published)}
             for part, d in docs.items() if d is not None}
    step = _day_expr(dated, times)
    if step is None or not procedure_day(docs[dated.evidence.fields["event_date"].part], step):
        return dated
    found = []
    for r in records:
        expr = _day_expr(r, times)
        part = r.evidence.fields["event_date"].part if expr is not None else ""
        if (expr is not None and r.event_type in _VIOLENT and r.event_date is not None
                and r.event_date < (dated.event_date or "")
                and not procedure_day(docs[part], expr)):
            found.append(r)
    return found[0] if found else dated


def lead_date(doc: Any, published: date | None) -> str | None:
    """The body's first day-precision date not after publication (`lead_time`)."""
    from sitrep.extract.dates import find_time_expressions
    from sitrep.extract.extractor import lead_time

    found = lead_time(find_time_expressions(doc, published), published, doc)
    return found.value if found is not None else None


def _outcome(doc: Any, records: list[EventRecord], published: date | None,
             title: Any = None) -> Outcome:
    from sitrep.extract.counts import find_casualties
    news = [r for r in records if not r.background]
    if not any(told_figure(r.fatalities) is not None or r.injuries for r in news):
        # a follow-up article: the shooting it tells of (with its figures) is older than the
        # news, which may tell a death only as an act ("charged in the shooting death")
        news = records
    figures: list[str] = []
    mentions = find_casualties(doc)
    heads = find_casualties(title) if title is not None else []
    for part, found, text in (("title ", heads, title.text if title is not None else ""),
                              ("", mentions, doc.text)):
        figures += [f"{part}{m.kind}={m.count.best}{'c' if m.count.cumulative else ''}"
                    f"{'h' if m.hit else ''}:{text[max(0, m.start - 40):m.end + 40]!r}"
                    for m in found]
    tk, ti = (max(pair) for pair in zip(article_figures(heads), article_figures(mentions),
                                        strict=True))
    hits = {("body", m.start, m.end) for m in mentions if m.hit}
    hits |= {("title", m.start, m.end) for m in heads if m.hit}
    besides = frozenset(("body", m.start, m.end) for m in mentions if m.besides)
    main = main_record(news)
    loc = main.location if main is not None else None
    dated = main
    if main is None or main.date_inferred or main.date_precision != "day":
        days = [r for r in news if not r.date_inferred and r.date_precision == "day"]
        # a day inside the main event's own coarser span ("last week", the days before
        # publication) first: another record's day outside it is more often a later step's
        inside = [r for r in days if main is not None and _within(r, main)]
        dated = next(iter(inside + days), main)
    dated = incident_record(records, dated, doc, title, published)
    told = same_incident(news, main)
    when = dated.event_date if dated else None
    precision = dated.date_precision if dated else None
    undated = dated is not None and dated.date_inferred and precision == "week"
    if undated:
        # no expression dates the incident: the record's likeliest day (`undated_day`)
        precision = "day"
    return Outcome(_figure(told, "fatalities", hits, besides),
                   _figure(told, "injuries", hits, besides), tk, ti,
                   when, precision, dated.date_inferred if dated else True,
                   loc.name if loc else None, loc.admin2 if loc else None, len(records),
                   figures, lead_date(doc, published), undated)


def _outcome_of(doc: Any, article: Article, records: list[EventRecord]) -> Outcome:
    from sitrep.extract.headline import headline
    from sitrep.nlp import load_nlp

    head = headline(article.title)
    title = load_nlp()(head) if head else None  # the pipeline's headline parse, again
    return _outcome(doc, records, article.published, title)


def _norm_place(name: str | None) -> str:
    if not name:
        return ""
    t = re.sub(r"\(.*?\)", "", name.lower())
    t = re.sub(r"\b(county|parish|city of|township)\b", "", t)
    return re.sub(r"[^a-z]+", " ", t).strip()


@scorer("gva_longtail")
def gva_longtail(opts: Options) -> EvalReport:
    split = opts.split or "dev"
    base = opts.data / GVA_DIR
    if not base.is_dir():
        raise FileNotFoundError(f"GVA data not found under {base}")
    items = load(opts.data, split)[: opts.limit]
    outcomes = list(map_articles((a for a, _ in items), _outcome_of, n_process=opts.workers))
    return score(items, outcomes, split)


def score(items: list[tuple[Article, Gold]], outcomes: list[Outcome], split: str) -> EvalReport:
    """The report for `outcomes` read from the articles of `items`."""
    n = len(items)
    k_ok = i_ok = tk_ok = ti_ok = both = d_exact = d_near = d_scored = city_ok = 0
    x_exact = x_near = n_undated = u_near = 0
    k_err = i_err = tk_err = ti_err = 0
    pub_near = t_exact = t_near = 0
    with_records = 0
    errors: list[str] = []
    for (article, gold), out in zip(items, outcomes, strict=True):
        if (out.killed, out.injured) != (gold.killed, gold.injured) or (
                str(gold.day) != out.event_date):
            errors.append(f"{article.id} pub={article.published} gold=({gold.killed},"
                          f"{gold.injured}) {gold.day} {gold.city} | ours=({out.killed},"
                          f"{out.injured}) text=({out.text_killed},{out.text_injured}) "
                          f"{out.event_date}/{out.precision} lead={out.text_date} {out.city}\n    "
                          + "\n    ".join(out.figures))
        with_records += out.n_records > 0
        k_ok += out.killed == gold.killed
        i_ok += out.injured == gold.injured
        both += out.killed == gold.killed and out.injured == gold.injured
        tk_ok += out.text_killed == gold.killed
        ti_ok += out.text_injured == gold.injured
        k_err += abs(out.killed - gold.killed)
        i_err += abs(out.injured - gold.injured)
        tk_err += abs(out.text_killed - gold.killed)
        ti_err += abs(out.text_injured - gold.injured)
        if gold.day is not None:
            d_scored += 1
            if out.text_date:
                gap = abs((date.fromisoformat(out.text_date) - gold.day).days)
                t_exact += gap == 0
                t_near += gap <= 1
            if article.published is not None:
                pub_near += abs((article.published - gold.day).days) <= 1
            explicit = out.precision == "day" and not out.inferred
            n_undated += out.undated
            if out.event_date and out.precision == "day" and (explicit or out.undated):
                gap = abs((date.fromisoformat(out.event_date) - gold.day).days)
                d_exact += gap == 0
                d_near += gap <= 1
                x_exact += explicit and gap == 0
                x_near += explicit and gap <= 1
                u_near += out.undated and gap <= 1
        g_city = _norm_place(gold.city)
        city_ok += bool(g_city) and g_city in (_norm_place(out.city), _norm_place(out.admin2))
    write_errors("gva_longtail", split, errors)
    report = EvalReport("gva_longtail", split)
    div = max(n, 1)
    report.metrics += [
        Metric("killed exact (records)", k_ok / div, n, 0.90),
        Metric("injured exact (records)", i_ok / div, n, 0.85),
        Metric("killed+injured exact (records)", both / div, n),
        Metric("killed MAE (records)", k_err / div, n),
        Metric("injured MAE (records)", i_err / div, n),
        Metric("killed exact (text)", tk_ok / div, n, 0.90),
        Metric("injured exact (text)", ti_ok / div, n, 0.85),
        Metric("killed MAE (text)", tk_err / div, n),
        Metric("injured MAE (text)", ti_err / div, n),
        Metric("event date exact", d_exact / max(d_scored, 1), d_scored),
        Metric("event date within 1 day", d_near / max(d_scored, 1), d_scored, 0.90),
        Metric("event date exact (explicit day only)", x_exact / max(d_scored, 1), d_scored),
        Metric("event date within 1 day (explicit day only)", x_near / max(d_scored, 1),
               d_scored),
        Metric("undated articles (day before publication)", n_undated / max(d_scored, 1),
               d_scored),
        Metric("undated articles right within 1 day", u_near / max(n_undated, 1), n_undated),
        Metric("event date exact (text: lead date)", t_exact / max(d_scored, 1), d_scored),
        Metric("event date within 1 day (text: lead date)", t_near / max(d_scored, 1), d_scored,
               0.90),
        Metric("baseline: publication date within 1 day", pub_near / max(d_scored, 1),
               d_scored),
        Metric("city right", city_ok / div, n),
        Metric("articles with an event record", with_records / div, n),
    ]
    report.notes += [
        f"{n} articles; split by SHA-1 of the GVA incident id (even first byte: dev).",
        "records: largest non-background, non-cumulative figure among the article's event "
        "records that may tell the main event's incident (records dated to another day, or "
        "only to a month or year, set aside); text: largest non-cumulative figure from "
        "find_casualties over the article; no figure = 0.",
        "Date and city from the main event record (the headline's, when it has a figure, "
        "else the largest toll); when it has no explicit day, the first non-background record "
        "with one (inside the main record's own span first); a follow-up dated by a legal "
        "step takes the earlier day of the violent event it recalls. A date read from the "
        "text counts only with day precision and not inferred from the publication date. "
        "text: the first day-precision date of the body not after publication, the "
        "publication stamp skipped.",
        "An event no expression dates holds the week before publication and, as its "
        "likeliest day, the day before publication (news convention: a local report comes out "
        "the day after the shooting it tells); that day is scored, and 'explicit day only' "
        "counts such articles wrong, as before.",
    ]
    return report
