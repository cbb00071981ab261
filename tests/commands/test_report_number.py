"""`--number`: digits only, 1–9999; anything else is a usage error (raised by the command layer)."""

from __future__ import annotations

import pytest

from kehoach.commands.report import parse_number
from kehoach.errors import UsageError


@pytest.mark.parametrize("text, n", [("5", 5), ("05", 5), (" 12 ", 12), (None, None)])
def test_parse_number(text, n):
    assert parse_number(text) == n


@pytest.mark.parametrize("bad", ["abc", "5a", "0", "-1", "٥", "", "10000"])
def test_parse_number_refuses(bad):
    with pytest.raises(UsageError):
        parse_number(bad)
