"""The plan: metadata and sections I–V (plan/plan.yaml) and the appendix (plan/tasks.yaml)."""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from kehoach.model.common import IsoDate, Strict, TaskId, Text, UnitCode
from kehoach.model.timeline import Timeline

GENERIC_RELATED = "Các cơ quan, đơn vị, địa phương có liên quan"
"""The plan's generic coordinator: any registered unit may report on such a task."""


class Issuer(Strict):
    name: Text = Field(title="Cơ quan ban hành")
    parent: Text = Field(title="Cơ quan chủ quản")
    place: Text = Field(title="Địa danh", description="Ghi ở dòng ngày tháng, ví dụ Quảng Trị.")


class DocumentId(Strict):
    kind: Text = Field(title="Loại văn bản")
    number: Text | None = Field(default=None, title="Số", description="Để trống khi văn bản chưa được cấp số.")
    code: Text = Field(title="Ký hiệu", description="Ví dụ KH-SNNMT.")
    date: IsoDate | None = Field(default=None, title="Ngày ban hành")
    title: Text = Field(title="Trích yếu")


class BasisDocument(Strict):
    kind: Text = Field(title="Loại văn bản")
    number: Text = Field(title="Số, ký hiệu", description="Ví dụ 247/2025/QH15.")
    date: IsoDate = Field(title="Ngày ban hành")
    issuer: Text = Field(title="Cơ quan ban hành")
    subject: Text = Field(title="Trích yếu")

    def citation(self) -> str:
        d = self.date
        return f"{self.kind} số {self.number} ngày {d.day}/{d.month}/{d.year} của {self.issuer}"


class Item(Strict):
    number: Text
    title: Text | None = None
    text: Text | None = None
    bullets: list[Text] = Field(default_factory=list)


class Section(Strict):
    number: Text
    title: Text
    paragraphs: list[Text] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)


class DayMonth(Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)


class Reporting(Strict):
    deadline: DayMonth = Field(title="Hạn báo cáo hằng năm", description="Các đơn vị báo cáo trước ngày này.")
    deadline_text: Text = Field(title="Lời văn về hạn báo cáo")
    focal_unit: UnitCode = Field(title="Đơn vị đầu mối", description="Đơn vị tổng hợp báo cáo của Sở.")


class Signing(Strict):
    authority: Text | None = Field(default=None, title="Quyền hạn ký", description="Ví dụ “KT. GIÁM ĐỐC”.")
    title: Text | None = Field(default=None, title="Chức vụ người ký", description="Ví dụ “PHÓ GIÁM ĐỐC”.")
    signer: Text | None = Field(default=None, title="Người ký", description="Để trống nếu chưa xác định; không tự đặt tên.")


class Plan(Strict):
    """Kế hoạch: thông tin chung và các mục I–V (plan/plan.yaml)."""

    demo_notice: Text | None = Field(default=None, title="Ghi chú dữ liệu minh họa")
    issuer: Issuer
    document: DocumentId
    basis: list[BasisDocument] = Field(min_length=1, title="Căn cứ")
    opening: Text
    sections: list[Section]
    closing: Text
    reporting: Reporting
    recipients: list[Text]
    archive: Text
    signing: Signing = Field(default_factory=Signing)


class Task(Strict):
    """Một nhiệm vụ trong Phụ lục."""

    id: TaskId = Field(title="Số hiệu")
    content: Text = Field(title="Nội dung thực hiện")
    lead: list[UnitCode] = Field(min_length=1, title="Cơ quan chủ trì")
    coordinating: list[Text] = Field(
        default_factory=list, title="Cơ quan phối hợp",
        description=f"Mã đơn vị, hoặc đúng cụm “{GENERIC_RELATED}”.",
    )
    timeline: Timeline = Field(title="Tiến độ")
    output: Text = Field(title="Kết quả (sản phẩm)")
    note: Text | None = Field(default=None, title="Ghi chú")

    @property
    def generic_coordination(self) -> bool:
        return GENERIC_RELATED in self.coordinating


class Group(Strict):
    id: Text = Field(title="Số hiệu nhóm", description="I, II, hoặc A, B, C, D, Đ, E trong nhóm II.")
    title: Text
    tasks: list[Task] = Field(default_factory=list)
    groups: list["Group"] = Field(default_factory=list)


class Appendix(Strict):
    """Phụ lục: các nhóm và nhiệm vụ (plan/tasks.yaml)."""

    title: Text
    groups: list[Group]

    def walk(self) -> Iterator[tuple[tuple[Group, ...], Task]]:
        """Every task with the chain of groups above it, in document order."""

        def rec(groups: list[Group], chain: tuple[Group, ...]):
            for g in groups:
                here = chain + (g,)
                for t in g.tasks:
                    yield here, t
                yield from rec(g.groups, here)

        yield from rec(self.groups, ())

    def tasks(self) -> list[Task]:
        return [t for _, t in self.walk()]
