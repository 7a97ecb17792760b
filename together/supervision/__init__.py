"""Thinking together: group supervision, solution circles, one-to-one supervision and
appreciative inquiry (issue 18)."""
