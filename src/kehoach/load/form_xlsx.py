"""Read a filled Excel form (`kehoach import-xlsx`): sizes checked before openpyxl sees the file.

A .xlsx is a zip of XML files: its size, the number of its members and the size
they unpack to are checked first (a small file can unpack to gigabytes), then
openpyxl reads values only (formulas as the values Excel saved). The result is
plain cells with their sheet, row, column and font, for the import to judge.
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from kehoach import formlayout as fl
from kehoach.errors import KehoachError

MAX_FILE = 20 * 1024 * 1024
MAX_UNPACKED = 30 * 1024 * 1024
"""A 1,000-row form unpacks to about 0.5 MB; openpyxl needs many times the XML size in memory."""
MAX_MEMBERS = 2000
MAX_ROWS = 20000


class FormError(KehoachError):
    """The file is not a form kehoach can read (corrupted, too big, another layout)."""


@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int
    col: int
    title: str  # the column's title, for messages
    value: Any
    font: str | None


@dataclass
class Form:
    meta: dict[str, str]
    report: list[dict[str, Cell]]  # one dict per row below the header: column key -> cell
    outputs: list[dict[str, Cell]]
    indicators: list[dict[str, Cell]]
    outside: list[Cell] = field(default_factory=list)  # filled cells right of the form's columns


def _check_zip(path: Path) -> None:
    """Sizes first: a form is small; anything larger is refused before it is opened.
    (The command layer has already refused a path that is not an .xlsx file.)"""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FormError(f"không đọc được {path} ({exc.strerror}).", code="KH161") from None
    if size > MAX_FILE:
        raise FormError(
            f"{path} lớn {size // (1024 * 1024)} MB, quá {MAX_FILE // (1024 * 1024)} MB cho một biểu mẫu; "
            "hãy kiểm tra đúng tệp chưa (ảnh, tệp đính kèm trong bảng tính làm tệp lớn).",
            code="KH162",
        )
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError):
        raise FormError(
            f"{path} không mở được như một tệp Excel .xlsx (tệp hỏng, chưa tải xong, hoặc là .xls/.csv đổi tên); "
            "hãy mở bằng Excel, lưu lại dạng .xlsx rồi nhập lại.",
            code="KH161",
        ) from None
    unpacked = sum(i.file_size for i in infos)  # zipfile never unpacks more than this (it stops there)
    if len(infos) > MAX_MEMBERS or unpacked > MAX_UNPACKED:
        raise FormError(
            f"{path} giải nén ra {unpacked // (1024 * 1024)} MB trong {len(infos)} phần — không phải một biểu mẫu "
            "bình thường; không đọc tệp này.",
            code="KH162",
        )


def _open(path: Path) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():  # openpyxl warns in English (a date out of range …); the checks
            warnings.simplefilter("ignore")  # after reading say it in Vietnamese, with the cell
            return openpyxl.load_workbook(path, data_only=True, read_only=False)
    # what openpyxl raises on damaged parts: XML errors (lxml and ElementTree are SyntaxErrors), missing
    # parts, unexpected values or structure
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        SyntaxError,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        AttributeError,
        OSError,
    ) as exc:
        raise FormError(
            f"{path} không đọc được như một bảng tính Excel ({type(exc).__name__}); "
            "hãy mở bằng Excel, lưu lại dạng .xlsx rồi nhập lại.",
            code="KH161",
        ) from None


def _not_form(path: Path, why: str) -> FormError:
    return FormError(
        f"{path} không phải biểu mẫu do `kehoach form` tạo, hoặc đã bị đổi cấu trúc ({why}); "
        "hãy dùng biểu mẫu mới tạo bằng `kehoach form --unit <MÃ> --year <NĂM>`.",
        code="KH163",
    )


def _rows(path: Path, ws: Any, columns: tuple[fl.Column, ...], header: int) -> list[dict[str, Cell]]:
    titles = [ws.cell(row=header, column=i).value for i in range(1, len(columns) + 1)]
    want = [c.title for c in columns]
    if [str(t).strip() if t is not None else "" for t in titles] != want:
        raise _not_form(path, f"sheet «{ws.title}», dòng {header}: tiêu đề cột phải là {' | '.join(want)}")
    if ws.max_row > MAX_ROWS:
        raise FormError(f"sheet «{ws.title}» có {ws.max_row} dòng, quá {MAX_ROWS}; hãy kiểm tra tệp.", code="KH162")
    out = []
    for r, row in enumerate(ws.iter_rows(min_row=header + 1, max_col=len(columns)), header + 1):
        cells = {}
        for i, (col, cell) in enumerate(zip(columns, row, strict=False), 1):
            value = cell.value
            font = cell.font.name if value is not None and cell.font is not None else None
            cells[col.key] = Cell(ws.title, r, i, col.title, value, font)
        out.append(cells)
    return out


OUTSIDE_SHOWN = 20
"""Filled cells outside the form's columns listed at most (per sheet)."""


