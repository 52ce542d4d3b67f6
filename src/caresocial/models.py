"""The public data contract: immutable Pydantic v2 records.

Data flows text -> spaCy ``Doc`` -> spans -> these records -> checker -> report. Records that the
library builds itself are constructed with ``model_construct`` on the hot path (the values are already
checked by construction); everything read from outside (JSON, configuration) is validated.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FigureKind = Literal["money", "count", "percent", "ratio", "year", "date", "duration", "quantity"]
FIGURE_KINDS: tuple[str, ...] = ("money", "count", "percent", "ratio", "year", "date", "duration", "quantity")
Bound = Literal["min", "max"]
QuoteKind = Literal["direct", "reported", "citation", "joint"]
TimeRelation = Literal["at", "by", "from", "to", "over", "per"]
Severity = Literal["error", "warning", "note"]
Value = float | int | str | None


_TEMPLATES: dict[type, Any] = {}  # Record.build's template per class


class Record(BaseModel):
    """Base of every record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def build(cls, **values: Any) -> Any:
        """Construct without validation from values the library computed itself (fields left out take their
        defaults; every required field must be given). Records read from outside (JSON, configuration) go
        through validation instead.

        The same record as ``model_construct(**values)`` (fields, their order, the set fields), made as a copy of
        a per-class template holding every field: ``model_copy`` copies one dictionary where ``model_construct``
        visits every field, a seventh of the time on the extraction's hot path."""
        template = _TEMPLATES.get(cls)
        if template is None:
            required = {name: None for name, f in cls.model_fields.items() if f.is_required()}
            template = _TEMPLATES[cls] = cls.model_construct(**required)
        return template.model_copy(update=values)

    def updated(self, **changes: Any) -> Any:
        """A copy with some fields changed, without validation (the values are the library's own)."""
        return self.model_copy(update=changes)


class Figure(Record):
    """One numeric expression found in a document."""

    id: str = Field(description="Identifier unique within the document, e.g. 'f12'.")
    kind: FigureKind = Field(description="What sort of figure this is (see GUIDELINES: money, count, ...).")
    text: str = Field(description="The exact surface string; equals the document text at [start:end].")
    start: int = Field(ge=0, description="Character offset of the first character in the document text.")
    end: int = Field(ge=0, description="Character offset one past the last character.")
    sentence_start: int = Field(ge=0, description="Character offset where the figure's sentence starts.")
    sentence_end: int = Field(ge=0, description="Character offset where the figure's sentence ends.")
    value: Value = Field(
        description="Normalised value: whole currency units for money, the number for counts, 37 for 37%, "
        "the multiplier for ratios, an int for calendar years, '2026/27' for financial years, an ISO string "
        "for dates ('2022-05-23', '2023-03', '--05-23' without a year), the count of units for durations. "
        "null for vague counts such as 'thousands'."
    )
    unit: str | None = Field(
        default=None,
        description="ISO 4217 code for money, '%' or 'percentage points' for percents, the counted noun for "
        "counts, 'years'/'months'/'weeks'/'days' for durations, the unit name for quantities.",
    )
    approx: bool = Field(default=False, description="True when hedged ('close to', 'around', 'a third').")
    bound: Bound | None = Field(default=None, description="'min' for 'more than', 'max' for 'up to'.")
    rate: str | None = Field(default=None, description="Per-period rate: 'year' for 'a year', 'annual', ...")
    link: str | None = Field(default=None, description="Id of the figure at the other end of a range/change.")
    link_type: Literal["range", "change"] | None = Field(
        default=None, description="'range' for '80,000 to 100,000', 'change' for 'from £6bn to £8.2bn' and 'by 15p "
        "to £9.90'."
    )
    link_role: Literal["low", "high", "from", "to", "by"] | None = Field(
        default=None, description="Which end of the range or change this figure is ('by': the amount of a change)."
    )
    speaker: Speaker | None = Field(default=None, description="Who states the figure (innermost quote).")
    quote: str | None = Field(default=None, description="Id of the innermost quote the figure sits in.")
    source: Literal["rules", "quantulum3"] = Field(default="rules", description="Which grammar found it.")


