"""The real CLI on another day, with Debian's faketime: no code is touched, only the clock.

What a unit sees on 01/11 (14 days before the plan's 15/11 deadline) and on 20/11 (5 days
late) must follow from the system date alone, and an entry dated after "today" must be
refused as a future date. Skipped where faketime is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
FAKETIME = shutil.which("faketime")

pytestmark = pytest.mark.skipif(FAKETIME is None, reason="faketime is not installed (apt-get install faketime)")


def _kehoach(day: str, *args: str, root: Path = EXAMPLES) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEHOACH_")}
    return subprocess.run(
        [str(FAKETIME), f"{day} 09:00:00", sys.executable, "-m", "kehoach", "--root", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def _root_as_of(tmp_path: Path, day: str) -> Path:
    """examples/ without the entries written after `day` (on that day they did not exist yet)."""
    root = tmp_path / "root"
    shutil.copytree(EXAMPLES, root)
    for entry in (root / "progress").rglob("*.yaml"):
        if entry.name[:10] > day:
            entry.unlink()
    return root


@pytest.mark.parametrize(("day", "days_left"), [("2026-11-01", 14), ("2026-11-20", -5)])
def test_remind_counts_days_from_the_system_date(tmp_path, day, days_left):
    result = _kehoach(day, "remind", "--year", "2026", "--format", "json", root=_root_as_of(tmp_path, day))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["as_of"], data["deadline"], data["days_left"]) == (day, "2026-11-15", days_left)


def test_an_entry_dated_after_the_system_date_is_refused(tmp_path):
    root = tmp_path / "root"
    shutil.copytree(EXAMPLES, root)
    # examples/ holds entries up to late November 2026: on 01/10/2026 those are in the future
    result = _kehoach("2026-10-01", "validate", root=root)
    assert result.returncode == 1
    assert "KH" in result.stdout + result.stderr
    assert "tương lai" in result.stdout + result.stderr
    assert _kehoach("2026-12-01", "validate", root=root).returncode == 0
