# The two commands a newcomer types: `make run` and `make test`. Both set up .venv first if needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian/Ubuntu packages the Qt platform plugins need (offscreen for tests, xcb for a desktop).
QT_SYSTEM_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
	libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 fonts-dejavu-core

.PHONY: run test lint typecheck importlint pytest check-content schema system-check clean help bench test-no-qt

help:
	@echo "make run    - set up .venv if needed and start the guide"
	@echo "make test   - set up .venv if needed, then ruff, mypy, import-linter and pytest"
	@echo "make test-no-qt - tests/unit in a .venv-noqt without PySide6: guide/, store/, common/ need no Qt"
	@echo "make check-content - validate content/ and report every problem as file:line"
	@echo "make schema - regenerate content/schema.json from the loader's field definitions"
	@echo "make package - build the bundle dist/guide-app/ and its .tar.gz, then check it runs"
	@echo "make icons  - redraw the app icon's PNG, .ico and .icns files from resources/app-icon*.svg"
	@echo "make desktop-check - validate the .desktop and AppStream files (desktop-file-utils, appstream)"
	@echo "make screenshots - render the reader, bookmarks and review editor to docs/screenshots/"
	@echo "make a11y-check - the screen-reader check: the guide under Xvfb, read over AT-SPI"
	@echo "make bench  - print start-up, memory, load, search, save and export figures (benchmarks/README.md)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.x")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# Qt loads its platform plugin at run time; a missing system library only shows then. Say so plainly.
system-check: $(STAMP)
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -c 'from PySide6.QtWidgets import QApplication; QApplication([])' 2>/dev/null || { \
	  echo "Qt cannot start: system libraries are missing. On Debian/Ubuntu install them with:"; \
	  echo "  sudo apt-get install $(QT_SYSTEM_PACKAGES)"; exit 1; }

run: $(STAMP) system-check
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$(uname)" = Linux ]; then \
	  echo "No display found (DISPLAY/WAYLAND_DISPLAY unset). Start a desktop session, or try: xvfb-run make run"; exit 1; fi
	$(BIN)/guide-app $(ARGS)

test: $(STAMP) system-check lint typecheck importlint pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

importlint: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

# The Qt-free run: the project's own pins, less PySide6, pytest-qt and the linters.
NOQT := .venv-noqt
$(NOQT)/.installed: pyproject.toml
	@test -x $(NOQT)/bin/python || $(PYTHON) -m venv $(NOQT)
	$(PYTHON) -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
	  keep = ("PyYAML==", "PyNaCl==", "pytest==", "hypothesis==", "jsonschema=="); \
	  print("\n".join(r.split(" ")[0] for r in p["dependencies"] + p["optional-dependencies"]["test"] if r.startswith(keep)))' \
	  > $(NOQT)/requirements.txt
	$(NOQT)/bin/python -m pip install --quiet -r $(NOQT)/requirements.txt
	@touch $@

test-no-qt: $(NOQT)/.installed
	@$(NOQT)/bin/python -c 'import importlib.util as u, sys; sys.exit("PySide6 is installed in $(NOQT)" if u.find_spec("PySide6") else 0)'
	$(NOQT)/bin/python -m pytest -c tests/unit/pytest-no-qt.ini --rootdir . tests/unit

check-content: $(STAMP)
	$(BIN)/guide-app check-content content

schema: $(STAMP)
	$(BIN)/python -m guide_app.guide.load.schema > content/schema.json

# Figures, not pass/fail: see benchmarks/README.md. `make package` first to include the bundle.
bench: $(STAMP) system-check
	$(BIN)/python -m benchmarks.startup $(RUNS)
	$(BIN)/python -m benchmarks.instructions
	$(BIN)/python -m benchmarks.content_load
	$(BIN)/python -m benchmarks.search
	$(BIN)/python -m benchmarks.saves
	$(BIN)/python -m benchmarks.scale
	$(BIN)/python -m benchmarks.huge_inputs
	@if [ -d dist/guide-app ]; then du -sh --apparent-size dist/guide-app; ls -l dist/*.tar.gz 2>/dev/null; fi

clean:
	rm -rf $(VENV) $(NOQT) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis

# Packaging (packaging/README.md): PyInstaller goes into .venv only for this, never for run or test.
APP_ID        := uk.org.painmentalhealthguide.GuideApp
PACKAGE_STAMP := $(VENV)/.packaging-installed

.PHONY: package icons desktop-check screenshots a11y-check

$(PACKAGE_STAMP): $(STAMP) packaging/requirements.txt
	$(BIN)/python -m pip install --quiet -r packaging/requirements.txt
	@touch $@

package: $(PACKAGE_STAMP) system-check
	@command -v objdump >/dev/null || { echo "PyInstaller needs objdump and strip: sudo apt-get install binutils"; exit 1; }
	$(BIN)/python packaging/build.py

icons: $(STAMP)
	$(BIN)/python packaging/make_icons.py

# System tools, not PyPI packages, so not part of `make test`: the validators themselves, then the
# tests marked desktop_tools (tests/packaging), which `make test` deselects.
desktop-check: $(STAMP) system-check
	@command -v desktop-file-validate >/dev/null || { \
	  echo "desktop-file-validate is missing: sudo apt-get install desktop-file-utils"; exit 1; }
	@command -v appstreamcli >/dev/null || { \
	  echo "appstreamcli is missing: sudo apt-get install appstream"; exit 1; }
	desktop-file-validate resources/$(APP_ID).desktop
	appstreamcli validate --no-net resources/$(APP_ID).metainfo.xml
	$(BIN)/pytest -m desktop_tools

# Every size, zoom and theme of the issue, under Xvfb and openbox when they are installed.
screenshots: $(STAMP) system-check
	$(BIN)/python docs/make_screenshots.py

# The screen-reader check (tests/a11y): the guide under Xvfb with the AT-SPI bus, read as Orca
# reads it by the system's python3 with python3-pyatspi (a Debian package, not a PyPI one).
# System packages, so not part of `make test`, which deselects the tests marked a11y_tools.
A11Y_PACKAGES := xvfb dbus at-spi2-core python3-pyatspi
a11y-check: $(STAMP) system-check
	@command -v Xvfb >/dev/null && command -v dbus-daemon >/dev/null \
	  && test -f /usr/share/dbus-1/services/org.a11y.Bus.service \
	  && /usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { \
	  echo "The screen-reader check needs: sudo apt-get install $(A11Y_PACKAGES)"; exit 1; }
	$(BIN)/pytest -m a11y_tools
