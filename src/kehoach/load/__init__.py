"""Load stage: files on disk → Python values → models, with source positions."""
