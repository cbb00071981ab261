"""ReviewResult → Markdown in Vietnamese, for a reviewer, a pull-request comment or a CI job summary.

Order: verdict and what was compared, tool/template/CI changes (for a
maintainer), plan changes, edited history (with commands that undo it and the
correction to add instead), problems, new entries by unit, status changes,
units, other files. Everything that comes from data goes through
render/markdown.py, so it stays inert text inside its own section.

`digest` is the bounded form for a CI job summary (GitHub refuses more than
1 MiB): the same sections, each cut to its first items, pointing at the full file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from kehoach import layout
from kehoach.compute.periods import annual
from kehoach.compute.review import Diff, EntryItem, ReviewResult
from kehoach.render.markdown import code, command, fence, text, visible
from kehoach.text_vn import ngay_ngan
from kehoach.vocab import ENTRY_STATUS, TASK_STATUS

ADVICE = "Không sửa/xóa mục đã có; hãy thêm một mục mới có `corrects: <tệp cũ>`"
SUMMARY_LIMIT = 1024 * 1024
"""GitHub's limit for one step's job summary, in bytes."""
TOOL_TITLE = "Thay đổi công cụ, mẫu hoặc CI — cần người quản trị duyệt"

_CHANGE = {"modified": "đã sửa", "renamed": "đã đổi tên", "deleted": "đã xóa", "added": "mới"}
_GIT_CHANGE = {"A": "thêm", "M": "sửa", "D": "xóa", "R": "đổi tên", "C": "sao chép", "T": "đổi kiểu"}
T = TypeVar("T")


def _date(d: dt.date | None) -> str:
    return ngay_ngan(d) if d else "—"


def _cut(items: Sequence[T], cap: int | None) -> tuple[Sequence[T], list[str]]:
    """The items to show and, when some are left out, the line that says so."""
    if cap is None or len(items) <= cap:
        return items, []
    return items[:cap], [f"_… và {len(items) - cap} mục nữa — xem bản đầy đủ (tệp Markdown của lần kiểm tra này)._", ""]


def _verdict(r: ReviewResult) -> str:
    tools = " Có thay đổi công cụ/mẫu/CI: cần người quản trị duyệt." if r.tool_files else ""
    if r.failed:
        parts = []
        if r.violations:
            parts.append(f"{len(r.violations)} mục đã có bị sửa, đổi tên hoặc xóa")
        if r.errors:
            parts.append(f"{len(r.errors)} lỗi dữ liệu")
        return f"**Kết quả: ❌ KHÔNG ĐẠT** — {', '.join(parts)}. Xem cách sửa bên dưới.{tools}"
    news = f"{len(r.new_entries)} mục tiến độ mới" if r.new_entries else "không có mục tiến độ mới"
    warn = len(r.problems)
    return f"**Kết quả: ✅ ĐẠT** — {news}, không có lỗi" + (f" ({warn} cảnh báo)." if warn else ".") + tools


def _compared(r: ReviewResult) -> str:
    return (
        f"So sánh {code(r.head_label, limit=80)} ({code(r.head)}) với điểm tách khỏi {code(r.base_label, limit=80)}: "
        f"commit {code(r.base)} “{text(r.base_subject, 120)}”; ngày xem xét {_date(r.today)}."
    )


def _tools(r: ReviewResult, cap: int | None) -> list[str]:
    if not r.tool_files:
        return []
    shown, more = _cut(r.tool_files, cap)
    out = [
        f"## ⚠️ {TOOL_TITLE}",
        "",
        "Thay đổi này sửa chính công cụ kiểm tra, mẫu báo cáo hoặc cấu hình CI. CI vẫn kiểm tra bằng công cụ "
        "của nhánh gốc; người quản trị (CODEOWNERS) phải đọc kỹ từng tệp dưới đây trước khi chấp thuận.",
        "",
        "| Tệp | Thay đổi |",
        "|---|---|",
    ]
    for f in shown:
        where = f"{code(f.old_path, table=True, limit=300)} → " if f.old_path else ""
        out.append(f"| {where}{code(f.path, table=True, limit=300)} | {_GIT_CHANGE.get(f.change, f.change)} |")
    return out + [""] + more


def _diff_table(head: str, diffs: Sequence[Diff], cap: int | None, subject: bool = True) -> list[str]:
    shown, more = _cut(diffs, cap)
    if subject:
        out = [f"| {head} | Nội dung thay đổi | Trước | Sau |", "|---|---|---|---|"]
        out += [
            f"| {text(d.subject, 80)} | {text(d.field, 120)} | {text(d.before, 300)} | {text(d.after, 300)} |"
            for d in shown
        ]
    else:
        out = ["| Trường | Trước | Sau |", "|---|---|---|"]
        out += [f"| {text(d.field, 120)} | {text(d.before, 300)} | {text(d.after, 300)} |" for d in shown]
    return out + [""] + more


def _plan(r: ReviewResult, cap: int | None) -> list[str]:
    if not r.plan_files:
        return []
    shown, more = _cut(r.plan_files, 20 if cap is None else min(cap, 20))
    files = ", ".join(code(f, limit=300) for f in shown) + (
        f" và {len(r.plan_files) - len(shown)} tệp khác" if more else ""
    )
    out = [
        "> [!WARNING]",
        f"> **Thay đổi này sửa nội dung Kế hoạch** ({files}). Người duyệt của đơn vị đầu mối cần đối chiếu "
        "với văn bản Kế hoạch đã ban hành trước khi chấp thuận.",
        "",
        "## ⚠️ Thay đổi Kế hoạch",
        "",
    ]
    if r.plan_diffs:
        out += _diff_table("Nhiệm vụ / nhóm / tệp", r.plan_diffs, cap)
    elif r.plan_unreadable:
        out += ["Không so sánh được từng trường vì tệp Kế hoạch có lỗi (xem phần lỗi dữ liệu).", ""]
    else:
        out += [
            "Nội dung mọi nhiệm vụ, nhóm và mục của Kế hoạch giữ nguyên: thay đổi chỉ ở cách viết tệp "
            "(thứ tự khóa, chú thích, khoảng trắng, dấu nháy).",
            "",
        ]
    return out


def _paths(r: ReviewResult, rel: str) -> str:
    """A data-root path as seen from the repository's top (where the commands run)."""
    return f"{r.prefix}/{rel}" if r.prefix else rel


