"""From the bytes an editor uploads to the plain text the recognisers read.

Press releases arrive as UTF-8 text, Windows-1251 text from older Russian-language offices,
UTF-16 from Word's "Unicode text", Markdown, or a web page saved as HTML. Everything becomes
one tidy plain text; anything else gets one clear message (IngestError).
"""

import html
import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _

MAX_BYTES = 1024 * 1024  # a long press release is 30 kB; a megabyte is not a press release


class IngestError(ValueError):
    """The input cannot be read as a press release; the message says why, for the editor."""


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with or without BOM) or Windows-1251."""
    if len(data) > MAX_BYTES:
        raise IngestError(
            _("The file is too large (%(size)d kB; the limit is %(limit)d kB).")
            % {"size": -(-len(data) // 1024), "limit": MAX_BYTES // 1024}
        )
    if not data.strip():
        raise IngestError(_("The file is empty."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode(data, "utf-16")
        if text is not None and _plausible(text):
            return text
    if b"\x00" in data:
        # Text in UTF-8 or Windows-1251 has no NUL bytes; UTF-16 without a BOM has many.
        for encoding in ("utf-16-le", "utf-16-be"):
            text = _decode(data, encoding)
            if text is not None and _plausible(text):
                return text
        raise IngestError(_("This is a binary file, not text. Save the press release as text."))
    for encoding in ("utf-8-sig", "cp1251"):
        text = _decode(data, encoding)
        if text is not None and _plausible(text):
            return text
    raise IngestError(
        _("The file's encoding is not UTF-8, UTF-16 or Windows-1251. Save it as UTF-8 text.")
    )


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausible(text: str) -> bool:
    """Mostly letters of the scripts press releases use, digits, spaces and punctuation."""
    readable = sum(1 for char in text if _readable(char))
    return readable / len(text) >= 0.95 and any(char.isspace() for char in text)


def _readable(char: str) -> bool:
    code = ord(char)
    if char in "\n\r\t" or char.isspace():
        return True
    if code < 32 or 0x7F <= code < 0xA0:
        return False
    # Latin, Cyrillic (with Kazakh letters), general punctuation, currency signs, symbols.
    return code < 0x0530 or 0x2000 <= code < 0x2BFF or char in "\ufeff№"


# --- HTML and Markdown ------------------------------------------------------------------------

_HTML_SIGNS = re.compile(r"<(html|body|p|div|br|h[1-6]|span|table|article)\b", re.IGNORECASE)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "header", "footer", "table", "ul", "ol", "blockquote", "pre", "dd", "dt",
}  # fmt: skip
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head", "nav", "form"}


class _TextFromHtml(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("mailto:"):
                self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextFromHtml()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


_MD_LINK = re.compile(r"\[([^\]\n]*)\]\((?:mailto:)?[^)\s]*\)")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def to_plain_text(text: str) -> str:
    """Plain, tidy text: HTML and Markdown markup removed, spaces and line ends normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if len(_HTML_SIGNS.findall(text)) >= 2:
        text = html.unescape(html_to_text(text))
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = "\n".join(tidy_line(line) for line in text.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def tidy_line(line: str) -> str:
    """One line with its runs of spaces made one space, trimmed."""
    return _SPACES.sub(" ", line).strip()


def markdown_markup(text: str) -> list[tuple[int, int]]:
    """Where the Markdown markup that to_plain_text removes is in `text`: sorted, disjoint
    [start, end) spans of heading hashes, emphasis, escapes and a link's brackets and
    address. What lies between them is the text a reader reads, at its own offsets."""
    spans = []
    for pattern in (_MD_LINK, _MD_AUTOLINK):
        for match in pattern.finditer(text):
            spans += [(match.start(), match.start(1)), (match.end(1), match.end())]
    for pattern in (_MD_HEADING, _MD_EMPHASIS):
        spans += [match.span() for match in pattern.finditer(text)]
    spans += [(match.start(), match.start() + 1) for match in _MD_ESCAPE.finditer(text)]
    return merged_spans(span for span in spans if span[1] > span[0])


def merged_spans(spans) -> list[tuple[int, int]]:
    """[start, end) spans sorted, overlapping and touching ones made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def markdown_headings(text: str) -> list[tuple[int, int]]:
    """The [start, end) span of each Markdown heading line ("## ПРЕСС-РЕЛИЗ"), hashes included."""
    headings = []
    for match in _MD_HEADING.finditer(text):
        end = text.find("\n", match.start())
        headings.append((match.start(), len(text) if end == -1 else end))
    return headings
