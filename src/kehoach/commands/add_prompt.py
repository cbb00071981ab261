"""Ask, in Vietnamese, for the values `kehoach add` is missing. Only used on a terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Set
from typing import Any

import typer

from kehoach.load.root import CleanRoot
from kehoach.model.plan import Task
from kehoach.render.terminal import short
from kehoach.vocab import ENTRY_STATUS


def _fold(text: str) -> str:
    """Sort key close to Vietnamese order: letters without their marks (đ after d)."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "Dz").replace("đ", "dz"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _choose(title: str, options: list[tuple[str, str]], also: Set[str] = frozenset()) -> str:
    typer.echo(title)
    for i, (_key, label) in enumerate(options, 1):
        typer.echo(f"  {i:>2}. {label}")
    keys = [k for k, _ in options]
    while True:
        answer = str(typer.prompt("Chọn số thứ tự (hoặc gõ mã)")).strip()
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            return keys[int(answer) - 1]
        if answer in keys or answer in also:
            return answer
        typer.echo(f"Không có lựa chọn “{answer}”; hãy gõ số từ 1 đến {len(options)}.")


def tasks_of(dr: CleanRoot, unit: str) -> list[Task]:
    """The tasks the unit may report on: its own (lead or named coordinator) first, then
    those the plan's generic related bodies coordinate, in plan order."""
    internal = unit in dr.units and dr.units[unit].internal
    tasks = [t for t in dr.appendix.tasks() if t.assigned(unit, internal)]
    return sorted(tasks, key=lambda t: not (unit in t.lead or unit in t.coordinating))


def _role(task: Task, unit: str) -> str:
    if unit in task.lead:
        return "chủ trì"
    return "phối hợp" if unit in task.coordinating else "phối hợp chung"


def ask_missing(dr: CleanRoot, values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    if not values.get("unit"):
        internal = [u for u in sorted(dr.units.values(), key=lambda u: _fold(u.name)) if u.internal]
        values["unit"] = _choose("Đơn vị báo cáo:", [(u.code, f"{u.name} ({u.code})") for u in internal])
    if not values.get("task"):
        own = tasks_of(dr, values["unit"])
        if own:
            options = [(t.id, f"{t.id} — {_role(t, values['unit'])}: {short(t.content, 60)}") for t in own]
            every = {t.id for t in dr.appendix.tasks()}
            values["task"] = _choose("Nhiệm vụ đơn vị được báo cáo:", options, also=every)
        else:
            values["task"] = typer.prompt("Số hiệu nhiệm vụ (ví dụ II.C.6)").strip()
    if not values.get("status"):
        values["status"] = _choose("Tình trạng:", list(ENTRY_STATUS.items()))
    while not (values.get("summary") or "").strip():
        values["summary"] = typer.prompt("Tóm tắt kết quả thực hiện (không để trống)")
    for key, label in (
        ("difficulties", "Khó khăn, vướng mắc (Enter để bỏ qua)"),
        ("proposals", "Đề xuất, kiến nghị (Enter để bỏ qua)"),
    ):
        if values.get(key) is None:
            values[key] = typer.prompt(label, default="", show_default=False) or None
    return values
