"""`hervest-hq users add|list|role|remove` against the HQ store, and the change reaching a
laptop on pull (over the real server)."""

from __future__ import annotations

from sync_helpers import hq_keys_of, sync

from app.domain import Role, User
from sync.server.cli import main as hq_cli


def _hq(store_url: str, *args: str) -> int:
    return hq_cli(["users", *args, "--store", store_url, "--keys", str(hq_keys_of(store_url))])


def _listed(store_url: str, capsys) -> dict[str, list[str]]:
    capsys.readouterr()
    assert _hq(store_url, "list") == 0
    return {line.split()[1]: line.split()[2:] for line in capsys.readouterr().out.splitlines()}


def test_users_added_listed_given_a_role_and_removed_reach_laptops(laptop, hq, store_url,
                                                                   capsys):
    anna = laptop("anna", Role.HQ_COORDINATOR)
    assert _hq(store_url, "add", "bram", "--role", "IND", "--display-name", "Bram B.") == 0
    assert _listed(store_url, capsys)["bram"] == ["IND"]
    sync(anna)
    bram = anna.select(User, where="name = ?", params=("bram",))[0]
    assert (bram.role, bram.display_name, bram.active) == (Role.IND, "Bram B.", True)

    assert _hq(store_url, "role", "bram", "BMA") == 0
    assert _listed(store_url, capsys)["bram"] == ["BMA"]
    sync(anna)
    assert anna.get(User, bram.id).role == Role.BMA

    assert _hq(store_url, "remove", "bram") == 0
    assert _listed(store_url, capsys)["bram"] == ["BMA", "removed"]
    sync(anna)
    assert anna.get(User, bram.id).active is False  # the row stays: past work names bram


def test_unknown_user_is_named_plainly(store_url, capsys):
    assert _hq(store_url, "role", "nobody", "IND") == 2
    assert "HQ knows no user called nobody" in capsys.readouterr().err


def test_role_change_of_a_user_the_laptop_made_itself_does_not_stop_sync(laptop, hq,
                                                                         store_url):
    """The laptop set up its own anna before enrolment (another row with the same name):
    HQ's edit of its anna is recorded there and sync goes on."""
    anna = laptop("anna")
    assert _hq(store_url, "role", "anna", "COA") == 0
    sync(anna)
    assert anna.select(User, where="name = ?", params=("anna",))[0].role == Role.IND
