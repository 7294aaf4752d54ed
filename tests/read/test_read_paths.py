"""Directories, stdin and format sniffing."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from read_builders import article_page, build_warc

from sitrep.read import ReadFailure, read_paths
from sitrep.record import Article


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_directory_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "B\n\nBody b.")
    _write(tmp_path / "a.txt", "A\n\nBody a.")
    _write(tmp_path / "sub" / "c.txt", "C\n\nBody c.")
    _write(tmp_path / "sub" / "deeper" / "d.jsonl", json.dumps({"title": "D", "text": "d"}))
    _write(tmp_path / ".hidden.txt", "H\n\nHidden.")
    _write(tmp_path / ".git" / "e.txt", "E\n\nIn a hidden directory.")
    _write(tmp_path / "sub" / ".cache" / "f.txt", "F\n\nHidden too.")
    results = list(read_paths([tmp_path]))
    assert all(isinstance(r, Article) for r in results)
    assert [r.origin for r in results] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "c.txt"),
        f"{tmp_path / 'sub' / 'deeper' / 'd.jsonl'}:1",
    ]


def test_paths_given_as_strings_keep_their_spelling(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "docs" / "a.txt", "A\n\nBody.")
    (art,) = read_paths(["docs/a.txt"])
    assert isinstance(art, Article) and art.origin == "docs/a.txt"
    (art,) = read_paths(["docs"])
    assert isinstance(art, Article) and art.origin == "docs/a.txt"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"Title\nSource: Wire\n\nBody from a pipe.\n")
    (art,) = read_paths(["-"], published=date(2016, 11, 5))
    assert isinstance(art, Article)
    assert (art.title, art.text, art.source, art.published, art.origin) == (
        "Title", "Body from a pipe.", "Wire", date(2016, 11, 5), "<stdin>")


@pytest.mark.parametrize(
    ("data", "check"),
    [
        (article_page("Piped page").encode(), "Piped page"),
        (b'{"title": "J1", "text": "one"}\n{"title": "J2", "text": "two"}\n', "J1 J2"),
        (b'[{"title": "A1", "text": "one"}]', "A1"),
        (b"title,text\nC1,one\nC2,two\n", "C1 C2"),
        (b"title\ttext\nT1\tone\n", "T1"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item>'
         b"<title>R1</title><description>one</description></item></channel></rss>", "R1"),
    ],
)
def test_stdin_format_is_sniffed(data: bytes, check: str) -> None:
    results = list(read_paths(["-"], stdin=io.BytesIO(data)))
    assert " ".join(r.title for r in results if isinstance(r, Article)) == check


def test_stdin_warc(tmp_path: Path) -> None:
    f = build_warc(tmp_path / "x.warc.gz", [("https://a.org/", "text/html",
                                             article_page("Archived").encode())])
    (art,) = read_paths(["-"], stdin=io.BytesIO(f.read_bytes()))
    assert isinstance(art, Article) and art.title == "Archived" and art.url == "https://a.org/"


def test_stdin_limits_and_bad_content(monkeypatch: pytest.MonkeyPatch) -> None:
    (over,) = read_paths(["-"], stdin=io.BytesIO(b"x" * 101), max_bytes=100)
    assert over == ReadFailure("<stdin>", "input is over the 100 bytes limit; split it or raise "
                                          "--max-bytes")
    (png,) = read_paths(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(20)))
    assert png == ReadFailure("<stdin>", "binary file (looks like PNG)")
    _stdin(monkeypatch, b"")
    assert list(read_paths(["-"])) == [ReadFailure("<stdin>", "empty article")]


def test_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "NOTES").write_text("Plain title\n\nPlain body.")
    (tmp_path / "PAGE").write_text(article_page("Page title"))
    titles = [r.title for r in read_paths([tmp_path]) if isinstance(r, Article)]
    assert titles == ["Plain title", "Page title"]
