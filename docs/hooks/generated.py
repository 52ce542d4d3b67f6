"""Pages with parts generated from the code: the CLI reference and the JSON Schemas.

The generated parts are written into the Markdown files themselves, between markers, so the repository holds
the real content (readable on GitHub, diffable in review)::

    <!-- caresocial:cli -->            ... the --help of caresocial and of each command ...   <!-- /caresocial:cli -->
    <!-- caresocial:schema Report -->  ... what `caresocial schema Report` prints ...        <!-- /caresocial:schema -->

Run ``python docs/hooks/generated.py`` after changing the CLI or the records; ``tests/test_docs.py`` fails
while a page is out of date, and so does the MkDocs build (this file is also its hook).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parents[1]
_REGION = re.compile(r"(<!-- caresocial:(cli|schema (\w+)) -->\n)(.*?)(<!-- /caresocial:(?:cli|schema) -->)", re.S)


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


def schema(name: str) -> str:
    """Markdown: the JSON Schema called ``name`` (what ``caresocial schema NAME`` prints) in a fenced block."""
    from caresocial.io.schemas import schema_of

    return "```json\n" + json.dumps(schema_of(name), indent=2, ensure_ascii=False) + "\n```"


def render(markdown: str) -> str:
    """``markdown`` with every generated region written afresh."""
    def fresh(m: re.Match[str]) -> str:
        body = cli_reference() if m.group(2) == "cli" else schema(m.group(3))
        return f"{m.group(1)}\n{body}\n\n{m.group(5)}"

    return _REGION.sub(fresh, markdown)


def stale_pages(docs: Path = DOCS) -> list[Path]:
    """The pages whose generated regions differ from what the code generates now."""
    return [p for p in sorted(docs.glob("*.md")) if render(p.read_text(encoding="utf-8")) !=
            p.read_text(encoding="utf-8")]


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """MkDocs hook: refuse to build a page whose generated parts are out of date."""
    if render(markdown) != markdown:
        raise RuntimeError(f"{page.file.src_path}: generated parts are out of date; run python docs/hooks/generated.py")
    return markdown


def main() -> int:
    """Rewrite the generated regions of every page; print the pages that changed."""
    for page in stale_pages():
        page.write_text(render(page.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"updated {page.relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
