"""Failures of the read stage: a record that could not be read, and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ReadFailure:
    """An input (file, record or stream) that yielded no article.

    `origin` names the input as given (plus ``:LINE`` or ``#N`` for records inside a file);
    `reason` is a sentence the user can act on.
    """

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class ReadError(ValueError):
    """Raised inside the read stage (and by `read_text`) with a user-facing reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
