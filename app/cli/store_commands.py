"""init, users, demo, check, info: the store's own subcommands."""

from __future__ import annotations

import argparse
import base64
import json
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from app.cli.common import (
    actor_name,
    add_actor_argument,
    add_db_argument,
    db_path,
    open_store,
    read_passphrase,
)
from app.demo import DemoGenerator
from app.domain import ENTITIES, Role, User
from app.errors import HervestError
from app.i18n import tr
from app.limits import SMALL_FILE, read_bounded
from app.store.check import run_checks
from app.store.database import Store
from app.store.keyslots import KeyFile


def _role(text: str) -> Role:
    try:
        return Role(text.upper())
    except ValueError:
        raise HervestError("role.unknown", role=text,
                           choices=", ".join(r.value for r in Role)) from None


def load_recovery_public(path: Path) -> X25519PublicKey:
    """An HQ recovery public key file: base64 of the raw 32 bytes (from hervest-hq keygen)."""
    text = read_bounded(path, SMALL_FILE).decode("utf-8", errors="replace").split()[-1]
    return X25519PublicKey.from_public_bytes(base64.b64decode(text))


def cmd_init(args: argparse.Namespace) -> int:
    recovery = load_recovery_public(args.recovery_key) if args.recovery_key else None
    passphrase = read_passphrase("New passphrase: ", confirm=True)
    store = Store.create(db_path(args), args.user, _role(args.role), passphrase,
                         display_name=args.display_name or "", recovery_public=recovery)
    store.close()
    print(tr("cli.created", path=db_path(args), user=args.user, role=args.role.upper()))
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.require_user_manager()  # before asking for a passphrase it would not use
        new = read_passphrase(f"Passphrase for {args.user}: ", env="HERVEST_NEW_PASSPHRASE",
                              confirm=True)
        store.add_user(args.user, _role(args.role), new, args.display_name or "")
    print(tr("cli.user_added", user=args.user, role=args.role.upper()))
    return 0


def cmd_users_passwd(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        new = read_passphrase("New passphrase: ", env="HERVEST_NEW_PASSPHRASE", confirm=True)
        store.change_passphrase(args.user or actor_name(args), new)
    print(tr("cli.passphrase_changed"))
    return 0


def cmd_users_remove(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.remove_user(args.user)
    print(tr("cli.user_removed", user=args.user))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        for user in store.select(User, order_by="name"):
            state = "" if user.active else "  (inactive)"
            print(f"{user.name:24} {user.role.value:15} {user.display_name}{state}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        start = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if args.progress:
                print(f"\r{done}/{total}", end="", flush=True)

        summary = DemoGenerator(store, args.seed).run(args.cases, progress)
        if args.progress:
            print()
    print(tr("cli.demo_done", **vars(summary), seconds=time.perf_counter() - start))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        problems = run_checks(store)
    for problem in problems:
        print(problem.message())
    if problems:
        return 1
    print(tr("check.ok"))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        info = {
            "path": str(store.path),
            "schema_version": store.schema_version,
            "device_id": store.device_id,
            "user": store.user.name if store.user else None,
            "key_slots": len(KeyFile.load(store.path).slots),
            "changes_pending": store.scalar(
                "SELECT COUNT(*) FROM changes WHERE device_id = ? AND acked = 0",
                (store.device_id,)),
            "counts": {name: store.count(cls) for name, cls in ENTITIES.items()},
        }
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        for key, value in info.items():
            if key == "counts":
                for name, n in value.items():
                    if n:
                        print(f"  {name:24} {n}")
            else:
                print(f"{key:16} {value}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new encrypted database")
    add_db_argument(p)
    p.add_argument("--user", required=True)
    p.add_argument("--role", required=True, help=", ".join(r.value for r in Role))
    p.add_argument("--display-name")
    p.add_argument("--recovery-key", type=Path, help="HQ recovery public key file")
    p.set_defaults(func=cmd_init)

    users = sub.add_parser("users", help="users and their passphrases").add_subparsers(
        dest="users_command", required=True)
    p = users.add_parser("add")
    add_actor_argument(p)
    p.add_argument("--user", required=True)
    p.add_argument("--role", required=True)
    p.add_argument("--display-name")
    p.set_defaults(func=cmd_users_add)
    p = users.add_parser("passwd", help="change your own passphrase (ADMIN: anyone's)")
    add_actor_argument(p)
    p.add_argument("--user", help="whose passphrase (ADMIN only; default: your own)")
    p.set_defaults(func=cmd_users_passwd)
    p = users.add_parser("remove")
    add_actor_argument(p)
    p.add_argument("--user", required=True)
    p.set_defaults(func=cmd_users_remove)
    p = users.add_parser("list")
    add_actor_argument(p)
    p.set_defaults(func=cmd_users_list)

    p = sub.add_parser("demo", help="add fictional demo data")
    add_actor_argument(p)
    p.add_argument("--cases", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--progress", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="integrity, references, audit chain, change log")
    add_actor_argument(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("info", help="schema version, counts, device id")
    add_actor_argument(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)
