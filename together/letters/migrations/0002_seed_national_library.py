"""Seed the national library of letter templates (together/letters/library.py)."""

from django.db import migrations


def seed(apps, schema_editor):
    from together.letters.library import LIBRARY

    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    if LetterTemplate.objects.filter(service_area__isnull=True).exists():
        return
    LetterTemplate.objects.bulk_create(
        [
            LetterTemplate(kind=kind, style=style, title=title, body=body)
            for kind, style, title, body in LIBRARY
        ]
    )


def unseed(apps, schema_editor):
    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    LetterTemplate.objects.filter(service_area__isnull=True, letters__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
