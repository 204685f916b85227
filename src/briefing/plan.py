"""Planning an episode from a page, before any audio: the options, the headlines kept (near
duplicates and the length budget), the voices for the page's language, and the script.

What a user should hear about (headlines dropped as duplicates or for length, a voice chosen
for the page's language) comes back as `Note`s for the CLI to print.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_config_dir

from briefing.audio import Pauses
from briefing.cache import SpeechCache, prepared_models_dir
from briefing.config import ShowConfig
from briefing.engines.voices import APP_NAME, DEFAULT_VOICE, VoicePreset, load_presets, load_voice
from briefing.errors import LanguageError
from briefing.ingest.language import detect_language, language_name
from briefing.ingest.linked import with_linked_stories
from briefing.models import Page, Script
from briefing.script import build_script
from briefing.script.brief import prose_summary
from briefing.script.dedupe import drop_near_duplicates
from briefing.script.normalize import Lexicon, shipped_lexicon
from briefing.script.select import DEFAULT_HEADLINES, choose
from briefing.synth import Cast, forget_preloaded, preload

DEFAULT_OUTPUT_DIR = Path("output")
_AHEAD_AFTER_S = 0.2
"""Fetching that takes longer than this is worth speaking the lead story during."""


@dataclass(frozen=True)
class BuildOptions:
    """How to make an episode: defaults < show file < command-line flags."""

    output_dir: Path = DEFAULT_OUTPUT_DIR
    show: ShowConfig = field(default_factory=ShowConfig)
    voice: str | None = None
    """The anchor (intro, lead story, outro); default the show's, else "joe"."""
    headline_voice: str | None = None
    """Reads the headline round-up; default the show's, else the anchor."""
    fallback: str | None = None
    """Re-voices the whole episode if a voice fails for good."""
    language: str | None = None
    """The page's language (ISO 639-1), instead of detecting it."""
    keep_duplicates: bool = False
    max_minutes: float | None = None
    use_cache: bool = True
    pauses: Pauses = field(default_factory=Pauses)
    brief: int | None = None
    """Sentences after each round-up headline; default the show's (2)."""
    exclude: tuple[str, ...] = ()
    """Words that leave round-up stories out, besides the show's."""
    fetch_timeout: float | None = None
    """Seconds for all fetching of linked stories and pictures; default the show's (30)."""
    lenient: bool = False
    """An unattended run (`daily`): a headline choice that cannot be met is bent, with a
    note, instead of failing."""

    @property
    def brief_sentences(self) -> int:
        return self.show.brief if self.brief is None else self.brief

    @property
    def fetch_budget_s(self) -> float:
        return self.show.fetch_timeout if self.fetch_timeout is None else self.fetch_timeout

    def cast(self) -> Cast:
        anchor = load_voice(self.voice or self.show.voice or DEFAULT_VOICE)
        headline_name = self.headline_voice or self.show.headline_voice
        return Cast(anchor=anchor, headlines=load_voice(headline_name) if headline_name else None)

    def lexicon(self) -> Lexicon:
        """The shipped lexicon, then the user's (~/.config/briefing/lexicon.toml), then
        the show's; later ones win."""
        lexicon = shipped_lexicon()
        own = Path(user_config_dir(APP_NAME)) / "lexicon.toml"
        if own.is_file():
            lexicon = lexicon | Lexicon.read(own)
        show_lexicon = self.show.lexicon_path()
        if show_lexicon is not None:  # named in the show file: it must be there
            lexicon = lexicon | Lexicon.read(show_lexicon)
        return lexicon


@dataclass(frozen=True)
class Note:
    """Something the user should know about the episode, such as a headline left out."""

    text: str


@dataclass(frozen=True)
class Plan:
    """The episode to make from a page: its script and what was left out, and why."""

    page: Page
    selection: tuple[int, ...]
    script: Script
    notes: tuple[Note, ...] = ()
    fetch_s: float = 0.0
    """Seconds spent fetching the round-up's stories: what is left of --fetch-timeout is
    the chapter pictures'."""


