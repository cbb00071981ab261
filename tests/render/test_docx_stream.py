"""Body paragraphs kept as text land in the saved file in order, escaped, with their format."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.shared import Pt

from kehoach.render import docx_layout as L
from kehoach.render import docx_stream


def _saved(doc):
    return docx.Document(io.BytesIO(L.Built(doc).to_bytes(dt.date(2026, 1, 1), "x")))


def test_order_escaping_spaces_and_format_survive_saving():
    doc = L.new_document()
    L.body(doc, "một & <hai>")
    L.centred(doc, "GIỮA")  # an ordinary paragraph between two runs of streamed ones
    L.body(doc, "  có dấu cách đầu", "h1")
    L.body(doc, "dòng một\u2028dòng hai", "bullet")
    L.keep_last_with_next(doc)
    L.closing(doc, ["UBND tỉnh (báo cáo)"], ["GIÁM ĐỐC"], None)
    out = _saved(doc)
    texts = [p.text for p in out.paragraphs]
    assert texts[:4] == ["một & <hai>", "GIỮA", "  có dấu cách đầu", "dòng một\ndòng hai"]
    first, _, heading, last = out.paragraphs[:4]
    assert first.runs[0].font.size == Pt(14) and first.runs[0].font.name == "Times New Roman"
    assert first.paragraph_format.first_line_indent is not None
    assert heading.runs[0].font.bold and heading.paragraph_format.keep_with_next
    assert last.paragraph_format.keep_with_next  # kept with the signature block
    assert out.element.body[-2].tag.endswith("tbl")  # the closing table follows the text


def test_many_paragraphs_are_cheap_and_complete():
    doc = L.new_document()
    for i in range(5000):
        L.body(doc, f"mục {i}")
    texts = [p.text for p in _saved(doc).paragraphs]
    assert texts[-5000:] == [f"mục {i}" for i in range(5000)]


def _document_xml(doc) -> bytes:
    with zipfile.ZipFile(io.BytesIO(L.Built(doc).to_bytes(dt.date(2026, 1, 1), "x"))) as z:
        return z.read("word/document.xml")


TEXTS = ["một & <hai> \"ba\" 'bốn' > 5", "  dấu cách đầu và cuối  ", "dòng một\u2028dòng hai", "x\u2028\u2028 y", ""]


@pytest.mark.parametrize("keep_next", [False, True])
@pytest.mark.parametrize("kind", sorted(L.BODY_KINDS))
def test_streamed_xml_equals_the_ordinary_path(kind, keep_next):
    """Each paragraph kind, streamed as text, is byte for byte the paragraph python-docx builds."""
    streamed, ordinary = L.new_document(), L.new_document()
    for text in TEXTS:
        L.body(streamed, text, kind, keep_next=keep_next)
        L._attach(ordinary, L._body_element(text, L.BODY_KINDS[kind], keep_next or kind.startswith("h")))
    ours, theirs = _document_xml(streamed), _document_xml(ordinary)
    assert b"<!--kh-body" not in ours and ours.count(b"<w:p>") == theirs.count(b"<w:p>") >= len(TEXTS)
    assert ours == theirs


def test_a_built_document_has_no_other_way_out():
    built = L.Built(L.new_document())
    assert [name for name in dir(built) if not name.startswith("_")] == ["to_bytes"]


class _FullDisk(io.BytesIO):
    """A zip member that takes `room` writes, then fails as a full disk would."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, data) -> int:
        if self.room == 0:
            raise OSError(28, "No space left on device")
        self.room -= 1
        return super().write(data)


@pytest.mark.parametrize("room", [0, 1, 3])
def test_a_failed_write_is_raised_not_lost(room):
    """The XML is compressed on a second thread: an error there still reaches the caller."""
    doc = L.new_document()
    for i in range(3 * docx_stream._BATCH):
        L.body(doc, f"mục {i}")
    raw = io.BytesIO()
    L._attach(doc, L._body_element("x", L.BODY_KINDS["para"], False))  # a second placeholder
    L.body(doc, "cuối")
    doc.save(raw)
    with zipfile.ZipFile(raw) as z:
        xml = z.read("word/document.xml")
    with pytest.raises(OSError, match="No space left"):
        docx_stream.write_document_xml(doc, xml, _FullDisk(room), L._body_element)
    whole = _FullDisk(100)
    docx_stream.write_document_xml(doc, xml, whole, L._body_element)
    text = whole.getvalue().decode("utf-8")
    assert text.index("mục 0<") < text.index("mục 5999<") < text.index("cuối<")  # in order
