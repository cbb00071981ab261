"""The Typer application: options, help text and wiring. Commands live in kehoach.commands.

Heavy modules (docx, jinja2, the models, rich) are imported inside each command
so that `kehoach --help` stays fast; help pages and usage errors are plain
Vietnamese text written by kehoach.cli_vi. No `from __future__ import annotations`
here: Typer would then evaluate every annotation string again at each start
(about 6 ms of every `kehoach --help`).
"""

import enum
from pathlib import Path
from typing import Annotated

import typer

from kehoach import cli_vi

app = typer.Typer(
    cls=cli_vi.Group,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    subcommand_metavar=cli_vi.SUBCOMMAND_METAVAR,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help and usage errors are plain Vietnamese text (cli_vi), no rich
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Theo dõi Kế hoạch triển khai Nghị quyết 247/2025/QH15: kiểm tra dữ liệu, xem tiến độ, lập báo cáo.",
)


class Fmt(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


class PlanFmt(enum.StrEnum):
    text = "text"
    json = "json"


RootOpt = Annotated[
    Path | None,
    typer.Option(
        "--root",
        metavar="THƯ_MỤC",
        help="Thư mục dữ liệu (có plan/, units/, progress/). Mặc định: thư mục gần nhất có plan/.",
        file_okay=False,
        exists=True,
    ),
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


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Kiểm tra toàn bộ dữ liệu: cú pháp, khóa, mã nhiệm vụ, mã đơn vị, ngày, tên tệp.",
)
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(metavar="ĐƯỜNG_DẪN", help="Chỉ báo lỗi của các tệp/thư mục này.")
    ] = None,
    format: Annotated[
        Fmt, typer.Option("--format", "-f", metavar="DẠNG", help="Dạng kết quả: text, json, github, gitlab.")
    ] = Fmt.text,
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


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Xem Phụ lục nhiệm vụ của Kế hoạch (bảng hoặc JSON); với -o, xuất Kế hoạch ra tệp .docx.",
)
def plan(
    ctx: typer.Context,
    format: Annotated[
        PlanFmt, typer.Option("--format", "-f", metavar="DẠNG", help="Dạng kết quả: text hoặc json.")
    ] = PlanFmt.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="TỆP", help="Ghi Kế hoạch ra tệp .docx.")
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", metavar="TỆP", help="Mẫu Jinja thay cho templates/ke-hoach.md.j2.")
    ] = None,
) -> None:
    from kehoach.commands.common import PLAN_ONLY, load_clean

    dr = load_clean(_root(ctx), _today(), scope=PLAN_ONLY)
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


def _date_opt(value: str | None, name: str):
    """Parse a YYYY-MM-DD option; a bad value is a usage error (exit 2), never a guess."""
    import datetime as dt

    from kehoach.errors import UsageError

    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{name} phải là ngày có thật dạng YYYY-MM-DD (ví dụ 2026-11-20), không phải `{value}`."
        ) from None


