"""`kehoach report` for every period (ND 09/2019), ad hoc ranges, and the layout defects a records
officer would send back — each read back from the produced .docx."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from docx.oxml.ns import qn

from kehoach import clock
from kehoach.compute.periods import KINDS, ad_hoc, of_kind
from kehoach.render import vn
from tests.conftest import EXAMPLES, write
from tests.docx_read import dump, open_docx

AS_OF = "2026-12-01"
WORDS = {
    "year": "năm 2026",
    "h1": "6 tháng đầu năm 2026",
    "9m": "9 tháng năm 2026",
    "q1": "quý I năm 2026",
    "q2": "quý II năm 2026",
    "q3": "quý III năm 2026",
    "q4": "quý IV năm 2026",
}
ENTRIES = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((EXAMPLES / "progress").rglob("*.yaml"))]


def _report(cli, out: Path, *args, root: Path = EXAMPLES):
    result = cli(["report", "--as-of", AS_OF, "-o", out, *args], root=root)
    assert result.exit_code == 0, result.output
    return open_docx(out)


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _exactly_the_period(text: str, start: dt.date, end: dt.date) -> int:
    inside = 0
    for e in ENTRIES:
        summary = vn.clean(e["summary"])
        if e.get("corrects"):
            continue
        if start <= e["date"] <= end:
            inside += 1
            assert summary in text, (e["date"], summary)
        elif summary not in text:
            continue
        else:  # the same summary may be reported twice; never an entry of another date
            assert any(start <= f["date"] <= end and vn.clean(f["summary"]) == summary for f in ENTRIES), e
    return inside


@pytest.mark.parametrize("kind", KINDS)
def test_each_period_has_exactly_its_entries_and_its_words(cli, tmp_path, kind):
    doc = _report(cli, tmp_path / "r.docx", "--year", "2026", "--period", kind)
    texts, text = _texts(doc), dump(doc)
    p = of_kind(2026, kind)
    assert _exactly_the_period(text, p.start, p.end) > 0
    words = WORDS[kind]
    subject = texts[texts.index("BÁO CÁO") + 1]
    assert subject == f"Kết quả {words} thực hiện Kế hoạch triển khai Nghị quyết số 247/2025/QH15 của Quốc hội"
    opening = next(t for t in texts if t.startswith("Căn cứ"))
    assert f"báo cáo kết quả thực hiện Kế hoạch {words} (số liệu từ ngày {vn.ngay_ngan(p.start)} đến ngày" in opening
    assert f"KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ {words.upper()}" in texts
    assert any(t.startswith(f"Trên đây là báo cáo kết quả {words} thực hiện") for t in texts)


def test_ad_hoc_range(cli, tmp_path):
    doc = _report(cli, tmp_path / "r.docx", "--from", "2026-03-01", "--to", "2026-03-31")
    texts, text = _texts(doc), dump(doc)
    assert _exactly_the_period(text, dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == 4
    words = "từ ngày 01/3/2026 đến ngày 31/3/2026"
    subject = texts[texts.index("BÁO CÁO") + 1]
    assert subject == f"Kết quả thực hiện Kế hoạch triển khai Nghị quyết số 247/2025/QH15 của Quốc hội {words}"
    assert any(f"báo cáo kết quả thực hiện Kế hoạch {words} như sau:" in t for t in texts)
    assert f"KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ {words.upper()}" in texts
    assert "Tính đến ngày 31 tháng 3 năm 2026" in text


def test_default_file_names_say_the_period(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli(["report", "--year", "2026", "--period", "q1", "--unit", "QLMT"], root=EXAMPLES).exit_code == 0
    assert cli(["report", "--from", "2026-03-01", "--to", "2026-03-31"], root=EXAMPLES).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == [
        "bao-cao-2026-03-01-den-2026-03-31.docx",
        "bao-cao-2026-q1-QLMT.docx",
    ]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--from", "2026-03-31", "--to", "2026-03-01"], "KH140"),
        (["--year", "2026", "--period", "q1", "--from", "2026-03-01", "--to", "2026-03-31"], "KH141"),
        (["--from", "2026-03-01"], "KH142"),
        (["--year", "2025", "--from", "2026-03-01", "--to", "2026-03-31"], "KH143"),
        ([], "Thiếu tùy chọn '--year'"),
        (["--year", "2026", "--period", "q5"], None),
        (["--from", "2026-02-30", "--to", "2026-03-31"], None),
        (["--from", "2026-01-01", "--to", "9999-12-31"], "KH152"),
        (["--from", "1999-01-01", "--to", "2026-03-31"], "KH152"),
    ],
)
def test_period_usage_errors(cli, tmp_path, args, code):
    for command in ("report", "status"):
        extra = ["-o", tmp_path / "x.docx"] if command == "report" else []
        result = cli([command, *args, *extra], root=EXAMPLES)
        assert result.exit_code == 2, result.output
        if code:
            assert code in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()


def test_status_json_states_the_period(cli):
    import json

    result = cli(["status", "--year", "2026", "--period", "q2", "--as-of", AS_OF, "--format", "json"], EXAMPLES)
    data = json.loads(result.stdout)
    assert (data["period"], data["from"], data["to"]) == ("q2", "2026-03-15", "2026-06-14")
    p = of_kind(2026, "q2")
    in_q2 = sum(1 for e in ENTRIES if p.start <= e["date"] <= p.end)
    assert sum(t["entries"] for t in data["tasks"]) == in_q2 > 0
    assert data["late_units"] == []  # the 15/11 deadline is not in this period
    result = cli(["status", "--from", "2026-03-01", "--to", "2026-03-31", "--as-of", AS_OF, "-f", "json"], EXAMPLES)
    data = json.loads(result.stdout)
    assert (data["period"], data["from"], data["to"], data["year"]) == ("adhoc", "2026-03-01", "2026-03-31", 2026)
    table = cli(["status", "--year", "2026", "--period", "h1", "--as-of", AS_OF], EXAMPLES)
    assert "6 tháng đầu năm 2026" in table.stdout


def test_ad_hoc_period_belongs_to_the_report_year_of_its_end():
    assert ad_hoc(dt.date(2025, 12, 20), dt.date(2026, 1, 10)).year == 2026
    assert ad_hoc(dt.date(2026, 12, 15), dt.date(2026, 12, 20)).year == 2027


# ---------------------------------------------------------------- the layout defects


def test_counts_keep_the_space_after_each_semicolon(cli, tmp_path):
    doc = _report(cli, tmp_path / "r.docx", "--year", "2026")
    texts = _texts(doc)
    summary = next(t for t in texts if t.startswith("Tính đến"))
    assert "4 nhiệm vụ đã hoàn thành; 15 nhiệm vụ đang thực hiện; 1 nhiệm vụ chưa triển khai;" in summary
    timely = texts[texts.index(summary) + 1]
    for text in (summary, timely):
        assert not re.search(r";\S", text)
    assert timely.startswith("Về thời hạn: 4 nhiệm vụ hoàn thành đúng hạn; không có nhiệm vụ hoàn thành quá hạn; ")
    assert "16 nhiệm vụ đang thực hiện trong hạn; không có nhiệm vụ quá hạn;" in timely


def test_late_completion_is_counted(cli, example_root, tmp_path, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2027, 3, 1))
    write(
        example_root,
        "progress/QLMT/2027-02-10-I.8.yaml",
        'task: "I.8"\nunit: "QLMT"\ndate: 2027-02-10\nstatus: "done"\nsummary: "Đã ban hành kế hoạch."\n',
    )
    result = cli(["report", "--year", "2027", "--as-of", "2027-03-01", "-o", tmp_path / "r.docx"], example_root)
    assert result.exit_code == 0, result.output
    timely = next(t for t in _texts(open_docx(tmp_path / "r.docx")) if t.startswith("Về thời hạn"))
    assert "1 nhiệm vụ hoàn thành quá hạn" in timely and "4 nhiệm vụ quá hạn" in timely


@pytest.mark.parametrize("unit", ["TSKN", "TTBVTV", "CNTY"])
def test_unit_reports_number_from_one(cli, tmp_path, unit):
    doc = _report(cli, tmp_path / "r.docx", "--year", "2026", "--unit", unit)
    texts = _texts(doc)
    body = texts[texts.index("I. KẾT QUẢ THỰC HIỆN") + 1 : texts.index("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")]
    numbered = [t for t in body if re.match(r"\d+\. ", t)]
    assert numbered[0].startswith("1. ")
    lettered = [t for t in body if re.match(r"[a-zđ]\) ", t)]
    assert not lettered or lettered[0].startswith("a) ")


def test_no_period_before_the_lead_clause(cli, tmp_path):
    for args in (["--year", "2026"], ["--year", "2026", "--unit", "QLMT"]):
        text = dump(_report(cli, tmp_path / "r.docx", *args))
        assert "khí hậu (chủ trì:" in text
        assert not re.search(r"\.\s*\(chủ trì", text)
        assert ".." not in text.replace("./.", "")


def test_focal_units_own_report_goes_to_the_department_leaders(cli, tmp_path):
    texts = _texts(_report(cli, tmp_path / "r.docx", "--year", "2026", "--unit", "QLMT"))
    assert "Kính gửi: Lãnh đạo Sở Nông nghiệp và Môi trường." in texts
    assert not any("qua Phòng Quản lý môi trường" in t for t in texts)
    assert any(t.endswith("Phòng Quản lý môi trường kính báo cáo Lãnh đạo Sở xem xét, chỉ đạo./.") for t in texts)


def test_no_claim_the_data_does_not_support(cli, tmp_path):
    texts = _texts(_report(cli, tmp_path / "r.docx", "--year", "2026", "--unit", "TSKN"))
    joined = "\n".join(texts)
    assert "không có khó khăn" not in joined and "không có đề xuất" not in joined
    for heading in ("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "IV. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert texts[texts.index(heading) + 1] == "Chưa có báo cáo trong kỳ."


def _rows(doc):
    for tbl in doc.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        yield tbl, rows


def test_table_rows_kept_together_and_header_repeated(cli, example_root, tmp_path):
    long = "Nội dung rất dài. " * 400  # a row taller than a page cannot be kept whole
    write(
        example_root,
        "progress/QLMT/2026-11-02-II.D.1.yaml",
        f'task: "II.D.1"\nunit: "QLMT"\ndate: 2026-11-02\nstatus: "in_progress"\nsummary: "{long.strip()}"\n',
    )
    doc = _report(cli, tmp_path / "r.docx", "--year", "2026", root=example_root)
    tables = list(_rows(doc))
    appendix_rows = tables[-1][1]
    assert appendix_rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    split = [r for r in appendix_rows if r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None]
    assert len(split) == 1 and "Nội dung rất dài." in "".join(t.text or "" for t in split[0].iter(qn("w:t")))
    for _tbl, rows in tables[:-1]:  # header block and signature block
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)


def test_a_separator_printed_by_a_template_keeps_its_space(cli, example_root, tmp_path):
    write(
        example_root,
        "templates/bao-cao-nam.md.j2",
        '{% for c in counts %}{{ c.count }} nhiệm vụ{{ "; " if not loop.last else "." }}{% endfor %}\n',
    )
    texts = [t for t in _texts(_report(cli, tmp_path / "r.docx", "--year", "2026", root=example_root)) if t]
    assert texts == ["4 nhiệm vụ; 15 nhiệm vụ; 1 nhiệm vụ; 5 nhiệm vụ; 2 nhiệm vụ."]
