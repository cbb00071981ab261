"""The body of a plan: opening, sections I–V with items and bullets, closing, reporting, recipients, signing."""

from __future__ import annotations

import re
from typing import Any

_SECTION = re.compile(r"^(?P<n>[IVX]{1,4})\.\s+(?P<t>\S.*)$")
_ITEM = re.compile(r"^(?P<n>\d{1,2})\.\s*(?P<t>\S.*)$")
_BULLET = re.compile(r"^[-–+•]\s*(?P<t>\S.*)$")
_DEADLINE = re.compile(r"trước ngày (\d{1,2})/(\d{1,2})(?:\s+(?:hằng|hàng) năm)?")
_FOCAL = re.compile(r"\(qua ((?:Phòng|Văn phòng|Chi cục|Trung tâm)[^)]*)\)")
_AUTHORITY = re.compile(r"^(KT|TM|TL|TUQ|Q)\.\s*\S")


def _item(m: re.Match[str]) -> dict[str, Any]:
    text = m["t"].strip()
    if len(text) <= 200 and not text.endswith((".", ":", ";")):
        return {"number": m["n"], "title": text, "bullets": []}
    return {"number": m["n"], "text": text, "bullets": []}


def parse_body(lines: list[str]) -> dict[str, Any]:
    """Fields found among the paragraphs after the title; keys absent when not found."""
    found: dict[str, Any] = {}
    opening: list[str] = []
    sections: list[dict[str, Any]] = []
    i = 0
    while i < len(lines):
        text = lines[i]
        if text.startswith("Trên đây"):
            found["closing"] = text
        elif text.startswith("Nơi nhận"):
            i = _recipients(lines, i + 1, found)
            continue
        elif "recipients" in found and _AUTHORITY.match(text):
            _signing(lines[i:], found)
            break
        elif "closing" in found or "recipients" in found:
            pass
        elif m := _SECTION.match(text):
            sections.append({"number": m["n"], "title": m["t"].strip(), "paragraphs": [], "items": []})
        elif not sections:
            opening.append(text)
        elif m := _ITEM.match(text):
            sections[-1]["items"].append(_item(m))
        elif (m := _BULLET.match(text)) and sections[-1]["items"]:
            sections[-1]["items"][-1]["bullets"].append(m["t"].strip())
        elif sections[-1]["items"] and "text" not in sections[-1]["items"][-1]:
            sections[-1]["items"][-1]["text"] = text
        else:
            sections[-1]["paragraphs"].append(text)
        i += 1
    if opening:
        found["opening"] = "\n".join(opening)
    if sections:
        found["sections"] = [_tidy(s) for s in sections]
    _reporting(sections, found)
    return found


def _tidy(section: dict[str, Any]) -> dict[str, Any]:
    items = [{k: v for k, v in it.items() if v} for it in section["items"]]
    out = {"number": section["number"], "title": section["title"]}
    if section["paragraphs"]:
        out["paragraphs"] = section["paragraphs"]
    if items:
        out["items"] = items
    return out


def _recipients(lines: list[str], i: int, found: dict[str, Any]) -> int:
    found["recipients"] = []
    while i < len(lines) and (m := _BULLET.match(lines[i])):
        entry = m["t"].strip().rstrip(";.,").strip()
        if entry.startswith("Lưu"):
            found["archive"] = entry.split(":", 1)[-1].strip()
        else:
            found["recipients"].append(entry)
        i += 1
    return i


def _signing(lines: list[str], found: dict[str, Any]) -> None:
    signing = {"authority": lines[0]}
    rest = [t for t in lines[1:4] if t]
    if rest and rest[0].isupper():
        signing["title"] = rest.pop(0)
    if rest and not rest[0].isupper() and not any(ch.isdigit() for ch in rest[0]) and len(rest[0].split()) >= 2:
        signing["signer"] = rest[0]
    found["signing"] = signing


def _reporting(sections: list[dict[str, Any]], found: dict[str, Any]) -> None:
    texts = [p for s in sections for p in s["paragraphs"]]
    texts += [x for s in sections for it in s["items"] for x in [it.get("text") or "", *it["bullets"]]]
    for text in texts:
        if "deadline" not in found and (m := _DEADLINE.search(text)):
            found["deadline"] = {"month": int(m[2]), "day": int(m[1])}
            found["deadline_text"] = m.group()
        if "focal" not in found and (m := _FOCAL.search(text)):
            found["focal"] = m[1].strip()
