"""The audit log is deliberately not in the admin site: its events name the children whose files
were opened, and system administrators may not see children's records (children.rules)."""
