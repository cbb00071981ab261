"""Keep Typer from importing pydantic for parameters nobody gave (fast `kehoach status --help`).

Typer 0.29 converts every parameter value through a pydantic TypeAdapter, and
builds that adapter — importing pydantic, about 90 ms — as soon as a parameter
is processed, even when its value is None (not given) and the adapter is never
used. `kehoach status --help` processes the group's `--root` before the help
option stops it, so it paid for pydantic without converting anything.

`defer_coercion` gives each parameter a stand-in that answers None (or () for
a multi-value parameter) the way Typer's own RuntimeParam.coerce does, and
builds the real converter on the first real value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class _OnFirstValue:
    """Stand-in for a parameter's RuntimeParam; replaced by the real one on the first real value."""

    __slots__ = ()

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:  # what typer._coercion.RuntimeParam.coerce does, without building anything
            return () if (param.multiple or param.nargs == -1) else None
        param._runtime_param = None  # Typer builds it on demand from here on
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


_STAND_IN = _OnFirstValue()


def defer_coercion(params: Iterable[Any]) -> None:
    """Let each Typer parameter in `params` build its pydantic converter only when it gets a value."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None:  # a Typer parameter, converter not built yet
            param._runtime_param = _STAND_IN
