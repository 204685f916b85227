"""Where episodes are published to, by the URL's scheme: ``s3://BUCKET/PREFIX`` (any
S3-compatible store, `s3.py`) or ``sftp://USER@HOST[:PORT]/PATH`` (`sftp.py`). Each module
is imported only when its scheme is used."""

from __future__ import annotations

from urllib.parse import urlsplit

from briefing.errors import UsageError
from briefing.publish.targets.base import RemoteFile, Target, Upload

SCHEMES = ("s3", "sftp")


def open_target(url: str, endpoint_url: str | None = None) -> Target:
    """The target `url` names; a `UsageError` for a scheme briefing does not publish to."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "s3":
        from briefing.publish.targets.s3 import open_s3

        return open_s3(url, endpoint_url)
    if endpoint_url:
        raise UsageError("--endpoint-url is for s3:// targets")
    if scheme == "sftp":
        from briefing.publish.targets.sftp import open_sftp

        return open_sftp(url)
    raise UsageError(
        f"cannot publish to {url!r}",
        hint="give s3://BUCKET/PREFIX or sftp://USER@HOST[:PORT]/PATH",
    )


__all__ = ["SCHEMES", "RemoteFile", "Target", "Upload", "open_target"]
