"""`kehoach review [BASE] [HEAD]`: what a change does to the data, for a reviewer or for CI.

HEAD is compared with the point where it left BASE (`git merge-base`, like
`git diff BASE...HEAD`), so entries that reached BASE after the branch was made
are not this change's. Both trees are read from git's objects (`ls-tree`,
`cat-file --batch`: no checkout, no `.gitattributes`, no filters) into memory and
loaded like any data root (load/source.py); anything under the data folders that
is not a regular file (a symlink, a submodule) is refused there (KH100).
compute/review.py works out the ReviewResult and render/review_md.py the
Markdown. History is append-only: a modified, renamed or deleted entry, or an
error, makes the command exit 1.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from kehoach import gitio
from kehoach.commands.common import Said
from kehoach.compute.review import ReviewResult, Revisions, build
from kehoach.errors import DataError
from kehoach.gcpause import no_gc
from kehoach.layout import READ_DIRS, REVISION_DIRS
from kehoach.load.root import load_root, unchanged
from kehoach.load.source import BlobSource
from kehoach.load.text import MAX_BYTES
from kehoach.problems import Problem, make
from kehoach.text_vn import so
from kehoach.write import atomic_write

HELD_MAX = 512 * 2**20
"""The most bytes of a revision's data review holds in memory (50,000 entries: about 25 MiB)."""

_KINDS = {"120000": "liên kết tượng trưng (symlink)", "160000": "submodule (kho git con)"}


_LINK_FIX = (
    "kehoach chỉ nhận tệp thường, vì nội dung thật của mục này nằm ngoài dữ liệu đã commit: hãy xóa nó "
    "(`git rm --cached` đường dẫn này) và commit tệp có nội dung thật."
)
_CRAFTED_FIX = "cây git này không thể tạo bằng git thông thường; hãy tạo lại commit từ các tệp thường."


def _refuse(item: gitio.TreeItem, what: str, fix: str = _LINK_FIX) -> Problem:
    return make("KH100", item.path, 1, 1, f"{what} trong thư mục dữ liệu; {fix}")


_ODD_PART = re.compile(r"(?:^|/)(?:\.{0,2}|(?:\.git|git~1)[. ]*(?:[:\\][^/]*)?)(?:/|$)", re.I)
"""An empty, `.`, `..` or `.git` (any case) component: names git's own tools never write; and
the names Windows reads as `.git` (`.git.`, `.git `, `git~1`, `.git::$INDEX_ALLOCATION`),
which git refuses to check out on every system."""
_HFS_IGNORED = re.compile("[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]")
"""Characters macOS leaves out of a name: `\u200c.git` is `.git` there (git refuses it on a Mac)."""

NAME_MAX = 255
"""The longest name, in bytes, a file system takes (Linux, macOS; Windows counts 255 UTF-16
units, never fewer than this many bytes): a longer one makes every checkout of the commit fail."""


def _unsafe(path: str) -> bool:
    """A path git's own tools never write, or one this system would read as more than a path
    of names (on Windows: a `\\` separator or a drive, `C:x`); never true for ordinary names."""
    if _ODD_PART.search(path) or (_HFS_IGNORED.search(path) and _ODD_PART.search(_HFS_IGNORED.sub("", path))):
        return True
    return os.sep != "/" and any(os.sep in p or os.path.splitdrive(p)[0] for p in path.split("/"))


_LONG_FIX = "hãy đặt tên ngắn hơn (tên mục tiến độ theo dạng <NĂM-THÁNG-NGÀY>-<NHIỆM VỤ>.yaml)."


def _too_long(path: str) -> bool:
    """Whether a component of `path` is longer than any file system takes (never an ordinary name)."""
    # (a character is at most 4 bytes: most names are too short to need encoding)
    return len(path) > NAME_MAX // 4 and any(
        len(p) > NAME_MAX // 4 and len(p.encode("utf-8", "surrogateescape")) > NAME_MAX for p in path.split("/")
    )


