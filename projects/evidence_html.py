"""How a project page shows where its facts come from: a link to the highlighted words of the
source, or the editor's note on an inference (facts.py), and the source with those words marked.
The page's Jinja2 template calls these (projects/jinja2/projects/project_body.html)."""

import bisect
import html

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from .ingest.text import merged_spans
from .source_display import source_layout


class EvidenceMarks:
    """What follows each fact: a link to each passage of the source that states it, and each
    inference of an editor with its note. Called once per fact, dozens of times on a page, so
    the labels are translated and escaped once, when the page makes it."""

    def __init__(self):
        title = escape(gettext("The words of the press release that state this"))
        label = escape(pgettext("a link to the words of a press release", "source"))
        self._link_end = f'title="{title}">{label}</a>'
        inferred = escape(gettext("editor's inference"))
        self._inference_start = (
            f'<span class="inferred"><span class="inferred-label">{inferred}</span> '
            '<span class="inferred-note">'
        )

    def __call__(self, basis) -> SafeString:
        """The marks of a FactBasis (nothing for None or a fact without evidence)."""
        if not basis:
            return SafeString("")
        pieces = [self._link(row.pk) for row in basis.stated]
        pieces += [self._inference(row.note) for row in basis.inferred]
        return mark_safe("".join(pieces))  # noqa: S308 - labels and notes escaped, ids are ints

    def _link(self, pk: int) -> str:
        return (
            f'<a class="evidence-link" href="#ev-{pk:d}" data-evidence="ev-{pk:d}" {self._link_end}'
        )

    def _inference(self, note: str) -> str:
        return f"{self._inference_start}{escape(note)}</span></span>"


_ANCHOR = '<span class="evidence-anchor" id="ev-{:d}"></span>'


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
    covering = []  # the evidence whose words include the piece, in the order of `spans`
    ordered = sorted(points)
    for start, end in zip(ordered, ordered[1:], strict=False):
        starting = starts.get(start, ())
        covering = [row for row in covering if row.end > start] + list(starting)
        pieces.extend(_ANCHOR.format(row.pk) for row in starting)
        if start in omitted:
            pieces.append(_omission_marker(omitted[start]))
        if hidden.covers(start):
            continue
        piece = html.escape(text[start:end])
        if covering:
            ids = " ".join(f"ev-{row.pk:d}" for row in covering)
            piece = f'<mark class="evidence" data-evidence="{ids}">{piece}</mark>'
        if headings.covers(start):
            piece = f'<strong class="source-heading">{piece}</strong>'
        pieces.append(piece)
    return mark_safe("".join(pieces))  # noqa: S308 - text escaped, ids are ints


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
