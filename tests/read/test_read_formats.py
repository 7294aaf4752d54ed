"""Every input format with its metadata."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from read_builders import BODY, article_page, build_warc

from sitrep.read import ReadFailure, read_paths
from sitrep.record import Article, content_hash


def _articles(results: list[Article | ReadFailure]) -> list[Article]:
    assert all(isinstance(r, Article) for r in results), results
    return [r for r in results if isinstance(r, Article)]


def test_html_page(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(article_page("Iraqi forces battle militants in eastern Mosul"))
    (art,) = _articles(list(read_paths([f])))
    assert art.title == "Iraqi forces battle militants in eastern Mosul"
    assert art.text.startswith("MOSUL, Iraq, Nov 5 - Iraqi forces fought")
    assert "Contact us" not in art.text and "Home" not in art.text
    assert art.published == date(2016, 11, 5)
    assert art.url == "https://news.example.org/mosul-clashes"
    assert art.source == "Tigris Daily"
    assert art.origin == str(f)


def test_html_without_date_takes_fallback_not_event_dates(tmp_path: Path) -> None:
    f = tmp_path / "page.htm"
    f.write_text(article_page("Clashes", date=None).replace("Friday", "3 November 2016"))
    (art,) = _articles(list(read_paths([f], published=date(2016, 11, 6))))
    assert art.published == date(2016, 11, 6)


def test_jsonl_records(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    rows = [
        {"id": 17, "title": "T1", "text": "Body one.", "published": "2016-11-05",
         "url": "https://x.org/1", "source": "Wire"},
        {"Title": "T2", "body": "Body two.", "date": "Nov. 5, 2016"},
        {"content": "Body three.", "publish_date": "Sat, 05 Nov 2016 10:00:00 GMT"},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    a, b, c = _articles(list(read_paths([f])))
    assert (a.id, a.title, a.text, a.published, a.url, a.source, a.origin) == (
        "17", "T1", "Body one.", date(2016, 11, 5), "https://x.org/1", "Wire", f"{f}:1")
    assert (b.title, b.text, b.published, b.origin) == ("T2", "Body two.", date(2016, 11, 5),
                                                        f"{f}:2")
    assert c.published == date(2016, 11, 5)
    assert c.id == content_hash("\nBody three.")


def test_json_array_and_single_object(tmp_path: Path) -> None:
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"text": "One."}, {"text": "Two.", "published": "2016-11-05"}]))
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "x", "text": "Solo."}))
    a, b, c = _articles(list(read_paths([arr, one], published=date(2000, 1, 1))))
    assert (a.text, a.origin, a.published) == ("One.", f"{arr}#1", date(2000, 1, 1))
    assert (b.origin, b.published) == (f"{arr}#2", date(2016, 11, 5))
    assert (c.id, c.text, c.origin) == ("x", "Solo.", str(one))


def test_csv_and_tsv(tmp_path: Path) -> None:
    csv_file = tmp_path / "a.csv"
    csv_file.write_text(
        'id,Title,text,published,url,source\n'
        '1,First,"Line one, with comma.\nLine two.",2016-11-05,https://x.org/1,Wire\n'
        '\n'
        '2,Second,Plain body.,,,\n'
    )
    tsv_file = tmp_path / "b.tsv"
    tsv_file.write_text("title\tbody\tdate\nT\tTab body.\t5 November 2016\n")
    a, b, c = _articles(list(read_paths([csv_file, tsv_file])))
    assert (a.id, a.title, a.text, a.published, a.url, a.source, a.origin) == (
        "1", "First", "Line one, with comma.\nLine two.", date(2016, 11, 5), "https://x.org/1",
        "Wire", f"{csv_file}:2")
    assert (b.id, b.text, b.published, b.url, b.origin) == ("2", "Plain body.", None, None,
                                                            f"{csv_file}:5")
    assert (c.title, c.text, c.published, c.origin) == ("T", "Tab body.", date(2016, 11, 5),
                                                        f"{tsv_file}:2")


def test_huge_csv_field(tmp_path: Path) -> None:
    f = tmp_path / "big.csv"
    f.write_text("text\n\"" + "word " * 60_000 + "\"\n")
    (art,) = _articles(list(read_paths([f])))
    assert len(art.text) > 250_000


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tigris Daily</title><link>https://x.org/</link>
<item><title>Clashes &amp; strikes</title><link>https://x.org/1</link>
<pubDate>Sat, 05 Nov 2016 10:00:00 GMT</pubDate>
<description>&lt;p&gt;First &lt;b&gt;paragraph&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Second one.&lt;/p&gt;
</description></item>
<item><title>Plain</title><link>https://x.org/2</link><description>No markup here.</description>
</item>
<item><title>Empty</title><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id>
<updated>2016-11-06T00:00:00Z</updated>
<entry><title>Entry</title><id>urn:e1</id><link href="https://a.org/e1"/>
<updated>2016-11-04T08:00:00Z</updated><summary>Short summary.</summary>
<content type="html">&lt;p&gt;Full content of the entry.&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;item&lt;/li&gt;&lt;/ul&gt;</content>
</entry></feed>"""


