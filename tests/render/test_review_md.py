"""The review's Markdown: a bounded digest for CI job summaries, inert data, quoted commands."""

from __future__ import annotations

import datetime as dt
import shlex

from kehoach.compute.review import EntryItem, ProblemItem, ReviewResult, ToolFile
from kehoach.render import markdown
from kehoach.render.review_md import SUMMARY_LIMIT, digest, render
from tests.commands.test_review_safety import assert_inert


def _big(n: int) -> ReviewResult:
    r = ReviewResult(
        base="abc1234567",
        base_full="abc1234567" * 4,
        base_subject="gốc",
        base_label="origin/main",
        head="def7654321",
        head_label="HEAD",
        today=dt.date(2026, 11, 28),
        year=2026,
    )
    r.tool_files = [ToolFile(change="M", path=f".github/workflows/w{i}.yml") for i in range(n // 10)]
    r.new_entries = [
        EntryItem(
            change="added",
            path=f"progress/QLMT/2026-11-{1 + i % 28:02d}-I.{i}.yaml",
            unit="QLMT",
            task=f"I.{i}",
            date=dt.date(2026, 11, 1 + i % 28),
            status="done",
            summary="<b>x</b> | @admin " * 20,
        )
        for i in range(n)
    ]
    r.violations = [
        EntryItem(change="deleted", path=f"progress/VP/2026-01-0{1 + i % 9}-I.1.yaml") for i in range(n // 5)
    ]
    r.problems = [
        ProblemItem(
            path=f"progress/QLMT/x{i}`|.yaml",
            line=1,
            col=1,
            severity="error",
            code="KH030",
            message="m" * 300,
            in_changed_file=True,
        )
        for i in range(n // 5)
    ]
    return r


def test_digest_is_bounded_and_points_at_the_full_text():
    r = _big(6000)
    full = render(r)
    assert len(full.encode()) > SUMMARY_LIMIT
    short = digest(r, full, full_name="review.md")
    assert len(short.encode()) <= SUMMARY_LIMIT
    assert "Bản tóm tắt rút gọn" in short and "`review.md`" in short
    assert "**Kết quả: ❌ KHÔNG ĐẠT** — 1200 mục đã có bị sửa, đổi tên hoặc xóa, 1200 lỗi dữ liệu" in short
    assert short.index("## ⚠️ Thay đổi công cụ") < short.index("## ❌ Mục đã có bị sửa")
    assert "mục nữa — xem bản đầy đủ" in short
    assert_inert(short)
    assert_inert(full)
    small = _big(10)
    assert digest(small, render(small)) == render(small)


def test_code_spans_and_fences_cannot_be_closed_from_inside():
    for name in ("a`b", "``", "`x`", "a````b", " ", "x|y"):
        span = markdown.code(name, table=True)
        fence = len(span) - len(span.lstrip("`"))
        assert "`" * fence not in span[fence:-fence]
    block = markdown.fence(["echo ```", "echo ````"])
    assert block[0] == block[-1] == "`````"


def test_commands_round_trip_through_shlex():
    words = ["git", "checkout", "abc", "--", "progress/QLMT/$(rm -rf ~) 'x'; `id`.yaml"]
    assert shlex.split(markdown.command(*words)) == words


def test_every_active_character_is_escaped_wherever_it_stands():
    """Text with nothing to escape is passed through as it is; one active character anywhere
    (alone, inside plain Vietnamese words, at the start) still makes it inert."""
    plain = "Đã hoàn thành 3/5 nhiệm vụ (đợt 2), đạt 60%."
    assert markdown.text(plain) == plain
    for c in "\\`*_[]|~$&<>@":
        for s in (c, f"Báo cáo {c} số 5", f"{c}{plain}", f"{plain}{c}"):
            out = markdown.text(s)
            assert out != s, repr(s)
            assert_inert(out)
    for c in "#+=-":
        assert markdown.text(f"{c} Tiêu đề") == f"\\{c} Tiêu đề"
        assert markdown.text(f"a {c} b") == f"a {c} b"
