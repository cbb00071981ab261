"""Unit names and codes, timelines, text hygiene: the small rules the import relies on."""

from __future__ import annotations

import pytest

from kehoach.docximport.notes import Notes
from kehoach.docximport.text import clean, is_legacy_font, mojibake, recase
from kehoach.docximport.units import Registry, derive_code, split_names
from kehoach.model.plan import GENERIC_RELATED
from kehoach.model.timeline import parse_wording


@pytest.mark.parametrize(
    "cell, names",
    [
        ("Văn phòng Sở, Phòng Kế hoạch – Tổng hợp", ["Văn phòng Sở", "Phòng Kế hoạch – Tổng hợp"]),
        ("Phòng Khoa học, Công nghệ và Chuyển đổi số", ["Phòng Khoa học, Công nghệ và Chuyển đổi số"]),
        (
            "Phòng Quản lý môi trường; Phòng Khoáng sản và Biến đổi khí hậu",
            ["Phòng Quản lý môi trường", "Phòng Khoáng sản và Biến đổi khí hậu"],
        ),
        (
            "Chi cục Chăn nuôi và Thú y\n- Sở Tài chính và Sở Xây dựng.",
            ["Chi cục Chăn nuôi và Thú y", "Sở Tài chính", "Sở Xây dựng"],
        ),
        (GENERIC_RELATED, [GENERIC_RELATED]),
    ],
)
def test_split_names(cell, names):
    assert split_names(cell, []) == names


def test_known_names_are_not_split():
    assert split_names("Phòng Kinh tế, Hạ tầng, Ban Dân tộc", ["Phòng Kinh tế, Hạ tầng"]) == [
        "Phòng Kinh tế, Hạ tầng",
        "Ban Dân tộc",
    ]


@pytest.mark.parametrize(
    "name, code",
    [
        ("Phòng Quản lý môi trường", "QLMT"),
        ("Phòng Kế hoạch – Tổng hợp", "KHTH"),
        ("Văn phòng Sở", "VP"),
        ("Chi cục Trồng trọt và Bảo vệ thực vật", "TTBVTV"),
        ("Phòng Khoa học, Công nghệ và Chuyển đổi số", "KHCNCDS"),
        ("UBND tỉnh Quảng Trị", "UBNDTQT"),
        ("Đài Phát thanh", "DPT"),
    ],
)
def test_derive_code(name, code):
    assert derive_code(name, set()) == code


def test_codes_are_unique_and_variants_merge():
    notes = Notes()
    reg = Registry({})
    assert reg.resolve("Phòng Quản lý môi trường", "a", notes, allow_generic=True) == ["QLMT"]
    assert reg.resolve("Phòng Quản lý Môi trường.", "b", notes, allow_generic=True) == ["QLMT"]
    assert reg.resolve("Phòng Quản lý mỏ than", "c", notes, allow_generic=True) == ["QLMT2"]
    assert "chỉ khác «Phòng Quản lý môi trường» ở chữ hoa/dấu câu" in notes.look[0].message
    assert reg.resolve("Các cơ quan, đơn vị, địa phương có liên quan", "d", notes, allow_generic=False) == []
    assert notes.refused[0].where == "d"


@pytest.mark.parametrize(
    "text, years",
    [
        ("2026", (2026, 2026, False)),
        ("2027-2028", (2027, 2028, False)),
        ("2026 - 2030 và các năm tiếp theo", (2026, 2030, True)),
        ("2026 và các năm tiếp theo", (2026, None, True)),
        ("2026 và các năm tiếp theo…", (2026, None, True)),
        ("Quý IV/2026", (2026, 2026, False)),
        ("Hằng năm", (None, None, True)),
        ("Thường xuyên", (None, None, True)),
    ],
)
def test_wordings(text, years):
    assert tuple(parse_wording(text)) == years


def test_clean_and_encodings():
    notes = Notes()
    assert clean("Cu\u0309a\x0b  ta\x00\n\n x ", "ô 1", notes) == "Của ta\nx"
    assert "U+000B" in notes.look[0].message and "NUL" in notes.look[0].message
    assert is_legacy_font(".VnTime") and is_legacy_font("VNI-Times") and not is_legacy_font("Times New Roman")
    assert mojibake("Céng hßa X· héi") and mojibake("Cộng hòa xã hội chủ nghĩa Việt Nam, 25°C, 10 m²") is None
    assert (
        recase("KẾ HOẠCH CỦA UBND TỈNH QUẢNG TRỊ", ["Theo Kế hoạch của UBND tỉnh Quảng Trị."])
        == "Kế hoạch của UBND tỉnh Quảng Trị"
    )


def test_near_duplicate_pairs_match_the_pairwise_definition():
    import random

    from kehoach.docximport.units import _near_pairs, _one_edit

    rnd = random.Random(7)
    for _ in range(200):
        keys = ["".join(rnd.choice("abc") for _ in range(rnd.randint(0, 4))) for _ in range(rnd.randint(0, 12))]
        want = [
            (i, j)
            for i in range(len(keys))
            for j in range(i + 1, len(keys))
            if keys[i] == keys[j] or _one_edit(keys[i], keys[j])
        ]
        assert _near_pairs(keys) == want, keys
