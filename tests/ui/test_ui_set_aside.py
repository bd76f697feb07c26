"""The app says when a sync set changes aside (issue 13, finding 2): an HQ laptop syncs
with a real HQ on 127.0.0.1 whose feed holds a change no laptop can apply; Sync now
finishes and the status bar message counts the change set aside, in the user's language."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from sync_helpers import LiveServer, enrol_laptop, hq_keys_of
from test_set_aside import _poison

from app.domain import Role
from app.domain.records import Mission
from sync.server.app import HqKeys
from sync.server.store import open_server_store
from ui.main_window import MainWindow


@pytest.mark.parametrize(("lang", "words"), [("en", "Set aside: 1 change(s)"),
                                             ("nl", "Apart gezet: 1 wijziging(en)")])
def test_sync_now_says_how_many_changes_were_set_aside(qtbot, tmp_path: Path, lang, words):
    url = f"sqlite:///{tmp_path / 'hq.sqlite'}"
    hq_store = open_server_store(url, hq_keys_of(url))
    mission = Mission(name="Egypt", host_country="EGY")
    hq_store.write_records([mission])
    with LiveServer(hq_store, HqKeys(["age1example"], None)) as hq:
        mallory = enrol_laptop(hq, tmp_path, "mallory", missions=[mission.id])
        hilde = enrol_laptop(hq, tmp_path, "hilde", Role.HQ_COORDINATOR)
        _poison(hq, mallory, mission.id, "no case number")
        from ui import i18n, settings

        settings.set_language(lang)
        i18n.install(lang)
        window = MainWindow(hilde)
        qtbot.addWidget(window)
        messages: list[str] = []
        window.transfers.finished.connect(messages.append)
        window.transfers.sync_now()  # the real runner, in the (inline) worker
        assert len(messages) == 1 and words in messages[0], messages
        assert window.transfers.running is None
        window.close()
        for store in (mallory, hilde):
            store.close()
    hq_store.close()
