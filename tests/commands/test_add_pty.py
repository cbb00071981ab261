"""`kehoach add` in a pseudo-terminal, answered line by line as staff would type them.

The child process runs on the real clock, so dates are computed from today here."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from tests.pty_session import KEHOACH, Session

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
    pytest.mark.skipif(not Path(KEHOACH).exists(), reason="the kehoach script is not installed next to this Python"),
]

CHOOSE = r"Chọn số thứ tự, mã hoặc tên[^\n]*: "
LINE = r"  > "


def _entry_files(root):
    return sorted(p for p in (root / "progress").rglob("*.yaml"))


def test_every_question_accepts_codes_labels_and_multiline_text(example_root):
    s = Session(["--root", str(example_root), "add"])
    s.expect(CHOOSE)
    s.send("ttbvtv")  # a code in lowercase
    s.expect("Nhiệm vụ đơn vị được báo cáo")
    s.expect(CHOOSE)
    s.send("ii.c.6")  # a task id in lowercase
    s.expect(CHOOSE)
    s.send("đang thực hiện")  # the label shown
    s.expect(r"Enter = hôm nay [^)]*\): ")
    s.send("")  # today
    s.expect(r"Kết quả thực hiện \(kết thúc bằng một dòng trống\):\n")
    for line in ("Đã thu gom 12 tấn bao gói.", "Tổ chức 3 lớp tập huấn.", "Lắp 40 bể chứa."):
        s.expect(LINE)
        s.send(line)  # a pasted paragraph: every line stays in the summary
    s.expect(LINE)
    s.send("")
    s.expect("Khó khăn, vướng mắc")
    s.expect(LINE)
    s.send("Thiếu kinh phí vận chuyển.")
    s.expect(LINE)
    s.send("")
    s.expect("Đề xuất, kiến nghị")
    s.expect(LINE)
    s.send("")
    s.expect("Văn bản đã ban hành")
    s.expect(LINE)
    s.send("Báo cáo|45/BC-CCTTBVTV|2026-13-01|Kết quả thu gom")
    s.expect("không có trong lịch. Hãy nhập lại dòng này")
    s.send("Báo cáo|45/BC-CCTTBVTV|18/05/2026|Kết quả thu gom")
    s.expect(LINE)
    s.send("")
    s.expect("Chỉ tiêu, số liệu")
    s.expect(LINE)
    s.send("Tỷ lệ thu gom bao gói|92,5|%")
    s.expect(LINE)
    s.send("")
    preview = s.expect(r"Ghi mục này\?[^\n]*: ")
    assert "Mục sẽ được ghi vào progress/TTBVTV/" in preview and "value: 92.5" in preview
    assert _entry_files(example_root) == _before(example_root)  # nothing written before the answer
    s.send("")  # Enter = yes
    s.expect("Đã ghi ")
    assert s.wait() == 0
    today = dt.date.today()
    path = example_root / "progress" / "TTBVTV" / f"{today.isoformat()}-II.C.6.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'status: "in_progress"' in text
    assert "summary: |-\n  Đã thu gom 12 tấn bao gói.\n  Tổ chức 3 lớp tập huấn.\n  Lắp 40 bể chứa.\n" in text
    assert 'difficulties: "Thiếu kinh phí vận chuyển."' in text and "proposals" not in text
    assert "date: 2026-05-18" in text and 'unit: "%"' in text


def _before(root):
    return sorted(p for p in (root / "progress").rglob("*.yaml") if not p.name.startswith(dt.date.today().isoformat()))


def test_wrong_answers_are_asked_again_with_the_reason(example_root):
    s = Session(["--root", str(example_root), "add", "--summary", "Đã rà soát."])
    s.expect(CHOOSE)
    s.send("XYZ")
    s.expect("không có đơn vị «XYZ»; mã đơn vị thuộc Sở: ")
    s.send("ubndt")  # the People's Committee receives the reports, it does not write them
    s.expect(
        "không có đơn vị «ubndt»; mã đơn vị thuộc Sở: CNTY, KHCNCDS, KHTH, KSBDKH, QLMT, TCCB, TSKN, TTBVTV, TTQT, VP."
    )
    s.send("chi cục trồng trọt và bảo vệ thực vật")  # the unit's name, in any case
    s.expect(CHOOSE)
    s.send("I.1")  # a real task, but not this unit's
    s.expect("đơn vị TTBVTV không chủ trì hay phối hợp nhiệm vụ I.1")
    s.send("I.9")
    s.expect("nhiệm vụ «I.9» không có trong Phụ lục")
    s.send("ii.c.7")
    s.expect(CHOOSE)
    s.send("done")  # the code
    s.expect(r"Enter = hôm nay [^)]*\): ")
    s.send("31/12/2099")
    s.expect("ở tương lai")
    s.send("01/11/2025")
    s.expect("trước ngày 10/12/2025 ban hành Nghị quyết")
    s.send("31/02/2026")
    s.expect("không có trong lịch")
    s.send("20/05/2026")
    for _ in range(4):  # difficulties, proposals, outputs, indicators: skipped
        s.expect(LINE)
        s.send("")
    s.expect(r"Ghi mục này\?")
    s.send("c")
    s.expect("Đã ghi ")
    written = s.expect(r"\S+\.yaml")
    assert s.wait() == 0
    assert written.startswith(str(example_root / "progress" / "TTBVTV" / "2026-05-20-II.C.7"))  # -2: the name was taken
    text = Path(written).read_text(encoding="utf-8")
    assert 'status: "done"' in text and 'summary: "Đã rà soát."' in text


def test_declining_at_the_preview_writes_nothing(example_root):
    before = _entry_files(example_root)
    args = ["--root", str(example_root), "add", "--unit", "QLMT", "--task", "I.8", "--status", "done"]
    s = Session(args + ["--summary", "x", "--date", "2026-05-20"])  # nothing to ask: the preview still comes
    s.expect(r"Ghi mục này\?")
    s.send("k")
    s.expect("Đã hủy; không ghi tệp nào.")
    assert s.wait() == 0
    assert _entry_files(example_root) == before


def test_yes_skips_the_preview(example_root):
    args = ["--root", str(example_root), "add", "--unit", "QLMT", "--task", "I.8", "--date", "2026-05-20", "--yes"]
    s = Session(args)
    s.expect(CHOOSE)
    s.send("1")
    s.expect(r"Kết quả thực hiện")
    s.expect(LINE)
    s.send("Chưa bắt đầu.")
    for _ in range(5):
        s.expect(LINE)
        s.send("")
    out = s.expect("Đã ghi ")
    assert "Ghi mục này" not in out
    assert s.wait() == 0
    assert (example_root / "progress" / "QLMT" / "2026-05-20-I.8.yaml").is_file()


def test_a_recipient_given_as_unit_is_refused_and_asked_again(example_root):
    before = _entry_files(example_root)
    args = ["--root", str(example_root), "add", "--unit", "UBNDT", "--status", "done"]
    s = Session(args + ["--summary", "x", "--date", "2026-05-20"])  # the task is asked: the unit is checked first
    s.expect("«UBNDT» là cơ quan ngoài Sở, nơi nhận báo cáo, không phải đơn vị báo cáo; mã đơn vị thuộc Sở: CNTY")
    s.expect(CHOOSE)
    s.send("QLMT")
    s.expect(CHOOSE)
    s.send("I.8")
    for _ in range(4):  # difficulties, proposals, outputs, indicators: none
        s.send("")
    s.expect(r"Ghi mục này\?")
    s.send("k")
    s.expect("Đã hủy; không ghi tệp nào.")
    assert s.wait() == 0
    assert _entry_files(example_root) == before


def test_text_pasted_from_word_with_an_invisible_character_is_asked_again_at_once(example_root):
    """A zero-width space pasted into a multi-line answer (or a document line) is refused right
    there, saying after which words it sits; the lines already typed stay, and the entry is written."""
    args = ["--root", str(example_root), "add", "--unit", "QLMT", "--task", "I.8", "--status", "done"]
    s = Session(args + ["--date", "2026-05-20", "--yes"])
    s.expect(LINE)
    s.send("Dòng đầu đã đúng.")
    s.expect(LINE)
    s.send("Đã thu gom 12 tấn bao gói\u200b thuốc.")
    s.expect(r"✗ dòng này có ký tự vô hình U\+200B \(khoảng trắng độ rộng 0\)")
    s.expect(r"Ký tự này nằm ngay sau “Đã thu gom 12 tấn bao gói”\. Hãy gõ hoặc dán lại dòng này, bỏ ký tự đó\.")
    s.expect(LINE)
    s.send("Đã thu gom 12 tấn bao gói thuốc.")
    s.expect(LINE)
    s.send("")
    for _ in range(2):  # difficulties, proposals: skipped
        s.expect(LINE)
        s.send("")
    s.expect(LINE)
    s.send("Kế hoạch|\u200b12/KH|2026-05-19|Thu gom")
    s.expect(r"✗ dòng này có ký tự vô hình U\+200B[^\n]*Ký tự này nằm ngay sau “Kế hoạch\|”\. Hãy nhập lại dòng này\.")
    s.send("")
    s.expect(LINE)
    s.send("")
    s.expect("Đã ghi ")
    written = s.expect(r"\S+\.yaml")
    assert s.wait() == 0
    text = Path(written).read_text(encoding="utf-8")
    assert "Dòng đầu đã đúng.\n" in text and "Đã thu gom 12 tấn bao gói thuốc." in text and "\u200b" not in text
