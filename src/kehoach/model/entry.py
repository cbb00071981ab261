"""A progress entry: one unit's dated report on one task (progress/<UNIT>/<date>-<task>.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from kehoach.model.common import IsoDate, Strict, TaskId, Text, UnitCode

Status = Literal["not_started", "in_progress", "done"]


class Output(Strict):
    """Văn bản, sản phẩm đã ban hành."""

    model_config = ConfigDict(title="Văn bản, sản phẩm")

    kind: Text = Field(title="Loại văn bản", description="Ví dụ Báo cáo, Kế hoạch, Quyết định.")
    number: Text | None = Field(default=None, title="Số, ký hiệu", description="Ví dụ 123/BC-SNNMT.")
    date: IsoDate | None = Field(default=None, title="Ngày ban hành", description="Dạng YYYY-MM-DD.")
    title: Text = Field(title="Trích yếu")


class Indicator(Strict):
    """Chỉ tiêu, số liệu."""

    model_config = ConfigDict(title="Chỉ tiêu")

    name: Text = Field(title="Tên chỉ tiêu")
    value: float = Field(ge=-1e15, le=1e15, title="Giá trị", description="Số, dùng dấu chấm thập phân trong tệp: 92.5.")
    unit: Text | None = Field(default=None, title="Đơn vị tính", description="Ví dụ %, tấn, điểm.")


class Entry(Strict):
    """Một mục báo cáo tiến độ của một đơn vị về một nhiệm vụ."""

    model_config = ConfigDict(title="Mục báo cáo tiến độ")

    task: TaskId = Field(title="Nhiệm vụ", description="Số hiệu trong Phụ lục, ví dụ II.C.6.")
    unit: UnitCode = Field(title="Đơn vị báo cáo", description="Mã đơn vị, trùng tên thư mục.")
    date: IsoDate = Field(title="Ngày báo cáo", description="Dạng YYYY-MM-DD, trùng đầu tên tệp.")
    status: Status = Field(
        title="Tình trạng",
        description="not_started (chưa triển khai), in_progress (đang thực hiện), done (đã hoàn thành).",
    )
    summary: Text = Field(title="Kết quả thực hiện", description="Tóm tắt kết quả trong kỳ.")
    outputs: list[Output] = Field(default_factory=list, title="Văn bản, sản phẩm")
    indicators: list[Indicator] = Field(default_factory=list, title="Chỉ tiêu, số liệu")
    difficulties: Text | None = Field(default=None, title="Khó khăn, vướng mắc")
    proposals: Text | None = Field(default=None, title="Đề xuất, kiến nghị")
    author: Text | None = Field(default=None, title="Người lập")
    corrects: Text | None = Field(
        default=None,
        title="Đính chính cho",
        description="Đường dẫn mục cũ mà mục này thay thế, ví dụ progress/QLMT/2026-05-20-I.2.yaml.",
    )
