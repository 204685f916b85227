"""Publishing to S3 or any S3-compatible store (R2, B2, MinIO, Spaces) with boto3.

    target = open_s3("s3://my-bucket/podcasts/daily")
    target.put(Upload(...)); target.list(); target.delete("old.mp3"); target.close()

Credentials come only from boto3's own chain (environment, ``AWS_PROFILE`` and the shared
files, SSO, instance and container roles); the endpoint from ``endpoint_url`` when it is
given, else from boto3's own ``AWS_ENDPOINT_URL`` / ``AWS_ENDPOINT_URL_S3`` handling.

Whole or not at all: S3 shows an object only once its single PUT or its
CompleteMultipartUpload has succeeded, and boto3's transfer manager aborts a multipart
upload that fails, so a half-sent file is never visible under its name.

Messages never hold a key, a secret or a token: they are built here from the target's URL,
the S3 error code and the HTTP status, never from the text of a library's exception.
"""

from __future__ import annotations

import builtins
import re
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import urlsplit

from ...errors import OutputError, UsageError
from .base import RemoteFile, Upload

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

MULTIPART_THRESHOLD = 8 * 1024 * 1024
"""Files above this go up in parts of this size (boto3's managed transfer)."""
MAX_ATTEMPTS = 5
"""Tries per request, the first one included, with botocore's "standard" backoff (exponential
with jitter: 50 ms base for 5xx and dropped connections, 1 s for throttling). Given to botocore
as `total_max_attempts`: its `max_attempts` counts retries only, which would make 6 tries."""
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
HEAD_THREADS = 8
"""`list` asks for each object's stored checksum with this many requests at once."""

SHA256_META = "sha256"
"""User metadata key (header ``x-amz-meta-sha256``) that holds briefing's checksum."""

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_BUCKET = re.compile(r"^[A-Za-z0-9._-]{1,255}$")  # botocore's own check, for an early error
_URL_HINT = "write the target as s3://BUCKET or s3://BUCKET/PREFIX"

_CREDENTIAL_CODES = frozenset(
    {
        "AccessDenied",
        "AllAccessDisabled",
        "ExpiredToken",
        "InvalidAccessKeyId",
        "InvalidClientTokenId",
        "InvalidToken",
        "SignatureDoesNotMatch",
        "TokenRefreshRequired",
        "UnrecognizedClientException",
        "403",
        "Forbidden",
    }
)
_CREDENTIALS_HINT = (
    "set credentials the standard AWS ways: AWS_PROFILE (with ~/.aws/credentials or "
    "~/.aws/config), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), "
    "or an instance or container role; and check that they may use this bucket"
)
_NETWORK_HINT = (
    "check the network and the endpoint (--endpoint-url, AWS_ENDPOINT_URL), then try again"
)
_BUSY_HINT = "the store kept failing or throttling after retries with backoff; try again later"


def open_s3(url: str, endpoint_url: str | None = None) -> S3Target:
    """The target for ``s3://BUCKET/PREFIX``; its client is made now so that a bad endpoint
    or profile shows before any work is done."""
    bucket, prefix = parse_s3_url(url)
    return S3Target(bucket, prefix, endpoint_url=endpoint_url)


def parse_s3_url(url: str) -> tuple[str, str]:
    """(bucket, prefix) from ``s3://BUCKET/PRE/FIX``: the prefix without leading, trailing or
    doubled slashes ("" for the bucket's top). The URL is not echoed back in errors, as a
    mistyped one might hold a secret."""
    parts = urlsplit(url.strip())
    if parts.scheme != "s3":
        raise UsageError("a publish target must start with s3://", _URL_HINT)
    if "@" in parts.netloc or ":" in parts.netloc:
        raise UsageError(
            "an s3:// target holds no user, password or port",
            "give credentials through AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
            "and a custom endpoint with --endpoint-url or AWS_ENDPOINT_URL",
        )
    bucket = parts.netloc
    if not bucket:
        raise UsageError("the s3:// target names no bucket", _URL_HINT)
    if not _BUCKET.match(bucket):
        raise UsageError(f"{bucket!r} is not a valid S3 bucket name", _URL_HINT)
    if parts.query or parts.fragment or url.rstrip().endswith(("?", "#")):
        raise UsageError("an s3:// target has no ?query or #fragment", _URL_HINT)
    return bucket, _clean_path(parts.path, what="prefix")


def _clean_path(path: str, *, what: str) -> str:
    """`path` with slashes normalised; "." and ".." are refused, since S3 would keep them as
    literal key parts while a reader would take them as directories."""
    segments = [s for s in path.split("/") if s]
    if any(s in {".", ".."} for s in segments):
        raise UsageError(f"the S3 {what} {path!r} has a '.' or '..' part", _URL_HINT)
    return "/".join(segments)


