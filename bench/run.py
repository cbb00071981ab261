"""Benchmark kehoach against its references, as subprocesses, in one run (`make bench`).

Every measurement runs `--reps` times, interleaved so that a busy moment of a
shared machine hits all of them alike; the table shows medians, each as a ratio
to its reference, with the peak resident memory of the process tree (wait4).

    python bench/run.py --n 50000 [--reps 5]

Targets (issue 6): validate <= 1.5x the floor (parsing the same files with
PyYAML's C loader and nothing else), `kehoach --help` <= 1.5x `import typer`,
a year's report <= 2x validate, peak RSS <= 400 MB, a 1,000-entry root
validated in under 0.5 s, import-xlsx of a 1,000-row form and the forms
of every unit each under 2 s; (issue 10) `kehoach review` of a change adding all N
entries <= 2x validate of the same tree (and, shown without a target, the everyday case: a
change adding one entry to a tree of N); the static site
(issue 13) <= 3x validate. A missed target is reported, not an
error: exit 0.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py, next to this file)
import xlsx  # noqa: E402  (bench/xlsx.py: Excel forms, issue 12)

from kehoach.layout import ENTRY_NAME  # noqa: E402

PY = sys.executable
KEHOACH = str(Path(sys.executable).with_name("kehoach"))
MAX_RSS_MB = 400

FLOOR = """
import os, sys, yaml
n = 0
for d, _, names in os.walk(os.path.join(sys.argv[1], "progress")):
    for name in names:
        with open(os.path.join(d, name), "rb") as f:
            yaml.load(f.read(), Loader=yaml.CSafeLoader)
        n += 1
assert n == int(sys.argv[2]), n
"""


@dataclass
class Measure:
    name: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    rss_mb: float = 0.0
    failed: str | None = None
    missing: bool = False  # the command does not exist (yet)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def run_once(argv: list[str], timeout: float) -> tuple[float, float, int, bytes]:
    """(wall seconds, peak RSS MB of the process tree, exit code, stderr); killed after `timeout`."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    )
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)  # rusage of the child and its children
    elapsed = time.perf_counter() - start
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, err


def ensure_root(out: Path, n: int, seed: int) -> Path:
    """Generate the root once per (n, seed, generator version); reuse it afterwards."""
    dest = out / f"root-{n}"
    stamp = dest / ".bench-stamp"
    want = f"{n} {seed} {hashlib.sha256((HERE / 'generate.py').read_bytes()).hexdigest()[:16]}"
    if not (stamp.is_file() and stamp.read_text() == want):
        print(f"generating {n} entries in {dest} …", flush=True)
        generate.generate(dest, n, seed)
        stamp.write_text(want)
    return dest


def ensure_repo(root: Path) -> None:
    """Make the generated root a git repository of two commits: `bench-base` (plan/, units/)
    and HEAD (+ every progress entry), so review sees N new entries. Redone when regenerated."""
    stamp = root / ".bench-git-stamp"
    want = (root / ".bench-stamp").read_text() + " bench-one"
    if stamp.is_file() and stamp.read_text() == want and (root / ".git").is_dir():
        return
    print(f"committing {root} to git …", flush=True)
    shutil.rmtree(root / ".git", ignore_errors=True)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-C", str(root)]
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "plan", "units"],
        ["commit", "-q", "-m", "Kế hoạch và đơn vị"],
        ["tag", "-f", "bench-base"],
        ["add", "progress"],
        ["commit", "-q", "-m", "Mục tiến độ"],
        ["branch", "-f", "bench-one"],
    ):
        subprocess.run([*git, *args], check=True, stdout=subprocess.DEVNULL)
    # bench-one: main + one more entry, the everyday pull request on a full tree
    subprocess.run([*git, "checkout", "-q", "bench-one"], check=True)
    added = one_more_entry(root)
    for args in (["add", added], ["commit", "-q", "-m", "Một mục mới"], ["checkout", "-q", "main"]):
        subprocess.run([*git, *args], check=True, stdout=subprocess.DEVNULL)
    stamp.write_text(want)


