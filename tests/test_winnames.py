"""Names Windows cannot give a file or folder (kehoach.winnames), and the evidence that task ids
never make such an entry file name (so no rule is needed for them)."""

from __future__ import annotations

import re

import pytest
from pydantic import TypeAdapter, ValidationError

from kehoach import layout, winnames
from kehoach.compute.site_data import slug
from kehoach.model.common import TaskId, UnitCode

RESERVED = ["CON", "con", "Con", "PRN", "AUX", "NUL", "nul", "COM1", "com9", "LPT0", "LPT9", "lpt5"]
RESERVED += ["COM¹", "COM²", "COM³", "LPT¹", "lpt³", "NUL.yaml", "nul.tar.gz", "AUX.x", "CON ", "con .txt", "PRN."]
ORDINARY = ["COM10", "COM0", "LPT10", "CONG", "NULL", "AUXA", "PRNX", "COM", "LPT", "CO", "XCON", "CONIN", "QLMT"]
ORDINARY += ["COM1A", "COM₁", "ＣＯＮ", "CON-1", "NUL_", "", ".", "I.1", "2026-05-20-I.1.yaml"]


@pytest.mark.parametrize("name", RESERVED)
def test_device_names_are_found(name):
    assert winnames.device(name) is not None
    assert re.search(winnames.DEVICE_PATTERN, name)  # the JSON Schema form says the same


@pytest.mark.parametrize("name", ORDINARY)
def test_other_names_are_not(name):
    assert winnames.device(name) is None
    assert not re.search(winnames.DEVICE_PATTERN, name)


def test_every_device_is_in_the_pattern():
    assert len(winnames.DEVICES) == 4 + 12 + 13
    for name in winnames.DEVICES:
        for variant in (name, name.lower(), f"{name}.yaml", f"{name} "):
            assert re.search(winnames.DEVICE_PATTERN, variant), variant


def _windows_refuses(name: str) -> bool:
    """What Windows (and Git for Windows) refuses as one path component."""
    return (
        winnames.device(name) is not None
        or bool(re.search(r'[<>:"|?*\\/\x00-\x1f]', name))
        or name.endswith((".", " "))
    )


def _all_task_ids() -> list[str]:
    """Every string TaskId's pattern `^I{1,3}(\\.[A-ZĐ])?\\.[1-9][0-9]?$` admits."""
    letters = [""] + [f".{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ"]
    return [f"{roman}{letter}.{n}" for roman in ("I", "II", "III") for letter in letters for n in range(1, 100)]


def test_no_task_id_makes_a_name_windows_refuses():
    """All 8,316 task ids: entry files `<date>-<task>[-N].yaml` and site pages are safe names,
    so TaskId needs no Windows rule of its own."""
    ids = _all_task_ids()
    adapter = TypeAdapter(TaskId)
    assert len(ids) == 3 * 28 * 99 and all(adapter.validate_python(t) == t for t in ids)
    for task in ids:
        for n in (1, 2, 99):
            assert not _windows_refuses(layout.entry_stem("2026-05-20", task, n) + layout.SUFFIX), task
        assert not _windows_refuses(slug(task) + ".html"), task
    with pytest.raises(ValidationError):  # what lies outside the enumeration is refused
        adapter.validate_python("I.1.")


def test_every_unit_code_the_model_accepts_makes_safe_names():
    """Device names are refused by the model; what it accepts is a safe file and folder name."""
    adapter = TypeAdapter(UnitCode)
    for name in winnames.DEVICES:
        with pytest.raises(ValidationError):
            adapter.validate_python(name)
    for code in ["COM10", "COM0", "CONG", "LPT10", "QLMT"]:
        assert adapter.validate_python(code) == code
        for name in (code, f"{code}.yaml", f"{code}.html", f"bieu-mau-2026-{code}.xlsx"):
            assert not _windows_refuses(name)


@pytest.mark.parametrize(
    "name", RESERVED + ["a.", "a ", "a?", "a:b", 'a"b', "a|b", "a<b", "a>b", "a*", "a\\b", "a\x01"]
)
def test_refusal_names_what_windows_refuses(name):
    assert winnames.refusal(name) is not None
    assert _windows_refuses(name)


@pytest.mark.parametrize(
    "name", [n for n in ORDINARY if n not in ("", ".")] + ["..", ".gitkeep", "a.b.c", "tên có dấu"]
)
def test_refusal_lets_ordinary_names_be(name):
    assert winnames.refusal(name) is None
