"""`kehoach remind` for people: the days left to the deadline and each unit's missing tasks."""

from __future__ import annotations

from kehoach.chars import for_terminal
from kehoach.compute.remind import RemindResult
from kehoach.text_vn import ngay_ngan


def render(result: RemindResult) -> str:
    lines = [f"Đôn đốc báo cáo kết quả thực hiện Kế hoạch năm {result.year} — tính đến {ngay_ngan(result.as_of)}"]
    due = ngay_ngan(result.deadline)
    if result.days_left > 0:
        lines.append(f"Hạn báo cáo của các đơn vị: trước {due} (còn {result.days_left} ngày).")
    elif result.days_left == 0:
        lines.append(f"Hạn báo cáo của các đơn vị: trước {due} (đã đến hạn hôm nay).")
    else:
        lines.append(f"Hạn báo cáo của các đơn vị: trước {due} (đã quá {-result.days_left} ngày).")
    if not result.units:
        lines.append("Mọi đơn vị chủ trì đã có báo cáo trong kỳ cho các nhiệm vụ đang thực hiện; không cần đôn đốc.")
        return "\n".join(lines)
    lines.append(f"Nhiệm vụ chủ trì chưa có báo cáo trong kỳ (từ {ngay_ngan(result.period_start)}):")
    for u in result.units:
        lines.append(for_terminal(f"  • {u.code} — {u.name}: {', '.join(u.tasks)}", line=True))
    return "\n".join(lines)
