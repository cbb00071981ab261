"""Templates: sandboxed, strict, errors name the template file and line; user text cannot become markup."""

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from kehoach.errors import TemplateError
from kehoach.render import docx_build, templates

REPO = Path(__file__).resolve().parents[2]


def _render(tmp_path: Path, text: str, context: dict | None = None) -> str:
    path = tmp_path / "x.md.j2"
    path.write_text(text, encoding="utf-8")
    return templates.render(path, context or {}, "templates/x.md.j2")


def test_undefined_variable_names_file_and_line(tmp_path):
    with pytest.raises(TemplateError) as err:
        _render(tmp_path, "dòng 1\ndòng 2\n{{ abc }}\n")
    assert err.value.message == "mẫu templates/x.md.j2 dòng 3: biến `abc` không tồn tại"


def test_missing_attribute_is_an_error_not_a_blank(tmp_path):
    with pytest.raises(TemplateError, match=r"dòng 2: biến `nope` không tồn tại"):
        _render(tmp_path, "a\n{{ plan.nope }}\n", {"plan": {"title": "x"}})


@pytest.mark.parametrize("expr", ["''.__class__", "''.__class__.__mro__", "plan.__init__", "lipsum.__globals__"])
def test_unsafe_attribute_refused(tmp_path, expr):
    with pytest.raises(TemplateError, match=r"dòng 1: truy cập không an toàn"):
        _render(tmp_path, "{{ " + expr + " }}\n", {"plan": {"a": 1}})


def test_syntax_error_names_line(tmp_path):
    with pytest.raises(TemplateError, match=r"mẫu templates/x.md.j2 dòng 2: lỗi cú pháp"):
        _render(tmp_path, "a\n{% for x in %}\n")


def test_values_are_cleaned_and_protected(tmp_path):
    out = _render(tmp_path, "{{ s }}\n- {{ s }}\n", {"s": "# a & <b>\r\n\r\nc"})
    lines = out.split("\n")
    assert lines[0] == docx_build.OPEN + "# a & <b>\u2028c" + docx_build.CLOSE
    saved = docx_build.build(out, "x").to_bytes(dt.date(2026, 1, 1), "x")
    texts = [p.text for p in docx.Document(io.BytesIO(saved)).paragraphs]
    assert texts == ["# a & <b>\nc", "- # a & <b>\nc"]  # literal, one break, not a heading


def test_repo_templates_document_their_markup():
    for name in ("bao-cao-nam.md.j2", "bao-cao-don-vi.md.j2", "ke-hoach.md.j2"):
        text = (REPO / "templates" / name).read_text(encoding="utf-8")
        assert text.startswith("{#") and "::appendix" in text and "::closing" in text


def test_unknown_directive(tmp_path):
    with pytest.raises(TemplateError, match="chỉ thị `::nope` không có"):
        docx_build.build("::nope x\n", "templates/x.md.j2")


def test_bundled_templates_are_found_for_a_root_without_templates():
    from kehoach.render.templates import PACKAGE_TEMPLATES

    assert sorted(p.name for p in PACKAGE_TEMPLATES.glob("*.j2")) == [
        "bao-cao-don-vi.md.j2",
        "bao-cao-nam.md.j2",
        "cong-van-don-doc.md.j2",
        "ke-hoach.md.j2",
    ]


def test_dict_values_read_as_jinja_reads_them(tmp_path):
    """A key is read by `d.key`; a dict method's name means the method, as in Jinja (`d.items`),
    so such a key is reached with `d["items"]`; a key starting with `_` is still only data."""
    context = {"d": {"title": "Tiêu đề", "items": ["x", "y"], "_note": "ghi chú", "n": 0}}
    out = _render(
        tmp_path,
        '{{ d.title }}|{{ d.items() | list | length }}|{{ d["items"] | join(",") }}|{{ d._note }}|{{ d.n }}\n',
        context,
    )
    mark = lambda s: docx_build.OPEN + s + docx_build.CLOSE  # noqa: E731
    assert out == "|".join(mark(s) for s in ("Tiêu đề", "4", "x,y", "ghi chú", "0")) + "\n"


@pytest.mark.parametrize("expr", ["d.__class__", "d.items.__self__", "d.get.__globals__"])
def test_dict_internals_still_refused(tmp_path, expr):
    with pytest.raises(TemplateError, match=r"dòng 1: truy cập không an toàn"):
        _render(tmp_path, "{{ " + expr + " }}\n", {"d": {"a": 1}})