def plan_episode(
    page: Page,
    spec: str | None,
    options: BuildOptions,
    today: dt.date | None = None,
    while_fetching: Callable[[Script], None] | None = None,
) -> Plan:
    """The script for `page` and the headlines `spec` chooses (see `select.choose`); with
    no `spec` (no -H), the show file's `headlines` and `topics` choose.

    Near-duplicate headlines are dropped unless kept; with the default choice (the first
    five) the next distinct headlines take their places. The chosen stories' own articles
    are fetched where a brief needs them; while they are, `while_fetching` is given the
    lead story (a build speaks it meanwhile). With a length budget, only as many headlines
    as the voices' speaking rates say will fit are kept.
    """
    today = today or dt.date.today()
    show = options.show
    choice = choose(
        spec if spec is not None else (show.headlines or None),
        page.headlines,
        exclude=(*show.exclude, *options.exclude),
        extra_topics=show.topics if spec is None else (),
        lenient=options.lenient,
    )
    notes = [Note(text) for text in choice.notes]
    if not show.disclosure.strip():
        notes.append(
            Note(
                'warning: the episode does not say its voice is synthetic (disclosure = "" '
                "in the show file); listeners are owed it, and Apple Podcasts requires it"
            )
        )
    selection = choice.indexes
    if not options.keep_duplicates:
        titles = [h.title for h in page.headlines]
        limit = DEFAULT_HEADLINES if choice.by_default else None
        selection, duplicates = drop_near_duplicates(
            page.article.title, titles, selection, limit=limit
        )
        for dup in duplicates:
            twin = "the lead story" if dup.kept is None else f"headline {dup.kept + 1}"
            notes.append(
                Note(
                    f"left out headline {dup.dropped + 1} as a near-duplicate of {twin}: "
                    f"{page.headlines[dup.dropped].title!r} (--keep-duplicates keeps it)"
                )
            )
    elif choice.by_default:
        selection = selection[:DEFAULT_HEADLINES]
    lexicon = options.lexicon()
    started = time.monotonic()
    if selection:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefs") as pool:
            fetching = pool.submit(
                with_linked_stories,
                page.headlines,
                selection,
                lambda h: options.brief_sentences > 0 and prose_summary(h) is None,
                SpeechCache.default() if options.use_cache else None,
                options.fetch_budget_s,
            )
            with contextlib.suppress(FuturesTimeout):
                fetching.result(timeout=_AHEAD_AFTER_S)  # all cached: nothing to wait for
            if not fetching.done() and while_fetching is not None:
                lead = script_for(page, (), options, today, lexicon)
                while_fetching(replace(lead, stories=lead.lead_stories))
            headlines, link_notes = fetching.result()
        page = replace(page, headlines=headlines)
        notes += [Note(text) for text in link_notes]
    fetch_s = time.monotonic() - started
    script = script_for(page, selection, options, today, lexicon)
    if options.max_minutes is not None:
        budget_ms = options.max_minutes * 60_000
        rates = _rates(options.cast())
        kept = selection
        while kept and estimate_ms(script, rates, options.pauses) > budget_ms:
            kept = kept[:-1]
            script = script_for(page, kept, options, today, lexicon)
        notes += left_out(page, selection[len(kept) :], options.max_minutes, "estimated")
        selection = kept
    return Plan(page, selection, script, tuple(notes), fetch_s)


def script_for(
    page: Page,
    chosen: tuple[int, ...],
    options: BuildOptions,
    today: dt.date,
    lexicon: Lexicon | None = None,
) -> Script:
    """The script for `page` with the `chosen` headlines, as `options` shape it."""
    return build_script(
        page,
        chosen,
        today=today,
        show=options.show,
        lexicon=lexicon or options.lexicon(),
        brief_sentences=options.brief_sentences,
        language=options.language or "en",
    )


def _rates(cast: Cast) -> dict[str, float]:
    return {
        "anchor": cast.anchor.settings.chars_per_second(),
        "headlines": (cast.headlines or cast.anchor).settings.chars_per_second(),
    }


def estimate_ms(script: Script, rates: dict[str, float], pauses: Pauses) -> float:
    """The episode's length from the voices' speaking rates and the pauses between parts."""
    speech = 0.0
    for story in script.stories:
        rate = rates["headlines"] if story.kind.value == "headline" else rates["anchor"]
        speech += 1000 * sum(len(s) for s in story.sentences) / rate
    sentences = len(script.sentences)
    paragraphs = sum(len(s.paragraphs) for s in script.stories)
    gaps = (
        pauses.head_ms
        + pauses.tail_ms
        + pauses.story_ms * (len(script.stories) - 1)
        + pauses.paragraph_ms * (paragraphs - len(script.stories))
        + pauses.sentence_ms * (sentences - paragraphs)
    )
    return speech + gaps


def left_out(page: Page, indexes: tuple[int, ...], minutes: float, how: str) -> list[Note]:
    return [
        Note(
            f"left out headline {i + 1} to keep within {minutes:g} minutes ({how}): "
            f"{page.headlines[i].title!r}"
        )
        for i in indexes
    ]


