"""Joining clips: exact lengths, pauses by boundary, contiguous chapters, one format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.audio import AudioFormat, Pauses, assemble
from briefing.audio.encode import LAME_INITIAL_PADDING, MP3_FRAME_SAMPLES, mp3_aligned_frames
from briefing.audio.sound import SoundDesign, apply_sound
from briefing.models import Clip, Script, Story, StoryKind, WordTiming

RATE = 22050


def tone(ms: int, rate: int = RATE) -> Clip:
    """A clip of `ms` milliseconds of a non-silent square wave."""
    frames = rate * ms // 1000
    pcm = b"".join(
        (8000 if (i // 50) % 2 else -8000).to_bytes(2, "little", signed=True) for i in range(frames)
    )
    return Clip(pcm=pcm, sample_rate=rate)


def make_script(*stories: Story) -> Script:
    return Script(
        show="Show", title="Episode", date=dt.date(2026, 1, 14), summary="", stories=stories
    )


SCRIPT = make_script(
    Story(StoryKind.INTRO, "Intro", (("Hello.",),)),
    Story(StoryKind.LEAD, "Lead", (("Lead.", "Body one."), ("Body two.",))),
    Story(StoryKind.HEADLINE, "Second", (("Second.",),), url="https://example.org/2"),
    Story(StoryKind.OUTRO, "Outro", (("Bye.",),)),
)
PAUSES = Pauses(
    sentence_ms=100, paragraph_ms=200, story_ms=400, lead_in_ms=50, head_ms=10, tail_ms=30
)


def test_length_is_clips_plus_pauses_exactly(tmp_path: Path) -> None:
    clips = [tone(500)] * 6
    assembly = assemble(SCRIPT, clips, tmp_path / "p.pcm", PAUSES)
    pauses_ms = 10 + 400 * 3 + 100 + 200 + 30  # head, 3 story gaps, 1 sentence, 1 paragraph, tail
    assert assembly.frames == RATE * (6 * 500 + pauses_ms) // 1000
    assert abs(assembly.duration_ms - (6 * 500 + pauses_ms)) < 0.1


def test_chapters_contiguous_intro_and_outro_join_neighbours(tmp_path: Path) -> None:
    assembly = assemble(SCRIPT, [tone(500)] * 6, tmp_path / "p.pcm", PAUSES)
    lead, second = assembly.chapters
    assert (lead.title, second.title, second.url) == ("Lead", "Second", "https://example.org/2")
    assert lead.start_ms == 0
    assert lead.end_ms == second.start_ms
    assert second.end_ms == round(assembly.duration_ms)
    # Second starts 50 ms (lead-in) before its first word: head, intro, gap, lead story, gap.
    speech_starts = 10 + 500 + 400 + (500 + 100 + 500 + 200 + 500) + 400
    assert second.start_ms == speech_starts - 50


def test_clips_of_another_rate_are_converted_to_one_format(tmp_path: Path) -> None:
    script = make_script(Story(StoryKind.LEAD, "Lead", (("A.", "B."),)))
    assembly = assemble(
        script, [tone(1000), tone(1000, rate=24000)], tmp_path / "p.pcm", Pauses(0, 0, 0, 0, 0, 0)
    )
    assert assembly.format == AudioFormat(sample_rate=RATE)
    assert abs(assembly.duration_ms - 2000) < 1


def test_clip_count_must_match_sentences(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        assemble(SCRIPT, [tone(100)], tmp_path / "p.pcm", PAUSES)


def test_script_without_chapter_stories_gets_one_chapter(tmp_path: Path) -> None:
    script = make_script(Story(StoryKind.INTRO, "Intro", (("Hi.",),)))
    (chapter,) = assemble(script, [tone(300)], tmp_path / "p.pcm", PAUSES).chapters
    assert (chapter.title, chapter.start_ms) == ("Episode", 0)


def test_padded_to_extends_the_last_chapter(tmp_path: Path) -> None:
    assembly = assemble(SCRIPT, [tone(500)] * 6, tmp_path / "p.pcm", PAUSES)
    longer = assembly.padded_to(assembly.frames + RATE)
    assert longer.frames == assembly.frames + RATE
    assert (tmp_path / "p.pcm").stat().st_size == 2 * longer.frames
    assert longer.chapters[-1].end_ms == round(longer.duration_ms)
    assert longer.chapters[0] == assembly.chapters[0]


@pytest.mark.parametrize("rate", [16000, 22050, 24000, 44100])
@pytest.mark.parametrize("frames", [1, 1000, 22050 * 7 + 13, 987654])
def test_mp3_alignment_fills_the_last_frame(rate: int, frames: int) -> None:
    aligned = mp3_aligned_frames(frames, rate)
    assert aligned >= frames
    assert (aligned - frames) / rate < MP3_FRAME_SAMPLES / 44100 * 1.1  # less than a frame added
    at_44k = round(aligned * 44100 / rate)
    end_padding = -(at_44k + LAME_INITIAL_PADDING) % MP3_FRAME_SAMPLES
    assert 64 <= end_padding <= 140


def test_sound_design_mixes_the_intro_and_copies_the_rest_exactly(tmp_path: Path) -> None:
    assembly = assemble(SCRIPT, [tone(500)] * 6, tmp_path / "voice.pcm", PAUSES)
    design = SoundDesign(intro_sting="default", outro_sting="default", music_bed="default")
    intro_end_ms = assembly.cues[0].end_ms
    produced = apply_sound(assembly, design, intro_end_ms, tmp_path / "programme.pcm")
    voice = (tmp_path / "voice.pcm").read_bytes()
    programme = (tmp_path / "programme.pcm").read_bytes()
    assert len(programme) == 2 * produced.frames
    sting = int(1.6 * RATE) + int(0.3 * RATE)  # the chime, then a gap before the voice
    bed = int((intro_end_ms + 1500) * RATE / 1000)  # the bed plays on 1.5 s after the intro
    assert programme[2 * sting : 2 * (sting + bed)] != voice[: 2 * bed]  # the bed is under it
    assert programme[2 * (sting + bed) : 2 * (sting + assembly.frames)] == voice[2 * bed :]
    assert produced.frames == sting + assembly.frames + int(1.6 * RATE)  # the outro chime
    shift_ms = 1000 * sting / RATE
    assert produced.cues[0].start_ms == pytest.approx(assembly.cues[0].start_ms + shift_ms)
    assert produced.chapters[0].start_ms == 0
    assert produced.chapters[-1].end_ms == round(produced.duration_ms)


def test_words_move_onto_the_programme_timeline(tmp_path: Path) -> None:
    """A clip's words, in its own samples at its own rate, land where the clip was joined;
    a clip that says nothing of its words has them spread over its sound, estimated."""
    script = make_script(Story(StoryKind.LEAD, "Lead", (("Two words.", "Three more words."),)))
    said = tone(1000, 24000)  # another rate: converted, and its word times with it
    said = Clip(
        said.pcm,
        24000,
        words=(WordTiming("Two", 2400, 12000), WordTiming("words.", 12000, 21600)),
    )
    quiet = bytes(2 * RATE // 10)  # 100 ms of silence either side of the sound
    unsaid = Clip(quiet + tone(600).pcm + quiet, RATE)
    assembly = assemble(script, [said, unsaid], tmp_path / "p.pcm", PAUSES)
    first, second = assembly.cues
    assert [(w.text, w.estimated) for w in first.words] == [("Two", False), ("words.", False)]
    assert abs(first.words[0].start_ms - (first.start_ms + 100)) < 0.1
    assert abs(first.words[1].end_ms - (first.start_ms + 900)) < 0.1
    assert [w.text for w in second.words] == ["Three", "more", "words."]
    assert all(w.estimated for w in second.words)
    assert abs(second.words[0].start_ms - (second.start_ms + 100)) < 1
    assert abs(second.words[-1].end_ms - (second.start_ms + 700)) < 1
    assert second.words[0].end_ms < second.words[1].start_ms + 0.1


def test_a_chapter_never_starts_inside_the_last_word_before_it(tmp_path: Path) -> None:
    """A lead-in longer than the pause before a story would reach back into the words
    before it: the chapter starts where those words end."""
    pauses = Pauses(sentence_ms=100, paragraph_ms=200, story_ms=100, lead_in_ms=400)
    words = (WordTiming("Hello.", 0, RATE // 2),)  # the whole clip is the word
    clips = [Clip(tone(500).pcm, RATE, words=words)] * 6
    assembly = assemble(SCRIPT, clips, tmp_path / "p.pcm", pauses)
    before = assembly.cues[3]  # the lead story's last sentence
    assert assembly.chapters[1].start_ms == round(before.words[-1].end_ms)
