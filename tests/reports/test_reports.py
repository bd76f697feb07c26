"""Every PDF report renders from the demo database in both languages, carries a footer QR
code naming the document, keeps to need-to-know and data minimisation, and draws Arabic
names as a reference shaper (libraqm) does."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.domain import Case, Mission, Municipality, Role, Training
from app.errors import HervestError
from app.reports import fonts
from app.reports.attendance import render_attendance
from app.reports.bidi import visual_line
from app.reports.case_summary import render_case
from app.reports.document import CELL_PAD, Report, on_each_page, row_height
from app.reports.mission import render_mission
from app.reports.municipality import render_municipality
from app.reports.quota import render_quota
from app.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE, as_admin

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"),
                                   reason="needs poppler-utils (pdftotext, pdftoppm)")
TODAY = dt.date(2025, 9, 1)


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _mission(store: Store) -> Mission:
    return store.select(Mission, order_by="start_date")[1]


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_report_renders(demo_store: Store, tmp_path: Path, lang: str) -> None:
    mission = _mission(demo_store)
    case = demo_store.select(Case, "mission_id = ?", (mission.id,), limit=1)[0]
    training = demo_store.select(Training, "mission_id = ?", (mission.id,))[0]
    town = demo_store.select(Municipality, limit=1)[0]
    made = {
        "mission": render_mission(demo_store, mission.name, tmp_path / "m.pdf", lang, TODAY),
        "case": render_case(demo_store, case.unhcr_case_number, tmp_path / "c.pdf", lang),
        "attendance": render_attendance(demo_store, training.name, tmp_path / "a.pdf", lang),
        "municipality": render_municipality(demo_store, town.name, tmp_path / "g.pdf", lang),
        "quota": render_quota(demo_store, mission.framework_id or "", tmp_path / "q.pdf", lang),
    }
    words = {"en": ("Mission report", "Generated"), "nl": ("Missierapport", "Gemaakt")}[lang]
    mission_text = text_of(tmp_path / "m.pdf")
    assert all(w in mission_text for w in words)
    for report in made.values():
        assert report.pages >= 1
        assert demo_store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'report' AND "
                                 "detail LIKE ?", (f"%{report.doc_id}%",)) == 1
    assert not list(tmp_path.glob(".*.tmp"))


def test_unknown_subject_is_a_clear_error(demo_store: Store, tmp_path: Path) -> None:
    with pytest.raises(HervestError) as caught:
        render_mission(demo_store, "Atlantis", tmp_path / "x.pdf")
    assert "Atlantis" in caught.value.message("en")
    assert not (tmp_path / "x.pdf").exists()


class Stop(Exception):
    """What a user's Cancel raises in the page callback."""


def test_a_report_stopped_at_a_page_leaves_no_file(demo_store: Store, tmp_path: Path) -> None:
    pages: list[int] = []

    def on_page(page: int) -> None:
        pages.append(page)
        raise Stop

    audits = demo_store.scalar("SELECT COUNT(*) FROM audit_log")
    with on_each_page(on_page), pytest.raises(Stop):
        render_mission(demo_store, _mission(demo_store).name, tmp_path / "m.pdf", "en", TODAY)
    assert pages == [1]
    assert not list(tmp_path.glob("*m.pdf*"))  # neither the PDF nor its temp file
    assert demo_store.scalar("SELECT COUNT(*) FROM audit_log") == audits  # no "report" entry
    report = render_mission(demo_store, _mission(demo_store).name, tmp_path / "m.pdf", "en",
                            TODAY)  # outside the block: no callback
    assert report.pages > 1 and (tmp_path / "m.pdf").exists()


