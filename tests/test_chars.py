"""The one definition of refused and escaped characters (kehoach.chars)."""

from __future__ import annotations

import json
import re
import sys
import unicodedata

from kehoach import chars


def test_format_class_is_every_cf_character_of_this_python():
    refused = re.compile(chars.REFUSED)
    missing = [
        f"U+{cp:04X}"
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) == "Cf" and not refused.match(chr(cp))
    ]
    assert missing == []


def test_terminal_escapes_controls_and_bidi_but_keeps_vietnamese():
    text = "Phòng Quản lý\x1b[2J\u202eđảo\x9b\u200b\ttab\nxuống dòng"
    shown = chars.for_terminal(text)
    assert shown == "Phòng Quản lý\\x1b[2JU+202Eđảo\\x9bU+200B\ttab\nxuống dòng"
    assert chars.for_terminal(text, line=True).count("\n") == 0


def test_json_keeps_data_exact_and_writes_unsafe_characters_as_escapes():
    value = {"tên": "a\u202eb\x85c\x1bd\U000e0041"}
    out = chars.json_text(value)
    assert not re.search(chars.REFUSED, out)
    assert json.loads(out) == value


def test_fast_scan_finds_exactly_what_the_exact_class_finds():
    exact = re.compile(chars.REFUSED)
    samples = [
        "Đã xong 😀 𝐀 văn bản",
        "a😀b\U000e0041c",
        "x\U0001d173",
        "sạch",
        "\u00a0nbsp",
        "a\rb",
        "😀" * 50 + "\u202e",
    ]
    for s in samples:
        fast, want = chars.find_refused(s), exact.search(s)
        assert (fast and fast.start()) == (want and want.start()), s
    assert chars.find_refused("a\rb") is None and chars.find_refused("a\rb", cr=True).start() == 1
