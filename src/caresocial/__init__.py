"""caresocial: checkable figures, quotes and claims from policy documents, and a consistency checker.

    >>> import caresocial
    >>> doc = caresocial.extract("Spending rose from £6bn to £8.2bn.", date="2023-02")
    >>> [(f.text, f.value, f.unit) for f in doc.figures]
    [('£6bn', 6000000000.0, 'GBP'), ('£8.2bn', 8200000000.0, 'GBP')]
    >>> doc.date
    datetime.date(2023, 2, 1)

``extract`` also takes a file (``caresocial.extract(Path("report.pdf"))``); ``extract_many`` takes many texts
with their metadata (doc_id, date, publisher, title, url) as one corpus; ``check`` compares documents.
Heavy modules (spaCy, the checker) load on first use, so ``import caresocial`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .dates import DateError
from .errors import CaresocialError, ConfigError, InputError, OutputError

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .consistency.checker import check
    from .extraction.pipeline import collect_sources, extract, extract_many
    from .io.frames import to_dataframe
    from .models import Claim, Document, Figure, Finding, Quote, Report, Speaker

__all__ = [
    "CaresocialError", "Claim", "ConfigError", "DateError", "Document", "Figure", "Finding", "InputError",
    "OutputError", "Quote", "Report", "Speaker", "__version__", "check", "collect_sources", "extract",
    "extract_many", "to_dataframe",
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


def __dir__() -> list[str]:
    """The public names (loaded on first use) besides the module's own attributes."""
    return sorted({*globals(), *__all__})
