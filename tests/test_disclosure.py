"""The voices are synthetic, and every episode says so: in its intro, its description and
notes, its ID3 comment, and the feed (`podcast:txt purpose="ai-content"`)."""

from __future__ import annotations

import json
from pathlib import Path

import webvtt
from lxml import etree
from mutagen.id3 import ID3

from briefing.config import ShowConfig
from briefing.publish.publisher import publish

from .conftest import LONDON, Run, run_cli

SAID = "This episode is read by a synthetic voice."
WRITTEN = "Read by a synthetic voice."


def test_an_episode_says_its_voice_is_synthetic(
    london_episode: tuple[Path, Run], tmp_path: Path
) -> None:
    mp3, _ = london_episode
    cues = [c.text for c in webvtt.read(str(mp3.with_suffix(".vtt")))][:4]
    assert any(SAID in cue for cue in cues)  # in the intro, before any story
    comment = ID3(mp3).getall("COMM")[0].text[0]
    assert comment.endswith(WRITTEN)
    assert WRITTEN in mp3.with_suffix(".md").read_text()
    assert WRITTEN in json.loads(mp3.with_suffix(".json").read_text())["summary"]

    shelf = tmp_path / "shelf"
    shelf.mkdir()
    for path in mp3.parent.glob(f"{mp3.stem}*"):
        (shelf / path.name).write_bytes(path.read_bytes())
    publish(shelf, ShowConfig(), "https://example.org/show/")
    feed = etree.parse(str(shelf / "feed.xml"))
    ns = {"podcast": "https://podcastindex.org/namespace/1.0"}
    (flag,) = feed.xpath("/rss/channel/podcast:txt[@purpose='ai-content']", namespaces=ns)
    assert flag.text == "true"
    assert WRITTEN in feed.findtext("channel/item/description")


def test_the_disclosure_can_be_reworded_and_leaving_it_out_warns(tmp_path: Path) -> None:
    show = tmp_path / "show.toml"
    show.write_text('disclosure = "A computer voice reads {show} today."\n')
    run = run_cli("script", LONDON, "-H", "none", "--show", show)
    assert run.code == 0, run.stderr
    assert "A computer voice reads London Daily today." in run.stdout
    assert SAID not in run.stdout and "warning" not in run.stderr

    show.write_text('disclosure = ""\n')
    run = run_cli("script", LONDON, "-H", "none", "--show", show)
    assert run.code == 0, run.stderr
    intro = run.stdout.split("## Intro")[1].split("## Lead")[0]
    assert "synthetic" not in intro  # not said (the written notes still say it)
    assert "warning: the episode does not say its voice is synthetic" in run.stderr
