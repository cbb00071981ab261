"""`kehoach plan -o FILE.docx`: the real plan as issued, read back."""

from __future__ import annotations

import yaml
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from tests.conftest import REPO
from tests.docx_read import dump, open_docx


def _plan(cli, tmp_path, root=REPO):
    out = tmp_path / "p.docx"
    result = cli(["plan", "-o", out], root=root)
    assert result.exit_code == 0, result.output
    return out


def test_plan_document(cli, tmp_path):
    doc = open_docx(_plan(cli, tmp_path))
    texts = [p.text for p in doc.paragraphs]
    assert "KẾ HOẠCH" in texts
    header = dump(doc).splitlines()[:2]
    assert header[1] == "Số:      /KH-SNNMT | Quảng Trị, ngày      tháng      năm 2026"
    for heading in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG KẾ HOẠCH",
        "III. CÁC NHIỆM VỤ CỤ THỂ",
        "IV. TỔ CHỨC THỰC HIỆN",
        "V. KINH PHÍ THỰC HIỆN",
        "1. Mục đích",
    ):
        assert heading in texts
    assert any(t.endswith("nghiêm túc thực hiện./.") for t in texts)
    closing = [p.text for p in doc.tables[1].cell(0, 0).paragraphs]
    assert closing == [
        "Nơi nhận:",
        "- Bộ NN&MT (báo cáo);",
        "- UBND tỉnh (báo cáo);",
        "- Lãnh đạo Sở;",
        "- Các phòng, đơn vị thuộc Sở;",
        "- Lưu: VT, QLMTLan.",
    ]
    assert next(p.text for p in doc.tables[1].cell(0, 1).paragraphs) == "GIÁM ĐỐC"
    assert "DỮ LIỆU MINH HỌA" not in dump(doc)


def test_plan_appendix_table(cli, tmp_path):
    doc = open_docx(_plan(cli, tmp_path))
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert doc.sections[1]._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "TT",
        "Nội dung thực hiện",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Tiến độ",
        "Kết quả",
        "Ghi chú",
    ]
    contents = {r.cells[1].text for r in table.rows[1:]}
    data = yaml.safe_load((REPO / "plan" / "tasks.yaml").read_text(encoding="utf-8"))
    count = 0

    def rec(groups):
        nonlocal count
        for g in groups:
            assert g["title"] in contents
            for t in g.get("tasks", []):
                count += 1
                assert t["content"] in contents, t["id"]
            rec(g.get("groups", []))

    rec(data["groups"])
    assert count == 27
    first = next(r for r in table.rows if r.cells[1].text.startswith("Tổ chức rà soát, đánh giá"))
    assert first.cells[2].text == "Phòng Quản lý môi trường, Phòng Khoáng sản và Biến đổi khí hậu"  # names, not codes
    assert first.cells[3].text == "Văn phòng Sở"


def test_plan_demo_notice_and_bytes(cli, tmp_path):
    from tests.conftest import EXAMPLES

    a = _plan(cli, tmp_path, EXAMPLES).read_bytes()
    doc = open_docx(a)
    assert "DỮ LIỆU MINH HỌA – HƯ CẤU, KHÔNG PHẢI SỐ LIỆU BÁO CÁO THẬT" in [p.text for p in doc.paragraphs]
    assert _plan(cli, tmp_path, EXAMPLES).read_bytes() == a


def test_plan_template_error(cli, tmp_path, example_root):
    bad = example_root / "kh.md.j2"
    bad.write_text("{% for s in sections %}\n{{ s.khong }}\n{% endfor %}\n", encoding="utf-8")
    result = cli(["plan", "-o", tmp_path / "p.docx", "--template", bad], root=example_root)
    assert result.exit_code == 1 and "dòng 2: biến `khong` không tồn tại" in result.output
