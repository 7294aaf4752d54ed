"""Invented news articles written as plain-text files with a header block (shared by the
command-line and web tests)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    """One invented news article; `url` adds a URL line to its header."""

    id: str
    title: str
    published: str
    source: str
    body: str
    url: str | None = None

    def as_txt(self) -> str:
        url = f"URL: {self.url}\n" if self.url else ""
        return (f"{self.title}\nPublished: {self.published}\nSource: {self.source}\n"
                f"{url}id: {self.id}\n\n{self.body}\n")
