"""Run kehoach from this checkout's src/ for the `repo: local` hooks in .pre-commit-config.yaml.

pre-commit never installs the repository it runs in: a local `language: python` hook gets
a fresh environment with its `additional_dependencies` only (here: the locked runtime
dependencies, from PyPI). This script puts src/ in front so that `kehoach` itself comes
from the checkout; nothing has to be on PATH and no .venv is needed.
"""

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
runpy.run_module("kehoach", run_name="__main__", alter_sys=True)
