PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint format install clean translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[desktop,dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/flowin-desktop

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/engine_bench.py
	$(BIN)/python bench/validation_bench.py
	$(BIN)/python bench/startup_bench.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/canvas_bench.py
	$(BIN)/python bench/sync_bench.py

# After editing a .ts: compiles it to the .qm shipped beside it (commit both).
translations: $(STAMP)
	$(BIN)/python tools/compile_translations.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info
