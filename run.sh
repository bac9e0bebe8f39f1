#!/usr/bin/env bash
# Starts Quanzi on this machine with no Docker: an embedded MongoDB-wire server, the real Keycloak
# (from Maven Central) and the four apps. Builds first when the sources changed. Ctrl-C stops all.
#
#   ./run.sh            build if needed, then start
#   ./run.sh --rebuild  always build first
#
# Ports and paths can be changed with environment variables, e.g. QUANZI_GATEWAY_PORT=9080,
# QUANZI_KEYCLOAK_PORT, QUANZI_MEMBER_PORT, QUANZI_COMMUNITY_PORT, QUANZI_OFFER_PORT,
# QUANZI_MONGO_PORT, QUANZI_DATA (default ./data).
set -euo pipefail
cd "$(dirname "$0")"

launcher=devstack/target/devstack.jar

needs_build() {
  [ ! -f "$launcher" ] && return 0
  for jar in member-service community-service offer-service gateway; do
    [ -f "$jar/target/$jar.jar" ] || return 0
  done
  [ -n "$(find . -path ./data -prune -o -path '*/target' -prune -o -path ./.git -prune -o -path '*/node_modules' -prune \
      -o -path ./web/dist -prune -o -type f \
      \( -name '*.java' -o -name '*.yml' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \
         -o -path './web/src/*' -o -path './web/build/*' -o -path './web/public/*' -o -name 'package-lock.json' -o -path './web/index.html' \) \
      -newer "$launcher" -print -quit)" ]
}

if [ "${1:-}" = "--rebuild" ] || needs_build; then
  echo "Building Quanzi (the first build downloads dependencies and Keycloak from Maven Central)…"
  ./mvnw -q -B -DskipTests package
  touch "$launcher"
fi

# The launcher holds the embedded MongoDB: a bounded heap that shrinks after a burst (bench/ uses the same), and a
# 48 MB young generation: with the 21 MB one it had, the database stood still for ~2 s of a 12 s points burst in
# ~175 collections; now ~1.2 s in ~73 (docs/benchmarks.md, "A ninth look").
exec java ${QUANZI_DEVSTACK_JAVA_OPTS:--Xms96m -Xmn48m -Xmx768m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000} \
  -Dquanzi.home="$PWD" -jar "$launcher"
