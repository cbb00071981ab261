"""plan/ holds the document's facts verbatim: 27 tasks, their texts, leads and timelines."""

from __future__ import annotations

import filecmp
import unicodedata

import pytest

from kehoach.commands.common import PLAN_ONLY, load_clean
from kehoach.model.plan import GENERIC_RELATED
from tests.conftest import EXAMPLES, REPO, TODAY

SEED = REPO.parent / "shared" / "seed" / "000_981051a740b3f286.txt"

EXPECTED = {  # id: (lead codes, timeline text, start, end, continuing) — read off the document
    "I.1": (["QLMT", "KSBDKH"], "2026", 2026, 2026, False),
    "I.2": (["QLMT"], "2026", 2026, 2026, False),
    "I.3": (["QLMT"], "2026", 2026, 2026, False),
    "I.4": (["QLMT"], "2026", 2026, 2026, False),
    "I.5": (["QLMT"], "2026", 2026, 2026, False),
    "I.6": (["QLMT"], "2026", 2026, 2026, False),
    "I.7": (["QLMT"], "2026", 2026, 2026, False),
    "I.8": (["QLMT"], "2026", 2026, 2026, False),
    "II.A.1": (["QLMT", "KSBDKH"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.A.2": (["QLMT", "KSBDKH"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.A.3": (["QLMT"], "2027-2028", 2027, 2028, False),
    "II.A.4": (["QLMT"], "2027-2028", 2027, 2028, False),
    "II.B.1": (["QLMT"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.B.2": (["QLMT"], "2026 và các năm tiếp theo", 2026, None, True),
    "II.B.3": (["QLMT"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.C.1": (["QLMT"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.C.2": (["QLMT"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.C.3": (["QLMT"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.C.4": (["CNTY"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.C.5": (["TSKN"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.C.6": (["TTBVTV"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.C.7": (["TTBVTV"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.D.1": (["QLMT"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.Đ.1": (["QLMT", "KSBDKH"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
    "II.E.1": (["QLMT", "KSBDKH", "TCCB"], "2026 - 2030", 2026, 2030, False),
    "II.E.2": (["KSBDKH"], "2026 - 2030", 2026, 2030, False),
    "II.E.3": (["KHCNCDS"], "2026 - 2030 và các năm tiếp theo", 2026, 2030, True),
}


@pytest.fixture(scope="module")
def data():
    return load_clean(REPO, TODAY, scope=PLAN_ONLY)  # the plan's facts, whatever entries units have added


def test_27_tasks_in_document_order(data):
    assert [t.id for t in data.appendix.tasks()] == list(EXPECTED)


def test_groups_and_headings(data):
    top = data.appendix.groups
    assert [(g.id, g.title) for g in top] == [
        ("I", "Các nhiệm vụ đến hết năm 2026"),
        ("II", "Các nhiệm vụ đến năm 2030 và các năm tiếp theo"),
    ]
    assert [g.id for g in top[1].groups] == ["A", "B", "C", "D", "Đ", "E"]
    assert top[1].groups[4].title.startswith("Tuyên truyền, phổ biến, giáo dục pháp luật")


@pytest.mark.parametrize("task_id", list(EXPECTED))
def test_leads_and_timeline(data, task_id):
    task = {t.id: t for t in data.appendix.tasks()}[task_id]
    lead, text, start, end, continuing = EXPECTED[task_id]
    tl = task.timeline
    assert (task.lead, tl.text, tl.start, tl.end, tl.continuing) == (lead, text, start, end, continuing)


def test_coordinators(data):
    tasks = {t.id: t for t in data.appendix.tasks()}
    assert tasks["I.1"].coordinating == ["VP"]
    assert tasks["I.2"].coordinating == ["VP", "KHTH"]
    assert tasks["II.A.1"].coordinating == ["TTQT"]
    assert tasks["II.A.2"].coordinating == [GENERIC_RELATED]


def test_units_named_by_the_plan(data):
    names = {u.name for u in data.units.values() if u.internal}
    assert names == {
        "Phòng Quản lý môi trường",
        "Phòng Khoáng sản và Biến đổi khí hậu",
        "Văn phòng Sở",
        "Phòng Kế hoạch – Tổng hợp",
        "Trung tâm Quan trắc Nông nghiệp và Môi trường",
        "Chi cục Chăn nuôi và Thú y",
        "Chi cục Thủy sản và Kiểm ngư",
        "Chi cục Trồng trọt và Bảo vệ thực vật",
        "Phòng Tổ chức cán bộ",
        "Phòng Khoa học, Công nghệ và Chuyển đổi số",
    }


def test_metadata(data):
    plan = data.plan
    assert plan.issuer.name == "Sở Nông nghiệp và Môi trường"
    assert plan.document.number is None and plan.document.code == "KH-SNNMT"
    assert [(b.number, b.date.isoformat()) for b in plan.basis] == [
        ("247/2025/QH15", "2025-12-10"),
        ("1705/KH-UBND", "2026-03-31"),
    ]
    assert plan.reporting.focal_unit == "QLMT"
    assert (plan.reporting.deadline.day, plan.reporting.deadline.month) == (15, 11)
    assert [s.number for s in plan.sections] == ["I", "II", "III", "IV", "V"]
    assert len(plan.sections[1].items) == 7
    assert plan.signing.signer is None  # the document names no signer


@pytest.mark.skipif(not SEED.is_file(), reason="the plan's source text (shared/seed) is not beside this clone")
def test_every_text_is_verbatim_in_the_document(data):
    seed = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    flat = " ".join(seed.split())
    pos = 0
    for task in data.appendix.tasks():
        found = flat.find(task.content, pos)
        assert found >= 0, f"{task.id} content not in document order"
        pos = found
        assert task.output in flat and (task.note is None or task.note in flat)
    texts = [data.plan.opening, data.plan.closing, data.plan.document.title]
    for section in data.plan.sections:
        texts += section.paragraphs
        for item in section.items:
            texts += [x for x in (item.title, item.text) if x] + item.bullets
    for text in texts:
        assert " ".join(text.split()) in flat, text[:60]


def test_examples_copy_the_real_plan_and_units():
    assert filecmp.cmp(REPO / "plan" / "tasks.yaml", EXAMPLES / "plan" / "tasks.yaml", shallow=False)
    for unit in (REPO / "units").glob("*.yaml"):
        assert filecmp.cmp(unit, EXAMPLES / "units" / unit.name, shallow=False), unit.name


def test_real_progress_holds_no_invented_entries():
    """Units add real entries to progress/; the fictional ones live in examples/ and say so."""
    for path in (REPO / "progress").rglob("*"):
        if path.is_file():
            assert "minh họa" not in path.read_text(encoding="utf-8", errors="replace").lower(), path


def test_every_example_entry_says_it_is_fictional():
    for path in (EXAMPLES / "progress").rglob("*.yaml"):
        assert "MINH HỌA" in path.read_text(encoding="utf-8"), path
