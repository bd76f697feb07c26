"""`hervest enroll CODE --db PATH` and `hervest sync --db PATH`."""

from __future__ import annotations

import argparse

from app.cli.common import add_actor_argument, open_store
from app.i18n import tr
from sync.client.enroll import enroll
from sync.client.session import SyncSession, client_for


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("enroll", help="enrol this laptop with HQ")
    parser.add_argument("code", help="the enrolment code HQ gave you")
    add_actor_argument(parser)
    parser.add_argument("--proxy", help="HTTP proxy, e.g. http://proxy:3128")
    parser.add_argument("--new-hq-keys", action="store_true",
                        help="accept another HQ recovery key and bundle recipients than "
                        "the ones this laptop holds (https:// only)")
    parser.set_defaults(func=cmd_enroll)
    parser = sub.add_parser("sync", help="sync with HQ now")
    add_actor_argument(parser)
    parser.add_argument("--proxy", help="HTTP proxy, e.g. http://proxy:3128")
    parser.set_defaults(func=cmd_sync)


def cmd_enroll(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        enroll(store, args.code, args.proxy, args.new_hq_keys)
        print(tr("sync.enrolled", url=store.meta("sync_server_url"), device=store.device_id))
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            with client_for(store, args.proxy) as client:
                report = SyncSession(store, client, _print_progress).run()
        except Exception as error:
            store.set_meta("sync_last_error", str(error))
            raise
        print(tr("sync.done", pushed=report.pushed, pulled=report.pulled,
                 conflicts=report.conflicts))
        if report.set_aside:
            print(tr("merge.set_aside_count", count=report.set_aside))
    return 0


def _print_progress(stage: str, done: int, total: int | None) -> None:
    print(f"  {stage}: {done}" + (f"/{total}" if total else ""), flush=True)
