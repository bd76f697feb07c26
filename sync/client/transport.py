"""Signed HTTP to HQ over httpx: the pinned HQ certificate as the only trust anchor, an
optional HTTP proxy, and failures turned into plain words (and whether to retry)."""

from __future__ import annotations

import hashlib
import json
import socket
import ssl
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar
from urllib.parse import urlencode

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ValidationError

from app.errors import HervestError
from sync import messages as _messages  # noqa: F401  (registers the sync catalogue)
from sync.protocol import MAX_ANSWER
from sync.signing import sign_headers

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# One request as a whole, connect to the answer's last byte: a per-read timeout alone lets
# a server that sends a byte now and then keep the laptop waiting for ever.
DEADLINE_S = 600.0  # a push or pull page of 2000 changes over a slow field line
M = TypeVar("M", bound=BaseModel)


# Refusals HQ names by key and parameters that this laptop words itself, in its language.
OWN_WORDS = frozenset({"sync.laptop_too_old", "sync.laptop_too_new", "sync.write_refused"})


class SyncError(HervestError):
    """A sync failure; `retry` says whether trying again later can help."""

    def __init__(self, key: str, retry: bool = True, **params: Any) -> None:
        super().__init__(key, **params)
        self.retry = retry


def pinned_context(cert_pem: str) -> ssl.SSLContext:
    """Trust exactly the HQ certificate from enrolment, whatever name or CA it has."""
    context = ssl.create_default_context(cadata=cert_pem)
    context.check_hostname = False
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    return context


class Deadline:
    """The time bound of whole requests: when it passes, the sockets of the connections it
    saw opened (httpx's trace extension names them) are shut, which ends a read waiting
    for the next byte; the request then fails with sync.too_slow."""

    def __init__(self, seconds: float) -> None:
        self.seconds, self.expired = seconds, False
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self.extensions = {"trace": self._trace}

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        if event.endswith("connect_tcp.complete"):
            self._sockets.add(info["return_value"].get_extra_info("socket"))

    @contextmanager
    def running(self) -> Iterator[None]:
        self.expired = False
        timer = threading.Timer(self.seconds, self._cut)
        timer.daemon = True
        timer.start()
        try:
            yield
        except (httpx.HTTPError, OSError):
            if self.expired:
                raise SyncError("sync.too_slow", seconds=f"{self.seconds:g}") from None
            raise
        finally:
            timer.cancel()

    def _cut(self) -> None:
        self.expired = True
        for sock in list(self._sockets):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def fetch_certificate(url: str, sha256: str, proxy: str | None = None,
                      deadline: float = DEADLINE_S) -> str:
    """The server's certificate as PEM, if its fingerprint is the one in the code."""
    unverified = ssl.create_default_context()
    unverified.check_hostname = False
    unverified.verify_mode = ssl.CERT_NONE
    bound = Deadline(deadline)
    try:
        with bound.running(), \
                httpx.Client(verify=unverified, proxy=proxy, timeout=TIMEOUT) as client, \
                client.stream("GET", f"{url.rstrip('/')}/v1/health",
                              extensions=bound.extensions) as response:
            ssl_object = response.extensions["network_stream"].get_extra_info("ssl_object")
            der = ssl_object.getpeercert(True)  # the low-level _SSLSocket: no keywords
    except httpx.HTTPError as error:
        raise SyncError("sync.unreachable", detail=_short(error)) from None
    if hashlib.sha256(der).hexdigest() != sha256.lower().replace(":", ""):
        raise SyncError("sync.cert_mismatch", retry=False)
    return ssl.DER_cert_to_PEM_cert(der)


