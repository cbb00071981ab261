"""ReviewResult → Markdown in Vietnamese, for a reviewer, a pull-request comment or a CI job summary.

Order: verdict, plan changes (with a warning), edited history (violations with
the fix), problems, new entries by unit, status changes, units, other files.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from kehoach import layout
from kehoach.compute.periods import annual
from kehoach.compute.review import EntryItem, ReviewResult
from kehoach.text_vn import ngay_ngan
from kehoach.vocab import ENTRY_STATUS, TASK_STATUS

ADVICE = "Không sửa/xóa mục đã có; hãy thêm một mục mới có `corrects: <path>`"
_CHANGE = {"modified": "đã sửa", "renamed": "đã đổi tên", "deleted": "đã xóa", "added": "mới"}


def _cell(text: object, limit: int = 160) -> str:
    s = " ".join(str(text).split()) if text is not None else "—"
    s = s if len(s) <= limit else s[: limit - 1] + "…"
    return s.replace("|", "\\|") or "—"


def _date(d: dt.date | None) -> str:
    return ngay_ngan(d) if d else "—"


def _verdict(r: ReviewResult) -> str:
    if r.failed:
        parts = []
        if r.violations:
            parts.append(f"{len(r.violations)} mục đã có bị sửa, đổi tên hoặc xóa")
        if r.errors:
            parts.append(f"{len(r.errors)} lỗi dữ liệu")
        return f"**Kết quả: ❌ KHÔNG ĐẠT** — {', '.join(parts)}. Xem cách sửa bên dưới."
    news = f"{len(r.new_entries)} mục tiến độ mới" if r.new_entries else "không có mục tiến độ mới"
    warn = len(r.problems)
    return f"**Kết quả: ✅ ĐẠT** — {news}, không có lỗi" + (f" ({warn} cảnh báo)." if warn else ".")


def _plan(r: ReviewResult) -> list[str]:
    if not (r.plan_files or r.template_files):
        return []
    files = ", ".join(f"`{f}`" for f in r.plan_files + r.template_files)
    what = "nội dung Kế hoạch" if r.plan_files else "mẫu văn bản (templates/)"
    out = [
        "> [!WARNING]",
        f"> **Thay đổi này sửa {what}** ({files}). Người duyệt của đơn vị đầu mối cần đối chiếu "
        "với văn bản Kế hoạch đã ban hành trước khi chấp thuận.",
        "",
        "## ⚠️ Thay đổi Kế hoạch" + (" và mẫu văn bản" if r.template_files else ""),
        "",
    ]
    if r.plan_diffs:
        out += ["| Nhiệm vụ / tệp | Nội dung thay đổi | Trước | Sau |", "|---|---|---|---|"]
        out += [
            f"| {_cell(d.subject)} | {_cell(d.field)} | {_cell(d.before)} | {_cell(d.after)} |" for d in r.plan_diffs
        ]
    else:
        out.append(
            "Không có nhiệm vụ nào đổi nội dung, đơn vị chủ trì/phối hợp hay tiến độ "
            "(chỉ đổi cách trình bày hoặc mẫu văn bản)."
        )
    return out + [""]


def _fix(e: EntryItem, r: ReviewResult) -> str:
    old = e.old_path or e.path
    if e.change == "renamed":
        undo = f"đổi lại tên cũ (`git mv {e.path} {old}`)"
    else:
        undo = f"khôi phục tệp (`git checkout {r.base} -- {old}`)"
    # `kehoach add` picks a free -2, -3 … if this name is taken
    new = layout.entry_file(e.unit, r.today, e.task) if e.unit and e.task else layout.DISPLAY["entry"]
    return f"Hãy {undo}, rồi thêm mục mới `{new}` có `corrects: {old}`."


def _violations(r: ReviewResult) -> list[str]:
    if not r.violations:
        return []
    out = [
        "## ❌ Mục đã có bị sửa, đổi tên hoặc xóa",
        "",
        f"Lịch sử báo cáo chỉ được ghi thêm. {ADVICE}; báo cáo sẽ dùng mục mới thay cho mục cũ.",
        "",
        "| Tệp | Thay đổi | Cách sửa |",
        "|---|---|---|",
    ]
    for e in r.violations:
        where = f"`{e.old_path}` → `{e.path}`" if e.change == "renamed" else f"`{e.path}`"
        out.append(f"| {where} | {_CHANGE[e.change]} | {_fix(e, r)} |")
    return out + [""]


def _problems(r: ReviewResult) -> list[str]:
    if not r.problems:
        return []
    title = "## ❌ Lỗi dữ liệu" if r.errors else "## Cảnh báo"
    out = [title, "", "Sửa theo từng dòng (chạy `kehoach validate` trên máy để xem lại):", ""]
    for p in r.problems:
        kind = "lỗi" if p.severity == "error" else "cảnh báo"
        note = "" if p.in_changed_file else " _(tệp không đổi — lỗi do thay đổi này gây ra)_"
        out.append(f"- `{p.path}:{p.line}:{p.col}` **{p.code}** ({kind}): {_cell(p.message, 400)}{note}")
    return out + [""]


def _entries(r: ReviewResult) -> list[str]:
    if not r.new_entries:
        return []
    out = [f"## Mục tiến độ mới ({len(r.new_entries)})", ""]
    by_unit: dict[str, list[EntryItem]] = defaultdict(list)
    for e in r.new_entries:
        by_unit[e.unit or "?"].append(e)
    for unit in sorted(by_unit):
        out += [
            f"### {unit} — {_cell(r.unit_names.get(unit, 'đơn vị chưa đăng ký'))}",
            "",
            "| Nhiệm vụ | Ngày | Tình trạng | Kết quả thực hiện | Tệp |",
            "|---|---|---|---|---|",
        ]
        for e in sorted(by_unit[unit], key=lambda e: (e.task or "", str(e.date), e.path)):
            file = f"`{e.path}`" + (f" (đính chính cho `{e.corrects}`)" if e.corrects else "")
            status = ENTRY_STATUS.get(e.status or "", "—")
            out.append(f"| {_cell(e.task)} | {_date(e.date)} | {status} | {_cell(e.summary)} | {file} |")
        out.append("")
    return out


def _statuses(r: ReviewResult) -> list[str]:
    if not r.status_changes:
        return []
    p = annual(r.year)
    out = [
        f"## Tình trạng nhiệm vụ năm {r.year}",
        "",
        f"Kỳ báo cáo {_date(p.start)} – {_date(p.end)}, tính đến {_date(r.today)}.",
        "",
        "| Nhiệm vụ | Nội dung | Trước | Sau | Mục mới |",
        "|---|---|---|---|---|",
    ]
    for s in r.status_changes:
        before, after = TASK_STATUS.get(s.before or "", "—"), TASK_STATUS.get(s.after or "", "—")
        arrow = f"**{after}**" if s.before != s.after else after
        out.append(
            f"| {s.task} | {_cell(r.task_titles.get(s.task), 90)} | {before} | {arrow} | {s.new_entries or ''} |"
        )
    return out + [""]


def _rest(r: ReviewResult) -> list[str]:
    out: list[str] = []
    if r.unit_diffs:
        out += ["## Thay đổi danh sách đơn vị", "", "| Đơn vị | Thông tin | Trước | Sau |", "|---|---|---|---|"]
        out += [f"| {d.subject} | {_cell(d.field)} | {_cell(d.before)} | {_cell(d.after)} |" for d in r.unit_diffs]
        out.append("")
    if r.other_files:
        shown = r.other_files[:30]
        more = f" và {len(r.other_files) - len(shown)} tệp khác" if len(r.other_files) > len(shown) else ""
        out += ["## Tệp khác thay đổi", "", ", ".join(f"`{f}`" for f in shown) + more, ""]
    return out


def render(r: ReviewResult) -> str:
    head = [
        "# Tóm tắt thay đổi dữ liệu Kế hoạch",
        "",
        _verdict(r),
        "",
        f"So sánh `{r.base_label}` (`{r.base}`) → `{r.head_label}` (`{r.head}`); ngày xem xét {_date(r.today)}.",
        "",
    ]
    body = _plan(r) + _violations(r) + _problems(r) + _entries(r) + _statuses(r) + _rest(r)
    if not body:
        body = ["Không có thay đổi nào trong plan/, units/, progress/, templates/.", ""]
    return "\n".join(head + body).rstrip("\n") + "\n"


def short(r: ReviewResult) -> str:
    """A few plain lines for the terminal / CI log when the review fails."""
    lines = [
        f"{e.path}: {_CHANGE[e.change]} một mục đã có. {ADVICE.replace('<path>', e.old_path or e.path)}."
        for e in r.violations
    ]
    lines += [f"{p.path}:{p.line}:{p.col}: {p.severity} {p.code}: {p.message}" for p in r.errors]
    lines.append(f"Không đạt: {len(r.violations)} mục đã có bị sửa/đổi tên/xóa, {len(r.errors)} lỗi dữ liệu.")
    return "\n".join(lines)
