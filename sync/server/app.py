"""The HQ sync API (FastAPI; OpenAPI schema at /openapi.json). Every request but the
health check, the version handshake and enrolment is signed by an enrolled, unrevoked
device key."""


from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError

from app import __version__
from app.errors import HervestError
from app.store.migrations import LATEST
from sync import messages as _messages  # noqa: F401  (registers the sync catalogue)
from sync import signing
from sync.protocol import (
    MAX_INT,
    MAX_PUSH_BODY,
    PROTOCOL,
    AttachmentStatus,
    EnrolRequest,
    EnrolResponse,
    Handshake,
    PullPage,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.server.store import BlobRefused, Device, ServerStore, WriteRefused

MAX_BATCH = 5000
MAX_CHUNK = 1024 * 1024
# The most of a request body HQ reads, per route; a larger one is refused (413) before a
# byte of it is read when it says its length, and as soon as it passes the bound when not.
MAX_ENROL_BODY = 16 << 10
MAX_SMALL_BODY = 16 << 10  # the other signed requests carry none
Index = Annotated[int, Path(ge=0, le=MAX_INT)]


class HqKeys:
    """What the enrolment response hands a laptop: age recipients and the recovery key."""

    def __init__(self, bundle_recipients: list[str], recovery_public: str | None) -> None:
        self.bundle_recipients = bundle_recipients
        self.recovery_public = recovery_public


def refuse(status: int, reason: str) -> HTTPException:
    return HTTPException(status, detail={"error": "sync.refused", "reason": reason})


def create_app(store: ServerStore, keys: HqKeys | None = None) -> FastAPI:
    keys = keys or HqKeys([], None)
    api = FastAPI(title="Hervest HQ sync", version=__version__)

    def signed(limit: int) -> Callable[[Request], Awaitable[Device]]:
        """The dependency that authenticates a request whose body is at most `limit`
        bytes. Headers, the body's declared length and the device come first; the body
        is read (bounded) only for a known, unrevoked device, then the signature over it
        is checked. The body is kept in request.state.body for the route."""
        async def device(request: Request) -> Device:
            headers = {k.lower(): v for k, v in request.headers.items()}
            reason = signing.check_headers(headers)
            if reason is not None:
                await run_in_threadpool(store.record_refused, None, reason)
                raise refuse(401, reason)
            check_length(request, limit)
            found = await run_in_threadpool(store.get_device, headers[signing.DEVICE])
            if found is None:
                await run_in_threadpool(store.record_refused, None, "unknown device")
                raise refuse(401, "unknown device")
            if found.revoked:
                await run_in_threadpool(store.record_refused, found.device_id,
                                        "revoked device")
                raise refuse(403, "this device has been revoked")
            request.state.body = body = await read_body(request, limit)
            return await run_in_threadpool(authenticate, found, headers, request.method,
                                           _target(request), body)
        return device

    def authenticate(found: Device, headers: dict[str, str], method: str, target: str,
                     body: bytes) -> Device:
        reason = signing.verify(found.public_key, headers, method, target, body)
        if reason is None and not store.use_nonce(found.device_id, headers[signing.NONCE]):
            reason = "replayed request"
        if reason is not None:
            store.record_refused(found.device_id, reason)
            raise refuse(401, reason)
        return found

    Signed = Annotated[Device, Depends(signed(MAX_SMALL_BODY))]
    SignedPush = Annotated[Device, Depends(signed(MAX_PUSH_BODY))]
    SignedChunk = Annotated[Device, Depends(signed(MAX_CHUNK))]

    @api.exception_handler(HervestError)
    async def hervest_error(_request: Request, error: HervestError) -> JSONResponse:
        return JSONResponse(status_code=422, content={
            "detail": {"error": error.key, "reason": error.message("en"),
                       "params": {k: str(v) for k, v in error.params.items()}}})

    @api.exception_handler(BlobRefused)
    async def blob_refused(_request: Request, error: BlobRefused) -> JSONResponse:
        return JSONResponse(status_code=error.status, content={
            "detail": {"error": "sync.refused", "reason": error.reason}})

    @api.get("/v1/health")
    def health() -> dict[str, object]:
        return {"ok": True, "protocol": PROTOCOL, "schema_version": LATEST}

    @api.post("/v1/hello", response_model=Handshake)
    def hello(hello: Handshake) -> Handshake:
        """The first call of every sync: a laptop HQ cannot serve is told before it sends."""
        check_hello(hello)
        return Handshake()

    @api.post("/v1/enrol", response_model=EnrolResponse)
    async def enrol(request: Request) -> EnrolResponse:
        # Its signature's key is in the body: that is read first, but no more than a few KB.
        body = await read_body(request, MAX_ENROL_BODY)
        try:  # read by hand (the signature covers the raw bytes): refuse as FastAPI would
            payload = EnrolRequest.model_validate_json(body)
        except ValidationError as exc:
            raise _bad_body(exc) from None
        check_hello(payload.hello)
        headers = {k.lower(): v for k, v in request.headers.items()}
        # The request is signed by the key being registered: proof the laptop holds it.
        reason = signing.verify(payload.public_key, headers, request.method, _target(request),
                                body)
        if reason is not None or headers.get(signing.DEVICE) != payload.device_id:
            await run_in_threadpool(store.record_refused, payload.device_id,
                                    f"enrolment: {reason or 'device mismatch'}")
            raise refuse(401, reason or "device mismatch")
        try:
            found = await run_in_threadpool(store.enrol, payload.token, payload.device_id,
                                            payload.public_key)
        except PermissionError as error:
            raise refuse(403, str(error)) from None
        return EnrolResponse(server_id=store.server_id, user_name=found.user_name,
                             role=found.role.value, bundle_recipients=keys.bundle_recipients,
                             recovery_public=keys.recovery_public,
                             head=store.head(found.device_id))

    async def pushed(request: Request, _signed: SignedPush) -> PushRequest:
        """The batch, parsed by pydantic straight from the bytes (FastAPI's own reading,
        json.loads and then validation of the dicts, took half as long again); read, as
        bounded, by the signature's check, which FastAPI runs once for the route."""
        try:
            return PushRequest.model_validate_json(request.state.body)
        except ValidationError as exc:
            raise _bad_body(exc) from None

    @api.post("/v1/push", response_model=PushResponse, openapi_extra=_json_body(PushRequest))
    def push(who: SignedPush, batch: Annotated[PushRequest, Depends(pushed)]) -> PushResponse:
        check_hello(batch.hello)
        if len(batch.changes) > MAX_BATCH:
            raise HTTPException(413, detail={"error": "sync.batch_too_big"})
        changes = [c.to_change() for c in batch.changes]
        for change in changes:
            if change.device_id != who.device_id:
                store.record_refused(who.device_id, "pushed another device's changes")
                raise refuse(403, "a device pushes only its own changes")
        try:
            return PushResponse(head=store.apply_push(who.device_id, changes))
        except WriteRefused as refused:  # recorded by the store, nothing of it applied
            raise HTTPException(403, detail={"error": refused.key, "reason": refused.reason,
                                             "params": {"reason": refused.reason}}) from None

    @api.get("/v1/pull", response_model=PullResponse)
    def pull(who: Signed, cursor: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
             limit: Annotated[int, Query(ge=1, le=MAX_BATCH)] = 1000) -> Response:
        changes, seqs, next_cursor, more = store.pull(who, cursor, limit)
        page = PullPage(changes=changes, server_seqs=seqs, cursor=next_cursor, more=more)
        # PullResponse's JSON, serialized here: FastAPI would check it against the response
        # model, which wants ChangeModels.
        return Response(page.model_dump_json(), media_type="application/json")

    @api.get("/v1/head", response_model=PushResponse)
    def head(who: Signed) -> PushResponse:
        return PushResponse(head=store.head(who.device_id))

    @api.get("/v1/attachments/{sha256}", response_model=AttachmentStatus)
    def attachment_status(sha256: str, who: Signed) -> AttachmentStatus:
        size, have = store.blob_status(_sha(sha256))
        uploader = store.blob_uploader(sha256)
        return AttachmentStatus(sha256=sha256, size=size, have=have, complete=size is not None,
                                busy=size is None and uploader not in (None, who.device_id))

    @api.put("/v1/attachments/{sha256}/{idx}")
    async def put_chunk(sha256: str, idx: Index, request: Request, who: SignedChunk
                        ) -> dict[str, int | bool]:
        """Write-once chunks of a blob an attachment in the device's scope names; the
        answer says whether HQ has the blob complete already (then nothing is stored)."""
        data = request.state.body
        if not await run_in_threadpool(store.may_upload_blob, who, _sha(sha256)):
            await run_in_threadpool(store.record_refused, who.device_id,
                                    f"attachment {sha256[:12]} upload outside need-to-know")
            raise refuse(403, "no attachment this device may see has this hash")
        stored = await run_in_threadpool(store.put_chunk, who.device_id, sha256, idx, data)
        return {"idx": idx, "complete": not stored}

    @api.post("/v1/attachments/{sha256}/complete", response_model=AttachmentStatus)
    def complete(sha256: str, size: Annotated[int, Query(ge=0, le=MAX_INT)], who: Signed
                 ) -> AttachmentStatus:
        if not store.complete_blob(who.device_id, _sha(sha256), size):
            raise HTTPException(422, detail={"error": "sync.attachment_corrupt"})
        return attachment_status(sha256, who)

    @api.get("/v1/attachments/{sha256}/{idx}")
    def get_chunk(sha256: str, idx: Index, who: Signed) -> Response:
        if not store.may_read_blob(who, _sha(sha256)):
            store.record_refused(who.device_id, f"attachment {sha256} outside need-to-know")
            raise refuse(403, "not for this device")
        data = store.get_chunk(sha256, idx)
        if data is None:
            raise HTTPException(404, detail={"error": "sync.no_chunk"})
        return Response(data, media_type="application/octet-stream")

    return api


def check_hello(hello: Handshake) -> None:
    """HQ serves laptops of exactly its own protocol and schema: an older laptop could not
    read what it would pull, a newer one would send what HQ cannot read."""
    theirs, ours = (hello.protocol, hello.schema_version), (PROTOCOL, LATEST)
    if theirs != ours:
        raise HervestError("sync.laptop_too_old" if theirs < ours else "sync.laptop_too_new",
                           app=hello.app_version, schema=hello.schema_version,
                           protocol=hello.protocol, needed=LATEST, hq_protocol=PROTOCOL,
                           hq_app=__version__)


def check_length(request: Request, limit: int) -> None:
    """Refuse a body that says it is larger than `limit` before reading any of it."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise too_big(limit)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, at most `limit` bytes: past that (a chunked body, or one longer than it
    says) it is refused as soon as the bound is passed, and no more of it is read."""
    check_length(request, limit)
    body = bytearray()
    async for piece in request.stream():
        body += piece
        if len(body) > limit:
            raise too_big(limit)
    return bytes(body)


def too_big(limit: int) -> HTTPException:
    return HTTPException(413, detail={"error": "sync.body_too_big", "limit": limit})


def _bad_body(exc: ValidationError) -> RequestValidationError:
    """A body read by hand, refused as FastAPI refuses its own: 422 with the errors under
    "body". Without the input: the bytes may not be text, and the answer must not fail."""
    return RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in
                                   exc.errors(include_url=False, include_input=False)])


def _json_body(model: type[BaseModel]) -> dict[str, Any]:
    """The OpenAPI request body of an endpoint that parses `model` itself. Its parts are
    there already, as components of the other endpoints (a pull's changes, the hello)."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    del schema["$defs"]
    return {"requestBody": {"required": True,
                            "content": {"application/json": {"schema": schema}}}}


def _target(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def _sha(text: str) -> str:
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise HTTPException(400, detail={"error": "sync.bad_sha256"})
    return text
