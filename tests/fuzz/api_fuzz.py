"""Schemathesis against a running HQ server's OpenAPI schema:
`python -m tests.fuzz.api_fuzz --url http://127.0.0.1:PORT --laptop anna.db --examples 500`.

Cases are generated from the schema (valid and invalid data for every operation) and each
is sent twice: unsigned (what anyone on the network can send) and signed by an enrolled
device (what an insider can send). Target: never a 5xx, every refusal a 4xx with a reason.
Runs in its own process: the test folder's `packaging` package would shadow the library
of that name that schemathesis imports."""

from __future__ import annotations

import argparse
import json
import sys
from urllib.parse import urlencode

import httpx
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from app.store import Store
from sync.signing import sign_headers


def send(url: str, case, signer: Store | None) -> httpx.Response:
    """The case as bytes on the wire, signed over exactly those bytes when asked."""
    kwargs = case.as_transport_kwargs(base_url=url)
    body = b""
    if kwargs.get("json") is not None:
        body = json.dumps(kwargs["json"]).encode()
    elif isinstance(kwargs.get("data"), bytes | str):
        data = kwargs["data"]
        body = data if isinstance(data, bytes) else data.encode()
    params = kwargs.get("params") or {}
    target = case.formatted_path + (f"?{urlencode(params, doseq=True)}" if params else "")
    headers = {k: str(v) for k, v in (kwargs.get("headers") or {}).items()
               if str(v).isascii()}
    if body and "content-type" not in {k.lower() for k in headers}:
        headers["content-type"] = "application/json"
    if signer is not None:
        headers.update(sign_headers(signer.device_signing_key(), signer.device_id,
                                    case.method, target, body))
    return httpx.request(case.method, url + target, content=body, headers=headers, timeout=30)


def fuzz(url: str, signer: Store, examples: int) -> tuple[int, list[str]]:
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    tried, failures = 0, []
    cases = st.one_of(schema.as_strategy(GenerationMode.POSITIVE),
                      schema.as_strategy(GenerationMode.NEGATIVE))

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(cases)
    def one(case) -> None:
        nonlocal tried
        for who in (None, signer):
            tried += 1
            response = send(url, case, who)
            problem = None
            if response.status_code >= 500:
                problem = f"{response.status_code}"
            elif response.status_code >= 400 and not _has_reason(response):
                problem = f"{response.status_code} without a reason"
            if problem:
                label = "signed" if who else "unsigned"
                failure = f"{case.method} {case.formatted_path} ({label}): {problem}"
                if failure not in failures:
                    failures.append(failure)

    one()
    return tried, failures


def _has_reason(response: httpx.Response) -> bool:
    try:
        return bool(response.json().get("detail"))
    except (ValueError, AttributeError):
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--laptop", required=True, help="an enrolled laptop's database")
    parser.add_argument("--user", default="anna")
    parser.add_argument("--passphrase", default="test passphrase 123")
    parser.add_argument("--examples", type=int, default=500)
    args = parser.parse_args(argv)
    with Store.open(args.laptop, args.user, args.passphrase) as signer:
        tried, failures = fuzz(args.url.rstrip("/"), signer, args.examples)
    print(f"HQ API: {tried} requests sent, {len(failures)} failures")
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
