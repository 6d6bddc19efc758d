"""Database functions the registry needs on both SQLite and PostgreSQL."""

from django.db.backends.signals import connection_created
from django.db.models import CharField, Func, TextField, Transform


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
