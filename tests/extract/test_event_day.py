"""Event dates from a neighbouring sentence, and figures added up on one casualty word."""

from __future__ import annotations

from datetime import date

from sitrep.eval.gva import article_figures
from sitrep.extract.counts import find_casualties
from sitrep.extract.extractor import EventExtractor
from sitrep.record import Article, EventRecord

PUBLISHED = date(2024, 3, 12)  # a Tuesday


def _extract(nlp, text: str) -> list[EventRecord]:  # type: ignore[no-untyped-def]
    return EventExtractor().extract(nlp(text), Article(text=text, published=PUBLISHED))


def test_date_from_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "A man was shot and killed outside a grocery store. "
                            "The shooting happened Sunday night, police said.")
    main = records[0]
    assert main.fatalities is not None and main.fatalities.best == 1
    assert (main.event_date, main.date_precision, main.date_inferred) == (
        "2024-03-10", "day", False)


def test_date_from_a_scene_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Officers were called to the apartment on Monday night. "
                            "They found a woman who had been shot in the leg.")
    assert records and records[0].event_date == "2024-03-11"
    assert not records[0].date_inferred


def test_no_date_anywhere_stays_inferred(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "A man was shot and killed outside a grocery store. "
                            "Police have not named a suspect.")
    assert records and records[0].date_inferred and records[0].date_precision == "week"
    # the week before publication, and the day before it as the likeliest day
    assert (records[0].date_start, records[0].date_end) == ("2024-03-06", "2024-03-12")
    assert records[0].event_date == "2024-03-11"


def test_date_of_a_report_is_not_borrowed(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "A man was shot and killed outside a grocery store. "
                            "The police chief said on Monday that patrols would increase.")
    assert records and records[0].date_inferred


def test_figures_on_one_word_add_up_in_the_record(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Gunmen opened fire outside a bar, sending three men and two women "
                            "to the hospital on Saturday.")
    assert any(r.injuries is not None and r.injuries.best == 5 for r in records)


def _figures(nlp, text: str) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(m.kind, m.count.best) for m in find_casualties(nlp(text))]


