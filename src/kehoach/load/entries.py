"""Find and read progress entries fast: one directory walk, both cores when there are many.

Results are exactly those of reading each file in order with `load_model`:
same instances, same problems, same order. Only the work is split when
there are many files:
- worker processes (forked, so nothing is re-imported) read, check and parse
  slices of the files and send back plain values or the problem;
- this process validates every value with the model, in file order, as the
  slices arrive. A file that fails validation is read again to point at its
  lines, as the positions are only needed then.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kehoach.layout import IGNORED_NAMES as IGNORED_NAMES
from kehoach.layout import PROGRESS_DIR
from kehoach.load.files import parse_mapping
from kehoach.load.placement import classify
from kehoach.load.schema_errors import problems_from
from kehoach.load.source import Source
from kehoach.load.tree import scan
from kehoach.load.yamlsafe import SOFT_CODES, every_problem
from kehoach.model.entry import Entry
from kehoach.problems import Problem

POOL_THRESHOLD = 2000
"""Below this many entry files, one process is faster than forking a worker."""

SLICE = 500
"""Files per task sent to a worker: small enough to balance a busy machine."""

__all__ = ["IGNORED_NAMES", "entry_rels", "load_entries", "split_yaml"]


def split_yaml(files: list[str]) -> tuple[list[str], list[str]]:
    """(YAML entry files, stray files) of a listing under progress/, order kept (load/placement.py decides)."""
    yamls: list[str] = []
    others: list[str] = []
    for rel in files:
        kind = classify(rel.rsplit("/", 1)[-1])
        if kind != "ignored":
            (yamls if kind == "entry" else others).append(rel)
    return yamls, others


def entry_rels(root: Path) -> tuple[list[str], list[str]]:
    """(YAML entry files, stray files) under progress/ as root-relative POSIX paths, in
    the order `sorted(Path.rglob("*"))` gives them (component by component).
    What is not a regular file is not listed (see load/tree.py)."""
    return split_yaml(scan(root, PROGRESS_DIR).files)


_WORKER_SOURCE: Source | None = None
"""The source being read, set before worker processes are forked so that they inherit it
(a mapping of git blobs is never copied through a pipe)."""


def parse_one(source: Source, rel: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """A file's values before the model, or the problem that stops reading it."""
    text, problem = source.read_text(rel)
    if problem or text is None:
        return None, problem
    return parse_mapping(text, rel)


def _parse_slice(rels: list[str]) -> list[tuple[dict[str, Any] | None, Problem | None]]:
    source = _WORKER_SOURCE
    if source is None:  # pragma: no cover - set before every pool is made
        raise AssertionError("no source in the worker")
    return [parse_one(source, rel) for rel in rels]


Loaded = tuple[Entry | None, list[Problem]]
"""What reading one entry file gives: the entry, or None and the problems that stop it."""


def load_entries(
    source: Source, rels: list[str], jobs: int | None = None, known: Mapping[str, Loaded] | None = None
) -> list[Loaded]:
    """(entry or None, problems) for each file of `rels`, in order. `known`: results already
    had for files of the very same path and content (a review's unchanged entries)."""
    if not known:
        return _load(source, rels, jobs)
    fresh = iter(_load(source, [rel for rel in rels if rel not in known], jobs))
    return [known[rel] if rel in known else next(fresh) for rel in rels]


def _load(source: Source, rels: list[str], jobs: int | None) -> list[Loaded]:
    out: list[Loaded] = []
    validate = Entry.model_validate
    for rel, (data, problem) in zip(rels, _parse_all(source, rels, jobs), strict=False):
        if problem is not None:
            if problem.code in SOFT_CODES:  # rare: read again to report every such problem
                text, _ = source.read_text(rel)
                out.append((None, every_problem(text or "", rel, problem)))
            else:
                out.append((None, [problem]))
            continue
        try:
            out.append((validate(data), []))
        except ValidationError as exc:
            text, _ = source.read_text(rel)
            out.append((None, problems_from(exc, text or "", rel, Entry)))
    return out


def _parse_all(
    source: Source, rels: list[str], jobs: int | None
) -> Iterator[tuple[dict[str, Any] | None, Problem | None]]:
    """Parsed files in order; with several jobs, workers parse slices while this
    process validates the slices already done (imap keeps the order)."""
    global _WORKER_SOURCE
    if len(rels) < POOL_THRESHOLD or (jobs := _jobs() if jobs is None else jobs) < 2 or not _can_fork():
        for rel in rels:
            yield parse_one(source, rel)
        return
    import multiprocessing

    slices = [rels[i : i + SLICE] for i in range(0, len(rels), SLICE)]
    _WORKER_SOURCE = source
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for part in pool.imap(_parse_slice, slices, chunksize=1):
                yield from part
    finally:
        _WORKER_SOURCE = None


def _jobs() -> int:
    """Processes to use: KEHOACH_JOBS if set, else the CPUs this process may run on."""
    env = os.environ.get("KEHOACH_JOBS")
    if env and env.isdigit():
        return max(1, int(env))
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    return n if _can_fork() else 1


def _can_fork() -> bool:
    """Workers are forked (nothing re-imported); where there is no fork (Windows) one process reads all."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
