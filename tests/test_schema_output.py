"""The JSON schemas the library publishes (``caresocial schema``, docs/data-model.md) describe what it really
writes: an extracted document and a checker report with a real finding validate, and a record with a field of
the wrong type or without a required field does not."""

from __future__ import annotations

import json

import jsonschema
import pytest

import caresocial
from caresocial import models


@pytest.fixture(scope="module")
def real() -> dict[str, dict]:
    a = caresocial.extract("CCN research found that there could be close to 100,000 children in care by the end of "
                           "2025.", doc_id="a")
    b = caresocial.extract("Projections show that by 2032, there will be approaching 100,000 children in care.",
                           doc_id="b")
    report = caresocial.check([a, b], show_agreements=True)
    assert report.findings and report.findings[0].claims  # a real finding: the schema sees claims and times
    return {"Document": json.loads(a.model_dump_json()), "Report": json.loads(report.model_dump_json())}


@pytest.mark.parametrize(("record", "wrong"), [("Document", {"doc_id": 5}), ("Report", {"documents": "two"})])
def test_published_schema_validates_real_output(real: dict[str, dict], record: str, wrong: dict) -> None:
    schema = getattr(models, record).model_json_schema()
    jsonschema.validate(real[record], schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**real[record], **wrong}, schema)


def test_published_schema_requires_what_the_scorer_reads(real: dict[str, dict]) -> None:
    schema = models.Document.model_json_schema()
    for field in ("doc_id", "text_sha256"):
        with pytest.raises(jsonschema.ValidationError, match=field):
            jsonschema.validate({k: v for k, v in real["Document"].items() if k != field}, schema)
    finding = real["Report"]["findings"][0]
    assert {"rule", "severity", "message", "claims"} <= set(finding)
    assert all({"doc_id", "start", "end"} <= set(c) for c in finding["claims"])