def test_person_told_by_age(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _figures(nlp, "A 16-year-old was shot and killed on Friday.") == [("killed", 1)]
    assert _figures(nlp, "Police said a 15-year-old died at the hospital.") == [("killed", 1)]


def test_death_of_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _figures(nlp, "He was charged in the shooting death of Tom Baker.") == [("killed", 1)]
    assert _figures(nlp, "Police are investigating the homicide of a local man.") == [
        ("killed", 1)]


def test_found_with_a_gunshot_wound(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _figures(nlp, "A man was found with a gunshot wound on Elm Street.") == [
        ("injured", 1)]


def test_persons_coordinated_one_by_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _figures(nlp, "A man and a woman were shot on Main Street.") == [("injured", 2)]
    assert _figures(nlp, "Deputies say a 19-year-old man and a 30-year-old woman were slain "
                          "by an intruder.") == [
        ("killed", 2)]


def test_shot_himself_and_her_death(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Deputies said a 12-year-old girl accidentally shot herself in the hand."
    assert _figures(nlp, text) == [("injured", 1)]
    # a person struck by a round is hit (the killed may be among those hit): read as one
    # killed and none hurt
    found = find_casualties(nlp("The stray round hit the clerk and caused her death."))
    assert [(m.kind, m.count.best, m.hit) for m in found] == [
        ("injured", 1, True), ("killed", 1, False)]
    assert article_figures(found) == (1, 0)


def test_a_year_is_no_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _figures(nlp, "It was the city's third homicide of 2019.") == []


def test_figure_without_event_word_joins_the_event_before(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "A gunman opened fire outside a bar on Saturday night. "
                            "The victim was rushed to a hospital in stable condition.")
    assert len(records) == 1 and records[0].injuries is not None
    assert records[0].injuries.best == 1


def test_a_borrowed_date_does_not_merge_two_events(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "A man was shot outside a bar. "
                            "The shooting happened on Sunday night. "
                            "Separately, a woman was shot at a gas station.")
    shot = [r for r in records if r.injuries is not None]
    assert len(shot) == 2 and all(r.event_date == "2024-03-10" for r in shot)


def test_date_in_a_purpose_clause_dates_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Government troops launched an assault to retake the port on "
                            "March 4, the army said.")
    assert records and records[0].event_date == "2024-03-04"


def test_day_before_a_closing_attribution_is_the_events(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "Sunday" on "said"; the statement's own day would follow the verb
    records = _extract(nlp, "A boy was accidentally shot by a friend in the woods near his home "
                            "Sunday, deputies said.")
    assert records and (records[0].event_date, records[0].date_inferred) == ("2024-03-10", False)


def test_statement_day_after_the_verb_stays_out(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.dates import find_time_expressions, statement_day

    doc = nlp("The sheriff said Monday that a boy had been shot.")
    [expr] = find_time_expressions(doc, PUBLISHED)
    assert statement_day(doc, expr)


def test_first_day_of_the_article_dates_an_undated_lead_event(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "A woman was shot and killed outside her home. "
                            "Neighbors said she had lived there for years. "
                            "Friends gathered for a vigil. "
                            "Relatives described her as a caring mother. "
                            "The family had returned from church on Sunday evening.")
    assert records and (records[0].event_date, records[0].date_inferred) == ("2024-03-10", False)


def test_a_total_and_its_breakdown_are_not_added(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Four people, three women and one man, were taken to a hospital "
                            "after the shooting on Saturday.")
    assert any(r.injuries is not None and r.injuries.best == 4 for r in records)
    assert not any(r.injuries is not None and r.injuries.best > 4 for r in records)


def test_day_before_a_report_verb_hung_on_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "announced" a clause of "shot" and hangs "Saturday" on it
    records = _extract(nlp, "A 17-year-old was accidentally shot in the chest Saturday, the "
                            "sheriff's office announced in a press release Monday.")
    assert records and (records[0].event_date, records[0].date_inferred) == ("2024-03-09", False)


def test_a_violent_event_dated_by_a_later_arrest_takes_the_incident_day(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "A man was charged Monday in the shooting death of his neighbor. "
                            "Deputies say the neighbor was shot Saturday night outside his home.")
    violent = [r for r in records if r.event_type == "Violence against civilians"
               or r.event_type == "Battles"]
    assert violent and all(r.event_date == "2024-03-09" for r in violent), [
        (r.sub_event_type, r.event_date) for r in records]


def test_an_arrest_day_stays_without_an_earlier_one(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.dates import find_time_expressions, procedure_day

    doc = nlp("A suspect was arrested Friday in the shooting.")
    [expr] = find_time_expressions(doc, PUBLISHED)
    assert procedure_day(doc, expr)
    records = _extract(nlp, "A suspect was arrested Friday in the shooting of a teenager.")
    assert records and all(r.event_date == "2024-03-08" for r in records)


def test_an_undated_event_is_read_against_the_dateline_day(nlp) -> None:  # type: ignore[no-untyped-def]
    def extract(text: str, published: date) -> list[EventRecord]:
        return EventExtractor().extract(nlp(text), Article(text=text, published=published))

    # the dateline's full date is the filing stamp (here a day after the page's): it dates no
    # event, it anchors the guess
    text = ("BAGHDAD, March 10, 2024 (Reuters) - A man was shot and killed outside a grocery "
            "store. Police have not named a suspect.")
    main = extract(text, date(2024, 3, 9))[0]
    assert main.date_inferred and main.date_precision == "week"
    # the value and its evidence agree: the day before the dateline's day
    assert (main.event_date, main.date_start, main.date_end) == (
        "2024-03-09", "2024-03-04", "2024-03-10")
    assert main.evidence.fields["event_date"].text == "March 10, 2024"
    text = ("BAGHDAD (Reuters) - A man was shot and killed outside a grocery store. Police "
            "have not named a suspect.")
    main = extract(text, date(2024, 3, 10))[0]
    assert main.event_date == "2024-03-09"
    assert "event_date" not in main.evidence.fields


def test_a_step_day_gives_way_to_an_earlier_lead_day(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "The grocer closed his shop early on March 2. "
                            "A man was charged Monday in the shooting death of the grocer.")
    violent = [r for r in records if r.event_type == "Violence against civilians"]
    assert violent and all(r.event_date == "2024-03-02" for r in violent), [
        (r.sub_event_type, r.event_date) for r in records]


def test_a_birth_date_does_not_date_a_death_after_a_shooting(nlp) -> None:  # type: ignore[no-untyped-def]
    """A death dated by its own day stays there when the only earlier day is a birth date:
    a birth date is no lead day of the article."""
    text = ("Dana Vole, 19, died Wednesday in Marrowfield after she was shot. She was born on "
            "March 2, 2005 in Ellsby.")
    records = EventExtractor().extract(nlp(text), Article(text=text, published=date(2024, 3, 12)))
    assert [r.event_date for r in records] == ["2024-03-13"]


def test_day_of_a_search_does_not_date_the_shooting(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Deputies were searching on Monday for a driver in a shooting that "
                            "left two women wounded outside a diner. "
                            "The women were shot just after closing time on Saturday.")
    shooting = next(r for r in records if r.injuries is not None)
    assert shooting.event_date == "2024-03-09"


def test_day_in_a_while_clause_dates_the_killing(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Officers arrested a suspect on Monday. A teenager was shot and "
                            "killed while he sat in his car Sunday evening.")
    killing = next(r for r in records if r.fatalities is not None)
    assert (killing.event_date, killing.date_inferred) == ("2024-03-10", False)


def test_vigil_for_a_victim_is_not_force_against_protesters(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Neighbours held a candlelight vigil on Monday to remember a "
                            "grandmother who was killed by a stray bullet on Friday.")
    kinds = {r.sub_event_type: r for r in records}
    assert "Excessive force against protesters" not in kinds
    killing = next(r for r in records if r.fatalities is not None)
    assert killing.sub_event_type == "Attack" and killing.event_date == "2024-03-08"


def test_protest_for_a_man_shot_by_police_keeps_two_events(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Protesters gathered at city hall to demand answers for a father "
                            "who was shot by police during a traffic stop.")
    assert sorted(r.sub_event_type for r in records) == ["Attack", "Peaceful protest"]


def test_a_present_court_date_lies_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    """"is due in court Dec. 5": the date hangs on the copula of a future adjective; "was due"
    and "had been due" tell a past date."""
    from sitrep.extract.dates import find_time_expressions

    def value(text: str) -> str | None:
        [expr] = find_time_expressions(nlp(text), date(2024, 10, 14))
        return expr.value

    assert value("She is due in court on Dec. 5.") == "2024-12-05"
    assert value("The clerk's records show she is due back in court December 5.") == "2024-12-05"
    assert value("She had been due in court on Oct. 2.") == "2024-10-02"
    assert value("Her next court date is April 18.") == "2025-04-18"
    assert value("Sentencing is Dec. 5.") == "2024-12-05"
    assert value("The robbery was on April 18.") == "2024-04-18"


def test_a_weekend_shooting_is_dated_to_the_last_weekend(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Police have named the victim of a weekend shooting on Elm Street.")
    assert records and (records[0].event_date, records[0].date_precision,
                        records[0].date_start, records[0].date_end) == (
        "2024-03-09", "week", "2024-03-09", "2024-03-10")
    assert not _extract(nlp, "A weekend getaway ended early for the family.")
