"""Keep Python's cyclic garbage collector from rescanning large, long-lived heaps.

Loading 50,000 entries, or building a report from them, allocates steadily; each
collection would rescan the whole growing heap again and again. The values
involved are trees without reference cycles, so nothing waits for the collector:
reference counting frees them. The collector is switched back on afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc(*, freeze: bool = False) -> Iterator[None]:
    """No collection while the block runs. `freeze`: then leave what it built (with everything
    else alive) out of later collections too, until an enclosing `frozen_heap` ends — else the
    first collection afterwards scans all of it, however long-lived, in one long pause."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Leave what exists now out of every collection while the block runs (new objects are
    still collected); reference counting frees frozen objects as usual."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
