"""The plain-text Vietnamese help page of a command (no rich, so `--help` stays quick).

Cách dùng: kehoach status [TÙY CHỌN]

  Xem tình trạng từng nhiệm vụ trong năm và các đơn vị chậm báo cáo.

Tùy chọn:
  -y, --year NĂM     Năm báo cáo (…).  [từ 2000 đến 2100; bắt buộc]
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperGroup


def _default_text(param: Any, ctx: Any) -> str:
    if param.param_type_name == "option" and param.is_flag:
        return ""  # a flag is off unless given
    if not (isinstance(param.show_default, str) or param.show_default or ctx.show_default):
        return ""
    value = param._extract_default_help_str(ctx=ctx)
    if value is None and not isinstance(param.show_default, str):
        return ""
    return str(
        param._get_default_string(ctx=ctx, show_default_is_str=isinstance(param.show_default, str), default_value=value)
    )


def _extras(param: Any, ctx: Any) -> str:
    extra: list[str] = []
    default = _default_text(param, ctx)
    if default:
        extra.append(f"mặc định: {default}")
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        extra.append(f"từ {low} đến {high}")
    elif low is not None:
        extra.append(f"từ {low} trở lên")
    elif high is not None:
        extra.append(f"đến {high}")
    if param.required:
        extra.append("bắt buộc")
    return f"[{'; '.join(extra)}]" if extra else ""


def _metavar(param: Any, ctx: Any) -> str:
    if param.param_type_name == "option" and (param.is_flag or param.count):
        return ""
    if param.metavar:
        return str(param.metavar)
    return str(param.make_metavar(ctx) if param.param_type_name == "argument" else param.name.upper())


Row = tuple[str, tuple[str, str]]  # name column, (help text, "[extras]")


def _rows(command: Any, ctx: Any) -> tuple[list[Row], list[Row]]:
    arguments: list[Row] = []
    options: list[Row] = []
    params = [p for p in command.get_params(ctx) if not p.hidden]
    has_short = any(any(len(o) == 2 for o in getattr(p, "opts", ())) for p in params if p.param_type_name == "option")
    for param in params:
        help_text = (param.help or "", _extras(param, ctx))
        if param.param_type_name == "argument":
            arguments.append((_metavar(param, ctx), help_text))
            continue
        names = sorted(param.opts, key=len) + list(param.secondary_opts)
        short = [n for n in names if len(n) == 2]
        shown = ", ".join(names)
        if has_short and not short:
            shown = "    " + shown  # long names line up below "-x, --long"
        metavar = _metavar(param, ctx)
        options.append((f"{shown} {metavar}" if metavar else shown, help_text))
    return arguments, options


def _write_rows(formatter: Any, rows: list[Row], col_max: int = 30) -> None:
    """Two aligned columns; the help wraps to the width and "[extras]" stays whole, at the end."""
    import textwrap

    indent = " " * formatter.current_indent
    first = min(max(len(name) for name, _ in rows), col_max)
    width = max(formatter.width - formatter.current_indent - first - 2, 20)
    for name, (text, extra) in rows:
        lines = textwrap.wrap(text, width) if text else []
        if extra:
            if lines and len(lines[-1]) + 2 + len(extra) <= width:
                lines[-1] += "  " + extra
            else:
                lines.append(extra)
        if len(name) > first:  # too long for the column: help starts on the next line
            formatter.write(f"{indent}{name}\n")
            name = ""
        for i, line in enumerate(lines or [""]):
            formatter.write(f"{indent}{name if i == 0 else '':<{first}}  {line}".rstrip() + "\n")


def help_page(command: Any, ctx: Any, formatter: Any) -> None:
    command.format_usage(ctx, formatter)
    text = (command.help or "").partition("\f")[0].strip()
    if text:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)
    arguments, options = _rows(command, ctx)
    for title, rows in (("Tham số", arguments), ("Tùy chọn", options)):
        if rows:
            with formatter.section(title):
                _write_rows(formatter, rows)
    if isinstance(command, TyperGroup):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, (sub.short_help or (sub.help or "").partition("\n\n")[0].strip(), "")))
        if rows:
            with formatter.section("Lệnh"):
                _write_rows(formatter, rows)
    if command.epilog:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(command.epilog)
