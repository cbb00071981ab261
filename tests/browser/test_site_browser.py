"""`kehoach site` in a real browser: Debian's Chromium driven by playwright, over file://.

Skipped (with the reason) when playwright or Chromium is not installed. Every request is
routed: anything that is not file:// is refused and fails the test, so a page that tried
to reach the network (CDN, fonts, analytics) cannot pass.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from tests.conftest import EXAMPLES
from tests.site_html import HOSTILE, make_hostile

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright chưa được cài (pip install playwright)")

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-headless-shell", "chromium-browser")) if p), None)
if CHROMIUM is None:
    pytest.skip(
        "không có Chromium (apt-get install chromium); bỏ qua kiểm thử trên trình duyệt", allow_module_level=True
    )

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PAGES = ["index.html", "nhiem-vu/II-C-6.html", "don-vi/QLMT.html"]


def _build(root: Path, out: Path) -> Path:
    result = CliRunner().invoke(
        app, ["--root", str(root), "site", "--year", "2026", "--as-of", "2026-11-20", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _build(EXAMPLES, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"không khởi động được Chromium: {str(exc).splitlines()[0]}")
        yield b
        b.close()


class Watched:
    """A page whose console errors, failed or outside requests and dialogs are recorded."""

    def __init__(self, browser, width: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.problems.append(f"outside request: {route.request.url}")
            route.abort()

    def _dialog(self, dialog) -> None:
        self.problems.append(f"dialog (script ran): {dialog.message}")
        dialog.dismiss()

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")


def _not_blank(png: bytes) -> bool:
    """Decode the PNG's pixel rows (no imaging library needed) and look for variety."""
    pos, data = 8, b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        if kind == b"IDAT":
            data += png[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(data))) > 32


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("rel", PAGES)
def test_page_opens_offline_without_errors(browser, site, rel, width, tmp_path):
    w = Watched(browser, width)
    w.open(site / rel)
    assert w.page.evaluate("document.documentElement.lang") == "vi"
    assert "Số liệu tính đến ngày 20 tháng 11 năm 2026" in w.page.inner_text("body")
    assert w.page.locator("h1").count() == 1 and w.page.locator("h1").is_visible()
    shot = w.page.screenshot(full_page=True)
    (tmp_path / f"{rel.replace('/', '_')}-{width}.png").write_bytes(shot)
    assert _not_blank(shot)
    if width == 390:  # nothing wider than a phone, except inside scrollable table regions
        assert w.page.evaluate("document.documentElement.scrollWidth") <= 390
    assert w.problems == []
    w.context.close()


def test_every_link_on_the_three_pages_opens(browser, site):
    w = Watched(browser, 1280)
    targets: set[str] = set()
    for rel in PAGES:
        w.open(site / rel)
        targets |= {h.split("#")[0] for h in w.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")}
    assert len(targets) > 30
    for href in sorted(targets):
        assert href.startswith("file://"), href
        w.page.goto(href)
        assert w.page.locator("h1").count() == 1, href
    assert w.problems == []
    w.context.close()


def test_filter_works_from_the_keyboard(browser, site):
    w = Watched(browser, 1280)
    w.open(site / "index.html")
    rows = w.page.locator("#bang-nhiem-vu tbody tr")
    assert rows.count() == 27
    for _ in range(40):  # reach the search box with Tab alone
        w.page.keyboard.press("Tab")
        if w.page.evaluate("document.activeElement.id") == "loc-chu":
            break
    else:
        pytest.fail("ô tìm kiếm không tới được bằng phím Tab")
    w.page.keyboard.type("II.C")
    visible = w.page.locator("#bang-nhiem-vu tbody tr:not([hidden])")
    assert visible.count() == 7
    assert "Đang hiện 7/27 nhiệm vụ." in w.page.inner_text("#loc-ket-qua")
    w.page.keyboard.press("Shift+Tab")  # back to the status list, still by keyboard
    assert w.page.evaluate("document.activeElement.id") == "loc-tinh-trang"
    w.page.select_option("#loc-tinh-trang", "done")
    assert visible.count() == 1 and "II.C.6" in visible.first.inner_text()
    assert w.problems == []
    w.context.close()


def test_page_without_javascript_shows_everything(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    assert page.locator("#bang-nhiem-vu tbody tr").count() == 27
    assert not page.locator("#loc").is_visible()  # the filter needs JavaScript, so it stays hidden
    context.close()


def test_hostile_data_runs_nothing(browser, tmp_path):
    root = tmp_path / "root"
    shutil.copytree(EXAMPLES, root)
    make_hostile(root)
    out = _build(root, tmp_path / "site")
    w = Watched(browser, 1280)
    for rel in ("index.html", "nhiem-vu/II-C-6.html", "don-vi/TTBVTV.html"):
        w.open(out / rel)
        w.page.mouse.move(200, 400)
        assert w.page.locator("img").count() == 0
        assert w.page.evaluate("document.scripts.length") == 1
    assert HOSTILE in w.page.inner_text("body")
    assert w.problems == []
    w.context.close()
