"""E-mail (.eml / RFC 822 with MIME) and Outlook (.msg) messages.

An investigator searches mail by who wrote to whom and when, so the headers are both
metadata and the top of the page text. The body is the text/plain alternative, else the
HTML one as visible text; attached files come back as `Attachment`s (imported as their
own documents, so a PDF attached to a court notice becomes searchable). Real mail is
often malformed (a missing start boundary hides the whole body from a strict parser):
whatever the parser could not place is read as raw text rather than lost.
"""

from __future__ import annotations

import email
import logging
import os
import re
from email import policy
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from typing import Any

from casefile.core.i18n import N_
from casefile.core.ingest.charset import decode_bytes
from casefile.core.ingest.extract_html import decode_html, html_to_text
from casefile.core.ingest.extract_text import normalise_newlines
from casefile.core.ingest.types import Attachment, Extraction, FileType, Status

MAX_ATTACHMENT_BYTES = 256 * 1024 * 1024
_BOUNDARY_LINE = re.compile(r"^--([^\s]{6,})\s*$", re.MULTILINE)
_HEADERS = (("from", "From"), ("to", "To"), ("cc", "Cc"), ("date", "Date"), ("subject", "Subject"))


# Mail labels a charset by its best-known subset; decoding with the superset keeps the
# characters senders really used (GBK text labelled GB2312, Windows quotes in Latin-1).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}


def _superset(charset: str) -> str:
    return _SUPERSETS.get(charset.lower(), charset)


def _raw_header(msg: Message, name: str) -> str | None:
    for key, value in msg.raw_items():
        if key.lower() == name.lower():
            return _decode_raw_header(str(value))
    return None


