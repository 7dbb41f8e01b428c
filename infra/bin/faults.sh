#!/usr/bin/env bash
# Fault harness (issue 14): starts the real stack (Kafka broker, PostgreSQL,
# processor, api, collector) on free ports, drives a known load of power readings, probe results,
# LLM probe readings and camera motion readings, injects a fault and counts what PostgreSQL stored
# and what the topics hold against what was sent. Results:
# infra/bench/target/faults/results.json and results.md. Exit status 1 when a scenario lost or
# doubled anything. See docs/RELIABILITY.md.
# Usage: infra/bin/faults.sh [--devices=200] [--seconds=60] [--kill-after=20] [--drain-timeout=240]
#        [--outage=30] [--db-outage=60] [--disk-full=30] [--soak-minutes=30] [--soak-rate=5000]
#        [--soak-sample=30] [scenario...]   (no scenario: every one but the soak)
# disk-pressure mounts a tmpfs for PostgreSQL, so it needs root.
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/bin/jdk.sh

if [ "${ARGUS_FAULTS_SKIP_BUILD:-}" != "1" ]; then
  echo "[faults] Building Argus (./mvnw -DskipTests package)..."
  ./mvnw -B -q -ntp -DskipTests package
fi

exec "$JAVA_HOME/bin/java" -Xms128m -Xmx512m -XX:+UseParallelGC \
  -cp "infra/bench/target/classes:infra/bench/target/lib/*" dev.argus.bench.faults.FaultsMain "$@"
