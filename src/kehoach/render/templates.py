"""Load and render document templates (templates/*.md.j2) safely.

Jinja's SandboxedEnvironment with StrictUndefined: a missing variable or an unsafe
attribute (`''.__class__`) is a TemplateError naming the template file and line,
never a blank. Every value a template prints is cleaned (CRLF, control characters,
line breaks kept inside one markup line) and wrapped in private-use marks so that
user text cannot be read as markup by docx_build.

A template cannot hurt (see README "An toàn"): templates are read only as regular
files inside their folder (never through a link); any error while rendering is
exit 1 naming the template and line; and rendering is bounded — wall-clock time
(KEHOACH_TEMPLATE_TIMEOUT seconds, default 20), output size, memory, `range`
sizes and the length of anything built with `*` or `+`.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import signal
import stat
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from kehoach import layout
from kehoach import text_vn as vn
from kehoach.errors import KehoachError, SetupError, TemplateError
from kehoach.render.docx_build import CLOSE, OPEN

_INSTALLED = Path(__file__).resolve().parents[1] / layout.TEMPLATES_DIR  # a wheel carries templates/ here
PACKAGE_TEMPLATES = _INSTALLED if _INSTALLED.is_dir() else Path(__file__).resolve().parents[3] / layout.TEMPLATES_DIR

TIMEOUT_ENV = "KEHOACH_TEMPLATE_TIMEOUT"
DEFAULT_TIMEOUT = 20.0  # seconds of wall-clock time for one rendering
MAX_OUTPUT = 64 * 1024 * 1024  # characters a template may produce (a 50,000-entry report is ~20 MB)
MAX_LINES = 500_000  # lines (paragraphs, cells) it may produce (a 50,000-entry report has ~90,000)
MAX_ITEMS = 100_000  # the largest `range` a template may make
MAX_LENGTH = 1_000_000  # the longest text or list a template may build with `*` or `+`
MAX_INT_BITS = 4096  # the largest number a template may build with `*` or `**`
MEMORY_BUDGET = 512 * 1024 * 1024  # address space rendering may add (Linux), bytes
MAX_SOURCE = 1024 * 1024  # a template file's size
_BATCH = 32  # pieces of output between two checks of the size limits


class _Limit(Exception):
    """A rendering limit was reached; the message says which (Vietnamese)."""


class _Timeout(_Limit):
    pass


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts: \w less the underscore


def _finalize(value: object) -> str:
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    core = vn.one_line(text)
    if core and _ALNUM.search(core) is None:  # a separator such as "; " or " – ": keep its spaces
        core = (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")
    return OPEN + core + CLOSE


def template_path(root: Path, name: str, override: Path | None) -> Path:
    """`--template FILE`, else root/templates/NAME, else the copy shipped with kehoach."""
    if override is not None:
        return _checked_override(root, override)
    folder = root / layout.TEMPLATES_DIR
    if os.path.lexists(folder) and (os.path.islink(folder) or os.path.lexists(folder / name)):
        rel = f"{layout.TEMPLATES_DIR}/{name}"
        _regular(root, rel, rel)  # a link here is refused, not skipped
        return folder / name
    if (PACKAGE_TEMPLATES / name).is_file():
        return PACKAGE_TEMPLATES / name
    raise TemplateError(f"không tìm thấy mẫu templates/{name}.")


def _checked_override(root: Path, override: Path) -> Path:
    """`--template` must name a regular file inside the data root, reached without a link:
    a report built in CI must not read a file of the machine into the document. Refusing
    it is a usage error (exit 2): the option's value is wrong, not the data."""
    if not os.path.lexists(override):
        raise SetupError(f"không tìm thấy mẫu {override}; hãy kiểm tra đường dẫn --template.")
    real_root = Path(os.path.realpath(root))
    absolute = Path(os.path.abspath(override))
    real = Path(os.path.realpath(absolute.parent)) / absolute.name  # the file itself is not followed
    try:
        rel = real.relative_to(real_root)
    except ValueError:
        raise SetupError(
            f"mẫu {override} nằm ngoài thư mục dữ liệu {root}; --template chỉ nhận tệp mẫu trong thư mục "
            "dữ liệu (ví dụ templates/mau-khac.md.j2) để văn bản không đọc được tệp khác của máy."
        ) from None
    try:
        _regular(real_root, rel.as_posix(), str(override))
    except TemplateError as exc:
        raise SetupError(exc.message) from None
    return real_root / rel


