"""PostgreSQL: the projects whose search document matches a query, always read through the GIN
index. For a query matching most projects ("Казахстан" with its aliases), the planner chose to
read every document instead (its cost model does not count unpacking each long, compressed
vector): 1.4 s rather than 50 ms at 100,000 projects. A function may carry its own planner
setting, so these two turn sequential scans off for their one query only."""

from django.db import migrations

# What the planner assumes a search matches (it cannot see inside a function): enough that it
# joins the matches to the projects by hashing, rather than looking each one up by its id.
ESTIMATED_ROWS = 20_000
FUNCTIONS = {
    "registry_search_matches": "vector",
    "registry_search_head_matches": "head_vector",
}


def create_functions(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in FUNCTIONS.items():
        schema_editor.execute(
            f"CREATE OR REPLACE FUNCTION {name}(words tsquery) RETURNS SETOF bigint "
            f"LANGUAGE sql STABLE ROWS {ESTIMATED_ROWS} SET enable_seqscan = off AS $$ "
            f"SELECT project_id FROM projects_projectsearchdocument WHERE {column} @@ words $$"
        )


def drop_functions(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in FUNCTIONS:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}(tsquery)")


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0012_search_head"),
    ]

    operations = [
        migrations.RunPython(create_functions, drop_functions),
    ]
