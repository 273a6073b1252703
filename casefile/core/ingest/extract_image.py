"""Pictures (PNG, JPEG, TIFF): no text of their own, one page per frame, every page
waiting for OCR (core/ocr). Only the header is read here; nothing is decoded, so a
picture that declares a billion pixels costs nothing until OCR's budget refuses it."""

from __future__ import annotations

import os

from casefile.core.i18n import N_
from casefile.core.ingest.types import Extraction, FileType, Status

MAX_FRAMES = 2000
NEEDS_OCR = N_("This is a picture: its text needs OCR before it can be searched.")


def extract_image(path: str | os.PathLike[str]) -> Extraction:
    from PIL import Image

    frames = 1
    metadata: dict[str, str] = {}
    try:
        Image.MAX_IMAGE_PIXELS = None  # only the header is read: no bomb to fear here
        with Image.open(path) as image:
            frames = max(1, min(int(getattr(image, "n_frames", 1) or 1), MAX_FRAMES))
            metadata["picture"] = f"{image.format} {image.width} × {image.height}"
    except Exception:
        return Extraction(
            FileType.IMAGE, Status.FAILED, reason=N_("This picture is damaged and cannot be read.")
        )
    return Extraction(
        FileType.IMAGE,
        Status.NEEDS_OCR,
        reason=NEEDS_OCR,
        pages=[""] * frames,
        pages_needing_ocr=list(range(1, frames + 1)),
        metadata=metadata,
    )
