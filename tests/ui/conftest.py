"""UI fixtures: real Qt (offscreen), real encrypted databases, settings in a temp folder,
background operations run inline so tests see their results at once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.demo import DemoGenerator
from app.domain import Role
from app.store import Store
from tests.bundles.conftest import (  # noqa: F401  (a laptop, HQ's store and keys)
    hq_keys,
    hq_store,
    laptop,
    laptop_template,
)
from tests.conftest import FAST_KDF, PASSPHRASE, as_admin
from ui.ops import Op
from ui.qt import QSettings


@pytest.fixture(autouse=True)
def ui_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[None]:
    """Each test gets its own QSettings file and data folder, English, inline workers."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings("Hervest", "Hervest").clear()
    QSettings("Hervest", "Hervest").setValue("language", "en")
    from ui import i18n

    i18n.install("en")
    monkeypatch.setattr(Op, "synchronous", True)
    yield


@pytest.fixture(scope="session")
def ind_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once: an IND delegate's database with 80 demo cases and a COA trainer."""
    path = tmp_path_factory.mktemp("template") / "mission.db"
    with Store.create(path, "ind", Role.IND, PASSPHRASE, kdf=FAST_KDF,
                      display_name="Delegate IND") as store:
        DemoGenerator(store, 3).run(80)
        with as_admin(store):
            store.add_user("coa", Role.COA, PASSPHRASE, display_name="Trainer COA",
                           kdf=FAST_KDF)
    return path


@pytest.fixture
def ind_store(ind_template: Path, db_path: Path) -> Iterator[Store]:
    """A fresh copy of the template, unlocked by the IND delegate."""
    for suffix in ("", ".keys"):
        shutil.copyfile(f"{ind_template}{suffix}", f"{db_path}{suffix}")
    store = Store.open(db_path, "ind", PASSPHRASE)
    yield store
    store.close()
