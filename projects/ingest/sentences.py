"""Sentences of a press release, which may be hard-wrapped (pasted from a PDF, an e-mail or a
terminal): where one ends, and the text with its wrapped lines joined.

A line break ends a sentence at a paragraph break, after a short line (a heading or a label)
or after terminal punctuation; otherwise the line was wrapped and the sentence goes on.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
_INITIAL = re.compile(r"(?:^|[\s(])\w$")  # "U.S." and "К. Мыңбаев" do not end a sentence
_HARD_WRAP_MIN_LINE = 50
_WRAPPED_LINE_MAX = 120  # text wrapped by a mailer, a terminal or a PDF: 60 to 100 characters


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) holding text[start:end]."""
    sentence_start = max(0, start - 3000)  # no sentence is longer; bounds the work per call
    for match in _SENTENCE_END.finditer(text, sentence_start, start):
        if _ends_sentence(text, match):
            sentence_start = match.end()
    while sentence_start < start and text[sentence_start].isspace():
        sentence_start += 1
    sentence_end = len(text)
    for match in _SENTENCE_END.finditer(text, end):
        if _ends_sentence(text, match):
            sentence_end = match.start() + (match.group() != "\n")
            break
    return sentence_start, sentence_end


def wrapped_lines_joined(text: str) -> str:
    """The text with each line break that only wraps a sentence made a space: the same length
    and offsets, so that what is found in it is found at the same place in the text.
    "the Public\nFoundation "Umit"" reads as one name."""
    breaks = []
    for match in re.finditer(r"\n", text):
        following = _following(text, match)
        # A line that opens with a bullet, a number or a mark is an item or a heading.
        opens_with_words = following[:1].isalpha() or following[:1] in "«\"“„'("
        next_line = following.split("\n", 1)[0]
        if (
            opens_with_words
            and not _is_label(next_line)
            and _in_a_column(text, match.start(), next_line)
            and not _line_break_ends_sentence(text, match.start(), following)
        ):
            breaks.append(match.start())
    if not breaks:
        return text
    characters = list(text)
    for position in breaks:
        characters[position] = " "
    return "".join(characters)


def _in_a_column(text: str, position: int, next_line: str) -> bool:
    """Both lines fit a wrapped column: a headline over a paragraph written as one long line
    is not a wrapped sentence."""
    line_start = text.rfind("\n", 0, position) + 1
    return position - line_start <= _WRAPPED_LINE_MAX and len(next_line) <= _WRAPPED_LINE_MAX


def _is_label(line: str) -> bool:
    """A short line that no punctuation ends: a label or a heading of a fact sheet
    ("Ұзақтығы", "Іске асырылу орны"), not the end of a wrapped sentence."""
    line = line.rstrip()
    return len(line) < _HARD_WRAP_MIN_LINE and line[-1:] not in '.!?…:;,»"”)'


def _following(text: str, match: re.Match) -> str:
    return text[match.end() : match.end() + 200].lstrip(" \t\u00a0\u2009\u202f")


def _ends_sentence(text: str, match: re.Match) -> bool:
    following = _following(text, match)
    if match.group() == "\n":
        return _line_break_ends_sentence(text, match.start(), following)
    if following.lstrip()[:1].islower():
        return False
    return not _INITIAL.search(text[max(0, match.start() - 3) : match.start()])


def _line_break_ends_sentence(text: str, position: int, following: str) -> bool:
    if not following or following[:1] == "\n" or following[:1].islower():
        return not following[:1].islower()
    line_start = text.rfind("\n", 0, position) + 1
    line = text[line_start:position].rstrip()
    return len(line) < _HARD_WRAP_MIN_LINE or line[-1:] in '.!?:;…»"”'