def _outside(ws: Any, columns: tuple[fl.Column, ...], header: int) -> list[Cell]:
    """Cells with something in them to the right of the form's columns: never imported, so
    the person who filled them must be told (a name typed in column K is not lost silently)."""
    first = len(columns) + 1
    if ws.max_column < first:
        return []
    found: list[Cell] = []
    for r, row in enumerate(ws.iter_rows(min_row=header, min_col=first, max_col=ws.max_column), header):
        for i, cell in enumerate(row, first):
            if cell.value is not None and str(cell.value).strip():
                found.append(Cell(ws.title, r, i, get_column_letter(i), cell.value, None))
                if len(found) >= OUTSIDE_SHOWN:
                    return found
    return found


def read(path: Path) -> Form:
    _check_zip(path)
    wb = _open(path)
    names = set(wb.sheetnames)
    for name in (fl.REPORT, fl.OUTPUTS, fl.INDICATORS, fl.META):
        if name not in names:
            raise _not_form(path, f"thiếu sheet «{name}»")
    meta_ws = wb[fl.META]
    meta = {}
    for r in range(1, len(fl.META_KEYS) + 1):
        key, value = meta_ws.cell(row=r, column=1).value, meta_ws.cell(row=r, column=2).value
        if key in fl.META_KEYS and value is not None:
            meta[str(key)] = str(value)
    if set(meta) != set(fl.META_KEYS):
        raise _not_form(path, "sheet ẩn không còn đủ mã đơn vị, năm và dấu của Kế hoạch")
    if meta["version"] != fl.FORMAT_VERSION:
        raise _not_form(path, f"phiên bản biểu mẫu {meta['version']}, chương trình đọc phiên bản {fl.FORMAT_VERSION}")
    return Form(
        meta=meta,
        report=_rows(path, wb[fl.REPORT], fl.REPORT_COLUMNS, fl.REPORT_HEADER_ROW),
        outputs=_rows(path, wb[fl.OUTPUTS], fl.OUTPUT_COLUMNS, fl.LIST_HEADER_ROW),
        indicators=_rows(path, wb[fl.INDICATORS], fl.INDICATOR_COLUMNS, fl.LIST_HEADER_ROW),
        outside=[
            *_outside(wb[fl.REPORT], fl.REPORT_COLUMNS, fl.REPORT_HEADER_ROW),
            *_outside(wb[fl.OUTPUTS], fl.OUTPUT_COLUMNS, fl.LIST_HEADER_ROW),
            *_outside(wb[fl.INDICATORS], fl.INDICATOR_COLUMNS, fl.LIST_HEADER_ROW),
        ],
    )


def as_date(value: Any) -> dt.date | None:
    """An Excel date cell (datetime at midnight, or a date) → date; anything else → None."""
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else None
    if isinstance(value, dt.date):
        return value
    return None
