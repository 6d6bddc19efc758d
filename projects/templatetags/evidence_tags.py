"""How a project page shows where its facts come from: a link to the highlighted words of the
source, or the editor's note on an inference (facts.py)."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.inclusion_tag("includes/evidence.html")
def evidence(basis):
    return {"basis": basis}


@register.simple_tag
def marked_source(source, spans_by_source) -> SafeString:
    """The source's text, escaped, with the words each piece of evidence quotes in <mark>
    (spans may overlap: every piece of text is marked with all the evidence covering it), and
    an anchor where each one starts, which the facts link to."""
    text = source.text
    spans = sorted(spans_by_source.get(source.pk, []), key=lambda row: (row.start, row.end))
    if not spans:
        return escape(text)
    points = sorted({0, len(text), *(row.start for row in spans), *(row.end for row in spans)})
    starts: dict[int, list] = {}
    for row in spans:
        starts.setdefault(row.start, []).append(row)
    pieces = []
    for start, end in zip(points, points[1:], strict=False):
        for row in starts.get(start, []):
            pieces.append(format_html('<span class="evidence-anchor" id="ev-{}"></span>', row.pk))
        covering = [row for row in spans if row.start <= start and end <= row.end]
        if covering:
            ids = " ".join(f"ev-{row.pk}" for row in covering)
            pieces.append(
                format_html(
                    '<mark class="evidence" data-evidence="{}">{}</mark>', ids, text[start:end]
                )
            )
        else:
            pieces.append(escape(text[start:end]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped
