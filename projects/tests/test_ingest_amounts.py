from decimal import Decimal
from pathlib import Path

import pytest

from projects.ingest.amounts import find_amounts, parse_number
from projects.ingest.result import Document, Evidence, OrganizationFound

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

EU = OrganizationFound("Европейский Союз", "donor", "European Union")
STATE = OrganizationFound("Государственный департамент США", "donor", "U.S. Department of State")
USAID = OrganizationFound("Агентство по международному развитию (USAID)", "donor", "USAID")
JICA = OrganizationFound("JICA", "donor", "JICA")
UNDP = OrganizationFound("UNDP", "donor", "UNDP")


def doc(text: str, language: str = "ru") -> Document:
    return Document(text=text, article=text, language=language)


def seed(prefix: str) -> Document:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    # 003 ends with a sidebar of unrelated headlines after its source line
    return doc(path.read_text(encoding="utf-8").split("Источник:")[0])


def summary(amounts):
    return [(str(a.amount), a.currency, a.kind, a.qualifier, a.donor) for a in amounts]


@pytest.mark.parametrize(
    ("text", "amount", "currency", "qualifier"),
    [
        ("Вклад составляет 213 793 евро.", "213793", "EUR", "exact"),
        ("Бюджеті: € 470,000", "470000", "EUR", "exact"),
        ("ЕО жарнасы: € 420 000", "420000", "EUR", "exact"),
        ("выделят более $1,5 млн на защиту прав", "1500000", "USD", "more_than"),
        ("инициатива с бюджетом в $750 тыс. должна", "750000", "USD", "exact"),
        ("агентство готово выделить до $800 тыс.", "800000", "USD", "up_to"),
        ("12 000 000 теңге көлеміндегі қолдау", "12000000", "KZT", "exact"),
        ("на сумму 1,2 млн евро", "1200000", "EUR", "exact"),
        ("a grant of 2.5 million euros", "2500000", "EUR", "exact"),
        ("Total: EUR 1,000,000", "1000000", "EUR", "exact"),
        ("Grant: USD 250 000", "250000", "USD", "exact"),
        ("грант в размере 250 000 долларов США", "250000", "USD", "exact"),
        ("300 мың АҚШ доллары бөлінді", "300000", "USD", "exact"),
        ("1,5 млн доллар бөлінді", "1500000", "USD", "exact"),
        ("50 млн теңге бөлінді", "50000000", "KZT", "exact"),
        ("a €1.2m programme", "1200000", "EUR", "exact"),
        ("около 3 млн тенге", "3000000", "KZT", "about"),
        ("свыше 100 тыс. долларов", "100000", "USD", "more_than"),
        ("не менее 50 000 евро", "50000", "EUR", "more_than"),
        ("не более 20 000 евро", "20000", "EUR", "up_to"),
        ("шамамен 2 млн теңге", "2000000", "KZT", "about"),
        ("1 млн теңгеден астам қаржы", "1000000", "KZT", "more_than"),
        ("800 мың долларға дейін бөледі", "800000", "USD", "up_to"),
        ("5 млн теңгеге жуық", "5000000", "KZT", "about"),
        ("up to €50,000 per project", "50000", "EUR", "up_to"),
        ("more than $2 million", "2000000", "USD", "more_than"),
        ("over €300,000", "300000", "EUR", "more_than"),
        ("approximately USD 40,000", "40000", "USD", "about"),
        ("about 1.5 million tenge", "1500000", "KZT", "about"),
        ("1 250 000 тг. выделено", "1250000", "KZT", "exact"),
        ("5 000 ₸ за участие", "5000", "KZT", "exact"),
        ("₸ 5 000 000", "5000000", "KZT", "exact"),
        ("2 млрд тенге", "2000000000", "KZT", "exact"),
        ("$3 billion", "3000000000", "USD", "exact"),
        ("1.234.567,89 евро", "1234567.89", "EUR", "exact"),
        ("1 500,50 евро", "1500.50", "EUR", "exact"),
        ("470.000 EUR", "470000", "EUR", "exact"),
        ("100\u00a0000 евро", "100000", "EUR", "exact"),
        ("100\u202f000 евро", "100000", "EUR", "exact"),
        ("100 000 рублей", "100000", "RUB", "exact"),
        ("50 тыс. руб.", "50000", "RUB", "exact"),
        ("1 млн сомов", "1000000", "KGS", "exact"),
        ("200 000 сомони", "200000", "TJS", "exact"),
        ("10 млн сумов", "10000000", "UZS", "exact"),
        ("100 000 манат", "100000", "TMT", "exact"),
        ("£250,000 from the UK", "250000", "GBP", "exact"),
        ("CHF 300 000", "300000", "CHF", "exact"),
        ("US$ 2 million", "2000000", "USD", "exact"),
        ("$750k", "750000", "USD", "exact"),
        ("25 000 US dollars", "25000", "USD", "exact"),
        ("500 тысяч долларов", "500000", "USD", "exact"),
        ("1,5 млн. долл. США", "1500000", "USD", "exact"),
        ("3 миллиона тенге", "3000000", "KZT", "exact"),
        ("12 000 000 (он екі миллион) теңге", "12000000", "KZT", "exact"),
        ("400 мың еуро", "400000", "EUR", "exact"),
        ("порядка 2 млн евро", "2000000", "EUR", "about"),
        ("Budget 2019 € 500 000", "500000", "EUR", "exact"),
        ("100 000 $ на проект", "100000", "USD", "exact"),
        ("€2.5M programme", "2500000", "EUR", "exact"),
        ("USD 1.2 mln grant", "1200000", "USD", "exact"),
        ("2,3 млн АҚШ доллары", "2300000", "USD", "exact"),
        ("5 000 еуроға дейінгі гранттар", "5000", "EUR", "up_to"),
        ("in excess of €1 million", "1000000", "EUR", "more_than"),
        ("почти 2 млн тенге", "2000000", "KZT", "about"),
    ],
)
def test_amount_forms(text, amount, currency, qualifier):
    (found,) = find_amounts(doc(text), [])
    assert (found.amount, found.currency, found.qualifier) == (Decimal(amount), currency, qualifier)


