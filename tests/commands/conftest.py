"""Fixtures shared by the command tests."""

from tests.commands.gitrepo import repo

__all__ = ["repo"]
