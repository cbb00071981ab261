"""Excel cells written from data: never a formula; rows tall enough for wrapped text."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook

from kehoach.render.xlsx_cells import fit_rows, lines_needed, put


def test_text_that_looks_like_a_formula_stays_text():
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    put(ws, 1, 1, '=HYPERLINK("http://x.invalid","bấm")')
    put(ws, 2, 1, "=1+1")
    put(ws, 3, 1, 42)
    buf = io.BytesIO()
    wb.save(buf)
    back = load_workbook(io.BytesIO(buf.getvalue()))
    sheet = back.active
    assert sheet is not None
    assert [sheet.cell(row=r, column=1).data_type for r in (1, 2, 3)] == ["s", "s", "n"]
    assert sheet.cell(row=2, column=1).value == "=1+1"


def test_rows_grow_with_their_longest_wrapped_cell():
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    put(ws, 1, 1, "x" * 100)
    put(ws, 1, 2, "ngắn")
    put(ws, 2, 1, "một dòng\nhai dòng")
    fit_rows(ws, 1, 3, [20, 10])
    assert lines_needed("x" * 100, 20) == 5
    heights = [ws.row_dimensions[r].height for r in (1, 2, 3)]
    assert heights[0] > heights[1] > heights[2] > 0


def test_a_unit_named_like_a_formula_reaches_the_tracking_sheet_as_text(cli, example_root, tmp_path):
    unit_file = example_root / "units" / "VP.yaml"
    text = unit_file.read_text(encoding="utf-8")
    name_line = next(line for line in text.splitlines() if line.startswith("name:"))
    unit_file.write_text(
        text.replace(name_line, 'name: "=HYPERLINK(\\"http://x.invalid\\",\\"Văn phòng\\")"'), encoding="utf-8"
    )
    out = tmp_path / "theo-doi.xlsx"
    result = cli(["status", "--year", "2026", "--as-of", "2026-11-20", "-o", out], example_root)
    if result.exit_code != 0:  # the name may be refused by validation: then nothing is written at all
        assert not out.exists()
        return
    wb = load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
