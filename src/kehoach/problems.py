"""Problems found in data files: one per line, `path:line:col: error KH123: message`.

Codes are stable: tests, CI annotations and staff instructions refer to them.
Never renumber; add new codes at the end of their block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from kehoach.chars import for_terminal

Severity = Literal["error", "warning"]

# code -> (severity, short Vietnamese title). The full message is built where the
# problem is found and always says what to do.
CODES: dict[str, tuple[Severity, str]] = {
    # reading the file
    "KH001": ("error", "không đọc được tệp hoặc tệp quá lớn"),
    "KH002": ("error", "tệp không phải UTF-8"),
    "KH003": ("error", "ký tự điều khiển hoặc ký tự vô hình"),
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
    "KH220": ("error", "số quá dài"),
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
    # names Windows cannot create: the repository would not check out there
    "KH240": ("error", "mã đơn vị trùng tên thiết bị Windows dành riêng (CON, NUL, COM1 …)"),
    "KH241": ("error", "tên tệp hoặc thư mục Windows không tạo được"),
    # only regular files under the data folders (load/tree.py)
    "KH120": ("error", "liên kết tượng trưng (symlink)"),
    "KH121": ("error", "không phải tệp thường (ống dẫn, thiết bị, socket)"),
    "KH122": ("error", "thư mục ở chỗ chỉ được có tệp"),
    "KH123": ("error", "kho git lồng nhau hoặc submodule"),
    "KH124": ("error", "thư mục dữ liệu nằm ngoài thư mục gốc"),
    # kehoach review (what git holds, what a change does)
    "KH100": ("error", "mục git không phải tệp thường (symlink, submodule)"),
    "KH101": ("warning", "mục mới ghi lùi ngày quá 30 ngày"),
    "KH102": ("error", "dữ liệu của một phiên bản quá lớn để duyệt"),
    "KH103": ("error", "thư mục chỉ khác thư mục dữ liệu ở chữ hoa/thường"),
    # issue 15: where files may live, plan amendments
    "KH200": ("error", "tệp trong progress/ không phải một mục tiến độ"),
    "KH201": ("error", "tệp đơn vị không có đuôi .yaml"),
    "KH202": ("error", "văn bản điều chỉnh nhắc tới nhiệm vụ hoặc đơn vị không có"),
    "KH203": ("error", "các văn bản điều chỉnh không khớp nhau hoặc không khớp plan/tasks.yaml"),
    # Excel forms (form, import-xlsx)
    "KH160": ("error", "tệp không phải .xlsx"),
    "KH161": ("error", "tệp Excel hỏng, không mở được"),
    "KH162": ("error", "tệp Excel quá lớn"),
    "KH163": ("error", "không phải biểu mẫu của kehoach, hoặc đã bị đổi cấu trúc"),
    "KH164": ("error", "biểu mẫu của một phiên bản Kế hoạch khác"),
    "KH165": ("error", "biểu mẫu của đơn vị không có trong units/"),
    "KH166": ("error", "ô có giá trị không hợp lệ"),
    "KH167": ("error", "ô ngày không đọc được"),
    "KH168": ("error", "ô số không đọc được"),
    "KH169": ("error", "thiếu ô bắt buộc"),
    "KH170": ("error", "số hiệu nhiệm vụ sai hoặc chưa có dòng báo cáo"),
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
        """One terminal line: data in the path or the message is shown escaped (kehoach.chars)."""
        path, message = for_terminal(self.path, line=True), for_terminal(self.message, line=True)
        return f"{path}:{self.line}:{self.col}: {self.severity} {self.code}: {message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


MAX_MESSAGE = 1000


def make(code: str, path: str, line: int, col: int, message: str) -> Problem:
    """A problem with the severity its code carries. One problem is one line: breaks are folded."""
    text = " ".join(message.splitlines())
    if len(text) > MAX_MESSAGE:  # a message quoting a huge key or value stays readable
        text = text[: MAX_MESSAGE - 1] + "…"
    return Problem(path, line, col, code, text, CODES[code][0])


def sort_key(p: Problem) -> tuple[str, int, int, str]:
    return (p.path, p.line, p.col, p.code)
