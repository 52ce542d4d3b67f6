"""``caresocial report``: one self-contained HTML page of documents, figures and findings.

The page needs no network and loads nothing: CSS and JS are inline, and a Content-Security-Policy admits
only those two (by hash), so nothing else can run or load even if a string escaped its escaping. Documents
are untrusted input: every string taken from them (text, names, paths, values, messages) is HTML-escaped,
in element content and attributes alike. The output is deterministic (the same input gives byte-identical
HTML) and is written document by document, so a large corpus never becomes one string in memory.

    >>> from caresocial.models import Report
    >>> "<mark" in render_report([], Report())
    False
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TextIO

from .. import __version__
from ..models import FIGURE_KINDS, Claim, ClaimRef, ClaimTime, Document, Figure, Finding, Report, Speaker
from .render import RULES, format_time, format_value, summary

# displaCy-like pastel colours, one per figure kind (the legend and the marks share them)
KIND_COLOURS: dict[str, str] = {
    "money": "#feca74", "count": "#7aecec", "percent": "#aa9cfc", "ratio": "#e2a7fb",
    "year": "#bfe1d9", "date": "#9cc9cc", "duration": "#ffeb80", "quantity": "#ff9561",
}
OTHER_KIND = "other"

_CSS = """
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#f6f7f9;--card:#fff}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:76rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h1{font-size:1.6rem;margin:.6rem 0 0}h2{font-size:1.25rem;margin:2rem 0 .6rem}
h3{font-size:1.05rem;margin:0 0 .3rem}#summary h3{margin:1.2rem 0 .5rem}
a{color:#1f5fbf}
.sub,.meta{color:var(--muted);font-size:.88rem;margin:.2rem 0 .6rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem;align-items:start}
table{border-collapse:collapse;background:var(--card);width:100%;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#eef0f4;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;width:5.5rem}
tr.zero td{color:var(--muted)}
.legend{position:sticky;top:0;z-index:20;background:var(--bg);padding:.5rem 0;border-bottom:1px solid var(--line);
display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;font-size:.85rem}
body:not(.js) .legend button{pointer-events:none}
.legend button{font:inherit;border:1px solid rgba(0,0,0,.15);border-radius:.35rem;padding:.15rem .55rem;cursor:pointer}
.legend button[aria-pressed=false]{background:#fff;opacity:.55;text-decoration:line-through}
.legend .n{font-weight:700;margin-left:.25rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.8rem 1rem;margin:0 0 1rem}
.finding{border-left:.35rem solid #888}
.sev-error{border-left-color:#d1242f}.sev-warning{border-left-color:#d4a017}.sev-note{border-left-color:#3b82f6}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;border-radius:.3rem;
padding:0 .4rem;color:#fff;background:#888;vertical-align:middle}
.badge.sev-error{background:#d1242f}.badge.sev-warning{background:#b7870f}.badge.sev-note{background:#3b82f6}
.rule{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-weight:600;white-space:nowrap}
td.date{white-space:nowrap}
.measure{color:var(--muted)}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:.8rem;margin-top:.6rem}
.side{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem;background:#fbfbfd}
.side blockquote{margin:.4rem 0;line-height:2;overflow-wrap:anywhere}
.side dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .7rem;margin:0;font-size:.85rem}
.side dt{color:var(--muted)}.side dd{margin:0;overflow-wrap:anywhere}
details{font-size:.85rem;color:var(--muted);margin-top:.5rem}
.doc .text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1;font-size:.95rem}
.path{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85rem;color:var(--muted);font-weight:400}
mark.fig{position:relative;color:inherit;padding:.12em .3em;border-radius:.3em;cursor:help;
box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.fig::after{content:attr(data-kind);font-size:.6em;font-weight:700;text-transform:uppercase;margin-left:.35em;
letter-spacing:.03em;opacity:.7;vertical-align:.15em}
mark.fig::before{content:attr(data-tip);display:none;position:absolute;left:0;top:100%;margin-top:.3em;z-index:30;
width:max-content;max-width:26rem;white-space:pre-line;text-align:left;background:#1d2330;color:#f4f5f7;
font:12px/1.5 system-ui,sans-serif;font-weight:400;letter-spacing:0;text-transform:none;padding:.45rem .65rem;
border-radius:.35rem;box-shadow:0 4px 14px rgba(0,0,0,.25);pointer-events:none}
mark.fig:hover::before,mark.fig:focus::before{display:block}
mark.fig.hit{outline:2px solid #d1242f;outline-offset:1px}
mark.fig:target,.anchor:target{outline:3px solid #1f5fbf;outline-offset:2px}
a.fref{font-size:.7em;font-weight:700;vertical-align:super;margin:0 .15em;text-decoration:none;color:#d1242f}
.problems li{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85rem;overflow-wrap:anywhere}
.empty{color:var(--muted);font-style:italic}
""" + "".join(
    f"mark.k-{k},button.k-{k}{{background:{c}}}body.off-{k} mark.k-{k}{{background:none;outline:none}}"
    f"body.off-{k} mark.k-{k}::after{{display:none}}\n" for k, c in {**KIND_COLOURS, OTHER_KIND: "#ddd"}.items()
)

_JS = """
(function () {
  "use strict";
  var body = document.body;
  body.classList.add("js");
  document.querySelectorAll("button[data-toggle]").forEach(function (b) {
    b.addEventListener("click", function () {
      var off = body.classList.toggle("off-" + b.getAttribute("data-toggle"));
      b.setAttribute("aria-pressed", off ? "false" : "true");
    });
  });
})();
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# Only the page's own style and script may run; nothing may be fetched, framed or submitted.
CSP = (f"default-src 'none'; style-src '{_sha256(_CSS)}'; script-src '{_sha256(_JS)}'; "
       "base-uri 'none'; form-action 'none'")


def esc(value: object) -> str:
    """HTML-escape ``value`` for element content and quoted attribute values alike (``& < > " '``)."""
    return html.escape(str(value), quote=True)


def kind_class(kind: str) -> str:
    """The CSS class suffix of a figure kind: the kind itself when known, else ``'other'``."""
    return kind if kind in KIND_COLOURS else OTHER_KIND


# -------------------------------------------------------------------------------------------- summary


def report_summary(docs: Sequence[Document], report: Report) -> dict[str, Any]:
    """Counts for the top of the page: documents, figures (by kind), claims, quotes and findings (by rule and
    severity, every known rule included), plus suppressed and baselined findings."""
    base = summary(report)
    kinds = Counter(f.kind for d in docs for f in d.figures)
    by_kind = {k: kinds.get(k, 0) for k in FIGURE_KINDS}
    by_kind.update({k: n for k, n in sorted(kinds.items()) if k not in by_kind})
    return {
        "documents": len(docs),
        "figures": sum(kinds.values()),
        "figures_by_kind": by_kind,
        "claims": sum(len(d.claims) for d in docs),
        "quotes": sum(len(d.quotes) for d in docs),
        "findings": base["findings"],
        "by_rule": base["by_rule"],
        "by_severity": base["by_severity"],
        "suppressed": report.suppressed,
        "baselined": report.baselined,
    }


# ------------------------------------------------------------------------------------------ locating


class _Target(NamedTuple):
    """Where one side of a finding stands in the page."""

    doc: int
    index: int | None  # the figure's position in ``Document.figures``, when known
    anchor: str | None  # id of the figure's mark, when the figure is known
    claim: Claim | None
    figure: Figure | None


class _Index:
    """Documents, claims and figures by id, and anchors (``d{doc}f{figure}``, by position, so that ids taken
    from documents never reach an ``id`` attribute)."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = {d.doc_id: i for i, d in reversed(list(enumerate(docs)))}
        self._docs = docs
        self._claims: dict[int, dict[str, Claim]] = {}
        self._figures: dict[int, dict[str, int]] = {}

    def claims(self, i: int) -> dict[str, Claim]:
        if i not in self._claims:
            self._claims[i] = {c.id: c for c in self._docs[i].claims}
        return self._claims[i]

    def figures(self, i: int) -> dict[str, int]:
        if i not in self._figures:
            self._figures[i] = {f.id: j for j, f in reversed(list(enumerate(self._docs[i].figures)))}
        return self._figures[i]

    def locate(self, ref: ClaimRef) -> _Target | None:
        i = self.docs.get(ref.doc_id)
        if i is None:
            return None
        claim = self.claims(i).get(ref.claim)
        j = self.figures(i).get(claim.figure) if claim is not None else None
        if j is None:
            return _Target(i, None, None, claim, None)
        return _Target(i, j, f"d{i}f{j}", claim, self._docs[i].figures[j])


# ------------------------------------------------------------------------------------------- details


def _speaker(sp: Speaker | None) -> str | None:
    if sp is None:
        return None
    extra = [x for x in (sp.role, sp.org) if x and x != sp.name]
    return sp.name + (f" ({', '.join(extra)})" if extra else "")


def _time(t: ClaimTime) -> str:
    out = format_time(t)
    if t.as_written and t.as_written not in out:
        out += f" — “{' '.join(t.as_written.split())}”"
    if t.resolved_against:
        out += f" (resolved against {t.resolved_against})"
    return out


def details(fig: Figure | None, claim: Claim | None) -> list[tuple[str, str]]:
    """(label, value) pairs describing a figure and its claim: kind, value, unit, hedges, time, speaker, ids."""
    rows: list[tuple[str, str]] = []
    src: Figure | Claim | None = claim if claim is not None else fig
    if src is None:
        return rows
    rows.append(("kind", src.kind))
    if fig is not None:
        rows.append(("text", fig.text))
    rows.append(("value", format_value(src.value)))
    if src.unit:
        rows.append(("unit", src.unit))
    if src.approx:
        rows.append(("approx", "yes"))
    if src.bound:
        rows.append(("bound", f"{src.bound} ({'at least' if src.bound == 'min' else 'at most'})"))
    if src.rate:
        rows.append(("rate", f"per {src.rate}"))
    if fig is not None and fig.link_type:
        rows.append(("linked", f"{fig.link_type} {fig.link_role or ''} (with {fig.link})".replace("  ", " ")))
    if claim is not None:
        rows.append(("measure", claim.measure))
        rows.append(("time", _time(claim.time)))
    who = _speaker(claim.speaker if claim is not None and claim.speaker else fig.speaker if fig else None)
    if who:
        rows.append(("speaker", who))
    ids = [f"figure {fig.id}" if fig else "", f"claim {claim.id}" if claim else "",
           f"quote {fig.quote}" if fig and fig.quote else ""]
    rows.append(("id", ", ".join(x for x in ids if x)))
    return rows


def _tip(fig: Figure | None, claim: Claim | None) -> str:
    return "\n".join(f"{k}: {' '.join(v.split())}" for k, v in details(fig, claim))


def _mark(kind: str, text: str, tip: str, anchor: str | None = None, hit: bool = False) -> str:
    k = kind_class(kind)
    ident = f' id="{anchor}"' if anchor else ""
    cls = f"fig k-{k}" + (" hit" if hit else "")
    return (f'<mark class="{cls}"{ident} data-kind="{esc(kind)}" data-tip="{esc(tip)}" tabindex="0">'
            f"{esc(text)}</mark>")


# ------------------------------------------------------------------------------------------ sections


def _head(title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="caresocial {esc(__version__)}">\n'
            f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n")


def _summary_section(docs: Sequence[Document], s: dict[str, Any], per_doc: Counter[int],
                     first: dict[str, int], problems: Sequence[str]) -> str:
    out = ['<section id="summary"><h2>Summary</h2><div class="grid">',
           '<table class="totals"><tr><th>What</th><th>Count</th></tr>']
    for label, key in (("Documents", "documents"), ("Figures", "figures"), ("Claims", "claims"),
                       ("Quotes", "quotes"), ("Findings", "findings"), ("Suppressed", "suppressed")):
        out.append(f'<tr><td>{label}</td><td class="n">{s[key]}</td></tr>')
    out.append(f'<tr><td>Problems</td><td class="n">{len(problems)}</td></tr></table>')
    out.append('<table class="rules"><tr><th>Rule</th><th>What it means</th><th>Findings</th></tr>')
    for rule, n in s["by_rule"].items():
        meta = RULES.get(rule, {})
        count = f'<a href="#finding-{first[rule]}">{n}</a>' if rule in first else str(n)
        out.append(f'<tr class="{"" if n else "zero"}"><td class="rule">{esc(rule)}</td>'
                   f'<td>{esc(meta.get("short_description", ""))}</td><td class="n">{count}</td></tr>')
    out.append("</table></div>")
    out.append('<h3>Per document</h3><table class="docs"><tr><th>Document</th><th>Date</th><th>Publisher</th>'
               "<th>Figures</th><th>Claims</th><th>Findings</th></tr>")
    for i, d in enumerate(docs):
        out.append(f'<tr><td><a href="#d{i}">{esc(d.doc_id)}</a> <span class="path">{esc(d.path or "")}</span>'
                   f'</td><td class="date">{esc(d.date or "")}</td><td>{esc(d.publisher or "")}</td>'
                   f'<td class="n">{len(d.figures)}</td><td class="n">{len(d.claims)}</td>'
                   f'<td class="n">{per_doc.get(i, 0)}</td></tr>')
    out.append("</table></section>\n")
    return "".join(out)


def _legend(by_kind: Mapping[str, int]) -> str:
    keys = "".join(f'<button type="button" class="key k-{kind_class(k)}" data-toggle="{kind_class(k)}" '
                   f'aria-pressed="true">{esc(k)}<span class="n">{n}</span></button>' for k, n in by_kind.items())
    return f'<nav class="legend" aria-label="Figure kinds"><strong>Figures</strong>{keys}</nav>\n'


def _sentence_html(ref: ClaimRef, t: _Target | None) -> str:
    """The claim's sentence with its figure marked (located by offset, else by text)."""
    s = ref.sentence
    at = -1
    if t is not None and t.claim is not None:
        off = ref.start - t.claim.sentence_start
        if 0 <= off and s[off:off + len(ref.text)] == ref.text:
            at = off
    if at < 0 and ref.text:
        at = s.find(ref.text)
    if at < 0:
        return esc(s)
    kind = t.claim.kind if t is not None and t.claim is not None else "quantity"
    tip = _tip(t.figure, t.claim) if t is not None else ref.text
    return esc(s[:at]) + _mark(kind, ref.text, tip) + esc(s[at + len(ref.text):])


def _finding_html(n: int, f: Finding, index: _Index, docs: Sequence[Document]) -> str:
    meta = RULES.get(f.rule, {})
    sev = f.severity if f.severity in ("error", "warning", "note") else "info"
    out = [f'<article class="card finding sev-{sev}" id="finding-{n}"><h3>'
           f'<a href="#finding-{n}">#{n}</a> <span class="badge sev-{sev}">{esc(f.severity)}</span> '
           f'<span class="rule">{esc(f.rule)}</span> <span class="measure">{esc(f.measure)}</span></h3>']
    if meta.get("short_description"):
        out.append(f'<div class="sub">{esc(meta["short_description"])}</div>')
    out.append('<div class="sides">')
    for ref in f.claims:
        t = index.locate(ref)
        name = esc(ref.doc_id)
        where = f"{esc(ref.path or ref.doc_id)}:{ref.line}:{ref.column}"
        if t is not None:
            link = f"#{t.anchor}" if t.anchor else f"#d{t.doc}"
            head = f'<a href="{link}">{name}</a> <span class="path">{where}</span>'
        else:
            head = f'{name} <span class="path">{where}</span>'
        rows = [("value", format_value(ref.value, ref.unit)), ("time", _time(ref.time))]
        if ref.speaker:
            rows.append(("speaker", ref.speaker))
        dl = "".join(f"<dt>{k}</dt><dd>{esc(v)}</dd>" for k, v in rows)
        out.append(f'<div class="side"><div>{head}</div><blockquote>{_sentence_html(ref, t)}</blockquote>'
                   f"<dl>{dl}</dl></div>")
    out.append(f"</div><details><summary>Message</summary>{esc(f.message)}"
               f'<div class="meta">fingerprint {esc(f.fingerprint)}</div></details></article>\n')
    return "".join(out)


def _document_html(i: int, doc: Document, text: str | None, refs: Mapping[int, list[int]],
                   per_doc: Sequence[int]) -> Iterable[str]:
    """The document's section: header, then its text with every figure marked (yielded in pieces)."""
    title = f" — {esc(doc.title)}" if doc.title else ""
    meta = [f"date {esc(doc.date)}" + (f" ({esc(doc.date_source)})" if doc.date_source else "")] if doc.date else []
    if doc.publisher:
        meta.append(f"publisher {esc(doc.publisher)}")
    meta.append(f"{len(doc.figures)} figures, {len(doc.claims)} claims, {len(doc.quotes)} quotes")
    if per_doc:
        meta.append("findings " + " ".join(f'<a href="#finding-{n}">#{n}</a>' for n in per_doc))
    yield (f'<section class="card doc" id="d{i}"><h3><a href="#d{i}">{esc(doc.doc_id)}</a>{title} '
           f'<span class="path">{esc(doc.path or "")}</span></h3><div class="meta">{" · ".join(meta)}</div>')
    if text is None:
        yield '<p class="empty">Text not available.</p></section>\n'
        return
    claims = {c.figure: c for c in doc.claims}
    yield '<div class="text">'
    pos = 0
    order = sorted(range(len(doc.figures)), key=lambda j: (doc.figures[j].start, -doc.figures[j].end, j))
    for j in order:
        fig = doc.figures[j]
        anchor = f"d{i}f{j}"
        if fig.start < pos or fig.end > len(text) or fig.end <= fig.start:  # overlapping or off the text
            yield f'<span class="anchor" id="{anchor}"></span>'
            continue
        hits = refs.get(j, ())
        yield esc(text[pos:fig.start])
        yield _mark(fig.kind, text[fig.start:fig.end], _tip(fig, claims.get(fig.id)), anchor, bool(hits))
        yield "".join(f'<a class="fref" href="#finding-{n}" title="finding {n}">{n}</a>' for n in hits)
        pos = fig.end
    yield esc(text[pos:])
    yield "</div></section>\n"


def write_report(out: TextIO, docs: Sequence[Document], report: Report, texts: Mapping[str, str],
                 problems: Sequence[str] = ()) -> None:
    """Write the whole page to ``out``: summary, legend, findings side by side, then each document.

    docs: the documents, in page order; texts: their texts by doc_id (the offsets refer to them);
    problems: one-line input errors to list (they are escaped like everything else).
    """
    index = _Index(docs)
    refs: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    per_doc: dict[int, list[int]] = defaultdict(list)
    first: dict[str, int] = {}
    for n, f in enumerate(report.findings, 1):
        first.setdefault(f.rule, n)
        for ref in f.claims:
            t = index.locate(ref)
            if t is None:
                continue
            if n not in per_doc[t.doc]:
                per_doc[t.doc].append(n)
            if t.index is not None and n not in refs[t.doc][t.index]:
                refs[t.doc][t.index].append(n)
    s = report_summary(docs, report)
    title = f"caresocial report: {s['documents']} documents, {s['findings']} findings"
    out.write(_head(title))
    out.write(f'<header><h1>caresocial report</h1><p class="sub">{s["documents"]} documents, {s["figures"]} '
              f'figures, {s["claims"]} claims, {s["findings"]} findings · caresocial {esc(__version__)} · '
              "hover or focus a figure for its details</p></header>\n")
    out.write(_summary_section(docs, s, Counter({i: len(v) for i, v in per_doc.items()}), first, problems))
    if problems:
        out.write('<section id="problems"><h2>Problems</h2><ul class="problems">'
                  + "".join(f"<li>{esc(p)}</li>" for p in problems) + "</ul></section>\n")
    out.write(_legend(s["figures_by_kind"]))
    out.write('<section id="findings"><h2>Findings</h2>\n')
    if not report.findings:
        out.write('<p class="empty">No findings: the documents agree.</p>\n')
    for n, f in enumerate(report.findings, 1):
        out.write(_finding_html(n, f, index, docs))
    out.write('</section>\n<section id="documents"><h2>Documents</h2>\n')
    for i, doc in enumerate(docs):
        out.write("".join(_document_html(i, doc, texts.get(doc.doc_id), refs.get(i, {}), per_doc.get(i, []))))
    out.write(f"</section>\n</main>\n<script>{_JS}</script>\n</body>\n</html>\n")


def render_report(docs: Sequence[Document], report: Report, texts: Mapping[str, str] | None = None,
                  problems: Sequence[str] = ()) -> str:
    """The page as one string (for tests and small inputs; :func:`write_report` streams)."""
    buf = io.StringIO()
    write_report(buf, docs, report, texts or {}, problems)
    return buf.getvalue()
