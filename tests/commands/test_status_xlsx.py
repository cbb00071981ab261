"""`kehoach status -o x.xlsx`: the tracking sheet, read back as staff would open it."""

from __future__ import annotations

import json

import openpyxl

from kehoach.vocab import TASK_STATUS


def test_tracking_sheet_matches_the_status(cli, example_root, tmp_path):
    out = tmp_path / "theo-doi.xlsx"
    args = ["status", "--year", "2026", "--as-of", "2026-11-20"]
    result = cli(args + ["-o", out], example_root)
    assert result.exit_code == 0, result.output
    data = json.loads(cli(args + ["--format", "json"], example_root).stdout)
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert "NĂM 2026" in ws["A1"].value and "20/11/2026" in ws["A1"].value
    header = [c.value for c in ws[3]]
    assert header == [
        "Số hiệu",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Tiến độ",
        "Tình trạng",
        "Báo cáo gần nhất",
        "Số mục báo cáo",
    ]
    rows = {ws.cell(row=r, column=1).value: r for r in range(4, 4 + len(data["tasks"]))}
    assert list(rows) == [t["id"] for t in data["tasks"]]
    fills = {}
    for t in data["tasks"]:
        r = rows[t["id"]]
        assert ws.cell(row=r, column=5).value == TASK_STATUS[t["status"]]  # the label as text
        assert ws.cell(row=r, column=7).value == t["entries"]
        fills.setdefault(t["status"], set()).add(ws.cell(row=r, column=5).fill.fgColor.rgb)
    assert all(len(f) == 1 for f in fills.values())  # one colour per status
    assert len({next(iter(f)) for f in fills.values()}) == len(fills)  # different statuses, different colours
    assert ws.cell(row=rows["I.1"], column=6).number_format == "DD/MM/YYYY"
    assert ws.auto_filter.ref.startswith("A3:G") and ws.freeze_panes == "B4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$3:$3"
    below = [ws.cell(row=r, column=2).value for r in range(4 + len(rows), ws.max_row + 1)]
    assert "Tổng hợp" in below


def test_tracking_sheet_needs_an_xlsx_name(cli, example_root, tmp_path):
    result = cli(["status", "--year", "2026", "-o", tmp_path / "x.csv"], example_root)
    assert result.exit_code == 2 and ".xlsx" in result.output
