"""Work for the court: safeguarding enquiries and letters, reports, outcomes (issue 20)."""
