"""The catalogues follow locale/GLOSSARY.md: an entry whose English names a glossary term is
translated with that term in Russian and Kazakh, and never with a word the glossary rules out."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from .test_locale import read_po

GLOSSARY = Path(settings.BASE_DIR) / "locale" / "GLOSSARY.md"
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "{}" / "LC_MESSAGES" / "django.po"


def glossary_rows() -> list[dict]:
    """The table's rows: English pattern, Russian and Kazakh stems (| separates choices),
    words never to use, note."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        english, russian, kazakh, never, _note = (cell.replace("\\|", "|") for cell in cells)
        rows.append(
            {
                "english": re.compile(english.strip("`"), re.IGNORECASE),
                "ru": russian,
                "kk": kazakh,
                "never": [word.strip() for word in never.split(",") if word.strip()],
            }
        )
    return rows


def departures(language: str) -> list[str]:
    """ "msgid -> msgstr (wants ...)" for every entry that does not follow the glossary."""
    catalogue = read_po(Path(str(CATALOGUE).format(language)))
    found = []
    for row in glossary_rows():
        wanted = re.compile(row[language], re.IGNORECASE)
        for (_context, msgid), forms in catalogue.items():
            if not row["english"].search(msgid):
                continue
            for text in forms:
                never = [w for w in row["never"] if w.casefold() in text.casefold()]
                if not wanted.search(text) or never:
                    found.append(f"{msgid!r} -> {text!r} (wants {row[language]!r}"
                                 + (f", never {never}" if never else "") + ")")  # fmt: skip
    return found


def test_the_glossary_is_read():
    rows = glossary_rows()
    assert len(rows) >= 15
    assert any(row["english"].search("donor contribution") for row in rows)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_catalogue_follows_the_glossary(language):
    assert departures(language) == []


def test_a_departure_from_the_glossary_is_flagged(tmp_path, monkeypatch):
    catalogue = tmp_path / "kk" / "LC_MESSAGES" / "django.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(
        'msgid "more than"\nmsgstr "кемінде"\n\n'
        'msgid "Drafts are invisible."\nmsgstr "Жарияланбаған жоба."\n\n'
        'msgid "donor contribution"\nmsgstr "донордың салымы"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(
        "projects.tests.test_glossary.CATALOGUE", tmp_path / "{}" / "LC_MESSAGES" / "django.po"
    )
    flagged = departures("kk")
    assert len(flagged) == 2
    assert any(line.startswith("'more than' -> 'кемінде'") for line in flagged)
    assert any(line.startswith("'Drafts are invisible.'") for line in flagged)