def one_more_entry(root: Path) -> str:
    """Write a copy of the last entry of the first unit under the next free name of its day
    and task (summary marked), and return its path from the root."""
    folder = sorted(p for p in (root / "progress").iterdir() if p.is_dir())[0]
    last = sorted(folder.glob("*.yaml"))[-1]
    name = ENTRY_NAME.match(last.name)
    assert name is not None, last
    stem = f"{name['date']}-{name['task']}"
    n = 2
    while (folder / f"{stem}-{n}.yaml").exists():
        n += 1
    text = last.read_text(encoding="utf-8").replace('\nsummary: "', '\nsummary: "(bổ sung) ', 1)
    (folder / f"{stem}-{n}.yaml").write_text(text, encoding="utf-8")
    return (folder / f"{stem}-{n}.yaml").relative_to(root).as_posix()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=50000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--seed", type=int, default=247)
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--timeout", type=float, default=180, help="seconds before a run counts as failed")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    big = ensure_root(args.out, args.n, args.seed)
    small = ensure_root(args.out, 1000, args.seed)
    ensure_repo(big)
    docx = args.out / "bao-cao-2026.docx"
    on = ["--root", str(big)]
    m = {
        "floor": Measure("floor: CSafeLoader parse", [PY, "-c", FLOOR, str(big), str(args.n)]),
        "validate": Measure("kehoach validate", [KEHOACH, *on, "validate"]),
        "status": Measure(
            "kehoach status --format json", [KEHOACH, *on, "status", "--year", "2026", "--format", "json"]
        ),
        "report": Measure("kehoach report", [KEHOACH, *on, "report", "--year", "2026", "-o", str(docx)]),
        "review": Measure(
            "kehoach review (N new entries)",
            [KEHOACH, *on, "review", "bench-base", "main", "-o", str(args.out / "review.md")],
        ),
        "review1": Measure(
            "kehoach review (1 new entry on N)",
            [KEHOACH, *on, "review", "main", "bench-one", "-o", str(args.out / "review-1.md")],
        ),
        "site": Measure(
            "kehoach site",
            [KEHOACH, *on, "site", "--year", "2026", "--as-of", "2026-11-20", "-o", str(args.out / "site")],
        ),
        "typer": Measure("import typer", [PY, "-c", "import typer"]),
        "help": Measure("kehoach --help", [KEHOACH, "--help"]),
        "small": Measure("validate, 1,000 entries", [KEHOACH, "--root", str(small), "validate"]),
    }
    m.update({key: Measure(name, argv) for key, (name, argv) in xlsx.argvs(args.out, KEHOACH).items()})
    for item in m.values():  # warm-up: page cache, .pyc files; also finds what fails
        elapsed, rss, code, err = run_once(item.argv, args.timeout)
        if elapsed >= args.timeout:
            item.failed = f"timed out: still running after {args.timeout:.0f} s (peak {rss:.0f} MB so far)"
        elif code != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            item.failed = (lines[-1] if lines else f"exit {code}")[:120]
            item.missing = b"No such command" in err or "Không có lệnh".encode() in err
        print(f"  warm-up {item.name}: {elapsed:.2f} s{'' if not item.failed else ' — ' + item.failed}", flush=True)
    for rep in range(args.reps):
        print(f"repetition {rep + 1}/{args.reps}", flush=True)
        for item in m.values():
            if item.failed:
                continue
            elapsed, rss, code, _ = run_once(item.argv, args.timeout)
            item.times.append(elapsed)
            item.rss_mb = max(item.rss_mb, rss)
    return report(m, args)


def report(m: dict[str, Measure], args) -> int:
    rows, missed = [], []

    def row(key: str, ref: str | None = None, ratio_max: float | None = None, seconds_max: float | None = None) -> None:
        item = m[key]
        if item.failed:
            if item.missing:
                rows.append((item.name, "n/a", "", "", "n/a", ""))
                print(f"note: `{item.name}` is not available ({item.failed}); shown as n/a.")
            else:
                rows.append((item.name, "failed", "", "", "NOT MET", ""))
                missed.append(f"{item.name}: {item.failed}")
            return
        is_ref = key in ("floor", "typer")
        checks, targets = [], []
        ratio_txt = "reference" if is_ref else ""
        if ref is not None and not m[ref].failed:
            ratio = item.median / m[ref].median
            ratio_txt = f"{ratio:.2f}x {ref}"
            if ratio_max is not None:
                checks.append(ratio <= ratio_max)
                targets.append(f"<= {ratio_max}x {ref}")
        if seconds_max is not None:
            checks.append(item.median < seconds_max)
            targets.append(f"< {seconds_max} s")
        if not is_ref:
            checks.append(item.rss_mb <= MAX_RSS_MB)
            targets.append(f"RSS <= {MAX_RSS_MB} MB")
        verdict = "" if is_ref else ("met" if all(checks) else "NOT MET")
        if verdict == "NOT MET":
            missed.append(item.name)
        rows.append((item.name, f"{item.median:.3f}", ratio_txt, ", ".join(targets), verdict, f"{item.rss_mb:.0f}"))

    row("floor")
    row("validate", "floor", 1.5)
    row("status", "validate")
    row("report", "validate", 2.0)
    row("review", "validate", 2.0)
    row("review1", "validate")
    row("site", "validate", 3.0)
    row("typer")
    row("help", "typer", 1.5)
    row("small", seconds_max=0.5)
    row("xlsx_import", seconds_max=2.0)
    row("xlsx_forms", seconds_max=2.0)
    head = ("measurement", "median s", "ratio", "target", "met", "peak MB")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]

    def line(r) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=False)) + " |"

    print(
        f"\nN = {args.n:,} entries, {args.reps} repetitions (medians), {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f} at the end"
    )
    print(line(head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    print("\nTARGETS NOT MET: " + "; ".join(missed) if missed else "\nAll targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
