"""{% chart_svg chart %}: draws one of a page's funding charts (the view builds them)."""

from django import template
from django.utils.safestring import SafeString

from .. import charts

register = template.Library()


@register.simple_tag
def chart_svg(chart: charts.Chart) -> SafeString:
    return charts.render_bar_chart(chart)
