"""caresocial: checkable figures, quotes and claims from policy documents, and a consistency checker.

    >>> import caresocial
    >>> doc = caresocial.extract("Spending rose from £6bn to £8.2bn.")
    >>> [(f.text, f.value, f.unit) for f in doc.figures]
    [('£6bn', 6000000000.0, 'GBP'), ('£8.2bn', 8200000000.0, 'GBP')]

Heavy modules (spaCy, the checker) load on first use, so ``import caresocial`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .extraction.pipeline import collect_sources, extract, extract_many
    from .io.frames import to_dataframe
    from .models import Claim, Document, Figure, Finding, Quote, Report, Speaker

__all__ = [
    "Claim", "Document", "Figure", "Finding", "Quote", "Report", "Speaker", "__version__", "check",
    "collect_sources", "extract", "extract_many", "to_dataframe",
]

_LAZY = {
    "extract": "extraction.pipeline", "extract_many": "extraction.pipeline", "collect_sources": "extraction.pipeline",
    "check": "consistency.checker", "to_dataframe": "io.frames",
    "Claim": "models", "Document": "models", "Figure": "models", "Finding": "models", "Quote": "models",
    "Report": "models", "Speaker": "models",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'caresocial' has no attribute {name!r}")
