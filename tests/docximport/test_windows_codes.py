"""import-docx never derives a unit code Windows keeps for a device (CON, NUL, LPT1 …): it would
write units/CON.yaml, a file no Windows computer can check out (KH240)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from kehoach.docximport.units import derive_code, initials
from tests.docximport.builders import SEED_HEADER, add_table


@pytest.mark.parametrize(
    "name, device, code",
    [
        ("Phòng Cấp Ống Nước", "CON", "CON2"),
        ("Phòng Nước Uống Lâm", "NUL", "NUL2"),
        ("Cục Ô Nhiễm", "CON", "CON2"),
        ("Phòng Lưới Phát Tuyến 1", "LPT1", "LPT12"),
        ("Phòng An Ủy Xã", "AUX", "AUX2"),
    ],
)
def test_derived_codes_avoid_device_names(name, device, code):
    assert initials(name) == device
    assert derive_code(name, set()) == code
    assert derive_code(name, {code}) == f"{device}3"


def _plan(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    add_table(
        doc,
        SEED_HEADER,
        [
            ("group", "I. Nhiệm vụ chung", 0),
            ["1", "Cấp nước sạch", "Phòng Cấp Ống Nước", "Phòng Nước Uống Lâm; Cục Ô Nhiễm", "Năm 2026", "Báo cáo", ""],
            ["2", "Lưới điện", "Phòng Lưới Phát Tuyến 1", "", "Năm 2026", "Báo cáo", ""],
        ],
    )
    doc.save(path)
    return path


def test_import_docx_writes_no_device_named_unit(tmp_path, cli):
    out = tmp_path / "root"
    result = cli(["import-docx", _plan(tmp_path / "a.docx"), "-o", out])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "units").iterdir()) == ["CON2.yaml", "CON3.yaml", "LPT12.yaml", "NUL2.yaml"]
    assert yaml.safe_load((out / "units/CON2.yaml").read_text(encoding="utf-8"))["name"] == "Phòng Cấp Ống Nước"
    tasks = yaml.safe_load((out / "plan/tasks.yaml").read_text(encoding="utf-8"))
    first, second = tasks["groups"][0]["tasks"]
    assert (first["lead"], first["coordinating"], second["lead"]) == (["CON2"], ["NUL2", "CON3"], ["LPT12"])
    assert "KH240" not in result.output and "Phụ lục và đơn vị không có lỗi" in result.output
    assert (
        "mã viết tắt «CON» của «Phòng Cấp Ống Nước» là tên thiết bị Windows dành riêng, không đặt được tên tệp, "
        "nên đã dùng mã CON2" in result.output
    )
