"""Bar charts for the summary and the report, drawn with reportlab.graphics.

Charts must read in black and white: bars are dark grey with a black outline (a
second series light grey, a third white), every bar carries its number, and a legend
names the series. Labels are cut to fit with '…'; the full text is in a table beside the chart
whenever a label had to be cut.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.colors import Color, black, white

from .fonts import FAMILY, fonts

DARK = Color(0.32, 0.38, 0.48)
"""The first series: dark enough to stand out on any printer, light enough to see edges."""
LIGHT = Color(0.82, 0.84, 0.88)
"""The second series."""
FILLS = (DARK, LIGHT, white)
"""Series fills in order: dark, light, white (outlined in black, so white reads too)."""
AXIS = Color(0.45, 0.45, 0.45)
LABEL_SIZE = 8.5
BAR_HEIGHT = 15.0
"""Points per category (a bar and its gap; two bars per category for two series)."""


def fit_label(text: str, width: float, size: float = LABEL_SIZE) -> str:
    """`text` on one line within `width` points, cut with '…' if it is longer."""
    face = fonts().regular
    text = " ".join(text.split())
    if face.width(text, size) <= width:
        return text
    while text and face.width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def label_fits(text: str, width: float, size: float = LABEL_SIZE) -> bool:
    """Whether `text` shows whole as a chart label `width` points wide."""
    return fit_label(text, width, size) == " ".join(text.split())


def bar_chart(labels: list[str], series: list[list[int]], width: float,
              label_width: float, names: list[str] | None = None,
              description: str = "") -> Drawing:
    """A horizontal bar chart: one row per label (the first label on top), one bar per series.

    `series` holds one list of whole numbers per series, as long as `labels`; `names`
    gives each series a legend entry (no legend for a single unnamed series).
    """
    rows = len(labels)
    per_row = BAR_HEIGHT * (1 if len(series) == 1 else 0.75 * len(series) + 0.25)
    legend = 16.0 if names else 0.0
    plot_height = max(per_row * rows, per_row)
    height = plot_height + 22 + legend
    drawing = Drawing(width, height)
    # Without this the renderer sets Helvetica first, which puts an unused, unembedded
    # font into the PDF.
    drawing.initialFontName = FAMILY
    if description:
        drawing.setProperties({"desc": description})
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 16
    chart.width = width - label_width - 30
    chart.height = plot_height
    # The chart draws its first category at the bottom, and in each category its first
    # series at the bottom: reverse both, so the list and each group read downwards.
    chart.data = [list(reversed(values)) for values in reversed(series)]
    chart.categoryAxis.categoryNames = [fit_label(label, label_width - 8)
                                        for label in reversed(labels)]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = AXIS
    chart.categoryAxis.tickLeft = 0
    chart.categoryAxis.tickRight = 0
    top = max((max(values, default=0) for values in series), default=0)
    step = _step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-top // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = AXIS
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barWidth = 10
    chart.groupSpacing = 4
    chart.barSpacing = 1
    chart.bars.strokeColor = black
    chart.bars.strokeWidth = 0.5
    for index in range(len(series)):
        chart.bars[len(series) - 1 - index].fillColor = FILLS[index % len(FILLS)]
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FAMILY
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    if names:
        x = label_width
        for index, name in enumerate(names):
            y = height - legend + 2
            drawing.add(Rect(x, y, 9, 9, fillColor=FILLS[index % len(FILLS)],
                             strokeColor=black, strokeWidth=0.5))
            drawing.add(String(x + 13, y + 1, name, fontName=FAMILY, fontSize=LABEL_SIZE))
            x += 13 + fonts().regular.width(name, LABEL_SIZE) + 18
    return drawing


def _step(top: int) -> int:
    """A gridline step that gives at most about eight whole-number lines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 8:
            return step
    return 10 ** len(str(top))
