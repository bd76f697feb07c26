"""Export bundles and PDF reports: throughput, memory and scaling.

    python tests/bench/bench_bundles.py [--quick]

1. Export throughput of a laptop database whose attachments hold N bytes, against raw
   ChaCha20-Poly1305 (64 KiB chunks, `cryptography`) of the same bytes to a file, in the
   same run. Target: export >= 0.5x the raw cipher.
2. Peak RSS of the export, measured in a child process (VmHWM). Target <= 150 MB for
   2 GB of attachments (--quick: 256 MB).
3. The mission report at 500 and 5,000 cases: time per case, the ratio of the per-case
   times (target: linear, about 1x) and, as the baseline, the same case-list cells drawn
   straight on a reportlab canvas (no layout at all) in the same run. The demo databases
   are cached in $BENCH_CACHE (default /tmp/hervest-bench), keyed by schema version and
   demo generator, so only the first run pays for making them.

`--only reports` (or `export`) runs one part."""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305  # noqa: E402
from pyrage import x25519  # noqa: E402

from app.demo import DemoGenerator  # noqa: E402
from app.domain import Attachment, Case, Mission, Role  # noqa: E402
from app.store import Store  # noqa: E402
from app.store.keyslots import KdfParams  # noqa: E402

PASS = "bench passphrase 1"
KDF = KdfParams(iterations=2, memory_kib=19 * 1024)
CHUNK = 1 << 20  # attachment chunk rows of 1 MiB
FILE_SIZE = 64 << 20  # each attachment 64 MiB
BLOCK = 64 << 10


