"""Funding charts of a set of projects: the figures, read in a fixed number of queries, and their
drawing as server-side SVG (no JavaScript).

The money in these charts is the donor contributions the press releases state
(FundingLine.kind == donor_contribution): stated totals and other lines are left out, so that the
donor, year and region charts split the same money three ways. Amounts in different currencies are
never added up: every funding chart is for one currency. A sum keeps the qualifiers of the figures
in it (750,000 plus "up to 800,000" is "up to 1,550,000").
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext

from .models import (
    AmountQualifier,
    FundingKind,
    FundingLine,
    Organization,
    Place,
    PlaceKind,
    Project,
    ProjectStatus,
)
from .templatetags.registry_tags import money

# --- Figures --------------------------------------------------------------------------------


def combined_qualifier(qualifiers: set[str]) -> str:
    """The qualifier of a sum: exact figures keep the one inexact kind among them ("up to" plus
    exact is "up to"); "up to" mixed with "more than" bounds nothing, so it is "about"."""
    inexact = set(qualifiers) - {AmountQualifier.EXACT}
    if not inexact:
        return AmountQualifier.EXACT
    if len(inexact) == 1:
        return inexact.pop()
    return AmountQualifier.ABOUT


def qualified_amount(amount, qualifier: str, currency: str = "") -> str:
    """An amount with its qualifier in the page language: "up to 800,000 USD", "до 800 000 USD".

    The same messages as the `funding_amount` tag, so that one translation serves both."""
    text = money(amount, currency)
    if qualifier == AmountQualifier.MORE_THAN:
        return pgettext("amount", "more than %(amount)s") % {"amount": text}
    if qualifier == AmountQualifier.UP_TO:
        return pgettext("amount", "up to %(amount)s") % {"amount": text}
    if qualifier == AmountQualifier.ABOUT:
        return pgettext("amount", "about %(amount)s") % {"amount": text}
    return text


@dataclass
class Tally:
    """Money in one currency and the projects it comes from."""

    amount: Decimal = Decimal(0)
    qualifiers: set[str] = field(default_factory=set)
    project_ids: set[int] = field(default_factory=set)

    def add(self, project_id: int, amount: Decimal, qualifier: str) -> None:
        self.amount += amount
        self.qualifiers.add(qualifier)
        self.project_ids.add(project_id)

    def merge(self, other: "Tally") -> None:
        self.amount += other.amount
        self.qualifiers |= other.qualifiers
        self.project_ids |= other.project_ids

    @property
    def qualifier(self) -> str:
        return combined_qualifier(self.qualifiers)


@dataclass
class Bar:
    label: str
    value: Decimal | int
    projects: int
    currency: str = ""
    qualifier: str = AmountQualifier.EXACT
    short_label: str = ""

    @property
    def value_text(self) -> str:
        """The figure as the bar and the table show it, in the active language."""
        if self.currency:
            return qualified_amount(self.value, self.qualifier, self.currency)
        return money(self.value)

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


def project_charts(projects) -> ProjectCharts:
    """The charts of a queryset of projects, in at most four queries whatever its size."""
    base = Project.objects.filter(pk__in=projects.values("pk"))
    rows = list(base.order_by().with_status().values_list("pk", "start_date", "current_status"))
    start_year = {pk: (start.year if start else None) for pk, start, _status in rows}
    contributions = (
        FundingLine.objects.filter(
            project__in=base.values("pk"), kind=FundingKind.DONOR_CONTRIBUTION
        )
        .select_related("donor")
        .order_by()
    )
    lines = [(c.project_id, c.donor, c.currency, c.qualifier, c.amount) for c in contributions]
    # One tally per project and currency: what the year and region charts add up.
    of_project: dict[tuple[int, str], Tally] = defaultdict(Tally)
    for project_id, _donor, currency, qualifier, amount in lines:
        of_project[project_id, currency].add(project_id, amount, qualifier)
    funded = {project_id for project_id, _currency in of_project}
    unfunded_years = Counter(year for pk, year in start_year.items() if pk not in funded)
    return ProjectCharts(
        project_count=len(rows),
        by_donor=_donor_charts(lines),
        by_year=_year_charts(of_project, start_year),
        by_region=_region_charts(of_project, base) if lines else [],
        by_status=_status_chart(Counter(status for _pk, _start, status in rows)),
        without_contribution=len(rows) - len(funded),
        without_contribution_by_year=[
            (str(year) if year else gettext("year not stated"), count)
            for year, count in sorted(unfunded_years.items(), key=lambda item: item[0] or 10_000)
        ],
    )


def _donor_charts(lines) -> list[Chart]:
    by_donor: dict[str, dict[int | None, Tally]] = defaultdict(lambda: defaultdict(Tally))
    donors: dict[int | None, Organization | None] = {}
    for project_id, donor, currency, qualifier, amount in lines:
        key = donor.pk if donor else None
        donors[key] = donor
        by_donor[currency][key].add(project_id, amount, qualifier)
    charts = []
    for currency in sorted(by_donor):
        bars = []
        for donor_id, tally in by_donor[currency].items():
            donor = donors[donor_id]
            label = str(donor) if donor else gettext("Donor not named")
            short = donor.short_name if donor and len(label) > SVG_LABEL_MAX else ""
            bars.append(_money_bar(label, tally, currency, short_label=short))
        projects = len(set().union(*(t.project_ids for t in by_donor[currency].values())))
        charts.append(
            Chart(
                key=f"donor-{currency}",
                title=gettext("Funding by donor, %(currency)s") % {"currency": currency},
                caption=ngettext(
                    "Donor contributions in %(currency)s to %(count)s project, summed per donor.",
                    "Donor contributions in %(currency)s to %(count)s projects, summed per donor.",
                    projects,
                )
                % {"currency": currency, "count": projects},
                label_heading=gettext("Donor"),
                value_heading=gettext("Contributions, %(currency)s") % {"currency": currency},
                bars=_largest_first(bars),
                currency=currency,
            )
        )
    return charts


def _year_charts(of_project: dict[tuple[int, str], Tally], start_year) -> list[Chart]:
    by_year: dict[str, dict[int | None, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for (project_id, currency), tally in of_project.items():
        by_year[currency][start_year[project_id]].merge(tally)
    charts = []
    for currency in sorted(by_year):
        years = by_year[currency]
        notes = []
        if None in years:
            undated = years.pop(None)
            notes.append(
                ngettext(
                    "Start year not stated: %(amount)s (%(count)s project), not in the bars.",
                    "Start year not stated: %(amount)s (%(count)s projects), not in the bars.",
                    len(undated.project_ids),
                )
                % {
                    "amount": qualified_amount(undated.amount, undated.qualifier, currency),
                    "count": len(undated.project_ids),
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
                bars=[_money_bar(str(year), years[year], currency) for year in sorted(years)],
                currency=currency,
                notes=notes,
            )
        )
    return charts


def _region_charts(of_project: dict[tuple[int, str], Tally], base) -> list[Chart]:
    """A project working in several regions counts in full in each: the sources do not say how
    its money splits, and an even split would print figures no one stated."""
    # Regions, and cities that belong to no region (Almaty, Astana, Shymkent are regions in
    # their own right; in countries the gazetteer has no regions for, a city is the finest
    # level known).
    parent_of, kind_of, name_of = {}, {}, {}
    for pk, parent_id, kind, name in Place.objects.values_list("pk", "parent_id", "kind", "name"):
        parent_of[pk], kind_of[pk], name_of[pk] = parent_id, kind, name
    region_ids = {
        pk
        for pk, kind in kind_of.items()
        if kind == PlaceKind.REGION
        or (kind == PlaceKind.CITY and kind_of.get(parent_of[pk]) == PlaceKind.COUNTRY)
    }
    places_of_project: dict[int, set[int]] = defaultdict(set)
    links = Project.places.through.objects.filter(project__in=base.values("pk"))
    for project_id, place_id in links.values_list("project_id", "place_id"):
        places_of_project[project_id].add(place_id)

    by_region: dict[str, dict[int | None, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for (project_id, currency), tally in of_project.items():
        found = _regions_of(parent_of, region_ids, places_of_project[project_id]) or {None}
        for region_id in found:
            by_region[currency][region_id].merge(tally)
    charts = []
    for currency in sorted(by_region):
        tallies = by_region[currency]
        notes = []
        if None in tallies:
            elsewhere = tallies.pop(None)
            notes.append(
                ngettext(
                    "Country-wide or region not stated: %(amount)s (%(count)s project), "
                    "not in the bars.",
                    "Country-wide or region not stated: %(amount)s (%(count)s projects), "
                    "not in the bars.",
                    len(elsewhere.project_ids),
                )
                % {
                    "amount": qualified_amount(elsewhere.amount, elsewhere.qualifier, currency),
                    "count": len(elsewhere.project_ids),
                }
            )
        bars = [_money_bar(name_of[pk], tally, currency) for pk, tally in tallies.items()]
        charts.append(
            Chart(
                key=f"region-{currency}",
                title=gettext("Funding by region, %(currency)s") % {"currency": currency},
                caption=gettext(
                    "Donor contributions in %(currency)s of the projects working in each region. "
                    "A project working in several regions counts in full in each (the sources do "
                    "not say how its money splits), so the bars do not add up to a total."
                )
                % {"currency": currency},
                label_heading=gettext("Region"),
                value_heading=gettext("Contributions, %(currency)s") % {"currency": currency},
                bars=_largest_first(bars),
                currency=currency,
                notes=notes,
            )
        )
    return charts


def _regions_of(parent_of: dict, region_ids: set[int], place_ids: set[int]) -> set[int]:
    """The regions the places lie in (a region lies in itself); a country lies in none."""
    found = set()
    for place_id in place_ids:
        current, seen = place_id, set()
        while current is not None and current not in region_ids and current not in seen:
            seen.add(current)
            current = parent_of.get(current)
        if current in region_ids:
            found.add(current)
    return found


def _status_chart(counts: Counter) -> Chart:
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
        % {"count": total},
        label_heading=gettext("Status"),
        value_heading=gettext("Projects"),
        bars=[
            Bar(label=str(capfirst(label)), value=counts[value], projects=counts[value])
            for value, label in ProjectStatus.choices
            if counts[value]
        ],
        counts_projects=False,
    )


def _money_bar(label: str, tally: Tally, currency: str, short_label: str = "") -> Bar:
    return Bar(
        label=label,
        value=tally.amount,
        projects=len(tally.project_ids),
        currency=currency,
        qualifier=tally.qualifier,
        short_label=short_label,
    )


def _largest_first(bars: list[Bar]) -> list[Bar]:
    return sorted(bars, key=lambda bar: (-bar.value, bar.label))


# --- Drawing --------------------------------------------------------------------------------
# One row per bar: the label on a line of its own, the bar under it. Bar lengths are percentages
# of the width and the text is in pixels, so the chart fills any width and its text stays
# readable on a phone (a viewBox would shrink the text with the width). The value goes inside
# the bar (white on it) if it fits there on the narrowest screen, else after the bar if it fits
# there, else on a line of its own under the bar: it is never cut off at the edge.

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
    description = "; ".join(f"{bar.label}: {bar.value_text}" for bar in chart.bars)
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
