"""Render the static site (`kehoach site`) from the Jinja templates in templates/site/.

Returns the pages as (relative path, bytes), one at a time, so a large site never sits
whole in memory; the caller writes them (write_tree.py). Templates run sandboxed with
autoescaping on: every value from the data (task text, summaries, unit names, file
names) is HTML-escaped, and only our own chart module's output is marked safe. A file
in the data root's templates/site/ replaces the one shipped with kehoach, file by file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from kehoach import layout
from kehoach import text_vn as vn
from kehoach.compute.site_data import EntryView, SiteData, TaskPage, UnitPage, slug
from kehoach.render import svg, templates
from kehoach.vocab import ENTRY_STATUS, TASK_STATUS, TASK_STATUS_ORDER, TIMELINESS_SHORT

PER_PAGE = 200  # entries on one page of a task or a unit
STATIC = ("style.css", "loc.js")  # copied as they are
ROLE = {"lead": "Chủ trì", "coordinating": "Phối hợp", "reporting": "Có báo cáo"}
TIMELINESS_CLASS = {"done_on_time": "done", "done_late": "overdue", "in_time": "in_progress", "overdue": "overdue"}
"""The status colours that show each on-time/late category (always with its words)."""
SYMBOL = {  # with the words, so a status is never told by colour alone
    "done": "✓",
    "in_progress": "▶",
    "not_started": "○",
    "unreported": "?",
    "overdue": "!",
    "not_due": "–",
}


def folders(root: Path) -> list[Path]:
    """Where templates are looked up, first match wins: the data root's, then kehoach's own."""
    return [p for p in (root / layout.TEMPLATES_DIR / "site", templates.PACKAGE_TEMPLATES / "site") if p.is_dir()]


def _environment(search: list[Path]) -> templates.Sandbox:
    env = templates.sandbox(search, html=True)  # the documents' sandbox, limits and loader
    env.filters.update(ngay=vn.ngay_ngan)  # the documents' filters are there already
    env.globals.update(
        TASK_STATUS=TASK_STATUS,
        ENTRY_STATUS=ENTRY_STATUS,
        TASK_STATUS_ORDER=TASK_STATUS_ORDER,
        SYMBOL=SYMBOL,
        ROLE=ROLE,
        TIMELINESS_SHORT=TIMELINESS_SHORT,
        TIMELINESS_CLASS=TIMELINESS_CLASS,
        slug=slug,
    )
    return env


def page_name(stem: str, n: int) -> str:
    """Page n (from 1) of a paged list: `QLMT.html`, `QLMT-trang-2.html`."""
    return f"{stem}.html" if n == 1 else f"{stem}-trang-{n}.html"


def _pages(count: int) -> int:
    return max(1, -(-count // PER_PAGE))


class Renderer:
    """Turns SiteData into files; `shown(path)` names a template in messages."""

    def __init__(self, root: Path, data: SiteData) -> None:
        self.search = folders(root)
        self.root = root
        self.env = _environment(self.search)
        self._shown: dict[str, str] = {}  # template file -> its name in messages
        self.data = data
        d = data
        self.common = {
            **d.facts,
            "year": d.year,
            "as_of": d.as_of,
            "as_of_text": vn.ngay_thang(d.as_of),
            "status": d.status,
            "deadline": d.status.deadline,
            "days_left": d.days_left,
        }

    def _template(self, name: str) -> jinja2.Template:
        with templates.reported(Path(name), f"templates/site/{name}"):
            return self.env.get_template(name)

    def _run(self, template: jinja2.Template, context: dict[str, Any], common: bool = True) -> str:
        name = template.filename or template.name or ""
        if name not in self._shown:  # once per template: run once per entry, it must stay cheap
            self._shown[name] = templates.display(Path(name), self.root)
        with templates.reported(Path(name), self._shown[name]):
            return template.render({**self.common, **context} if common else context)

    def _render(self, name: str, context: dict[str, Any]) -> bytes:
        template = self._template(name)
        with templates.bounded(self.env):
            return self._run(template, context).encode("utf-8")

    def files(self) -> Iterator[tuple[str, bytes]]:
        d = self.data
        charts = svg.bar_chart(
            [(f"{SYMBOL[code]} {text}", n, f"st-{code}") for code, text, n in d.counts],
            f"Số nhiệm vụ theo tình trạng năm {d.year}: " + "; ".join(f"{text} {n}" for _, text, n in d.counts if n),
        )
        yield "index.html", self._render("overview.html.j2", {"base": "", "chart": charts, "data": d})
        for t in d.tasks:
            yield from self._task(t)
        for u in d.units:
            yield from self._unit(u)
        for name in STATIC:
            yield name, self._static(name)

    def _static(self, name: str) -> bytes:
        for folder in self.search:
            if os.path.lexists(folder / name):  # a link here is refused, not skipped
                return templates.read_regular(folder, name)
        raise templates.template_error(jinja2.TemplateNotFound(name), Path(name), f"templates/site/{name}")

    def _bodies(self, entries: list[EntryView]) -> None:
        """Each entry's content, rendered once (entry.html.j2) for its task page and its unit page."""
        template = self._template("entry.html.j2")
        with templates.bounded(self.env):
            for e in entries:
                e["body"] = Markup(self._run(template, {"e": e}, common=False))

    def _task(self, t: TaskPage) -> Iterator[tuple[str, bytes]]:
        self._bodies(t.entries)
        charts = [
            (
                s,
                svg.line_chart(
                    s.points, f"{s.name} ({self.data.facts['unit_names'].get(s.reporter, s.reporter)})", s.unit
                ),
            )
            for s in t.series
        ]
        total = _pages(len(t.entries))
        for n in range(1, total + 1):
            chunk = t.entries[(n - 1) * PER_PAGE : n * PER_PAGE]
            context = {
                "base": "../",
                "t": t,
                "charts": charts if n == 1 else [],
                "entries": chunk,
                "pager": _pager(t.slug, n, total, len(t.entries)),
            }
            yield f"nhiem-vu/{page_name(t.slug, n)}", self._render("task.html.j2", context)

    def _unit(self, u: UnitPage) -> Iterator[tuple[str, bytes]]:
        total = _pages(len(u.entries))
        for n in range(1, total + 1):
            chunk = u.entries[(n - 1) * PER_PAGE : n * PER_PAGE]
            context = {"base": "../", "u": u, "entries": chunk, "pager": _pager(u.code, n, total, len(u.entries))}
            yield f"don-vi/{page_name(u.code, n)}", self._render("unit.html.j2", context)


def _pager(stem: str, n: int, total: int, count: int) -> dict[str, Any]:
    """Links between the pages of one list (file names in the same folder)."""
    first = (n - 1) * PER_PAGE + 1 if count else 0
    return {
        "page": n,
        "total": total,
        "count": count,
        "first": first,
        "last": min(n * PER_PAGE, count),
        "links": [(k, page_name(stem, k) if k else None) for k in _window(n, total)],
        "prev": page_name(stem, n - 1) if n > 1 else None,
        "next": page_name(stem, n + 1) if n < total else None,
    }


def _window(n: int, total: int, around: int = 3) -> list[int]:
    """Page numbers to link: the first, the last, and those near page n; 0 marks a gap."""
    keep = sorted({1, total, *range(max(1, n - around), min(total, n + around) + 1)})
    out: list[int] = []
    for k in keep:
        if out and k > out[-1] + 1:
            out.append(0)
        out.append(k)
    return out


def render(root: Path, data: SiteData) -> Iterator[tuple[str, bytes]]:
    """Every file of the site, in a fixed order."""
    return Renderer(root, data).files()
