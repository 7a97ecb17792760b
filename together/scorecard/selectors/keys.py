"""The board's thresholds and time windows, and the keys of the figures a snapshot keeps."""

# The board's thresholds for caseloads: sets of proceedings one FCA leads.
CEILING_AFTER_FIRST_HEARING = 25
CEILING_BEFORE_FIRST_HEARING = 40
DAYS_TO_ALLOCATION_WINDOW = 90
AUDITS_WINDOW = 365
AUDITED_RECENTLY_WINDOW = 91
FEEDBACK_WINDOW = 365

# The key of how many people, answers or records a figure is built on: BASE + the figure's key.
BASE = "base:"

# The figures, in the order the command prints them.
KEYS = (
    "open_proceedings",
    "open_proceedings_public",
    "open_proceedings_private",
    "open_children",
    "held_on_duty",
    "caseload_post_first_hearing_avg",
    "caseload_post_first_hearing_share_over_25",
    "caseload_pre_first_hearing_avg",
    "caseload_pre_first_hearing_share_over_40",
    "days_to_allocation_avg_last_90_days",
    "children_seen_share",
    "children_seen_in_person_share",
    "audits_good_or_better_share_last_12_months",
    "fcas_without_audit_last_3_months_share",
    "children_felt_listened_to_share_last_12_months",
    "parents_carers_felt_listened_to_share_last_12_months",
)
# The quality framework's work done for the FCAs of a place (framework.py), kept and shown
# beside the board's figures but not printed by the command.
COMPLIANCE_KEYS = (
    "fcas_audits_done_share_last_12_months",
    "fcas_observations_done_share_last_12_months",
    "fcas_audits_and_observations_done_share_last_12_months",
)
# Every figure a snapshot keeps and the page shows.
KEPT = KEYS + COMPLIANCE_KEYS
