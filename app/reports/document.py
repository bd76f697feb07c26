"""What every report shares: page, fonts, styles, single-line name cells, tables and the
footer (generation time, user, document id and a QR code identifying the document).

Each report is written atomically (temp file, rename) and leaves an audit entry with its
document id, so a printed page can be traced to who made it and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
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
from app.store.database import Store

PAGE = A4
MARGIN = 18 * mm
FOOTER = 26 * mm
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#bbbbbb")
HEADER_BG = colors.HexColor("#e8edf2")
LONG_TABLE_BLOCK = 40


def qr_drawing(text: str, size: float) -> Drawing:
    """A vector QR code (error correction M) of `size` points square."""
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


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
            "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
            "head": ParagraphStyle("head", parent=base, fontName=fonts.BOLD, fontSize=8.5,
                                   leading=10.5),
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
              widths: Sequence[float], repeat: bool = True,
              zebra: bool = True) -> Table:
        """Rows of strings (wrapped paragraphs), NameCells or other flowables."""
        def cell(value: Any) -> Any:
            return value if isinstance(value, Flowable) else self.para(str(value), "cell")

        data = [[self.para(h, "head") for h in header]] if header else []
        data += [[cell(v) for v in row] for row in rows]
        table = Table(data, colWidths=list(widths), repeatRows=1 if header and repeat else 0)
        style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                 ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                 ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_BG))
        if zebra:
            first = 1 if header else 0
            style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f7f7f7"))
                      for r in range(first + 1, len(data), 2)]
        table.setStyle(TableStyle(style))
        return table

    def long_table(self, header: Sequence[str], rows: Sequence[Sequence[Any]],
                   widths: Sequence[float]) -> list[Flowable]:
        """A table of any length as blocks of rows, each with the header: reportlab
        re-measures the remainder of a table at every page split (quadratic in rows),
        blocks keep layout time linear."""
        return [self.table(header, rows[i:i + LONG_TABLE_BLOCK], widths)
                for i in range(0, max(len(rows), 1), LONG_TABLE_BLOCK)]

    def pairs(self, items: Sequence[tuple[str, Any]], widths: Sequence[float] = (
            55 * mm, 119 * mm)) -> Table:
        """A two-column label/value block."""
        table = self.table(None, [(label, value) for label, value in items], widths,
                           zebra=False)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (0, -1), fonts.BOLD)]))
        return table

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
        renderPDF.draw(qr_drawing(self.qr_text, size), canvas, width - MARGIN - size, 4 * mm)
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
