"""Read a built site back for tests: links, ids, headings, table headers, text of every page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"meta", "link", "br", "img", "input", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}
SVG_VOID = {"rect", "line", "polyline", "circle", "path"}  # written self-closed inside inline SVG


@dataclass
class Page:
    links: list[str] = field(default_factory=list)  # href and src values
    ids: set[str] = field(default_factory=set)
    headings: list[int] = field(default_factory=list)
    th_scopes: list[str | None] = field(default_factory=list)
    text: str = ""
    unbalanced: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # src of each <script>, "" when inline
    handlers: list[str] = field(default_factory=list)  # on* attributes (event handlers)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            if k in ("href", "src") and v is not None:
                self.page.links.append(v)
            if k.startswith("on"):
                self.page.handlers.append(f"{tag} {k}")
        if a.get("id"):
            self.page.ids.add(a["id"])
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.page.headings.append(int(tag[1]))
        if tag == "th":
            self.page.th_scopes.append(a.get("scope"))
        if tag == "script":
            self.page.scripts.append(a.get("src") or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.page.unbalanced.append(f"</{tag}> while open: {self.stack[-3:]}")

    def handle_data(self, data):
        self.chunks.append(data)


def read_page(path: Path) -> Page:
    r = _Reader()
    r.feed(path.read_text(encoding="utf-8"))
    r.close()
    r.page.text = " ".join(" ".join(r.chunks).split())
    if r.stack:
        r.page.unbalanced.append(f"left open: {r.stack}")
    return r.page


def pages(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): read_page(p) for p in sorted(site.rglob("*.html"))}


def broken_links(site: Path, read: dict[str, Page] | None = None) -> list[str]:
    """Every href/src of every page that is not a relative link to an existing file (and id)."""
    read = read if read is not None else pages(site)
    bad = []
    for rel, page in read.items():
        here = (site / rel).parent
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("/"):
                bad.append(f"{rel}: not relative: {link}")
                continue
            target = (here / unquote(parts.path)).resolve() if parts.path else (site / rel).resolve()
            if not target.is_file() or site.resolve() not in target.parents:
                bad.append(f"{rel}: missing file: {link}")
                continue
            if parts.fragment:
                ids = read[target.relative_to(site.resolve()).as_posix()].ids if target.suffix == ".html" else set()
                if parts.fragment not in ids:
                    bad.append(f"{rel}: missing id: {link}")
    return bad


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def make_hostile(root: Path) -> None:
    """Put HTML and script into every kind of text the site shows: a unit name, a task's
    output, an entry's summary, output, indicator name and unit, difficulties, author."""
    unit = root / "units" / "TTBVTV.yaml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace(
            'name: "Chi cục Trồng trọt và Bảo vệ thực vật"', f'name: "Chi cục {HOSTILE}"'
        ),
        encoding="utf-8",
    )
    tasks = root / "plan" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    tasks.write_text(
        text.replace('output: "Hệ thống điểm thu gom', f'output: "{HOSTILE} Hệ thống điểm thu gom', 1), encoding="utf-8"
    )
    (root / "progress/TTBVTV/2026-10-01-II.C.6.yaml").write_text(
        'task: "II.C.6"\nunit: "TTBVTV"\ndate: 2026-10-01\nstatus: "in_progress"\n'
        f"summary: '{HOSTILE}\" onmouseover=\"alert(3)'\n"
        "indicators:\n"
        "  - name: '</svg><script>alert(4)</script>'\n    value: 5\n    unit: '<b>'\n"
        "  - name: 'Số bể'\n    value: 1\n"
        "outputs:\n"
        f"  - kind: 'Báo cáo'\n    title: '{HOSTILE}'\n"
        f"difficulties: '{HOSTILE}'\nauthor: '{HOSTILE}'\n",
        encoding="utf-8",
    )
    (root / "progress/TTBVTV/2026-10-02-II.C.6.yaml").write_text(
        'task: "II.C.6"\nunit: "TTBVTV"\ndate: 2026-10-02\nstatus: "in_progress"\nsummary: "x"\n'
        "indicators:\n  - name: '</svg><script>alert(4)</script>'\n    value: 7\n    unit: '<b>'\n",
        encoding="utf-8",
    )
