"""MkDocs hook: pages that are generated from the code at build time, so they cannot go stale.

- ``<!-- caresocial:cli -->`` becomes the ``--help`` of ``caresocial`` and of each of its commands;
- ``<!-- caresocial:schema RECORD -->`` becomes the JSON Schema of that record (what ``caresocial schema RECORD``
  prints).
"""

from __future__ import annotations

import json
import re
from typing import Any

_SCHEMA = re.compile(r"<!-- caresocial:schema (\w+) -->")
_CLI = "<!-- caresocial:cli -->"


def _help(args: list[str]) -> str:
    from typer.testing import CliRunner

    from caresocial.cli import app

    result = CliRunner().invoke(app, [*args, "--help"], prog_name="caresocial", terminal_width=100,
                                env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
    if result.exit_code != 0:
        raise RuntimeError(f"caresocial {' '.join(args)} --help failed: {result.output}")
    return result.output.rstrip()


def cli_reference() -> str:
    """Markdown: the help of the command and of every subcommand, in the order ``--help`` lists them."""
    import typer

    from caresocial.cli import app

    names = list(getattr(typer.main.get_command(app), "commands", {}))  # in the order they were added
    parts = ["## caresocial", "", "```text", "$ caresocial --help", _help([]), "```"]
    for name in names:
        parts += ["", f"## caresocial {name}", "", "```text", f"$ caresocial {name} --help", _help([name]), "```"]
    return "\n".join(parts)


def schema(record: str) -> str:
    """Markdown: the JSON Schema of ``record`` in a fenced block."""
    from caresocial import models

    cls = getattr(models, record)
    return "```json\n" + json.dumps(cls.model_json_schema(), indent=2, ensure_ascii=False) + "\n```"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the generation markers of a page."""
    if _CLI in markdown:
        markdown = markdown.replace(_CLI, cli_reference())
    return _SCHEMA.sub(lambda m: schema(m.group(1)), markdown)
