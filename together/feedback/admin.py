"""Feedback is deliberately not in the admin site.

A feedback invitation belongs to one child's letter or plan, and system administrators may not see
children's records (children.rules). Invitations are made and read only through their own pages
(tests/accounts/test_admin_site.py keeps it so).
"""
