#!/usr/bin/env bash
# Runs every test of Argus: unit tests and the tests over real infrastructure (Kafka broker,
# PostgreSQL, TimescaleDB, NUT upsd, the whole local stack). Installs the system packages the tests
# need first. Extra arguments go to Maven, e.g. ./argus-test.sh -pl processor
set -euo pipefail
cd "$(dirname "$0")"
infra/bin/install-test-deps.sh
. infra/bin/jdk.sh
exec ./mvnw -B -ntp verify "$@"
