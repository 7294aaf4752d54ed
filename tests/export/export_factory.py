"""Hand-built event records covering the cases the exporters map differently."""

from __future__ import annotations

from datetime import date

from sitrep.record import (
    Actor,
    Article,
    Attribution,
    Count,
    EventRecord,
    Evidence,
    Location,
    Span,
)

MOSUL_TEXT = (
    "Three men were killed and 12 other villagers wounded in air strikes on Nov. 2 in the "
    "Zahra neighborhood of western Mosul, according to reports. "
    'Iraqi troops battled Islamic State fighters on Nov. 4; "dozens" died, officials said.'
)
OTHER_TEXT = (
    "Thousands marched in Erbil in October. "
    "A mob beat two men in a market in Aleppo that week. "
    "The sides had signed an agreement long before."
)


def articles() -> dict[str, Article]:
    mosul = Article(text=MOSUL_TEXT, title="Fighting in Mosul", published=date(2016, 11, 5),
                    url="https://news.example/mosul", source="Example Wire", id="art-mosul")
    other = Article(text=OTHER_TEXT, title="Roundup", published=None, url=None, source=None,
                    id="art-other")
    return {a.id: a for a in (mosul, other)}


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def records() -> list[EventRecord]:
    """Five events: an air strike, a battle, a protest, mob violence and an agreement."""
    m, o = MOSUL_TEXT, OTHER_TEXT
    strike = _span(m, m[: m.index(" Iraqi")])
    battle = _span(m, m[m.index("Iraqi"):])
    mosul = Location(name="Zahra", country="Iraq", country_code="IQ", lat=36.335, lon=43.119,
                     precision="neighbourhood", text="Zahra neighborhood of western Mosul",
                     admin1="Nineveh", admin2="Mosul", geonameid=99072,
                     note="Zahra neighbourhood not in gazetteer; placed at Mosul")
    return [
        EventRecord(
            article_id="art-mosul", event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            evidence=Evidence([strike], {"trigger": _span(m, "air strikes"),
                                         "location": _span(m, "Zahra neighborhood")}),
            event_date="2016-11-02", date_precision="day",
            actor1=Actor("Coalition forces", "external/other forces", "air strikes"),
            actor2=Actor("Civilians (Iraq)", "civilians", "Three men"),
            location=mosul,
            fatalities=Count(3, 3, 3, "civilians", "Three men"),
            injuries=Count(12, 12, 12, "civilians", "12 other villagers"),
            attribution=Attribution("U.N. human rights office", True, "according to reports"),
            confidence=0.9, plover_type="ASSAULT",
        ),
        EventRecord(
            article_id="art-mosul", event_type="Battles", sub_event_type="Armed clash",
            evidence=Evidence([battle], {"trigger": _span(m, "battled")}),
            event_date="2016-11-04", date_precision="day",
            actor1=Actor("Military Forces of Iraq", "state forces", "Iraqi troops"),
            actor2=Actor("Islamic State", "rebel group", "Islamic State fighters"),
            assoc_actor1=[Actor("Popular Mobilization Forces", "political militia", "militias"),
                          Actor("Peshmerga", "state forces", "Kurdish fighters")],
            location=Location(name="Mosul", country="Iraq", country_code="IQ", lat=36.335,
                              lon=43.119, precision="city", text="Mosul", admin1="Nineveh"),
            fatalities=Count(12, 12, 99, None, '"dozens"'),
            attribution=Attribution("officials", False, "officials said"),
            confidence=0.7,
        ),
        EventRecord(
            article_id="art-other", event_type="Protests", sub_event_type="Peaceful protest",
            evidence=Evidence([_span(o, "Thousands marched in Erbil in October.")]),
            event_date="2016-10", date_precision="month",
            actor1=Actor("Protesters (Iraq)", "protesters", "Thousands"),
            location=Location(name="Erbil", country="Iraq", country_code="IQ", lat=36.191,
                              lon=44.009, precision="city", text="Erbil", admin1="Erbil"),
            confidence=0.6,
        ),
        EventRecord(
            article_id="art-other", event_type="Riots", sub_event_type="Mob violence",
            evidence=Evidence([_span(o, "A mob beat two men in a market in Aleppo that week.")]),
            event_date="2016-11-09", date_precision="week",
            actor1=Actor("Rioters (Syria)", "rioters", "A mob"),
            actor2=Actor("Civilians (Syria)", "civilians", "two men"),
            location=Location(name="Jabal Sem'an", country="Syria", country_code="SY",
                              lat=36.2, lon=37.15, precision="admin2", text="Aleppo",
                              admin1="Aleppo", admin2="Jabal Sem'an"),
            injuries=Count(2, 2, 2, None, "two men"),
            confidence=0.5,
        ),
        EventRecord(
            article_id="art-other", event_type="Strategic developments",
            sub_event_type="Agreement",
            evidence=Evidence([_span(o, "The sides had signed an agreement long before.")]),
            background=True, date_inferred=True, confidence=0.4,
        ),
    ]
