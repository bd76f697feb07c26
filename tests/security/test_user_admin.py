"""Only ADMIN manages users and key slots (issue 13, finding 4): a logged-in IND delegate
plays the insider through the real `hervest` command line and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain import Role, User
from app.services.access import RULES, Action
from app.store import Store
from app.store.database import USER_MANAGERS
from app.store.keyslots import KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
NEW = "a new user passphrase 1"


def hervest(*args: str, user: str, lang: str = "en", passphrase: str = PASSPHRASE):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_PASSPHRASE": passphrase,
           "HERVEST_NEW_PASSPHRASE": NEW, "HERVEST_USER": user, "HERVEST_LANG": lang,
           "HERVEST_KDF_TARGET_MS": "1"}
    return subprocess.run([sys.executable, "-m", "app.cli.main", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def mission(tmp_path: Path) -> Path:
    """An ADMIN's database with an IND delegate who can unlock it."""
    db = tmp_path / "m.db"
    with Store.create(db, "admin", Role.ADMIN, PASSPHRASE, kdf=FAST_KDF) as store:
        store.add_user("delegate", Role.IND, PASSPHRASE, kdf=FAST_KDF)
    return db


def _users(db: Path) -> list[tuple[str, str, bool]]:
    with Store.open(db, "admin", PASSPHRASE) as store:
        return [(u.name, u.role.value, u.active) for u in store.select(User, order_by="name")]


INSIDER_TRIES = [
    ("users", "add", "--user", "mallory", "--role", "HQ_COORDINATOR"),
    ("users", "add", "--user", "mallory", "--role", "ADMIN"),
    ("users", "add", "--user", "mallory", "--role", "IND"),
    ("users", "remove", "--user", "admin"),
    ("users", "passwd", "--user", "admin"),
]


@pytest.mark.parametrize("command", INSIDER_TRIES, ids=lambda c: "-".join(c[1:]))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_ind_user_manages_no_users_and_nothing_is_written(mission, command, lang):
    keys = KeyFile.path_for(mission)
    slots_before, users_before = keys.read_bytes(), _users(mission)
    tried = hervest(*command, "--db", str(mission), user="delegate", lang=lang)
    assert tried.returncode == 2, tried.stdout + tried.stderr
    expected = {"en": "Only an administrator (ADMIN) may add or remove users",
                "nl": "Alleen een beheerder (ADMIN) mag gebruikers toevoegen"}[lang]
    lines = tried.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected) and "IND" in lines[0]
    assert tried.stdout == ""
    assert keys.read_bytes() == slots_before  # no slot added, removed or re-wrapped
    assert _users(mission) == users_before  # no users row, nobody deactivated
    assert hervest("info", "--db", str(mission), user="admin").returncode == 0


def test_an_ind_user_still_changes_their_own_passphrase(mission):
    own = hervest("users", "passwd", "--db", str(mission), user="delegate")
    assert own.returncode == 0, own.stderr
    assert hervest("info", "--db", str(mission), user="delegate", passphrase=NEW).returncode == 0


def test_an_admin_adds_sets_and_removes_users(mission):
    added = hervest("users", "add", "--db", str(mission), "--user", "coordinator", "--role",
                    "HQ_COORDINATOR", user="admin")
    assert added.returncode == 0, added.stderr
    assert ("coordinator", "HQ_COORDINATOR", True) in _users(mission)
    reset = hervest("users", "passwd", "--db", str(mission), "--user", "delegate", user="admin")
    assert reset.returncode == 0, reset.stderr
    assert hervest("info", "--db", str(mission), user="delegate", passphrase=NEW).returncode == 0
    assert hervest("users", "remove", "--db", str(mission), "--user", "delegate",
                   user="admin").returncode == 0
    assert ("delegate", "IND", False) in _users(mission)


def test_a_user_made_admin_only_in_memory_is_still_refused(mission):
    """The store checks the unlocked user as the database holds them, not the object an
    API caller may have swapped in."""
    with Store.open(mission, "delegate", PASSPHRASE) as store:
        store.user = User(id=store.user.id, name="delegate", role=Role.ADMIN)
        with pytest.raises(Exception) as refused:
            store.add_user("mallory", Role.ADMIN, NEW, kdf=FAST_KDF)
        assert getattr(refused.value, "key", "") == "user.admin_only"


def test_an_ind_user_cannot_rekey_the_others_out(mission):
    """A re-key drops every other user's slot: removing users, so ADMIN only."""
    keys = KeyFile.path_for(mission)
    before = keys.read_bytes()
    with Store.open(mission, "delegate", PASSPHRASE) as store:
        with pytest.raises(Exception) as refused:
            store.rekey(PASSPHRASE, kdf=FAST_KDF)
        assert getattr(refused.value, "key", "") == "user.admin_only"
    assert keys.read_bytes() == before
    assert hervest("info", "--db", str(mission), user="admin").returncode == 0


def test_the_store_and_the_access_rules_agree_on_who_manages_users():
    assert RULES["users"][Action.WRITE] == USER_MANAGERS