def _regular(folder: Path, name: str, shown: str) -> None:
    """Every part of folder/name below `folder` is a real folder or a regular file, not a link."""
    path = folder
    parts = name.split("/")
    for i, part in enumerate(parts):
        path = path / part
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            raise TemplateError(f"không tìm thấy mẫu {shown}.") from None
        last = i == len(parts) - 1
        if stat.S_ISLNK(mode):
            raise TemplateError(
                f"mẫu {shown}: `{path.relative_to(folder)}` là liên kết tượng trưng; mẫu chỉ được đọc từ "
                "tệp thường trong thư mục mẫu — hãy thay liên kết bằng chính tệp đó."
            )
        if (last and not stat.S_ISREG(mode)) or (not last and not stat.S_ISDIR(mode)):
            raise TemplateError(f"mẫu {shown}: `{path.relative_to(folder)}` không phải tệp thường.")


# O_NOFOLLOW, O_NONBLOCK (POSIX): never read through a link, never wait on a FIFO; O_BINARY
# (Windows): no newline translation. Each is 0 where the system has no such flag.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class _RegularFileLoader(jinja2.BaseLoader):
    """Like FileSystemLoader for one folder, but reads only regular files inside it, never
    through a link (a template, or one it includes, cannot pull in a file of the machine)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        name = "/".join(split_template_path(template))  # refuses `..`
        if not os.path.lexists(self.folder / name):  # absent here: the next folder may have it
            raise jinja2.TemplateNotFound(template)
        data = read_regular(self.folder, name)
        try:
            source = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TemplateError(f"mẫu {name} không phải UTF-8; hãy lưu lại với mã hóa UTF-8.") from None
        return source, str(self.folder / name), lambda: False


def read_regular(folder: Path, name: str) -> bytes:
    """The bytes of folder/name, a regular file reached without a link (TemplateError otherwise):
    templates and the files shipped beside them (the site's style sheet) are read only so."""
    _regular(folder, name, name)
    try:
        fd = os.open(folder / name, _READ_FLAGS)
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise TemplateError(f"mẫu {name} không phải tệp thường.")
            data = fh.read(MAX_SOURCE + 1)
    except OSError as exc:
        why = "là liên kết tượng trưng" if exc.errno == errno.ELOOP else exc.strerror
        raise TemplateError(f"không đọc được mẫu {name} ({why}).") from None
    if len(data) > MAX_SOURCE:
        raise TemplateError(f"mẫu {name} lớn hơn {MAX_SOURCE // 1024} KB; hãy tách thành các mẫu nhỏ.")
    return data


def display(path: Path, root: Path) -> str:
    for base in (root.resolve(), PACKAGE_TEMPLATES.parent):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(path)


def _too_long(n: int) -> _Limit:
    return _Limit(f"chuỗi hoặc danh sách dựng ra quá dài ({n:,} phần tử; tối đa {MAX_LENGTH:,})".replace(",", "."))


def _length(x: object) -> int | None:
    return len(x) if isinstance(x, (str, list, tuple, bytes)) else None


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse, before computing it, a `*`, `**` or `+` whose result would be huge."""
    if operator == "+":
        a, b = _length(left), _length(right)
        if a is not None and b is not None and a + b > MAX_LENGTH:
            raise _too_long(a + b)
        return
    ints = isinstance(left, int) and isinstance(right, int)
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            n = _length(seq)
            if n is not None and isinstance(times, int) and n * max(times, 0) > MAX_LENGTH:
                raise _too_long(n * times)
        if ints and abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS:
            raise _Limit(f"số dựng ra quá lớn (hơn {MAX_INT_BITS} bit)")
    elif operator == "**" and ints and abs(left) > 1 and abs(left).bit_length() * right > MAX_INT_BITS:
        raise _Limit(f"lũy thừa quá lớn (hơn {MAX_INT_BITS} bit)")


def _range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_ITEMS:
        raise _Limit(f"range quá lớn ({len(rng):,} phần tử; tối đa {MAX_ITEMS:,})".replace(",", "."))
    return rng


def _lipsum(n: int = 5, html: bool = False, min: int = 20, max: int = 100) -> str:
    """jinja2's placeholder text, at most 20 paragraphs of at most 100 words."""
    from jinja2.utils import generate_lorem_ipsum

    return str(generate_lorem_ipsum(n=_small(n, 20), html=html, min=_small(min, 100), max=_small(max, 100)))


def _small(n: int, most: int) -> int:
    return n if isinstance(n, int) and 0 <= n <= most else most


_DICT_ATTRIBUTES = frozenset(dir(dict))  # `d.items` is the method, as in Jinja, not d["items"]


class Sandbox(SandboxedEnvironment):
    """The sandbox with limits on `range`, `*`, `**`, `+` and time (see jinja2's sandbox docs:
    intercepted_binops / call_binop)."""

    intercepted_binops = frozenset({"*", "**", "+"})
    deadline = float("inf")
    seconds = DEFAULT_TIMEOUT
    ticking = False  # attribute reads check the clock only where no alarm can (see _bounded)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        self._tick()
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self._tick()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if self.ticking:
            self._tick()
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            # What the sandbox would do, without its failed attribute lookup first: a plain
            # dict has no attribute of that name, so the key is read (the data is dicts).
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def _tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise _Timeout(_timeout_text(self.seconds))


def sandbox(folders: Sequence[Path], *, html: bool = False) -> Sandbox:
    """The environment every template runs in (documents and the site): Jinja's sandbox with
    limits on `range`, `*`, `**`, `+` and time, templates read only as regular files from
    `folders` (first match wins); `html` escapes every value (the site), otherwise values
    are marked for the document builder."""
    loaders = [_RegularFileLoader(f) for f in folders]
    env = Sandbox(
        loader=loaders[0] if len(loaders) == 1 else jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # a template is read and compiled once per run, however often it is used
        autoescape=html,
        finalize=None if html else _finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(range=_range, lipsum=_lipsum)
    env.filters.update(
        ngay_thang=vn.ngay_thang,
        so=vn.so,
        lower_first=lambda s: s[:1].lower() + s[1:],
        upper_first=lambda s: s[:1].upper() + s[1:],
    )
    return env


def bounded(env: Sandbox) -> contextlib.AbstractContextManager[None]:
    """Run templates of `env` within the time limit (KEHOACH_TEMPLATE_TIMEOUT) and the memory budget."""
    return _bounded(env, _timeout())


def _timeout() -> float:
    raw = os.environ.get(TIMEOUT_ENV)
    if raw is None or not raw.strip():
        return DEFAULT_TIMEOUT
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise SetupError(f"{TIMEOUT_ENV} phải là số giây từ 0 đến 3600 (ví dụ 20), không phải `{raw}`.")
    return value


def _timeout_text(seconds: float) -> str:
    return (
        f"dựng văn bản quá {seconds:g} giây (vòng lặp quá dài?); "
        f"muốn cho phép lâu hơn hãy đặt biến môi trường {TIMEOUT_ENV}"
    )


@contextlib.contextmanager
def _bounded(env: Sandbox, seconds: float) -> Iterator[None]:
    """Time (an alarm in the main thread, plus checks on every call), and memory (Linux)."""
    env.deadline, env.seconds = time.monotonic() + seconds, seconds
    alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    env.ticking = not alarm
    if alarm:

        def _ring(signum: int, frame: object) -> None:
            raise _Timeout(_timeout_text(seconds))

        old = signal.signal(signal.SIGALRM, _ring)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        with _memory_cap():
            yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        env.deadline, env.ticking = float("inf"), False


@contextlib.contextmanager
def _memory_cap() -> Iterator[None]:
    """Cap the address space at what is used now plus MEMORY_BUDGET while rendering, so a
    template that builds something huge gets a MemoryError instead of exhausting the machine."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = used + MEMORY_BUDGET
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft != resource.RLIM_INFINITY and soft <= cap:
            yield  # already tighter than ours
            return
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        yield  # not Linux: time and size limits still apply
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _line(exc: BaseException, path: Path) -> int | None:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.lineno
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(path)]
    return lines[-1] if lines else None


def _what(exc: BaseException) -> str:
    msg = str(exc)
    if isinstance(exc, _Limit):
        return msg
    if isinstance(exc, SecurityError):
        return f"truy cập không an toàn bị từ chối ({msg})"
    if isinstance(exc, jinja2.UndefinedError):
        m = re.search(r"has no attribute '([^']+)'", msg) or re.search(r"'([^']+)' is undefined", msg)
        if m and m.group(1).startswith("_"):
            return f"truy cập không an toàn bị từ chối (`{m.group(1)}`)"
        return f"biến `{m.group(1) if m else msg}` không tồn tại"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"lỗi cú pháp Jinja: {exc.message}"
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"không tìm thấy mẫu `{exc.name}` (kiểm tra tên trong include/extends/import)"
    if isinstance(exc, RecursionError):
        return "gọi lồng nhau quá sâu (macro hoặc include gọi lại chính nó?)"
    if isinstance(exc, MemoryError):
        return f"dùng quá nhiều bộ nhớ (hơn {MEMORY_BUDGET // 1024 // 1024} MB khi dựng văn bản)"
    if isinstance(exc, ZeroDivisionError):
        return "chia cho 0"
    return f"lỗi khi dựng văn bản ({type(exc).__name__}: {msg})"


def render(path: Path, context: dict[str, Any], shown: str) -> str:
    """The markup text of template `path` with `context`; `shown` names it in messages."""
    env = sandbox([path.parent])
    parts: list[str] = []
    size = lines = 0
    with reported(path, shown), bounded(env):
        chunks = env.get_template(path.name).generate(**context)
        # The size limits are checked every _BATCH pieces the template yields (a 50,000-entry
        # report yields ~450,000): less work per piece, and at most _BATCH - 1 pieces past a
        # limit are held before it stops (the memory cap bounds what any one piece can be).
        while batch := list(itertools.islice(chunks, _BATCH)):
            chunk = "".join(batch)
            size += len(chunk)
            lines += chunk.count("\n")
            if size > MAX_OUTPUT:
                raise _Limit(f"văn bản dựng ra quá lớn (hơn {MAX_OUTPUT // 1024 // 1024} triệu ký tự)")
            if lines > MAX_LINES:  # each line becomes a paragraph or a cell of the .docx
                raise _Limit(f"văn bản dựng ra quá nhiều dòng (hơn {MAX_LINES:,} dòng)".replace(",", "."))
            parts.append(chunk)
    return "".join(parts)


@contextlib.contextmanager
def reported(path: Path, shown: str) -> Iterator[None]:
    """Whatever a template raises while it is loaded or run becomes its TemplateError (exit 1),
    naming the template and, where known, the line."""
    try:
        yield
    except KehoachError:
        raise  # from the loader or the time-limit setting: already says what is wrong
    # The template is code written by whoever edits templates/: whatever it raises (a Python
    # error, a recursion, memory, a limit) is the template's error, reported with its line.
    except Exception as exc:
        raise template_error(exc, path, shown) from None


def template_error(exc: BaseException, path: Path, shown: str) -> TemplateError:
    """The user's message for a template that failed: its name, its line, what went wrong."""
    line = _line(exc, path)
    where = f"mẫu {shown}" + (f" dòng {line}" if line else "")
    return TemplateError(f"{where}: {_what(exc)}")
