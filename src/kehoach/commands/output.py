"""Where a rendered document goes: `-o FILE.docx` as is, `-o FILE.pdf` through LibreOffice.

Used by `report`, `plan` and `remind`. The extension is checked (and LibreOffice looked
for) before any data is loaded, so a wrong call fails at once with exit 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import UsageError
from kehoach.write import atomic_write

EXTENSIONS = (".docx", ".pdf")


@dataclass(frozen=True)
class Target:
    path: Path
    soffice: str | None  # set for a PDF

    def write(self, docx: bytes) -> Path:
        """Write the document (converted to PDF first when the target is a .pdf), atomically."""
        if self.soffice is None:
            return atomic_write(self.path, docx)
        from kehoach.render import pdf

        return atomic_write(self.path, pdf.to_pdf(docx, self.soffice))


def target(path: Path) -> Target:
    """The checked output: .docx, or .pdf with LibreOffice found; anything else is exit 2 (KH146)."""
    ext = path.suffix.lower()
    if ext not in EXTENSIONS:
        shown = f"`{path.suffix}`" if path.suffix else "không có phần mở rộng"
        raise UsageError(
            f"không ghi được {path}: tệp ra phải là .docx (Word) hoặc .pdf ({shown}); "
            f"ví dụ -o {path.with_suffix('.docx').name} hoặc -o {path.with_suffix('.pdf').name}.",
            code="KH146",
        )
    if ext == ".pdf":
        from kehoach.render import pdf

        return Target(path, pdf.find_soffice())
    return Target(path, None)
