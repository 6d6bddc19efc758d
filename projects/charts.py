"""Funding charts of a set of projects: the figures, read in a fixed number of queries, and their
drawing as server-side SVG (no JavaScript).

The money in these charts is the donor contributions the press releases state
(FundingLine.kind == donor_contribution): stated totals and other lines are left out, so that the
donor, year and region charts split the same money three ways. Amounts in different currencies are
never added up: every funding chart is for one currency. A sum keeps apart the figures its
sources qualify differently: 750,000 and "up to 800,000" read "750,000 + up to 800,000", never
"up to 1,550,000" (the bar is as long as their sum).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from .aggregates import Money, SearchFigures, ordered_parts
from .formatting import money, number, qualified_sums
from .models import AmountQualifier, Organization, ProjectStatus
from .places import PlaceTree

# --- Figures --------------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    value: Decimal | int
    projects: int
    currency: str = ""
    parts: tuple = ()  # a money bar's sums per qualifier (aggregates.Money.parts)
    short_label: str = ""
    figure: Money | None = None  # the money behind a money bar
    _texts: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def value_text(self) -> str:
        """The figure as the bar and the table show it, in the active language (each bar's
        text is read three times per page: kept per language)."""
        language = translation.get_language()
        if language not in self._texts:
            if self.currency:
                parts = self.parts or ((AmountQualifier.EXACT, self.value),)
                text = qualified_sums(parts, self.currency)
            else:
                text = money(self.value)
            self._texts[language] = text
        return self._texts[language]

    @property
    def svg_label(self) -> str:
        label = self.short_label or self.label
        return label if len(label) <= SVG_LABEL_MAX else label[: SVG_LABEL_MAX - 1] + "…"


@dataclass
class Chart:
    key: str
    title: str
    caption: str
    label_heading: str
    value_heading: str
    bars: list[Bar] = field(default_factory=list)
    currency: str = ""
    notes: list[str] = field(default_factory=list)
    counts_projects: bool = True  # whether the table has a column of project numbers

    @property
    def dom_id(self) -> str:
        return f"chart-{self.key}".lower()

    def svg(self) -> SafeString:
        return render_bar_chart(self)

    @property
    def summary(self) -> str:
        """The chart as a sentence when bars would say little: one bar, or bars all alike
        ("Almaty, Astana: the same for each, 1,000 EUR, 1 project."). Empty otherwise."""
        if not self.bars or len({_bar_figures(bar) for bar in self.bars}) > 1:
            return ""
        figure = self._figure_of(self.bars[0])
        if len(self.bars) == 1:
            return gettext("%(label)s: %(figure)s.") % {
                "label": self.bars[0].label,
                "figure": figure,
            }
        labels = ", ".join(bar.label for bar in self.bars)
        return gettext("%(labels)s: the same for each, %(figure)s.") % {
            "labels": labels,
            "figure": figure,
        }

    def _figure_of(self, bar: Bar) -> str:
        count = ngettext("%(count)s project", "%(count)s projects", bar.projects) % {
            "count": number(bar.projects)
        }
        return f"{bar.value_text}, {count}" if self.currency else count


@dataclass
class ProjectCharts:
    project_count: int
    by_donor: list[Chart]
    by_year: list[Chart]
    by_region: list[Chart]
    by_status: Chart
    # Projects with no stated donor contribution in any currency, and their start years.
    without_contribution: int = 0
    without_contribution_by_year: list[tuple[str, int]] = field(default_factory=list)

    @property
    def has_funding(self) -> bool:
        return bool(self.by_donor)


def project_charts(
    figures: SearchFigures, *, tree: PlaceTree, organizations: dict[int, Organization]
) -> ProjectCharts:
    """The charts of a search from its figures (aggregates.py); `organizations` names the
    donors (ids of figures.donations). No query."""
    # Each project has one start year, so these add up to the projects funded per currency.
    funded: dict[str, int] = defaultdict(int)
    for currency, _year, figure in figures.by_start_year:
        funded[currency] += figure.projects
    unfunded = figures.unfunded_by_start_year
    return ProjectCharts(
        project_count=figures.count,
        by_donor=_donor_charts(figures.donations, organizations, funded),
        by_year=_year_charts(figures.by_start_year),
        by_region=(
            _region_charts(figures.by_region, figures.several_regions, tree)
            if figures.donations
            else []
        ),
        by_status=_status_chart(figures.status),
        without_contribution=sum(unfunded.values()),
        without_contribution_by_year=[
            (str(year) if year else gettext("year not stated"), count)
            for year, count in sorted(unfunded.items(), key=lambda item: item[0] or 10_000)
        ],
    )


def _by_currency(rows) -> dict[str, list[tuple]]:
    grouped: dict[str, list[tuple]] = defaultdict(list)
    for currency, key, figure in rows:
        grouped[currency].append((key, figure))
    return grouped


def _donor_charts(
    donations, organizations: dict[int, Organization], funded: dict[str, int]
) -> list[Chart]:
    charts = []
    for currency, rows in sorted(_by_currency(donations).items()):
        largest, rest = _largest_rows(rows)
        bars = []
        for donor_id, figure in largest:
            donor = organizations.get(donor_id) if donor_id is not None else None
            label = str(donor) if donor else gettext("Donor not named")
            short = donor.short_name if donor and len(label) > SVG_LABEL_MAX else ""
            bars.append(_money_bar(label, figure, currency, short_label=short))
        projects = funded[currency]
        bars = _largest_first(bars)
        notes = []
        if rest:
            others = _sum_of([figure for _donor, figure in rest])
            notes.append(
                ngettext(
                    "%(count)s other donor with a smaller sum: %(amount)s, not in the bars.",
                    "%(count)s other donors with smaller sums: %(amount)s in all, not in the bars.",
                    len(rest),
                )
                % {"count": number(len(rest)), "amount": _figure_text(others, currency)}
            )
        charts.append(
            Chart(
                key=f"donor-{currency}",
                title=gettext("Funding by donor, %(currency)s") % {"currency": currency},
                caption=ngettext(
                    "Donor contributions in %(currency)s to %(count)s project, summed per donor.",
                    "Donor contributions in %(currency)s to %(count)s projects, summed per donor.",
                    projects,
                )
                % {"currency": currency, "count": number(projects)},
                label_heading=gettext("Donor"),
                value_heading=gettext("Contributions, %(currency)s") % {"currency": currency},
                bars=bars,
                currency=currency,
                notes=notes,
            )
        )
    return charts


def _year_charts(by_start_year) -> list[Chart]:
    charts = []
    for currency, rows in sorted(_by_currency(by_start_year).items()):
        years = dict(rows)
        notes = []
        if None in years:
            undated = years.pop(None)
            notes.append(
                ngettext(
                    "Start year not stated: %(amount)s (%(count)s project), not in the bars.",
                    "Start year not stated: %(amount)s (%(count)s projects), not in the bars.",
                    undated.projects,
                )
                % {"amount": _figure_text(undated, currency), "count": number(undated.projects)}
            )
        shown = sorted(years)[-CHART_BARS:]
        earlier = [years[year] for year in sorted(years)[:-CHART_BARS]]
        if earlier:
            others = _sum_of(earlier)
            notes.append(
                ngettext(
                    "Start years before %(year)s: %(amount)s (%(count)s project), not in the bars.",
                    "Start years before %(year)s: %(amount)s (%(count)s projects), "
                    "not in the bars.",
                    others.projects,
                )
                % {
                    "year": shown[0],
                    "amount": _figure_text(others, currency),
                    "count": number(others.projects),
                }
            )
        charts.append(
            Chart(
                key=f"year-{currency}",
                title=gettext("Funding by start year, %(currency)s") % {"currency": currency},
                caption=gettext(
                    "Donor contributions in %(currency)s, counted in the year the project starts."
                )
                % {"currency": currency},
                label_heading=gettext("Start year"),
                value_heading=gettext("Contributions, %(currency)s") % {"currency": currency},
                bars=[_money_bar(str(year), years[year], currency) for year in shown],
                currency=currency,
                notes=notes,
            )
        )
    return charts


def _region_charts(by_region, several_regions, tree: PlaceTree) -> list[Chart]:
    """Money per region, of the projects working in one region only. A project working in
    several regions is in no bar but in a note: the sources do not say how its money splits
    between them, so counting its whole budget in each region would show money that was never
    there (one EU project in 13 regions drew 13 bars of its whole budget), and an even split
    would print figures no one stated."""
    charts = []
    spread = {currency: figure for currency, _none, figure in several_regions}
    grouped = _by_currency(by_region)
    for currency in sorted(set(grouped) | set(spread)):
        regions = dict(grouped.get(currency, []))
        notes = []
        if currency in spread:
            notes.append(
                ngettext(
                    "%(count)s project working in several regions (%(amount)s) is not split "
                    "by region and is not in the bars.",
                    "%(count)s projects working in several regions (%(amount)s in all) are not "
                    "split by region and are not in the bars.",
                    spread[currency].projects,
                )
                % {
                    "count": number(spread[currency].projects),
                    "amount": _figure_text(spread[currency], currency),
                }
            )
        if None in regions:
            elsewhere = regions.pop(None)
            notes.append(
                ngettext(
                    "Country-wide or region not stated: %(amount)s (%(count)s project), "
                    "not in the bars.",
                    "Country-wide or region not stated: %(amount)s (%(count)s projects), "
                    "not in the bars.",
                    elsewhere.projects,
                )
                % {"amount": _figure_text(elsewhere, currency), "count": number(elsewhere.projects)}
            )
        largest, rest = _largest_rows(list(regions.items()))
        bars = _largest_first(
            [_money_bar(tree.name(pk), figure, currency) for pk, figure in largest]
        )
        if rest:
            notes.append(
                ngettext(
                    "%(count)s other region, with less, is not in the bars.",
                    "%(count)s other regions, each with less, are not in the bars.",
                    len(rest),
                )
                % {"count": number(len(rest))}
            )
        charts.append(
            Chart(
                key=f"region-{currency}",
                title=gettext("Funding by region, %(currency)s") % {"currency": currency},
                caption=gettext(
                    "Donor contributions in %(currency)s of the projects working in one region "
                    "only, summed per region."
                )
                % {"currency": currency},
                label_heading=gettext("Region"),
                value_heading=gettext("Contributions, %(currency)s") % {"currency": currency},
                bars=bars,
                currency=currency,
                notes=notes,
            )
        )
    return charts


def _largest_rows(rows: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The CHART_BARS (key, Money) rows with most money, and the rest (told in a note, so that
    pages stay small); only the drawn ones are labelled."""
    ranked = sorted(rows, key=lambda row: (-row[1].amount, str(row[0])))
    return ranked[:CHART_BARS], ranked[CHART_BARS:]


