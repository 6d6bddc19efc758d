"""Contacts, e-mails and phone numbers in press releases (no database)."""

from pathlib import Path

import pytest

from projects.ingest.contacts import find_contacts, find_emails, find_phones
from projects.ingest.result import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _doc(text: str, language: str = "ru") -> Document:
    return Document(text=text, article=text, language=language)


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _contacts(text: str, language: str = "ru"):
    return [
        (c.name, c.position, c.organization, c.phones, c.emails)
        for c in find_contacts(_doc(text, language))
    ]


# --- phones -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("тел. +7 701 216 49 19", ["+7 701 216 49 19"]),
        ("тел. + 7 (7172) 971148", ["+ 7 (7172) 971148"]),
        ("тел: (7172) 97-10-40", ["(7172) 97-10-40"]),
        ("факс: (7172) 97-95-63", ["(7172) 97-95-63"]),
        ("Роза Акылбекова, директор, +7-727 2495962", ["+7-727 2495962"]),
        ("Нигина Бахриева, +992 (44) 600-26-26", ["+992 (44) 600-26-26"]),
        ("+43-699-1 944 13 27", ["+43-699-1 944 13 27"]),
        ("+32-473363891", ["+32-473363891"]),
        ("тел.: +7 7758516615", ["+7 7758516615"]),
        ("+7\n 717 516 964, askar@argonet.org", ["+7 717 516 964"]),
        ("+ 359 2 976 89 89,  flgr@flgr.bg", ["+ 359 2 976 89 89"]),
        ("тел.: 8 (727) 395-49-99", ["8 (727) 395-49-99"]),
        ("тел.+7 727 395 49 99", ["+7 727 395 49 99"]),
        ("Tel.: +7 (7172) 97 45 40", ["+7 (7172) 97 45 40"]),
        ("Phone: +1 202 555 0143", ["+1 202 555 0143"]),
        ("моб. 8 701 216 49 19", ["8 701 216 49 19"]),
        ("тел. 2495962", ["2495962"]),
        ("тел./факс: 8 (7182) 32-15-16", ["8 (7182) 32-15-16"]),
        ("tel/fax +996 312 66-33-40", ["+996 312 66-33-40"]),
        ("ұялы тел.: 87012164919", ["87012164919"]),
        ("+7 (727) 250-38-11 (вн. 123)", ["+7 (727) 250-38-11"]),
        ("тел.\u00a0+7\u00a0701\u00a0216\u00a049\u00a019", ["+7 701 216 49 19"]),
        ("тел. 8 (727) 395-49-99, 395-49-98", ["8 (727) 395-49-99", "395-49-98"]),
        (
            "Телефоны: +7 (727) 272-54-54; +7 (727) 272-54-55",
            ["+7 (727) 272-54-54", "+7 (727) 272-54-55"],
        ),
        # the same number written twice: the first written form, once
        ("тел.: +7 7758516615 ... тел: +7 775 851 6615", ["+7 7758516615"]),
        ("+7 727 395 49 99 или 8 (727) 395-49-99", ["+7 727 395 49 99"]),
        ("тел: (7172) 97-10-40, +7 7172 97 10 40", ["(7172) 97-10-40"]),
        # not phone numbers
        ("Алматы, 050026", []),
        ("Астана 010000", []),
        ("В 2014 году", []),
        ("Вклад составляет 213 793 евро.", []),
        ("12 000 000 теңге көлеміндегі қаржылық қолдау", []),
        ("Бюджеті: € 470,000", []),
        ("Келісім-шарт нөмірі CSO-LA/2016/382-029", []),
        ("8-9 апреля 2014 г.", []),
        ("5 ноября 2012, 05.11.2012", []),
        ("более $1,5 млн", []),
        ("около 3000 человек", []),
        ("Охват составит 250000", []),
        ("(2014-2016)", []),
        ("в 1994г.", []),
        ("Договор № 2016/382-029", []),
        ("ecocenter2010rk@gmail.com", []),
        ("https://www.facebook.com/LGDC2002/", []),
        ("ИИН 123456789012", []),
    ],
)
def test_phones(text, expected):
    assert [phone.value for phone in find_phones(_doc(text))] == expected


