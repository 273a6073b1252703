# `make run` and `make test` each build .venv from nothing on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   ?= $(HOME)/.local/share/Casefile/Demo case.casefile

.PHONY: setup run test lint demo screenshots bench bundle bundle-test clean translations translations-update

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Casefile needs Python 3.11 or newer (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/casefile-gui --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Style, format, the layer contracts of docs/architecture.md ([tool.importlinter]) and
# types ([tool.mypy]: strict on casefile.core).
lint: $(STAMP)
	$(BIN)/ruff check casefile tests
	$(BIN)/ruff format --check casefile tests
	$(BIN)/lint-imports
	$(BIN)/mypy

# Translations (docs/architecture.md, "Languages"): `translations-update` adds new marked
# sentences to resources/i18n/*.ts and *.po; translate them, then `translations` compiles
# the .qm and .mo files that ship (committed, so a checkout needs no build step).
translations-update: $(STAMP)
	$(BIN)/python packaging/translations.py update

translations: $(STAMP)
	$(BIN)/python packaging/translations.py build

demo: $(STAMP)
	$(BIN)/casefile demo "$(DEMO)" --force

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m casefile.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m casefile.ui.screenshots docs/screenshots/ru --lang ru

bench: $(STAMP)
	$(BIN)/python tests/perf/bench_import.py --with-index
	$(BIN)/python tests/perf/bench_search.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_ui.py

# The desktop bundle (packaging/casefile.spec, PyInstaller): dist/Casefile/ and a .tar.gz
# of it. Not part of `make test`; `make bundle-test` runs the smoke test on what it built.
BUNDLE_STAMP := $(VENV)/.bundle-installed
PLATFORM = $(shell uname -s | tr A-Z a-z)-$(shell uname -m)

$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	@touch $@

bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/casefile.spec
	@version=$$($(BIN)/python -c 'from casefile.version import __version__; print(__version__)'); \
	  tar -C dist -czf "dist/Casefile-$$version-$(PLATFORM).tar.gz" Casefile && \
	  du -sh dist/Casefile "dist/Casefile-$$version-$(PLATFORM).tar.gz"

bundle-test:
	@test -x dist/Casefile/casefile || { echo "No bundle in dist/Casefile: run make bundle first."; exit 1; }
	$(BIN)/python packaging/smoke_test.py dist/Casefile

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .mypy_cache build dist
