"""Database functions the registry needs on both SQLite and PostgreSQL."""

from django.db.backends.signals import connection_created
from django.db.models import (
    BooleanField,
    CharField,
    ExpressionWrapper,
    Func,
    Q,
    TextField,
    Transform,
)


class CaseFold(Func):
    """Lower-case text in any script, so "павлодар" finds "Павлодар" and "ҚАРАҒАНДЫ" finds
    "Қарағанды".

    PostgreSQL's LOWER() does this with a UTF-8 ctype; SQLite's LOWER() only knows ASCII, so
    on SQLite the registry registers Python's str.casefold as a function
    (see register_sqlite_functions).
    """

    function = "LOWER"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="REGISTRY_CASEFOLD", **extra_context)


class TestedRowByRow(Func):
    """A condition (a Q) the database tests on each row it reads, rather than joining to:
    `(condition) IS TRUE`. For `pk__in=<subquery>` PostgreSQL then builds the subquery's ids
    into a hash table once and can walk an ordered index, stopping at the LIMIT; as a plain
    WHERE it turns the IN into a join, which for a subquery it cannot estimate (a function)
    means one index probe per id: 80 ms for 13,000 matches at 100,000 projects, against 10 ms
    for the walk."""

    template = "(%(expressions)s) IS TRUE"
    output_field = BooleanField()

    def __init__(self, condition: Q):
        super().__init__(ExpressionWrapper(condition, output_field=BooleanField()))


class CaseFoldTransform(Transform):
    """`title_ru__casefold__contains="павлодар"`: the same as CaseFold, as a lookup."""

    lookup_name = "casefold"
    function = "LOWER"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="REGISTRY_CASEFOLD", **extra_context)


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("REGISTRY_CASEFOLD", 1, _casefold, deterministic=True)


def install():
    """Called once at start-up (ProjectsConfig.ready)."""
    connection_created.connect(register_sqlite_functions, dispatch_uid="registry-casefold")
    CharField.register_lookup(CaseFoldTransform)
    TextField.register_lookup(CaseFoldTransform)
