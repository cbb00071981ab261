"""The corrected values suggestions compute, one by one (the CLI tests show them in messages)."""

from __future__ import annotations

import pytest

from kehoach.load import suggest, yamlsafe


@pytest.mark.parametrize(
    "written,code",
    [
        ("Đang thực hiện", "in_progress"),
        ("đang thực hiện", "in_progress"),
        ("DANG THUC HIEN", "in_progress"),
        ("  Đã  hoàn thành ", "done"),
        ("chưa triển khai", "not_started"),
        ("In-Progress", "in_progress"),
        ("xong", "done"),
        ("hủy", None),
    ],
)
def test_status_words(written, code):
    assert suggest.choice(written, ["not_started", "in_progress", "done"]) == code


def test_choice_only_among_allowed():
    assert suggest.choice("Chi cục", ["phong", "chi_cuc", "trung_tam", "external"]) == "chi_cuc"
    assert suggest.choice("Đã hoàn thành", ["phong", "chi_cuc"]) is None


@pytest.mark.parametrize(
    "written,number",
    [
        ("92,5", "92.5"),
        ("1.500", "1500"),
        ("1.500.000", "1500000"),
        ("1.234,5", "1234.5"),
        ("1 500", "1500"),
        ("010", "10"),
        ("-007.5", "-7.5"),
        (" 92.5 ", "92.5"),
        ("0", "0"),
        ("mười", None),
        ("1,2,3", None),
    ],
)
def test_numbers(written, number):
    fixed = suggest.number(written)
    assert fixed == number
    if fixed is not None:  # what we suggest is a plain number to YAML, not refused as ambiguous
        value, problem = yamlsafe.load(f"value: {fixed}\n", "x")
        assert problem is None and isinstance(value["value"], (int, float))


@pytest.mark.parametrize(
    "written,iso",
    [
        ("20/11/2026", "2026-11-20"),
        ("20-11-2026", "2026-11-20"),
        ("20.11.2026", "2026-11-20"),
        ("5/3/2026", "2026-03-05"),
        ("ngày 5 tháng 3 năm 2026", "2026-03-05"),
        ("2026/11/20", "2026-11-20"),
        ("2026-5-20", "2026-05-20"),
        ("2026-05-20 08:30", "2026-05-20"),
        ("31/02/2026", None),
        ("11/20/2026", None),  # month first is not a date in Vietnamese order
        ("tháng 5", None),
    ],
)
def test_dates(written, iso):
    found = suggest.iso_date(written)
    assert (found[0] if found else None) == iso


def test_codes_and_near_misses():
    pattern = r"^[A-Z][A-Z0-9]{1,15}$"
    assert suggest.code(" qlmt ", pattern) == "QLMT"
    assert suggest.code("QLMT", pattern) is None  # nothing to fix
    assert suggest.code("phòng QLMT", pattern) is None
    assert suggest.distance("QLMT", "QLTM") == 1  # a swap is one edit
    assert suggest.near("QLTM", ["QLMT", "VP", "KHTH"]) == ["QLMT"]
    assert suggest.did_you_mean("I.9", [f"I.{n}" for n in range(1, 9)]) == ""  # too many to be useful
    assert suggest.near("x" * 10_000, ["QLMT"]) == []


def test_close_keys():
    fields = {"task": "Nhiệm vụ", "status": "Tình trạng", "summary": "Kết quả thực hiện", "outputs": None}
    assert suggest.close_key("sumary", fields) == "summary"
    assert suggest.close_key("Status", fields) == "status"
    assert suggest.close_key("tình trạng", fields) == "status"
    assert suggest.close_key("output", fields) == "outputs"
    assert suggest.close_key("ghichu", fields) is None
