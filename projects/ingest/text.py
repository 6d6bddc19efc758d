"""From the bytes an editor uploads to the plain text the recognisers read.

Press releases arrive as UTF-8 text, Windows-1251 text from older Russian-language offices,
UTF-16 from Word's "Unicode text", Markdown, or a web page saved as HTML. Everything becomes
one tidy plain text; anything else gets one clear message (IngestError). Where the text says
where it was published (a web page's canonical address, a line "# source: https://..." that
an editor or a scraper put above or below it), that address is kept apart and the line taken
out, so it changes nothing else that is read from the text.
"""

import html
import re
from dataclasses import dataclass
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


# --- HTML, Markdown and the source address ---------------------------------------------------


@dataclass(frozen=True)
class PlainText:
    text: str  # tidy plain text, without the source line
    source_url: str | None  # where the release was published, when the input says so


_HTML_SIGNS = re.compile(r"<(html|body|p|div|br|h[1-6]|span|table|article)\b", re.IGNORECASE)
_HTML_PAGE = re.compile(r"<(?:!doctype\s+html|html|body)\b", re.IGNORECASE)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "header", "footer", "table", "ul", "ol", "blockquote", "pre", "dd", "dt",
}  # fmt: skip
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head", "nav", "form"}
_LINE_BREAK = "\ue000"  # an HTML line break (a private-use character: not white space)
_MIN_ARTICLE_CHARACTERS = 200  # less than that from a whole page: the reader missed the article


class _TextFromHtml(HTMLParser):
    """Every text of an HTML fragment, one block per line (a page's article is found by
    trafilatura instead; this reads fragments and pages it finds nothing in)."""

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


def page_article(markup: str) -> PlainText | None:
    """A saved web page's article (menus, cookie banners, sidebars and footers left out, by
    trafilatura), one paragraph per block, its headline first, and the page's canonical
    address; None when no article is found in it."""
    import trafilatura  # imported here: a second of start-up that only HTML input needs

    found = trafilatura.bare_extraction(
        markup, with_metadata=True, favor_recall=True, include_comments=False
    )
    if found is None or found.body is None:
        return None
    blocks = _blocks_of(found.body)
    if sum(len(block) for block in blocks) < _MIN_ARTICLE_CHARACTERS:
        return None
    title = " ".join((found.title or "").split())
    if title and not any(" ".join(block.split()) == title for block in blocks[:3]):
        blocks.insert(0, title)
    blocks += _contact_boxes(markup, "\n".join(blocks))
    url = found.url if found.url and found.url.startswith(("http://", "https://")) else None
    return PlainText("\n\n".join(blocks), url)


# A page's box of media contacts beside the article ("Media Contacts", "Контакты для СМИ"),
# which readers of the main text leave out with the sidebars; never the site's footer.
_CONTACT_BOX = re.compile(r"contact|контакт|байланыс", re.IGNORECASE)
_PHONE_OR_EMAIL = re.compile(r"@[\w-]+\.\w|\+?\d[\d ()-]{8,}\d")


def _contact_boxes(markup: str, article: str) -> list[str]:
    """The text of each contact box outside the footer that the article text lacks."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return []
    boxes = []
    for element in tree.iter("aside", "div", "section"):
        label = " ".join(
            [element.get("class") or "", element.get("id") or ""]
            + [heading.text_content() for heading in element.iter("h2", "h3", "h4", "strong")][:1]
        )
        if not _CONTACT_BOX.search(label) or _in_footer(element):
            continue
        text = html_to_text(lxml.html.tostring(element, encoding="unicode"))
        lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
        seen = article + "\n".join(boxes)
        if lines and _PHONE_OR_EMAIL.search(text) and not any(line in seen for line in lines):
            boxes.append("\n".join(lines))
    return boxes


def _in_footer(element) -> bool:
    while element is not None:
        if element.tag == "footer" or "footer" in (element.get("class") or "").lower():
            return True
        element = element.getparent()
    return False


def _blocks_of(body) -> list[str]:
    """The text of trafilatura's article tree: a block per paragraph, heading, list or table,
    with its line breaks, list items and table rows on lines of their own. Other white space
    is the page source's layout, which HTML collapses, and so does this."""
    for line_break in body.iter("lb"):
        line_break.tail = _LINE_BREAK + (line_break.tail or "")
    blocks = []
    for element in body:
        if element.tag == "list":
            lines = [item.xpath("string()") for item in element.findall("item")]
        elif element.tag == "table":
            lines = [
                " ".join(cell.xpath("string()") for cell in row) for row in element.iter("row")
            ]
        else:
            lines = [element.xpath("string()")]
        text = _LINE_BREAK.join(" ".join(line.split()) for line in lines)
        block = "\n".join(line.strip() for line in text.split(_LINE_BREAK) if line.strip())
        if block:
            blocks.append(block)
    return blocks


_SOURCE_LABEL = (
    r"(?:source|original|url|link|источник|первоисточник|ссылка|оригинал|дереккөз|сілтеме)"
)
_URL = r"https?://[^\s<>()\[\]]+"
# "# source: https://...", "Источник: <https://...>", "Дереккөз: [Kazinform](https://...)".
_SOURCE_LINE = re.compile(
    rf"^[#>*_\s]*{_SOURCE_LABEL}[*_]*\s*[:：—–-]\s*"
    rf"(?:<(?P<angled>{_URL})>|\[[^\]\n]*\]\((?P<linked>{_URL})\)|(?P<bare>{_URL}))[\s.]*$",
    re.IGNORECASE,
)
_URL_LINE = re.compile(rf"^[#>\s]*<?(?P<bare>{_URL})>?\s*$")
_SOURCE_LINE_REACH = 3  # source lines are among the first or the last few lines


def without_source_lines(text: str) -> tuple[str, str | None]:
    """The text without the lines that say where it was published, and the address they give:
    a labelled line among the first or last few lines, or an address alone on the first."""
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    edges = filled[:_SOURCE_LINE_REACH] + filled[-_SOURCE_LINE_REACH:]
    url, dropped = None, set()
    for index in dict.fromkeys(edges):
        match = _SOURCE_LINE.match(lines[index])
        if not match and filled and index == filled[0]:
            match = _URL_LINE.match(lines[index])
        if match:
            found = next(value for value in match.groupdict().values() if value)
            url = url or found.rstrip(".,;")
            dropped.add(index)
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped), url


_MD_LINK = re.compile(r"\[([^\]\n]*)\]\((?:mailto:)?[^)\s]*\)")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def read_plain_text(text: str) -> PlainText:
    """Plain, tidy text: a web page's article, HTML and Markdown markup removed, the source
    line taken out (its address kept), spaces and line ends normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    page_url = None
    if len(_HTML_SIGNS.findall(text)) >= 2:
        article = page_article(text) if _HTML_PAGE.search(text) else None
        if article:
            text, page_url = article.text, article.source_url
        else:
            text = html.unescape(html_to_text(text))
    text, line_url = without_source_lines(text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = "\n".join(tidy_line(line) for line in text.split("\n"))
    return PlainText(_MANY_BLANK_LINES.sub("\n\n", text).strip(), line_url or page_url)


def to_plain_text(text: str) -> str:
    """read_plain_text's text alone."""
    return read_plain_text(text).text


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
