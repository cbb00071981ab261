"""The fast writer of new entries gives exactly the text ruamel gives, or steps aside."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach import yamlfmt
from kehoach.model.entry import Entry

TEXT = st.text(
    alphabet=st.sampled_from(list("aăâđêôơư ạảãáàỹ Đ\"\\'#:-|>{}[]&*!%@`,?\n\t\u00a0\u2028\ufeff\x85é0129.")),
    min_size=1,
    max_size=30,
)
DATE = st.one_of(st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat), TEXT)
NUMBER = st.one_of(st.integers(-(10**15), 10**15), st.floats(-1e15, 1e15, allow_nan=False))
OUTPUT = st.fixed_dictionaries({"kind": TEXT, "title": TEXT}, optional={"number": TEXT, "date": DATE})
INDICATOR = st.fixed_dictionaries({"name": TEXT, "value": NUMBER}, optional={"unit": TEXT})
ENTRY = st.fixed_dictionaries(
    {"task": TEXT, "unit": TEXT, "date": DATE, "status": TEXT, "summary": TEXT},
    optional={
        "outputs": st.lists(OUTPUT, min_size=1, max_size=3),
        "indicators": st.lists(INDICATOR, min_size=1, max_size=3),
        "difficulties": TEXT,
        "proposals": TEXT,
        "author": TEXT,
        "corrects": TEXT,
    },
)


def _ruamel(data: dict) -> str:
    return yamlfmt._dump(yamlfmt._canon(yamlfmt._fresh(data), Entry), "#").split("\n", 1)[1]


@settings(max_examples=300, deadline=None)
@given(ENTRY)
def test_fast_text_is_ruamels_text(data):
    fast = yamlfmt._fast_body(data, Entry)
    if fast is not None:
        assert fast == _ruamel(data)


def test_a_usual_entry_takes_the_fast_path():
    data = {
        "task": "II.C.6",
        "unit": "TTBVTV",
        "date": "2026-05-20",
        "status": "in_progress",
        "summary": "Đã thu gom 12 tấn bao gói.\nLắp 40 bể chứa: “đạt” 92,5%.",
        "outputs": [{"kind": "Báo cáo", "number": "45/BC-CCTTBVTV", "date": "2026-05-18", "title": "Kết quả"}],
        "indicators": [{"name": "Tỷ lệ", "value": 92.5, "unit": "%"}, {"name": "Số bể", "value": 40.0}],
        "difficulties": "Thiếu kinh phí # vận chuyển: 'x'",
    }
    fast = yamlfmt._fast_body(data, Entry)
    assert fast is not None and fast == _ruamel(data)


SAFE_TEXT = st.text(
    alphabet=st.sampled_from(list("aăâđêôơư ạảãáàỹ Đ'#:-|>{}[]&*!%@`,?éĐ0129.")), min_size=1, max_size=30
)


@settings(max_examples=200, deadline=None)
@given(st.lists(SAFE_TEXT, min_size=1, max_size=3), NUMBER)
def test_safe_text_always_takes_the_fast_path(lines, value):
    summary = "\n".join(line.strip() or "x" for line in lines)
    data = {"task": "I.1", "unit": "QLMT", "date": "2026-05-20", "status": "done", "summary": summary}
    data["indicators"] = [{"name": lines[0], "value": value}]
    fast = yamlfmt._fast_body(data, Entry)
    assert fast is not None and fast == _ruamel(data)
