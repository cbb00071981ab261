"""Read a .docx into blocks in document order: paragraphs and tables.

Tables are read from the XML so merged cells are seen as Word stores them:
a cell merged across columns (gridSpan) appears once with its span; a cell
merged down (vMerge) repeats the value of the cell above and says so. Line
breaks inside a cell become "\\n". Fonts of the runs are kept for the
legacy-encoding check.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from kehoach.docximport.text import MARK_BASE
from kehoach.errors import UsageError

_BAD_RAW = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BAD_REF = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]{1,2})|0*([0-9]{1,2}));")
_ALLOWED = {0x09, 0x0A, 0x0D}


@dataclass
class Cell:
    col: int
    span: int
    raw: str
    fonts: set[str] = field(default_factory=set)
    merged_above: bool = False


@dataclass
class Row:
    number: int
    cells: list[Cell]

    def covering(self, col: int) -> Cell | None:
        return next((c for c in self.cells if c.col <= col < c.col + c.span), None)


@dataclass
class Table:
    number: int
    rows: list[Row]


@dataclass
class Para:
    number: int
    raw: str
    fonts: set[str] = field(default_factory=set)


def _marker(code: int) -> bytes:
    return chr(MARK_BASE + code).encode("utf-8")


def _patch(xml: bytes) -> bytes:
    """Control characters XML forbids → private-use markers, so parsing succeeds and text.py can report them."""
    xml = _BAD_RAW.sub(lambda m: _marker(m.group()[0]), xml)

    def ref(m: re.Match[bytes]) -> bytes:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        return _marker(code) if code < 0x20 and code not in _ALLOWED else m.group()

    return _BAD_REF.sub(ref, xml)


def open_document(path: Path) -> DocxDocument:
    bad = UsageError(
        f"không đọc được {path} như tệp Word .docx; nếu là tệp .doc cũ, hãy mở bằng Word "
        "và chọn Lưu thành (Save As) dạng .docx rồi chạy lại."
    )
    try:
        with zipfile.ZipFile(path) as zf:
            parts = {info.filename: zf.read(info) for info in zf.infolist()}
    except (zipfile.BadZipFile, OSError):
        raise bad from None
    if "word/document.xml" not in parts:
        raise bad
    parts["word/document.xml"] = _patch(parts["word/document.xml"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    buf.seek(0)
    try:
        return docx.Document(buf)
    except (PackageNotFoundError, ValueError, KeyError, etree.XMLSyntaxError):
        raise bad from None


class _Fonts:
    """The font a run is shown in: its own rFonts, else its paragraph style's, else the default."""

    def __init__(self, document: DocxDocument) -> None:
        self.by_style: dict[str, str | None] = {}
        for style in document.styles:
            s, name = style, None
            while s is not None and name is None:
                name = s.font.name if hasattr(s, "font") else None
                s = getattr(s, "base_style", None)
            self.by_style[style.style_id] = name
        defaults = document.styles.element.find(
            f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
        )
        self.default = defaults.get(qn("w:ascii")) if defaults is not None else None

    @staticmethod
    def own(el: Any) -> list[str]:
        fonts = el.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is None:
            return []
        return [v for k in ("w:ascii", "w:hAnsi") if (v := fonts.get(qn(k)))]

    def of_paragraph(self, p: Any) -> str | None:
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        sid = style.get(qn("w:val")) if style is not None else "Normal"
        return self.by_style.get(sid) or self.by_style.get("Normal") or self.default


_TEXT_TAGS = {qn("w:t"): None, qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t", qn("w:noBreakHyphen"): "-"}


def _paragraph(p: Any, fonts: _Fonts) -> tuple[str, set[str]]:
    parts: list[str] = []
    used: set[str] = set()
    base = fonts.of_paragraph(p)
    for r in p.iter(qn("w:r")):
        text = "".join(
            (child.text or "") if (fixed := _TEXT_TAGS[child.tag]) is None else fixed
            for child in r
            if child.tag in _TEXT_TAGS
        )
        if text.strip():
            used.update(fonts.own(r) or ([base] if base else []))
        parts.append(text)
    return "".join(parts), used


def _children(el: Any, tag: str) -> Iterator[Any]:
    """Direct children with `tag`, looking through content controls (w:sdt)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _children(content, tag)


def _val(tcpr: Any, tag: str) -> str | None:
    el = tcpr.find(qn(tag)) if tcpr is not None else None
    return None if el is None else (el.get(qn("w:val")) or "continue")


def _table(tbl: Any, number: int, fonts: _Fonts) -> Table:
    rows: list[Row] = []
    for n, tr in enumerate(_children(tbl, qn("w:tr")), start=1):
        before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        col = int(before.get(qn("w:val"))) if before is not None else 0
        cells: list[Cell] = []
        for tc in _children(tr, qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            spanned = _val(tcpr, "w:gridSpan")
            span = int(spanned) if spanned and spanned.isdigit() else 1
            texts: list[str] = []
            used: set[str] = set()
            for p in tc.iter(qn("w:p")):
                text, f = _paragraph(p, fonts)
                texts.append(text)
                used |= f
            cell = Cell(col, span, "\n".join(texts), used)
            if _val(tcpr, "w:vMerge") == "continue" and rows and (above := rows[-1].covering(col)):
                cell = Cell(col, span, above.raw, set(above.fonts), merged_above=True)
            cells.append(cell)
            col += span
        rows.append(Row(n, cells))
    return Table(number, rows)


def read_blocks(path: Path) -> list[Para | Table]:
    """Paragraphs and tables of the body, in document order."""
    document = open_document(path)
    fonts = _Fonts(document)
    blocks: list[Para | Table] = []
    paras = tables = 0
    for el in _body(document.element.body):
        if el.tag == qn("w:p"):
            paras += 1
            text, used = _paragraph(el, fonts)
            blocks.append(Para(paras, text, used))
        else:
            tables += 1
            blocks.append(_table(el, tables, fonts))
    return blocks


def _body(body: Any) -> Iterator[Any]:
    for child in body:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt") and (content := child.find(qn("w:sdtContent"))) is not None:
            yield from _body(content)
