"""Event dates and figures as the GVA scorer reads them from an article's records."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from sitrep.eval.gva import Outcome, _outcome
from sitrep.extract.extractor import EventExtractor
from sitrep.record import Article

PUBLISHED = date(2024, 3, 11)  # a Monday


def _scored(nlp: Language, text: str, headline: str | None) -> Outcome:
    doc = nlp(text)
    records = EventExtractor().extract(doc, Article(text=text, published=PUBLISHED))
    return _outcome(doc, records, PUBLISHED, nlp(headline) if headline else None)


def test_an_article_without_a_headline_is_scored(nlp: Language) -> None:
    out = _scored(nlp, "A man was shot and killed Saturday outside a bar, police said.", None)
    assert (out.event_date, out.precision) == ("2024-03-09", "day")


def test_a_span_of_days_is_not_scored_as_one_day(nlp: Language) -> None:
    for when in ("over the weekend", "last week"):
        out = _scored(nlp, f"A man was shot and killed {when} outside a bar, police said.",
                      "Man shot dead")
        assert out.precision != "day", when