RESTORE_BATCH = 20
"""Paths per `git checkout` line in the restore block."""


def restore_commands(violations: Sequence[EntryItem], r: ReviewResult) -> list[str]:
    """Shell commands, run at the repository's top, that put every base version back exactly
    (`git checkout <merge-base> -- <old paths>`) and remove the renamed copies."""
    olds = [_paths(r, e.old_path or e.path) for e in violations]
    news = [_paths(r, e.path) for e in violations if e.change == "renamed"]
    base = r.base_full or r.base
    git = ("git", "--literal-pathspecs")  # a name with `*`, `?` or `[` names only itself
    cmds = [
        command(*git, "checkout", base, "--", *olds[i : i + RESTORE_BATCH]) for i in range(0, len(olds), RESTORE_BATCH)
    ]
    cmds += [
        command(*git, "rm", "-q", "-f", "--ignore-unmatch", "--", *news[i : i + RESTORE_BATCH])
        for i in range(0, len(news), RESTORE_BATCH)
    ]
    return cmds


def correction_command(e: EntryItem, r: ReviewResult) -> str | None:
    """`kehoach add … --corrects <old path> --yes` that records what the edit meant, when the
    edited version could be read; None for a deletion or an unreadable edit."""
    w = e.wanted
    if not (w and w.get("unit") and w.get("task")):
        return None
    root = ["--root", r.prefix] if r.prefix else []
    words = ["kehoach", *root, "add", "--unit", w["unit"], "--task", w["task"], "--status", w["status"]]
    words += ["--date", r.today.isoformat(), "--summary", w["summary"]]
    for key in ("difficulties", "proposals", "author"):
        if w.get(key):
            words += [f"--{key}", w[key]]
    for out in w.get("outputs", []):
        item = _piped(out.get("kind"), out.get("number"), out.get("date"), out.get("title"))
        if item is None:
            return None
        words += ["--output", item]
    for ind in w.get("indicators", []):
        value = ind["value"]
        shown = str(int(value)) if float(value).is_integer() else str(value)
        item = _piped(ind.get("name"), shown, ind.get("unit"))
        if item is None:
            return None
        words += ["--indicator", item]
    if (w["unit"], w["task"]) == (e.unit, e.task):
        words += ["--corrects", e.old_path or e.path]
    return command(*words, "--yes")


