# `make` sets up and builds every guide; `make test` sets up and runs every test.
# Set-up installs only what is missing: the Python packages into .venv; the Debian programs the
# validators and tests need (LibreOffice, its Python bridge python3-uno for the system python3, which
# drives Writer in the translation tests, Chromium, poppler, faketime), Liberation Sans (Arial's
# metrics, for the DOCX), DejaVu Sans, Noto (fonts-noto-core: Latin with Vietnamese, Cyrillic, Greek,
# Arabic, Hebrew, Devanagari, Thai...; fonts-noto-cjk: Chinese, Japanese and Korean faces), Java for EPUBCheck, Pango for WeasyPrint; and DAISY Ace from npm into node_modules/
# (it needs Node 20, which the machines here have; Debian's own nodejs is only a fallback). The web
# page's check runs the axe-core that Ace ships in the same Chromium, through Playwright for Python
# (a pip package that brings its own driver; no browser is ever downloaded: no `playwright install`).

VENV   := .venv
PY     := $(VENV)/bin/python
PIP_OK := $(VENV)/.installed
ACE    := node_modules/.bin/ace-cli

.PHONY: all build test setup debian-tools clean

all: build

build: setup
	$(PY) build.py

test: setup
	CI=$${CI:-} $(PY) -m pytest

setup: debian-tools $(PIP_OK) $(ACE)

$(PIP_OK): pyproject.toml | debian-tools
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

debian-tools:
	@missing=""; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer"; \
	/usr/bin/python3 -c 'import uno' 2>/dev/null || missing="$$missing python3-uno"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v faketime >/dev/null || missing="$$missing faketime"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list | grep -qi "Liberation Sans" || missing="$$missing fonts-liberation"; \
	fc-list | grep -qi "DejaVu Sans" || missing="$$missing fonts-dejavu-core"; \
	fc-list | grep -qi "Noto Sans Arabic" || missing="$$missing fonts-noto-core"; \
	fc-list | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(ACE): package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf output/*/ .pytest_cache
