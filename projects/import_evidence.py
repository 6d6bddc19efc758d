"""The importer's evidence table as an editor reads it, in the admin's language.

importing.evidence_record stores, per value it read, the field's code, the value and the
quoted words; this module names the field and writes the value for the editor: "Сумма |
более 100 000 EUR, взнос донора", not "amount | more_than 100000 EUR (donor_contribution)".
Rows stored before values were kept structured show their value as it was written then.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .formatting import qualified_amount
from .models import FundingKind, PlaceKind
from .partial_dates import parse_partial_date
from .templatetags.registry_tags import partial_date

FIELD_LABELS = {
    "title": _("title"),
    "published": _("publication date"),
    "start": _("start"),
    "end": _("end"),
    "duration_months": _("duration, months"),
    "contract_number": _("contract number"),
    "amount": _("amount"),
    "programme_amount": _("a programme's or fund's figure (not this project's funding)"),
    "implementer": _("implementer"),
    "partner": _("partner"),
    "donor": _("donor"),
    "place": _("place"),
    "place_not_listed": _("place not in the gazetteer"),
    "contact": _("contact"),
    "announced_project": _("one of the projects the release announces"),
}
KIND_LABELS = {
    "programme": pgettext_lazy("amount", "programme or fund as a whole"),
    **{kind.value: kind.label for kind in FundingKind},
}
PLACE_KINDS = {kind.value: kind.label for kind in PlaceKind}


def field_label(row: dict) -> str:
    return str(FIELD_LABELS.get(row["field"], row["field"]))


def value_text(row: dict) -> str:
    """The row's value in the editor's language, where it was kept structured."""
    if "amount" in row:
        amount = row["amount"]
        try:
            figure = qualified_amount(
                Decimal(amount["amount"]), amount["qualifier"], amount["currency"]
            )
        except (InvalidOperation, KeyError, TypeError):
            return str(row.get("value", ""))
        return f"{figure}, {KIND_LABELS.get(amount.get('kind'), amount.get('kind', ''))}"
    if "place_kind" in row:
        kind = PLACE_KINDS.get(row["place_kind"], row["place_kind"])
        return f"{row['value']} ({kind})"
    if row["field"] in ("published", "start", "end"):
        try:
            return partial_date(parse_partial_date(row["value"])) or str(row["value"])
        except ValueError:
            return str(row["value"])
    return str(row.get("value", ""))