@needs_poppler
def test_case_summary_follows_need_to_know(demo_store: Store, tmp_path: Path) -> None:
    case = demo_store.select(Case, "state = 'arrived'", limit=1)[0]
    with as_admin(demo_store):
        demo_store.add_user("coa.reader", Role.COA, PASSPHRASE, kdf=FAST_KDF)
    render_case(demo_store, case.id, tmp_path / "hq.pdf", "en")
    coa = Store.open(demo_store.path, "coa.reader", PASSPHRASE)
    try:
        render_case(coa, case.id, tmp_path / "coa.pdf", "en")
    finally:
        coa.close()
    hq_text, coa_text = text_of(tmp_path / "hq.pdf"), text_of(tmp_path / "coa.pdf")
    assert "Fictional grounds" in hq_text and "Art. 29(1)(a)" in hq_text
    assert "Fictional grounds" not in coa_text and "Art. 29(1)(a)" not in coa_text
    assert "Not shown for your role (COA)" in coa_text


@needs_poppler
def test_municipality_profile_is_minimal(demo_store: Store, tmp_path: Path) -> None:
    town = demo_store.scalar("SELECT municipality_id FROM placements GROUP BY municipality_id "
                             "ORDER BY COUNT(*) DESC LIMIT 1")
    render_municipality(demo_store, town, tmp_path / "g.pdf", "en", TODAY)
    text = text_of(tmp_path / "g.pdf")
    assert "Family 1" in text and "Housing needs" in text
    for secret in ("Fictional grounds", "Fictional protection need", "medical finding",
                   "DEMO-", "interview notes"):
        assert secret not in text


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_headers_break_only_between_words(demo_store: Store, tmp_path: Path, lang: str) -> None:
    """Narrow columns ("Interviewed", "Nationality") shrink their type rather than break
    a word; a header of several words may wrap at its spaces."""
    from app.i18n import tr

    mission = _mission(demo_store)
    case = demo_store.select(Case, "mission_id = ?", (mission.id,), limit=1)[0]
    render_quota(demo_store, mission.framework_id or "", tmp_path / "q.pdf", lang)
    render_case(demo_store, case.id, tmp_path / "c.pdf", lang)
    text = text_of(tmp_path / "q.pdf") + text_of(tmp_path / "c.pdf")
    keys = ("quota.interviewed", "quota.accepted", "quota.departed", "quota.arrived",
            "quota.referred", "quota.nareis", "nationality", "sex", "relationship",
            "unhcr_individual", "name_original")
    words = {w for key in keys for w in tr(f"pdf.{key}", lang).split()}
    assert {w for w in words if w not in text} == set()


def test_cells_fit_their_column(demo_store: Store) -> None:
    """A string that fits is left to the table (fast path); a longer one wraps at spaces in
    a size at which its longest word fits; row heights match reportlab's own."""
    report = Report(demo_store, "test")
    widths = [20 * mm, 60 * mm]
    data = report.cells(["Nationaliteit", "Name"],
                        [("SYR", "short"), ("Onderzoeksbevoegdheden", "a b c " * 30)], widths)
    assert data[1] == ["SYR", "short"]
    long_word, long_text = data[2]
    for cell, width in ((long_word, widths[0]), (long_text, widths[1])):
        cell.wrap(width - 2 * CELL_PAD, 1e9)
        assert all(w <= width - 2 * CELL_PAD + 0.01 for w in cell.getActualLineWidths0())
    assert long_word.style.fontSize < 8.5 and long_text.style.fontSize == 8.5
    table = report.grid(data, widths)
    table.wrap(sum(widths), 1e9)
    assert [row_height(row, widths) for row in data] == pytest.approx(table._rowHeights)


@needs_poppler
def test_long_table_has_its_header_on_every_page_and_each_row_once(
        demo_store: Store, tmp_path: Path) -> None:
    report = Report(demo_store, "test")
    rows = [(f"ROW-{i:04d}", "emergency" if i % 7 else "a longer cell that wraps " * 4)
            for i in range(400)]
    report.build(tmp_path / "t.pdf", [report.heading("List"), report.long_table(
        ["Case number", "Priority"], rows, [40 * mm, 60 * mm], numeric=(0,))])
    pages = text_of(tmp_path / "t.pdf").split("\f")[:report.pages]
    assert report.pages > 5
    seen = []
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0 if seen else 1].split() == ["Case", "number", "Priority"]
        assert page.count("Case number") == 1
        seen += [w for line in lines for w in line.split() if w.startswith("ROW-")]
    assert seen == [r[0] for r in rows]


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
                    reason="needs pdftoppm (poppler-utils) and zbarimg (zbar-tools)")
