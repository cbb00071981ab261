"""`kehoach report` over a generated root of hundreds of entries (bench/generate.py), read back
and compared with what the progress files say: every entry of the period once, in order,
under its task, in the body and in the appendix, with its documents and notes; nothing
outside the period or of another unit. User text with `& < >` and line breaks comes out
literally. (The report's speed is measured by bench/, not here.)"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from kehoach import text_vn as vn
from kehoach.compute.periods import annual, of_kind
from tests.conftest import REPO
from tests.docx_read import open_docx

_spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

AS_OF = dt.date(2026, 11, 20)
ODD = {  # summaries made awkward on purpose (a blank line becomes one break), looked for in the document
    0: ('"Tổng hợp A & B <c> > d; giữ nguyên ký tự."', "Tổng hợp A & B <c> > d; giữ nguyên ký tự."),
    1: (
        '"Dòng một của báo cáo;\\n\\ndòng hai, sau một lần xuống dòng."',
        "Dòng một của báo cáo;\ndòng hai, sau một lần xuống dòng.",
    ),
}


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    root = generate.generate(tmp_path_factory.mktemp("many") / "root", 600, seed=11)
    files = sorted((root / "progress").rglob("*.yaml"))
    in_year = [p for p in files if "/2026-0" in p.as_posix()]
    for i, (scalar, _) in ODD.items():
        path = in_year[i * 7]
        text = re.sub(r"(?m)^summary: .*$", lambda _m, s=scalar: "summary: " + s, path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
    return root


def _tasks(root: Path) -> list[str]:
    return [
        t["id"] for t in generate._walk(yaml.safe_load((root / "plan" / "tasks.yaml").read_text("utf-8"))["groups"])
    ]


def _names(root: Path) -> dict[str, str]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8"))["name"] for p in (root / "units").glob("*.yaml")}


def _sequence(rel: str) -> int:
    m = re.search(r"-(\d+)\.yaml$", rel)
    return int(m[1]) if m else 1


def _effective(root: Path, start: dt.date, end: dt.date, unit: str | None) -> dict[str, list[dict]]:
    """The entries the report must show, by task, oldest first: a corrected entry replaced by its
    correction, which keeps the original's date."""
    visible = {}
    for p in (root / "progress").rglob("*.yaml"):
        e = yaml.safe_load(p.read_text("utf-8"))
        if e["date"] <= AS_OF:
            visible[p.relative_to(root).as_posix()] = e
    replaced = {e["corrects"] for e in visible.values() if e.get("corrects") in visible}
    shown = []
    for rel, e in visible.items():
        if rel in replaced:
            continue
        first = e
        while first.get("corrects") in visible:
            first = visible[first["corrects"]]
        if start <= first["date"] <= end and unit in (None, e["unit"]):
            text = {k: vn.clean(e[k]) for k in ("summary", "difficulties") if k in e}
            shown.append(((first["date"], _sequence(rel), rel), {**e, **text, "date": first["date"]}))
    by_task: dict[str, list[dict]] = {}
    for _, e in sorted(shown, key=lambda pair: pair[0]):
        by_task.setdefault(e["task"], []).append(e)
    return by_task


def _report(cli, root: Path, out: Path, *args: str):
    result = cli(["report", "--as-of", AS_OF.isoformat(), "-o", out, *args], root=root)
    assert result.exit_code == 0, result.output
    return open_docx(out)


def _check(doc, root: Path, expected: dict[str, list[dict]], body_line, note_line) -> None:
    names = _names(root)
    tasks = [t for t in _tasks(root) if t in expected]
    paragraphs = [p.text for p in doc.paragraphs]
    want = [body_line(names, e) for t in tasks for e in expected[t]]
    assert [p for p in paragraphs if p.startswith("+ ") and " ngày " in p.split(":")[0]] == want
    docs = [
        f"+ Văn bản đã ban hành: {o['kind']} số {o['number']} {vn.ngay_thang(o['date'])} ({o['title']})."
        for t in tasks
        for e in expected[t]
        for o in e.get("outputs", [])
    ]
    assert [p for p in paragraphs if p.startswith("+ Văn bản đã ban hành:")] == docs
    rows = {r.cells[0].text: r.cells[4].text for r in doc.tables[-1].rows[1:]}
    for t in tasks:
        lines = [f"- {names[e['unit']]} ({vn.ngay_ngan(e['date'])}): {e['summary']}" for e in expected[t]]
        assert rows[t] == "\n".join(lines), t
    seen, notes = set(), []
    for t in tasks:
        for e in expected[t]:
            if e.get("difficulties") and (e["unit"], e["difficulties"]) not in seen:
                seen.add((e["unit"], e["difficulties"]))
                notes.append(note_line(names[e["unit"]], t, e["difficulties"]))
    start = paragraphs.index("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN") + 1
    end = next(i for i in range(start, len(paragraphs)) if paragraphs[i].startswith("III. "))
    assert notes and paragraphs[start:end] == notes


def _department_line(names: dict[str, str], e: dict) -> str:
    return f"+ {names[e['unit']]} (báo cáo ngày {vn.ngay_ngan(e['date'])}): {e['summary']}"


def _department_note(name: str, task: str, text: str) -> str:
    return f"- {name} (nhiệm vụ {task}): {text}"


def test_year_report_shows_every_entry_once_in_order(cli, many, tmp_path):
    period = annual(2026)
    expected = _effective(many, period.start, min(period.end, AS_OF), None)
    assert sum(map(len, expected.values())) > 250 and len(expected) > 20  # many entries, most tasks
    doc = _report(cli, many, tmp_path / "nam.docx", "--year", "2026")
    _check(doc, many, expected, _department_line, _department_note)
    text = "\n".join(p.text for p in doc.paragraphs)
    for _, literal in ODD.values():
        assert literal in text  # `& < >` kept, the line break kept as one break


def test_quarter_report_leaves_the_rest_of_the_year_out(cli, many, tmp_path):
    period = of_kind(2026, "q2")
    expected = _effective(many, period.start, period.end, None)
    doc = _report(cli, many, tmp_path / "q2.docx", "--year", "2026", "--period", "q2")
    _check(doc, many, expected, _department_line, _department_note)
    outside = _effective(many, annual(2026).start, AS_OF, None)
    left_out = {e["summary"] for es in outside.values() for e in es} - {
        e["summary"] for es in expected.values() for e in es
    }
    body = "\n".join(p.text for p in doc.paragraphs)
    assert left_out and not any(f"): {s}" in body for s in left_out)


def test_unit_report_shows_only_that_unit(cli, many, tmp_path):
    period = annual(2026)
    everyone = _effective(many, period.start, AS_OF, None)
    unit = max(_names(many), key=lambda u: sum(e["unit"] == u for es in everyone.values() for e in es))
    expected = _effective(many, period.start, AS_OF, unit)
    assert sum(map(len, expected.values())) > 30
    doc = _report(cli, many, tmp_path / "unit.docx", "--year", "2026", "--unit", unit)

    def line(names: dict[str, str], e: dict) -> str:
        status = {"done": "đã hoàn thành", "in_progress": "đang thực hiện", "not_started": "chưa triển khai"}
        return f"+ Báo cáo ngày {vn.ngay_ngan(e['date'])} ({status[e['status']]}): {e['summary']}"

    _check(doc, many, expected, line, lambda name, task, text: f"- Nhiệm vụ {task}: {text}")
