# Load By Extent: set-up, demo, tests and benchmarks. `make demo` and `make test` work on a
# fresh Debian 12 machine: they install what is missing first.

PYTHON    ?= /usr/bin/python3
VENV      := .venv
DATA_DIR  ?= $(HOME)/.cache/load_by_extent
export LBE_DATA_DIR := $(DATA_DIR)

.PHONY: help system venv data demo test test-matrix bench lint clean run screenshot package deploy transup transcompile

help:
	@echo "make demo   fetch the sample imagery and crop real scenes (results in demo-output/)"
	@echo "make test   run the whole test suite"
	@echo "make test-matrix  the suite on Debian 13 (QGIS 3.40) and unstable (3.44) roots; SUITES=trixie to choose"
	@echo "make bench  run the benchmarks (full-size generated scenes)"
	@echo "make data   fetch and arrange the sample imagery only ($(DATA_DIR))"
	@echo "make run    start QGIS with the plugin from this checkout (throwaway profile)"
	@echo "make screenshot  redo the docs/screenshot-*.png pictures in QGIS under Xvfb"
	@echo "make package      dist/load_by_extent-<version>.zip for Install from ZIP and the plugin repository"
	@echo "make deploy       link this checkout into your QGIS profile (PROFILE=folder to choose one)"
	@echo "make transup      update i18n/*.ts from the code;  make transcompile: i18n/*.ts -> *.qm"
	@echo "make lint   ruff, and mypy's type check of core/"

system:
	@sh scripts/install_system_packages.sh

$(VENV)/.installed: requirements-dev.txt
	@$(MAKE) --no-print-directory system
	rm -rf $(VENV)
	$(PYTHON) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: system $(VENV)/.installed

data: system
	@$(PYTHON) scripts/sample_data.py

demo: data
	$(PYTHON) scripts/demo.py --out demo-output

test: venv data
	rm -rf .qgis-settings  # pytest-qgis keeps a QGIS profile here: start each run from a clean one
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# The suite on other QGIS versions, in cached Debian roots (debootstrap, chroot: root or sudo).
test-matrix:
	bash scripts/test_matrix.sh $(SUITES)

# The benchmarks' own environment: their peers (exactextract, odc-stac), nowhere else.
bench/.venv/.installed: bench/requirements.txt | system
	rm -rf bench/.venv
	$(PYTHON) -m venv --system-site-packages bench/.venv
	bench/.venv/bin/pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

bench: system bench/.venv/.installed
	$(PYTHON) bench/bench_lbe.py
	$(PYTHON) bench/bench_ndvi.py
	$(PYTHON) bench/bench_mt_stats.py
	$(PYTHON) bench/bench_fields.py
	$(PYTHON) bench/bench_stac.py

# Both always run; lint fails when either does.
lint: venv
	@status=0; $(VENV)/bin/ruff check . || status=1; $(VENV)/bin/mypy || status=1; exit $$status

clean:
	rm -rf $(VENV) demo-output bench/output dist .pytest_cache .ruff_cache .mypy_cache i18n/*.qm

transup:
	$(PYTHON) scripts/i18n.py update

transcompile: system
	$(PYTHON) scripts/i18n.py compile

package: transcompile
	$(PYTHON) scripts/package.py dist

deploy: transcompile
	sh scripts/deploy.sh $(PROFILE)

run: data
	@profiles=$$(sh scripts/qgis_profile.sh . "$$($(PYTHON) scripts/sample_data.py)/store" "$(CURDIR)/qgis-output"); \
	echo "QGIS profile (throwaway): $$profiles"; \
	qgis --nologo --noversioncheck --profiles-path "$$profiles"

screenshot: data
	@for picture in dock series fields border; do \
		profiles=$$(sh scripts/qgis_profile.sh . "$$($(PYTHON) scripts/sample_data.py)/store" "$$(mktemp -d)"); \
		LBE_SCREENSHOT="$(CURDIR)/docs/screenshot-$$picture.png" xvfb-run -a -s "-screen 0 1600x1100x24" \
			qgis --nologo --noversioncheck --profiles-path "$$profiles" --code scripts/screenshot_$$picture.py; \
		rm -rf "$$profiles"; echo "wrote docs/screenshot-$$picture.png"; \
	done