def test_footer_qr_names_the_document_on_every_page(demo_store: Store, tmp_path: Path) -> None:
    """The QR code is encoded once per document and placed on each page as a form."""
    report = Report(demo_store, "test", "subject")
    report.build(tmp_path / "t.pdf", [report.long_table(
        ["Row"], [(str(i),) for i in range(150)], [40 * mm])])
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "t.pdf"),
                    str(tmp_path / "page")], check=True)
    found = subprocess.run(["zbarimg", "-q", "--raw", *map(str, sorted(
        tmp_path.glob("page-*.png")))], capture_output=True, text=True).stdout.split()
    assert report.pages >= 3
    assert found == [report.qr_text] * report.pages


# -- Arabic --------------------------------------------------------------------------------
def _ink_profile(image) -> list[float]:
    from PIL import ImageChops

    gray = image.convert("L")
    gray = gray.crop(ImageChops.invert(gray).getbbox())
    px, (w, h) = gray.load(), gray.size
    return [sum(255 - px[x, y] for y in range(h)) for x in range(w)]


def _correlation(a: list[float], b: list[float]) -> float:
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    ma, mb = sum(a) / n, sum(b) / n
    num = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    den = (sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b)) ** 0.5
    return num / den


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs pdftoppm (poppler-utils)")
@pytest.mark.parametrize("name", ["حسن حداد", "محمد عبدالرحمن", "عبدالله إبراهيم",
                                  "ليلى المصري"])
def test_arabic_names_drawn_like_a_reference_shaper(name: str, tmp_path: Path) -> None:
    """Rendered to PNG and compared with libraqm (Pillow's complex layout): the column
    profile of ink matches; reportlab's own RTL shaping (mirrored letters) does not."""
    from PIL import Image, ImageDraw, ImageFont, features

    if not features.check("raqm"):
        pytest.skip("Pillow without libraqm: no reference shaper")
    font = ImageFont.truetype(str(fonts.FONT_DIR / "DejaVuSans.ttf"), 40,
                              layout_engine=ImageFont.Layout.RAQM)
    reference = Image.new("L", (900, 120), 255)
    ImageDraw.Draw(reference).text((20, 20), name, font=font, fill=0, direction="rtl")
    fonts.register()

    def rendered(draw) -> list[float]:
        pdf = tmp_path / "line.pdf"
        canvas = Canvas(str(pdf), pagesize=(500, 60))
        canvas.setFont(fonts.REGULAR, 20)
        draw(canvas)
        canvas.save()
        subprocess.run(["pdftoppm", "-r", "144", "-png", "-singlefile", str(pdf),
                        str(tmp_path / "line")], check=True)
        return _ink_profile(Image.open(tmp_path / "line.png"))

    ours = rendered(lambda c: c.drawString(20, 20, visual_line(name)))
    theirs = rendered(lambda c: c.drawString(20, 20, name, shaping=True))
    expected = _ink_profile(reference)
    assert abs(len(ours) - len(expected)) <= 2
    assert _correlation(expected, ours) > 0.75
    assert _correlation(expected, theirs) < 0.5


def test_visual_line_orders_runs() -> None:
    assert visual_line("Mohammed  Al-Hassan") == "Mohammed Al-Hassan"
    mixed = visual_line("محمد (Mohammed)")
    assert mixed.endswith(visual_line("محمد")) and "Mohammed" in mixed


def test_quota_pdf_from_the_command_line(demo_store: Store, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli.main import main
    from app.domain import Framework

    framework = demo_store.select(Framework, limit=1)[0]
    demo_store.close()
    monkeypatch.setenv("HERVEST_PASSPHRASE", PASSPHRASE)
    assert main(["report", "quota", "--framework", framework.name, "--format", "pdf",
                 "--out", str(tmp_path / "q.pdf"), "--db", str(demo_store.path),
                 "--as", "coordinator"]) == 0
    assert (tmp_path / "q.pdf").read_bytes().startswith(b"%PDF")
