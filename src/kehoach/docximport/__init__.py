"""Adopt a plan from Word: read a .docx, find the appendix table, build plan YAML.

Stages, one module each: `read` (document order, merged cells), `text`
(NFC, control characters, legacy encodings), `table` (the appendix table),
`units` (unit names and codes), `header` and `body` (what the document says
about itself), `build` (dicts shaped like plan/ and units/), `yamlout`
(writing them). `notes` collects what a human must look at.
"""
