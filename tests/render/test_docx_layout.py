"""ND 30 layout read back from the example report: page, fonts, sizes, header block, numbering."""

import datetime as dt
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kehoach.commands import report
from kehoach.commands.common import load_clean
from kehoach.compute.periods import annual
from kehoach.render import docx_layout
from tests.docx_read import all_runs, open_docx

AS_OF = dt.date(2026, 11, 20)
SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


@pytest.fixture(scope="module")
def report_bytes() -> bytes:
    root = Path(__file__).resolve().parents[2] / "examples"
    dr = load_clean(root, dt.date(2026, 11, 28))
    return report.render(root, dr, period=annual(2026), as_of=AS_OF, unit=None, number="5", signer=None, template=None)


@pytest.fixture(scope="module")
def doc(report_bytes):
    return open_docx(report_bytes)


def _fonts_ok(rfonts) -> bool:
    return (
        rfonts is not None
        and all(rfonts.get(qn(s)) == "Times New Roman" for s in SLOTS)
        and not any(k.endswith("Theme") or k.endswith("theme") for k in rfonts.attrib)
    )


def test_pages_a4_margins_orientation(doc):
    assert len(doc.sections) == 2
    for section, landscape in zip(doc.sections, (False, True), strict=False):
        assert section.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)
        w, h = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
        assert abs(section.page_width - w) < Mm(1) and abs(section.page_height - h) < Mm(1)
        margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
        assert [round(m.mm, 1) for m in margins] == [20, 20, 30, 15]


def test_fonts_on_all_slots_styles_and_runs(doc):
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert _fonts_ok(defaults.find(qn("w:rFonts")))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            assert _fonts_ok(style.find(qn("w:rPr")).find(qn("w:rFonts"))), style.get(qn("w:styleId"))
    assert not [f for f in styles.iter(qn("w:rFonts")) if any("heme" in k for k in f.attrib)]
    runs = list(all_runs(doc))
    assert len(runs) > 200
    for r in runs:
        rpr = r.find(qn("w:rPr"))
        assert _fonts_ok(rpr.find(qn("w:rFonts")))
        assert rpr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def _par(doc_or_cell, text):
    return next(p for p in doc_or_cell.paragraphs if p.text == text)


def _fmt(par):
    run = par.runs[0]
    return run.font.size, bool(run.font.bold), bool(run.font.italic)


def test_header_block(doc):
    table = doc.tables[0]
    left, right = table.cell(0, 0), table.cell(0, 1)
    assert _fmt(_par(left, "UBND TỈNH QUẢNG TRỊ")) == (Pt(13), False, False)
    assert _fmt(_par(left, "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG")) == (Pt(13), True, False)
    assert _fmt(_par(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) == (Pt(13), True, False)
    assert _fmt(_par(right, "Độc lập - Tự do - Hạnh phúc")) == (Pt(14), True, False)
    rules = [p for c in (left, right) for p in c.paragraphs if p._p.find(qn("w:pPr")).find(qn("w:pBdr")) is not None]
    assert len(rules) == 2
    assert _fmt(_par(table.cell(1, 0), "Số: 05/BC-SNNMT")) == (Pt(13), False, False)
    assert _fmt(_par(table.cell(1, 1), "Quảng Trị, ngày 20 tháng 11 năm 2026")) == (Pt(14), False, True)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_title_body_and_closing(doc):
    assert _fmt(_par(doc, "BÁO CÁO")) == (Pt(14), True, False)
    heading = _par(doc, "I. KẾT QUẢ THỰC HIỆN")
    assert heading.runs[0].font.bold
    body = next(p for p in doc.paragraphs if p.text.startswith("Căn cứ"))
    fmt = body.paragraph_format
    assert fmt.alignment == docx_layout.JUSTIFY and fmt.first_line_indent == docx_layout.Cm(1.27)
    assert fmt.space_after == Pt(6) and 1.0 <= fmt.line_spacing <= 1.5 and body.runs[0].font.size == Pt(14)
    closing = doc.tables[1]
    assert _fmt(_par(closing.cell(0, 0), "Nơi nhận:")) == (Pt(12), True, True)
    entries = [p for p in closing.cell(0, 0).paragraphs[1:]]
    assert all(p.runs[0].font.size == Pt(11) and p.text.startswith("- ") for p in entries)
    assert entries[-1].text.startswith("- Lưu: VT,") and entries[-1].text.endswith(".")
    assert all(p.text.endswith(";") for p in entries[:-1])
    assert _fmt(_par(closing.cell(0, 1), "GIÁM ĐỐC")) == (Pt(14), True, False)


def test_page_numbers_and_appendix_restart(doc):
    first, appendix = doc.sections
    assert first.different_first_page_header_footer
    header_xml = first.header._element.xml
    assert "fldChar" in header_xml and " PAGE " in header_xml
    assert "PAGE" not in first.first_page_header._element.xml
    num = appendix._sectPr.find(qn("w:pgNumType"))
    assert num is not None and num.get(qn("w:start")) == "1"
    assert appendix.different_first_page_header_footer


def test_appendix_table(doc):
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("Phụ lục")
    assert _fmt(doc.paragraphs[i]) == (Pt(14), True, False)
    assert texts[i + 1] == "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ NĂM 2026"
    note = doc.paragraphs[i + 2]
    assert (
        note.text == ("(Kèm theo Báo cáo số 05/BC-SNNMT ngày 20 tháng 11 năm 2026 của Sở Nông nghiệp và Môi trường)")
        and note.runs[0].font.italic
    )
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "TT",
        "Nội dung",
        "Đơn vị chủ trì",
        "Tiến độ",
        "Kết quả thực hiện",
        "Tình trạng",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert {b.get(qn("w:val")) for b in table._tbl.tblPr.find(qn("w:tblBorders"))} == {"single"}


def test_demo_notice_visible(doc):
    notice = "DỮ LIỆU MINH HỌA – HƯ CẤU, KHÔNG PHẢI SỐ LIỆU BÁO CÁO THẬT"
    assert any(p.text == notice and p.runs[0].font.bold for p in doc.paragraphs)
    assert notice in doc.sections[0].header._element.xml
    assert notice in doc.sections[0].first_page_header._element.xml


def test_reproducible_bytes(report_bytes):
    root = Path(__file__).resolve().parents[2] / "examples"
    dr = load_clean(root, dt.date(2026, 11, 28))
    again = report.render(root, dr, period=annual(2026), as_of=AS_OF, unit=None, number="5", signer=None, template=None)
    assert again == report_bytes


def test_core_properties_fixed(doc):
    props = doc.core_properties
    assert props.author == "" and props.last_modified_by == "" and props.revision == 1
    assert props.created.date() == AS_OF and props.modified.date() == AS_OF
