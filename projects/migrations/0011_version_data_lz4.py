from django.db import migrations


def compress_version_data_with_lz4(apps, schema_editor):
    """A load writes a version of every record it changed, a project's with its texts in each
    language and the original column: with pglz, compressing them cost the server more than
    writing the projects themselves. As 0006 did for the long texts; skipped where the server
    was built without lz4. Rows already stored keep their compression."""
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.db import DatabaseError, transaction

    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(
                "ALTER TABLE reversion_version ALTER COLUMN serialized_data SET COMPRESSION lz4"
            )
    except DatabaseError:
        pass  # pglz, PostgreSQL's default, stays


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0010_evidence_and_corrections"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.RunPython(compress_version_data_with_lz4, migrations.RunPython.noop),
    ]
