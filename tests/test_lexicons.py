"""The lexicon loader: file format, additions from configuration, removal, hashing."""

from __future__ import annotations

import pytest

from caresocial.lexicons import LexiconError, Lexicons, lexicons, parse_text

TEXT = """# verbs: lemma | third person | past
say | says | said
warn   # forms generated

  note|notes|noted
"""


def test_file_format_rows_fields_and_comments() -> None:
    assert parse_text(TEXT) == (("say", "says", "said"), ("warn",), ("note", "notes", "noted"))


def test_additions_as_lines_tables_and_removals() -> None:
    base = Lexicons({"verbs": parse_text(TEXT), "acronyms": (("LGA", "Local Government Association"),)})
    more = base.extended({"verbs": ["contend | contends", "-warn"], "acronyms": {"NAO": "National Audit Office"}})
    assert more.words("verbs") == ("say", "note", "contend")
    assert more.mapping("acronyms") == {"LGA": ("Local Government Association",), "NAO": ("National Audit Office",)}
    assert base.words("verbs") == ("say", "warn", "note")  # the original is unchanged
    assert more != base and hash(more) != hash(base)
    assert base.extended({}) is base
    assert Lexicons({"verbs": parse_text(TEXT)}) == Lexicons({"verbs": parse_text(TEXT)})


@pytest.mark.parametrize("additions, message", [
    ({"no_such_table": ["x"]}, "unknown lexicon 'no_such_table'"),
    ({"verbs": 3}, "expected a list of lines or a table"),
    ({"verbs": [["a", 1]]}, "neither a line nor a list of fields"),
])
def test_bad_additions_name_the_lexicon(additions: dict, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        Lexicons({"verbs": ()}).extended(additions)


def test_every_builtin_table_loads_and_additions_are_cached() -> None:
    default = Lexicons.default()
    for name in default.names():
        assert default.rows(name), f"data/{name}.txt is empty"
        assert all(all(field for field in row) for row in default.rows(name)), f"data/{name}.txt has an empty field"
    assert lexicons() is default
    if default.names():
        name = default.names()[0]
        extra = {name: ["zzz-test-entry"]}
        assert lexicons(extra) is lexicons(extra)
        assert "zzz-test-entry" in lexicons(extra).words(name)
