"""`kehoach review [BASE] [HEAD]`: what a change does to the data, for a reviewer or for CI.

Both revisions are exported from git into temporary folders and loaded like
any data root; compute/review.py works out the ReviewResult and
render/review_md.py the Markdown. History is append-only: a modified, renamed
or deleted entry, or an error, makes the command exit 1.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from kehoach import gitio
from kehoach.commands.common import Said
from kehoach.compute.review import ReviewResult, build
from kehoach.load.root import load_root
from kehoach.write import atomic_write


def review(root: Path, base: str | None, head: str, today: dt.date) -> ReviewResult:
    top = gitio.toplevel(root)
    prefix = gitio.prefix_of(top, root)
    head_sha = gitio.resolve(top, head)
    base_sha = gitio.resolve(top, base) if base else gitio.default_base(top, head)
    labels = dict(
        base=base_sha[:10],
        head=head_sha[:10],
        head_label=head,
        base_label=base or f"điểm tách khỏi {next(b for b in gitio.MAIN_BRANCHES if gitio.commit_of(top, b))}",
    )
    changes = gitio.changes(top, base_sha, head_sha, prefix)
    with tempfile.TemporaryDirectory(prefix="kehoach-review-") as tmp:
        old = load_root(gitio.export_tree(top, base_sha, prefix, Path(tmp) / "base"))
        new = load_root(gitio.export_tree(top, head_sha, prefix, Path(tmp) / "head"))
        return build(changes, old, new, today, labels)


def run(root: Path, base: str | None, head: str, output: Path | None, today: dt.date) -> Said:
    from kehoach.render.review_md import render, short

    said = Said()
    result = review(root, base, head, today)
    text = render(result)
    if output is None:
        said.out(text, nl=False)
    else:
        atomic_write(output, text.encode("utf-8"))
        said.err(f"Đã ghi {output}")
    if result.failed:
        said.err(short(result))
    said.code = 1 if result.failed else 0
    return said
