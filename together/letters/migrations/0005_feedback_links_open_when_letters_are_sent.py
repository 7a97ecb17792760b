"""A letter's feedback link works from when the letter was sent, and not before; and it asks the
questions that fit the letter (an introduction about itself, an ending about the whole work)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery

INTRODUCTIONS = ["introductory_child", "welcome_parent"]


def links_follow_their_letters(apps, schema_editor):
    Invitation = apps.get_model("feedback", "FeedbackInvitation")
    Letter = apps.get_model("letters", "Letter")
    links = Invitation.objects.filter(source="letter")
    letter = Letter.objects.filter(uuid=OuterRef("source_id"))
    links.update(opened_at=Subquery(letter.values("sent_at")[:1]))
    introductions = Letter.objects.filter(kind__in=INTRODUCTIONS).values("uuid")
    links.filter(source_id__in=introductions).update(stage="introduction")


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0004_historicalletter"),
        ("feedback", "0006_existing_links_open_with_codes"),
    ]

    operations = [
        migrations.RunPython(links_follow_their_letters, migrations.RunPython.noop, elidable=True),
    ]
