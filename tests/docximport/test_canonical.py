"""import-docx writes through yamlfmt: what it writes is already in `kehoach fmt`'s form,
comments included (the header and the «CẦN BỔ SUNG» lines)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import REPO
from tests.docximport.builders import seed_plan_docx
from tests.docximport.test_layouts import other_order


def _imported(tmp_path: Path, cli, source: Path) -> Path:
    out = tmp_path / "root"
    result = cli(["import-docx", source, "-o", out])
    assert "Đã ghi:" in result.output, result.output
    return out


def test_seed_import_passes_fmt_check(tmp_path, cli):
    out = _imported(tmp_path, cli, seed_plan_docx(REPO, tmp_path / "ke-hoach.docx"))
    written = sorted(out.rglob("*.yaml"))
    assert len(written) == 12  # plan, tasks and ten units
    before = {p: p.read_bytes() for p in written}
    check = cli(["fmt", "--check"], root=out)
    assert check.exit_code == 0, check.output
    assert "Cả 12 tệp đã đúng dạng chuẩn." in check.output
    assert cli(["fmt"], root=out).exit_code == 0
    assert {p: p.read_bytes() for p in written} == before  # fmt has nothing to change


def test_import_with_missing_plan_facts_keeps_its_comments_and_passes_fmt_check(tmp_path, cli):
    out = _imported(tmp_path, cli, other_order(tmp_path / "a.docx"))
    check = cli(["fmt", "--check"], root=out)
    assert check.exit_code == 0, check.output
    plan = (out / "plan/plan.yaml").read_text(encoding="utf-8")
    lines = plan.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schemas/plan.schema.json"
    assert lines[1].startswith("# Kế hoạch — phần văn bản, nhập từ a.docx")
    assert "# CẦN BỔ SUNG closing:" in plan
    tasks = yaml.safe_load((out / "plan/tasks.yaml").read_text(encoding="utf-8"))
    assert tasks["groups"][0]["tasks"][0]["lead"] == ["QLMT", "KSBDKH"]
