"""Load and render document templates (templates/*.md.j2) safely.

Jinja's SandboxedEnvironment with StrictUndefined: a missing variable or an unsafe
attribute (`''.__class__`) is a TemplateError naming the template file and line,
never a blank. Every value a template prints is cleaned (CRLF, control characters,
line breaks kept inside one markup line) and wrapped in private-use marks so that
user text cannot be read as markup by docx_build.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from kehoach.errors import TemplateError
from kehoach.render import vn
from kehoach.render.docx_build import CLOSE, OPEN

_INSTALLED = Path(__file__).resolve().parents[1] / "templates"  # a wheel carries templates/ here
PACKAGE_TEMPLATES = _INSTALLED if _INSTALLED.is_dir() else Path(__file__).resolve().parents[3] / "templates"


def _finalize(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    core = vn.one_line(text)
    if core and not any(c.isalnum() for c in core):  # a separator such as "; " or " – ": keep its spaces
        core = (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")
    return OPEN + core + CLOSE


def template_path(root: Path, name: str, override: Path | None) -> Path:
    """`--template FILE`, else root/templates/NAME, else the copy shipped with kehoach."""
    if override is not None:
        if not override.is_file():
            raise TemplateError(f"không tìm thấy mẫu {override}.")
        return override.resolve()
    for base in (root / "templates", PACKAGE_TEMPLATES):
        if (base / name).is_file():
            return (base / name).resolve()
    raise TemplateError(f"không tìm thấy mẫu templates/{name}.")


def display(path: Path, root: Path) -> str:
    for base in (root.resolve(), PACKAGE_TEMPLATES.parent):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(path)


def _environment(folder: Path) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        ngay_thang=vn.ngay_thang,
        so=vn.so,
        lower_first=lambda s: s[:1].lower() + s[1:],
        upper_first=lambda s: s[:1].upper() + s[1:],
    )
    return env


def _line(exc: BaseException, path: Path) -> int | None:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.lineno
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(path)]
    return lines[-1] if lines else None


def _what(exc: BaseException) -> str:
    msg = str(exc)
    if isinstance(exc, SecurityError):
        return f"truy cập không an toàn bị từ chối ({msg})"
    if isinstance(exc, jinja2.UndefinedError):
        m = re.search(r"has no attribute '([^']+)'", msg) or re.search(r"'([^']+)' is undefined", msg)
        if m and m.group(1).startswith("_"):
            return f"truy cập không an toàn bị từ chối (`{m.group(1)}`)"
        return f"biến `{m.group(1) if m else msg}` không tồn tại"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"lỗi cú pháp Jinja: {exc.message}"
    return f"lỗi khi dựng văn bản: {msg}"


def render(path: Path, context: dict, shown: str) -> str:
    """The markup text of template `path` with `context`; `shown` names it in messages."""
    env = _environment(path.parent)
    try:
        return env.get_template(path.name).render(**context)
    except RENDER_ERRORS as exc:
        raise template_error(exc, path, shown) from None


RENDER_ERRORS = (jinja2.TemplateError, TypeError, ValueError, KeyError, IndexError, AttributeError)
"""What a broken template can raise while rendering."""


def template_error(exc: BaseException, path: Path, shown: str) -> TemplateError:
    """The user's message for a template that failed: its name, its line, what went wrong."""
    line = _line(exc, path)
    where = f"mẫu {shown}" + (f" dòng {line}" if line else "")
    return TemplateError(f"{where}: {_what(exc)}")
