"""Turn the line markup that templates produce into a python-docx Document (via docx_layout).

The markup (documented at the top of each template under templates/):

    # I. TIÊU ĐỀ          section heading, bold        ## 1. Tiêu đề   numbered heading, bold
    ### a) Tiêu đề        sub-heading, plain           - nội dung      a "- …" paragraph (+ nội dung: "+ …")
    plain lines           a body paragraph; consecutive lines join, a blank line ends it
    \\text                a body paragraph taken literally (even if it starts with # or -)
    ::parent / ::issuer / ::number / ::place-date TEXT, then ::header     the ND 30 header block
    ::notice TEXT         bold warning line (also put in every page header)
    ::about TEXT          a Công văn's trích yếu “V/v …” under the number (before ::header)
    ::title / ::subject / ::to TEXT                     document type, trích yếu, Kính gửi
    ::to-list TEXT, then "- …" lines                    “Kính gửi:” with several addressees
    ::recipients, then "- …" lines; ::sign TEXT (one per line); ::signer NAME; ::closing
    ::appendix; ::appendix-heading / ::appendix-title / ::appendix-note TEXT   landscape appendix
    ::table; ::col WIDTH_CM left|center|justify HEADER; ::group or ::row, each followed by
      "| cell" lines; ::end-table

Values inserted by the template arrive wrapped in private-use marks (see templates.py), so
user text can never start a heading, a bullet or a directive; the marks are removed here.
"""

from __future__ import annotations

from kehoach.errors import TemplateError
from kehoach.render import docx_layout as L

OPEN, CLOSE = "\ue000", "\ue001"
_HEADER_KEYS = {"::parent": "parent", "::issuer": "issuer", "::number": "number_line", "::place-date": "place_date"}


def _plain(text: str) -> str:
    return text.replace(OPEN, "").replace(CLOSE, "")