def _sum_of(figures) -> Money:
    """Money of several donors or years in one currency. Their projects add up only where each
    project is in one of them (a start year), which is where the count is printed."""
    by_qualifier: dict[str, Decimal] = defaultdict(Decimal)
    for figure in figures:
        for qualifier, amount in figure.parts:
            by_qualifier[qualifier] += amount
    return Money(
        projects=sum(figure.projects for figure in figures),
        amount=sum((figure.amount for figure in figures), Decimal(0)),
        parts=ordered_parts(by_qualifier),
    )


def _figure_text(figure: Money, currency: str) -> str:
    return qualified_sums(figure.parts, currency)


def _status_chart(counts: dict[str, int]) -> Chart:
    total = sum(counts.values())
    return Chart(
        key="status",
        title=gettext("Projects by status"),
        caption=ngettext(
            "Number of projects in each status, %(count)s project in all; the status follows "
            "from the stated dates.",
            "Number of projects in each status, %(count)s projects in all; the status follows "
            "from the stated dates.",
            total,
        )
        % {"count": number(total)},
        label_heading=gettext("Status"),
        value_heading=gettext("Projects"),
        # A project whose dates are not stated has no status: a note, not a bar that would
        # outgrow the statuses the chart is about.
        bars=[
            Bar(label=str(capfirst(label)), value=counts[value], projects=counts[value])
            for value, label in ProjectStatus.choices
            if counts.get(value) and value != ProjectStatus.UNKNOWN
        ],
        notes=_undated_note(counts.get(ProjectStatus.UNKNOWN, 0)),
        counts_projects=False,
    )


