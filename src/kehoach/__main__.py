"""Allow `python -m kehoach`."""

from kehoach.cli import main

main()
