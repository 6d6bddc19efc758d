"""The files in seeds/: the place gazetteer, the reviewed records beside their press releases,
and the exchange rates; read, checked, and loaded with records_load."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from .. import history, indexing
from ..models import ExchangeRate
from ..seed_schema import Gazetteer, SeedRecord, Translated
from .bulk import SeedError, plan_upsert, validate, write
from .checks import (
    check_gazetteer,
    check_record_references,
    format_validation_error,
)
from .records import LoadReport, records_load

LANGUAGES = ("ru", "kk", "en")
GAZETTEER_FILE = "gazetteer.json"
EXCHANGE_RATES_FILE = "exchange_rates.yaml"
RATE_FIELDS = ["currency", "year", "rate_to_eur", "rate_to_usd", "source", "source_url"]


def read_gazetteer(path: Path) -> Gazetteer:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        gazetteer = Gazetteer.model_validate(data)
    except FileNotFoundError:
        raise SeedError(f"{path}: the gazetteer file is missing") from None
    except json.JSONDecodeError as error:
        raise SeedError(f"{path.name}: not valid JSON: {error}") from None
    except PydanticValidationError as error:
        raise SeedError(format_validation_error(path, error)) from None
    check_gazetteer(path.name, gazetteer)
    return gazetteer


def read_record(path: Path) -> SeedRecord:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SeedError(f"{path.name}: not valid YAML: {error}") from None
    except UnicodeDecodeError:
        raise SeedError(f"{path.name}: not UTF-8 text") from None
    try:
        record = SeedRecord.model_validate(data)
    except PydanticValidationError as error:
        raise SeedError(format_validation_error(path, error)) from None
    _check_reviewed(path, record)
    check_record_references(path.name, record, files_dir=path.parent)
    return record


def _check_reviewed(path: Path, record: SeedRecord) -> None:
    """Reviewed seed records have a source file and every text in all three languages."""
    if record.source is None or not record.source.file:
        raise SeedError(f"{path.name}: source.file: a seed record names its press release file")
    for location, text in _translated_texts(record):
        if not text.complete:
            missing = [lang for lang in LANGUAGES if not getattr(text, lang)]
            raise SeedError(f"{path.name}: {location}: missing {', '.join(missing)}")


def _translated_texts(model, location: str = ""):
    """Every Translated value inside a record, with its dotted location."""
    if isinstance(model, Translated):
        yield location, model
    elif isinstance(model, list):
        for index, item in enumerate(model):
            yield from _translated_texts(item, f"{location}.{index}")
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            path = f"{location}.{name}" if location else name
            yield from _translated_texts(getattr(model, name), path)


def exchange_rates_load(*, path: Path, report: LoadReport) -> None:
    """Annual average rates of EUR, USD and KZT from the ECB (USD per EUR) and the National
    Bank of Kazakhstan (KZT per USD) series in seeds/exchange_rates.yaml."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ecb, nbk = data["sources"]["ecb"], data["sources"]["nbk"]
        averages = {
            int(year): (Decimal(usd_per_eur), Decimal(kzt_per_usd))
            for year, (usd_per_eur, kzt_per_usd) in data["annual_averages"].items()
        }
    except FileNotFoundError:
        raise SeedError(f"{path.name}: the exchange rate file is missing") from None
    except (yaml.YAMLError, KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise SeedError(f"{path.name}: not a valid rate table: {error!r}") from None
    derived = f"{nbk['name']} × {ecb['name']}"  # KZT in EUR comes from both series
    wanted, labels = {}, {}
    for year, (usd_per_eur, kzt_per_usd) in sorted(averages.items()):
        if usd_per_eur <= 0 or kzt_per_usd <= 0:
            raise SeedError(f"{path.name}: annual_averages.{year}: rates must be positive")
        rows = {
            "EUR": (Decimal(1), usd_per_eur, ecb["name"], ecb["url"]),
            "USD": (1 / usd_per_eur, Decimal(1), ecb["name"], ecb["url"]),
            "KZT": (1 / (kzt_per_usd * usd_per_eur), 1 / kzt_per_usd, derived, nbk["url"]),
        }
        for currency, (to_eur, to_usd, source, url) in rows.items():
            wanted[currency, year] = {
                "currency": currency,
                "year": year,
                "rate_to_eur": to_eur.quantize(Decimal("1e-10")),
                "rate_to_usd": to_usd.quantize(Decimal("1e-10")),
                "source": source[:300],
                "source_url": url,
            }
            labels[currency, year] = f"{path.name}: annual_averages.{year} ({currency})"
    existing = {
        (row["currency"], row["year"]): row
        for row in ExchangeRate.objects.values("pk", *RATE_FIELDS)
    }
    plan = plan_upsert(existing=existing, wanted=wanted)
    validate(ExchangeRate, [(labels[key], values) for key, values in plan.rows_to_write()])
    write(ExchangeRate, plan)
    report.add_plan("exchange rates", plan)
    if plan.created or plan.updated:
        indexing.mark_data_changed()  # converted figures change; bulk writes send no signals
        changed = [plan.ids[key] for key in [*plan.created, *plan.updated]]
        history.record_changes("load_seeds", {ExchangeRate: changed})


@transaction.atomic
def seeds_load(*, seeds_dir: Path) -> LoadReport:
    """Load the gazetteer, the exchange rates and every reviewed record in seeds_dir, all or
    nothing."""
    gazetteer = read_gazetteer(seeds_dir / GAZETTEER_FILE)
    record_paths = sorted(seeds_dir.glob("[0-9][0-9][0-9]_*.yaml"))
    if not record_paths:
        raise SeedError(f"{seeds_dir}: no records (NNN_*.yaml) found")
    records = {path: read_record(path) for path in record_paths}

    def texts(record: SeedRecord) -> list[str]:
        return [
            source.text
            if source.text is not None
            else (seeds_dir / source.file).read_bytes().decode("utf-8")
            for source in record.sources
        ]

    with indexing.batch():
        report = records_load(
            records=records, gazetteer=gazetteer, texts=texts, via="load_seeds", reviewed=True
        )
        exchange_rates_load(path=seeds_dir / EXCHANGE_RATES_FILE, report=report)
    return report
