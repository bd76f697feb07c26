"""What every report shares: page, fonts, styles, single-line name cells, tables and the
footer (generation time, user, document id and a QR code identifying the document).

Each report is written atomically (temp file, rename) and leaves an audit entry with its
document id, so a printed page can be traced to who made it and when."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from app.atomic import atomic_writer
from app.i18n import current_language, tr
from app.ids import new_id
from app.reports import fonts
from app.reports.bidi import is_rtl, visual_line
from app.reports.paged_table import PagedTable
from app.store.database import Store

PAGE = A4
MARGIN = 18 * mm
FOOTER = 26 * mm
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#bbbbbb")
HEADER_BG = colors.HexColor("#e8edf2")
ZEBRA = colors.HexColor("#f7f7f7")
CELL_SIZE, CELL_LEADING, MIN_CELL_SIZE = 8.5, 10.5, 6.0
CELL_PAD, ROW_PAD = 3, 2
UNBOUNDED = 1e9
QR_FORM = "hervest-document-qr"


# Called with the page number as each page is finished; what it raises (a user's Cancel)
# stops the report and leaves no file. A context variable, so the report functions need no
# extra parameter and a worker thread's callback stays its own.
_ON_PAGE: ContextVar[Callable[[int], None] | None] = ContextVar("on_page", default=None)


@contextmanager
def on_each_page(callback: Callable[[int], None]) -> Iterator[None]:
    token = _ON_PAGE.set(callback)
    try:
        yield
    finally:
        _ON_PAGE.reset(token)


def qr_code(text: str, size: float) -> QrCode:
    """A vector QR code (error correction M, quiet zone of 4 modules) `size` points
    square: one rectangle per run of dark modules, drawn straight on the canvas."""
    return QrCode(text, width=size, height=size, qrLevel="M")


class NameCell(Flowable):
    """One line of text, never wrapped: shrunk to fit the cell; right-to-left text is
    reordered, shaped and right-aligned."""

    def __init__(self, text: str, size: float = 9, bold: bool = False,
                 min_size: float = 5) -> None:
        super().__init__()
        self.text, self.size, self.min_size = text or "", size, min_size
        self.font = fonts.BOLD if bold else fonts.REGULAR
        self.rtl = is_rtl(self.text)
        self.line = visual_line(self.text)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        natural = stringWidth(self.line, self.font, self.size)
        self.draw_size = max(self.min_size, min(self.size, self.size * avail_width / natural)
                             ) if natural else self.size
        return avail_width, self.size * 1.25

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.font, self.draw_size)
        y = (self.size * 1.25 - self.draw_size) / 2 + self.draw_size * 0.2
        if self.rtl:
            canvas.drawRightString(self.width, y, self.line)
        else:
            canvas.drawString(0, y, self.line)


def fit_size(text: str, width: float, font: str) -> float:
    """The cell type size, shrunk (down to MIN_CELL_SIZE) until the longest word of `text`
    fits `width`: cells wrap at spaces, never inside a word."""
    longest = max((stringWidth(w, font, CELL_SIZE) for w in text.split()), default=0)
    return CELL_SIZE if longest <= width else max(
        MIN_CELL_SIZE, math.floor(CELL_SIZE * width / longest * 10) / 10)


def row_height(row: Sequence[Any], widths: Sequence[float]) -> float:
    """A row of `Report.cells` as tall as `Report.grid` draws it (reportlab's own rule:
    the tallest cell plus padding), measured without building a table."""
    return 2 * ROW_PAD + max(
        cell.wrap(width - 2 * CELL_PAD, UNBOUNDED)[1] if isinstance(cell, Flowable)
        else CELL_LEADING * (cell.count("\n") + 1) for cell, width in zip(row, widths, strict=True))


@dataclass
class Report:
    """One PDF being made: its language, author, identity and styles."""
    store: Store
    kind: str
    subject: str = ""
    lang: str = field(default_factory=current_language)
    doc_id: str = field(default_factory=new_id)
    generated_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(
        timespec="seconds"))
    pages: int = 0

    def __post_init__(self) -> None:
        fonts.register()
        base = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=9, leading=11.5,
                              alignment=TA_LEFT)
        self.styles = {
            "body": base,
            "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9,
                                    textColor=GREY),
            "title": ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=16,
                                    leading=20, spaceAfter=4),
            "h2": ParagraphStyle("h2", parent=base, fontName=fonts.BOLD, fontSize=11.5,
                                 leading=14, spaceBefore=8, spaceAfter=4),
            "cell": ParagraphStyle("cell", parent=base, fontSize=CELL_SIZE,
                                   leading=CELL_LEADING),
            "head": ParagraphStyle("head", parent=base, fontName=fonts.BOLD,
                                   fontSize=CELL_SIZE, leading=CELL_LEADING),
        }

    @property
    def user_name(self) -> str:
        user = self.store.user
        return user.display_name if user else "-"

    def t(self, key: str, **params: Any) -> str:
        return tr(f"pdf.{key}", self.lang, **params)

    def enum(self, value: object) -> str:
        """A stored code as printed: its label if the catalogue has one, else the code."""
        text = str(getattr(value, "value", value) or "")
        label = tr(f"pdf.enum.{text}", self.lang)
        return text.replace("_", " ") if label == f"pdf.enum.{text}" else label

    # -- building blocks -----------------------------------------------------------------
    def para(self, text: str, style: str = "body") -> Paragraph:
        from xml.sax.saxutils import escape

        return Paragraph(escape(text).replace("\n", "<br/>"), self.styles[style])

    def title(self, text: str, subtitle: str = "") -> list[Flowable]:
        out: list[Flowable] = [self.para(text, "title")]
        if subtitle:
            out.append(self.para(subtitle, "small"))
        out.append(Spacer(0, 4 * mm))
        return out

    def heading(self, text: str) -> Paragraph:
        return self.para(text, "h2")

    def table(self, header: Sequence[str] | None, rows: Sequence[Sequence[Any]],
              widths: Sequence[float], repeat: bool = True, zebra: bool = True,
              bold_columns: Sequence[int] = (), numeric: Sequence[int] = ()) -> Table:
        """Rows of strings, NameCells or other flowables. A string that fits its cell on
        one line is drawn by the table itself (no Paragraph to lay out: the fast path for
        long lists); longer text wraps at spaces, never inside a word."""
        data = self.cells(header, rows, widths, bold_columns, numeric)
        return self.grid(data, widths, header=bool(header), zebra=zebra, repeat=repeat,
                         bold_columns=bold_columns, numeric=numeric)

    def cells(self, header: Sequence[str] | None, rows: Sequence[Sequence[Any]],
              widths: Sequence[float], bold_columns: Sequence[int] = (),
              numeric: Sequence[int] = ()) -> list[list[Any]]:
        """The header (if any) and rows as table cells, each string fitted to its column."""
        inner = [w - 2 * CELL_PAD for w in widths]
        data = []
        if header:  # one type size for the whole header row: the one every label fits
            size = min(fit_size(h, w, fonts.BOLD) for h, w in zip(header, inner, strict=True))
            data.append([self.fitted(h, w, bold=True, right=col in numeric, size=size)
                         for col, (h, w) in enumerate(zip(header, inner, strict=True))])
        data += [[value if isinstance(value, Flowable) else
                  self.fitted(str(value), w, bold=col in bold_columns, right=col in numeric)
                  for col, (value, w) in enumerate(zip(row, inner, strict=True))]
                 for row in rows]
        return data

    @staticmethod
    def grid(data: list[list[Any]], widths: Sequence[float], header: bool = True,
             zebra: bool = True, repeat: bool = True, bold_columns: Sequence[int] = (),
             numeric: Sequence[int] = (), heights: Sequence[float] | None = None,
             first_row: int = 0) -> Table:
        """Cells from `cells` as a styled table. `numeric` columns (counts) are aligned
        right, which also keeps a count from touching a right-aligned Arabic name beside
        it. `first_row`: the index of the first body row in the whole list (a page of a
        PagedTable), so the stripes run on across pages; `heights`, when known, spare
        reportlab measuring the rows again."""
        table = Table(data, colWidths=list(widths), rowHeights=heights,
                      repeatRows=1 if header and repeat else 0)
        style = [("FONT", (0, 0), (-1, -1), fonts.REGULAR, CELL_SIZE, CELL_LEADING),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                 ("TOPPADDING", (0, 0), (-1, -1), ROW_PAD),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_PAD),
                 ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                 ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD)]
        style += [("FONT", (col, 0), (col, -1), fonts.BOLD, CELL_SIZE, CELL_LEADING)
                  for col in bold_columns]
        style += [("ALIGN", (col, 0), (col, -1), "RIGHT") for col in numeric]
        if header:
            style += [("FONT", (0, 0), (-1, 0), fonts.BOLD, CELL_SIZE, CELL_LEADING),
                      ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]
        if zebra:
            first = 1 if header else 0
            style += [("BACKGROUND", (0, r), (-1, r), ZEBRA)
                      for r in range(first, len(data)) if (r - first + first_row) % 2]
        table.setStyle(TableStyle(style))
        return table

    def fitted(self, text: str, width: float, bold: bool = False, right: bool = False,
               size: float | None = None) -> str | Paragraph:
        """`text` for a table cell `width` points wide: the plain string when it fits on
        one line, else a paragraph wrapped only at spaces, in `size` or the size at which
        its longest word fits."""
        font = fonts.BOLD if bold else fonts.REGULAR
        size = size or fit_size(text, width, font)
        if size == CELL_SIZE and "\n" not in text and stringWidth(text, font, size) <= width:
            return text
        return self.para(text, self._cell_style(size, bold, right))

    def _cell_style(self, size: float, bold: bool, right: bool) -> str:
        name = f"{'head' if bold else 'cell'}-{size:g}{'-right' if right else ''}"
        if name not in self.styles:
            self.styles[name] = ParagraphStyle(
                name, parent=self.styles["head" if bold else "cell"], fontSize=size,
                leading=size * CELL_LEADING / CELL_SIZE, alignment=TA_RIGHT if right else TA_LEFT,
                splitLongWords=size <= MIN_CELL_SIZE)  # last resort: a word wider still
        return name

    def long_table(self, header: Sequence[str], rows: Sequence[Sequence[Any]],
                   widths: Sequence[float], numeric: Sequence[int] = ()) -> PagedTable:
        """A table of any length, the header on top of every page, laid out in time
        linear in its rows (see PagedTable)."""
        data = self.cells(header, rows, widths, numeric=numeric)
        return PagedTable(data[0], data[1:], widths, partial(self.grid, numeric=numeric),
                          [row_height(row, widths) for row in data])

    def pairs(self, items: Sequence[tuple[str, Any]], widths: Sequence[float] = (
            55 * mm, 119 * mm)) -> Table:
        """A two-column label/value block."""
        return self.table(None, items, widths, zebra=False, bold_columns=(0,))

    @staticmethod
    def keep(*flowables: Flowable) -> KeepTogether:
        return KeepTogether(list(flowables))

    # -- output ----------------------------------------------------------------------------
    @property
    def qr_text(self) -> str:
        return "|".join(("HERVEST-DOC", self.doc_id, self.kind, self.subject,
                         self.generated_at))

    def _footer(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        width, _ = PAGE
        size = 20 * mm
        if not canvas.hasForm(QR_FORM):  # encoded and drawn once, placed on every page
            canvas.beginForm(QR_FORM, 0, 0, size, size)
            qr_code(self.qr_text, size).drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(width - MARGIN - size, 4 * mm)
        canvas.doForm(QR_FORM)
        canvas.restoreState()
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, FOOTER - 2 * mm, width - MARGIN, FOOTER - 2 * mm)
        canvas.setFont(fonts.REGULAR, 7)
        canvas.setFillColor(GREY)
        lines = [self.t("generated", at=self.generated_at.replace("T", " "),
                        user=self.user_name),
                 self.t("document", id=self.doc_id) + "  ·  " + self.t("page", n=doc.page),
                 self.t("personal_data")]
        for i, line in enumerate(lines):
            canvas.drawString(MARGIN, FOOTER - 7 * mm - i * 3.6 * mm, line)
        canvas.restoreState()
        self.pages = doc.page
        if (callback := _ON_PAGE.get()) is not None:
            callback(doc.page)

    def build(self, path: Path, story: list[Flowable]) -> Report:
        path = Path(path)
        with atomic_writer(path) as fh:
            doc = SimpleDocTemplate(fh, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                                    topMargin=MARGIN, bottomMargin=FOOTER + 2 * mm,
                                    title=f"Hervest {self.kind}", author=self.user_name,
                                    creator="Hervest", subject=self.doc_id)
            doc.build(story, onFirstPage=self._footer, onLaterPages=self._footer)
        with self.store.write() as uow:
            uow.audit("report", {"doc_id": self.doc_id, "kind": self.kind,
                                 "subject": self.subject, "pages": self.pages})
        return self
