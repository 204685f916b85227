"""The README's "What is said" table says what the normaliser does now."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.script.normalize import normalize, shipped_lexicon

README = Path(__file__).resolve().parents[1] / "README.md"


def _said_rows() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### What is said") :]
    section = section[: section.index("\n### ", 1)]
    rows = []
    for line in section.splitlines():
        cells = re.fullmatch(r"\| (.+) \| (.+) \|", line)
        if cells and cells[1] not in ("written", "---"):
            rows.append((cells[1], cells[2]))
    return rows


def test_the_table_has_every_row() -> None:
    assert len(_said_rows()) >= 15


@pytest.mark.parametrize(("written", "spoken"), _said_rows(), ids=lambda value: value[:30])
def test_readme_says_what_the_code_says(written: str, spoken: str) -> None:
    said = normalize(written, shipped_lexicon())
    # A sentence's first letter is capitalised; the table starts mid-sentence.
    assert said[:1].lower() == spoken[:1].lower()
    assert said[1:] == spoken[1:]
