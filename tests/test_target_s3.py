"""The S3 target against a real S3 server (moto's, on loopback): what it sends, lists and
deletes, what it says when the bucket or the credentials are wrong, and that a dropped
upload leaves nothing half-sent behind."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.errors import OutputError, UsageError
from briefing.publish.targets.base import RemoteFile, Target, Upload
from briefing.publish.targets.s3 import MAX_ATTEMPTS, MULTIPART_THRESHOLD, S3Target, open_s3

from .s3server import ACCESS_KEY_ID, DroppingProxy, S3Server

BUCKET = "shows"


@pytest.fixture(scope="module")
def server() -> Iterator[S3Server]:
    with S3Server() as running:
        yield running


@pytest.fixture
def s3(server: S3Server, monkeypatch: pytest.MonkeyPatch) -> S3Server:
    """The server, emptied, with one bucket, and boto3 pointed at it by the environment."""
    server.reset()
    for name, value in server.env.items():
        monkeypatch.setenv(name, value)
    for name in S3Server.CLEARED:
        monkeypatch.delenv(name, raising=False)
    server.client().create_bucket(Bucket=BUCKET)
    return server


@pytest.fixture
def proxy(s3: S3Server) -> Iterator[DroppingProxy]:
    with DroppingProxy(s3.endpoint) as running:
        yield running


def make_upload(
    tmp_path: Path,
    name: str,
    data: bytes,
    content_type: str = "audio/mpeg",
    cache_control: str = "public, max-age=86400",
) -> Upload:
    path = tmp_path / f"upload-{len(list(tmp_path.iterdir()))}"
    path.write_bytes(data)
    return Upload(
        path, name, len(data), hashlib.sha256(data).hexdigest(), content_type, cache_control
    )


def body(s3: S3Server, key: str) -> bytes:
    return s3.client().get_object(Bucket=BUCKET, Key=key)["Body"].read()


def keys(s3: S3Server) -> set[str]:
    listing = s3.client().list_objects_v2(Bucket=BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}


# -- URLs ------------------------------------------------------------------------------


def test_url_prefix_is_normalised(s3: S3Server) -> None:
    target = open_s3("s3://shows//daily//news/")
    assert (target.bucket, target.prefix, target.url) == (
        BUCKET,
        "daily/news",
        "s3://shows/daily/news",
    )
    assert open_s3("s3://shows").url == "s3://shows"
    assert open_s3("s3://shows/").prefix == ""
    target.close()


@pytest.mark.parametrize(
    "url",
    [
        "s3://",
        "s3:///daily",
        "https://shows/daily",
        "shows/daily",
        "s3://shows/../x",
        "s3://sh ows",
    ],
)
def test_bad_urls_are_usage_errors(url: str) -> None:
    with pytest.raises(UsageError) as caught:
        open_s3(url)
    assert caught.value.hint


def test_credentials_in_the_url_are_refused_and_not_echoed() -> None:
    with pytest.raises(UsageError) as caught:
        open_s3("s3://AKIAEXAMPLE:TOPSECRETVALUE@shows/daily")
    assert "TOPSECRETVALUE" not in caught.value.one_line()


def test_it_is_a_target(s3: S3Server) -> None:
    target: Target = open_s3("s3://shows")
    assert target.list() == {}
    target.close()
    target.close()  # a second close does nothing


# -- put and list ----------------------------------------------------------------------


def test_put_and_list_round_trip(s3: S3Server, tmp_path: Path) -> None:
    data = os.urandom(300_000)
    upload = make_upload(tmp_path, "2026-01-14-show.mp3", data, "audio/mpeg", "public, max-age=300")
    target = open_s3("s3://shows/daily")
    target.put(upload)

    head = s3.client().head_object(Bucket=BUCKET, Key="daily/2026-01-14-show.mp3")
    assert head["ContentType"] == "audio/mpeg"
    assert head["CacheControl"] == "public, max-age=300"
    assert head["ContentLength"] == len(data)
    assert head["Metadata"] == {"sha256": upload.sha256}
    assert body(s3, "daily/2026-01-14-show.mp3") == data
    assert target.list() == {
        "2026-01-14-show.mp3": RemoteFile("2026-01-14-show.mp3", len(data), upload.sha256)
    }


def test_put_replaces_an_object(s3: S3Server, tmp_path: Path) -> None:
    target = open_s3("s3://shows")
    target.put(make_upload(tmp_path, "feed.xml", b"<rss>one</rss>", "application/rss+xml"))
    second = make_upload(tmp_path, "feed.xml", b"<rss>two, longer</rss>", "application/rss+xml")
    target.put(second)
    assert body(s3, "feed.xml") == b"<rss>two, longer</rss>"
    assert target.list()["feed.xml"] == RemoteFile("feed.xml", second.size, second.sha256)


def test_multipart_upload_lands_whole_with_its_metadata(s3: S3Server, tmp_path: Path) -> None:
    data = os.urandom(MULTIPART_THRESHOLD + 3 * 1024 * 1024)
    upload = make_upload(tmp_path, "long.mp3", data, "audio/mpeg", "max-age=60")
    open_s3("s3://shows/daily").put(upload)

    head = s3.client().head_object(Bucket=BUCKET, Key="daily/long.mp3")
    assert head["ETag"].strip('"').endswith("-2")  # it did go up in two parts
    assert (head["ContentType"], head["CacheControl"]) == ("audio/mpeg", "max-age=60")
    assert head["ContentLength"] == len(data)
    assert head["Metadata"]["sha256"] == upload.sha256
    assert hashlib.sha256(body(s3, "daily/long.mp3")).hexdigest() == upload.sha256
    assert not s3.client().list_multipart_uploads(Bucket=BUCKET).get("Uploads")


def test_list_returns_only_names_below_the_prefix(s3: S3Server) -> None:
    client = s3.client()
    for key in (
        "shows/daily/a.mp3",
        "shows/daily/2026/b.mp3",
        "shows/daily/",  # a "directory" marker, not a file
        "shows/dailyextra/c.mp3",
        "shows/x.mp3",
        "top.mp3",
    ):
        client.put_object(Bucket=BUCKET, Key=key, Body=b"12345")
    client.put_object(
        Bucket=BUCKET, Key="shows/daily/sent.mp3", Body=b"abc", Metadata={"sha256": "ab" * 32}
    )
    client.put_object(
        Bucket=BUCKET, Key="shows/daily/odd.mp3", Body=b"abc", Metadata={"sha256": "not a hash"}
    )

    assert open_s3("s3://shows/shows/daily").list() == {
        "a.mp3": RemoteFile("a.mp3", 5, None),
        "2026/b.mp3": RemoteFile("2026/b.mp3", 5, None),
        "sent.mp3": RemoteFile("sent.mp3", 3, "ab" * 32),
        "odd.mp3": RemoteFile("odd.mp3", 3, None),
    }
    assert set(open_s3("s3://shows").list()) == keys(s3) - {"shows/daily/"}
    assert open_s3("s3://shows/nothing/here").list() == {}


def test_list_reads_every_checksum(s3: S3Server, tmp_path: Path) -> None:
    target = open_s3("s3://shows/many")
    sent = {}
    for i in range(60):
        upload = make_upload(tmp_path, f"ep{i:03}.mp3", f"episode {i}".encode())
        s3.client().upload_file(
            str(upload.path),
            BUCKET,
            f"many/{upload.name}",
            ExtraArgs={"Metadata": {"sha256": upload.sha256}},
        )
        sent[upload.name] = RemoteFile(upload.name, upload.size, upload.sha256)
    assert target.list() == sent


def test_put_of_a_missing_local_file_is_an_output_error(s3: S3Server, tmp_path: Path) -> None:
    upload = Upload(tmp_path / "gone.mp3", "gone.mp3", 1, "0" * 64, "audio/mpeg", "no-cache")
    with pytest.raises(OutputError, match=r"gone\.mp3"):
        open_s3("s3://shows").put(upload)


# -- delete ----------------------------------------------------------------------------


def test_delete(s3: S3Server, tmp_path: Path) -> None:
    target = open_s3("s3://shows/daily")
    target.put(make_upload(tmp_path, "old.mp3", b"old"))
    target.put(make_upload(tmp_path, "2026/kept.mp3", b"kept"))
    s3.client().put_object(Bucket=BUCKET, Key="old.mp3", Body=b"outside the prefix")

    target.delete("old.mp3")
    assert keys(s3) == {"daily/2026/kept.mp3", "old.mp3"}
    target.delete("old.mp3")  # already gone: not an error
    target.delete("never/was.mp3")
    target.delete("2026/kept.mp3")
    assert keys(s3) == {"old.mp3"}


# -- errors ----------------------------------------------------------------------------


def test_missing_bucket_is_named_and_no_secret_is_shown(
    s3: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "RECOGNISABLE-secret-7f3a9c"
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", secret)
    target = open_s3("s3://no-such-bucket/daily")
    for call in (target.list, lambda: target.put(make_upload(tmp_path, "a.mp3", b"a"))):
        with pytest.raises(OutputError) as caught:
            call()
        line = caught.value.one_line()
        assert "no-such-bucket" in line
        assert "create it" in line
        assert secret not in line
        assert ACCESS_KEY_ID not in line
        assert caught.value.exit_code == 7
        assert caught.value.__cause__ is None and caught.value.__suppress_context__
    buckets = s3.client().list_buckets().get("Buckets", [])
    assert [b.get("Name") for b in buckets] == [BUCKET]  # nothing was created


def test_refused_credentials_say_how_to_set_them_without_echoing_them(
    s3: S3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIARECOGNISABLE1234")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "RECOGNISABLE-secret-7f3a9c")
    s3.check_credentials(True)
    try:
        with pytest.raises(OutputError) as caught:
            open_s3("s3://shows").list()
    finally:
        s3.check_credentials(False)
    line = caught.value.one_line()
    assert "credentials were refused" in line
    assert "AWS_PROFILE" in line and "AWS_ACCESS_KEY_ID" in line
    assert "AKIARECOGNISABLE1234" not in line
    assert "RECOGNISABLE-secret-7f3a9c" not in line


def test_no_credentials_at_all(s3: S3Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    with pytest.raises(OutputError, match="no usable AWS credentials"):
        open_s3("s3://shows").list()


def test_an_unreachable_endpoint_is_an_output_error(
    s3: S3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    with DroppingProxy(s3.endpoint) as closed:
        endpoint = closed.endpoint  # a loopback port that is closed once the proxy is gone
    with pytest.raises(OutputError, match="connection failed") as caught:
        open_s3("s3://shows", endpoint_url=endpoint).list()
    assert "s3://shows" in caught.value.one_line()


def test_a_bad_endpoint_url_is_a_usage_error(s3: S3Server) -> None:
    with pytest.raises(UsageError, match="endpoint"):
        open_s3("s3://shows", endpoint_url="not a url")


# -- dropped connections ---------------------------------------------------------------


def test_an_upload_dropped_once_succeeds_on_retry(
    s3: S3Server, proxy: DroppingProxy, tmp_path: Path
) -> None:
    data = os.urandom(400_000)
    upload = make_upload(tmp_path, "retried.mp3", data)
    target = open_s3("s3://shows", endpoint_url=proxy.endpoint)
    proxy.drop_after(100_000, times=1)
    target.put(upload)
    assert proxy.drops == 1
    assert body(s3, "retried.mp3") == data
    assert target.list()["retried.mp3"].sha256 == upload.sha256


def test_an_upload_dropped_every_time_fails_and_leaves_the_old_version(
    s3: S3Server, proxy: DroppingProxy, tmp_path: Path
) -> None:
    old = make_upload(tmp_path, "episode.mp3", b"the old episode")
    open_s3("s3://shows").put(old)
    target = open_s3("s3://shows", endpoint_url=proxy.endpoint)

    proxy.drop_after(100_000, times=2 * MAX_ATTEMPTS + 3)  # more than two puts will try
    with pytest.raises(OutputError) as caught:
        target.put(make_upload(tmp_path, "episode.mp3", os.urandom(400_000)))
    with pytest.raises(OutputError):
        target.put(make_upload(tmp_path, "new.mp3", os.urandom(400_000)))
    proxy.disarm()

    assert proxy.drops == 2 * MAX_ATTEMPTS  # each put was tried MAX_ATTEMPTS times
    line = caught.value.one_line()
    assert "s3://shows" in line and "episode.mp3" in line and "ConnectionClosedError" in line
    assert keys(s3) == {"episode.mp3"}
    assert body(s3, "episode.mp3") == b"the old episode"
    assert open_s3("s3://shows").list() == {
        "episode.mp3": RemoteFile("episode.mp3", old.size, old.sha256)
    }


def test_a_dropped_multipart_upload_is_aborted(
    s3: S3Server, proxy: DroppingProxy, tmp_path: Path
) -> None:
    target = open_s3("s3://shows/daily", endpoint_url=proxy.endpoint)
    proxy.drop_after(1024 * 1024, times=1000)
    with pytest.raises(OutputError, match=r"long\.mp3"):
        target.put(make_upload(tmp_path, "long.mp3", os.urandom(MULTIPART_THRESHOLD + 1024 * 1024)))
    proxy.disarm()
    assert proxy.drops >= MAX_ATTEMPTS
    assert keys(s3) == set()
    assert not s3.client().list_multipart_uploads(Bucket=BUCKET).get("Uploads")


# -- CORS ------------------------------------------------------------------------------


def test_cors_rules_round_trip(s3: S3Server) -> None:
    target = open_s3("s3://shows/daily")
    assert target.cors_rules() == []
    s3.client().put_bucket_cors(
        Bucket=BUCKET,
        CORSConfiguration={
            "CORSRules": [{"AllowedMethods": ["PUT"], "AllowedOrigins": ["https://studio.example"]}]
        },
    )
    target.allow_cors_get()
    target.allow_cors_get()  # once is enough: the rule is not added twice

    rules = s3.client().get_bucket_cors(Bucket=BUCKET)["CORSRules"]
    assert len(rules) == 2
    assert rules[0]["AllowedMethods"] == ["PUT"]
    assert rules[0]["AllowedOrigins"] == ["https://studio.example"]
    added = rules[1]
    assert sorted(added["AllowedMethods"]) == ["GET", "HEAD"]
    assert added["AllowedOrigins"] == ["*"]
    assert added["AllowedHeaders"] == ["*"]
    assert added["MaxAgeSeconds"] == 3000
    assert target.cors_rules() == rules


def test_cors_on_a_missing_bucket_is_an_output_error(s3: S3Server) -> None:
    with pytest.raises(OutputError, match="no-such-bucket"):
        open_s3("s3://no-such-bucket").allow_cors_get()


def test_the_target_class_can_be_made_directly(s3: S3Server, tmp_path: Path) -> None:
    target = S3Target(BUCKET, "/a//b/")
    assert target.url == "s3://shows/a/b"
    target.put(make_upload(tmp_path, "/c.mp3", b"c"))
    assert keys(s3) == {"a/b/c.mp3"}
    with pytest.raises(UsageError):
        target.put(make_upload(tmp_path, "../escape.mp3", b"x"))
