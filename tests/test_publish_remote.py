"""Publishing to a remote place: what is sent, in which order, with which headers; what is
left alone and what is deleted; a feed a directory would refuse is never sent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.config import ShowConfig
from briefing.errors import ConfigError
from briefing.publish.checks import check_feed
from briefing.publish.publisher import publish
from briefing.publish.remote import LONG_CACHE, SHORT_CACHE, plan_remote, sha256_of
from briefing.publish.targets.base import RemoteFile

from .conftest import TINY, run_cli
from .s3server import DroppingProxy, S3Server
from .sshserver import SshServer

BASE = "https://cdn.example.org/show/"
SHOW = ShowConfig(
    name="The Tiny Times",
    description="Small news, quickly.",
    owner_name="Sam Smith",
    owner_email="sam@example.org",
)


@pytest.fixture(scope="module")
def shelf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output directory with one real episode and its feed, plus what must never be sent."""
    out = tmp_path_factory.mktemp("remote-shelf")
    run = run_cli("build", TINY, "-H", "all", "-q", "-o", out)
    assert run.code == 0, run.stderr
    (out / ".briefing-work-123").mkdir()
    (out / ".briefing-work-123" / "voice.pcm").write_bytes(b"\0" * 10)
    publish(out, SHOW, BASE)
    return out


def copy_of(shelf: Path, tmp_path: Path) -> Path:
    target = tmp_path / "out"
    shutil.copytree(shelf, target)
    return target


def test_a_new_place_gets_every_file_audio_first_and_the_feed_last(shelf: Path) -> None:
    plan = plan_remote(shelf, {})
    names = [u.name for u in plan.uploads]
    assert names[0].endswith(".mp3")
    assert names[-2:] == ["index.html", "feed.xml"]
    sidecars = {".jpg", ".chapters.json", ".vtt", ".srt", ".transcript.json", ".md", ".html"}
    assert {n.split(".", 1)[1] for n in names[1:-2]} == {s[1:] for s in sidecars}
    assert not any(n.startswith(".") or "work" in n for n in names)  # lock, work dirs
    metadata = [n for n in names if n.endswith(".json") and n.count(".") == 1]
    assert not metadata  # the episodes' metadata stays home
    types = {u.name.split(".", 1)[1]: (u.content_type, u.cache_control) for u in plan.uploads}
    assert types["mp3"] == ("audio/mpeg", LONG_CACHE)
    assert types["vtt"][0].startswith("text/vtt")
    assert types["srt"][0].startswith("application/x-subrip")
    assert types["chapters.json"][0] == "application/json+chapters"
    assert types["transcript.json"][0] == "application/json; charset=utf-8"
    assert types["jpg"][0] == "image/jpeg"
    assert types["xml"] == ("application/rss+xml; charset=utf-8", SHORT_CACHE)
    assert types["html"][1] in (SHORT_CACHE, LONG_CACHE)
    for upload in plan.uploads:
        assert upload.size == upload.path.stat().st_size
        assert upload.sha256 == sha256_of(upload.path)
    assert plan.deletes == ()


def test_what_is_there_unchanged_is_not_sent_and_only_old_episodes_are_deleted(
    shelf: Path,
) -> None:
    first = plan_remote(shelf, {})
    there = {u.name: RemoteFile(u.name, u.size, u.sha256) for u in first.uploads}
    there["2020-01-01-old-show.mp3"] = RemoteFile("2020-01-01-old-show.mp3", 10, "x")
    there["2020-01-01-old-show.chapter1.jpg"] = RemoteFile(
        "2020-01-01-old-show.chapter1.jpg", 1, None
    )
    there["about.html"] = RemoteFile("about.html", 5, None)  # the user's own: left alone
    mp3 = next(u for u in first.uploads if u.name.endswith(".mp3"))
    there[mp3.name] = RemoteFile(mp3.name, mp3.size, None)  # no checksum: sent again
    plan = plan_remote(shelf, there)
    assert [u.name for u in plan.uploads] == [mp3.name]
    assert plan.deletes == ("2020-01-01-old-show.chapter1.jpg", "2020-01-01-old-show.mp3")
    assert len(plan.unchanged) == len(first.uploads) - 1


