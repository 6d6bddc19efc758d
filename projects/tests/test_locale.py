"""Every UI string is translated into Russian and Kazakh, and the committed compiled catalogues
(.mo, used on a fresh clone without gettext tools) match their sources (.po)."""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"


def read_po(path: Path) -> dict[tuple[str | None, str], list[str]]:
    """(context, msgid) -> msgstr forms, from a .po file (the subset makemessages writes)."""
    entries, current, key = {}, {}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if current.get("msgid"):
                forms = [current[k] for k in sorted(current) if k.startswith("msgstr")]
                entries[(current.get("msgctxt"), current["msgid"])] = forms
            current, key = {}, None
            continue
        if line.startswith('"'):
            current[key] += ast.literal_eval(line)
            continue
        key, _, value = line.partition(" ")
        current[key] = ast.literal_eval(value)
    return entries


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_message_is_translated(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    untranslated = [msgid for (_, msgid), forms in entries.items() if not all(forms)]
    assert untranslated == []


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    entries = read_po(folder / "django.po")
    with (folder / "django.mo").open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    for (context, msgid), forms in entries.items():
        if context:
            assert compiled.pgettext(context, msgid) == forms[0], msgid
        else:
            assert compiled.gettext(msgid) == forms[0], msgid


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "Реестр грантовых проектов"),
        ("kk", "Гранттық жобалар тізілімі"),
        ("en", "Grant-project registry"),
    ],
)
def test_site_name_in_each_language(language, expected):
    with translation.override(language):
        assert translation.gettext("Grant-project registry") == expected


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [("ru", 1, "1 месяц"), ("ru", 3, "3 месяца"), ("ru", 24, "24 месяца"), ("ru", 5, "5 месяцев"),
     ("kk", 24, "24 ай"), ("en", 1, "1 month"), ("en", 24, "24 months")],
)  # fmt: skip
def test_durations_use_the_plural_rules_of_each_language(language, count, expected):
    with translation.override(language):
        text = translation.ngettext("%(months)s month", "%(months)s months", count)
    assert text % {"months": count} == expected
