"""The SFTP target against a real OpenSSH sshd on loopback (tests/sshserver.py): no mocks.

HOME points into a temp dir and SSH_AUTH_SOCK is unset, so the user's own keys, agent and
known_hosts are never read; the server's throwaway user key comes in by BRIEFING_SSH_KEY."""

from __future__ import annotations

import hashlib
import json
import os
import pwd
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.errors import ExitCode, OutputError, UsageError
from briefing.publish.targets.base import RemoteFile, Target, Upload
from briefing.publish.targets.sftp import MANIFEST, SftpTarget, open_sftp
from briefing.publish.targets.ssh import SftpAddress, parse_sftp_url

from .sshserver import SshServer, fingerprint_of, keygen

Opener = Callable[..., SftpTarget]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    with SshServer(tmp_path_factory.mktemp("sftp")) as running:
        yield running


@pytest.fixture(autouse=True)
def no_real_ssh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Keep ~/.ssh, the agent and any BRIEFING_SSH_* of the person running the tests out."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("SSH_AUTH_SOCK", "BRIEFING_SSH_KEY", "BRIEFING_SSH_KNOWN_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def opener(server: SshServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Opener]:
    """Open targets on `server` logged in with its user key; all closed at the end."""
    monkeypatch.setenv("BRIEFING_SSH_KEY", str(server.user_key))
    opened: list[SftpTarget] = []

    def open_(url: str, known_hosts: Path | None = server.known_hosts, **kw: float) -> SftpTarget:
        target = open_sftp(url, known_hosts, **kw)
        opened.append(target)
        return target

    yield open_
    for target in opened:
        target.close()


@pytest.fixture
def place(request: pytest.FixtureRequest) -> str:
    """A directory name below the server's root of this test's own."""
    return request.node.name.replace("[", "-").replace("]", "")


def upload(tmp_path: Path, name: str, data: bytes) -> Upload:
    local = tmp_path / "local" / name
    local.parent.mkdir(parents=True, exist_ok=True)
    local.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    return Upload(local, name, len(data), sha, "audio/mpeg", "public, max-age=60")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.rglob("*.briefing-part"))


# -- URLs ------------------------------------------------------------------------------


def test_url_forms() -> None:
    me = pwd.getpwuid(os.getuid()).pw_name
    assert parse_sftp_url("sftp://ann@example.org:2222/srv/pod") == SftpAddress(
        "ann", "example.org", 2222, "/srv/pod"
    )
    assert parse_sftp_url("sftp://example.org/srv/pod/") == SftpAddress(
        me, "example.org", 22, "/srv/pod"
    )
    assert parse_sftp_url("sftp://ann@example.org/~/pod").path == "pod"
    assert parse_sftp_url("sftp://ann@example.org/~").path == "."
    assert parse_sftp_url("SFTP://a%40b@[::1]:2200/my%20pod").user == "a@b"
    address = parse_sftp_url("sftp://ann@[::1]:2200/my%20pod")
    assert (address.host, address.path) == ("::1", "/my pod")
    assert address.url == "sftp://ann@[::1]:2200/my%20pod"
    assert address.host_key_name == "[::1]:2200"
    assert parse_sftp_url("sftp://ann@h/~/pod").url == "sftp://ann@h:22/~/pod"
    assert parse_sftp_url("sftp://ann@h/x").host_key_name == "h"


@pytest.mark.parametrize(
    "url",
    [
        "sftp://example.org",
        "sftp://example.org/",
        "sftp:///srv/pod",
        "s3://bucket/pod",
        "sftp://ann@example.org/~bob/pod",
        "sftp://ann@example.org/pod?x=1",
        "sftp://ann@example.org/pod#top",
        "sftp://ann@example.org:99999/pod",
        "sftp://ann@example.org:port/pod",
    ],
)
def test_malformed_urls_are_usage_errors(url: str) -> None:
    with pytest.raises(UsageError) as caught:
        open_sftp(url)
    assert caught.value.exit_code == ExitCode.USAGE


def test_a_password_in_the_url_is_refused_and_never_shown() -> None:
    with pytest.raises(UsageError) as caught:
        open_sftp("sftp://ann:hunter2@example.org/pod")
    assert "hunter2" not in caught.value.one_line()
    assert "password" in caught.value.one_line()


