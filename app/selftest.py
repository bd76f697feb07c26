"""`hervest --self-test`: does this installation work, without a screen and without data?

IT staff run it on a freshly prepared mission laptop (and CI on the built bundle). Every
step uses the real parts: a temporary SQLCipher file with a key slot, demo data, the main
window on the offscreen Qt platform, one PDF report, one export bundle written and
imported into a second (HQ) database. Everything happens in a temporary folder that is
removed afterwards; the user's own databases and settings are never touched.

One line on stdout when all is well (exit 0); on failure one line naming the step on
stderr (exit 1), followed by the traceback when the failure is not a known error.

`app` never imports Qt at module level: the window step imports `ui` lazily, as the CLI
does to start the desktop app."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.errors import HervestError
from app.i18n import register_messages, tr

if TYPE_CHECKING:
    from app.store import Store

PASSPHRASE = "self-test passphrase, not secret"
DEMO_CASES = 20
KDF_TARGET_MS = 100  # real Argon2id at 64 MiB, kept short: the check is that it runs

register_messages({
    "selftest.ok": {
        "en": "Self-test passed (hervest {version}): {done} in {seconds:.1f} s",
        "nl": "Zelftest geslaagd (hervest {version}): {done} in {seconds:.1f} s",
    },
    "selftest.failed": {
        "en": "Self-test FAILED at step '{step}' (hervest {version}): {detail}",
        "nl": "Zelftest MISLUKT bij stap '{step}' (hervest {version}): {detail}",
    },
    "selftest.step.database": {"en": "encrypted database", "nl": "versleutelde database"},
    "selftest.step.demo": {"en": "demo data", "nl": "demogegevens"},
    "selftest.step.window": {"en": "main window", "nl": "hoofdvenster"},
    "selftest.step.pdf": {"en": "PDF report", "nl": "PDF-rapport"},
    "selftest.step.bundle": {"en": "export bundle", "nl": "exportbundel"},
    "selftest.done.database": {"en": "encrypted database (schema {schema})",
                               "nl": "versleutelde database (schema {schema})"},
    "selftest.done.demo": {"en": "demo data ({cases} cases, {persons} persons, checks clean)",
                           "nl": "demogegevens ({cases} dossiers, {persons} personen, "
                                 "controle in orde)"},
    "selftest.done.window": {"en": "main window ({pages} pages, {size})",
                             "nl": "hoofdvenster ({pages} pagina's, {size})"},
    "selftest.done.pdf": {"en": "PDF report ({pages} p.)", "nl": "PDF-rapport ({pages} p.)"},
    "selftest.done.bundle": {"en": "bundle ({changes} changes exported and imported)",
                             "nl": "bundel ({changes} wijzigingen geëxporteerd en "
                                   "geïmporteerd)"},
    "selftest.check": {
        "en": "the database check found a problem: {detail}",
        "nl": "de controle van de database vond een probleem: {detail}",
    },
    "selftest.missing": {
        "en": "this build does not contain {part}",
        "nl": "deze build bevat {part} niet",
    },
})


@dataclass
class _Run:
    folder: Path
    done: list[str] = field(default_factory=list)
    closers: list[Callable[[], None]] = field(default_factory=list)
    laptop: Store | None = None


def _database(run: _Run) -> str:
    from app.domain import Role
    from app.store import Store
    from app.store.keyslots import calibrate

    path = run.folder / "laptop.db"
    Store.create(path, "selftest", Role.HQ_COORDINATOR, PASSPHRASE,
                 kdf=calibrate(KDF_TARGET_MS)).close()
    store = Store.open(path, "selftest", PASSPHRASE)  # the unlock path a user takes
    run.closers.append(store.close)
    run.laptop = store
    return tr("selftest.done.database", schema=store.schema_version)


def _demo(run: _Run) -> str:
    from app.demo import DemoGenerator
    from app.store.check import run_checks

    store = run.laptop
    summary = DemoGenerator(store, 1).run(DEMO_CASES)
    problems = run_checks(store)
    if problems:
        raise HervestError("selftest.check", detail=problems[0].message())
    return tr("selftest.done.demo", cases=summary.cases, persons=summary.persons)


def _main_window(run: _Run) -> str:
    app_module = _optional("ui.app", "the desktop app (ui.app)")
    from ui.main_window import MainWindow

    app = app_module.make_application()
    window = MainWindow(run.laptop)
    try:
        window.show()
        app.processEvents()
        shot = window.grab()  # paints every visible widget once, offscreen
        if shot.isNull() or shot.width() == 0:
            raise RuntimeError("the main window painted nothing")
        pages = window.pages.count()
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return tr("selftest.done.window", pages=pages, size=f"{shot.width()}x{shot.height()}")


def _pdf(run: _Run) -> str:
    reports = _optional("app.reports.mission", "PDF reports (app.reports)")
    import uharfbuzz  # noqa: F401  (reportlab shapes Arabic names only when it loads)

    from app.domain import Mission

    store = run.laptop
    mission = store.select(Mission, order_by="name", limit=1)[0]
    out = run.folder / "mission.pdf"
    report = reports.render_mission(store, mission.id, out)
    head = out.read_bytes()[:5]
    if head != b"%PDF-":
        raise RuntimeError(f"{out.name} is not a PDF (starts with {head!r})")
    return tr("selftest.done.pdf", pages=report.pages)


def _bundle(run: _Run) -> str:
    from pyrage import x25519

    from app.bundles.importer import import_bundle
    from app.bundles.reader import DeviceKey
    from app.bundles.writer import export_bundle
    from app.domain import Role
    from app.store import Store
    from app.store.keyslots import calibrate

    laptop = run.laptop
    hq_key = x25519.Identity.generate()
    exported = export_bundle(laptop, run.folder / "mission.age", [str(hq_key.to_public())])
    hq = Store.create(run.folder / "hq.db", "hq", Role.HQ_COORDINATOR, PASSPHRASE,
                      kdf=calibrate(KDF_TARGET_MS))
    run.closers.append(hq.close)
    device = DeviceKey(laptop.device_signing_key().public_key().public_bytes_raw())
    imported = import_bundle(hq, exported.path, [hq_key],
                             {laptop.device_id: device}.get)
    if imported.applied != exported.manifest.changes:
        raise RuntimeError(f"imported {imported.applied} of {exported.manifest.changes} "
                           "changes")
    return tr("selftest.done.bundle", changes=exported.manifest.changes)


STEPS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    ("database", _database),
    ("demo", _demo),
    ("window", _main_window),
    ("pdf", _pdf),
    ("bundle", _bundle),
)


def _optional(module: str, part: str):
    """Import a part that a stripped-down build might lack, with a plain message if so."""
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise HervestError("selftest.missing", part=part) from None
        raise


def run_self_test() -> int:
    # Force the screenless platform: the self-test must behave the same at a desk and in CI.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hervest-selftest-") as folder:
        run = _Run(Path(folder))
        # Qt keeps settings per installation: point them into the temporary folder.
        os.environ["XDG_CONFIG_HOME"] = folder
        try:
            for step, action in STEPS:
                if not _run_step(run, step, action):
                    return 1
        finally:
            for close in reversed(run.closers):
                close()
    print(tr("selftest.ok", version=__version__, done=", ".join(run.done),
             seconds=time.perf_counter() - start))
    return 0


def _run_step(run: _Run, step: str, action: Callable[[_Run], str]) -> bool:
    try:
        run.done.append(action(run))
        return True
    except Exception as exc:
        detail = exc.message() if isinstance(exc, HervestError) else f"{exc!r}"
        print(tr("selftest.failed", step=tr(f"selftest.step.{step}"), version=__version__,
                 detail=detail), file=sys.stderr)
        if not isinstance(exc, HervestError):
            traceback.print_exc()
        return False
