"""`hervest-hq`: run the HQ sync server and administer keys, devices and users."""

from __future__ import annotations

import argparse
import hashlib
import importlib
import ssl
import sys
from contextlib import closing
from pathlib import Path

from app.domain import Role
from app.errors import HervestError
from app.i18n import tr
from sync import messages as _messages  # noqa: F401  (registers the sync catalogue)
from sync.protocol import EnrolmentCode, hq_url
from sync.server.keys import keygen, load_recipients, load_recovery_public
from sync.server.store import open_server_store

OPTIONAL_MODULES = ("sync.server.bundle_commands",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hervest-hq", description="Hervest HQ server")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the sync server")
    _store_arg(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--tls-cert", type=Path)
    serve.add_argument("--tls-key", type=Path)
    serve.set_defaults(func=cmd_serve)

    gen = sub.add_parser("keygen", help="make HQ signing, bundle, escrow and recovery keys")
    gen.add_argument("--out", type=Path, required=True)
    gen.set_defaults(func=cmd_keygen)

    devices = sub.add_parser("devices", help="enrol, list and revoke laptops").add_subparsers(
        dest="devices_command", required=True)
    enrol = devices.add_parser("enroll", help="issue a one-time enrolment code")
    _store_arg(enrol)
    enrol.add_argument("--user", required=True, help="HQ user name of the laptop's user")
    enrol.add_argument("--label", default="", help="e.g. the laptop's asset tag")
    enrol.add_argument("--mission", action="append", default=[], help="mission id (repeat)")
    enrol.add_argument("--url", required=True, help="address laptops use, https://... "
                       "(http:// only to 127.0.0.1, ::1 or localhost, for tests)")
    enrol.add_argument("--tls-cert", type=Path, help="the server certificate to pin")
    enrol.add_argument("--no-qr", action="store_true")
    enrol.set_defaults(func=cmd_enroll)
    listing = devices.add_parser("list")
    _store_arg(listing)
    listing.set_defaults(func=cmd_devices)
    revoke = devices.add_parser("revoke", help="refuse a lost or stolen laptop from now on")
    _store_arg(revoke)
    revoke.add_argument("device_id")
    revoke.set_defaults(func=cmd_revoke)

    users = sub.add_parser("users", help="users and roles known to HQ").add_subparsers(
        dest="users_command", required=True)
    add = users.add_parser("add")
    _store_arg(add)
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--display-name", default="")
    add.add_argument("--mission", action="append", default=[], help="delegation (repeat)")
    add.set_defaults(func=cmd_user_add)
    users_list = users.add_parser("list")
    _store_arg(users_list)
    users_list.set_defaults(func=cmd_users)
    role = users.add_parser("role", help="give a user another role (reaches laptops on pull)")
    _store_arg(role)
    role.add_argument("name")
    role.add_argument("role", choices=[r.value for r in Role])
    role.set_defaults(func=cmd_user_role)
    remove = users.add_parser("remove", help="deactivate a user everywhere; their records "
                              "stay. Revoke their laptops with devices revoke.")
    _store_arg(remove)
    remove.add_argument("name")
    remove.set_defaults(func=cmd_user_remove)

    for name in OPTIONAL_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def _store_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", required=True, help="sqlite:///path or postgresql://...")
    parser.add_argument("--keys", type=Path, help="folder written by keygen (holds the key "
                        "of a sqlite:/// store)")


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import HqKeys, create_app

    store = open_server_store(args.store, args.keys)
    keys = HqKeys(load_recipients(args.keys), load_recovery_public(args.keys))
    tls = {"ssl_certfile": str(args.tls_cert), "ssl_keyfile": str(args.tls_key)} \
        if args.tls_cert else {}
    try:
        uvicorn.run(create_app(store, keys), host=args.host, port=args.port,
                    log_level="warning", **tls)
    finally:
        store.close()
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    for path in keygen(args.out):
        print(path)
    return 0


def cert_sha256(cert: Path) -> str:
    der = ssl.PEM_cert_to_DER_cert(cert.read_text("ascii"))
    return hashlib.sha256(der).hexdigest()


def cmd_enroll(args: argparse.Namespace) -> int:
    hq_url(args.url)  # before a token exists: a code with this address would be refused
    store = open_server_store(args.store, args.keys)
    try:
        token = store.create_enrolment(args.user, args.label or args.user, args.mission)
    finally:
        store.close()
    code = EnrolmentCode(url=args.url, token=token,
                         cert_sha256=cert_sha256(args.tls_cert) if args.tls_cert else None)
    text = code.encode()
    if not args.no_qr:
        import qrcode

        qr = qrcode.QRCode(border=1)
        qr.add_data(text)
        qr.print_ascii(invert=True)
    print(text)
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    with closing(open_server_store(args.store, args.keys)) as store:
        for d in store.list_devices():
            state = f"revoked {d.revoked_at}" if d.revoked else "active"
            print(f"{d.device_id}  {d.label:<16} {d.user_name:<12} {d.role.value:<15} "
                  f"head={d.head}  {state}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with closing(open_server_store(args.store, args.keys)) as store:
        store.revoke(args.device_id)
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    with closing(open_server_store(args.store, args.keys)) as store:
        user = store.add_user(args.name, Role(args.role), args.display_name, args.mission)
    print(user.id)
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    with closing(open_server_store(args.store, args.keys)) as store:
        for user_id, name, role, active in store.users():
            print(f"{user_id}  {name:<16} {role:<15}" + ("" if active else " removed"))
    return 0


def cmd_user_role(args: argparse.Namespace) -> int:
    with closing(open_server_store(args.store, args.keys)) as store:
        store.set_role(args.name, Role(args.role))
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    with closing(open_server_store(args.store, args.keys)) as store:
        store.remove_user(args.name)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except HervestError as error:
        print(error.message(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(tr("cli.interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
