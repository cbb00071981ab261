"""Build .docx fixtures with python-docx: appendix tables in various layouts, and our plan in the seed layout."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import yaml
from docx.enum.text import WD_BREAK

SEED_HEADER = ["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Tiến độ", "Kết quả", "Ghi chú"]


def set_cell(cell, text: str, font: str | None = None) -> None:
    """Text with "\n" as manual line breaks (w:br) inside one paragraph."""
    para = cell.paragraphs[0]
    for i, line in enumerate(text.split("\n")):
        run = para.add_run(line)
        if font:
            run.font.name = font
        if i < len(text.split("\n")) - 1:
            run.add_break(WD_BREAK.LINE)


def add_table(doc, header: list[str], rows: list) -> None:
    """rows: list of cell lists, or ("group", text, first_col) for a row merged from first_col to the end."""
    table = doc.add_table(rows=0, cols=len(header))
    for row in [header, *rows]:
        cells = table.add_row().cells
        if isinstance(row, tuple) and row[0] == "group":
            _, text, first = row
            merged = cells[first].merge(cells[len(header) - 1])
            set_cell(merged, text)
            continue
        for cell, value in zip(cells, row, strict=False):
            if isinstance(value, tuple):  # (text, font)
                set_cell(cell, *value)
            elif value:
                set_cell(cell, value)
    return table


def put_control_char(path: Path, marker: str, char: str) -> None:
    """Replace `marker` in document.xml by a raw control character (as a buggy generator would)."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(marker.encode(), char.encode())
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def _load(root: Path, rel: str) -> dict:
    return yaml.safe_load((root / rel).read_text(encoding="utf-8"))


def _names(root: Path) -> dict[str, str]:
    return {p.stem: _load(root, f"units/{p.name}")["name"] for p in (root / "units").glob("*.yaml")}


def _date(d) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}" if d else "ngày      tháng      năm 2026"


def seed_plan_docx(root: Path, path: Path) -> Path:
    """Our plan (plan/plan.yaml, plan/tasks.yaml, units/) as Word, in the layout of the seed document."""
    plan, appendix, names = _load(root, "plan/plan.yaml"), _load(root, "plan/tasks.yaml"), _names(root)
    doc = docx.Document()
    head = doc.add_table(rows=1, cols=2)
    number = plan["document"]["number"] or "     "
    set_cell(
        head.cell(0, 0),
        f"{plan['issuer']['parent'].upper()}\n{plan['issuer']['name'].upper()}\n"
        f"Số: {number}/{plan['document']['code']}",
    )
    set_cell(
        head.cell(0, 1),
        f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"{plan['issuer']['place']}, {_date(plan['document']['date'])}",
    )
    doc.add_paragraph(plan["document"]["kind"].upper())
    doc.add_paragraph(plan["document"]["title"])
    doc.add_paragraph(plan["opening"])
    for s in plan["sections"]:
        doc.add_paragraph(f"{s['number']}. {s['title']}")
        for p in s.get("paragraphs", []):
            doc.add_paragraph(p)
        for it in s.get("items", []):
            doc.add_paragraph(f"{it['number']}. {it.get('title') or it.get('text')}")
            for b in it.get("bullets", []):
                doc.add_paragraph(f"- {b}")
    doc.add_paragraph(plan["closing"])
    close = doc.add_table(rows=1, cols=2)
    recipients = "\n".join(f"- {r};" for r in plan["recipients"])
    set_cell(close.cell(0, 0), f"Nơi nhận:\n{recipients}\n- Lưu: {plan['archive']}.")
    set_cell(close.cell(0, 1), "\n".join(v for v in (plan.get("signing") or {}).values() if v) or " ")
    doc.add_paragraph("Phụ lục")
    doc.add_paragraph(appendix["title"])
    doc.add_paragraph(
        "(Ban hành kèm theo Kế hoạch số      /KH-SNNMT ngày     tháng      năm 2026 của Sở Nông nghiệp và Môi trường)"
    )
    rows: list = []

    def unit_list(codes: list[str], sep: str) -> str:
        return sep.join(names.get(c, c) for c in codes)

    def walk(groups: list[dict], depth: int) -> None:
        for g in groups:
            rows.append(("group", f"{g['id']}. {g['title']}", depth))
            for t in g.get("tasks", []):
                rows.append(
                    [
                        f"{t['id'].rsplit('.', 1)[1]}. ",
                        t["content"],
                        unit_list(t["lead"], "; "),
                        unit_list(t["coordinating"], ", "),
                        t["timeline"]["text"],
                        t["output"],
                        t["note"] or "",
                    ]
                )
            walk(g.get("groups", []), depth + 1)

    walk(appendix["groups"], 0)
    add_table(doc, SEED_HEADER, rows)
    doc.save(path)
    return path
