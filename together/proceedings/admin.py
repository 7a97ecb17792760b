"""Proceedings are deliberately not in the admin site.

A set of proceedings names its children and the parties around them, and system administrators
may not see children's records (children.rules). Proceedings, hearings and allocations are read
and changed only through their own pages, whose selectors check access and whose services write
the audit log and the children's timelines (tests/accounts/test_admin_site.py keeps it so).
"""
