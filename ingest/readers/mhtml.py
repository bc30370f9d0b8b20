"""A web page saved as one file (「网页，单个文件」: .mht/.mhtml, from IE, Edge or 360): a MIME message whose HTML
part is the page and whose other parts are its pictures.  The page is read as a saved web page is (html.py);
the tables it shows as pictures are found among the parts by the address the page gives them."""
from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from email.message import Message
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from ..result import IngestError
from .html import html_items
from .pictures import MAX_PICTURE_BYTES, load_picture, read_with_pictures
from .text import decode

if TYPE_CHECKING:
    from PIL.Image import Image


def read_mhtml(path: str, name: str, tell: Callable[[tuple], None] | None = None
               ) -> tuple[str, list[tuple], None] | tuple[str, list[tuple], list, dict]:
    with open(path, "rb") as fh:
        message = email.message_from_binary_file(fh, policy=email.policy.compat32)
    page, base, pictures = _parts(message)
    if page is None:
        raise IngestError(f"{name}：网页存档中没有网页内容")
    items = html_items(decode(page, name), name, pictures=True)
    return read_with_pictures(items, lambda src: _picture(src, base, pictures), name, tell)


def _parts(message: Message) -> tuple[bytes | None, str, dict[str, Message]]:
    """The first HTML part's bytes (decoded from its transfer encoding, not yet from its charset), its address,
    and the picture parts by their addresses (Content-Location, and cid: of their Content-ID)."""
    page: bytes | None = None
    base = ""
    pictures: dict[str, Message] = {}
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        if kind == "text/html" and page is None:
            payload = part.get_payload(decode=True)
            page = payload if isinstance(payload, bytes) else None
            base = (part.get("Content-Location") or "").strip()
        elif kind.startswith("image/"):
            if location := (part.get("Content-Location") or "").strip():
                pictures[location] = part
            if cid := (part.get("Content-ID") or "").strip().strip("<>"):
                pictures[f"cid:{cid}"] = part
    return page, base, pictures


def _picture(src: str, base: str, pictures: dict[str, Message]) -> Image | None:
    part = pictures.get(src) or pictures.get(urljoin(base, src))
    if part is None:
        return None
    data = part.get_payload(decode=True)
    return load_picture(data) if isinstance(data, bytes) and len(data) <= MAX_PICTURE_BYTES else None
