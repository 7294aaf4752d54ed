"""HTML pages (trafilatura) and HTML fragments (lxml) to plain text."""

from __future__ import annotations

import re
from datetime import date

from sitrep.read.dates import parse_published
from sitrep.read.decode import normalise_newlines
from sitrep.read.failure import ReadError
from sitrep.record import Article

NO_TEXT = "HTML has no article text (truncated or not an article page)"
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
))
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


def html_to_article(
    html: str, *, origin: str, url: str | None = None, published: date | None = None
) -> Article:
    """Extract the main text and metadata of an article page; ReadError when there is none."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ReadError(NO_TEXT)
    title = (getattr(doc, "title", None) or "").strip()
    body = normalise_newlines(text).strip()
    first, _, rest = body.partition("\n")
    if title and first.strip() == title and rest.strip():
        body = rest.strip()  # trafilatura repeats the headline as the first line
    page_date = getattr(doc, "date", None)
    return Article(
        text=body,
        title=title,
        published=(parse_published(page_date) if page_date else None) or published,
        url=url or getattr(doc, "url", None) or None,
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        origin=origin,
    )


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry), one paragraph per block element."""
    if "<" not in fragment:
        return _tidy(_unescape(fragment))
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(_unescape(re.sub(r"<[^>]*>", " ", fragment)))
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    return _tidy(root.text_content())


def _unescape(text: str) -> str:
    import html as html_lib

    return html_lib.unescape(text)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in normalise_newlines(text).split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
