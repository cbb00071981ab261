"""Compute stage: reporting periods and each task's status for a year, as of a date."""