def revision(top: Path, rev: str, prefix: str, seen: BlobSource | None = None) -> tuple[BlobSource, list[Problem]]:
    """The data folders of `prefix` at `rev`, straight from git's objects and held in memory;
    (their regular files, problems for the entries that are not regular files). Contents
    `seen` already holds (the other revision: same object id) are not read again."""
    items = [i for i in gitio.tree(top, rev, prefix, REVISION_DIRS) if i.path.split("/", 1)[0] in REVISION_DIRS]
    refused: list[Problem] = []
    files: dict[str, gitio.TreeItem] = {}
    folders: set[str] = set()
    trees: set[str] = set()  # the folders git lists (a crafted tree may list one twice)
    for item in items:
        if item.folder:
            if item.path in trees:  # git lists both as one: each file under it looks ordinary
                refused.append(_refuse(item, "thư mục trùng tên", _CRAFTED_FIX))
            trees.add(item.path)
            continue
        parent = item.path.rpartition("/")[0]
        # (a known folder's own folders are known and none of them is a file)
        parts = [] if parent in folders else item.path.split("/")
        ancestors = ["/".join(parts[:i]) for i in range(1, len(parts))]
        if _unsafe(item.path):
            refused.append(
                _refuse(
                    item,
                    "tên đường dẫn không hợp lệ (`.`, `..` hoặc `.git`, kể cả cách viết khác như `git~1`, `.git.`)",
                    _CRAFTED_FIX,
                )
            )
        elif _too_long(item.path):
            refused.append(
                _refuse(item, f"tên dài quá {NAME_MAX} byte nên không máy nào lấy ra (checkout) được", _LONG_FIX)
            )
        elif not item.regular:
            refused.append(_refuse(item, _KINDS.get(item.mode, f"mục git kiểu {item.mode} (không phải tệp thường)")))
        elif item.path in files or item.path in folders or any(a in files for a in ancestors):
            # a crafted tree: the same name twice, or a file where a folder is
            refused.append(_refuse(item, "mục trùng tên hoặc không thể lấy ra", _CRAFTED_FIX))
        else:
            files[item.path] = item
            folders.update(ancestors)
    read = [i for i in files.values() if i.size <= MAX_BYTES]
    total = sum(i.size for i in read)
    if total > HELD_MAX:
        raise DataError(
            f"dữ liệu ở phiên bản {rev[:10]} (plan/, units/, progress/, templates/) nặng "
            f"{so(round(total / 2**20, 1))} MiB, quá giới hạn {so(HELD_MAX // 2**20)} MiB mà review đọc vào bộ nhớ "
            "(50.000 mục tiến độ chỉ khoảng 25 MiB); hãy xem lại thay đổi này — có thể có tệp lớn hoặc rất nhiều tệp bị thêm nhầm.",
            code="KH102",
        )
    had = seen.by_id() if seen is not None else {}
    contents = had | gitio.blobs(top, [i.sha for i in read if i.sha not in had])
    # a file too large is never read: its size alone says "too large" when it is loaded
    data: dict[str, bytes | int] = {
        path: contents[i.sha] if i.size <= MAX_BYTES else i.size for path, i in files.items()
    }
    return BlobSource(data, {path: i.sha for path, i in files.items()}), refused


_FOLDED = {d.casefold(): d for d in READ_DIRS}


def case_twins(changes: list[gitio.Change], prefix: str) -> list[Problem]:
    """KH103 for each file a change adds or edits in a folder spelt like a data folder (or the
    data root) in another case (`Progress/`): Windows and macOS take it for that folder, so
    there it is data no review has checked; here it would be an "other file"."""
    out: list[Problem] = []
    lead = f"{prefix}/" if prefix else ""
    for c in changes:
        if c.status == "D" or c.path[: len(lead)].casefold() != lead.casefold():
            continue
        first, slash, _ = c.path[len(lead) :].partition("/")
        exact = _FOLDED.get(first.casefold()) if slash else None
        have, want = c.path[: len(lead)] + first, f"{lead}{exact}"
        if exact is not None and have != want:
            why = (
                f"thư mục `{have}` chỉ khác `{want}` ở chữ hoa/thường: trên Windows và macOS hai thư mục là một, "
                f"nên tệp này thành dữ liệu mà review không kiểm tra; hãy chuyển tệp vào {want}/ (`git mv`)."
            )
            out.append(make("KH103", gitio.under(c.path, prefix) or c.path, 1, 1, why))
    return out


def review_root(given: Path | None) -> Path:
    """The data root to review. The working tree may lack plan/ (a branch that deletes it is
    still reviewed): --root is taken as given, else the nearest plan/ upwards, else git's top."""
    from kehoach.commands.common import resolve_root
    from kehoach.load.files import find_root

    if given is not None:
        if not given.is_dir():
            return resolve_root(given)  # its message: not a data folder
        return given.resolve()
    found = find_root(Path.cwd())
    return found if found is not None else gitio.toplevel(Path.cwd())


def review(root: Path, base: str | None, head: str, today: dt.date) -> ReviewResult:
    top = gitio.toplevel(root)
    prefix = gitio.prefix_of(top, root)
    head_sha = gitio.resolve(top, head)
    base_label = base if base else gitio.main_branch(top)
    merge_base = gitio.merge_base(top, gitio.resolve(top, base_label), head_sha, base_label, head)
    revisions = Revisions(
        base=merge_base[:10],
        base_full=merge_base,
        base_subject=gitio.subject(top, merge_base),
        base_label=base_label,
        head=head_sha[:10],
        head_label=head,
    )
    changes = gitio.changes(top, merge_base, head_sha)
    old_files, _ = revision(top, merge_base, prefix)
    new_files, refused = revision(top, head_sha, prefix, seen=old_files)
    refused += case_twins(changes, prefix)
    old = load_root(root, source=old_files)
    # entries the change does not touch are the base's, read once
    same = unchanged(old, lambda rel: new_files.same(old_files, rel))
    new = load_root(root, source=new_files, known=same)
    return build(changes, old, new, today, revisions, prefix, refused)


def run(root: Path, base: str | None, head: str, output: Path | None, summary: Path | None, today: dt.date) -> Said:
    from kehoach.render.review_md import digest, render, short

    said = Said()
    # Both revisions and the result live to the end of the command and hold no cycles worth
    # collecting: a collection would only rescan millions of objects (load_root does the same).
    with no_gc():
        result = review(root, base, head, today)
        text = render(result)
    if output is None:
        said.out(text, nl=False)
    else:
        atomic_write(output, text.encode("utf-8"))
        said.err(f"Đã ghi {output}")
    if summary is not None:
        atomic_write(summary, digest(result, text, full_name=output.name if output else None).encode("utf-8"))
        said.err(f"Đã ghi {summary}")
    if result.failed:
        said.err(short(result))
    said.code = 1 if result.failed else 0
    return said
