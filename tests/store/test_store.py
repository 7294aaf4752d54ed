"""The store, on SQLite and on PostgreSQL alike (with PostGIS where the server has it, and
without): adding, idempotence, conflicts, every query filter, ordering, stats."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from store_factory import make_article, make_event, numbered_batch

from pg_server import PostgresServer
from sitrep.record import Actor, Article, EventRecord
from sitrep.schema import validate_event
from sitrep.store import EventQuery, SQLiteStore, StoreError, open_store
from sitrep.store.postgres import PostgresStore
from sitrep.store.sqlite import haversine_km

Batch = list[tuple[Article, list[EventRecord]]]

MOSUL_TEXT = (
    "Two farmers were killed in air strikes on Nov. 2 in the Zahra neighborhood. "
    "Iraqi forces fought Islamic State militants in Karama on Nov. 4. "
    "Islamic State captured the city in June 2014. "
    "Residents of al-Mawşil fled east."
)
ERBIL_TEXT = "Hundreds protested in Erbil against the offensive in October."
ALEPPO_TEXT = "Shelling hit eastern Aleppo on Thursday, the Syrian Observatory said."
TREATY_TEXT = "The two sides signed a ceasefire agreement."
PACIFIC_TEXT = "Soldiers clashed with gunmen near Suva. A second clash broke out in Apia."


def corpus() -> Batch:
    mosul = make_article("mosul", MOSUL_TEXT, published=date(2016, 11, 5))
    erbil = make_article("erbil", ERBIL_TEXT, published=date(2016, 11, 1))
    aleppo = make_article("aleppo", ALEPPO_TEXT, title="Aleppo shelled again",
                          published=date(2016, 11, 4), source="Agence Example")
    treaty = make_article("treaty", TREATY_TEXT)
    pacific = make_article("pacific", PACIFIC_TEXT)
    return [
        (mosul, [
            make_event(mosul, MOSUL_TEXT[: MOSUL_TEXT.index("Iraqi") - 1], killed=4,
                       event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"),
            make_event(mosul, "Iraqi forces fought Islamic State militants in Karama on Nov. 4.",
                       event_date="2016-11-04"),
            make_event(mosul, "Islamic State captured the city in June 2014.",
                       sub_event_type="Non-state actor overtakes territory",
                       event_date="2014-06", precision="month", background=True),
        ]),
        (erbil, [make_event(erbil, ERBIL_TEXT, event_type="Protests",
                            sub_event_type="Peaceful protest", event_date="2016-10",
                            precision="month", place="erbil")]),
        (aleppo, [make_event(aleppo, ALEPPO_TEXT, event_type="Explosions/Remote violence",
                             sub_event_type="Shelling/artillery/missile attack",
                             event_date="2016-11-03", place="aleppo")]),
        (treaty, [make_event(treaty, TREATY_TEXT, event_type="Strategic developments",
                             sub_event_type="Agreement", event_date=None, place=None)]),
        (pacific, [
            make_event(pacific, "Soldiers clashed with gunmen near Suva.",
                       event_date="2016-11-01", place="suva"),
            make_event(pacific, "A second clash broke out in Apia.",
                       event_date="2016-11-01", place="apia"),
        ]),
    ]


NewStore = Callable[[], SQLiteStore]


@pytest.fixture(params=["sqlite", "postgres", "postgres-btree"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewStore]:
    """Makes empty stores of one backend: an SQLite file, or a fresh PostgreSQL database
    (its points indexed by PostGIS where the server has it, or by a B-tree)."""
    opened: list[SQLiteStore] = []

    def make() -> SQLiteStore:
        if request.param == "sqlite":
            opened.append(open_store(  # type: ignore[arg-type]
                str(tmp_path / f"events{len(opened)}.sqlite")))
        else:
            server: PostgresServer = request.getfixturevalue("postgres")
            opened.append(PostgresStore(server.new_database(),
                                        postgis=None if request.param == "postgres" else False))
        return opened[-1]

    yield make
    for s in opened:
        s.close()


@pytest.fixture
def store(new_store: NewStore) -> SQLiteStore:
    s = new_store()
    result = s.add(corpus())
    assert (result.articles_added, result.events_added) == (5, 8)
    return s


def sentences(s: SQLiteStore, **query: object) -> list[str]:
    return [e.evidence.sentences[0].text for e in s.mentions(EventQuery(**query))]  # type: ignore[arg-type]


def first_words(s: SQLiteStore, **query: object) -> set[str]:
    """The first word or two of each matching evidence sentence, as a set."""
    return {" ".join(t.split()[:2]) for t in sentences(s, **query)}


def test_factory_records_follow_the_schema() -> None:
    for _, events in corpus():
        for e in events:
            validate_event(e.to_dict())


def test_events_round_trip_and_are_ordered(store: SQLiteStore) -> None:
    stored = list(store.mentions(EventQuery()))
    originals = {e.event_id: e for _, evs in corpus() for e in evs}
    assert {e.event_id: e for e in stored} == originals
    assert [e.event_date for e in stored] == [
        "2016-11-04", "2016-11-03", "2016-11-02", "2016-11-01", "2016-11-01",
        "2016-10", "2014-06", None,
    ]
    # same date, same article: ordered by position in the text
    assert [e.location.name for e in stored[3:5] if e.location] == ["Suva", "Apia"]


def test_since_until_use_the_whole_possible_range(store: SQLiteStore) -> None:
    assert first_words(store, since=date(2016, 11, 2)) == {"Two farmers", "Iraqi forces",
                                                           "Shelling hit"}
    # a month-precision event overlaps any day of its month; undated events never match
    assert first_words(store, until=date(2016, 10, 15)) == {"Hundreds protested",
                                                            "Islamic State"}
    assert first_words(store, since=date(2016, 10, 31), until=date(2016, 11, 1)) == {
        "Hundreds protested", "Soldiers clashed", "A second"}
    assert sentences(store, since=date(2017, 1, 1)) == []
    with pytest.raises(ValueError):
        EventQuery(since=date(2017, 1, 2), until=date(2017, 1, 1))


def test_types_match_type_or_sub_type_case_insensitively(store: SQLiteStore) -> None:
    assert first_words(store, types=["battles"]) == {"Iraqi forces", "Islamic State",
                                                     "Soldiers clashed", "A second"}
    assert first_words(store, types=["Air/drone strike", "peaceful protest"]) == {
        "Two farmers", "Hundreds protested"}
    with pytest.raises(ValueError, match="unknown event type"):
        EventQuery(types=["Batles"])


def test_country_by_code_or_name(store: SQLiteStore) -> None:
    iraq = {"Two farmers", "Iraqi forces", "Islamic State", "Hundreds protested"}
    assert first_words(store, country="iq") == iraq
    assert first_words(store, country="IRAQ") == iraq
    assert first_words(store, country="Syria") == {"Shelling hit"}
    assert first_words(store, country="Syrian Arab Republic") == {"Shelling hit"}
    assert first_words(store, country="sy") == {"Shelling hit"}
    assert sentences(store, country="Chad") == []


def test_actor_matches_either_side_or_an_associate(new_store: NewStore) -> None:
    text = ("Boko Haram fighters raided the village. Police and vigilantes repelled them. "
            "A 100% loyal_unit of Jama'atu fighters struck.")
    article = make_article("actors", text, published=date(2016, 11, 5))
    raid, repelled, struck = (
        make_event(article, "Boko Haram fighters raided the village."),
        make_event(article, "Police and vigilantes repelled them."),
        make_event(article, "A 100% loyal_unit of Jama'atu fighters struck."))
    raid.actor1 = Actor("Boko Haram", "rebel group", "Boko Haram fighters")
    raid.actor2 = Actor("Civilians (Nigeria)", "civilians", "the village")
    repelled.actor1 = Actor("Police Forces of Nigeria", "state forces", "Police")
    repelled.assoc_actor1 = [Actor("Civilian JTF", "identity militia", "vigilantes")]
    repelled.actor2 = Actor("Boko Haram", "rebel group", "them")
    struck.actor1 = Actor("100% loyal_unit", "rebel group", "A 100% loyal_unit")
    store = new_store()
    store.add([(article, [raid, repelled, struck])])

    def firsts(actor: str) -> set[str]:
        return {" ".join(t.split()[:2]) for t in sentences(store, actor=actor)}

    assert firsts("boko haram") == {"Boko Haram", "Police and"}  # actor1 or actor2
    assert firsts("JTF") == {"Police and"}  # an associated actor
    assert firsts("nigeria") == {"Boko Haram", "Police and"}  # part of a name
    assert firsts("vigilantes") == set()  # the words used are not the name
    assert firsts("100%") == {"A 100%"} and firsts("y_l") == set()  # % and _ are literal
    assert firsts("rebel group") == set()  # types are not names


def test_near_uses_great_circle_distance(store: SQLiteStore) -> None:
    mosul = (36.335, 43.119)
    erbil_km = haversine_km(*mosul, 36.191, 44.009)
    assert 75 < erbil_km < 90
    assert first_words(store, near=(*mosul, 10)) == {"Two farmers", "Iraqi forces",
                                                     "Islamic State"}
    assert first_words(store, near=(*mosul, erbil_km + 1)) == {
        "Two farmers", "Iraqi forces", "Islamic State", "Hundreds protested"}
    assert "Hundreds protested" not in first_words(store, near=(*mosul, erbil_km - 1))
    # across the antimeridian: Suva (178.4 E) and Apia (171.8 W)
    suva = (-18.141, 178.441)
    apart = haversine_km(*suva, -13.833, -171.767)
    assert first_words(store, near=(*suva, 50)) == {"Soldiers clashed"}
    assert first_words(store, near=(*suva, apart + 5)) == {"Soldiers clashed", "A second"}
    assert store.count_mentions(EventQuery(near=(0.0, 0.0, 20_000))) == 7  # all with coordinates


def test_bbox_including_one_across_the_antimeridian(store: SQLiteStore) -> None:
    iraq_box = (38.0, 29.0, 49.0, 38.0)
    assert first_words(store, bbox=iraq_box) == {"Two farmers", "Iraqi forces", "Islamic State",
                                                 "Hundreds protested"}
    assert first_words(store, bbox=(170.0, -25.0, -165.0, -10.0)) == {"Soldiers clashed",
                                                                      "A second"}
    assert first_words(store, bbox=(170.0, -25.0, 179.0, -10.0)) == {"Soldiers clashed"}


def test_text_searches_article_and_evidence(store: SQLiteStore) -> None:
    mosul_all = {"Two farmers", "Iraqi forces", "Islamic State"}
    assert first_words(store, text="Zahra") == mosul_all  # in the article: all its events
    assert first_words(store, text="Zahra", text_scope="evidence") == {"Two farmers"}
    assert first_words(store, text="karama fought") == {"Iraqi forces"} | mosul_all
    assert first_words(store, text="karama fought", text_scope="evidence") == {"Iraqi forces"}
    assert first_words(store, text="shelled") == {"Shelling hit"}  # title only
    assert sentences(store, text="shelled", text_scope="evidence") == []
    assert first_words(store, text="observ*") == {"Shelling hit"}
    assert first_words(store, text='"Syrian Observatory"') == {"Shelling hit"}
    assert sentences(store, text='"Observatory Syrian"') == []
    assert first_words(store, text="mawsil") == mosul_all  # diacritics folded
    assert first_words(store, text="al-Mawşil") == mosul_all
    assert sentences(store, text="Zahra Aleppo") == []  # every word is required
    assert sentences(store, text="NEAR AND OR NOT (") == []  # FTS syntax read as plain words
    assert len(sentences(store, text='((" *')) == 8  # no word at all: no text filter


def test_background_and_article_filters(store: SQLiteStore) -> None:
    assert "Islamic State" not in first_words(store, include_background=False)
    assert store.count_mentions(EventQuery(include_background=False)) == 7
    assert first_words(store, article_id="art-mosul", include_background=False) == {
        "Two farmers", "Iraqi forces"}


def test_filters_combine_and_limit_offset(store: SQLiteStore) -> None:
    q = EventQuery(country="IQ", types=["Battles"], since=date(2016, 1, 1))
    assert [e.event_date for e in store.mentions(q)] == ["2016-11-04"]
    everything = list(store.mentions(EventQuery()))
    page = list(store.mentions(EventQuery(limit=3, offset=2)))
    assert page == everything[2:5]
    assert store.count_mentions(EventQuery(limit=3, offset=2)) == 3
    assert store.count_mentions(EventQuery(offset=6)) == 2
    assert list(store.mentions(EventQuery(offset=6))) == everything[6:]
    assert store.count_mentions(EventQuery()) == 8


def test_adding_twice_stores_once(new_store: NewStore) -> None:
    with new_store() as s:
        batch = numbered_batch(0, 3)
        first = s.add(batch)
        again = s.add(batch)
        assert (first.articles_added, first.articles_skipped, first.events_added) == (3, 0, 6)
        assert (again.articles_added, again.articles_skipped, again.events_added) == (0, 3, 0)
        assert again.conflicting == []
        doubled = s.add(numbered_batch(3, 1) + numbered_batch(3, 1))  # twice in one batch
        assert (doubled.articles_added, doubled.articles_skipped) == (1, 1)
        assert s.stats()["articles"] == 4
        assert s.count_mentions(EventQuery()) == 8


def test_same_id_other_content_is_skipped_as_conflicting(new_store: NewStore) -> None:
    with new_store() as s:
        original = make_article("x", "Gunmen attacked a checkpoint.")
        s.add([(original, [make_event(original, original.text)])])
        changed = make_article("x", "Gunmen attacked two checkpoints.")
        result = s.add([(changed, [make_event(changed, changed.text)])])
        assert result.articles_skipped == 1 and result.articles_conflicting == 1
        assert result.conflicting == ["art-x"] and result.events_added == 0
        assert s.article("art-x") == original
        assert s.count_mentions(EventQuery()) == 1


def test_a_failing_batch_leaves_nothing_behind(new_store: NewStore) -> None:
    with new_store() as s:
        good, bad = numbered_batch(0, 2)
        bad[1][0].confidence = None  # type: ignore[assignment]  # violates NOT NULL
        with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
            s.add([good, bad])
        assert not s.has_article(good[0].id)
        assert s.stats()["articles"] == 0 and s.stats()["events"] == 0
        mismatch = numbered_batch(5, 1)[0]
        with pytest.raises(StoreError, match="names article"):
            s.add([(good[0], mismatch[1])])
        assert s.add([good]).articles_added == 1


def test_articles_read_back(store: SQLiteStore) -> None:
    originals = {a.id: a for a, _ in corpus()}
    assert store.article("art-aleppo") == originals["art-aleppo"]
    assert store.article("nope") is None
    assert store.has_article("art-erbil") and not store.has_article("nope")
    got = store.articles(["art-mosul", "art-treaty", "missing", "art-mosul"])
    assert got == {"art-mosul": originals["art-mosul"], "art-treaty": originals["art-treaty"]}
    assert got["art-mosul"].published == date(2016, 11, 5)


def test_stats(store: SQLiteStore) -> None:
    st = store.stats()
    assert (st["articles"], st["events"], st["background"]) == (5, 8, 1)
    assert st["by_type"] == {"Battles": 4, "Explosions/Remote violence": 2, "Protests": 1,
                             "Strategic developments": 1}
    assert st["by_sub_event_type"]["Armed clash"] == 3
    assert st["by_country"] == {"Iraq": 4, "Fiji": 1, "Samoa": 1, "Syria": 1}
    assert (st["first_date"], st["last_date"]) == ("2014-06-01", "2016-11-04")


def test_closed_store_says_so(new_store: NewStore) -> None:
    with new_store() as s:
        pass
    with pytest.raises(StoreError, match="closed"):
        s.has_article("x")
