"""Write a valid synthetic data root of N progress entries, for benchmarks and tests.

The real plan/ and units/ are copied from the repository root; every entry is
assigned to a unit allowed on its task (a lead, a named coordinator, or any
internal unit when the task has the generic coordinator), dated between
2025-12-15 and 2026-11-27, NFC Vietnamese text. Deterministic for a seed.

    python bench/generate.py --n 50000 bench/out/root-50000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import unicodedata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
HEADER = "# DỮ LIỆU TỔNG HỢP CHO ĐO HIỆU NĂNG (hư cấu)\n"
GENERIC = "Các cơ quan, đơn vị, địa phương có liên quan"
FIRST_DAY = dt.date(2025, 12, 15)
LAST_DAY = dt.date(2026, 11, 27)

_VERBS = [
    "Đã rà soát",
    "Đang triển khai",
    "Đã tổ chức",
    "Đã hoàn thành",
    "Tiếp tục theo dõi",
    "Đã phối hợp kiểm tra",
    "Đang xây dựng dự thảo",
    "Đã tổng hợp",
    "Đã khảo sát",
    "Đã hướng dẫn",
]
_OBJECTS = [
    "hiện trạng thu gom chất thải rắn sinh hoạt",
    "mạng lưới quan trắc môi trường tự động",
    "các cơ sở sản xuất có nguy cơ gây ô nhiễm",
    "kế hoạch ứng phó với biến đổi khí hậu",
    "hồ sơ cấp giấy phép môi trường",
    "hệ thống xử lý nước thải cụm công nghiệp",
    "công tác phân loại rác tại nguồn",
    "dữ liệu kiểm kê khí nhà kính",
    "bãi chôn lấp đã ngừng hoạt động",
    "việc sử dụng thuốc bảo vệ thực vật",
]
_PLACES = [
    "tại huyện Hải Lăng",
    "trên địa bàn thành phố Đông Hà",
    "tại thị xã Quảng Trị",
    "ở các xã ven biển",
    "tại khu kinh tế Đông Nam",
    "trên toàn tỉnh",
    "tại huyện Vĩnh Linh",
    "ở vùng đồi núi phía Tây",
]
_TAILS = [
    "theo đúng tiến độ đề ra",
    "và đề xuất giải pháp khắc phục",
    "với sự tham gia của địa phương",
    "phục vụ báo cáo Ủy ban nhân dân tỉnh",
    "và cập nhật vào cơ sở dữ liệu chung",
]
_DIFFICULTIES = [
    "Kinh phí bố trí còn hạn chế so với nhu cầu thực tế.",
    "Thiết bị quan trắc đã xuống cấp, thường xuyên gián đoạn truyền dữ liệu.",
    "Nhân lực chuyên môn còn thiếu, nhiều cán bộ kiêm nhiệm.",
    "Số liệu từ các địa phương gửi về chậm và chưa đồng bộ.",
]
_PROPOSALS = [
    "Đề nghị Ủy ban nhân dân tỉnh bố trí bổ sung kinh phí trong năm.",
    "Đề nghị các địa phương cử đầu mối phối hợp cung cấp số liệu.",
    "Đề nghị tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã.",
]
_KINDS = [("Báo cáo", "BC"), ("Kế hoạch", "KH"), ("Quyết định", "QĐ"), ("Tờ trình", "TTr"), ("Công văn", "CV")]
_INDICATORS = [
    ("Tỷ lệ chất thải rắn sinh hoạt được thu gom", "%"),
    ("Số trạm quan trắc tự động", "trạm"),
    ("Số cơ sở được kiểm tra", "cơ sở"),
    ("Lượng chất thải được xử lý", "tấn"),
    ("Số lớp tập huấn đã tổ chức", None),
]
_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
_GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thị Hạnh", "Đức Khánh", "Thu Lan", "Hữu Phước"]


def _q(text: str) -> str:
    """A double-quoted YAML scalar (our texts have no quotes or backslashes)."""
    return '"' + unicodedata.normalize("NFC", text) + '"'


def _allowed(tasks: list[dict], units: dict[str, dict]) -> list[tuple[str, str]]:
    """Every (task id, unit code) pair the plan allows (see check/entry_rules._assigned)."""
    internal = sorted(c for c, u in units.items() if u["kind"] != "external")
    pairs = []
    for t in tasks:
        allowed = set(t["lead"]) | {c for c in t.get("coordinating", []) if c in units}
        if GENERIC in t.get("coordinating", []):
            allowed |= set(internal)
        pairs += [(t["id"], u) for u in sorted(allowed)]
    return pairs


def _walk(groups: list[dict]):
    for g in groups:
        yield from g.get("tasks", [])
        yield from _walk(g.get("groups", []))


def _entry_text(rng: random.Random, task: str, unit: str, day: dt.date, corrects: str | None) -> str:
    status = rng.choices(["not_started", "in_progress", "done"], weights=[1, 6, 3])[0]
    lines = [
        HEADER,
        f'task: "{task}"\n',
        f'unit: "{unit}"\n',
        f"date: {day.isoformat()}\n",
        f'status: "{status}"\n',
        f"summary: {_q(f'{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_PLACES)}, {rng.choice(_TAILS)}.')}\n",
    ]
    if rng.random() < 0.3:
        lines.append("outputs:\n")
        for _ in range(rng.randint(1, 2)):
            kind, code = rng.choice(_KINDS)
            issued = day - dt.timedelta(days=rng.randint(0, 5))
            lines += [
                f"  - kind: {_q(kind)}\n",
                f'    number: "{rng.randint(1, 999)}/{code}-SNNMT"\n',
                f"    date: {max(issued, FIRST_DAY).isoformat()}\n",
                f"    title: {_q(f'{kind} về {rng.choice(_OBJECTS)} {rng.choice(_PLACES)}')}\n",
            ]
    if rng.random() < 0.25:
        lines.append("indicators:\n")
        name, unit_name = rng.choice(_INDICATORS)
        value = rng.randint(0, 500) if rng.random() < 0.5 else round(rng.uniform(0, 100), 1)
        lines += [f"  - name: {_q(name)}\n", f"    value: {value}\n"]
        if unit_name:
            lines.append(f"    unit: {_q(unit_name)}\n")
    if rng.random() < 0.2:
        lines.append(f"difficulties: {_q(rng.choice(_DIFFICULTIES))}\n")
    if rng.random() < 0.15:
        lines.append(f"proposals: {_q(rng.choice(_PROPOSALS))}\n")
    if corrects:
        lines.append(f'corrects: "{corrects}"\n')
    lines.append(f"author: {_q(f'{rng.choice(_SURNAMES)} {rng.choice(_GIVEN)}')}\n")
    return "".join(lines)


def generate(dest: Path, n: int, seed: int = 247) -> Path:
    """Write the data root into `dest` (replacing its plan/, units/, progress/); return dest."""
    dest = Path(dest)
    for sub in ("plan", "units", "progress"):
        shutil.rmtree(dest / sub, ignore_errors=True)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "plan", dest / "plan")
    shutil.copytree(REPO / "units", dest / "units")
    units = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((dest / "units").glob("*.yaml"))}
    tasks = list(_walk(yaml.safe_load((dest / "plan" / "tasks.yaml").read_text(encoding="utf-8"))["groups"]))
    pairs = _allowed(tasks, units)
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    used: set[str] = set()
    last_of: dict[tuple[str, str], tuple[dt.date, str]] = {}
    made_dirs: set[str] = set()
    for _ in range(n):
        task, unit = rng.choice(pairs)
        day = FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        stem = f"progress/{unit}/{day.isoformat()}-{task}"
        rel, k = f"{stem}.yaml", 1
        while rel in used:
            k += 1
            rel = f"{stem}-{k}.yaml"
        used.add(rel)
        prev = last_of.get((task, unit))
        corrects = prev[1] if prev and prev[0] <= day and rng.random() < 0.01 else None
        if prev is None or prev[0] <= day:
            last_of[(task, unit)] = (day, rel)
        if unit not in made_dirs:
            (dest / "progress" / unit).mkdir(parents=True, exist_ok=True)
            made_dirs.add(unit)
        (dest / rel).write_text(_entry_text(rng, task, unit, day, corrects), encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=247)
    args = ap.parse_args(argv)
    generate(args.dest, args.n, args.seed)
    print(f"wrote {args.n} entries under {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
