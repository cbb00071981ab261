"""plan/plan.yaml from what the header and body gave: found fields as values, missing ones marked."""

from __future__ import annotations

from typing import Any

from kehoach.docximport.notes import Notes
from kehoach.docximport.units import Registry
from kehoach.docximport.yamlout import Commented, Missing


def build_plan(
    head: dict[str, Any], body: dict[str, Any], basis: list[dict[str, Any]], registry: Registry, notes: Notes
) -> tuple[dict[str, Any], list[str]]:
    """(plan dict, the keys that are missing and marked `# CẦN BỔ SUNG`)."""
    missing: list[str] = []

    def need(value: Any, key: str, hint: str) -> Any:
        if value in (None, [], ""):
            missing.append(key)
            return Missing(hint)
        return value

    number = head.get("number")
    date = head.get("date")
    reporting: dict[str, Any] = {
        "deadline": need(body.get("deadline"), "reporting.deadline", "hạn báo cáo hằng năm, ví dụ month: 11, day: 15"),
        "deadline_text": need(
            body.get("deadline_text"), "reporting.deadline_text", 'lời văn về hạn, ví dụ "trước ngày 15/11 hằng năm"'
        ),
    }
    focal = body.get("focal")
    reporting["focal_unit"] = need(
        registry.code_for(focal, "plan/plan.yaml (reporting.focal_unit)", notes) if focal else None,
        "reporting.focal_unit",
        'mã đơn vị đầu mối tổng hợp báo cáo, ví dụ "QLMT"',
    )
    plan = {
        "issuer": {
            "name": need(
                head.get("issuer"), "issuer.name", 'tên cơ quan ban hành, ví dụ "Sở Nông nghiệp và Môi trường"'
            ),
            "parent": need(head.get("parent"), "issuer.parent", 'cơ quan chủ quản, ví dụ "UBND tỉnh Quảng Trị"'),
            "place": need(head.get("place"), "issuer.place", 'địa danh ở dòng ngày tháng, ví dụ "Quảng Trị"'),
        },
        "document": {
            "kind": need(head.get("kind"), "document.kind", 'loại văn bản, ví dụ "Kế hoạch"'),
            "number": number if number else Commented(None, "văn bản chưa ghi số"),
            "code": need(head.get("code"), "document.code", 'ký hiệu, ví dụ "KH-SNNMT"'),
            "date": date.isoformat() if date else Commented(None, "văn bản chưa ghi ngày"),
            "title": need(head.get("title"), "document.title", "trích yếu của văn bản"),
        },
        "basis": need(basis, "basis", "ít nhất một văn bản căn cứ (kind, number, date, issuer, subject)"),
        "opening": need(body.get("opening"), "opening", "đoạn mở đầu (“Thực hiện …” / “Căn cứ …”)"),
        "sections": need(body.get("sections"), "sections", "các mục I–V của Kế hoạch"),
        "closing": need(body.get("closing"), "closing", "đoạn kết (“Trên đây là …”)"),
        "reporting": reporting,
        "recipients": need(body.get("recipients"), "recipients", "danh sách Nơi nhận"),
        "archive": need(body.get("archive"), "archive", 'dòng Lưu, ví dụ "VT, QLMT"'),
    }
    order = list(plan)
    missing.sort(key=lambda key: order.index(key.split(".")[0]))
    if body.get("signing"):
        plan["signing"] = body["signing"]
    return plan, missing
