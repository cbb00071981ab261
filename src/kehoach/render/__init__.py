"""Render stage: results → text, JSON, Markdown or .docx objects. Nothing here writes files."""
