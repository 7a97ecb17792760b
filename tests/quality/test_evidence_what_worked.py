"""The audit's evidence page shows what worked with the child (appreciative inquiry), so a
collaborative audit can use it; never what worked with another child."""

from django.utils.html import escape

from tests.children.factories import ChildFactory
from tests.quality.factories import make_audit
from together.supervision import services
from together.supervision.models import Appreciation


def test_the_evidence_page_shows_what_worked_with_the_child(client, world):
    audit = make_audit(world)
    services.appreciation_record(
        by=world.fca_allocated,
        theme="childs_voice",
        what_worked="Drawing a map of Jayden's week together at school",
        difference="Jayden showed us where he feels safe",
        for_whom=["child", "family"],
        child=world.child,
    )
    other = ChildFactory(preferred_name="Amira")
    Appreciation.objects.create(
        service_area=world.area,
        theme="relationship",
        what_worked="Walking with Amira to the park",
        difference="Amira talked about her brother",
        for_whom=["child"],
        child=other,
        recorded_by=world.fca_allocated,
    )
    client.force_login(world.supervisor_team)
    page = client.get(f"/quality/audits/{audit.uuid}/evidence/").content.decode()
    assert "What worked (1)" in page
    assert escape("Drawing a map of Jayden's week together at school") in page
    assert "Jayden showed us where he feels safe" in page
    assert "Amira" not in page


def test_the_evidence_page_says_when_nothing_is_recorded_about_what_worked(client, world):
    audit = make_audit(world)
    client.force_login(world.supervisor_team)
    page = client.get(f"/quality/audits/{audit.uuid}/evidence/").content.decode()
    assert "What worked (0)" in page
    assert "Nothing has been recorded yet about what worked with Jayden." in page
