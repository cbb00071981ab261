"""`kehoach plan`: the appendix as a terminal table or JSON (and, with -o, the plan as .docx)."""

from __future__ import annotations

from typing import Any

from kehoach.load.root import CleanRoot


def as_data(dr: CleanRoot) -> dict[str, Any]:
    """The plan's units and tasks as plain data (the JSON contract of `kehoach plan --format json`)."""
    units = [
        {"code": u.code, "name": u.name, "kind": u.kind, "short_name": u.short_name}
        for u in sorted(dr.units.values(), key=lambda u: u.code)
    ]
    tasks: list[dict[str, Any]] = []
    for chain, t in dr.appendix.walk():
        tl = t.timeline
        tasks.append(
            {
                "id": t.id,
                "group": ".".join(g.id for g in chain),
                "content": t.content,
                "lead": list(t.lead),
                "coordinating": list(t.coordinating),
                "timeline": {"start": tl.start, "end": tl.end, "continuing": tl.continuing, "text": tl.text},
                "output": t.output,
                "note": t.note,
            }
        )
    return {"units": units, "tasks": tasks}
