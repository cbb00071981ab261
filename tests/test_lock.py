"""The lock (requirements*.txt) matches pyproject.toml: every declared dependency is pinned,
with hashes, at a version its specifier allows (else: run `make lock`)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", re.MULTILINE)


def _pins(name: str) -> dict[str, str]:
    text = (REPO / name).read_text(encoding="utf-8")
    return {canonicalize_name(m[1]): m[2] for m in PIN.finditer(text)}


@pytest.mark.parametrize(
    ("lock", "declared"),
    [
        ("requirements.txt", PYPROJECT["dependencies"]),
        ("requirements-dev.txt", PYPROJECT["dependencies"] + PYPROJECT["optional-dependencies"]["test"]),
    ],
)
def test_every_declared_dependency_is_pinned_within_its_bounds(lock: str, declared: list[str]) -> None:
    pins = _pins(lock)
    for spec in map(Requirement, declared):
        name = canonicalize_name(spec.name)
        assert name in pins, f"{spec.name} is not in {lock}: run `make lock`"
        assert spec.specifier.contains(pins[name], prereleases=True), (
            f"{lock} pins {name}=={pins[name]}, outside {spec}: run `make lock`"
        )


def test_every_pin_carries_a_hash() -> None:
    for lock in ("requirements.txt", "requirements-dev.txt"):
        blocks = re.split(r"\n(?=[A-Za-z0-9])", (REPO / lock).read_text(encoding="utf-8"))
        for block in blocks:
            if PIN.match(block):
                assert "--hash=sha256:" in block, f"{lock}: {block.splitlines()[0]} has no hash"


def test_windows_only_dependencies_are_in_the_universal_lock() -> None:
    # rich/click use colorama only on Windows: a lock resolved for Linux alone would miss it
    assert "colorama" in _pins("requirements-dev.txt")
