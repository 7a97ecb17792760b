"""Addresses of the proceedings app, and who may open them (tested in test_access.py)."""

ROUTES: list[str] = []