def test_a_feed_a_directory_would_refuse_names_every_missing_element(
    shelf: Path, tmp_path: Path
) -> None:
    out = copy_of(shelf, tmp_path)
    publish(out, ShowConfig(), BASE)  # no description, no owner email
    with pytest.raises(ConfigError) as refused:
        check_feed((out / "feed.xml").read_bytes(), out, BASE)
    message = refused.value.one_line()
    assert "owner email (owner_email in the show file)" in message
    assert "nothing was sent" in message
    assert check_feed((shelf / "feed.xml").read_bytes(), shelf, BASE) == []
    warnings = check_feed((shelf / "feed.xml").read_bytes(), shelf, "http://example.org/")
    assert warnings and "https" in warnings[0]


def test_small_artwork_is_refused(shelf: Path, tmp_path: Path) -> None:
    from PIL import Image

    out = copy_of(shelf, tmp_path)
    cover = next(p for p in out.glob("*.jpg") if ".chapter" not in p.name)
    Image.new("RGB", (600, 600)).save(cover)
    with pytest.raises(ConfigError, match="600x600 px, not square and 1400-3000 px"):
        check_feed((out / "feed.xml").read_bytes(), out, BASE)


# --- over SFTP, to OpenSSH's sshd, through the command line ----------------------------------


def show_file(tmp_path: Path, to: str = "") -> Path:
    path = tmp_path / "show.toml"
    path.write_text(
        'name = "The Tiny Times"\ndescription = "Small news, quickly."\n'
        'owner_name = "Sam Smith"\nowner_email = "sam@example.org"\n'
        f'base_url = "{BASE}"\n' + (f'to = "{to}"\n' if to else "")
    )
    return path


def test_publish_to_sftp_sends_what_changed_and_the_feed_last(shelf: Path, tmp_path: Path) -> None:
    import podcastparser

    out = copy_of(shelf, tmp_path)
    with SshServer(tmp_path) as server:
        env = {
            "HOME": str(tmp_path),  # no real ~/.ssh
            "SSH_AUTH_SOCK": "",
            "BRIEFING_SSH_KEY": str(server.user_key),
            "BRIEFING_SSH_KNOWN_HOSTS": str(server.known_hosts),
        }
        to = server.url("show")
        show = show_file(tmp_path, to)
        dry = run_cli("publish", out, "--show", show, "--dry-run", env=env)
        assert dry.code == 0, dry.stderr
        assert dry.stdout.splitlines()[-1].startswith("would send feed.xml")
        assert not (server.root / "show").exists()  # nothing sent

        first = run_cli("publish", out, "--show", show, env=env)
        assert first.code == 0, first.stderr
        assert first.stdout.strip() == f"{to}/feed.xml"
        sent = [line.split()[1] for line in first.stderr.splitlines() if line.startswith("sent ")]
        assert sent[0].endswith(".mp3") and sent[-1] == "feed.xml"
        remote = server.root / "show"
        for name in sent:
            assert (remote / name).read_bytes() == (out / name).read_bytes()
        assert not (remote / ".briefing.lock").exists()
        with (remote / "feed.xml").open("rb") as feed:
            parsed = podcastparser.parse(f"{BASE}feed.xml", feed)
        assert len(parsed["episodes"]) == 1

        fabricate_episode(out, "2026-03-09-the-tiny-times", "2026-03-09")
        second = run_cli("publish", out, "--show", show, env=env)
        assert second.code == 0, second.stderr
        again = [line.split()[1] for line in second.stderr.splitlines() if line.startswith("sent ")]
        assert again[-2:] == ["index.html", "feed.xml"]
        assert all(n.startswith("2026-03-09-the-tiny-times") for n in again[:-2])
        assert f"{len(sent) - 2} unchanged" in second.stderr

        third = run_cli("publish", out, "--show", show, "--keep", "1", env=env)
        assert third.code == 0, third.stderr
        assert "deleted " in third.stderr
        names = {p.name for p in remote.iterdir()}
        assert not any(n.startswith(sent[0].split(".")[0]) for n in names)  # the old one went
        assert "2026-03-09-the-tiny-times.mp3" in names


