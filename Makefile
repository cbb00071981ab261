# Two commands for staff and CI: `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
YEAR ?= $(shell date +%Y)
N ?= 50000
STAMP := $(VENV)/.installed

.PHONY: report test install bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(BIN)/kehoach validate
	$(BIN)/kehoach report --year $(YEAR) -o build/bao-cao-$(YEAR).docx

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python -m pytest

# Benchmark against its references (bench/run.py); data is generated under bench/out/.
bench: $(STAMP)
	$(BIN)/python bench/run.py --n $(N)

clean:
	rm -rf $(VENV) build
