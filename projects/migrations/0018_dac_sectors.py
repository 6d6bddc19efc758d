"""The OECD DAC purpose codes as themes (projects/data/dac_sectors.json). A later release of
the codelist is loaded by a migration of its own (or by the loaders, see projects/sectors.py)."""

from django.db import migrations

from projects.sectors import load_codelist


def load(apps, schema_editor):
    load_codelist(apps.get_model("projects", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("projects", "0017_themes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
