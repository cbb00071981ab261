"""Legacy encodings: the tables against independent references, detection never touching Unicode text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach.legacy import TCVN3, convert, from_tcvn3, from_vni

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[1] / "shared" / "seed" / "000_981051a740b3f286.txt"


def _reference() -> list[tuple[str, str, str]]:
    lines = (HERE / "data" / "vietnamese-conversion-charsets.tsv").read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]
    assert len(rows) == 134  # every Vietnamese letter with a mark, both cases
    return rows  # type: ignore[return-value]


def test_vni_matches_the_published_table():
    for uni, vni, _ in _reference():
        assert from_vni(vni) == uni, (vni, uni)


def test_tcvn3_matches_the_published_table():
    """TCVN3 has codes only for lowercase letters and ĂÂÊÔƠƯĐ; the reference spells the other
    capitals as a capital and a lowercase code (a caps font draws them), which is not a code."""
    singles = [(uni, tcvn) for uni, _, tcvn in _reference() if len(tcvn) == 1]
    assert len(singles) >= 74
    for uni, tcvn in singles:
        assert from_tcvn3(tcvn) == uni, (tcvn, uni)


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv (glibc) is not installed")
def test_tcvn3_matches_glibc_iconv():
    probe = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"a", capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1 table")
    for byte in range(0xA1, 0x100):
        got = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([byte]), capture_output=True)
        ref = got.stdout.decode("utf-8")
        if chr(byte) in TCVN3:
            assert TCVN3[chr(byte)] == ref, hex(byte)
        else:  # a code our table leaves out must be one VN3 fonts do not use: a capital with a tone, or a mark alone
            assert len(ref) != 1 or not ref.islower(), hex(byte)


def test_convert_by_font_and_by_text():
    assert convert("Céng hßa x· héi chñ nghÜa ViÖt Nam", ".VnTime").text == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert convert("b¸o c¸o kÕt qu¶", ".VnTimeH").text == "BÁO CÁO KẾT QUẢ"
    assert convert("Coäng hoøa xaõ hoäi", "VNI-Times").text == "Cộng hòa xã hội"
    by_text = convert("Thu gom bao gãi thuèc b¶o vÖ thùc vËt")
    assert (by_text.text, by_text.encoding, by_text.by_font) == (
        "Thu gom bao gói thuốc bảo vệ thực vật",
        "TCVN3",
        False,
    )
    assert convert("Ñaõ thu gom 12 taán bao goùi").text == "Đã thu gom 12 tấn bao gói"


def test_unicode_text_in_a_legacy_font_is_left_alone():
    """A cell still formatted .VnTime after its text was converted to Unicode."""
    assert not convert("Đã thu gom bao gói thuốc", ".VnTime").changed
    assert not convert("Cộng hòa xã hội", "VNI-Times").changed


@pytest.mark.parametrize(
    "text",
    ["Thuê xuân hoà khoẻ quý", "25°C, 10 m², 92,5%", "Đã hoàn thành", "Café Ñandú"],
)
def test_unicode_text_is_left_alone(text):
    assert convert(text).text == text and not convert(text).changed


@pytest.mark.skipif(not SEED.is_file(), reason="the plan's seed text is not next to this worktree")
def test_no_line_of_the_real_plan_is_converted():
    for line in SEED.read_text(encoding="utf-8").splitlines():
        assert not convert(line).changed, line