def test_daily_publishes_to_the_shows_place(shelf: Path, tmp_path: Path) -> None:
    out = copy_of(shelf, tmp_path)
    episode = next(out.glob("*.mp3"))
    with SshServer(tmp_path) as server:
        show = show_file(tmp_path, server.url("daily"))
        show.write_text(
            show.read_text() + f'lead = "{TINY}"\noutput_dir = "{out}"\n', encoding="utf-8"
        )
        env = {
            "HOME": str(tmp_path),
            "SSH_AUTH_SOCK": "",
            "BRIEFING_SSH_KEY": str(server.user_key),
            "BRIEFING_SSH_KNOWN_HOSTS": str(server.known_hosts),
        }
        run = run_cli("daily", "--show", show, "--date", episode.stem[:10], env=env)
        assert run.code == 0, run.stderr
        assert "publishing only" in run.stderr and "unchanged" in run.stderr
        assert (server.root / "daily" / "feed.xml").read_bytes() == (out / "feed.xml").read_bytes()
        assert (server.root / "daily" / episode.name).is_file()


def test_an_unknown_host_key_stops_before_anything_is_sent(shelf: Path, tmp_path: Path) -> None:
    out = copy_of(shelf, tmp_path)
    with SshServer(tmp_path) as server:
        empty = tmp_path / "known_hosts"
        empty.write_text("")
        env = {
            "HOME": str(tmp_path),
            "SSH_AUTH_SOCK": "",
            "BRIEFING_SSH_KEY": str(server.user_key),
            "BRIEFING_SSH_KNOWN_HOSTS": str(empty),
        }
        run = run_cli("publish", out, "--show", show_file(tmp_path, server.url("show")), env=env)
        assert run.code == 7
        assert "ssh-keyscan" in run.stderr and len(run.stderr.strip().splitlines()) == 1
        assert not (server.root / "show").exists()


def test_a_feed_that_would_be_refused_is_not_sent(shelf: Path, tmp_path: Path) -> None:
    out = copy_of(shelf, tmp_path)
    show = tmp_path / "show.toml"
    show.write_text(f'base_url = "{BASE}"\nto = "sftp://nobody@127.0.0.1:1/x"\n')
    run = run_cli("publish", out, "--show", show)
    assert run.code == 9
    assert "owner email (owner_email in the show file)" in run.stderr
    assert "nothing was sent" in run.stderr


def fabricate_episode(directory: Path, name: str, day: str) -> None:
    """Another episode from the shelf's real one: a new name, date and GUID."""
    import json
    import uuid

    template = next(p for p in directory.glob("*.mp3"))
    meta = json.loads(template.with_suffix(".json").read_text())
    files = {}
    for kind, file in meta["files"].items():
        files[kind] = file.replace(template.stem, name)
        shutil.copy(directory / file, directory / files[kind])
    shutil.copy(template, directory / f"{name}.mp3")
    meta.update(guid=str(uuid.uuid4()), date=day, audio=f"{name}.mp3", files=files, title=name)
    (directory / f"{name}.json").write_text(json.dumps(meta))


# --- to S3, on moto's server, through the command line ----------------------------------------


def s3_env(server: S3Server, endpoint: str | None = None) -> dict[str, str]:
    return {**server.env, "AWS_ENDPOINT_URL": endpoint or server.endpoint}


