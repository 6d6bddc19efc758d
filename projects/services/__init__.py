"""Writes that carry rules. Views and commands call these; models stay free of side effects.

- records.py: loading records (seeds, JSON exports) in bulk: places, organisations and
  keywords, then project_rows.py: projects and the rows inside them, a chunk at a time;
  checks.py: what a file must satisfy before anything is written; record_values.py: how a
  record maps onto columns; bulk.py: the compare-validate-write machinery they share;
- seeds.py: loading the files in seeds/ (gazetteer, reviewed records, exchange rates), read
  by ../seed_files.py beside the schema they follow (../seed_schema.py);
- editors.py: the Editors group and its permissions;
- corrections.py: visitors' reports of errors, and the editors' answers to them;
- publishing.py: review before publishing (submit, publish, withdraw) and the Publishers group.
"""

from ..seed_files import (
    GAZETTEER_FILE,
    SeedError,
    check_gazetteer,
    check_record_references,
    format_validation_error,
    read_gazetteer,
    read_record,
)
from .checks import merge_organizations
from .corrections import correction_create, corrections_mark
from .editors import EDITORS_GROUP, editors_group_ensure
from .records import LoadReport, records_load
from .seeds import EXCHANGE_RATES_FILE, exchange_rates_load, seeds_load

__all__ = [
    "EDITORS_GROUP",
    "EXCHANGE_RATES_FILE",
    "GAZETTEER_FILE",
    "LoadReport",
    "SeedError",
    "check_gazetteer",
    "check_record_references",
    "correction_create",
    "corrections_mark",
    "editors_group_ensure",
    "exchange_rates_load",
    "format_validation_error",
    "merge_organizations",
    "read_gazetteer",
    "read_record",
    "records_load",
    "seeds_load",
]
