"""One module per command. Each function takes plain values and returns data or an exit code."""
