"""Choosing headlines: parse a spec such as "1,3,5-7", "all" or "none"."""

from __future__ import annotations

import re

from briefing.errors import UsageError

DEFAULT_HEADLINES = 5
_PART = re.compile(r"^(\d+)(?:\s*-\s*(\d+))?$")


def parse_selection(spec: str | None, available: int) -> tuple[int, ...]:
    """Zero-based indexes of the chosen headlines, in the order given, without repeats.

    Numbers in the spec are 1-based, as `briefing headlines` shows them. The default (None)
    is the first five, or fewer when the page has fewer. A number outside 1..available is
    a `UsageError` that names the valid range.
    """
    if spec is None:
        return tuple(range(min(DEFAULT_HEADLINES, available)))
    text = spec.strip().lower()
    if text == "all":
        return tuple(range(available))
    if text in ("none", "0", ""):
        return ()
    chosen: list[int] = []
    seen: set[int] = set()
    for part in text.split(","):
        match = _PART.match(part.strip())
        if not match:
            raise UsageError(
                f"cannot read headline spec {spec!r} at {part.strip()!r}",
                hint="use numbers and ranges like 1,3,5-7, or all, or none",
            )
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first > last:
            raise UsageError(
                f"headline range {first}-{last} runs backwards", hint=f"write it as {last}-{first}"
            )
        for number in (first, last):
            if not 1 <= number <= available:
                valid = f"1-{available}" if available else "none: the page has no headlines"
                raise UsageError(
                    f"headline {number} does not exist; valid headlines are {valid}",
                    hint="run `briefing headlines PAGE` to see them",
                )
        for number in range(first, last + 1):
            if number - 1 not in seen:
                seen.add(number - 1)
                chosen.append(number - 1)
    return tuple(chosen)
