from pathlib import Path

import pytest

from projects.ingest.dates import find_period, find_published
from projects.ingest.result import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def doc(text: str, language: str = "ru") -> Document:
    return Document(text=text, article=text, language=language)


def seed(prefix: str) -> Document:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    # 003 ends with a sidebar of unrelated headlines after its source line
    return doc(path.read_text(encoding="utf-8").split("Источник:")[0])


def period(text: str) -> tuple[str | None, str | None, int | None]:
    start, end, months, _ = find_period(doc(text))
    return (start and start.iso, end and end.iso, months)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("## ПРЕСС-РЕЛИЗ\n\n5 ноября 2012\n\n### Заголовок", "2012-11-05"),
        ("05.11.2012\n\nЗаголовок релиза", "2012-11-05"),
        ("Press release\n5 November 2012\nThe EU supports NGOs", "2012-11-05"),
        ("Press release\nNovember 5, 2012\nThe EU supports NGOs", "2012-11-05"),
        ("Баспасөз хабарламасы\n2012 жылғы 5 қараша\nЖоба басталды", "2012-11-05"),
        ("5 қараша 2012 ж.\nЖоба басталды", "2012-11-05"),
        ("Алматы, 5 ноября 2012 года\n\nСостоялась встреча", "2012-11-05"),
        ("АСТАНА, 5 ноября 2012 г. – Европейский Союз поддержал проект НПО.", "2012-11-05"),
        ("**Алматы. 12 марта 2019 г.** В Алматы стартовал проект.", "2019-03-12"),
        (
            "ALMATY, Kazakhstan, March 5, 2019 – The European Union launched a project.",
            "2019-03-05",
        ),
        ("Дата публикации: 2019-03-12\nЗаголовок", "2019-03-12"),
        ("Опубликовано: 1 сентября 2020 г., 10:30\nЗаголовок", "2020-09-01"),
        ("Заголовок новости\n\n14.02.2018 | Астана\n\nТекст новости.", "2018-02-14"),
        ("ПРЕСС-РЕЛИЗ от 5 ноября 2012 г.\n\nЗаголовок", "2012-11-05"),
        ("Published on 5 November 2012\n\nHeadline", "2012-11-05"),
        ("Жарияланған күні: 03.03.2021\nЖаңалық", "2021-03-03"),
    ],
)
def test_published(text, iso):
    found = find_published(doc(text))
    assert found is not None
    assert found.iso == iso
    (evidence,) = found.evidence
    assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "Алматы. 6 апреля. Центр информации - Госдеп США выделит $1,5 млн.",
        "22 тамызда Павлодар қаласында тренинг аяқталды.",
        "С 1 апреля 2014 г. коалиция из трех НПО приступила к осуществлению проекта.",
        "5 ноября 2012 года в Астане состоялась встреча партнеров проекта.",
        "Ұзақтығы\nАқпан 2017 – Қаңтар 2020\nБюджет",
        "Заголовок\n\n" + "Длинный первый абзац о проекте без даты. " * 8 + "\n\n5 ноября 2012",
        "Проект стартовал. Встреча прошла 8-9 апреля 2014 г. в Стамбуле.",
        "Проект стартует 1 марта 2015 года\n\nВ Алматы начинается новый проект.",
        "Update: 5 May 2019 was the day the project ended.",
    ],
)
def test_no_published_date(text):
    assert find_published(doc(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Проект будет осуществляться в период с апреля 2014 г. по сентябрь 2016 г.",
            ("2014-04", "2016-09", None),
        ),
        (
            "С 1 апреля 2014 г. коалиция НПО приступила к осуществлению проекта.",
            ("2014-04-01", None, None),
        ),
        (
            "С 1 апреля 2014 г. коалиция приступила к осуществлению проекта. Проект будет "
            "осуществляться в период с апреля 2014 г. по сентябрь 2016 г.",
            ("2014-04-01", "2016-09", None),
        ),
        ("Ұзақтығы\nАқпан 2017 – Қаңтар 2020\nБюджет", ("2017-02", "2020-01", None)),
        (
            "Жоба 2018 жылдың қаңтарынан бастап 2019 жылдың желтоқсанына дейін іске асырылады.",
            ("2018-01", "2019-12", None),
        ),
        (
            "Жоба 2017 жылғы ақпаннан 2020 жылғы қаңтарға дейін жүзеге асырылды.",
            ("2017-02", "2020-01", None),
        ),
        ("The project runs from March 2015 to February 2017.", ("2015-03", "2017-02", None)),
        ("Project period: March 2015 – February 2017", ("2015-03", "2017-02", None)),
        ("Сроки реализации: 2017–2019", ("2017", "2019", None)),
        ("Project duration: 2017-2019", ("2017", "2019", None)),
        ("Жобаның ұзақтығы: 2017-2019 жж.", ("2017", "2019", None)),
        ("Сроки реализации проекта: 01.02.2017 – 31.01.2020", ("2017-02-01", "2020-01-31", None)),
        ("Проект реализуется 01.02.2017-31.01.2020.", ("2017-02-01", "2020-01-31", None)),
        (
            "Проект продлится с 1 марта 2015 года по 28 февраля 2017 года.",
            ("2015-03-01", "2017-02-28", None),
        ),
        ("Период реализации: апрель – декабрь 2016 г.", ("2016-04", "2016-12", None)),
        ("Проект продлится до сентября 2016 года.", (None, "2016-09", None)),
        ("The project was launched on 1 March 2015 in Almaty.", ("2015-03-01", None, None)),
        (
            "Проект стартует в марте 2019 года и продлится до декабря 2019 года.",
            ("2019-03", "2019-12", None),
        ),
        ("The project will start in May 2021.", ("2021-05", None, None)),
        (
            "ASTANA, 12 March 2019 – The EU today launched a project running from March 2019 "
            "to February 2022.",
            ("2019-03", "2022-02", None),
        ),
        ("Дата начала: 01.03.2015\nДата окончания: 28.02.2017", ("2015-03-01", "2017-02-28", None)),
        ("Implementation period: 04.2014 – 09.2016", ("2014-04", "2016-09", None)),
        (
            "Жоба 2019 жылдың қыркүйегінен 2021 жылдың тамызына дейін жүзеге асырылады.",
            ("2019-09", "2021-08", None),
        ),
        (
            "The project is implemented between March 2015 and February 2017.",
            ("2015-03", "2017-02", None),
        ),
        ("Project dates: 1 March 2015 – 28 February 2017", ("2015-03-01", "2017-02-28", None)),
        ("Сроки: 2017–2019 гг.", ("2017", "2019", None)),
    ],
)
def test_period(text, expected):
    assert period(text) == expected


