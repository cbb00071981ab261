"""Layout of official documents (ND 30/2020/NĐ-CP, Phụ lục I): the one module that knows
page size, margins, fonts, sizes, the header and closing blocks, page numbers, the
landscape appendix and its table, and how to save a byte-identical .docx.

Everything else hands this module plain strings; nothing here decides wording.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from kehoach.render import docx_stream
from kehoach.text_vn import LINE_BREAK

FONT = "Times New Roman"
LANG = "vi-VN"
BODY_SIZE = 14
TABLE_SIZE = 12
PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGINS = dict(top=Mm(20), bottom=Mm(20), left=Mm(30), right=Mm(15))
TEXT_W_CM = {False: 16.5, True: 25.2}  # portrait / landscape text width
LINE_SPACING = 1.15
# XML elements here are python-docx's oxml classes, which its annotations and lxml-stubs type
# only as lxml's _Element: the module types them Any. Templates are built outside any document.
_NO_PARENT: Any = None
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_PGNUM = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
_SECT_PR, _BR, _T, _XML_SPACE = qn("w:sectPr"), qn("w:br"), qn("w:t"), qn("xml:space")
_NB_HYPHEN = qn("w:noBreakHyphen")
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY


# ---------------------------------------------------------------- fonts and runs
def _set_fonts(rpr: Any) -> None:
    """Times New Roman on all four slots, theme attributes removed, language vi-VN."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_AFTER_LANG)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANG)


def _setup_styles(doc: DocxDocument) -> None:
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    _set_fonts(rpr)
    rpr.get_or_add_sz().val = Pt(BODY_SIZE)
    for style in doc.styles:
        if style.type in (1, 2, 3):  # paragraph, character, table styles
            _set_fonts(style.element.get_or_add_rPr())
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            fonts.attrib.pop(qn(attr), None)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    normal.paragraph_format.space_after = Pt(0)


@functools.cache
def _rpr_template(size: float, bold: bool, italic: bool) -> Any:
    """Run properties built once through python-docx, then copied: same XML, a fraction of the cost."""
    r: Any = OxmlElement("w:r")
    _set_fonts(r.get_or_add_rPr())
    font = Run(r, _NO_PARENT).font
    font.size = Pt(size)
    font.bold, font.italic = bold or None, italic or None  # plain text inherits "not bold": no element
    return r.rPr


@functools.cache
def _ppr_template(
    align: WD_ALIGN_PARAGRAPH | None,
    indent: float | None,
    after: float,
    before: float,
    spacing: float,
    keep_next: bool,
    empty: bool,
) -> Any:
    """Paragraph properties (with the paragraph mark's fonts), built once per format."""
    el: Any = OxmlElement("w:p")
    par = Paragraph(el, _NO_PARENT)
    fmt = par.paragraph_format
    fmt.alignment = align
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE if spacing != 1.0 else WD_LINE_SPACING.SINGLE
    if spacing != 1.0:
        fmt.line_spacing = spacing
    if indent is not None:
        fmt.first_line_indent = Cm(indent)
    if keep_next:
        fmt.keep_with_next = True
    if empty:  # an empty paragraph's height comes from its mark: give the mark the document font
        _set_fonts(_mark_rpr(par))
    return par._p.pPr


def add_run(par: Paragraph, text: str, size: float = BODY_SIZE, bold: bool = False, italic: bool = False) -> Paragraph:
    """One run with the full font setup; in-paragraph line breaks become <w:br/> inside it,
    NB_HYPHEN a <w:noBreakHyphen/> (a hyphen the line never breaks at)."""
    r: Any = OxmlElement("w:r")
    r.append(deepcopy(_rpr_template(size, bold, italic)))
    hyphens = NB_HYPHEN in text
    for i, line in enumerate(text.split(LINE_BREAK)):
        if i:
            etree.SubElement(r, _BR)
        if not hyphens:  # the common case, and a table cell may hold thousands of lines
            _add_text(r, line)
            continue
        for j, piece in enumerate(line.split(NB_HYPHEN)):
            if j:
                etree.SubElement(r, _NB_HYPHEN)
            if not piece and (j or NB_HYPHEN in line):
                continue
            _add_text(r, piece)
    par._p.append(r)
    return par


def _add_text(r: Any, piece: str) -> None:
    t = etree.SubElement(r, _T)
    t.text = piece
    if piece != piece.strip():
        t.set(_XML_SPACE, "preserve")


NB_HYPHEN = "\u2011"
_CODE_HYPHEN = re.compile(r"(?<=[A-ZĐ])-(?=[A-ZĐ])")


def _unbroken_codes(text: str) -> str:
    """“…/KH-SNNMT”, “…/SNNMT-QLMT” never split at their hyphen across two lines."""
    return _CODE_HYPHEN.sub(NB_HYPHEN, text)