class S3Target:
    """A bucket and a prefix in it. Safe to use from several threads (boto3 clients are)."""

    url: str

    def __init__(self, bucket: str, prefix: str = "", *, endpoint_url: str | None = None) -> None:
        self.bucket = bucket
        self.prefix = _clean_path(prefix, what="prefix")
        self.url = f"s3://{bucket}/{self.prefix}" if self.prefix else f"s3://{bucket}"
        self._key_prefix = f"{self.prefix}/" if self.prefix else ""
        self._client = self._make_client(endpoint_url)

    # -- Target --------------------------------------------------------------------------

    def list(self) -> dict[str, RemoteFile]:
        """Every object below the prefix, by name. Listing does not return user metadata, so
        each object's stored SHA-256 is read with HEAD, `HEAD_THREADS` at a time, for every
        object (publishing compares them all): 300 files take about a second on a local
        server. An object deleted between the listing and its HEAD is left out."""
        sizes: dict[str, int] = {}
        try:
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self._key_prefix
            )
            for page in pages:
                for item in page.get("Contents", []):
                    key = item.get("Key", "")
                    name = key[len(self._key_prefix) :]
                    if name and not name.endswith("/"):  # "dir/" markers are not files
                        sizes[name] = int(item.get("Size", 0))
        except Exception as error:  # noqa: BLE001 - every library error becomes one line
            self._fail(error, "could not list files")

        def head(name: str) -> RemoteFile | None:
            try:
                key = self._key_prefix + name  # as listed, even if `_key` would refuse it
                answer = self._client.head_object(Bucket=self.bucket, Key=key)
            except Exception as error:  # noqa: BLE001
                if _error_code(error) in {"404", "NoSuchKey", "NotFound"}:
                    return None
                self._fail(error, f"could not read the checksum of {name}")
            stored = answer.get("Metadata", {}).get(SHA256_META, "").lower()
            size = int(answer.get("ContentLength", sizes[name]))
            return RemoteFile(name, size, stored if _SHA256.match(stored) else None)

        if not sizes:
            return {}
        with ThreadPoolExecutor(max_workers=HEAD_THREADS) as pool:
            found = list(pool.map(head, sorted(sizes)))
        return {f.name: f for f in found if f is not None}

    def put(self, upload: Upload) -> None:
        """Send one file with boto3's managed transfer: one PUT up to `MULTIPART_THRESHOLD`,
        parts above it. Every request is retried on its own; a multipart upload that still
        fails is aborted by the transfer manager, so nothing appears under the name."""
        from boto3.s3.transfer import TransferConfig

        key = self._key(upload.name)
        config = TransferConfig(
            multipart_threshold=MULTIPART_THRESHOLD,
            multipart_chunksize=MULTIPART_THRESHOLD,
            max_concurrency=4,
            preferred_transfer_client="classic",  # the CRT client ignores our retry config
        )
        extra = {
            "ContentType": upload.content_type,
            "CacheControl": upload.cache_control,
            "Metadata": {SHA256_META: upload.sha256},
        }
        try:
            self._client.upload_file(
                str(upload.path), self.bucket, key, ExtraArgs=extra, Config=config
            )
        except OSError as error:
            if _is_library_error(error):
                self._fail(error, f"could not upload {upload.name}")
            raise OutputError(
                f"{self.url}: could not read {upload.path} to upload it "
                f"({error.strerror or type(error).__name__})",
                "check that the file exists and is readable",
            ) from None
        except Exception as error:  # noqa: BLE001
            self._fail(error, f"could not upload {upload.name}")

    def delete(self, name: str) -> None:
        """Remove one object; S3 answers a delete of a missing key with success."""
        try:
            self._client.delete_object(Bucket=self.bucket, Key=self._key(name))
        except Exception as error:  # noqa: BLE001
            if _error_code(error) in {"404", "NoSuchKey"}:
                return  # some S3-compatible stores do say so
            self._fail(error, f"could not delete {name}")

    def close(self) -> None:
        """Close the client's pooled connections; a second call does nothing."""
        self._client.close()

    # -- CORS, so that web players on other sites may fetch the episodes ----------------

    def cors_rules(self) -> builtins.list[dict[str, Any]]:
        """The bucket's CORS rules as S3 returns them; [] when it has none."""
        try:
            answer = self._client.get_bucket_cors(Bucket=self.bucket)
        except Exception as error:  # noqa: BLE001
            if _error_code(error) == "NoSuchCORSConfiguration":
                return []
            self._fail(error, "could not read the bucket's CORS rules")
        return [dict(rule) for rule in answer.get("CORSRules", [])]

    def allow_cors_get(self) -> None:
        """Let any web page GET and HEAD the bucket's files, keeping the rules already there
        (and adding nothing if one of them already allows that)."""
        rules = self.cors_rules()
        if any(allows_any_get(rule) for rule in rules):
            return
        rules.append(
            {
                "AllowedMethods": ["GET", "HEAD"],
                "AllowedOrigins": ["*"],
                "AllowedHeaders": ["*"],
                "MaxAgeSeconds": 3000,
            }
        )
        try:
            self._client.put_bucket_cors(
                Bucket=self.bucket,
                CORSConfiguration={"CORSRules": rules},  # type: ignore[typeddict-item]
            )
        except Exception as error:  # noqa: BLE001
            self._fail(error, "could not set the bucket's CORS rules")

    # -- helpers -------------------------------------------------------------------------

    def _key(self, name: str) -> str:
        """The object key for a name below the prefix."""
        clean = _clean_path(name, what="file name")
        if not clean:
            raise UsageError(f"{self.url}: an empty file name", "this is a bug in briefing")
        return self._key_prefix + clean

    def _make_client(self, endpoint_url: str | None) -> S3Client:
        """A client with standard retries (throttling, 5xx, dropped connections) and
        timeouts. `endpoint_url` is passed only when given, so that boto3 itself reads
        AWS_ENDPOINT_URL(_S3) and the profile's endpoint_url otherwise."""
        import boto3
        from botocore.config import Config

        config = Config(
            retries={"mode": "standard", "total_max_attempts": MAX_ATTEMPTS},
            connect_timeout=CONNECT_TIMEOUT,
            read_timeout=READ_TIMEOUT,
            max_pool_connections=HEAD_THREADS + 2,
        )
        extra: dict[str, Any] = {"endpoint_url": endpoint_url} if endpoint_url else {}
        try:
            return boto3.session.Session().client("s3", config=config, **extra)
        except ValueError as error:  # botocore: "Invalid endpoint: ..."
            if _is_library_error(error):
                self._fail(error, "could not set up the S3 client")
            raise UsageError(
                f"{self.url}: the S3 endpoint URL is not valid",
                "give a full URL such as https://s3.example.com in --endpoint-url "
                "or AWS_ENDPOINT_URL",
            ) from None
        except Exception as error:  # noqa: BLE001
            self._fail(error, "could not set up the S3 client")

    def _fail(self, error: BaseException, doing: str) -> NoReturn:
        """Raise the one-line `OutputError` for a library error, from our own words only
        (a library's text may quote a request, and a request names the access key)."""
        from botocore.exceptions import (
            ConnectionError,
            HTTPClientError,
            NoCredentialsError,
            PartialCredentialsError,
            ProfileNotFound,
        )

        code = _error_code(error)
        status = _http_status(error)
        where = f"{self.url}: {doing}"
        if isinstance(error, NoCredentialsError | PartialCredentialsError):
            message, hint = f"{where}: no usable AWS credentials were found", _CREDENTIALS_HINT
        elif isinstance(error, ProfileNotFound):
            message = f"{where}: the AWS profile named by AWS_PROFILE does not exist"
            hint = "fix AWS_PROFILE or add the profile to ~/.aws/config"
        elif code == "NoSuchBucket":
            message = f"{where}: the bucket {self.bucket!r} does not exist"
            hint = (
                f"create it first (for example `aws s3 mb s3://{self.bucket}`); "
                "briefing does not create buckets"
            )
        elif code in _CREDENTIAL_CODES:
            message = f"{where}: the credentials were refused (S3 error {code})"
            hint = _CREDENTIALS_HINT
        elif code is not None:
            busy = code in {"SlowDown", "Throttling", "RequestTimeout"} or (status or 0) >= 500
            shown = f"S3 error {code}" + (
                f", HTTP {status}" if status and str(status) != code else ""
            )
            message = f"{where} ({shown})"
            hint = _BUSY_HINT if busy else "check the bucket, its policy and the file name"
        elif isinstance(error, ConnectionError | HTTPClientError):
            message = f"{where}: the connection failed ({type(error).__name__})"
            hint = _NETWORK_HINT
        else:
            message = f"{where} ({type(error).__name__})"
            hint = "check the S3 settings: the bucket, the endpoint and the credentials"
        raise OutputError(message, hint) from None


def _error_code(error: BaseException) -> str | None:
    """The S3 error code of a ClientError, also when boto3's transfer manager has wrapped it
    in S3UploadFailedError (whose text then holds the code in parentheses)."""
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        return str(code) if code else None
    if type(error).__name__ == "S3UploadFailedError":
        found = re.search(r"An error occurred \(([A-Za-z0-9.]+)\)", str(error))
        return found.group(1) if found else None
    return None


def _http_status(error: BaseException) -> int | None:
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return int(status) if status else None
    return None


def _is_library_error(error: BaseException) -> bool:
    """Whether `error` comes from botocore, boto3 or s3transfer (some of whose exceptions
    are also OSError or ValueError)."""
    module = type(error).__module__ or ""
    return module.split(".")[0] in {"botocore", "boto3", "s3transfer", "urllib3"}


def allows_any_get(rule: dict[str, Any]) -> bool:
    """Whether a CORS rule lets a page on any site GET and HEAD the bucket's files."""
    methods = set(rule.get("AllowedMethods", []))
    return {"GET", "HEAD"} <= methods and "*" in rule.get("AllowedOrigins", [])
