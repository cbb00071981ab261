"""Hand-built .docx files in other layouts: tasks, groups, units and what is listed for a human."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml

from kehoach.commands.import_docx import run
from kehoach.docximport.adopt import adopt
from kehoach.model.plan import GENERIC_RELATED
from tests.conftest import TODAY
from tests.docximport.builders import add_table, put_control_char, set_cell


def _tasks(groups: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for g in groups:
        out.update({t["id"]: t for t in g.get("tasks", [])})
        out.update(_tasks(g.get("groups", [])))
    return out


def _looks(res) -> list[str]:
    return [f"{n.where}: {n.message}" for n in res.notes.look]


def other_order(path: Path) -> Path:
    """STT | Nhiệm vụ | Thời gian thực hiện | Đơn vị chủ trì | Đơn vị phối hợp | Sản phẩm | Ghi chú; groups in the
    first two cells; line breaks in cells; a vertical tab; header with number and date."""
    doc = docx.Document()
    head = doc.add_table(rows=1, cols=2)
    set_cell(head.cell(0, 0), "UBND TỈNH QUẢNG TRỊ\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 123/KH-SNNMT")
    set_cell(
        head.cell(0, 1),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 05 tháng 3 năm 2026",
    )
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Triển khai Nghị quyết số 247/2025/QH15 ngày 10/12/2025 của Quốc hội về bảo vệ môi trường")
    doc.add_paragraph(
        "Căn cứ Nghị quyết số 247/2025/QH15 ngày 10/12/2025 của Quốc hội về bảo vệ môi trường, "
        "Sở Nông nghiệp và Môi trường ban hành Kế hoạch như sau:"
    )
    add_table(
        doc,
        ["STT", "Nhiệm vụ", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Ghi chú"],
        [
            ["I", "Nhiệm vụ năm 2026", "", "", "", "", ""],
            [
                "1",
                "Rà soát quy hoạch VTABMARK",
                "Quý IV/2026",
                "Phòng Quản lý môi trường\nPhòng Khoáng sản và Biến đổi khí hậu",
                "Văn phòng Sở, Phòng Kế hoạch – Tổng hợp",
                "Báo cáo",
                "",
            ],
            [
                "2",
                "Xây dựng cơ sở dữ liệu",
                "2026 - 2030\nvà các năm tiếp theo",
                "Phòng Khoa học, Công nghệ và Chuyển đổi số",
                GENERIC_RELATED,
                "Cơ sở dữ liệu",
                "Thực hiện theo chức năng.",
            ],
            ["II", "Nhiệm vụ thường xuyên", "", "", "", "", ""],
            ["1", "Kiểm tra định kỳ", "Hằng năm", "Chi cục Thủy sản và Kiểm ngư", "", "Kết quả kiểm tra", ""],
        ],
    )
    doc.save(path)
    put_control_char(path, " VTABMARK", "\x0b")
    return path


def merged_extra(path: Path) -> Path:
    """Seed column order plus an extra column; group rows merged across; a .VnTime run; odd wordings."""
    doc = docx.Document()
    doc.add_paragraph("Phụ lục")
    doc.add_paragraph("Nhiệm vụ cụ thể năm 2027")
    add_table(
        doc,
        [
            "TT",
            "Nội dung thực hiện",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Tiến độ",
            "Kết quả",
            "Ghi chú",
            "Kinh phí",
        ],
        [
            ("group", "I. Các nhiệm vụ trọng tâm", 0),
            ("group", "A. Kiểm soát ô nhiễm", 1),
            [
                "1.",
                "Quan trắc môi trường",
                "Trung tâm Quan trắc Nông nghiệp và Môi trường",
                "Các cơ quan liên quan",
                "2027-2028",
                "Báo cáo quan trắc",
                "",
                "100 triệu",
            ],
            [
                "2.",
                ("Céng hßa X· héi", ".VnTime"),
                "Phòng Quản lý môi trường",
                "",
                "Theo chỉ đạo của UBND tỉnh",
                "Kế hoạch",
                "",
                "",
            ],
            ("group", "B. Chất thải rắn", 1),
            [
                "1.",
                "Phân loại rác tại nguồn",
                "Phòng Quản lý môi trưòng",
                "Phòng Quản lý môi trường",
                "2027",
                "Mô hình",
                "",
                "",
            ],
            ["2.", "Nhiệm vụ thiếu kết quả", "Phòng Quản lý môi trường", "", "2027", "", "", ""],
        ],
    )
    doc.save(path)
    return path


def two_row_header(path: Path) -> Path:
    """TT | Nội dung | Cơ quan thực hiện (Chủ trì | Phối hợp) | Thời gian hoàn thành | Kết quả/sản phẩm; no Ghi chú;
    no group rows; the lead merged down over two tasks; TCVN3 mojibake in a paragraph."""
    doc = docx.Document()
    doc.add_paragraph("Céng hßa X· héi chñ nghÜa ViÖt Nam")
    table = doc.add_table(rows=5, cols=6)
    top, sub = table.rows[0].cells, table.rows[1].cells
    for col, label in ((0, "TT"), (1, "Nội dung"), (4, "Thời gian hoàn thành"), (5, "Kết quả/sản phẩm")):
        set_cell(top[col].merge(sub[col]), label)
    set_cell(top[2].merge(top[3]), "Cơ quan thực hiện")
    set_cell(table.cell(1, 2), "Chủ trì")
    set_cell(table.cell(1, 3), "Phối hợp")
    for r, row in enumerate(
        [
            ["1", "Tuyên truyền pháp luật", None, "Văn phòng Sở", "Thường xuyên", "Tài liệu"],
            ["2", "Đào tạo cán bộ", None, "", "2026 và các năm tiếp theo…", "Khóa đào tạo"],
            ["3", "Thu hút nhân lực", "Phòng Tổ chức cán bộ", "", "2026 - 2030", "Đề án"],
        ],
        start=2,
    ):
        for c, value in enumerate(row):
            if value:
                set_cell(table.cell(r, c), value)
    set_cell(table.cell(2, 2).merge(table.cell(3, 2)), "Phòng Tổ chức cán bộ")
    doc.save(path)
    return path


def test_other_column_order_line_breaks_and_control_char(tmp_path):
    res = adopt(other_order(tmp_path / "a.docx"), {}, TODAY)
    tasks = _tasks(res.appendix["groups"])
    assert [(g["id"], g["title"]) for g in res.appendix["groups"]] == [
        ("I", "Nhiệm vụ năm 2026"),
        ("II", "Nhiệm vụ thường xuyên"),
    ]
    assert list(tasks) == ["I.1", "I.2", "II.1"]
    assert tasks["I.1"]["content"] == "Rà soát quy hoạch"
    assert tasks["I.1"]["lead"] == ["QLMT", "KSBDKH"] and tasks["I.1"]["coordinating"] == ["VP", "KHTH"]
    assert tasks["I.1"]["timeline"] == {"start": 2026, "end": 2026, "continuing": False, "text": "Quý IV/2026"}
    assert tasks["I.2"]["lead"] == ["KHCNCDS"] and tasks["I.2"]["coordinating"] == [GENERIC_RELATED]
    assert tasks["I.2"]["timeline"] == {
        "start": 2026,
        "end": 2030,
        "continuing": True,
        "text": "2026 - 2030 và các năm tiếp theo",
    }
    assert tasks["I.2"]["note"] == "Thực hiện theo chức năng."
    assert tasks["II.1"]["timeline"] == {"start": 2026, "end": None, "continuing": True, "text": "Hằng năm"}
    assert res.names == {
        "QLMT": "Phòng Quản lý môi trường",
        "KSBDKH": "Phòng Khoáng sản và Biến đổi khí hậu",
        "VP": "Văn phòng Sở",
        "KHTH": "Phòng Kế hoạch – Tổng hợp",
        "KHCNCDS": "Phòng Khoa học, Công nghệ và Chuyển đổi số",
        "TSKN": "Chi cục Thủy sản và Kiểm ngư",
    }
    assert res.plan["issuer"] == {
        "name": "Sở Nông nghiệp và Môi trường",
        "parent": "UBND tỉnh Quảng Trị",
        "place": "Quảng Trị",
    }
    assert res.plan["document"]["number"] == "123" and res.plan["document"]["code"] == "KH-SNNMT"
    assert res.plan["document"]["date"] == "2026-03-05"
    assert [b["number"] for b in res.plan["basis"]] == ["247/2025/QH15"]
    looks = _looks(res)
    assert len(looks) == 3, looks
    assert looks[0].startswith("bảng 2, dòng 3, cột «Nội dung thực hiện»: đã xóa ký tự điều khiển U+000B")
    assert looks[1].startswith("nhiệm vụ II.1 (bảng 2, dòng 6), cột «Tiến độ»: tiến độ «Hằng năm» không nêu năm")
    assert looks[2].startswith("tài liệu: không thấy tiêu đề của Phụ lục")
    assert res.notes.refused == []


def test_merged_groups_extra_column_legacy_font(tmp_path):
    res = adopt(merged_extra(tmp_path / "b.docx"), {}, TODAY)
    groups = res.appendix["groups"]
    assert res.appendix["title"] == "Nhiệm vụ cụ thể năm 2027"
    assert [(g["id"], [s["id"] for s in g["groups"]]) for g in groups] == [("I", ["A", "B"])]
    tasks = _tasks(groups)
    assert list(tasks) == ["I.A.1", "I.A.2", "I.B.1"]
    assert tasks["I.A.1"]["lead"] == ["TTQTNNMT"] and tasks["I.A.1"]["coordinating"] == [GENERIC_RELATED]
    assert tasks["I.A.2"]["timeline"] == {
        "start": TODAY.year,
        "end": None,
        "continuing": False,
        "text": "Theo chỉ đạo của UBND tỉnh",
    }
    assert tasks["I.B.1"]["lead"] == ["QLMT2"] and tasks["I.B.1"]["coordinating"] == ["QLMT"]
    assert res.units["TTQTNNMT"]["kind"] == "trung_tam"
    looks = "\n".join(_looks(res))
    assert "bảng 1, dòng tiêu đề: cột «Kinh phí» không thuộc Phụ lục" in looks
    assert "bảng 1, dòng 5, ô 2: đã chuyển mã TCVN3 → Unicode (phông .VnTime): «Cộng hòa Xã hội»" in looks
    assert tasks["I.A.2"]["content"] == "Cộng hòa Xã hội"  # converted, not kept as «Céng hßa X· héi»
    assert "cột «Cơ quan phối hợp»: cụm «Các cơ quan liên quan» đã ghi thành cụm chung" in looks
    assert (
        "nhiệm vụ I.A.2 (bảng 1, dòng 5), cột «Tiến độ»: tiến độ «Theo chỉ đạo của UBND tỉnh» không đọc được" in looks
    )
    assert "không thấy năm của văn bản" in looks
    assert "hai tên gần giống nhau: «Phòng Quản lý môi trường» (QLMT) và «Phòng Quản lý môi trưòng» (QLMT2)" in looks
    assert [(n.where, n.message[:30]) for n in res.notes.refused] == [
        ("nhiệm vụ I.B.2 (bảng 1, dòng 8)", "thiếu Kết quả; nhiệm vụ này kh")
    ]


def test_two_row_header_vertical_merge_no_groups(tmp_path):
    known = {"TCCB": ("Phòng Tổ chức cán bộ", None), "VP": ("Văn phòng Sở", None)}
    res = adopt(two_row_header(tmp_path / "c.docx"), known, TODAY)
    tasks = _tasks(res.appendix["groups"])
    assert [g["id"] for g in res.appendix["groups"]] == ["I"]
    assert list(tasks) == ["I.1", "I.2", "I.3"]
    assert [t["lead"] for t in tasks.values()] == [["TCCB"], ["TCCB"], ["TCCB"]]
    assert tasks["I.1"]["coordinating"] == ["VP"] and tasks["I.2"]["coordinating"] == []
    assert tasks["I.2"]["timeline"] == {
        "start": 2026,
        "end": None,
        "continuing": True,
        "text": "2026 và các năm tiếp theo…",
    }
    assert tasks["I.1"]["note"] is None
    assert res.units == {}
    looks = "\n".join(_looks(res))
    assert "đoạn 1: đã chuyển mã TCVN3 → Unicode (chữ trông như mã cũ): «Cộng hòa Xã hội chủ nghĩa Việt Nam»" in looks
    assert "bảng không có dòng nhóm I., II." in looks
    assert res.notes.refused == []


def test_cli_writes_validates_and_refuses_to_overwrite(tmp_path, cli):
    src = other_order(tmp_path / "a.docx")
    out = tmp_path / "root"
    first = cli(["import-docx", src, "-o", out])
    assert first.exit_code == 0, first.output
    assert "3 nhiệm vụ trong 2 nhóm, 6 đơn vị (6 đơn vị mới)" in first.output
    assert "Cần xem lại (" in first.output and "U+000B" in first.output
    assert "plan/plan.yaml còn thiếu" in first.output
    tasks = yaml.safe_load((out / "plan/tasks.yaml").read_text(encoding="utf-8"))
    assert tasks["groups"][0]["tasks"][0]["lead"] == ["QLMT", "KSBDKH"]
    assert "# CẦN BỔ SUNG closing:" in (out / "plan/plan.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load((out / "units/KHTH.yaml").read_text(encoding="utf-8"))["name"] == "Phòng Kế hoạch – Tổng hợp"
    again = cli(["import-docx", src, "-o", out])
    assert again.exit_code == 2
    assert run(src, out, True, TODAY).code == 0


def test_cli_nothing_usable(tmp_path, cli):
    doc = docx.Document()
    doc.add_paragraph("Một văn bản không có bảng.")
    doc.save(tmp_path / "x.docx")
    result = cli(["import-docx", tmp_path / "x.docx", "-o", tmp_path / "out"])
    assert result.exit_code == 1
    assert "không tìm thấy bảng Phụ lục" in result.output
    assert not (tmp_path / "out" / "plan").exists()
