"""The PDF court bundle (docs/architecture.md, "Layers": a core package of plain values
in, a file out). `BundleExporter` is the entry point; `model` holds the values."""

from casefile.core.export.bundle.assemble import BundleExporter, make_bundle
from casefile.core.export.bundle.model import (
    DEFAULT_VOLUME_PAGES,
    BundleContent,
    BundleDocument,
    BundleOptions,
    BundleResult,
    BundleSection,
    DocumentOrder,
    PageStyle,
    PlacedDocument,
    Reproduction,
)

__all__ = [
    "DEFAULT_VOLUME_PAGES",
    "BundleContent",
    "BundleDocument",
    "BundleExporter",
    "BundleOptions",
    "BundleResult",
    "BundleSection",
    "DocumentOrder",
    "PageStyle",
    "PlacedDocument",
    "Reproduction",
    "make_bundle",
]