def test_phone_evidence_covers_the_number_only():
    text = "факс: (7172) 97-95-63"
    (phone,) = find_phones(_doc(text))
    assert [e.text for e in phone.evidence] == ["(7172) 97-95-63"]
    assert text[phone.evidence[0].start : phone.evidence[0].end] == "(7172) 97-95-63"


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        (
            "000",
            [
                "+7 701 216 49 19",
                "+ 7 (7172) 971148",
                "+7 727 395 49 99",
                "(7172) 97-10-40",
                "(7172) 97-95-63",
            ],
        ),
        ("001", ["+7-727 2495962", "+992 (44) 600-26-26", "+43-699-1 944 13 27", "+32-473363891"]),
        ("002", ["+7 7758516615", "+7 (7172) 97 45 40"]),
        ("003", []),
        ("004", ["+7 717 516 964", "+7 7212 314 455", "+7 7232 775 793", "+ 359 2 976 89 89"]),
    ],
)
def test_seed_phones(seed, expected):
    assert [phone.value for phone in find_phones(_doc(_seed(seed)))] == expected


# --- e-mails ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[plobachev@mail.ru](mailto:plobachev@mail.ru)", ["plobachev@mail.ru"]),
        ("E-mail: Office.IRCAlmaty@Gmail.com.", ["office.ircalmaty@gmail.com"]),
        (
            "askar@argonet.org, nurshat@argonet.org, askar@argonet.org",
            ["askar@argonet.org", "nurshat@argonet.org"],
        ),
        (
            "safonova-n@yandex.kz; karlygash.jamankulova@ec.europa.eu",
            [
                "safonova-n@yandex.kz",
                "karlygash.jamankulova@ec.europa.eu",
            ],
        ),
        ("mailto:delegation-kazakhstan@eeas.europa.eu", ["delegation-kazakhstan@eeas.europa.eu"]),
        ("Почта: нет, сайт www.argonet.org", []),
    ],
)
def test_emails(text, expected):
    assert [email.value for email in find_emails(_doc(text))] == expected


def test_seed_002_emails():
    assert [e.value for e in find_emails(_doc(_seed("002"), "kk"))] == [
        "office.ircalmaty@gmail.com",
        "delegation-kazakhstan-pic@eeas.europa.eu",
        "delegation-kazakhstan@eeas.europa.eu",
    ]


# --- contacts in the seeds --------------------------------------------------------------------


def test_seed_000_contacts():
    assert _contacts(_seed("000")) == [
        ("Павел Лобачев", "директор", "ОО «Эхо»", ["+7 701 216 49 19"], ["plobachev@mail.ru"]),
        (
            "Карлыгаш Джаманкулова",
            "сотрудник пресс-службы",
            "Делегации Европейского Союза в Казахстане",
            ["+ 7 (7172) 971148"],
            ["karlygash.jamankulova@ec.europa.eu"],
        ),
    ]


def test_seed_001_contacts():
    contacts = _contacts(_seed("001"))
    assert [(c[0], c[1], c[3]) for c in contacts] == [
        ("Роза Акылбекова", "директор", ["+7-727 2495962"]),
        ("Нигина Бахриева", "директор", ["+992 (44) 600-26-26"]),
        ("Фарид Тухбатуллин", "директор", ["+43-699-1 944 13 27"]),
        ("Брижитт Дюфор", "директор", ["+32-473363891"]),
    ]
    assert contacts[1][2] == "Общественного Фонда «Нота Бене»"


def test_seed_002_contacts_are_offices():
    assert _contacts(_seed("002"), "kk") == [
        (
            "Ақпараттық-ресурстық орталық",
            None,
            "Ақпараттық-ресурстық орталық",
            ["+7 7758516615"],
            ["office.ircalmaty@gmail.com"],
        ),
        (
            "Қазақстандағы ЕО делегациясы",
            None,
            "Қазақстандағы ЕО делегациясы",
            [],
            ["delegation-kazakhstan-pic@eeas.europa.eu"],
        ),
    ]


