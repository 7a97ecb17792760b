"""Copy the engine's built-in glossary into the database, where people can then edit it.

From here on the database copy is the glossary; later changes to the built-in list do not reach
it (the built-in list is only the starting point).
"""

import uuid

from django.db import migrations


def seed(apps, schema_editor):
    from together.language.glossary import BUILT_IN_GLOSSARY

    GlossaryTerm = apps.get_model("language", "GlossaryTerm")
    GlossaryVersion = apps.get_model("language", "GlossaryVersion")
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            term=entry.term,
            alternatives="\n".join(entry.alternatives),
            reason=entry.reason,
            category=entry.category,
            inflect=entry.inflect,
        )
        for entry in BUILT_IN_GLOSSARY
    )
    GlossaryVersion.objects.update_or_create(id=1, defaults={"number": 1, "token": uuid.uuid4()})


def unseed(apps, schema_editor):
    apps.get_model("language", "GlossaryTerm").objects.all().delete()
    apps.get_model("language", "GlossaryVersion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("language", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
