"""Unit names in the lead/coordinating cells → unit codes, and the units to write.

Cells are split on ";" and line breaks first, then on "," or " và " only where
the next part starts with a unit-kind word (Phòng, Chi cục, Sở, UBND…), so
"Phòng Kế hoạch – Tổng hợp" and "Phòng Khoa học, Công nghệ và Chuyển đổi số"
stay whole. Names already in units/ keep their codes; new names get codes
from their initials without diacritics (Phòng Quản lý môi trường → QLMT).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from kehoach import winnames
from kehoach.docximport.notes import Notes
from kehoach.model.plan import GENERIC_RELATED

KIND_WORDS = (
    "Văn phòng",
    "Phòng",
    "Chi cục",
    "Trung tâm",
    "Sở",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "Ban",
    "Cục",
    "Bộ",
    "Công an",
    "Hội",
    "Đài",
    "Báo",
    "Quỹ",
    "Vườn quốc gia",
    "Hạt",
    "Đội",
    "Thanh tra",
    "Trường",
    "Viện",
    "Tỉnh đoàn",
    "Đoàn",
    "Mặt trận",
    "Liên đoàn",
    "Kho bạc",
    "Ngân hàng",
    "Cảng vụ",
    "Công ty",
    "BQL",
    "Bệnh viện",
    "Kiểm lâm",
    "Thuế",
    "Hải quan",
    "Lãnh đạo",
)
_KINDS = (("Văn phòng", "phong"), ("Phòng", "phong"), ("Chi cục", "chi_cuc"), ("Trung tâm", "trung_tam"))
_SEP = re.compile(r"(\s*,\s*|\s+và\s+)")
_SKIP = {"và", "của", "các", "với", "về"}


def ascii_fold(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def exact_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


def loose_key(name: str) -> str:
    return exact_key(ascii_fold(name))


def _starts_unit(part: str) -> bool:
    return any(part == w or part.startswith(w + " ") for w in KIND_WORDS)


def is_generic(part: str) -> bool:
    return part[:4].lower() == "các "


def kind_of(name: str) -> str:
    return next((kind for word, kind in _KINDS if name.startswith(word + " ")), "external")


def split_names(cell: str, known: list[str]) -> list[str]:
    """Unit names in a cell, in order."""
    known_keys = [exact_key(k) for k in known]
    names: list[str] = []
    for chunk in re.split(r"[;\n]+", cell):
        chunk = chunk.strip().lstrip("-–+•").strip().rstrip(".,;").strip()
        if not chunk:
            continue
        pieces = _SEP.split(chunk)
        current = pieces[0]
        for sep, piece in zip(pieces[1::2], pieces[2::2], strict=False):
            joined = current + sep + piece
            inside_known = any(k.startswith(exact_key(joined)) for k in known_keys)
            if _starts_unit(piece) and not inside_known:
                names.append(current)
                current = piece
            else:
                current = joined
        names.append(current)
    return names


def initials(name: str) -> str:
    """A code from a unit's name, before it is made unique: `Phòng Quản lý môi trường` → QLMT."""
    words = re.findall(r"\w+", name)
    prefix = ""
    if name.startswith("Văn phòng"):
        prefix, words = "VP", [w for w in words[2:] if w != "Sở"]
    elif name.startswith("Phòng "):
        words = words[1:]
    elif name.startswith("Chi cục "):
        words = words[2:]
    letters = [w if (w.isupper() and len(w) > 1) else w[0].upper() for w in words if w.lower() not in _SKIP]
    base = re.sub(r"[^A-Z0-9]", "", ascii_fold(prefix + "".join(letters)).upper())
    if len(base) < 2:
        base = re.sub(r"[^A-Z0-9]", "", ascii_fold(name).upper())[:4] or "DV"
    if not base[0].isalpha():
        base = "U" + base
    return base[:16]


def derive_code(name: str, taken: set[str]) -> str:
    """`initials`, with 2, 3 … added when another unit has it or Windows keeps it for a device."""
    base = initials(name)
    code, n = base, 2
    while code in taken or winnames.device(code):  # CON, NUL, LPT1 …: no file can bear the name (KH240)
        code = f"{base[: 16 - len(str(n))]}{n}"
        n += 1
    return code


