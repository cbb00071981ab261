"""What an import leaves for a human: items to look at and rows refused, each with where."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    where: str
    message: str


@dataclass
class Notes:
    look: list[Note] = field(default_factory=list)
    refused: list[Note] = field(default_factory=list)

    def needs_look(self, where: str, message: str) -> None:
        note = Note(where, message)
        if note not in self.look:
            self.look.append(note)

    def refuse(self, where: str, message: str) -> None:
        self.refused.append(Note(where, message))
