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
    _seen: set[Note] = field(default_factory=set, repr=False, compare=False)

    def needs_look(self, where: str, message: str) -> None:
        note = Note(where, message)
        if note not in self._seen:  # a set: a hostile file with thousands of notes stays linear
            self._seen.add(note)
            self.look.append(note)

    def refuse(self, where: str, message: str) -> None:
        self.refused.append(Note(where, message))
