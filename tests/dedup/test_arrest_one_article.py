"""An arrest report follows the violent event it tells of, even when one article's mentions of
that event went to two events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from store_rows import sentence_mention

import sitrep.store.clusters as store_clusters
from sitrep.record import Article, EventRecord
from sitrep.store import SQLiteStore

SHOOTING = ("A man was shot dead at the counter of a feed store in Brackenfield on Friday "
            "afternoon.")
EARLIER = ("Deputies believe the same gunman fired at a grain truck on the county road east "
           "of town on Wednesday.")
ARREST = ("Sheriff's deputies arrested a 24-year-old farmhand on Tuesday in connection with "
          "the killing in Brackenfield.")


def _mention(article: Article, sentence: str, typ: str, sub: str, day: str,
             killed: int | None, place: tuple[str, float, float]) -> EventRecord:
    return sentence_mention(article, sentence, typ, sub, day, killed, place, "man")


TOWN = ("Brackenfield", 41.20, -90.10)
ROAD = ("Brackenfield", 41.20, -90.03)  # about 6 km east
VIOLENCE = ("Violence against civilians", "Attack")


def _reports() -> list[tuple[Article, list[EventRecord]]]:
    """A report that tells the shooting twice (its second mention placed and dated a little
    apart, so it starts an event of its own) and, eleven days on, the arrest."""
    text = f"{SHOOTING} {EARLIER}"
    shooting = Article(text=text, title="Feed store clerk's customer killed",
                       published=date(2024, 3, 9), source="Herald", id="p")
    arrest = Article(text=ARREST, title="Farmhand held over weekend slaying",
                     published=date(2024, 3, 20), source="Ledger", id="s")
    return [
        (shooting, [_mention(shooting, SHOOTING, *VIOLENCE, "2024-03-08", 1, TOWN),
                    _mention(shooting, EARLIER, *VIOLENCE, "2024-03-06", None, ROAD)]),
        (arrest, [_mention(arrest, ARREST, "Strategic developments", "Arrests",
                           "2024-03-19", None, TOWN)]),
    ]


@pytest.mark.parametrize("on", [True, False])
def test_arrest_follows_the_oldest_of_one_articles_events(
        tmp_path: Path, on: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_clusters, "ARREST_ONE_ARTICLE", on)
    store = SQLiteStore(tmp_path / "arrest.sqlite")
    for report in _reports():
        store.add([report])
    rows = store.conn.execute(
        "SELECT article_id, cluster_id FROM events ORDER BY id").fetchall()
    (shooting, earlier, arrest) = (cluster for _, cluster in rows)
    assert shooting != earlier  # the article's two mentions sit in two events
    if not on:
        assert arrest not in (shooting, earlier)  # two events near it: it cannot tell which
        return
    assert arrest == shooting
    action, reason = store.conn.execute(
        "SELECT d.action, d.reason FROM dedup_log d JOIN events e ON e.event_id = d.event_id "
        "WHERE e.article_id = 's'").fetchone()
    assert action == "follow-up" and "arrest" in reason
