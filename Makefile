PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint format install clean translations package smoke builder-model

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[desktop,dev]"
	touch $(STAMP)

install: $(STAMP)

PACKAGING_STAMP := $(VENV)/.installed-packaging
BUNDLE := dist/flowin

$(PACKAGING_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[desktop,dev,packaging]"
	touch $(PACKAGING_STAMP)

run: $(STAMP)
	$(BIN)/flowin-desktop

# Two test processes; a module's tests stay in one of them, so module-scoped servers start once.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: $(STAMP)
	$(BIN)/python bench/engine_bench.py
	$(BIN)/python bench/validation_bench.py
	$(BIN)/python bench/startup_bench.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/canvas_bench.py
	$(BIN)/python bench/sync_bench.py

# The builder's clause model (flowin_engine/builder/clause_model.bin) from the manifests and the
# lexicon of today; commit the file it writes. tests/builder/test_learned.py says when it is stale.
builder-model: $(STAMP)
	PYTHONPATH=$(CURDIR) $(BIN)/python tools/builder_model.py

# After editing a .ts: compiles it to the .qm shipped beside it (commit both).
translations: $(STAMP)
	$(BIN)/python tools/compile_translations.py

# Flowin as an app anyone installs: $(BUNDLE)/ holds flowin-desktop and flowin with what they
# need (packaging/flowin.spec); on Linux also dist/flowin-<version>-linux-<machine>.tar.gz.
# build/pyinstaller is PyInstaller's cache: a second build reuses its analysis.
package: $(PACKAGING_STAMP)
	rm -rf $(BUNDLE)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/flowin.spec
	if [ "$$(uname -s)" = Linux ]; then sh packaging/linux/make_archive.sh $(BUNDLE) \
		"$$($(BIN)/python -c 'from importlib.metadata import version; print(version("flowin"))')"; fi

# Builds the bundle and tests it, not the source tree: its flowin command, a flow run, the app
# opening in Arabic with a screenshot, the files it must carry (tests/packaging/test_bundle.py).
smoke: package
	FLOWIN_BUNDLE=$(CURDIR)/$(BUNDLE) QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q tests/packaging/test_bundle.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build dist *.egg-info
