"""Derive ``src/caresocial/data/word_classes.txt``: the parts of speech an English word form can take.

Source: the English tables of spaCy's ``spacy-lookups-data`` package (MIT licence), whose lemma index,
exceptions and suffix rules come from WordNet 3.0 (Princeton University; WordNet licence: permission to use,
copy, modify and distribute for any purpose, with its copyright notice kept, which the header of the
derived file repeats), and whose ``lexeme_prob`` table ranks forms by frequency.

Only the most frequent forms are kept, and only those that can be something other than a noun: a form missing
from the table is read as a noun (or a name). The package is not a dependency of caresocial: install it where
you run this script (``pip download --no-deps spacy-lookups-data`` and unpack the wheel, or ``pip install``).

    python tools/derive_word_classes.py [--top 40000] [--data DIR] > src/caresocial/data/word_classes.txt
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

CLASSES = {"noun": "N", "verb": "V", "adj": "A", "adv": "R"}


def load(data: Path, name: str) -> dict:
    return json.loads(gzip.open(data / f"en_{name}.json.gz").read())


def classes_of(form: str, index: dict[str, set[str]], exc: dict[str, dict], rules: dict) -> set[str]:
    """The classes WordNet gives a form: as a lemma, as a listed exception, or by a suffix rule."""
    found = {c for c, words in index.items() if form in words}
    for c, table in exc.items():
        if form in table:
            found.add(c)
    for c, pairs in rules.items():
        if c not in index:
            continue
        for old, new in pairs:
            if old and form.endswith(old) and form[: len(form) - len(old)] + new in index[c]:
                found.add(c)
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=40000, help="how many of the most frequent forms to read")
    ap.add_argument("--data", type=Path, help="the folder of spacy_lookups_data's en_*.json.gz tables")
    a = ap.parse_args()
    if a.data is None:
        import spacy_lookups_data  # type: ignore[import-not-found]

        a.data = Path(spacy_lookups_data.__file__).parent / "data"
    index = {c: set(v) for c, v in load(a.data, "lemma_index").items() if c in CLASSES}
    exc = {c: v for c, v in load(a.data, "lemma_exc").items() if c in CLASSES}
    rules = {c: v for c, v in load(a.data, "lemma_rules").items() if c in CLASSES}
    prob = load(a.data, "lexeme_prob")
    forms = [w for w, _ in sorted(prob.items(), key=lambda kv: -kv[1]) if w.isalpha() and w.islower()][: a.top]
    out = sys.stdout
    out.write("# word classes: form | classes (N noun, V verb, A adjective, R adverb); a form not listed is a noun\n"
              "# derived by tools/derive_word_classes.py from spacy-lookups-data (MIT), whose English lemma tables\n"
              "# come from WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved.\n"
              "# (WordNet licence: use, copy, modify and distribute for any purpose, this notice kept; provided\n"
              "# 'as is', without warranty.)\n")
    for form in sorted(forms):
        found = classes_of(form, index, exc, rules)
        if found and found != {"noun"}:
            out.write(f"{form} | {''.join(CLASSES[c] for c in CLASSES if c in found)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
