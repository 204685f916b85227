"""`--stream`: the MP3 on standard output as it is made, for a player to start at once.

A real ffmpeg decodes the stream from the pipe as it arrives (as `mpv -` would): its first
audio comes out while the episode is still being spoken, and the decoded stream lasts as
long as the file the same build writes with -o. How soon the first audio comes is measured
in bench/whole.py, not asserted here.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np
from mutagen.mp3 import MP3

from briefing.audio import find_ffmpeg
from briefing.audio.encode import LAME_INITIAL_PADDING

from .conftest import run_cli

RATE = 44100

PAGE = """The Riverside Courier

Council approves new footbridge over the river

The city council has approved plans for a new footbridge linking the market square with
the railway station.

Work is due to start in the spring and should take about eighteen months to finish.

The bridge will carry pedestrians and cyclists, and will be lit at night by low lamps set
into its handrails.

Councillors said the crossing would cut the walk from the station to the market by half.

A group of residents had asked for the bridge to be moved further downstream, away from
their homes.

The council said it had listened to their concerns and would plant trees along the path.

The project is paid for by a regional transport fund and by the sale of an old car park.

A public exhibition of the final design opens at the library next week.
"""


def decode(ffmpeg: str, mp3: bytes | Path) -> bytes:
    """The MP3's audio as 16-bit mono PCM at 44.1 kHz, by ffmpeg."""
    source = ["-i", str(mp3)] if isinstance(mp3, Path) else ["-f", "mp3", "-i", "pipe:0"]
    done = subprocess.run(
        [ffmpeg, "-v", "error", *source, "-f", "s16le", "-ac", "1", "-ar", str(RATE), "-"],
        input=None if isinstance(mp3, Path) else mp3,
        capture_output=True,
        check=True,
    )
    return done.stdout


def test_a_player_hears_the_stream_before_the_speech_ends(
    tmp_path: Path, fresh_cache: Path
) -> None:
    page = tmp_path / "courier.txt"
    page.write_text(PAGE, encoding="utf-8")
    ffmpeg = find_ffmpeg()
    out = tmp_path / "out"
    build = subprocess.Popen(
        [sys.executable, "-m", "briefing", "listen", str(page), "--stream", "-v", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    player = subprocess.Popen(
        [ffmpeg, "-v", "error", "-f", "mp3", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-"],
        stdin=build.stdout,
        stdout=subprocess.PIPE,
    )
    assert build.stdout is not None and build.stderr is not None and player.stdout is not None
    build.stdout.close()  # the player holds the pipe
    log: list[str] = []
    heard_after: list[int] = []  # how many log lines the build had written when audio came

    def read_log() -> None:
        assert build.stderr is not None
        for line in build.stderr:
            log.append(line.decode())

    reader = threading.Thread(target=read_log)
    reader.start()
    audio = b""
    while piece := player.stdout.read1(1 << 16):
        if not audio:
            heard_after.append(len(log))
            first_log = list(log)
        audio += piece
    assert player.wait() == 0 and build.wait(timeout=300) == 0, "".join(log)
    reader.join()

    spoken = [line for line in log if line.startswith("spoke ")]
    total = len(spoken)
    assert total >= 9, log
    said_before_audio = [line for line in first_log if line.startswith("spoke ")]
    assert len(said_before_audio) < total, "the audio only came once the speech was done"

    # the stream is the episode: as long as the file written beside it, to 50 ms
    (episode,) = out.glob("*.mp3")
    streamed = len(audio) / 2 / RATE
    written = len(decode(ffmpeg, episode)) / 2 / RATE
    assert abs(streamed - written) <= 0.05, (streamed, written)
    assert abs(MP3(str(episode)).info.length - written) <= 0.05


def test_the_stream_alone_writes_no_files_and_says_the_same(
    tmp_path: Path, fresh_cache: Path
) -> None:
    """`--stream` without -o leaves no files; a file build of the same page afterwards is
    the same audio."""
    here = tmp_path / "here"
    here.mkdir()
    page = here / "courier.txt"
    page.write_text(PAGE, encoding="utf-8")
    ffmpeg = find_ffmpeg()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "listen", str(page), "--stream", "-q"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        cwd=here,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert sorted(p.name for p in here.iterdir()) == ["courier.txt"]  # no output/
    assert not list(Path(tempfile.gettempdir()).glob("briefing-stream-*"))
    streamed = decode(ffmpeg, done.stdout)

    built = run_cli("listen", page, "-q", "-o", tmp_path / "out")
    assert built.code == 0, built.stderr
    written = decode(ffmpeg, Path(built.stdout.strip()))
    assert abs(len(streamed) - len(written)) / 2 / RATE <= 0.05
    # the same speech, sample for sample: a stream keeps the encoder's delay (its header is
    # written before the delay is known), and the file's level may be a correction of the
    # stream's (the stream starts from the voices' learned level; the file is measured)
    a = np.frombuffer(streamed, "<i2")[LAME_INITIAL_PADDING:].astype(np.float64)
    b = np.frombuffer(written, "<i2").astype(np.float64)
    a, b = a[: min(len(a), len(b))], b[: min(len(a), len(b))]
    assert float(a @ b / np.sqrt((a @ a) * (b @ b))) > 0.99


def test_a_player_that_quits_leaves_the_episode_whole(tmp_path: Path, fresh_cache: Path) -> None:
    page = tmp_path / "courier.txt"
    page.write_text(PAGE, encoding="utf-8")
    build = subprocess.Popen(
        [sys.executable, "-m", "briefing", "listen", str(page), "--stream", "-q", "-o",
         str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert build.stdout is not None and build.stderr is not None
    build.stdout.read(4096)
    build.stdout.close()  # the player quits after the first frames
    assert build.wait(timeout=300) == 0, build.stderr.read()
    assert build.stderr.read() == b""
    (episode,) = (tmp_path / "out").glob("*.mp3")
    assert MP3(str(episode)).info.length > 20
