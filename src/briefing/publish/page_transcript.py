"""The transcript on the show's page (`page.py`): an ordered list of the WebVTT file's cues,
each with a button that plays from its start (the keyboard's way in) and its words. Where
the file has word times, each word is a span with its start (``<span class="w"
data-t="1.473">for</span>``): the page's script highlights the word being read and seeks
where a word is clicked, through one handler, so the words add no tab stops."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from briefing.publish.feed import clean
from briefing.publish.sidecars import VttCue, clock


def esc(text: Any) -> str:
    """Text for HTML (also inside attributes): control characters removed, escaped."""
    return html.escape(clean(str(text)), quote=True)


def _time(seconds: float) -> str:
    """A data-start/data-end/data-t value: seconds, to the millisecond."""
    return repr(round(float(seconds), 3))


def _words(cue: VttCue) -> str:
    if not cue.words:
        return esc(cue.text)
    return " ".join(
        f'<span class="w" data-t="{_time(at)}">{esc(word)}</span>' for at, word in cue.words
    )


def transcript_html(cues: Sequence[VttCue], title: str) -> list[str]:
    """The transcript's heading and list, a line each; nothing without cues. The speaker's
    name is shown where it changes."""
    if not cues:
        return []
    parts = [
        "<h3>Transcript</h3>",
        f'<ol class="transcript" tabindex="0" aria-label="Transcript: {esc(title)}">',
    ]
    speaker = ""
    for cue in cues:
        who = ""
        if cue.speaker and cue.speaker != speaker:
            who = f'<b class="who">{esc(cue.speaker)}</b> '
        speaker = cue.speaker or speaker
        at = clock(cue.start * 1000)
        parts.append(
            f'<li class="cue" data-start="{_time(cue.start)}" data-end="{_time(cue.end)}">'
            f'<button type="button" class="at" aria-label="Play from {at}">{at}</button>'
            f'<span class="words">{who}{_words(cue)}</span></li>'
        )
    parts.append("</ol>")
    return parts