def _piped(*parts: object) -> str | None:
    """`A|B|C` for `kehoach add --output/--indicator`; None when a part holds `|` itself or
    blanks at its ends (the option could not say it exactly)."""
    texts = ["" if p is None else str(p) for p in parts]
    if any("|" in t or t != t.strip() for t in texts):
        return None
    return "|".join(texts)


def commit_commands(r: ReviewResult) -> list[str]:
    return [
        command("git", "add", "--", _paths(r, layout.PROGRESS_DIR)),
        command("git", "commit", "-q", "-m", "Khôi phục mục tiến độ đã có; thêm mục đính chính"),
    ]


def _violation(e: EntryItem, r: ReviewResult, cap: int | None) -> list[str]:
    old = e.old_path or e.path
    title = f"{code(old, limit=300)} → {code(e.path, limit=300)}" if e.change == "renamed" else code(e.path, limit=300)
    out = [f"### {_CHANGE[e.change]}: {title}", ""]
    if e.fields:
        out += ["Nội dung đã đổi so với bản gốc:", "", *_diff_table("", e.fields, cap, subject=False)]
    add = correction_command(e, r) if e.fields or e.change != "renamed" else None
    if e.change == "renamed" and not e.fields:  # same content: a correction would only re-date it to today
        out += ["Nội dung không đổi, chỉ tên tệp bị đổi: khôi phục là đủ, không cần thêm mục đính chính.", ""]
    elif add is not None:
        out += ["Thêm mục đính chính mang nội dung đã sửa:", "", *fence([add], "sh"), ""]
    elif e.change == "deleted":
        out += [f"Nếu mục này sai, thêm một mục mới có {code('corrects: ' + old, limit=300)} thay vì xóa.", ""]
    else:
        out += [
            f"Sau khi khôi phục, thêm một mục mới có {code('corrects: ' + old, limit=300)} mang nội dung đã sửa "
            f"(lệnh {code('kehoach add --corrects ' + old, limit=300)} hỏi lần lượt từng ô).",
            "",
        ]
    return out


def _violations(r: ReviewResult, cap: int | None) -> list[str]:
    if not r.violations:
        return []
    shown, more = _cut(r.violations, cap)
    return [
        "## ❌ Mục đã có bị sửa, đổi tên hoặc xóa",
        "",
        f"Lịch sử báo cáo chỉ được ghi thêm. {ADVICE}; báo cáo sẽ dùng mục mới thay cho mục cũ. "
        "Cách sửa — chạy lần lượt ở thư mục gốc của kho:",
        "",
        "1. Khôi phục đúng các bản gốc:",
        "",
        *fence(restore_commands(shown, r), "sh"),
        "",
        "2. Với từng mục dưới đây, nếu nội dung sửa là đúng, chạy lệnh thêm mục đính chính của nó.",
        "3. Commit (lệnh ở cuối phần này).",
        "",
        *(line for e in shown for line in _violation(e, r, cap)),
        *more,
        "### Sau cùng: commit",
        "",
        *fence(commit_commands(r), "sh"),
        "",
    ]


def _problems(r: ReviewResult, cap: int | None) -> list[str]:
    if not r.problems:
        return []
    title = "## ❌ Lỗi dữ liệu" if r.errors else "## Cảnh báo"
    out = [title, "", "Sửa theo từng dòng (chạy `kehoach validate` trên máy để xem lại):", ""]
    shown, more = _cut(r.problems, cap)
    for p in shown:
        kind = "lỗi" if p.severity == "error" else "cảnh báo"
        note = "" if p.in_changed_file else " _(tệp không đổi — lỗi do thay đổi này gây ra)_"
        where = code(f"{p.path}:{p.line}:{p.col}", limit=300)
        out.append(f"- {where} **{p.code}** ({kind}): {text(p.message, 400)}{note}")
    return out + [""] + more


