"""Problems found in data files: one per line, `path:line:col: error KH123: message`.

Codes are stable: tests, CI annotations and staff instructions refer to them.
Never renumber; add new codes at the end of their block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

# code -> (severity, short Vietnamese title). The full message is built where the
# problem is found and always says what to do.
CODES: dict[str, tuple[Severity, str]] = {
    # reading the file
    "KH001": ("error", "không đọc được tệp hoặc tệp quá lớn"),
    "KH002": ("error", "tệp không phải UTF-8"),
    "KH003": ("error", "ký tự điều khiển không hợp lệ"),
    "KH004": ("error", "chữ tiếng Việt ở dạng tổ hợp (NFD)"),
    "KH005": ("error", "còn dấu xung đột khi gộp (merge conflict)"),
    "KH006": ("error", "thụt lề bằng phím Tab"),
    "KH007": ("error", "sai cú pháp YAML"),
    "KH008": ("error", "tệp rỗng"),
    "KH009": ("error", "nhiều tài liệu YAML trong một tệp"),
    "KH010": ("error", "dùng neo/bí danh YAML (& và *)"),
    "KH011": ("error", "khóa bị lặp"),
    "KH012": ("error", "giá trị mơ hồ, cần đặt trong dấu nháy"),
    "KH013": ("error", "tệp không phải là một ánh xạ khóa: giá trị"),
    "KH014": ("error", "thẻ YAML không được hỗ trợ"),
    # schema of one file
    "KH020": ("error", "khóa không được phép"),
    "KH021": ("error", "thiếu khóa bắt buộc"),
    "KH022": ("error", "sai kiểu giá trị"),
    "KH023": ("error", "giá trị không hợp lệ"),
    "KH024": ("error", "ngày không đúng dạng YYYY-MM-DD"),
    "KH025": ("error", "ngày không tồn tại"),
    # cross-file rules
    "KH030": ("error", "nhiệm vụ không có trong Phụ lục"),
    "KH031": ("error", "đơn vị chưa đăng ký trong units/"),
    "KH032": ("error", "đơn vị không được giao nhiệm vụ này"),
    "KH033": ("error", "tên tệp hoặc thư mục không khớp nội dung"),
    "KH034": ("error", "ngày trước khi ban hành Nghị quyết"),
    "KH035": ("error", "ngày ở tương lai"),
    "KH036": ("error", "mã bị trùng"),
    "KH037": ("error", "Kế hoạch nhắc tới đơn vị chưa đăng ký"),
    "KH038": ("warning", "tiến độ không khớp với lời văn"),
    "KH039": ("error", "thiếu tệp bắt buộc"),
    "KH040": ("warning", "tệp bị bỏ qua"),
    "KH041": ("error", "bản đính chính trỏ tới mục không hợp lệ"),
    "KH042": ("warning", "CODEOWNERS đã cũ"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str
    severity: Severity = field(default="error")

    def render(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity} {self.code}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


def make(code: str, path: str, line: int, col: int, message: str) -> Problem:
    """A problem with the severity its code carries. One problem is one line: breaks are folded."""
    return Problem(path, line, col, code, " ".join(message.splitlines()), CODES[code][0])


def sort_key(p: Problem) -> tuple[str, int, int, str]:
    return (p.path, p.line, p.col, p.code)
