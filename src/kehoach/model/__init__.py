"""Strict Pydantic models of the plan, units and progress entries."""
