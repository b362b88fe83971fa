# PACE Intake — the two set-up commands are `make run` and `make test`.
# Each creates .venv when missing and installs what it needs, pinned by constraints.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Only the targets that must not open windows on your desktop (tests, bench, dist-check) choose a Qt
# platform; `make run` leaves it to Qt, so a desktop gets a real window.
OFFSCREEN := QT_QPA_PLATFORM=offscreen

.PHONY: run test test-slow test-crash lint screenshots bench dist dist-check clean qt-libs ci-tools \
        display-tools pg-tools msi msi-tools translations lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Every third-party package comes from requirements.lock: exact versions with the SHA-256 of each file
# PyPI publishes for them, checked by pip (--require-hashes). Then the project itself, no dependencies.
$(STAMP): pyproject.toml constraints.txt requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# After changing constraints.txt: requirements.lock anew, with hashes (pip-tools in a throwaway venv).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet pip-tools
	.lock-venv/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --no-header --output-file requirements.lock constraints.txt
	rm -rf .lock-venv

# Qt's platform plugins need system libraries: offscreen for the tests, xcb for a real desktop (Qt 6.5+
# also needs libxcb-cursor0). qtcheck reads the plugins' links; on Debian, as root, install what is missing.
QT_DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
  libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxcb-sync1 \
  libxcb-shm0 libxcb-render0 libxcb-util1
qt-libs:
	@$(BIN)/python -m pace_desktop.ui.qtcheck >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing the system libraries Qt needs (apt-get)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(QT_DEBS) >/dev/null; \
	  else \
	    $(BIN)/python -m pace_desktop.ui.qtcheck; \
	    echo "On Debian or Ubuntu: sudo apt-get install $(QT_DEBS)"; exit 1; \
	  fi; }

# The user's own store when there is one, else a throwaway demo store.
run: $(STAMP) qt-libs
	$(BIN)/pace-desktop $$($(BIN)/python -c 'from pace_desktop.paths import default_store_path as p; print("" if p().exists() else "--demo")') $(ARGS)

# Every test: the offscreen ones, then (in a process of their own, since Qt picks one platform and one
# scaling per process) the real-display ones on each smallest supported screen, 1280x720 at 100% and
# 1366x768 at 125% (PACE_TEST_SCREEN; tests/realdisplay/xserver.py), which start Xvfb and Openbox themselves.
test: $(STAMP) qt-libs display-tools pg-tools msi-tools
	$(OFFSCREEN) $(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)
	PACE_REAL_DISPLAY=1 PACE_TEST_SCREEN=1280x720@100 $(BIN)/python -m pytest -q -m "not slow" tests/realdisplay $(PYTEST_ARGS)
	PACE_REAL_DISPLAY=1 PACE_TEST_SCREEN=1366x768@125 $(BIN)/python -m pytest -q -m "not slow" tests/realdisplay $(PYTEST_ARGS)

# PostgreSQL's server programs (initdb, pg_ctl): the central-database tests start a throw-away cluster.
pg-tools:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "Installing PostgreSQL for the central-database tests (apt-get)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    postgresql >/dev/null; \
	else echo "Install PostgreSQL (Debian: postgresql) to run the central-database tests."; exit 1; fi

# The X server, window manager and X tools the real-display tests and `make screenshots` drive, and
# desktop-file-validate for the Linux launcher's .desktop file.
display-tools:
	@if command -v Xvfb >/dev/null 2>&1 && command -v openbox >/dev/null 2>&1 \
	    && command -v xdotool >/dev/null 2>&1 && command -v xprop >/dev/null 2>&1 \
	    && command -v desktop-file-validate >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Xvfb, Openbox and xdotool for the real-display tests (apt-get)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    xvfb openbox xdotool x11-utils fonts-dejavu-core desktop-file-utils >/dev/null; \
	else echo "Install xvfb, openbox, xdotool, x11-utils and desktop-file-utils to run the tests."; exit 1; fi

# Everything marked slow: 200-kill crash loops, 10,000-case fuzzing, full-disk loops (about 12 minutes
# on 2 cores); a run that passes rewrites the figures in docs/security.md.
test-slow: $(STAMP) qt-libs
	$(OFFSCREEN) $(BIN)/python -m pytest -q -m slow $(PYTEST_ARGS)

# The crash loops alone (200 kill -9s while saving, 200 while importing; about 5 minutes): CI runs these.
test-crash: $(STAMP) qt-libs
	$(OFFSCREEN) $(BIN)/python -m pytest -q -m slow tests/reliability/test_crash_saves.py \
	  tests/reliability/test_crash_imports.py $(PYTEST_ARGS)

# Every performance budget against its baseline; rewrites docs/performance.md (about ten minutes; the
# first run also seeds a 100,000-client store into bench/.cache/). Not a test: it never fails on figures.
bench: $(STAMP) qt-libs
	$(OFFSCREEN) $(BIN)/python bench/run_all.py $(ARGS)

# The style and the architecture: ruff's rules and its formatter, the import contracts (pyproject.toml
# [tool.importlinter]), and mypy (strict on records/, store/, exchange/, office/).
lint: $(STAMP)
	$(BIN)/ruff check pace_desktop tests tools
	$(BIN)/ruff format --check pace_desktop tests tools
	$(BIN)/lint-imports
	$(BIN)/mypy