def _entries(r: ReviewResult, cap: int | None) -> list[str]:
    if not r.new_entries:
        return []
    out = [f"## Mục tiến độ mới ({len(r.new_entries)})", ""]
    shown, more = _cut(r.new_entries, cap)
    by_unit: dict[str, list[EntryItem]] = defaultdict(list)
    for e in shown:
        by_unit[e.unit or "?"].append(e)
    for unit in sorted(by_unit):
        out += [
            f"### {text(unit, 40)} — {text(r.unit_names.get(unit, 'đơn vị chưa đăng ký'), 160)}",
            "",
            "| Nhiệm vụ | Ngày | Tình trạng | Kết quả thực hiện | Tệp |",
            "|---|---|---|---|---|",
        ]
        for e in sorted(by_unit[unit], key=lambda e: (e.task or "", str(e.date), e.path)):
            file = code(e.path, table=True, limit=300)
            if e.corrects:
                file += f" (đính chính cho {code(e.corrects, table=True, limit=300)})"
            status = ENTRY_STATUS.get(e.status or "", "—")
            out.append(f"| {text(e.task, 40)} | {_date(e.date)} | {status} | {text(e.summary, 160)} | {file} |")
        out.append("")
    return out + more


def _statuses(r: ReviewResult, cap: int | None) -> list[str]:
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
    shown, more = _cut(r.status_changes, cap)
    for s in shown:
        before, after = TASK_STATUS.get(s.before or "", "—"), TASK_STATUS.get(s.after or "", "—")
        arrow = f"**{after}**" if s.before != s.after else after
        title = text(r.task_titles.get(s.task), 90)
        out.append(f"| {text(s.task, 40)} | {title} | {before} | {arrow} | {s.new_entries or ''} |")
    return out + [""] + more


def _rest(r: ReviewResult, cap: int | None) -> list[str]:
    out: list[str] = []
    if r.unit_diffs:
        out += ["## Thay đổi danh sách đơn vị", "", *_diff_table("Đơn vị", r.unit_diffs, cap)]
    if r.other_files:
        shown, more = _cut(r.other_files, 30 if cap is None else min(cap, 30))
        rest = f" và {len(r.other_files) - len(shown)} tệp khác" if more else ""
        out += ["## Tệp khác thay đổi", "", ", ".join(code(f, limit=300) for f in shown) + rest, ""]
    return out


def render(r: ReviewResult, cap: int | None = None) -> str:
    """The review as Markdown; `cap` shows at most that many items per section."""
    head = ["# Tóm tắt thay đổi dữ liệu Kế hoạch", "", _verdict(r), "", _compared(r), ""]
    body = (
        _tools(r, cap)
        + _plan(r, cap)
        + _violations(r, cap)
        + _problems(r, cap)
        + _entries(r, cap)
        + _statuses(r, cap)
        + _rest(r, cap)
    )
    if not body:
        body = ["Không có thay đổi nào trong plan/, units/, progress/, templates/ hay công cụ.", ""]
    return "\n".join(head + body).rstrip("\n") + "\n"


def digest(r: ReviewResult, full: str, full_name: str | None = None, limit: int = SUMMARY_LIMIT) -> str:
    """`full` when it fits in `limit` bytes; otherwise the same review with fewer items per
    section, saying where the full text is."""
    if len(full.encode("utf-8")) <= limit:
        return full
    where = f"tệp {code(full_name)} trong artifact của lần chạy CI" if full_name else "bản đầy đủ (`-o TỆP`)"
    note = f"> [!NOTE]\n> Bản tóm tắt rút gọn vì bản đầy đủ quá {limit // 1024} KiB; xem {where}.\n\n"
    for cap in (200, 50, 10, 0):
        text_ = render(r, cap)
        title, _, rest = text_.partition("\n\n")
        out = f"{title}\n\n{note}{rest}"
        if len(out.encode("utf-8")) <= limit:
            return out
    return f"# Tóm tắt thay đổi dữ liệu Kế hoạch\n\n{_verdict(r)}\n\n{note}"


def short(r: ReviewResult) -> str:
    """A few plain lines for the terminal / CI log when the review fails (data made visible)."""
    lines = [
        f"{visible(e.path)}: {_CHANGE[e.change]} một mục đã có. "
        + (
            f"Nội dung không đổi: hãy trả lại tên cũ {visible(e.old_path or e.path)}."
            if e.change == "renamed" and not e.fields
            else f"{ADVICE.replace('<tệp cũ>', visible(e.old_path or e.path))}."
        )
        for e in r.violations
    ]
    lines += [f"{visible(p.path)}:{p.line}:{p.col}: {p.severity} {p.code}: {visible(p.message)}" for p in r.errors]
    lines.append(f"Không đạt: {len(r.violations)} mục đã có bị sửa/đổi tên/xóa, {len(r.errors)} lỗi dữ liệu.")
    return "\n".join(lines)