def _header(msg: Message, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:  # a header the modern policy cannot parse: fall back to raw decoding
        value = _raw_header(msg, name)
    if value is not None and "\ufffd" in str(value):
        value = _raw_header(msg, name) or value
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _decode_raw_header(raw: str) -> str:
    from email.header import decode_header

    parts = []
    for chunk, charset in decode_header(raw):
        if isinstance(chunk, bytes):
            try:
                parts.append(chunk.decode(_superset(charset or "ascii"), errors="replace"))
            except LookupError:
                parts.append(decode_bytes(chunk)[0])
        else:
            parts.append(chunk)
    return "".join(parts)


def edtf_from_mail_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or not 1970 <= parsed.year <= 2100:
        return None
    return parsed.date().isoformat()


def _part_text(part: Message) -> str:
    """A text part's content as str, surviving unknown or lying charsets."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    charset = part.get_content_charset()
    if charset:
        charset = _superset(charset)
        try:
            return payload.decode(charset)
        except LookupError:
            pass
        except UnicodeDecodeError:
            # A few bad bytes in a declared charset: keep it rather than guess anew.
            text = payload.decode(charset, errors="replace")
            if text.count("\ufffd") <= max(3, len(text) // 100):
                return text
    if part.get_content_type() == "text/html":
        return decode_html(payload)[0]
    return decode_bytes(payload)[0]


def _walk(msg: Message) -> list[Message]:
    """Leaf parts, not descending into attached messages (they are attachments)."""
    if msg.get_content_type() == "message/rfc822" and msg.get_content_disposition():
        return [msg]
    if not msg.is_multipart():
        return [msg]
    leaves: list[Message] = []
    payload = msg.get_payload()
    for sub in payload if isinstance(payload, list) else []:
        if isinstance(sub, Message):  # always, in a multipart payload
            leaves.extend(_walk(sub))
    return leaves


def _body(msg: Message, leaves: list[Message]) -> tuple[str, Message | None]:
    chosen: Message | None = None
    if isinstance(msg, EmailMessage):
        try:
            chosen = msg.get_body(preferencelist=("plain", "html"))
        except Exception:
            chosen = None
    if chosen is None:
        texts = [p for p in leaves if p.get_content_maintype() == "text" and not p.get_filename()]
        chosen = next((p for p in texts if p.get_content_subtype() == "plain"), None) or next(
            iter(texts), None
        )
    if chosen is None or chosen.is_multipart():
        raw = msg.get_payload()
        if isinstance(raw, str) and msg.get_content_maintype() == "multipart":
            # the declared boundary was never found
            return _recover_parts(raw), None
        if isinstance(raw, str):
            return (html_to_text(raw)[0] if "<html" in raw.lower() else raw), None
        return "", None
    text = _part_text(chosen)
    if chosen.get_content_subtype() == "html":
        text = html_to_text(text)[0]
    elif not text.strip():  # an empty text/plain beside a real HTML alternative
        html = next((p for p in leaves if p.get_content_type() == "text/html"), None)
        if html is not None:
            return html_to_text(_part_text(html))[0], html
    return text, chosen


def _recover_parts(raw: str) -> str:
    """Text of a multipart body whose declared boundary is absent: split it at the
    first boundary-looking line actually present and parse each piece on its own."""
    match = _BOUNDARY_LINE.search(raw)
    if not match:
        return html_to_text(raw)[0] if "<html" in raw.lower() else raw
    delimiter = "--" + match.group(1)
    texts: list[str] = []
    html: list[str] = []
    for chunk in raw.split(delimiter):
        part = email.message_from_string(chunk.lstrip("-\r\n").lstrip(), policy=policy.default)
        if part.get_content_type() == "text/plain":
            texts.append(_part_text(part))
        elif part.get_content_type() == "text/html":
            html.append(html_to_text(_part_text(part))[0])
    return "\n\n".join(t for t in texts if t.strip()) or "\n\n".join(html) or raw


def _attachments(leaves: list[Message], body_part: Message | None) -> list[Attachment]:
    found: list[Attachment] = []
    for number, part in enumerate(leaves, start=1):
        if part is body_part:
            continue
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                data = inner[0].as_bytes()
                found.append(
                    Attachment(filename or f"attached message {number}.eml", data, "message/rfc822")
                )
            continue
        if not filename and disposition != "attachment":
            continue  # inline images referenced by cid:, alternative bodies…
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or len(payload) > MAX_ATTACHMENT_BYTES:
            continue
        name = " ".join(str(filename).split()) if filename else f"attachment {number}"
        found.append(Attachment(name, payload, part.get_content_type()))
    return found


def _header_block(meta: dict[str, str]) -> str:
    lines = [f"{label}: {meta[key]}" for key, label in _HEADERS if meta.get(key)]
    return "\n".join(lines)


def extract_email(path: str | os.PathLike[str]) -> Extraction:
    with open(path, "rb") as fh:
        msg = email.message_from_binary_file(fh, policy=policy.default)
    ex = Extraction(FileType.EMAIL, Status.OK, kind_hint="correspondence")
    for key, name in _HEADERS:
        value = _header(msg, name)
        if value and key in ("from", "to", "cc"):
            # As written: the parsed form drops an address when the display name looks
            # like one ("alice@example.com <bob@example.com>" became "alice@example.com").
            raw = _raw_header(msg, name)
            value = " ".join(raw.split()) if raw and raw.strip() else value
        if value:
            ex.metadata[key] = value
    message_id = _header(msg, "Message-ID")
    if message_id:
        ex.metadata["message_id"] = message_id
    ex.title = ex.metadata.get("subject")
    ex.author = ex.metadata.get("from")
    ex.date = edtf_from_mail_date(ex.metadata.get("date"))
    leaves = _walk(msg)
    body, body_part = _body(msg, leaves)
    ex.attachments = _attachments(leaves, body_part)
    if ex.attachments:
        ex.metadata["attachments"] = ", ".join(a.filename for a in ex.attachments)
    if msg.defects:
        ex.metadata["note"] = N_("The message is malformed; its text was read as well as possible.")
    ex.pages = [normalise_newlines(_header_block(ex.metadata) + "\n\n" + body.strip())]
    return ex


def extract_msg_file(path: str | os.PathLike[str]) -> Extraction:
    import extract_msg  # slow to import (~0.5 s): only workers that meet a .msg pay

    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
    msg: Any = extract_msg.openMsg(str(path))
    try:
        ex = Extraction(FileType.MSG, Status.OK, kind_hint="correspondence")
        for key, attr in (("from", "sender"), ("to", "to"), ("cc", "cc"), ("subject", "subject")):
            value = getattr(msg, attr, None)
            if value:
                ex.metadata[key] = " ".join(str(value).split())
        sent = getattr(msg, "date", None)
        if sent is not None and hasattr(sent, "date"):
            ex.metadata["date"] = sent.isoformat()
            ex.date = sent.date().isoformat()
        ex.title = ex.metadata.get("subject")
        ex.author = ex.metadata.get("from")
        body = msg.body or ""
        if not body.strip() and msg.htmlBody:
            body = html_to_text(decode_html(msg.htmlBody)[0])[0]
        for number, att in enumerate(msg.attachments, start=1):
            data = getattr(att, "data", None)
            if not isinstance(data, bytes) or len(data) > MAX_ATTACHMENT_BYTES:
                continue  # embedded messages/objects: not a plain file
            name = att.longFilename or att.shortFilename or f"attachment {number}"
            ex.attachments.append(Attachment(name, data, getattr(att, "mimetype", None)))
        if ex.attachments:
            ex.metadata["attachments"] = ", ".join(a.filename for a in ex.attachments)
        ex.pages = [normalise_newlines(_header_block(ex.metadata) + "\n\n" + body.strip())]
        return ex
    finally:
        msg.close()
