"""Who may do what in national case quality audits, one statement each.

National leadership runs the rounds (creates them, draws the sample, assigns the files, closes
them). An auditor from another area reads and audits exactly the files assigned to them while
their round is open: that read goes through children.rules like any other (a TemporaryAccess
grant, ADR 0026). Anyone else gets 404 (ADR 0002).
"""

from together.accounts.models import REGION_ROLES, Role

# Who may be asked to audit a file from another area: those who audit practice in their own.
AUDITOR_ROLES = frozenset({Role.PRACTICE_SUPERVISOR, Role.SERVICE_MANAGER})
# Who reads the national quality report.
READS_NATIONAL_REPORT = frozenset({Role.NATIONAL_PERFORMANCE, *REGION_ROLES})


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def may_run_national_audits(user) -> bool:
    return _active(user) and user.role == Role.NATIONAL_PERFORMANCE


def may_audit_national_file(user, file) -> bool:
    """The auditor the file is assigned to, while the round is open."""
    return _active(user) and file.auditor_id == user.pk and file.round.closed_at is None


def may_be_auditor_of(user, file) -> bool:
    """An auditor from another area than the file's, and never of their own work."""
    return (
        _active(user)
        and user.role in AUDITOR_ROLES
        and user.service_area_id is not None
        and user.service_area_id != file.service_area_id
        and user.pk != file.fca_id
    )


def may_read_national_report(user) -> bool:
    return _active(user) and user.role in READS_NATIONAL_REPORT


def may_run_letters_spotlight(user) -> bool:
    """Assistant directors for their region; national leadership for the nation."""
    if not _active(user):
        return False
    if user.role == Role.ASSISTANT_DIRECTOR:
        return user.region_id is not None
    return user.role == Role.NATIONAL_PERFORMANCE


def may_read_spotlight(user, spotlight) -> bool:
    """Its region's assistant directors, and national leadership."""
    if not may_run_letters_spotlight(user):
        return False
    return user.role == Role.NATIONAL_PERFORMANCE or (
        spotlight.region_id is not None and spotlight.region_id == user.region_id
    )


def may_moderate_national_file(user, file) -> bool:
    """The national improvement service moderates an audited file marked for moderation: never
    their own audit, nor of their own work."""
    return (
        may_run_national_audits(user)
        and file.moderated
        and file.audit_id is not None
        and user.pk not in {file.auditor_id, file.fca_id}
    )
