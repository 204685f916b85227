"""One exception hierarchy for everything a user can get wrong or the machine can refuse.

Each error carries a stable exit code (see `ExitCode`) and a hint that says what to do.
The CLI prints ``error: <message> (<hint>)`` on one line and exits with the code; any other
exception is a bug and keeps its traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit statuses. Stable: scripts and cron jobs rely on them."""

    OK = 0
    INTERNAL = 1  # a bug: an unexpected exception
    USAGE = 2  # bad options or arguments (click's own code for usage errors)
    INPUT = 3  # an input file is missing, unreadable or not text
    CONTENT = 4  # the input was read but holds no usable article
    SPEECH = 5  # a speech engine or voice failed
    AUDIO = 6  # ffmpeg is missing or failed
    OUTPUT = 7  # the output could not be written
    LANGUAGE = 8  # no chosen voice speaks the page's language
    CONFIG = 9  # a voice preset or config file is malformed
    SHOWS_FAILED = 10  # `batch`: one or more shows failed or timed out; the others were made
    BROKER = 11  # `batch`, `worker`: the broker cannot be reached
    INTERRUPTED = 130  # Ctrl-C or SIGTERM; nothing half-written is left behind


class BriefingError(Exception):
    """Base class: a failure the user can act on."""

    exit_code: ExitCode = ExitCode.INTERNAL
    hint: str = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def one_line(self) -> str:
        """The message and hint on a single line, as the CLI prints it."""
        text = self.message
        if self.hint:
            text = f"{text} ({self.hint})"
        return " ".join(text.split())


class UsageError(BriefingError, ValueError):
    """An option value that cannot be used, such as a headline spec out of range."""

    exit_code = ExitCode.USAGE


class InputError(BriefingError, OSError):
    """An input that cannot be opened or decoded."""

    exit_code = ExitCode.INPUT
    hint = "check the path and that the file is a readable text page"


class ContentError(BriefingError, ValueError):
    """An input that was read but holds no article to speak."""

    exit_code = ExitCode.CONTENT
    hint = "the page needs a headline followed by at least one paragraph of body text"


class SpeechError(BriefingError):
    """A speech engine could not be loaded or failed to synthesise."""

    exit_code = ExitCode.SPEECH
    hint = "run `briefing voices` to see which voices are available"


class AudioError(BriefingError):
    """ffmpeg is missing or failed while encoding."""

    exit_code = ExitCode.AUDIO
    hint = "install ffmpeg, or `pip install imageio-ffmpeg`, or set BRIEFING_FFMPEG to its path"


class OutputError(BriefingError, OSError):
    """The episode could not be written to the output directory."""

    exit_code = ExitCode.OUTPUT
    hint = "check that the output directory exists, is writable and has free space"


class NoAudioError(SpeechError):
    """A speech service answered 200 without audio: a protocol change or an unknown language."""


class LanguageError(BriefingError):
    """The page is in a language the chosen voice does not speak."""

    exit_code = ExitCode.LANGUAGE


class ConfigError(BriefingError, ValueError):
    """A voice preset or config file that cannot be used; the message names the file and field."""

    exit_code = ExitCode.CONFIG
    hint = "fix the file, or remove it to use the defaults"