def test_publish_to_s3_sends_each_file_once_with_its_headers_and_survives_a_drop(
    shelf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in S3Server.CLEARED:  # none of the machine's own AWS settings
        monkeypatch.delenv(name, raising=False)
    import urllib.request

    import podcastparser

    out = copy_of(shelf, tmp_path)
    with S3Server() as server, DroppingProxy(server.endpoint) as proxy:
        client = server.client()
        client.create_bucket(Bucket="pod")
        show = show_file(tmp_path, "s3://pod/show")
        run = run_cli("publish", out, "--show", show, env=s3_env(server))
        assert run.code == 0, run.stderr
        assert "no other site read its files (CORS)" in run.stderr
        keys = {o["Key"]: o for o in client.list_objects_v2(Bucket="pod")["Contents"]}
        mp3 = next(k for k in keys if k.endswith(".mp3"))
        head = client.head_object(Bucket="pod", Key=mp3)
        assert head["ContentType"] == "audio/mpeg"
        assert head["CacheControl"] == LONG_CACHE
        assert head["ContentLength"] == (out / mp3.split("/")[1]).stat().st_size
        assert head["Metadata"]["sha256"] == sha256_of(out / mp3.split("/")[1])
        feed_head = client.head_object(Bucket="pod", Key="show/feed.xml")
        assert feed_head["CacheControl"] == SHORT_CACHE
        assert feed_head["ContentType"].startswith("application/rss+xml")
        vtt = next(k for k in keys if k.endswith(".vtt"))
        assert client.head_object(Bucket="pod", Key=vtt)["ContentType"].startswith("text/vtt")
        assert not any(k.endswith(".lock") or "work" in k for k in keys)
        # a podcast app reads the feed from the server (signed: moto's bucket is private)
        url = client.generate_presigned_url(
            "get_object", Params={"Bucket": "pod", "Key": "show/feed.xml"}
        )
        with urllib.request.urlopen(url) as answer:
            parsed = podcastparser.parse(f"{BASE}feed.xml", answer)
        assert len(parsed["episodes"]) == 1

        run = run_cli("publish", out, "--show", show, "--set-cors", env=s3_env(server))
        assert run.code == 0, run.stderr
        assert "sent 0 files" in run.stderr  # nothing changed
        rules = client.get_bucket_cors(Bucket="pod")["CORSRules"]
        assert any("*" in r["AllowedOrigins"] and "GET" in r["AllowedMethods"] for r in rules)
        # a web player on another site may now read the transcript
        signed = client.generate_presigned_url("get_object", Params={"Bucket": "pod", "Key": vtt})
        read = urllib.request.Request(signed, headers={"Origin": "https://player.example"})
        with urllib.request.urlopen(read) as answer:
            assert answer.headers["Access-Control-Allow-Origin"] in ("*", "https://player.example")

        # a new episode, sent through a connection that drops every upload: the old feed stays
        old_feed = client.get_object(Bucket="pod", Key="show/feed.xml")["Body"].read()
        fabricate_episode(out, "2026-03-09-the-tiny-times", "2026-03-09")
        proxy.drop_after(2000, times=1000)
        failed = run_cli("publish", out, "--show", show, env=s3_env(server, proxy.endpoint))
        assert failed.code == 7, failed.stderr
        assert len(failed.stderr.strip().splitlines()) == 1
        assert client.get_object(Bucket="pod", Key="show/feed.xml")["Body"].read() == old_feed
        proxy.disarm()
        done = run_cli("publish", out, "--show", show, env=s3_env(server, proxy.endpoint))
        assert done.code == 0, done.stderr
        sent = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("sent ")]
        assert sent[-1] == "feed.xml"
        assert all(n.startswith("2026-03-09") or n in ("index.html", "feed.xml") for n in sent)
        new_feed = client.get_object(Bucket="pod", Key="show/feed.xml")["Body"].read()
        assert b"2026-03-09-the-tiny-times.mp3" in new_feed
