"""Every error path: one line on stderr, no traceback, a distinct exit code, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import ExitCode

from .conftest import LONDON, TINY, run_cli


def assert_one_line_error(run, code: ExitCode, *phrases: str) -> None:
    assert run.code == code, (run.code, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("error: ") or lines[0].startswith("Error: ")
    assert "Traceback" not in run.stderr
    for phrase in phrases:
        assert phrase in lines[0]
    assert run.stdout == ""


@pytest.mark.parametrize("command", ["build", "headlines", "script"])
def test_missing_file(tmp_path: Path, command: str) -> None:
    run = run_cli(command, tmp_path / "nope.txt", cwd=tmp_path)
    assert_one_line_error(run, ExitCode.INPUT, "nope.txt does not exist")
    assert not (tmp_path / "output").exists()


def test_directory_instead_of_page(tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("build", tmp_path, cwd=tmp_path), ExitCode.INPUT, "is a directory"
    )


def test_binary_file(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_one_line_error(run_cli("build", page, cwd=tmp_path), ExitCode.INPUT, "binary")


def test_invalid_utf8_is_read_as_windows_1252(tmp_path: Path) -> None:
    """Not an error: pages saved without a charset are usually Windows-1252."""
    page = tmp_path / "page.txt"
    page.write_bytes(TINY.read_bytes().replace(b"quickly", b"quickly \x96 caf\xe9s"))
    run = run_cli("script", page, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "Small news, quickly, cafés." in run.stdout and "\ufffd" not in run.stdout


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        ("", "is empty"),
        ("   \n\n\t\n", "is empty"),
        ("Newsletter\n0:00\nClose\n", "no article body"),
    ],
)
def test_page_without_article(tmp_path: Path, content: str, phrase: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(content)
    assert_one_line_error(run_cli("build", page, cwd=tmp_path), ExitCode.CONTENT, phrase)
    assert not (tmp_path / "output").exists()


def test_unreadable_headline_spec(tmp_path: Path) -> None:
    run = run_cli("build", LONDON, "-H", "1-x", cwd=tmp_path)
    assert_one_line_error(run, ExitCode.USAGE, "cannot read headline spec")
    assert not (tmp_path / "output").exists()


def test_headline_out_of_range_names_the_range(tmp_path: Path) -> None:
    run = run_cli("build", LONDON, "-H", "3,51", cwd=tmp_path)
    assert_one_line_error(
        run, ExitCode.USAGE, "headline 51 does not exist", "valid headlines are 1-50"
    )


def test_unknown_voice(tmp_path: Path) -> None:
    run = run_cli("build", TINY, "--voice", "nobody", cwd=tmp_path)
    assert_one_line_error(run, ExitCode.SPEECH, "no voice preset named 'nobody'", "joe")


def test_ffmpeg_missing_fails_before_any_speech(tmp_path: Path) -> None:
    run = run_cli("build", TINY, cwd=tmp_path, env={"BRIEFING_FFMPEG": str(tmp_path / "no-ffmpeg")})
    assert_one_line_error(run, ExitCode.AUDIO, "does not run", "BRIEFING_FFMPEG")


def test_output_dir_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    run = run_cli("build", TINY, "-o", blocker / "out", cwd=tmp_path)
    assert_one_line_error(run, ExitCode.OUTPUT, "cannot write to")


def test_inspect_a_file_that_is_not_mp3(tmp_path: Path) -> None:
    bogus = tmp_path / "x.mp3"
    bogus.write_text("hello")
    assert_one_line_error(run_cli("inspect", bogus), ExitCode.INPUT, "not a readable MP3")


def test_unknown_option_is_a_usage_error() -> None:
    run = run_cli("build", LONDON, "--no-such-option")
    assert run.code == ExitCode.USAGE
    assert "No such option" in run.stderr


def test_help_lists_commands_and_exit_codes() -> None:
    run = run_cli("--help")
    assert run.code == 0
    for command in ("build", "headlines", "inspect", "script"):
        assert command in run.stdout
    assert "130 interrupted" in run.stdout
