"""How a project page shows where its facts come from: a link to the highlighted words of the
source, or the editor's note on an inference (facts.py)."""

import bisect

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from ..ingest.text import merged_spans
from ..source_display import source_layout

register = template.Library()


@register.simple_tag
def evidence(basis) -> SafeString:
    """After a fact: a link to each passage of the source stating it, and each inference of
    an editor with its note (nothing for a fact without evidence)."""
    if not basis:
        return SafeString("")
    title = gettext("The words of the press release that state this")
    label = pgettext("a link to the words of a press release", "source")
    link = '<a class="evidence-link" href="#ev-{0}" data-evidence="ev-{0}" title="{1}">{2}</a>'
    pieces = [format_html(link, row.pk, title, label) for row in basis.stated]
    inference = (
        '<span class="inferred"><span class="inferred-label">{}</span>'
        ' <span class="inferred-note">{}</span></span>'
    )
    inferred = gettext("editor's inference")
    pieces += [format_html(inference, inferred, row.note) for row in basis.inferred]
    return SafeString("".join(pieces))


@register.simple_tag
def marked_source(source, spans_by_source) -> SafeString:
    """The source's article (source_display: page noise left out, with a marker saying so, and
    no Markdown markup), escaped, with the words each piece of evidence quotes in <mark>
    (spans may overlap: every piece of text is marked with all the evidence covering it), and
    an anchor where each one starts, which the facts link to. Every offset is the stored
    text's, so the marks land on the quoted words."""
    text = source.text
    spans = sorted(spans_by_source.get(source.pk, []), key=lambda row: (row.start, row.end))
    layout = source_layout(text, [(row.start, row.end) for row in spans])
    omitted = {omission.start: omission for omission in layout.omissions}
    hidden = Ranges([(o.start, o.end) for o in layout.omissions] + layout.markup)
    headings = Ranges(layout.headings)
    points = {0, len(text), *omitted, *hidden.bounds(), *headings.bounds()}
    points.update(bound for row in spans for bound in (row.start, row.end))
    starts: dict[int, list] = {}
    for row in spans:
        starts.setdefault(row.start, []).append(row)
    pieces = []
    ordered = sorted(points)
    for start, end in zip(ordered, ordered[1:], strict=False):
        for row in starts.get(start, []):
            pieces.append(format_html('<span class="evidence-anchor" id="ev-{}"></span>', row.pk))
        if start in omitted:
            pieces.append(_omission_marker(omitted[start]))
        if hidden.covers(start):
            continue
        piece = escape(text[start:end])
        covering = [row for row in spans if row.start <= start and end <= row.end]
        if covering:
            ids = " ".join(f"ev-{row.pk}" for row in covering)
            piece = format_html('<mark class="evidence" data-evidence="{}">{}</mark>', ids, piece)
        if headings.covers(start):
            piece = format_html('<strong class="source-heading">{}</strong>', piece)
        pieces.append(piece)
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped


def _omission_marker(omission) -> SafeString:
    message = ngettext(
        "%(count)d line not about the project left out — it is in the downloaded file",
        "%(count)d lines not about the project left out — they are in the downloaded file",
        omission.lines,
    ) % {"count": omission.lines}
    return format_html('<span class="source-omitted">[{}]</span>', message)


class Ranges:
    """[start, end) spans (overlapping ones merged), asked whether one covers a position."""

    def __init__(self, spans):
        self.spans = merged_spans(spans)
        self.starts = [start for start, _end in self.spans]

    def bounds(self):
        return {bound for span in self.spans for bound in span}

    def covers(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.spans[index][1]
