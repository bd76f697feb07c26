"""The wire format between laptops and HQ: changes as JSON, pydantic models for the OpenAPI
schema, and the enrolment code. A bundle carries the same change format in a file."""

from __future__ import annotations

import base64
import ipaddress
import json
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, model_validator

from app import __version__
from app.errors import HervestError
from app.store.migrations import LATEST
from app.store.unit_of_work import Change
from sync import messages as _messages  # noqa: F401  (registers the sync catalogue)

PROTOCOL = 1
CHUNK_SIZE = 256 * 1024  # attachment chunk: small enough to resume cheaply on a bad line
CODE_PREFIX = "HRV1-"

# Bounds on everything on the wire, so a hostile sender gets a 422 and the OpenAPI schema
# states them: past a signed 63-bit integer SQLite and PostgreSQL fail (a 500), an id is a
# UUID as text (app.ids), and a text field holds a note, not a file.
MAX_INT = (1 << 63) - 1
ID_LENGTH = 36
MAX_NAME = 100  # entity, field name, HLC timestamp, version, user name
MAX_TEXT = 256 * 1024  # one field's text
MAX_FIELDS = 200  # fields of one change (the widest record has a few dozen)
MAX_CHANGE_TEXT = 1 << 20  # all texts of one change together
# The largest push body HQ reads (413 past it), and the largest answer a laptop reads:
# a laptop cuts its push batch to fit, HQ its pull page (at half, for the JSON around
# the changes' fields).
MAX_PUSH_BODY = MAX_ANSWER = 64 << 20
MAX_PAGE_FIELDS = MAX_ANSWER // 2
MAX_RECIPIENTS = 16

Count = Annotated[int, Field(ge=0, le=MAX_INT)]
Id = Annotated[str, Field(min_length=1, max_length=ID_LENGTH)]
Name = Annotated[str, Field(max_length=MAX_NAME)]
Hex64 = Annotated[str, Field(pattern="^[0-9a-fA-F]{64}$")]
# A field's value as the codec writes it (app/store/codec.py): finite numbers only, NaN
# and Infinity would be stored and then fail every laptop that applies them. Floats are
# bounded too, or an integer past 63 bits would pass as one.
FieldValue = (bool | Annotated[int, Field(ge=-MAX_INT - 1, le=MAX_INT)]
              | Annotated[float, Field(allow_inf_nan=False, ge=-MAX_INT - 1, le=MAX_INT)]
              | Annotated[str, Field(max_length=MAX_TEXT)] | None)


class ChangeModel(BaseModel):
    device_id: Id
    seq: int = Field(ge=1, le=MAX_INT)
    hlc: Name
    entity: Name
    row_id: Id
    op: str = Field(pattern="^(insert|update|delete)$")
    fields: dict[Name, FieldValue] = Field(max_length=MAX_FIELDS)
    user_id: Id | None = None
    schema_version: Count = LATEST

    @model_validator(mode="after")
    def _bounded(self) -> ChangeModel:
        if sum(len(v) for v in self.fields.values() if isinstance(v, str)) > MAX_CHANGE_TEXT:
            raise ValueError(f"the texts of one change exceed {MAX_CHANGE_TEXT} characters")
        return self

    @classmethod
    def of(cls, change: Change) -> ChangeModel:
        return cls(**change.__dict__)

    def to_change(self) -> Change:
        # The fields as validated, not a model_dump copy (a fifth of a pull's parsing).
        return Change(**self.__dict__)


class Handshake(BaseModel):
    """Sent with every batch, so HQ can refuse an app or schema it cannot serve."""
    protocol: Count = PROTOCOL
    app_version: Name = __version__
    schema_version: Count = LATEST


class PushRequest(BaseModel):
    hello: Handshake = Field(default_factory=Handshake)
    changes: list[ChangeModel]


class PushResponse(BaseModel):
    head: Count  # highest contiguous seq of this device that HQ holds


class PullResponse(BaseModel):
    changes: list[ChangeModel]
    server_seqs: list[Count]
    cursor: Count
    more: bool


# The sending sides: the same JSON, serialized straight from the sender's own `Change`s.
# A ChangeModel each validated what the sender itself wrote: two thirds of encoding a batch.
class PushBatch(PushRequest):
    changes: list[Change]  # type: ignore[assignment]


class PullPage(PullResponse):
    changes: list[Change]  # type: ignore[assignment]


class EnrolRequest(BaseModel):
    hello: Handshake = Field(default_factory=Handshake)
    token: Annotated[str, Field(max_length=MAX_NAME)]
    device_id: Id
    public_key: Hex64  # Ed25519, raw 32 bytes, hex
    head: Count = 0  # seqs this device already had before enrolling: all still to push


class EnrolResponse(BaseModel):
    server_id: Id
    user_name: Name
    role: Name
    bundle_recipients: list[Name] = Field(max_length=MAX_RECIPIENTS)
    recovery_public: Name | None
    head: Count


class AttachmentStatus(BaseModel):
    sha256: Hex64
    size: Count | None
    have: list[Count]
    complete: bool
    busy: bool = False  # another device is uploading it: only that device writes its chunks


class EnrolmentCode(BaseModel):
    url: str
    cert_sha256: Hex64 | None  # None only for plain-HTTP test servers on 127.0.0.1
    token: Annotated[str, Field(min_length=1, max_length=MAX_NAME)]

    def model_post_init(self, _context: Any) -> None:
        hq_url(self.url)  # a HervestError: pydantic passes it on as it is

    def encode(self) -> str:
        raw = json.dumps(self.model_dump(), separators=(",", ":")).encode()
        return CODE_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> EnrolmentCode:
        text = "".join(text.split())
        if not text.startswith(CODE_PREFIX):
            raise HervestError("sync.bad_code")
        body = text[len(CODE_PREFIX):]
        try:
            raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            return cls.model_validate_json(raw)
        except ValueError:
            raise HervestError("sync.bad_code") from None


def hq_url(url: str) -> str:
    """`url` if a laptop may enrol with it: https://, or http:// to a loopback address
    (tests). Plain HTTP elsewhere would let anyone on the path answer the enrolment and
    hand the laptop their own recovery key and bundle recipients."""
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port  # .port: ValueError if out of range
    except ValueError:
        raise HervestError("sync.bad_code") from None
    if parts.scheme not in ("https", "http") or not host or not url.isascii() \
            or not url.isprintable() or " " in url:
        raise HervestError("sync.bad_code")
    if parts.scheme == "http" and not _loopback(host):
        raise HervestError("sync.plain_http", url=url)
    return url


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
