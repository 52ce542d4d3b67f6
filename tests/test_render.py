"""Renderers: every output format over a table of reports built by hand (no checker, no spaCy).

The SARIF output is validated against the official SARIF 2.1.0 JSON Schema kept in ``tests/data/`` (see
``tests/data/README.md`` for where it comes from)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

import caresocial
from caresocial.io.render import (
    AGREEMENT_META,
    CSV_COLUMNS,
    FINGERPRINT_KEY,
    FORMATS,
    RULES,
    escape_data,
    escape_property,
    format_time,
    format_value,
    place,
    relative_path,
    render,
    render_github,
    render_sarif,
)
from caresocial.models import ClaimRef, ClaimTime, Finding, Report

DATA = Path(__file__).resolve().parent / "data"
SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"


# ------------------------------------------------------------------------------------------- builders


def ref(doc_id: str = "a", claim: str = "c1", *, start: int = 10, line: int = 1, column: int = 11,
        text: str = "100,000", path: str | None = "docs/a.md", value: object = 100000,
        unit: str | None = "children", relation: str = "by", year: int | str | None = 2032,
        speaker: str | None = None,
        sentence: str = "Close to 100,000 children will be in care by 2032.") -> ClaimRef:
    return ClaimRef(doc_id=doc_id, claim=claim, start=start, end=start + len(text), line=line, column=column,
                    path=path, text=text, sentence=sentence, value=value, unit=unit,
                    time=ClaimTime(relation=relation, year=year), speaker=speaker)


def finding(rule: str = "value-conflict", severity: str = "error", *claims: ClaimRef,
            message: str | None = None, measure: str = "children in care", fingerprint: str = "f0",
            agreement: bool = False) -> Finding:
    claims = claims or (ref(), ref("b", path="docs/b.md", value=80000, text="80,000"))
    return Finding(rule=rule, severity=severity, message=message or f"{measure}: {claims[0].text} vs "
                   f"{claims[1].text}", measure=measure, claims=claims, fingerprint=fingerprint,
                   agreement=agreement)


EMPTY = Report()

ONE = Report(findings=(finding(fingerprint="one"),), documents=2, claims=6)

MANY = Report(
    findings=(
        finding("value-conflict", "error", fingerprint="v1"),
        finding("arithmetic", "error",
                ref("a", "c2", start=40, column=41, text="£6bn", value=6e9, unit="GBP", relation="from",
                    year=2022),
                ref("a", "c3", start=50, column=51, text="£8.2bn", value=8.2e9, unit="GBP", year=2023),
                ref("a", "c4", start=70, column=71, text="50%", value=50, unit="%", relation="at", year=None),
                message="rise from £6bn to £8.2bn is 36.7%, not 50%", measure="spending", fingerprint="a1"),
        finding("time-conflict", "warning",
                ref("ccn", path="docs/ccn.md", year=2025, speaker="County Councils Network"),
                ref("review", path="docs/review.md", year=2032, speaker="The Independent Review"),
                fingerprint="t1"),
        finding("unit-scale", "note",
                ref("a", "c5", text="£2.6m", value=2.6e6, unit="GBP", relation="over", year="2026/27"),
                ref("b", "c6", path=None, text="£2.6bn", value=2.6e9, unit="GBP", relation="over",
                    year="2026/27"),
                measure="investment", fingerprint="u1"),
    ),
    agreements=(finding("agreement", "info", ref(), ref("c", path="docs/c.md"), message="agree: 100,000",
                        fingerprint="g1", agreement=True),),
    documents=4, claims=28, suppressed=2, baselined=3, errors=("docs/missing.md: file not found",),
)

ESCAPES = Report(findings=(
    finding("value-conflict", "warning",
            ref("x", path="reports/2023, final: v2/a b%.md", line=3, column=1,
                sentence="Costs rose 50%\nto £8.2bn [sic]."),
            ref("y", path="reports/y.md", line=7, column=4),
            message="costs: 50% vs 100%\r\nsecond line: [a](b) % done", fingerprint="e1"),
))

# Built the way the checker builds records: model_construct, no validation.
_TIME = ClaimTime.model_construct(relation="at", year=None, as_written=None, resolved_against=None,
                                  relative=False)
_CREF = ClaimRef.model_construct(doc_id="p", claim="c1", start=0, end=3, line=1, column=1, path="p.txt",
                                 text="£5m", sentence="£5m.", value=5e6, unit="GBP", time=_TIME, speaker=None)
CONSTRUCTED = Report.model_construct(
    findings=(Finding.model_construct(rule="value-conflict", severity="error", message="m", measure="m",
                                      fingerprint="c1", agreement=False, claims=(_CREF, _CREF)),),
    agreements=(), documents=1, claims=2, suppressed=0, baselined=0, errors=())

REPORTS = {"empty": EMPTY, "one": ONE, "many": MANY, "escapes": ESCAPES, "constructed": CONSTRUCTED}


# ---------------------------------------------------------------------------------------------- all


def _content(report: Report, fmt: str) -> list[str]:
    """What each format must show of a report, rendered independently of the renderer under test: every
    finding's rule and message (as that format escapes text), every claim's place and figure."""
    if fmt == "text":
        return [f"{place(f.claims[0])}: {'agreement' if f.agreement else f.severity + ' ' + f.rule} "
                f"{' '.join(f.message.splitlines())}" for f in (*report.findings, *report.agreements)] + [
                    f"{place(c)}: {c.text} = " for f in (*report.findings, *report.agreements) for c in f.claims]
    if fmt == "github":
        return [f"file={escape_property(relative_path(f.claims[0]))},line={f.claims[0].line},"
                f"col={f.claims[0].column}" for f in report.findings] + [
                    escape_data(f.message) for f in report.findings]
    if fmt == "csv":
        return [f.fingerprint for f in (*report.findings, *report.agreements)]
    return []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(REPORTS))
def test_every_format_renders_the_content(fmt: str, name: str) -> None:
    report = REPORTS[name]
    out = render(report, fmt)
    assert out == "" or out.endswith("\n")
    for piece in _content(report, fmt):
        assert piece in out, piece
    if fmt == "json":
        data = json.loads(out)
        assert [(f["rule"], f["severity"], f["message"], f["fingerprint"]) for f in data["findings"]] == [
            (f.rule, f.severity, f.message, f.fingerprint) for f in report.findings]
        assert [[(c["doc_id"], c["start"], c["end"]) for c in f["claims"]] for f in data["findings"]] == [
            [(c.doc_id, c.start, c.end) for c in f.claims] for f in report.findings]
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        assert [(r["ruleId"], r["partialFingerprints"][FINGERPRINT_KEY]) for r in results] == [
            (f.rule, f.fingerprint) for f in (*report.findings, *report.agreements)]
    elif fmt == "github":
        assert len(out.splitlines()) == len(report.findings) + len(report.agreements)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) == 1 + sum(len(f.claims) for f in (*report.findings, *report.agreements))
    elif fmt == "text" and not report.findings:
        assert out.splitlines()[-1].startswith("No findings")


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render(ONE, "xml")


@pytest.mark.parametrize(("rule", "severity"), [
    ("time-conflict", "warning"),
    ("value-conflict", "error"),
    ("arithmetic", "error"),
    ("unit-scale", "warning"),
])
def test_rule_metadata(rule: str, severity: str) -> None:
    meta = RULES[rule]
    assert meta["default_severity"] == severity
    for key in ("name", "short_description", "full_description", "help"):
        assert isinstance(meta[key], str) and meta[key].strip()


def test_rules_describe_every_registered_rule() -> None:
    from caresocial.consistency.rules import all_rules

    assert list(RULES) == ["time-conflict", "value-conflict", "arithmetic", "unit-scale", "announced-sum"]
    for rule in all_rules():
        assert RULES[rule.id]["default_severity"] == rule.severity and RULES[rule.id]["help"] == rule.help
    assert "agreement" not in RULES  # a confirmation is not a rule


def test_text_prints_a_shared_sentence_once() -> None:
    shared = "Councils gave the deficit as £4.6bn and as £4.9bn for March 2026."
    a = ref("a", "c1", text="£4.6bn", value=4.6e9, unit="GBP", sentence=shared)
    b = ref("a", "c2", start=40, column=41, text="£4.9bn", value=4.9e9, unit="GBP", sentence=shared)
    c = ref("b", "c1", path="docs/b.md", text="£6bn", value=6e9, unit="GBP", sentence="The deficit is £6bn.")
    out = render(Report(findings=(finding("value-conflict", "error", a, b, c),)), "text")
    assert out.count(shared) == 1 and out.count("The deficit is £6bn.") == 1
    assert "  [2/3] docs/a.md:1:41: £4.9bn = 4,900,000,000 GBP (by 2032)\n  [3/3]" in out


# --------------------------------------------------------------------------------------------- text


@pytest.mark.parametrize(("report", "headers"), [
    (ONE, ["docs/a.md:1:11: error value-conflict children in care: 100,000 vs 80,000"]),
    (ESCAPES, ["reports/2023, final: v2/a b%.md:3:1: warning value-conflict costs: 50% vs 100% second line: "
               "[a](b) % done"]),
    (MANY, ["docs/a.md:1:11: error value-conflict children in care: 100,000 vs 80,000",
            "docs/a.md:1:41: error arithmetic rise from £6bn to £8.2bn is 36.7%, not 50%",
            "docs/ccn.md:1:11: warning time-conflict children in care: 100,000 vs 100,000",
            "docs/a.md:1:11: note unit-scale investment: £2.6m vs £2.6bn",
            "docs/a.md:1:11: agreement agree: 100,000"]),
])
def test_text_headers(report: Report, headers: list[str]) -> None:
    lines = render(report, "text").splitlines()[:-1]  # the last line is the summary
    assert [ln for ln in lines if ln and not ln.startswith((" ", "Confirmed"))] == headers


@pytest.mark.parametrize(("report", "last"), [
    (EMPTY, "No findings."),
    (Report(documents=3, claims=12), "No findings in 3 documents, 12 claims."),
    (ONE, "Found 1 finding (1 error; value-conflict 1) in 2 documents, 6 claims."),
    (MANY, "Found 4 findings (2 errors, 1 warning, 1 note; time-conflict 1, value-conflict 1, arithmetic 1, "
           "unit-scale 1) in 4 documents, 28 claims; 1 confirmed, 2 suppressed, 3 baselined, 1 problem while "
           "checking."),
])
def test_text_summary_line(report: Report, last: str) -> None:
    assert render(report, "text").splitlines()[-1] == last


def test_text_sides_show_place_value_time_speaker_and_sentence() -> None:
    out = render(MANY, "text")
    assert "  [a] docs/ccn.md:1:11: 100,000 = 100,000 children (by 2025; County Councils Network)\n" \
           "      “Close to 100,000 children will be in care by 2032.”\n" in out
    assert "  [1/3] docs/a.md:1:41: £6bn = 6,000,000,000 GBP (from 2022)" in out
    assert "  [3/3] docs/a.md:1:71: 50% = 50% (undated)" in out
    assert "  [b] b:1:11: £2.6bn = 2,600,000,000 GBP (over 2026/27)" in out  # no path: the doc id
    assert "Confirmed (1 agreement):" in out


def test_text_sentence_with_newline_stays_on_one_line() -> None:
    out = render(ESCAPES, "text")
    assert "      “Costs rose 50% to £8.2bn [sic].”" in out


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (None, None, "?"),
    (100000, "children", "100,000 children"),
    (6e9, "GBP", "6,000,000,000 GBP"),
    (8.25, None, "8.25"),
    (37, "%", "37%"),
    (2.5, "percentage points", "2.5 percentage points"),
    ("2026/27", None, "2026/27"),
    (1e-9, None, "1e-09"),
])
def test_format_value(value: object, unit: str | None, expected: str) -> None:
    assert format_value(value, unit) == expected


@pytest.mark.parametrize(("time", "expected"), [
    (ClaimTime(relation="by", year=2032), "by 2032"),
    (ClaimTime(relation="at", year=None), "undated"),
    (ClaimTime(relation="over", year="2026/27"), "over 2026/27"),
    (ClaimTime(relation="by", year=None, as_written="in ten years' time", relative=True),
     "by ? (relative: in ten years' time)"),
])
def test_format_time(time: ClaimTime, expected: str) -> None:
    assert format_time(time) == expected


# --------------------------------------------------------------------------------------------- json


def test_json_follows_the_scorer_contract() -> None:
    data = json.loads(render(MANY, "json"))
    assert list(data) == ["tool", "summary", "findings", "agreements", "errors"]
    assert data["tool"] == {"name": "caresocial", "version": caresocial.__version__}
    assert len(data["findings"]) == 4 and len(data["agreements"]) == 1
    for f in data["findings"]:
        assert list(f)[:3] == ["rule", "severity", "message"]
        assert f["agreement"] is False
        for c in f["claims"]:
            assert isinstance(c["doc_id"], str) and isinstance(c["start"], int) and isinstance(c["end"], int)
            assert set(c) == set(ClaimRef.model_fields)
    assert data["agreements"][0]["agreement"] is True
    assert data["errors"] == ["docs/missing.md: file not found"]
    assert data["summary"] == {
        "documents": 4, "claims": 28, "findings": 4, "by_severity": {"error": 2, "warning": 1, "note": 1},
        "by_rule": {"time-conflict": 1, "value-conflict": 1, "arithmetic": 1, "unit-scale": 1,
                    "announced-sum": 0},
        "agreements": 1, "suppressed": 2, "baselined": 3, "errors": 1,
    }


def test_json_keeps_non_ascii_and_round_trips_values() -> None:
    out = render(MANY, "json")
    assert "£8.2bn" in out and "\\u00a3" not in out
    arith = json.loads(out)["findings"][1]
    assert [c["value"] for c in arith["claims"]] == [6e9, 8.2e9, 50]
    assert arith["claims"][0]["time"] == {"relation": "from", "year": 2022, "as_written": None,
                                          "resolved_against": None, "relative": False}


def test_json_empty_report() -> None:
    data = json.loads(render(EMPTY, "json"))
    assert data["findings"] == [] and data["agreements"] == [] and data["summary"]["findings"] == 0


# -------------------------------------------------------------------------------------------- sarif


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_sarif_schema_is_the_official_2_1_0(sarif_validator: jsonschema.Draft7Validator) -> None:
    schema = sarif_validator.schema
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    # the validator is live: a log without its version is rejected
    assert not sarif_validator.is_valid({"runs": []})


# RFC 3986 URI-reference characters; jsonschema checks the "uri-reference" format only when an optional
# package is installed, so the URIs are checked here by hand.
_URI_REF = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def _uris(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["uri"]] if isinstance(node.get("uri"), str) else []
        return found + [u for v in node.values() for u in _uris(v)]
    if isinstance(node, list):
        return [u for v in node for u in _uris(v)]
    return []


@pytest.mark.parametrize("name", list(REPORTS))
def test_sarif_validates_against_the_official_schema(name: str, sarif_validator: jsonschema.Draft7Validator,
                                                     ) -> None:
    log = json.loads(render(REPORTS[name], "sarif"))
    errors = sorted(sarif_validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    for uri in _uris(log):
        assert _URI_REF.match(uri), uri
        first = uri.split("/", 1)[0]
        assert ":" not in first or uri.startswith("file:///"), uri  # relative paths never look like a scheme


def test_sarif_with_texts_validates(sarif_validator: jsonschema.Draft7Validator) -> None:
    text = "Intro line.\nWe expect 100,000 by 2032.\n"
    r = ref(start=text.index("100,000"), line=2, column=11, path="docs/a.md")
    texts = {"a": text, "b": text}
    report = Report(findings=(finding("time-conflict", "warning", r, r.model_copy(update={"doc_id": "b"})),))
    log = json.loads(render(report, "sarif", texts))
    assert sarif_validator.is_valid(log)
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["region"]["snippet"]["text"] == "100,000"
    assert loc["contextRegion"]["snippet"]["text"] == "We expect 100,000 by 2032."
    assert loc["contextRegion"]["startColumn"] == 1 and loc["contextRegion"]["startLine"] == 2


def test_sarif_driver_rules_and_results() -> None:
    log = json.loads(render(MANY, "sarif"))
    assert log["version"] == "2.1.0" and "$schema" in log and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "caresocial" and driver["version"] == caresocial.__version__
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [*RULES, "agreement"]  # the confirmation of MANY has its own entry
    for r in rules:
        meta = AGREEMENT_META if r["id"] == "agreement" else RULES[r["id"]]
        assert r["shortDescription"]["text"] == meta["short_description"]
        assert r["fullDescription"]["text"] == meta["full_description"]
        assert r["help"]["text"] == meta["help"]
        assert r["defaultConfiguration"]["level"] == meta["default_severity"]
    results = run["results"]
    assert [(x["ruleId"], x["level"]) for x in results] == [
        ("value-conflict", "error"), ("arithmetic", "error"), ("time-conflict", "warning"),
        ("unit-scale", "note"), ("agreement", "none"),
    ]
    for x in results:
        assert rules[x["ruleIndex"]]["id"] == x["ruleId"]
    assert results[-1]["kind"] == "pass"
    assert [x["partialFingerprints"][FINGERPRINT_KEY] for x in results] == ["v1", "a1", "t1", "u1", "g1"]
    arith = results[1]
    region = arith["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 41, "endColumn": 45, "charOffset": 40, "charLength": 4,
                      "snippet": {"text": "£6bn"}}
    assert [r["id"] for r in arith["relatedLocations"]] == [1, 2]
    assert arith["message"]["text"].endswith("(other sides: [docs/a.md:1:51](1), [docs/a.md:1:71](2))")
    no_path = results[3]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
    assert no_path == {"uri": "b"}  # no file: the document id, not relative to the source root
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "docs/missing.md: file not found"


def test_sarif_escapes_message_brackets_and_encodes_uris() -> None:
    result = json.loads(render(ESCAPES, "sarif"))["runs"][0]["results"][0]
    assert result["message"]["text"].startswith("costs: 50% vs 100%\r\nsecond line: \\[a\\](b) % done")
    assert result["message"]["text"].endswith("(other side: [reports/y.md:7:4](1))")
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "reports/2023%2C%20final%3A%20v2/a%20b%25.md", "uriBaseId": "%SRCROOT%"}


@pytest.mark.parametrize(("path", "expected"), [
    ("docs/a.md", "docs/a.md"),
    ("./docs/a.md", "docs/a.md"),
    ("{root}/docs/a.md", "docs/a.md"),
    ("/elsewhere/a.md", "/elsewhere/a.md"),
    (None, "a"),
])
def test_relative_path(path: str | None, expected: str, tmp_path: Path) -> None:
    if path is not None:
        path = path.format(root=tmp_path)
    assert relative_path(ref(path=path), root=tmp_path) == expected


def test_sarif_absolute_paths(tmp_path: Path) -> None:
    inside = ref(path=str(tmp_path / "docs" / "a.md"))
    outside = ref("b", path="/elsewhere/b.md")
    log = json.loads(render_sarif(Report(findings=(finding("value-conflict", "error", inside, outside),)),
                                  root=tmp_path))
    result = log["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a.md"
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///elsewhere/b.md"}


def test_sarif_multiline_figure_has_end_line() -> None:
    text = "It will cost £2.6\nbillion."
    r = ref(start=13, line=1, column=14, text="£2.6\nbillion", value=2.6e9, unit="GBP")
    log = json.loads(render(Report(findings=(finding("unit-scale", "warning", r, r),)), "sarif", {"a": text}))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert [region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")] == [1, 14, 2, 8]


# ------------------------------------------------------------------------------------------- github


@pytest.mark.parametrize(("raw", "data", "prop"), [
    ("plain", "plain", "plain"),
    ("50% rise", "50%25 rise", "50%25 rise"),
    ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
    ("a,b: c", "a,b: c", "a%2Cb%3A c"),
    ("%0A", "%250A", "%250A"),
])
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


@pytest.mark.parametrize(("severity", "command"), [
    ("error", "error"), ("warning", "warning"), ("note", "notice"),
])
def test_github_levels(severity: str, command: str) -> None:
    lines = render(Report(findings=(finding("value-conflict", severity),)), "github").splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"::{command} ")


def test_github_one_command_per_finding() -> None:
    assert render(ONE, "github").splitlines() == [
        "::error file=docs/a.md,line=1,col=11,endColumn=18,title=value-conflict::"
        "children in care: 100,000 vs 80,000%0A%0AOther side: docs/b.md:1:11",
    ]
    lines = render(MANY, "github").splitlines()
    assert len(lines) == 5
    assert lines[1].endswith("%0A%0AOther claims: docs/a.md:1:51; docs/a.md:1:71")
    assert lines[4].startswith("::notice file=docs/a.md,line=1,col=11,endColumn=18,title=agreement::")


def test_github_escapes_message_and_properties() -> None:
    first = render(ESCAPES, "github").splitlines()[0]
    assert first == ("::warning file=reports/2023%2C final%3A v2/a b%25.md,line=3,col=1,endColumn=8,"
                     "title=value-conflict::costs: 50%25 vs 100%25%0D%0Asecond line: [a](b) %25 done%0A%0A"
                     "Other side: reports/y.md:7:4")
    assert "\r" not in render(ESCAPES, "github").rstrip("\n")


def test_github_relative_to_root(tmp_path: Path) -> None:
    report = Report(findings=(finding("value-conflict", "error", ref(path=str(tmp_path / "d" / "a.md")),
                                      ref("b", path=None)),))
    (line,) = render_github(report, root=tmp_path).splitlines()
    assert line.startswith("::error file=d/a.md,") and line.endswith("Other side: b:1:11")
    flipped = Report(findings=(finding("value-conflict", "error", ref("b", path=None),
                                       ref(path=str(tmp_path / "d" / "a.md"))),))
    assert render_github(flipped, root=tmp_path).startswith("::error file=b,")


def test_github_empty_report_prints_nothing() -> None:
    assert render(EMPTY, "github") == ""


# ---------------------------------------------------------------------------------------------- csv


def _csv(report: Report) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(render(report, "csv")))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return list(reader)


@pytest.mark.parametrize(("name", "rows"), [("empty", 0), ("one", 2), ("many", 11), ("escapes", 2)])
def test_csv_one_row_per_side(name: str, rows: int) -> None:
    assert len(_csv(REPORTS[name])) == rows


def test_csv_values_and_escaping() -> None:
    rows = _csv(ESCAPES)
    assert rows[0]["path"] == "reports/2023, final: v2/a b%.md"
    assert rows[0]["sentence"] == "Costs rose 50%\nto £8.2bn [sic]."
    assert rows[0]["message"] == "costs: 50% vs 100%\r\nsecond line: [a](b) % done"
    assert [r["side"] for r in rows] == ["1", "2"]
    many = _csv(MANY)
    unit = [r for r in many if r["rule"] == "unit-scale"]
    assert unit[1]["path"] == "" and unit[1]["doc_id"] == "b" and unit[1]["year"] == "2026/27"
    assert many[-1]["severity"] == "info"
    assert render(EMPTY, "csv") == ",".join(CSV_COLUMNS) + "\n"
