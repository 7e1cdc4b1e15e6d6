# kg — see README.md. The two commands a fresh machine needs:
#   make demo   set up, start the local Neo4j (unless KG_NEO4J_URI points elsewhere), load examples/
#   make test   every test, including the integration tests against a real Neo4j
SHELL := /bin/bash
GO ?= go
BIN := bin/kg

include deploy/neo4j/neo4j.mk

.PHONY: build demo import test test-unit fuzz bench bench-go bench-push vet clean neo4j-test-up neo4j-test-down corpus-check pgo

build:
	$(GO) build -o $(BIN) ./cmd/kg

## pgo: rebuild cmd/kg/default.pgo, the CPU profile Go's profile-guided
## optimisation builds kg with (go build uses it by itself): kg load --stage-only,
## built without a profile and with no config file, over the first 1,500 articles
## of the Arabic Wikipedia text in ../shared/data/unlabelled (CC BY-SA; the profile
## holds no text of it, only where kg spent its time). About a minute; a profile
## differs a little from run to run, and kg's output never depends on it. The
## profile replaces the committed one only when the run succeeded.
PGO_TEXT ?= ../shared/data/unlabelled/arwiki-comparable-2017/arwiki-2017-ar.jsonl.gz
pgo:
	@set -eo pipefail; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	[ -f "$(PGO_TEXT)" ] || { echo "make pgo: $(PGO_TEXT) not found" >&2; exit 1; }; \
	gzip -dc "$(PGO_TEXT)" | head -n 1500 > "$$tmp/wiki.jsonl" || true; \
	[ "$$(wc -l < "$$tmp/wiki.jsonl")" -eq 1500 ] || { echo "make pgo: $(PGO_TEXT) gave fewer than 1,500 articles" >&2; exit 1; }; \
	$(GO) build -pgo=off -o "$$tmp/kg" ./cmd/kg; \
	: > "$$tmp/config.yaml"; \
	KG_CONFIG="$$tmp/config.yaml" KG_STAGE_DIR="$$tmp/stage" "$$tmp/kg" load -q --stage-only --cpuprofile "$$tmp/cpu.pprof" "$$tmp/wiki.jsonl"; \
	mv "$$tmp/cpu.pprof" cmd/kg/default.pgo; \
	echo "wrote cmd/kg/default.pgo ($$(wc -c < cmd/kg/default.pgo) bytes)"

## demo: build, start the local Neo4j unless KG_NEO4J_URI is set, apply the schema, load examples/
demo: build
	@if [ -z "$$KG_NEO4J_URI" ]; then "$(NEO4J_SH)" start; else echo "using Neo4j at $$(printf '%s' "$$KG_NEO4J_URI" | sed -E 's#^([^/]*//[^:/@]*):[^/]*@#\1:xxxxx@#')"; fi
	$(BIN) schema apply
	$(BIN) load examples/
	@echo
	@echo "Open Neo4j Browser: http://127.0.0.1:7474/browser/  (user neo4j, password kgpassword unless you changed it)"
	@echo "Paste this query:"
	@echo "  MATCH (e:Entity)-[r]->(o:Entity) RETURN e, r, o"
	@echo "More: bin/kg doctor; bin/kg status"

## import: a big first load into the local Neo4j by neo4j-admin instead of kg push.
## Stages CORPUS first when given (kg load --stage-only), exports staging as CSV
## (kg export --format neo4j-admin), then stops Neo4j, replaces its database neo4j
## (neo4j-admin database import full --overwrite-destination), starts it and applies
## kg's schema (kg finish-import). The database's previous content is lost.
## kg load exits 1 when it skipped bad input (SaudiNewsNet has empty articles): that
## is reported, and the import takes what was staged; any other failure stops it.
##   make import CORPUS=../shared/data/corpus/saudinewsnet/
IMPORT_DIR ?= .kg/import
import: build
	@if [ -n "$(CORPUS)" ]; then echo "$(BIN) load --stage-only $(CORPUS)"; rc=0; $(BIN) load --stage-only $(CORPUS) || rc=$$?; \
	  if [ $$rc -ne 0 ]; then [ $$rc -ne 1 ] && exit $$rc; echo "kg load reported problems (above); importing what is staged"; fi; fi
	$(BIN) export --format neo4j-admin $(IMPORT_DIR)
	"$(NEO4J_SH)" import $(IMPORT_DIR)
	$(BIN) finish-import

