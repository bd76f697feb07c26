"""The version handshake over the real server: a laptop older or newer than HQ is told in
plain words, in Dutch and English, what to do, and nothing of it reaches HQ."""

from __future__ import annotations

import pytest
from sync_helpers import own_changes, seed_case, sync

from app.store.migrations import LATEST
from sync.client.session import client_for
from sync.client.transport import SyncError
from sync.protocol import PROTOCOL, ChangeModel, Handshake, PushRequest


def _refusal(store, path: str, payload: dict) -> SyncError:
    with client_for(store) as client, pytest.raises(SyncError) as caught:
        client.json("POST", path, payload=payload)
    assert caught.value.retry is False  # trying again will not help: a person must act
    return caught.value


def test_older_laptop_is_told_to_install_the_current_version(laptop, hq):
    anna = laptop("anna")
    old = Handshake(app_version="0.1.0", schema_version=LATEST - 1)
    error = _refusal(anna, "/v1/hello", old.model_dump())
    assert error.key == "sync.laptop_too_old"
    assert error.message("en") == (
        f"This laptop runs Hervest 0.1.0 with database schema {LATEST - 1} (sync protocol "
        f"{PROTOCOL}); HQ needs schema {LATEST} (protocol {PROTOCOL}). Install the current "
        "version from IT, then sync again. Nothing was sent; your work is safe on this laptop.")
    assert error.message("nl").startswith(
        f"Deze laptop draait Hervest 0.1.0 met databaseschema {LATEST - 1}")
    assert "Installeer de actuele versie via IT" in error.message("nl")
    assert "Er is niets verzonden" in error.message("nl")


def test_newer_laptop_is_told_to_have_hq_updated(laptop, hq):
    anna = laptop("anna")
    error = _refusal(anna, "/v1/hello", Handshake(app_version="9.0.0",
                                                  schema_version=LATEST + 1).model_dump())
    assert error.key == "sync.laptop_too_new"
    assert "runs Hervest 9.0.0 with database schema" in error.message("en")
    assert "Ask IT to update the HQ server" in error.message("en")
    assert "Vraag IT de HQ-server bij te werken" in error.message("nl")
    newer_protocol = Handshake(protocol=PROTOCOL + 1).model_dump()
    assert _refusal(anna, "/v1/hello", newer_protocol).key == "sync.laptop_too_new"


@pytest.mark.parametrize("schema", [LATEST - 1, LATEST + 1])
def test_a_push_with_another_schema_applies_nothing(delegation, hq, schema):
    """A laptop that skips the handshake is refused at the push itself: nothing is sent."""
    mission, anna, _ = delegation
    held = hq.store.head(anna.device_id)
    seed_case(anna, mission_id=mission.id)  # the case from HQ, the person and assessment here
    request = PushRequest(hello=Handshake(app_version="0.1.0", schema_version=schema),
                          changes=[ChangeModel.of(c) for c in own_changes(anna)[held:]])
    error = _refusal(anna, "/v1/push", request.model_dump(mode="json"))
    assert error.key in ("sync.laptop_too_old", "sync.laptop_too_new")
    assert hq.store.head(anna.device_id) == held
    assert sync(anna).pushed == 2  # the current app sends them as usual