def currency_word_in(quote: str) -> bool:
    words = ("тенге", "теңге", "доллар", "dollar", "сом", "сум", "euro")
    return any(word in quote for word in words)


@pytest.mark.parametrize(
    ("text", "amount", "currency", "qualifier"),
    [
        ("грант в сумме девять миллионов восемьсот тысяч тенге", "9800000", "KZT", "exact"),
        ("в размере двухсот пятидесяти тысяч долларов США", "250000", "USD", "exact"),
        ("выделено около двух с половиной миллионов сомов", "2500000", "KGS", "about"),
        ("один миллиард триста сорок миллионов сумов", "1340000000", "UZS", "exact"),
        ("Грант көлемі – он бір миллион төрт жүз мың теңге.", "11400000", "KZT", "exact"),
        ("бір жарым миллион теңге бөлінді", "1500000", "KZT", "exact"),
        ("a grant of two hundred and fifty thousand dollars", "250000", "USD", "exact"),
        ("twenty-five thousand euros for the centre", "25000", "EUR", "exact"),
        ("more than one million euros", "1000000", "EUR", "more_than"),
        ("грант в миллион долларов", "1000000", "USD", "exact"),
    ],
)
def test_sums_written_in_words(text, amount, currency, qualifier):
    (found,) = find_amounts(doc(text), [])
    assert (found.amount, found.currency, found.qualifier) == (Decimal(amount), currency, qualifier)
    assert found.evidence[0].text in text and currency_word_in(found.evidence[0].text)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # the figures are read once, with their digits; the words repeat or finish them
        ("14 200 000 (четырнадцать миллионов двести тысяч) тенге", "14200000"),
        ("5 миллионов тенге", "5000000"),
        ("полтора миллиона тенге", "1500000"),
    ],
)
def test_words_beside_figures_are_not_a_second_sum(text, amount):
    assert [found.amount for found in find_amounts(doc(text), [])] == [Decimal(amount)]


