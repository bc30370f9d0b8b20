"""A tiny OFD writer for the tests (GB/T 33190: OFD.xml → Document.xml → Pages/Page_N/Content.xml with
TextObjects): it places every word of a PDF (read with pdfplumber) where the PDF has it, one TextObject per
word with its glyph advances in DeltaX, so that an OFD reads like its PDF.  easyofd does the same but
needs PyMuPDF; this keeps the tests on the project's own dependencies."""
from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

MM_PER_PT = 25.4 / 72
OFD_NS = "http://www.ofdspec.org/2016"


def pdf_to_ofd(pdf_path, ofd_path, namespace: str = OFD_NS, prefix: str = "ofd") -> None:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        pages = [(p.width, p.height, p.extract_words(extra_attrs=["size"], return_chars=True)) for p in pdf.pages]
    parts = {"OFD.xml": _ofd_xml(namespace, prefix), "Doc_0/Document.xml": _document_xml(pages, namespace, prefix)}
    for n, (_, _, words) in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{n}/Content.xml"] = _page_xml(words, namespace, prefix)
    write_parts(ofd_path, parts)


def write_parts(path, parts: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _tag(prefix: str, name: str) -> str:
    return f"{prefix}:{name}" if prefix else name


def _root(prefix: str, name: str, namespace: str, body: str) -> str:
    xmlns = f'xmlns:{prefix}="{namespace}"' if prefix else f'xmlns="{namespace}"'
    t = _tag(prefix, name)
    return f'<?xml version="1.0" encoding="UTF-8"?><{t} {xmlns}>{body}</{t}>'


def _ofd_xml(namespace: str, prefix: str) -> str:
    t = lambda n: _tag(prefix, n)  # noqa: E731
    body = (f'<{t("DocBody")}><{t("DocInfo")}><{t("DocID")}>0</{t("DocID")}></{t("DocInfo")}>'
            f'<{t("DocRoot")}>Doc_0/Document.xml</{t("DocRoot")}></{t("DocBody")}>')
    return _root(prefix, "OFD", namespace, body)


def _document_xml(pages, namespace: str, prefix: str) -> str:
    t = lambda n: _tag(prefix, n)  # noqa: E731
    w, h = pages[0][0] * MM_PER_PT, pages[0][1] * MM_PER_PT
    listing = "".join(f'<{t("Page")} ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    body = (f'<{t("CommonData")}><{t("PageArea")}><{t("PhysicalBox")}>0 0 {w:.2f} {h:.2f}</{t("PhysicalBox")}>'
            f'</{t("PageArea")}></{t("CommonData")}><{t("Pages")}>{listing}</{t("Pages")}>')
    return _root(prefix, "Document", namespace, body)


def _page_xml(words, namespace: str, prefix: str) -> str:
    t = lambda n: _tag(prefix, n)  # noqa: E731
    objects = [_text_object(k, w, t) for k, w in enumerate(words)]
    body = f'<{t("Content")}><{t("Layer")} ID="0">{"".join(objects)}</{t("Layer")}></{t("Content")}>'
    return _root(prefix, "Page", namespace, body)


def _text_object(k: int, word: dict, t) -> str:
    chars = word["chars"]
    size = word["size"] * MM_PER_PT
    x0, top = word["x0"] * MM_PER_PT, word["top"] * MM_PER_PT
    width, height = (word["x1"] - word["x0"]) * MM_PER_PT, (word["bottom"] - word["top"]) * MM_PER_PT
    steps = [(b["x0"] - a["x0"]) * MM_PER_PT for a, b in zip(chars, chars[1:])]
    return (f'<{t("TextObject")} ID="{k + 1}" Boundary="{x0:.3f} {top:.3f} {width:.3f} {height:.3f}" Font="1" '
            f'Size="{size:.3f}"><{t("TextCode")} X="0" Y="{0.86 * height:.3f}"{delta_x(steps)}>'
            f'{escape(word["text"])}</{t("TextCode")}></{t("TextObject")}>')


def delta_x(steps: list[float]) -> str:
    """The DeltaX attribute (none for one glyph): advances, runs of equal ones written 「g n v」."""
    out, i = [], 0
    while i < len(steps):
        j = i
        while j + 1 < len(steps) and abs(steps[j + 1] - steps[i]) < 0.001:
            j += 1
        out.append(f"g {j - i + 1} {steps[i]:.3f}" if j > i else f"{steps[i]:.3f}")
        i = j + 1
    return f' DeltaX="{" ".join(out)}"' if out else ""


def image_ofd(ofd_path, pictures: list, namespace: str = OFD_NS, prefix: str = "ofd") -> None:
    """An OFD whose pages are each one picture filling an A4 page (a scanned OFD): the pictures as PNG files
    named in DocumentRes.xml, placed by ImageObjects."""
    t = lambda n: _tag(prefix, n)  # noqa: E731
    listing = "".join(f'<{t("Page")} ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pictures)))
    document = (f'<{t("CommonData")}><{t("PageArea")}><{t("PhysicalBox")}>0 0 210 297</{t("PhysicalBox")}>'
                f'</{t("PageArea")}><{t("DocumentRes")}>DocumentRes.xml</{t("DocumentRes")}></{t("CommonData")}>'
                f'<{t("Pages")}>{listing}</{t("Pages")}>')
    media = "".join(f'<{t("MultiMedia")} ID="{100 + n}" Type="Image" Format="PNG"><{t("MediaFile")}>image_{n}.png'
                    f'</{t("MediaFile")}></{t("MultiMedia")}>' for n in range(len(pictures)))
    res = _root(prefix, "Res", namespace, f'<{t("MultiMedias")}>{media}</{t("MultiMedias")}>').replace(
        f"<{t('Res')} ", f'<{t("Res")} BaseLoc="Res" ', 1)
    parts: dict[str, str | bytes] = {"OFD.xml": _ofd_xml(namespace, prefix),
                                     "Doc_0/Document.xml": _root(prefix, "Document", namespace, document),
                                     "Doc_0/DocumentRes.xml": res}
    for n, png in enumerate(pictures):
        parts[f"Doc_0/Res/image_{n}.png"] = png.read_bytes()
        body = (f'<{t("Content")}><{t("Layer")} ID="0"><{t("ImageObject")} ID="{n + 1}" Boundary="0 0 210 297" '
                f'CTM="210 0 0 297 0 0" ResourceID="{100 + n}"/></{t("Layer")}></{t("Content")}>')
        parts[f"Doc_0/Pages/Page_{n}/Content.xml"] = _root(prefix, "Page", namespace, body)
    write_parts(ofd_path, parts)
