"""Score the consistency checker alone on a gold folder: documents built from the GOLD claims, not extracted.

This isolates the checker's logic from extraction: each gold claim becomes a ``Claim`` (value, unit, hedge,
bound, time, speaker, figure text and offsets as annotated), the documents are checked together, and the
findings are scored with ``score.score_check`` beside the gold folder. Gold measures are long, careful
phrases; real extracted measures are shorter and worded differently in each document, so ``--measures``
rewrites them the way an extractor might:

    full    the gold phrase
    head    the words before the first preposition ("children lifted out of poverty" -> "children lifted")
    short   the last two words of that
    bare    the head noun alone

    python benchmarks/checker_gold.py ../shared/gold/dev --measures head
    python benchmarks/checker_gold.py ../shared/gold/dev --skip-cluster poverty --show
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

import regex

_SENTENCE_END = regex.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z“\"‘'(£$€0-9])|\n\s*\n|\n(?=\s*[-•*])")
_BOUNDARY = set("of in on at for from by with within without into over under across among between per after "
                "before since during to who that which whose than as out".split())
_CHANGE = regex.compile(r"^(?:annual |net |forecast )?(?:change|increase|rise|fall|growth|decrease|drop|cut)\b")


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


_GENERIC = {"number", "total", "amount", "share", "change", "increase", "rise", "fall", "growth", "decrease",
            "proportion", "cost", "rate"}


def rewrite(measure: str, how: str) -> str:
    """The gold measure as a terser extractor might give it (see the module docstring)."""
    words = regex.findall(r"[\w'’-]+", measure.lower())
    if how == "full":
        return " ".join(words)
    head: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w in _BOUNDARY and head:
            if head[-1] in _GENERIC and w in ("of", "in") and how == "head":
                head.append(w)  # 'share of X', 'increase in X': keep the phrase the generic word announces
                k += 1
                continue
            break
        if w not in _BOUNDARY:
            head.append(w)
        k += 1
    if how == "head":
        return " ".join(head)
    content = [w for w in head if w not in _BOUNDARY]
    if how == "short":
        return " ".join(content[-2:])
    return content[-1] if content else measure


def build(gold_dir: Path, how: str, keep: set[str] | None = None) -> list:
    sys.path.insert(0, str(gold_dir.parent))
    import score  # type: ignore[import-not-found]

    from caresocial.models import Claim, ClaimTime, Document, Figure, Speaker

    docs = []
    for gpath in sorted((gold_dir / "gold").glob("*.json")):
        g = json.loads(gpath.read_text(encoding="utf-8"))
        doc_id = g.get("doc_id") or gpath.stem
        if keep is not None and doc_id not in keep:
            continue
        text = (gold_dir / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
        spans = sentences(text)
        figures, by_start = [], {}
        for k, f in enumerate(g.get("figures", []), 1):
            s = score.find_nth(text, f["text"], f.get("occurrence", 1))
            fs, fe = next(((a, b) for a, b in spans if a <= s < b), (0, len(text)))
            fig = Figure.build(id=f"f{k}", kind=f["kind"], text=f["text"], start=s, end=s + len(f["text"]),
                               sentence_start=fs, sentence_end=fe, value=f.get("value"), unit=f.get("unit"),
                               approx=bool(f.get("approx")), bound=f.get("bound"), rate=f.get("rate"))
            figures.append(fig)
            by_start[s] = (fig, f)
        claims = []
        raw = g.get("claims", [])
        for k, c in enumerate(raw, 1):
            s = score.find_nth(text, c["figure_text"], c.get("occurrence", 1))
            fig, gf = by_start.get(s, (None, {}))
            ss, se = next(((a, b) for a, b in spans if a <= s < b), (0, len(text)))
            t = c.get("time") or {}
            speaker = gf.get("speaker")
            line = text.count("\n", 0, s) + 1
            column = s - (text.rfind("\n", 0, s) + 1) + 1
            measure = c.get("measure")
            claims.append(Claim.build(
                id=f"c{k}", figure=fig.id if fig else f"g{k}", start=s, end=s + len(c["figure_text"]),
                kind=fig.kind if fig else "count", measure=rewrite(measure, how) if measure else None,
                measure_text=measure, aspect="change" if measure and _CHANGE.match(measure.lower()) else "level",
                direction=None, ends=(), value=c.get("value"), unit=c.get("unit"), approx=bool(c.get("approx")),
                bound=c.get("bound"), rate=gf.get("rate"),
                time=ClaimTime.build(relation=t.get("relation", "at"), year=t.get("year"),
                                     as_written=t.get("as_written"), resolved_against=None, relative=False),
                speaker=Speaker.build(name=speaker) if speaker else None, sentence=text[ss:se], sentence_start=ss,
                line=line, column=column, link=None, link_role=None))
        claims = _link_changes(claims)
        src = g.get("source") or {}
        date = src.get("date") or ""
        date = date + "-01" if len(date) == 7 else date
        docs.append(Document.build(doc_id=doc_id, path=None, date=dt.date.fromisoformat(date) if len(date) == 10
                                   else None, publisher=src.get("publisher"), title=None, url=None,
                                   text_sha256="0" * 64, length=len(text), figures=tuple(figures),
                                   quotes=(), claims=tuple(claims), suppressions=(), pages=()))
    return docs


def _link_changes(claims: list) -> list:
    """A gold 'from' claim with a 'to' claim of the same measure is the start of a change, not a start date."""
    out = list(claims)
    for i, a in enumerate(claims):
        if a.time.relation != "from":
            continue
        for j, b in enumerate(claims):
            if b.time.relation == "to" and b.measure_text == a.measure_text and j != i:
                out[i] = out[i].updated(link=b.id, link_role="from")
                out[j] = out[j].updated(link=a.id, link_role="to")
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--measures", choices=("full", "head", "short", "bare"), default="full")
    ap.add_argument("--cluster")
    ap.add_argument("--skip-cluster")
    ap.add_argument("--show", action="store_true", help="print the findings and what was missed")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(a.gold_dir.parent))
    import evaluate  # type: ignore[import-not-found]
    import score  # type: ignore[import-not-found]

    from caresocial.consistency.checker import check

    out = Path(tempfile.mkdtemp(prefix="checker-gold-"))
    gold_dir = a.gold_dir
    if a.cluster or a.skip_cluster:
        gold_dir = evaluate.subset(a.gold_dir, lambda g: (g.get("cluster") == a.cluster) if a.cluster
                                   else (g.get("cluster") != a.skip_cluster), out)
    docs = build(gold_dir, a.measures)
    report = check(docs)
    (out / "findings.json").write_text(report.model_dump_json(), encoding="utf-8")
    res = score.score_check(gold_dir, out / "findings.json")
    print(f"{gold_dir.name} ({a.measures}): recall {res['recall']} ({res['found']}/{res['gold_conflicts']}), "
          f"claim precision {res['claim_precision']}, findings {res['findings']} "
          f"({res['cross_document_findings']} cross), flagged agreements {res['flagged_agreements']}, "
          f"internal {res['internal_found']}/{res['internal']}")
    if a.show:
        for f in report.findings:
            print(f"  {f.severity} {f.rule}: {f.message[:400]}")
        print("missed:")
        for m in res["missed"]:
            print(f"  {m[:200]}")
        print("flagged agreements:")
        for m in res["flagged_agreements_sample"]:
            print(f"  {m[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