def check_language(
    text_sample: str, options: BuildOptions, region: str | None = None
) -> tuple[BuildOptions, tuple[Note, ...]]:
    """Voices that speak the language of `text_sample` (and, for `region`, its accent).

    If no voice was chosen (no --voice, none in the show file) and the default one does not
    speak it, a voice that does is picked (offline voices first, an online one with a note
    saying so) and a note says so; a page from `region` ("GB") gets an offline voice of
    that region when one is installed, else a note naming the command that adds one. A
    chosen voice that does not speak it is a `LanguageError` naming the voices that do.
    """
    cast = options.cast()
    code = options.language or _page_language(text_sample, options, cast)
    if code is None:
        forget_preloaded(keep=cast)
        return options, ()
    options = replace(options, language=code)  # the script's rules speak it too
    notes: tuple[Note, ...] = ()
    chosen = options.voice or options.show.voice
    if not chosen:
        options, notes = _voice_for(code, region, options, cast)
        cast = options.cast()
    voices = cast.voices + ([load_voice(options.fallback)] if options.fallback else [])
    for voice in voices:
        if voice.language_code != code:
            forget_preloaded()
            raise _language_error(code, voice)
    forget_preloaded(keep=cast)  # a voice picked for the language loads later
    return options, notes


_SUGGESTED = {"en-GB": "en_GB-alan-medium", "en-AU": "en_GB-alan-medium"}


def _voice_for(
    code: str, region: str | None, options: BuildOptions, cast: Cast
) -> tuple[BuildOptions, tuple[Note, ...]]:
    """The voice for a page in `code` (from `region`) when none was chosen."""
    presets = [p for p in load_presets().values() if p.language_code == code]
    locale = f"{code}-{region}".lower() if region else None
    if cast.anchor.language_code == code:
        if locale is None or cast.anchor.language.lower() == locale:
            return options, ()
        local = sorted(
            p.name for p in presets if p.engine == "piper" and p.language.lower() == locale
        )
        if local:
            return replace(options, voice=local[0]), (
                Note(f"the page is from {region}; {local[0]} reads it"),
            )
        add = _SUGGESTED.get(f"{code}-{region}", f"{code}_{region}-…")
        return options, (
            Note(
                f"the page is from {region}, and no {code}-{region} voice is installed; "
                f"{cast.anchor.name} reads it (`briefing voices add {add}` adds one)"
            ),
        )
    presets.sort(
        key=lambda p: (
            p.engine != "piper",
            locale is not None and p.language.lower() != locale,
            p.name,
        )
    )
    if not presets:
        return options, ()  # the language error names what would install one
    voice = presets[0]
    online = ", online (it needs the network)" if voice.engine != "piper" else ""
    return replace(options, voice=voice.name), (
        Note(f"the page is in {language_name(code)}; {voice.name} reads it{online}"),
    )


def in_page_language(text_sample: str, options: BuildOptions) -> BuildOptions:
    """`options` with the page's language (given, else detected) for the script's rules,
    and no check of the voices: for `briefing script`, which makes no audio."""
    code = options.language or _page_language(text_sample, options, None)
    return replace(options, language=code) if code else options


def _page_language(text: str, options: BuildOptions, cast: Cast | None) -> str | None:
    """The detected language, remembered in the cache's notes (loading the detector's
    model takes longer than anything else in a rebuild of an unchanged page). For a page
    not seen before, the voices that will read it unless its language says otherwise
    (`cast`) start loading in the background, to be ready when the script is."""
    cache = SpeechCache.default() if options.use_cache else None
    key = hashlib.sha256(f"language:{text}".encode()).hexdigest()
    note = cache.recall(key) if cache else None
    if note and isinstance(note.get("code"), str):
        return str(note["code"])
    if cast is not None:
        preload(cast)  # not waited for: it goes on while the script is written
    code = detect_language(text, prepared_models_dir())
    if cache and code:
        cache.remember(key, {"code": code})
    return code


def _language_error(code: str, voice: VoicePreset) -> LanguageError:
    name = language_name(code)
    speakers = sorted(p.name for p in load_presets().values() if p.language_code == code)
    if speakers:
        hint = f"voices that speak {name}: {', '.join(speakers)}; or --lang to override detection"
    else:
        hint = (
            f"no voice speaks {name}: `briefing voices search --language {code}` lists Piper "
            f"voices and `briefing voices add NAME` installs one; or --lang to override detection"
        )
    return LanguageError(
        f"the page is in {name} ({code}) but voice {voice.name!r} speaks {voice.language}",
        hint=hint,
    )


def with_show_name(options: BuildOptions, name: str | None) -> BuildOptions:
    """`options` with the show's name overridden (--show-name)."""
    return options if name is None else replace(options, show=replace(options.show, name=name))
