"""`kehoach import-xlsx FILE [--dry-run]`: a unit's filled Excel form → progress entries, all or nothing.

The form is read (load/form_xlsx.py, sizes checked first), its unit and plan
fingerprint compared with this data root, its cells turned into entry values
(compute/form_entries.py), then every entry is rendered and checked exactly as
`kehoach add` does (entry_write: the formatter, the loader, the model and the
rules of validate, with the entries already on disk). Any problem: exit 1,
nothing written, each problem named by sheet, row and column. Entries identical
to ones already there are reported as "đã có" and not written again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kehoach import entry_write
from kehoach import formlayout as fl
from kehoach.chars import for_terminal
from kehoach.commands.common import PLAN_ONLY, Said, load_clean
from kehoach.compute.form_entries import Source, cell_problem, read_rows, where
from kehoach.compute.periods import annual
from kehoach.errors import DataError, KehoachError, UsageError
from kehoach.load.form_xlsx import Cell, FormError, read
from kehoach.load.root import DataRoot, LoadedEntry
from kehoach.model.entry import Entry
from kehoach.problems import Problem


def _refuse_foreign(dr: DataRoot, meta: dict[str, str], source: Path) -> tuple[str, int]:
    unit = meta["unit"]
    if unit not in dr.units:
        raise FormError(
            f"{source} là biểu mẫu của đơn vị «{unit}», không có trong units/ của thư mục dữ liệu này; "
            "hãy kiểm tra đã nhập đúng kho dữ liệu chưa (--root).",
            code="KH165",
        )
    entry_write.unit_folder(dr, unit)
    if meta["fingerprint"] != fl.fingerprint(dr):
        raise FormError(
            f"{source} được tạo cho một phiên bản Kế hoạch khác (dấu {meta['fingerprint']}, hiện nay "
            f"{fl.fingerprint(dr)}): nhiệm vụ, đơn vị chủ trì/phối hợp hoặc tiến độ đã thay đổi. Hãy tạo biểu mẫu "
            f"mới bằng `kehoach form --unit {unit} --year {meta['year']}` và chép nội dung sang.",
            code="KH164",
        )
    try:
        return unit, int(meta["year"])
    except ValueError:
        raise FormError(f"{source}: năm «{meta['year']}» trong sheet ẩn không hợp lệ.", code="KH163") from None


def _cell_for(problem: Problem, text: str, source: Source) -> Cell:
    """The cell a problem in the rendered entry came from."""
    key, index, sub = entry_write.key_at(text, problem.line)
    if key in ("outputs", "indicators"):
        items: list[dict[str, Cell]] = getattr(source, key)
        if 0 <= index < len(items):
            return items[index].get(sub or "task", items[index]["task"])
    return source.report.get(key or "task", source.report["task"])


def _same_but_date(a: Entry, b: Entry) -> bool:
    return a.model_copy(update={"date": b.date}) == b


def _already(existing: dict[tuple[str, str], list[LoadedEntry]], entry: Entry, undated: bool) -> str | None:
    for le in existing.get((entry.unit, entry.task), []):
        if le.entry == entry or (undated and _same_but_date(entry, le.entry)):
            return le.rel
    return None


def run(root: Path, source: Path, dry_run: bool, today: dt.date) -> Said:
    """Import the form (all or nothing); what to tell the user is returned, cli.py prints it."""
    _usable(source)
    form = read(source)
    dr = load_clean(root, today, scope=PLAN_ONLY)
    unit, year = _refuse_foreign(dr, form.meta, source)
    ids = [t.id for t in dr.appendix.tasks()] if dr.appendix else []
    rows = read_rows(form, str(source), unit, ids, today)
    new: list[entry_write.NewEntry] = []
    taken: set[str] = set()
    for data, _src in rows.entries:
        ne = entry_write.render(dr, {k: v for k, v in data.items() if v not in (None, [])}, taken)
        taken.add(ne.rel)
        new.append(ne)
    entries, problems = entry_write.check(dr, new, today)
    if problems or rows.problems:
        by_rel = {ne.rel: (ne, src) for ne, (_, src) in zip(new, rows.entries, strict=True)}
        every = rows.problems + [_map(source, p, *by_rel[p.path]) for p in problems]
        every.sort(key=_sheet_order)
        raise DataError(f"biểu mẫu có {len(every)} lỗi; chưa ghi tệp nào. Hãy sửa rồi nhập lại.", every)
    period = annual(year)
    to_write: list[tuple[entry_write.NewEntry, Source]] = []
    existing: dict[tuple[str, str], list[LoadedEntry]] = {}
    for le in dr.entries:
        existing.setdefault((le.entry.unit, le.entry.task), []).append(le)
    seen: set[str] = set()
    already: list[str] = []
    for ne, entry, (_data, src) in zip(new, entries, rows.entries, strict=True):
        undated = src.report["date"].value is None
        key = entry.model_dump_json()
        same = _already(existing, entry, undated) or ("một dòng khác của biểu mẫu" if key in seen else None)
        if same:
            already.append(f"{where(src.report['task'])}: nhiệm vụ {entry.task} — đã có ({same}).")
            continue
        seen.add(key)
        if entry.date not in period:
            rows.look.append(
                f"{where(src.report['date'])}: ngày {entry.date:%d/%m/%Y} ngoài kỳ báo cáo năm {year} "
                f"({period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}); mục vẫn được nhập vào kỳ của ngày đó."
            )
        to_write.append((ne, src))
    try:
        written = [] if dry_run else entry_write.write_all([ne for ne, _ in to_write])
    except FileExistsError:
        raise KehoachError(
            "trong lúc nhập, một mục cùng tên vừa được tạo (có người khác đang thêm mục?); "
            "không ghi tệp nào — hãy chạy lại lệnh."
        ) from None
    said = Said()
    _report(said, source, unit, year, to_write, written, already, rows.blank, rows.look, dry_run)
    return said


_SHEETS = (fl.REPORT, fl.OUTPUTS, fl.INDICATORS)


def _sheet_order(p: Problem) -> tuple[int, int, int]:
    sheet = next((i for i, name in enumerate(_SHEETS) if p.message.startswith(name + ",")), len(_SHEETS))
    return (sheet, p.line, p.col)


def _map(source: Path, problem: Problem, ne: entry_write.NewEntry, src: Source) -> Problem:
    """A problem of the rendered entry, told at the cell it came from."""
    return cell_problem(str(source), _cell_for(problem, ne.text, src), problem.code, problem.message)


def _report(
    said: Said,
    source: Path,
    unit: str,
    year: int,
    to_write: list[tuple[entry_write.NewEntry, Source]],
    written: list[Any],
    already: list[str],
    blank: int,
    look: list[str],
    dry_run: bool,
) -> None:
    def say(line: str) -> None:
        said.out(for_terminal(line, line=True))

    say(f"Biểu mẫu {source.name}: đơn vị {unit}, năm {year}.")
    verb = "Sẽ ghi" if dry_run else "Đã ghi"
    say(f"{verb} {len(to_write)} mục:" if to_write else f"{verb} 0 mục.")
    for ne, src in to_write:
        say(f"  {ne.rel}  ({fl.REPORT}, dòng {src.report['task'].row})")
    if already:
        say(f"Đã có, không ghi lại ({len(already)}):")
        for line in already:
            say(f"  {line}")
    if blank:
        say(f"Bỏ qua {blank} dòng để trống.")
    if look:
        say(f"Cần xem lại ({len(look)}):")
        for line in look:
            say(f"  - {line}")
    if dry_run:
        say("Chạy thử (--dry-run): chưa ghi tệp nào.")


def _usable(path: Path) -> None:
    """A path that cannot be a form is a usage error (exit 2), told before anything is read."""
    if path.suffix.lower() != ".xlsx":
        raise UsageError(
            f"{path} không phải tệp .xlsx; hãy lưu biểu mẫu bằng Excel dạng «Excel Workbook (.xlsx)» rồi nhập lại.",
            code="KH160",
        )
    if not path.exists():
        raise UsageError(f"không có tệp {path}; hãy kiểm tra lại đường dẫn.", code="KH160")
    if not path.is_file():
        raise UsageError(f"{path} không phải là một tệp.", code="KH160")
