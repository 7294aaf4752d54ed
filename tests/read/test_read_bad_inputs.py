"""Every kind of bad input fails on its own, with a reason, and reading goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from read_builders import article_page

from sitrep.read import MAX_BYTES, ReadFailure, read_paths
from sitrep.record import Article

GOOD = "Good title\n\nIraqi forces retook the village on Friday.\n"


def _read_one(path: Path, max_bytes: int = MAX_BYTES) -> ReadFailure:
    results = list(read_paths([path], max_bytes=max_bytes))
    assert len(results) == 1 and isinstance(results[0], ReadFailure), results
    assert results[0].origin == str(path)
    return results[0]


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("archive.html", b"PK\x03\x04" + bytes(200), "ZIP"),
        ("notes.jsonl", gzip.compress(b'{"text": "x"}\n'), "gzip"),
    ],
)
def test_binary_by_magic_number(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    failure = _read_one(f)
    assert failure.reason == f"binary file (looks like {kind})" or kind in failure.reason


def test_binary_by_nul_bytes_and_control_characters(tmp_path: Path) -> None:
    nul = tmp_path / "a.txt"
    nul.write_bytes(b"abc\x00\x01\x02\xff\xfe" * 50)
    assert _read_one(nul).reason.startswith("binary file")
    ctl = tmp_path / "b.txt"
    ctl.write_bytes(b"Title\n\n" + b"text\x01\x02\x03\x04\x05 " * 40)
    assert _read_one(ctl).reason == "binary file (control characters in the content)"


def test_unknown_extension(tmp_path: Path) -> None:
    docx = tmp_path / "report.docx"
    docx.write_bytes(b"PK\x03\x04" + bytes(100))
    reason = _read_one(docx).reason
    assert reason.startswith("unknown format '.docx'; expected .txt, .text, .md, .html")
    assert "looks like ZIP" in reason
    conf = tmp_path / "settings.toml"
    conf.write_text("[tool]\nname = 'x'\n")
    assert _read_one(conf).reason.startswith("unknown format '.toml'; expected")


def test_unknown_extension_with_clear_content_is_sniffed(tmp_path: Path) -> None:
    f = tmp_path / "saved.page"
    f.write_text(article_page("Sniffed page"))
    (art,) = read_paths([f])
    assert isinstance(art, Article) and art.title == "Sniffed page"


def test_oversize_sparse_file_is_refused_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:
        out.truncate(210 * 1024 * 1024)
    assert _read_one(f).reason == (
        "file is 210 MB, over the 50 MB limit; split it or raise --max-bytes")


def test_small_max_bytes(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD)
    assert "over the 10 bytes limit" in _read_one(f, max_bytes=10).reason


def test_empty_files(tmp_path: Path) -> None:
    for name in ("empty.txt", "empty.html", "empty.jsonl", "noext"):
        (tmp_path / name).write_bytes(b"")
    results = list(read_paths(sorted(tmp_path.iterdir())))
    assert [r.reason for r in results if isinstance(r, ReadFailure)] == ["empty article"] * 4


def test_truncated_html(tmp_path: Path) -> None:
    f = tmp_path / "cut.html"
    f.write_text("<!DOCTYPE html><html><head><title>Clashes in Mos")
    assert _read_one(f).reason == "HTML has no article text (truncated or not an article page)"


def test_cp1252_and_utf16_are_decoded(tmp_path: Path) -> None:
    text = ("Caf\u00e9 hit\n\nThe caf\u00e9 \u2013 \u201cfive\u201d killed, "
            "officials\u2019 figures show.\n")
    results: list[Article | ReadFailure] = []
    for name, encoding in (("a.txt", "cp1252"), ("b.txt", "utf-16"), ("c.txt", "utf-16-le"),
                           ("d.txt", "utf-8-sig")):
        (tmp_path / name).write_bytes(text.encode(encoding))
        results.extend(read_paths([tmp_path / name]))
    assert [(r.title, r.text) for r in results if isinstance(r, Article)] == [
        ("Caf\u00e9 hit", text.split("\n\n")[1].strip())] * 4


def test_undecodable_text(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(b"\xff\xfe\x00\xd8\x41\x00")  # UTF-16 BOM then a lone surrogate
    assert "does not decode" in _read_one(f).reason


def test_invalid_json_line_among_good_ones(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(
        json.dumps({"text": "One."}) + "\n"
        '{"text": "Two." "title": "x"}\n'
        "[1, 2]\n"
        + json.dumps({"title": "no body"}) + "\n"
        + json.dumps({"text": "   "}) + "\n"
        + json.dumps({"text": "Six."}) + "\n"
    )
    results = list(read_paths([f]))
    assert [r.origin for r in results] == [f"{f}:{n}" for n in range(1, 7)]
    assert isinstance(results[0], Article) and isinstance(results[5], Article)
    reasons = [r.reason for r in results if isinstance(r, ReadFailure)]
    assert reasons[0].startswith("invalid JSON (Expecting ',' delimiter")
    assert reasons[1:] == ["expected a JSON object, got list",
                           "no text field (expected one of: text, body, content)",
                           "empty article"]


def test_invalid_json_file(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    f.write_text('[{"text": "One."},')
    assert _read_one(f).reason.startswith("invalid JSON (Expecting value")


def test_csv_without_text_column_or_header(tmp_path: Path) -> None:
    no_text = tmp_path / "a.csv"
    no_text.write_text("id,title,url\n1,T,https://x.org\n")
    assert _read_one(no_text).reason == (
        "no text column (expected text, body or content; found: id, title, url)")
    no_header = tmp_path / "b.csv"
    no_header.write_text("Iraqi forces,advanced,2016-11-05\n")
    assert _read_one(no_header).reason.startswith("no header row")


def test_csv_bad_rows_fail_one_by_one(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text("title,text\nA,Body A.\nB,Body, unquoted\nC,\nD,Body D.\n")
    results = list(read_paths([f]))
    assert [r.origin for r in results] == [f"{f}:{n}" for n in (2, 3, 4, 5)]
    assert isinstance(results[0], Article) and isinstance(results[3], Article)
    assert isinstance(results[1], ReadFailure) and "3 fields" in results[1].reason
    assert results[2] == ReadFailure(f"{f}:4", "empty article")


def test_not_a_feed_and_not_a_warc(tmp_path: Path) -> None:
    xml = tmp_path / "a.xml"
    xml.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>")
    assert "feed" in _read_one(xml).reason
    warc = tmp_path / "a.warc"
    warc.write_text("this is not a web archive\n")
    assert _read_one(warc).reason.startswith("not a valid WARC file")


def test_reading_continues_after_failures(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(GOOD)
    (tmp_path / "2.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "3.txt").write_text("")
    (tmp_path / "4.jsonl").write_text('{"text": "Four."}\nnot json\n{"text": "Four b."}\n')
    (tmp_path / "5.txt").write_text(GOOD.replace("village", "town"))
    paths = [*sorted(tmp_path.iterdir()), tmp_path / "missing.txt"]
    kinds = [type(r).__name__ for r in read_paths(paths)]
    assert kinds == ["Article", "ReadFailure", "ReadFailure", "Article", "ReadFailure",
                     "Article", "Article", "ReadFailure"]


def test_other_single_byte_encodings_are_detected(tmp_path: Path) -> None:
    body = "Украинские войска обстреляли позиции противника под Донецком, сообщили военные. " * 3
    f = tmp_path / "ru.txt"
    f.write_bytes(("Обстрел\n\n" + body).encode("cp1251"))
    (art,) = read_paths([f])
    assert isinstance(art, Article)
    assert (art.title, art.text) == ("Обстрел", body.strip())


def test_noise_that_no_encoding_explains(tmp_path: Path) -> None:
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes((i * 7919) % 255 + 1 for i in range(3000)))
    reason = _read_one(f).reason
    assert reason.startswith(("not UTF-8 and no encoding could be detected", "binary file"))