class Registry:
    """Codes for names: known units first, then new ones (kept in `new` for writing)."""

    def __init__(self, known: dict[str, tuple[str, str | None]]) -> None:
        self.known = known  # code -> (name, short_name)
        self.by_key = {exact_key(n): c for c, (n, s) in known.items()}
        self.by_key.update({exact_key(s): c for c, (n, s) in known.items() if s})
        self.names = {c: n for c, (n, _) in known.items()}
        self.new: dict[str, dict[str, Any]] = {}
        self.used: list[str] = []  # codes, in first-seen order

    def known_names(self) -> list[str]:
        return [n for n, _ in self.known.values()]

    def code_for(self, name: str, where: str, notes: Notes) -> str:
        key = exact_key(name)
        code = self.by_key.get(key)
        if code is not None and self.names[code] != name and exact_key(self.names[code]) == key:
            notes.needs_look(
                where, f"tên «{name}» chỉ khác «{self.names[code]}» ở chữ hoa/dấu câu; đã coi là một đơn vị ({code})."
            )
        if code is None:
            code = derive_code(name, set(self.names))
            self.names[code] = name
            self.by_key[key] = code
            self.new[code] = {"code": code, "name": name, "kind": kind_of(name), "reviewers": []}
            if winnames.device(initials(name)):
                notes.needs_look(
                    where,
                    f"mã viết tắt «{initials(name)}» của «{name}» là tên thiết bị Windows dành riêng, không đặt "
                    f"được tên tệp, nên đã dùng mã {code}; nếu muốn mã khác, hãy sửa trong units/ và plan/.",
                )
            if not _starts_unit(name):
                notes.needs_look(
                    where,
                    f"«{name}» không bắt đầu bằng Phòng, Chi cục, Trung tâm, Sở, UBND…; "
                    "hãy xem có phải tên đơn vị bị tách hoặc ghép sai không.",
                )
        if code not in self.used:
            self.used.append(code)
        return code

    def resolve(self, cell: str, where: str, notes: Notes, *, allow_generic: bool) -> list[str]:
        out: list[str] = []
        for name in split_names(cell, self.known_names()):
            if is_generic(name):
                if not allow_generic:
                    notes.refuse(
                        where,
                        f"cơ quan chủ trì «{name}» là cụm chung, không phải một đơn vị; "
                        "hãy ghi tên đơn vị chủ trì cụ thể.",
                    )
                    continue
                if exact_key(name) != exact_key(GENERIC_RELATED):
                    notes.needs_look(
                        where,
                        f"cụm «{name}» đã ghi thành cụm chung «{GENERIC_RELATED}»; "
                        "nếu cần nêu đơn vị cụ thể, hãy sửa trong plan/tasks.yaml.",
                    )
                value = GENERIC_RELATED
            else:
                value = self.code_for(name, where, notes)
            if value not in out:
                out.append(value)
        return out

    def report_near_duplicates(self, notes: Notes) -> None:
        codes = list(self.used)
        for i, j in _near_pairs([loose_key(self.names[c]) for c in codes]):
            a, b = codes[i], codes[j]
            notes.needs_look(
                "units/",
                f"hai tên gần giống nhau: «{self.names[a]}» ({a}) và "
                f"«{self.names[b]}» ({b}); nếu là một đơn vị, hãy gộp lại.",
            )


NEAR_MAX_LEN = 200
"""Names longer than this (not a unit's name) are not compared for near duplicates."""


def _near_pairs(keys: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j, in order) of keys equal or one edit apart. Keys that share a
    one-deletion variant (or a key that is another's deletion variant) are the only
    candidates, so this is linear in the number of keys, not quadratic."""
    by_variant: dict[str, set[int]] = {}
    for i, k in enumerate(keys):
        if len(k) <= NEAR_MAX_LEN:
            for v in {k, *(k[:p] + k[p + 1 :] for p in range(len(k)))}:
                by_variant.setdefault(v, set()).add(i)
    pairs = {(i, j) for group in by_variant.values() if len(group) > 1 for i in group for j in group if i < j}
    return sorted((i, j) for i, j in pairs if keys[i] == keys[j] or _one_edit(keys[i], keys[j]))


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]
