# Two commands for a new developer: `make run` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres install migrate seed messages lint bench bench-scale bench-cluster fuzz \
	clean

# The virtualenv is rebuilt when the requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py load_seeds

## run: virtualenv, dependencies, migrations, seeds, a local admin account, then serve the site.
run: seed
	$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: the whole suite on SQLite and on PostgreSQL (a temporary server the tests start, or
## the one DATABASE_URL names; skipped with a notice where PostgreSQL is not installed), the two
## side by side; each one's output is printed whole when it ends. The two share the browser
## tests (projects/tests/conftest.py says which run takes which).
test: install
	REGISTRY_SHARE_BROWSER_TESTS=1 $(MAKE) --no-print-directory -j2 --output-sync=target \
		test-sqlite test-postgres

test-sqlite: install
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: install
	$(BIN)/pytest --postgres=$(if $(REQUIRE_POSTGRES),require,auto)

## messages: refresh the ru/kk/en catalogues after changing UI strings (needs GNU gettext).
messages: install
	$(BIN)/python manage.py makemessages --no-location --no-obsolete -l ru -l kk -l en
	$(BIN)/python manage.py compilemessages

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install
	$(BIN)/python bench/bench_load_seeds.py
	$(BIN)/python bench/bench_project_list.py
	$(BIN)/python bench/bench_extract.py

## bench-scale: every page, the API, the admin, the exports and wrk through gunicorn, on
## PostgreSQL with 100,000 synthetic projects (DATABASE_URL's database, or a temporary server)
## and a throwaway Redis as the shared cache where redis-server is installed.
## Options: BENCH_SCALE_ARGS="--projects 2000 --repeat 5 --json bench-scale.json" (see --help).
bench-scale: install
	$(BIN)/python bench/bench_scale.py $(BENCH_SCALE_ARGS)

## bench-cluster: two app processes sharing a throwaway Redis and a PostgreSQL primary with a
## streaming replica, under load while Redis and then the replica are killed; fails on any 5xx.
## Options: BENCH_CLUSTER_ARGS="--projects 5000 --phase-seconds 60 --clients 16".
bench-cluster: install
	$(BIN)/python bench/bench_cluster.py $(BENCH_CLUSTER_ARGS)

## fuzz: 10,000 hostile requests to every public address while another process publishes and
## edits records (DATABASE_URL: a PostgreSQL database; it gets the seeds if it has none).
## Options: FUZZ_ARGS="--requests 50000 --seed 3".
fuzz: install
	$(BIN)/python bench/fuzz.py $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
