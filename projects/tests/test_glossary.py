"""The catalogues follow locale/GLOSSARY.md: an entry whose English names a glossary term is
translated with that term in Russian and Kazakh, and never with a word the glossary rules out."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

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


def translations(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def departures(language: str) -> list[str]:
    """ "msgid -> msgstr (wants ...)" for every entry that does not follow the glossary."""
    catalogue = polib.pofile(str(CATALOGUE).format(language))
    found = []
    for row in glossary_rows():
        wanted = re.compile(row[language], re.IGNORECASE)
        for entry in catalogue:
            if entry.obsolete or not row["english"].search(entry.msgid):
                continue
            for text in translations(entry):
                never = [w for w in row["never"] if w.casefold() in text.casefold()]
                if not wanted.search(text) or never:
                    found.append(f"{entry.msgid!r} -> {text!r} (wants {row[language]!r}"
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
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="more than", msgstr="кемінде"))
    catalogue.append(polib.POEntry(msgid="Drafts are invisible.", msgstr="Жарияланбаған жоба."))
    catalogue.append(polib.POEntry(msgid="donor contribution", msgstr="донордың салымы"))
    (tmp_path / "kk" / "LC_MESSAGES").mkdir(parents=True)
    catalogue.save(str(tmp_path / "kk" / "LC_MESSAGES" / "django.po"))
    monkeypatch.setattr(
        "projects.tests.test_glossary.CATALOGUE", tmp_path / "{}" / "LC_MESSAGES" / "django.po"
    )
    flagged = departures("kk")
    assert len(flagged) == 2
    assert "'more than' -> 'кемінде'" in flagged[0] or "'more than' -> 'кемінде'" in flagged[1]