@pytest.mark.parametrize(
    ("text", "months", "evidence"),
    [
        ("Длительность проекта 24 месяца.", 24, "Длительность проекта 24 месяца"),
        ("Срок реализации – 2 года.", 24, "Срок реализации – 2 года"),
        ("Продолжительность проекта: 18 месяцев.", 18, "Продолжительность проекта: 18 месяцев"),
        ("Project duration: 18 months", 18, "duration: 18 months"),
        ("This 36-month project supports NGOs.", 36, "36-month project"),
        ("A three-year project was launched.", 36, "three-year project"),
        ("Ұзақтығы: 24 ай", 24, "Ұзақтығы: 24 ай"),
        ("Жоба 2 жылға арналған.", 24, "2 жылға арналған"),
        ("Жобаның мерзімі – 1,5 жыл.", 18, "мерзімі – 1,5 жыл"),
        ("Проект рассчитан на 3 года.", 36, "рассчитан на 3 года"),
        ("Трехлетний проект поддержит НПО.", 36, "Трехлетний проект"),
        ("Это 24-месячный проект.", 24, "24-месячный проект"),
        ("The project will be implemented over 30 months.", 30, "over 30 months"),
        ("Проект будет реализован в течение двух лет.", 24, "в течение двух лет"),
        ("24 айлық жоба басталды.", 24, "24 айлық жоба"),
    ],
)
def test_duration(text, months, evidence):
    _, _, found, found_evidence = find_period(doc(text))
    assert found == months
    assert [e.text for e in found_evidence] == [evidence]


@pytest.mark.parametrize(
    "text",
    [
        "8-9 апреля 2014 г. организациями-участниками проекта была проведена встреча.",
        "Программа была создана по решению Европарламента в 1994г.",
        "В сентябре 2019 года президент Казахстана заявил о цели создать государство.",
        "22 тамызда Павлодар қаласында үш күндік оқыту тренингі аяқталды.",
        "В 2010–2012 гг. организация реализовала проект в Павлодаре.",
        "Тренинг прошел с 5 по 7 мая 2015 года.",
        "Организация работает в Казахстане 15 лет.",
        "During a period of enlargement of 50 years, they built a zone of stability.",
        "В апреле 2014 года и в мае 2015 года прошли семинары.",
        "Проект начался в прошлом году. 6 апреля прошла встреча.",
        "Срок подачи заявок – 15 мая.",
        "В марте 2015 года организация начала работу в Таразе.",
        "Организация, которая начала работу 1 марта 2010 года, провела тренинг.",
    ],
)
def test_no_period(text):
    assert period(text) == (None, None, None)


@pytest.mark.parametrize(
    ("prefix", "published", "expected"),
    [
        ("000", "2012-11-05", (None, None, 24)),
        ("001", None, ("2014-04-01", "2016-09", None)),
        ("002", None, (None, None, None)),
        ("003", None, (None, None, None)),
        ("004", None, ("2017-02", "2020-01", None)),
    ],
)
def test_seed_releases(prefix, published, expected):
    document = seed(prefix)
    found = find_published(document)
    assert (found and found.iso) == published
    start, end, months, _ = find_period(document)
    assert (start and start.iso, end and end.iso, months) == expected


