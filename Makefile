# Two commands for staff and CI: `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
YEAR ?= $(shell date +%Y)
N ?= 50000
STAMP := $(VENV)/.installed

.PHONY: report test install lock bench clean

# The versions come from the lock (requirements-dev.txt, with hashes); `make lock` refreshes it.
$(STAMP): pyproject.toml requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(BIN)/kehoach validate
	$(BIN)/kehoach report --year $(YEAR) -o build/bao-cao-$(YEAR).docx

# The gates: lint, format, types (mypy strict on src/kehoach), tests with branch coverage
# and its floor (pyproject.toml: [tool.coverage.*]).
test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest --cov

# Refresh the lock from PyPI after changing dependencies in pyproject.toml: one universal
# resolution (Linux, Windows, macOS; Python >= 3.11.4) with hashes, written by uv.
UV_COMPILE = $(BIN)/uv pip compile --quiet --universal --generate-hashes --python-version 3.11 \
	--upgrade --custom-compile-command "make lock" pyproject.toml
lock:
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet 'uv>=0.5'
	$(UV_COMPILE) -o requirements.txt
	$(UV_COMPILE) --extra test -o requirements-dev.txt
	$(BIN)/python .ci/precommit_deps.py  # the pre-commit hooks install the same pins

# Benchmark against its references (bench/run.py); data is generated under bench/out/.
bench: $(STAMP)
	$(BIN)/python bench/run.py --n $(N)

clean:
	rm -rf $(VENV) build
