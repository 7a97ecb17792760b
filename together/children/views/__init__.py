"""Views for children's files (file.py) and for finding a child (search.py)."""
