"""Rules for units/: each file is named after the code it holds."""

from __future__ import annotations

from kehoach.check.locate import at
from kehoach.layout import unit_file
from kehoach.load.root import DataRoot
from kehoach.problems import Problem


def check_units(dr: DataRoot) -> list[Problem]:
    out = []
    for code, rel in sorted(dr.unit_files.items()):
        if rel != unit_file(code):
            out.append(
                at(
                    dr,
                    rel,
                    ("code",),
                    "KH033",
                    f"tệp của đơn vị `{code}` phải tên là units/{code}.yaml; hãy đổi tên tệp hoặc sửa mã.",
                )
            )
    return out
