"""Family storyboards: a story in words and pictures for a child (issue 19)."""
