"""A unit: a phòng, chi cục or trung tâm of the Department, or an outside body."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from kehoach.model.common import Strict, Text, UnitCode

Reviewer = Annotated[
    str,
    Field(
        pattern=r"^@?[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?(?:/[A-Za-z0-9_.-]+)?$",
        description="Tên tài khoản hoặc nhóm, ví dụ nguyenvana hoặc @so-nnmt/qlmt.",
    ),
]

UnitKind = Literal["phong", "chi_cuc", "trung_tam", "external"]


class Unit(Strict):
    """Một đơn vị (tệp units/<MÃ>.yaml)."""

    model_config = ConfigDict(title="Đơn vị")

    code: UnitCode = Field(title="Mã đơn vị", description="Mã ngắn không dấu, trùng tên tệp, ví dụ QLMT.")
    name: Text = Field(title="Tên đầy đủ", description="Tên đơn vị đúng như trong Kế hoạch.")
    kind: UnitKind = Field(
        title="Loại đơn vị",
        description="phong (phòng, văn phòng), chi_cuc, trung_tam, hoặc external (cơ quan ngoài Sở).",
    )
    short_name: Text | None = Field(default=None, title="Tên viết tắt", description="Cách viết tắt dùng trong văn bản.")
    reviewers: list[Reviewer] = Field(
        default_factory=list,
        title="Người duyệt",
        description="Tài khoản (GitHub/GitLab) duyệt các mục tiến độ của đơn vị; dùng cho CODEOWNERS.",
    )

    @property
    def internal(self) -> bool:
        return self.kind != "external"
