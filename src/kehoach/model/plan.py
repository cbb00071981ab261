"""The plan: metadata and sections I–V (plan/plan.yaml) and the appendix (plan/tasks.yaml)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from pydantic import ConfigDict, Field, model_validator

from kehoach.model.amendment import Amendment, History
from kehoach.model.common import Coordinator, IsoDate, Strict, TaskId, Text, UnitCode
from kehoach.model.timeline import Timeline

GENERIC_RELATED = "Các cơ quan, đơn vị, địa phương có liên quan"
GENERIC_SHORT = "Các cơ quan liên quan"  # its name where a table has no room for the whole phrase


def is_generic(name: str) -> bool:
    """Whether a coordinator is the plan's generic phrase (any related body) rather than a unit code."""
    return name == GENERIC_RELATED


"""The plan's generic coordinator: any registered unit may report on such a task."""


class Issuer(Strict):
    """Cơ quan ban hành Kế hoạch."""

    model_config = ConfigDict(title="Cơ quan ban hành")

    name: Text = Field(title="Cơ quan ban hành")
    parent: Text = Field(title="Cơ quan chủ quản")
    place: Text = Field(title="Địa danh", description="Ghi ở dòng ngày tháng, ví dụ Quảng Trị.")


class DocumentId(Strict):
    """Số, ký hiệu, ngày và trích yếu của văn bản Kế hoạch."""

    model_config = ConfigDict(title="Văn bản Kế hoạch")

    kind: Text = Field(title="Loại văn bản")
    number: Text | None = Field(default=None, title="Số", description="Để trống khi văn bản chưa được cấp số.")
    code: Text = Field(title="Ký hiệu", description="Ví dụ KH-SNNMT.")
    date: IsoDate | None = Field(default=None, title="Ngày ban hành")
    title: Text = Field(title="Trích yếu")


class BasisDocument(Strict):
    """Một văn bản làm căn cứ ban hành Kế hoạch."""

    model_config = ConfigDict(title="Văn bản căn cứ")

    kind: Text = Field(title="Loại văn bản")
    number: Text = Field(title="Số, ký hiệu", description="Ví dụ 247/2025/QH15.")
    date: IsoDate = Field(title="Ngày ban hành")
    issuer: Text = Field(title="Cơ quan ban hành")
    subject: Text = Field(title="Trích yếu")


class Item(Strict):
    """Một khoản (1, 2, …) trong một mục của Kế hoạch."""

    model_config = ConfigDict(title="Khoản")

    number: Text = Field(title="Số thứ tự khoản", description="Ví dụ 1, 2.")
    title: Text | None = Field(default=None, title="Tên khoản")
    text: Text | None = Field(
        default=None, title="Nội dung", description="Đoạn văn của khoản (khi khoản không có các gạch đầu dòng)."
    )
    bullets: list[Text] = Field(default_factory=list, title="Các gạch đầu dòng")


class Section(Strict):
    """Một mục (I–V) của Kế hoạch."""

    model_config = ConfigDict(title="Mục")

    number: Text = Field(title="Số La Mã của mục", description="Ví dụ I, II, III.")
    title: Text = Field(title="Tên mục", description="Ví dụ MỤC ĐÍCH, YÊU CẦU.")
    paragraphs: list[Text] = Field(default_factory=list, title="Các đoạn văn")
    items: list[Item] = Field(default_factory=list, title="Các khoản")


class DayMonth(Strict):
    """Một ngày trong năm (ngày, tháng), lặp lại hằng năm."""

    model_config = ConfigDict(
        title="Ngày, tháng",
        json_schema_extra={  # the same rule as _real_every_year, for editors
            "allOf": [
                {
                    "if": {"properties": {"month": {"enum": [4, 6, 9, 11]}}},
                    "then": {"properties": {"day": {"maximum": 30}}},
                },
                {"if": {"properties": {"month": {"const": 2}}}, "then": {"properties": {"day": {"maximum": 28}}}},
                {"if": {"properties": {"month": {"const": 12}}}, "then": {"properties": {"day": {"maximum": 14}}}},
            ]
        },
    )

    month: int = Field(ge=1, le=12, title="Tháng")
    day: int = Field(ge=1, le=31, title="Ngày")

    @model_validator(mode="after")
    def _real_every_year(self) -> DayMonth:
        if self.day > calendar.monthrange(2025, self.month)[1]:  # 2025: not a leap year
            raise ValueError(f"ngày {self.day}/{self.month} không có trong mọi năm; hãy chọn ngày khác")
        if (self.month, self.day) > (12, 14):
            raise ValueError("hạn báo cáo phải trước ngày 15/12, ngày bắt đầu kỳ báo cáo năm sau")
        return self


class Reporting(Strict):
    """Chế độ báo cáo: hạn báo cáo và đơn vị đầu mối."""

    model_config = ConfigDict(title="Chế độ báo cáo")

    deadline: DayMonth = Field(title="Hạn báo cáo hằng năm", description="Các đơn vị báo cáo trước ngày này.")
    deadline_text: Text = Field(title="Lời văn về hạn báo cáo")
    focal_unit: UnitCode = Field(title="Đơn vị đầu mối", description="Đơn vị tổng hợp báo cáo của Sở.")


