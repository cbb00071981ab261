"""`kehoach form` → filled with openpyxl as Excel saves it → `kehoach import-xlsx` → validate and status."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Font

from kehoach import clock
from kehoach.load import form_xlsx

REPORT_FIRST = 7  # the first task row of "Báo cáo"


def _entries(root):
    return sorted(p.relative_to(root).as_posix() for p in (root / "progress").rglob("*.yaml"))


@pytest.fixture
def form(cli, example_root, tmp_path):
    path = tmp_path / "bieu-mau.xlsx"
    result = cli(["form", "--unit", "ttbvtv", "--year", "2026", "-o", path], example_root)
    assert result.exit_code == 0, result.output
    return path


def _rows(wb):
    ws = wb["Báo cáo"]
    return {ws.cell(row=r, column=1).value: r for r in range(REPORT_FIRST, ws.max_row + 1)}


def _fill(form, out, edit):
    wb = openpyxl.load_workbook(form)
    edit(wb, _rows(wb))
    wb.save(out)
    return out


def test_form_layout(form):
    wb = openpyxl.load_workbook(form)
    assert wb.sheetnames == ["Báo cáo", "Văn bản", "Số liệu", "Hướng dẫn", "kehoach"]
    meta = wb["kehoach"]
    assert meta.sheet_state == "hidden"
    assert [meta.cell(row=r, column=2).value for r in (1, 2, 4)] == ["TTBVTV", 2026, "1"]
    ws = wb["Báo cáo"]
    assert "Chi cục Trồng trọt và Bảo vệ thực vật (TTBVTV)" in ws["A3"].value
    assert "trước ngày 15/11/2026" in ws["A4"].value
    header = [ws.cell(row=6, column=c).value for c in range(1, 11)]
    assert header[:9] == [
        "Số hiệu",
        "Nội dung nhiệm vụ",
        "Vai trò",
        "Tiến độ",
        "Tình trạng",
        "Ngày báo cáo",
        "Kết quả thực hiện",
        "Khó khăn, vướng mắc",
        "Đề xuất, kiến nghị",
    ]
    rows = _rows(wb)
    ids = list(rows)
    assert ids[:2] == ["II.C.6", "II.C.7"]  # its own tasks first
    assert ws.cell(row=rows["II.C.6"], column=3).value == "chủ trì"
    assert ws.cell(row=rows["II.A.2"], column=3).value == "mọi đơn vị phối hợp"
    assert "I.1" not in ids and "II.A.3" not in ids  # not its task / not active in 2026
    # plan columns locked, input cells unlocked, the sheet protected without a password
    assert ws.protection.sheet and not ws.protection.password
    assert ws.cell(row=7, column=2).protection.locked and not ws.cell(row=7, column=5).protection.locked
    assert ws.cell(row=7, column=6).number_format == "DD/MM/YYYY" and ws.cell(row=7, column=7).alignment.wrap_text
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    status = next(dv for ref, dv in rules.items() if ref.startswith("E7"))
    assert status.type == "list" and status.formula1 == '"Chưa triển khai,Đang thực hiện,Đã hoàn thành"'
    date = next(dv for ref, dv in rules.items() if ref.startswith("F7"))
    assert date.type == "date" and date.formula1 == "DATE(2025,12,10)" and date.formula2 == "TODAY()"
    assert ws.freeze_panes == "B7" and ws.column_dimensions["B"].width >= 40
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$6:$6"
    assert "Hướng dẫn" in wb.sheetnames and "import-xlsx" in "".join(str(c.value) for c in wb["Hướng dẫn"]["A"])


def test_forms_for_every_unit(cli, example_root, tmp_path):
    result = cli(["form", "--year", "2026", "-o", tmp_path / "out"], example_root)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "bieu-mau-2026-QLMT.xlsx" in names and "bieu-mau-2026-TTBVTV.xlsx" in names
    assert not any("UBNDT" in n for n in names)  # an outside body with no task of its own


def _good(wb, rows):
    ws = wb["Báo cáo"]
    r6, r7 = rows["II.C.6"], rows["II.C.7"]
    ws.cell(row=r6, column=5, value="Đang thực hiện")
    ws.cell(row=r6, column=6, value=dt.datetime(2026, 6, 10))  # Excel saves dates as date cells
    ws.cell(row=r6, column=7, value="Đã thu gom 12 tấn bao gói.\nLắp 40 bể chứa.")
    ws.cell(row=r6, column=8, value="Thiếu\u00a0kinh phí vận chuyển.")  # a non-breaking space from Word
    ws.cell(row=r7, column=5, value="ĐÃ HOÀN THÀNH")  # a pasted label, another case
    ws.cell(row=r7, column=6, value="11/06/2026")  # a date typed as text
    legacy = ws.cell(row=r7, column=7, value="H\u00adíng dÉn n«ng d©n xö lý r¬m r¹")  # typed in .VnTime
    legacy.font = Font(name=".VnTime")
    docs = wb["Văn bản"]
    for c, v in enumerate(["II.C.6", "Báo cáo", "45/BC-CCTTBVTV", dt.datetime(2026, 5, 18), "Kết quả thu gom"], 1):
        docs.cell(row=2, column=c, value=v)
    nums = wb["Số liệu"]
    for r, row in enumerate([["II.C.6", "Tỷ lệ thu gom bao gói", "92,5", "%"], ["ii.c.6", "Khối lượng", 12, "tấn"]], 2):
        for c, v in enumerate(row, 1):
            nums.cell(row=r, column=c, value=v)


def test_filled_form_becomes_valid_entries_once(cli, example_root, form, tmp_path):
    filled = _fill(form, tmp_path / "da-dien.xlsx", _good)
    before = _entries(example_root)
    status = json.loads(cli(["status", "--year", "2026", "--format", "json"], example_root).stdout)
    counts_before = {t["id"]: t["entries"] for t in status["tasks"]}
    dry = cli(["import-xlsx", filled, "--dry-run"], example_root)
    assert dry.exit_code == 0, dry.output
    assert "Sẽ ghi 2 mục" in dry.output and _entries(example_root) == before
    result = cli(["import-xlsx", filled], example_root)
    assert result.exit_code == 0, result.output
    assert "Đã ghi 2 mục" in result.output and "progress/TTBVTV/2026-06-10-II.C.6.yaml" in result.output
    assert "Cần xem lại" in result.output and "đã chuyển mã TCVN3 → Unicode (phông .VnTime)" in result.output
    text = (example_root / "progress/TTBVTV/2026-06-10-II.C.6.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")  # the formatter's form, as `add` writes
    assert "summary: |-\n  Đã thu gom 12 tấn bao gói.\n  Lắp 40 bể chứa.\n" in text
    assert 'difficulties: "Thiếu kinh phí vận chuyển."' in text
    assert 'number: "45/BC-CCTTBVTV"' in text and "date: 2026-05-18" in text
    assert "value: 92.5" in text and "value: 12\n" in text
    other = (example_root / "progress/TTBVTV/2026-06-11-II.C.7.yaml").read_text(encoding="utf-8")
    assert 'status: "done"' in other and "Hướng dẫn nông dân xử lý rơm rạ" in other
    assert cli(["fmt", "--check"], example_root).exit_code == 0
    assert cli(["validate"], example_root).exit_code == 0
    status = json.loads(cli(["status", "--year", "2026", "--format", "json"], example_root).stdout)
    counts = {t["id"]: t["entries"] for t in status["tasks"]}
    assert (counts["II.C.6"], counts["II.C.7"]) == (counts_before["II.C.6"] + 1, counts_before["II.C.7"] + 1)
    after = _entries(example_root)
    again = cli(["import-xlsx", filled], example_root)
    assert again.exit_code == 0 and "Đã ghi 0 mục" in again.output and again.output.count("đã có") == 2
    assert _entries(example_root) == after


def test_an_empty_date_takes_today(cli, example_root, form, tmp_path, monkeypatch):
    def edit(wb, rows):
        ws = wb["Báo cáo"]
        ws.cell(row=rows["II.C.6"], column=5, value="in_progress")
        ws.cell(row=rows["II.C.6"], column=7, value="Đang triển khai.")

    filled = _fill(form, tmp_path / "x.xlsx", edit)
    result = cli(["import-xlsx", filled], example_root)
    assert result.exit_code == 0, result.output
    assert (example_root / "progress/TTBVTV/2026-11-28-II.C.6.yaml").is_file()
    assert "để trống, lấy ngày nhập 28/11/2026" in result.output
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 11, 30))  # the same form, sent again later
    again = cli(["import-xlsx", filled], example_root)
    assert again.exit_code == 0 and "Đã ghi 0 mục" in again.output and "đã có" in again.output


def test_a_bad_form_changes_nothing_and_says_where(cli, example_root, form, tmp_path):
    def edit(wb, rows):
        _good(wb, rows)
        ws = wb["Báo cáo"]
        r = rows["II.B.1"]
        ws.cell(row=r, column=5, value="xong")  # not a status: pasted past the drop-down
        ws.cell(row=r, column=7, value="Có làm.")
        r = rows["II.B.2"]
        ws.cell(row=r, column=5, value="done")
        ws.cell(row=r, column=6, value=dt.datetime(2027, 1, 5))  # in the future
        ws.cell(row=r, column=7, value="Xong.")
        r = rows["II.B.3"]
        ws.cell(row=r, column=5, value="done")
        ws.cell(row=r, column=7, value="Có\u2028ký tự lạ")  # a line separator pasted from Word
        r = rows["II.C.1"]
        ws.cell(row=r, column=1, value="I.1")  # protection removed, id edited: not this unit's task
        ws.cell(row=r, column=5, value="done")
        ws.cell(row=r, column=7, value="Xong.")
        wb["Số liệu"].cell(row=2, column=3, value="1,500")

    before = _entries(example_root)
    result = cli(["import-xlsx", _fill(form, tmp_path / "sai.xlsx", edit)], example_root)
    assert result.exit_code == 1, result.output
    out = result.output
    assert "Báo cáo, dòng " in out and "cột Tình trạng: «xong» không phải tình trạng" in out
    assert "Số liệu, dòng 2, cột Giá trị: số «1,500» không rõ" in out
    assert "chưa ghi tệp nào" in out and "Traceback" not in out
    assert _entries(example_root) == before

    # once the cells the reader refuses are fixed, the rules of validate speak, still per cell
    def edit2(wb, rows):
        edit(wb, rows)
        wb["Báo cáo"].cell(row=rows["II.B.1"], column=5, value="Đang thực hiện")
        wb["Số liệu"].cell(row=2, column=3, value="1500")

    result = cli(["import-xlsx", _fill(form, tmp_path / "sai2.xlsx", edit2)], example_root)
    assert result.exit_code == 1, result.output
    out = result.output
    assert f"Báo cáo, dòng {_row(form, 'II.B.2')}, cột Ngày báo cáo: ngày 2027-01-05 ở tương lai" in out
    assert "KH035" in out and "KH032" in out and "KH003" in out
    assert f"Báo cáo, dòng {_row(form, 'II.B.3')}, cột Kết quả thực hiện: " in out
    assert f"Báo cáo, dòng {_row(form, 'II.C.1')}, cột " in out and "không chủ trì hay phối hợp nhiệm vụ I.1" in out
    assert _entries(example_root) == before


def _row(form, task):
    return _rows(openpyxl.load_workbook(form))[task]


def test_a_form_for_another_plan_or_unit_is_refused(cli, example_root, form, tmp_path):
    wb = openpyxl.load_workbook(form)
    wb["kehoach"]["B1"] = "ABC"
    wb.save(tmp_path / "khac.xlsx")
    result = cli(["import-xlsx", tmp_path / "khac.xlsx"], example_root)
    assert result.exit_code == 1 and "KH165" in result.output and "«ABC»" in result.output
    tasks = example_root / "plan" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace('"2026 - 2030"', '"2026 - 2031"', 1), encoding="utf-8")
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("end: 2030", "end: 2031", 1), encoding="utf-8")
    result = cli(["import-xlsx", _fill(form, tmp_path / "cu.xlsx", _good)], example_root)
    assert result.exit_code == 1, result.output
    assert "KH164" in result.output and "phiên bản Kế hoạch khác" in result.output
    assert "kehoach form --unit TTBVTV --year 2026" in result.output


def test_files_that_are_not_forms_are_refused_cleanly(cli, example_root, tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    result = cli(["import-xlsx", tmp_path / "a.csv"], example_root)
    assert result.exit_code == 2 and "KH160" in result.output
    (tmp_path / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    result = cli(["import-xlsx", tmp_path / "hong.xlsx"], example_root)
    assert result.exit_code == 1 and "KH161" in result.output
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "khac.xlsx")
    result = cli(["import-xlsx", tmp_path / "khac.xlsx"], example_root)
    assert result.exit_code == 1 and "KH163" in result.output and "thiếu sheet «Báo cáo»" in result.output
    with zipfile.ZipFile(tmp_path / "bom.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (3 * 1024 * 1024))
    monkeypatch.setattr(form_xlsx, "MAX_UNPACKED", 2 * 1024 * 1024)
    result = cli(["import-xlsx", tmp_path / "bom.xlsx"], example_root)
    assert result.exit_code == 1 and "KH162" in result.output
    assert "Traceback" not in result.output


def test_a_failed_write_leaves_nothing(cli, example_root, form, tmp_path, monkeypatch):
    import os

    filled = _fill(form, tmp_path / "da-dien.xlsx", _good)
    before = sorted(p.relative_to(example_root).as_posix() for p in (example_root / "progress").rglob("*"))
    real_link, calls = os.link, []

    def disk_full(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        real_link(src, dst)

    monkeypatch.setattr(os, "link", disk_full)
    result = cli(["import-xlsx", filled], example_root)
    assert result.exit_code == 1 and "không ghi được tệp" in result.output and "Traceback" not in result.output
    after = sorted(p.relative_to(example_root).as_posix() for p in (example_root / "progress").rglob("*"))
    assert after == before  # neither the first entry nor a temporary file


def test_text_typed_outside_the_form_is_named_not_lost_silently(cli, example_root, form, tmp_path):
    def edit(wb, rows):
        _good(wb, rows)
        wb["Báo cáo"].cell(row=rows["II.C.6"], column=11, value="Nguyễn Văn A (người lập)")

    filled = _fill(form, tmp_path / "cot-ngoai.xlsx", edit)
    result = cli(["import-xlsx", filled, "--dry-run"], example_root)
    assert result.exit_code == 0, result.output
    assert "Cần xem lại" in result.output
    assert "Báo cáo, dòng" in result.output and "cột K: ô nằm ngoài các cột của biểu mẫu" in result.output
