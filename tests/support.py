"""Helpers shared by the command-line and web tests: invented news articles written as
plain-text files with a header block, and the CLI run in-process."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from sitrep.cli import main


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


def write_stories(folder: Path, stories: Iterable[Story]) -> Path:
    """Each story as `<id>.txt` in `folder` (created); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for story in stories:
        (folder / f"{story.id}.txt").write_text(story.as_txt(), encoding="utf-8")
    return folder


def invoke(args: list[str], stdin: bytes | str | None = None, *,
           catch: bool = False) -> Result:
    """Run `sitrep ARGS` in-process; stdout and stderr are kept apart. With `catch`, an
    uncaught exception becomes `result.exception` instead of failing the test at once."""
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=catch)