def test_seed_003_has_no_contacts():
    assert _contacts(_seed("003")) == []


def test_seed_004_contacts():
    assert [(c[0], c[3], c[4]) for c in _contacts(_seed("004"), "kk")] == [
        ("Асқар Қалиев", ["+7 717 516 964"], ["askar@argonet.org"]),
        ("Нұршат Ертаева", ["+7 717 516 964"], ["nurshat@argonet.org"]),
        ("Меруерт Құрмашова", ["+7 7212 314 455"], ["ecocenter2010rk@gmail.com"]),
        ("Надежда Сафонова", ["+7 7232 775 793"], ["safonova-n@yandex.kz"]),
        ("Алекс Михайлов", ["+ 359 2 976 89 89"], ["flgr@flgr.bg"]),
    ]


def test_footer_address_blocks_are_not_contacts():
    text = (
        "Для дальнейшей информации вы можете связаться с Павлом Лобачевым, тел. +7 701 216 49 19."
        "\n\nПредставительство\nЕвропейской Комиссии\nв Республике Казахстан\nул. Космонавтов 62.,"
        "\nАстана 010000\nтел: (7172) 97-10-40\nфакс: (7172) 97-95-63"
    )
    assert [c[0] for c in _contacts(text)] == ["Павел Лобачев"]
    assert [p.value for p in find_phones(_doc(text))] == [
        "+7 701 216 49 19",
        "(7172) 97-10-40",
        "(7172) 97-95-63",
    ]


