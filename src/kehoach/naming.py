"""The order of progress entries, from their file names (the pattern is in layout.py).

Several entries of one unit on one task and day are told apart by the suffix
`-2`, `-3` …; the suffix, not the spelling of the name, says which came later.
"""

from __future__ import annotations

import datetime as dt

from kehoach.layout import ENTRY_NAME as NAME
from kehoach.layout import entry_stem as stem

__all__ = ["NAME", "order", "sequence", "stem"]


def sequence(rel: str) -> int:
    """1 for `…-I.8.yaml`, 2 for `…-I.8-2.yaml`; 1 when the name does not follow the pattern."""
    tail = rel.rpartition("-")[2]  # task ids have no "-": a numeric tail is the suffix
    if not tail.endswith(".yaml") or not tail[:-5].isdigit():
        return 1
    m = NAME.match(rel.rsplit("/", 1)[-1])
    return int(m["n"]) if m and m["n"] else 1


def order(date: dt.date, rel: str) -> tuple[dt.date, int, str]:
    """Oldest first: by date, then by suffix, then by path (for names that break the pattern)."""
    return (date, sequence(rel), rel)
