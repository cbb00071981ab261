"""The Excel reporting form of one unit for one year (`kehoach form`), as bytes.

Sheets: "Báo cáo" (one row per task the unit leads or coordinates that is active
in the year; plan columns locked, input cells unlocked, a drop-down of statuses,
a date rule), "Văn bản" and "Số liệu" (outputs and indicators by task id),
"Hướng dẫn", and a hidden sheet with the unit, the year and the plan fingerprint.
Printing: A4 landscape, fitted to the page width, header row repeated.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.header_footer import _HeaderFooterPart as _Text
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kehoach import formlayout as fl
from kehoach.check.entry_rules import earliest_date
from kehoach.compute.periods import annual, unit_deadline
from kehoach.load.root import DataRoot
from kehoach.model.plan import Task
from kehoach.render.xlsx_cell import put
from kehoach.vocab import ENTRY_STATUS

FONT = "Times New Roman"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
_PLAN_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_UNLOCKED = Protection(locked=False)
DATE_FORMAT = "DD/MM/YYYY"


def tasks_for(dr: DataRoot, unit: str, year: int) -> list[tuple[Task, str]]:
    """(task, role) for each task the unit may report on that is active in `year`: the tasks it leads
    or is named to coordinate first, then those open to every unit, each in plan order."""
    internal = unit in dr.units and dr.units[unit].internal
    out = []
    for t in dr.appendix.tasks() if dr.appendix else []:
        if t.assigned(unit, internal) and t.timeline.active_in(year):
            role = "chủ trì" if unit in t.lead else ("phối hợp" if unit in t.coordinating else "mọi đơn vị phối hợp")
            out.append((t, role))
    return sorted(out, key=lambda tr: tr[1] == "mọi đơn vị phối hợp")  # its own tasks first, then plan order


def _print_setup(ws: Worksheet, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter = HeaderFooterItem(center=_Text("Trang &P/&N"))


def _header(ws: Worksheet, row: int, columns: Sequence[fl.Column]) -> None:
    for i, col in enumerate(columns, 1):
        cell = put(ws, row, i, col.title)
        cell.font = Font(name=FONT, bold=True, size=12)
        cell.fill = _HEAD_FILL
        cell.alignment = _HEAD_ALIGN
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(i)].width = col.width


def _letter(columns: Sequence[fl.Column], key: str) -> str:
    return get_column_letter(next(i for i, c in enumerate(columns, 1) if c.key == key))


def _status_rule(sqref: str) -> DataValidation:
    labels = ",".join(ENTRY_STATUS.values())
    dv = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    dv.error, dv.errorTitle = f"Chọn một trong: {', '.join(ENTRY_STATUS.values())}.", "Tình trạng"
    dv.prompt, dv.promptTitle = "Chọn tình trạng trong danh sách.", "Tình trạng"
    dv.add(sqref)
    return dv


def _date_rule(sqref: str, earliest: dt.date | None) -> DataValidation:
    low = earliest or dt.date(2000, 1, 1)
    dv = DataValidation(
        type="date", operator="between", formula1=f"DATE({low.year},{low.month},{low.day})", formula2="TODAY()"
    )
    dv.allow_blank = True
    dv.error = f"Ngày phải từ {low:%d/%m/%Y} đến hôm nay, dạng ngày/tháng/năm (ví dụ 20/05/2026)."
    dv.errorTitle = "Ngày"
    dv.prompt, dv.promptTitle = "Ngày/tháng/năm, ví dụ 20/05/2026. Để trống: ngày nhập vào hệ thống.", "Ngày"
    dv.add(sqref)
    return dv


def _report(wb: Workbook, dr: DataRoot, unit: str, year: int) -> int:
    ws = wb.create_sheet(fl.REPORT, 0)
    cols = fl.REPORT_COLUMNS
    last = get_column_letter(len(cols))
    period = annual(year)
    plan = dr.plan
    assert plan is not None  # load_clean refused a root without it
    deadline = unit_deadline(year, plan.reporting.deadline.month, plan.reporting.deadline.day)
    u = dr.units[unit]
    lines = [
        (f"BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM {year}", Font(name=FONT, bold=True, size=14)),
        (f"{plan.document.kind} {plan.document.title}", Font(name=FONT, italic=True, size=12)),
        (f"Đơn vị báo cáo: {u.name} ({u.code})", Font(name=FONT, bold=True, size=12)),
        (
            f"Kỳ báo cáo: từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}. "
            f"Hạn gửi: trước ngày {deadline:%d/%m/%Y} ({plan.reporting.deadline_text}).",
            Font(name=FONT, size=12),
        ),
        (
            "Điền các ô nền trắng; các cột nền xám là của Kế hoạch, không sửa. "
            "Văn bản đã ban hành ghi ở sheet «Văn bản», số liệu ở sheet «Số liệu». Xem sheet «Hướng dẫn».",
            Font(name=FONT, italic=True, size=11),
        ),
    ]
    for r, (text, font) in enumerate(lines, 1):
        ws.merge_cells(f"A{r}:{last}{r}")
        cell = put(ws, r, 1, text)
        cell.font, cell.alignment = font, Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[r].height = 21 if r != 2 else 36
    head = fl.REPORT_HEADER_ROW
    _header(ws, head, cols)
    styles = [("kh-date" if c.key == "date" else "kh-input") if c.input else "kh-plan" for c in cols]
    rows = tasks_for(dr, unit, year)
    for r, (task, role) in enumerate(rows, head + 1):
        values = {"task": task.id, "content": task.content, "role": role, "timeline": task.timeline.text}
        for i, col in enumerate(cols, 1):
            put(ws, r, i, values.get(col.key)).style = styles[i - 1]
    end = head + max(len(rows), 1)
    ws.add_data_validation(_status_rule(f"{_letter(cols, 'status')}{head + 1}:{_letter(cols, 'status')}{end}"))
    ws.add_data_validation(
        _date_rule(f"{_letter(cols, 'date')}{head + 1}:{_letter(cols, 'date')}{end}", earliest_date(dr))
    )
    ws.freeze_panes = f"B{head + 1}"
    ws.protection.sheet = True  # no password: it guards against slips, not people
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    _print_setup(ws, f"{head}:{head}")
    return end


def _list_sheet(wb: Workbook, title: str, cols: Sequence[fl.Column], report_end: int, earliest: dt.date | None) -> None:
    ws = wb.create_sheet(title)
    _header(ws, fl.LIST_HEADER_ROW, cols)
    first, last = fl.LIST_HEADER_ROW + 1, fl.LIST_HEADER_ROW + fl.LIST_ROWS
    for i, col in enumerate(cols, 1):  # column styles: what Excel gives the cells typed in
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.font, dim.alignment = Font(name=FONT, size=12), _WRAP
        if col.key == "date":
            dim.number_format = DATE_FORMAT
    task_col = _letter(cols, "task")
    ids = DataValidation(
        type="list", formula1=f"'{fl.REPORT}'!$A${fl.REPORT_HEADER_ROW + 1}:$A${report_end}", allow_blank=True
    )
    ids.error, ids.errorTitle = "Chọn số hiệu nhiệm vụ có trong sheet «Báo cáo».", "Số hiệu nhiệm vụ"
    ids.add(f"{task_col}{first}:{task_col}{last}")
    ws.add_data_validation(ids)
    if any(c.key == "date" for c in cols):
        ws.add_data_validation(_date_rule(f"{_letter(cols, 'date')}{first}:{_letter(cols, 'date')}{last}", earliest))
    ws.freeze_panes = f"A{first}"
    _print_setup(ws, f"{fl.LIST_HEADER_ROW}:{fl.LIST_HEADER_ROW}")


GUIDE_LINES = (
    ("HƯỚNG DẪN ĐIỀN BIỂU MẪU", True),
    ("1. Sheet «Báo cáo»: mỗi dòng là một nhiệm vụ đơn vị chủ trì hoặc phối hợp trong năm.", False),
    ("   Chỉ điền các ô nền trắng: Tình trạng (chọn trong danh sách), Ngày báo cáo (ngày/tháng/năm),", False),
    ("   Kết quả thực hiện (bắt buộc nếu có Tình trạng), Khó khăn, vướng mắc, Đề xuất, kiến nghị, Người lập.", False),
    ("   Nhiệm vụ chưa có gì để báo cáo thì để trống cả dòng. Ngày để trống: lấy ngày nhập vào hệ thống.", False),
    ("   Xuống dòng trong một ô: Alt+Enter. Có thể dán chữ từ Word; chữ mã cũ (.VnTime, VNI) được tự chuyển", False),
    ("   sang Unicode và nêu lại để kiểm tra.", False),
    ("2. Sheet «Văn bản»: mỗi văn bản đã ban hành một dòng, ghi Số hiệu nhiệm vụ như ở sheet «Báo cáo».", False),
    ("3. Sheet «Số liệu»: mỗi chỉ tiêu một dòng; Giá trị là số, viết 92,5 hoặc 1500; đơn vị tính ghi riêng.", False),
    ("4. Không đổi tên sheet, không thêm hay xóa cột, không sửa các cột nền xám.", False),
    ("5. Lưu tệp dạng .xlsx và gửi cho Phòng Quản lý môi trường (đầu mối tổng hợp).", False),
    ("   Phòng nhập bằng lệnh: kehoach import-xlsx <tệp>.xlsx — tệp có lỗi thì không có gì được nhập,", False),
    ("   và lệnh nêu từng chỗ sai theo sheet, dòng, cột để đơn vị sửa rồi gửi lại.", False),
)


def _guide(wb: Workbook) -> None:
    ws = wb.create_sheet(fl.GUIDE)
    ws.column_dimensions["A"].width = 120
    for r, (text, bold) in enumerate(GUIDE_LINES, 1):
        put(ws, r, 1, text).font = Font(name=FONT, size=12, bold=bold)
    _print_setup(ws, "1:1")


def _meta(wb: Workbook, dr: DataRoot, unit: str, year: int) -> None:
    ws = wb.create_sheet(fl.META)
    values = {"unit": unit, "year": year, "fingerprint": fl.fingerprint(dr), "version": fl.FORMAT_VERSION}
    for r, key in enumerate(fl.META_KEYS, 1):
        put(ws, r, 1, key)
        put(ws, r, 2, values[key])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _styles(wb: Workbook) -> None:
    """Named cell styles: one lookup per cell instead of four (openpyxl hashes every style part)."""
    body = Font(name=FONT, size=12)
    plan = NamedStyle("kh-plan", font=body, alignment=_WRAP, border=_BORDER, fill=_PLAN_FILL)
    given = NamedStyle("kh-input", font=body, alignment=_WRAP, border=_BORDER, protection=_UNLOCKED)
    date = NamedStyle(
        "kh-date", font=body, alignment=_WRAP, border=_BORDER, protection=_UNLOCKED, number_format=DATE_FORMAT
    )
    for style in (plan, given, date):
        wb.add_named_style(style)


def build(dr: DataRoot, unit: str, year: int, today: dt.date) -> bytes:
    """The form as .xlsx bytes (document dates set to `today`)."""
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the default empty sheet
    _styles(wb)
    end = _report(wb, dr, unit, year)
    earliest = earliest_date(dr)
    _list_sheet(wb, fl.OUTPUTS, fl.OUTPUT_COLUMNS, end, earliest)
    _list_sheet(wb, fl.INDICATORS, fl.INDICATOR_COLUMNS, end, earliest)
    _guide(wb)
    _meta(wb, dr, unit, year)
    stamp = dt.datetime(today.year, today.month, today.day)
    wb.properties.creator = "kehoach"
    wb.properties.created = wb.properties.modified = stamp
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
