"""The read stage: news articles from files, directories and stdin.

Formats, chosen by extension and otherwise by sniffing the content:

- plain text ``.txt``: title line, optional ``Key: value`` header block, body
- HTML ``.html``/``.htm``: main text and metadata by trafilatura
- JSON ``.json`` (object or array), JSONL/NDJSON ``.jsonl``/``.ndjson``, CSV/TSV ``.csv``/``.tsv``:
  fields id, title, text (body, content), published (date, publish_date), url, source
- RSS/Atom ``.rss``/``.atom``/``.xml``: one article per entry
- WARC ``.warc``/``.warc.gz``: one article per HTML response

Text is decoded BOM-aware (UTF-8 first, then detected encodings) with newlines normalised to
``\\n``. Binary, empty, oversize and undecodable inputs become `ReadFailure`s, record by record
where the file holds many articles.
"""

from sitrep.read.dates import parse_published
from sitrep.read.failure import ReadError, ReadFailure
from sitrep.read.paths import MAX_BYTES, read_paths, read_stream
from sitrep.read.text import read_text

__all__ = [
    "MAX_BYTES",
    "ReadError",
    "ReadFailure",
    "parse_published",
    "read_paths",
    "read_stream",
    "read_text",
]
