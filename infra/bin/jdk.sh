# Sourced by the project's scripts: points JAVA_HOME at a JDK >= 21 (Argus targets Java 21),
# preferring JAVA_HOME, then the newest JDK under /usr/lib/jvm, then the java on the PATH.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

pick_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate" best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "Argus needs a JDK 21 or newer (with javac). Install one (e.g. apt-get install openjdk-21-jdk or a Temurin JDK) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  # The wrapper's Maven 3.9 runs clean on JDK 24+ without this; a system Maven 3.8 (`mvn` run by
  # hand after sourcing this file) loads a Guava that calls sun.misc.Unsafe, which JDK 24+ warns
  # about on every run. The flag is harmless to Maven 3.9.
  if [ "$best_major" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

pick_jdk
