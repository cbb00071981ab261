"""`kehoach status -o FILE.xlsx`: the tracking sheet staff keep, generated from the status result.

One row per task (id, content, leads with their own state, timeline, status label,
last report date, number of entries), the status written as text and also shown
by a fill colour, filters on the header, frozen header, A4 landscape fitted to
the page width with the header repeated; counts and late units below the table.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.header_footer import _HeaderFooterPart as _Text
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kehoach.compute.status import StatusResult
from kehoach.load.root import DataRoot
from kehoach.render.xlsx_cell import put
from kehoach.vocab import LEAD_SHORT, TASK_STATUS, TASK_STATUS_ORDER

FONT = "Times New Roman"
DATE_FORMAT = "DD/MM/YYYY"
FILLS = {  # light fills that print well in black and white too; the label is always written
    "done": "C6EFCE",
    "in_progress": "DDEBF7",
    "not_started": "FCE4D6",
    "unreported": "FFF2CC",
    "overdue": "F4B6B6",
    "not_due": "EDEDED",
}
COLUMNS = (
    ("Số hiệu", 9),
    ("Nội dung nhiệm vụ", 60),
    ("Đơn vị chủ trì", 22),
    ("Tiến độ", 16),
    ("Tình trạng", 18),
    ("Báo cáo gần nhất", 13),
    ("Số mục báo cáo", 10),
)
HEADER_ROW = 3
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _styles(wb: Workbook) -> None:
    body = Font(name=FONT, size=12)
    wrap = Alignment(wrap_text=True, vertical="top")
    wb.add_named_style(NamedStyle("kh-cell", font=body, alignment=wrap, border=_BORDER))
    wb.add_named_style(NamedStyle("kh-date", font=body, alignment=wrap, border=_BORDER, number_format=DATE_FORMAT))
    for status, colour in FILLS.items():
        fill = PatternFill("solid", fgColor=colour)
        wb.add_named_style(NamedStyle(f"kh-{status}", font=body, alignment=wrap, border=_BORDER, fill=fill))


def build(result: StatusResult, dr: DataRoot) -> bytes:
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the default empty sheet
    ws = wb.create_sheet(f"Tình trạng {result.year}")
    _styles(wb)
    tasks = {t.id: t for t in dr.appendix.tasks()} if dr.appendix else {}
    last = get_column_letter(len(COLUMNS))
    title = (
        f"THEO DÕI TÌNH TRẠNG NHIỆM VỤ NĂM {result.year} — tính đến ngày {result.as_of:%d/%m/%Y} "
        f"(kỳ báo cáo {result.period_start:%d/%m/%Y}–{result.period_end:%d/%m/%Y})"
    )
    ws.merge_cells(f"A1:{last}1")
    put(ws, 1, 1, title)
    ws["A1"].font = Font(name=FONT, bold=True, size=13)
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[1].height = 36
    head = Font(name=FONT, bold=True, size=12)
    for i, (name, width) in enumerate(COLUMNS, 1):
        cell = put(ws, HEADER_ROW, i, name)
        cell.font, cell.border = head, _BORDER
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    row = HEADER_ROW
    for row, state in enumerate(result.tasks, HEADER_ROW + 1):
        t = tasks[state.id]
        leads = "\n".join(u if len(state.leads) == 1 else f"{u}: {LEAD_SHORT[s]}" for u, s in state.leads.items())
        values = (
            state.id,
            t.content,
            leads,
            t.timeline.text,
            TASK_STATUS[state.status],
            state.last_date,
            state.entries,
        )
        for col, value in enumerate(values, 1):
            cell = put(ws, row, col, value)
            cell.style = f"kh-{state.status}" if col == 5 else ("kh-date" if col == 6 else "kh-cell")
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(row, HEADER_ROW + 1)}"
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    _summary(ws, result, dr, row + 2)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter = HeaderFooterItem(center=_Text("Trang &P/&N"))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _summary(ws: Worksheet, result: StatusResult, dr: DataRoot, row: int) -> None:
    bold = Font(name=FONT, bold=True, size=12)
    body = Font(name=FONT, size=12)
    put(ws, row, 2, "Tổng hợp").font = bold
    for status in TASK_STATUS_ORDER:
        if result.counts.get(status):
            row += 1
            put(ws, row, 2, TASK_STATUS[status]).style = f"kh-{status}"
            put(ws, row, 3, result.counts[status]).font = body
    row += 2
    if result.as_of < result.deadline:
        text = f"Hạn báo cáo của các đơn vị: trước ngày {result.deadline:%d/%m/%Y} (chưa đến hạn)."
    elif not result.late_units:
        text = "Tất cả đơn vị chủ trì đã báo cáo đúng hạn."
    else:
        text = f"Đơn vị chưa báo cáo trước ngày {result.deadline:%d/%m/%Y}:"
    put(ws, row, 2, text).font = bold
    for code, ids in result.late.items():
        row += 1
        name = dr.units[code].name if code in dr.units else code
        put(ws, row, 2, f"{code} — {name}: {', '.join(ids)}").font = body