class Speaker(Record):
    """A person, an organisation or a group of organisations that states something."""

    name: str = Field(description="Name as written, without titles; several parties joined by '; '.")
    role: str | None = Field(default=None, description="Role as written ('Chief Executive').")
    org: str | None = Field(default=None, description="Organisation as written ('The Children's Society').")
    kind: Literal["person", "organisation", "group"] = Field(
        default="organisation", description="'group' for joint statements of several parties."
    )
    members: tuple[str, ...] = Field(default=(), description="For groups: every party, in order of mention.")


class Quote(Record):
    """A direct, reported, cited or joint statement and who made it."""

    id: str = Field(description="Identifier unique within the document, e.g. 'q3'.")
    kind: QuoteKind = Field(description="direct, reported, citation or joint.")
    speaker: Speaker | None = Field(default=None, description="Who made the statement.")
    start: int = Field(ge=0, description="Offset of the first character of the quoted material.")
    end: int = Field(ge=0, description="Offset one past the last character of the quoted material.")
    cue: str | None = Field(default=None, description="The attribution words as written ('said', 'warns').")
    cue_start: int | None = Field(default=None, description="Offset of the attribution words, when found.")
    paragraphs: tuple[int, ...] = Field(default=(), description="0-based indices of the paragraphs it spans.")
    parent: str | None = Field(default=None, description="Id of the quote this one is nested in.")
    text: str = Field(default="", description="The quoted or reported material as written (document text "
                                              "[start:end]).")


class ClaimTime(Record):
    """When a claim holds."""

    relation: TimeRelation = Field(description="at, by, from, to, over or per.")
    year: int | str | None = Field(
        default=None, description="Calendar year, a financial year such as '2026/27', or null when unknown."
    )
    as_written: str | None = Field(default=None, description="The time phrase as written.")
    resolved_against: str | None = Field(
        default=None,
        description="What a relative time was resolved against ('document date 2023-02-02'); null when the "
        "time was explicit or could not be resolved.",
    )
    relative: bool = Field(
        default=False, description="True when the phrase is relative and no reference date was known."
    )


class Claim(Record):
    """A checkable statement: a measure, a value and the time it holds."""

    id: str = Field(description="Identifier unique within the document, e.g. 'c4'.")
    figure: str = Field(description="Id of the figure the claim is built on.")
    start: int = Field(ge=0, description="Start offset of the claim's figure.")
    end: int = Field(ge=0, description="End offset of the claim's figure.")
    kind: FigureKind = Field(description="Kind of the claim's figure.")
    measure: str | None = Field(
        default=None,
        description="Normalised key of what is measured ('children in care'), after the measure-synonym lexicon; "
        "null when no measure was found (the checker never compares such a claim).")
    measure_text: str | None = Field(default=None, description="The words the measure was built from, as written.")
    aspect: Literal["level", "change"] = Field(
        default="level",
        description="'change' when the figure states how much something moved ('up 58%', 'rose by £1bn', "
        "'0.3 percentage points'), else 'level' (the amount itself, including the ends of a change).")
    direction: Literal["up", "down"] | None = Field(
        default=None, description="Of a change, or of the ends of a change: which way it moved, when stated.")
    ends: tuple[str, ...] = Field(
        default=(), description="Of a change claim: ids of the level claims it is the change between "
        "(from, to), when the text states them.")
    value: Value = Field(description="The figure's normalised value.")
    unit: str | None = Field(default=None, description="Unit; money rates read 'GBP per year'.")
    approx: bool = Field(default=False, description="Hedged value.")
    bound: Bound | None = Field(default=None, description="'min' or 'max' when the value is a bound.")
    rate: str | None = Field(default=None, description="Period of a rate ('year').")
    time: ClaimTime = Field(description="When the claim holds.")
    speaker: Speaker | None = Field(default=None, description="Who makes the claim.")
    sentence: str = Field(description="The sentence the claim comes from; of a run-on sentence longer than "
                                      "800 characters, the 800 or so around the figure, cut at spaces.")
    sentence_start: int = Field(ge=0, description="Offset of ``sentence`` in the document text.")
    line: int = Field(default=1, ge=1, description="1-based line of the claim's figure.")
    column: int = Field(default=1, ge=1, description="1-based column of the claim's figure.")
    link: str | None = Field(default=None, description="Id of the claim at the other end of a change.")
    link_role: Literal["low", "high", "from", "to", "by"] | None = Field(
        default=None, description="Which end of a change or range this claim is ('by': the amount of a change)."
    )


