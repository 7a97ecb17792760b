"""Sharing a plan, printing it, comparing its versions and recording responses to it."""
