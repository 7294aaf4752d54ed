"""Every command answers --help with exit code 0 and shows an example."""

from __future__ import annotations

import click
import pytest

from sitrep.cli import main
from support import invoke


def _commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    found = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found.extend(_commands(command, [*prefix, name]))
        else:
            found.append([*prefix, name])
    return found


COMMANDS = _commands(main, [])


def test_the_documented_commands_exist() -> None:
    assert {"extract", "ingest", "events", "export", "gazetteer"} <= set(main.commands)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "sitrep")
def test_help_shows_an_example(command: list[str]) -> None:
    result = invoke([*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.stdout
    assert "Example" in result.stdout


def test_short_help_option() -> None:
    result = invoke(["extract", "-h"])
    assert result.exit_code == 0
    assert "--published" in result.stdout


def test_version() -> None:
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert "version" in result.stdout
