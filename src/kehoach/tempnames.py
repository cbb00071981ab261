"""The names of kehoach's own temporary files (see write.py), in a module light enough
for `validate`, which only needs to recognise them (and must not import the writer)."""

from __future__ import annotations

import re

TEMP_SUFFIX = ".kehoach-tmp"
STALE_SECONDS = 3600
_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + r"\Z", re.S)


def is_temp_name(name: str) -> bool:
    """Is `name` one of kehoach's own temporary files (`.<name>.<8 random>.kehoach-tmp`)?"""
    return name.endswith(TEMP_SUFFIX) and _TEMP_NAME.match(name) is not None