class Document(Record):
    """One document with everything extracted from it."""

    doc_id: str = Field(description="Identifier; the file stem for files.")
    path: str | None = Field(default=None, description="Source path, when read from a file.")
    date: dt.date | None = Field(default=None, description="Document date (dateline, front matter or --date).")
    date_source: str | None = Field(
        default=None, description="Where the date came from: 'given', 'dateline', 'front matter', 'inferred ...'."
    )
    publisher: str | None = Field(default=None, description="Who publishes the document (unattributed text).")
    title: str | None = Field(default=None, description="Title line or front-matter title.")
    url: str | None = Field(default=None, description="Where the document was published, when known.")
    text_sha256: str = Field(description="SHA-256 of the exact text the offsets refer to.")
    length: int = Field(ge=0, description="Length of that text in characters.")
    figures: tuple[Figure, ...] = Field(default=(), description="Every figure, in text order.")
    quotes: tuple[Quote, ...] = Field(default=(), description="Every quote, in text order.")
    claims: tuple[Claim, ...] = Field(default=(), description="Every claim, in text order.")
    suppressions: tuple[Suppression, ...] = Field(
        default=(), description="Inline 'caresocial: ignore RULE' comments found in the text."
    )
    pages: tuple[int, ...] = Field(
        default=(), description="Offsets in the text where each page starts (PDF inputs; pages[0] is 0); empty for "
        "inputs without pages. See page_of()."
    )

    def page_of(self, offset: int) -> int | None:
        """The 1-based page an offset falls on (e.g. a figure's ``start``), or None without page offsets."""
        return bisect_right(self.pages, offset) or None if self.pages else None


class Suppression(Record):
    """An inline comment that silences checker rules for a region of the document."""

    rules: tuple[str, ...] = Field(description="Rule ids silenced; empty means every rule.")
    start: int = Field(ge=0, description="Start of the region it applies to (its paragraph).")
    end: int = Field(ge=0, description="End of the region it applies to.")


class ClaimRef(Record):
    """One side of a finding: where the claim stands."""

    doc_id: str = Field(description="Document of the claim.")
    claim: str = Field(description="Claim id within that document.")
    start: int = Field(ge=0, description="Start offset of the claim's figure.")
    end: int = Field(ge=0, description="End offset of the claim's figure.")
    line: int = Field(ge=1, description="1-based line of the figure.")
    column: int = Field(ge=1, description="1-based column of the figure.")
    path: str | None = Field(default=None, description="File path, when the document came from a file.")
    text: str = Field(description="The figure as written.")
    sentence: str = Field(description="The claim's sentence.")
    value: Value = Field(description="Normalised value.")
    unit: str | None = Field(default=None, description="Unit.")
    time: ClaimTime = Field(description="When the claim holds.")
    speaker: str | None = Field(default=None, description="Speaker name.")


class Finding(Record):
    """A disagreement (or, with show_agreements, a confirmation) between claims."""

    rule: str = Field(
        description="Rule id ('time-conflict', 'value-conflict', 'arithmetic', 'unit-scale', 'announced-sum').")
    severity: Severity | Literal["info"] = Field(description="error, warning, note; 'info' for agreements.")
    message: str = Field(description="Human-readable explanation quoting both sentences and values.")
    measure: str = Field(description="The measure the claims share.")
    claims: tuple[ClaimRef, ...] = Field(description="The claims involved (two or more).")
    fingerprint: str = Field(description="Stable id of the finding, for baselines.")
    agreement: bool = Field(default=False, description="True for a confirmation listed by --show-agreements.")


class Report(Record):
    """What the checker returns."""

    findings: tuple[Finding, ...] = Field(default=(), description="Findings, most severe first.")
    agreements: tuple[Finding, ...] = Field(default=(), description="Confirmations (when asked for).")
    documents: int = Field(default=0, ge=0, description="Documents checked.")
    claims: int = Field(default=0, ge=0, description="Claims compared.")
    suppressed: int = Field(default=0, ge=0, description="Findings silenced by inline comments.")
    baselined: int = Field(default=0, ge=0, description="Findings accepted by the baseline.")
    errors: tuple[str, ...] = Field(default=(), description="Problems met while checking (one line each).")


Figure.model_rebuild()
Document.model_rebuild()