# --- contact sentences ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "ru",
            "Контакты для СМИ: Айгерим Сапарова, координатор проекта, тел.: 8 (727) 395-49-99, "
            "395-49-98, e-mail: a.saparova@echo.kz",
            [
                (
                    "Айгерим Сапарова",
                    "координатор проекта",
                    None,
                    ["8 (727) 395-49-99", "395-49-98"],
                    ["a.saparova@echo.kz"],
                )
            ],
        ),
        (
            "ru",
            "За дополнительной информацией обращайтесь к Ивану Петрову, менеджеру проекта ОФ "
            "«Сорос-Казахстан», по телефону +7 (727) 250-38-11 или по электронной почте "
            "ipetrov@soros.kz.",
            [
                (
                    "Иван Петров",
                    "менеджер проекта",
                    "ОФ «Сорос-Казахстан»",
                    ["+7 (727) 250-38-11"],
                    ["ipetrov@soros.kz"],
                )
            ],
        ),
        (
            "ru",
            "Контактное лицо: Жанна Ахметова, пресс-секретарь, моб. +7 777 123 45 67",
            [("Жанна Ахметова", "пресс-секретарь", None, ["+7 777 123 45 67"], [])],
        ),
        (
            "ru",
            "Для дальнейшей информации свяжитесь с Ольгой Петровской, руководителем программ, "
            "тел. +7 (7172) 55-44-33.",
            [("Ольга Петровская", "руководитель программ", None, ["+7 (7172) 55-44-33"], [])],
        ),
        (
            "ru",
            "Для справок: Нурлан Ерланович Жумабеков, тел. 8 701 216 49 19",
            [("Нурлан Ерланович Жумабеков", None, None, ["8 701 216 49 19"], [])],
        ),
        (
            "ru",
            "Для получения дополнительной информации обращайтесь в пресс-службу ОО «Эхо» по "
            "телефону +7 727 395 49 99.",
            [
                (
                    "пресс-служба ОО «Эхо»",
                    None,
                    "пресс-служба ОО «Эхо»",
                    ["+7 727 395 49 99"],
                    [],
                )
            ],
        ),
        (
            "ru",
            "Вопросы можно направить Сергею Иванову (s.ivanov@mail.kz) или Марине Сергеевой "
            "(m.sergeeva@mail.kz).",
            [
                ("Сергей Иванов", None, None, [], ["s.ivanov@mail.kz"]),
                ("Марина Сергеева", None, None, [], ["m.sergeeva@mail.kz"]),
            ],
        ),
        (
            "en",
            "For more information, please contact: Jane Smith, Communications Officer at the EU "
            "Delegation to Kazakhstan, tel. +7 7172 97 45 40, jane.smith@eeas.europa.eu",
            [
                (
                    "Jane Smith",
                    "Communications Officer",
                    "EU Delegation to Kazakhstan",
                    ["+7 7172 97 45 40"],
                    ["jane.smith@eeas.europa.eu"],
                )
            ],
        ),
        (
            "en",
            "Media contacts:\nJohn Doe, Project Manager, Eurasia Foundation of Central Asia\n"
            "Phone: +7 (727) 250-14-38\nEmail: jdoe@ef-ca.org",
            [
                (
                    "John Doe",
                    "Project Manager",
                    "Eurasia Foundation of Central Asia",
                    ["+7 (727) 250-14-38"],
                    ["jdoe@ef-ca.org"],
                )
            ],
        ),
        (
            "kk",
            "Байланыс үшін: Асқар Қалиев, жоба үйлестірушісі, тел.: +7 701 555 66 77, "
            "askar@argonet.org",
            [
                (
                    "Асқар Қалиев",
                    "жоба үйлестірушісі",
                    None,
                    ["+7 701 555 66 77"],
                    ["askar@argonet.org"],
                )
            ],
        ),
        (
            "kk",
            "Қосымша ақпарат алу үшін «АРГО» ассоциациясының директоры Нұршат Ертаеваға "
            "хабарласыңыз: +7 717 251 64 40",
            [
                (
                    "Нұршат Ертаева",
                    "директоры",
                    "«АРГО» ассоциациясының",
                    ["+7 717 251 64 40"],
                    [],
                )
            ],
        ),
        (
            "ru",
            "По всем вопросам обращайтесь к координатору проекта Анне Ким по тел. "
            "+7 705 111 22 33 или e-mail anna.kim@mail.kz",
            [
                (
                    "Анна Ким",
                    "координатор проекта",
                    None,
                    ["+7 705 111 22 33"],
                    ["anna.kim@mail.kz"],
                )
            ],
        ),
        (
            "ru",
            "Контакты:\nАйгуль Султанова\nКоординатор проекта\nТел.: +7 701 123 45 67\n"
            "E-mail: a.sultanova@mail.kz",
            [
                (
                    "Айгуль Султанова",
                    "Координатор проекта",
                    None,
                    ["+7 701 123 45 67"],
                    ["a.sultanova@mail.kz"],
                )
            ],
        ),
        (
            "ru",
            "Контактная информация: Общественный фонд «Десента», г. Павлодар, ул. Ленина 1, "
            "тел. 8 (7182) 32-15-16",
            [
                (
                    "Общественный фонд «Десента»",
                    None,
                    "Общественный фонд «Десента»",
                    ["8 (7182) 32-15-16"],
                    [],
                )
            ],
        ),
        (
            "en",
            "Contacts: Jane Smith (EU Delegation), +7 7172 97 10 40, jane@eeas.europa.eu; John Doe "
            "(PF Echo), +7 727 395 49 99, john@echo.kz",
            [
                (
                    "Jane Smith",
                    None,
                    "EU Delegation",
                    ["+7 7172 97 10 40"],
                    ["jane@eeas.europa.eu"],
                ),
                ("John Doe", None, "PF Echo", ["+7 727 395 49 99"], ["john@echo.kz"]),
            ],
        ),
        (
            "en",
            "For further information contact Ms. Aigerim Bekova, Project Coordinator, PF Echo, "
            "+7 701 216 49 19, a.bekova@echo.kz",
            [
                (
                    "Aigerim Bekova",
                    "Project Coordinator",
                    "PF Echo",
                    ["+7 701 216 49 19"],
                    ["a.bekova@echo.kz"],
                )
            ],
        ),
        (
            "ru",
            "Граждане могут обратиться в юридическую клинику по телефону 8 800 080 7777.\n\n"
            "Для дальнейшей информации: Павел Лобачев, тел. +7 701 216 49 19",
            [("Павел Лобачев", None, None, ["+7 701 216 49 19"], [])],
        ),
        (
            "ru",
            "Контакты:\nАсқар Қалиев, Нұршат Ертаева\n+7 717 516 964, askar@argonet.org, "
            "nurshat@argonet.org",
            [
                ("Асқар Қалиев", None, None, ["+7 717 516 964"], ["askar@argonet.org"]),
                ("Нұршат Ертаева", None, None, ["+7 717 516 964"], ["nurshat@argonet.org"]),
            ],
        ),
    ],
)
def test_contact_sentences(language, text, expected):
    assert _contacts(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Республика Казахстан\nАлматы, 050026\nул.Айтиева 44\nтел.+7 727 395 49 99",
        "Пресс-служба: тел. +7 727 395 49 99",
        "Проект реализуется в 16 городах Казахстана.",
    ],
)
def test_no_contacts_without_a_person_or_a_cue(text):
    assert _contacts(text) == []


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        ("Павлом Лобачевым", "Павел Лобачев"),
        ("Карлыгаш Джаманкуловой", "Карлыгаш Джаманкулова"),
        ("Розой Акылбековой", "Роза Акылбекова"),
        ("Нигиной Бахриевой", "Нигина Бахриева"),
        ("Фаридом Тухбатуллиным", "Фарид Тухбатуллин"),
        ("Сергеем Петровским", "Сергей Петровский"),
        ("Ольгой Петровской", "Ольга Петровская"),
        ("Айгерим Ахметовой", "Айгерим Ахметова"),
        ("Нурланом Ивановичем Сейткалиевым", "Нурлан Иванович Сейткалиев"),
        ("Асқаром Қалиевым", "Асқар Қалиев"),
        ("Брижитт Дюфор", "Брижитт Дюфор"),
        ("Роза Акылбекова", "Роза Акылбекова"),
        ("Jane Smith", "Jane Smith"),
    ],
)
def test_names_in_the_nominative(written, nominative):
    text = f"Для дальнейшей информации вы можете связаться с {written}, тел. +7 701 216 49 19"
    assert [c.name for c in find_contacts(_doc(text))] == [nominative]


