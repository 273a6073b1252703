"""E-mails with attachments, built with the standard library's `email` package (the
tests make their own hostile and ordinary mail; nothing is downloaded)."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path


def build_mail(number: int, attachments: int = 2, inner: bool = False) -> bytes:
    """Message `number` with `attachments` distinct text files attached; with `inner`,
    one more attachment that is itself a message with a file of its own."""
    msg = EmailMessage()
    msg["From"] = "Daniel Forrest <forrest@example.org>"
    msg["To"] = "tribunal@example.org"
    msg["Subject"] = f"Evidence bundle {number}"
    msg["Date"] = "Mon, 03 Jun 2024 10:00:00 +0000"
    msg.set_content(f"Message {number}: the Helix Cloud invoices from the front company.")
    for k in range(attachments):
        msg.add_attachment(
            f"Attachment {k} of message {number}: Helix Cloud invoice {number}-{k}.\n".encode(),
            maintype="text",
            subtype="plain",
            filename=f"invoice-{number}-{k}.txt",
        )
    if inner:
        nested = EmailMessage()
        nested["From"] = "someone@example.org"
        nested["Subject"] = f"Forwarded {number}"
        nested.set_content(f"The forwarded note {number}.")
        nested.add_attachment(
            f"Deep file of message {number}.\n".encode(),
            maintype="text",
            subtype="plain",
            filename=f"deep-{number}.txt",
        )
        msg.add_attachment(nested)
    return msg.as_bytes()


def write_mails(folder: Path, count: int, attachments: int = 2, inner: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"mail{i:04d}.eml").write_bytes(build_mail(i, attachments, inner))
