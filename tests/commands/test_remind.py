"""`kehoach remind`: days left, each unit's missing tasks, the JSON contract and the Công văn
đôn đốc (ND 30, Mẫu 1.5) read back from the .docx."""

from __future__ import annotations

import itertools
import json

from docx.oxml.ns import qn

from tests.conftest import EXAMPLES, write
from tests.docx_read import open_docx


def _json(cli, *args, root=EXAMPLES, year="2026"):
    result = cli(["remind", "--year", year, "--format", "json", *args], root=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_contract_and_days_left(cli):
    before = _json(cli, "--as-of", "2026-11-01")
    assert list(before) == ["year", "as_of", "deadline", "days_left", "units"]
    assert (before["year"], before["as_of"], before["deadline"], before["days_left"]) == (
        2026,
        "2026-11-01",
        "2026-11-15",
        14,
    )
    assert before["units"][0] == {"code": "CNTY", "name": "Chi cục Chăn nuôi và Thú y", "tasks": ["II.C.4"]}
    assert {u["code"]: u["tasks"] for u in before["units"]}["QLMT"] == ["I.8", "II.B.1", "II.B.3", "II.C.2"]
    after = _json(cli, "--as-of", "2026-11-20")
    assert after["days_left"] == -5
    assert [u["code"] for u in after["units"]] == ["QLMT", "TCCB", "TSKN"]  # CNTY reported on 20/11


def test_unit_filter_and_a_unit_that_has_reported(cli):
    assert _json(cli, "--as-of", "2026-11-20", "--unit", "TSKN")["units"] == [
        {"code": "TSKN", "name": "Chi cục Thủy sản và Kiểm ngư", "tasks": ["II.C.5"]}
    ]
    assert _json(cli, "--as-of", "2026-11-20", "--unit", "TTBVTV")["units"] == []


def test_a_one_off_task_done_last_year_needs_no_report(cli, example_root):
    data = _json(cli, "--as-of", "2027-03-01", root=example_root, year="2027")
    tasks = {t for u in data["units"] for t in u["tasks"]}
    assert "I.2" not in tasks and "II.A.3" in tasks  # I.2 (2026) done; II.A.3 starts in 2027
    assert "I.1" not in tasks  # a 2026 task is not active in 2027


def test_terminal_text(cli):
    result = cli(["remind", "--year", "2026", "--as-of", "2026-11-20"], root=EXAMPLES)
    out = result.stdout
    assert "trước 15/11/2026 (đã quá 5 ngày)" in out
    assert "TSKN — Chi cục Thủy sản và Kiểm ngư: II.C.5" in out
    out = cli(["remind", "--year", "2026", "--as-of", "2026-11-01"], root=EXAMPLES).stdout
    assert "(còn 14 ngày)" in out
    out = cli(["remind", "--year", "2026", "--as-of", "2026-11-20", "-u", "TTBVTV"], root=EXAMPLES).stdout
    assert "không cần đôn đốc" in out


def _letter(cli, tmp_path, *args):
    out = tmp_path / "cv.docx"
    result = cli(["remind", "--year", "2026", "-o", out, *args], root=EXAMPLES)
    assert result.exit_code == 0, result.output
    assert f"Đã ghi {out}" in result.output
    return open_docx(out)


def _cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_letter_is_a_cong_van_mau_1_5(cli, tmp_path):
    doc = _letter(cli, tmp_path, "--as-of", "2026-11-01")
    header = _cells(doc.tables[0])
    number_cell = header[1][0].split("\n")
    assert number_cell[0] == "Số:      /SNNMT-QLMT"
    assert number_cell[1] == "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số …/KH-SNNMT"
    hyphens = doc.tables[0].cell(1, 0)._tc.findall(f".//{qn('w:noBreakHyphen')}")
    assert len(hyphens) == 2  # SNNMT-QLMT and KH-SNNMT never break across lines
    texts = [p.text for p in doc.paragraphs]
    assert not any(t in ("CÔNG VĂN", "BÁO CÁO") for t in texts)  # Mẫu 1.5: no document-type name
    to = _cells(doc.tables[1])[0]
    assert to[0] == "Kính gửi:"
    names = to[1].split("\n")
    assert names[0] == "- Chi cục Chăn nuôi và Thú y;" and names[-1] == "- Chi cục Thủy sản và Kiểm ngư."
    assert all(n.endswith(";") for n in names[:-1]) and len(names) == 5
    body = "\n".join(texts)
    assert "Kế hoạch số …/KH-SNNMT" in body and "trước ngày 15/11/2026 (còn 14 ngày)" in body
    assert "gửi về Sở Nông nghiệp và Môi trường (qua Phòng Quản lý môi trường) trước ngày 15/11/2026" in body
    assert [t for t in texts if t.strip()][-1].endswith("./.")
    missing = doc.tables[2]  # 8 tasks: a table, units as group rows, header repeated
    rows = _cells(missing)
    assert rows[0] == ["Số hiệu", "Nhiệm vụ chưa có báo cáo", "Tiến độ"]
    assert rows[1][0] == "1" and rows[1][1].startswith("Chi cục Chăn nuôi và Thú y (1 nhiệm vụ)")
    assert ["I.8", "Xây dựng kế hoạch ứng phó sự cố chất thải trên địa bàn tỉnh", "2026"] in rows
    assert missing.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    closing = _cells(doc.tables[-1])[0]
    assert closing[0].split("\n")[:2] == ["Nơi nhận:", "- Như trên;"] and closing[0].endswith("- Lưu: VT, QLMT.")
    sign = closing[1].split("\n")
    assert sign[0] == "GIÁM ĐỐC" and not any(s.strip() for s in sign[1:])  # no invented name


def test_short_letter_lists_tasks_and_names_one_addressee(cli, tmp_path):
    doc = _letter(cli, tmp_path, "--as-of", "2026-11-20", "--unit", "QLMT", "--number", "7", "--signer", "Trần B")
    assert _cells(doc.tables[0])[1][0].startswith("Số: 07/SNNMT-QLMT")
    texts = [p.text for p in doc.paragraphs]
    assert "Kính gửi: Phòng Quản lý môi trường." in texts
    first = "- Nhiệm vụ I.8: Xây dựng kế hoạch ứng phó sự cố chất thải trên địa bàn tỉnh (tiến độ: 2026);"
    assert first in texts and "- Phòng Quản lý môi trường:" not in texts  # one addressee: its tasks directly
    assert texts[texts.index(first) + 3].endswith("(tiến độ: 2026 - 2030 và các năm tiếp theo).")
    assert "các nhiệm vụ sau do Phòng Quản lý môi trường chủ trì vẫn chưa có báo cáo" in "\n".join(texts)
    body = "\n".join(texts)
    assert "đã quá hạn" in body and "chậm nhất ngày 27/11/2026" in body  # a week after, by default
    assert len(doc.tables) == 2 and _cells(doc.tables[-1])[0][1].split("\n")[-1] == "Trần B"


def test_by_date(cli, tmp_path):
    doc = _letter(cli, tmp_path, "--as-of", "2026-11-20", "--by", "2026-11-25")
    assert "chậm nhất ngày 25/11/2026" in "\n".join(p.text for p in doc.paragraphs)
    args = ["remind", "--year", "2026", "--as-of", "2026-11-20", "--by", "2026-11-19", "-o", tmp_path / "x.docx"]
    result = cli(args, root=EXAMPLES)
    assert result.exit_code == 2 and "KH151" in result.output and not (tmp_path / "x.docx").exists()


def test_no_letter_when_no_one_is_missing(cli, example_root, tmp_path):
    out = tmp_path / "cv.docx"
    result = cli(["remind", "--year", "2026", "--as-of", "2026-11-20", "-u", "TTBVTV", "-o", out], root=example_root)
    assert result.exit_code == 0 and "không lập công văn" in result.output and not out.exists()


def test_bad_calls_are_exit_2(cli, tmp_path):
    for args in (["-o", tmp_path / "cv.odt"], ["--unit", "NOPE"], ["--number", "x"], ["--by", "20/11/2026"]):
        result = cli(["remind", "--year", "2026", *args], root=EXAMPLES)
        assert result.exit_code == 2, (args, result.output)
    assert list(tmp_path.iterdir()) == []


def test_letter_template_can_be_replaced(cli, example_root, tmp_path):
    write(example_root, "templates/cong-van-don-doc.md.j2", "Đề nghị {{ units | length }} đơn vị báo cáo./.\n")
    out = tmp_path / "cv.docx"
    result = cli(["remind", "--year", "2026", "--as-of", "2026-11-20", "-o", out], root=example_root)
    assert result.exit_code == 0, result.output
    assert [p.text for p in open_docx(out).paragraphs if p.text] == ["Đề nghị 3 đơn vị báo cáo./."]


def test_help_is_vietnamese(cli):
    out = cli(["remind", "--help"]).output
    assert out.startswith("Cách dùng: ") and " remind [TÙY CHỌN]" in out.splitlines()[0]
    for words in ("-y, --year NĂM", "--as-of NGÀY", "-u, --unit MÃ", "-o, --output TỆP", "--by NGÀY", "công văn"):
        assert words in out, words


def test_no_two_tables_touch_even_without_a_demo_notice(cli, real_root, tmp_path):
    """Word and LibreOffice merge adjacent tables: the header block and “Kính gửi:” must stay apart."""
    out = tmp_path / "cv.docx"
    result = cli(["remind", "--year", "2026", "--as-of", "2026-11-01", "-o", out], root=real_root)
    assert result.exit_code == 0, result.output
    doc = open_docx(out)
    tags = [child.tag for child in doc.element.body.iterchildren()]
    assert tags.count(qn("w:tbl")) >= 3
    assert not any(a == b == qn("w:tbl") for a, b in itertools.pairwise(tags))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "  " not in body.replace("Số:      /", "")
    assert "các nhiệm vụ sau chưa có báo cáo trong kỳ (từ ngày 15/12/2025) của đơn vị chủ trì:" in body
