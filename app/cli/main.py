"""Entry point of `hervest`. With no subcommand it opens the desktop app."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

import app
from app.errors import HervestError
from app.i18n import tr
from app.logs import setup_logging
from app.private import private_process

# Modules that add subcommands; each has register(subparsers) and may have
# register_reports(report_subparsers). Optional ones are skipped when not present.
COMMAND_MODULES = (
    "app.cli.store_commands",
    "app.cli.process_commands",
    "app.cli.bundle_commands",
    "sync.client.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hervest", description="Hervest field tool")
    parser.add_argument("--version", action="version", version=f"hervest {app.__version__}")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of messages")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation without a screen and exit")
    sub = parser.add_subparsers(dest="command")
    # `hervest report ...` is shared: process reports (text/json) and PDF reports.
    reports = sub.add_parser("report", help="reports").add_subparsers(
        dest="report_command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue
            raise
        module.register(sub)
        if hasattr(module, "register_reports"):
            module.register_reports(reports)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    private_process()  # before anything is written: database, logs, Qt settings, exports
    if not argv:  # the desktop app: start it without loading every subcommand's libraries
        setup_logging()
        return _start_gui()
    args = build_parser().parse_args(argv)
    if not args.self_test:  # the self-test leaves nothing behind, not even a log
        setup_logging()
    if args.lang:
        os.environ["HERVEST_LANG"] = args.lang
    try:
        if args.self_test:
            from app.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            return _start_gui()
        return int(args.func(args) or 0)
    except HervestError as error:
        logging.getLogger(__name__).info("refused: %s", error.key)
        print(error.message(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(tr("cli.interrupted"), file=sys.stderr)
        return 130


def _start_gui() -> int:
    try:
        from ui.app import run
    except ImportError as exc:
        print(tr("cli.no_gui", detail=exc), file=sys.stderr)
        return 2
    return run()


if __name__ == "__main__":
    sys.exit(main())
