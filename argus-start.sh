#!/usr/bin/env bash
# Starts the whole of Argus on this machine, no Docker needed: a Kafka broker (KRaft), PostgreSQL,
# the processor, api and collector services, and a simulated demo of every domain. Installs the
# CPU object detector's Node sidecar first when Node is here (without Node, cameras still work and
# their events are typed by the AI description).
# Builds first when the sources changed. Flags: --reset (fresh data), --no-demo, --help.
set -euo pipefail
cd "$(dirname "$0")"
. infra/bin/jdk.sh

infra/bin/install-detector.sh

stamp=infra/stack/target/lib/.built
if [ ! -f "$stamp" ] || [ -n "$(find pom.xml infra collector processor api \( -path '*/target' -o -path '*/node_modules' \) -prune -o -newer "$stamp" -type f -print -quit)" ]; then
  echo "[build] Building Argus (first time: a few minutes while the Maven Wrapper downloads Maven and the dependencies)..."
  ./mvnw -B -q -ntp -DskipTests package
  touch "$stamp"
fi

exec "$JAVA_HOME/bin/java" -Xms32m -Xmx256m -XX:+UseSerialGC \
  -cp "infra/stack/target/classes:infra/stack/target/lib/*" dev.argus.stack.LocalStack "$@"
