"""Tell the press release from the page around it.

A release copied from a news site brings a currency ticker, photo credits, "read also" lists
and columns of unrelated headlines that mention other cities and sums; an EU release ends with
the EU's standard description of itself. None of that is about the project. `article_mask`
blanks such noise with spaces, keeping every offset, so evidence still points into the text.
"""

import re

# A currency ticker: "USD/KZT" lines followed by rates.
_TICKER_LINE = re.compile(r"^[•·*\-\s]*[A-Z]{3}/[A-Z]{3}\b.*$|^[•·*\-\s]*\d+(?:[.,]\d+)?\s*$")
# A headline in a site's list of other news, tagged with its language: "ru В Алматы открыт ...".
_TAGGED_HEADLINE = re.compile(r"^(?:ru|kk|kz|en)\s+\S")
# Where an agency's article ends and the site's other content begins.
_ARTICLE_END = re.compile(
    r"^(?:Источник|Source|Дереккөз|Derekkoz|Читайте также|Читать также"
    r"|Похожие (?:новости|материалы)|Related (?:news|articles|stories)|Тағы оқыңыз"
    r"|Ұқсас жаңалықтар|Последние новости)\b",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(r"^(?:Фото|Photo|Сурет)\s*:", re.IGNORECASE)
# A byline or a source named in a short line of its own: "Автор: Айгуль Серикова".
_BYLINE = re.compile(
    r"^(?:Автор|Авторы|Author|Текст|Мәтін|Авторы материала|Источник|Source|Дереккөз)\s*:"
    r".{1,80}$",
    re.IGNORECASE,
)
# Standard self-descriptions that EU releases append; they describe the EU, not the project.
_BOILERPLATE_OPENINGS = re.compile(
    r"^(?:The European Union is made up of \d+ Member States"
    r"|Европейский Союз состоит из \d+ государств"
    r"|Еуропалық Одақ\s*[-–—]\s*\d+ еуропалық елдің)",
    re.IGNORECASE,
)
_MIN_HEADLINE_RUN = 3
_MIN_ARTICLE_BEFORE_END = 200  # characters of article above an end marker


def article_mask(text: str) -> str:
    """The text with page noise replaced by spaces (line breaks kept)."""
    lines = text.split("\n")
    return "\n".join(
        " " * len(line) if is_noise else line
        for line, is_noise in zip(lines, noise_lines(lines), strict=True)
    )


def noise_lines(lines: list[str]) -> list[bool]:
    """For each line of a tidy text (to_plain_text's lines), whether it is page noise."""
    noise = [False] * len(lines)
    _mark_ticker(lines, noise)
    _mark_tagged_headlines(lines, noise)
    _mark_after_article_end(lines, noise)
    for index, line in enumerate(lines):
        if _PHOTO_CREDIT.match(line) or _BYLINE.match(line) or _BOILERPLATE_OPENINGS.match(line):
            noise[index] = True
    return noise


def _mark_ticker(lines: list[str], noise: list[bool]) -> None:
    """Ticker lines at the top of the page (before the first real sentence)."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if not _TICKER_LINE.match(line):
            break
        noise[index] = True


def _mark_tagged_headlines(lines: list[str], noise: list[bool]) -> None:
    run: list[int] = []
    for index, line in enumerate(lines + [""]):
        if _TAGGED_HEADLINE.match(line):
            run.append(index)
        elif line.strip() or index == len(lines):
            if len(run) >= _MIN_HEADLINE_RUN:
                for headline in run:
                    noise[headline] = True
            run = []


def _mark_after_article_end(lines: list[str], noise: list[bool]) -> None:
    """Everything from an end marker on, when what follows is a list, not more article. A
    marker above the article ("Источник: Kazinform" as a first line) ends nothing. A "read
    also" block with article paragraphs after it is an insertion: only it is noise."""
    article_so_far = 0
    for index, line in enumerate(lines):
        if _ARTICLE_END.match(line) and article_so_far >= _MIN_ARTICLE_BEFORE_END:
            block_end = _headlines_end(lines, index)
            if _READ_ALSO.match(line) and _paragraph_follows(lines, block_end):
                for position in range(index, block_end):
                    noise[position] = True
                continue
            rest = [other for other in lines[index + 1 :] if other.strip()]
            if rest and sum(len(other) for other in rest) / len(rest) < 160:
                for position in range(index, len(lines)):
                    noise[position] = True
            return
        if not noise[index]:
            article_so_far += len(line)


_READ_ALSO = re.compile(r"^(?:Читайте также|Читать также|Тағы оқыңыз|Read also)\b", re.I)


def _headlines_end(lines: list[str], marker: int) -> int:
    """The line after a marker's block: the marker and the non-blank lines right under it."""
    position = marker + 1
    while position < len(lines) and lines[position].strip():
        position += 1
    return position


def _paragraph_follows(lines: list[str], position: int) -> bool:
    """Whether article text follows: a line of 160 characters or more before any other
    end marker."""
    for line in lines[position:]:
        if _ARTICLE_END.match(line):
            return False
        if len(line) >= 160:
            return True
    return False
