"""`pipeline.run` gives the same records, in input order, in one process or several."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import PipelineConfig, run
from sitrep.record import Article
from sitrep.schema import validate_event

PARAGRAPHS = [
    ("Saraqib", "Government warplanes carried out an air strike on a market in Saraqib on "
                "Tuesday, killing seven civilians and wounding 12, rescuers said."),
    ("Tsafe", "Gunmen abducted 23 villagers from Tsafe in Zamfara state on Sunday, police "
              "said."),
    ("Kherson", "Russian forces shelled residential areas of Kherson on Thursday, killing two "
                "people and injuring five, the regional governor said."),
    ("Nairobi", "Thousands of protesters marched through central Nairobi on Friday against new "
                "taxes, witnesses said."),
    ("Kirkuk", "A roadside bomb struck an army patrol near Kirkuk on Monday, killing three "
               "soldiers, a military statement said."),
    ("Bamako", "Traders in Bamako said on Tuesday that the prices of rice and millet rose "
               "sharply this month."),
    ("Mogadishu", "Security forces arrested 12 suspected al-Shabaab members in Mogadishu on "
                  "Wednesday, the interior ministry said."),
    ("Kabul", "A suicide bomber blew himself up at an education centre in Kabul on Friday, "
              "killing 19 students, police said."),
    ("Mosul", "Iraqi forces clashed with Islamic State fighters in eastern Mosul on Monday, "
              "killing six militants, a military statement said.\n\nIslamic State fighters "
              "overran the city in June 2014."),
    ("Omdurman", "Heavy fighting broke out between the Sudanese army and the Rapid Support "
                 "Forces in Omdurman on Wednesday, killing at least 14 fighters, residents "
                 "said."),
    ("Kharkiv", "Russian missiles struck an apartment block in Kharkiv on Friday, killing "
                "three civilians, the regional governor said."),
]


def _articles() -> list[Article]:
    return [Article(text=text, title=f"Report from {town}", published=date(2024, 3, 8 + i),
                    id=f"p-{i:02d}-{town.lower()}")
            for i, (town, text) in enumerate(PARAGRAPHS)]


@pytest.fixture(scope="module")
def single() -> list[tuple[str, list[dict[str, object]]]]:
    results = [(a.id, [r.to_dict() for r in recs]) for a, recs in run(_articles(), n_process=1)]
    for _, recs in results:
        for rec in recs:
            validate_event(rec)
    return results


def test_single_process_keeps_input_order(
        single: list[tuple[str, list[dict[str, object]]]]) -> None:
    assert [aid for aid, _ in single] == [a.id for a in _articles()]
    assert sum(len(recs) for _, recs in single) >= len(PARAGRAPHS) - 1
    assert dict(single)["p-05-bamako"] == []
    for aid, recs in single:
        assert all(r["article_id"] == aid for r in recs)


@pytest.mark.slow
@pytest.mark.parametrize("batch_size", [2, 16])
def test_two_processes_give_the_same_records_in_order(
        single: list[tuple[str, list[dict[str, object]]]], batch_size: int) -> None:
    multi = [(a.id, [r.to_dict() for r in recs])
             for a, recs in run(iter(_articles()), n_process=2, batch_size=batch_size)]
    assert multi == single


def test_generator_input_and_config_without_geo() -> None:
    config = PipelineConfig(geo=False)
    out = list(run((a for a in _articles()[:3]), config, n_process=1, batch_size=1))
    assert [a.id for a, _ in out] == [a.id for a in _articles()[:3]]
    assert all(r.location is None for _, recs in out for r in recs)
    assert all(recs for _, recs in out)