def _attach(container: Any, p: Any) -> Paragraph:
    """Add a paragraph element at the end of a document body (before its sectPr), cell or header."""
    if isinstance(container, DocxDocument):
        body = container.element.body
        last = next(body.iterchildren(reversed=True), None)
        if last is not None and last.tag == _SECT_PR:  # sectPr, when present, is the body's last child
            last.addprevious(p)  # O(1); python-docx searches the whole body for sectPr each time
        else:
            body.append(p)
        return Paragraph(p, container._body)
    container._element.append(p)
    return Paragraph(p, container)


def paragraph(
    container: Any,
    text: str = "",
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = CENTER,
    indent: float | None = None,
    after: float = 0,
    before: float = 0,
    spacing: float = 1.0,
    keep_next: bool = False,
) -> Paragraph:
    """A paragraph with explicit format; `container` is the document, a cell or a header."""
    p = OxmlElement("w:p")
    p.append(deepcopy(_ppr_template(align, indent, after, before, spacing, keep_next, not text)))
    par = _attach(container, p)
    if text:
        add_run(par, text, size, bold, italic)
    return par


def _mark_rpr(par: Paragraph) -> Any:
    ppr = par._p.get_or_add_pPr()
    rpr: Any = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    return rpr


def rule(container: Any, length_cm: float, width_cm: float, after: float = 0) -> None:
    """A short centred line: an empty paragraph whose bottom border spans its indents."""
    par = paragraph(container, after=after, before=3)
    side = max((width_cm - length_cm) / 2, 0)
    par.paragraph_format.left_indent = par.paragraph_format.right_indent = Cm(side)
    par.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    par.paragraph_format.line_spacing = Pt(2)
    ppr = par._p.get_or_add_pPr()
    border: Any = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.insert_element_before(border, *_AFTER_PBDR)
    rpr = _mark_rpr(par)
    rpr.get_or_add_sz().val = Pt(2)


# ---------------------------------------------------------------- body
BODY_KINDS = {  # kind -> (bold, italic)
    "para": (False, False),
    "bullet": (False, False),
    "h1": (True, False),
    "h2": (True, False),
    "h3": (False, False),
    "h3i": (False, True),
}


def body(doc: DocxDocument, text: str, kind: str = "para", *, keep_next: bool = False) -> None:
    """A body paragraph: justified, 14 pt, first line indented 1,27 cm, 6 pt after.

    Kept as text until the file is saved (see docx_stream): a report may have tens of thousands."""
    docx_stream.stream_of(doc).add(doc, text, BODY_KINDS[kind], keep_next or kind.startswith("h"))


def _body_element(text: str, style: tuple[Any, ...], keep_next: bool) -> Any:
    """The XML element `body` stands for, built the ordinary way (docx_stream copies its shape)."""
    bold, italic = style
    p: Any = OxmlElement("w:p")
    p.append(deepcopy(_ppr_template(JUSTIFY, 1.27, 6, 0, LINE_SPACING, keep_next, not text)))
    add_run(Paragraph(p, _NO_PARENT), text, BODY_SIZE, bold, italic)
    return p


def keep_last_with_next(doc: DocxDocument) -> None:
    """Keep the last body paragraph on the same page as what follows (the signature)."""
    if not docx_stream.stream_of(doc).keep_last_with_next(doc) and doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True


def centred(
    doc: DocxDocument,
    text: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    after: float = 0,
    before: float = 0,
) -> Paragraph:
    return paragraph(doc, text, size=size, bold=bold, italic=italic, align=CENTER, after=after, before=before)


