"""What of a press release its project page shows: the article, without the web page around it
and without Markdown's markup characters.

The stored text never changes and evidence spans index it, so the page only leaves characters
out, at their offsets: the lines the extractor takes for page noise (ingest.segment: a currency
ticker, lists of other headlines, photo credits), each run of them replaced by one marker, and
the markup that ingest.text removes ("## ", "**", a link's address). A line holding evidence is
never left out, whatever the noise rules say: the page must show every quoted word.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ingest.segment import noise_lines
from .ingest.text import markdown_headings, markdown_markup, tidy_line


@dataclass(frozen=True)
class Omission:
    """Lines [start, end) of the text left out; `lines` counts the ones that are not blank."""

    start: int
    end: int
    lines: int


@dataclass(frozen=True)
class SourceLayout:
    omissions: list[Omission]
    markup: list[tuple[int, int]]  # characters not shown
    headings: list[tuple[int, int]]  # lines shown as headings


def source_layout(text: str, quoted: list[tuple[int, int]]) -> SourceLayout:
    """How to show `text`, keeping every line that overlaps a `quoted` [start, end) span."""
    markup = markdown_markup(text)
    lines = _line_spans(text)
    readable = [tidy_line(_without(text, start, end, markup)) for start, end in lines]
    noise = noise_lines(readable)
    for index, (start, end) in enumerate(lines):
        if noise[index] and any(q_start < end and start < q_end for q_start, q_end in quoted):
            noise[index] = False
    return SourceLayout(
        omissions=_omissions(lines, readable, noise),
        markup=markup,
        headings=markdown_headings(text),
    )


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _without(text: str, start: int, end: int, markup: list[tuple[int, int]]) -> str:
    """text[start:end] without the markup characters in it."""
    kept, position = [], start
    for m_start, m_end in markup:
        if m_end <= start or m_start >= end:
            continue
        kept.append(text[position : max(m_start, position)])
        position = max(position, min(m_end, end))
    kept.append(text[position:end])
    return "".join(kept)


def _omissions(lines, readable, noise) -> list[Omission]:
    """Runs of noise lines, blank lines between them included, from the first noise line's
    start to the last one's end."""
    runs: list[Omission] = []
    run: list[int] = []  # the noise lines of the current run
    for index, line in enumerate(readable + ["end"]):
        if index < len(noise) and noise[index]:
            run.append(index)
        elif line and run:
            count = sum(1 for member in run if readable[member])
            if count:
                runs.append(Omission(lines[run[0]][0], lines[run[-1]][1], count))
            run = []
    return runs