def _undated_note(count: int) -> list[str]:
    if not count:
        return []
    return [
        ngettext(
            "Status unknown (no dates stated): %(count)s project, not in the bars.",
            "Status unknown (no dates stated): %(count)s projects, not in the bars.",
            count,
        )
        % {"count": number(count)}
    ]


def _bar_figures(bar: Bar) -> tuple:
    return (bar.value, bar.parts, bar.projects)


def _money_bar(label: str, figure: Money, currency: str, short_label: str = "") -> Bar:
    return Bar(
        label=label,
        value=figure.amount,
        projects=figure.projects,
        currency=currency,
        parts=figure.parts,
        short_label=short_label,
        figure=figure,
    )


def _largest_first(bars: list[Bar]) -> list[Bar]:
    return sorted(bars, key=lambda bar: (-bar.value, bar.label))


# --- Drawing --------------------------------------------------------------------------------
# One row per bar: the label on a line of its own, the bar under it. Bar lengths are percentages
# of the width and the text is in pixels, so the chart fills any width and its text stays
# readable on a phone (a viewBox would shrink the text with the width). The value goes inside
# the bar (white on it) if it fits there on the narrowest screen, else after the bar if it fits
# there, else on a line of its own under the bar: it is never cut off at the edge.

CHART_BARS = 8  # bars per chart; the rest are summed up or counted in a note
SVG_LABEL_MAX = 36  # characters; a longer label is shortened in the drawing, whole in the table
NARROWEST_WIDTH = 280  # px: a 320 px phone less the page margins
VALUE_CHAR_WIDTH = 8  # px per character at the 13 px of the values, wide Cyrillic included
LINE = 18  # px: one line of text
BAR_HEIGHT = 22
ROW_GAP = 8
BAR_COLOUR = "#0b3d91"  # the site's brand blue: 10.6:1 on white, and white on it 10.6:1
TEXT_COLOUR = "#1b1f24"


