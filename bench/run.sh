#!/usr/bin/env bash
# The load harness (issue 14): builds the jars, starts the dev stack on a fresh data folder with the ports of the
# environment (QUANZI_GATEWAY_PORT, QUANZI_KEYCLOAK_PORT, QUANZI_MEMBER_PORT, QUANZI_COMMUNITY_PORT,
# QUANZI_OFFER_PORT, QUANZI_MONGO_PORT; data in QUANZI_DATA, default ./data-bench), runs every scenario and writes
# the figures to docs/benchmarks.md. Takes about 5 minutes on 2 cores. Stop ./run.sh on the same ports first.
#
#   bench/run.sh                 build, then run everything
#   bench/run.sh --no-build      run with the jars already built
#   BENCH_OPTS="-Dbench.members=1000 -Dbench.rounds=2 -Dbench.only=drop,checkin" bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--no-build" ]; then
  shift
else
  ./mvnw -q -B -DskipTests package
fi

exec java -Xms256m -Xmx1g --add-opens java.base/java.lang=ALL-UNNAMED -Dgatling.data.enableAnalytics=false ${BENCH_OPTS:-} -Dquanzi.home="$PWD" \
  -cp "bench/target/bench.jar:bench/target/lib/*" io.quanzi.bench.Bench "$@"
