"""Test helpers: open a .docx with python-docx and dump its text in document order."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(path_or_bytes):
    if isinstance(path_or_bytes, (bytes, bytearray)):
        return docx.Document(io.BytesIO(path_or_bytes))
    return docx.Document(str(path_or_bytes))


def _text(el) -> str:
    out = []
    for node in el.iter(W + "t", W + "br", W + "noBreakHyphen"):
        out.append({W + "br": "\n", W + "noBreakHyphen": "-"}.get(node.tag, node.text or ""))
    return "".join(out)


def dump(doc) -> str:
    """Paragraphs and table rows (cells joined by ` | `) in order; `=== section ===` at section breaks."""
    lines = []
    for child in doc.element.body.iterchildren():
        if child.tag == W + "p":
            lines.append(_text(child))
            if child.find(f"{W}pPr/{W}sectPr") is not None:
                lines.append("=== section ===")
        elif child.tag == W + "tbl":
            for tr in child.iter(W + "tr"):
                cells = ["\n".join(_text(p) for p in tc.iter(W + "p")) for tc in tr.iter(W + "tc")]
                lines.append(" | ".join(c.replace("\n", " / ") for c in cells))
    return "\n".join(lines).rstrip() + "\n"


def body_paragraphs(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def all_runs(doc):
    """Every w:r element of the body and of every header part."""
    yield from doc.element.body.iter(qn("w:r"))
    for section in doc.sections:
        for part in (section.header, section.first_page_header):
            if not part.is_linked_to_previous:
                yield from part._element.iter(qn("w:r"))


def save(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
