"""Pieces of the site renderer: page links of long lists, and the charts' escaping."""

from __future__ import annotations

import datetime as dt

from kehoach.render import site, svg


def test_pager_links_first_last_and_nearby_pages():
    p = site._pager("QLMT", 7, 13, 2600)
    assert p["prev"] == "QLMT-trang-6.html" and p["next"] == "QLMT-trang-8.html"
    assert [k for k, _ in p["links"]] == [1, 0, 4, 5, 6, 7, 8, 9, 10, 0, 13]
    assert p["links"][0] == (1, "QLMT.html") and p["links"][1] == (0, None)
    assert (p["first"], p["last"]) == (1201, 1400)
    last = site._pager("QLMT", 13, 13, 2456)
    assert last["next"] is None and (last["first"], last["last"]) == (2401, 2456)


def test_charts_escape_their_texts_and_are_stable():
    bars = svg.bar_chart([("<b>x</b>", 3, 'st-done" onload="x'), ("y", 0, "st-overdue")], "a & <b>")
    assert "<b>" not in bars and "&lt;b&gt;x&lt;/b&gt;" in bars and 'onload="' not in bars
    assert bars == svg.bar_chart([("<b>x</b>", 3, 'st-done" onload="x'), ("y", 0, "st-overdue")], "a & <b>")
    line = svg.line_chart([(dt.date(2026, 1, 5), 1.5), (dt.date(2026, 3, 1), 1500)], "<script>", "%")
    assert "<script>" not in line and "từ 1,5% ngày 05/01/2026 đến 1.500% ngày 01/3/2026" in line
    flat = svg.line_chart([(dt.date(2026, 1, 5), 2), (dt.date(2026, 1, 6), 2)], "n", None)
    assert flat.count("<circle") == 2  # one value repeated still draws
