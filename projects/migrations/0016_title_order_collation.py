"""The A-Z order of titles follows each language's alphabet (projects/collation.py): on
PostgreSQL the title-order indexes are rebuilt in ICU's collation of their language, so a page
in that order is still read from an index."""

from django.db import migrations

LANGUAGES = ("ru", "kk", "en")


def index_sql(language: str, collated: bool) -> str:
    column = (
        f'title_{language} COLLATE "{language}-x-icu"' if collated else f"LOWER(title_{language})"
    )
    return f"CREATE INDEX project_title_order_{language} ON projects_project ({column}, id)"


def rebuild(collated: bool):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for language in LANGUAGES:
            schema_editor.execute(f"DROP INDEX IF EXISTS project_title_order_{language}")
            schema_editor.execute(index_sql(language, collated))

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0015_corrections"),
    ]

    operations = [
        migrations.RunPython(rebuild(collated=True), rebuild(collated=False)),
    ]
