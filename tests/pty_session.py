"""Run kehoach in a pseudo-terminal and answer its questions as a person would (expect/send)."""

from __future__ import annotations

import os
import pty
import re
import select
import sys
import time
from pathlib import Path

KEHOACH = str(Path(sys.executable).with_name("kehoach"))


class Session:
    def __init__(self, args: list[str], timeout: float = 30) -> None:
        self.timeout = timeout
        self.output = ""
        self._seen = 0
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: a real terminal on stdin/stdout
            os.environ.update(COLUMNS="200", NO_COLOR="1", TERM="dumb")
            os.execv(KEHOACH, [KEHOACH, *args])

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not chunk:
            return False
        self.output += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return True

    def expect(self, pattern: str) -> str:
        """Wait until `pattern` (a regex) appears after what was already matched; return that text."""
        deadline = time.monotonic() + self.timeout
        rx = re.compile(pattern)
        while True:
            m = rx.search(self.output, self._seen)
            if m:
                seen, self._seen = self._seen, m.end()
                return self.output[seen : m.end()]
            if time.monotonic() > deadline or not self._read(0.2):
                m = rx.search(self.output, self._seen)
                if m:
                    continue
                raise AssertionError(f"did not see {pattern!r}; output so far:\n{self.output}")

    def send(self, line: str) -> None:
        os.write(self.fd, (line + "\n").encode("utf-8"))

    def wait(self) -> int:
        while self._read(0.2):
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)