def test_rss_feed(tmp_path: Path) -> None:
    f = tmp_path / "news.rss"
    f.write_text(RSS)
    first, second, empty = list(read_paths([f], published=date(2000, 1, 1)))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.text, first.published, first.url, first.source, first.origin) == (
        "Clashes & strikes", "First paragraph.\n\nSecond one.", date(2016, 11, 5),
        "https://x.org/1", "Tigris Daily", f"{f}#1")
    assert (second.text, second.published) == ("No markup here.", date(2000, 1, 1))
    assert empty == ReadFailure(f"{f}#3", "empty article")


def test_atom_feed_as_xml(tmp_path: Path) -> None:
    f = tmp_path / "news.xml"
    f.write_text(ATOM)
    (entry,) = _articles(list(read_paths([f])))
    assert entry.text == "Full content of the entry.\n\nitem"
    assert (entry.title, entry.url, entry.source, entry.published) == (
        "Entry", "https://a.org/e1", "Atom Wire", date(2016, 11, 4))


def test_warc_gz(tmp_path: Path) -> None:
    page = article_page("Page one").encode()
    undated = article_page("Page two", date=None, url="https://b.org/canon").encode("cp1252")
    f = build_warc(tmp_path / "crawl.warc.gz", [
        ("https://a.org/one", "text/html; charset=utf-8", page),
        ("https://a.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n...."),
        ("https://b.org/two", "text/html; charset=windows-1252", undated),
    ])
    results = list(read_paths([f], published=date(2016, 11, 7)))
    one, two = _articles(results)
    assert (one.title, one.url, one.published) == ("Page one", "https://a.org/one",
                                                   date(2016, 11, 5))
    assert one.text.startswith(BODY[:40])
    assert one.origin is not None and one.origin.startswith(f"{f}#")
    assert (two.title, two.url, two.published) == ("Page two", "https://b.org/two",
                                                   date(2016, 11, 7))


def test_plain_warc_with_an_empty_page(tmp_path: Path) -> None:
    f = build_warc(tmp_path / "crawl.warc", [
        ("https://a.org/empty", "text/html", b"<html><body><div></div></body></html>"),
        ("https://a.org/one", "text/html", article_page("One").encode()),
    ])
    bad, good = list(read_paths([f]))
    assert isinstance(bad, ReadFailure) and "no article text" in bad.reason
    assert isinstance(good, Article) and good.title == "One"


def test_feed_in_declared_single_byte_encoding(tmp_path: Path) -> None:
    f = tmp_path / "latin.atom"
    f.write_bytes(
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
        "<title>F</title><item><title>Caf\u00e9</title>"
        "<description>The caf\u00e9 \u2013 closed.</description></item></channel></rss>"
        .encode("cp1252"))
    (entry,) = _articles(list(read_paths([f])))
    assert (entry.title, entry.text) == ("Caf\u00e9", "The caf\u00e9 \u2013 closed.")
