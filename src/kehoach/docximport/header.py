"""What a document says about itself: issuer, number, place and date, kind and title, basis documents."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kehoach.docximport.notes import Notes

_PARENT = re.compile(r"^(?:UBND|(?:ỦY|UỶ) BAN NHÂN DÂN)\s+(TỈNH|THÀNH PHỐ)\s+(.+)$")
_ISSUER = re.compile(r"^(SỞ|BAN|CHI CỤC|TRUNG TÂM|VĂN PHÒNG|CỤC|BỘ|UBND|ỦY BAN)\b")
_NUMBER = re.compile(r"^Số\s*:?\s*(?P<num>[^/]*?)\s*/\s*(?P<code>[A-ZĐ0-9&]+(?:-[A-ZĐ0-9&]+)+)")
_DATE = re.compile(r"^(?P<place>[^,\d]+?),\s*ngày\s*(?P<d>[\d.…]*)\s*tháng\s*(?P<m>[\d.…]*)\s*năm\s*(?P<y>\d{4})")
KINDS = {
    "KẾ HOẠCH": "Kế hoạch",
    "BÁO CÁO": "Báo cáo",
    "QUYẾT ĐỊNH": "Quyết định",
    "CHƯƠNG TRÌNH": "Chương trình",
    "ĐỀ ÁN": "Đề án",
    "CÔNG VĂN": "Công văn",
}
_DOC_KINDS = (
    "Nghị quyết|Kế hoạch|Quyết định|Chỉ thị|Thông tư|Nghị định|Luật|Công văn|Chương trình|Đề án|Kết luận|Thông báo"
)
_CITE = re.compile(
    rf"(?P<kind>{_DOC_KINDS})\s+số\s+(?P<number>[^\s,;]+)\s+ngày\s+(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})"
    r"\s+của\s+(?P<rest>.+)",
    re.S,
)
_SUBJECT_END = re.compile(r",\s+(?=(?:Sở|UBND|Ban|Chi cục|Phòng|Trung tâm|Bộ|Cục)\s)|;|\.\s|\.$|\n")


def title_case(caps: str) -> str:
    return " ".join(w.capitalize() for w in caps.split())


def _mixed_case(caps: str, lines: list[str]) -> str | None:
    """The name as written in normal case somewhere in the text ("Sở Nông nghiệp và Môi trường")."""
    pattern = re.compile(re.escape(caps), re.I)
    for line in lines:
        for m in pattern.finditer(line):
            if not m.group().isupper():
                return m.group()
    return None


def parse_header(lines: list[tuple[str, str]], notes: Notes) -> dict[str, Any]:
    """Fields found; keys absent when not found. `year` is the document's year when seen."""
    texts = [t for t, _ in lines]
    found: dict[str, Any] = {}
    for i, (text, where) in enumerate(lines):
        if "parent" not in found and (m := _PARENT.match(text)):
            found["parent"] = f"UBND {m[1].lower()} {title_case(m[2])}"
        elif "issuer" not in found and "parent" in found and text.isupper() and _ISSUER.match(text):
            for more, _ in lines[i + 1 : i + 3]:  # "SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG" on two lines
                if not more.isupper() or more.startswith(("CỘNG HÒA", "CỘNG HOÀ", "Số")) or _NUMBER.match(more):
                    break
                text = f"{text} {more}"
            name = _mixed_case(text, texts)
            if name is None:
                name = text.capitalize()
                notes.needs_look(
                    where,
                    f"tên cơ quan ban hành chỉ có dạng chữ in hoa; đã ghi «{name}» — hãy sửa "
                    "chữ hoa cho đúng trong plan/plan.yaml (issuer.name).",
                )
            found["issuer"] = name
        elif "code" not in found and (m := _NUMBER.match(text)):
            found["code"] = m["code"]
            found["number"] = m["num"] if m["num"].isdigit() else None
        elif "place" not in found and (m := _DATE.match(text)):
            found["place"], found["year"] = m["place"].strip(), int(m["y"])
            if m["d"].isdigit() and m["m"].isdigit():
                try:
                    found["date"] = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
                except ValueError:
                    notes.needs_look(where, f"ngày ban hành «{text}» không có trong lịch; hãy sửa document.date.")
        elif "kind" not in found and text in KINDS:
            found["kind"] = KINDS[text]
            if i + 1 < len(lines):
                found["title"], found["title_at"] = lines[i + 1][0], i + 1
    return found


def parse_basis(texts: list[tuple[str, str]], notes: Notes) -> list[dict[str, Any]]:
    """Documents cited as "<Loại> số <số> ngày d/m/yyyy của <cơ quan> về …", first seen first."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for text, where in texts:
        for start in re.finditer(rf"(?:{_DOC_KINDS})\s+số\s", text):
            m = _CITE.match(text, start.start())
            if m is None or (m["kind"], m["number"]) in out:
                continue
            rest = m["rest"]
            about = re.search(r"\s(về\s)", rest)
            if about is None:
                continue
            end = _SUBJECT_END.search(rest, about.start(1))
            try:
                date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                notes.needs_look(
                    where, f"ngày của {m['kind']} số {m['number']} không có trong lịch; đã bỏ qua văn bản này."
                )
                continue
            out[(m["kind"], m["number"])] = {
                "kind": m["kind"],
                "number": m["number"],
                "date": date.isoformat(),
                "issuer": rest[: about.start()].strip(),
                "subject": rest[about.start(1) : end.start() if end else len(rest)].strip(),
            }
    return list(out.values())
