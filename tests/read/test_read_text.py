"""The plain-text convention and publication dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.read import ReadError, ReadFailure, parse_published, read_paths, read_text
from sitrep.record import Article


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-11-05", date(2016, 11, 5)),
        ("2016-11-05T10:32:00Z", date(2016, 11, 5)),
        ("2016-11-05T23:10:00+03:00", date(2016, 11, 5)),
        ("Sat, 05 Nov 2016 10:32:00 GMT", date(2016, 11, 5)),
        ("5 November 2016", date(2016, 11, 5)),
        ("Nov. 5, 2016", date(2016, 11, 5)),
        ("November 5th, 2016", date(2016, 11, 5)),
        ("Saturday 5 November 2016 10:32 GMT", date(2016, 11, 5)),
        ("2016-02-30", None),
        ("Nov 2016", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_published(value: str, expected: date | None) -> None:
    assert parse_published(value) == expected


def test_title_header_and_body_with_dateline() -> None:
    art = read_text(
        "\nClashes in eastern Mosul\nPublished: Nov. 5, 2016\nURL: https://example.org/a\n"
        "SOURCE: Tigris Daily\n\nMOSUL, Iraq, Nov 5 (Reuters) - Iraqi forces said: more.\n\n"
        "Second paragraph.\n"
    )
    assert art.title == "Clashes in eastern Mosul"
    assert art.published == date(2016, 11, 5)
    assert art.url == "https://example.org/a"
    assert art.source == "Tigris Daily"
    assert art.text == (
        "MOSUL, Iraq, Nov 5 (Reuters) - Iraqi forces said: more.\n\nSecond paragraph.")


def test_header_block_before_title() -> None:
    art = read_text("date: 2016-11-05\nsource: Wire\n\nThe title\n\nThe body.")
    assert (art.title, art.text, art.published, art.source) == (
        "The title", "The body.", date(2016, 11, 5), "Wire")


def test_body_sentence_with_colon_is_not_a_header() -> None:
    art = read_text("Title\nWarning: shelling resumed at dawn in the north.\n\nMore text.")
    assert art.title == "Title"
    assert art.text.startswith("Warning: shelling resumed")
    assert art.published is None
    # a known key whose value is not a date is not a header either
    art = read_text("Title\nDate: the day the city fell\n\nMore text.")
    assert art.text.startswith("Date: the day the city fell")


def test_a_block_is_a_header_only_when_every_line_is_one() -> None:
    art = read_text("Title\nSource: Wire\nOfficials said: five killed.\n\nMore.")
    assert art.source is None
    assert art.text.startswith("Source: Wire\nOfficials said")


def test_arguments_and_published_fallback() -> None:
    art = read_text("Line one: a fact.\nLine two.", title="Given", published=date(2020, 1, 2),
                    url="https://x.org", source="S", origin="api")
    assert (art.title, art.text, art.published, art.url, art.source, art.origin) == (
        "Given", "Line one: a fact.\nLine two.", date(2020, 1, 2), "https://x.org", "S", "api")
    dated = read_text("T\nPublished: 2016-11-05\n\nBody.", published=date(2020, 1, 2))
    assert dated.published == date(2016, 11, 5)


def test_single_line_is_body_and_empty_text_fails() -> None:
    assert read_text("Five killed in an air strike.").text == "Five killed in an air strike."
    with pytest.raises(ReadError, match="empty article"):
        read_text(" \n\t\n")
    with pytest.raises(ReadError, match="empty article"):
        read_text("Title: Only a title\n\n")


def test_txt_file_with_crlf_and_bom(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffTitle\r\nID: art-7\r\n\r\nFirst line.\r\nSecond line.\r\n".encode())
    (art,) = read_paths([f])
    assert isinstance(art, Article)
    assert art.title == "Title"
    assert art.id == "art-7"
    assert art.text == "First line.\nSecond line."
    assert art.origin == str(f)


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    f = tmp_path / "blank.txt"
    f.write_text("\n   \n\t\n")
    assert list(read_paths([f])) == [ReadFailure(str(f), "empty article")]
