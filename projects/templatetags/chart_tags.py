"""The funding charts on the home page and the project list: {% project_charts %} reads the
figures of a queryset of projects, {% chart_svg %} draws one chart."""

from django import template
from django.utils.safestring import SafeString

from .. import charts

register = template.Library()


@register.simple_tag
def project_charts(projects) -> charts.ProjectCharts | None:
    """{% project_charts chart_projects as charts %}: None when no queryset is given."""
    if projects is None or projects == "":
        return None
    return charts.project_charts(projects)


@register.simple_tag
def chart_svg(chart: charts.Chart) -> SafeString:
    return charts.render_bar_chart(chart)
