"""The fast path types values exactly as YAML 1.2 core, and the parallel load changes nothing.

1. Property: for generated scalars and small mappings, `yamlsafe.load` either
   refuses the text or gives the same Python values as ruamel.yaml's YAML 1.2
   loader (dates kept as their ISO text, as the model types them later) — and it
   accepts a real share of the inputs (a loader refusing everything would pass).
2. A root with deliberate errors gives the same files, entries and problems
   (codes, lines, columns, order) in one process, with the worker pool, and
   file by file through `load_model` (the original per-file path).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from kehoach.load import entries as entries_mod
from kehoach.load.files import load_model
from kehoach.load.root import load_root
from kehoach.load.yamlsafe import load
from kehoach.model.entry import Entry
from tests.conftest import EXAMPLES, write

# --- 1. typing property --------------------------------------------------------

_REF = YAML(typ="safe", pure=True)
_REF.version = (1, 2)


# The core schema's float, verbatim from the YAML 1.2.2 specification (10.3.2).
_SPEC_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def reference(text: str):
    """ruamel.yaml's YAML 1.2 reading, or raise if it refuses the text."""
    return _REF.load(io.StringIO(text))


def _core(value, source):
    """ruamel's result as YAML 1.2 *core* typing, which our loader follows.

    ruamel's own departures from the core schema (YAML 1.2.2, 10.3.2) are undone:
    it reads digits with underscores (`1_000`) as numbers, which core leaves as
    text; it leaves `.5e3` as text, which core reads as a float; and dates and
    timestamps become date objects, while our loader keeps the text (the model
    types dates later)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return source
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "_" in source:
        return source
    if isinstance(value, str) and _SPEC_FLOAT.fullmatch(source):
        return float(source)
    return value


def same(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=False))
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


_BOOLISH = [
    "yes",
    "Yes",
    "YES",
    "no",
    "No",
    "NO",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "OFF",
    "y",
    "Y",
    "n",
    "N",
    "true",
    "True",
    "TRUE",
    "false",
    "False",
    "FALSE",
    "tRUE",
    "fAlse",
]
_NULLS = ["", "~", "null", "Null", "NULL", "nULL"]
_SPECIAL = [".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.Inf", ".nan", ".NaN", ".NAN", ".Nan", "inf", "nan"]
_LETTERS = "abcxyzĐđàáảãạăằắẳẵặâầấẩẫậêệôộơớưừ AZ0123456789-_.:+/eE"

ints = st.from_regex(r"\A[-+]?[0-9]{1,7}\Z")  # with and without leading zeros
floats = st.from_regex(r"\A[-+]?([0-9]{0,4}\.[0-9]{0,4}|[0-9]{1,4})([eE][-+]?[0-9]{1,3})?\Z")
radix = st.from_regex(r"\A[-+]?0[xXobO][0-9a-fA-F_]{1,5}\Z")
sexagesimal = st.from_regex(r"\A[-+]?[0-9]{1,3}(:[0-5]?[0-9]){1,3}(\.[0-9]{0,3})?\Z")
dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).flatmap(
    lambda d: st.sampled_from(
        [
            d.isoformat(),
            f"{d.year}-{d.month}-{d.day}",
            f"{d.isoformat()} 10:30:00",
            f"{d.isoformat()}T08:00:00Z",
            f"{d.isoformat()}t08:00:00.5+07:00",
            d.strftime("%d/%m/%Y"),
        ]
    )
)
words = st.text(alphabet=_LETTERS, min_size=1, max_size=14)
scalar_text = st.one_of(ints, floats, radix, sexagesimal, dates, words, st.sampled_from(_BOOLISH + _NULLS + _SPECIAL))


def render(value: str, style: str) -> str:
    if style == "double":
        return json.dumps(value, ensure_ascii=False)
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return value


styled = st.tuples(scalar_text, st.sampled_from(["plain", "plain", "plain", "single", "double"]))


def check(text: str, expected_sources: list[tuple[str, str]]) -> bool:
    """True if we accepted the text (then with YAML 1.2 core's values), False if we refused it."""
    ours, problem = load(text, "x.yaml")
    if problem is not None:
        return False  # refused: allowed (ambiguous, syntax, …), the user is told to quote
    try:
        ref = reference(text)
    except Exception as exc:
        pytest.fail(f"we accepted {text!r} as {ours!r}, YAML 1.2 refuses it: {exc}")
    assert isinstance(ref, dict) and isinstance(ours, dict), (text, ours, ref)
    want = {
        k: (_core(ref[k], src) if style == "plain" else ref[k])
        for k, (src, style) in zip(ref, expected_sources, strict=False)
    }
    assert same(ours, want), (text, ours, want)
    return True


def _accepted_share(outcomes: list[bool], floor: float) -> None:
    """A loader that refused (nearly) everything would pass the comparison vacuously."""
    assert len(outcomes) >= 100, f"only {len(outcomes)} examples ran"
    share = sum(outcomes) / len(outcomes)
    assert share >= floor, f"only {share:.0%} of {len(outcomes)} generated inputs were accepted"


def test_scalar_same_as_yaml12_core_or_refused():
    outcomes: list[bool] = []

    @settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(styled)
    def prop(item):
        value, style = item
        assume(not (style == "plain" and value.strip() in ("=", "<<")))  # 1.1 value/merge keys, not core types
        outcomes.append(check(f"key: {render(value, style)}\n", [(value, style)]))

    prop()
    _accepted_share(outcomes, 0.4)  # about 60% in practice


def test_small_mapping_same_as_yaml12_core_or_refused():
    outcomes: list[bool] = []

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(st.lists(styled, min_size=1, max_size=6))
    def prop(items):
        assume(not any(style == "plain" and v.strip() in ("=", "<<") for v, style in items))
        text = "".join(f"k{i}: {render(v, style)}\n" for i, (v, style) in enumerate(items))
        outcomes.append(check(text, items))

    prop()
    _accepted_share(outcomes, 0.3)  # about 50% in practice: one refused value refuses the file


@pytest.mark.parametrize(
    "plain,value",
    [
        ("010", None),
        ("0o17", None),
        ("0x1F", None),
        ("1:20", None),
        ("yes", None),
        ("off", None),
        ("10", 10),
        ("-0", 0),
        ("1.10", 1.1),
        (".5e3", 500.0),
        ("1e3", 1000.0),
        ("~", None),
        ("true", True),
        ("2026-05-20", "2026-05-20"),
        ("1_000", "1_000"),
    ],
)
def test_known_cases(plain, value):
    got, problem = load(f"a: {plain}\n", "x.yaml")
    if value is None and plain not in ("~",):
        assert problem is not None and problem.code == "KH012", (plain, got)
    else:
        assert problem is None and same(got["a"], value), (plain, got)


def test_anchor_prefilter_keeps_refusals_and_positions():
    assert load('a: "Bộ NN&MT"\nb: 2*3\n', "x")[1] is None
    assert load("a: &x 1\nb: *x\n", "x")[1].code == "KH010"
    assert load("a: [&x 1, *x]\n", "x")[1].code == "KH010"
    assert load('{"a":&x 1}\n', "x")[1].code == "KH010"
    # several documents where a later one is broken: the syntax error still wins
    text = 'a: "NN&MT"\n---\nb: "x\n'
    assert load(text, "x")[1].code == "KH007"
    assert load('a: "NN MT"\n---\nb: "x\n', "x")[1].code == "KH009"  # no & or *: as before


# --- 2. the parallel load is invisible ------------------------------------------

GOOD = 'task: "I.2"\nunit: "QLMT"\ndate: 2026-05-20\nstatus: "done"\nsummary: "Đã hoàn thành báo cáo điều tra."\n'
BAD = [
    GOOD + 'status: "in_progress"\n',  # KH011
    GOOD.replace('summary: "Đã hoàn thành báo cáo điều tra."', "summary: 12"),  # KH022
    GOOD.replace('unit: "QLMT"', "unit: 010"),  # KH012
    GOOD + 'ghichu: "x"\n',  # KH020
    GOOD.replace('status: "done"\n', ""),  # KH021
    GOOD.replace('task: "I.2"', 'task: "I.9"'),  # KH030
    GOOD.replace("date: 2026-05-20", "date: 2026-02-30"),  # KH025
    GOOD.replace("date: 2026-05-20", "date: 10/11/2026"),  # KH024
    GOOD + "outputs:\n\t- kind: x\n",  # KH006
    "",  # KH008
    "- task: I.2\n",  # KH013
    GOOD + "---\n" + GOOD,  # KH009
    GOOD.replace("Đã hoàn thành", "Đã hoàn thành".replace("à", "a\u0300")),  # KH004
    GOOD.replace("điều tra", "điều\x0btra"),  # KH003
    GOOD + 'difficulties: &a "x"\nproposals: *a\n',  # KH010
    "<<<<<<< HEAD\n" + GOOD + "=======\n" + GOOD + ">>>>>>> nhanh\n",  # KH005
    GOOD + 'author: "chưa đóng\n',  # KH007
    GOOD.replace('summary: "Đã hoàn thành báo cáo điều tra."', "summary: !!binary YWJj"),  # KH014
    GOOD.replace('status: "done"', 'status: "xong"'),  # KH023
    GOOD + 'outputs:\n  - kind: "Báo cáo"\n    date: 2027-01-01\n',  # KH021 (title) + KH035
    GOOD + 'corrects: "progress/QLMT/khong-co.yaml"\n',  # KH041
    GOOD.encode("utf-16-le"),  # KH002
]


@pytest.fixture
def bad_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    shutil.copytree(EXAMPLES, root)
    for i in range(60):  # enough files for several worker slices
        write(
            root,
            f"progress/QLMT/2026-05-{1 + i % 28:02d}-I.2-{i + 2}.yaml",
            GOOD.replace("2026-05-20", f"2026-05-{1 + i % 28:02d}"),
        )
    for i, content in enumerate(BAD):
        write(root, f"progress/QLMT/2026-05-20-I.2-{100 + i}.yaml", content)
    write(root, "progress/TSKN/2026-05-20-I.2.yaml", GOOD.replace('"QLMT"', '"TSKN"'))  # KH032, KH033
    write(root, "progress/QLMT/ghi-chu.txt", "x")  # KH200
    write(root, "progress/A-B/2026-05-20-I.2.yaml", GOOD)  # order: "A-B" vs "A"
    write(root, "progress/A/2026-05-20-I.2.yaml", GOOD)
    write(root, "progress/QLMT/sub/2026-05-20-I.2.yaml", GOOD)
    write(root, "progress/.an.yaml", "a: 1\n")
    if os.name != "nt":  # symlinks need privileges on Windows
        os.symlink(root / "progress" / "A", root / "progress" / "LINK")  # not entered, not listed: KH120
        os.symlink("/khong/co", root / "progress" / "QLMT" / "2026-05-20-I.2-99.yaml")  # KH120
    return root


def _snapshot(dr):
    return dr.files, [(le.rel, le.entry) for le in dr.entries], dr.problems


def test_pool_gives_the_same_root(bad_root, monkeypatch):
    serial = _snapshot(load_root(bad_root, jobs=1))
    monkeypatch.setattr(entries_mod, "POOL_THRESHOLD", 1)
    monkeypatch.setattr(entries_mod, "SLICE", 7)
    pooled = _snapshot(load_root(bad_root, jobs=2))
    assert pooled == serial
    assert len({p.code for p in serial[2]}) >= 15  # the errors really are there


def test_fast_path_equals_per_file_load_model(bad_root):
    dr = load_root(bad_root, jobs=1)
    yamls = [f for f in dr.files if f.startswith("progress/")]
    expected_entries, expected_problems = [], []
    for rel in yamls:
        entry, _, problems = load_model(bad_root / rel, rel, Entry)
        expected_problems += problems
        if entry is not None:
            expected_entries.append((rel, entry))
    assert [(le.rel, le.entry) for le in dr.entries] == expected_entries
    load_problems = [p for p in dr.problems if p.path in set(yamls)]
    assert load_problems == expected_problems


def test_listing_matches_sorted_rglob(bad_root):
    base = bad_root / "progress"
    want_yaml, want_other = [], []
    for p in sorted(base.rglob("*")):
        if p.is_symlink() or p.is_dir() or p.name in {".gitkeep", "README.md", ".DS_Store"}:
            continue  # links are reported (KH120), never listed
        if len(p.relative_to(base).parts) > 2:
            continue  # below a folder where only files belong (KH122): not entered
        (want_yaml if p.suffix == ".yaml" else want_other).append(p.relative_to(bad_root).as_posix())
    assert entries_mod.entry_rels(bad_root) == (want_yaml, want_other)


def test_cli_output_same_with_pool(bad_root, cli, monkeypatch):
    monkeypatch.setenv("KEHOACH_JOBS", "1")
    one = cli(["validate", "--format", "json"], bad_root)
    monkeypatch.setenv("KEHOACH_JOBS", "2")
    monkeypatch.setattr(entries_mod, "POOL_THRESHOLD", 1)
    two = cli(["validate", "--format", "json"], bad_root)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert json.loads(one.stdout)


def test_without_fork_one_process_reads_all(bad_root, monkeypatch):
    """Windows has no fork: many files and two jobs still load, in one process, the same way."""
    import multiprocessing

    serial = _snapshot(load_root(bad_root, jobs=1))
    monkeypatch.setattr(entries_mod, "POOL_THRESHOLD", 1)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", lambda *a: pytest.fail("no worker pool without fork"))
    assert entries_mod._jobs() == 1
    assert _snapshot(load_root(bad_root, jobs=2)) == serial
