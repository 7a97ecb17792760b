"""The demo shows a year of quality assurance with believable grades."""

from collections import Counter

from django.core.management import call_command

from together.quality.models import (
    Audit,
    AuditChange,
    DomainGrade,
    Grade,
    Moderation,
    Observation,
    QualityAction,
    View,
)


def test_the_demo_has_a_year_of_audits_observations_and_moderation(db):
    call_command("demo_data", "--size=small", "--today=2026-11-01", verbosity=0)
    finished = Audit.objects.filter(stage=Audit.Stage.FINISHED)
    grades = Counter(finished.values_list("grade", flat=True))
    assert grades.most_common(1)[0][0] == Grade.GOOD
    assert grades[Grade.OUTSTANDING] and grades[Grade.REQUIRES_IMPROVEMENT]
    collaborative = finished.filter(kind=Audit.Kind.COLLABORATIVE).first()
    views = set(DomainGrade.objects.filter(audit=collaborative).values_list("view", flat=True))
    assert views == {View.SELF, View.AUDITOR, View.AGREED}
    assert finished.filter(themes__isnull=False).exists()
    assert QualityAction.objects.filter(done_on__isnull=True).exists()
    assert QualityAction.objects.filter(done_on__isnull=False).exists()
    assert Observation.objects.count() > 20
    assert Observation.objects.filter(themes__isnull=False).exists()
    assert AuditChange.objects.filter(audit__kind=Audit.Kind.COLLABORATIVE).exists()
    # National moderation: some graded, and some waiting for the national account.
    national = Moderation.objects.filter(audit__national_file__isnull=False)
    assert national.filter(stage=Moderation.Stage.DONE).exists()
    assert national.filter(
        moderator__email="national@example.org", stage=Moderation.Stage.TO_GRADE
    ).exists()
    assert Moderation.objects.filter(agreed=True).exists()
    assert Moderation.objects.filter(agreed=False).exclude(reason="").exists()
    # Something waits for the demo accounts.
    assert Audit.objects.filter(
        fca__email="fca@example.org", stage=Audit.Stage.SELF_ASSESSMENT
    ).exists()
    assert Moderation.objects.filter(
        moderator__email="manager@example.org", stage=Moderation.Stage.TO_GRADE
    ).exists()
