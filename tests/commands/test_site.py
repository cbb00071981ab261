"""`kehoach site`: the static dashboard, read back as a user (or a browser) would see it."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from tests.conftest import write
from tests.site_html import HOSTILE, broken_links, make_hostile, pages, read_page

ARGS = ["site", "--year", "2026", "--as-of", "2026-11-20"]
DEMO = "DỮ LIỆU MINH HỌA – HƯ CẤU, KHÔNG PHẢI SỐ LIỆU BÁO CÁO THẬT"


@pytest.fixture
def built(cli, example_root, tmp_path) -> Path:
    out = tmp_path / "site"
    result = cli([*ARGS, "-o", out], example_root)
    assert result.exit_code == 0, result.output
    return out


def test_every_task_and_unit_has_a_page_with_date_and_demo_notice(built, example_root):
    read = pages(built)
    tasks = [p for p in read if p.startswith("nhiem-vu/")]
    units = [p for p in read if p.startswith("don-vi/")]
    assert len(tasks) == 27 and "nhiem-vu/II-DD-1.html" in tasks and "nhiem-vu/II-D-1.html" in tasks
    assert sorted(units) == sorted(f"don-vi/{p.stem}.html" for p in (example_root / "units").glob("*.yaml"))
    for rel, page in read.items():
        html = (built / rel).read_text(encoding="utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="vi">'), rel
        assert "Số liệu tính đến ngày 20 tháng 11 năm 2026" in page.text, rel
        assert DEMO in page.text, rel
        assert not page.unbalanced, (rel, page.unbalanced)


def test_overview_counts_agree_with_status(cli, built, example_root):
    status = json.loads(
        cli(["status", "--year", "2026", "--as-of", "2026-11-20", "--format", "json"], example_root).stdout
    )
    html = (built / "index.html").read_text(encoding="utf-8")
    for code, n in {"done": 4, "in_progress": 15, "unreported": 5, "not_due": 2}.items():
        assert sum(1 for t in status["tasks"] if t["status"] == code) == n
        assert re.search(rf'<span class="st st-{code}">.*?</span></th><td class="num">{n}</td>', html), code
    rows = re.findall(r'<tr class="row-([a-z_]+)" data-status="\1">', html)
    assert rows == [t["status"] for t in status["tasks"]]
    for code in status["late_units"]:  # late units named, with their pages linked
        assert f'<a href="don-vi/{code}.html">' in html
    text = read_page(built / "index.html").text
    assert "4 đơn vị chưa báo cáo đúng hạn" in text and "<svg" in html and 'role="img"' in html
    # on time or late, as `status` judges it (compute/timeliness.py)
    words = {
        ("done", "on_time"): "Đúng hạn",
        ("in_progress", "on_time"): "Trong hạn",
        ("not_started", "on_time"): "Trong hạn",
    }
    cells = re.findall(r'<td data-label="Thời hạn">(.*?)</td>', html)
    assert len(cells) == 27
    for t, cell in zip(status["tasks"], cells, strict=True):
        want = words.get((t["status"], t["timeliness"])) if t["timeliness"] else "Chưa xét"
        assert want is not None and want in cell, (t, cell)
    done_on_time = sum(1 for t in status["tasks"] if t["status"] == "done" and t["timeliness"] == "on_time")
    assert re.search(rf"Hoàn thành đúng hạn</span></th><td class=\"num\">{done_on_time}</td>", html)


def test_days_left_before_the_deadline(cli, example_root, tmp_path):
    out = tmp_path / "s"
    assert cli(["site", "--year", "2026", "--as-of", "2026-11-01", "-o", out], example_root).exit_code == 0
    assert "còn 14 ngày" in read_page(out / "index.html").text


def test_task_page_has_facts_years_and_entries_newest_first(built):
    page = read_page(built / "nhiem-vu" / "II-C-6.html")
    t = page.text
    assert "Chi cục Trồng trọt và Bảo vệ thực vật" in t and "2026 - 2030 và các năm tiếp theo" in t
    assert t.index("18/9/2026") < t.index("20/5/2026")  # newest first
    assert "Tỷ lệ thu gom bao gói thuốc bảo vệ thực vật: 92,5%" in t
    assert "Báo cáo số 45/BC-CCTTBVTV" in t
    years = re.findall(r"<th scope=\"col\">(20\d\d)</th>", (built / "nhiem-vu" / "II-C-6.html").read_text())
    assert years == ["2026", "2027", "2028", "2029", "2030"]
    assert "Chưa tới kỳ báo cáo" in t


def test_unit_page_says_late_or_not(built):
    late = read_page(built / "don-vi" / "TSKN.html").text
    assert "Chậm báo cáo" in late and "II.C.5" in late
    ok = read_page(built / "don-vi" / "TTBVTV.html").text
    assert "Đúng hạn" in ok and "Chậm báo cáo" not in ok
    outside = read_page(built / "don-vi" / "UBNDT.html").text
    assert "không chủ trì nhiệm vụ nào" in outside


def test_links_resolve_and_nothing_is_loaded_from_outside(built):
    read = pages(built)
    assert broken_links(built, read) == []
    for rel, page in read.items():
        assert page.scripts == ["../loc.js" if "/" in rel else "loc.js"], rel
        assert not page.handlers, rel
    everything = "".join(p.read_text(encoding="utf-8") for p in built.rglob("*") if p.is_file())
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", everything.replace("http://www.w3.org/2000/svg", ""))
    assert "@import" not in everything and "url(" not in everything


def test_headings_in_order_and_header_cells_scoped(built):
    read = pages(built)
    for rel, page in read.items():
        h = page.headings
        assert h[0] == 1 and h.count(1) == 1, rel
        assert all(b <= a + 1 for a, b in itertools.pairwise(h)), (rel, h)
        assert all(s in ("col", "row") for s in page.th_scopes), rel
    assert sum(len(p.th_scopes) for p in read.values()) > 100


def _contrast(fg: str, bg: str) -> float:
    def lum(hex_: str) -> float:
        c = [int(hex_[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_status_colours_have_enough_contrast(built):
    css = (built / "style.css").read_text(encoding="utf-8")
    pairs = re.findall(r"\.st-[a-z_]+ \{ color: (#[0-9a-f]{6}); background: (#[0-9a-f]{6}); \}", css)
    assert len(pairs) == 6
    for fg, bg in pairs:
        assert _contrast(fg, bg) >= 4.5, (fg, bg)


def test_same_data_same_bytes(cli, example_root, built, tmp_path):
    again = tmp_path / "again"
    assert cli([*ARGS, "-o", again], example_root).exit_code == 0
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (built / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_hostile_text_is_escaped_everywhere(cli, example_root, tmp_path):
    make_hostile(example_root)
    out = tmp_path / "site"
    result = cli([*ARGS, "-o", out], example_root)
    assert result.exit_code == 0, result.output
    read = pages(out)
    for rel, page in read.items():
        html = (out / rel).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img" not in html and "<b>" not in html, rel
        assert page.scripts == ["../loc.js" if "/" in rel else "loc.js"], rel
        assert not page.handlers, rel
        assert not page.unbalanced, rel
    task = (out / "nhiem-vu" / "II-C-6.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in task  # shown as text, not run
    assert "<polyline" in task and "&lt;/svg&gt;&lt;script&gt;alert(4)" in task  # the chart's label too
    assert HOSTILE in read["nhiem-vu/II-C-6.html"].text


def test_indicator_chart_for_numbers_over_time(cli, example_root, tmp_path):
    for day, value in (("2026-06-01", 40), ("2026-07-01", 55.5), ("2026-08-01", 70)):
        write(
            example_root,
            f"progress/TTBVTV/{day}-II.C.7.yaml",
            f'task: "II.C.7"\nunit: "TTBVTV"\ndate: {day}\nstatus: "in_progress"\nsummary: "Tiếp tục."\n'
            f'indicators:\n  - name: "Số xã áp dụng"\n    value: {value}\n    unit: "xã"\n',
        )
    out = tmp_path / "site"
    assert cli([*ARGS, "-o", out], example_root).exit_code == 0
    html = (out / "nhiem-vu" / "II-C-7.html").read_text(encoding="utf-8")
    assert html.count("<polyline") == 1 and html.count('<circle class="dot"') == 3
    assert (
        "Số xã áp dụng (Chi cục Trồng trọt và Bảo vệ thực vật): 3 số liệu, từ 40 xã ngày 01/6/2026 đến 70 xã ngày 01/8/2026"
        in html
    )
    assert "<polyline" not in (out / "nhiem-vu" / "II-C-6.html").read_text(encoding="utf-8")


def test_long_lists_are_split_into_pages(cli, example_root, tmp_path):
    for i in range(205):
        day = f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}"
        write(
            example_root,
            f"progress/TTQT/{day}-II.B.2.yaml",
            f'task: "II.B.2"\nunit: "TTQT"\ndate: {day}\nstatus: "in_progress"\nsummary: "Mục số {i}."\n',
        )
    total = len(list(example_root.glob("progress/*/*-II.B.2*.yaml")))
    out = tmp_path / "site"
    assert cli([*ARGS, "-o", out], example_root).exit_code == 0
    first, second = out / "nhiem-vu" / "II-B-2.html", out / "nhiem-vu" / "II-B-2-trang-2.html"
    assert second.is_file() and (out / "don-vi" / "TTQT-trang-2.html").is_file()
    for page in (first, second, out / "don-vi" / "TTQT.html"):
        assert page.read_text(encoding="utf-8").count('<li class="entry">') <= 200
    assert 'href="II-B-2-trang-2.html" rel="next"' in first.read_text(encoding="utf-8")
    assert f"Mục 201–{total} trong {total}" in read_page(second).text
    assert broken_links(out) == []


def test_refuses_a_file_or_someone_elses_folder(cli, example_root, tmp_path):
    afile = tmp_path / "notes.txt"
    afile.write_text("mine", encoding="utf-8")
    for target in (afile, afile / "site", afile / "a" / "b"):
        result = cli([*ARGS, "-o", target], example_root)
        assert result.exit_code == 2 and "KH180" in result.output and afile.read_text() == "mine", target
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "keep.txt").write_text("mine", encoding="utf-8")
    result = cli([*ARGS, "-o", folder], example_root)
    assert result.exit_code == 2 and "KH181" in result.output
    assert [p.name for p in folder.rglob("*")] == ["sub", "keep.txt"]
    for inside in (example_root / "progress" / "site", example_root, example_root.parent):
        result = cli([*ARGS, "-o", inside], example_root)
        assert result.exit_code == 2 and ("KH182" in result.output or "KH181" in result.output), inside
    assert not (example_root / "progress" / "site").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli([*ARGS, "-o", empty], example_root).exit_code == 0 and (empty / "index.html").is_file()


def test_rebuild_replaces_the_old_site_whole(cli, example_root, built, tmp_path):
    (built / "stale.html").write_text("old", encoding="utf-8")
    assert cli(["site", "--year", "2026", "--as-of", "2026-11-01", "-o", built], example_root).exit_code == 0
    assert not (built / "stale.html").exists() and "còn 14 ngày" in read_page(built / "index.html").text
    assert sorted(p.name for p in built.parent.iterdir()) == ["root", "site"]  # no temporary folder left


def test_broken_template_leaves_the_old_site_alone(cli, example_root, built):
    before = {p: p.read_bytes() for p in built.rglob("*") if p.is_file()}
    write(
        example_root,
        "templates/site/unit.html.j2",
        '{% extends "base.html.j2" %}{% block main %}{{ khong_co }}{% endblock %}\n',
    )
    result = cli([*ARGS, "-o", built], example_root)
    assert result.exit_code == 1
    assert "templates/site/unit.html.j2" in result.output and "khong_co" in result.output
    assert {p: p.read_bytes() for p in built.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in built.parent.iterdir()) == ["root", "site"]


def test_root_template_replaces_one_file(cli, example_root, tmp_path):
    write(example_root, "templates/site/style.css", "body { color: #000; }\n")
    out = tmp_path / "site"
    assert cli([*ARGS, "-o", out], example_root).exit_code == 0
    assert (out / "style.css").read_text() == "body { color: #000; }\n"
    assert (out / "index.html").is_file()


def test_ci_templates_publish_the_site():
    import yaml

    repo = Path(__file__).resolve().parents[2]
    gh = yaml.safe_load((repo / ".github" / "workflows" / "kehoach.yml").read_text(encoding="utf-8"))
    assert "pages" not in gh["permissions"]  # the Pages permissions belong to the publishing job only
    job = gh["jobs"]["site"]
    assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    assert "refs/heads/main" in job["if"] and "push" in job["if"]
    steps = job["steps"]
    assert any("kehoach site" in s.get("run", "") and "-o public" in s.get("run", "") for s in steps)
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    gl = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    pages_job = gl["pages"]
    assert pages_job["artifacts"]["paths"] == ["public"]
    assert any("kehoach site" in line and "-o public" in line for line in pages_job["script"])
    assert pages_job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages_job["stage"] in gl["stages"]


def test_help_and_usage_errors_in_vietnamese(cli, example_root):
    help_text = cli(["site", "--help"]).output
    assert "Dựng trang web tĩnh" in help_text and "--output THƯ_MỤC" in help_text and "build/site" in help_text
    result = cli(["site"], example_root)
    assert result.exit_code == 2 and "Thiếu tùy chọn '--year'" in result.output
    result = cli(["site", "--year", "2026", "--as-of", "2026-13-01"], example_root)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
