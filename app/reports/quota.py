"""The quota report per policy framework as a PDF: target after deductions, carry-over,
the pipeline per year against its target, a bar chart of arrivals against the target,
and the split by channel (figures from `app.services.quota`)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm

from app.domain import Framework
from app.reports import fonts
from app.reports.document import Report
from app.services import quota
from app.store.database import Store

STAGES = ("referred", "interviewed", "accepted", "departed", "arrived", "nareis")
BAR_COLOURS = (colors.HexColor("#2f6690"), colors.HexColor("#c9d6df"))


def render_quota(store: Store, framework_ref: str, out: Path, lang: str | None = None
                 ) -> Report:
    framework = store.find(Framework, framework_ref) or quota.find_framework(
        store, framework_ref)
    figures = quota.report(store, framework.id)
    report = Report(store, "quota-report", framework.id, **({"lang": lang} if lang else {}))
    t = report.t
    stage_labels = [t(f"quota.{s}") for s in STAGES]
    story = [*report.title(f"{t('quota.title')}: {framework.name}",
                           f"{framework.start_date} – {framework.end_date}"),
             report.pairs([(t("quota.target"), str(figures.target)),
                           (t("quota.counted"), str(figures.counted)),
                           (t("quota.carried"), f"+{figures.carried_in} / "
                                                f"-{figures.carried_out}"),
                           (t("quota.gap"), str(figures.gap))]),
             report.heading(t("quota.per_year")),
             report.table([t("quota.year"), t("quota.target"), *stage_labels, t("quota.gap")],
                          [(str(y.year), _num(y.target),
                            *(str(y.figures.total.to_dict()[s]) for s in STAGES), _num(y.gap))
                           for y in figures.years],
                          [12 * mm, 14 * mm, *([22 * mm] * 6), 16 * mm],
                          numeric=range(1, 9)),
             report.heading(t("quota.chart")), _chart(report, figures),
             report.heading(t("channel")),
             report.table([t("channel"), *stage_labels],
                          [(report.enum(channel), *(str(c.to_dict()[s]) for s in STAGES))
                           for channel, c in sorted(figures.totals.by_channel.items())],
                          [42 * mm, *([22 * mm] * 6)], numeric=range(1, 7))]
    return report.build(out, story)


def _num(value: int | None) -> str:
    return "-" if value is None else str(value)


def _chart(report: Report, figures: quota.FrameworkReport) -> Drawing:
    drawing = Drawing(174 * mm, 70 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 14 * mm, 10 * mm, 120 * mm, 55 * mm
    chart.data = [[y.figures.total.arrived for y in figures.years],
                  [y.target or 0 for y in figures.years]]
    chart.categoryAxis.categoryNames = [str(y.year) for y in figures.years]
    chart.valueAxis.valueMin = 0
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = fonts.REGULAR, 8
    for i, colour in enumerate(BAR_COLOURS):
        chart.bars[i].fillColor = colour
    legend = Legend()
    legend.x, legend.y, legend.fontName, legend.fontSize = 140 * mm, 50 * mm, fonts.REGULAR, 8
    legend.colorNamePairs = list(zip(BAR_COLOURS, (report.t("quota.arrived"),
                                                   report.t("quota.target")), strict=True))
    drawing.add(chart)
    drawing.add(legend)
    return drawing
