from pathlib import Path

import pytest

from projects.ingest.identifiers import find_contract_number
from projects.ingest.result import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def doc(text: str, language: str = "ru") -> Document:
    return Document(text=text, article=text, language=language)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Келісім-шарт нөмірі\nCSO-LA/2016/382-029\n\nЖобаның нәтижелері:", "CSO-LA/2016/382-029"),
        ("Келісім-шарт нөмірі CSO-LA/2016/382-029", "CSO-LA/2016/382-029"),
        ("Contract No. EIDHR/2012/123-456 was signed.", "EIDHR/2012/123-456"),
        ("Contract number: DCI-HUM/2014/351-789", "DCI-HUM/2014/351-789"),
        ("Договор № 2019/412-345 от 01.02.2019", "2019/412-345"),
        ("Контракт №EIDHR/2014/348-567.", "EIDHR/2014/348-567"),
        ("Grant Agreement No. 72011519CA00003", "72011519CA00003"),
        ("Cooperative Agreement No. AID-115-A-13-00001", "AID-115-A-13-00001"),
        ("Номер контракта: ENI/2018/400-123", "ENI/2018/400-123"),
        ("№ договора: KZ-2019-15", "KZ-2019-15"),
        ("Договор о предоставлении гранта № 15/2020 от 3 марта", "15/2020"),
        ("Грант келісімінің нөмірі: 2019-GR-117", "2019-GR-117"),
        ("Award #72011520FA00001 supports NGOs.", "72011520FA00001"),
        ("Проект финансируется ЕС (ENI/2018/400-123).", "ENI/2018/400-123"),
        ("Контракт DCI-NSAPVD/2013/330-123 реализуется ОО «Эхо».", "DCI-NSAPVD/2013/330-123"),
        ("USAID award AID-176-A-15-00002 funds the project.", "AID-176-A-15-00002"),
        ("Контракт: IcSP/2017/388-123", "IcSP/2017/388-123"),
        ("Договор № 15 от 01.02.2017", "15"),
    ],
)
def test_contract_number(text, number):
    found = find_contract_number(doc(text))
    assert found is not None
    assert found.value == number
    (evidence,) = found.evidence
    assert text[evidence.start : evidence.end] == number


@pytest.mark.parametrize(
    "text",
    [
        "тел. +7 701 216 49 19, факс: (7172) 97-95-63",
        "Алматы, 050026, ул. Айтиева 44; Астана 010000",
        "Проект стартовал 01.02.2017 и завершится 31.01.2020.",
        "Договор № 01.02.2017",
        "Грант 2019 года получили 20 НПО.",
        "Контракт: 2019",
        "Grant number of participants grew.",
        "Документ 2019/412 утвержден.",
        "ЕО жарнасы: € 420 000",
    ],
)
def test_no_contract_number(text):
    assert find_contract_number(doc(text)) is None


@pytest.mark.parametrize(
    ("prefix", "number"),
    [("000", None), ("001", None), ("002", None), ("003", None), ("004", "CSO-LA/2016/382-029")],
)
def test_seed_releases(prefix, number):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    found = find_contract_number(doc(path.read_text(encoding="utf-8")))
    assert (found and found.value) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Грант шартына 2025 жылғы 28 наурызда қол қойылды (№ 07-ӨГ/2025).", "07-ӨГ/2025"),
        (
            "Орталық пен бірлестік арасындағы грант шартына қол қойылған (№ 2022-МГ-0147).",
            "2022-МГ-0147",
        ),
        ("The technical assistance (TA 10547-UZB) will be implemented from 2025.", "TA 10547-UZB"),
        ("The grant TF0C5183 from the Japan Social Development Fund.", "TF0C5183"),
    ],
)
def test_numbers_of_other_shapes(text, number):
    found = find_contract_number(Document(text=text, article=text, language="ru"))
    assert found is not None and found.value == number


def test_a_numbered_thing_that_is_no_contract_is_not_its_number():
    text = "В школе № 12-А прошёл семинар для учителей."
    assert find_contract_number(Document(text=text, article=text, language="ru")) is None