def test_a_missing_key_file_in_the_environment_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BRIEFING_SSH_KEY", str(tmp_path / "nope"))
    with pytest.raises(UsageError, match="BRIEFING_SSH_KEY"):
        open_sftp("sftp://ann@127.0.0.1:1/pod")


# -- sending, listing, deleting ----------------------------------------------------------


def test_put_and_list_round_trip(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    files = {
        "2026-01-14-show.mp3": b"ID3" + bytes(range(256)) * 40,
        "feed.xml": b"<rss/>",
        "art/2026/cover.jpg": b"\xff\xd8jpeg",
    }
    target: Target = opener(server.url(place))
    assert target.list() == {}
    assert not (server.root / place).exists(), "list must not create the directory"
    for name, data in files.items():
        target.put(upload(tmp_path, name, data))
    expected = {n: RemoteFile(n, len(d), sha(d)) for n, d in files.items()}
    assert target.list() == expected
    for name, data in files.items():
        assert (server.root / place / name).read_bytes() == data
    assert leftovers(server.root / place) == []
    manifest = json.loads((server.root / place / MANIFEST).read_text())
    assert manifest["files"]["feed.xml"] == {"size": 6, "sha256": sha(b"<rss/>")}
    target.close()
    assert opener(server.url(place)).list() == expected, "a new connection reads the manifest"


def test_a_new_directory_is_made_with_its_parents_on_first_put(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    target = opener(server.url(f"{place}/deep/er"))
    target.put(upload(tmp_path, "a/b/c.mp3", b"abc"))
    assert (server.root / place / "deep/er/a/b/c.mp3").read_bytes() == b"abc"
    assert target.list() == {"a/b/c.mp3": RemoteFile("a/b/c.mp3", 3, sha(b"abc"))}


def test_a_second_put_replaces_the_file(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    target = opener(server.url(place))
    target.put(upload(tmp_path, "ep.mp3", b"old version"))
    target.put(upload(tmp_path, "ep.mp3", b"the new, longer version"))
    final = server.root / place / "ep.mp3"
    assert final.read_bytes() == b"the new, longer version"
    new = b"the new, longer version"
    assert target.list() == {"ep.mp3": RemoteFile("ep.mp3", len(new), sha(new))}
    assert leftovers(server.root / place) == []


def test_a_checksum_is_only_trusted_while_the_size_matches(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    target = opener(server.url(place))
    target.put(upload(tmp_path, "ep.mp3", b"sent by briefing"))
    (server.root / place / "ep.mp3").write_bytes(b"changed by hand, longer")
    (server.root / place / "by-hand.mp3").write_bytes(b"copied")
    (server.root / place / ".other.briefing-part").write_bytes(b"half")
    assert opener(server.url(place)).list() == {
        "ep.mp3": RemoteFile("ep.mp3", 23, None),
        "by-hand.mp3": RemoteFile("by-hand.mp3", 6, None),
    }


def test_a_corrupt_manifest_means_no_checksums(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    opener(server.url(place)).put(upload(tmp_path, "ep.mp3", b"abc"))
    (server.root / place / MANIFEST).write_text("{not json")
    target = opener(server.url(place))
    assert target.list() == {"ep.mp3": RemoteFile("ep.mp3", 3, None)}
    target.put(upload(tmp_path, "ep.mp3", b"abc"))
    assert target.list()["ep.mp3"].sha256 == sha(b"abc")


def test_delete_removes_the_file_and_its_checksum(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    target = opener(server.url(place))
    target.put(upload(tmp_path, "a.mp3", b"a"))
    target.put(upload(tmp_path, "b/c.mp3", b"c"))
    target.delete("a.mp3")
    target.delete("b/c.mp3")
    target.delete("never-there.mp3")
    assert target.list() == {}
    assert not (server.root / place / "a.mp3").exists()
    assert json.loads((server.root / place / MANIFEST).read_text())["files"] == {}
    opener(server.url(f"{place}-missing")).delete("nothing-here.mp3")


@pytest.mark.parametrize(
    "name", ["../escape.mp3", "/etc/passwd", "a//b", MANIFEST, "x.briefing-part"]
)
def test_names_outside_the_directory_are_refused(
    opener: Opener, server: SshServer, tmp_path: Path, place: str, name: str
) -> None:
    target = opener(server.url(place))
    with pytest.raises(UsageError):
        target.delete(name)
    with pytest.raises(UsageError):
        target.put(Upload(tmp_path, name, 1, "0" * 64, "audio/mpeg", ""))


def test_a_path_below_the_login_directory(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    home = pwd.getpwuid(os.getuid()).pw_dir  # sshd's login directory, not $HOME
    relative = os.path.relpath(server.root / place, home)
    target = opener(f"sftp://{server.user}@127.0.0.1:{server.port}/~/{relative}")
    target.put(upload(tmp_path, "ep.mp3", b"home"))
    assert (server.root / place / "ep.mp3").read_bytes() == b"home"


def test_a_file_where_the_directory_should_be(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    (server.root / place).write_bytes(b"not a directory")
    target = opener(server.url(place))
    with pytest.raises(OutputError, match="not a directory"):
        target.list()
    with pytest.raises(OutputError, match="not a directory") as caught:
        target.put(upload(tmp_path, "ep.mp3", b"x"))
    assert caught.value.exit_code == ExitCode.OUTPUT


def test_a_failed_rename_leaves_no_temporary_file(
    opener: Opener, server: SshServer, tmp_path: Path, place: str
) -> None:
    """The final name is a non-empty directory: the rename fails after the bytes went."""
    blocker = server.root / place / "ep.mp3"
    (blocker / "inside").mkdir(parents=True)
    target = opener(server.url(place))
    with pytest.raises(OutputError, match=r"sending ep\.mp3") as caught:
        target.put(upload(tmp_path, "ep.mp3", b"x" * 5000))
    assert server.url(place) in caught.value.one_line()
    assert leftovers(server.root / place) == []
    assert blocker.is_dir() and (blocker / "inside").is_dir()


# -- host keys, logging in, reaching the server -------------------------------------------


def test_an_unknown_host_key_is_refused_with_the_fix(
    opener: Opener, server: SshServer, tmp_path: Path
) -> None:
    empty = tmp_path / "known_hosts"
    empty.write_text("")
    with pytest.raises(OutputError) as caught:
        opener(server.url("x"), empty)
    line = caught.value.one_line()
    assert caught.value.exit_code == ExitCode.OUTPUT
    assert "unknown" in line
    assert server.host_fingerprint in line and server.host_fingerprint.startswith("SHA256:")
    assert f"ssh-keyscan -p {server.port} 127.0.0.1 >> {empty}" in line
    assert not (server.root / "x").exists()


def test_no_known_hosts_file_at_all_names_the_default_one(
    opener: Opener, server: SshServer
) -> None:
    with pytest.raises(OutputError) as caught:
        opener(server.url("x"), None)
    line = caught.value.one_line()
    assert server.host_fingerprint in line
    assert f"ssh-keyscan -p {server.port} 127.0.0.1 >> ~/.ssh/known_hosts" in line


def test_known_hosts_from_the_environment(
    opener: Opener, server: SshServer, monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    monkeypatch.setenv("BRIEFING_SSH_KNOWN_HOSTS", str(server.known_hosts))
    assert opener(server.url(place), None).list() == {}


def test_a_changed_host_key_is_refused(opener: Opener, server: SshServer, tmp_path: Path) -> None:
    other = keygen(tmp_path / "other_host_key")
    kind, blob = other.with_suffix(".pub").read_text().split()[:2]
    known = tmp_path / "known_hosts"
    known.write_text(f"[127.0.0.1]:{server.port} {kind} {blob}\n")
    with pytest.raises(OutputError) as caught:
        opener(server.url("x"), known)
    line = caught.value.one_line()
    assert "CHANGED" in line
    assert fingerprint_of(other.with_suffix(".pub")) in line
    assert server.host_fingerprint in line


def test_a_wrong_user_key_is_an_authentication_error_without_key_material(
    server: SshServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wrong = keygen(tmp_path / "wrong_key")
    monkeypatch.setenv("BRIEFING_SSH_KEY", str(wrong))
    with pytest.raises(OutputError) as caught:
        open_sftp(server.url("x"), server.known_hosts)
    line = caught.value.one_line()
    assert "refused the login" in line and server.user in line
    assert "authorized_keys" in line
    public = wrong.with_suffix(".pub").read_text().split()[1]
    private_lines = wrong.read_text().splitlines()[1:-1]
    assert public not in line and "PRIVATE KEY" not in line
    assert not any(chunk in line for chunk in private_lines)


def test_no_key_at_all_is_an_authentication_error(server: SshServer) -> None:
    with pytest.raises(OutputError, match="refused the login"):
        open_sftp(server.url("x"), server.known_hosts)


def test_a_closed_port_is_refused_at_once(
    monkeypatch: pytest.MonkeyPatch, server: SshServer
) -> None:
    monkeypatch.setenv("BRIEFING_SSH_KEY", str(server.user_key))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening: refused
        started = time.monotonic()
        with pytest.raises(OutputError) as caught:
            open_sftp(f"sftp://ann@127.0.0.1:{port}/pod", server.known_hosts)
    assert time.monotonic() - started < 2
    line = caught.value.one_line()
    assert f"sftp://ann@127.0.0.1:{port}/pod" in line and "refused" in line
    assert caught.value.exit_code == ExitCode.OUTPUT


def test_a_silent_server_times_out(monkeypatch: pytest.MonkeyPatch, server: SshServer) -> None:
    monkeypatch.setenv("BRIEFING_SSH_KEY", str(server.user_key))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()  # accepts the connection in the kernel, never says a word
        port = sock.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(OutputError, match=f"127.0.0.1:{port}") as caught:
            open_sftp(f"sftp://ann@127.0.0.1:{port}/pod", server.known_hosts, timeout=0.5)
    assert time.monotonic() - started < 5
    assert "0.5 s" in caught.value.one_line()


# -- dropped connections --------------------------------------------------------------


BIG = bytes(range(256)) * (64 * 1024)  # 16 MiB: the send takes long enough to interrupt


def interrupt_when_sending(part: Path, action: Callable[[], None]) -> threading.Thread:
    """Run `action` as soon as the temporary file of a send appears on the server."""

    def watch() -> None:
        deadline = time.monotonic() + 20
        while not part.exists() and time.monotonic() < deadline:
            time.sleep(0.0005)
        action()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def own_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SshServer]:
    """A server of this test's own, to kill."""
    with SshServer(tmp_path) as running:
        monkeypatch.setenv("BRIEFING_SSH_KEY", str(running.user_key))
        yield running


def test_a_dropped_connection_is_reopened_and_the_file_sent_whole(
    own_server: SshServer, tmp_path: Path
) -> None:
    directory = own_server.root / "pod"
    with open_sftp(own_server.url("pod"), own_server.known_hosts) as target:
        target.put(upload(tmp_path, "ep.mp3", b"old"))
        watcher = interrupt_when_sending(
            directory / ".ep.mp3.briefing-part", own_server.kill_sessions
        )
        target.put(upload(tmp_path, "ep.mp3", BIG))
        watcher.join()
        assert (directory / "ep.mp3").read_bytes() == BIG
        assert target.list() == {"ep.mp3": RemoteFile("ep.mp3", len(BIG), sha(BIG))}
    logins = own_server.log.read_text().count("Accepted publickey")
    assert logins == 2, "the first connection, then one reconnect"
    assert leftovers(directory) == []


def test_a_send_cut_off_for_good_keeps_the_old_file(own_server: SshServer, tmp_path: Path) -> None:
    directory = own_server.root / "pod"
    target = open_sftp(own_server.url("pod"), own_server.known_hosts)
    target.put(upload(tmp_path, "ep.mp3", b"the old episode"))
    watcher = interrupt_when_sending(directory / ".ep.mp3.briefing-part", own_server.stop)
    started = time.monotonic()
    with pytest.raises(OutputError) as caught:
        target.put(upload(tmp_path, "ep.mp3", BIG))
    watcher.join()
    target.close()
    line = caught.value.one_line()
    assert "lost the connection" in line and "refused" in line
    assert own_server.url("pod") in line
    assert time.monotonic() - started < 10
    assert (directory / "ep.mp3").read_bytes() == b"the old episode"
    manifest = json.loads((directory / MANIFEST).read_text())["files"]
    assert manifest == {"ep.mp3": {"size": 15, "sha256": sha(b"the old episode")}}