class Signing(Strict):
    """Phần ký văn bản."""

    model_config = ConfigDict(title="Ký văn bản")

    authority: Text | None = Field(default=None, title="Quyền hạn ký", description="Ví dụ “KT. GIÁM ĐỐC”.")
    title: Text | None = Field(default=None, title="Chức vụ người ký", description="Ví dụ “PHÓ GIÁM ĐỐC”.")
    signer: Text | None = Field(
        default=None, title="Người ký", description="Để trống nếu chưa xác định; không tự đặt tên."
    )


class Plan(Strict):
    """Kế hoạch: thông tin chung và các mục I–V (plan/plan.yaml)."""

    model_config = ConfigDict(title="Kế hoạch")

    demo_notice: Text | None = Field(default=None, title="Ghi chú dữ liệu minh họa")
    issuer: Issuer = Field(title="Cơ quan ban hành")
    document: DocumentId = Field(title="Văn bản Kế hoạch", description="Số, ký hiệu, ngày, trích yếu.")
    basis: list[BasisDocument] = Field(
        min_length=1,
        title="Căn cứ",
        description="Văn bản căn cứ; văn bản đầu tiên là văn bản mà Kế hoạch triển khai (Nghị quyết).",
    )
    opening: Text = Field(title="Đoạn mở đầu", description="Đoạn “Thực hiện … ban hành Kế hoạch như sau:”.")
    sections: list[Section] = Field(title="Các mục I–V")
    closing: Text = Field(title="Đoạn kết")
    reporting: Reporting = Field(title="Chế độ báo cáo")
    recipients: list[Text] = Field(title="Nơi nhận")
    archive: Text = Field(title="Lưu", description="Dòng “Lưu: …” ở nơi nhận, ví dụ VT, QLMT.")
    signing: Signing = Field(default_factory=Signing, title="Ký văn bản")
    amendments: list[Amendment] = Field(
        default_factory=list,
        title="Kế hoạch điều chỉnh, bổ sung",
        description="Các văn bản giao lại nhiệm vụ: ai chủ trì, phối hợp trước và sau, từ ngày nào.",
    )


def implemented(plan: Plan) -> BasisDocument:
    """The document the plan implements: the first of its basis documents (by convention)."""
    return plan.basis[0]


class Task(Strict):
    """Một nhiệm vụ trong Phụ lục."""

    model_config = ConfigDict(title="Nhiệm vụ")

    id: TaskId = Field(title="Số hiệu")
    content: Text = Field(title="Nội dung thực hiện")
    lead: list[UnitCode] = Field(min_length=1, title="Cơ quan chủ trì")
    coordinating: list[Coordinator] = Field(
        default_factory=list,
        title="Cơ quan phối hợp",
        description=f"Mã đơn vị, hoặc đúng cụm “{GENERIC_RELATED}”.",
    )
    timeline: Timeline = Field(title="Tiến độ")
    output: Text = Field(title="Kết quả (sản phẩm)")
    note: Text | None = Field(default=None, title="Ghi chú")

    @property
    def generic_coordination(self) -> bool:
        return any(map(is_generic, self.coordinating))

    def assigned(self, unit: str, internal: bool, assignment: tuple[list[str], list[str]] | None = None) -> bool:
        """May `unit` report on this task: a lead, a named coordinator, or any unit of the
        Department (`internal`) when the plan's generic related bodies coordinate.
        `assignment` is the (lead, coordinating) in force at another date (plan amendments)."""
        lead, coordinating = assignment if assignment is not None else (self.lead, self.coordinating)
        return unit in lead or unit in coordinating or (internal and GENERIC_RELATED in coordinating)


def in_force(task: Task, history: History, date: dt.date) -> Task:
    """`task` with the lead and coordinating units in force on `date` (plan amendments)."""
    if task.id not in history.changes:
        return task
    lead, coordinating = history.on(task.id, date, (task.lead, task.coordinating))
    return task.model_copy(update={"lead": lead, "coordinating": coordinating})


class Group(Strict):
    """Một nhóm nhiệm vụ của Phụ lục (I, II; A–E trong nhóm II)."""

    model_config = ConfigDict(title="Nhóm nhiệm vụ")

    id: Text = Field(title="Số hiệu nhóm", description="I, II, hoặc A, B, C, D, Đ, E trong nhóm II.")
    title: Text = Field(title="Tên nhóm")
    tasks: list[Task] = Field(default_factory=list, title="Các nhiệm vụ")
    groups: list[Group] = Field(default_factory=list, title="Các nhóm con")


class Appendix(Strict):
    """Phụ lục: các nhóm và nhiệm vụ (plan/tasks.yaml)."""

    model_config = ConfigDict(title="Phụ lục nhiệm vụ")

    title: Text = Field(title="Tên Phụ lục")
    groups: list[Group] = Field(title="Các nhóm nhiệm vụ")

    def walk(self) -> Iterator[tuple[tuple[Group, ...], Task]]:
        """Every task with the chain of groups above it, in document order."""

        def rec(groups: list[Group], chain: tuple[Group, ...]) -> Iterator[tuple[tuple[Group, ...], Task]]:
            for g in groups:
                here = chain + (g,)
                for t in g.tasks:
                    yield here, t
                yield from rec(g.groups, here)

        yield from rec(self.groups, ())

    def tasks(self) -> list[Task]:
        return [t for _, t in self.walk()]