def block(i: int) -> bytes:
    """Incompressible, reproducible bytes without holding the whole set in memory."""
    seed = hashlib.sha256(i.to_bytes(8, "big")).digest()
    return (seed * (CHUNK // 32))[:CHUNK] if i % 2 else os.urandom(CHUNK)


def make_laptop(path: Path, total: int) -> None:
    store = Store.create(path, "bench", Role.IND, PASS, kdf=KDF)
    DemoGenerator(store, 1).run(20)
    case = store.select(Case, limit=1)[0]
    done, index = 0, 0
    while done < total:
        size = min(FILE_SIZE, total - done)
        digest = hashlib.sha256()
        store.conn.execute("BEGIN IMMEDIATE")
        sha = f"pending{index}"
        for n, offset in enumerate(range(0, size, CHUNK)):
            data = block(index * 100_000 + n)[:size - offset]
            digest.update(data)
            store.conn.execute("INSERT INTO attachment_chunks VALUES (?, ?, ?)", (sha, n, data))
        store.conn.execute("UPDATE attachment_chunks SET sha256 = ? WHERE sha256 = ?",
                           (digest.hexdigest(), sha))
        store.conn.execute("COMMIT")
        with store.write() as uow:
            uow.insert(Attachment(case_id=case.id, sha256=digest.hexdigest(),
                                  filename=f"scan{index}.pdf", size=size))
        done, index = done + size, index + 1
    store.close()


def raw_chacha(path: Path, out: Path) -> float:
    """The same attachment bytes, read from the same database, sealed in 64 KiB chunks."""
    store = Store.open(path, "bench", PASS)
    aead = ChaCha20Poly1305(ChaCha20Poly1305.generate_key())
    start = time.perf_counter()
    counter = 0
    with open(out, "wb") as fh:
        for (data,) in store.conn.execute("SELECT data FROM attachment_chunks"):
            for offset in range(0, len(data), BLOCK):
                counter += 1
                fh.write(aead.encrypt(counter.to_bytes(12, "big"), data[offset:offset + BLOCK],
                                      None))
        fh.flush()
        os.fsync(fh.fileno())
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def child_export(path: Path, out: Path) -> None:
    """Runs in its own process: export, then report time and peak RSS."""
    from app.bundles.writer import export_bundle

    store = Store.open(path, "bench", PASS)
    recipients = [str(x25519.Identity.generate().to_public()) for _ in range(2)]
    start = time.perf_counter()
    export_bundle(store, out, recipients)
    elapsed = time.perf_counter() - start
    store.close()
    print(elapsed, peak_rss_kib())


def peak_rss_kib() -> int:
    """This process's peak RSS. Not ru_maxrss: after fork + exec it starts from the
    parent's size; VmHWM belongs to the new address space only."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def export_in_child(path: Path, out: Path) -> tuple[float, float]:
    done = subprocess.run([sys.executable, __file__, "--child-export", str(path), str(out)],
                          capture_output=True, text=True, check=True)
    elapsed, rss_kib = done.stdout.split()
    return float(elapsed), float(rss_kib) / 1024


def mission_db(n_cases: int) -> Path:
    """A demo database whose first mission holds all `n_cases` cases, made once and cached."""
    from app.store.migrations import LATEST

    demo = hashlib.sha256((ROOT / "app" / "demo.py").read_bytes()).hexdigest()[:10]
    cache = Path(os.environ.get("BENCH_CACHE", "/tmp/hervest-bench"))
    path = cache / f"mission-{n_cases}-schema{LATEST}-{demo}.db"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    building = cache / f"{path.name}.{os.getpid()}.building"
    store = Store.create(building, "bench", Role.HQ_COORDINATOR, PASS, kdf=KDF)
    DemoGenerator(store, 5).run(n_cases)
    mission = store.select(Mission, order_by="start_date")[0]
    with store.write() as uow:  # one mission with all the cases
        for case in store.select(Case, "mission_id IS NOT ? OR mission_id IS NULL",
                                 (mission.id,)):
            uow.update(case, mission_id=mission.id)
    store.close()
    Path(f"{building}.keys").rename(f"{path}.keys")
    building.rename(path)  # the database last: its presence means complete
    return path


def mission_report_time(folder: Path, n_cases: int) -> tuple[float, float, int]:
    """Seconds for the mission report, seconds for the raw-canvas baseline, cases."""
    from app.reports.mission import render_mission

    store = Store.open(mission_db(n_cases), "bench", PASS)
    mission = store.select(Mission, order_by="start_date")[0]
    cases = store.count(Case, "mission_id = ?", (mission.id,))
    render_mission(store, mission.id, folder / "warm.pdf")  # fonts, caches
    start = time.perf_counter()
    render_mission(store, mission.id, folder / f"m{n_cases}.pdf")
    elapsed = time.perf_counter() - start
    raw = raw_canvas_time(store, mission.id, folder / f"raw{n_cases}.pdf")
    store.close()
    return elapsed, raw, cases


def raw_canvas_time(store: Store, mission_id: str, out: Path) -> float:
    """The floor: the case list's cells drawn with Canvas.drawString, 50 rows a page, no
    layout, no tables, no shaping."""
    from reportlab.pdfgen.canvas import Canvas

    from app.reports import fonts

    rows = store.rows(
        "SELECT c.unhcr_case_number, c.state, c.priority, p.given_name || ' ' || "
        "p.family_name, p.given_name_original || ' ' || p.family_name_original, "
        "(SELECT COUNT(*) FROM persons q WHERE q.case_id = c.id) FROM cases c LEFT JOIN "
        "persons p ON p.case_id = c.id AND p.relationship = 'principal' "
        "WHERE c.mission_id = ? ORDER BY c.unhcr_case_number", (mission_id,))
    start = time.perf_counter()
    canvas = Canvas(str(out))
    canvas.setFont(fonts.REGULAR, 8.5)
    for i, row in enumerate(rows):
        if i and i % 50 == 0:
            canvas.showPage()
            canvas.setFont(fonts.REGULAR, 8.5)
        y = 800 - (i % 50) * 15
        for col, value in enumerate(row):
            canvas.drawString(50 + col * 85, y, str(value or ""))
    canvas.save()
    return time.perf_counter() - start


REPORT_SIZES = (500, 5000)


def export_rows(folder: Path, total: int) -> list[tuple[str, ...]]:
    laptop = folder / "laptop.db"
    make_laptop(laptop, total)
    raw = raw_chacha(laptop, folder / "raw.bin")
    export, rss = export_in_child(laptop, folder / "bundle.age")
    bundle_size = (folder / "bundle.age").stat().st_size
    mb = total / 2**20
    for path in (*folder.glob("*.age*"), folder / "raw.bin"):
        path.unlink()
    return [("export throughput (MB/s)", f"{mb / export:.0f}",
             f"raw ChaCha20-Poly1305 {mb / raw:.0f}", f"{raw / export:.2f}x", ">= 0.5x"),
            (f"export peak RSS, {mb:.0f} MB attachments", f"{rss:.0f} MB",
             f"bundle {bundle_size / 2**20:.0f} MB", "", "<= 150 MB")]


def report_rows(folder: Path, sizes: tuple[int, int]) -> list[tuple[str, ...]]:
    rows, per_case = [], []
    for n in sizes:
        elapsed, raw, cases = mission_report_time(folder, n)
        per_case.append(elapsed / cases)
        rows.append((f"mission report, {cases} cases", f"{elapsed:.2f} s "
                     f"({elapsed / cases * 1000:.2f} ms/case)", f"raw canvas {raw:.2f} s",
                     f"{elapsed / raw:.1f}x raw", "5,000 cases < 10 s" if n >= 5000 else ""))
    rows.append((f"mission report per case, {sizes[1]} vs {sizes[0]}",
                 f"{per_case[1] * 1000:.2f} ms", f"{per_case[0] * 1000:.2f} ms",
                 f"{per_case[1] / per_case[0]:.2f}x", "~1x (linear)"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("export", "reports"))
    parser.add_argument("--child-export", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_export:
        child_export(*args.child_export)
        return
    total = (256 << 20) if args.quick else (2 << 30)
    rows = []
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        if args.only != "reports":
            rows += export_rows(folder, total)
        if args.only != "export":
            rows += report_rows(folder, REPORT_SIZES)
    width = [max(len(r[i]) for r in rows) for i in range(5)]
    head = ("measure", "hervest", "baseline / other", "ratio", "target")
    width = [max(w, len(h)) for w, h in zip(width, head, strict=True)]
    for row in (head, *rows):
        print("  ".join(c.ljust(w) for c, w in zip(row, width, strict=True)))


if __name__ == "__main__":
    main()
