"""Load a whole data root: plan/, units/, progress/ → models plus per-file problems."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from kehoach.gcpause import no_gc
from kehoach.layout import PLAN_DIR, PROGRESS_DIR, READ_DIRS, SUFFIX, UNITS_DIR
from kehoach.layout import PLAN_FILE as PLAN_FILE  # also imported from here (check/assignment.py)
from kehoach.layout import TASKS_FILE as TASKS_FILE
from kehoach.load.entries import Loaded, load_entries, split_yaml
from kehoach.load.files import load_from
from kehoach.load.placement import stray_problems, unit_file_problem
from kehoach.load.source import DiskSource, Source
from kehoach.load.yamlsafe import locate
from kehoach.model.entry import Entry
from kehoach.model.plan import Appendix, Plan
from kehoach.model.unit import Unit
from kehoach.problems import Problem, make


@dataclass
class LoadedEntry:
    rel: str
    entry: Entry


@dataclass
class DataRoot:
    root: Path
    source: Source  # where the files are read (load/source.py: the folder `root`, or git's blobs)
    plan: Plan | None = None
    appendix: Appendix | None = None
    units: dict[str, Unit] = field(default_factory=dict)
    unit_files: dict[str, str] = field(default_factory=dict)  # code -> rel path
    broken_units: set[str] = field(default_factory=set)  # units/<code>.yaml that failed to load
    entries: list[LoadedEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    pending: dict[str, str] = field(default_factory=dict)  # rel -> text not (yet) on disk

    def text_of(self, rel: str) -> str:
        """The text of a loaded file (or one not yet written), to point at its lines."""
        if rel in self.pending:
            return self.pending[rel]
        data, _ = self.source.data(rel)
        return (data or b"").decode("utf-8", errors="replace")


class CleanRoot(DataRoot):
    """A root whose plan and appendix loaded: every validated root (what `load_clean` returns),
    and a review's revisions once checked. The same fields as DataRoot, narrowed for the type
    checker; built only by `clean`."""

    plan: Plan
    appendix: Appendix


def clean(dr: DataRoot) -> CleanRoot:
    """`dr` as a CleanRoot (sharing its data); callers check first, or validation did (KH039)."""
    if dr.plan is None or dr.appendix is None:
        raise AssertionError("a root without its plan or appendix")
    return CleanRoot(**{f.name: getattr(dr, f.name) for f in fields(dr)})


def rel_of(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def load_root(
    root: Path, jobs: int | None = None, source: Source | None = None, known: Mapping[str, Loaded] | None = None
) -> DataRoot:
    """Every file of the root, read and typed; `jobs` processes (default: the CPUs). The
    files are read from `source` when given (git's objects, for a review), else from `root`;
    entries in `known` (same path, same content: see `unchanged`) are not read again."""
    with no_gc():
        return _load_root(root, jobs, source or DiskSource(root), known)


def unchanged(before: DataRoot, same: Callable[[str], bool]) -> dict[str, Loaded]:
    """What loading gave for each entry file of `before` whose content `same` says is unchanged."""
    entries = {le.rel: le.entry for le in before.entries}
    problems: dict[str, list[Problem]] = {}
    for p in before.problems:  # (only what loading found: the rules across files run later)
        problems.setdefault(p.path, []).append(p)
    return {
        rel: (entries.get(rel), problems.get(rel, []))
        for rel in before.files
        if rel.startswith(f"{PROGRESS_DIR}/") and (rel in entries or rel in problems) and same(rel)
    }


def _load_root(root: Path, jobs: int | None, source: Source, known: Mapping[str, Loaded] | None) -> DataRoot:
    dr = DataRoot(root=root, source=source)
    listings = {top: source.scan(top) for top in READ_DIRS}  # nothing is followed (load/tree.py)
    refused: set[str] = set()
    for listing in listings.values():
        dr.problems.extend(listing.problems)
        refused.update(p.path for p in listing.problems)
    plan_files = set(listings[PLAN_DIR].files)
    for rel, model, attr in ((PLAN_FILE, Plan, "plan"), (TASKS_FILE, Appendix, "appendix")):
        if rel not in plan_files:
            if rel not in refused and PLAN_DIR not in refused:
                dr.problems.append(make("KH039", rel, 1, 1, f"thiếu tệp {rel}; dữ liệu Kế hoạch phải có tệp này."))
            continue
        dr.files.append(rel)
        value, _, problems = load_from(source, rel, model)
        setattr(dr, attr, value)
        dr.problems.extend(problems)
    for rel in listings[UNITS_DIR].files:
        name = rel.rsplit("/", 1)[-1]
        if not name.endswith(SUFFIX) or name == SUFFIX:  # (Path.suffix of ".yaml" is "")
            dr.problems.append(unit_file_problem(rel))
            continue
        dr.files.append(rel)
        unit, text, problems = load_from(source, rel, Unit)
        dr.problems.extend(problems)
        if unit is None or text is None:  # (text is None only when unit is)
            dr.broken_units.add(name.removesuffix(SUFFIX))  # its own problem is reported; don't echo it everywhere
        else:
            if unit.code in dr.units:
                line, col = locate(text, ("code",))
                dr.problems.append(
                    make(
                        "KH036",
                        rel,
                        line,
                        col,
                        f"mã đơn vị `{unit.code}` đã dùng ở {dr.unit_files[unit.code]}; hãy đặt mã khác.",
                    )
                )
                continue
            dr.units[unit.code] = unit
            dr.unit_files[unit.code] = rel
    yamls, others = split_yaml(listings[PROGRESS_DIR].files)
    taken = set(yamls)
    unit_names = set(dr.units) | dr.broken_units
    dr.problems.extend(stray_problems(source, others, taken, unit_names))
    dr.files.extend(yamls)
    for rel, (entry, problems) in zip(yamls, load_entries(source, yamls, jobs, known), strict=False):
        dr.problems.extend(problems)
        if entry is not None:
            dr.entries.append(LoadedEntry(rel, entry))
    return dr
