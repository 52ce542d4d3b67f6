"""A test-only spaCy component that misbehaves on marked documents, for the per-document limits' tests.

``install()`` puts it first in the cached default pipeline (worker processes forked afterwards inherit it);
``uninstall()`` takes it out again. It is never part of the library's pipeline.
"""

from __future__ import annotations

import os
import signal
import time

from spacy.language import Language
from spacy.tokens import Doc

NAME = "caresocial_test_hook"
SLOW = "SLOW-DOCUMENT-MARKER"  # runs in C, holding the GIL, for hours: only a kill stops it
HUNGRY = "HUNGRY-DOCUMENT-MARKER"  # asks for 1 GiB at once
RAISES = "RAISING-DOCUMENT-MARKER"  # raises RuntimeError
DIES = "DYING-DOCUMENT-MARKER"  # the process is killed, as the kernel's out-of-memory killer would


def misbehave(doc: Doc) -> Doc:
    text = doc.text
    if SLOW in text:
        sum(range(10**13))  # a C loop that never checks for signals
    if HUNGRY in text:
        _ = bytes(2**30)
    if RAISES in text:
        raise RuntimeError("hook raised\non purpose")
    if DIES in text:
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


if not Language.has_factory(NAME):
    Language.component(NAME, func=misbehave)


LAZY = "caresocial_test_lazy"
_loaded: list[bool] = [False]


def load_on_first_use(doc: Doc) -> Doc:
    """Takes 3 s the first time it runs in a process, as loading a large table on first use would."""
    if not _loaded[0]:
        time.sleep(3)
        _loaded[0] = True
    return doc


if not Language.has_factory(LAZY):
    Language.component(LAZY, func=load_on_first_use)


def install(name: str = NAME) -> None:
    from caresocial.extraction.pipeline import get_nlp

    nlp = get_nlp()
    _loaded[0] = False
    if name not in nlp.pipe_names:
        nlp.add_pipe(name, first=True)


def uninstall(name: str = NAME) -> None:
    from caresocial.extraction.pipeline import get_nlp

    nlp = get_nlp()
    if name in nlp.pipe_names:
        nlp.remove_pipe(name)
