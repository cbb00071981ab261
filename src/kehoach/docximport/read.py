"""Read a .docx into blocks in document order: paragraphs and tables.

Tables are read from the XML so merged cells are seen as Word stores them:
a cell merged across columns (gridSpan) appears once with its span; a cell
merged down (vMerge) repeats the value of the cell above and says so. Line
breaks inside a cell become "\\n". Fonts of the runs are kept for the
legacy-encoding check.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
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


MAX_DOCUMENT = 25 * 1024 * 1024  # word/document.xml, uncompressed (a real plan: under 1 MB; 50 MB would
# need ~500 MB of memory once parsed, so 25 MB keeps the peak well under that)
MAX_TOTAL = 200 * 1024 * 1024  # every part read, uncompressed
MAX_RATIO = 100  # uncompressed : compressed, for a part over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_PARTS = 10_000
_READ = (".xml", ".rels")  # only XML parts are read; media, fonts, embedded files never are


def _unreadable(path: Path, why: str) -> UsageError:
    return UsageError(f"không đọc được {path} như tệp Word .docx: {why}.")


def _parts(path: Path) -> dict[str, bytes]:
    """The XML parts of the archive, read in bounded memory after checking the sizes the
    archive declares (zipfile never inflates a part past its declared size)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _unreadable(path, "đây không phải một tệp thường")
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_PARTS:
                raise _unreadable(
                    path, f"tệp có hơn {MAX_PARTS:,} phần — không phải văn bản Word thường".replace(",", ".")
                )
            wanted = [i for i in infos if i.filename.endswith(_READ) and not i.is_dir()]
            _check_sizes(path, infos, wanted)
            parts = {i.filename: b"" for i in infos if not i.is_dir()}
            for info in wanted:
                with zf.open(info) as fh:
                    parts[info.filename] = fh.read(info.file_size + 1)[: info.file_size]
            return parts
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error, OSError):
        raise _unreadable(
            path,
            "tệp hỏng hoặc không phải .docx; nếu là tệp .doc cũ, hãy mở bằng Word và chọn "
            "Lưu thành (Save As) dạng .docx rồi chạy lại",
        ) from None
    except RuntimeError:  # zipfile: a part needs a password
        raise _unreadable(path, "tệp được đặt mật khẩu; hãy bỏ mật khẩu trong Word rồi chạy lại") from None


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], wanted: list[zipfile.ZipInfo]) -> None:
    if any(i.flag_bits & 0x1 for i in infos):
        raise RuntimeError("encrypted")
    by_name = {i.filename: i for i in wanted}
    main = by_name.get("word/document.xml")
    if main is None:
        raise _unreadable(path, "thiếu phần nội dung chính (word/document.xml)")
    mb = 1024 * 1024
    if main.file_size > MAX_DOCUMENT:
        raise _unreadable(path, f"phần nội dung lớn hơn {MAX_DOCUMENT // mb} MB — quá lớn cho một Kế hoạch")
    if sum(i.file_size for i in wanted) > MAX_TOTAL:
        raise _unreadable(path, f"các phần văn bản cộng lại lớn hơn {MAX_TOTAL // mb} MB khi giải nén")
    for i in wanted:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise _unreadable(
                path, f"phần {i.filename} nén bất thường (hơn {MAX_RATIO}:1) — có thể là bom nén (zip bomb)"
            )


def open_document(path: Path) -> DocxDocument:
    parts = _parts(path)
    parts["word/document.xml"] = _patch(parts["word/document.xml"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    del parts
    buf.seek(0)
    try:
        document = docx.Document(buf)
    except (PackageNotFoundError, ValueError, KeyError, TypeError, AttributeError, etree.LxmlError):
        raise _unreadable(path, "cấu trúc bên trong không đúng dạng văn bản Word") from None
    if document.element.body is None:
        raise _unreadable(path, "văn bản không có phần thân (w:body)")
    return document


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


def _count(value: str | None, default: int = 0) -> int:
    """A column count Word stores as text; anything not a small number counts as `default`."""
    return int(value) if value and value.isascii() and value.isdigit() and len(value) <= 3 else default


def _table(tbl: Any, number: int, fonts: _Fonts) -> Table:
    rows: list[Row] = []
    for n, tr in enumerate(_children(tbl, qn("w:tr")), start=1):
        before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        col = _count(before.get(qn("w:val"))) if before is not None else 0
        cells: list[Cell] = []
        for tc in _children(tr, qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span = _count(_val(tcpr, "w:gridSpan"), default=1) or 1
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
    try:
        return _blocks(document)
    # The file is untrusted input: a structure python-docx or this reader does not expect
    # (an attribute missing, a value of the wrong kind, nesting too deep) is the file's fault.
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError):
        raise _unreadable(path, "cấu trúc bên trong không đúng dạng văn bản Word") from None


def _blocks(document: DocxDocument) -> list[Para | Table]:
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
