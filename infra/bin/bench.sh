#!/usr/bin/env bash
# Measures Argus against the physical limits of this machine: starts the real stack (Kafka broker,
# PostgreSQL, processor, api) and runs the benchmark scenarios, each beside a reference measured in
# the same run (raw COPY, nginx, injected LLM delays). Results: infra/bench/target/bench/results.json
# and results.md.
# Usage: infra/bin/bench.sh [--quick] [ingest] [memory] [latency] [api] [scaling] [llm] [camera] [detector]
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/bin/jdk.sh

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "[bench] Installing ${missing[*]} (the API scenario's load generator and reference server)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "[bench] ${missing[*]} not installed; the api scenario needs them (apt-get install ${missing[*]})" >&2
  fi
fi
export PATH="$PATH:/usr/sbin"

# The detector scenario reads the footage of people and runs the detector sidecar (both idempotent).
if [ $# -eq 0 ] || [[ " $* " == *" detector "* ]]; then
  infra/bin/fetch-footage.sh
  infra/bin/install-detector.sh
fi

echo "[bench] Building Argus (./mvnw -DskipTests package)..."
./mvnw -B -q -ntp -DskipTests package

exec "$JAVA_HOME/bin/java" -Xms256m -Xmx1g -XX:+UseParallelGC \
  -cp "infra/bench/target/classes:infra/bench/target/lib/*" dev.argus.bench.BenchMain "$@"
