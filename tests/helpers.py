"""Small generated fixtures: files a test writes itself, so no test depends on what
happens to be on the machine (real-world files come from the shared corpus)."""

from __future__ import annotations

from pathlib import Path

RU_ARTICLE = (
    "Облачный провайдер Helix Cloud мог продавать сервисы распознавания лиц компании "
    "OkoVision, которая находится под санкциями. Журналисты изучили счета и переписку."
)
EN_CLAIM = (
    "The Claimant, Daniel Forrest, says the Respondent sold cloud face-recognition "
    "services to a sanctioned company through a front company in Cyprus."
)


def write_mixed_folder(folder: Path) -> dict[str, Path]:
    """A folder like a user's downloads: text in legacy encodings, HTML, a DOCX, a fake
    PDF, an empty file and a nested sub-folder."""
    from docx import Document

    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "ru_cp1251": folder / "статья.txt",
        "ru_koi8": folder / "nested" / "koi8.txt",
        "html": folder / "page.html",
        "docx": folder / "claim.docx",
        "fake_pdf": folder / "not really.pdf",
        "empty": folder / "empty.txt",
    }
    files["ru_koi8"].parent.mkdir(exist_ok=True)
    files["ru_cp1251"].write_bytes(RU_ARTICLE.encode("cp1251"))
    files["ru_koi8"].write_bytes(("Санкции. " + RU_ARTICLE).encode("koi8-r"))
    files["html"].write_text(
        "<html><head><meta charset='utf-8'><title>Claim page</title>"
        "<script>var secret = 'never indexed';</script></head>"
        f"<body><p>{EN_CLAIM}</p></body></html>",
        encoding="utf-8",
    )
    doc = Document()
    doc.core_properties.title = "Tribunal claim"
    doc.add_paragraph(EN_CLAIM)
    doc.save(str(files["docx"]))
    files["fake_pdf"].write_text("this is not a pdf at all, just words\n", encoding="utf-8")
    files["empty"].write_bytes(b"")
    return files


def write_text_files(folder: Path, count: int, size: int = 3000) -> list[Path]:
    """`count` distinct ~`size`-byte mixed Russian/English text files."""
    folder.mkdir(parents=True, exist_ok=True)
    base = (RU_ARTICLE + " " + EN_CLAIM + " ") * (size // 300 + 1)
    paths = []
    for i in range(count):
        p = folder / f"doc{i:05d}.txt"
        p.write_text(f"Document {i}. " + base[: size - 20], encoding="utf-8")
        paths.append(p)
    return paths