@pytest.mark.parametrize(
    "text",
    [
        "әр мың теңгенің қайда кететінін адамдар білуі тиіс",
        "билет стоит десять евро",
        "тысяча тенге за вход",
    ],
)
def test_small_or_idiomatic_sums_in_words_are_not_money(text):
    assert find_amounts(doc(text), []) == []


@pytest.mark.parametrize(
    "text",
    [
        "создана по решению Европарламента в 1994г.",
        "тел. +7 701 216 49 19, факс: (7172) 97-95-63",
        "Алматы, 050026, ул. Айтиева 44",
        "60 адам инклюзивті жоспарлау бойынша оқытуға қатысты",
        "жоспарлары орта есеппен 40%-ға жүзеге асырылды",
        "Проект будет реализован в 16 городах Казахстана",
        "объём рынка составил 2,5 млрд",
        "• USD/KZT\n    0.0\n  • EUR/KZT\n    0.0",
        "В 2019 году 300-ден астам адам қатысты",
        "Европейский Союз поддержал проект",
        "27 Member States during 50 years",
        "Длительность проекта 24 месяца.",
    ],
)
def test_numbers_that_are_not_money(text):
    assert find_amounts(doc(text), [EU]) == []


@pytest.mark.parametrize(
    ("text", "donors", "kind", "donor"),
    [
        ("Вклад Европейского Союза составляет 213 793 евро.", [EU], "donor_contribution", EU),
        ("ЕО жарнасы: € 420 000", [EU], "donor_contribution", EU),
        ("ЕО жарнасы: € 420 000", [], "donor_contribution", EU),
        ("EU contribution: EUR 900,000", [EU], "donor_contribution", EU),
        ("Бюджеті: € 470,000", [EU], "total", None),
        ("Общий бюджет проекта – 500 000 евро, из них ЕС", [EU], "total", None),
        ("The total budget is €1.2m.", [EU], "total", None),
        ("Жобаның жалпы сомасы 470 000 еуро", [EU], "total", None),
        ("Бюджет\n€ 470,000", [EU], "total", None),
        ("Бюджет проекта\n\n  € 470,000", [EU], "total", None),
        (
            "Государственный департамент США и USAID выделят более $1,5 млн на проекты.",
            [STATE, USAID],
            "total",
            None,
        ),
        ("Евросоюз выделил на проект 2 млн евро.", [EU], "donor_contribution", EU),
        ("The project receives €500,000 from the European Union.", [EU], "donor_contribution", EU),
        ("Вклад: 50 000 евро.", [JICA], "donor_contribution", JICA),
        (
            "11 кәсіпкерге 12 000 000 теңге көлеміндегі қаржылық қолдау көрсетілді.",
            [EU],
            "other",
            None,
        ),
        ("20 предпринимателям выданы гранты на 5 млн тенге.", [EU], "other", None),
        ("Участники получили 100 000 тенге.", [EU], "other", None),
        ("In 2018, the EU's trade with Kazakhstan reached €24 billion.", [EU], "other", None),
        ("Жобаның құны – 25 млн теңге.", [EU], "total", None),
        ("Стоимость проекта – 300 тыс. евро.", [EU], "total", None),
        ("A new EUR 1.2 million project funded by the European Union.", [EU], "total", None),
        ("50 млн теңгелік жоба іске қосылды.", [EU], "total", None),
        ("ЕО 50 млн теңге жобаға бөлді.", [EU], "donor_contribution", EU),
        ("оның ішінде ЕО үлесі 135 000 еуро", [EU], "donor_contribution", EU),
        (
            "The project is funded by the European Union (EUR 450,000).",
            [EU],
            "donor_contribution",
            EU,
        ),
        ("EU and UNDP launch a project with a budget of $3m.", [EU, UNDP], "total", None),
    ],
)
def test_kind_and_donor(text, donors, kind, donor):
    (found,) = find_amounts(doc(text), donors)
    assert (found.kind, found.donor) == (kind, donor and donor.normalized)


def test_the_agency_is_the_last_agency_named():
    text = (
        "Посольство Японии и JICA провели встречу. В USAID заявили о схожих планах. "
        "На эти цели агентство готово выделить до $800 тыс."
    )
    (found,) = find_amounts(doc(text), [JICA, USAID])
    assert (found.kind, found.donor, found.qualifier) == ("donor_contribution", "USAID", "up_to")