# The tests run against their own Neo4j instance (ports 7688/7475, data in
# .neo4j-test/), so they never touch the graph of `make demo`. Set
# KG_TEST_NEO4J_URI to use another server instead: the tests wipe it.
TEST_NEO4J_ENV := KG_NEO4J_STATE=$(CURDIR)/.neo4j-test KG_NEO4J_BOLT_PORT=7688 KG_NEO4J_HTTP_PORT=7475

neo4j-test-up:
	@if [ -z "$$KG_TEST_NEO4J_URI" ]; then $(TEST_NEO4J_ENV) "$(NEO4J_SH)" start; fi

neo4j-test-down:
	@$(TEST_NEO4J_ENV) "$(NEO4J_SH)" stop

## test: all tests, including integration tests against a real Neo4j (started here)
test: neo4j-test-up
	@test/e2e/setup.sh
	@if [ -z "$$KG_TEST_NEO4J_URI" ]; then \
	  export KG_TEST_NEO4J_URI=bolt://127.0.0.1:7688 KG_TEST_NEO4J_HTTP=http://127.0.0.1:7475 \
	    KG_TEST_NEO4J_CTL="env $(TEST_NEO4J_ENV) $(NEO4J_SH)"; fi; \
	$(GO) test -count=1 -timeout 30m ./...

test-unit:
	$(GO) test -short ./...

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run XXX -fuzz FuzzJSONL -fuzztime $(FUZZTIME) ./internal/corpus
	$(GO) test -run XXX -fuzz FuzzCSV -fuzztime $(FUZZTIME) ./internal/corpus
	$(GO) test -run XXX -fuzz FuzzTokenize -fuzztime $(FUZZTIME) ./internal/text/segment
	$(GO) test -run XXX -fuzz FuzzAnalyzeWord -fuzztime $(FUZZTIME) ./internal/text/arabic
	$(GO) test -run XXX -fuzz FuzzRead -fuzztime $(FUZZTIME) ./internal/extract/ner/clusters
	$(GO) test -run XXX -fuzz FuzzExtract -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./internal/extract
	$(GO) test -run XXX -fuzz FuzzName -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./internal/translit

## corpus-check: kg extract over all of SaudiNewsNet (../shared); fails on any panic or extraction failure
corpus-check:
	bench/extract_corpus.sh

## bench: kg as a whole on this machine (issue 15): extraction (1 and N workers,
## Arabic and English), kg load and kg push against a plain UNWIND script, the
## whole SaudiNewsNet folder loaded, saved queries on it, the bulk import, peak
## memory. Starts its own Neo4j (.neo4j-bench, ports 7693/7480, emptied as it
## goes); prints a table and appends it to bench/results/bench.md. About 10
## minutes on 2 cores. BENCH_FLAGS=-quick leaves out the whole-corpus steps.
bench: build
	$(GO) run ./bench/kgbench $(BENCH_FLAGS)

## bench-go: Go benchmarks of the extractor and tagger
bench-go:
	$(GO) test -run XXX -bench . -benchmem ./internal/...

## bench-push: kg push vs a plain UNWIND ... MERGE script on the same rows (issue 15);
## KG_BENCH_NEO4J_URI must name a scratch Neo4j (wiped); BENCH_ARTICLES, BENCH_ROUNDS
BENCH_ARTICLES ?= 5000
BENCH_ROUNDS ?= 1
bench-push:
	bench/push.sh $(BENCH_ARTICLES) $(BENCH_ROUNDS)

clean:
	rm -rf bin .kg
