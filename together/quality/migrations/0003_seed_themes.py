"""The product's first list of quality themes; national leadership keeps it from here."""

from django.db import migrations

THEMES = [
    "Domestic abuse",
    "Diversity and identity",
    "Seeing children",
    "Reasoning",
    "Letters",
    "The child's own words",
    "Sharing recommendations",
    "Endings",
    "Working with other professionals",
]


def seed(apps, schema_editor):
    Theme = apps.get_model("quality", "Theme")
    for name in THEMES:
        Theme.objects.get_or_create(name=name)


def unseed(apps, schema_editor):
    Theme = apps.get_model("quality", "Theme")
    Theme.objects.filter(name__in=THEMES, audits__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("quality", "0002_audits_in_full")]

    operations = [migrations.RunPython(seed, unseed)]
