"""Body paragraphs of long documents kept as text and written as XML when the file is saved.

A report over tens of thousands of progress entries has as many body
paragraphs. As lxml elements each costs several kilobytes (every run carries
its fonts, as ND 30 requires), so they are kept as (text, kind, keep_next)
items instead. A comment in the document tree marks where each run of such
paragraphs belongs; `write_document_xml` splices their XML in at that place
while the package is being zipped. The XML of each paragraph kind is taken
from a paragraph built the ordinary way, so the result is the same document
(tests/render/test_docx_stream.py compares the two for every kind). A document
holding such paragraphs leaves only through `docx_layout.Built.to_bytes`.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, Any

from docx.document import Document as DocxDocument
from lxml import etree

from kehoach.text_vn import LINE_BREAK

_MARK = "\ue000"  # private use: `vn.clean` removes such characters from every text
_PLACEHOLDER = re.compile(rb"<!--kh-body:(\d+)-->")
_XMLNS = re.compile(r' xmlns:\w+="[^"]*"')
_NOT_XML_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
_NOT_XML = re.compile(f"[{_NOT_XML_CHARS}]")
_TO_ESCAPE = re.compile(f"[&<>{_NOT_XML_CHARS}]")  # most text has none: it is written as it is
_ATTR = "_kehoach_body_stream"
_BATCH = 2000  # paragraphs per write
_AHEAD = 2  # chunks made but not yet written, at most (each ~1 MB for a report)
Builder = Callable[[str, tuple[Any, ...], bool], Any]  # (text, style, keep_next) → a w:p element


class BodyStream:
    """The text paragraphs of one document, in runs that each sit at one placeholder."""

    def __init__(self, doc: DocxDocument) -> None:
        self.chunks: list[list[list[Any]]] = []
        self._open: etree._Comment | None = None
        # the body's final sectPr: python-docx keeps this element last when it adds sections
        self._sect = next(doc.element.body.iterchildren(reversed=True))

    def add(self, doc: DocxDocument, text: str, style: tuple[Any, ...], keep_next: bool) -> None:
        sect = self._sect
        if self._open is None or self._open.getnext() is not sect:  # something else was added since
            self._open = etree.Comment(f"kh-body:{len(self.chunks)}")
            sect.addprevious(self._open)
            self.chunks.append([])
        self.chunks[-1].append([text, style, keep_next])

    def keep_last_with_next(self, doc: DocxDocument) -> bool:
        """Keep the last body paragraph with what follows, if it is one of ours."""
        if self._open is not None and self._open.getnext() is self._sect and self.chunks[-1]:
            self.chunks[-1][-1][2] = True
            return True
        return False


def stream_of(doc: DocxDocument) -> BodyStream:
    stream = getattr(doc, _ATTR, None)
    if stream is None:
        stream = BodyStream(doc)
        setattr(doc, _ATTR, stream)
    return stream


@functools.cache
def _shell(style: tuple[Any, ...], keep_next: bool, build: Builder) -> tuple[str, str]:
    """(XML before the text, XML after it) of a paragraph built the ordinary way."""
    p = build(_MARK, style, keep_next)
    xml = _XMLNS.sub("", etree.tostring(p, encoding="unicode"))
    before, after = xml.split(_MARK)
    return before.removesuffix("<w:t>"), after


def _escape(text: str) -> str:
    if _TO_ESCAPE.search(text) is None:
        return text
    return _NOT_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(piece: str) -> str:
    space = ' xml:space="preserve"' if piece != piece.strip() else ""
    return f"<w:t{space}>{_escape(piece)}"


@functools.cache
def _empty(style: tuple[Any, ...], keep_next: bool, build: Builder) -> str:
    """An empty paragraph built the ordinary way (its mark carries the fonts, for its height)."""
    return _XMLNS.sub("", etree.tostring(build("", style, keep_next), encoding="unicode"))


def _paragraph_xml(item: list[Any], build: Builder) -> str:
    text, style, keep_next = item
    if not text:
        return _empty(style, keep_next, build)
    before, after = _shell(style, keep_next, build)
    if LINE_BREAK not in text:  # one piece, without a split and a join
        return before + _t(text) + after
    return before + "</w:t><w:br/>".join(_t(piece) for piece in text.split(LINE_BREAK)) + after


def write_document_xml(doc: DocxDocument, xml: bytes, out: IO[bytes], build: Builder) -> None:
    """Write document.xml with each placeholder replaced by its paragraphs, chunk by chunk.

    `out` (a zip member) compresses each chunk on a second thread while the next one is made:
    zlib lets go of the interpreter lock, so on two cores the two overlap. The chunks reach
    `out` in order; an error of a write is raised here."""
    stream = getattr(doc, _ATTR, None)
    chunks = stream.chunks if stream is not None else []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kehoach-docx") as writer:  # one thread: in order
        pending: deque[Future[int]] = deque()

        def write(data: bytes) -> None:
            pending.append(writer.submit(out.write, data))
            if len(pending) > _AHEAD:
                pending.popleft().result()

        pos = 0
        for m in _PLACEHOLDER.finditer(xml):
            write(xml[pos : m.start()])
            items = chunks[int(m.group(1))]
            for start in range(0, len(items), _BATCH):  # few large writes: each write compresses
                write("".join(_paragraph_xml(item, build) for item in items[start : start + _BATCH]).encode("utf-8"))
            pos = m.end()
        write(xml[pos:])
        while pending:
            pending.popleft().result()
