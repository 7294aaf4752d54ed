"""Builders of article pages and files for the read-stage tests."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BODY = (
    "MOSUL, Iraq, Nov 5 - Iraqi forces fought Islamic State militants in the eastern districts "
    "of the city on Friday, a military statement said. Four civilians were killed and eleven "
    "wounded when mortar rounds hit a market near the river, according to local officials."
)


def article_page(title: str, *, date: str | None = "2016-11-05", site: str = "Tigris Daily",
                 url: str = "https://news.example.org/mosul-clashes") -> str:
    """A small but complete news page that trafilatura can extract."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{title}</title>{meta}"
        f'<meta property="og:site_name" content="{site}">'
        f'<link rel="canonical" href="{url}">'
        "</head><body><nav><a href='/'>Home</a></nav><article>"
        f"<h1>{title}</h1><p>{BODY}</p>"
        "<p>The offensive to retake the city began in October with air support from the "
        "coalition, and thousands of families have fled the fighting since then.</p>"
        "</article><footer>Contact us</footer></body></html>"
    )


def build_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> Path:
    """Write a gzipped WARC of (url, content type, payload) HTTP responses."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for url, content_type, payload in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                               http_headers=headers)
            writer.write_record(record)
    return path