class HqClient:
    def __init__(self, base_url: str, device_id: str, key: Ed25519PrivateKey,
                 cert_pem: str | None = None, proxy: str | None = None,
                 timeout: httpx.Timeout = TIMEOUT, deadline: float = DEADLINE_S,
                 max_answer: int = MAX_ANSWER) -> None:
        verify: ssl.SSLContext | bool = pinned_context(cert_pem) if cert_pem else True
        self.device_id, self._key = device_id, key
        self._deadline, self._max_answer = Deadline(deadline), max_answer
        self._http = httpx.Client(base_url=base_url.rstrip("/"), verify=verify, proxy=proxy,
                                  timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HqClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, method: str, path: str, params: dict[str, Any] | None = None,
             payload: Any = None, content: bytes | None = None,
             is_json: bool = False) -> httpx.Response:
        """`payload`: JSON-ready data, or a pydantic model (serialized by pydantic's own
        encoder, much faster than a dump to dicts and json.dumps for a batch of changes);
        `content`: bytes as they are, JSON already serialized if `is_json`."""
        target = path + (f"?{urlencode(params)}" if params else "")
        if isinstance(payload, BaseModel):
            body = payload.model_dump_json().encode()
        else:
            body = content if content is not None else (
                b"" if payload is None else json.dumps(payload).encode())
        headers = sign_headers(self._key, self.device_id, method, target, body)
        if payload is not None or is_json:
            headers["content-type"] = "application/json"
        try:
            response = self._exchange(method, target, body, headers)
        except ssl.SSLError:
            raise SyncError("sync.cert_mismatch", retry=False) from None
        except httpx.ConnectError as error:
            if isinstance(error.__context__, ssl.SSLCertVerificationError) or \
                    "CERTIFICATE_VERIFY_FAILED" in str(error):
                raise SyncError("sync.cert_mismatch", retry=False) from None
            raise SyncError("sync.unreachable", detail=_short(error)) from None
        except httpx.HTTPError as error:
            raise SyncError("sync.unreachable", detail=_short(error)) from None
        return _checked(response)

    def _exchange(self, method: str, target: str, body: bytes, headers: dict[str, str]
                  ) -> httpx.Response:
        """The request and its whole answer, inside the deadline and at most max_answer
        bytes (counted as decoded: a compressed answer cannot get round it)."""
        with self._deadline.running(), self._http.stream(
                method, target, content=body, headers=headers,
                extensions=self._deadline.extensions) as response:
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > self._max_answer:
                raise SyncError("sync.answer_too_big", limit=self._max_answer)
            data = bytearray()
            for piece in response.iter_bytes():
                data += piece
                if len(data) > self._max_answer:
                    raise SyncError("sync.answer_too_big", limit=self._max_answer)
        kept = [(k, v) for k, v in response.headers.multi_items()
                if k not in ("content-encoding", "content-length", "transfer-encoding")]
        return httpx.Response(response.status_code, headers=kept, content=bytes(data),
                              request=response.request)

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            return self.call(method, path, **kwargs).json()
        except (ValueError, httpx.HTTPError) as error:  # cut mid-body or garbled
            raise SyncError("sync.unreachable", detail=_short(error)) from None

    def parsed(self, model: type[M], method: str, path: str, **kwargs: Any) -> M:
        """The response read straight into `model`: pydantic parses the bytes, with no
        dicts in between. Bytes that are not JSON fail as in `json`; JSON that does not fit
        `model` raises pydantic's ValidationError, as validating `json`'s answer would."""
        try:
            return model.model_validate_json(self.call(method, path, **kwargs).content)
        except ValidationError as error:
            if any(e["type"] == "json_invalid" for e in error.errors()):  # cut or garbled
                raise SyncError("sync.unreachable", detail=_short(error)) from None
            raise
        except httpx.HTTPError as error:
            raise SyncError("sync.unreachable", detail=_short(error)) from None


def _checked(response: httpx.Response) -> httpx.Response:
    if response.status_code < 400:
        return response
    try:
        detail = response.json().get("detail", {})
    except ValueError:
        detail = {}
    reason = detail.get("reason") if isinstance(detail, dict) else str(detail)
    if isinstance(detail, dict) and detail.get("error") in OWN_WORDS:
        raise SyncError(detail["error"], retry=False, **detail.get("params", {}))
    if response.status_code in (401, 403):
        raise SyncError("sync.refused", retry=False, reason=reason or response.status_code)
    if response.status_code in (409, 422):
        raise SyncError("sync.refused", retry=False, reason=reason or detail)
    raise SyncError("sync.server_error", status=response.status_code)


def _short(error: Exception) -> str:
    return type(error).__name__ if not str(error) else str(error)[:200]
