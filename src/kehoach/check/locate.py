"""Point a cross-file problem at the line of the offending key in its file."""

from __future__ import annotations

from kehoach.load.root import DataRoot
from kehoach.load.yamlsafe import Loc, locate
from kehoach.problems import Problem, make


def at(dr: DataRoot, rel: str, loc: Loc, code: str, message: str, *, key: bool = False) -> Problem:
    line, col = locate(dr.text_of(rel), loc, key=key)
    return make(code, rel, line, col, message)
