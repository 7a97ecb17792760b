"""National case quality audits: create a round, draw its sample, assign the files, record the
audits, close the round.

The sample is drawn in the database, never by loading ids into Python: each eligible child's
file gets a key made from its id and the round's seed (two steps of a multiplicative hash, the
same integer arithmetic on SQLite and PostgreSQL), and a window function numbers the files by
that key within each stratum (region × public or private law). The files numbered up to the
stratum's share of the sample are drawn. Same data and same seed: same sample.

The sample is in sampling.py; a round's creation, draw and close in rounds.py; assigning its files
to auditors in assigning.py; recording audits and moderation in auditing.py; the reads in
reads.py.
"""

from .assigning import (
    ACCESS_REASON,
    auditors_available,
    national_file_assign,
    national_files_assign_automatically,
)
from .auditing import national_audit_record, national_moderation_start
from .reads import (
    national_file_get,
    national_file_get_for_auditor,
    national_files_for_auditor,
    national_round_get,
)
from .rounds import national_round_close, national_round_create, national_sample_draw
from .sampling import (
    LAW,
    MODULUS,
    MULTIPLIER_A,
    MULTIPLIER_B,
    RECENTLY_CLOSED,
    REGION,
    Drawn,
    draw_key,
    national_sample,
    sample_population,
    shares,
)

__all__ = [
    "ACCESS_REASON",
    "Drawn",
    "LAW",
    "MODULUS",
    "MULTIPLIER_A",
    "MULTIPLIER_B",
    "RECENTLY_CLOSED",
    "REGION",
    "auditors_available",
    "draw_key",
    "national_audit_record",
    "national_file_assign",
    "national_file_get",
    "national_file_get_for_auditor",
    "national_files_assign_automatically",
    "national_files_for_auditor",
    "national_moderation_start",
    "national_round_close",
    "national_round_create",
    "national_round_get",
    "national_sample",
    "national_sample_draw",
    "sample_population",
    "shares",
]
