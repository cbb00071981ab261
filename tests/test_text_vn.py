"""Vietnamese formats: dates, numbers, document numbers, text cleaning."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach import text_vn as vn


@pytest.mark.parametrize(
    "d, text",
    [
        (dt.date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (dt.date(2026, 6, 29), "ngày 29 tháng 6 năm 2026"),
        (dt.date(2026, 11, 15), "ngày 15 tháng 11 năm 2026"),
        (dt.date(2026, 12, 9), "ngày 09 tháng 12 năm 2026"),
    ],
)
def test_ngay_thang(d, text):
    assert vn.ngay_thang(d) == text


@pytest.mark.parametrize(
    "value, text",
    [
        (1500, "1.500"),
        (1500.5, "1.500,5"),
        (92.5, "92,5"),
        (0, "0"),
        (1234567.25, "1.234.567,25"),
        (7.0, "7"),
        (-3.25, "-3,25"),
        (0.333333, "0,333333"),
    ],
)
def test_so(value, text):
    assert vn.so(value) == text


def test_quantity_units():
    assert vn.so_luong(92.5, "%") == "92,5%"
    assert vn.so_luong(1500, "tấn") == "1.500 tấn"
    assert vn.so_luong(4, None) == "4"


def test_document_numbers():
    assert vn.so_ky_hieu(5, "BC-SNNMT") == "05/BC-SNNMT"
    assert vn.so_ky_hieu(12, "BC-SNNMT") == "12/BC-SNNMT"
    assert vn.so_ky_hieu(None, "KH-SNNMT") == "…/KH-SNNMT"
    assert vn.so_line(5, "BC-SNNMT") == "Số: 05/BC-SNNMT"
    assert vn.so_line(None, "BC-SNNMT") == "Số:      /BC-SNNMT"


def test_clean_line_breaks_and_literals():
    assert vn.clean("a & b < c > d\r\n\r\ne\rf\n\n\ng  ") == "a & b < c > d\ne\nf\ng"
    assert vn.clean("x\x0by\x00z\tw") == "xyz w"
    assert vn.clean("e\u0302") == "ê"  # NFD → NFC
    assert vn.one_line("a\r\nb") == "a\u2028b"
    assert vn.clean(None) == ""


def test_short_date_follows_the_same_padding_rule():
    import datetime as dt

    from kehoach.text_vn import ngay_ngan

    assert ngay_ngan(dt.date(2026, 6, 5)) == "05/6/2026"
    assert ngay_ngan(dt.date(2026, 2, 14)) == "14/02/2026"
    assert ngay_ngan(dt.date(2025, 12, 10)) == "10/12/2025"


def test_numbers_keep_every_digit_written():
    from kehoach.text_vn import so

    assert so(0.001) == "0,001" and so(1.125) == "1,125" and so(12345.678) == "12.345,678"


def _clean_every_step(text: str) -> str:
    """`vn.clean` as specified, every step taken (the function skips those that change nothing)."""
    t = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    t = vn._CONTROL.sub("", t).replace(vn.LINE_BREAK, "\n")
    t = vn._MANY_BREAKS.sub("\n", t)
    return "\n".join(line.rstrip() for line in t.strip().split("\n"))


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aạ Đ&<\n\r\t\x0b\x1c\x85\xa0\u3000\u2028\u2029\u200b\ue000\u0301e")), max_size=24
    )
)
def test_clean_shortcuts_change_nothing(text):
    assert vn.clean(text) == _clean_every_step(text)
    assert vn.one_line(text) == _clean_every_step(text).replace("\n", vn.LINE_BREAK)