def render_bar_chart(chart: Chart) -> SafeString:
    """A horizontal bar chart as an accessible SVG image (role="img", <title>, <desc>)."""
    largest = max((bar.value for bar in chart.bars), default=0)
    rows, top = [], 0
    for bar in chart.bars:
        row, height = _svg_row(bar, top, largest)
        rows.append((row,))
        top += height
    # The table below the chart holds every figure; the description names the largest, so
    # the page does not carry each figure three times (a list of 100,000 has 13 charts).
    biggest = max(chart.bars, key=lambda bar: bar.value)
    description = gettext("Largest: %(label)s, %(value)s. Every figure is in the table.") % {
        "label": biggest.label,
        "value": biggest.value_text,
    }
    return format_html(
        '<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
        'height="{height}" aria-labelledby="{id}-title" aria-describedby="{id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{rows}</svg>',
        id=chart.dom_id,
        height=top,
        title=chart.title,
        desc=description,
        rows=format_html_join("", "{}", rows),
    )


def value_placement(share: float, value_text: str) -> str:
    """Where the value of a bar `share` percent long fits on the narrowest screen: "inside" the
    bar, "after" it, or "below" it."""
    needed = len(value_text) * VALUE_CHAR_WIDTH + 12
    if share / 100 * NARROWEST_WIDTH >= needed:
        return "inside"
    if (100 - share) / 100 * NARROWEST_WIDTH >= needed:
        return "after"
    return "below"


def _svg_row(bar: Bar, top: int, largest) -> tuple[SafeString, int]:
    """The row's markup and its height in pixels."""
    share = float(bar.value) / float(largest) * 100 if largest else 0.0
    width = max(share, 0.5) if bar.value else 0.0
    value_text = bar.value_text
    placement = value_placement(width, value_text)
    bar_top = top + LINE + 4
    value_position = {
        "inside": (f"{width:.2f}%", -6, bar_top + 16, "end", "#ffffff"),
        "after": (f"{width:.2f}%", 6, bar_top + 16, "start", TEXT_COLOUR),
        "below": ("0", 0, bar_top + BAR_HEIGHT + LINE, "start", TEXT_COLOUR),
    }
    x, dx, value_y, anchor, value_colour = value_position[placement]
    height = LINE + 4 + BAR_HEIGHT + (LINE + 2 if placement == "below" else 0) + ROW_GAP
    row = format_html(
        '<g class="chart-row">'
        '<text class="chart-label" x="0" y="{label_y}" fill="{ink}">{label}</text>'
        '<rect class="chart-bar" x="0" y="{bar_y}" width="{width}%" height="{bar_height}" '
        'fill="{bar_colour}"></rect>'
        '<text class="chart-value chart-value-{placement}" x="{x}" dx="{dx}" y="{value_y}" '
        'text-anchor="{anchor}" fill="{value_colour}">{value}</text>'
        "</g>",
        label_y=top + LINE - 3,
        ink=TEXT_COLOUR,
        label=bar.svg_label,
        bar_y=bar_top,
        width=f"{width:.2f}",
        bar_height=BAR_HEIGHT,
        bar_colour=BAR_COLOUR,
        placement=placement,
        x=x,
        dx=dx,
        value_y=value_y,
        anchor=anchor,
        value_colour=value_colour,
        value=value_text,
    )
    return row, height
