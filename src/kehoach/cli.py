"""The Typer application: options, help text and wiring. Commands live in kehoach.commands.

Heavy modules (docx, jinja2, the models) are imported inside each command so
that `kehoach --help` stays fast.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from kehoach.error_handler import error_handler


class _Group(TyperGroup):
    def invoke(self, ctx):  # every command runs inside the one error handler
        with error_handler():
            return super().invoke(ctx)


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Theo dõi Kế hoạch triển khai Nghị quyết 247/2025/QH15: kiểm tra dữ liệu, xem tiến độ, lập báo cáo.",
)


class Fmt(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


class PlanFmt(str, enum.Enum):
    text = "text"
    json = "json"


RootOpt = Annotated[
    Optional[Path],
    typer.Option("--root", help="Thư mục dữ liệu (có plan/, units/, progress/). Mặc định: thư mục gần nhất có plan/.",
                 file_okay=False, exists=True),
]


@app.callback()
def _main(ctx: typer.Context, root: RootOpt = None) -> None:
    ctx.obj = {"root": root}


def _root(ctx: typer.Context) -> Path:
    from kehoach.commands.common import resolve_root

    return resolve_root(ctx.obj["root"])


def _today():
    from kehoach import clock

    return clock.today()


@app.command(help="Kiểm tra toàn bộ dữ liệu: cú pháp, khóa, mã nhiệm vụ, mã đơn vị, ngày, tên tệp.")
def validate(
    ctx: typer.Context,
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Chỉ báo lỗi của các tệp/thư mục này.")] = None,
    format: Annotated[Fmt, typer.Option("--format", "-f", help="Dạng kết quả: text, json, github, gitlab.")] = Fmt.text,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
) -> None:
    from kehoach.commands import validate as cmd
    from kehoach.render import problems as out

    root = _root(ctx)
    problems, files = cmd.run(root, paths or [], _today())
    if format is Fmt.json:
        typer.echo(out.as_json(problems))
    elif format is Fmt.github:
        typer.echo(out.as_github(problems, files, root))
    elif format is Fmt.gitlab:
        typer.echo(out.as_gitlab(problems, root))
    else:
        typer.echo(out.as_text(problems, files))
    raise typer.Exit(cmd.exit_code(problems, strict))


@app.command(help="Xem Phụ lục nhiệm vụ của Kế hoạch (bảng hoặc JSON); với -o, xuất Kế hoạch ra tệp .docx.")
def plan(
    ctx: typer.Context,
    format: Annotated[PlanFmt, typer.Option("--format", "-f", help="Dạng kết quả: text hoặc json.")] = PlanFmt.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Ghi Kế hoạch ra tệp .docx.")] = None,
    template: Annotated[Optional[Path], typer.Option("--template", help="Mẫu Jinja thay cho templates/ke-hoach.md.j2.")] = None,
) -> None:
    from kehoach.commands.common import load_clean

    dr = load_clean(_root(ctx), _today())
    if output is not None:
        from kehoach.commands import plan_docx

        path = plan_docx.run(dr, output, template)
        typer.echo(f"Đã ghi {path}")
        return
    if format is PlanFmt.json:
        import json

        from kehoach.commands.plan import as_data

        typer.echo(json.dumps(as_data(dr), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from kehoach.render.terminal import plan_table

    Console().print(plan_table(dr))


def main() -> None:
    app()