YearOpt = Annotated[
    int,
    typer.Option(
        "--year", "-y", metavar="NĂM", help="Năm báo cáo (kỳ từ 15/12 năm trước đến 14/12 năm này).", min=2000, max=2100
    ),
]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", metavar="NGÀY", help="Tính đến ngày (YYYY-MM-DD). Mặc định: hôm nay.")
]
UnitOpt = Annotated[str | None, typer.Option("--unit", "-u", metavar="MÃ", help="Mã đơn vị, ví dụ QLMT.")]


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Xem tình trạng từng nhiệm vụ trong năm và các đơn vị chậm báo cáo.",
)
def status(
    ctx: typer.Context,
    year: YearOpt,
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    format: Annotated[
        PlanFmt, typer.Option("--format", "-f", metavar="DẠNG", help="Dạng kết quả: text hoặc json.")
    ] = PlanFmt.text,
) -> None:
    from kehoach.commands import status as cmd

    result, data = cmd.run(_root(ctx), year, _date_opt(as_of, "--as-of") or _today(), unit, _today())
    if format is PlanFmt.json:
        import json

        typer.echo(json.dumps(result.public(), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from kehoach.render.status_table import render

    Console().print(render(result, data))


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Thêm một mục báo cáo tiến độ (hỏi lần lượt nếu thiếu thông tin).",
)
def add(
    ctx: typer.Context,
    task: Annotated[
        str | None, typer.Option("--task", "-t", metavar="SỐ_HIỆU", help="Số hiệu nhiệm vụ, ví dụ II.C.6.")
    ] = None,
    unit: UnitOpt = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            metavar="TRẠNG_THÁI",
            help="not_started (chưa triển khai), in_progress (đang thực hiện), done (đã hoàn thành).",
        ),
    ] = None,
    summary: Annotated[
        str | None, typer.Option("--summary", metavar="VĂN_BẢN", help="Tóm tắt kết quả thực hiện.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", "-d", metavar="NGÀY", help="Ngày báo cáo (YYYY-MM-DD). Mặc định: hôm nay."),
    ] = None,
    difficulties: Annotated[
        str | None, typer.Option("--difficulties", metavar="VĂN_BẢN", help="Khó khăn, vướng mắc.")
    ] = None,
    proposals: Annotated[str | None, typer.Option("--proposals", metavar="VĂN_BẢN", help="Đề xuất, kiến nghị.")] = None,
    author: Annotated[str | None, typer.Option("--author", metavar="HỌ_TÊN", help="Người lập.")] = None,
) -> None:
    from kehoach.commands import add as cmd

    values = dict(
        task=task,
        unit=unit,
        status=status,
        summary=summary,
        date=_date_opt(date, "--date"),
        difficulties=difficulties,
        proposals=proposals,
        author=author,
    )
    path = cmd.run(_root(ctx), values, _today())
    typer.echo(f"Đã ghi {path}")


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Lập báo cáo năm (.docx) của Sở gửi UBND tỉnh, hoặc của một đơn vị gửi Sở (--unit).",
)
def report(
    ctx: typer.Context,
    year: YearOpt,
    as_of: AsOfOpt = None,
    unit: UnitOpt = None,
    number: Annotated[
        str | None,
        typer.Option("--number", "-n", metavar="SỐ", help="Số văn bản, ví dụ 05 (để trống nếu chưa cấp số)."),
    ] = None,
    signer: Annotated[str | None, typer.Option("--signer", metavar="HỌ_TÊN", help="Họ tên người ký.")] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="TỆP", help="Tệp .docx sẽ ghi. Mặc định: build/bao-cao-<năm>.docx."),
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", metavar="TỆP", help="Mẫu Jinja thay cho mẫu trong templates/.")
    ] = None,
) -> None:
    from kehoach.commands import report as cmd

    path = cmd.run(
        _root(ctx),
        year=year,
        as_of=_date_opt(as_of, "--as-of") or _today(),
        unit=unit,
        number=number,
        signer=signer,
        output=output,
        template=template,
        today=_today(),
    )
    typer.echo(f"Đã ghi {path}")


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Tóm tắt thay đổi của ĐÍCH kể từ điểm tách khỏi GỐC (Markdown) cho người duyệt; lỗi nếu sửa/xóa mục đã có.",
)
def review(
    ctx: typer.Context,
    base: Annotated[
        str | None,
        typer.Argument(
            metavar="GỐC",
            help="Nhánh gốc; so với điểm tách (merge-base) của ĐÍCH khỏi nhánh này. Mặc định: nhánh chính.",
        ),
    ] = None,
    head: Annotated[str, typer.Argument(metavar="ĐÍCH", help="Phiên bản cần duyệt.")] = "HEAD",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="TỆP", help="Ghi Markdown ra tệp thay vì màn hình.")
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary",
            metavar="TỆP",
            help="Ghi thêm bản tóm tắt không quá 1 MiB (cho trang kết quả CI); bản đầy đủ ở --output.",
        ),
    ] = None,
) -> None:
    from kehoach.commands import review as cmd

    raise typer.Exit(cmd.run(cmd.review_root(ctx.obj["root"]), base, head, output, summary, _today()))


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Định dạng lại các tệp YAML theo một dạng chuẩn (giữ chú thích).",
)
def fmt(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(metavar="ĐƯỜNG_DẪN", help="Tệp/thư mục cần định dạng. Mặc định: tất cả.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Chỉ kiểm tra, không ghi; lỗi nếu có tệp cần định dạng.")
    ] = False,
) -> None:
    from kehoach.commands import fmt as cmd

    raise typer.Exit(cmd.run(_root(ctx), paths or [], check))


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Xuất JSON Schema cho tệp kế hoạch, đơn vị và mục tiến độ (để VS Code gợi ý và báo lỗi).",
)
def schema(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="THƯ_MỤC", help="Thư mục ghi schema. Mặc định: schemas/."),
    ] = None,
) -> None:
    from kehoach.commands import schema as cmd

    for path in cmd.run(_root(ctx), output):
        typer.echo(f"Đã ghi {path}")


@app.command(
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Tạo tệp CODEOWNERS từ units/ (ai duyệt thư mục nào).",
)
def codeowners(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="TỆP", help="Tệp ghi. Mặc định: .github/CODEOWNERS.")
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Chỉ kiểm tra tệp hiện có còn đúng không.")] = False,
) -> None:
    from kehoach.commands import codeowners as cmd

    raise typer.Exit(cmd.run(_root(ctx), output, check, _today()))


@app.command(
    "import-docx",
    cls=cli_vi.Command,
    options_metavar=cli_vi.OPTIONS_METAVAR,
    help="Đọc Phụ lục của một Kế hoạch dạng Word (.docx) thành dữ liệu YAML.",
)
def import_docx(
    source: Annotated[
        Path, typer.Argument(metavar="TỆP_DOCX", help="Tệp .docx của Kế hoạch.", exists=True, dir_okay=False)
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="THƯ_MỤC", help="Thư mục dữ liệu sẽ ghi (plan/, units/).")
    ] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè tệp YAML đã có.")] = False,
) -> None:
    from kehoach.commands import import_docx as cmd

    raise typer.Exit(cmd.run(source, output, force, _today()))


def main() -> None:
    cli_vi.utf8_streams()
    app()
