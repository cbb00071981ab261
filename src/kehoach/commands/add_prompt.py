"""Ask, in Vietnamese, for what `kehoach add` is missing. Only used on a terminal.

Each answer is checked as soon as it is typed and asked again with the reason
(an unknown unit, a task the unit is not assigned, a date in the future or
before the plan). Choices accept the number, the code in any case, or the label
shown. Long fields take several lines and end with an empty line, so a pasted
paragraph stays in its field. The entry is shown as it will be written and
confirmed (Enter = yes) before anything is written.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from typing import Any

import typer

from kehoach import userinput
from kehoach.chars import find_refused, for_terminal, refusal
from kehoach.check.entry_rules import earliest_date
from kehoach.entry_write import NewEntry
from kehoach.load.root import CleanRoot
from kehoach.model.plan import Task
from kehoach.render.terminal import short
from kehoach.vocab import ENTRY_STATUS


def _fold(text: str) -> str:
    """Sort key close to Vietnamese order: letters without their marks (đ after d)."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "Dz").replace("đ", "dz"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _ask(text: str, default: str | None = None) -> str:
    shown = f"{text} (Enter = {default})" if default else text
    answer: str = typer.prompt(shown, default="", show_default=False, prompt_suffix=": ")
    return answer.strip()


def _until_valid(ask: Callable[[], str], parse: Callable[[str], Any]) -> Any:
    """Ask until `parse` accepts the answer; its ValueError is the reason shown."""
    while True:
        try:
            return parse(ask())
        except ValueError as exc:
            typer.echo(f"  ✗ {exc}. Hãy nhập lại.")


def _choose(
    title: str,
    options: list[tuple[str, str]],
    aliases: dict[str, str] | None = None,
    check: Callable[[str], None] | None = None,
) -> str:
    """A numbered menu; the answer may be the number, the code (any case), the label shown or
    an alias (folded text → code). `check(typed)` may accept a code typed by hand that is not
    on the menu, or refuse it with its reason."""
    typer.echo(title)
    for i, (_key, label) in enumerate(options, 1):
        typer.echo(f"  {i:>2}. {for_terminal(label, line=True)}")

    def parse(answer: str) -> str:
        if not answer:
            raise ValueError("chưa chọn")
        if answer.isdigit():
            if 1 <= int(answer) <= len(options):
                return options[int(answer) - 1][0]
            raise ValueError(f"không có số {answer}; hãy gõ số từ 1 đến {len(options)}")
        key = userinput.fold(answer)
        for code, label in options:
            if key in (userinput.fold(code), userinput.fold(label)):
                return code
        if aliases and key in aliases:
            return aliases[key]
        if check is not None:
            return _checked(answer, check)
        raise ValueError(
            f"không có lựa chọn «{for_terminal(answer, line=True)}»; hãy gõ số từ 1 đến {len(options)}, mã hoặc tên như trên"
        )

    return str(_until_valid(lambda: _ask("Chọn số thứ tự, mã hoặc tên"), parse))


def _checked(answer: str, check: Callable[[str], None]) -> str:
    check(answer)
    return answer


def tasks_of(dr: CleanRoot, unit: str) -> list[Task]:
    """The tasks the unit may report on: its own (lead or named coordinator) first, then
    those the plan's generic related bodies coordinate, in plan order."""
    internal = unit in dr.units and dr.units[unit].internal
    tasks = [t for t in dr.appendix.tasks() if t.assigned(unit, internal)] if dr.appendix else []
    return sorted(tasks, key=lambda t: not (unit in t.lead or unit in t.coordinating))


def role(task: Task, unit: str) -> str:
    if unit in task.lead:
        return "chủ trì"
    return "phối hợp" if unit in task.coordinating else "phối hợp chung (mọi đơn vị)"


def unit_reason(dr: CleanRoot, unit: str) -> str | None:
    codes = ", ".join(sorted(code for code, u in dr.units.items() if u.internal))
    if unit not in dr.units:
        return f"không có đơn vị «{unit}»; mã đơn vị thuộc Sở: {codes}"
    if not dr.units[unit].internal:
        return f"«{unit}» là cơ quan ngoài Sở, nơi nhận báo cáo, không phải đơn vị báo cáo; mã đơn vị thuộc Sở: {codes}"
    return None


def task_reason(dr: CleanRoot, unit: str, task: str) -> str | None:
    tasks = {t.id: t for t in dr.appendix.tasks()} if dr.appendix else {}
    if task not in tasks:
        return f"nhiệm vụ «{task}» không có trong Phụ lục"
    if unit in dr.units and not tasks[task].assigned(unit, dr.units[unit].internal):
        return f"đơn vị {unit} không chủ trì hay phối hợp nhiệm vụ {task}"
    return None


def date_reason(dr: CleanRoot, date: dt.date, today: dt.date) -> str | None:
    earliest = earliest_date(dr)
    if date > today:
        return f"ngày {date:%d/%m/%Y} ở tương lai (hôm nay {today:%d/%m/%Y}); chỉ báo cáo việc đã làm"
    if earliest is not None and date < earliest:
        return f"ngày {date:%d/%m/%Y} trước ngày {earliest:%d/%m/%Y} ban hành Nghị quyết"
    return None


def unseen_place(before: str, start: str) -> str:
    """Where a character nobody can see sits in a typed value: just after the words before it."""
    before = before.strip()
    if not before:
        return f"Ký tự này nằm ở đầu {start}"
    return f"Ký tự này nằm ngay sau “{before if len(before) <= 30 else '…' + before[-30:]}”"


def _refused_in(line: str) -> str | None:
    """Why a typed or pasted line cannot be kept (a control or invisible character), or None."""
    m = find_refused(line)
    if m is None:
        return None
    return for_terminal(f"dòng này {refusal(m.group())}. {unseen_place(line[: m.start()], 'dòng')}", line=True)


