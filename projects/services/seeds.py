"""The files in seeds/: the place gazetteer, the reviewed records beside their press releases,
and the exchange rates; read (seed_files.py) and loaded with records_load."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from .. import history, indexing
from ..currency import COMBINED
from ..models import ExchangeRate
from ..seed_files import GAZETTEER_FILE, SeedError, read_gazetteer, read_record
from ..seed_schema import SeedRecord
from .bulk import plan_upsert, validate, write
from .records import LoadReport, records_load

EXCHANGE_RATES_FILE = "exchange_rates.yaml"
RATE_FIELDS = ["currency", "year", "rate_to_eur", "rate_to_usd", "source", "source_url"]


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
    derived = COMBINED.join([nbk["name"], ecb["name"]])  # KZT in EUR comes from both series
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
