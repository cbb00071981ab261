"""`kehoach report`: the example data's 2026 report read back — every entry of the period,
none outside it, the ND 30 lines, options, errors and a golden text dump (PDF: tests/render/test_pdf.py)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from kehoach import text_vn as vn
from kehoach.compute.periods import annual
from tests.conftest import EXAMPLES, write
from tests.docx_read import dump, open_docx

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "bao-cao-2026-examples.txt"
AS_OF = dt.date(2026, 11, 20)


def _report(cli, root: Path, out: Path, *args) -> tuple[object, object]:
    result = cli(["report", "--year", "2026", "--as-of", AS_OF.isoformat(), "-o", out, *args], root=root)
    return result, (open_docx(out) if result.exit_code == 0 else None)


def _entries(root: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "progress").rglob("*.yaml"))]


def test_every_entry_of_the_period_and_none_outside(cli, example_root, tmp_path):
    result, doc = _report(cli, example_root, tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    text = dump(doc)
    period = annual(2026)
    inside = outside = 0
    for e in _entries(example_root):
        summary = vn.clean(e["summary"])
        if period.start <= e["date"] <= min(period.end, AS_OF):
            inside += 1
            assert summary in text, e
        else:
            outside += 1
            assert summary not in text, e
    assert inside == 39 and outside == 1  # the entry dated 2025-12-14 belongs to the 2025 report
    assert "Đã thành lập tổ soạn thảo" not in text


def test_every_task_row_in_appendix(cli, example_root, tmp_path):
    _, doc = _report(cli, example_root, tmp_path / "r.docx")
    rows = {r.cells[0].text: r for r in doc.tables[-1].rows[1:]}
    tasks = yaml.safe_load((EXAMPLES / "plan" / "tasks.yaml").read_text(encoding="utf-8"))
    ids = []

    def rec(groups):
        for g in groups:
            ids.extend(t["id"] for t in g.get("tasks", []))
            rec(g.get("groups", []))

    rec(tasks["groups"])
    assert len(ids) == 27
    for task_id in ids:
        assert task_id in rows, task_id
    assert rows["I.8"].cells[4].text == "Chưa có báo cáo trong kỳ"
    assert rows["II.A.3"].cells[5].text == "Chưa đến kỳ thực hiện"
    assert "I" in rows and "A" in rows  # group rows


def test_document_lines(cli, example_root, tmp_path):
    _, doc = _report(cli, example_root, tmp_path / "r.docx", "--number", "5")
    texts = [p.text for p in doc.paragraphs]
    header = dump(doc).splitlines()[:4]
    assert header[0].startswith("UBND TỈNH QUẢNG TRỊ / SỞ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG")
    assert header[1] == "Số: 05/BC-SNNMT | Quảng Trị, ngày 20 tháng 11 năm 2026"
    assert "BÁO CÁO" in texts and "Kính gửi: Ủy ban nhân dân tỉnh Quảng Trị." in texts
    subject = texts[texts.index("BÁO CÁO") + 1]
    # the period comes before the plan: “… Nghị quyết số 247/2025/QH15 của Quốc hội năm 2026” would read as
    # a 2026 resolution
    assert subject == "Kết quả năm 2026 thực hiện Kế hoạch triển khai Nghị quyết số 247/2025/QH15 của Quốc hội"
    opening = next(t for t in texts if t.startswith("Căn cứ"))
    assert "Nghị quyết số 247/2025/QH15 ngày 10/12/2025 của Quốc hội" in opening and "…/KH-SNNMT" in opening
    for heading in (
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ):
        assert heading in texts
    body_end = texts.index("Phụ lục") - 1
    last = [t for t in texts[:body_end] if t.strip()][-1]
    assert last.endswith("./.")
    assert "- Phòng Quản lý môi trường (nhiệm vụ II.D.1): Lực lượng kiểm tra còn mỏng" in "\n".join(texts)
    assert any(
        t.startswith("- Nhiệm vụ II.A.3:") for t in texts[texts.index("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI") :]
    )
    assert "+ Số khu xử lý rác thải đã khảo sát: 5 khu." in texts
    assert "+ Văn bản đã ban hành: Báo cáo số 98/BC-SNNMT ngày 12 tháng 6 năm 2026" in "\n".join(texts)


def test_signer_never_invented(cli, example_root, tmp_path):
    _, doc = _report(cli, example_root, tmp_path / "a.docx")
    sign = [p.text for p in doc.tables[1].cell(0, 1).paragraphs]
    assert sign[0] == "GIÁM ĐỐC" and all(not t for t in sign[1:])
    _, doc = _report(cli, example_root, tmp_path / "b.docx", "--signer", "Nguyễn Văn A")
    assert doc.tables[1].cell(0, 1).paragraphs[-1].text == "Nguyễn Văn A"


def test_user_text_literal_and_single_breaks(cli, example_root, tmp_path):
    text = (
        'task: "II.D.1"\nunit: "QLMT"\ndate: 2026-11-02\nstatus: "in_progress"\n'
        'summary: |\n  A & B <c> d\n\n  e\ndifficulties: "x < y & z > w"\n'
    )
    write(example_root, "progress/QLMT/2026-11-02-II.D.1.yaml", text.replace("\n", "\r\n").encode())
    result, doc = _report(cli, example_root, tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    text = dump(doc)
    assert "A & B <c> d\ne" in text and "A & B <c> d\n\ne" not in text
    assert "x < y & z > w" in text and "&amp;" not in text


def test_corrected_entry_replaced(cli, example_root, tmp_path):
    old = "progress/QLMT/2026-10-28-II.D.1.yaml"
    write(
        example_root,
        "progress/QLMT/2026-11-03-II.D.1.yaml",
        'task: "II.D.1"\nunit: "QLMT"\ndate: 2026-11-03\nstatus: "in_progress"\n'
        f'summary: "Đính chính: đã kiểm tra 41 cơ sở."\ncorrects: "{old}"\n',
    )
    result, doc = _report(cli, example_root, tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    text = dump(doc)
    assert "Đính chính: đã kiểm tra 41 cơ sở." in text and "Đã kiểm tra 42 cơ sở" not in text


def test_unit_report(cli, example_root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(["report", "--year", "2026", "--as-of", "2026-11-20", "--unit", "TTBVTV"], root=example_root)
    assert result.exit_code == 0, result.output
    doc = open_docx(tmp_path / "build" / "bao-cao-2026-TTBVTV.docx")
    texts = [p.text for p in doc.paragraphs]
    assert "Kính gửi: Sở Nông nghiệp và Môi trường (qua Phòng Quản lý môi trường)." in texts
    assert not any("QH15 năm" in t or "Quốc hội năm" in t for t in texts)
    rows = [r.cells[0].text for r in doc.tables[-1].rows[1:]]
    assert "II.C.6" in rows and "II.C.7" in rows and "I.1" not in rows
    text = dump(doc)
    assert "Đã kiểm tra 42 cơ sở" not in text  # another unit's entry


def test_default_output(cli, example_root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(["report", "--year", "2026"], root=example_root)
    assert result.exit_code == 0 and (tmp_path / "build" / "bao-cao-2026.docx").is_file()


@pytest.mark.parametrize("args", [["--number", "abc"], ["--number", "5a"], ["--unit", "NOPE"]])
def test_usage_errors(cli, example_root, tmp_path, args):
    result = cli(["report", "--year", "2026", "-o", tmp_path / "x.docx", *args], root=example_root)
    assert result.exit_code == 2
    assert not (tmp_path / "x.docx").exists()


def test_template_error_names_file_and_line(cli, example_root, tmp_path):
    (example_root / "mau").mkdir()
    bad = example_root / "mau" / "bad.md.j2"
    bad.write_text("::title BÁO CÁO\n\n{{ khong_co }}\n", encoding="utf-8")
    result = cli(["report", "--year", "2026", "--template", bad, "-o", tmp_path / "x.docx"], root=example_root)
    assert result.exit_code == 1
    assert "mẫu mau/bad.md.j2 dòng 3: biến `khong_co` không tồn tại" in result.output
    unsafe = example_root / "unsafe.md.j2"
    unsafe.write_text("{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    result = cli(["report", "--year", "2026", "--template", unsafe, "-o", tmp_path / "x.docx"], root=example_root)
    assert result.exit_code == 1 and "dòng 1: truy cập không an toàn" in result.output


def test_repo_template_change_is_used(cli, example_root, tmp_path):
    (example_root / "templates").mkdir()
    (example_root / "templates" / "bao-cao-nam.md.j2").write_text(
        "::title BÁO CÁO THỬ\n\nNăm {{ year }}./.\n", encoding="utf-8"
    )
    _result, doc = _report(cli, example_root, tmp_path / "r.docx")
    assert [p.text for p in doc.paragraphs if p.text] == ["BÁO CÁO THỬ", "Năm 2026./."]


def test_same_bytes_twice(cli, example_root, tmp_path):
    _report(cli, example_root, tmp_path / "a.docx")
    _report(cli, example_root, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_golden_text_dump(cli, tmp_path):
    result, doc = _report(cli, EXAMPLES, tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    text = dump(doc)
    if os.environ.get("KEHOACH_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "chạy lại với KEHOACH_UPDATE_GOLDEN=1 nếu thay đổi là cố ý"


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--year", "2026", "-o", "r.docx"],
        ["status", "--year", "2026"],
        ["remind", "--year", "2026", "-o", "cv.docx"],
        ["form", "--year", "2026", "-o", "f.xlsx"],
    ],
)
def test_unit_must_be_a_unit_of_the_department(cli, example_root, tmp_path, monkeypatch, command):
    """UBND tỉnh and the Ministry are registered as recipients: a report *from* them is nonsense."""
    monkeypatch.chdir(tmp_path)
    for unit, code, words in (
        ("UBNDT", "KH231", "`UBNDT` (Ủy ban nhân dân tỉnh Quảng Trị) là cơ quan ngoài Sở"),
        ("XYZ", "KH230", "không có đơn vị `XYZ`"),
    ):
        result = cli([*command, "--unit", unit], root=example_root)
        assert result.exit_code == 2, result.output
        assert f"Lỗi {code}: " in result.output and words in result.output
        codes = result.output.split("mã đơn vị thuộc Sở: ")[1]
        assert "QLMT" in codes and "UBNDT" not in codes and "BNNMT" not in codes
    assert list(tmp_path.iterdir()) == [example_root]