def _lines(label: str, required: bool) -> str | None:
    """Several lines, ended by an empty line; a pasted paragraph stays in this field."""
    hint = "kết thúc bằng một dòng trống" + ("" if required else "; Enter ngay để bỏ qua")
    while True:
        typer.echo(f"{label} ({hint}):")
        lines: list[str] = []
        while True:
            line = str(typer.prompt("", default="", show_default=False, prompt_suffix="  > "))
            if not line.strip():
                break
            if reason := _refused_in(line):  # pasted from Word: ask for this line again, keep the others
                typer.echo(f"  ✗ {reason}. Hãy gõ hoặc dán lại dòng này, bỏ ký tự đó.")
                continue
            lines.append(line.rstrip())
        if lines or not required:
            return "\n".join(lines) or None
        typer.echo("  ✗ không được để trống. Hãy nhập lại.")


def _items(label: str, shape: str, parse: Callable[[str], dict[str, object]]) -> list[dict[str, object]]:
    typer.echo(f"{label}, mỗi dòng một mục dạng {shape} (Enter ngay để bỏ qua / kết thúc):")
    out: list[dict[str, object]] = []
    while True:
        try:
            line = str(typer.prompt("", default="", show_default=False, prompt_suffix="  > ")).strip()
            if not line:
                return out
            if reason := _refused_in(line):
                raise ValueError(reason)
            out.append(parse(line))
        except ValueError as exc:
            typer.echo(f"  ✗ {exc}. Hãy nhập lại dòng này.")


def _refuse_if(reason: str | None) -> None:
    if reason:
        raise ValueError(reason)


def ask_missing(dr: CleanRoot, values: dict[str, Any], today: dt.date) -> dict[str, Any]:
    values = dict(values)
    if values.get("unit") and (reason := unit_reason(dr, values["unit"])):
        typer.echo(f"  ✗ {reason}.")
        values["unit"] = None
    if not values.get("unit"):
        internal = [u for u in sorted(dr.units.values(), key=lambda u: _fold(u.name)) if u.internal]
        values["unit"] = _choose(
            "Đơn vị báo cáo:",
            [(u.code, f"{u.name} ({u.code})") for u in internal],
            aliases={userinput.fold(u.name): u.code for u in internal},
            check=lambda code: _refuse_if(unit_reason(dr, code)),
        )
    unit = values["unit"]
    ids = [t.id for t in dr.appendix.tasks()] if dr.appendix else []
    if values.get("task"):
        values["task"] = userinput.task_id(values["task"], ids) or values["task"]
        if reason := task_reason(dr, unit, values["task"]):
            typer.echo(f"  ✗ {reason}.")
            values["task"] = None
    if not values.get("task"):
        own = tasks_of(dr, unit)
        options = [(t.id, f"{t.id} — {role(t, unit)}: {short(t.content, 60)}") for t in own]

        def check_task(typed: str) -> None:
            _refuse_if(task_reason(dr, unit, userinput.task_id(typed, ids) or typed))

        chosen = _choose("Nhiệm vụ đơn vị được báo cáo:", options, check=check_task)
        values["task"] = userinput.task_id(chosen, ids) or chosen
    if values.get("status") and userinput.status_code(values["status"]) is None:
        typer.echo(f"  ✗ không có tình trạng «{values['status']}»; chọn một trong: {userinput.status_help()}.")
        values["status"] = None
    if values.get("status"):
        values["status"] = userinput.status_code(values["status"])
    else:
        values["status"] = _choose("Tình trạng:", list(ENTRY_STATUS.items()))
    if values.get("date") and (reason := date_reason(dr, values["date"], today)):
        typer.echo(f"  ✗ {reason}.")
        values["date"] = None
    if not values.get("date"):

        def parse_date(answer: str) -> dt.date:
            date = userinput.parse_date(answer) if answer else today
            _refuse_if(date_reason(dr, date, today))
            return date

        values["date"] = _until_valid(
            lambda: _ask("Ngày báo cáo (NGÀY/THÁNG/NĂM hoặc NĂM-THÁNG-NGÀY)", f"hôm nay {today:%d/%m/%Y}"), parse_date
        )
    if not values.get("summary"):
        values["summary"] = _lines("Kết quả thực hiện", required=True)
    for key, label in (("difficulties", "Khó khăn, vướng mắc"), ("proposals", "Đề xuất, kiến nghị")):
        if values.get(key) is None:
            values[key] = _lines(label, required=False)
    if not values.get("outputs"):
        values["outputs"] = _items("Văn bản đã ban hành", "LOẠI|SỐ KÝ HIỆU|NGÀY|TRÍCH YẾU", userinput.parse_output)
    if not values.get("indicators"):
        values["indicators"] = _items("Chỉ tiêu, số liệu", "TÊN|GIÁ TRỊ|ĐƠN VỊ", userinput.parse_indicator)
    return values


def confirm_entry(new: NewEntry) -> bool:
    """Show the file as it will be written; Enter = yes."""
    typer.echo(f"\nMục sẽ được ghi vào {new.rel}:\n")
    for line in new.text.splitlines():
        if not line.startswith("#"):
            typer.echo("    " + line)
    while True:
        answer = userinput.fold(_ask("\nGhi mục này? (c = có, k = không)", "có"))
        if answer in ("", "c", "có", "co", "y", "yes"):
            return True
        if answer in ("k", "không", "khong", "n", "no"):
            typer.echo("Đã hủy; không ghi tệp nào.")
            return False
        typer.echo("  ✗ hãy gõ c (có) hoặc k (không).")