def test_each_figure_reads_its_own_part_of_the_sentence():
    text = "The EU is providing €1.5 million of the €2 million total budget; UNDP gives $100,000."
    assert summary(find_amounts(doc(text), [EU, UNDP])) == [
        ("1500000", "EUR", "donor_contribution", "exact", "European Union"),
        ("2000000", "EUR", "total", "exact", None),
        ("100000", "USD", "donor_contribution", "exact", "UNDP"),
    ]


def test_donor_found_by_its_evidence_span():
    text = "Средства выделил наш главный партнер: 40 000 евро."
    partner = text.index("наш главный партнер")
    donor = OrganizationFound(
        "Посольство", "donor", "Embassy of Japan", [Evidence(partner, partner + 19, "")]
    )
    (found,) = find_amounts(doc(text), [donor, EU])
    assert (found.kind, found.donor) == ("donor_contribution", "Embassy of Japan")


def test_a_country_stands_for_its_donor_named_just_before():
    text = (
        "Госдепартамент и USAID выделят $2 млн.\n\n"
        "Как уточнили в бюро госдепа, США заинтересованы в этом.\n\n"
        "Новая инициатива США с бюджетом в $750 тыс. поможет вузам."
    )
    found = find_amounts(doc(text), [STATE, USAID])
    assert summary(found) == [
        ("2000000", "USD", "total", "exact", None),
        ("750000", "USD", "donor_contribution", "exact", "U.S. Department of State"),
    ]


def test_a_label_is_not_taken_across_another_figure():
    text = "Бюджет: € 470,000\n€ 420 000"
    assert [a.kind for a in find_amounts(doc(text), [EU])] == ["total", "other"]


def test_equal_figures_from_two_donors_stay_apart():
    text = "ЕС выделил на проект 100 000 евро. USAID выделил на проект 100 000 евро."
    assert summary(find_amounts(doc(text), [EU, USAID])) == [
        ("100000", "EUR", "donor_contribution", "exact", "European Union"),
        ("100000", "EUR", "donor_contribution", "exact", "USAID"),
    ]


def test_a_figure_in_the_headline_and_the_body_is_one_amount():
    text = (
        "США выделят более $1,5 млн на защиту прав\n\n"
        "Госдепартамент США и USAID выделят более $1,5 млн на деятельность НПО."
    )
    (found,) = find_amounts(doc(text), [STATE, USAID])
    assert (found.kind, found.donor, found.qualifier) == ("total", None, "more_than")
    assert [e.text for e in found.evidence] == ["более $1,5 млн", "более $1,5 млн"]


def test_evidence_covers_qualifier_and_currency():
    text = "Агентство готово выделить до $800 тыс. на эти цели; ещё 1 млн теңгеден астам."
    found = find_amounts(doc(text), [USAID])
    assert [e.text for e in found[0].evidence] == ["до $800 тыс."]
    assert [e.text for e in found[1].evidence] == ["1 млн теңгеден астам"]
    assert all(text[e.start : e.end] == e.text for a in found for e in a.evidence)


@pytest.mark.parametrize(
    ("prefix", "donors", "expected"),
    [
        ("000", [EU], [("213793", "EUR", "donor_contribution", "exact", "European Union")]),
        ("001", [EU], []),
        ("002", [EU], []),
        (
            "003",
            [STATE, USAID],
            [
                ("1500000", "USD", "total", "more_than", None),
                ("750000", "USD", "donor_contribution", "exact", "U.S. Department of State"),
                ("800000", "USD", "donor_contribution", "up_to", "USAID"),
            ],
        ),
        (
            "004",
            [EU],
            [
                ("470000", "EUR", "total", "exact", None),
                ("420000", "EUR", "donor_contribution", "exact", "European Union"),
                ("12000000", "KZT", "other", "exact", None),
            ],
        ),
    ],
)
def test_seed_releases(prefix, donors, expected):
    assert summary(find_amounts(seed(prefix), donors)) == expected