# ---------------------------------------------------------------- tables
def _table(container: Any, widths_cm: list[float], rows: int, borders: bool) -> Any:
    table = container.add_table(rows=rows, cols=len(widths_cm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col, w in zip(table.columns, widths_cm, strict=False):
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(w)
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(tbl_w, "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", *_AFTER_TBLBORDERS)
    tbl_w.set(qn("w:w"), str(int(Cm(sum(widths_cm)).twips)))
    tbl_w.set(qn("w:type"), "dxa")
    edges = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if borders else "nil")
        if borders:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        edges.append(el)
    tbl_pr.insert_element_before(edges, *_AFTER_TBLBORDERS)
    return table


def _fill(cell: Any, lines: list[tuple[str, dict[str, Any]]]) -> None:
    for par in cell.paragraphs:  # the empty paragraph python-docx puts in each cell
        cell._tc.remove(par._p)
    for text, fmt in lines:
        if text == "<rule>":
            rule(cell, fmt["length"], fmt["width"])
        else:
            paragraph(cell, text, **fmt)
    if not cell.paragraphs:
        paragraph(cell)


@dataclass
class Header:
    parent: str
    issuer: str
    number_line: str
    place_date: str
    about: str | None = None  # a Công văn's trích yếu “V/v …”, under the number (Mẫu 1.5)
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"


def _two_lines(text: str, limit: int) -> str:
    """A name too long for the header column, broken in two at the space nearest the middle
    (before “VÀ” when there is one): “SỞ NÔNG NGHIỆP⏎VÀ MÔI TRƯỜNG”."""
    if len(text) <= limit or LINE_BREAK in text:
        return text
    words = text.split(" ")
    cuts = [i for i in range(1, len(words)) if words[i] == "VÀ"] or range(1, len(words))
    best = min(cuts, key=lambda i: abs(len(" ".join(words[:i])) - len(text) / 2))
    return " ".join(words[:best]) + LINE_BREAK + " ".join(words[best:])


def header_block(doc: DocxDocument, h: Header) -> None:
    """Mẫu 1.4: parent/issuer/number on the left, nation/motto/date on the right."""
    widths = [6.9, 10.1]
    table = _table(doc, widths, 2, borders=False)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _fill(
        left,
        [
            (_two_lines(h.parent, 24), dict(size=13)),
            (_two_lines(h.issuer, 22), dict(size=13, bold=True)),
            ("<rule>", dict(length=2.6, width=widths[0] - 0.4)),
        ],
    )
    _fill(
        right,
        [
            (h.nation, dict(size=13, bold=True)),
            (h.motto, dict(size=14, bold=True)),
            ("<rule>", dict(length=6.1, width=widths[1] - 0.4)),
        ],
    )
    for row in table.rows:
        _keep_row_together(row)
    number = [(_unbroken_codes(h.number_line), dict(size=13, before=6))]
    if h.about:
        number.append((_unbroken_codes(h.about), dict(size=12, before=3)))
    _fill(table.cell(1, 0), number)
    _fill(table.cell(1, 1), [(h.place_date, dict(size=14, italic=True, before=6))])


def addressees(doc: DocxDocument, label: str, names: list[str]) -> None:
    """“Kính gửi:” with several addressees, each on its own line “- …;” beside it (Mẫu 1.5)."""
    widths = [5.2, 11.3]
    paragraph(doc, size=6)  # two tables in a row would be merged into one by Word and LibreOffice
    table = _table(doc, widths, 1, borders=False)
    _keep_row_together(table.rows[0])
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _fill(table.cell(0, 0), [(label, dict(align=right, before=6))])
    _fill(table.cell(0, 1), [(n, dict(align=LEFT, before=6 if i == 0 else 0)) for i, n in enumerate(names)])
    paragraph(doc, after=6)


def closing(doc: DocxDocument, recipients: list[str], authority: list[str], signer: str | None) -> None:
    """Nơi nhận on the left (12 bold italic, entries 11); authority and signer on the right."""
    widths = [7.4, 9.6]
    table = _table(doc, widths, 1, borders=False)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left = [("Nơi nhận:", dict(size=12, bold=True, italic=True, align=LEFT, before=12))]
    left += [(r, dict(size=11, align=LEFT)) for r in recipients]
    right = [(a, dict(size=14, bold=True, before=12 if i == 0 else 0)) for i, a in enumerate(authority)]
    right += [("", dict())] * 4
    right += [(signer or "", dict(size=14, bold=True))]
    _fill(table.cell(0, 0), left)
    _fill(table.cell(0, 1), right)


@dataclass
class Column:
    width_cm: float
    header: str
    align: str = "left"


@dataclass
class Grid:
    columns: list[Column]
    rows: list[tuple[str, list[str]]] = field(default_factory=list)  # ("group"|"row", cells)


_ALIGN = {"left": LEFT, "center": CENTER, "justify": JUSTIFY}


_CHAR_CM = 0.2  # average width of a 12 pt Times character, Vietnamese text
_LINE_PT = 14.5  # one 12 pt line, single spacing
_CELL_PAD_CM = 0.4
_ROW_BUDGET_PT = 380  # a landscape page's text height less the repeated header row, with room to spare


def _row_height_pt(cells: list[str], widths_cm: list[float]) -> float:
    """A generous estimate of a table row's height (the tallest cell)."""
    tallest = 0
    for text, width in zip(cells, widths_cm, strict=False):
        per_line = max(int((width - _CELL_PAD_CM) / _CHAR_CM), 1)
        lines = sum(max(-(-len(piece) // per_line), 1) for piece in text.split(LINE_BREAK))
        tallest = max(tallest, lines)
    return tallest * _LINE_PT + 6


def _keep_row_together(row: Any) -> None:
    """w:cantSplit: the row never breaks across pages (Word and LibreOffice move it whole)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def data_table(doc: DocxDocument, grid: Grid) -> None:
    """A bordered table: bold header row repeated on each page, bold group rows spanning all columns
    and kept with the row after them; every row kept whole on one page unless it is taller than
    a page (such a row could not be placed at all: it is left to break)."""
    widths = [c.width_cm for c in grid.columns]
    table = _table(doc, widths, 1 + len(grid.rows), borders=True)
    head = table.rows[0]
    trpr = head._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    trpr.append(OxmlElement("w:tblHeader"))
    for cell, col in zip(head.cells, grid.columns, strict=False):
        _fill(cell, [(col.header, dict(size=TABLE_SIZE, bold=True, before=3, after=3))])
    for row, (kind, cells) in zip(table.rows[1:], grid.rows, strict=False):
        if kind == "group":
            _keep_row_together(row)
            first = row.cells[1].merge(row.cells[-1])
            fmt = dict(size=TABLE_SIZE, bold=True, before=3, after=3, keep_next=True)
            _fill(row.cells[0], [(cells[0], fmt)])
            _fill(first, [(cells[1], dict(fmt, align=LEFT))])
            continue
        if _row_height_pt(cells, widths) <= _ROW_BUDGET_PT:
            _keep_row_together(row)
        for cell, col, text in zip(row.cells, grid.columns, cells, strict=False):
            _fill(cell, [(text, dict(size=TABLE_SIZE, align=_ALIGN[col.align], before=3, after=3))])
    paragraph(doc, size=6, after=6)  # the text after a table does not touch its last row


# ---------------------------------------------------------------- pages
def _page(section: Any, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    section.header_distance = section.footer_distance = Mm(8)
    section.different_first_page_header_footer = True


def _page_field(par: Paragraph) -> None:
    """A PAGE field (fldChar begin/instr/separate/end) in the header paragraph."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = add_run(par, "", size=13).runs[-1]
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""


def _restart_numbering(section: Any) -> None:
    sect_pr = section._sectPr
    num = OxmlElement("w:pgNumType")
    num.set(qn("w:start"), "1")
    sect_pr.insert_element_before(num, *_AFTER_PGNUM)


def new_document(notice: str | None = None) -> DocxDocument:
    """An empty A4 portrait document: fonts, margins, page numbers from page 2, notice in the header."""
    doc = Document()
    _drop_noise_parts(doc)
    _setup_styles(doc)
    section = doc.sections[0]
    _page(section, landscape=False)
    for i, part in enumerate((section.header, section.first_page_header)):
        part.is_linked_to_previous = False
        for par in part.paragraphs:
            part._element.remove(par._p)
        if i == 0:  # page numbers from page 2: the first-page header has none
            _page_field(paragraph(part))
        if notice:
            paragraph(part, notice, size=10, bold=True)
        if not part.paragraphs:
            paragraph(part)
    return doc


def landscape_section(doc: DocxDocument) -> None:
    """A new landscape section on a new page whose page numbers restart at 1."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=True)
    _restart_numbering(section)


def text_width_cm(doc: DocxDocument) -> float:
    return TEXT_W_CM[doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE]


# ---------------------------------------------------------------- saving
def _drop_noise_parts(doc: DocxDocument) -> None:
    """Drop the template's thumbnail and stylesWithEffects (theme fonts, python-docx branding)."""
    for rels, kinds in ((doc.part.package.rels, {RT.THUMBNAIL}), (doc.part.rels, {_STYLES_WITH_EFFECTS})):
        for rid, rel in list(rels.items()):
            if rel.reltype in kinds:
                del rels[rid]


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


class Built:
    """A finished document. Its body paragraphs are held as text until it is saved (see
    docx_stream), so its only way out is `to_bytes`: no python-docx `save()` or `paragraphs`
    that would miss them."""

    __slots__ = ("_doc",)

    def __init__(self, doc: DocxDocument) -> None:
        self._doc = doc

    def to_bytes(self, stamp: dt.date, title: str) -> bytes:
        """The .docx bytes: fixed core properties and a deterministic zip (sorted, fixed timestamps)."""
        return _to_bytes(self._doc, stamp, title)


def _to_bytes(doc: DocxDocument, stamp: dt.date, title: str) -> bytes:
    props = doc.core_properties
    moment = dt.datetime(stamp.year, stamp.month, stamp.day)
    props.author = props.last_modified_by = props.comments = props.keywords = props.category = ""
    props.title, props.subject, props.revision = title, "", 1
    props.created = props.modified = props.last_printed = moment
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if name == "word/document.xml":
                with dst.open(info, "w") as part:
                    docx_stream.write_document_xml(doc, src.read(name), part, _body_element)
            else:
                dst.writestr(info, src.read(name))
    return out.getvalue()
