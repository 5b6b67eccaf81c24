# Two commands do all the set-up on a fresh clone:
#   make demo   - install, build, and run the demo (embedded Temporal dev server + UI, Atlas simulator, worker)
#   make test   - install, build, and run the test suite on real Temporal servers (everything CI runs)
#   make test-fast - the unit and workflow tests only (jest.fast.config.mjs), for the edit-test loop
.PHONY: setup ferretdb build demo test test-fast typecheck lint bench chaos clean

setup: node_modules/.installed .temporal/.installed ferretdb build

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The real Temporal binaries (temporal CLI dev server, time-skipping test server): see scripts/setup-temporal.mjs.
.temporal/.installed: scripts/setup-temporal.mjs
	node scripts/setup-temporal.mjs
	@mkdir -p .temporal && touch $@

# FerretDB v1.24.2, the MongoDB wire server the simulator's clusters and the verify step's tests run on: built with Go
# from the module proxy into .tools/ (or $FERRETDB_PATH); see scripts/setup-ferretdb.mjs. Cheap when cached.
ferretdb:
	node scripts/setup-ferretdb.mjs

# The development build: the product (tsconfig.build.json, what the image ships) plus the simulator, the dev server,
# the demo and the harness.
build: node_modules/.installed
	npm run -s build:dev

demo: setup
	./bin/atlas-restore dev

test: setup
	npx jest

# No forced rebuild: jest's global setup compiles and bundles only when a source is newer than dist/.
test-fast: node_modules/.installed .temporal/.installed
	npx jest -c jest.fast.config.mjs

typecheck: node_modules/.installed
	npm run typecheck

lint: node_modules/.installed
	npm run lint

clean:
	rm -rf dist .temporal node_modules