@pytest.mark.parametrize("name", ["Дина Утегенова", "Алия Бекмуханова"])
def test_a_womans_name_in_a_contact_line_stays_hers(name):
    # Both words also read as the genitive of a man's name ("Дин Утегенов", "Алий Бекмуханов").
    text = f"Контакты: {name}, координатор проекта, +7 776 903 55 27"
    assert [c.name for c in find_contacts(_doc(text))] == [name]


def test_contact_evidence_spans_the_holder_and_details():
    text = "Контактное лицо: Жанна Ахметова, пресс-секретарь, моб. +7 777 123 45 67"
    (contact,) = find_contacts(_doc(text))
    evidence = contact.evidence[0]
    assert text[evidence.start : evidence.end] == evidence.text
    assert evidence.text.startswith("Жанна Ахметова") and evidence.text.endswith("45 67")


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Жоба бойынша толық ақпарат алу үшін:\nАйжан Нұрғалиева, жоба үйлестірушісі\n"
            "Тел.: +7 (7112) 51-23-84\nE-mail: zhaiyk@example.kz",
            "kk",
            "Айжан Нұрғалиева",
        ),
        (
            "БАҚ өкілдері үшін байланыс:\nЖанар Ыбырайқызы, «Жетісу» ҚҚ директоры\n"
            "тел.: +7 (7282) 24-61-37",
            "kk",
            "Жанар Ыбырайқызы",
        ),
        (
            "Для получения информации:\nАйжан Нургалиева, координатор проекта\n"
            "Тел.: +7 (7112) 51-23-84",
            "ru",
            "Айжан Нургалиева",
        ),
    ],
)
def test_contact_blocks_under_other_headings(text, language, name):
    assert [c.name for c in find_contacts(_doc(text, language))] == [name]


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        (
            "Тұрғындар қорға +7 (7152) 46-03-17 телефоны, 8 800 080 45 45 тегін желісі арқылы "
            "хабарласа алады.",
            ["+7 (7152) 46-03-17", "8 800 080 45 45"],
        ),
        ("Жобаға 300 000-ға дейін адам қатысады, 2024-те басталды.", []),
    ],
)
def test_a_kazakh_word_after_a_number_does_not_hide_a_phone(text, phones):
    assert [phone.value for phone in find_phones(_doc(text, "kk"))] == phones


