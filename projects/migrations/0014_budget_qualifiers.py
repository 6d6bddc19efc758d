"""Budgets keep how the sources qualify them ("more than", "up to", "about"), so that lists,
cards and the API never show "more than 1 500 000 USD" as an exact figure. Every project's
budget rows are rebuilt (`manage.py rebuild_indexes` does the same)."""

from django.db import migrations, models


def rebuild_budgets(apps, schema_editor):
    """The live indexing code, on purpose (as in 0006 and 0012): at this migration the schema
    is the one it knows."""
    project_ids = list(apps.get_model("projects", "Project").objects.values_list("pk", flat=True))
    if not project_ids:
        return
    from projects import caching, indexing

    indexing.refresh_projects(project_ids, parts={indexing.BUDGETS})
    caching.new_data_version()  # pages and totals kept without the qualifiers are stale


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0013_search_matches_function"),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="headline_qualifier",
            field=models.CharField(
                blank=True,
                choices=[
                    ("exact", "exact"),
                    ("more_than", "more than"),
                    ("up_to", "up to"),
                    ("about", "about"),
                ],
                editable=False,
                max_length=10,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="projectbudget",
            name="qualifier",
            field=models.CharField(default="exact", max_length=10),
        ),
        migrations.RunPython(rebuild_budgets, migrations.RunPython.noop),
    ]
