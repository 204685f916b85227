"""Frozen data that flows between the pipeline's stages. Data only: no I/O here.

page ──ingest──▶ Page ──script──▶ Script ──synth──▶ Clip per sentence
    ──assemble──▶ Assembly (audio + Chapters) ──produce──▶ Episode (tagged MP3)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


@dataclass(frozen=True)
class Headline:
    """One entry of a page's related-headlines list."""

    title: str
    """The headline as printed, whitespace-normalised."""
    url: str | None = None
    """Link to the story, where the source gives one."""
    summary: str | None = None
    """A sentence or two about the story, where the source gives one."""
    source: str | None = None
    """Where it came from: the feed's title, for templates ("From {source}: ")."""
    image: str | None = None
    """The story's picture (a feed's media:content or thumbnail, the article's og:image)."""
    published: dt.datetime | None = None
    """When the source says the story was published (timezone-aware)."""
    body: tuple[str, ...] = ()
    """The story's own article text, where known: the linked article's paragraphs once
    fetched, else the feed's full text (content:encoded). A brief is read from it."""


@dataclass(frozen=True)
class Article:
    """The story a page is about, without any page furniture."""

    title: str
    """The article's headline."""
    paragraphs: tuple[str, ...]
    """Body paragraphs in reading order, each a single line of text."""
    publication: str | None = None
    """The masthead: the site or paper that published it ("London Daily")."""
    tagline: str | None = None
    """The masthead's slogan, if the page shows one."""
    date: dt.date | None = None
    """Publication date, if the page gives one."""
    url: str | None = None
    """Where the article lives, if known."""
    author: str | None = None
    image: str | None = None
    """The article's picture (og:image), if the page names one."""


@dataclass(frozen=True)
class Page:
    """What ingest returns: the article and the headlines offered beside it."""

    article: Article
    headlines: tuple[Headline, ...] = ()


class StoryKind(StrEnum):
    """The role a section of the script plays in the show."""

    INTRO = "intro"
    LEAD = "lead"
    HEADLINE = "headline"
    OUTRO = "outro"


@dataclass(frozen=True)
class Story:
    """One section of the script: a list of paragraphs, each a list of sentences."""

    kind: StoryKind
    title: str
    """The chapter title for lead and headline stories; a label for intro and outro."""
    paragraphs: tuple[tuple[str, ...], ...]
    """Spoken text: paragraphs of whole sentences, each sentence one speech segment."""
    url: str | None = None
    """Link to the story, carried into the chapter."""
    image: str | None = None
    """The story's picture (a URL), carried into the chapter."""
    written: tuple[str, ...] = field(default=(), compare=False)
    """Each paragraph as it was written, before it was normalised for speech ("£1.2bn"
    where the paragraph says "one point two billion pounds"), where known; empty for a
    script read from a file. The word-level transcript maps spoken words back to it. Not
    part of what the story is: two stories that say the same are equal."""

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(s for paragraph in self.paragraphs for s in paragraph)

    @property
    def is_chapter(self) -> bool:
        """Lead and headline stories get chapters; the intro and outro join their neighbour."""
        return self.kind in (StoryKind.LEAD, StoryKind.HEADLINE)


@dataclass(frozen=True)
class Script:
    """Everything that will be said, in order, and what the episode is called."""

    show: str
    """The show's name: the page's publication unless overridden."""
    title: str
    """The episode title."""
    date: dt.date
    summary: str
    """One paragraph describing the episode, for the ID3 comment and show notes."""
    stories: tuple[Story, ...]

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(s for story in self.stories for s in story.sentences)

    @property
    def lead_stories(self) -> tuple[Story, ...]:
        return tuple(story for story in self.stories if story.kind is StoryKind.LEAD)


@dataclass(frozen=True)
class WordTiming:
    """One word of a sentence, placed in the sentence's clip."""

    word: str
    """The word as the sentence has it (split on whitespace, punctuation kept)."""
    start: int
    """First sample of the word in the clip."""
    end: int
    """Sample just after the word (``end - start`` samples long; 0 for a word not spoken,
    such as a lone dash)."""
    estimated: bool = False
    """True where the voice gave no durations and the words were spread by their letters."""


@dataclass(frozen=True)
class Clip:
    """Audio for one sentence: signed little-endian PCM, as an engine returns it."""

    pcm: bytes
    sample_rate: int
    channels: int = 1
    sample_width: int = 2
    words: tuple[WordTiming, ...] = ()
    """Where each word of the sentence is in `pcm`, if the engine knows (Piper's durations);
    empty if not (the words are then spread by an estimate when the clip is joined)."""

    @property
    def duration_ms(self) -> float:
        frames = len(self.pcm) / (self.channels * self.sample_width)
        return 1000.0 * frames / self.sample_rate


@dataclass(frozen=True)
class Chapter:
    """A chapter of the finished episode, in milliseconds from the start."""

    title: str
    start_ms: int
    end_ms: int
    url: str | None = None
    image: str | None = None
    """The story's picture (a URL); the episode's files hold it fetched and fitted."""


@dataclass(frozen=True)
class Word:
    """One spoken word on the episode's timeline."""

    text: str
    """As the spoken script has it (punctuation kept)."""
    start_ms: float
    end_ms: float
    estimated: bool = False
    """Spread over its sentence by an estimate (a voice that gives no durations)."""


@dataclass(frozen=True)
class Cue:
    """One spoken sentence on the episode's timeline: what the transcript shows."""

    start_ms: float
    end_ms: float
    text: str
    speaker: str
    """The voice's name, for the transcript's speaker label."""
    words: tuple[Word, ...] = ()
    """Each word of `text` (split on whitespace), in order, inside the cue."""

    def shifted(self, ms: float) -> Cue:
        """The cue and its words `ms` later."""
        return Cue(
            self.start_ms + ms,
            self.end_ms + ms,
            self.text,
            self.speaker,
            tuple(Word(w.text, w.start_ms + ms, w.end_ms + ms, w.estimated) for w in self.words),
        )


@dataclass(frozen=True)
class Episode:
    """A finished, tagged episode on disk."""

    path: Path
    title: str
    show: str
    date: dt.date
    duration_ms: int
    chapters: tuple[Chapter, ...] = field(default_factory=tuple)
