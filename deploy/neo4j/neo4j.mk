# Local Neo4j (Community 5.26 + Browser + APOC core) for kg.
# Include from the top-level Makefile:   include deploy/neo4j/neo4j.mk
# Env honoured by the script: KG_NEO4J_PASSWORD, KG_NEO4J_BOLT_PORT, KG_NEO4J_HTTP_PORT, KG_NEO4J_STATE,
# KG_NEO4J_HOME, KG_NEO4J_WAIT_TIMEOUT (see deploy/neo4j/README.md).

NEO4J_SH := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))/neo4j.sh

.PHONY: neo4j-install neo4j-up neo4j-down neo4j-status

## neo4j-install: assemble the local Neo4j home from Maven Central (idempotent)
neo4j-install:
	@"$(NEO4J_SH)" install

## neo4j-up: start local Neo4j in the background and wait until Bolt/HTTP are ready
neo4j-up:
	@"$(NEO4J_SH)" start

## neo4j-down: stop local Neo4j (data in .neo4j/data is kept)
neo4j-down:
	@"$(NEO4J_SH)" stop

## neo4j-status: print running/stopped (exit 0 when running, 3 when stopped)
neo4j-status:
	@"$(NEO4J_SH)" status