@pytest.mark.parametrize(
    ("text", "language", "name", "position"),
    [
        (
            "Media Contact\nAigerim Sadykova, Senior Communications Officer, Kazakhstan Resident "
            "Mission\nTel: +7 7172 55 11 22\nE-mail: asadykova@example.org",
            "en",
            "Aigerim Sadykova",
            "Senior Communications Officer",
        ),
        (
            "Для справок: ОФ «Жарық», г. Шымкент, тел.: +7 7252 11-22-33",
            "ru",
            "ОФ «Жарық»",
            None,
        ),
        (
            "Contacts:\nEmbassy of Japan, grants coordinator: grants@example.org",
            "en",
            "Embassy of Japan",
            None,
        ),
        (
            'Project contact:\nPublic Organization "Hamsoya", Khujand\nTel.: +992 92 774 30 15',
            "en",
            'Public Organization "Hamsoya"',
            None,
        ),
    ],
)
def test_a_post_or_a_town_after_the_contact_is_not_part_of_its_name(text, language, name, position):
    (contact,) = find_contacts(_doc(text, language))
    assert (contact.name, contact.position) == (name, position)


def test_an_organisation_named_beside_a_number_is_its_contact_by_its_full_name():
    from projects.ingest.result import OrganizationFound

    text = (
        "Жобаны «Таулы өлке» экологиялық қоғамдық қоры жүзеге асырады.\n\n"
        "Еріктілер қатарына қосылғысы келетіндер «Таулы өлке» қорына +7 777 602 34 18 телефоны "
        "арқылы хабарласа алады."
    )
    known = [OrganizationFound("«Таулы өлке» экологиялық қоғамдық қоры", "implementer")]
    (contact,) = find_contacts(_doc(text, "kk"), known)
    assert (contact.name, contact.phones) == (
        "«Таулы өлке» экологиялық қоғамдық қоры",
        ["+7 777 602 34 18"],
    )


def test_an_organisation_in_brackets_after_a_number_is_its_contact():
    text = "Для родителей: запись в центры по телефону +996 700 38 14 52 (ОО «Ак-Тилек Чүй»)"
    assert [(c.name, c.phones) for c in find_contacts(_doc(text))] == [
        ("ОО «Ак-Тилек Чүй»", ["+996 700 38 14 52"])
    ]


@pytest.mark.parametrize(
    ("text", "language", "name", "phones"),
    [
        (
            "– Многие узнали о своем статусе, – рассказала координатор проекта Елена Сорокина.\n\n"
            "Узнать адреса пунктов можно у координатора проекта по телефону +7 776 412 08 35.",
            "ru",
            "Елена Сорокина",
            ["+7 776 412 08 35"],
        ),
        (
            '"The family starts to change its habits," said Aliya Nurmagambetova, who '
            "coordinates the project.\n\nSchools can contact the coordinator at +7 727 295 41 63.",
            "en",
            "Aliya Nurmagambetova",
            ["+7 727 295 41 63"],
        ),
    ],
)
def test_the_coordinator_a_number_is_for_is_the_one_the_release_names(text, language, name, phones):
    assert [(c.name, c.phones) for c in find_contacts(_doc(text, language))] == [(name, phones)]


def test_a_kazakh_contact_named_in_the_ablative_is_given_in_the_nominative():
    text = (
        "Жоба туралы ақпаратты коммуникация жөніндегі маман Дина Ахметовадан алуға болады: "
        "+7 727 258 26 43, dina.akhmetova@example.org"
    )
    names = [contact.name for contact in find_contacts(_doc(text, "kk"))]
    assert names == ["Дина Ахметова"]
