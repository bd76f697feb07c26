"""The wire format between laptops and HQ: changes as JSON, pydantic models for the OpenAPI
schema, and the enrolment code. A bundle carries the same change format in a file."""

from __future__ import annotations

import base64
import json
from typing import Any

from pydantic import BaseModel, Field

from app import __version__
from app.errors import HervestError
from app.store.migrations import LATEST
from app.store.unit_of_work import Change
from sync import messages as _messages  # noqa: F401  (registers the sync catalogue)

PROTOCOL = 1
CHUNK_SIZE = 256 * 1024  # attachment chunk: small enough to resume cheaply on a bad line
CODE_PREFIX = "HRV1-"


class ChangeModel(BaseModel):
    device_id: str
    seq: int = Field(ge=1)
    hlc: str
    entity: str
    row_id: str
    op: str = Field(pattern="^(insert|update|delete)$")
    fields: dict[str, Any]
    user_id: str | None = None
    schema_version: int = LATEST

    @classmethod
    def of(cls, change: Change) -> ChangeModel:
        return cls(**change.__dict__)

    def to_change(self) -> Change:
        # The fields as validated, not a model_dump copy (a fifth of a pull's parsing).
        return Change(**self.__dict__)


class Handshake(BaseModel):
    """Sent with every batch, so HQ can refuse an app or schema it cannot serve."""
    protocol: int = PROTOCOL
    app_version: str = __version__
    schema_version: int = LATEST


class PushRequest(BaseModel):
    hello: Handshake = Field(default_factory=Handshake)
    changes: list[ChangeModel]


class PushResponse(BaseModel):
    head: int  # highest contiguous seq of this device that HQ holds


class PullResponse(BaseModel):
    changes: list[ChangeModel]
    server_seqs: list[int]
    cursor: int
    more: bool


# The sending sides: the same JSON, serialized straight from the sender's own `Change`s.
# A ChangeModel each validated what the sender itself wrote: two thirds of encoding a batch.
class PushBatch(PushRequest):
    changes: list[Change]  # type: ignore[assignment]


class PullPage(PullResponse):
    changes: list[Change]  # type: ignore[assignment]


class EnrolRequest(BaseModel):
    hello: Handshake = Field(default_factory=Handshake)
    token: str
    device_id: str
    public_key: str  # Ed25519, raw 32 bytes, hex
    head: int = 0  # seqs this device already had before enrolling: all still to push


class EnrolResponse(BaseModel):
    server_id: str
    user_name: str
    role: str
    bundle_recipients: list[str]
    recovery_public: str | None
    head: int


class AttachmentStatus(BaseModel):
    sha256: str
    size: int | None
    have: list[int]
    complete: bool
    busy: bool = False  # another device is uploading it: only that device writes its chunks


class EnrolmentCode(BaseModel):
    url: str
    cert_sha256: str | None  # None only for plain-HTTP test servers on 127.0.0.1
    token: str

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
