"""The top of the house: each role's home page and whatever else gathers several domains."""
