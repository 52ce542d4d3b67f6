"""What the caresocial components keep on a spaCy ``Doc``, and what they share.

The ``Doc._`` extension attributes are declared the public way (``Doc.set_extension``) and read through
:class:`Annotations`; :class:`RuleComponent` is the base of the components (find with ``match``, write with
``set_annotations``, under the pipeline's error handler).
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from ..lexicons import Lexicons, lexicons
from .segment import paragraphs, sentences, without_front_matter

_EXTENSIONS: dict[str, Any] = {
    "figures": [], "quotes": [], "claims": [],
    "cs_doc_id": None, "cs_path": None, "cs_date": None, "cs_publisher": None, "cs_sources": None,
    "cs_paragraphs": None, "cs_sentences": None, "cs_raw_figures": None, "cs_raw_quotes": None,
    "cs_meta": None, "cs_reference": None, "cs_text": None, "cs_fig_quotes": None,
    "cs_citations": None, "cs_default_date": None, "cs_default_publisher": None,
}


class Annotations:
    """The ``Doc._`` attributes of :data:`_EXTENSIONS` on one doc, read and written where spaCy keeps them.

    An extension declared with a default (no getter, setter or method) lives in ``doc.user_data`` under
    ``("._.", name, None, None)``; building a ``doc._`` accessor and going through it costs about a microsecond
    an access, this a dict look-up. Unset attributes read None, as their defaults."""

    __slots__ = ("_data",)

    def __init__(self, doc: Doc) -> None:
        self._data = doc.user_data

    if TYPE_CHECKING:  # (the attributes are properties made below, one for each extension)
        def __getattr__(self, name: str) -> Any: ...
        def __setattr__(self, name: str, value: Any) -> None: ...


def _annotation(name: str) -> property:
    key = ("._.", name, None, None)

    def get(self: Annotations) -> Any:
        return self._data.get(key)

    def put(self: Annotations, value: Any) -> None:
        self._data[key] = value

    return property(get, put, doc=f"``doc._.{name}``")


for _name in _EXTENSIONS:
    setattr(Annotations, _name, _annotation(_name))


def register_extensions() -> None:
    """Declare the ``Doc._`` attributes the components use (idempotent)."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def doc_text(doc: Doc) -> str:
    """``doc.text`` as the components read it, built once (spaCy rebuilds the string from the tokens on every
    access): a front matter block at the top blanked, so that no figure or statement is read from metadata."""
    ext = Annotations(doc)
    text = ext.cs_text
    if text is None:
        text = ext.cs_text = without_front_matter(doc.text)
    return text


def source_text(doc: Doc) -> str:
    """The text as given, front matter included (for reading the document's metadata); :func:`doc_text` is
    the same text with its front matter blanked."""
    text = doc_text(doc)
    return doc.text if text[:1] == " " else text  # (a blanked front matter starts with spaces)


def segments(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    ext = Annotations(doc)
    paras = ext.cs_paragraphs
    if paras is None:
        text = doc_text(doc)
        paras = ext.cs_paragraphs = paragraphs(text)
        ext.cs_sentences = sentences(text, paras)
    return paras, ext.cs_sentences


class RuleComponent:
    """Base of the components: ``__call__`` finds (``match``) then writes (``set_annotations``), like spaCy's
    rule components, under the pipeline's error handler.

    Each holds the lexicons its rules are derived from (:attr:`lexicons`: the built-in data plus the
    ``lexicons`` additions of its configuration) and writes the additions with ``to_disk``/``to_bytes``."""

    name: str
    additions: dict[str, Any]
    _pipeline: Any = None
    _reads: tuple[str, ...] = ()
    _order_checked: bool = False

    def bind(self, nlp: Any, reads: tuple[str, ...]) -> None:
        """Remember the pipeline and the factories whose annotations this component reads (see
        :meth:`check_order`)."""
        self._pipeline, self._reads, self._order_checked = nlp, reads, False

    def check_order(self) -> None:
        """Raise a ``ValueError`` naming the fix when a component this one reads from comes after it in the
        pipeline (its annotations would be computed here and then written again)."""
        nlp = self._pipeline
        if nlp is None:
            return
        pipes = [(name, getattr(nlp.get_pipe_meta(name), "factory", None)) for name in nlp.pipe_names]
        mine = next((i for i, (name, _) in enumerate(pipes) if name == self.name), None)
        if mine is None:
            return
        later = [(name, factory) for name, factory in pipes[mine + 1:] if factory in self._reads]
        if later:
            name, factory = later[0]
            raise ValueError(f"{self.name!r} reads what {name!r} ({factory}) writes but runs before it: add it "
                             f"after, e.g. nlp.add_pipe({factory!r}, before={self.name!r})")

    @property
    def lexicons(self) -> Lexicons:
        """The lexicons of this component: built-in data with its configured additions."""
        return lexicons(getattr(self, "additions", None))

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        """The component's lexicon additions, serialized."""
        return json.dumps(getattr(self, "additions", {}), sort_keys=True, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> RuleComponent:
        """Load lexicon additions written by :meth:`to_bytes`."""
        self.additions = json.loads(data.decode("utf-8"))
        lexicons(self.additions)  # a bad table fails here, naming it
        return self

    def to_disk(self, path: Any, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the lexicon additions to ``path/lexicons.json``."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "lexicons.json").write_bytes(self.to_bytes())

    def from_disk(self, path: Any, *, exclude: tuple[str, ...] = ()) -> RuleComponent:
        """Read the lexicon additions written by :meth:`to_disk`."""
        file = Path(path) / "lexicons.json"
        return self.from_bytes(file.read_bytes()) if file.exists() else self

    def __call__(self, doc: Doc) -> Doc:
        if not self._order_checked:
            self.check_order()
            self._order_checked = True
        error_handler = self.get_error_handler()
        try:
            return self.set_annotations(doc, self.match(doc))
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc

    def match(self, doc: Doc) -> Any:
        """What the component finds in ``doc``."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> Doc:
        """Write what ``match`` found onto ``doc``."""
        raise NotImplementedError

    def get_error_handler(self) -> Callable[..., Any]:
        """The handler ``nlp.set_error_handler`` gave, else one that re-raises."""
        return getattr(self, "_error_handler", _raise)

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        """Called by ``nlp.set_error_handler``."""
        self._error_handler = error_handler


def _raise(proc_name: str, proc: Any, docs: list[Doc], e: Exception) -> None:
    raise e


def sentence_of(sents: list[tuple[int, int]], starts: list[int], pos: int, length: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding offset ``pos`` (or a one-character span)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sents[i][0] <= pos < max(sents[i][1], sents[i][0] + 1):
        return sents[i]
    return pos, min(length, pos + 1)


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