# Tools the tests use when present: the stock `age` tool proves bundles are standard age files, and
# LibreOffice Calc proves the workbooks open in a real spreadsheet program (about 11 s to install).
ci-tools:
	@if command -v age >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    age libreoffice-calc >/dev/null; \
	else echo "Install 'age' and 'libreoffice-calc' to run the interoperability tests."; fi

# The kiosk's translations (resources/i18n/README.md): refresh each language's .ts files from the code and
# the data files, keeping what translators wrote, then compile the .qm files the app loads. English gets
# only its plural forms ("1 second", "2 seconds"). tests/i18n checks the committed files are current.
KIOSK_LANGUAGES := pl gd
KIOSK_SOURCES := $(sort $(wildcard pace_desktop/ui/kiosk/*.py))
LUPDATE := $(BIN)/pyside6-lupdate -silent -locations none
LRELEASE := $(BIN)/pyside6-lrelease -silent
# The adviser's and office's screens: English, their default, loads pace_desktop_en.qm for its plural
# forms ("1 client", "2 clients"; python -m pace_desktop.ui.i18n writes the English forms of new %n
# strings, then lupdate tidies the file). pace_desktop_<code>.ts (the screens' own words) and
# pace_desktop_<code>_core.ts (the core's labels they show, context 'core') are for translators to start
# from: nothing offers another language on those screens yet, so no .qm for them.
DESKTOP_SOURCES := $(sort $(filter-out pace_desktop/ui/kiosk/%,$(shell find pace_desktop/ui -name '*.py')))
translations: $(STAMP)
	$(LUPDATE) -pluralonly $(KIOSK_SOURCES) -ts resources/i18n/pace_kiosk_en.ts
	$(LRELEASE) resources/i18n/pace_kiosk_en.ts -qm resources/i18n/pace_kiosk_en.qm
	$(LUPDATE) -no-obsolete -pluralonly $(DESKTOP_SOURCES) -ts resources/i18n/pace_desktop_en.ts
	$(BIN)/python -m pace_desktop.ui.i18n resources/i18n/pace_desktop_en.ts
	$(LUPDATE) -no-obsolete -pluralonly $(DESKTOP_SOURCES) -ts resources/i18n/pace_desktop_en.ts
	$(LRELEASE) resources/i18n/pace_desktop_en.ts -qm resources/i18n/pace_desktop_en.qm
	@for lang in $(KIOSK_LANGUAGES); do \
	  $(LUPDATE) $(KIOSK_SOURCES) -ts resources/i18n/pace_kiosk_$$lang.ts \
	  && $(BIN)/python -m pace_desktop.ui.kiosk.i18n $$lang \
	  && $(LRELEASE) resources/i18n/pace_kiosk_$$lang.ts resources/i18n/pace_kiosk_$${lang}_data.ts \
	       -qm resources/i18n/pace_kiosk_$$lang.qm \
	  && $(LUPDATE) $(DESKTOP_SOURCES) -ts resources/i18n/pace_desktop_$$lang.ts \
	  && $(BIN)/python -m pace_desktop.ui.i18n core $$lang || exit 1; \
	done

# Rendered on a real X server it starts itself (Xvfb 1280x720 + Openbox, xcb) so clipping shows;
# add ARGS=--offscreen for Qt's own rendering.
screenshots: $(STAMP) qt-libs display-tools
	$(BIN)/python -m tools.screenshots --out docs/screenshots $(ARGS)

# The installable folder dist/pace-desktop/ (PyInstaller, one folder); fails when over the 150 MB budget.
dist: $(STAMP) qt-libs
	@command -v strip >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binutils >/dev/null; \
	  else echo "Install binutils: the build strips debug symbols with strip"; exit 1; fi; }
	$(BIN)/python installer/build.py

# The built program on its own: a bare environment with no virtualenv on PATH, and headless Qt.
DIST_ENV := env -i PATH=/usr/bin:/bin HOME="$$HOME" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
# First, on Linux, every ELF file must run on the stated glibc baseline (installer/glibc_check.py).
dist-check: dist
	$(BIN)/python installer/glibc_check.py dist/pace-desktop
	$(DIST_ENV) dist/pace-desktop/pace-desktop --version
	$(DIST_ENV) dist/pace-desktop/pace-desktop self-check
	@echo "GUI smoke test: the demo window must still be running after 10 s"; \
	  $(DIST_ENV) timeout 10 dist/pace-desktop/pace-desktop --demo; status=$$?; \
	  [ $$status -eq 124 ] || { echo "pace-desktop --demo exited with status $$status"; exit 1; }

# The Windows installer dist/pace-desktop-<version>-x64.msi, packed on Linux by wixl from the Windows
# build folder WINDIST (copy the Windows PyInstaller folder there, e.g. a CI artifact). Signs the
# programs and the MSI when PACE_SIGN_PKCS12 is set; says so when not (docs/deployment.md).
WINDIST ?= dist/pace-desktop
msi-tools:
	@if command -v wixl >/dev/null 2>&1 && command -v msiinfo >/dev/null 2>&1 \
	    && command -v osslsigncode >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "Installing wixl, msitools and osslsigncode for the MSI (apt-get)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    wixl msitools osslsigncode >/dev/null; \
	else echo "Install wixl, msitools and osslsigncode (Debian/Ubuntu packages of those names)."; exit 1; fi

msi: $(STAMP) msi-tools
	$(BIN)/python installer/msi.py --dist $(WINDIST)

clean:
	rm -rf $(VENV) build dist .pytest_cache