@pytest.mark.parametrize(
    ("text", "multiplied", "value"),
    [
        ("213 793", False, "213793"),
        ("470,000", False, "470000"),
        ("1,5", True, "1.5"),
        ("1,250", True, "1.250"),
        ("1.234.567,89", False, "1234567.89"),
        ("1,234,567.89", False, "1234567.89"),
        ("2.5", True, "2.5"),
    ],
)
def test_parse_number(text, multiplied, value):
    assert parse_number(text, decimal_only=multiplied) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "project", "programme"),
    [
        (
            "Посольство выделило школе 87 450 долларов США. За это время при поддержке программы "
            "реализовано более 120 проектов на общую сумму свыше 8,5 млн долларов США.",
            ["87450"],
            ["8500000"],
        ),
        (
            "Программа общим бюджетом 20 млн евро финансирует проект стоимостью 2 млн евро, "
            "из которых вклад ЕС составляет 1,8 млн евро.",
            ["2000000", "1800000"],
            ["20000000"],
        ),
        (
            "The Fund has committed US$900 million since 2001. The grant of US$2.8 million "
            "goes to the villages of Naryn.",
            ["2800000"],
            ["900000000"],
        ),
        (
            "Размер одного гранта, как правило, не превышает 90 тыс. долларов. Махалли получат "
            "мини-гранты от 5 до 10 тыс. долларов на каждый проект.",
            [],
            ["90000", "10000"],
        ),
        (
            "2018 жылдан бері елшілік 45 млрд теңге бөлді. Жобаға 25 млн теңге бөлінді.",
            ["25000000"],
            ["45000000000"],
        ),
        ("Евросоюз выделил на проект 2 млн евро.", ["2000000"], []),
    ],
)
def test_a_programmes_or_funds_figures_are_not_the_projects(text, project, programme):
    found = find_amounts(doc(text), [EU])
    assert [str(a.amount) for a in found if a.kind != "programme"] == project
    assert [str(a.amount) for a in found if a.kind == "programme"] == programme


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Второй грант, полтора миллиона тенге, достался объединению.", [("1500000", "KZT")]),
        ("The grant of CAD 38,500 covers a mobile team.", [("38500", "CAD")]),
        ("Жобаға 86 950\nАҚШ доллары бөлінді.", [("86950", "USD")]),
        ("ADB has committed more than $14 billion to the country since 1995.", []),
        (
            "В 2025 году на госзаказ предусмотрено 412 млн тенге, из бюджета будут "
            "профинансированы 96 проектов.",
            [],
        ),
    ],
)
def test_amounts_in_words_other_currencies_and_wrapped_lines(text, expected):
    found = find_amounts(doc(text), [EU])
    assert [(str(a.amount), a.currency) for a in found if a.kind != "programme"] == expected


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("receives CZK 520,000 (approximately USD 22,600) to introduce", "520000", "CZK"),
        ("грант в размере 176 400 злотых (около 44 000 долларов США)", "176400", "PLN"),
        ("a grant of SEK 300 000 (€26,000)", "300000", "SEK"),
    ],
)
def test_a_conversion_in_brackets_is_not_a_second_sum(text, amount, currency):
    found = find_amounts(doc(text), [])
    assert [(a.amount, a.currency) for a in found] == [(Decimal(amount), currency)]


def test_any_iso_currency_code_in_capitals_and_nothing_that_only_looks_like_one():
    found = find_amounts(doc("Budget: AZN 120 000. The 25 NGO partners met 300 UNO members."), [])
    assert [(a.amount, a.currency) for a in found] == [(Decimal("120000"), "AZN")]


def test_a_sum_a_thousand_times_another_is_not_the_projects_own():
    from projects.ingest import extract

    text = (
        "ADB approved a USD 2 million grant for business incubators in Kokand. Since 1995 the "
        "bank has committed USD 14 billion to Uzbekistan."
    )
    extraction = extract(text, "en")
    assert [(a.amount, a.currency) for a in extraction.amounts] == [(Decimal("2000000"), "USD")]
    assert Decimal("14000000000") in [a.amount for a in extraction.programme_amounts]
