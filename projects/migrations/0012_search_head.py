"""Search by stems in each language (search.py), ranked: the documents get a `head` (titles and
organisation names) with its own vector and GIN index, and every document is rebuilt with the
new stems. On a large registry the rebuild takes a few minutes (`manage.py rebuild_indexes`
does the same)."""

from django.db import migrations, models

import projects.models.derived

HEAD_INDEX = "project_search_head_gin"


def create_head_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {HEAD_INDEX} ON projects_projectsearchdocument USING gin (head_vector)"
        )


def drop_head_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {HEAD_INDEX}")


def rebuild_documents(apps, schema_editor):
    """Documents stemmed as search.py now stems queries. (The live indexing code is used on
    purpose, as in 0006: at this migration the schema is the one it knows.)"""
    if not apps.get_model("projects", "Project").objects.exists():
        return
    from projects import indexing

    indexing.rebuild_all()


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0011_version_data_lz4"),
    ]

    operations = [
        migrations.AddField(
            model_name="projectsearchdocument",
            name="head",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="projectsearchdocument",
            name="head_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=projects.models.derived.SearchWords("head"),
                output_field=projects.models.derived.SearchVectorColumn(),
            ),
        ),
        migrations.RunPython(create_head_index, drop_head_index),
        migrations.RunPython(rebuild_documents, migrations.RunPython.noop),
    ]