def test_agreeing_dates_merge_their_evidence():
    start, end, _, _ = find_period(seed("001"))
    assert sorted(e.text for e in start.evidence) == ["1 апреля 2014 г.", "апреля 2014 г."]
    assert [e.text for e in end.evidence] == ["сентябрь 2016 г."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Проект будет реализован в период с 1 апреля по 30 ноября 2024 года.",
            ("2024-04-01", "2024-11-30", None),
        ),
        (
            "Услуги будут оказываться с 1 марта по 20 декабря 2025 года.",
            ("2025-03-01", "2025-12-20", None),
        ),
        (
            "Жоба 2022 жылғы 1 маусым мен 15 желтоқсан аралығында іске асырылады.",
            ("2022-06-01", "2022-12-15", None),
        ),
        ("The project runs from March to December 2025.", ("2025-03", "2025-12", None)),
        ("Проект рассчитан на 2024–2027 годы.", ("2024", "2027", None)),
        (
            "ЮНФПА-ның 2021–2025 жылдарға арналған ел бағдарламасы аясындағы жоба "
            "қыркүйекте басталды.",
            (None, None, None),
        ),
        ("Программа на 2023–2028 годы поддержит проект.", (None, None, None)),
        (
            "Оба проекта рассчитаны на двенадцать месяцев и стартуют в марте 2021 года.",
            ("2021-03", None, 12),
        ),
        (
            "Проект рассчитан на 14 месяцев: работы начнутся в марте 2025 года и завершатся в "
            "апреле 2026 года.",
            ("2025-03", "2026-04", 14),
        ),
        ("Ремонт школы планируется завершить до конца 2025 года.", (None, "2025", None)),
        ("Проект продлится 30 месяцев.", (None, None, 30)),
        ("The three-year initiative will help farmers.", (None, None, 36)),
        ("Жоба 12 ай\nішінде іске асырылады.", (None, None, 12)),
        ("It will be implemented by UN Women – a period of 30 months.", (None, None, 30)),
        (
            "Работа начнется в сентябре 2025 года и продлится до конца 2026 года.",
            ("2025-09", "2026", None),
        ),
        (
            "Жоба 2025 жылғы 1 наурыздан 30 қарашаға дейін іске асырылады.",
            ("2025-03-01", "2025-11-30", None),
        ),
        (
            "Жоба екі жылға есептелген және 2025 жылғы маусымда басталады.",
            ("2025-06", None, 24),
        ),
        ("Жоба 2023 жылғы қазаннан бастап 18 ай бойы жалғасады.", ("2023-10", None, 18)),
        (
            "The four-year project is expected to be completed by June 2029.",
            (None, "2029-06", 48),
        ),
    ],
)
def test_periods_as_releases_write_them(text, expected):
    assert period(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Проект стартовал в апреле и продлится до конца ноября 2025 года.",
            ("2025-04", "2025-11", None),
        ),
        (
            "Работы начнутся в апреле и завершатся в декабре 2025 года.",
            ("2025-04", "2025-12", None),
        ),
        (
            "Жоба 2025 жылғы мамыр айынан қазан айына дейін жүзеге асады.",
            ("2025-05", "2025-10", None),
        ),
        (
            "Жоба 2025 жылдың қазан айынан 2026 жылдың наурызына дейін жалғасады.",
            ("2025-10", "2026-03", None),
        ),
        (
            "Жұмыстар 2024 жылғы маусым – қараша аралығында жүргізіледі.",
            ("2024-06", "2024-11", None),
        ),
        (
            "Проект стартовал в мае 2025 года и продлится до конца года.",
            ("2025-05", "2025", None),
        ),
        (
            "The project launched in February 2025 and runs until the end of the year.",
            ("2025-02", "2025", None),
        ),
        (
            "Проект рассчитан на год – с июня 2025 года по май 2026 года.",
            ("2025-06", "2026-05", 12),
        ),
        ("The 30-month action starts on 1 November 2025.", ("2025-11-01", None, 30)),
    ],
)
def test_periods_as_newsrooms_write_them(text, expected):
    assert period(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Жұмыс 2025–2026 оқу жылы ішінде жүргізіледі.", ("2025", "2026", None)),
        ("Жоба 2025 жылғы сәуір-қазан айларында жүзеге асады.", ("2025-04", "2025-10", None)),
        ("Проект стартует в июле 2025 года и продлится год.", ("2025-07", None, 12)),
        ("Мобильные приемные будут работать в течение полугода.", (None, None, 6)),
    ],
)
def test_school_years_month_ranges_and_a_year_or_half_a_year(text, expected):
    assert period(text) == expected
