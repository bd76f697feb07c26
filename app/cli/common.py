"""What the subcommands share: where the database is, who is acting, the passphrase."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

import platformdirs

from app.errors import HervestError
from app.private import tighten
from app.store.database import Store

APP_NAME = "Hervest"


def default_db_path() -> Path:
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    tighten(folder)  # an older version left it 0755
    return folder / "hervest.db"


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=None,
                        help="database file (default: the desktop app's, hervest.db in "
                             "the user data folder)")


def add_actor_argument(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--as", dest="actor", default=os.environ.get("HERVEST_USER"),
                        help="your user name (or HERVEST_USER)")


def db_path(args: argparse.Namespace) -> Path:
    return args.db or default_db_path()


def read_passphrase(prompt: str = "Passphrase: ", env: str = "HERVEST_PASSPHRASE",
                    confirm: bool = False) -> str:
    """From the environment for scripts, else a prompt that does not echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise HervestError("cli.no_passphrase", env=env)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise HervestError("passphrase.mismatch")
    return first


def actor_name(args: argparse.Namespace) -> str:
    if args.actor:
        return args.actor
    if not sys.stdin.isatty():
        raise HervestError("cli.no_user")
    return input("User name: ").strip()


def open_store(args: argparse.Namespace) -> Store:
    """Unlock the database named by --db as the user named by --as."""
    return Store.open(db_path(args), actor_name(args), read_passphrase())