class _Builder:
    def __init__(self, source: str, notice: str | None):
        self.source = source
        self.doc = L.new_document(notice)
        self.header: dict[str, str] = {}
        self.para: list[str] = []
        self.recipients: list[str] | None = None
        self.to_label = ""
        self.to_names: list[str] | None = None
        self.authority: list[str] = []
        self.signer = ""
        self.grid: L.Grid | None = None
        self.cells: list[str] | None = None

    def fail(self, n: int, what: str) -> TemplateError:
        return TemplateError(f"mẫu {self.source}: dòng {n} của văn bản sinh ra: {what}")

    def flush(self) -> None:
        if self.to_names is not None:
            L.addressees(self.doc, self.to_label, self.to_names)
            self.to_names = None
        if self.para:
            L.body(self.doc, " ".join(self.para))
            self.para = []

    def line(self, n: int, raw: str) -> None:
        line = raw.strip()
        if self.grid is not None:
            return self.table_line(n, line)
        if not line or line.startswith(OPEN):
            return self.text(line) if line else self.flush()
        if line.startswith("::"):
            self.flush()
            name, _, arg = line.partition(" ")
            return self.directive(n, name, _plain(arg).strip())
        if line[0] == "#":
            for marker, kind in (("### ", "h3"), ("## ", "h2"), ("# ", "h1")):
                if line.startswith(marker):
                    self.flush()
                    return L.body(self.doc, _plain(line[len(marker) :]).strip(), kind)
        if line.startswith("+ "):
            self.flush()
            return L.body(self.doc, _plain(line), "bullet")
        if line.startswith("- "):
            if self.to_names is not None:  # the addressees' lines, until a blank line or a directive
                return self.to_names.append(_plain(line))
            self.flush()
            if self.recipients is not None:
                return self.recipients.append(_plain(line))
            return L.body(self.doc, _plain(line), "bullet")
        self.text(line[1:] if line.startswith("\\") else line)

    def text(self, line: str) -> None:
        self.para.append(_plain(line))

    def directive(self, n: int, name: str, arg: str) -> None:
        doc = self.doc
        if name in _HEADER_KEYS:
            self.header[_HEADER_KEYS[name]] = arg
        elif name == "::about":
            self.header["about"] = arg
        elif name == "::to-list":
            self.to_label, self.to_names = arg, []
        elif name == "::header":
            missing = [k for k in _HEADER_KEYS if _HEADER_KEYS[k] not in self.header]  # ::about is optional
            if missing:
                raise self.fail(n, f"thiếu {', '.join(missing)} trước ::header")
            L.header_block(doc, L.Header(**self.header))
        elif name == "::notice":
            L.centred(doc, arg, size=13, bold=True, before=6, after=6)
        elif name == "::title":
            L.centred(doc, arg, bold=True, before=18)
        elif name == "::subject":
            L.centred(doc, arg, bold=True)
            L.rule(doc, 3.5, L.text_width_cm(doc), after=6)
        elif name == "::to":
            L.centred(doc, arg, before=6, after=12)
        elif name == "::recipients":
            self.recipients = []
        elif name == "::sign":
            self.authority.append(arg)
        elif name == "::signer":
            self.signer = arg
        elif name == "::closing":
            L.keep_last_with_next(doc)  # the last body paragraph stays on the signature's page
            L.closing(doc, self.recipients or [], self.authority, self.signer or None)
            self.recipients, self.authority, self.signer = None, [], ""
        elif name == "::appendix":
            L.landscape_section(doc)
        elif name == "::appendix-heading" or name == "::appendix-title":
            L.centred(doc, arg, bold=True)
        elif name == "::appendix-note":
            L.centred(doc, arg, italic=True)
            L.rule(doc, 5, L.text_width_cm(doc), after=12)
        elif name == "::table":
            self.grid = L.Grid(columns=[])
        else:
            raise self.fail(n, f"chỉ thị `{name}` không có")

    def table_line(self, n: int, line: str) -> None:
        grid = self.grid
        assert grid is not None  # called only inside ::table
        if line.startswith("| ") or line == "|":
            if self.cells is None:
                raise self.fail(n, "ô `| …` phải đứng sau ::row hoặc ::group")
            self.cells.append(_plain(line[2:]).strip())
            return
        if not line:
            return
        name, _, arg = line.partition(" ")
        if name == "::col":
            parts = _plain(arg).split(" ", 2)
            try:
                grid.columns.append(L.Column(float(parts[0].replace(",", ".")), parts[2], parts[1]))
            except (ValueError, IndexError):
                raise self.fail(n, "::col cần: độ rộng (cm), left|center|justify, tên cột") from None
            if grid.columns[-1].align not in ("left", "center", "justify"):
                raise self.fail(n, f"căn lề `{grid.columns[-1].align}` không có")
        elif name in ("::row", "::group"):
            self.cells = []
            grid.rows.append((name[2:], self.cells))
        elif name == "::end-table":
            for kind, cells in grid.rows:
                want = 2 if kind == "group" else len(grid.columns)
                if len(cells) != want:
                    raise self.fail(n, f"một hàng {kind} có {len(cells)} ô, cần {want}")
            L.data_table(self.doc, grid)
            self.grid = self.cells = None
        else:
            raise self.fail(n, f"trong bảng chỉ dùng ::col, ::row, ::group, | ô, ::end-table (gặp `{name}`)")


def build(markup: str, source: str) -> L.Built:
    """The document for `markup` (its only way out: `.to_bytes`); `source` names the template in errors."""
    lines = markup.split("\n")
    notice = next(
        (_plain(ln.strip()[len("::notice") :]).strip() for ln in lines if ln.strip().startswith("::notice ")),
        None,
    )
    b = _Builder(source, notice)
    for n, raw in enumerate(lines, 1):
        b.line(n, raw)
    if b.grid is not None:
        raise b.fail(n, "bảng chưa đóng bằng ::end-table")
    b.flush()
    return L.Built(b.doc)
