"""The script as a Markdown file a user can read, edit and build from.

    +++
    show = "London Daily"
    title = "14 January 2026: Let British troops stay in Iraq, UK urges"
    date = 2026-01-14
    summary = "..."
    +++

    ## Intro
    This is London Daily for Wednesday the fourteenth of January.

    ## Lead: Let British troops stay in Iraq, UK urges
    <!-- link: https://example.org/story -->
    Let British troops stay in Iraq, UK urges.

    Number ten has urged Iraq to allow UK troops to stay in the country ...

One sentence per line, a blank line between paragraphs, a heading per story (`Intro`,
`Lead: TITLE`, `Headline: TITLE`, `Outro`). Each line is spoken as written: fix a word or a
pronunciation, then `briefing build --script FILE`. Writing a script and reading it back
gives the same script.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import tomli_w

from briefing.errors import ContentError
from briefing.models import Script, Story, StoryKind

_FENCE = "+++"
_HEADING = re.compile(r"^## +(?P<kind>[A-Za-z]+)(?: *: *(?P<title>.*?))? *$")
_LINK = re.compile(r"^<!-- *link: *(?P<url>\S+) *-->$")
_ESCAPE = ("#", "<!--", "\\", "+++")


def write_script(script: Script) -> str:
    front = tomli_w.dumps(
        {"show": script.show, "title": script.title, "date": script.date, "summary": script.summary}
    )
    lines = [_FENCE, front.rstrip("\n"), _FENCE]
    for story in script.stories:
        lines.append("")
        label = story.kind.value.capitalize()
        lines.append(f"## {label}: {story.title}" if story.is_chapter else f"## {label}")
        if story.url:
            lines.append(f"<!-- link: {story.url} -->")
        for n, paragraph in enumerate(story.paragraphs):
            if n:
                lines.append("")
            lines.extend("\\" + s if s.startswith(_ESCAPE) else s for s in paragraph)
    return "\n".join(lines) + "\n"


def read_script(text: str, source: str = "script") -> Script:
    """Parse a script file; mistakes are a `ContentError` naming the line."""
    lines = text.lstrip("\ufeff").splitlines()
    if (
        not lines
        or lines[0].strip() != _FENCE
        or _FENCE not in (line.strip() for line in lines[1:])
    ):
        raise ContentError(f"{source}: a script starts with a +++ block (show, title, date)")
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == _FENCE)
    try:
        front = tomllib.loads("\n".join(lines[1:end]))
        date = front["date"]
        if not isinstance(date, dt.date):
            date = dt.date.fromisoformat(str(date))
        header = (str(front["show"]), str(front["title"]), date, str(front.get("summary", "")))
    except (tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise ContentError(f"{source}: the +++ block needs show, title and date: {exc}") from None

    stories: list[Story] = []
    kind: StoryKind | None = None
    title, url = "", None
    paragraphs: list[list[str]] = [[]]

    def close() -> None:
        if kind is not None:
            stories.append(Story(kind, title, tuple(tuple(p) for p in paragraphs if p), url))

    for number, line in enumerate(lines[end + 1 :], start=end + 2):
        heading = _HEADING.match(line)
        if heading:
            close()
            try:
                kind = StoryKind(heading.group("kind").lower())
            except ValueError:
                kinds = ", ".join(k.value.capitalize() for k in StoryKind)
                raise ContentError(
                    f"{source} line {number}: "
                    f"{heading.group('kind')!r} is not a story kind ({kinds})"
                ) from None
            title = heading.group("title") or kind.value.capitalize()
            if kind in (StoryKind.LEAD, StoryKind.HEADLINE) and not heading.group("title"):
                raise ContentError(f"{source} line {number}: a {kind.value} heading needs a title")
            url, paragraphs = None, [[]]
            continue
        link = _LINK.match(line.strip())
        if link and kind is not None and not any(paragraphs):
            url = link.group("url")
            continue
        if line.strip().startswith("<!--"):
            continue  # a comment
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if kind is None:
            raise ContentError(f"{source} line {number}: text before the first ## heading")
        sentence = line.strip()
        paragraphs[-1].append(sentence[1:] if sentence.startswith("\\") else sentence)
    close()
    if not any(s.kind is StoryKind.LEAD for s in stories):
        raise ContentError(f"{source}: the script has no ## Lead: story")
    if not any(s.sentences for s in stories):
        raise ContentError(f"{source}: the script has nothing to say")
    show, title_text, date, summary = header
    return Script(show=show, title=title_text, date=date, summary=summary, stories=tuple(stories))


def load_script(path: Path) -> Script:
    from briefing.ingest import read_text

    return read_script(read_text(path), str(path))
